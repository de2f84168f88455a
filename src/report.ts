// Outputs and the job summary. Reads the Plan and the apply journal only, never AWS.
import * as core from '@actions/core';
import type { ApplyError, JournalEntry } from './apply.js';
import type { Settings } from './inputs.js';
import { describePlan, type Facts, type Plan } from './plan/types.js';

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

/** Pure: the job summary as markdown. */
export function summaryMarkdown(o: Outcome, failure?: ApplyError): string {
  const { settings, plan } = o;
  const { before, after } = plan.weights;
  const title = o.dryRun ? `Canary ${plan.operation} plan (dry run, nothing changed)` : `Canary ${plan.operation}${failure ? ' failed' : ''}`;
  const lines = [`## ${title}`, ''];
  lines.push('| virtual node | weight before | weight after |', '|---|---:|---:|');
  const effective = failure ? before : after;
  lines.push(`| ${settings.stable.virtualNode} (stable) | ${before ? `${before.stable}%` : '—'} | ${effective ? `${effective.stable}%` : '—'} |`);
  lines.push(`| ${settings.canary.virtualNode} (canary) | ${before ? `${before.canary}%` : '—'} | ${effective ? `${effective.canary}%` : '—'} |`);
  lines.push('');
  if (plan.changes.length === 0) {
    lines.push('Nothing to change: the mesh and services already match the inputs.');
  } else {
    const done = new Set(o.journal.map((e) => e.change));
    lines.push('| step | resource | change | result |', '|---|---|---|---|');
    for (const c of plan.changes) {
      const entry = o.journal.find((e) => e.change === c);
      const result = o.dryRun ? 'planned' : done.has(c) ? `done${entry?.outcome.detail ? `: \`${entry.outcome.detail}\`` : ''}` : c === failure?.failed ? '**failed**' : 'not run';
      lines.push(`| ${c.action} | ${c.resource} | ${c.before ? `${c.before} → ` : ''}${c.after} | ${result} |`);
    }
  }
  if (failure) {
    lines.push('', '### What happened', '', '```', failure.message, '```');
  }
  if (effective && !failure) {
    lines.push('', '```mermaid', `pie title Traffic for ${settings.virtualService ?? settings.route}`);
    lines.push(`  "${settings.stable.virtualNode}" : ${effective.stable}`, `  "${settings.canary.virtualNode}" : ${effective.canary}`, '```');
  }
  for (const w of plan.warnings) lines.push('', `> **Warning:** ${w}`);
  return lines.join('\n') + '\n';
}

export async function report(o: Outcome, failure?: ApplyError): Promise<void> {
  const outputs = outputsOf(o);
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  const weights = o.plan.weights;
  core.info(
    `${o.dryRun ? 'Planned' : failure ? 'Unchanged' : 'Now'}: ${o.settings.stable.virtualNode} ${failure ? weights.before?.stable ?? '—' : weights.after.stable}% / ${o.settings.canary.virtualNode} ${failure ? weights.before?.canary ?? '—' : weights.after.canary}%`,
  );
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(summaryMarkdown(o, failure)).write();
  }
}
