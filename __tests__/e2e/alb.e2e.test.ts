// The bundled action (dist/index.js) with traffic-provider: alb against the emulator seeded with the color app behind
// an internal Application Load Balancer, run as the GitHub runner runs it. Traffic is checked by simulating requests
// through the listener, its rules and weighted target groups, to the tasks behind the healthy targets.
import { Emulator } from '../../emulator/server.js';
import {
  ALB_SAMPLE,
  albCanaryWeight,
  albInputs,
  albTraffic,
  seedAlbColor,
  type AlbSeed,
} from '../../emulator/fixture.js';
import { NODE24, runAction } from '../../emulator/runAction.js';

const canaryGroup = `${ALB_SAMPLE.targetGroup}-canary`;
const share = (t: { images: Record<string, number>; requests: number }, image: string) =>
  (t.images[image] ?? 0) / t.requests;
const writes = (emu: Emulator, from: number) =>
  emu.calls({ mutating: true }).filter((r) => r.start >= from && !r.error);
const serviceOf = (emu: Emulator, name: string) => emu.ecs.services.get(ALB_SAMPLE.cluster)?.get(name);
const imageOf = (emu: Emulator, name: string) =>
  emu.ecs.taskDefinition(serviceOf(emu, name)!.taskDefinition)?.containerDefinitions[0].image;

describe('a canary on an Application Load Balancer, step by step (bundled action, Node 24)', () => {
  let emu: Emulator;
  let seed: AlbSeed;
  beforeAll(async () => {
    emu = await Emulator.start({ region: 'eu-west-1', rolloutDelayMs: 300, elbv2HealthyAfterMs: 300 });
    seed = seedAlbColor(emu);
  });
  afterAll(() => emu.stop());
  const run = (inputs: Record<string, string>) => runAction(albInputs(inputs), { env: emu.env(), node: NODE24 });

  test('deploy at 20 %: the canary group is created, joins the forward at 0 before the service, then gets a fifth', async () => {
    const from = Date.now();
    const result = await run({ image: 'colorapp:blue', 'canary-weight': '20' });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.outputs).toMatchObject({
      'stable-weight': '80',
      'canary-weight': '20',
      'previous-canary-weight': '0',
      'route-arn': seed.listenerArn,
      'canary-virtual-node-arn': '',
    });
    expect(result.outputs['canary-target-group-arn']).toMatch(
      /^arn:aws:elasticloadbalancing:eu-west-1:\d{12}:targetgroup\/color-tg-canary\/[0-9a-f]{16}$/,
    );
    expect(writes(emu, from).map((r) => r.operation)).toEqual([
      'CreateTargetGroup',
      'ModifyTargetGroupAttributes',
      'ModifyListener',
      'RegisterTaskDefinition',
      'CreateService',
      'ModifyListener',
    ]);
    expect(result.stdout).toMatch(/Targets of color-tg-canary healthy: 1 healthy/);
    // The canary group got the stable group's settings and attributes, and the canary service its container and port.
    const canary = emu.elbv2.targetGroup(canaryGroup);
    expect(canary.settings).toEqual(emu.elbv2.targetGroup(ALB_SAMPLE.targetGroup).settings);
    expect(canary.attributes['deregistration_delay.timeout_seconds']).toBe('30');
    expect(serviceOf(emu, 'color-canary')).toMatchObject({
      loadBalancers: [{ targetGroupArn: canary.arn, containerName: 'app', containerPort: 8080 }],
      healthCheckGracePeriodSeconds: 30,
    });
    const t = albTraffic(emu);
    expect(t.failures).toBe(0);
    expect(t.failOpen).toEqual({});
    expect(share(t, 'colorapp:blue')).toBeGreaterThan(0.16);
    expect(share(t, 'colorapp:blue')).toBeLessThan(0.24);
  });

  test('the same deploy again writes nothing', async () => {
    const from = Date.now();
    const result = await run({ image: 'colorapp:blue', 'canary-weight': '20' });
    expect(result.status).toBe(0);
    expect(writes(emu, from)).toEqual([]);
  });

  test('shift to 50 %: one forward write', async () => {
    const from = Date.now();
    const result = await run({ operation: 'shift', 'canary-weight': '50' });
    expect(result.status).toBe(0);
    expect(writes(emu, from).map((r) => r.operation)).toEqual(['ModifyListener']);
    expect(result.outputs).toMatchObject({ 'previous-canary-weight': '20', 'canary-weight': '50' });
    const t = albTraffic(emu);
    expect(t.failures).toBe(0);
    expect(share(t, 'colorapp:blue')).toBeGreaterThan(0.45);
    expect(share(t, 'colorapp:blue')).toBeLessThan(0.55);
  });

  test('dry-run promote: the plan, zero mutating calls', async () => {
    const from = Date.now();
    const result = await run({ operation: 'promote', 'dry-run': 'true' });
    expect(result.status).toBe(0);
    expect(writes(emu, from)).toEqual([]);
    const plan = JSON.parse(result.outputs.plan);
    expect(plan.changes.map((c: { kind: string }) => c.kind)).toEqual([
      'ecs.register-task-definition',
      'ecs.update-service',
      'ecs.wait-for-rollout',
      'alb.wait-targets-healthy',
      'alb.set-forward',
      'ecs.update-service',
    ]);
  });

  test('promote: stable serves the new image, 100/0, and only then is the canary scaled to 0', async () => {
    const from = Date.now();
    const result = await run({ operation: 'promote' });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.outputs).toMatchObject({ 'stable-weight': '100', 'canary-weight': '0' });
    const calls = writes(emu, from).map((r) => `${r.operation} ${r.input.service ?? ''}`.trim());
    expect(calls).toEqual([
      'RegisterTaskDefinition',
      'UpdateService color',
      'ModifyListener',
      'UpdateService color-canary',
    ]);
    const t = albTraffic(emu);
    expect(t.failures).toBe(0);
    expect(t.targetGroups).toEqual({ [ALB_SAMPLE.targetGroup]: 1000 });
    expect(t.images).toEqual({ 'colorapp:blue': 1000 });
    expect(imageOf(emu, 'color')).toBe('colorapp:blue');
    expect(serviceOf(emu, 'color-canary')?.desiredCount).toBe(0);
  });

  test('a new canary, then rollback: all traffic on stable, canary scaled to 0, a rerun writes nothing', async () => {
    expect((await run({ image: 'colorapp:green', 'canary-weight': '30' })).status).toBe(0);
    expect(share(albTraffic(emu), 'colorapp:green')).toBeGreaterThan(0.25);
    const rollback = await run({ operation: 'rollback', 'canary-weight': '30' });
    expect(rollback.status).toBe(0);
    expect(rollback.stdout).toContain(
      "::warning::Input 'canary-weight' is not used by rollback (it always ends at 0); ignored",
    );
    const t = albTraffic(emu);
    expect(t.failures).toBe(0);
    expect(t.images).toEqual({ 'colorapp:blue': 1000 });
    expect(serviceOf(emu, 'color-canary')?.desiredCount).toBe(0);
    const from = Date.now();
    expect((await run({ operation: 'rollback' })).status).toBe(0);
    expect(writes(emu, from)).toEqual([]);
  });
});

describe('previews and alarms on an Application Load Balancer', () => {
  let emu: Emulator;
  let seed: AlbSeed;
  beforeEach(async () => {
    emu = await Emulator.start({ rolloutDelayMs: 100, elbv2HealthyAfterMs: 100 });
    seed = seedAlbColor(emu);
    emu.cloudWatch.putMetricAlarm('color-5xx', { state: 'OK', reason: 'Threshold not crossed' });
  });
  afterEach(() => emu.stop());
  const run = (inputs: Record<string, string>) => runAction(albInputs(inputs), { env: emu.env() });
  const preview = { headers: { 'x-canary': 'pr-7' } };

  test('a preview rule by header: only header requests reach the dark canary; promote removes the rule', async () => {
    const result = await run({ image: 'colorapp:blue', 'canary-weight': '0', 'preview-header': 'x-canary: pr-7' });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.outputs['preview-route-arn']).toMatch(/:listener-rule\/app\/color-alb\//);
    expect(result.outputs['canary-weight']).toBe('0');
    expect(result.summary).toContain(`curl -H 'x-canary: pr-7' http://${seed.dnsName}/`);
    expect(albTraffic(emu, 200, preview).images).toEqual({ 'colorapp:blue': 200 });
    const plain = albTraffic(emu, 500);
    expect(plain.failures).toBe(0);
    expect(Object.keys(plain.images)).toEqual([expect.stringMatching(/colorapp:green$/)]);
    const rule = emu.elbv2.listener(seed.listenerArn).rules.get(result.outputs['preview-route-arn'])!;
    expect(emu.elbv2.tags.get(rule.arn)?.get('ecs-mesh-canary:preview')).toBe('preview-color-canary');
    // The same deploy again keeps the rule.
    const from = Date.now();
    expect(
      (await run({ image: 'colorapp:blue', 'canary-weight': '0', 'preview-header': 'x-canary: pr-7' })).status,
    ).toBe(0);
    expect(writes(emu, from)).toEqual([]);
    const promote = await run({ operation: 'promote' });
    expect(promote.status).toBe(0);
    expect(emu.elbv2.listener(seed.listenerArn).rules.size).toBe(0);
    expect(albTraffic(emu, 200, preview).images).toEqual({ 'colorapp:blue': 200 });
  });

  test('steps under an alarm that fires at 50 %: the canary is rolled back at once, exit 1, no failed request', async () => {
    emu.cloudWatch.setStateWhen(
      'color-5xx',
      'ALARM',
      'Threshold Crossed: 5xx rate 4 %',
      (e) => (albCanaryWeight(e) ?? 0) >= 50,
    );
    const result = await run({
      image: 'colorapp:blue',
      steps: '10,50,100',
      'step-minutes': '0.01',
      alarms: 'color-5xx',
    });
    expect(result.status).toBe(1);
    expect(result.errors).toEqual([
      'CloudWatch alarm color-5xx is ALARM (Threshold Crossed: 5xx rate 4 %) at step 2 (50 %): the canary was rolled back',
    ]);
    expect(result.outputs).toMatchObject({ 'canary-weight': '0', 'stable-weight': '100' });
    expect(albCanaryWeight(emu)).toBe(0);
    const t = albTraffic(emu);
    expect(t.failures).toBe(0);
    expect(t.targetGroups).toEqual({ [ALB_SAMPLE.targetGroup]: 1000 });
    expect(serviceOf(emu, 'color-canary')?.desiredCount).toBe(0);
  });

  test('canary tasks that fail their health checks get no weight: the rollout is rolled back, exit 1, stable serves', async () => {
    expect((await run({ image: 'colorapp:blue', 'canary-weight': '40' })).status).toBe(0);
    emu.ecs.albUnhealthyImages.add('colorapp:sick');
    const failed = await run({ image: 'colorapp:sick', 'canary-weight': '40' });
    expect(failed.status).toBe(1);
    expect(failed.errors).toHaveLength(1);
    expect(failed.errors[0]).toMatch(
      /^wait ECS service color-canary failed: .* was rolled back by ECS \(deployment circuit breaker\)/,
    );
    expect(failed.outputs['canary-weight']).toBe('0');
    const t = albTraffic(emu);
    expect(t.failures).toBe(0);
    expect(t.failOpen).toEqual({});
    expect(t.images['colorapp:sick']).toBeUndefined();
    expect(t.targetGroups).toEqual({ [ALB_SAMPLE.targetGroup]: 1000 });
  });
});
