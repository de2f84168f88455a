// Every markdown view of a run — the job summary, the pull-request comment, the summary of a run stopped before any
// change, the summary of invalid inputs — built from shared sections. Pure: never calls AWS or writes anywhere.
// Every value that reaches markdown goes through md()/code().
import type { InputError } from '../errors.js';
import type { Settings } from '../inputs.js';
import type { Change, Weights } from '../model.js';
import { shortTaskDefinition } from '../plan/taskDefinition.js';
import { code, type FailureReport, failureLines, md, resourceName, transition } from '../render.js';
import { type Progress, type RunRecord, servicesNow, taskDefinitionOf, weightsNow } from '../run/record.js';

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

export const pct = (n: number | undefined) => (n === undefined ? '—' : `${n} %`);

function progressHeadline(p: Progress, r: RunRecord): string | undefined {
  const at = (step: number, weight: number) => `step ${step} of ${p.steps.length} (${weight} %)`;
  const last = p.timeline.at(-1);
  switch (p.outcome) {
    case 'rolled back':
      return `Canary rolled back: alarm ${p.rollback?.alarm.name} fired at ${at(p.rollback?.step ?? 0, p.rollback?.weight ?? 0)}`;
    case 'stopped':
      return `Canary walk stopped at ${last?.weight ?? 0} %: nothing more was changed`;
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
    case 'promoted': {
      const walked = p.timeline.length ? ` after ${p.timeline.map((t) => `${t.weight} %`).join(' → ')}` : '';
      return `Canary promoted${walked}: ${r.settings.stable.service} runs the new version, all traffic on ${r.view.stableEndpoint}`;
    }
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

/** A deploy's preview: the header, and a curl line against the entry point when it is known. */
function previewOf(r: RunRecord): { header: string; curl: string[] } | undefined {
  const preview = r.settings.preview;
  if (!preview || r.plan.operation !== 'deploy' || r.failure) return undefined;
  const curl = r.view.previewCurl?.(preview);
  const block = curl ? ['', '```sh', curl.replace(/[`\r\n]/g, ''), '```'] : [];
  return { header: code(`${preview.header}: ${preview.value}`), curl: block };
}

/** How to reach a deploy's preview, as the summary shows it. */
function previewSection(r: RunRecord): string[] {
  const preview = previewOf(r);
  if (!preview) return [];
  const line = `Requests with the header ${preview.header} reach the canary, and only them.`;
  return ['', '### Preview', '', line, ...preview.curl];
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
  if ((p.outcome === 'cancelled' || p.outcome === 'stopped') && p.error) lines.push('', md(p.error));
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
  const preview = previewOf(r);
  if (preview) lines.push(`**Preview:** requests with ${preview.header} reach the canary`, ...preview.curl);
  if (runUrl) lines.push('', `[Run details](${runUrl})`);
  return `${lines.join('\n')}\n`;
}

/** Pure: the summary of a run that stopped while reading or planning, before any change. */
export function stoppedMarkdown(settings: Settings, message: string): string {
  const text = message.split('\n').map(md).join('\n\n');
  return `## Canary ${settings.operation} stopped before any change\n\n${text}\n\nNothing was changed in ECS or the traffic layer.\n`;
}

/** Pure: the pull-request comment of a run that stopped while reading or planning. */
export function stoppedComment(settings: Settings, message: string): string {
  return `### ❌ Canary ${settings.operation} stopped before any change\n\n> ${md(message)}\n`;
}

/** Pure: the short job summary of inputs that stopped the run before any AWS call, naming each input. */
export function inputErrorMarkdown(err: InputError): string {
  const problems = err.problems.map((p) => `- Input \`${p.input.replace(/`/g, '')}\` ${md(p.message)}`);
  return ['## Canary run stopped: invalid input', '', ...problems, '', 'Nothing was read or changed in AWS.', ''].join(
    '\n',
  );
}
