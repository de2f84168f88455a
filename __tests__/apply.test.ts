// applyPlan with stub executors written here: no AWS at all. Refs, journaling, and what a failure undoes, keeps and
// reports.
import { jest } from '@jest/globals';
import { ApplyError, applyPlan, resolveRefs, type JournalEntry } from '../src/apply.js';
import { CancelledError, ConcurrentModificationError } from '../src/errors.js';
import type { Plan } from '../src/plan/types.js';
import type { Change, Outcome } from '../src/model.js';
import { failureLines } from '../src/render.js';
import type { Executor } from '../src/executor.js';

beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => jest.restoreAllMocks());

function change(kind: string, over: Partial<Change> = {}): Change {
  return {
    kind,
    resource: { type: 'thing', name: kind },
    action: 'update',
    after: `${kind} done`,
    request: {},
    moves: 'none',
    ...over,
  };
}

const planOf = (...changes: Change[]): Plan => ({
  operation: 'deploy',
  provider: 'stub',
  changes,
  weights: { after: { stable: 80, canary: 20 } },
  warnings: [],
  known: {},
  services: [],
});

/** Executors that record what they were sent and answer with the given outcome (or throw it). */
function stubs(outcomes: Record<string, Outcome | Error | ((request: unknown) => Outcome)>) {
  const calls: { kind: string; request: unknown }[] = [];
  const executors: Record<string, Executor> = {};
  for (const [kind, outcome] of Object.entries(outcomes)) {
    executors[kind] = async (request) => {
      calls.push({ kind, request });
      if (outcome instanceof Error) throw outcome;
      return typeof outcome === 'function' ? outcome(request) : outcome;
    };
  }
  return { executors, calls, kinds: () => calls.map((c) => c.kind) };
}

const sleeps: number[] = [];
const sleep = async (ms: number) => {
  sleeps.push(ms);
};
beforeEach(() => {
  sleeps.length = 0;
});

async function failure(plan: Plan, executors: Record<string, Executor>, signal?: AbortSignal): Promise<ApplyError> {
  const error = await applyPlan(plan, { executors, sleep, signal }).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(ApplyError);
  return error as ApplyError;
}

/** A traffic change whose outcome carries an undo handled by `undo.<kind>`. */
const traffic = (kind: string, over: Partial<Change> = {}) => change(kind, { moves: 'traffic', ...over });
const undoable = (kind: string): Outcome => ({
  undo: { kind: `undo.${kind}`, request: { back: kind }, describe: `${kind} back` },
});

test('refs in a request are resolved from earlier outcomes; the plan keeps its refs; the journal has both', async () => {
  const plan = planOf(
    change('register', { request: { family: 'f' } }),
    change('create', {
      request: {
        taskDefinition: { $ref: 'taskDefinitionArn' },
        list: [{ $ref: 'taskDefinitionArn' }, 'x'],
        n: { deep: { $ref: 'n' } },
      },
    }),
  );
  const { executors, calls } = stubs({
    register: { produces: { taskDefinitionArn: 'arn:td:1', n: 7 }, detail: 'arn:td:1' },
    create: {},
  });
  const journal = await applyPlan(plan, { executors, sleep });
  expect(calls[1].request).toEqual({ taskDefinition: 'arn:td:1', list: ['arn:td:1', 'x'], n: { deep: 7 } });
  expect(plan.changes[1].request).toMatchObject({ taskDefinition: { $ref: 'taskDefinitionArn' } });
  expect(journal.map((e: JournalEntry) => [e.change.kind, e.request, e.outcome])).toEqual([
    ['register', { family: 'f' }, { produces: { taskDefinitionArn: 'arn:td:1', n: 7 }, detail: 'arn:td:1' }],
    ['create', calls[1].request, {}],
  ]);
});

test('an executor sees what earlier changes produced', async () => {
  let seen: Readonly<Record<string, string | number>> = {};
  const executors: Record<string, Executor> = {
    a: async () => ({ produces: { routeVersion: 2 } }),
    b: async (_request, ctx) => {
      seen = { ...ctx.produced };
      return {};
    },
  };
  await applyPlan(planOf(change('a'), change('b')), { executors, sleep });
  expect(seen).toEqual({ routeVersion: 2 });
});

test('resolveRefs refuses a ref nothing produced', () => {
  expect(() => resolveRefs({ a: [{ $ref: 'missing' }] }, {})).toThrow('No earlier change produced missing');
  expect(resolveRefs({ a: 1, b: null, c: 'x' }, {})).toEqual({ a: 1, b: null, c: 'x' });
});

test('a change whose kind has no executor fails the run, naming the kind', async () => {
  const { executors } = stubs({ a: {} });
  const error = await failure(planOf(change('a'), change('nope')), executors);
  expect(error.message).toBe('No executor for change kind nope');
  expect(error.report.failed.kind).toBe('nope');
  expect(error.journal.map((e) => e.change.kind)).toEqual(['a']);
});

test('a ref nothing produced fails that change before its executor runs', async () => {
  const { executors, kinds } = stubs({ a: {}, b: {} });
  const error = await failure(planOf(change('a'), change('b', { request: { arn: { $ref: 'never' } } })), executors);
  expect(error.report.reason).toBe('No earlier change produced never');
  expect(kinds()).toEqual(['a']);
});

test('a failure undoes the traffic changes newest first, through their undo, and lists what stays behind', async () => {
  const plan = planOf(
    traffic('t1'),
    change('register', { leftBehind: 'planned leftover' }),
    change('create', { moves: 'capacity', leftBehind: 'planned service leftover' }),
    traffic('t2', { leftBehind: 'traffic changes are undone, not left' }),
    change('boom'),
  );
  const { executors, kinds } = stubs({
    t1: undoable('t1'),
    register: { leftBehind: 'task definition arn:td:1 (deregister it)' },
    create: {},
    t2: undoable('t2'),
    boom: new Error('AccessDenied'),
    'undo.t1': { weights: { stable: 100, canary: 0 } },
    'undo.t2': {},
  });
  const error = await failure(plan, executors);
  expect(kinds()).toEqual(['t1', 'register', 'create', 't2', 'boom', 'undo.t2', 'undo.t1']);
  expect(error.report).toMatchObject({
    failed: plan.changes[4],
    reason: 'AccessDenied',
    restored: ['t2 back', 't1 back'],
    kept: [],
    notRestored: [],
    // The outcome's leftBehind wins over the planned one; in plan order.
    leftBehind: ['task definition arn:td:1 (deregister it)', 'planned service leftover'],
    undone: [{}, { weights: { stable: 100, canary: 0 } }],
  });
  expect(error.reason).toEqual(new Error('AccessDenied'));
  expect(failureLines(error.report)).toEqual([
    'update thing boom failed: AccessDenied',
    'Traffic restored: t2 back; t1 back.',
    'Left behind: task definition arn:td:1 (deregister it); planned service leftover.',
  ]);
});

test('the undo request goes to the executor of the undo kind, as the outcome gave it', async () => {
  const { executors, calls } = stubs({ t: undoable('t'), boom: new Error('x'), 'undo.t': {} });
  await failure(planOf(traffic('t'), change('boom')), executors);
  expect(calls.at(-1)).toEqual({ kind: 'undo.t', request: { back: 't' } });
});

describe('keepOnceProduced', () => {
  const drain = traffic('drain', {
    after: 'stable 100 / canary 0',
    keepOnceProduced: { ref: 'deployment:c', why: 'the rollout started' },
  });

  test('a traffic change is kept once its ref was produced', async () => {
    const { executors, kinds } = stubs({
      drain: undoable('drain'),
      update: { produces: { 'deployment:c': 'ecs-svc/1' } },
      wait: new Error('FAILED'),
      'undo.drain': {},
    });
    const error = await failure(planOf(drain, change('update'), change('wait')), executors);
    expect(kinds()).not.toContain('undo.drain');
    expect(error.report.kept).toEqual(['thing drain stays at stable 100 / canary 0 (the rollout started)']);
    expect(error.report.restored).toEqual([]);
    expect(failureLines(error.report)).toContain(
      'Kept on purpose: thing drain stays at stable 100 / canary 0 (the rollout started).',
    );
  });

  test('it is undone when the ref was never produced', async () => {
    const { executors, kinds } = stubs({
      drain: undoable('drain'),
      update: new Error('AccessDenied'),
      'undo.drain': {},
    });
    const error = await failure(planOf(drain, change('update')), executors);
    expect(kinds()).toEqual(['drain', 'update', 'undo.drain']);
    expect(error.report.restored).toEqual(['drain back']);
    expect(error.report.kept).toEqual([]);
  });
});

test('an undo that keeps failing is tried 3 times, then reported as not restored', async () => {
  const { executors, kinds } = stubs({
    t1: undoable('t1'),
    t2: undoable('t2'),
    boom: new Error('x'),
    'undo.t2': new Error('Throttled'),
    'undo.t1': {},
  });
  const error = await failure(planOf(traffic('t1'), traffic('t2'), change('boom')), executors);
  expect(kinds()).toEqual(['t1', 't2', 'boom', 'undo.t2', 'undo.t2', 'undo.t2', 'undo.t1']);
  expect(sleeps).toEqual([1000, 2000]);
  expect(error.report.notRestored).toEqual(['t2 back (Throttled)']);
  expect(error.report.restored).toEqual(['t1 back']);
  expect(failureLines(error.report)).toContain('COULD NOT RESTORE (fix by hand): t2 back (Throttled).');
  expect(process.stdout.write).toHaveBeenCalledWith(
    expect.stringMatching(/^::warning::Could not restore t2 back: Throttled/),
  );
  // The run's one error annotation is its own (written by the caller), never the undo's.
  expect(process.stdout.write).not.toHaveBeenCalledWith(expect.stringMatching(/^::error::/));
});

test('a change sent but not confirmed fails the run with its message, and the report says traffic may have changed', async () => {
  const unconfirmed = 'continued, but following it failed (ExpiredToken)';
  const { executors } = stubs({ t1: { unconfirmed }, later: {} });
  const error = await failure(planOf(traffic('t1'), change('later')), executors);
  expect(error.message).toBe(unconfirmed);
  expect(error.report.unconfirmed).toBe(true);
  expect(failureLines(error.report)).not.toContain('Traffic was not changed by this run.');
  const other = await failure(planOf(traffic('t1', { kind: 'fails' })), stubs({ fails: new Error('x') }).executors);
  expect(other.report.unconfirmed).toBeUndefined();
});

test('an undo that was sent but not read back is reported as not restored, and leaves the weights unknown', async () => {
  const unconfirmed = 'sent, but reading it back failed (ExpiredToken)';
  const { executors } = stubs({
    t1: { ...undoable('t1'), weights: { stable: 80, canary: 20 } },
    boom: new Error('ExpiredToken'),
    'undo.t1': { weights: { stable: 100, canary: 0 }, unconfirmed },
  });
  const error = await failure(planOf(traffic('t1'), change('boom')), executors);
  expect(error.report.restored).toEqual([]);
  expect(error.report.notRestored).toEqual([`t1 back (${unconfirmed})`]);
  expect(error.report.undone).toEqual([{ weights: { stable: 100, canary: 0 }, unconfirmed }]);
  expect(process.stdout.write).toHaveBeenCalledWith(expect.stringMatching(/^::warning::Could not restore t1 back/));
});

test('an outcome with a conflict is journaled, then fails as a concurrent modification and nothing is undone', async () => {
  const conflict: Outcome = {
    ...undoable('t2'),
    weights: { stable: 50, canary: 50 },
    conflict: 'someone else wrote the route too',
  };
  const { executors, kinds } = stubs({ t1: undoable('t1'), t2: conflict, later: {}, 'undo.t1': {}, 'undo.t2': {} });
  const plan = planOf(traffic('t1'), traffic('t2', { after: 'stable 50 / canary 50' }), change('later'));
  const error = await failure(plan, executors);
  expect(error.reason).toBeInstanceOf(ConcurrentModificationError);
  expect(error.message).toBe('someone else wrote the route too');
  expect(error.journal.map((e) => e.change.kind)).toEqual(['t1', 't2']);
  expect(error.journal[1].outcome).toBe(conflict);
  expect(kinds()).toEqual(['t1', 't2']);
  expect(error.report.failed).toBe(plan.changes[1]);
  expect(error.report.restored).toEqual([]);
  expect(error.report.kept).toEqual([
    expect.stringMatching(/^thing t2 stays at stable 50 \/ canary 50 \(another writer is changing this canary/),
    expect.stringMatching(/^thing t1 stays at t1 done \(another writer is changing this canary/),
  ]);
});

test('a ConcurrentModificationError thrown before writing also undoes nothing', async () => {
  const { executors, kinds } = stubs({
    t1: undoable('t1'),
    t2: new ConcurrentModificationError('route changed while this run was working'),
    'undo.t1': {},
  });
  const error = await failure(planOf(traffic('t1'), traffic('t2')), executors);
  expect(kinds()).toEqual(['t1', 't2']);
  expect(error.report.kept).toHaveLength(1);
});

test("a concurrent change that replaced this run's write gives that resource's left-behind advice instead", async () => {
  const theirs = 'thing svc deploys their revision; leave it to whoever started it';
  const { executors } = stubs({
    register: { leftBehind: 'revision 2 (deregister it)' },
    update: {},
    wait: new ConcurrentModificationError('svc changed under this run', {
      replaces: { resource: 'thing svc', leftBehind: theirs },
      observed: { service: { name: 'svc', taskDefinition: 'svc:3', running: 1, desired: 1 } },
    }),
  });
  const svc = { type: 'thing', name: 'svc' };
  const plan = planOf(
    change('register'),
    change('update', { resource: svc, moves: 'capacity', leftBehind: 'svc runs revision 2 (to go back: revision 1)' }),
    change('wait', { resource: svc }),
  );
  const error = await failure(plan, executors);
  expect(error.report.leftBehind).toEqual(['revision 2 (deregister it)', theirs]);
  expect(error.report.observed).toEqual({ service: { name: 'svc', taskDefinition: 'svc:3', running: 1, desired: 1 } });
  expect(error.journal.map((e) => e.change.kind)).toEqual(['register', 'update']);
  expect(error.report.failed).toBe(plan.changes[2]);
});

describe('cancellation', () => {
  test('no change starts once the run is cancelled; traffic is unwound as after a failure', async () => {
    const controller = new AbortController();
    const cancelDuring = (): Outcome => {
      controller.abort(new CancelledError('SIGTERM'));
      return undoable('t');
    };
    const { executors, kinds } = stubs({ t: cancelDuring, next: {}, 'undo.t': {} });
    const plan = planOf(traffic('t'), change('next'));
    const error = await failure(plan, executors, controller.signal);
    expect(kinds()).toEqual(['t', 'undo.t']);
    expect(error.report).toMatchObject({ failed: plan.changes[1], cancelled: true, restored: ['t back'] });
    expect(failureLines(error.report)[0]).toBe(
      'Cancelled (SIGTERM): the run stopped at the next safe point (at: update thing next)',
    );
  });

  test('undo goes on after a cancellation, with short pauses of its own instead of the run sleep', async () => {
    const controller = new AbortController();
    let undoCalls = 0;
    const flaky = (): Outcome => {
      if (++undoCalls < 3) throw new Error('Throttled');
      return {};
    };
    const executors: Record<string, Executor> = {
      t: async () => undoable('t'),
      boom: async () => {
        controller.abort(new CancelledError('SIGINT'));
        throw new CancelledError('SIGINT');
      },
      'undo.t': async () => flaky(),
    };
    const error = await failure(planOf(traffic('t'), change('boom')), executors, controller.signal);
    expect(undoCalls).toBe(3);
    expect(sleeps).toEqual([]);
    expect(error.report.restored).toEqual(['t back']);
  });
});

test('a plan without changes applies to an empty journal', async () => {
  expect(await applyPlan(planOf(), { executors: {}, sleep })).toEqual([]);
});

describe('stands: a move off the canary is never undone', () => {
  test('rollback: the weights stay at 100/0 when scaling the canary down fails after them', async () => {
    const toStable = traffic('weights', { after: 'stable 100 / canary 0', stands: 'traffic taken off the canary' });
    const { executors, kinds } = stubs({
      weights: undoable('weights'),
      scale: new Error('AccessDenied'),
      'undo.weights': {},
    });
    const error = await failure(planOf(toStable, change('scale')), executors);
    expect(kinds()).toEqual(['weights', 'scale']);
    expect(error.report.restored).toEqual([]);
    expect(error.report.kept).toEqual(['thing weights stays at stable 100 / canary 0 (traffic taken off the canary)']);
  });
});
