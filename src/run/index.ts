// The pipeline after the inputs: prepare the run, then dispatch its operation — one phase, a walk of steps on top of
// the first, or an advance. Loaded lazily by main.ts, so the AWS SDK is only loaded once the inputs are known to be
// valid, and only the chosen provider's client.
import type { Settings } from '../inputs.js';
import { advance } from './advance.js';
import { type ExecuteOptions, onCancel, prepare } from './context.js';
import { finish, phase, stopped } from './phase.js';
import { walk } from './walk.js';

export type { ExecuteOptions } from './context.js';

/** Runs the operation; every way it ends, expected or not, writes a report (a summary, and outputs once planned). */
export async function execute(settings: Settings, options: ExecuteOptions = {}): Promise<void> {
  const cancel = onCancel();
  try {
    await stopped(settings, () => dispatch(settings, options, cancel.signal));
  } finally {
    cancel.dispose();
  }
}

async function dispatch(settings: Settings, options: ExecuteOptions, signal: AbortSignal): Promise<void> {
  const run = await prepare(settings, options, signal);
  if (settings.operation === 'advance') return await advance(run);
  const step = { operation: settings.operation, canaryWeight: settings.canaryWeight };
  const first = await stopped(settings, () => phase(run, step));
  if (first.failure || settings.dryRun || !settings.progressive) return await finish([first]);
  await walk(run, first);
}
