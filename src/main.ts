// Entry of the action: inputs first (no AWS SDK loaded yet), then the pipeline read state → plan → apply → report.
// The one place that calls core.setFailed.
import * as core from '@actions/core';
import { errorMessage, InputError } from './errors.js';
import { envInputReader, readSettings } from './inputs.js';
import { md } from './render.js';

/** A short job summary for inputs that stopped the run before any AWS call. */
async function inputSummary(err: InputError): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const problems = err.problems.map((p) => `- Input \`${p.input.replace(/`/g, '')}\` ${md(p.message)}`);
  const text = ['## Canary run stopped: invalid input', '', ...problems, '', 'Nothing was read or changed in AWS.', ''];
  await core.summary.addRaw(text.join('\n')).write();
}

export async function run(): Promise<void> {
  try {
    for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
      const value = process.env[name];
      if (value) core.setSecret(value);
    }
    const settings = readSettings(envInputReader());
    if (settings.githubToken) core.setSecret(settings.githubToken);
    const { execute } = await import('./pipeline.js');
    await execute(settings);
  } catch (err) {
    if (err instanceof InputError) await inputSummary(err).catch(() => undefined);
    core.setFailed(errorMessage(err));
  }
}
