// A deploy with `steps` walks them inside one job: bake each step under the alarms, then take the next, and promote
// at the end when asked. Any alarm in ALARM rolls the canary back at once: weights to 100/0 first, then the canary
// scaled to 0. Each step is a phase of its own, pinned to the revision the walk's deploy rolled out.
import * as core from '@actions/core';
import { CancelledError, errorMessage } from '../errors.js';
import { REFS } from '../model.js';
import { changesService } from '../plan/index.js';
import { type AlarmState, alarmPollMs, firingAlarm, remainingSteps } from '../plan/steps.js';
import { oneLine } from '../render.js';
import type { RevisionState, ShiftState } from '../state.js';
import { announced, type Run } from './context.js';
import { finish, phase } from './phase.js';
import type { Progress, RunRecord, TimelineStep } from './record.js';

/** The canary revision the walk's deploy rolled out (registered or reused), which later steps must still find. */
function walked(first: RunRecord): string | undefined {
  const produced = first.journal.map((e) => e.outcome.produces?.[REFS.taskDefinitionArn]).filter(Boolean);
  return String(produced.at(-1) ?? first.plan.known.taskDefinitionArn ?? '') || undefined;
}

const describeAlarms = (alarms: readonly AlarmState[]) =>
  alarms.map((a) => `${a.name} ${a.state}`).join(', ') || 'none';

/**
 * Bakes the current step: polls the alarms until `stepMinutes` passed (and once more at the end, right before the
 * next increase). Returns the alarm that fired, if one did.
 */
async function bake(run: Run, entry: TimelineStep, stepMinutes: number): Promise<AlarmState | undefined> {
  const started = Date.now();
  const total = stepMinutes * 60_000;
  for (;;) {
    const alarms = run.alarms ? await readAlarms(run) : [];
    entry.alarms = alarms;
    entry.bakedMs = Date.now() - started;
    const unreadable = alarms.find((a) => a.unreadable);
    const firing = unreadable ?? firingAlarm(alarms, run.settings.insufficientData);
    if (firing) return firing;
    const left = total - entry.bakedMs;
    const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
    core.info(
      `Step ${entry.step} (${entry.weight} %): baked ${seconds(entry.bakedMs)} of ${seconds(total)}; alarms: ${describeAlarms(alarms)}`,
    );
    if (left <= 0) return undefined;
    await run.sleep(Math.min(alarmPollMs(stepMinutes), left));
  }
}

/**
 * The alarms, or — when CloudWatch cannot be read (the SDK's retries spent, credentials expired) — one gate that
 * never approves a step: a canary nothing can watch is rolled back, not left at its weight.
 */
async function readAlarms(run: Run): Promise<AlarmState[]> {
  try {
    return await run.alarms!.read();
  } catch (err) {
    if (err instanceof CancelledError) throw err;
    const name = run.settings.alarms.join(', ');
    const reason = `the alarms could not be read: ${errorMessage(err)}`;
    return [{ name, type: 'metric', state: 'INSUFFICIENT_DATA', reason, unreadable: true }];
  }
}

/** Weights to 100/0 first, then the canary to 0 tasks; the error names the alarm, its reason, the weight and step. */
export async function rollBack(
  run: Run,
  records: RunRecord[],
  progress: Progress,
  alarm: AlarmState,
  entry: { step: number; weight: number },
  state?: ShiftState | RevisionState,
) {
  progress.rollback = { alarm, step: entry.step, weight: entry.weight };
  progress.error = `CloudWatch alarm ${alarm.name} is ${alarm.state} (${alarm.reason ?? 'no reason given'}) at step ${entry.step} (${entry.weight} %): the canary was rolled back`;
  core.info(oneLine(progress.error.replace(/was rolled back$/, 'is being rolled back')));
  const known = state && { ...state, operation: 'rollback' as const };
  records.push(await announced('Roll back', () => phase(run, { operation: 'rollback', canaryWeight: 0 }, known)));
}

/** Deploy with steps: the deploy (first step) has run; bake each step, then move on, under the alarms. */
export async function walk(run: Run, first: RunRecord): Promise<void> {
  const p = run.settings.progressive!;
  const progress: Progress = { steps: p.steps, timeline: [], outcome: 'walked' };
  const records = [first];
  try {
    await walkSteps(run, records, progress);
  } catch (err) {
    const at = progress.timeline.at(-1)?.weight ?? 0;
    if (err instanceof CancelledError) {
      progress.outcome = 'cancelled';
      progress.error = `${errorMessage(err)} during the bake at ${at} %; the alarms approved the weights in effect. Rerun the same deploy or run advance to go on`;
    } else {
      // A step that could not be read or planned: the report still says what the walk did and where it stands.
      progress.outcome = 'stopped';
      progress.error = `The walk stopped at ${at} %: ${errorMessage(err)}`;
    }
  }
  await finish(records, progress);
}

/** The steps after the deploy's, each baked; a failed phase or an alarm ends the walk (recorded in `progress`). */
async function walkSteps(run: Run, records: RunRecord[], progress: Progress): Promise<void> {
  const first = records[0];
  const revision = walked(first);
  const p = run.settings.progressive!;
  const sameVersion = !changesService(first.plan.changes);
  const steps = remainingSteps(p.steps, first.plan.weights.before?.canary ?? 0, sameVersion);
  for (const [i, weight] of steps.entries()) {
    const entry: TimelineStep = { step: p.steps.indexOf(weight) + 1, weight, startedAt: new Date(), alarms: [] };
    const step = { operation: 'shift', canaryWeight: weight, revision } as const;
    if (i > 0) records.push(await announced(`Step ${entry.step}: ${weight} %`, () => phase(run, step)));
    if (records.at(-1)!.failure) return;
    progress.timeline.push(entry);
    const firing = await bake(run, entry, p.stepMinutes);
    if (firing) {
      await rollBack(run, records, progress, firing, entry);
      progress.outcome = 'rolled back';
      return;
    }
  }
  if (p.autoPromote) {
    const promote = { operation: 'promote', canaryWeight: 0, revision } as const;
    records.push(await announced('Promote', () => phase(run, promote)));
    progress.outcome = 'promoted';
  }
}
