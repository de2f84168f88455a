// Runs a plan's changes in order and journals each outcome. When a change fails, every traffic change made so far
// (route weights, virtual-service provider) is restored, newest first, and the error lists what was left behind.
import * as core from '@actions/core';
import { errorMessage } from './errors.js';
import type { ApplyContext, Change, ChangeOutcome, Plan } from './plan/types.js';

export interface JournalEntry {
  change: Change;
  outcome: ChangeOutcome;
}

export interface ApplyResult {
  journal: JournalEntry[];
}

export class ApplyError extends Error {
  constructor(
    readonly reason: unknown,
    readonly failed: Change,
    readonly journal: JournalEntry[],
    readonly restored: string[],
    readonly notRestored: string[],
    readonly leftBehind: string[],
    readonly kept: string[] = [],
  ) {
    super(composeMessage(reason, failed, restored, notRestored, leftBehind, kept));
    this.name = 'ApplyError';
  }
}

function composeMessage(cause: unknown, failed: Change, restored: string[], notRestored: string[], leftBehind: string[], kept: string[]): string {
  const lines = [`${failed.action} ${failed.resource} failed: ${errorMessage(cause)}`];
  if (restored.length) lines.push(`Traffic restored: ${restored.join('; ')}.`);
  if (kept.length) lines.push(`Kept on purpose: ${kept.join('; ')}.`);
  if (notRestored.length) lines.push(`COULD NOT RESTORE (fix by hand): ${notRestored.join('; ')}.`);
  if (!restored.length && !notRestored.length && !kept.length) lines.push('Traffic was not changed by this run.');
  if (leftBehind.length) lines.push(`Left behind: ${leftBehind.join('; ')}.`);
  return lines.join('\n');
}

const RESTORE_ATTEMPTS = 3;

export async function applyPlan(plan: Plan, ctx: ApplyContext): Promise<ApplyResult> {
  const journal: JournalEntry[] = [];
  for (const change of plan.changes) {
    core.info(`→ ${change.action} ${change.resource}${change.before ? `: ${change.before} → ${change.after}` : `: ${change.after}`}`);
    try {
      const outcome = (await change.run(ctx)) ?? {};
      journal.push({ change, outcome });
      if (outcome.detail) core.info(`  ✓ ${outcome.detail}`);
    } catch (err) {
      const { restored, notRestored, kept } = await restoreTraffic(journal, ctx);
      const leftBehind = journal.flatMap((e) => (e.outcome.leftBehind ? [e.outcome.leftBehind] : []));
      throw new ApplyError(err, change, journal, restored, notRestored, leftBehind, kept);
    }
  }
  return { journal };
}

async function restoreTraffic(journal: JournalEntry[], ctx: ApplyContext): Promise<{ restored: string[]; notRestored: string[]; kept: string[] }> {
  const restored: string[] = [];
  const notRestored: string[] = [];
  const kept: string[] = [];
  for (const { change, outcome } of [...journal].reverse()) {
    const restore = outcome.restore;
    if (!restore) continue;
    const unsafe = restore.unsafe?.(ctx);
    if (unsafe) {
      core.info(`= kept ${change.resource} as it is: ${unsafe}`);
      kept.push(`${change.resource} stays at ${change.after} (${unsafe})`);
      continue;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await restore.run(ctx);
        core.info(`↺ restored ${restore.describe}`);
        restored.push(restore.describe);
        break;
      } catch (err) {
        if (attempt >= RESTORE_ATTEMPTS) {
          core.error(`Could not restore ${restore.describe}: ${errorMessage(err)}`);
          notRestored.push(`${restore.describe} (${errorMessage(err)})`);
          break;
        }
        await ctx.sleep(1000 * attempt);
      }
    }
  }
  return { restored, notRestored, kept };
}
