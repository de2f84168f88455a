// The ALB executors against the in-process emulator (the real SDK over the awsQuery wire protocol): the canary group
// and its attributes, the guarded write of a forward that keeps everything else as read (an OIDC action before it,
// stickiness, the rule's conditions) and its undo, the preview rule, and the wait for healthy targets.
import { jest } from '@jest/globals';
import {
  type Action,
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { ConcurrentModificationError } from '../../../src/errors.js';
import type { ExecutorContext } from '../../../src/executor.js';
import type { Outcome, Weights } from '../../../src/model.js';
import { AlbApi } from '../../../src/traffic/alb/api.js';
import { albExecutors } from '../../../src/traffic/alb/executors.js';
import { forwardOf, writableActions } from '../../../src/traffic/alb/forward.js';
import { ALB_KINDS as K, CANARY_GROUP } from '../../../src/traffic/alb/state.js';
import { ALB_SAMPLE, type AlbSeed, seedAlbColor } from '../../../emulator/fixture.js';
import { Emulator } from '../../../emulator/server.js';

const sleeps: number[] = [];
const ctx: ExecutorContext = {
  sleep: async (ms) => {
    sleeps.push(ms);
  },
  produced: {},
};

let emu: Emulator;
let seed: AlbSeed;
let client: ElasticLoadBalancingV2Client;
let api: AlbApi;
beforeEach(async () => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  sleeps.length = 0;
  emu = await Emulator.start({ rolloutDelayMs: 0, elbv2HealthyAfterMs: 0 });
  seed = seedAlbColor(emu);
  client = new ElasticLoadBalancingV2Client(emu.clientConfig());
  api = new AlbApi(client);
});
afterEach(async () => {
  jest.restoreAllMocks();
  client.destroy();
  await emu.stop();
});

const send = (kind: string, request: unknown): Promise<Outcome> => albExecutors(api)[kind](request, ctx);
const elb = <T = Record<string, any>>(operation: string, input: Record<string, unknown>) =>
  emu.elbv2.handle(operation, input) as T;
const writes = () => emu.calls({ mutating: true }).length;

async function canaryGroup(): Promise<string> {
  const created = await send(K.createGroup, {
    Name: 'color-tg-canary',
    TargetType: 'ip',
    Protocol: 'HTTP',
    Port: 8080,
    VpcId: emu.elbv2.defaultVpcId,
    HealthCheckPath: '/ping',
    Tags: [{ Key: 'ecs-mesh-canary:created-by', Value: 'ecs-mesh-canary' }],
  });
  return String(created.produces![CANARY_GROUP]);
}

function forwardRequest(
  where: { listener: string; rule?: string },
  actions: Action[],
  canary: string,
  w: Weights,
  expected: { group: string; weight: number }[],
) {
  return {
    where,
    actions: writableActions(actions),
    forward: [
      { group: seed.targetGroupArn, weight: w.stable },
      { group: canary, weight: w.canary },
    ],
    expected,
    weights: w,
    groups: { stable: seed.targetGroupArn, canary },
  };
}

const defaultActions = async () => (await api.readSplit({ listener: seed.listenerArn }))!.actions;

test('create-target-group produces the ARN registrations reference, and says how to remove the group', async () => {
  const created = await send(K.createGroup, {
    Name: 'color-tg-canary',
    TargetType: 'ip',
    Protocol: 'HTTP',
    Port: 8080,
    VpcId: emu.elbv2.defaultVpcId,
    Tags: [{ Key: 'ecs-mesh-canary:created-by', Value: 'ecs-mesh-canary' }],
  });
  const arn = String(created.produces![CANARY_GROUP]);
  expect(arn).toMatch(/:targetgroup\/color-tg-canary\/[0-9a-f]{16}$/);
  expect(created.produces!.canaryEndpointArn).toBe(arn);
  expect(created.leftBehind).toBe(
    `target group color-tg-canary (aws elbv2 delete-target-group --target-group-arn ${arn})`,
  );
});

test('set-target-group-attributes sends only the attributes that differ', async () => {
  const canary = await canaryGroup();
  const attributes = { 'deregistration_delay.timeout_seconds': '30', 'stickiness.enabled': 'false' };
  const before = writes();
  expect(await send(K.setAttributes, { targetGroup: canary, name: 'color-tg-canary', attributes })).toEqual({
    detail: 'deregistration_delay.timeout_seconds',
  });
  expect(
    emu
      .calls({ mutating: true })
      .slice(before)
      .map((c) => c.input.Attributes),
  ).toEqual([[{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }]]);
  expect(await send(K.setAttributes, { targetGroup: canary, name: 'color-tg-canary', attributes })).toEqual({
    detail: 'already set',
  });
});

test("the write's answer confirms it: one read before the write, none after", async () => {
  const canary = await canaryGroup();
  const where = { listener: seed.listenerArn };
  const read = await defaultActions();
  const from = emu.log.length;
  const outcome = await send(
    K.setForward,
    forwardRequest(where, read, canary, { stable: 90, canary: 10 }, forwardOf(read)!),
  );
  expect(emu.log.slice(from).map((c) => c.operation)).toEqual(['DescribeListeners', 'ModifyListener']);
  expect(outcome.unconfirmed).toBeUndefined();
  expect(outcome.weights).toEqual({ stable: 90, canary: 10 });
  expect(outcome.undo!.describe).toBe('forward action back to stable 100 / canary 0');
  expect(forwardOf(await defaultActions())?.map((f) => f.weight)).toEqual([90, 10]);
});

test('set-forward writes the split of a default action, and its undo writes back what it read', async () => {
  const canary = await canaryGroup();
  const where = { listener: seed.listenerArn };
  const read = await defaultActions();
  const attach = await send(
    K.setForward,
    forwardRequest(where, read, canary, { stable: 100, canary: 0 }, forwardOf(read)!),
  );
  const outcome = await send(
    K.setForward,
    forwardRequest(where, read, canary, { stable: 80, canary: 20 }, [
      { group: seed.targetGroupArn, weight: 100 },
      { group: canary, weight: 0 },
    ]),
  );
  expect(attach.conflict).toBeUndefined();
  expect(outcome).toMatchObject({ weights: { stable: 80, canary: 20 }, produces: { routeArn: seed.listenerArn } });
  expect(outcome.conflict).toBeUndefined();
  expect(forwardOf(await defaultActions())).toEqual([
    { group: seed.targetGroupArn, weight: 80 },
    { group: canary, weight: 20 },
  ]);
  expect(outcome.undo!.describe).toBe('forward action back to stable 100 / canary 0');
  await send(outcome.undo!.kind, outcome.undo!.request);
  await send(attach.undo!.kind, attach.undo!.request);
  expect(forwardOf(await defaultActions())).toEqual([{ group: seed.targetGroupArn, weight: 1 }]);
  expect(albTraffic()).toEqual({ [ALB_SAMPLE.targetGroup]: 100 });
});

const albTraffic = () => emu.elbv2.traffic(ALB_SAMPLE.listener, 100).targetGroups;

describe('a rule behind authenticate-oidc, with stickiness and a host condition', () => {
  const oidc: Action = {
    Type: 'authenticate-oidc',
    Order: 1,
    AuthenticateOidcConfig: {
      Issuer: 'https://idp.example.com',
      AuthorizationEndpoint: 'https://idp.example.com/authorize',
      TokenEndpoint: 'https://idp.example.com/token',
      UserInfoEndpoint: 'https://idp.example.com/userinfo',
      ClientId: 'color',
      ClientSecret: 'secret',
    },
  };
  async function httpsRule() {
    const listener = elb('CreateListener', {
      LoadBalancerArn: seed.loadBalancerArn,
      Protocol: 'HTTPS',
      Port: 443,
      Certificates: [{ CertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc' }],
      DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
    }).Listeners[0].ListenerArn as string;
    const rule = elb('CreateRule', {
      ListenerArn: listener,
      Priority: 10,
      Conditions: [{ Field: 'host-header', Values: ['color.example.com'] }],
      Actions: [
        oidc,
        {
          Type: 'forward',
          Order: 2,
          ForwardConfig: {
            TargetGroups: [{ TargetGroupArn: seed.targetGroupArn, Weight: 1 }],
            TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 300 },
          },
        },
      ],
    }).Rules[0].RuleArn as string;
    return { listener, rule };
  }
  const describe = async (rule: string) =>
    (await client.send(new DescribeRulesCommand({ RuleArns: [rule] }))).Rules![0];

  test('only the forward groups and weights change; the OIDC action keeps its secret, stickiness and conditions stay', async () => {
    const canary = await canaryGroup();
    const where = await httpsRule();
    const before = await describe(where.rule);
    // What AWS answers: both forms of the condition and of the forward; a write with both is refused.
    expect(before.Conditions![0]).toMatchObject({
      Values: ['color.example.com'],
      HostHeaderConfig: { Values: ['color.example.com'] },
    });
    expect(before.Actions![1]).toMatchObject({ TargetGroupArn: seed.targetGroupArn });
    const r = forwardRequest(
      { listener: where.listener, rule: where.rule },
      before.Actions!,
      canary,
      { stable: 90, canary: 10 },
      [{ group: seed.targetGroupArn, weight: 1 }],
    );
    const outcome = await send(K.setForward, r);
    expect(outcome.conflict).toBeUndefined();
    const written = emu.calls({ mutating: true }).at(-1)!;
    expect(written.operation).toBe('ModifyRule');
    expect(written.input.Conditions).toBeUndefined();
    expect((written.input.Actions as Action[])[0].AuthenticateOidcConfig).toMatchObject({
      UseExistingClientSecret: true,
    });
    expect((written.input.Actions as Action[])[0].AuthenticateOidcConfig?.ClientSecret).toBeUndefined();
    const after = await describe(where.rule);
    expect(after.Conditions).toEqual(before.Conditions);
    expect(after.Actions![0].Type).toBe('authenticate-oidc');
    expect(after.Actions![1].ForwardConfig).toEqual({
      TargetGroups: [
        { TargetGroupArn: seed.targetGroupArn, Weight: 90 },
        { TargetGroupArn: canary, Weight: 10 },
      ],
      TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 300 },
    });
  });

  test('a change to the other actions since the plan read them is not overwritten', async () => {
    const canary = await canaryGroup();
    const where = await httpsRule();
    const read = (await describe(where.rule)).Actions!;
    elb('ModifyRule', {
      RuleArn: where.rule,
      Actions: [
        { ...oidc, AuthenticateOidcConfig: { ...oidc.AuthenticateOidcConfig, Scope: 'openid email' } },
        read[1],
      ].map((a) => ({ ...a, TargetGroupArn: undefined })),
    });
    const count = writes();
    const write = send(
      K.setForward,
      forwardRequest({ listener: where.listener, rule: where.rule }, read, canary, { stable: 90, canary: 10 }, [
        { group: seed.targetGroupArn, weight: 1 },
      ]),
    );
    await expect(write).rejects.toThrow(ConcurrentModificationError);
    await expect(write).rejects.toThrow(/same groups and weights, but its other actions or stickiness changed/);
    expect(emu.calls({ mutating: true }).slice(count)).toEqual([]);
  });
});

test('a forward that is not the one expected is not written', async () => {
  const canary = await canaryGroup();
  const read = await defaultActions();
  const count = writes();
  const write = send(
    K.setForward,
    forwardRequest({ listener: seed.listenerArn }, read, canary, { stable: 80, canary: 20 }, [
      { group: seed.targetGroupArn, weight: 90 },
    ]),
  );
  await expect(write).rejects.toThrow(ConcurrentModificationError);
  await expect(write).rejects.toThrow(/changed while this run was working \(expected color-tg=90, now color-tg=1\)/);
  expect(emu.calls({ mutating: true }).slice(count)).toEqual([]);
});

test('create-rule makes the preview rule and its undo deletes it; delete-rule can recreate it', async () => {
  const canary = await canaryGroup();
  const request = {
    listener: seed.listenerArn,
    priority: 1,
    conditions: [{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-canary', Values: ['pr-7'] } }],
    actions: [{ Type: 'forward', Order: 1, ForwardConfig: { TargetGroups: [{ TargetGroupArn: canary, Weight: 1 }] } }],
    tags: { 'ecs-mesh-canary:preview': 'preview-color-canary' },
    name: 'preview-color-canary',
  };
  const created = await send(K.createRule, request);
  const arn = String(created.produces!.previewRouteArn);
  expect(emu.elbv2.traffic(ALB_SAMPLE.listener, 10, { headers: { 'x-canary': 'pr-7' } }).rules).toEqual({ '1': 10 });
  const deleted = await send(K.deleteRule, { rule: arn, recreate: request });
  expect(emu.elbv2.traffic(ALB_SAMPLE.listener, 10, { headers: { 'x-canary': 'pr-7' } }).rules).toEqual({
    default: 10,
  });
  await send(deleted.undo!.kind, deleted.undo!.request);
  expect(emu.elbv2.traffic(ALB_SAMPLE.listener, 10, { headers: { 'x-canary': 'pr-7' } }).rules).toEqual({ '1': 10 });
  expect(created.undo).toMatchObject({ kind: K.deleteRule, request: { rule: arn } });
});

describe('wait-targets-healthy', () => {
  const wait = (targetGroup: string, minHealthy: number, timeoutMinutes = 1) =>
    send(K.waitHealthy, { targetGroup, name: 'color-tg', minHealthy, timeoutMinutes });

  test('returns once enough targets of the group are healthy', async () => {
    await expect(wait(seed.targetGroupArn, 3)).resolves.toEqual({ detail: '3 target(s) healthy' });
  });

  test('throttled DescribeTargetHealth calls count as still waiting', async () => {
    emu.inject({ service: 'elbv2', operation: 'DescribeTargetHealth', error: 'Throttling', times: 3 });
    await expect(wait(seed.targetGroupArn, 3)).resolves.toEqual({ detail: '3 target(s) healthy' });
    expect(sleeps).toHaveLength(3);
  });

  test('an error that is not retryable stops the wait', async () => {
    emu.inject({ service: 'elbv2', operation: 'DescribeTargetHealth', error: 'AccessDenied' });
    await expect(wait(seed.targetGroupArn, 3)).rejects.toMatchObject({ name: 'AccessDenied' });
  });

  test('gives up after its timeout naming the unhealthy targets and their reason, saying no weight was moved', async () => {
    const [ip] = [...emu.elbv2.targetGroup(seed.targetGroupArn).targets.values()].map((t) => t.id);
    emu.elbv2.markUnhealthy(seed.targetGroupArn, ip);
    await expect(wait(seed.targetGroupArn, 3, 0.001)).rejects.toThrow(
      /^Targets of target group color-tg did not become healthy within 0.001 minute\(s\) \(wait-for-minutes\): 2 healthy, 1 unhealthy \(Target.FailedHealthChecks: Health checks failed\). No weight was moved to them$/,
    );
    const empty = await canaryGroup();
    await expect(wait(empty, 1, 0.001)).rejects.toThrow(/: no targets registered yet\. No weight was moved to them$/);
  });
});
