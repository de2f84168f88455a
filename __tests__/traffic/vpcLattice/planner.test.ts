// The VPC Lattice planner on plain data: the workload without App Mesh, the canary target group, and the forward
// action's weights (the canary group joins at 0 and is health-checked before it gets weight).
import { readFileSync } from 'node:fs';
import type { Service, TaskDefinition } from '@aws-sdk/client-ecs';
import { PlanError } from '../../../src/errors.js';
import { renderBase } from '../../../src/plan/taskDefinition.js';
import type { Weights } from '../../../src/model.js';
import { sameGroup } from '../../../src/traffic/vpcLattice/forward.js';
import { canaryListed, LatticePlanner } from '../../../src/traffic/vpcLattice/planner.js';
import type { DeployFacts } from '../../../src/traffic/provider.js';
import { CANARY_GROUP, LATTICE_KINDS as K, type LatticeState } from '../../../src/traffic/vpcLattice/state.js';

const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')) as T;
/** The walkthrough's task definitions live with the emulator, which seeds them. */
const emulatorFixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../../emulator/fixtures/${name}`, import.meta.url), 'utf8')) as T;

const planner = new LatticePlanner({ waitForMinutes: 12 });
const CANARY_ARN = 'arn:aws:vpc-lattice:ap-northeast-1:111122223333:targetgroup/tg-0fedcba9876543210';
const canaryRef = { $ref: CANARY_GROUP };

/** The seeded Lattice color service: the default action forwards everything to color-tg; no canary group yet. */
const noCanary = (): LatticeState => fixture<LatticeState>('lattice-state.json');

/** The canary group exists; the forward action lists it at `canary` unless `listed` is false. */
function withCanary(canary: number, listed = true): LatticeState {
  const state = noCanary();
  state.canary = { arn: CANARY_ARN, id: 'tg-0fedcba9876543210', name: 'color-tg-canary', vpc: 'vpc-0123456789abcdef0' };
  state.canaryEndpointArn = CANARY_ARN;
  state.forward = listed
    ? [
        { group: state.stable.id, weight: 100 - canary },
        { group: 'tg-0fedcba9876543210', weight: canary },
      ]
    : state.forward;
  state.weights = { stable: 100 - canary, canary: listed ? canary : 0 };
  return state;
}

const w = (canary: number): Weights => ({ stable: 100 - canary, canary });
const describeChanges = (changes: { kind: string; after: string }[]) => changes.map((c) => `${c.kind}: ${c.after}`);

describe('renderWorkload', () => {
  const v1 = emulatorFixture<TaskDefinition>('color-v1-task-definition.json');

  test('drops Envoy, the APPMESH proxy configuration and the dependsOn on Envoy, with a warning', () => {
    const base = renderBase(v1, {
      family: 'howto-ecs-basics-color-canary',
      image: 'colorapp:blue',
      source: 'stable-service',
    });
    const { definition, warnings } = planner.renderWorkload(base);
    expect(definition.containerDefinitions!.map((c) => c.name)).toEqual(['app', 'xray']);
    expect(definition.proxyConfiguration).toBeUndefined();
    expect(definition.containerDefinitions![0]).toMatchObject({
      image: 'colorapp:blue',
      dependsOn: [{ containerName: 'xray', condition: 'START' }],
    });
    expect(warnings).toEqual([
      expect.stringContaining('still carries App Mesh (Envoy container envoy, APPMESH proxy configuration)'),
    ]);
  });

  test('an app-only base is left as it is, without a warning', () => {
    const appOnly = {
      ...v1,
      proxyConfiguration: undefined,
      containerDefinitions: [{ name: 'app', image: 'colorapp:green' }],
    };
    const base = renderBase(appOnly, { family: 'f', source: 'stable-service' });
    expect(planner.renderWorkload(base)).toEqual({ definition: base.definition, warnings: [] });
  });
});

const facts = (dark = false) =>
  ({ cluster: 'color', stableService: {}, canaryFamily: 'color-canary', desiredCount: 2, dark }) as DeployFacts;

describe('planEndpoint', () => {
  test('creates the missing canary group as a copy of the stable group config, then attaches it at 0', () => {
    const changes = planner.planEndpoint(noCanary(), facts());
    expect(describeChanges(changes)).toEqual([
      `${K.createGroup}: IP targets, config of color-tg (HTTP:8080, ${noCanary().stable.config.vpcIdentifier})`,
      `${K.setForward}: stable 100 / canary 0 (canary group joins the forward action at 0 to be health-checked)`,
    ]);
    expect(changes[1].request).toMatchObject({
      where: noCanary().where,
      forward: [
        { group: noCanary().stable.arn, weight: 100 },
        { group: canaryRef, weight: 0 },
      ],
      expected: noCanary().forward,
      weights: w(0),
    });
    const stable = noCanary().stable.config;
    expect(changes[0]).toMatchObject({
      kind: K.createGroup,
      resource: { type: 'target group', name: 'color-tg-canary' },
      action: 'create',
      moves: 'none',
      request: {
        name: 'color-tg-canary',
        type: 'IP',
        config: {
          port: stable.port,
          protocol: stable.protocol,
          protocolVersion: stable.protocolVersion,
          ipAddressType: stable.ipAddressType,
          vpcIdentifier: stable.vpcIdentifier,
          healthCheck: stable.healthCheck,
        },
        tags: { 'ecs-mesh-canary:created-by': 'ecs-mesh-canary', 'ecs-mesh-canary:stable-target-group': 'color-tg' },
      },
    });
    expect(changes[0].leftBehind).toMatch(/^target group color-tg-canary \(aws vpc-lattice delete-target-group/);
  });

  test('an existing canary group in the forward needs nothing; one out of it joins at 0', () => {
    expect(planner.planEndpoint(withCanary(0), facts())).toEqual([]);
    expect(planner.planEndpoint(withCanary(0, false), facts()).map((c) => c.kind)).toEqual([K.setForward]);
  });

  test('a dark launch leaves the split alone: the group is only created', () => {
    expect(planner.planEndpoint(noCanary(), facts(true)).map((c) => c.kind)).toEqual([K.createGroup]);
  });
});

describe('registration', () => {
  const stable = fixture<Service>('color-service.json');

  test("a group this run creates is named by a ref apply resolves from the create's outcome", () => {
    expect(planner.registration(stable, noCanary())).toEqual({
      vpcLatticeConfigurations: [
        {
          roleArn: 'arn:aws:iam::111122223333:role/ecsInfrastructureRoleForVpcLattice',
          portName: 'color-8080',
          targetGroupArn: canaryRef,
        },
      ],
    });
  });

  test('an existing group is named by its ARN', () => {
    expect(planner.registration(stable, withCanary(0)).vpcLatticeConfigurations![0].targetGroupArn).toBe(CANARY_ARN);
  });
});

describe('planWeights', () => {
  test('deploy to 20 %: planEndpoint attached the new group at 0; its targets must be HEALTHY, then the weighted write', () => {
    const { changes, next } = planner.planWeights(noCanary(), w(20), { create: true, canaryTasks: 2 });
    expect(describeChanges(changes)).toEqual([
      `${K.waitHealthy}: 2 target(s) HEALTHY (at most 12 min)`,
      `${K.setForward}: stable 80 / canary 20`,
    ]);
    const [wait, weighted] = changes;
    const stableArn = noCanary().stable.arn;
    expect(wait.request).toEqual({
      targetGroup: canaryRef,
      name: 'color-tg-canary',
      minHealthy: 2,
      timeoutMinutes: 12,
    });
    // The weighted write expects what the attach left.
    expect(weighted.request).toMatchObject({
      forward: [
        { group: stableArn, weight: 80 },
        { group: canaryRef, weight: 20 },
      ],
      expected: (planner.planEndpoint(noCanary(), facts())[1].request as { forward: unknown }).forward,
    });
    expect(changes.map((c) => c.moves)).toEqual(['none', 'traffic']);
    expect(next.weights).toEqual(w(20));
  });

  test('deploy at 0 %: nothing after the attach; a dark deploy that must create routing attaches here', () => {
    expect(planner.planWeights(noCanary(), w(0), { create: true, canaryTasks: 1 }).changes).toEqual([]);
    const dark = planner.planWeights(noCanary(), w(0), { create: true, canaryTasks: 1, dark: true });
    expect(dark.changes.map((c) => c.kind)).toEqual([K.setForward]);
  });

  test('a listed group goes straight to its health wait and weight; the same weight again plans nothing', () => {
    expect(planner.planWeights(withCanary(10), w(40), { canaryTasks: 3 }).changes.map((c) => c.kind)).toEqual([
      K.waitHealthy,
      K.setForward,
    ]);
    // Nothing to move: no write, and no health read either.
    expect(planner.planWeights(withCanary(40), w(40), { canaryTasks: 3 }).changes).toEqual([]);
  });

  test('to 0 from a listed group: one write, no health wait', () => {
    const { changes } = planner.planWeights(withCanary(40), w(0));
    expect(describeChanges(changes)).toEqual([`${K.setForward}: stable 100 / canary 0`]);
    expect(changes[0].before).toBe('stable 60 / canary 40');
  });

  test('promote: the stable targets that just rolled out must be HEALTHY before all traffic goes back to them', () => {
    const { changes } = planner.planWeights(withCanary(20), w(0), { stableTasks: 3 });
    expect(describeChanges(changes)).toEqual([
      `${K.waitHealthy}: 3 target(s) HEALTHY (at most 12 min)`,
      `${K.setForward}: stable 100 / canary 0`,
    ]);
    expect(changes[0].request).toEqual({
      targetGroup: noCanary().stable.arn,
      name: 'color-tg',
      minHealthy: 3,
      timeoutMinutes: 12,
    });
  });

  test('an existing group not in the action is attached by ARN before it gets weight', () => {
    const { changes } = planner.planWeights(withCanary(0, false), w(30), { canaryTasks: 1 });
    expect(changes.map((c) => c.kind)).toEqual([K.setForward, K.waitHealthy, K.setForward]);
    expect(changes[1].request).toMatchObject({ targetGroup: CANARY_ARN });
  });

  test('shift with a missing canary group is refused, naming the input', () => {
    const shift = () => planner.planWeights(noCanary(), w(30));
    expect(shift).toThrow(PlanError);
    expect(shift).toThrow(
      "Target group color-tg-canary does not exist; run deploy first (input 'canary-target-group')",
    );
  });

  test('rollback to 0 with no canary group plans nothing', () => {
    expect(planner.planWeights(noCanary(), w(0)).changes).toEqual([]);
  });

  test('a rule (not the default action) is named as the listener rule', () => {
    const state = {
      ...withCanary(10),
      where: { ...noCanary().where, rule: 'rule-0123456789abcdef0' },
      splitName: 'canary-rule',
    };
    expect(planner.planWeights(state, w(0)).changes[0].resource).toEqual({
      type: 'listener rule',
      name: 'canary-rule',
    });
  });
});

test('groups compare by ID, whether Lattice answered an ID or an ARN', () => {
  expect(sameGroup(CANARY_ARN, 'tg-0fedcba9876543210')).toBe(true);
  expect(sameGroup(CANARY_ARN, noCanary().stable.arn)).toBe(false);
  expect(canaryListed(withCanary(0))).toBe(true);
  expect(canaryListed(withCanary(0, false))).toBe(false);
});

test('the entry point is the Lattice service itself: nothing to plan', () => {
  expect(planner.planEntryPoint()).toEqual([]);
});
