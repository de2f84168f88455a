// The App Mesh executors against the in-process emulator: what each change kind sends and reports, the guard on route
// versions, a write that raced another writer, and undos that are changes for the same executors.
import { jest } from '@jest/globals';
import { AppMeshClient, type RouteSpec } from '@aws-sdk/client-app-mesh';
import { ConcurrentModificationError } from '../../../src/errors.js';
import type { Outcome, Weights } from '../../../src/model.js';
import type { ExecutorContext } from '../../../src/executor.js';
import { AppMeshApi } from '../../../src/traffic/appMesh/api.js';
import { appMeshExecutors } from '../../../src/traffic/appMesh/executors.js';
import { newRouteSpec, readWeights } from '../../../src/traffic/appMesh/routeSpec.js';
import { APP_MESH_KINDS as K, ROUTE_VERSION } from '../../../src/traffic/appMesh/state.js';
import { canaryNodeSpec } from '../../../src/traffic/appMesh/virtualNode.js';
import { SAMPLE, seedHowtoEcsBasics } from '../../../emulator/fixture.js';
import { Emulator } from '../../../emulator/server.js';

const ROUTER = SAMPLE.virtualRouter;
const ROUTE = SAMPLE.route;
const ctx: ExecutorContext = { sleep: async () => {}, produced: {} };

let emu: Emulator;
let client: AppMeshClient;
beforeEach(async () => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  emu = await Emulator.start({ rolloutDelayMs: 0 });
  seedHowtoEcsBasics(emu);
  client = new AppMeshClient(emu.clientConfig());
});
afterEach(async () => {
  jest.restoreAllMocks();
  client.destroy();
  await emu.stop();
});

const executorsOf = (api = new AppMeshApi(client, { meshName: SAMPLE.mesh })) => appMeshExecutors(api);
const send = (kind: string, request: unknown, api?: AppMeshApi): Promise<Outcome> =>
  executorsOf(api)[kind](request, ctx);
const routeNow = async () => (await new AppMeshApi(client, { meshName: SAMPLE.mesh }).describeRoute(ROUTER, ROUTE))!;
const weightsNow = async () => readWeights((await routeNow()).spec!, SAMPLE.stableNode, SAMPLE.canaryNode, ROUTE);
const mutating = () => emu.calls({ mutating: true }).map((c) => c.operation);

/** The sample after a first canary: canary node, router, route at `w` (version 1). */
async function routed(w: Weights): Promise<void> {
  const stable = (await new AppMeshApi(client, { meshName: SAMPLE.mesh }).describeVirtualNode(SAMPLE.stableNode))!;
  const spec = canaryNodeSpec(stable.spec!, SAMPLE.stableNode, [
    { key: 'ECS_SERVICE_NAME', value: SAMPLE.canaryService },
  ]);
  await send(K.createNode, { virtualNodeName: SAMPLE.canaryNode, spec });
  await send(K.createRouter, {
    virtualRouterName: ROUTER,
    spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
  });
  await send(K.createRoute, {
    virtualRouterName: ROUTER,
    routeName: ROUTE,
    spec: newRouteSpec('http', SAMPLE.stableNode, SAMPLE.canaryNode, w),
    weights: w,
  });
}

const setWeights = (weights: Weights, expectedVersion: number) => ({
  virtualRouterName: ROUTER,
  routeName: ROUTE,
  stableNode: SAMPLE.stableNode,
  canaryNode: SAMPLE.canaryNode,
  weights,
  expectedVersion,
});

test('create-virtual-node and create-route report what later changes and the outputs need', async () => {
  const stable = (await new AppMeshApi(client, { meshName: SAMPLE.mesh }).describeVirtualNode(SAMPLE.stableNode))!;
  const spec = canaryNodeSpec(stable.spec!, SAMPLE.stableNode, [{ key: 'ECS_SERVICE_NAME', value: 'color-v2' }]);
  const node = await send(K.createNode, { virtualNodeName: SAMPLE.canaryNode, spec });
  expect(node.produces).toEqual({
    canaryEndpointArn: expect.stringMatching(/mesh\/howto-ecs-basics\/virtualNode\/howto-ecs-basics-color-v2-node$/),
  });
  await send(K.createRouter, {
    virtualRouterName: ROUTER,
    spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
  });
  const w = { stable: 90, canary: 10 };
  const route = await send(K.createRoute, {
    virtualRouterName: ROUTER,
    routeName: ROUTE,
    spec: newRouteSpec('http', SAMPLE.stableNode, SAMPLE.canaryNode, w),
    weights: w,
  });
  expect(route).toMatchObject({
    weights: w,
    produces: { routeArn: expect.stringMatching(/route\/howto-ecs-basics-color-route$/), [ROUTE_VERSION]: 1 },
  });
  expect(route.undo).toBeUndefined();
  expect(await weightsNow()).toEqual(w);
});

test('set-route-weights writes the two targets, produces the next version, and its undo puts the old spec back', async () => {
  await routed({ stable: 80, canary: 20 });
  const before = (await routeNow()).spec as RouteSpec;
  const outcome = await send(K.setWeights, setWeights({ stable: 50, canary: 50 }, 1));
  expect(outcome).toMatchObject({
    weights: { stable: 50, canary: 50 },
    produces: { [ROUTE_VERSION]: 2 },
    detail: 'version 2',
  });
  expect(outcome.conflict).toBeUndefined();
  expect(await weightsNow()).toEqual({ stable: 50, canary: 50 });
  expect(outcome.undo).toMatchObject({
    kind: K.putRouteSpec,
    describe: `route ${ROUTE} weights back to stable 80 / canary 20`,
  });
  const undone = await send(outcome.undo!.kind, outcome.undo!.request);
  expect(undone.weights).toEqual({ stable: 80, canary: 20 });
  expect((await routeNow()).spec).toEqual(before);
});

test('a route whose version is not the one expected is not written', async () => {
  await routed({ stable: 80, canary: 20 });
  const writes = mutating().length;
  const write = send(K.setWeights, setWeights({ stable: 50, canary: 50 }, 7));
  await expect(write).rejects.toThrow(ConcurrentModificationError);
  await expect(write).rejects.toThrow(`Route ${ROUTE} changed while this run was working (version 7 expected, 1 now)`);
  expect(mutating().slice(writes)).toEqual([]);
  expect(await weightsNow()).toEqual({ stable: 80, canary: 20 });
});

test('a write that lands two versions on is journaled as a conflict', async () => {
  await routed({ stable: 80, canary: 20 });
  /** Another writer updates the route right before this run's write reaches App Mesh. */
  class RacedApi extends AppMeshApi {
    override async updateRoute(router: string, route: string, spec: RouteSpec) {
      await super.updateRoute(
        router,
        route,
        newRouteSpec('http', SAMPLE.stableNode, SAMPLE.canaryNode, { stable: 10, canary: 90 }),
      );
      return super.updateRoute(router, route, spec);
    }
  }
  const outcome = await send(
    K.setWeights,
    setWeights({ stable: 50, canary: 50 }, 1),
    new RacedApi(client, { meshName: SAMPLE.mesh }),
  );
  expect(outcome.conflict).toMatch(
    /^Route howto-ecs-basics-color-route was also written by someone else .*\(version 3, expected 2\)/,
  );
  expect(outcome.undo).toBeDefined();
});

test('set-virtual-service-provider switches the provider, and its undo switches it back', async () => {
  await routed({ stable: 80, canary: 20 });
  const api = new AppMeshApi(client, { meshName: SAMPLE.mesh });
  const previous = (await api.describeVirtualService(SAMPLE.virtualService))!.spec!;
  const spec = { provider: { virtualRouter: { virtualRouterName: ROUTER } } };
  const outcome = await send(K.setProvider, {
    virtualServiceName: SAMPLE.virtualService,
    spec,
    weights: { stable: 80, canary: 20 },
    previous: { spec: previous, describe: `virtual node ${SAMPLE.stableNode}`, weights: { stable: 100, canary: 0 } },
  });
  expect((await api.describeVirtualService(SAMPLE.virtualService))!.spec).toEqual(spec);
  // The route's weights are in effect from this switch on; the undo's outcome says they no longer are.
  expect(outcome.weights).toEqual({ stable: 80, canary: 20 });
  expect(outcome.undo!.describe).toBe(
    `virtual service ${SAMPLE.virtualService} provider back to virtual node ${SAMPLE.stableNode}`,
  );
  const undone = await send(outcome.undo!.kind, outcome.undo!.request);
  expect((await api.describeVirtualService(SAMPLE.virtualService))!.spec).toEqual(previous);
  expect(undone.weights).toEqual({ stable: 100, canary: 0 });
});

test('a route created before the virtual service routes through the router reports the split in effect', async () => {
  const w = { stable: 80, canary: 20 };
  await routed(w);
  const spec = newRouteSpec('http', SAMPLE.stableNode, SAMPLE.canaryNode, w);
  const request = { virtualRouterName: ROUTER, spec, weights: w };
  const route = await send(K.createRoute, {
    ...request,
    routeName: 'r2',
    unrouted: { weights: { stable: 100, canary: 0 } },
  });
  expect(route.weights).toEqual({ stable: 100, canary: 0 });
  expect((await send(K.createRoute, { ...request, routeName: 'r3', unrouted: {} })).weights).toBeUndefined();
});
