// Executors of the App Mesh change kinds. Route weight writes are guarded: re-read right before writing and refuse
// if the version is not the one the plan (or this run's previous write) expects; after the write the version must
// be exactly one more, else the write is journaled as a conflict.
import * as core from '@actions/core';
import type { RouteSpec, VirtualNodeSpec, VirtualRouterSpec, VirtualServiceSpec } from '@aws-sdk/client-app-mesh';
import { ConcurrentModificationError } from '../../errors.js';
import { type Outcome, REFS, type Weights } from '../../model.js';
import { showWeights } from '../../plan/weights.js';
import { executor, type Executor } from '../../executor.js';
import type { AppMeshApi } from './api.js';
import { readWeights, withWeights } from './routeSpec.js';
import { APP_MESH_KINDS as K, PREVIEW_ARN, ROUTE_VERSION } from './state.js';

interface NodeRequest {
  virtualNodeName: string;
  spec: VirtualNodeSpec;
}

interface RouterRequest {
  virtualRouterName: string;
  spec: VirtualRouterSpec;
}

interface RouteRequest {
  virtualRouterName: string;
  routeName: string;
  spec: RouteSpec;
  weights: Weights;
  /**
   * Set when the virtual service does not route through the router yet (a first deploy switches it last): the route's
   * weights are then not in effect, and `weights` here is the split that is (none when it cannot be told).
   */
  unrouted?: { weights?: Weights };
}

interface WeightsRequest {
  virtualRouterName: string;
  routeName: string;
  stableNode: string;
  canaryNode: string;
  weights: Weights;
  expectedVersion?: number;
}

interface ProviderRequest {
  virtualServiceName: string;
  spec: VirtualServiceSpec;
  /** The split in effect once the virtual service has this provider (the route's weights, for the router). */
  weights?: Weights;
  previous: { spec: VirtualServiceSpec; describe: string; weights?: Weights };
}

interface PreviewRequest {
  virtualRouterName: string;
  routeName: string;
  spec: RouteSpec;
  previous?: RouteSpec;
}

function previewExecutors(api: AppMeshApi): Record<string, Executor> {
  const remove = (r: PreviewRequest) => ({
    kind: K.deleteRoute,
    request: r,
    describe: `preview route ${r.routeName} removed`,
  });
  return {
    [K.createPreview]: executor(async (r: PreviewRequest) => {
      const created = await api.createRoute(r.virtualRouterName, r.routeName, r.spec);
      return {
        detail: created.metadata?.arn,
        produces: { [PREVIEW_ARN]: created.metadata?.arn ?? '' },
        undo: remove(r),
      };
    }),
    [K.putPreview]: executor(async (r: PreviewRequest) => {
      const written = await api.updateRoute(r.virtualRouterName, r.routeName, r.spec);
      const back = { ...r, spec: r.previous!, previous: r.spec };
      const undo = { kind: K.putPreview, request: back, describe: `preview route ${r.routeName} back as it was` };
      return {
        detail: `version ${written.metadata?.version}`,
        produces: { [PREVIEW_ARN]: written.metadata?.arn ?? '' },
        undo,
      };
    }),
    [K.deleteRoute]: executor(async (r: PreviewRequest) => {
      await api.deleteRoute(r.virtualRouterName, r.routeName);
      return { undo: { kind: K.createPreview, request: r, describe: `preview route ${r.routeName} back` } };
    }),
    [K.deleteNode]: executor(async (r: { virtualNodeName: string }) => {
      await api.deleteVirtualNode(r.virtualNodeName);
      return { detail: `deleted ${r.virtualNodeName}` };
    }),
  };
}

export function appMeshExecutors(api: AppMeshApi): Record<string, Executor> {
  const node = async (r: NodeRequest, existed: boolean): Promise<Outcome> => {
    const written = existed
      ? await api.updateVirtualNode(r.virtualNodeName, r.spec)
      : await api.createVirtualNode(r.virtualNodeName, r.spec);
    const arn = written.metadata?.arn ?? '';
    return { detail: arn, produces: { [REFS.canaryEndpointArn]: arn } };
  };
  return {
    ...previewExecutors(api),
    [K.createNode]: executor((r: NodeRequest) => node(r, false)),
    [K.updateNode]: executor((r: NodeRequest) => node(r, true)),
    [K.createRouter]: executor(async (r: RouterRequest) => {
      const created = await api.createVirtualRouter(r.virtualRouterName, r.spec);
      return { detail: created.metadata?.arn };
    }),
    [K.createRoute]: executor(async (r: RouteRequest) => {
      const created = await api.createRoute(r.virtualRouterName, r.routeName, r.spec);
      const arn = created.metadata?.arn ?? '';
      return {
        detail: arn,
        weights: r.unrouted ? r.unrouted.weights : r.weights,
        produces: { [REFS.routeArn]: arn, [ROUTE_VERSION]: created.metadata?.version ?? 1 },
      };
    }),
    [K.setWeights]: executor((r: WeightsRequest) => setWeights(api, r)),
    [K.putRouteSpec]: executor(async (r: RouteRequest) => {
      const written = await api.updateRoute(r.virtualRouterName, r.routeName, r.spec);
      return { weights: r.weights, produces: { [ROUTE_VERSION]: written.metadata?.version ?? 0 } };
    }),
    [K.setProvider]: executor(async (r: ProviderRequest) => {
      await api.updateVirtualService(r.virtualServiceName, r.spec);
      const undo: ProviderRequest = {
        virtualServiceName: r.virtualServiceName,
        spec: r.previous.spec,
        weights: r.previous.weights,
        previous: { spec: r.spec, describe: '', weights: r.weights },
      };
      return {
        weights: r.weights,
        undo: {
          kind: K.setProvider,
          request: undo,
          describe: `virtual service ${r.virtualServiceName} provider back to ${r.previous.describe}`,
        },
      };
    }),
  };
}

async function setWeights(api: AppMeshApi, r: WeightsRequest): Promise<Outcome> {
  const current = await api.describeRoute(r.virtualRouterName, r.routeName);
  const version = current?.metadata?.version;
  if (!current?.spec || version === undefined || version !== r.expectedVersion) {
    const theirs = current?.spec ? weightsOrUndefined(current.spec, r) : undefined;
    const inEffect = theirs ? `; their weights are in effect: ${showWeights(theirs)}` : '';
    throw new ConcurrentModificationError(
      `Route ${r.routeName} changed while this run was working (version ${r.expectedVersion} expected, ${version ?? 'deleted'} now): another run or person is editing it. Nothing was written to it${inEffect}; rerun once the other change is done (a workflow concurrency group per service prevents this)`,
      { weightsNow: theirs },
    );
  }
  const previous = readWeights(current.spec, r.stableNode, r.canaryNode, r.routeName);
  const spec = withWeights(current.spec, r.stableNode, r.canaryNode, r.weights);
  core.debug(`UpdateRoute ${r.routeName} (version ${version}) to ${showWeights(r.weights)}`);
  const written = await api.updateRoute(r.virtualRouterName, r.routeName, spec);
  const now = written.metadata?.version;
  const outcome: Outcome = {
    detail: `version ${now}`,
    weights: r.weights,
    produces: { [ROUTE_VERSION]: now ?? version + 1, [REFS.routeArn]: written.metadata?.arn ?? '' },
    undo: {
      kind: K.putRouteSpec,
      request: {
        virtualRouterName: r.virtualRouterName,
        routeName: r.routeName,
        spec: current.spec,
        weights: previous,
      },
      describe: `route ${r.routeName} weights back to ${showWeights(previous)}`,
    },
  };
  if (now !== undefined && now !== version + 1) {
    outcome.conflict = `Route ${r.routeName} was also written by someone else between this run's check and its write (version ${now}, expected ${version + 1}): this run's write came last, so its weights ${showWeights(r.weights)} are in effect and the other writer's change was overwritten; tell them before retrying`;
  }
  return outcome;
}

function weightsOrUndefined(spec: RouteSpec, r: WeightsRequest): Weights | undefined {
  try {
    return readWeights(spec, r.stableNode, r.canaryNode, r.routeName);
  } catch {
    return undefined;
  }
}
