// The ECS-native executors against the in-process emulator: the start's re-read guard, the wait for the pause with the
// new tasks running, a continue only from a pause at the planned weight (and to exactly the next one), a deployment
// ECS rolls back (alarm) reported with its reason and the weight it left, rollback through the hook or through
// StopServiceDeployment, promote to SUCCESSFUL, and the PAUSE hook removed (and only it).
import { jest } from '@jest/globals';
import {
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { ConcurrentModificationError } from '../../../src/errors.js';
import type { ExecutorContext } from '../../../src/executor.js';
import type { Outcome } from '../../../src/model.js';
import { EcsNativeApi } from '../../../src/traffic/ecsNative/api.js';
import { nativeExecutors } from '../../../src/traffic/ecsNative/executors.js';
import { EcsNativePlanner } from '../../../src/traffic/ecsNative/planner.js';
import { DEPLOYMENT_ARN, NATIVE_KINDS as K, REGISTERED_BY } from '../../../src/traffic/ecsNative/state.js';
import { latticeColorTaskDefinition } from '../../../emulator/fixture.js';
import { colorDeployment, NATIVE_SAMPLE, seedServiceConnectColor } from '../../../emulator/ecsNativeFixture.js';
import { Emulator } from '../../../emulator/server.js';

const ctx: ExecutorContext = { sleep: async () => {}, produced: {} };
const cluster = NATIVE_SAMPLE.cluster;
const service = NATIVE_SAMPLE.service;

let emu: Emulator;
let client: ECSClient;
let send: (kind: string, request: unknown) => Promise<Outcome>;
let stable: string;
let blue: string;

beforeEach(async () => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  emu = await Emulator.start({ region: 'eu-west-1', rolloutDelayMs: 0 });
  stable = seedServiceConnectColor(emu).taskDefinitionArn;
  client = new ECSClient(emu.clientConfig());
  const input = { ...latticeColorTaskDefinition('green', 'colorapp:blue'), tags: [{ ...REGISTERED_BY }] };
  blue = (await client.send(new RegisterTaskDefinitionCommand(input as RegisterTaskDefinitionCommandInput)))
    .taskDefinition!.taskDefinitionArn!;
  const executors = nativeExecutors(new EcsNativeApi(client), client);
  send = (kind, request) => executors[kind](request, ctx);
});
afterEach(async () => {
  jest.restoreAllMocks();
  client.destroy();
  await emu.stop();
});

const writes = () => emu.calls({ mutating: true, service: 'ecs' }).map((c) => c.operation);
const describeColor = async () =>
  (await client.send(new DescribeServicesCommand({ cluster, services: [service] }))).services![0];

async function started(alarms: string[] = []): Promise<string> {
  const svc = await describeColor();
  const planner = new EcsNativePlanner({
    cluster,
    service,
    pauseTimeoutMinutes: 60,
    stepPercent: 10,
    waitForMinutes: 1,
  });
  const request = {
    cluster,
    service,
    taskDefinition: blue,
    deploymentConfiguration: planner.configuration(svc, alarms),
    ifTaskDefinition: stable,
  };
  const out = await send(K.start, request);
  return String(out.produces![DEPLOYMENT_ARN]);
}

const continueRequest = (arn: string, from: number, to: number) => ({
  deploymentArn: arn,
  taskDefinition: blue,
  from,
  to,
  timeoutMinutes: 1,
});

test('start is refused, nothing written, when the service runs another revision than the plan read', async () => {
  await expect(
    send(K.start, { cluster, service, taskDefinition: blue, deploymentConfiguration: {}, ifTaskDefinition: blue }),
  ).rejects.toThrow(/ECS service color changed since this run read it: it now runs howto-ecs-basics-color:1/);
  expect(writes()).toEqual(['RegisterTaskDefinition']);
});

test('start, wait for the pause with the new tasks running, then one step to exactly 10 %', async () => {
  const arn = await started();
  expect(arn).toBe(colorDeployment(emu)!.arn);
  const paused = await send(K.waitPaused, { deploymentArn: arn, taskDefinition: blue, weight: 0, timeoutMinutes: 1 });
  expect(paused).toMatchObject({
    detail: 'paused at 0 %, 3/3 new task(s) running',
    weights: { stable: 100, canary: 0 },
  });
  const step = await send(K.continue, continueRequest(arn, 0, 10));
  expect(step).toMatchObject({
    weights: { stable: 90, canary: 10 },
    undo: { kind: K.rollback, request: { deploymentArn: arn } },
  });
  expect(colorDeployment(emu)).toMatchObject({ weight: 10, status: 'IN_PROGRESS' });
  expect(writes()).toEqual(['RegisterTaskDefinition', 'UpdateService', 'ContinueServiceDeployment']);
});

describe('a step ECS accepted but this run could not follow (credentials that expired right after it)', () => {
  const expire = () =>
    emu.inject({ operation: 'DescribeServiceDeployments', error: 'ExpiredTokenException', after: 1 });
  const notConfirmed = /, but following it failed \(.*ExpiredToken.*\): the weight in effect is not confirmed/;

  test('a continue is reported as sent and not confirmed, with its undo and no weight', async () => {
    const arn = await started();
    await send(K.waitPaused, { deploymentArn: arn, taskDefinition: blue, weight: 0, timeoutMinutes: 1 });
    expire();
    const step = await send(K.continue, continueRequest(arn, 0, 10));
    expect(step.unconfirmed).toMatch(new RegExp(`^Service deployment ${arn} was continued from 0 % toward 10 %`));
    expect(step.unconfirmed).toMatch(notConfirmed);
    expect(step).toMatchObject({ undo: { kind: K.rollback } });
    expect(step.weights).toBeUndefined();
    expect(writes().at(-1)).toBe('ContinueServiceDeployment');
  });

  test('a rollback is reported as sent and not confirmed', async () => {
    const arn = await started();
    await send(K.continue, continueRequest(arn, 0, 10));
    expire();
    const out = await send(K.rollback, { deploymentArn: arn, timeoutMinutes: 1 });
    expect(out.unconfirmed).toMatch(new RegExp(`^Service deployment ${arn} was sent to ROLLBACK`));
    expect(out.unconfirmed).toMatch(notConfirmed);
    expect(out.weights).toBeUndefined();
  });

  test('a finish that continued a step is reported as not confirmed; one that continued none fails as it did', async () => {
    const arn = await started();
    await send(K.continue, continueRequest(arn, 0, 10));
    emu.inject({ operation: 'DescribeServiceDeployments', error: 'ExpiredTokenException' });
    const finish = { deploymentArn: arn, taskDefinition: blue, from: 10, timeoutMinutes: 1 };
    await expect(send(K.finish, finish)).rejects.toThrow(/ExpiredToken/);
    expire();
    const out = await send(K.finish, finish);
    expect(out.unconfirmed).toMatch(new RegExp(`^Service deployment ${arn} was continued from 10 %`));
    expect(out.weights).toBeUndefined();
  });
});

test('a continue from a weight the deployment is not at is refused, nothing continued', async () => {
  const arn = await started();
  await send(K.continue, continueRequest(arn, 0, 10));
  const refused = send(K.continue, continueRequest(arn, 0, 10));
  await expect(refused).rejects.toBeInstanceOf(ConcurrentModificationError);
  await expect(refused).rejects.toThrow(
    /is not paused at 0 % with its new tasks running \(10 %, 3\/3 new task\(s\) running, paused\)/,
  );
  expect(writes().filter((w) => w === 'ContinueServiceDeployment')).toHaveLength(1);
});

test('a deployment ECS rolled back on an alarm: the run stops naming the alarm and the weight ECS left', async () => {
  emu.cloudWatch.putMetricAlarm('color-5xx', { state: 'OK' });
  const arn = await started(['color-5xx']);
  await send(K.continue, continueRequest(arn, 0, 10));
  emu.cloudWatch.setState('color-5xx', 'ALARM', 'Threshold Crossed');
  const failed = send(K.continue, continueRequest(arn, 10, 20));
  await expect(failed).rejects.toThrow(
    /^ECS rolled back service deployment .* while this run was about to continue to 20 %: ROLLBACK_SUCCESSFUL \(alarm color-5xx\): Alarm color-5xx is in ALARM state/,
  );
  await expect(failed).rejects.toMatchObject({ details: { weightsNow: { stable: 100, canary: 0 } } });
  expect(writes().filter((w) => w === 'ContinueServiceDeployment')).toHaveLength(1);
});

test('rollback through the awaiting hook: ROLLBACK_SUCCESSFUL, all traffic on the revision from before', async () => {
  const arn = await started();
  await send(K.continue, continueRequest(arn, 0, 10));
  const out = await send(K.rollback, { deploymentArn: arn, timeoutMinutes: 1 });
  expect(out).toMatchObject({ weights: { stable: 100, canary: 0 } });
  expect(writes().at(-1)).toBe('ContinueServiceDeployment');
  expect(emu.calls({ service: 'ecs' }).at(-2)?.input).toMatchObject({ action: 'ROLLBACK' });
  expect((await describeColor()).taskDefinition).toBe(stable);
});

test('rollback of a deployment that is not paused (still scaling up): StopServiceDeployment ROLLBACK', async () => {
  emu.rolloutDelayMs = 60_000;
  const arn = await started();
  expect(colorDeployment(emu)?.stage).toBe('SCALE_UP');
  emu.rolloutDelayMs = 0; // the rollback itself ends at once
  const out = await send(K.rollback, { deploymentArn: arn, timeoutMinutes: 1 });
  expect(out.detail).toBe('ROLLBACK_SUCCESSFUL: Rolled back by StopServiceDeployment (ROLLBACK)');
  expect(writes().at(-1)).toBe('StopServiceDeployment');
  expect(emu.calls({ service: 'ecs' }).find((c) => c.operation === 'StopServiceDeployment')?.input).toEqual({
    serviceDeploymentArn: arn,
    stopType: 'ROLLBACK',
  });
});

test('finish continues every pause until SUCCESSFUL; the PAUSE hook then goes, the Lambda hook stays', async () => {
  const arn = await started();
  await send(K.continue, continueRequest(arn, 0, 10));
  const done = await send(K.finish, { deploymentArn: arn, taskDefinition: blue, from: 10, timeoutMinutes: 1 });
  expect(done).toMatchObject({ weights: { stable: 100, canary: 0 } });
  expect(emu.ecs.serviceDeployments.deployments.get(arn)?.status).toBe('SUCCESSFUL');
  expect(writes().filter((w) => w === 'ContinueServiceDeployment')).toHaveLength(10);
  expect((await describeColor()).deploymentConfiguration?.lifecycleHooks).toHaveLength(1);
  expect(await send(K.removeHook, { cluster, service })).toEqual({
    detail: 'PAUSE hook removed; strategy LINEAR kept',
  });
  expect((await describeColor()).deploymentConfiguration).toMatchObject({ strategy: 'LINEAR', lifecycleHooks: [] });
  expect(await send(K.removeHook, { cluster, service })).toEqual({ detail: 'no PAUSE hook of this action left' });
  expect(writes().filter((w) => w === 'UpdateService')).toHaveLength(2);
});
