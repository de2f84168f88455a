// Outputs, the job summary and the pull-request comment, from the plan, the journal and the provider's view. Never
// calls AWS. Every value that reaches markdown goes through md()/code().
import * as core from '@actions/core';
import type { JournalEntry } from './apply.js';
import type { Settings } from './inputs.js';
import { code, failureLines, md, oneLine, resourceName, transition, type FailureReport } from './render.js';
import { shortTaskDefinition } from './plan/taskDefinition.js';
import { REFS, type Change, type Outcome, type Plan, type ServiceSnapshot } from './plan/types.js';
import type { Weights } from './plan/weights.js';
import type { TrafficView } from './traffic/provider.js';
import type { AlarmState, Decision } from './plan/steps.js';

export interface TimelineStep {
  step: number;
  weight: number;
  startedAt: Date;
  bakedMs?: number;
  alarms: AlarmState[];
}

/** What a progressive run did: the steps it walked, and how it ended. */
export interface Progress {
  steps: readonly number[];
  timeline: TimelineStep[];
  outcome: 'walked' | 'promoted' | 'held' | 'rolled back' | 'cancelled' | 'waiting' | 'advanced';
  decision?: Decision;
  rollback?: { alarm: AlarmState; step: number; weight: number };
  /** Why the run fails although every change it made succeeded (an alarm, a cancellation). */
  error?: string;
}

export interface RunRecord {
  settings: Settings;
  plan: Plan;
  journal: JournalEntry[];
  dryRun: boolean;
  region: string;
  view: TrafficView;
  failure?: FailureReport;
  progress?: Progress;
}

/** The phases of one run (deploy, each step, a rollback or promote) as one record: changes and journal in order. */
export function mergeRecords(records: RunRecord[]): RunRecord {
  if (records.length === 1) return records[0];
  const [first, last] = [records[0], records[records.length - 1]];
  const known: Plan['known'] = {};
  for (const r of records) {
    for (const [k, v] of Object.entries(r.plan.known)) if (v !== undefined) known[k as keyof Plan['known']] = v;
  }
  const services = [...first.plan.services];
  for (const s of records.flatMap((r) => r.plan.services))
    if (!services.some((x) => x.name === s.name)) services.push(s);
  const plan: Plan = {
    ...first.plan,
    changes: records.flatMap((r) => r.plan.changes),
    weights: { before: first.plan.weights.before, after: last.plan.weights.after },
    warnings: [...new Set(records.flatMap((r) => r.plan.warnings))],
    known,
    services,
  };
  return {
    ...last,
    settings: first.settings,
    plan,
    journal: records.flatMap((r) => r.journal),
    failure: records.find((r) => r.failure)?.failure,
  };
}

export const ENDPOINT_OUTPUTS = ['canary-virtual-node-arn', 'canary-target-group-arn'] as const;

/** Values the run's changes produced, later ones winning. */
function produced(r: RunRecord): Record<string, string | number> {
  return Object.assign({}, ...outcomes(r).map((o) => o.produces ?? {}));
}

/** The outcomes of the run's changes, then what it last read of a resource another writer changed. */
const outcomes = (r: RunRecord): Outcome[] => [
  ...r.journal.map((e) => e.outcome),
  ...(r.failure?.observed ? [r.failure.observed] : []),
];

/** Pure: the action's outputs, describing what the run left (or, for a dry run, planned). */
export function outputsOf(r: RunRecord): Record<string, string> {
  const made = produced(r);
  const now = weightsNow(r);
  const endpoint = String(made[REFS.canaryEndpointArn] ?? r.plan.known.canaryEndpointArn ?? '');
  return {
    'task-definition-arn': String(made[REFS.taskDefinitionArn] ?? r.plan.known.taskDefinitionArn ?? ''),
    ...Object.fromEntries(ENDPOINT_OUTPUTS.map((name) => [name, name === r.view.endpointOutput ? endpoint : ''])),
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

/** The weights to show: as planned (also for a dry run), or after a failure what its writes and undos left. */
export function weightsNow(r: RunRecord): Weights | undefined {
  if (!r.failure) return r.plan.weights.after;
  if (r.failure.weightsNow) return r.failure.weightsNow;
  const outcomes = [...r.journal.map((e) => e.outcome), ...r.failure.undone];
  return outcomes.reduce<Weights | undefined>((w, o) => o.weights ?? w, r.plan.weights.before);
}

function ecsLinks(region: string, cluster: string) {
  const ecs = `https://${region}.console.aws.amazon.com/ecs/v2`;
  const q = `?region=${region}`;
  const clusterName = cluster.slice(cluster.lastIndexOf('/') + 1);
  return {
    service: (name: string) => `${ecs}/clusters/${clusterName}/services/${encodeURIComponent(name)}/health${q}`,
    taskDefinition: (arn: string) => {
      const [family, revision] = shortTaskDefinition(arn).split(':');
      return `${ecs}/task-definitions/${family}/${revision}/containers${q}`;
    },
  };
}

function link(r: RunRecord, c: Change): string {
  const url =
    c.resource.type === 'ECS service'
      ? ecsLinks(r.region, r.settings.cluster).service(c.resource.name)
      : r.view.link(c.resource);
  return url ? `[${md(resourceName(c))}](${url})` : md(resourceName(c));
}

const pct = (n: number | undefined) => (n === undefined ? '—' : `${n} %`);

function progressHeadline(p: Progress, r: RunRecord): string | undefined {
  const at = (step: number, weight: number) => `step ${step} of ${p.steps.length} (${weight} %)`;
  const last = p.timeline.at(-1);
  switch (p.outcome) {
    case 'rolled back':
      return `Canary rolled back: alarm ${p.rollback?.alarm.name} fired at ${at(p.rollback?.step ?? 0, p.rollback?.weight ?? 0)}`;
    case 'cancelled':
      return `Canary ${r.plan.operation} cancelled at ${last?.weight ?? 0} %: alarms OK so far, rerun or advance to go on`;
    case 'waiting':
      return p.decision?.kind === 'wait'
        ? `Canary at ${at(p.decision.step, p.decision.weight)}: next step due at ${p.decision.dueAt.toISOString()}`
        : undefined;
    case 'held':
      if (p.decision?.kind === 'blocked')
        return `Canary not advanced: alarm ${p.decision.alarm.name} is ${p.decision.alarm.state}`;
      return `Canary at the last step (${r.plan.weights.after.canary} %): promote when ready (auto-promote is off)`;
    case 'advanced':
      return p.decision?.kind === 'shift' ? `Canary advanced to ${at(p.decision.step, p.decision.weight)}` : undefined;
    case 'walked':
      return `Canary deploy: walked ${p.timeline.map((t) => `${t.weight} %`).join(' → ')}, ${r.plan.weights.after.canary} % of traffic to ${r.view.canaryEndpoint}`;
    default:
      return undefined;
  }
}

function headline(r: RunRecord): string {
  const { plan, settings, view } = r;
  const progress = r.progress && !r.failure && progressHeadline(r.progress, r);
  if (progress) return progress;
  if (r.dryRun) return `Canary ${plan.operation} plan (dry run: nothing was changed)`;
  if (r.failure?.cancelled) return `Canary ${plan.operation} cancelled`;
  if (r.failure) return `Canary ${plan.operation} failed`;
  switch (plan.operation) {
    case 'deploy':
    case 'shift':
    case 'advance':
      return `Canary ${plan.operation}: ${plan.weights.after.canary} % of traffic to ${view.canaryEndpoint}`;
    case 'promote':
      return `Canary promoted: ${settings.stable.service} runs the new version, all traffic on ${view.stableEndpoint}`;
    case 'rollback':
      return `Canary rolled back: all traffic on ${view.stableEndpoint}`;
  }
}

function servicesNow(r: RunRecord): ServiceSnapshot[] {
  const latest = new Map(outcomes(r).flatMap((o) => (o.service ? [[o.service.name, o.service]] : [])));
  return r.plan.services.map((s) => ({ ...s, ...latest.get(s.name), role: s.role }));
}

function taskDefinitionOf(r: RunRecord): string | undefined {
  const arn = produced(r)[REFS.taskDefinitionArn] ?? r.plan.known.taskDefinitionArn;
  return arn === undefined ? undefined : String(arn);
}

function weightsTable(r: RunRecord): string[] {
  const { view } = r;
  const before = r.plan.weights.before;
  const after = weightsNow(r);
  const row = (name: string, role: string, b?: number, a?: number) =>
    `| [${md(name)}](${view.link({ type: view.endpointType, name })}) | ${role} | ${pct(b)} | ${pct(a)} |`;
  return [
    `| ${view.endpointType} | role | weight before | ${r.dryRun ? 'planned' : 'weight now'} |`,
    '|---|---|---:|---:|',
    row(view.stableEndpoint, 'stable', before?.stable, after?.stable),
    row(view.canaryEndpoint, 'canary', before?.canary, after?.canary),
    '',
  ];
}

function servicesTable(r: RunRecord): string[] {
  const links = ecsLinks(r.region, r.settings.cluster);
  const lines = ['| ECS service | role | task definition | running / desired |', '|---|---|---|---:|'];
  for (const s of servicesNow(r)) {
    const td = s.taskDefinition ? md(shortTaskDefinition(s.taskDefinition)) : '—';
    lines.push(`| [${md(s.name)}](${links.service(s.name)}) | ${s.role} | ${td} | ${s.running} / ${s.desired} |`);
  }
  return [...lines, ''];
}

function changesTable(r: RunRecord): string[] {
  if (r.plan.changes.length === 0)
    return [`Nothing to change: ${r.view.label} and the services already match the inputs.`];
  const lines = [
    `| ${r.dryRun ? 'planned change' : 'change'} | resource | before → after | result |`,
    '|---|---|---|---|',
  ];
  for (const c of r.plan.changes) {
    const entry = r.journal.find((e) => e.change === c);
    const text = entry?.outcome.detail;
    const detail = text
      ? ` ${code(text.startsWith('arn:aws') && text.includes(':task-definition/') ? shortTaskDefinition(text) : text)}`
      : '';
    const result = r.dryRun ? 'planned' : entry ? `✅${detail}` : c === r.failure?.failed ? '❌ failed' : 'not run';
    lines.push(`| ${c.action} | ${link(r, c)} | ${md(transition(c))} | ${result} |`);
  }
  return lines;
}

/** How to reach a deploy's preview: the header, and a curl line against the entry point. */
function previewSection(r: RunRecord): string[] {
  const preview = r.settings.preview;
  if (!preview || r.plan.operation !== 'deploy' || r.failure) return [];
  const curl = r.view.previewCurl?.(preview);
  const lines = [
    '',
    '### Preview',
    '',
    `Requests with the header ${code(`${preview.header}: ${preview.value}`)} reach the canary, and only them.`,
  ];
  if (curl) lines.push('', '```sh', curl.replace(/[`\r\n]/g, ''), '```');
  return lines;
}

function timelineSection(p: Progress): string[] {
  const lines = ['', '### Steps', ''];
  if (p.timeline.length) {
    lines.push('| step | weight | started | baked | alarms |', '|---:|---:|---|---:|---|');
    for (const t of p.timeline) {
      const alarms = t.alarms.map((a) => `${md(a.name)} ${a.state}`).join(', ') || '—';
      const baked = t.bakedMs === undefined ? '—' : `${Math.round(t.bakedMs / 1000)} s`;
      lines.push(
        `| ${t.step} / ${p.steps.length} | ${t.weight} % | ${t.startedAt.toISOString()} | ${baked} | ${alarms} |`,
      );
    }
  } else {
    lines.push(`Steps: ${p.steps.map((s) => `${s} %`).join(' → ')}.`);
  }
  if (p.rollback) {
    const { alarm, step, weight } = p.rollback;
    lines.push(
      '',
      `**Rolled back:** alarm ${md(alarm.name)} was ${alarm.state} (${md(alarm.reason ?? 'no reason given')}) at step ${step} (${weight} %): weights to 100/0 first, then the canary scaled to 0.`,
    );
  }
  if (p.outcome === 'cancelled' && p.error) lines.push('', md(p.error));
  return lines;
}

function failureSection(f: FailureReport): string[] {
  const [first, ...rest] = failureLines(f);
  return ['', '### What happened', '', `**${md(first)}**`, '', ...rest.flatMap((l) => [md(l), ''])];
}

function pie(r: RunRecord, after: Weights): string[] {
  const { view } = r;
  return [
    '',
    '```mermaid',
    `pie showData title Traffic of ${mermaid(view.entry)}${r.dryRun ? ' (planned)' : ''}`,
    `  "${mermaid(view.stableEndpoint)} (stable)" : ${after.stable}`,
    `  "${mermaid(view.canaryEndpoint)} (canary)" : ${after.canary}`,
    '```',
  ];
}

const mermaid = (text: string) => text.replace(/["\n\r`]/g, '');

/** Pure: the job summary as markdown. */
export function summaryMarkdown(r: RunRecord): string {
  const lines = [`## ${md(headline(r))}`, '', ...weightsTable(r)];
  const taskDefinition = taskDefinitionOf(r);
  if (taskDefinition) {
    const short = md(shortTaskDefinition(taskDefinition));
    lines.push(
      `Task definition: [${short}](${ecsLinks(r.region, r.settings.cluster).taskDefinition(taskDefinition)})`,
      '',
    );
  }
  lines.push(...servicesTable(r), ...changesTable(r));
  lines.push(...previewSection(r));
  if (r.progress) lines.push(...timelineSection(r.progress));
  if (r.failure) lines.push(...failureSection(r.failure));
  const after = weightsNow(r);
  if (after && !r.failure) lines.push(...pie(r, after));
  for (const w of r.plan.warnings) lines.push('', '> [!WARNING]', `> ${md(w)}`);
  return `${lines.join('\n')}\n`;
}

/** Pure: the short form for the pull request. */
export function commentMarkdown(r: RunRecord, runUrl: string | undefined): string {
  const { view } = r;
  const after = weightsNow(r);
  const lines = [`### ${r.failure ? '❌' : '🐤'} ${md(headline(r))}`, ''];
  const was = pct(r.plan.weights.before?.canary);
  lines.push(
    `**Traffic:** ${md(view.stableEndpoint)} ${pct(after?.stable)} · ${md(view.canaryEndpoint)} ${pct(after?.canary)} (canary was ${was})`,
  );
  const taskDefinition = taskDefinitionOf(r);
  if (taskDefinition) lines.push(`**Task definition:** ${code(shortTaskDefinition(taskDefinition))}`);
  lines.push(
    `**Services (running/desired):** ${servicesNow(r)
      .map((s) => `${md(s.name)} ${s.running}/${s.desired}`)
      .join(' · ')}`,
  );
  if (r.failure) {
    const [first, ...rest] = failureLines(r.failure);
    lines.push(
      '',
      `> ${md(first)}`,
      ...rest.filter((l) => /^(Traffic restored|Kept on purpose)/.test(l)).map((l) => `> ${md(l)}`),
    );
  }
  if (r.progress?.timeline.length) {
    const steps = r.progress.timeline.map((t) => `${t.weight} % (${Math.round((t.bakedMs ?? 0) / 1000)} s)`);
    lines.push(`**Steps:** ${steps.join(' → ')}`);
  }
  if (r.progress?.rollback) {
    const { alarm, weight } = r.progress.rollback;
    lines.push(`> Rolled back: alarm ${md(alarm.name)} was ${alarm.state} at ${weight} % (${md(alarm.reason ?? '')})`);
  }
  const preview = r.settings.preview;
  if (preview && r.plan.operation === 'deploy' && !r.failure) {
    lines.push(`**Preview:** requests with ${code(`${preview.header}: ${preview.value}`)} reach the canary`);
    const curl = r.view.previewCurl?.(preview);
    if (curl) lines.push('', '```sh', curl.replace(/[`\r\n]/g, ''), '```');
  }
  if (runUrl) lines.push('', `[Run details](${runUrl})`);
  return `${lines.join('\n')}\n`;
}

/** Pure: the summary of a run that stopped while reading or planning, before any change. */
export function stoppedMarkdown(settings: Settings, message: string): string {
  const text = message.split('\n').map(md).join('\n\n');
  return `## Canary ${settings.operation} stopped before any change\n\n${text}\n\nNothing was changed in ECS or the traffic layer.\n`;
}

export async function reportStopped(settings: Settings, message: string): Promise<void> {
  const comment = () => `### ❌ Canary ${settings.operation} stopped before any change\n\n> ${md(message)}\n`;
  await publish(settings, stoppedMarkdown(settings, message), comment);
}

export async function report(r: RunRecord): Promise<void> {
  for (const [name, value] of Object.entries(outputsOf(r))) core.setOutput(name, value);
  const now = weightsNow(r);
  const { view } = r;
  core.info(
    oneLine(
      `${r.dryRun ? 'Planned' : 'Traffic now'}: ${view.stableEndpoint} ${pct(now?.stable)}, ${view.canaryEndpoint} ${pct(now?.canary)}`,
    ),
  );
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
