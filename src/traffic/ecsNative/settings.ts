// The ECS-native provider's own inputs, read and validated before any AWS call: how long a pause may wait for the
// next run (the PAUSE hook's timeout) and the step ECS's linear deployment takes, derived from the weights the run
// needs. No AWS SDK import.
import type { Inputs } from '../../inputTools.js';

export interface EcsNativeSettings {
  readonly provider: 'ecs-native';
  /** The PAUSE hook's timeout: how long a paused deployment waits for the next run before ECS rolls it back. */
  readonly pauseTimeoutMinutes: number;
  /** The linear step deploy configures: the largest whole step of at least 3 % that reaches every weight it needs. */
  readonly stepPercent: number;
}

export const ECS_NATIVE_INPUTS = ['pause-timeout-minutes'] as const;

/** ECS's own default stepPercent, used when the run needs no weight (a deploy at 0 %). */
export const DEFAULT_STEP = 10;
/** The smallest stepPercent ECS accepts. */
export const MIN_STEP = 3;
/** At most two weeks: the longest timeout ECS allows a lifecycle hook (20160 minutes). */
const MAX_PAUSE_MINUTES = 20160;

/** The largest whole step of at least MIN_STEP that divides every weight, or undefined when none does. */
export function stepFor(weights: readonly number[]): number | undefined {
  const needed = weights.filter((w) => w > 0);
  if (needed.length === 0) return DEFAULT_STEP;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const g = needed.reduce(gcd);
  for (let step = g; step >= MIN_STEP; step--) if (g % step === 0) return step;
  return undefined;
}

/** The weights this run needs, as the common inputs give them (only well-formed ones: those inputs check the rest). */
function weightsNeeded(inputs: Inputs): { input: string; weights: number[] } | undefined {
  const operation = inputs.read('operation');
  const steps = inputs.read('steps');
  if ((operation === 'deploy' || operation === 'advance') && steps !== '') {
    const parts = steps.split(/[\s,]+/).filter(Boolean);
    return parts.every((p) => /^\d+$/.test(p)) ? { input: 'steps', weights: parts.map(Number) } : undefined;
  }
  if (operation !== 'deploy' && operation !== 'shift') return undefined;
  const raw = inputs.read('canary-weight');
  if (raw === '') return { input: 'canary-weight', weights: [] };
  return /^\d+$/.test(raw) ? { input: 'canary-weight', weights: [Number(raw)] } : undefined;
}

export function readEcsNativeSettings(inputs: Inputs): EcsNativeSettings {
  const pauseTimeoutMinutes = inputs.integer('pause-timeout-minutes', 1, MAX_PAUSE_MINUTES, 1440) ?? 1440;
  // Defaults are filled in by the reader: a value other than the default is one the workflow gave.
  if (inputs.read('desired-count') !== '1')
    inputs.ignore(
      'desired-count',
      'is not used with traffic-provider: ecs-native: the new revision runs as many tasks as the service; ignored',
    );
  if (inputs.read('delete-canary') === 'true' && inputs.read('operation') === 'rollback')
    inputs.ignore(
      'delete-canary',
      'is not used with traffic-provider: ecs-native: a rollback creates nothing to delete; ignored',
    );
  const needed = weightsNeeded(inputs);
  const step = needed ? stepFor(needed.weights) : DEFAULT_STEP;
  if (needed && step === undefined) {
    inputs.fail(
      needed.input,
      `must be reachable by ECS's linear steps: with traffic-provider: ecs-native every weight is a multiple of one step of at least ${MIN_STEP} %, and no such step divides ${needed.weights.filter((w) => w > 0).join(', ')}`,
    );
  }
  return { provider: 'ecs-native', pauseTimeoutMinutes, stepPercent: step ?? DEFAULT_STEP };
}
