// The ECS executors against the in-process emulator: what each change kind reports for later changes, the journal
// and the report (produced values, the service as ECS answered, what stays behind).
import { jest } from '@jest/globals';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ecsExecutors } from '../../src/aws/ecsExecutors.js';
import { CONSISTENCY_WINDOW_MS } from '../../src/aws/poll.js';
import { ECS_KINDS } from '../../src/plan/types.js';
import type { Outcome } from '../../src/model.js';
import type { ExecutorContext } from '../../src/executor.js';
import { SAMPLE, seedHowtoEcsBasics } from '../../emulator/fixture.js';
import { Emulator } from '../../emulator/server.js';

/** The sleeps the executors asked for (none really waits). */
let sleeps: number[];
const ctx: ExecutorContext = { sleep: async (ms) => void sleeps.push(ms), produced: {} };
let emu: Emulator;
let ecs: ECSClient;
/** One run's executors: they remember the run's writes, for the reads right after them. */
let executors: ReturnType<typeof ecsExecutors>;
beforeEach(async () => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  emu = await Emulator.start({ rolloutDelayMs: 0 });
  seedHowtoEcsBasics(emu);
  ecs = new ECSClient(emu.clientConfig());
  executors = ecsExecutors(ecs);
  sleeps = [];
});
afterEach(async () => {
  jest.restoreAllMocks();
  ecs.destroy();
  await emu.stop();
});

const send = (kind: string, request: unknown): Promise<Outcome> => executors[kind](request, ctx);
/** The same request sent by another run's executors (no write of theirs to remember). */
const sendOther = (kind: string, request: unknown): Promise<Outcome> => ecsExecutors(ecs)[kind](request, ctx);
const reads = () => emu.calls({ service: 'ecs' }).filter((c) => c.operation === 'DescribeServices').length;
const stableTd = () => emu.ecs.taskDefinition('howto-ecs-basics-color')!;
const network = {
  awsvpcConfiguration: { subnets: ['subnet-0private1'], securityGroups: ['sg-0app'], assignPublicIp: 'DISABLED' },
};

test('register produces the ARN and says how to deregister it', async () => {
  const { taskDefinitionArn: _arn, revision: _rev, status: _status, ...input } = stableTd();
  const outcome = await send(ECS_KINDS.register, { ...input, family: 'color-canary' });
  const arn = `arn:aws:ecs:${emu.region}:111122223333:task-definition/color-canary:1`;
  expect(outcome).toEqual({
    detail: arn,
    produces: { taskDefinitionArn: arn },
    leftBehind: `task definition ${arn} (aws ecs deregister-task-definition --task-definition ${arn})`,
  });
});

test('create produces the deployment the wait follows, and the wait reports the service it left', async () => {
  const input = {
    cluster: SAMPLE.cluster,
    serviceName: 'color-canary',
    taskDefinition: stableTd().taskDefinitionArn,
    desiredCount: 2,
    launchType: 'FARGATE',
    networkConfiguration: network,
  };
  const created = await send(ECS_KINDS.create, input);
  const deployment = String(created.produces!['deployment:color-canary']);
  expect(deployment).toMatch(/^ecs-svc\//);
  expect(created.service).toEqual({
    name: 'color-canary',
    taskDefinition: stableTd().taskDefinitionArn,
    running: 0,
    desired: 2,
  });
  expect(created.leftBehind).toBe(
    `ECS service color-canary (aws ecs delete-service --cluster ${SAMPLE.cluster} --service color-canary --force)`,
  );
  const waited = await send(ECS_KINDS.wait, {
    cluster: SAMPLE.cluster,
    service: 'color-canary',
    deploymentId: deployment,
    timeoutMinutes: 1,
  });
  expect(waited.service).toMatchObject({ running: 2, desired: 2 });
});

test('update names the new deployment, or the desired count when only that changes', async () => {
  const redeploy = await send(ECS_KINDS.update, {
    cluster: SAMPLE.cluster,
    service: SAMPLE.stableService,
    taskDefinition: stableTd().taskDefinitionArn,
    desiredCount: 3,
  });
  expect(redeploy.detail).toMatch(/^deployment ecs-svc\/\S+ of howto-ecs-basics-color:1$/);
  expect(redeploy.produces).toEqual({ [`deployment:${SAMPLE.stableService}`]: expect.any(String) });
  const scaled = await send(ECS_KINDS.update, { cluster: SAMPLE.cluster, service: 'front', desiredCount: 0 });
  expect(scaled.detail).toBe('desired count 0');
  expect(scaled.service).toMatchObject({ name: 'front', desired: 0 });
});

describe('update sent only while the service runs the revision the plan read', () => {
  const update = (ifTaskDefinition: string) =>
    send(ECS_KINDS.update, {
      cluster: SAMPLE.cluster,
      service: SAMPLE.stableService,
      taskDefinition: stableTd().taskDefinitionArn,
      desiredCount: 1,
      ifTaskDefinition,
    });
  const updates = () => emu.calls({ service: 'ecs' }).filter((c) => c.operation === 'UpdateService');

  test('goes through when the revision is unchanged, without sending the condition to ECS', async () => {
    await expect(update(stableTd().taskDefinitionArn)).resolves.toMatchObject({ service: { desired: 1 } });
    expect(updates()).toHaveLength(1);
    expect(updates()[0].input).not.toHaveProperty('ifTaskDefinition');
  });

  test('refuses, writing nothing, when another deploy changed the revision since the plan read it', async () => {
    const read = `arn:aws:ecs:${emu.region}:111122223333:task-definition/howto-ecs-basics-color:7`;
    const refused = update(read);
    await expect(refused).rejects.toMatchObject({ name: 'ConcurrentModificationError' });
    await expect(update(read)).rejects.toThrow(
      `ECS service ${SAMPLE.stableService} changed since this run read it: it now runs howto-ecs-basics-color:1, not howto-ecs-basics-color:7. Another run or person is deploying it; nothing was written to it, so their change stands.`,
    );
    expect(updates()).toEqual([]);
  });
});

describe('check right before traffic', () => {
  const check = (over: Record<string, unknown> = {}) =>
    send(ECS_KINDS.check, {
      cluster: SAMPLE.cluster,
      service: SAMPLE.stableService,
      taskDefinition: stableTd().taskDefinitionArn,
      desiredCount: 3,
      ...over,
    });

  test('passes while the service runs the revision × count with its rollout COMPLETED', async () => {
    await expect(check()).resolves.toMatchObject({
      detail: 'howto-ecs-basics-color:1 × 3, rollout COMPLETED',
      service: { name: SAMPLE.stableService, running: 3, desired: 3 },
    });
  });

  test('refuses when another deploy is rolling out, reporting the service as read', async () => {
    emu.rolloutDelayMs = 60_000;
    const read = stableTd().taskDefinitionArn;
    emu.ecs.handle('UpdateService', {
      cluster: SAMPLE.cluster,
      service: SAMPLE.stableService,
      forceNewDeployment: true,
    });
    const refused = check({ taskDefinition: read });
    await expect(refused).rejects.toMatchObject({
      name: 'ConcurrentModificationError',
      message: `ECS service ${SAMPLE.stableService} changed after this run's rollout of howto-ecs-basics-color:1 completed: it now deploys howto-ecs-basics-color:1 × 3, rollout IN_PROGRESS. Another run or person is deploying it; this run gives it no traffic and stops here.`,
      details: { observed: { service: { name: SAMPLE.stableService, taskDefinition: read } } },
    });
  });

  test('refuses when it runs another revision or count', async () => {
    await expect(check({ desiredCount: 1 })).rejects.toThrow(
      /it now deploys howto-ecs-basics-color:1 × 3, rollout COMPLETED/,
    );
  });
});

describe('reads right after a write of this run may predate it (ECS is eventually consistent)', () => {
  const canary = {
    cluster: SAMPLE.cluster,
    serviceName: 'color-canary',
    taskDefinition: 'howto-ecs-basics-color:1',
    desiredCount: 2,
    launchType: 'FARGATE',
    networkConfiguration: network,
  };
  const waitFor = (service: string, deploymentId: string, over: Record<string, unknown> = {}) => ({
    cluster: SAMPLE.cluster,
    service,
    deploymentId,
    timeoutMinutes: 30,
    ...over,
  });
  /** This run deploys a new revision of the stable service; returns it, the one from before and the deployment. */
  async function deployStable() {
    const previous = stableTd().taskDefinitionArn as string;
    const { taskDefinitionArn: _arn, revision: _rev, status: _status, ...input } = stableTd();
    const ours = emu.ecs.registerTaskDefinition(input).taskDefinitionArn as string;
    const updated = await send(ECS_KINDS.update, {
      cluster: SAMPLE.cluster,
      service: SAMPLE.stableService,
      taskDefinition: ours,
      desiredCount: 3,
    });
    return { ours, previous, deployment: String(updated.produces![`deployment:${SAMPLE.stableService}`]) };
  }

  test('create, then one read answering MISSING: the wait reads again and follows the rollout to its end', async () => {
    const created = await send(ECS_KINDS.create, canary);
    const deployment = String(created.produces!['deployment:color-canary']);
    emu.ecs.staleReads.set('color-canary', 1);
    const before = reads();
    const waited = await send(ECS_KINDS.wait, waitFor('color-canary', deployment, { desiredCount: 2 }));
    expect(waited.service).toEqual({
      name: 'color-canary',
      taskDefinition: stableTd().taskDefinitionArn,
      running: 2,
      desired: 2,
    });
    expect(reads() - before).toBe(2);
    expect(sleeps).toEqual([1000]);
    // Another run's executors did not write it: MISSING is believed at once, as before.
    emu.ecs.staleReads.set('color-canary', 1);
    await expect(sendOther(ECS_KINDS.wait, waitFor('color-canary', deployment))).rejects.toThrow(
      'ECS service color-canary disappeared while its rollout was awaited',
    );
    expect(sleeps).toEqual([1000]);
  });

  test('update, then one read showing the deployment from before: the wait reads again, not "rolled back"', async () => {
    const { ours, previous, deployment } = await deployStable();
    const request = waitFor(SAMPLE.stableService, deployment, {
      taskDefinition: ours,
      previousTaskDefinition: previous,
      desiredCount: 3,
    });
    emu.ecs.staleReads.set(SAMPLE.stableService, 1);
    const waited = await send(ECS_KINDS.wait, request);
    expect(waited.service).toEqual({ name: SAMPLE.stableService, taskDefinition: ours, running: 3, desired: 3 });
    expect(sleeps).toEqual([1000]);
    emu.ecs.staleReads.set(SAMPLE.stableService, 1);
    await expect(sendOther(ECS_KINDS.wait, request)).rejects.toThrow(
      `Deployment ${deployment} of color was rolled back by ECS (deployment circuit breaker); the service now runs ${previous}`,
    );
  });

  describe('the check before traffic', () => {
    const check = (taskDefinition: string) => ({
      cluster: SAMPLE.cluster,
      service: SAMPLE.stableService,
      taskDefinition,
      desiredCount: 3,
    });

    test('one read from before this run deployed: read again, and it passes', async () => {
      const { ours } = await deployStable();
      emu.ecs.staleReads.set(SAMPLE.stableService, 1);
      const before = reads();
      await expect(send(ECS_KINDS.check, check(ours))).resolves.toMatchObject({
        detail: 'howto-ecs-basics-color:2 × 3, rollout COMPLETED',
        service: { name: SAMPLE.stableService, taskDefinition: ours, running: 3, desired: 3 },
      });
      expect(reads() - before).toBe(2);
      expect(sleeps).toEqual([1000]);
      // Believed (another run's executors, which wrote nothing), the same read is a concurrent change.
      emu.ecs.staleReads.set(SAMPLE.stableService, 1);
      await expect(sendOther(ECS_KINDS.check, check(ours))).rejects.toThrow(
        /changed after this run's rollout of howto-ecs-basics-color:2 completed: it now deploys howto-ecs-basics-color:1 × 3, rollout COMPLETED\./,
      );
    });

    test('still the service from before after the consistency window: the same concurrent change as before', async () => {
      const { ours } = await deployStable();
      emu.ecs.staleReads.set(SAMPLE.stableService, 1000);
      const before = reads();
      await expect(send(ECS_KINDS.check, check(ours))).rejects.toMatchObject({
        name: 'ConcurrentModificationError',
        message: `ECS service color changed after this run's rollout of howto-ecs-basics-color:2 completed: it now deploys howto-ecs-basics-color:1 × 3, rollout COMPLETED. Another run or person is deploying it; this run gives it no traffic and stops here.`,
      });
      const waited = sleeps.reduce((a, b) => a + b, 0);
      expect(waited).toBeGreaterThanOrEqual(CONSISTENCY_WINDOW_MS);
      expect(waited - sleeps.at(-1)!).toBeLessThan(CONSISTENCY_WINDOW_MS);
      expect(reads() - before).toBe(sleeps.length + 1);
    });

    test("another writer's deployment after this run's: a concurrent change at the first read", async () => {
      const { ours } = await deployStable();
      const theirs = emu.ecs.deployAnother(SAMPLE.cluster, SAMPLE.stableService, 'colorapp:theirs');
      const before = reads();
      await expect(send(ECS_KINDS.check, check(ours))).rejects.toMatchObject({
        name: 'ConcurrentModificationError',
        message: expect.stringContaining('it now deploys howto-ecs-basics-color:3 × 3, rollout COMPLETED.'),
        details: { observed: { service: { name: SAMPLE.stableService, taskDefinition: theirs } } },
      });
      expect(reads() - before).toBe(1);
      expect(sleeps).toEqual([]);
    });
  });
});
