// Executors of the ALB change kinds. Rules and listeners carry no version (last writer wins), so a forward write
// re-reads the rule's (or default action's) actions right before writing and stops if they are not what the plan (or
// this run's previous write) left — its groups and weights, and every other action — and re-reads after writing to
// report a concurrent change. What it writes is what it read, but for the forward's groups and weights.
import * as core from '@actions/core';
import type { Action, RuleCondition, TargetHealthDescription } from '@aws-sdk/client-elastic-load-balancing-v2';
import { isRetryable, pollDelayMs } from '../../aws/poll.js';
import { ConcurrentModificationError } from '../../errors.js';
import { type Executor, type ExecutorContext, executor } from '../../executor.js';
import { type Outcome, REFS, type Weights } from '../../model.js';
import { showWeights, toPercent } from '../../plan/weights.js';
import type { AlbApi } from './api.js';
import {
  type ForwardEntry,
  forwardOf,
  sameActions,
  sameForward,
  showForward as show,
  weightOf,
  withForward,
  writableActions,
} from './forward.js';
import { ALB_KINDS as K, CANARY_GROUP, PREVIEW_ARN, type Where } from './state.js';

interface ForwardRequest {
  where: Where;
  /** The actions as the plan read them (the forward's groups are `expected`'s). */
  actions: Action[];
  forward: ForwardEntry[];
  expected: ForwardEntry[];
  weights: Weights;
  /** The stable and canary groups, to tell the split of any forward action. */
  groups: { stable: string; canary: string };
}

interface HealthRequest {
  targetGroup: string;
  name: string;
  minHealthy: number;
  timeoutMinutes: number;
}

const splitOf = (where: Where) =>
  where.rule ? `listener rule ${where.rule}` : `default action of listener ${where.listener}`;

async function setForward(api: AlbApi, r: ForwardRequest): Promise<Outcome> {
  const read = await api.readSplit(r.where);
  const current = forwardOf(read?.actions);
  const expected = withForward(r.actions, r.expected);
  if (!read || !sameActions(read.actions, expected)) {
    const what = !read
      ? 'it no longer exists'
      : sameForward(current, r.expected)
        ? 'the same groups and weights, but its other actions or stickiness changed'
        : `expected ${show(r.expected)}, now ${show(current)}`;
    throw new ConcurrentModificationError(
      `The forward action of the ${splitOf(r.where)} changed while this run was working (${what}): another run or person is editing it. Nothing was written; rerun once the other change is done (a workflow concurrency group per service prevents this)`,
    );
  }
  const before = writableActions(read.actions);
  const written = withForward(before, r.forward);
  core.debug(`Forward ${show(r.forward)}`);
  await api.writeActions(r.where, written);
  const after = await api.readSplit(r.where);
  const previous = toPercent(weightOf(current!, r.groups.stable), weightOf(current!, r.groups.canary));
  const outcome: Outcome = {
    detail: show(r.forward),
    weights: r.weights,
    produces: { [REFS.routeArn]: after?.arn ?? read.arn },
    undo: {
      kind: K.setForward,
      request: { ...r, actions: before, forward: current, expected: r.forward, weights: previous },
      describe: `forward action back to ${showWeights(previous)}`,
    },
  };
  if (!after || !sameActions(after.actions, written)) {
    outcome.conflict = `The forward action was changed by someone else right after this run's write (now ${show(forwardOf(after?.actions))}, written ${show(r.forward)}); the weights in effect are theirs: check them before retrying`;
  }
  return outcome;
}

async function waitHealthy(api: AlbApi, r: HealthRequest, ctx: ExecutorContext): Promise<Outcome> {
  const start = Date.now();
  const deadline = start + r.timeoutMinutes * 60_000;
  for (;;) {
    const targets = await healthOrRetry(api, r.targetGroup);
    const seconds = Math.round((Date.now() - start) / 1000);
    const state = (t: TargetHealthDescription) => t.TargetHealth?.State ?? 'unknown';
    const healthy = targets?.filter((t) => state(t) === 'healthy').length ?? 0;
    const others = targets?.filter((t) => !['healthy', 'draining'].includes(state(t))) ?? [];
    const summary = targets ? describeTargets(targets) : 'AWS answered with a retryable error';
    if (targets && healthy >= r.minHealthy && others.length === 0) {
      core.info(`Targets of ${r.name} healthy: ${summary} (${seconds}s)`);
      return { detail: `${healthy} target(s) healthy` };
    }
    core.info(`Targets of ${r.name}: ${summary}; waiting for ${r.minHealthy} healthy (${seconds}s elapsed)`);
    if (Date.now() >= deadline) {
      throw new Error(
        `Targets of target group ${r.name} did not become healthy within ${r.timeoutMinutes} minute(s) (wait-for-minutes): ${summary}. No weight was moved to them`,
      );
    }
    await ctx.sleep(Math.min(pollDelayMs(Date.now() - start), Math.max(0, deadline - Date.now())));
  }
}

async function healthOrRetry(api: AlbApi, group: string): Promise<TargetHealthDescription[] | undefined> {
  try {
    return await api.targetHealth(group);
  } catch (err) {
    if (isRetryable(err)) return undefined;
    throw err;
  }
}

/** `2 healthy, 1 unhealthy (Target.FailedHealthChecks: Health checks failed)`: each state once, with its reasons. */
function describeTargets(targets: TargetHealthDescription[]): string {
  if (targets.length === 0) return 'no targets registered yet';
  const counts = new Map<string, number>();
  for (const t of targets) {
    const h = t.TargetHealth;
    const state = h?.State ?? 'unknown';
    const reason = h?.Reason && state !== 'healthy' ? ` (${h.Reason}${h.Description ? `: ${h.Description}` : ''})` : '';
    counts.set(`${state}${reason}`, (counts.get(`${state}${reason}`) ?? 0) + 1);
  }
  const order = (status: string) => (status === 'healthy' ? 0 : 1);
  return [...counts]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
}

interface GroupRequest {
  Name: string;
  Tags: { Key: string; Value: string }[];
  [setting: string]: unknown;
}

interface RuleRequest {
  listener: string;
  priority: number;
  conditions: RuleCondition[];
  actions: Action[];
  tags: Record<string, string>;
  name?: string;
}

async function createRule(api: AlbApi, r: RuleRequest): Promise<Outcome> {
  const arn = await api.createRule(r);
  return {
    detail: arn,
    produces: { [PREVIEW_ARN]: arn },
    undo: { kind: K.deleteRule, request: { rule: arn }, describe: `preview rule ${r.name ?? arn} removed` },
  };
}

export function albExecutors(api: AlbApi): Record<string, Executor> {
  return {
    [K.createRule]: executor((r: RuleRequest) => createRule(api, r)),
    [K.deleteRule]: executor(async (r: { rule: string; recreate?: RuleRequest }) => {
      await api.deleteRule(r.rule);
      return r.recreate
        ? {
            undo: {
              kind: K.createRule,
              request: r.recreate,
              describe: `preview rule back at priority ${r.recreate.priority}`,
            },
          }
        : {};
    }),
    [K.deleteGroup]: executor(async (r: { targetGroup: string }) => {
      await api.deleteTargetGroup(r.targetGroup);
      return { detail: `deleted ${r.targetGroup}` };
    }),
    [K.createGroup]: executor(async (r: GroupRequest) => {
      const created = await api.createTargetGroup(r as never);
      const arn = created.TargetGroupArn!;
      return {
        detail: arn,
        produces: { [CANARY_GROUP]: arn, [REFS.canaryEndpointArn]: arn },
        leftBehind: `target group ${r.Name} (aws elbv2 delete-target-group --target-group-arn ${arn})`,
      };
    }),
    [K.setAttributes]: executor(async (r: { targetGroup: string; attributes: Record<string, string> }) => {
      const current = await api.attributes(r.targetGroup);
      const changed = Object.fromEntries(Object.entries(r.attributes).filter(([k, v]) => current[k] !== v));
      if (Object.keys(changed).length) await api.setAttributes(r.targetGroup, changed);
      return { detail: Object.keys(changed).length ? Object.keys(changed).join(', ') : 'already set' };
    }),
    [K.setForward]: executor((r: ForwardRequest) => setForward(api, r)),
    [K.waitHealthy]: executor((r: HealthRequest, ctx: ExecutorContext) => waitHealthy(api, r, ctx)),
  };
}
