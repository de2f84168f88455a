// ECS service calls against the in-process emulator (the real SDK over HTTP): one DescribeServices for all names, and
// the rollout waiter, which counts retryable errors as still waiting.
import { jest } from '@jest/globals';
import type { Deployment } from '@aws-sdk/client-ecs';
import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { PlanError } from '../../src/errors.js';
import {
  describeServices,
  RolloutError,
  rolloutComplete,
  updateService,
  waitForRollout,
  type WaitOptions,
} from '../../src/aws/ecsServices.js';
import { SAMPLE, seedHowtoEcsBasics } from '../../emulator/fixture.js';
import { Emulator } from '../../emulator/server.js';

let emu: Emulator;
let ecs: ECSClient;
beforeEach(async () => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  emu = await Emulator.start({ rolloutDelayMs: 0 });
  seedHowtoEcsBasics(emu);
  // One attempt per call: what the waiter does with an error is under test, not the SDK's retries.
  ecs = new ECSClient(emu.clientConfig());
});
afterEach(async () => {
  jest.restoreAllMocks();
  ecs.destroy();
  await emu.stop();
});

const cluster = SAMPLE.cluster;
const colorTd = () => emu.ecs.taskDefinition('howto-ecs-basics-color')!.taskDefinitionArn as string;

/** Starts a new deployment of the stable service (same revision, forced) and returns its ID. */
async function newDeployment(): Promise<string> {
  const out = await ecs.send(
    new UpdateServiceCommand({ cluster, service: SAMPLE.stableService, forceNewDeployment: true }),
  );
  return out.service!.deployments!.find((d) => d.status === 'PRIMARY')!.id!;
}

function waitOptions(deploymentId: string, over: Partial<WaitOptions> = {}): WaitOptions & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    cluster,
    service: SAMPLE.stableService,
    deploymentId,
    timeoutMs: 60_000,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    sleeps,
    ...over,
  };
}

describe('describeServices', () => {
  test('answers every name, undefined for a service ECS does not know', async () => {
    const services = await describeServices(ecs, cluster, [SAMPLE.stableService, 'nope']);
    expect([...services.keys()]).toEqual([SAMPLE.stableService, 'nope']);
    expect(services.get(SAMPLE.stableService)).toMatchObject({
      serviceName: 'color',
      desiredCount: 3,
      taskDefinition: colorTd(),
    });
    expect(services.get(SAMPLE.stableService)!.tags).toEqual([{ key: 'project', value: 'howto-ecs-basics' }]);
    expect(services.get('nope')).toBeUndefined();
    expect(emu.calls().map((c) => c.operation)).toEqual(['DescribeServices']);
  });

  test('a missing cluster is a plan error naming the cluster input', async () => {
    const read = describeServices(ecs, 'nope', ['color']);
    await expect(read).rejects.toThrow(PlanError);
    await expect(read).rejects.toThrow(
      `ECS cluster "nope" does not exist in this account and region (input 'cluster')`,
    );
  });
});

describe('waitForRollout', () => {
  test('returns the service once the deployment COMPLETED with every task running', async () => {
    emu.rolloutDelayMs = 50;
    const id = await newDeployment();
    const opts = waitOptions(id, { sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))) });
    const done = await waitForRollout(ecs, opts);
    expect(rolloutComplete(done)).toBe(true);
    expect(done.deployments!.find((d) => d.id === id)).toMatchObject({
      status: 'PRIMARY',
      rolloutState: 'COMPLETED',
      runningCount: 3,
    });
  });

  test('throttling 5 times in a row is still waiting, not a failure', async () => {
    const id = await newDeployment();
    emu.inject({ service: 'ecs', operation: 'DescribeServices', error: 'ThrottlingException', times: 5 });
    const opts = waitOptions(id);
    const done = await waitForRollout(ecs, opts);
    expect(rolloutComplete(done)).toBe(true);
    expect(emu.faults).toEqual([]);
    expect(
      emu
        .calls({ service: 'ecs' })
        .filter((c) => c.operation === 'DescribeServices')
        .map((c) => c.error ?? 'ok'),
    ).toEqual([...Array(5).fill('ThrottlingException'), 'ok']);
    expect(opts.sleeps).toHaveLength(5);
  });

  test.each(['ServerException', 'ServiceUnavailableException'])('%s is still waiting too', async (error) => {
    const id = await newDeployment();
    emu.inject({ service: 'ecs', operation: 'DescribeServices', error, times: 2 });
    await expect(waitForRollout(ecs, waitOptions(id))).resolves.toMatchObject({ serviceName: 'color' });
  });

  test('an error that is not retryable stops the wait', async () => {
    const id = await newDeployment();
    emu.inject({ service: 'ecs', operation: 'DescribeServices', error: 'AccessDeniedException' });
    await expect(waitForRollout(ecs, waitOptions(id))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  test('a deployment the circuit breaker rolled back fails, naming what the service runs now', async () => {
    const running = colorTd();
    const crashing = emu.ecs.registerTaskDefinition({
      ...emu.ecs.taskDefinition(running),
      containerDefinitions: [{ name: 'app', image: 'colorapp:broken' }],
      proxyConfiguration: undefined,
    });
    emu.ecs.crashingImages.add('colorapp:broken');
    const updated = await updateService(ecs, {
      cluster,
      service: SAMPLE.stableService,
      taskDefinition: crashing.taskDefinitionArn,
    });
    const id = updated.deployments!.find((d) => d.status === 'PRIMARY')!.id!;
    const wait = waitForRollout(ecs, waitOptions(id));
    await expect(wait).rejects.toThrow(RolloutError);
    await expect(wait).rejects.toThrow(
      new RegExp(
        `Deployment ${id} of color was rolled back by ECS \\(deployment circuit breaker\\); the service now runs ${running}$`,
      ),
    );
  });

  describe('when another deployment replaced the awaited one', () => {
    const redeploy = (image: string) => {
      const def = emu.ecs.registerTaskDefinition({
        ...emu.ecs.taskDefinition(colorTd()),
        containerDefinitions: [{ name: 'app', image }],
        proxyConfiguration: undefined,
      });
      return def.taskDefinitionArn as string;
    };
    /** This run deploys `ours`; at its first poll, another writer deploys `theirs` (a deterministic race). */
    async function race(theirs: (() => string) | undefined, over: Partial<WaitOptions> = {}) {
      const previous = colorTd();
      const ours = redeploy('colorapp:ours');
      const updated = await updateService(ecs, { cluster, service: SAMPLE.stableService, taskDefinition: ours });
      const id = updated.deployments!.find((d) => d.status === 'PRIMARY')!.id!;
      if (theirs) {
        emu.beforeHandle.push({
          operation: 'DescribeServices',
          run: () =>
            emu.ecs.handle('UpdateService', { cluster, service: SAMPLE.stableService, taskDefinition: theirs() }),
        });
      }
      const opts = waitOptions(id, {
        taskDefinition: ours,
        previousTaskDefinition: previous,
        desiredCount: 3,
        ...over,
      });
      return { wait: waitForRollout(ecs, opts), ours, previous };
    }

    test('another revision: a concurrent change that names theirs and never advises going back', async () => {
      const { wait } = await race(() => redeploy('colorapp:theirs'));
      await expect(wait).rejects.toMatchObject({
        name: 'ConcurrentModificationError',
        message: expect.stringMatching(
          /^The task definition of ECS service color changed under this run: while it waited for its deployment of howto-ecs-basics-color:2, another deployment \(ecs-svc\/\S+\) replaced it and the service now deploys howto-ecs-basics-color:3\./,
        ),
        details: {
          replaces: {
            resource: 'ECS service color',
            leftBehind:
              "ECS service color deploys howto-ecs-basics-color:3 from the other deployment, which replaced this run's; leave it to whoever started it",
          },
        },
      });
      expect(emu.ecs.services.get(cluster)!.get(SAMPLE.stableService)!.taskDefinition).toMatch(/color:3$/);
    });

    test('the same revision: the wait follows the new deployment to its end', async () => {
      const { wait, ours } = await race(undefined);
      emu.beforeHandle.push({
        operation: 'DescribeServices',
        run: () =>
          emu.ecs.handle('UpdateService', { cluster, service: SAMPLE.stableService, forceNewDeployment: true }),
      });
      const done = await wait;
      expect(done.taskDefinition).toBe(ours);
      expect(rolloutComplete(done)).toBe(true);
    });

    test('the revision from before: rolled back (as the circuit breaker does), not a concurrent change', async () => {
      const previous = colorTd();
      const { wait } = await race(() => previous);
      await expect(wait).rejects.toThrow(RolloutError);
      await expect(wait).rejects.toThrow(/was rolled back by ECS \(deployment circuit breaker\); the service now runs/);
    });

    test('scaled to another count under the run: a concurrent change', async () => {
      const { wait } = await race(undefined, { desiredCount: 1 });
      await expect(wait).rejects.toMatchObject({
        name: 'ConcurrentModificationError',
        message:
          'ECS service color was scaled to 3 task(s) under this run, which deployed 1; another run or person changed it, so this run stops here and changes nothing more.',
      });
    });
  });

  test('gives up after its timeout, saying how far the rollout got', async () => {
    emu.rolloutDelayMs = 10 * 60_000;
    const id = await newDeployment();
    let now = 0;
    const opts = waitOptions(id, {
      timeoutMs: 60_000,
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    });
    await expect(waitForRollout(ecs, opts)).rejects.toThrow(
      /^Gave up waiting for color after 1 minute\(s\) \(wait-for-minutes\); its rollout is IN_PROGRESS with 0\/3 running, 3 pending$/,
    );
  });

  test('a service that disappears fails the wait', async () => {
    await expect(waitForRollout(ecs, waitOptions('ecs-svc/1', { service: 'gone' }))).rejects.toThrow(
      'ECS service gone disappeared while its rollout was awaited',
    );
  });
});

test.each<[string, Deployment[], boolean]>([
  [
    'COMPLETED, all running',
    [{ status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 2, desiredCount: 2 }],
    true,
  ],
  ['IN_PROGRESS', [{ status: 'PRIMARY', rolloutState: 'IN_PROGRESS', runningCount: 2, desiredCount: 2 }], false],
])('rolloutComplete (re-exported): %s', (_n, deployments, expected) =>
  expect(rolloutComplete({ deployments })).toBe(expected),
);
