// buildPlan on plain data: State objects written by hand (ECS JSON from fixtures), the real App Mesh and VPC Lattice
// planners, and a test double planner. No AWS client, no fake of one: the plan is asserted as data.
import { readFileSync } from 'node:fs';
import type { Service, TaskDefinition } from '@aws-sdk/client-ecs';
import type { VirtualNodeData, VirtualServiceData } from '@aws-sdk/client-app-mesh';
import { PlanError } from '../../src/errors.js';
import { readSettings, type Settings } from '../../src/inputs.js';
import { buildPlan, type Planning } from '../../src/plan/index.js';
import type { Base, TaskDefinitionInput } from '../../src/plan/taskDefinition.js';
import { ECS_KINDS, type Plan } from '../../src/plan/types.js';
import type { Change, PhaseOperation, Step, Weights } from '../../src/model.js';
import { showWeights } from '../../src/plan/weights.js';
import type { DeployState, PromoteState, ShiftState, State } from '../../src/state.js';
import { AppMeshPlanner } from '../../src/traffic/appMesh/planner.js';
import { newRouteSpec } from '../../src/traffic/appMesh/routeSpec.js';
import type { AppMeshSettings } from '../../src/traffic/appMesh/settings.js';
import { APP_MESH_KINDS, type AppMeshState } from '../../src/traffic/appMesh/state.js';
import { canaryNodeSpec } from '../../src/traffic/appMesh/virtualNode.js';
import type { TrafficPlanner, TrafficState, WeightOptions } from '../../src/traffic/provider.js';
import { LatticePlanner } from '../../src/traffic/vpcLattice/planner.js';
import { CANARY_GROUP, LATTICE_KINDS, type LatticeState } from '../../src/traffic/vpcLattice/state.js';

/** The step a run's first phase takes for these settings (run/index.ts), with the revision a walk pins. */
const stepOf = (settings: Settings, revision?: string): Step => ({
  operation: settings.operation as PhaseOperation,
  canaryWeight: settings.canaryWeight,
  revision,
});

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
/** The walkthrough's task definitions live with the emulator, which seeds them. */
const emulatorFixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../emulator/fixtures/${name}`, import.meta.url), 'utf8')) as T;

const TD = 'arn:aws:ecs:ap-northeast-1:111122223333:task-definition/';
const STABLE_NODE = 'howto-ecs-basics-color-node';
const CANARY_NODE = 'howto-ecs-basics-color-v2-node';
const ROUTE_ARN =
  'arn:aws:appmesh:ap-northeast-1:111122223333:mesh/howto-ecs-basics/virtualRouter/color-router/route/color-route';

const INPUTS: Record<string, string> = {
  cluster: 'howto',
  mesh: 'howto-ecs-basics',
  'virtual-router': 'color-router',
  route: 'color-route',
  'virtual-service': 'color.howto-ecs-basics.mesh.local',
  'stable-virtual-node': STABLE_NODE,
  'canary-virtual-node': CANARY_NODE,
  'stable-service': 'color',
  'canary-service': 'color-canary',
  image: 'colorapp:blue',
  'canary-weight': '20',
};
const LATTICE_INPUTS: Record<string, string> = {
  cluster: 'howto',
  'traffic-provider': 'vpc-lattice',
  'lattice-service': 'color',
  'stable-service': 'color',
  'canary-service': 'color-canary',
  image: 'colorapp:blue',
  'canary-weight': '20',
};

/** Settings from inputs; promote and rollback take no canary-weight (they always end at 0). */
function settingsOf(over: Record<string, string> = {}, base = INPUTS): Settings {
  const inputs: Record<string, string> = { ...base, ...over };
  if (inputs.operation === 'promote' || inputs.operation === 'rollback') delete inputs['canary-weight'];
  return readSettings((name) => inputs[name] ?? '');
}

const appMesh = (s: Settings): Planning<AppMeshState> => ({
  name: 'App Mesh',
  planner: new AppMeshPlanner(s.traffic as AppMeshSettings, s.canary.service),
});
const lattice = (s: Settings): Planning<LatticeState> => ({
  name: 'VPC Lattice',
  planner: new LatticePlanner({ waitForMinutes: s.waitForMinutes }),
});

// --- ECS as DescribeServices / DescribeTaskDefinition answer it -------------------------------------------------------

const stableService = fixture<Service>('color-service.json');
const v1: TaskDefinition = {
  ...emulatorFixture<TaskDefinition>('color-v1-task-definition.json'),
  taskDefinitionArn: `${TD}howto-ecs-basics-color:1`,
  revision: 1,
  status: 'ACTIVE',
};

/** A service running `taskDefinition` with `running` of `desired` tasks in a deployment in `rolloutState`. */
function service(
  name: string,
  taskDefinition: string,
  desired = 1,
  rolloutState = 'COMPLETED',
  running = desired,
): Service {
  const deployment = {
    id: `ecs-svc/${name}`,
    status: 'PRIMARY',
    taskDefinition,
    desiredCount: desired,
    runningCount: running,
    rolloutState,
  };
  return {
    serviceName: name,
    taskDefinition,
    desiredCount: desired,
    runningCount: running,
    deployments: [deployment],
  } as Service;
}

/** The revision a plan registers, as DescribeTaskDefinition would answer once it is registered. */
function registered(plan: Plan, revision: number): TaskDefinition {
  const def = plan.changes.find((c) => c.kind === ECS_KINDS.register)!.request as TaskDefinitionInput;
  return {
    ...structuredClone(def),
    taskDefinitionArn: `${TD}${def.family}:${revision}`,
    revision,
    status: 'ACTIVE',
  } as TaskDefinition;
}

// --- App Mesh state -------------------------------------------------------------------------------------------------

const mesh = fixture<{ stableNode: VirtualNodeData; virtualService: VirtualServiceData }>('howto-mesh.json');

/** Before any canary: the stable node and the virtual service it provides. */
const meshBefore = (): AppMeshState => ({
  stableNode: mesh.stableNode,
  virtualService: mesh.virtualService,
  routeInput: 'route',
});

/** After a deploy: canary node, router, route at `w` (version 3), virtual service provided by the router. */
function meshAt(w: Weights): AppMeshState {
  const spec = canaryNodeSpec(mesh.stableNode.spec!, STABLE_NODE, [{ key: 'ECS_SERVICE_NAME', value: 'color-canary' }]);
  const nodeArn = mesh.stableNode.metadata!.arn!.replace(STABLE_NODE, CANARY_NODE);
  return {
    ...meshBefore(),
    canaryNode: {
      ...mesh.stableNode,
      virtualNodeName: CANARY_NODE,
      spec,
      metadata: { ...mesh.stableNode.metadata!, arn: nodeArn },
    },
    router: {
      virtualRouterName: 'color-router',
      spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    } as AppMeshState['router'],
    route: {
      routeName: 'color-route',
      spec: newRouteSpec('http', STABLE_NODE, CANARY_NODE, w),
      metadata: { arn: ROUTE_ARN, version: 3 },
    } as AppMeshState['route'],
    virtualService: {
      ...mesh.virtualService,
      spec: { provider: { virtualRouter: { virtualRouterName: 'color-router' } } },
    },
    weights: w,
    routeId: ROUTE_ARN,
    routeVersion: 3,
    canaryEndpointArn: nodeArn,
  };
}

function deployState<S>(traffic: S, over: Partial<DeployState<S>> = {}): DeployState<S> {
  return {
    operation: 'deploy',
    stableService,
    base: v1,
    baseSource: 'stable-service',
    canaryFamily: 'howto-ecs-basics-color-canary',
    traffic,
    ...over,
  };
}

const kinds = (plan: Plan) => plan.changes.map((c) => c.kind);
const byKind = (plan: Plan, kind: string) => plan.changes.filter((c) => c.kind === kind);
const only = (plan: Plan, kind: string) => {
  const found = byKind(plan, kind);
  expect(found).toHaveLength(1);
  return found[0];
};

/** The first canary of the sample: everything App Mesh needs is created, then the virtual service switches. */
const firstDeploy = (over: Record<string, string> = {}) => {
  const settings = settingsOf(over);
  return buildPlan(settings, stepOf(settings), deployState(meshBefore()), appMesh(settings));
};

/** A deploy after the first one (canary running `canaryTd`, route at `w`), given the newest canary revision. */
function laterDeploy(over: Record<string, string>, w: Weights, canaryTd: string, latestCanary?: TaskDefinition): Plan {
  const settings = settingsOf(over);
  const state = deployState(meshAt(w), { canaryService: service('color-canary', canaryTd), latestCanary });
  return buildPlan(settings, stepOf(settings), state, appMesh(settings));
}

const CANARY_1 = `${TD}howto-ecs-basics-color-canary:1`;

describe('deploy (App Mesh)', () => {
  test('first canary: node, revision, service and its rollout, then router, route at the weight, entry point last', () => {
    const plan = firstDeploy();
    expect(kinds(plan)).toEqual([
      APP_MESH_KINDS.createNode,
      ECS_KINDS.register,
      ECS_KINDS.create,
      ECS_KINDS.wait,
      APP_MESH_KINDS.createRouter,
      APP_MESH_KINDS.createRoute,
      // The route carries no traffic until the virtual service names the router: the check goes right before that.
      ECS_KINDS.check,
      APP_MESH_KINDS.setProvider,
    ]);
    expect(only(plan, ECS_KINDS.check)).toMatchObject({
      action: 'check',
      after: "still runs this run's revision × 1, rollout COMPLETED",
      request: {
        cluster: 'howto',
        service: 'color-canary',
        taskDefinition: { $ref: 'taskDefinitionArn' },
        desiredCount: 1,
      },
      moves: 'none',
    });
    expect(plan).toMatchObject({
      operation: 'deploy',
      provider: 'App Mesh',
      weights: { after: { stable: 80, canary: 20 } },
      warnings: [],
    });
    expect(plan.weights.before).toBeUndefined();
    expect(plan.known.taskDefinitionArn).toBeUndefined();
  });

  test('first canary: the requests name what each executor sends, with refs for values apply produces', () => {
    const plan = firstDeploy();
    const node = only(plan, APP_MESH_KINDS.createNode).request as {
      virtualNodeName: string;
      spec: VirtualNodeData['spec'];
    };
    expect(node.virtualNodeName).toBe(CANARY_NODE);
    expect(node.spec!.serviceDiscovery!.awsCloudMap!.attributes).toEqual([
      { key: 'ECS_SERVICE_NAME', value: 'color-canary' },
    ]);
    const def = only(plan, ECS_KINDS.register).request as TaskDefinitionInput;
    expect(def.family).toBe('howto-ecs-basics-color-canary');
    expect(def.containerDefinitions!.find((c) => c.name === 'app')!.image).toBe('colorapp:blue');
    const envoy = def.containerDefinitions!.find((c) => c.name === 'envoy')!;
    expect(envoy.environment).toContainEqual({
      name: 'APPMESH_RESOURCE_ARN',
      value: `mesh/howto-ecs-basics/virtualNode/${CANARY_NODE}`,
    });
    expect(only(plan, ECS_KINDS.create).request).toMatchObject({
      cluster: 'howto',
      serviceName: 'color-canary',
      desiredCount: 1,
      taskDefinition: { $ref: 'taskDefinitionArn' },
      serviceRegistries: stableService.serviceRegistries,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    expect(only(plan, ECS_KINDS.wait).request).toEqual({
      cluster: 'howto',
      service: 'color-canary',
      deploymentId: { $ref: 'deployment:color-canary' },
      timeoutMinutes: 30,
      taskDefinition: { $ref: 'taskDefinitionArn' },
      desiredCount: 1,
    });
    expect(only(plan, APP_MESH_KINDS.createRoute).request).toMatchObject({
      routeName: 'color-route',
      weights: { stable: 80, canary: 20 },
    });
    expect(only(plan, APP_MESH_KINDS.setProvider).request).toMatchObject({
      virtualServiceName: 'color.howto-ecs-basics.mesh.local',
      spec: { provider: { virtualRouter: { virtualRouterName: 'color-router' } } },
    });
  });

  test('first canary: only the entry-point switch moves traffic with an undo; the rest says what it leaves behind', () => {
    const plan = firstDeploy();
    expect(plan.changes.filter((c) => c.moves === 'traffic').map((c) => c.kind)).toEqual([APP_MESH_KINDS.setProvider]);
    expect(only(plan, APP_MESH_KINDS.createNode).leftBehind).toMatch(
      /^virtual node howto-ecs-basics-color-v2-node \(aws appmesh delete-virtual-node/,
    );
    expect(only(plan, APP_MESH_KINDS.createRoute).leftBehind).toMatch(/^route color-route \(aws appmesh delete-route/);
    expect(plan.services).toEqual([
      { name: 'color', role: 'stable', taskDefinition: stableService.taskDefinition, running: 3, desired: 3 },
      { name: 'color-canary', role: 'canary', taskDefinition: undefined, running: 0, desired: 0 },
    ]);
  });

  test('new image while the canary has weight: weight to 0 before the service changes, the new weight after its rollout', () => {
    const first = firstDeploy();
    const plan = laterDeploy(
      { image: 'colorapp:purple', 'canary-weight': '30' },
      { stable: 80, canary: 20 },
      CANARY_1,
      registered(first, 1),
    );
    expect(kinds(plan)).toEqual([
      ECS_KINDS.register,
      APP_MESH_KINDS.setWeights,
      ECS_KINDS.update,
      ECS_KINDS.wait,
      ECS_KINDS.check,
      APP_MESH_KINDS.setWeights,
    ]);
    const [drain, weights] = byKind(plan, APP_MESH_KINDS.setWeights);
    expect(drain).toMatchObject({
      moves: 'traffic',
      before: 'stable 80 / canary 20',
      after: 'stable 100 / canary 0 while the canary rolls out',
      request: { weights: { stable: 100, canary: 0 }, expectedVersion: 3 },
      keepOnceProduced: {
        ref: 'deployment:color-canary',
        why: expect.stringMatching(/started a new rollout, so its weight stays at 0/),
      },
    });
    expect(only(plan, ECS_KINDS.update).request).toEqual({
      cluster: 'howto',
      service: 'color-canary',
      taskDefinition: { $ref: 'taskDefinitionArn' },
      desiredCount: 1,
      // Sent only while the canary still runs what the plan read.
      ifTaskDefinition: `${TD}howto-ecs-basics-color-canary:1`,
    });
    // The second write expects the version the first one produces.
    expect(weights.request).toMatchObject({
      weights: { stable: 70, canary: 30 },
      expectedVersion: { $ref: 'appmesh.routeVersion' },
    });
    expect(weights.keepOnceProduced).toBeUndefined();
    expect(plan.weights).toEqual({ before: { stable: 80, canary: 20 }, after: { stable: 70, canary: 30 } });
  });

  test('an identical newest revision is reused: no registration, the service runs that ARN', () => {
    const purple = registered(firstDeploy({ image: 'colorapp:purple' }), 2);
    const plan = laterDeploy({ image: 'colorapp:purple' }, { stable: 100, canary: 0 }, CANARY_1, purple);
    expect(kinds(plan)).toEqual([ECS_KINDS.update, ECS_KINDS.wait, ECS_KINDS.check, APP_MESH_KINDS.setWeights]);
    expect(only(plan, ECS_KINDS.check).after).toBe('still runs howto-ecs-basics-color-canary:2 × 1, rollout COMPLETED');
    expect(only(plan, ECS_KINDS.update).request).toMatchObject({
      taskDefinition: `${TD}howto-ecs-basics-color-canary:2`,
    });
    expect(plan.known.taskDefinitionArn).toBe(`${TD}howto-ecs-basics-color-canary:2`);
  });

  test('the same deploy again plans nothing', () => {
    const plan = laterDeploy({}, { stable: 80, canary: 20 }, CANARY_1, registered(firstDeploy(), 1));
    expect(plan.changes).toEqual([]);
    expect(plan.known).toEqual({
      taskDefinitionArn: CANARY_1,
      canaryEndpointArn: expect.stringContaining(CANARY_NODE),
      routeArn: ROUTE_ARN,
    });
  });

  test('new alarms on an existing canary: sent with its update, so its own rollouts stop on them', () => {
    const plan = laterDeploy(
      { alarms: 'color-5xx' },
      { stable: 80, canary: 20 },
      CANARY_1,
      registered(firstDeploy(), 1),
    );
    const update = only(plan, ECS_KINDS.update);
    expect(update.after).toBe('howto-ecs-basics-color-canary:1 × 1, rollouts stopped by the alarms color-5xx');
    expect(update.request).toMatchObject({
      deploymentConfiguration: { alarms: { alarmNames: ['color-5xx'], enable: true, rollback: true } },
    });
  });

  test('an image stable already runs is planned, with a warning that the canary is a copy of stable', () => {
    const image = v1.containerDefinitions!.find((c) => c.name === 'app')!.image!;
    expect(firstDeploy({ image }).warnings).toEqual([
      `image ${image} is the image stable service color already runs: the canary is a copy of stable`,
    ]);
    expect(firstDeploy({ image: 'colorapp:blue' }).warnings).toEqual([]);
  });

  test('a stable service that cannot be cloned stops planning before any change', () => {
    const settings = settingsOf();
    const state = deployState(meshBefore(), { stableService: { ...stableService, serviceRegistries: [] } });
    expect(() => buildPlan(settings, stepOf(settings), state, appMesh(settings))).toThrow(
      /has no Cloud Map service registry/,
    );
  });
});

describe('deploy (VPC Lattice)', () => {
  const latticeState = () => fixture<LatticeState>('lattice-state.json');

  test('first canary: group, joined at 0 (health checks run during the rollout), revision, service registered in the group by ref, health, weight', () => {
    const settings = settingsOf({}, LATTICE_INPUTS);
    const plan = buildPlan(settings, stepOf(settings), deployState(latticeState()), lattice(settings));
    expect(kinds(plan)).toEqual([
      LATTICE_KINDS.createGroup,
      LATTICE_KINDS.setForward,
      ECS_KINDS.register,
      ECS_KINDS.create,
      ECS_KINDS.wait,
      LATTICE_KINDS.waitHealthy,
      // After the targets' health wait, which can take minutes, and right before the weight.
      ECS_KINDS.check,
      LATTICE_KINDS.setForward,
    ]);
    expect(only(plan, ECS_KINDS.create).request).toMatchObject({
      vpcLatticeConfigurations: [
        {
          roleArn: expect.stringContaining('ecsInfrastructureRoleForVpcLattice'),
          portName: 'color-8080',
          targetGroupArn: { $ref: CANARY_GROUP },
        },
      ],
    });
    expect(only(plan, ECS_KINDS.create).request).not.toHaveProperty('serviceRegistries');
    const def = only(plan, ECS_KINDS.register).request as TaskDefinitionInput;
    expect(def.containerDefinitions!.map((c) => c.name)).toEqual(['app', 'xray']);
    expect(plan.warnings).toEqual([expect.stringMatching(/still carries App Mesh/)]);
  });

  test('promote: the stable targets must be HEALTHY after the stable rollout, before all traffic goes back to them', () => {
    const settings = settingsOf({ operation: 'promote' }, LATTICE_INPUTS);
    const traffic = {
      ...latticeState(),
      canary: { arn: latticeState().stable.arn.replace(/tg-[^/]+$/, 'tg-1'), id: 'tg-1', name: 'color-tg-canary' },
      weights: { stable: 80, canary: 20 },
    };
    traffic.forward = [
      { group: traffic.stable.id, weight: 80 },
      { group: 'tg-1', weight: 20 },
    ];
    const state: PromoteState<LatticeState> = {
      operation: 'promote',
      stableService,
      canaryService: service('color-canary', CANARY_1),
      canaryTaskDefinition: { ...v1, family: 'howto-ecs-basics-color-canary' },
      traffic,
    };
    const plan = buildPlan(settings, stepOf(settings), state, lattice(settings));
    expect(kinds(plan)).toEqual([
      ECS_KINDS.register,
      ECS_KINDS.update,
      ECS_KINDS.wait,
      LATTICE_KINDS.waitHealthy,
      LATTICE_KINDS.setForward,
      ECS_KINDS.update,
    ]);
    expect(only(plan, LATTICE_KINDS.waitHealthy).request).toMatchObject({
      targetGroup: traffic.stable.arn,
      minHealthy: 3,
    });
    // A rerun after a run that rolled stable out and then failed (credentials that expired, say): stable already runs
    // the new revision, but traffic still goes back to its targets only once they are HEALTHY.
    const rerun = buildPlan(
      settings,
      stepOf(settings),
      {
        ...state,
        stableService: { ...service('color', `${TD}howto-ecs-basics-color:2`, 3, 'IN_PROGRESS', 0) },
        latestStable: { ...registered(plan, 2), taskDefinitionArn: `${TD}howto-ecs-basics-color:2` },
      },
      lattice(settings),
    );
    expect(kinds(rerun)).toEqual([
      ECS_KINDS.wait,
      LATTICE_KINDS.waitHealthy,
      LATTICE_KINDS.setForward,
      ECS_KINDS.update,
    ]);
  });
});

const healthyCanary = () => service('color-canary', CANARY_1);

function shiftState(
  operation: 'shift' | 'rollback',
  traffic: AppMeshState,
  canaryService?: Service,
): ShiftState<AppMeshState> {
  return { operation, canaryService, traffic };
}
const plan = (over: Record<string, string>, state: State<AppMeshState>) => {
  const settings = settingsOf(over);
  return buildPlan(settings, stepOf(settings), state, appMesh(settings));
};

describe('a walk gives weight only to the revision it deployed', () => {
  const walkPlan = (walkRevision: string) => {
    const settings = settingsOf({ operation: 'shift', 'canary-weight': '50' });
    const state = shiftState('shift', meshAt({ stable: 90, canary: 10 }), healthyCanary());
    return () => buildPlan(settings, stepOf(settings, walkRevision), state, appMesh(settings));
  };

  test('the same revision: the step is planned', () => {
    expect(walkPlan(CANARY_1)().changes).toHaveLength(1);
  });

  test('another revision: refused, naming both', () => {
    expect(walkPlan(`${TD}howto-ecs-basics-color-canary:7`)).toThrow(
      new PlanError(
        'Canary service color-canary now runs howto-ecs-basics-color-canary:1, not howto-ecs-basics-color-canary:7 that this walk deployed and baked: another deploy replaced it, so the walk stops here with the weights as they are',
        'canary-service',
      ),
    );
  });
});

describe('shift', () => {
  test('one guarded weight write', () => {
    const p = plan(
      { operation: 'shift', 'canary-weight': '50' },
      shiftState('shift', meshAt({ stable: 80, canary: 20 }), healthyCanary()),
    );
    expect(p.changes).toEqual([
      expect.objectContaining({
        kind: APP_MESH_KINDS.setWeights,
        request: expect.objectContaining({ weights: { stable: 50, canary: 50 }, expectedVersion: 3 }),
      }),
    ]);
    expect(p.services.map((s) => s.role)).toEqual(['canary']);
  });

  test('is refused while the canary rollout has not completed', () => {
    const rolling = service('color-canary', CANARY_1, 1, 'IN_PROGRESS', 0);
    const shift = () =>
      plan(
        { operation: 'shift', 'canary-weight': '50' },
        shiftState('shift', meshAt({ stable: 80, canary: 20 }), rolling),
      );
    expect(shift).toThrow(PlanError);
    expect(shift).toThrow(
      "Refusing to send 50% of traffic to the canary: canary service color-canary is not serving (its current deployment is IN_PROGRESS with 0/1 tasks running) (input 'canary-service')",
    );
  });

  test('to 0 needs no healthy canary', () => {
    const p = plan(
      { operation: 'shift', 'canary-weight': '0' },
      shiftState('shift', meshAt({ stable: 80, canary: 20 })),
    );
    expect(kinds(p)).toEqual([APP_MESH_KINDS.setWeights]);
  });

  test('without a route is refused: run deploy first', () => {
    const shift = () => plan({ operation: 'shift', 'canary-weight': '0' }, shiftState('shift', meshBefore()));
    expect(shift).toThrow(/Route color-route of virtual router color-router does not exist; run deploy first/);
  });
});

describe('rollback', () => {
  const rollback = (traffic: AppMeshState, canary?: Service) =>
    plan({ operation: 'rollback' }, shiftState('rollback', traffic, canary));

  test('weights back to stable, then the canary scaled to 0', () => {
    const p = rollback(meshAt({ stable: 50, canary: 50 }), healthyCanary());
    expect(kinds(p)).toEqual([APP_MESH_KINDS.setWeights, ECS_KINDS.update]);
    expect(p.changes[1]).toMatchObject({
      action: 'scale',
      request: { cluster: 'howto', service: 'color-canary', desiredCount: 0 },
    });
  });

  test('refuses to scale a canary with tasks when the route is missing, naming the route input', () => {
    expect(() => rollback(meshBefore(), healthyCanary())).toThrow(
      /Refusing to scale canary service color-canary \(1 task\(s\)\) to 0: .*\(input 'route'\)$/,
    );
  });

  test.each([
    ['a canary at 0 tasks', service('color-canary', CANARY_1, 0)],
    ['no canary service', undefined],
  ])('only warns when the route is missing and there is %s', (_name, canary) => {
    const p = rollback(meshBefore(), canary);
    expect(p.changes).toEqual([]);
    expect(p.warnings).toEqual(['The route or rule that splits traffic does not exist: no traffic to move back']);
  });
});

describe('promote', () => {
  const STABLE_2 = `${TD}howto-ecs-basics-color:2`;
  const canaryTd = () => registered(firstDeploy(), 1);
  function promoteState(over: Partial<PromoteState<AppMeshState>> = {}): PromoteState<AppMeshState> {
    const traffic = meshAt({ stable: 80, canary: 20 });
    return {
      operation: 'promote',
      stableService,
      canaryService: healthyCanary(),
      canaryTaskDefinition: canaryTd(),
      latestStable: v1,
      traffic,
      ...over,
    };
  }

  test("stable gets the canary's containers with Envoy for the stable node, then all traffic, then the canary scales to 0", () => {
    const p = plan({ operation: 'promote' }, promoteState());
    expect(kinds(p)).toEqual([
      ECS_KINDS.register,
      ECS_KINDS.update,
      ECS_KINDS.wait,
      APP_MESH_KINDS.setWeights,
      ECS_KINDS.update,
    ]);
    const def = only(p, ECS_KINDS.register).request as TaskDefinitionInput;
    expect(def.family).toBe('howto-ecs-basics-color');
    expect(def.containerDefinitions!.find((c) => c.name === 'app')!.image).toBe('colorapp:blue');
    const envoy = def.containerDefinitions!.find((c) => c.name === 'envoy')!;
    expect(envoy.environment).toContainEqual({
      name: 'APPMESH_RESOURCE_ARN',
      value: `mesh/howto-ecs-basics/virtualNode/${STABLE_NODE}`,
    });
    expect(p.changes[1].request).toEqual({
      cluster: 'howto',
      service: 'color',
      taskDefinition: { $ref: 'taskDefinitionArn' },
      desiredCount: 3,
      ifTaskDefinition: `${TD}howto-ecs-basics-color:1`,
    });
    expect(p.changes[3].request).toMatchObject({ weights: { stable: 100, canary: 0 } });
    expect(p.changes[4].request).toEqual({
      cluster: 'howto',
      service: 'color-canary',
      desiredCount: 0,
      ifTaskDefinition: expect.stringMatching(/color-canary:\d+$/),
    });
  });

  test('converges when already promoted, even with the canary at 0 tasks', () => {
    const promoted = registered(plan({ operation: 'promote' }, promoteState()), 2);
    const state = promoteState({
      stableService: { ...service('color', STABLE_2, 3), deploymentController: { type: 'ECS' } },
      canaryService: service('color-canary', CANARY_1, 0),
      latestStable: { ...promoted, taskDefinitionArn: STABLE_2 },
      traffic: meshAt({ stable: 100, canary: 0 }),
    });
    const p = plan({ operation: 'promote' }, state);
    expect(p.changes).toEqual([]);
    expect(p.known.taskDefinitionArn).toBe(STABLE_2);
  });

  test('is refused when not promoted yet and the canary is not serving', () => {
    const state = promoteState({ canaryService: service('color-canary', CANARY_1, 0) });
    expect(() => plan({ operation: 'promote' }, state)).toThrow(
      /Refusing to promote: canary service color-canary is not serving/,
    );
  });

  test('is refused for a stable service another deployment controller deploys', () => {
    const state = promoteState({ stableService: { ...stableService, deploymentController: { type: 'CODE_DEPLOY' } } });
    expect(() => plan({ operation: 'promote' }, state)).toThrow(/deployed by CODE_DEPLOY, not by ECS/);
  });
});

// --- Any provider: a test double planner ----------------------------------------------------------------------------

interface FakeState extends TrafficState {
  weights?: Weights;
}

/** The smallest planner there is: one `fake.split` change per weight change, nothing else. */
class FakePlanner implements TrafficPlanner<FakeState> {
  readonly asked: string[] = [];
  renderWorkload(base: Base, role: 'canary' | 'stable') {
    this.asked.push(`workload ${role}`);
    return { definition: base.definition, warnings: [] };
  }
  registration() {
    return {};
  }
  planEndpoint(): Change[] {
    this.asked.push('endpoint');
    return [];
  }
  planWeights(state: FakeState, target: Weights, opts: WeightOptions = {}) {
    this.asked.push(`weights ${state.weights?.canary ?? '-'} → ${target.canary}${opts.create ? ' (create)' : ''}`);
    const change: Change = {
      kind: 'fake.split',
      resource: { type: 'split', name: 'color' },
      action: 'update',
      after: showWeights(target),
      request: { weights: target },
      moves: 'traffic',
    };
    return { changes: [change], next: { ...state, weights: target } };
  }
  planPreview(): Change[] {
    return [];
  }

  planCleanup(): { changes: Change[]; kept: string[] } {
    return { changes: [], kept: [] };
  }

  planEntryPoint(): Change[] {
    this.asked.push('entry point');
    return [];
  }
}

describe('a planner that is neither App Mesh nor Lattice plugs in', () => {
  const fake = () => {
    const planner = new FakePlanner();
    return { planner, planning: { name: 'fake', planner } as Planning<FakeState> };
  };
  const traffic = (canary?: number): FakeState => ({
    weights: canary === undefined ? undefined : { stable: 100 - canary, canary },
    routeInput: 'split',
  });

  test('deploy: ECS changes around its weight changes, the drain kept once the rollout started', () => {
    const { planner, planning } = fake();
    const state = deployState(traffic(20), { canaryService: service('color-canary', CANARY_1) });
    const p = buildPlan(
      settingsOf({ 'canary-weight': '40' }),
      stepOf(settingsOf({ 'canary-weight': '40' })),
      state,
      planning,
    );
    expect(kinds(p)).toEqual([
      ECS_KINDS.register,
      'fake.split',
      ECS_KINDS.update,
      ECS_KINDS.wait,
      ECS_KINDS.check,
      'fake.split',
    ]);
    expect(p.changes[1].keepOnceProduced?.ref).toBe('deployment:color-canary');
    expect(planner.asked).toEqual([
      'workload canary',
      'endpoint',
      'weights 20 → 0',
      'weights 0 → 40 (create)',
      'entry point',
    ]);
    expect(p.provider).toBe('fake');
  });

  test('shift, rollback and promote ask it for their weights', () => {
    const { planner, planning } = fake();
    const settings = settingsOf({ operation: 'shift', 'canary-weight': '60' });
    expect(
      kinds(
        buildPlan(
          settings,
          stepOf(settings),
          { operation: 'shift', canaryService: healthyCanary(), traffic: traffic(20) },
          planning,
        ),
      ),
    ).toEqual(['fake.split']);
    const rollback = buildPlan(
      settingsOf({ operation: 'rollback' }),
      stepOf(settingsOf({ operation: 'rollback' })),
      { operation: 'rollback', canaryService: healthyCanary(), traffic: traffic(60) },
      planning,
    );
    expect(kinds(rollback)).toEqual(['fake.split', ECS_KINDS.update]);
    const promoteState: PromoteState<FakeState> = {
      operation: 'promote',
      stableService,
      canaryService: healthyCanary(),
      canaryTaskDefinition: registered(firstDeploy(), 1),
      traffic: traffic(60),
    };
    const promote = buildPlan(
      settingsOf({ operation: 'promote' }),
      stepOf(settingsOf({ operation: 'promote' })),
      promoteState,
      planning,
    );
    expect(kinds(promote)).toEqual([
      ECS_KINDS.register,
      ECS_KINDS.update,
      ECS_KINDS.wait,
      'fake.split',
      ECS_KINDS.update,
    ]);
    expect(planner.asked).toEqual(['weights 20 → 60', 'weights 60 → 0', 'workload stable', 'weights 60 → 0']);
  });
});

test.each<[string, () => Plan]>([
  ['first App Mesh deploy', () => firstDeploy()],
  ['deploy with a drain', () => laterDeploy({ image: 'colorapp:purple' }, { stable: 80, canary: 20 }, CANARY_1)],
  [
    'first Lattice deploy',
    () => {
      const settings = settingsOf({}, LATTICE_INPUTS);
      return buildPlan(
        settings,
        stepOf(settings),
        deployState(fixture<LatticeState>('lattice-state.json')),
        lattice(settings),
      );
    },
  ],
])('the plan is data: %s survives a JSON round trip', (_name, make) => {
  const p = make();
  expect(JSON.parse(JSON.stringify(p))).toEqual(p);
});

test('shift and rollback name the revision the canary runs (the task-definition-arn output)', () => {
  const canary = healthyCanary();
  for (const [operation, over] of [
    ['shift', { operation: 'shift', 'canary-weight': '50' }],
    ['rollback', { operation: 'rollback' }],
  ] as const) {
    const state = shiftState(operation, meshAt({ stable: 90, canary: 10 }), canary);
    expect(plan(over, state).known.taskDefinitionArn).toBe(canary.taskDefinition);
  }
});
