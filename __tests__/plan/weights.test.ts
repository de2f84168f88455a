// Weight math shared by every provider: stable + canary = 100.
import { sameWeights, showWeights, toPercent, weightsFor } from '../../src/plan/weights.js';

test.each([
  [0, { stable: 100, canary: 0 }],
  [37, { stable: 63, canary: 37 }],
  [100, { stable: 0, canary: 100 }],
])('weightsFor(%i)', (w, expected) => expect(weightsFor(w)).toEqual(expected));

test.each([-1, 101, 2.5, Number.NaN])('weightsFor(%p) throws', (w) => expect(() => weightsFor(w)).toThrow(RangeError));

test.each([
  [90, 10, { stable: 90, canary: 10 }],
  [1, 1, { stable: 50, canary: 50 }],
  [2, 1, { stable: 67, canary: 33 }],
  [1, 2, { stable: 33, canary: 67 }],
  [0, 5, { stable: 0, canary: 100 }],
  [0, 0, { stable: 100, canary: 0 }],
])('toPercent(%i, %i): backend weights of any scale as percentages', (stable, canary, expected) => {
  const percent = toPercent(stable, canary);
  expect(percent).toEqual(expected);
  expect(percent.stable + percent.canary).toBe(100);
});

test('sameWeights: equal splits only; an unknown split is never the same', () => {
  expect(sameWeights({ stable: 80, canary: 20 }, weightsFor(20))).toBe(true);
  expect(sameWeights({ stable: 80, canary: 20 }, weightsFor(30))).toBe(false);
  expect(sameWeights(undefined, weightsFor(0))).toBe(false);
  expect(sameWeights(weightsFor(0), undefined)).toBe(false);
});

test('showWeights', () => expect(showWeights(weightsFor(25))).toBe('stable 75 / canary 25'));
