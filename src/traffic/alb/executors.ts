// Executors of the ALB change kinds. Rules and listeners carry no version (last writer wins), so a forward write
// re-reads the rule's (or default action's) actions right before writing and stops if they are not what the plan (or
// this run's previous write) left — its groups and weights, and every other action; the write's answer (the actions
// as ELB now holds them) confirms it. What it writes is what it read, but for the forward's groups and weights.
import * as core from '@actions/core';
import type { Action, RuleCondition } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ConcurrentModificationError } from '../../errors.js';
import { type Executor, type ExecutorContext, executor } from '../../executor.js';
import { type Outcome, REFS, type Weights } from '../../model.js';
import { showWeights, toPercent } from '../../plan/weights.js';
import { type HealthRequest, waitTargetsHealthy } from '../targetHealth.js';
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

/** The load balancer's words for target health. */
const ALB_HEALTH = { healthy: 'healthy', draining: 'draining' };

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
  // ELB answers the write with the actions it now holds: that answer confirms the write, with no read after it.
  const after = await api.writeActions(r.where, written);
  const previous = toPercent(weightOf(current!, r.groups.stable), weightOf(current!, r.groups.canary));
  const outcome: Outcome = {
    detail: show(r.forward),
    weights: r.weights,
    produces: { [REFS.routeArn]: after.arn ?? read.arn },
    undo: {
      kind: K.setForward,
      request: { ...r, actions: before, forward: current, expected: r.forward, weights: previous },
      describe: `forward action back to ${showWeights(previous)}`,
    },
  };
  if (!sameActions(after.actions, written)) {
    outcome.unconfirmed = `The forward action ${show(r.forward)} (${showWeights(r.weights)}) was sent, but ELB answered with ${show(forwardOf(after.actions))}: the weights in effect are not confirmed; check them before retrying`;
  }
  return outcome;
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
    [K.waitHealthy]: executor((r: HealthRequest, ctx: ExecutorContext) => {
      const read = async () =>
        (await api.targetHealth(r.targetGroup)).map((t) => {
          const h = t.TargetHealth;
          return {
            state: h?.State ?? 'unknown',
            reason: h?.Reason && `${h.Reason}${h.Description ? `: ${h.Description}` : ''}`,
          };
        });
      return waitTargetsHealthy(r, read, ALB_HEALTH, ctx);
    }),
  };
}
