// The VPC Lattice executors against the in-process emulator: the canary group, the guarded forward write and its undo,
// and the wait for HEALTHY targets (retryable errors count as still waiting).
import { jest } from '@jest/globals';
import { VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import { ConcurrentModificationError } from '../../../src/errors.js';
import type { Outcome, Weights } from '../../../src/model.js';
import type { ExecutorContext } from '../../../src/executor.js';
import { LatticeApi } from '../../../src/traffic/vpcLattice/api.js';
import { latticeExecutors } from '../../../src/traffic/vpcLattice/executors.js';
import { forwardOf } from '../../../src/traffic/vpcLattice/forward.js';
import { CANARY_GROUP, LATTICE_KINDS as K } from '../../../src/traffic/vpcLattice/state.js';
import { LATTICE_SAMPLE, seedLatticeColor, type LatticeSeed } from '../../../emulator/fixture.js';
import { Emulator } from '../../../emulator/server.js';

const sleeps: number[] = [];
const ctx: ExecutorContext = {
  sleep: async (ms) => {
    sleeps.push(ms);
  },
  produced: {},
};

let emu: Emulator;
let seed: LatticeSeed;
let client: VPCLatticeClient;
let api: LatticeApi;
beforeEach(async () => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  sleeps.length = 0;
  emu = await Emulator.start({ rolloutDelayMs: 0, latticeHealthyAfterPolls: 2 });
  seed = seedLatticeColor(emu);
  client = new VPCLatticeClient(emu.clientConfig());
  api = new LatticeApi(client);
});
afterEach(async () => {
  jest.restoreAllMocks();
  client.destroy();
  await emu.stop();
});

const send = (kind: string, request: unknown): Promise<Outcome> => latticeExecutors(api)[kind](request, ctx);
const where = () => ({ service: seed.serviceId, listener: seed.listenerId });
const forwardNow = async () => forwardOf((await api.readAction(where()))?.action);

async function canaryGroup(): Promise<string> {
  const created = await send(K.createGroup, {
    name: 'color-tg-canary',
    type: 'IP',
    config: { port: 8080, protocol: 'HTTP', vpcIdentifier: LATTICE_SAMPLE.vpc },
    tags: { 'ecs-mesh-canary:created-by': 'ecs-mesh-canary' },
  });
  return String(created.produces![CANARY_GROUP]);
}

function forwardRequest(canary: string, w: Weights, expected: { group: string; weight: number }[]) {
  return {
    where: where(),
    forward: [
      { group: seed.targetGroupArn, weight: w.stable },
      { group: canary, weight: w.canary },
    ],
    expected,
    weights: w,
    groups: { stable: seed.targetGroupArn, canary },
  };
}

test('create-target-group produces the ARN registrations reference, and says how to remove the group', async () => {
  const created = await send(K.createGroup, {
    name: 'color-tg-canary',
    type: 'IP',
    config: { port: 8080, protocol: 'HTTP', vpcIdentifier: LATTICE_SAMPLE.vpc },
    tags: {},
  });
  const arn = String(created.produces![CANARY_GROUP]);
  expect(arn).toMatch(/:targetgroup\/tg-[0-9a-z]{17}$/);
  expect(created.produces!.canaryEndpointArn).toBe(arn);
  expect(created.leftBehind).toBe(
    `target group color-tg-canary (aws vpc-lattice delete-target-group --target-group-identifier ${arn.split('/').pop()})`,
  );
});

test('set-forward writes the split, and its undo writes back what it read', async () => {
  const canary = await canaryGroup();
  const outcome = await send(
    K.setForward,
    forwardRequest(canary, { stable: 80, canary: 20 }, [{ group: seed.targetGroupId, weight: 100 }]),
  );
  expect(outcome).toMatchObject({ weights: { stable: 80, canary: 20 }, produces: { routeArn: seed.listenerArn } });
  expect(outcome.conflict).toBeUndefined();
  // Lattice answers IDs where the request gave ARNs.
  expect(await forwardNow()).toEqual([
    { group: seed.targetGroupId, weight: 80 },
    { group: canary.split('/').pop(), weight: 20 },
  ]);
  expect(outcome.undo!.describe).toBe('forward action back to stable 100 / canary 0');
  const undone = await send(outcome.undo!.kind, outcome.undo!.request);
  expect(undone.weights).toEqual({ stable: 100, canary: 0 });
  expect(await forwardNow()).toEqual([{ group: seed.targetGroupId, weight: 100 }]);
});

test("the write's answer confirms it: one read before the write, none after", async () => {
  const canary = await canaryGroup();
  const from = emu.log.length;
  const outcome = await send(
    K.setForward,
    forwardRequest(canary, { stable: 90, canary: 10 }, [{ group: seed.targetGroupId, weight: 100 }]),
  );
  expect(emu.log.slice(from).map((c) => c.operation)).toEqual(['GetListener', 'UpdateListener']);
  expect(outcome.unconfirmed).toBeUndefined();
  expect(outcome.weights).toEqual({ stable: 90, canary: 10 });
  expect(outcome.undo!.describe).toBe('forward action back to stable 100 / canary 0');
  expect((await forwardNow())?.map((f) => f.weight)).toEqual([90, 10]);
});

test('a forward action that is not the one expected is not written', async () => {
  const canary = await canaryGroup();
  const writes = emu.calls({ mutating: true }).length;
  const write = send(
    K.setForward,
    forwardRequest(canary, { stable: 80, canary: 20 }, [{ group: seed.targetGroupId, weight: 90 }]),
  );
  await expect(write).rejects.toThrow(ConcurrentModificationError);
  await expect(write).rejects.toThrow(
    /changed while this run was working \(expected tg-[0-9a-z]{17}=90, now tg-[0-9a-z]{17}=100\)/,
  );
  expect(emu.calls({ mutating: true }).slice(writes)).toEqual([]);
});

describe('wait-targets-healthy', () => {
  const wait = (targetGroup: string, minHealthy: number, timeoutMinutes = 1) =>
    send(K.waitHealthy, { targetGroup, name: 'color-tg', minHealthy, timeoutMinutes });

  test('returns once enough targets of the group are HEALTHY', async () => {
    await expect(wait(seed.targetGroupArn, 3)).resolves.toEqual({ detail: '3 target(s) HEALTHY' });
  });

  test('throttled ListTargets calls count as still waiting', async () => {
    emu.inject({ service: 'vpc-lattice', operation: 'ListTargets', error: 'ThrottlingException', times: 3 });
    await expect(wait(seed.targetGroupArn, 3)).resolves.toEqual({ detail: '3 target(s) HEALTHY' });
    expect(emu.faults).toEqual([]);
    expect(sleeps).toHaveLength(3);
  });

  test('an error that is not retryable stops the wait', async () => {
    emu.inject({ service: 'vpc-lattice', operation: 'ListTargets', error: 'AccessDeniedException' });
    await expect(wait(seed.targetGroupArn, 3)).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  test('gives up after its timeout, saying no weight was moved', async () => {
    const empty = await canaryGroup();
    await expect(wait(empty, 1, 0.001)).rejects.toThrow(
      /^Targets of target group color-tg did not become HEALTHY within 0.001 minute\(s\) \(wait-for-minutes\): no targets registered yet. No weight was moved to them$/,
    );
  });
});
