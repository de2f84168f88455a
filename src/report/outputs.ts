// The action's outputs, and publishing a run's report: outputs, one log line, the job summary and (on pull requests)
// the comment. Never calls AWS.
import * as core from '@actions/core';
import type { InputError } from '../errors.js';
import type { Settings } from '../inputs.js';
import { REFS } from '../model.js';
import type { Plan } from '../plan/types.js';
import { oneLine } from '../render.js';
import { endpointDeleted, produced, type RunRecord, weightsNow } from '../run/record.js';
import { providerOutputs } from '../traffic/registry.js';
import {
  commentMarkdown,
  inputErrorMarkdown,
  pct,
  stoppedComment,
  stoppedMarkdown,
  summaryMarkdown,
} from './markdown.js';

/** Pure: the action's outputs, describing what the run left (or, for a dry run, planned). */
export function outputsOf(r: RunRecord): Record<string, string> {
  const made = produced(r);
  const now = weightsNow(r);
  const endpoint = endpointDeleted(r)
    ? ''
    : String(made[REFS.canaryEndpointArn] ?? r.plan.known.canaryEndpointArn ?? '');
  return {
    'task-definition-arn': String(made[REFS.taskDefinitionArn] ?? r.plan.known.taskDefinitionArn ?? ''),
    ...Object.fromEntries(providerOutputs().map((name) => [name, name === r.view.endpointOutput ? endpoint : ''])),
    'route-arn': String(made[REFS.routeArn] ?? r.plan.known.routeArn ?? ''),
    'preview-route-arn': String(made[REFS.previewRouteArn] ?? r.plan.known.previewRouteArn ?? ''),
    'stable-weight': now ? String(now.stable) : '',
    'canary-weight': now ? String(now.canary) : '',
    'previous-canary-weight': r.plan.weights.before ? String(r.plan.weights.before.canary) : '',
    plan: planJson(r.plan),
  };
}

/** The plan as JSON, as apply receives it, with environment values redacted. */
export function planJson(plan: Plan): string {
  return JSON.stringify(plan, (key, value) =>
    key === 'environment' && Array.isArray(value)
      ? value.map((e: { name?: string }) => ({ name: e.name, value: '***' }))
      : value,
  );
}

export async function reportStopped(settings: Settings, message: string): Promise<void> {
  await publish(settings, stoppedMarkdown(settings, message), () => stoppedComment(settings, message));
}

/** A short job summary for inputs that stopped the run before any AWS call (no settings, so no PR comment). */
export async function reportInputError(err: InputError): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(inputErrorMarkdown(err)).write();
}

export async function report(r: RunRecord): Promise<void> {
  for (const [name, value] of Object.entries(outputsOf(r))) core.setOutput(name, value);
  const now = weightsNow(r);
  const { view } = r;
  const canary = endpointDeleted(r) ? `${view.canaryEndpoint} deleted` : `${view.canaryEndpoint} ${pct(now?.canary)}`;
  const split = now ? `${view.stableEndpoint} ${pct(now.stable)}, ${canary}` : 'not confirmed (see the error)';
  core.info(oneLine(`${r.dryRun ? 'Planned' : 'Traffic now'}: ${split}`));
  await publish(r.settings, summaryMarkdown(r), (runUrl) => commentMarkdown(r, runUrl));
}

/** Writes the job summary, and on pull requests (not for a dry run) the PR comment. */
async function publish(
  settings: Settings,
  summary: string,
  comment: (runUrl: string | undefined) => string,
): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(summary).write();
    core.info('Job summary written.');
  }
  if (settings.prComment && !settings.dryRun) {
    const { commentOnPullRequest, runUrl } = await import('./prComment.js');
    await commentOnPullRequest(settings, comment(runUrl()));
  }
}
