// The bundled action (dist/index.js) with traffic-provider: ecs-native, run as the GitHub runner runs it, against the
// emulator seeded with the color app on ECS Service Connect: ECS's own LINEAR deployment paused at each step. Traffic
// is checked by simulating requests through the service's Service Connect endpoint, tallied by the image that answered.
// Then a table of bad inputs: each fails before any write with one error naming the input.
import { Emulator } from '../../emulator/server.js';
import {
  colorDeployment,
  colorTraffic,
  NATIVE_SAMPLE,
  nativeInputs,
  seedServiceConnectColor,
} from '../../emulator/ecsNativeFixture.js';
import { NODE24, runAction, type RunOptions } from '../../emulator/runAction.js';

const OLD = NATIVE_SAMPLE.stableImage;
const cluster = NATIVE_SAMPLE.cluster;

let emu: Emulator;
const run = (inputs: Record<string, string>, opts: RunOptions = {}) =>
  runAction(nativeInputs({ 'pr-comment': 'false', ...inputs }), { env: emu.env(), node: NODE24, ...opts });
/** The successful AWS calls since `from` that change something, by operation. */
const writes = (from: number) =>
  emu.log
    .slice(from)
    .filter((r) => !r.error && !/^(Describe|List|Get)/.test(r.operation))
    .map((r) => r.operation);
const share = (image: string, n = 2000) => {
  const t = colorTraffic(emu, n);
  expect(t.failures).toBe(0);
  return (t.images[image] ?? 0) / n;
};
const service = () => emu.ecs.services.get(cluster)!.get(NATIVE_SAMPLE.service)!;
const ourHooks = () =>
  ((service().deploymentConfiguration?.lifecycleHooks ?? []) as { targetType: string }[]).filter(
    (h) => h.targetType === 'PAUSE',
  );
const latest = () => emu.ecs.serviceDeployments.latest(cluster, NATIVE_SAMPLE.service)!;

beforeAll(async () => {
  emu = await Emulator.start({ region: 'eu-west-1', rolloutDelayMs: 100 });
  seedServiceConnectColor(emu);
});
afterAll(() => emu.stop());

describe('a canary with ECS’s own linear deployment, step by step (bundled action, Node 24)', () => {
  test('deploy 10 %: ECS starts the new revision beside the old, pauses, and is continued to exactly 10 %', async () => {
    const from = emu.log.length;
    const result = await run({ image: 'colorapp:blue', 'canary-weight': '10' });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    const d = colorDeployment(emu)!;
    expect([d.status, d.weight, d.hooks.map((h) => h.status)]).toEqual(['IN_PROGRESS', 10, ['AWAITING_ACTION']]);
    expect(result.outputs).toMatchObject({
      'stable-weight': '90',
      'canary-weight': '10',
      'previous-canary-weight': '0',
      'route-arn': d.arn,
      'task-definition-arn': d.target.taskDefinition,
    });
    expect(writes(from)).toEqual(['RegisterTaskDefinition', 'UpdateService', 'ContinueServiceDeployment']);
    const update = emu.log.slice(from).find((r) => r.operation === 'UpdateService')!.input;
    expect(update.deploymentConfiguration).toEqual({
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      strategy: 'LINEAR',
      linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 0 },
      lifecycleHooks: [
        {
          targetType: 'PAUSE',
          lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT'],
          timeoutConfiguration: { timeoutInMinutes: 1440, action: 'ROLLBACK' },
        },
      ],
    });
    const blue = share('colorapp:blue');
    expect(blue).toBeGreaterThan(0.07);
    expect(blue).toBeLessThan(0.13);
    expect(result.summary).toContain('## Canary deploy: 10 % of traffic to canary revision\n');
    expect(result.summary).toContain(
      '| [canary revision](https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/howto-ecs-basics/services/color/deployments?region=eu-west-1) | canary | 0 % | 10 % |',
    );
  });

  test('the same deploy again writes nothing and reports the weight ECS answers', async () => {
    const from = emu.log.length;
    const result = await run({ image: 'colorapp:blue', 'canary-weight': '10' });
    expect([result.status, result.errors]).toEqual([0, []]);
    expect(writes(from)).toEqual([]);
    expect(result.outputs).toMatchObject({
      'stable-weight': '90',
      'canary-weight': '10',
      'previous-canary-weight': '10',
    });
  });

  test('shift 50: four steps, each continued from the pause at the weight before', async () => {
    const from = emu.log.length;
    const result = await run({ operation: 'shift', 'canary-weight': '50' });
    expect([result.status, result.errors]).toEqual([0, []]);
    expect(writes(from)).toEqual(Array(4).fill('ContinueServiceDeployment'));
    expect(result.outputs).toMatchObject({ 'canary-weight': '50', 'previous-canary-weight': '10' });
    expect(colorDeployment(emu)?.weight).toBe(50);
    const blue = share('colorapp:blue');
    expect(blue).toBeGreaterThan(0.45);
    expect(blue).toBeLessThan(0.55);
  });

  test('shift 30 is refused before any write: ECS cannot lower a weight inside a deployment', async () => {
    const from = emu.log.length;
    const result = await run({ operation: 'shift', 'canary-weight': '30' });
    expect(result.status).toBe(1);
    expect(result.errors).toEqual([
      expect.stringMatching(
        /is at 50 %; ECS cannot lower the weight inside a deployment, so 30 % is refused \(nothing was written\)\. Roll back to end it \(input 'canary-weight'\)$/,
      ),
    ]);
    expect(writes(from)).toEqual([]);
    expect(colorDeployment(emu)?.weight).toBe(50);
  });

  test('dry-run promote: the plan, and not one mutating call', async () => {
    const from = emu.log.length;
    const result = await run({ operation: 'promote', 'dry-run': 'true' });
    expect([result.status, result.errors]).toEqual([0, []]);
    expect(writes(from)).toEqual([]);
    const plan = JSON.parse(result.outputs.plan);
    expect(plan.changes.map((c: { kind: string }) => c.kind)).toEqual([
      'ecs-native.finish',
      'ecs-native.remove-pause-hook',
    ]);
    expect(colorDeployment(emu)?.weight).toBe(50);
  });

  test('promote: every step continued, SUCCESSFUL, all traffic on the new image, the PAUSE hook gone', async () => {
    const from = emu.log.length;
    const result = await run({ operation: 'promote' });
    expect([result.status, result.errors]).toEqual([0, []]);
    expect(writes(from)).toEqual([...Array(5).fill('ContinueServiceDeployment'), 'UpdateService']);
    expect(latest().status).toBe('SUCCESSFUL');
    expect(result.outputs).toMatchObject({ 'stable-weight': '100', 'canary-weight': '0' });
    expect(share('colorapp:blue')).toBe(1);
    expect(ourHooks()).toEqual([]);
    expect(service().deploymentConfiguration?.strategy).toBe('LINEAR');
    const again = emu.log.length;
    expect((await run({ operation: 'promote' })).status).toBe(0);
    expect(writes(again)).toEqual([]);
  });

  test("someone else's deployment under way is refused by deploy, shift, promote and rollback; nothing written", async () => {
    emu.rolloutDelayMs = 600_000; // theirs stays IN_PROGRESS (scaling up) while this run looks at it
    const theirs = emu.ecs.deployAnother(cluster, NATIVE_SAMPLE.service, 'colorapp:theirs');
    const arn = colorDeployment(emu)!.arn;
    const from = emu.log.length;
    const refused: Record<string, string>[] = [
      { image: 'colorapp:red', 'canary-weight': '10' },
      { operation: 'shift', 'canary-weight': '20' },
      { operation: 'promote' },
      { operation: 'rollback' },
    ];
    for (const inputs of refused) {
      const result = await run(inputs);
      expect([inputs, result.status, result.errors.length]).toEqual([inputs, 1, 1]);
      expect(result.errors[0]).toContain(
        `has a deployment under way that this action did not start: ${arn}, of ${theirs.split('/').pop()}`,
      );
      expect(result.errors[0]).toMatch(/someone else's deployment; nothing was written \(input 'stable-service'\)$/);
    }
    expect(writes(from)).toEqual([]);
    emu.rolloutDelayMs = 100;
    emu.ecs.handle('StopServiceDeployment', { serviceDeploymentArn: arn, stopType: 'ROLLBACK' });
    await new Promise((r) => setTimeout(r, 150));
    emu.ecs.advance();
    expect(latest().status).toBe('ROLLBACK_SUCCESSFUL');
  });

  test('deploy 10, shift 50, rollback: all traffic on the old image, ROLLBACK_SUCCESSFUL; a rerun writes nothing', async () => {
    expect((await run({ image: 'colorapp:red', 'canary-weight': '10' })).status).toBe(0);
    expect((await run({ operation: 'shift', 'canary-weight': '50' })).status).toBe(0);
    expect(share('colorapp:red')).toBeGreaterThan(0.45);
    const from = emu.log.length;
    const result = await run({ operation: 'rollback' });
    expect([result.status, result.errors]).toEqual([0, []]);
    expect(writes(from)).toEqual(['ContinueServiceDeployment', 'UpdateService']);
    expect(emu.log.slice(from).find((r) => r.operation === 'ContinueServiceDeployment')?.input.action).toBe('ROLLBACK');
    expect(latest().status).toBe('ROLLBACK_SUCCESSFUL');
    expect(result.outputs).toMatchObject({
      'stable-weight': '100',
      'canary-weight': '0',
      'previous-canary-weight': '50',
    });
    expect(share('colorapp:blue')).toBe(1);
    expect(ourHooks()).toEqual([]);
    const again = emu.log.length;
    expect((await run({ operation: 'rollback' })).status).toBe(0);
    expect(writes(again)).toEqual([]);
  });

  test('a header preview (dark launch at 0 %) reaches the new revision only, by its test-traffic header', async () => {
    const result = await run({ image: 'colorapp:pr-7', 'canary-weight': '0', 'preview-header': 'x-canary: pr-7' });
    expect([result.status, result.errors]).toEqual([0, []]);
    expect(result.outputs['canary-weight']).toBe('0');
    expect(colorTraffic(emu, 300, { headers: { 'x-canary': 'pr-7' } }).images).toEqual({ 'colorapp:pr-7': 300 });
    expect(colorTraffic(emu, 300, { headers: { 'x-canary': 'pr-8' } }).images).toEqual({ 'colorapp:blue': 300 });
    expect(colorTraffic(emu, 300).images).toEqual({ 'colorapp:blue': 300 });
    expect((await run({ operation: 'rollback' })).status).toBe(0);
  });

  test('an alarm at 10 %: ECS rolls the deployment back, the run fails naming the alarm and says 0 %', async () => {
    emu.cloudWatch.putMetricAlarm('color-5xx', { state: 'OK', reason: 'no 5xx' });
    emu.cloudWatch.setStateWhen(
      'color-5xx',
      'ALARM',
      'Threshold Crossed: 5xx',
      (e) => (colorDeployment(e)?.weight ?? 0) >= 10,
    );
    const result = await run({ image: 'colorapp:sick', 'canary-weight': '10', alarms: 'color-5xx' });
    emu.cloudWatch.setState('color-5xx', 'OK', 'recovered');
    expect(result.status).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /ECS rolled back service deployment \S+ while this run was stepping to 10 %: ROLLBACK_\w+ \(alarm color-5xx\): Alarm color-5xx is in ALARM state/,
    );
    expect(result.outputs['canary-weight']).toBe('0');
    expect(latest().triggeredAlarms).toEqual(['color-5xx']);
    await new Promise((r) => setTimeout(r, 150));
    expect(share('colorapp:blue')).toBe(1);
  });

  test('steps 10,50 with bakes and auto-promote: walked, then promoted to SUCCESSFUL', async () => {
    const result = await run({
      image: 'colorapp:steps',
      steps: '10,50',
      'step-minutes': '0.02',
      'auto-promote': 'true',
    });
    expect([result.status, result.errors]).toEqual([0, []]);
    expect(result.stdout).toMatch(/Step 1 \(10 %\): baked 1 s of 1 s/);
    expect(result.stdout).toMatch(/Step 2 \(50 %\): baked 1 s of 1 s/);
    expect(result.summary).toContain('Canary promoted after 10 % → 50 %');
    expect(latest().status).toBe('SUCCESSFUL');
    expect(share('colorapp:steps')).toBe(1);
  });

  test('advance, one step per run once the current one has baked, then promote', async () => {
    // Bakes of 6 s: longer than a run of the action takes, so the run right after a step finds it not baked yet.
    const inputs = { operation: 'advance', steps: '10,50', 'step-minutes': '0.1', 'auto-promote': 'true' };
    expect((await run({ image: 'colorapp:adv', 'canary-weight': '10' })).status).toBe(0);
    await new Promise((r) => setTimeout(r, 6_200));
    const first = await run(inputs);
    expect([first.status, first.errors, first.outputs['canary-weight']]).toEqual([0, [], '50']);
    const from = emu.log.length;
    const early = await run(inputs);
    expect([early.status, writes(from)]).toEqual([0, []]);
    expect(early.summary).toMatch(/Canary at step 2 of 2 \(50 %\): next step due at/);
    await new Promise((r) => setTimeout(r, 6_200));
    const last = await run(inputs);
    expect([last.status, last.errors]).toEqual([0, []]);
    expect(latest().status).toBe('SUCCESSFUL');
    expect(share('colorapp:adv')).toBe(1);
  });

  test('SIGTERM during a walk leaves the deployment paused at the step reached; a rerun goes on from there', async () => {
    const deploy = { image: 'colorapp:walk', steps: '10,50', 'step-minutes': '1' };
    const cancelled = await run(deploy, { signal: { when: /Step 1 \(10 %\): baked/, signal: 'SIGTERM' } });
    expect(cancelled.status).toBe(1);
    expect(cancelled.errors[0]).toMatch(
      /^Cancelled \(SIGTERM\): the run stopped at the next safe point during the bake at 10 %/,
    );
    expect(colorDeployment(emu)).toMatchObject({ status: 'IN_PROGRESS', weight: 10 });
    const from = emu.log.length;
    const rerun = await run({ ...deploy, 'step-minutes': '0.01' });
    expect([rerun.status, rerun.errors]).toEqual([0, []]);
    expect(writes(from)).toEqual(Array(4).fill('ContinueServiceDeployment'));
    expect(colorDeployment(emu)?.weight).toBe(50);
    expect((await run({ operation: 'rollback' })).status).toBe(0);
  });
});

describe('bad inputs: one ::error:: naming the input, exit 1, no write', () => {
  type Stage = 'input' | 'state';
  const cases: [string, Record<string, string>, string, Stage][] = [
    [
      'a weight no step of 3 % or more reaches',
      { image: 'colorapp:x', 'canary-weight': '2' },
      'canary-weight',
      'input',
    ],
    ['steps no common step reaches', { image: 'colorapp:x', steps: '10,15,21' }, 'steps', 'input'],
    [
      'pause-timeout-minutes 0',
      { image: 'colorapp:x', 'pause-timeout-minutes': '0' },
      'pause-timeout-minutes',
      'input',
    ],
    [
      'pause-timeout-minutes over two weeks',
      { image: 'colorapp:x', 'pause-timeout-minutes': '20161' },
      'pause-timeout-minutes',
      'input',
    ],
    ['canary-service given', { image: 'colorapp:x', 'canary-service': 'color-canary' }, 'canary-service', 'input'],
    ['an App Mesh input given', { image: 'colorapp:x', mesh: 'howto-ecs-basics' }, 'mesh', 'input'],
    ['a VPC Lattice input given', { image: 'colorapp:x', 'lattice-service': 'color' }, 'lattice-service', 'input'],
    ['deploy without image', {}, 'image', 'input'],
    [
      'a service on neither Service Connect nor a load balancer',
      { image: 'colorapp:x', 'stable-service': NATIVE_SAMPLE.plainService },
      'stable-service',
      'state',
    ],
    ['a service that does not exist', { image: 'colorapp:x', 'stable-service': 'colour' }, 'stable-service', 'state'],
    ['a cluster that does not exist', { image: 'colorapp:x', cluster: 'nope' }, 'cluster', 'state'],
    ['shift with no deployment under way', { operation: 'shift', 'canary-weight': '20' }, 'stable-service', 'state'],
    ['promote with no deployment of this action', { operation: 'promote' }, 'stable-service', 'state'],
    ['the image the service already runs', { image: OLD }, 'image', 'state'],
    ['an alarm that does not exist', { image: 'colorapp:x', alarms: 'no-such-alarm' }, 'alarms', 'state'],
  ];

  let bad: Emulator;
  beforeAll(async () => {
    bad = await Emulator.start({ region: 'eu-west-1', rolloutDelayMs: 100 });
    seedServiceConnectColor(bad);
  });
  afterAll(() => bad.stop());

  test.each(cases)('%s → names %s', async (_name, inputs, input, stage) => {
    const from = bad.log.length;
    const result = await runAction(nativeInputs({ 'pr-comment': 'false', ...inputs }), {
      env: bad.env(),
      node: NODE24,
    });
    expect(result.status).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(new RegExp(`(^Input|\\(input) '${input}'`));
    const calls = bad.log.slice(from);
    if (stage === 'input') expect(calls).toEqual([]);
    else expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => !/^(Describe|List|Get)/.test(c.operation))).toEqual([]);
  });
});
