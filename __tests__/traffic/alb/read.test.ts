// The ALB read against the in-process emulator (the real SDK over HTTP): the stable group from the stable service's
// loadBalancers, the one forward of its load balancer that includes it (or the rule or listener named), the refusals
// that name an input before any write, and what rollback reads besides (the preview rule, other rules).
import { jest } from '@jest/globals';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { describeServices } from '../../../src/aws/ecsServices.js';
import type { Operation } from '../../../src/model.js';
import { AlbApi } from '../../../src/traffic/alb/api.js';
import { readAlb } from '../../../src/traffic/alb/read.js';
import type { AlbSettings } from '../../../src/traffic/alb/settings.js';
import { ALB_SAMPLE, type AlbSeed, albInputs, seedAlbColor } from '../../../emulator/fixture.js';
import { runInProcess } from '../../support/inProcess.js';
import { Emulator } from '../../../emulator/server.js';

let emu: Emulator;
let seed: AlbSeed;
let elbClient: ElasticLoadBalancingV2Client;
let ecs: ECSClient;
beforeEach(async () => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  emu = await Emulator.start({ elbv2HealthyAfterMs: 0 });
  seed = seedAlbColor(emu);
  const config = emu.clientConfig();
  elbClient = new ElasticLoadBalancingV2Client(config);
  ecs = new ECSClient(config);
});
afterEach(async () => {
  jest.restoreAllMocks();
  elbClient.destroy();
  ecs.destroy();
  await emu.stop();
});

const names = { stable: ALB_SAMPLE.ecsService, canary: 'color-canary' };
const byDefault: AlbSettings = { provider: 'alb' };
const elb = <T = Record<string, any>>(operation: string, input: Record<string, unknown>) =>
  emu.elbv2.handle(operation, input) as T;

function read(settings: AlbSettings, operation: Operation = 'deploy', stable: string = names.stable) {
  const services = describeServices(ecs, ALB_SAMPLE.cluster, [stable, names.canary]);
  return readAlb(
    new AlbApi(elbClient),
    settings,
    { ...names, stable },
    operation,
    { services },
    {
      preview: false,
      deleteCanary: false,
    },
  );
}

const group = (name: string) =>
  elb('CreateTargetGroup', {
    Name: name,
    Protocol: 'HTTP',
    Port: 8080,
    VpcId: emu.elbv2.defaultVpcId,
    TargetType: 'ip',
  }).TargetGroups[0].TargetGroupArn as string;

test('everything by default: the stable group from loadBalancers, the listener default action that forwards to it', async () => {
  const state = await read(byDefault);
  expect(state.splitName).toBe('HTTP:80 (default action)');
  expect(state.where).toEqual({ listener: seed.listenerArn });
  expect(state.stable).toMatchObject({
    arn: seed.targetGroupArn,
    name: 'color-tg',
    config: { Protocol: 'HTTP', Port: 8080, HealthCheckPath: '/ping', Matcher: { HttpCode: '200' } },
    attributes: { 'deregistration_delay.timeout_seconds': '30', 'stickiness.enabled': 'false' },
  });
  expect(state.canary).toEqual({ name: 'color-tg-canary' });
  expect(state.weights).toEqual({ stable: 100, canary: 0 });
  expect(state.registration).toEqual({ containerName: 'app', containerPort: 8080, healthCheckGracePeriodSeconds: 30 });
  // What a write accepts: the forward without TargetGroupArn.
  expect(state.actions).toEqual([
    {
      Type: 'forward',
      Order: 1,
      ForwardConfig: {
        TargetGroups: [{ TargetGroupArn: seed.targetGroupArn, Weight: 1 }],
        TargetGroupStickinessConfig: { Enabled: false },
      },
    },
  ]);
  expect(state.routeId).toBe(seed.listenerArn);
});

test('two forwards that include the stable group: an error naming listener-rule that lists both, by ARN, port and priority', async () => {
  const rule = elb('CreateRule', {
    ListenerArn: seed.listenerArn,
    Priority: 10,
    Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }],
    Actions: [{ Type: 'forward', TargetGroupArn: seed.targetGroupArn }],
  }).Rules[0].RuleArn;
  await expect(read(byDefault)).rejects.toThrow(
    `2 forwards of the load balancer include the stable target group color-tg: ${rule} (port 80, priority 10); ${seed.listenerArn} (port 80, default action); name the one that holds the split (a rule's ARN, or a listener's ARN for its default action) (input 'listener-rule')`,
  );
  const state = await read({ provider: 'alb', listenerRule: rule });
  expect(state).toMatchObject({
    where: { listener: seed.listenerArn, rule },
    splitName: 'HTTP:80 priority 10',
    weightedPriority: 10,
  });
  expect(state.conditions).toEqual([{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }]);
  expect((await read({ provider: 'alb', listenerRule: seed.listenerArn })).splitName).toBe('HTTP:80 (default action)');
});

test('a rule or listener that does not exist, or that answers with a fixed response, is refused naming listener-rule', async () => {
  const missing = seed.listenerArn.replace(/[0-9a-f]{16}$/, '0000000000000000');
  await expect(read({ provider: 'alb', listenerRule: missing })).rejects.toThrow(
    `Listener ${missing} does not exist (input 'listener-rule')`,
  );
  const fixed = elb('CreateRule', {
    ListenerArn: seed.listenerArn,
    Priority: 5,
    Conditions: [{ Field: 'path-pattern', Values: ['/down'] }],
    Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503' } }],
  }).Rules[0].RuleArn;
  await expect(read({ provider: 'alb', listenerRule: fixed })).rejects.toThrow(
    "The listener rule HTTP:80 priority 5 is a fixed-response action; this action only manages forward actions (input 'listener-rule')",
  );
});

test('a forward that also names a third group reads, but says why it cannot be written', async () => {
  const other = group('other-tg');
  elb('ModifyListener', {
    ListenerArn: seed.listenerArn,
    DefaultActions: [
      {
        Type: 'forward',
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: seed.targetGroupArn, Weight: 1 },
            { TargetGroupArn: other, Weight: 1 },
          ],
        },
      },
    ],
  });
  const state = await read(byDefault);
  expect(state.foreign).toEqual({
    why: 'The listener HTTP:80 (default action) also forwards to other-tg; this action only manages a split between the stable and canary target groups',
    input: 'listener-rule',
  });
});

test('a default canary name longer than 32 characters is refused naming canary-target-group', async () => {
  const long = 'color-target-group-for-the-app';
  const arn = group(long);
  elb('CreateListener', {
    LoadBalancerArn: seed.loadBalancerArn,
    Protocol: 'HTTP',
    Port: 8080,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: arn }],
  });
  await expect(read({ provider: 'alb', stableTargetGroup: arn })).rejects.toThrow(
    `the default canary target group name ${long}-canary is 37 characters, and ALB names are at most 32: name the canary group (input 'canary-target-group')`,
  );
});

test('ECS or CodeDeploy owning the stable service refuses deploy and shift, not rollback', async () => {
  const base = emu.ecs.services.get(ALB_SAMPLE.cluster)!.get(ALB_SAMPLE.ecsService)!;
  const { serviceName: _n, serviceArn: _a, deployments: _d, status: _s, ...input } = base;
  emu.ecs.seedService(ALB_SAMPLE.cluster, {
    ...input,
    serviceName: 'color-cd',
    deploymentController: { type: 'CODE_DEPLOY' },
  });
  emu.ecs.seedService(ALB_SAMPLE.cluster, {
    ...input,
    serviceName: 'color-linear',
    deploymentConfiguration: { ...input.deploymentConfiguration, strategy: 'LINEAR' },
  });
  await expect(read(byDefault, 'deploy', 'color-cd')).rejects.toThrow(
    "ECS service color-cd is deployed by CODE_DEPLOY, which owns its load balancer's listeners; this action only canaries services with the ECS deployment controller (input 'stable-service')",
  );
  await expect(read(byDefault, 'shift', 'color-linear')).rejects.toThrow(
    /ECS service color-linear uses the LINEAR deployment strategy, in which ECS shifts its listener's traffic itself.*\(input 'stable-service'\)$/,
  );
  await expect(read(byDefault, 'rollback', 'color-cd')).resolves.toMatchObject({ weights: { stable: 100, canary: 0 } });
});

test('the canary group must be another IP group of the same VPC and load balancer', async () => {
  await expect(read({ provider: 'alb', canaryTargetGroup: 'color-tg' })).rejects.toThrow(
    "The canary target group must differ from the stable one (both are color-tg) (input 'canary-target-group')",
  );
  elb('CreateTargetGroup', {
    Name: 'elsewhere',
    Protocol: 'HTTP',
    Port: 8080,
    VpcId: 'vpc-0fedcba987654321',
    TargetType: 'ip',
  });
  await expect(read({ provider: 'alb', canaryTargetGroup: 'elsewhere' })).rejects.toThrow(
    /Target group elsewhere is in vpc-0fedcba987654321, the stable group color-tg in vpc-.*: both must be in one VPC/,
  );
  elb('CreateTargetGroup', { Name: 'instances', Protocol: 'HTTP', Port: 8080, VpcId: emu.elbv2.defaultVpcId });
  await expect(read({ provider: 'alb', canaryTargetGroup: 'instances' })).rejects.toThrow(
    "Target group instances has targets of type instance; the canary's ECS tasks (awsvpc) register by IP (input 'canary-target-group')",
  );
});

test('rollback finds the preview rule by its tag and the other rules that forward to the canary', async () => {
  const canary = group('color-tg-canary');
  elb('ModifyListener', {
    ListenerArn: seed.listenerArn,
    DefaultActions: [
      {
        Type: 'forward',
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: seed.targetGroupArn, Weight: 90 },
            { TargetGroupArn: canary, Weight: 10 },
          ],
        },
      },
    ],
  });
  const toCanary = [{ Type: 'forward', TargetGroupArn: canary }];
  const preview = elb('CreateRule', {
    ListenerArn: seed.listenerArn,
    Priority: 1,
    Conditions: [{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-canary', Values: ['pr-7'] } }],
    Actions: toCanary,
    Tags: [{ Key: 'ecs-mesh-canary:preview', Value: 'preview-color-canary' }],
  }).Rules[0].RuleArn;
  elb('CreateRule', {
    ListenerArn: seed.listenerArn,
    Priority: 2,
    Conditions: [{ Field: 'path-pattern', Values: ['/beta/*'] }],
    Actions: toCanary,
  });
  const state = await read(byDefault, 'rollback');
  expect(state.weights).toEqual({ stable: 90, canary: 10 });
  expect(state.previewRule).toMatchObject({ arn: preview, priority: 1, forward: [{ group: canary, weight: 1 }] });
  expect(state.otherRoutes).toEqual([{ name: 'rule 2 of listener HTTP:80', canaryWeight: 100 }]);
  expect(state.canaryElsewhere).toEqual(['rule 2 of listener HTTP:80']);
});

test('once the canary service exists, a shift reads both groups in one DescribeTargetGroups and no attributes', async () => {
  const deployed = await runInProcess(albInputs({ image: 'colorapp:blue', 'canary-weight': '20' }), { env: emu.env() });
  expect(deployed.errors).toEqual([]);
  const from = emu.log.length;
  const state = await read(byDefault, 'shift');
  expect(state.canary).toMatchObject({ name: 'color-tg-canary', arn: expect.stringContaining('color-tg-canary') });
  expect(state.weights).toEqual({ stable: 80, canary: 20 });
  const operations = emu.log.slice(from).map((c) => c.operation);
  expect(operations.filter((o) => o === 'DescribeTargetGroups')).toHaveLength(1);
  expect(operations).not.toContain('DescribeTargetGroupAttributes');
});
