// Outputs, the job summary and the pull-request comment. Reads the Plan and the apply journal, never AWS.
import * as core from '@actions/core';
import type { ApplyError, JournalEntry } from './apply.js';
import type { Settings } from './inputs.js';
import { shortTaskDefinition } from './plan/taskDefinition.js';
import { describePlan, type Change, type Facts, type Plan, type ServiceSnapshot } from './plan/types.js';
import type { Weights } from './plan/weights.js';

export interface Outcome {
  settings: Settings;
  plan: Plan;
  facts: Facts;
  journal: JournalEntry[];
  dryRun: boolean;
  region: string;
}

export interface Outputs {
  'task-definition-arn': string;
  'canary-virtual-node-arn': string;
  'route-arn': string;
  'stable-weight': string;
  'canary-weight': string;
  'previous-canary-weight': string;
  plan: string;
}

/** Pure: the action's outputs. */
export function outputsOf(o: Outcome): Outputs {
  const { plan, facts } = o;
  return {
    'task-definition-arn': facts.taskDefinitionArn ?? plan.taskDefinitionArn ?? '',
    'canary-virtual-node-arn': facts.canaryNodeArn ?? plan.canaryNodeArn ?? '',
    'route-arn': facts.routeArn ?? plan.routeArn ?? '',
    'stable-weight': String(plan.weights.after.stable),
    'canary-weight': String(plan.weights.after.canary),
    'previous-canary-weight': plan.weights.before ? String(plan.weights.before.canary) : '',
    plan: JSON.stringify(describePlan(plan)),
  };
}

/** AWS console links for the region (the console picks the partition from the signed-in account). */
export function consoleLinks(region: string, s: Settings) {
  const ecs = `https://${region}.console.aws.amazon.com/ecs/v2`;
  const mesh = `https://${region}.console.aws.amazon.com/appmesh/meshes/${encodeURIComponent(s.mesh)}`;
  const q = `?region=${region}`;
  const cluster = s.cluster.slice(s.cluster.lastIndexOf('/') + 1);
  return {
    service: (name: string) => `${ecs}/clusters/${cluster}/services/${encodeURIComponent(name)}/health${q}`,
    taskDefinition: (arn: string) => {
      const [family, revision] = shortTaskDefinition(arn).split(':');
      return `${ecs}/task-definitions/${family}/${revision}/containers${q}`;
    },
    virtualNode: (name: string) => `${mesh}/virtual-nodes/${encodeURIComponent(name)}${q}`,
    virtualRouter: `${mesh}/virtual-routers/${encodeURIComponent(s.virtualRouter)}${q}`,
    route: `${mesh}/virtual-routers/${encodeURIComponent(s.virtualRouter)}/routes/${encodeURIComponent(s.route)}${q}`,
    virtualService: (name: string) => `${mesh}/virtual-services/${encodeURIComponent(name)}${q}`,
  };
}

function changeLink(c: Change, o: Outcome): string {
  const links = consoleLinks(o.region, o.settings);
  const name = c.resource.replace(/^(virtual node|virtual router|route|virtual service|ECS service|task definition) /, '');
  switch (c.kind) {
    case 'virtual-node':
      return `[${c.resource}](${links.virtualNode(name)})`;
    case 'virtual-router':
      return `[${c.resource}](${links.virtualRouter})`;
    case 'route':
      return `[${c.resource}](${links.route})`;
    case 'virtual-service':
      return `[${c.resource}](${links.virtualService(name)})`;
    case 'ecs-service':
    case 'wait-for-rollout':
      return `[${c.resource}](${links.service(name)})`;
    default:
      return c.resource;
  }
}

const pct = (n: number | undefined) => (n === undefined ? '—' : `${n} %`);
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The weights to show: as planned (also for a dry run), or after a failure what its writes and restores left. */
function finalWeights(o: Outcome, failure?: ApplyError): Weights | undefined {
  return failure ? (o.facts.weights ?? o.plan.weights.before) : o.plan.weights.after;
}

function headline(o: Outcome, failure?: ApplyError): string {
  const { plan, settings } = o;
  const after = plan.weights.after;
  if (o.dryRun) return `Canary ${plan.operation} plan (dry run: nothing was changed)`;
  if (failure) return `Canary ${plan.operation} failed`;
  switch (plan.operation) {
    case 'deploy':
    case 'shift':
      return `Canary ${plan.operation}: ${after.canary} % of traffic to ${settings.canary.virtualNode}`;
    case 'promote':
      return `Canary promoted: ${settings.stable.service} runs the new version, all traffic on ${settings.stable.virtualNode}`;
    case 'rollback':
      return `Canary rolled back: all traffic on ${settings.stable.virtualNode}`;
  }
}

function servicesNow(o: Outcome): ServiceSnapshot[] {
  return o.plan.services.map((s) => o.facts.services?.[s.name] ?? s);
}

/** Pure: the job summary as markdown. */
export function summaryMarkdown(o: Outcome, failure?: ApplyError): string {
  const { settings, plan } = o;
  const links = consoleLinks(o.region, settings);
  const before = plan.weights.before;
  const after = finalWeights(o, failure);
  const lines = [`## ${headline(o, failure)}`, ''];

  lines.push(`| virtual node | role | weight before | ${o.dryRun ? 'planned' : 'weight now'} |`, '|---|---|---:|---:|');
  lines.push(`| [${settings.stable.virtualNode}](${links.virtualNode(settings.stable.virtualNode)}) | stable | ${pct(before?.stable)} | ${pct(after?.stable)} |`);
  lines.push(`| [${settings.canary.virtualNode}](${links.virtualNode(settings.canary.virtualNode)}) | canary | ${pct(before?.canary)} | ${pct(after?.canary)} |`);
  lines.push('');

  const taskDefinition = o.facts.taskDefinitionArn ?? plan.taskDefinitionArn;
  if (taskDefinition) lines.push(`Task definition: [${shortTaskDefinition(taskDefinition)}](${links.taskDefinition(taskDefinition)})`, '');

  lines.push('| ECS service | role | task definition | running / desired |', '|---|---|---|---:|');
  for (const s of servicesNow(o)) {
    lines.push(`| [${s.name}](${links.service(s.name)}) | ${s.role} | ${s.taskDefinition ? shortTaskDefinition(s.taskDefinition) : '—'} | ${s.running} / ${s.desired} |`);
  }
  lines.push('');

  if (plan.changes.length === 0) {
    lines.push('Nothing to change: the mesh and the services already match the inputs.');
  } else {
    lines.push(`| ${o.dryRun ? 'planned change' : 'change'} | resource | before → after | result |`, '|---|---|---|---|');
    for (const c of plan.changes) {
      const entry = o.journal.find((e) => e.change === c);
      const result = o.dryRun ? 'planned' : entry ? `✅${entry.outcome.detail ? ` \`${cell(shortTaskDefinition(entry.outcome.detail))}\`` : ''}` : c === failure?.failed ? '❌ failed' : 'not run';
      lines.push(`| ${c.action} | ${changeLink(c, o)} | ${cell(c.before ? `${c.before} → ${c.after}` : c.after)} | ${result} |`);
    }
  }

  if (failure) {
    lines.push('', '### What happened', '', `**${cell(failure.failed.action)} ${cell(failure.failed.resource)}** failed: ${cell(String((failure.reason as Error)?.message ?? failure.reason))}`, '');
    if (failure.restored.length) lines.push(`Restored: ${failure.restored.join('; ')}.`);
    if (failure.kept.length) lines.push('', `Kept on purpose: ${failure.kept.join('; ')}.`);
    if (!failure.restored.length && !failure.kept.length && !failure.notRestored.length) lines.push('Traffic was not changed by this run.');
    if (failure.notRestored.length) lines.push('', `**Could not restore — fix by hand:** ${failure.notRestored.join('; ')}.`);
    if (failure.leftBehind.length) lines.push('', 'Left behind:', ...failure.leftBehind.map((l) => `- ${l}`));
  }
  if (after && !failure) {
    lines.push('', '```mermaid', `pie showData title Traffic of ${settings.virtualService ?? settings.route}${o.dryRun ? ' (planned)' : ''}`);
    lines.push(`  "${settings.stable.virtualNode} (stable)" : ${after.stable}`, `  "${settings.canary.virtualNode} (canary)" : ${after.canary}`, '```');
  }
  for (const w of plan.warnings) lines.push('', `> [!WARNING]`, `> ${w}`);
  return lines.join('\n') + '\n';
}

/** Pure: the short form for the pull request. */
export function commentMarkdown(o: Outcome, runUrl: string | undefined, failure?: ApplyError): string {
  const { settings, plan } = o;
  const after = finalWeights(o, failure);
  const taskDefinition = o.facts.taskDefinitionArn ?? plan.taskDefinitionArn;
  const lines = [`### ${failure ? '❌' : '🐤'} ${headline(o, failure)}`, ''];
  lines.push(`**Traffic:** ${settings.stable.virtualNode} ${pct(after?.stable)} · ${settings.canary.virtualNode} ${pct(after?.canary)} (canary was ${pct(plan.weights.before?.canary)})`);
  if (taskDefinition) lines.push(`**Task definition:** \`${shortTaskDefinition(taskDefinition)}\``);
  const services = servicesNow(o).map((s) => `${s.name} ${s.running}/${s.desired}`);
  lines.push(`**Services (running/desired):** ${services.join(' · ')}`);
  if (failure) {
    lines.push('', `> ${cell(failure.message.split('\n')[0])}`);
    if (failure.restored.length) lines.push(`> Restored: ${failure.restored.join('; ')}.`);
    if (failure.kept.length) lines.push(`> Kept on purpose: ${failure.kept.join('; ')}.`);
  }
  if (runUrl) lines.push('', `[Run details](${runUrl})`);
  return lines.join('\n') + '\n';
}

/** Pure: the summary of a run that stopped while reading or planning, before any change. */
export function stoppedMarkdown(settings: Settings, message: string): string {
  return `## Canary ${settings.operation} stopped before any change\n\n${message.replace(/\n/g, '\n\n')}\n\nNothing was changed in ECS or App Mesh.\n`;
}

export async function reportStopped(settings: Settings, message: string): Promise<void> {
  await publish(settings, stoppedMarkdown(settings, message), () => `### ❌ Canary ${settings.operation} stopped before any change\n\n> ${cell(message)}\n`);
}

export async function report(o: Outcome, failure?: ApplyError): Promise<void> {
  for (const [name, value] of Object.entries(outputsOf(o))) core.setOutput(name, value);
  const shown = finalWeights(o, failure);
  core.info(`${o.dryRun ? 'Planned' : 'Traffic now'}: ${o.settings.stable.virtualNode} ${pct(shown?.stable)}, ${o.settings.canary.virtualNode} ${pct(shown?.canary)}`);
  await publish(o.settings, summaryMarkdown(o, failure), (runUrl) => commentMarkdown(o, runUrl, failure));
}

/** Writes the job summary, and on pull requests (not for a dry run) the PR comment. */
async function publish(settings: Settings, summary: string, comment: (runUrl: string | undefined) => string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(summary).write();
    core.info('Job summary written.');
  }
  if (settings.prComment && !settings.dryRun) {
    const { commentOnPullRequest } = await import('./prComment.js');
    const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env;
    await commentOnPullRequest(settings, comment(repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined));
  }
}
