// Pure progressive-delivery decisions: which step a canary is on, whether its bake is done, what the alarms say,
// and what one run should do next. State lives in AWS only (the current weight and when it last changed), so any
// number of runs, reruns and concurrent schedules reach the same decision.
import type { Progressive } from '../inputs.js';

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface AlarmState {
  name: string;
  type: 'metric' | 'composite';
  state: AlarmStateValue;
  reason?: string;
  /** Set when CloudWatch could not be read at all: the gate then never approves a step. */
  unreadable?: boolean;
}

/** The alarm that stops the canary, if any: one in ALARM, or INSUFFICIENT_DATA when that counts as failing. */
export function firingAlarm(alarms: readonly AlarmState[], insufficientData: 'ok' | 'fail'): AlarmState | undefined {
  return (
    alarms.find((a) => a.state === 'ALARM') ??
    (insufficientData === 'fail' ? alarms.find((a) => a.state === 'INSUFFICIENT_DATA') : undefined)
  );
}

/** Alarms are polled every 15 s, or four times per bake when the bake is shorter than a minute. */
export function alarmPollMs(stepMinutes: number): number {
  return Math.max(250, Math.min(15_000, Math.round((stepMinutes * 60_000) / 4)));
}

/** Index of the step the canary is on: the last step not above its weight (-1 below the first step). */
export function stepIndex(steps: readonly number[], weight: number): number {
  let index = -1;
  for (const [i, step] of steps.entries()) if (step <= weight) index = i;
  return index;
}

export type Decision =
  | { kind: 'rollback'; alarm: AlarmState; step: number; weight: number }
  | { kind: 'blocked'; alarm: AlarmState }
  | { kind: 'wait'; step: number; weight: number; dueAt: Date }
  | { kind: 'shift'; step: number; weight: number; from: number }
  | { kind: 'promote'; from: number }
  | { kind: 'hold'; step: number; weight: number };

export interface Situation {
  weight: number;
  /** When the split last changed (the route's or rule's last update). */
  changedAt?: Date;
  now: Date;
  alarms: readonly AlarmState[];
  insufficientData: 'ok' | 'fail';
}

/** What one `advance` run does: roll back on an alarm, else move one step once the current one has baked. */
export function decide(p: Progressive, s: Situation): Decision {
  const index = stepIndex(p.steps, s.weight);
  const firing = firingAlarm(s.alarms, s.insufficientData);
  if (firing && s.weight > 0) return { kind: 'rollback', alarm: firing, step: index + 1, weight: s.weight };
  if (firing) return { kind: 'blocked', alarm: firing };
  if (index < 0) return { kind: 'shift', step: 1, weight: p.steps[0], from: s.weight };
  const dueAt = new Date((s.changedAt?.getTime() ?? 0) + p.stepMinutes * 60_000);
  if (dueAt > s.now) return { kind: 'wait', step: index + 1, weight: s.weight, dueAt };
  if (index + 1 < p.steps.length) return { kind: 'shift', step: index + 2, weight: p.steps[index + 1], from: s.weight };
  return p.autoPromote ? { kind: 'promote', from: s.weight } : { kind: 'hold', step: index + 1, weight: s.weight };
}

/** The steps a deploy still has to walk: from the current one when the canary already runs this version. */
export function remainingSteps(steps: readonly number[], weight: number, sameVersion: boolean): number[] {
  const index = sameVersion ? stepIndex(steps, weight) : -1;
  return steps.slice(Math.max(0, index));
}
