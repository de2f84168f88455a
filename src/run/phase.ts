// One phase of a run: read state → plan → apply → record. A deploy, each step of a walk, an advance's move, a
// rollback after an alarm: each is one phase with its own Step. A failed apply is recorded, not thrown; reading and
// planning throw (and the run reports that it stopped before any change).
import * as core from '@actions/core';
import { ApplyError, applyPlan } from '../apply.js';
import { errorMessage, PlanError } from '../errors.js';
import type { Settings } from '../inputs.js';
import type { Operation, Step } from '../model.js';
import { buildPlan } from '../plan/index.js';
import { firingAlarm } from '../plan/steps.js';
import type { Plan } from '../plan/types.js';
import { changeLine, failureLines, oneLine } from '../render.js';
import { planJson, report, reportStopped } from '../report/outputs.js';
import { readState, type State } from '../state.js';
import { group, type Run } from './context.js';
import { mergeRecords, type Progress, type RunRecord } from './record.js';

function logPlan(plan: Plan): Plan {
  for (const w of plan.warnings) core.warning(oneLine(w));
  if (plan.changes.length === 0) core.info('Nothing to change.');
  for (const c of plan.changes) core.info(oneLine(changeLine(c)));
  return plan;
}

/** Reads the state for an operation (and, before a deploy, the alarms: they must exist and none may fire). */
export async function readPhase(run: Run, operation: Operation): Promise<State> {
  return group(`Read state (${operation}, ${run.provider.name})`, async () => {
    const gate = operation === 'deploy' && run.alarms ? run.alarms.read() : undefined;
    const [state, alarms] = await Promise.all([readState(operation, run.settings, run.ecs, run.provider), gate]);
    const firing = alarms && firingAlarm(alarms, run.settings.insufficientData);
    if (firing) {
      const why = `CloudWatch alarm ${firing.name} is ${firing.state} (${firing.reason ?? 'no reason given'}): not deploying a canary now`;
      throw new PlanError(why, 'alarms');
    }
    return state;
  });
}

/** The record of a phase whose plan is known (a dry run's, or one that changes nothing), before apply. */
export function recordOf(run: Run, plan: Plan): RunRecord {
  const { settings, region, provider } = run;
  return { settings, plan, journal: [], dryRun: settings.dryRun, region, view: provider.view(region) };
}

/** One read → plan → apply for a step; `known` is a state this run already read for it. */
export async function phase(run: Run, step: Step, known?: State): Promise<RunRecord> {
  const state = known ?? (await readPhase(run, step.operation));
  const plan = await group('Plan', () => logPlan(buildPlan(run.settings, step, state, run.provider)));
  const record = recordOf(run, plan);
  if (run.settings.dryRun) {
    core.info(`Dry run: no change made. Plan: ${planJson(plan)}`);
    return record;
  }
  run.options.onPlan?.(plan);
  try {
    const options = { executors: run.executors, sleep: run.sleep, signal: run.signal };
    record.journal = await group('Apply', () => applyPlan(plan, options));
  } catch (err) {
    if (!(err instanceof ApplyError)) throw err;
    record.journal = err.journal;
    record.failure = err.report;
  }
  return record;
}

/** Errors whose run already wrote its report: the run fails with them, and nothing reports them again. */
const reported = new WeakSet<object>();

/** The error, marked as reported. */
function reportedError(err: unknown): unknown {
  if (typeof err === 'object' && err !== null) reported.add(err);
  return err;
}

export const wasReported = (err: unknown) => typeof err === 'object' && err !== null && reported.has(err);

/** Reports a run's phases as one, and fails the run when a phase failed. */
export async function finish(records: RunRecord[], progress?: Progress): Promise<void> {
  const record = { ...mergeRecords(records), progress };
  await group('Report', () => report(record));
  if (progress?.error) throw reportedError(new Error(progress.error));
  if (record.failure) throw reportedError(new Error(failureLines(record.failure).join('\n')));
}

/** A run that stops while reading or planning, before any change, says so in the summary. */
export async function stopped<T>(settings: Settings, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!wasReported(err)) await group('Report', () => reportStopped(settings, errorMessage(err)));
    throw reportedError(err);
  }
}
