// ECS service deployments (LINEAR, CANARY, BLUE_GREEN) in the emulator, through the real AWS SDK v3 client: the
// strategies' configuration checks (PAUSE hooks refused at TEST_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT), the
// lifecycle stages, PAUSE hooks and ContinueServiceDeployment (CONTINUE, ROLLBACK), StopServiceDeployment, the hook
// timeout, alarm rollback, ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions, and the
// Service Connect traffic simulation by production weight and test-traffic header.
import {
  ContinueServiceDeploymentCommand,
  type DeploymentConfiguration,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
  type ServiceDeployment,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { latticeColorTaskDefinition } from '../../emulator/fixture.js';
import {
  colorServiceConnect,
  colorTraffic,
  NATIVE_SAMPLE,
  seedServiceConnectColor,
} from '../../emulator/ecsNativeFixture.js';
import { Emulator } from '../../emulator/server.js';

let emu: Emulator;
let ecs: ECSClient;
let blue: string;

beforeEach(async () => {
  emu = await Emulator.start({ region: 'eu-west-1', rolloutDelayMs: 0 });
  seedServiceConnectColor(emu);
  ecs = new ECSClient(emu.clientConfig());
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand(
      latticeColorTaskDefinition('green', 'colorapp:blue') as RegisterTaskDefinitionCommandInput,
    ),
  );
  blue = out.taskDefinition!.taskDefinitionArn!;
});
afterEach(async () => {
  ecs.destroy();
  await emu.stop();
});

const cluster = NATIVE_SAMPLE.cluster;
const service = NATIVE_SAMPLE.service;
const PAUSE = {
  targetType: 'PAUSE' as const,
  lifecycleStages: ['PRE_PRODUCTION_TRAFFIC_SHIFT' as const],
  timeoutConfiguration: { timeoutInMinutes: 60, action: 'ROLLBACK' as const },
};
const linear = (over: DeploymentConfiguration = {}): DeploymentConfiguration => ({
  strategy: 'LINEAR',
  linearConfiguration: { stepPercent: 10, stepBakeTimeInMinutes: 0 },
  lifecycleHooks: [PAUSE],
  ...over,
});

const errorOf = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error & { $metadata?: { httpStatusCode?: number } }) => ({ name: e.name, message: e.message }),
  );

async function deploy(config: DeploymentConfiguration, extra: Record<string, unknown> = {}): Promise<string> {
  const out = await ecs.send(
    new UpdateServiceCommand({ cluster, service, taskDefinition: blue, deploymentConfiguration: config, ...extra }),
  );
  const arn = out.service?.currentServiceDeployment;
  expect(arn).toMatch(/^arn:aws:ecs:eu-west-1:\d{12}:service-deployment\/howto-ecs-basics\/color\//);
  return arn!;
}

async function describe1(arn: string): Promise<ServiceDeployment> {
  const out = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }));
  return out.serviceDeployments![0];
}

const weight = (d: ServiceDeployment) => d.targetServiceRevision?.requestedProductionTrafficWeight;
const awaiting = (d: ServiceDeployment) => d.lifecycleHookDetails?.find((h) => h.status === 'AWAITING_ACTION');

async function continueHook(arn: string, action: 'CONTINUE' | 'ROLLBACK' = 'CONTINUE') {
  const hook = awaiting(await describe1(arn));
  expect(hook?.hookId).toMatch(/^ecs-pause-/);
  await ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: hook!.hookId, action }));
  return describe1(arn);
}

describe('UpdateService with a LINEAR, CANARY or BLUE_GREEN strategy', () => {
  test.each([
    ['TEST_TRAFFIC_SHIFT', 'PAUSE hooks cannot be configured at TEST_TRAFFIC_SHIFT'],
    ['PRODUCTION_TRAFFIC_SHIFT', 'PAUSE hooks cannot be configured at PRODUCTION_TRAFFIC_SHIFT'],
  ] as const)('refuses a PAUSE hook at %s, as AWS documents', async (stage, message) => {
    const config = linear({ lifecycleHooks: [{ ...PAUSE, lifecycleStages: [stage] }] });
    const err = await errorOf(
      ecs.send(new UpdateServiceCommand({ cluster, service, taskDefinition: blue, deploymentConfiguration: config })),
    );
    expect(err).toEqual({ name: 'InvalidParameterException', message: expect.stringContaining(message) });
    expect(emu.ecs.serviceDeployments.deployments.size).toBe(0);
  });

  test('refuses a stepPercent below 3 or off the 0.1 grid, and a service on neither Service Connect nor a load balancer', async () => {
    for (const stepPercent of [2, 10.05]) {
      const err = await errorOf(deploy(linear({ linearConfiguration: { stepPercent, stepBakeTimeInMinutes: 0 } })));
      expect(err).toEqual({
        name: 'InvalidParameterException',
        message: `stepPercent must be a multiple of 0.1 from 3.0 to 100.0; got ${stepPercent}.`,
      });
    }
    const plain = await errorOf(
      ecs.send(
        new UpdateServiceCommand({
          cluster,
          service: NATIVE_SAMPLE.plainService,
          taskDefinition: blue,
          deploymentConfiguration: linear(),
        }),
      ),
    );
    expect(plain).toEqual({
      name: 'InvalidParameterException',
      message:
        'The LINEAR deployment strategy needs a load balancer with advancedConfiguration or a Service Connect configuration; service front has neither.',
    });
  });

  test('a ROLLING service still deploys as before (no service deployment of this kind)', async () => {
    await ecs.send(new UpdateServiceCommand({ cluster, service, taskDefinition: blue }));
    expect(emu.ecs.serviceDeployments.deployments.size).toBe(0);
  });
});

describe('a LINEAR deployment with a PAUSE hook before each production step', () => {
  test('scales up, shifts test traffic, pauses at 0 % with the new revision running, then 10 % per CONTINUE', async () => {
    const arn = await deploy(linear({ alarms: { alarmNames: [], enable: false, rollback: false } }));
    const paused = await describe1(arn);
    expect(paused).toMatchObject({
      status: 'IN_PROGRESS',
      // Paused at the PRE_PRODUCTION_TRAFFIC_SHIFT hook: the model's stages name it PRODUCTION_TRAFFIC_SHIFT.
      lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT',
      targetServiceRevision: {
        requestedTaskCount: 3,
        runningTaskCount: 3,
        pendingTaskCount: 0,
        requestedTestTrafficWeight: 100,
        requestedProductionTrafficWeight: 0,
      },
      sourceServiceRevisions: [{ requestedTaskCount: 3, runningTaskCount: 3, requestedProductionTrafficWeight: 100 }],
      deploymentConfiguration: { strategy: 'LINEAR', linearConfiguration: { stepPercent: 10 } },
    });
    expect(paused.lifecycleHookDetails).toEqual([
      {
        hookId: expect.stringMatching(/^ecs-pause-/),
        targetType: 'PAUSE',
        status: 'AWAITING_ACTION',
        expiresAt: expect.any(Date),
        timeoutAction: 'ROLLBACK',
      },
    ]);
    expect(colorTraffic(emu, 200).images).toEqual({ 'colorapp:green': 200 });

    const at10 = await continueHook(arn);
    expect([at10.status, at10.lifecycleStage, weight(at10), awaiting(at10)?.status]).toEqual([
      'IN_PROGRESS',
      'PRODUCTION_TRAFFIC_SHIFT',
      10,
      'AWAITING_ACTION',
    ]);
    const t = colorTraffic(emu, 2000, { seed: 7 });
    expect(t.failures).toBe(0);
    expect(t.images['colorapp:blue']).toBeGreaterThan(150);
    expect(t.images['colorapp:blue']).toBeLessThan(250);
    expect(weight(await continueHook(arn))).toBe(20);

    const [services, revisions] = await Promise.all([
      ecs.send(new DescribeServicesCommand({ cluster, services: [service] })),
      ecs.send(
        new DescribeServiceRevisionsCommand({ serviceRevisionArns: [at10.targetServiceRevision!.arn!, 'nope'] }),
      ),
    ]);
    expect(services.services![0].taskDefinition).toBe(blue);
    expect(services.services![0].deployments!.map((d) => [d.status, d.rolloutState])).toEqual([
      ['PRIMARY', 'IN_PROGRESS'],
      ['ACTIVE', 'COMPLETED'],
    ]);
    expect(revisions.serviceRevisions!.map((r) => r.taskDefinition)).toEqual([blue]);
    expect(revisions.failures).toEqual([{ arn: 'nope', reason: 'MISSING' }]);
  });

  test('continuing every pause ends SUCCESSFUL: 100 % new image, the old tasks gone', async () => {
    const arn = await deploy(linear({ linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 0 } }));
    expect(weight(await continueHook(arn))).toBe(50);
    const done = await continueHook(arn);
    expect([done.status, done.lifecycleStage, weight(done), done.finishedAt]).toEqual([
      'SUCCESSFUL',
      'CLEAN_UP',
      100,
      expect.any(Date),
    ]);
    expect(colorTraffic(emu, 300).images).toEqual({ 'colorapp:blue': 300 });
    const tasks = [...emu.ecs.tasks.values()].filter((t) => t.service === service);
    expect(tasks.map((t) => t.taskDefinitionArn)).toEqual([blue, blue, blue]);
    const list = await ecs.send(new ListServiceDeploymentsCommand({ cluster, service }));
    expect(list.serviceDeployments!.map((d) => [d.serviceDeploymentArn, d.status])).toEqual([[arn, 'SUCCESSFUL']]);
  });

  test('ContinueServiceDeployment with ROLLBACK: all traffic back on the old revision, ROLLBACK_SUCCESSFUL', async () => {
    const arn = await deploy(linear());
    await continueHook(arn);
    const rolled = await continueHook(arn, 'ROLLBACK');
    expect(['ROLLBACK_SUCCESSFUL', 'ROLLBACK_IN_PROGRESS']).toContain(rolled.status);
    expect(weight(rolled)).toBe(0);
    expect(rolled.rollback?.reason).toBe(
      'Rolled back by ContinueServiceDeployment (ROLLBACK) at PRE_PRODUCTION_TRAFFIC_SHIFT',
    );
    expect(colorTraffic(emu, 300).images).toEqual({ 'colorapp:green': 300 });
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }))).services![0];
    expect(svc.taskDefinition).not.toBe(blue);
    expect(svc.deployments!.map((d) => d.rolloutState)).toEqual(['COMPLETED']);
    const late = await errorOf(
      ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: 'ecs-pause-x' })),
    );
    expect(late).toEqual({
      name: 'InvalidParameterException',
      message: `Service deployment ${arn} is ROLLBACK_SUCCESSFUL; only an IN_PROGRESS deployment can be continued.`,
    });
  });

  test('a wrong hookId is refused; StopServiceDeployment ROLLBACK rolls back; a second stop is a conflict', async () => {
    const arn = await deploy(linear());
    const wrong = await errorOf(
      ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn: arn, hookId: 'ecs-pause-nope' })),
    );
    expect(wrong?.name).toBe('InvalidParameterException');
    await continueHook(arn);
    await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn, stopType: 'ROLLBACK' }));
    const stopped = await describe1(arn);
    expect([stopped.status, weight(stopped), stopped.rollback?.reason]).toEqual([
      'ROLLBACK_SUCCESSFUL',
      0,
      'Rolled back by StopServiceDeployment (ROLLBACK)',
    ]);
    const again = await errorOf(ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: arn })));
    expect(again?.name).toBe('ConflictException');
    const missing = await errorOf(ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: `${arn}x` })));
    expect(missing?.name).toBe('ServiceDeploymentNotFoundException');
  });

  test('a PAUSE hook that times out takes its timeout action (ROLLBACK)', async () => {
    const arn = await deploy(
      linear({ lifecycleHooks: [{ ...PAUSE, timeoutConfiguration: { timeoutInMinutes: 1, action: 'ROLLBACK' } }] }),
    );
    // The pause at 10 % is entered with 200 ms minutes: it expires 200 ms later, and nothing continues it.
    emu.ecs.serviceDeployments.minuteMs = 200;
    const paused = await continueHook(arn);
    expect([paused.status, weight(paused)]).toEqual(['IN_PROGRESS', 10]);
    await new Promise((r) => setTimeout(r, 300));
    const timedOut = await describe1(arn);
    expect([timedOut.status, weight(timedOut)]).toEqual(['ROLLBACK_SUCCESSFUL', 0]);
    expect(timedOut.statusReason).toMatch(/^Lifecycle hook ecs-pause-\S+ at PRE_PRODUCTION_TRAFFIC_SHIFT timed out/);
  });

  test('a deployment alarm in ALARM rolls the deployment back and is named', async () => {
    emu.cloudWatch.putMetricAlarm('color-5xx', { state: 'OK', reason: 'no 5xx' });
    const arn = await deploy(linear({ alarms: { alarmNames: ['color-5xx'], enable: true, rollback: true } }));
    await continueHook(arn);
    emu.cloudWatch.setState('color-5xx', 'ALARM', 'Threshold Crossed');
    const rolled = await describe1(arn);
    expect(rolled).toMatchObject({
      status: 'ROLLBACK_SUCCESSFUL',
      statusReason: 'Alarm color-5xx is in ALARM state: the deployment is rolled back',
      alarms: { status: 'TRIGGERED', alarmNames: ['color-5xx'], triggeredAlarmNames: ['color-5xx'] },
    });
    expect(colorTraffic(emu, 100).images).toEqual({ 'colorapp:green': 100 });
  });

  test('new tasks that cannot start roll the deployment back before any traffic', async () => {
    emu.ecs.crashingImages.add('colorapp:blue');
    const arn = await deploy(linear());
    const failed = await describe1(arn);
    expect(failed.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(failed.statusReason).toBe(
      'Tasks of the new revision failed to start: essential container app exited (image colorapp:blue crashes on start)',
    );
  });

  test('ListServiceDeployments filters by status and answers newest first', async () => {
    const first = await deploy(linear());
    await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: first, stopType: 'ROLLBACK' }));
    const second = await deploy(linear());
    const all = await ecs.send(new ListServiceDeploymentsCommand({ cluster, service }));
    expect(all.serviceDeployments!.map((d) => d.serviceDeploymentArn)).toEqual([second, first]);
    const running = await ecs.send(new ListServiceDeploymentsCommand({ cluster, service, status: ['IN_PROGRESS'] }));
    expect(running.serviceDeployments!.map((d) => [d.serviceDeploymentArn, d.targetServiceRevisionArn])).toEqual([
      [second, expect.stringContaining(':service-revision/howto-ecs-basics/color/')],
    ]);
    const none = await errorOf(ecs.send(new ListServiceDeploymentsCommand({ cluster, service: 'nope' })));
    expect(none?.name).toBe('ServiceNotFoundException');
  });
});

describe('CANARY and BLUE_GREEN', () => {
  test('CANARY: canaryPercent first, then the rest', async () => {
    const arn = await deploy({
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 5, canaryBakeTimeInMinutes: 0 },
      lifecycleHooks: [PAUSE],
    });
    expect(weight(await continueHook(arn))).toBe(5);
    const done = await continueHook(arn);
    expect([done.status, weight(done)]).toEqual(['SUCCESSFUL', 100]);
  });

  test('BLUE_GREEN: one production shift of 100 %; bakeTimeInMinutes is required', async () => {
    const refused = await errorOf(deploy({ strategy: 'BLUE_GREEN' }));
    expect(refused).toEqual({
      name: 'InvalidParameterException',
      message: 'bakeTimeInMinutes is required with the BLUE_GREEN strategy.',
    });
    const arn = await deploy({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [PAUSE] });
    const done = await continueHook(arn);
    expect([done.status, weight(done)]).toEqual(['SUCCESSFUL', 100]);
  });
});

describe('Service Connect test traffic', () => {
  test('a request with the test-traffic header reaches the new revision from the test shift on; others by weight', async () => {
    const connect = colorServiceConnect('eu-west-1');
    connect.services[0].clientAliases = [
      {
        ...connect.services[0].clientAliases[0],
        testTrafficRules: { header: { name: 'x-canary', value: { exact: 'pr-7' } } },
      },
    ] as never;
    const arn = await deploy(linear(), { serviceConnectConfiguration: connect });
    expect(weight(await describe1(arn))).toBe(0);
    expect(colorTraffic(emu, 100, { headers: { 'X-Canary': 'pr-7' } }).images).toEqual({ 'colorapp:blue': 100 });
    expect(colorTraffic(emu, 100, { headers: { 'x-canary': 'pr-8' } }).images).toEqual({ 'colorapp:green': 100 });
    expect(colorTraffic(emu, 100).images).toEqual({ 'colorapp:green': 100 });
    const revision = (
      await ecs.send(
        new DescribeServiceRevisionsCommand({
          serviceRevisionArns: [(await describe1(arn)).targetServiceRevision!.arn!],
        }),
      )
    ).serviceRevisions![0];
    expect(revision.serviceConnectConfiguration?.services?.[0].clientAliases?.[0].testTrafficRules).toEqual({
      header: { name: 'x-canary', value: { exact: 'pr-7' } },
    });
  });
});
