// How every wait polls AWS (an ECS rollout, a target group's health) and which AWS errors mean "try again".

/**
 * Time to the next poll of a wait (a rollout, targets' health): a tenth of the time waited so far, between 1 s and
 * 5 s. The end is noticed within 5 s, and within 10 % of the wait's own duration when it is short.
 */
export function pollDelayMs(elapsedMs: number): number {
  return Math.min(5000, Math.max(1000, Math.round(elapsedMs / 10)));
}

/** Error names AWS gives a call that may succeed if sent again: throttling, 5xx, timeouts, a dropped connection. */
const RETRYABLE =
  /Throttl|TooManyRequests|RequestLimitExceeded|ServiceUnavailable|InternalServer|ServerException|TimeoutError|ECONNRESET|ETIMEDOUT/;

/** Whether a wait may count this error as "still waiting" (until its deadline) instead of failing. */
export function isRetryable(err: unknown): boolean {
  const e = err as { name?: unknown; $metadata?: { httpStatusCode?: number } } | undefined;
  const status = e?.$metadata?.httpStatusCode ?? 0;
  return RETRYABLE.test(typeof e?.name === 'string' ? e.name : '') || status >= 500;
}

/**
 * How long a read may lag a write of this run. ECS is eventually consistent: the results of a call "might not be
 * immediately visible to all subsequent commands", so a DescribeServices right after CreateService may answer MISSING
 * and one right after UpdateService may still show the deployment from before. Terraform's AWS provider allows 2
 * minutes for a service just created to become visible; a wait re-reads this long (polling with pollDelayMs) before it
 * believes a read that does not show this run's write yet.
 */
export const CONSISTENCY_WINDOW_MS = 120_000;
