// ECS service calls against the in-process emulator (the real SDK over HTTP): one DescribeServices for all names, and
// the rollout waiter, which counts retryable errors as still waiting.
import { jest } from '@jest/globals';
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { PlanError } from '../../src/errors.js';
import {
  createService,
  describeServices,
  RolloutError,
  rolloutComplete,
  updateService,
  waitForRollout,
  type WaitOptions,
} from '../../src/aws/ecsServices.js';
import { CONSISTENCY_WINDOW_MS } from '../../src/aws/poll.js';
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

  test("the emulator's staleReads answers the service as before its last write, then as it is", async () => {
    const previous = colorTd();
    const ours = emu.ecs.registerTaskDefinition({ ...emu.ecs.taskDefinition(previous), revision: undefined })
      .taskDefinitionArn as string;
    await describeServices(ecs, cluster, [SAMPLE.stableService]); // no write yet: not counted
    emu.ecs.staleReads.set(SAMPLE.stableService, 2);
    await describeServices(ecs, cluster, [SAMPLE.stableService]);
    expect(emu.ecs.staleReads.get(SAMPLE.stableService)).toBe(2);
    await updateService(ecs, { cluster, service: SAMPLE.stableService, taskDefinition: ours });
    const read = async () => (await describeServices(ecs, cluster, [SAMPLE.stableService])).get(SAMPLE.stableService);
    expect((await read())?.taskDefinition).toBe(previous);
    expect((await read())?.deployments?.map((d) => [d.status, d.taskDefinition])).toEqual([['PRIMARY', previous]]);
    expect((await read())?.taskDefinition).toBe(ours);
    expect(emu.ecs.services.get(cluster)!.get(SAMPLE.stableService)!.taskDefinition).toBe(ours);
    expect(emu.ecs.staleReads.has(SAMPLE.stableService)).toBe(false);
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

describe('reads that may predate the write this run just made (ECS is eventually consistent)', () => {
  /** A clock the wait's sleeps move: no test depends on how fast the machine is. */
  function clock() {
    const c = {
      t: 0,
      sleeps: [] as number[],
      now: () => c.t,
      sleep: async (ms: number) => {
        c.sleeps.push(ms);
        c.t += ms;
      },
    };
    return c;
  }
  /** The IDs of the deployments a write answered besides the one it produced (what the executors pass). */
  const prior = (written: Service) =>
    written.deployments!.filter((d) => d.status !== 'PRIMARY').map((d) => d.id as string);
  const newService = {
    cluster,
    serviceName: 'color-new',
    taskDefinition: 'howto-ecs-basics-color:1',
    desiredCount: 2,
    launchType: 'FARGATE' as const,
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0private1'], securityGroups: ['sg-0app'] } },
  };
  const primaryId = (s: Service) => s.deployments!.find((d) => d.status === 'PRIMARY')!.id!;
  const reads = () => emu.calls({ service: 'ecs' }).filter((c) => c.operation === 'DescribeServices').length;
  const newRevision = (image: string) =>
    emu.ecs.registerTaskDefinition({
      ...emu.ecs.taskDefinition(colorTd()),
      containerDefinitions: [{ name: 'app', image }],
      proxyConfiguration: undefined,
    }).taskDefinitionArn as string;

  /** This run's UpdateService to a new revision (`image`), and the wait's options for its deployment. */
  async function deploy(image = 'colorapp:ours', over: Partial<WaitOptions> = {}) {
    const previous = colorTd();
    const ours = newRevision(image);
    const updated = await updateService(ecs, { cluster, service: SAMPLE.stableService, taskDefinition: ours });
    const id = primaryId(updated);
    const c = clock();
    const opts: WaitOptions = {
      cluster,
      service: SAMPLE.stableService,
      deploymentId: id,
      timeoutMs: 30 * 60_000,
      taskDefinition: ours,
      previousTaskDefinition: previous,
      desiredCount: 3,
      priorDeployments: prior(updated),
      now: c.now,
      sleep: c.sleep,
      ...over,
    };
    return { id, ours, previous, opts, clock: c, readsBefore: reads() };
  }

  test('one read after UpdateService still showing the previous deployment: read again, and the wait succeeds', async () => {
    const { id, ours, previous, opts, clock: c, readsBefore } = await deploy();
    emu.ecs.staleReads.set(SAMPLE.stableService, 1);
    const done = await waitForRollout(ecs, opts);
    expect(done.taskDefinition).toBe(ours);
    expect(primaryId(done)).toBe(id);
    expect(rolloutComplete(done)).toBe(true);
    expect(reads() - readsBefore).toBe(2);
    expect(c.sleeps).toEqual([1000]);
    expect(emu.ecs.staleReads.has(SAMPLE.stableService)).toBe(false);
    // The same read believed (a deployment the plan read, not one this run wrote) is what failed redeploys before.
    emu.ecs.staleReads.set(SAMPLE.stableService, 1);
    const believed = waitForRollout(ecs, { ...opts, priorDeployments: undefined });
    await expect(believed).rejects.toThrow(
      `Deployment ${id} of color was rolled back by ECS (deployment circuit breaker); the service now runs ${previous}`,
    );
  });

  test('a forced redeploy of the same revision is not taken as done on reads showing the deployment before it', async () => {
    const td = colorTd();
    const before = primaryId((await describeServices(ecs, cluster, [SAMPLE.stableService])).get('color')!);
    const updated = await updateService(ecs, { cluster, service: SAMPLE.stableService, forceNewDeployment: true });
    const id = primaryId(updated);
    expect(prior(updated)).toEqual([before]);
    const c = clock();
    const opts = waitOptions(id, { taskDefinition: td, previousTaskDefinition: td, now: c.now, sleep: c.sleep });
    emu.ecs.staleReads.set(SAMPLE.stableService, 2);
    const done = await waitForRollout(ecs, { ...opts, priorDeployments: prior(updated) });
    expect(primaryId(done)).toBe(id);
    expect(c.sleeps).toEqual([1000, 1000]);
    // Believed, the two stale reads would end the wait on the deployment from before, already COMPLETED.
    emu.ecs.staleReads.set(SAMPLE.stableService, 2);
    expect(primaryId(await waitForRollout(ecs, opts))).toBe(before);
  });

  test('one MISSING after CreateService: read again, and the wait succeeds', async () => {
    const created = await createService(ecs, newService);
    expect(prior(created)).toEqual([]);
    emu.ecs.staleReads.set('color-new', 1);
    const c = clock();
    const opts = waitOptions(primaryId(created), {
      service: 'color-new',
      taskDefinition: colorTd(),
      desiredCount: 2,
      priorDeployments: [],
      now: c.now,
      sleep: c.sleep,
    });
    const done = await waitForRollout(ecs, opts);
    expect(done).toMatchObject({ serviceName: 'color-new', runningCount: 2, desiredCount: 2 });
    expect(c.sleeps).toEqual([1000]);
    expect(reads()).toBe(2);
    emu.ecs.staleReads.set('color-new', 1);
    await expect(waitForRollout(ecs, { ...opts, priorDeployments: undefined })).rejects.toThrow(
      'ECS service color-new disappeared while its rollout was awaited',
    );
  });

  test('a count scaled in place, read once with the count from before: read again, not "scaled by another writer"', async () => {
    const updated = await updateService(ecs, { cluster, service: SAMPLE.stableService, desiredCount: 1 });
    emu.ecs.staleReads.set(SAMPLE.stableService, 1);
    const c = clock();
    const opts = waitOptions(primaryId(updated), {
      taskDefinition: colorTd(),
      previousTaskDefinition: colorTd(),
      desiredCount: 1,
      now: c.now,
      sleep: c.sleep,
    });
    const done = await waitForRollout(ecs, { ...opts, priorDeployments: prior(updated) });
    expect(done.deployments).toMatchObject([{ desiredCount: 1, runningCount: 1, rolloutState: 'COMPLETED' }]);
    expect(c.sleeps).toEqual([1000]);
    emu.ecs.staleReads.set(SAMPLE.stableService, 1);
    await expect(waitForRollout(ecs, opts)).rejects.toThrow(
      'ECS service color was scaled to 3 task(s) under this run, which deployed 1;',
    );
  });

  describe('stale for longer than the consistency window: concluded as before, with the same messages', () => {
    test('the previous deployment still shown: rolled back', async () => {
      const { id, previous, opts, clock: c, readsBefore } = await deploy();
      emu.ecs.staleReads.set(SAMPLE.stableService, 1000);
      await expect(waitForRollout(ecs, opts)).rejects.toThrow(
        new RegExp(
          `^Deployment ${id} of color was rolled back by ECS \\(deployment circuit breaker\\); the service now runs ${previous}$`,
        ),
      );
      // Read every pollDelayMs until the first read at or after 2 minutes, then believed.
      expect(c.t).toBeGreaterThanOrEqual(CONSISTENCY_WINDOW_MS);
      expect(c.t - c.sleeps.at(-1)!).toBeLessThan(CONSISTENCY_WINDOW_MS);
      expect(c.sleeps.slice(0, 3)).toEqual([1000, 1000, 1000]);
      expect(reads() - readsBefore).toBe(c.sleeps.length + 1);
      expect(emu.ecs.staleReads.get(SAMPLE.stableService)).toBe(1000 - reads() + readsBefore);
    });

    test('the service still MISSING: disappeared', async () => {
      await createService(ecs, { ...newService, desiredCount: 1 });
      emu.ecs.staleReads.set('color-new', 1000);
      const c = clock();
      const wait = waitForRollout(
        ecs,
        waitOptions('ecs-svc/any', { service: 'color-new', priorDeployments: [], now: c.now, sleep: c.sleep }),
      );
      await expect(wait).rejects.toThrow(/^ECS service color-new disappeared while its rollout was awaited$/);
      expect(c.t).toBeGreaterThanOrEqual(CONSISTENCY_WINDOW_MS);
      expect(c.t - c.sleeps.at(-1)!).toBeLessThan(CONSISTENCY_WINDOW_MS);
    });
  });

  describe('what can only come after the write is believed at once, without waiting out the window', () => {
    test('ECS rolls back the deployment this run started, once it was seen: rolled back, at the next read', async () => {
      const { id, previous, opts, clock: c, readsBefore } = await deploy('colorapp:broken');
      emu.ecs.crashingImages.add('colorapp:broken');
      emu.ecs.heldRollouts.add(SAMPLE.stableService); // the first read sees this run's deployment IN_PROGRESS
      const sleep = async (ms: number) => {
        await c.sleep(ms);
        emu.ecs.heldRollouts.delete(SAMPLE.stableService); // then its tasks fail to start and ECS rolls back
      };
      await expect(waitForRollout(ecs, { ...opts, sleep })).rejects.toThrow(
        `Deployment ${id} of color was rolled back by ECS (deployment circuit breaker); the service now runs ${previous}`,
      );
      expect(reads() - readsBefore).toBe(2);
      expect(c.sleeps).toEqual([1000]);
    });

    test('ECS rolled back before any read showed the deployment: the rollback is a deployment from after the write', async () => {
      const { id, previous, opts, clock: c, readsBefore } = await deploy('colorapp:broken');
      emu.ecs.crashingImages.add('colorapp:broken');
      emu.ecs.staleReads.set(SAMPLE.stableService, 1); // and the first read is stale on top of it
      const wait = waitForRollout(ecs, opts);
      await expect(wait).rejects.toThrow(RolloutError);
      await expect(wait).rejects.toThrow(
        `Deployment ${id} of color was rolled back by ECS (deployment circuit breaker); the service now runs ${previous}`,
      );
      expect(reads() - readsBefore).toBe(2);
      expect(c.sleeps).toEqual([1000]);
      expect(c.t).toBe(1000);
    });

    test("another writer's revision: a concurrent change, at the first read", async () => {
      emu.rolloutDelayMs = 60_000; // this run's deployment stays listed (ACTIVE) under theirs
      const { id, opts, clock: c, readsBefore } = await deploy();
      let theirs = '';
      emu.beforeHandle.push({
        operation: 'DescribeServices',
        run: () => {
          theirs = emu.ecs.deployAnother(cluster, SAMPLE.stableService, 'colorapp:theirs');
        },
      });
      await expect(waitForRollout(ecs, opts)).rejects.toMatchObject({
        name: 'ConcurrentModificationError',
        message: expect.stringMatching(
          /^The task definition of ECS service color changed under this run: while it waited for its deployment of howto-ecs-basics-color:2, another deployment \(ecs-svc\/\S+\) replaced it and the service now deploys howto-ecs-basics-color:3\./,
        ),
      });
      expect(theirs).toMatch(/color:3$/);
      const [now] = (await describeServices(ecs, cluster, ['color'])).values();
      expect(now?.deployments?.map((d) => [d.status, d.taskDefinition === theirs, d.id === id])).toEqual([
        ['PRIMARY', true, false],
        ['ACTIVE', false, true],
      ]);
      expect(reads() - readsBefore).toBe(2);
      expect(c.sleeps).toEqual([]);
    });

    test("another writer's deployment that already replaced this run's before any read showed it", async () => {
      const { opts, clock: c, readsBefore } = await deploy();
      emu.ecs.deployAnother(cluster, SAMPLE.stableService, 'colorapp:theirs');
      emu.ecs.advance(Number.MAX_SAFE_INTEGER); // theirs completed: this run's deployment is gone from the list
      const wait = waitForRollout(ecs, opts);
      await expect(wait).rejects.toMatchObject({ name: 'ConcurrentModificationError' });
      expect(reads() - readsBefore).toBe(1);
      expect(c.sleeps).toEqual([]);
    });
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
