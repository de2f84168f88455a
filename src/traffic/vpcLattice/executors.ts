// Executors of the VPC Lattice change kinds. Rules carry no version (last writer wins), so a forward write re-reads
// the action right before writing and stops if it is not what the plan (or this run's previous write) left; the
// write's answer (the action as Lattice now holds it) confirms it.
import * as core from '@actions/core';
import type { RuleAction, RuleMatch } from '@aws-sdk/client-vpc-lattice';
import { ConcurrentModificationError } from '../../errors.js';
import { type Outcome, REFS, type Weights } from '../../model.js';
import { showWeights, toPercent } from '../../plan/weights.js';
import { executor, type Executor, type ExecutorContext } from '../../executor.js';
import { type HealthRequest, waitTargetsHealthy } from '../targetHealth.js';
import type { LatticeApi, Where } from './api.js';
import { type ForwardEntry, forwardAction, forwardOf, sameForward, showForward as show, weightOf } from './forward.js';
import { CANARY_GROUP, LATTICE_KINDS as K, PREVIEW_ARN } from './state.js';

/** Lattice's words for target health. */
const LATTICE_HEALTH = { healthy: 'HEALTHY', draining: 'DRAINING' };

interface ForwardRequest {
  where: Where;
  forward: ForwardEntry[];
  expected: ForwardEntry[];
  weights: Weights;
  /** The stable and canary groups, to tell the split of any forward action. */
  groups: { stable: string; canary: string };
}

async function setForward(api: LatticeApi, r: ForwardRequest): Promise<Outcome> {
  const current = forwardOf((await api.readAction(r.where))?.action);
  if (!sameForward(current, r.expected)) {
    throw new ConcurrentModificationError(
      `The forward action of ${r.where.rule ?? `listener ${r.where.listener}`} changed while this run was working (expected ${show(r.expected)}, now ${show(current)}): another run or person is editing it. Nothing was written; rerun once the other change is done (a workflow concurrency group per service prevents this)`,
    );
  }
  const action: RuleAction = {
    forward: { targetGroups: r.forward.map((f) => ({ targetGroupIdentifier: f.group, weight: f.weight })) },
  };
  core.debug(`Forward ${show(r.forward)}`);
  // Lattice answers the write with the action it now holds: that answer confirms the write, with no read after it.
  const after = await api.writeAction(r.where, action);
  const previous = toPercent(weightOf(current!, r.groups.stable), weightOf(current!, r.groups.canary));
  const outcome: Outcome = {
    detail: show(r.forward),
    weights: r.weights,
    produces: { [REFS.routeArn]: after.arn ?? '' },
    undo: {
      kind: K.setForward,
      request: { ...r, forward: current, expected: r.forward, weights: previous },
      describe: `forward action back to ${showWeights(previous)}`,
    },
  };
  if (!sameForward(forwardOf(after.action), r.forward)) {
    outcome.unconfirmed = `The forward action ${show(r.forward)} (${showWeights(r.weights)}) was sent, but Lattice answered with ${show(forwardOf(after.action))}: the weights in effect are not confirmed; check them before retrying`;
  }
  return outcome;
}

interface GroupRequest {
  name: string;
  type: 'IP';
  config: Record<string, unknown>;
  tags: Record<string, string>;
}

interface RuleRequest {
  where: Where;
  name: string;
  priority: number;
  match: RuleMatch;
  forward: ForwardEntry[];
  tags?: Record<string, string>;
}

async function createRule(api: LatticeApi, r: RuleRequest): Promise<Outcome> {
  const created = await api.createRule({ ...r, action: forwardAction(r.forward) });
  return {
    detail: created.arn,
    produces: { [PREVIEW_ARN]: created.arn },
    undo: {
      kind: K.deleteRule,
      request: { where: { ...r.where, rule: created.id } },
      describe: `preview rule ${r.name} removed`,
    },
  };
}

export function latticeExecutors(api: LatticeApi): Record<string, Executor> {
  return {
    [K.createRule]: executor((r: RuleRequest) => createRule(api, r)),
    [K.deleteRule]: executor(async (r: { where: Where; recreate?: Omit<RuleRequest, 'where'> }) => {
      await api.deleteRule(r.where);
      const again = r.recreate && { ...r.recreate, where: { ...r.where, rule: undefined } };
      return again ? { undo: { kind: K.createRule, request: again, describe: `preview rule ${again.name} back` } } : {};
    }),
    [K.deleteGroup]: executor(async (r: { targetGroup: string }) => {
      await api.deleteTargetGroup(r.targetGroup);
      return { detail: `deleted ${r.targetGroup}` };
    }),
    [K.createGroup]: executor(async (r: GroupRequest) => {
      const created = await api.createTargetGroup({ ...r, clientToken: `ecs-mesh-canary-${r.name}`.slice(0, 64) });
      const arn = created.arn!;
      return {
        detail: arn,
        produces: { [CANARY_GROUP]: arn, [REFS.canaryEndpointArn]: arn },
        leftBehind: `target group ${r.name} (aws vpc-lattice delete-target-group --target-group-identifier ${created.id})`,
      };
    }),
    [K.setForward]: executor((r: ForwardRequest) => setForward(api, r)),
    [K.waitHealthy]: executor((r: HealthRequest, ctx: ExecutorContext) => {
      const read = async () =>
        (await api.listTargets(r.targetGroup)).map((t) => ({ state: t.status ?? 'UNKNOWN', reason: t.reasonCode }));
      return waitTargetsHealthy(r, read, LATTICE_HEALTH, ctx);
    }),
  };
}
