// The wait every target-group provider makes before any weight: until enough targets of a group are healthy and none
// is failing, polled like every wait (aws/poll.ts), retryable AWS errors counting as "still waiting".
import * as core from '@actions/core';
import { isRetryable, pollDelayMs } from '../aws/poll.js';
import type { ExecutorContext } from '../executor.js';
import type { Outcome } from '../model.js';

export interface HealthRequest {
  targetGroup: string;
  /** The group's name, for the log and the error. */
  name: string;
  minHealthy: number;
  timeoutMinutes: number;
}

/** One target as a provider reads it: its state in the provider's words, and why when it is not healthy. */
export interface TargetHealth {
  state: string;
  reason?: string;
}

/** The provider's words for the two states that matter: healthy, and on its way out (not a failure). */
export interface HealthWords {
  healthy: string;
  draining: string;
}

/** `2 healthy, 1 unhealthy (Target.FailedHealthChecks)`: each state once, healthy first, with its reasons. */
export function describeTargets(targets: TargetHealth[], words: HealthWords): string {
  if (targets.length === 0) return 'no targets registered yet';
  const counts = new Map<string, number>();
  for (const t of targets) {
    const key = `${t.state}${t.reason && t.state !== words.healthy ? ` (${t.reason})` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const order = (key: string) => (key === words.healthy ? 0 : 1);
  return [...counts]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([key, n]) => `${n} ${key}`)
    .join(', ');
}

async function readOrRetry(read: () => Promise<TargetHealth[]>): Promise<TargetHealth[] | undefined> {
  try {
    return await read();
  } catch (err) {
    if (isRetryable(err)) return undefined;
    throw err;
  }
}

/** Waits until `minHealthy` targets are healthy and none other than draining ones is not; fails at the timeout. */
export async function waitTargetsHealthy(
  r: HealthRequest,
  read: () => Promise<TargetHealth[]>,
  words: HealthWords,
  ctx: ExecutorContext,
): Promise<Outcome> {
  const start = Date.now();
  const deadline = start + r.timeoutMinutes * 60_000;
  for (;;) {
    const targets = await readOrRetry(read);
    const seconds = Math.round((Date.now() - start) / 1000);
    const healthy = targets?.filter((t) => t.state === words.healthy).length ?? 0;
    const others = targets?.filter((t) => t.state !== words.healthy && t.state !== words.draining) ?? [];
    const summary = targets ? describeTargets(targets, words) : 'AWS answered with a retryable error';
    if (targets && healthy >= r.minHealthy && others.length === 0) {
      core.info(`Targets of ${r.name} ${words.healthy}: ${summary} (${seconds}s)`);
      return { detail: `${healthy} target(s) ${words.healthy}` };
    }
    core.info(`Targets of ${r.name}: ${summary}; waiting for ${r.minHealthy} ${words.healthy} (${seconds}s elapsed)`);
    if (Date.now() >= deadline) {
      throw new Error(
        `Targets of target group ${r.name} did not become ${words.healthy} within ${r.timeoutMinutes} minute(s) (wait-for-minutes): ${summary}. No weight was moved to them`,
      );
    }
    await ctx.sleep(Math.min(pollDelayMs(Date.now() - start), Math.max(0, deadline - Date.now())));
  }
}
