// Runs a plan: each change's request, with its refs resolved from earlier outcomes, goes to the executor registered
// for its kind, and each outcome is journaled before anything else looks at it. When a change fails, every traffic
// change made so far is undone newest first (unless it is to be kept), and the error says what was restored, kept
// and left behind.
import * as core from '@actions/core';
import { CancelledError, ConcurrentModificationError, errorMessage } from './errors.js';
import { changeLine, oneLine, resourceName, type FailureReport } from './render.js';
import type { Plan } from './plan/types.js';
import { isRef, type Change, type Outcome } from './model.js';
import type { Executor, ExecutorContext } from './executor.js';

export interface JournalEntry {
  change: Change;
  /** The request as sent, refs resolved. */
  request: unknown;
  outcome: Outcome;
}

export interface ApplyOptions {
  executors: Record<string, Executor>;
  sleep(ms: number): Promise<void>;
  /** Aborted when the run is cancelled: no further change starts, and the journal is unwound as for a failure. */
  signal?: AbortSignal;
}

export class ApplyError extends Error {
  constructor(
    readonly reason: unknown,
    readonly journal: JournalEntry[],
    readonly report: FailureReport,
  ) {
    super(errorMessage(reason));
    this.name = 'ApplyError';
  }
}

/** Replaces every `{ $ref }` in a request with the value an earlier change produced. */
export function resolveRefs(value: unknown, produced: Readonly<Record<string, string | number>>): unknown {
  if (isRef(value)) {
    if (!(value.$ref in produced)) throw new Error(`No earlier change produced ${value.$ref}`);
    return produced[value.$ref];
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, produced));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(v, produced)]));
  }
  return value;
}

const RESTORE_ATTEMPTS = 3;

export async function applyPlan(plan: Plan, opts: ApplyOptions): Promise<JournalEntry[]> {
  const journal: JournalEntry[] = [];
  const produced: Record<string, string | number> = {};
  const ctx: ExecutorContext = { sleep: opts.sleep, produced };
  for (const change of plan.changes) {
    core.info(oneLine(`→ ${changeLine(change)}`));
    let request: unknown;
    try {
      opts.signal?.throwIfAborted();
      request = resolveRefs(change.request, produced);
      const outcome = await executorFor(opts, change.kind)(request as never, ctx);
      journal.push({ change, request, outcome });
      Object.assign(produced, outcome.produces);
      if (outcome.conflict) throw new ConcurrentModificationError(outcome.conflict);
      if (outcome.unconfirmed) throw new Error(outcome.unconfirmed);
      if (outcome.detail) core.info(oneLine(`  ✓ ${outcome.detail}`));
    } catch (err) {
      const conflict = err instanceof ConcurrentModificationError ? err : undefined;
      const report = await restoreTraffic(journal, opts, ctx, conflict);
      const cancelled = err instanceof CancelledError;
      const sent = journal.at(-1)?.change === change && journal.at(-1)?.outcome.unconfirmed !== undefined;
      throw new ApplyError(err, journal, {
        failed: change,
        reason: errorMessage(err),
        cancelled,
        ...(sent ? { unconfirmed: true } : {}),
        weightsNow: conflict?.details.weightsNow,
        observed: conflict?.details.observed,
        ...report,
      });
    }
  }
  return journal;
}

function executorFor(opts: ApplyOptions, kind: string): Executor {
  const executor = opts.executors[kind];
  if (!executor) throw new Error(`No executor for change kind ${kind}`);
  return executor;
}

type Restored = Omit<FailureReport, 'failed' | 'reason'>;

async function restoreTraffic(
  journal: JournalEntry[],
  opts: ApplyOptions,
  ctx: ExecutorContext,
  conflict: ConcurrentModificationError | undefined,
): Promise<Restored> {
  const report: Restored = { restored: [], kept: [], notRestored: [], leftBehind: [], undone: [] };
  let replaces = conflict?.details.replaces;
  for (const entry of [...journal].reverse()) {
    const { change, outcome } = entry;
    let left = outcome.leftBehind ?? change.leftBehind;
    if (replaces && left && replaces.resource === resourceName(change)) {
      // Another writer's change now stands for this resource: advice to go back from this run's would undo theirs.
      left = replaces.leftBehind;
      replaces = undefined;
    }
    if (left && change.moves !== 'traffic') report.leftBehind.unshift(left);
    if (!outcome.undo) continue;
    const keep = change.stands
      ? change.stands
      : change.keepOnceProduced && change.keepOnceProduced.ref in ctx.produced
        ? change.keepOnceProduced.why
        : conflict
          ? 'another writer is changing this canary at the same time; undoing this run’s write could overwrite theirs'
          : undefined;
    if (keep) {
      core.info(oneLine(`= kept ${change.resource.type} ${change.resource.name} as it is: ${keep}`));
      report.kept.push(`${change.resource.type} ${change.resource.name} stays at ${change.after} (${keep})`);
      continue;
    }
    await undo(entry, opts, ctx, report);
  }
  return report;
}

async function undo(entry: JournalEntry, opts: ApplyOptions, ctx: ExecutorContext, report: Restored): Promise<void> {
  // Undoing must go on after a cancellation: waits between attempts are then short and not abortable.
  const pause = opts.signal?.aborted
    ? (ms: number) => new Promise((r) => setTimeout(r, Math.min(ms, 200)))
    : opts.sleep;
  const plan = entry.outcome.undo!;
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await executorFor(opts, plan.kind)(plan.request as never, ctx);
      report.undone.push(outcome);
      if (outcome.unconfirmed) return notRestored(report, plan.describe, outcome.unconfirmed);
      core.info(oneLine(`↺ restored ${plan.describe}`));
      report.restored.push(plan.describe);
      return;
    } catch (err) {
      if (attempt >= RESTORE_ATTEMPTS) return notRestored(report, plan.describe, errorMessage(err));
      await pause(1000 * attempt);
    }
  }
}

/**
 * An undo that failed (or was sent but not read back): a warning in the log, and a line of the run's one error and
 * its summary (COULD NOT RESTORE), so that a failed run still ends with a single error annotation.
 */
function notRestored(report: Restored, describe: string, why: string): void {
  core.warning(oneLine(`Could not restore ${describe}: ${why}`));
  report.notRestored.push(`${describe} (${why})`);
}
