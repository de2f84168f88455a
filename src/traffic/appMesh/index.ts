// The App Mesh provider: a virtual router with one route whose two weighted targets are the stable and canary
// virtual nodes, a virtual service whose provider is that router, Envoy in every task. Loaded (with its SDK client)
// only when traffic-provider is app-mesh.
import { AppMeshClient } from '@aws-sdk/client-app-mesh';
import { withErrorContext, type ClientConfig } from '../../aws/clients.js';
import { PlanError } from '../../errors.js';
import type { Operation } from '../../inputs.js';
import type { TrafficProvider, TrafficView } from '../provider.js';
import { AppMeshApi, type MeshRef } from './api.js';
import { appMeshExecutors } from './executors.js';
import { AppMeshPlanner } from './planner.js';
import { canaryPercent, readWeights } from './routeSpec.js';
import type { AppMeshSettings } from './settings.js';
import type { AppMeshState } from './state.js';

/** A virtual node's ARN from a route's ARN of the same mesh (both are `…:mesh/<mesh>/…`), without another read. */
export function nodeArnBeside(routeArn: string | undefined, node: string): string | undefined {
  const mesh = routeArn?.match(/^(arn:[^:]+:appmesh:[^:]*:\d{12}:mesh\/[^/]+)\//)?.[1];
  return mesh ? `${mesh}/virtualNode/${node}` : undefined;
}

export function meshRef(s: AppMeshSettings): MeshRef {
  return s.meshOwner ? { meshName: s.mesh, meshOwner: s.meshOwner } : { meshName: s.mesh };
}

export class AppMeshProvider implements TrafficProvider<AppMeshState> {
  readonly name = 'App Mesh';
  readonly planner: AppMeshPlanner;
  readonly executors;

  constructor(
    private readonly s: AppMeshSettings,
    canaryService: string,
    private readonly api: AppMeshApi,
  ) {
    this.planner = new AppMeshPlanner(s, canaryService);
    this.executors = appMeshExecutors(api);
  }

  async read(operation: Operation): Promise<AppMeshState> {
    const { api, s } = this;
    const full = operation === 'deploy';
    const nodes = operation === 'deploy' || operation === 'promote';
    const [route, stableNode, canaryNode, router, virtualService] = await Promise.all([
      api.describeRoute(s.virtualRouter, s.route),
      nodes ? api.describeVirtualNode(s.stableNode) : undefined,
      full ? api.describeVirtualNode(s.canaryNode) : undefined,
      full ? api.describeVirtualRouter(s.virtualRouter) : undefined,
      full && s.virtualService ? api.describeVirtualService(s.virtualService) : undefined,
    ]);
    if (nodes && !stableNode?.spec) await this.missingNode();
    const scalesDown = operation === 'rollback' || operation === 'promote';
    return {
      otherRoutes: scalesDown ? await this.otherRoutes() : undefined,
      stableNode,
      canaryNode,
      router,
      route,
      virtualService,
      weights: route?.spec ? readWeights(route.spec, s.stableNode, s.canaryNode, s.route) : undefined,
      routeId: route?.metadata?.arn,
      routeVersion: route?.metadata?.version,
      canaryEndpointArn: canaryNode?.metadata?.arn ?? nodeArnBeside(route?.metadata?.arn, s.canaryNode),
      routeInput: 'route',
      changedAt: route?.metadata?.lastUpdatedAt,
    };
  }

  /** Every other route of the router that gives the canary node weight (one List and one Describe each). */
  private async otherRoutes(): Promise<{ name: string; canaryWeight: number }[]> {
    const { api, s } = this;
    const names = (await api.listRoutes(s.virtualRouter)).filter((n) => n !== s.route);
    const routes = await Promise.all(names.map((n) => api.describeRoute(s.virtualRouter, n)));
    return routes.flatMap((r) =>
      r?.spec ? [{ name: r.routeName!, canaryWeight: canaryPercent(r.spec, s.canaryNode) }] : [],
    );
  }

  /** Says whether the mesh or the node is missing (one more read, only then). */
  private async missingNode(): Promise<never> {
    const { s } = this;
    const owner = s.meshOwner ? ` owned by ${s.meshOwner}` : '';
    if (!(await this.api.describeMesh())) {
      throw new PlanError(
        `Mesh ${s.mesh}${owner} does not exist or is not shared with this account`,
        s.meshOwner ? 'mesh-owner' : 'mesh',
      );
    }
    throw new PlanError(`Virtual node ${s.stableNode} does not exist in mesh ${s.mesh}${owner}`, 'stable-virtual-node');
  }

  view(region: string): TrafficView {
    const { s } = this;
    const mesh = `https://${region}.console.aws.amazon.com/appmesh/meshes/${encodeURIComponent(s.mesh)}`;
    const q = `?region=${region}`;
    const router = `${mesh}/virtual-routers/${encodeURIComponent(s.virtualRouter)}`;
    const links: Record<string, (name: string) => string> = {
      'virtual node': (name) => `${mesh}/virtual-nodes/${encodeURIComponent(name)}${q}`,
      'virtual router': () => `${router}${q}`,
      route: () => `${router}/routes/${encodeURIComponent(s.route)}${q}`,
      'virtual service': (name) => `${mesh}/virtual-services/${encodeURIComponent(name)}${q}`,
    };
    return {
      label: this.name,
      endpointType: 'virtual node',
      stableEndpoint: s.stableNode,
      canaryEndpoint: s.canaryNode,
      entry: s.virtualService ?? s.route,
      endpointOutput: 'canary-virtual-node-arn',
      link: (r) => links[r.type]?.(r.name),
    };
  }
}

const UNREACHABLE = /AccessDenied|UnrecognizedClient|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|getaddrinfo/;

/** App Mesh's API is gone for accounts since AWS ended the service on 2026-09-30: say so when it looks like that. */
export function endOfSupportHint(err: Error): string | undefined {
  if (!UNREACHABLE.test(`${err.name} ${err.message}`)) return undefined;
  return 'AWS ended App Mesh on 2026-09-30 and accounts can no longer reach its API; see "Leaving App Mesh for VPC Lattice" in the README';
}

export function createAppMeshProvider(
  s: AppMeshSettings,
  canaryService: string,
  config: ClientConfig,
): AppMeshProvider {
  const client = withErrorContext(new AppMeshClient(config), 'App Mesh', endOfSupportHint);
  return new AppMeshProvider(s, canaryService, new AppMeshApi(client, meshRef(s)));
}
