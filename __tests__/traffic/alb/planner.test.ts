// The ALB planner on plain data: the canary target group (settings and attributes of the stable one), the canary group
// joining the forward at 0 before the canary service exists, the weights once its targets are healthy, the forward
// written back with everything else as read, the preview rule and the cleanup.
import type { Action, RuleCondition } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Service } from '@aws-sdk/client-ecs';
import { PlanError } from '../../../src/errors.js';
import type { Weights } from '../../../src/model.js';
import { canaryListed, AlbPlanner } from '../../../src/traffic/alb/planner.js';
import { ALB_KINDS as K, type AlbState, CANARY_GROUP } from '../../../src/traffic/alb/state.js';

const planner = new AlbPlanner({ waitForMinutes: 12 });
const ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333';
const STABLE = `${ARN}:targetgroup/color-tg/0123456789abcdef`;
const CANARY = `${ARN}:targetgroup/color-tg-canary/fedcba9876543210`;
const OTHER = `${ARN}:targetgroup/other-tg/00112233445566ff`;
const LISTENER = `${ARN}:listener/app/color-alb/1111111111111111/2222222222222222`;
const RULE = `${ARN}:listener-rule/app/color-alb/1111111111111111/2222222222222222/3333333333333333`;
const canaryRef = { $ref: CANARY_GROUP };

const forward = (groups: [string, number][]): Action => ({
  Type: 'forward',
  Order: 1,
  ForwardConfig: {
    TargetGroups: groups.map(([TargetGroupArn, Weight]) => ({ TargetGroupArn, Weight })),
    TargetGroupStickinessConfig: { Enabled: false },
  },
});

/** The seeded ALB color app: the listener's default action forwards everything to color-tg; no canary group yet. */
function noCanary(): AlbState {
  return {
    where: { listener: LISTENER },
    splitName: 'HTTP:80 (default action)',
    actions: [forward([[STABLE, 1]])],
    conditions: [],
    stable: {
      arn: STABLE,
      name: 'color-tg',
      config: {
        Protocol: 'HTTP',
        Port: 8080,
        VpcId: 'vpc-0e1b2c3d4e5f60718',
        ProtocolVersion: 'HTTP1',
        IpAddressType: 'ipv4',
        HealthCheckPath: '/ping',
        HealthCheckIntervalSeconds: 10,
        Matcher: { HttpCode: '200' },
      },
      attributes: { 'deregistration_delay.timeout_seconds': '30', 'stickiness.enabled': 'false' },
    },
    canary: { name: 'color-tg-canary' },
    forward: [{ group: STABLE, weight: 1 }],
    registration: { containerName: 'app', containerPort: 8080, healthCheckGracePeriodSeconds: 30 },
    weights: { stable: 100, canary: 0 },
    routeId: LISTENER,
    routeInput: 'listener-rule',
    previewName: 'preview-color-canary',
    priorities: [],
  };
}

/** The canary group exists; the forward lists it at `canary` unless `listed` is false. */
function withCanary(canary: number, listed = true): AlbState {
  const state = noCanary();
  state.canary = { arn: CANARY, name: 'color-tg-canary' };
  state.canaryEndpointArn = CANARY;
  state.canaryGroupOurs = true;
  if (listed) {
    state.forward = [
      { group: STABLE, weight: 100 - canary },
      { group: CANARY, weight: canary },
    ];
    state.actions = [
      forward([
        [STABLE, 100 - canary],
        [CANARY, canary],
      ]),
    ];
    state.weights = { stable: 100 - canary, canary };
  }
  return state;
}

const w = (canary: number): Weights => ({ stable: 100 - canary, canary });
const describeChanges = (changes: { kind: string; after: string }[]) => changes.map((c) => `${c.kind}: ${c.after}`);

describe('planEndpoint', () => {
  test('creates the missing group with the stable settings and attributes, then adds it to the forward at 0', () => {
    const changes = planner.planEndpoint(noCanary());
    expect(changes.map((c) => c.kind)).toEqual([K.createGroup, K.setAttributes, K.setForward]);
    const [create, attributes, attach] = changes;
    expect(create.request).toEqual({
      Name: 'color-tg-canary',
      TargetType: 'ip',
      ...noCanary().stable.config,
      Tags: [
        { Key: 'ecs-mesh-canary:created-by', Value: 'ecs-mesh-canary' },
        { Key: 'ecs-mesh-canary:stable-target-group', Value: 'color-tg' },
      ],
    });
    expect(create.leftBehind).toMatch(/^target group color-tg-canary \(aws elbv2 delete-target-group/);
    expect(attributes.request).toEqual({
      targetGroup: canaryRef,
      name: 'color-tg-canary',
      attributes: { 'deregistration_delay.timeout_seconds': '30', 'stickiness.enabled': 'false' },
    });
    expect(attach).toMatchObject({
      moves: 'traffic',
      resource: { type: 'listener', name: 'HTTP:80 (default action)' },
      request: {
        where: { listener: LISTENER },
        forward: [
          { group: STABLE, weight: 100 },
          { group: canaryRef, weight: 0 },
        ],
        expected: [{ group: STABLE, weight: 1 }],
        weights: w(0),
      },
    });
    expect(attach.after).toMatch(/^stable 100 \/ canary 0 \(canary group joins the forward at 0: ECS registers/);
  });

  test('an existing group in the forward needs nothing; one whose attributes drifted gets them back', () => {
    expect(planner.planEndpoint(withCanary(0))).toEqual([]);
    const drifted = { ...withCanary(0), canaryAttributesDiffer: { 'slow_start.duration_seconds': '60' } };
    expect(planner.planEndpoint(drifted).map((c) => c.request)).toEqual([
      { targetGroup: CANARY, name: 'color-tg-canary', attributes: { 'slow_start.duration_seconds': '60' } },
    ]);
  });

  test('an existing group not in the forward is added at 0 by its ARN', () => {
    const [attach] = planner.planEndpoint(withCanary(0, false));
    expect(attach.request).toMatchObject({ forward: [{ group: STABLE }, { group: CANARY, weight: 0 }] });
  });

  test('a forward that also names a third group is refused before anything is written', () => {
    const state = noCanary();
    state.forward = [
      { group: STABLE, weight: 1 },
      { group: OTHER, weight: 1 },
    ];
    state.foreign = { why: 'also forwards to other-tg', input: 'listener-rule' };
    expect(() => planner.planEndpoint(state)).toThrow("also forwards to other-tg (input 'listener-rule')");
  });
});

describe('registration', () => {
  test("the canary registers in its group on the stable service's container and port, grace period kept", () => {
    expect(planner.registration({} as Service, noCanary())).toEqual({
      loadBalancers: [{ targetGroupArn: canaryRef, containerName: 'app', containerPort: 8080 }],
      healthCheckGracePeriodSeconds: 30,
    });
    expect(planner.registration({} as Service, withCanary(0)).loadBalancers![0].targetGroupArn).toBe(CANARY);
  });
});

describe('planWeights', () => {
  test('deploy to 20 %: the endpoint attached the group, so its targets must be healthy, then the weighted write', () => {
    const { changes, next } = planner.planWeights(noCanary(), w(20), { create: true, canaryTasks: 2 });
    expect(describeChanges(changes)).toEqual([
      `${K.waitHealthy}: 2 target(s) healthy (at most 12 min)`,
      `${K.setForward}: stable 80 / canary 20`,
    ]);
    // The weighted write expects what the endpoint's attach left.
    expect(changes[1].request).toMatchObject({
      forward: [
        { group: STABLE, weight: 80 },
        { group: canaryRef, weight: 20 },
      ],
      expected: [
        { group: STABLE, weight: 100 },
        { group: canaryRef, weight: 0 },
      ],
      actions: noCanary().actions,
    });
    expect(next.weights).toEqual(w(20));
  });

  test('deploy at 0 %: nothing after the attach', () => {
    expect(planner.planWeights(noCanary(), w(0), { create: true, canaryTasks: 1 }).changes).toEqual([]);
  });

  test('a listed group goes straight to its health wait and weight; the same weight again plans nothing', () => {
    expect(planner.planWeights(withCanary(10), w(40), { canaryTasks: 3 }).changes.map((c) => c.kind)).toEqual([
      K.waitHealthy,
      K.setForward,
    ]);
    // Nothing to move: no write, and no health read either.
    expect(planner.planWeights(withCanary(40), w(40), { canaryTasks: 3 }).changes).toEqual([]);
  });

  test('to 0: one write, no health wait; promote waits for the stable targets first', () => {
    expect(describeChanges(planner.planWeights(withCanary(40), w(0)).changes)).toEqual([
      `${K.setForward}: stable 100 / canary 0`,
    ]);
    const promote = planner.planWeights(withCanary(20), w(0), { stableTasks: 3 }).changes;
    expect(promote.map((c) => c.kind)).toEqual([K.waitHealthy, K.setForward]);
    expect(promote[0].request).toEqual({ targetGroup: STABLE, name: 'color-tg', minHealthy: 3, timeoutMinutes: 12 });
  });

  test('shift with a group someone took out of the forward: attached at 0, health-checked, then weighted', () => {
    const { changes } = planner.planWeights(withCanary(0, false), w(30), { canaryTasks: 1 });
    expect(changes.map((c) => c.kind)).toEqual([K.setForward, K.waitHealthy, K.setForward]);
  });

  test('shift with a missing canary group is refused, naming the input', () => {
    expect(() => planner.planWeights(noCanary(), w(30))).toThrow(PlanError);
    expect(() => planner.planWeights(noCanary(), w(30))).toThrow(
      "Target group color-tg-canary does not exist; run deploy first (input 'canary-target-group')",
    );
  });

  test('a rule is named as the listener rule', () => {
    const state = {
      ...withCanary(10),
      where: { listener: LISTENER, rule: RULE },
      splitName: 'HTTP:80 priority 10',
    };
    expect(planner.planWeights(state, w(0)).changes[0].resource).toEqual({
      type: 'listener rule',
      name: 'HTTP:80 priority 10',
    });
  });
});

describe('planPreview', () => {
  const header = { header: 'x-canary', value: 'pr-7' };
  const host: RuleCondition = { Field: 'host-header', HostHeaderConfig: { Values: ['color.example.com'] } };
  const cognito: Action = {
    Type: 'authenticate-cognito',
    Order: 1,
    AuthenticateCognitoConfig: {
      UserPoolArn: 'arn:aws:cognito-idp:eu-west-1:111122223333:userpool/x',
      UserPoolClientId: 'c',
      UserPoolDomain: 'd',
    },
  };
  /** The split is rule 10 (host color.example.com) behind Cognito. */
  function ruled(): AlbState {
    const state = withCanary(10);
    state.where = { listener: LISTENER, rule: RULE };
    state.conditions = [host];
    state.actions = [cognito, { ...state.actions[0], Order: 2 }];
    state.weightedPriority = 10;
    state.priorities = [1, 10];
    return state;
  }

  test("the weighted rule's conditions plus the header, its authentication, forward to the canary only, ahead of it", () => {
    const [create] = planner.planPreview(ruled(), header, { canaryTasks: 1, dark: false });
    expect(create).toMatchObject({ kind: K.createRule, moves: 'traffic' });
    expect(create.request).toEqual({
      listener: LISTENER,
      priority: 2,
      conditions: [host, { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-canary', Values: ['pr-7'] } }],
      actions: [
        cognito,
        { Type: 'forward', Order: 2, ForwardConfig: { TargetGroups: [{ TargetGroupArn: CANARY, Weight: 1 }] } },
      ],
      tags: { 'ecs-mesh-canary:created-by': 'ecs-mesh-canary', 'ecs-mesh-canary:preview': 'preview-color-canary' },
      name: 'preview-color-canary',
    });
  });

  test('an OIDC-authenticated rule gets no preview: its client secret cannot be read back', () => {
    const state = ruled();
    state.actions = [
      {
        Type: 'authenticate-oidc',
        Order: 1,
        AuthenticateOidcConfig: {
          Issuer: 'i',
          ClientId: 'c',
          AuthorizationEndpoint: 'a',
          TokenEndpoint: 't',
          UserInfoEndpoint: 'u',
          UseExistingClientSecret: true,
        },
      },
      state.actions[1],
    ];
    expect(() => planner.planPreview(state, header, { canaryTasks: 1, dark: false })).toThrow(
      /authenticate-oidc, whose client secret AWS never returns.*\(input 'preview-header'\)$/,
    );
  });

  test('the same preview rule again plans nothing; promote and rollback remove it, with what recreates it', () => {
    const [create] = planner.planPreview(ruled(), header, { canaryTasks: 1, dark: false });
    const req = create.request as { conditions: RuleCondition[]; actions: Action[]; priority: number };
    const state = ruled();
    state.previewRule = {
      arn: `${RULE}9`,
      priority: 2,
      conditions: req.conditions,
      actions: req.actions,
      forward: [{ group: CANARY, weight: 1 }],
    };
    expect(planner.planPreview(state, header, { canaryTasks: 1, dark: false })).toEqual([]);
    const [remove] = planner.planPreview(state, undefined, { canaryTasks: 0, dark: false });
    expect(remove).toMatchObject({ kind: K.deleteRule, request: { rule: `${RULE}9`, recreate: { priority: 2 } } });
  });

  test('preview-priority taken, or not ahead of the weighted rule, is refused naming it', () => {
    const taken = new AlbPlanner({ waitForMinutes: 12, previewPriority: 1 });
    expect(() => taken.planPreview(ruled(), header, { canaryTasks: 1, dark: false })).toThrow(
      "Priority 1 is taken by another rule (input 'preview-priority')",
    );
    const behind = new AlbPlanner({ waitForMinutes: 12, previewPriority: 11 });
    expect(() => behind.planPreview(ruled(), header, { canaryTasks: 1, dark: false })).toThrow(
      "Priority 11 is not ahead of the weighted rule (priority 10): the preview rule must come first (input 'preview-priority')",
    );
  });
});

describe('planCleanup', () => {
  test('the canary group leaves the forward, then is deleted, when this action created it', () => {
    const { changes, kept } = planner.planCleanup(withCanary(0));
    expect(kept).toEqual([]);
    expect(changes.map((c) => c.kind)).toEqual([K.setForward, K.deleteGroup]);
    expect(changes[0].request).toMatchObject({ forward: [{ group: STABLE, weight: 100 }] });
  });

  test('a group this action did not create, or that another rule still uses, is kept', () => {
    expect(planner.planCleanup({ ...withCanary(0), canaryGroupOurs: false }).kept).toEqual([
      'target group color-tg-canary (not created by this action)',
    ]);
    expect(planner.planCleanup({ ...withCanary(0), canaryElsewhere: ['rule 5 of listener HTTP:80'] }).kept).toEqual([
      'target group color-tg-canary (still forwarded to by rule 5 of listener HTTP:80)',
    ]);
  });
});

test('canaryListed compares ARNs', () => {
  expect(canaryListed(withCanary(0))).toBe(true);
  expect(canaryListed(withCanary(0, false))).toBe(false);
  expect(canaryListed(noCanary())).toBe(false);
});
