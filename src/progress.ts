// Progressive delivery: a deploy with `steps` walks them inside one job (bake, poll the alarms, go on); `advance`
// takes at most one step per run, deciding from what AWS says (the weight and when it last changed). Any alarm in
// ALARM rolls the canary back at once: weights to 100/0 first, then the canary scaled to 0.
import * as core from '@actions/core';
import { CancelledError, errorMessage } from './errors.js';
import type { Settings } from './inputs.js';
import { oneLine } from './render.js';
import { finish, group, phase, type Run, stopped } from './pipeline.js';
import { changesService } from './plan/index.js';
import { REFS } from './plan/types.js';
import { type AlarmState, alarmPollMs, decide, firingAlarm, remainingSteps } from './plan/steps.js';
import type { Progress, RunRecord, TimelineStep } from './report.js';
import { readState, type ShiftState, type State } from './state.js';

const at = (settings: Settings, operation: 'shift' | 'rollback' | 'promote', canaryWeight = 0): Settings => ({
  ...settings,
  operation,
  canaryWeight,
});

/** The canary revision the walk's deploy rolled out (registered or reused), which later steps must still find. */
function walked(first: RunRecord): Settings['walkRevision'] {
  const produced = first.journal.map((e) => e.outcome.produces?.[REFS.taskDefinitionArn]).filter(Boolean);
  return String(produced.at(-1) ?? first.plan.known.taskDefinitionArn ?? '') || undefined;
}

/** Phases have their own log groups (groups do not nest on GitHub): a line says which phase follows. */
async function announced<T>(title: string, fn: () => Promise<T>): Promise<T> {
  core.info(`▶ ${title}`);
  return fn();
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
    const alarms = run.alarms ? await run.alarms.read() : [];
    entry.alarms = alarms;
    entry.bakedMs = Date.now() - started;
    const firing = firingAlarm(alarms, run.settings.insufficientData);
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

/** Weights to 100/0 first, then the canary to 0 tasks; the error names the alarm, its reason, the weight and step. */
async function rollBack(
  run: Run,
  records: RunRecord[],
  progress: Progress,
  alarm: AlarmState,
  entry: { step: number; weight: number },
  state?: State,
) {
  progress.rollback = { alarm, step: entry.step, weight: entry.weight };
  progress.error = `CloudWatch alarm ${alarm.name} is ${alarm.state} (${alarm.reason ?? 'no reason given'}) at step ${entry.step} (${entry.weight} %): the canary was rolled back`;
  core.info(oneLine(progress.error.replace(/was rolled back$/, 'is being rolled back')));
  const known = state && { ...state, operation: 'rollback' as const };
  records.push(
    await announced('Roll back', () => phase(run, at(run.settings, 'rollback'), known as State | undefined)),
  );
}

/** Deploy with steps: the deploy (first step) has run; bake each step, then move on, under the alarms. */
export async function walk(run: Run, first: RunRecord): Promise<void> {
  const settings = { ...run.settings, walkRevision: walked(first) };
  const p = settings.progressive!;
  const sameVersion = !changesService(first.plan.changes);
  const steps = remainingSteps(p.steps, first.plan.weights.before?.canary ?? 0, sameVersion);
  const progress: Progress = { steps: p.steps, timeline: [], outcome: 'walked' };
  const records = [first];
  try {
    for (const [i, weight] of steps.entries()) {
      const entry: TimelineStep = { step: p.steps.indexOf(weight) + 1, weight, startedAt: new Date(), alarms: [] };
      if (i > 0)
        records.push(
          await announced(`Step ${entry.step}: ${weight} %`, () => phase(run, at(settings, 'shift', weight))),
        );
      if (records.at(-1)!.failure) return await finish(records, progress);
      progress.timeline.push(entry);
      const firing = await bake(run, entry, p.stepMinutes);
      if (firing) {
        await rollBack(run, records, progress, firing, entry);
        progress.outcome = 'rolled back';
        return await finish(records, progress);
      }
    }
    if (p.autoPromote) {
      records.push(await announced('Promote', () => phase(run, at(settings, 'promote'))));
      progress.outcome = 'promoted';
    }
    await finish(records, progress);
  } catch (err) {
    if (!(err instanceof CancelledError)) throw err;
    progress.outcome = 'cancelled';
    progress.error = `${errorMessage(err)} during the bake at ${progress.timeline.at(-1)?.weight ?? 0} %; the alarms approved the weights in effect. Rerun the same deploy or run advance to go on`;
    await finish(records, progress);
  }
}

/** One step of a scheduled walk: roll back on an alarm, else move one step once the current one has baked. */
export async function advance(run: Run): Promise<void> {
  const { settings } = run;
  const p = settings.progressive!;
  const [state, alarms] = await stopped(settings, () =>
    group(`Read state (advance, ${run.provider.name})`, () =>
      Promise.all([readState(settings, run.ecs, run.provider), run.alarms?.read() ?? Promise.resolve([])]),
    ),
  );
  const weight = state.traffic.weights?.canary ?? 0;
  const decision = decide(p, {
    weight,
    changedAt: state.traffic.changedAt,
    now: new Date(),
    alarms,
    insufficientData: settings.insufficientData,
  });
  const progress: Progress = { steps: p.steps, timeline: [], outcome: 'waiting', decision };
  const shiftState = { ...(state as ShiftState), operation: 'shift' as const };
  switch (decision.kind) {
    case 'wait':
    case 'hold':
      progress.outcome = decision.kind === 'wait' ? 'waiting' : 'held';
      return finish([idle(run, at(settings, 'shift', weight), state)], progress);
    case 'blocked':
      progress.outcome = 'held';
      progress.error = `CloudWatch alarm ${decision.alarm.name} is ${decision.alarm.state} (${decision.alarm.reason ?? 'no reason given'}): not advancing`;
      return finish([idle(run, at(settings, 'shift', weight), state)], progress);
    case 'rollback': {
      const records: RunRecord[] = [];
      await rollBack(run, records, progress, decision.alarm, decision, state);
      progress.outcome = 'rolled back';
      return finish(records, progress);
    }
    case 'shift':
      progress.outcome = 'advanced';
      return finish(
        [await stopped(settings, () => phase(run, at(settings, 'shift', decision.weight), shiftState))],
        progress,
      );
    case 'promote':
      progress.outcome = 'promoted';
      return finish([await stopped(settings, () => phase(run, at(settings, 'promote')))], progress);
  }
}

/** The record of a run that changes nothing: the weights stay as they are. */
function idle(run: Run, settings: Settings, state: State): RunRecord {
  const weights = state.traffic.weights ?? { stable: 100, canary: 0 };
  return {
    settings,
    plan: {
      operation: 'advance',
      provider: run.provider.name,
      changes: [],
      weights: { before: weights, after: weights },
      warnings: [],
      known: { routeArn: state.traffic.routeId, canaryEndpointArn: state.traffic.canaryEndpointArn },
      services: [],
    },
    journal: [],
    dryRun: settings.dryRun,
    region: run.region,
    view: run.provider.view(run.region),
  };
}
