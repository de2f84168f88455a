// The App Mesh planner on plain data: the isolation check before the canary node, the registration, the route's
// weights (router and route created only by deploy) and the virtual service's provider.
import { readFileSync } from 'node:fs';
import type { VirtualNodeData, VirtualServiceData, VirtualServiceProvider } from '@aws-sdk/client-app-mesh';
import type { Service } from '@aws-sdk/client-ecs';
import { PlanError } from '../../../src/errors.js';
import { readSettings } from '../../../src/inputs.js';
import { renderBase, type TaskDefinitionInput } from '../../../src/plan/taskDefinition.js';
import { AppMeshPlanner } from '../../../src/traffic/appMesh/planner.js';
import { newRouteSpec } from '../../../src/traffic/appMesh/routeSpec.js';
import type { AppMeshSettings } from '../../../src/traffic/appMesh/settings.js';
import { APP_MESH_KINDS as K, type AppMeshState } from '../../../src/traffic/appMesh/state.js';
import { canaryNodeSpec } from '../../../src/traffic/appMesh/virtualNode.js';

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')) as T;
/** The walkthrough's task definitions live with the emulator, which seeds them. */
const emulatorFixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../../emulator/fixtures/${name}`, import.meta.url), 'utf8')) as T;
const mesh = fixture<{ stableNode: VirtualNodeData; virtualService: VirtualServiceData }>('howto-mesh.json');
const stableService = fixture<Service>('color-service.json');

const INPUTS: Record<string, string> = {
  mesh: 'howto-ecs-basics',
  'virtual-router': 'color-router',
  route: 'color-route',
  'virtual-service': 'color.howto-ecs-basics.mesh.local',
  'stable-virtual-node': 'howto-ecs-basics-color-node',
  'canary-virtual-node': 'howto-ecs-basics-color-v2-node',
  'stable-service': 'color',
  'canary-service': 'color-canary',
  image: 'colorapp:blue',
};
function plannerOf(over: Record<string, string> = {}): AppMeshPlanner {
  const settings = readSettings((n) => ({ ...INPUTS, ...over })[n] ?? '');
  return new AppMeshPlanner(settings.traffic as AppMeshSettings, settings.canary.service);
}
const planner = plannerOf();
const state = (over: Partial<AppMeshState> = {}): AppMeshState => ({
  stableNode: mesh.stableNode,
  virtualService: mesh.virtualService,
  routeInput: 'route',
  ...over,
});
const facts = {
  cluster: 'howto',
  stableService,
  canaryFamily: 'howto-ecs-basics-color-canary',
  desiredCount: 1,
  dark: false,
};
const canarySpec = () =>
  canaryNodeSpec(mesh.stableNode.spec!, 'howto-ecs-basics-color-node', [
    { key: 'ECS_SERVICE_NAME', value: 'color-canary' },
  ]);
const routeAt = (canary: number) =>
  ({
    routeName: 'color-route',
    spec: newRouteSpec('http', 'howto-ecs-basics-color-node', 'howto-ecs-basics-color-v2-node', {
      stable: 100 - canary,
      canary,
    }),
    metadata: { version: 5 },
  }) as AppMeshState['route'];

describe('planEndpoint', () => {
  test('creates the canary node: the stable spec with the canary filter', () => {
    const [change] = planner.planEndpoint(state(), facts);
    expect(change).toMatchObject({
      kind: K.createNode,
      action: 'create',
      request: { virtualNodeName: 'howto-ecs-basics-color-v2-node', spec: canarySpec() },
    });
  });

  test('updates a canary node whose spec drifted; an identical one needs nothing', () => {
    const drifted = {
      ...mesh.stableNode,
      spec: { ...canarySpec(), backends: [{ virtualService: { virtualServiceName: 'x' } }] },
    };
    const [change] = planner.planEndpoint(state({ canaryNode: drifted }), facts);
    expect(change).toMatchObject({
      kind: K.updateNode,
      action: 'update',
      before: 'spec differs from the stable node with the canary filter',
    });
    expect(change.leftBehind).toBeUndefined();
    expect(planner.planEndpoint(state({ canaryNode: { ...mesh.stableNode, spec: canarySpec() } }), facts)).toEqual([]);
  });

  test('refuses a stable node whose filter would also select the canary tasks', () => {
    const open = {
      ...mesh.stableNode,
      spec: {
        ...mesh.stableNode.spec!,
        serviceDiscovery: { awsCloudMap: { namespaceName: 'ns', serviceName: 'color' } },
      },
    };
    expect(() => planner.planEndpoint(state({ stableNode: open }), facts)).toThrow(
      /^Traffic isolation: .* \(input 'stable-virtual-node'\)$/,
    );
  });

  test('refuses a canary filter that selects the stable tasks too', () => {
    const p = plannerOf({ 'cloud-map-attributes': 'ECS_CLUSTER_NAME=howto' });
    expect(() => p.planEndpoint(state(), facts)).toThrow(
      /also selects the stable tasks .*\(input 'cloud-map-attributes'\)$/,
    );
  });
});

test('registration: the stable service’s Cloud Map registry, or a refusal without one', () => {
  expect(planner.registration(stableService)).toEqual({ serviceRegistries: stableService.serviceRegistries });
  expect(() => planner.registration({ ...stableService, serviceRegistries: [] })).toThrow(
    /no Cloud Map service registry.*\(input 'stable-service'\)$/,
  );
});

test('renderWorkload names the node of the role; a shared mesh gets the full ARN', () => {
  const v1 = emulatorFixture<TaskDefinitionInput>('color-v1-task-definition.json');
  const arnOf = (p: AppMeshPlanner, role: 'canary' | 'stable') => {
    const { definition } = p.renderWorkload(renderBase(v1, { family: 'f', source: 'stable-service' }), role, state());
    return definition
      .containerDefinitions!.find((c) => c.name === 'envoy')!
      .environment!.find((e) => e.name === 'APPMESH_RESOURCE_ARN')!.value;
  };
  expect(arnOf(planner, 'canary')).toBe('mesh/howto-ecs-basics/virtualNode/howto-ecs-basics-color-v2-node');
  expect(arnOf(planner, 'stable')).toBe('mesh/howto-ecs-basics/virtualNode/howto-ecs-basics-color-node');
  expect(arnOf(plannerOf({ 'mesh-owner': '111122223333' }), 'canary')).toBe(
    'arn:aws:appmesh:ap-northeast-1:111122223333:mesh/howto-ecs-basics/virtualNode/howto-ecs-basics-color-v2-node',
  );
});

describe('planWeights', () => {
  test('deploy creates the router and the route when they are missing', () => {
    const { changes, next } = planner.planWeights(state(), { stable: 90, canary: 10 }, { create: true });
    expect(changes.map((c) => c.kind)).toEqual([K.createRouter, K.createRoute]);
    expect(next).toMatchObject({ weights: { stable: 90, canary: 10 }, routeVersion: { $ref: 'appmesh.routeVersion' } });
  });

  test('a route created while the virtual service does not route through the router is not in effect yet', () => {
    const unrouted = (s: AppMeshState, p = planner) =>
      (p.planWeights(s, { stable: 80, canary: 20 }, { create: true }).changes.at(-1)?.request as { unrouted?: unknown })
        .unrouted;
    // The sample's virtual service is provided by the stable node: all traffic stays on it until the switch.
    expect(unrouted(state())).toEqual({ weights: { stable: 100, canary: 0 } });
    const viaRouter = {
      ...mesh.virtualService,
      spec: { provider: { virtualRouter: { virtualRouterName: 'color-router' } } },
    };
    expect(unrouted(state({ virtualService: viaRouter }))).toBeUndefined();
    const noProvider = { ...mesh.virtualService, spec: {} };
    expect(unrouted(state({ virtualService: noProvider }))).toEqual({ weights: undefined });
    expect(unrouted(state({ virtualService: undefined }), plannerOf({ 'virtual-service': '' }))).toBeUndefined();
  });

  test('an existing router is kept: only the route is created', () => {
    const router = { virtualRouterName: 'color-router' } as AppMeshState['router'];
    expect(
      planner.planWeights(state({ router }), { stable: 90, canary: 10 }, { create: true }).changes.map((c) => c.kind),
    ).toEqual([K.createRoute]);
  });

  test('a stable node without a listener cannot give the router one', () => {
    const bare = { ...mesh.stableNode, spec: { ...mesh.stableNode.spec!, listeners: [] } };
    expect(() =>
      planner.planWeights(state({ stableNode: bare }), { stable: 90, canary: 10 }, { create: true }),
    ).toThrow(
      "Virtual node howto-ecs-basics-color-node has no listener to copy to the virtual router (input 'stable-virtual-node')",
    );
  });

  test('an existing route: one guarded write expecting the version read, none when the weights match', () => {
    const existing = state({ route: routeAt(20), weights: { stable: 80, canary: 20 }, routeVersion: 5 });
    const { changes } = planner.planWeights(existing, { stable: 60, canary: 40 });
    expect(changes).toEqual([
      expect.objectContaining({ kind: K.setWeights, before: 'stable 80 / canary 20', after: 'stable 60 / canary 40' }),
    ]);
    expect(changes[0].request).toEqual({
      virtualRouterName: 'color-router',
      routeName: 'color-route',
      stableNode: 'howto-ecs-basics-color-node',
      canaryNode: 'howto-ecs-basics-color-v2-node',
      weights: { stable: 60, canary: 40 },
      expectedVersion: 5,
    });
    expect(planner.planWeights(existing, { stable: 80, canary: 20 })).toEqual({ changes: [], next: existing });
  });
});

describe('planEntryPoint', () => {
  const provided = (provider: VirtualServiceProvider) =>
    state({ virtualService: { ...mesh.virtualService, spec: { provider } } });

  test('switches the virtual service from the stable node to the router, remembering the previous provider', () => {
    const [change] = planner.planEntryPoint(state());
    expect(change).toMatchObject({
      kind: K.setProvider,
      moves: 'traffic',
      before: 'provider virtual node howto-ecs-basics-color-node',
      after: 'provider virtual router color-router',
      request: {
        spec: { provider: { virtualRouter: { virtualRouterName: 'color-router' } } },
        previous: { spec: mesh.virtualService.spec, describe: 'virtual node howto-ecs-basics-color-node' },
      },
    });
    // The split in effect once switched (the route's), and before (all on the stable node).
    const routedState = state({ weights: { stable: 80, canary: 20 } });
    expect(planner.planEntryPoint(routedState)[0].request).toMatchObject({
      weights: { stable: 80, canary: 20 },
      previous: { weights: { stable: 100, canary: 0 } },
    });
  });

  test('nothing when already provided by the router, or when no virtual-service input was given', () => {
    expect(planner.planEntryPoint(provided({ virtualRouter: { virtualRouterName: 'color-router' } }))).toEqual([]);
    expect(plannerOf({ 'virtual-service': '' }).planEntryPoint(state({ virtualService: undefined }))).toEqual([]);
  });

  test('refuses a missing virtual service, and one another router provides', () => {
    expect(() => planner.planEntryPoint(state({ virtualService: undefined }))).toThrow(
      /does not exist in mesh howto-ecs-basics \(input 'virtual-service'\)$/,
    );
    expect(() => planner.planEntryPoint(provided({ virtualRouter: { virtualRouterName: 'other' } }))).toThrow(
      /provided by another virtual router \(other\)/,
    );
  });
});

test('planning errors are PlanErrors', () => {
  expect(() => planner.planWeights(state(), { stable: 100, canary: 0 })).toThrow(PlanError);
});
