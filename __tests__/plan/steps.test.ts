// Progressive-delivery decisions, table-tested on plain data.
import { alarmPollMs, decide, firingAlarm, remainingSteps, stepIndex, type AlarmState } from '../../src/plan/steps.js';

const ok: AlarmState = { name: 'p99-latency', type: 'metric', state: 'OK' };
const alarm: AlarmState = { name: '5xx', type: 'metric', state: 'ALARM', reason: 'Threshold Crossed: 3 datapoints' };
const unknown: AlarmState = { name: 'new-metric', type: 'composite', state: 'INSUFFICIENT_DATA' };
const progressive = { steps: [5, 25, 50, 100], stepMinutes: 5, autoPromote: false };
const now = new Date('2026-11-26T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

test.each([
  [[ok], 'ok', undefined],
  [[ok, alarm], 'ok', '5xx'],
  [[unknown], 'ok', undefined],
  [[unknown], 'fail', 'new-metric'],
  [[unknown, alarm], 'fail', '5xx'],
] as const)('firingAlarm(%j, %s) → %s', (alarms, insufficient, name) => {
  expect(firingAlarm(alarms, insufficient)?.name).toBe(name);
});

test.each([
  [0.05, 750],
  [0.01, 250],
  [1, 15_000],
  [5, 15_000],
])('alarms are polled every 15 s, or four times per bake when shorter: %f min → %i ms', (minutes, ms) => {
  expect(alarmPollMs(minutes)).toBe(ms);
});

test.each([
  [0, -1],
  [5, 0],
  [10, 0],
  [25, 1],
  [100, 3],
])('weight %i is on step index %i of 5,25,50,100', (weight, index) => {
  expect(stepIndex(progressive.steps, weight)).toBe(index);
});

describe('decide (one advance run)', () => {
  const situation = (weight: number, changedMinutesAgo: number, alarms: AlarmState[] = [ok]) => ({
    weight,
    changedAt: minutesAgo(changedMinutesAgo),
    now,
    alarms,
    insufficientData: 'ok' as const,
  });

  test('a step not baked yet: wait, and say until when', () => {
    expect(decide(progressive, situation(25, 2))).toEqual({ kind: 'wait', step: 2, weight: 25, dueAt: minutesAgo(-3) });
  });
  test('a baked step: the next one', () => {
    expect(decide(progressive, situation(25, 5))).toEqual({ kind: 'shift', step: 3, weight: 50, from: 25 });
  });
  test('below the first step: the first step at once', () => {
    expect(decide(progressive, situation(0, 0))).toEqual({ kind: 'shift', step: 1, weight: 5, from: 0 });
  });
  test('the last step baked: hold without auto-promote, promote with it', () => {
    expect(decide(progressive, situation(100, 6))).toEqual({ kind: 'hold', step: 4, weight: 100 });
    expect(decide({ ...progressive, autoPromote: true }, situation(100, 6))).toEqual({ kind: 'promote', from: 100 });
  });
  test('an alarm in ALARM rolls back whatever the bake says', () => {
    expect(decide(progressive, situation(50, 1, [ok, alarm]))).toEqual({
      kind: 'rollback',
      alarm,
      step: 3,
      weight: 50,
    });
  });
  test('an alarm with the canary already at 0 has nothing to roll back, and blocks the first step', () => {
    expect(decide(progressive, situation(0, 0, [alarm]))).toEqual({ kind: 'blocked', alarm });
  });
});

test.each([
  [[5, 25, 50], 25, true, [25, 50]],
  [[5, 25, 50], 25, false, [5, 25, 50]],
  [[5, 25, 50], 0, true, [5, 25, 50]],
  [[5, 25, 50], 30, true, [25, 50]],
])('remainingSteps(%j, weight %i, same version %s) → %j', (steps, weight, same, rest) => {
  expect(remainingSteps(steps, weight, same)).toEqual(rest);
});
