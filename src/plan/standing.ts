// Safety rule: undo never moves traffic toward a canary the run was moving traffic away from.
import type { Change } from '../model.js';

/** Rollback's and promote's moves of traffic off the canary are never undone: a failure after them leaves them. */
export function standing(changes: Change[]): Change[] {
  const why = 'traffic taken off the canary stays off; a rerun finishes what failed';
  return changes.map((c) => (c.moves === 'traffic' ? { ...c, stands: why } : c));
}
