// The ECS-native planner, pure: the LINEAR deploymentConfiguration (the service's own members kept), one continue
// per step, reruns that plan nothing, and every refusal before any write (no Service Connect, someone else's
// deployment, a lower or unreachable weight, a deployment ECS rolls back, a revision this action did not register).
import type { Service } from '@aws-sdk/client-ecs';
import { PlanError } from '../../../src/errors.js';
import { ref } from '../../../src/model.js';
import { renderBase } from '../../../src/plan/taskDefinition.js';
import { EcsNativePlanner, STANDS, stepsBetween } from '../../../src/traffic/ecsNative/planner.js';
import {
  DEPLOYMENT_ARN,
  type DeploymentView,
  type EcsNativeState,
  NATIVE_KINDS as K,
} from '../../../src/traffic/ecsNative/state.js';

const TD = (n: number) => `arn:aws:ecs:eu-west-1:111122223333:task-definition/color:${n}`;
const ARN = 'arn:aws:ecs:eu-west-1:111122223333:service-deployment/c/color/abc';
const CONNECT = {
  enabled: true,
  namespace: 'ns',
  services: [{ portName: 'color-8080', clientAliases: [{ port: 8080, dnsName: 'color' }] }],
};
const OUR_HOOK = {
  targetType: 'PAUSE' as const,
  lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT' as const],
  timeoutConfiguration: { timeoutInMinutes: 1440, action: 'ROLLBACK' as const },
};
const LAMBDA = {
  targetType: 'AWS_LAMBDA' as const,
  hookTargetArn: 'arn:aws:lambda:eu-west-1:111122223333:function:check',
  roleArn: 'arn:aws:iam::111122223333:role/hook',
  lifecycleStages: ['POST_SCALE_UP' as const],
};

const service = (over: Partial<Service> = {}): Service => ({
  serviceName: 'color',
  taskDefinition: TD(1),
  desiredCount: 3,
  deploymentConfiguration: {
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    deploymentCircuitBreaker: { enable: true, rollback: true },
    bakeTimeInMinutes: 2,
    lifecycleHooks: [LAMBDA],
  },
  deployments: [{ status: 'PRIMARY', taskDefinition: TD(1), serviceConnectConfiguration: CONNECT }],
  ...over,
});

const deployment = (over: Partial<DeploymentView> = {}): DeploymentView => ({
  arn: ARN,
  status: 'IN_PROGRESS',
  stage: 'PRODUCTION_TRAFFIC_SHIFT',
  target: { revisionArn: 'rev', taskDefinition: TD(2), weight: 10, running: 3, requested: 3 },
  pause: { hookId: 'ecs-pause-1' },
  config: { strategy: 'LINEAR', linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 0 } },
  ours: true,
  triggeredAlarms: [],
  ...over,
});

const state = (over: Partial<EcsNativeState> = {}): EcsNativeState => ({
  routeInput: 'stable-service',
  service: service(),
  serviceConnect: CONNECT,
  pauseHookLeft: false,
  weights: { stable: 100, canary: 0 },
  ...over,
});

const planner = (over: { stepPercent?: number; preview?: { header: string; value: string } } = {}) =>
  new EcsNativePlanner({
    cluster: 'c',
    service: 'color',
    pauseTimeoutMinutes: 60,
    stepPercent: 10,
    waitForMinutes: 30,
    ...over,
  });

const release = (canary: number, taskDefinition: string | ReturnType<typeof ref> = ref('taskDefinitionArn')) => ({
  cluster: 'c',
  service: service(),
  taskDefinition,
  target: { stable: 100 - canary, canary },
  alarms: ['color-5xx'],
});

function refusal(fn: () => unknown): { input?: string; message: string } {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PlanError);
    return { input: (err as PlanError).input, message: (err as Error).message };
  }
  throw new Error('expected a PlanError');
}

test('stepsBetween: each multiple of the step, then 100', () => {
  expect(stepsBetween(0, 10, 10)).toEqual([10]);
  expect(stepsBetween(10, 50, 10)).toEqual([20, 30, 40, 50]);
  expect(stepsBetween(60, 100, 30)).toEqual([90, 100]);
  expect(stepsBetween(20, 20, 10)).toEqual([]);
});

describe('deploy', () => {
  test('UpdateService with LINEAR and the PAUSE hook, the service’s own members kept; a wait; one continue per step', () => {
    const changes = planner().planRelease(state(), release(30));
    expect(changes.map((c) => [c.kind, c.action, c.moves])).toEqual([
      [K.start, 'update', 'capacity'],
      [K.waitPaused, 'wait', 'none'],
      [K.continue, 'continue', 'traffic'],
      [K.continue, 'continue', 'traffic'],
      [K.continue, 'continue', 'traffic'],
    ]);
    expect(changes[0].request).toEqual({
      cluster: 'c',
      service: 'color',
      taskDefinition: { $ref: 'taskDefinitionArn' },
      ifTaskDefinition: TD(1),
      deploymentConfiguration: {
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        deploymentCircuitBreaker: { enable: true, rollback: true },
        bakeTimeInMinutes: 2,
        strategy: 'LINEAR',
        linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 0 },
        lifecycleHooks: [LAMBDA, { ...OUR_HOOK, timeoutConfiguration: { timeoutInMinutes: 60, action: 'ROLLBACK' } }],
        alarms: { alarmNames: ['color-5xx'], enable: true, rollback: true },
      },
    });
    expect(changes[1].request).toEqual({
      deploymentArn: ref(DEPLOYMENT_ARN),
      taskDefinition: ref('taskDefinitionArn'),
      weight: 0,
      timeoutMinutes: 30,
    });
    expect(
      changes.slice(2).map((c) => [(c.request as { from: number }).from, (c.request as { to: number }).to]),
    ).toEqual([
      [0, 10],
      [10, 20],
      [20, 30],
    ]);
    expect(changes.slice(2).every((c) => c.stands === STANDS)).toBe(true);
  });

  test('a dark launch (0 %) with a preview header: the test-traffic rule on every client alias, no continue', () => {
    const changes = planner({ preview: { header: 'x-canary', value: 'pr-7' } }).planRelease(state(), release(0));
    expect(changes.map((c) => c.kind)).toEqual([K.start, K.waitPaused]);
    expect((changes[0].request as { serviceConnectConfiguration: unknown }).serviceConnectConfiguration).toEqual({
      ...CONNECT,
      services: [
        {
          portName: 'color-8080',
          clientAliases: [
            {
              port: 8080,
              dnsName: 'color',
              testTrafficRules: { header: { name: 'x-canary', value: { exact: 'pr-7' } } },
            },
          ],
        },
      ],
    });
  });

  test('the same deploy again, paused at its weight: nothing; a higher weight: the steps from there', () => {
    const rerun = state({ deployment: deployment({ target: { ...deployment().target, weight: 30 } }) });
    expect(planner().planRelease(rerun, release(30, TD(2)))).toEqual([]);
    const more = planner().planRelease(rerun, release(50, TD(2)));
    expect(more.map((c) => [c.kind, (c.request as { to?: number }).to])).toEqual([
      [K.waitPaused, undefined],
      [K.continue, 40],
      [K.continue, 50],
    ]);
  });

  test.each([
    [
      'no Service Connect',
      state({ serviceConnect: undefined }),
      release(10),
      'stable-service',
      /has no Service Connect endpoint/,
    ],
    [
      'another deployment controller',
      state({ service: service({ deploymentController: { type: 'CODE_DEPLOY' } }) }),
      { ...release(10), service: service({ deploymentController: { type: 'CODE_DEPLOY' } }) },
      'stable-service',
      /is deployed by CODE_DEPLOY, not by ECS/,
    ],
    [
      'a PAUSE hook of its own',
      state(),
      {
        ...release(10),
        service: service({
          deploymentConfiguration: { lifecycleHooks: [{ ...OUR_HOOK, lifecycleStages: ['POST_SCALE_UP'] }] },
        }),
      },
      'stable-service',
      /has PAUSE hooks of its own \(at POST_SCALE_UP\)/,
    ],
    [
      "someone else's deployment under way",
      state({ deployment: deployment({ ours: false }) }),
      release(10, TD(2)),
      'stable-service',
      /a deployment under way that this action did not start: .*Refusing to continue or replace someone else's deployment; nothing was written/,
    ],
    [
      "this action's deployment of another image",
      state({ deployment: deployment() }),
      release(10),
      'image',
      /has this action's deployment .* of color:2 under way \(10 %, IN_PROGRESS\), not of the revision this deploy runs/,
    ],
    [
      'a lower weight than the deployment has',
      state({ deployment: deployment({ target: { ...deployment().target, weight: 30 } }) }),
      release(10, TD(2)),
      'canary-weight',
      /is at 30 %; ECS cannot lower the weight inside a deployment, so 10 % is refused/,
    ],
    [
      'a deployment ECS is rolling back',
      state({ deployment: deployment({ status: 'ROLLBACK_IN_PROGRESS', rollbackReason: 'Alarm color-5xx' }) }),
      release(20, TD(2)),
      'stable-service',
      /is ROLLBACK_IN_PROGRESS \(Alarm color-5xx\); it can no longer be shifted or promoted/,
    ],
    [
      'the revision the service runs',
      state(),
      release(10, TD(1)),
      'image',
      /already runs color:1, the revision this deploy would start: there is nothing to deploy/,
    ],
    [
      'a reused revision this action did not register',
      state({ latestOurs: { arn: TD(5), ours: false } }),
      release(10, TD(5)),
      'image',
      /Revision color:5 is the one this deploy would run, but this action did not register it/,
    ],
  ])('refuses %s', (_what, s, r, input, message) => {
    const found = refusal(() => planner().planRelease(s, r));
    expect(found.input).toBe(input);
    expect(found.message).toMatch(message);
  });
});

describe('shift, promote, rollback', () => {
  test('shift: the steps of the deployment’s own step, from where it is', () => {
    const s = state({
      deployment: deployment({ config: { strategy: 'LINEAR', linearConfiguration: { stepPercent: 20 } } }),
    });
    const d = deployment({
      target: { ...deployment().target, weight: 20 },
      config: { strategy: 'LINEAR', linearConfiguration: { stepPercent: 20 } },
    });
    const plan = planner().planWeights({ ...s, deployment: d }, { stable: 40, canary: 60 });
    expect(plan.changes.map((c) => [c.kind, (c.request as { to?: number }).to])).toEqual([
      [K.waitPaused, undefined],
      [K.continue, 40],
      [K.continue, 60],
    ]);
    expect(plan.next.weights).toEqual({ stable: 40, canary: 60 });
    expect(planner().planWeights({ ...s, deployment: d }, { stable: 80, canary: 20 }).changes).toEqual([]);
  });

  test.each([
    [
      'a lower weight',
      deployment({ target: { ...deployment().target, weight: 50 } }),
      30,
      'canary-weight',
      /so 30 % is refused \(nothing was written\)/,
    ],
    [
      'an unreachable weight',
      deployment(),
      55,
      'canary-weight',
      /shifts 10 % a step \(10, 20, .*, 100 %\): it never rests at 55 %/,
    ],
    ['no deployment', undefined, 50, 'stable-service', /has no deployment under way to shift: deploy first/],
    [
      "someone else's",
      deployment({ ours: false }),
      50,
      'stable-service',
      /Refusing to shift someone else's deployment/,
    ],
  ])('shift refuses %s', (_what, d, w, input, message) => {
    const found = refusal(() => planner().planWeights(state({ deployment: d }), { stable: 100 - w, canary: w }));
    expect([found.input, found.message]).toEqual([input, expect.stringMatching(message)]);
  });

  test('a walk step refuses a deployment of another revision than the walk deployed', () => {
    const found = refusal(() =>
      planner().planWeights(state({ deployment: deployment() }), { stable: 50, canary: 50 }, { revision: TD(3) }),
    );
    expect(found.message).toMatch(/runs color:2, not color:3 that this walk deployed and baked/);
  });

  test('promote: finish, then the PAUSE hook removed; promoted already: only a hook left behind is removed', () => {
    const changes = planner().planPromote(state({ deployment: deployment() }));
    expect(changes.map((c) => [c.kind, c.moves])).toEqual([
      [K.finish, 'traffic'],
      [K.removeHook, 'none'],
    ]);
    expect(changes[0].request).toEqual({ deploymentArn: ARN, taskDefinition: TD(2), from: 10, timeoutMinutes: 30 });
    expect(planner().planPromote(state({ runsOurs: true }))).toEqual([]);
    expect(
      planner()
        .planPromote(state({ runsOurs: true, pauseHookLeft: true }))
        .map((c) => c.kind),
    ).toEqual([K.removeHook]);
    expect(refusal(() => planner().planPromote(state({ runsOurs: false }))).message).toMatch(
      /no deployment of this action under way to promote/,
    );
  });

  test('rollback: through the awaiting hook or StopServiceDeployment; nothing under way: nothing, or the hook left', () => {
    const paused = planner().planWeights(state({ deployment: deployment() }), { stable: 100, canary: 0 }).changes;
    expect(paused.map((c) => [c.kind, c.after])).toEqual([
      [K.rollback, expect.stringContaining('ContinueServiceDeployment ROLLBACK on the awaiting hook')],
      [K.removeHook, expect.any(String)],
    ]);
    const moving = planner().planWeights(state({ deployment: deployment({ pause: undefined }) }), {
      stable: 100,
      canary: 0,
    }).changes;
    expect(moving[0].after).toContain('StopServiceDeployment ROLLBACK');
    expect(planner().planWeights(state(), { stable: 100, canary: 0 }).changes).toEqual([]);
    expect(
      planner()
        .planWeights(state({ pauseHookLeft: true }), { stable: 100, canary: 0 })
        .changes.map((c) => c.kind),
    ).toEqual([K.removeHook]);
    expect(
      refusal(() =>
        planner().planWeights(state({ deployment: deployment({ ours: false }) }), { stable: 100, canary: 0 }),
      ).message,
    ).toMatch(/Refusing to roll back someone else's deployment/);
  });
});

test('the workload: tagged as this action’s revision, App Mesh’s Envoy dropped with a warning', () => {
  const base = renderBase(
    {
      family: 'color',
      containerDefinitions: [
        { name: 'app', image: 'colorapp:green', dependsOn: [{ containerName: 'envoy', condition: 'HEALTHY' }] },
        { name: 'envoy', image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.2.0-prod' },
      ],
      proxyConfiguration: { type: 'APPMESH', containerName: 'envoy' },
      tags: [{ key: 'team', value: 'color' }],
    },
    { family: 'color', image: 'colorapp:blue', source: 'stable-service' },
  );
  const { definition, warnings } = planner().renderWorkload(base);
  expect(definition.containerDefinitions).toEqual([{ name: 'app', image: 'colorapp:blue', dependsOn: undefined }]);
  expect(definition.proxyConfiguration).toBeUndefined();
  expect(definition.tags).toEqual([
    { key: 'team', value: 'color' },
    { key: 'ecs-mesh-canary:registered-by', value: 'ecs-mesh-canary' },
  ]);
  expect(warnings).toEqual([
    expect.stringMatching(/^The base task definition still carries App Mesh \(Envoy container envoy/),
  ]);
});
