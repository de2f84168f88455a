// The App Mesh provider: a virtual router with one route whose two weighted targets are the stable and canary
// virtual nodes, a virtual service whose provider is that router, Envoy in every task. Loaded (with its SDK client)
// only when traffic-provider is app-mesh.
import { AppMeshClient, type RouteData } from '@aws-sdk/client-app-mesh';
import { withErrorContext, type ClientConfig } from '../../aws/clients.js';
import { PlanError } from '../../errors.js';
import type { Operation } from '../../model.js';
import type { ProviderContext, TwoServicesProvider, TrafficView } from '../provider.js';
import { AppMeshApi, type MeshRef } from './api.js';
import { providerWeights, routesThroughRouter } from './entryPoint.js';
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

export class AppMeshProvider implements TwoServicesProvider<AppMeshState> {
  readonly name = 'App Mesh';
  readonly planner: AppMeshPlanner;
  readonly executors;

  constructor(
    private readonly s: AppMeshSettings,
    private readonly opts: { canaryService: string; preview: boolean; deleteCanary: boolean },
    private readonly api: AppMeshApi,
  ) {
    this.planner = new AppMeshPlanner(s, opts.canaryService);
    this.executors = appMeshExecutors(api);
  }

  private listener?: { port?: number; protocol?: string };

  async read(operation: Operation): Promise<AppMeshState> {
    const state = await this.readState(operation);
    this.listener =
      state.stableNode?.spec?.listeners?.[0]?.portMapping ?? state.router?.spec?.listeners?.[0]?.portMapping;
    return state;
  }

  private async readState(operation: Operation): Promise<AppMeshState> {
    const { api } = this;
    const s = this.s;
    const full = operation === 'deploy';
    const nodes = operation === 'deploy' || operation === 'promote';
    const scalesDown = operation === 'rollback' || operation === 'promote';
    const cleanup = operation === 'rollback' && this.opts.deleteCanary;
    const previews = scalesDown || (full && this.opts.preview);
    const [route, stableNode, canaryNode, router, virtualService, previewRoute] = await Promise.all([
      api.describeRoute(s.virtualRouter, s.route),
      nodes ? api.describeVirtualNode(s.stableNode) : undefined,
      full || cleanup ? api.describeVirtualNode(s.canaryNode) : undefined,
      full ? api.describeVirtualRouter(s.virtualRouter) : undefined,
      full && s.virtualService ? api.describeVirtualService(s.virtualService) : undefined,
      previews ? api.describeRoute(s.virtualRouter, s.previewRoute) : undefined,
    ]);
    if (nodes && !stableNode?.spec) await this.missingNode();
    const ours = cleanup && canaryNode?.metadata?.arn ? await api.createdByAction(canaryNode.metadata.arn) : undefined;
    return {
      otherRoutes: scalesDown ? await this.otherRoutes() : undefined,
      ...this.split(route),
      // A deploy knows the virtual service: until it goes through the router, the route's split is not in effect.
      inEffect: routesThroughRouter(s, virtualService) || !route ? undefined : providerWeights(s, virtualService),
      stableNode,
      canaryNode,
      router,
      route,
      virtualService,
      previewRoute,
      previewRouteArn: previewRoute?.metadata?.arn,
      canaryNodeOurs: ours,
      routeSpec: route?.spec,
      routeId: route?.metadata?.arn,
      routeVersion: route?.metadata?.version,
      canaryEndpointArn: canaryNode?.metadata?.arn ?? nodeArnBeside(route?.metadata?.arn, s.canaryNode),
      routeInput: 'route',
      changedAt: route?.metadata?.lastUpdatedAt,
    };
  }

  /**
   * The split as percentages. A route that also names other nodes (another pull request's dark launch, say) is
   * only an error when this run would write its weights: the planner refuses then, naming them.
   */
  private split(route: RouteData | undefined): Pick<AppMeshState, 'weights' | 'foreign'> {
    const s = this.s;
    if (!route?.spec) return {};
    try {
      return { weights: readWeights(route.spec, s.stableNode, s.canaryNode, s.route) };
    } catch (err) {
      if (!(err instanceof PlanError)) throw err;
      const canary = canaryPercent(route.spec, s.canaryNode);
      return { weights: { stable: 100 - canary, canary }, foreign: err.message };
    }
  }

  /** Every other route of the router that gives the canary node weight (one List and one Describe each). */
  private async otherRoutes(): Promise<{ name: string; canaryWeight: number }[]> {
    const { api } = this;
    const s = this.s;
    const names = (await api.listRoutes(s.virtualRouter)).filter((n) => n !== s.route && n !== s.previewRoute);
    const routes = await Promise.all(names.map((n) => api.describeRoute(s.virtualRouter, n)));
    return routes.flatMap((r) =>
      r?.spec ? [{ name: r.routeName!, canaryWeight: canaryPercent(r.spec, s.canaryNode) }] : [],
    );
  }

  /** Says whether the mesh or the node is missing (one more read, only then). */
  private async missingNode(): Promise<never> {
    const s = this.s;
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
    const s = this.s;
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
      previewCurl: (p) => {
        if (!s.virtualService) return undefined;
        const port = this.listener?.port ? `:${this.listener.port}` : '';
        return `curl -H '${p.header}: ${p.value}' http://${s.virtualService}${port}/`;
      },
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
  context: ProviderContext,
  config: ClientConfig,
): AppMeshProvider {
  const client = withErrorContext(new AppMeshClient(config), 'App Mesh', endOfSupportHint);
  const opts = {
    canaryService: context.canaryService,
    preview: !!context.preview,
    deleteCanary: context.deleteCanary,
  };
  return new AppMeshProvider(s, opts, new AppMeshApi(client, meshRef(s)));
}
