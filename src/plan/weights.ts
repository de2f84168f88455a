// Pure weight math shared by every provider: the split is always stable + canary = 100.

import type { Weights } from '../model.js';

export function weightsFor(canaryPercent: number): Weights {
  if (!Number.isInteger(canaryPercent) || canaryPercent < 0 || canaryPercent > 100) {
    throw new RangeError(`canary weight must be an integer from 0 to 100, got ${canaryPercent}`);
  }
  return { stable: 100 - canaryPercent, canary: canaryPercent };
}

export function sameWeights(a: Weights | undefined, b: Weights | undefined): boolean {
  return a !== undefined && b !== undefined && a.stable === b.stable && a.canary === b.canary;
}

/** Raw backend weights (any scale) as percentages; nothing on either side reads as all on stable. */
export function toPercent(stable: number, canary: number): Weights {
  const total = stable + canary;
  if (total === 0) return { stable: 100, canary: 0 };
  const canaryPercent = Math.round((canary * 100) / total);
  return { stable: 100 - canaryPercent, canary: canaryPercent };
}

export const showWeights = (w: Weights) => `stable ${w.stable} / canary ${w.canary}`;
