// Entry of the action: inputs first (no AWS SDK loaded yet), then the pipeline read state → plan → apply → report.
// The one place that calls core.setFailed.
import * as core from '@actions/core';
import { errorMessage, InputError } from './errors.js';
import { envInputReader, readSettings } from './inputs.js';
import { oneLine } from './render.js';
import { reportInputError } from './report/outputs.js';
import type { ExecuteOptions } from './run/context.js';

/** `options` are for tests that run the action in process (a shorter clock, say); the runner passes none. */
export async function run(options?: ExecuteOptions): Promise<void> {
  try {
    for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
      const value = process.env[name];
      if (value) core.setSecret(value);
    }
    const settings = readSettings(envInputReader());
    if (settings.githubToken) core.setSecret(settings.githubToken);
    for (const ignored of settings.ignored) core.warning(oneLine(ignored));
    const { execute } = await import('./run/index.js');
    await execute(settings, options);
  } catch (err) {
    if (err instanceof InputError) await reportInputError(err).catch(() => undefined);
    core.setFailed(errorMessage(err));
  }
}
