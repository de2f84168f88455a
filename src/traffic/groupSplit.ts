// The weights of a forward action split between a stable and a canary target group (ALB, VPC Lattice): the canary
// group joins the forward at 0 before it gets weight; only weight about to move waits for healthy targets (the
// canary's, and after promote's rollout the stable group's); a forward that also names other groups is refused only
// when this run writes it.
import { PlanError } from '../errors.js';
import type { Change, Ref, Weights } from '../model.js';
import { sameWeights } from '../plan/weights.js';
import type { WeightOptions, WeightPlan } from './provider.js';

export interface GroupSplitState {
  stable: { arn: string; name: string };
  canary: { arn?: string; name: string };
  weights?: Weights;
  /** Why the forward cannot be written: it also names other groups. */
  foreign?: { why: string; input: string };
}

/** What a provider supplies: how its forward names the groups, and its changes. */
export interface GroupSplitPlanning<S> {
  listed(state: S): boolean;
  canaryGroup(state: S): string | Ref;
  /** The canary group joins the forward at 0 (stable keeps all traffic). */
  attach(state: S): { change: Change; next: S };
  setForward(state: S, w: Weights): { change: Change; next: S };
  waitHealthy(group: string | Ref, name: string, tasks: number): Change;
  /** Whether a deploy's planEndpoint attached the canary group already. */
  attachedByEndpoint(opts: WeightOptions): boolean;
}

export function planGroupWeights<S extends GroupSplitState>(
  p: GroupSplitPlanning<S>,
  state: S,
  target: Weights,
  opts: WeightOptions = {},
): WeightPlan<S> {
  if (!state.canary.arn && !opts.create && target.canary > 0) {
    throw new PlanError(`Target group ${state.canary.name} does not exist; run deploy first`, 'canary-target-group');
  }
  const changes: Change[] = [];
  let now = state;
  let listed = p.listed(state);
  if (!listed && opts.create && p.attachedByEndpoint(opts)) {
    // planEndpoint attached the group: the weights start from what that write leaves.
    now = p.attach(state).next;
    listed = true;
  } else if (!listed && (target.canary > 0 || opts.create)) {
    const attach = p.attach(state);
    changes.push(attach.change);
    now = attach.next;
    listed = true;
  }
  const writes = listed && !sameWeights(now.weights, target);
  if (writes && now.foreign) throw new PlanError(now.foreign.why, now.foreign.input);
  if (opts.stableTasks) changes.push(p.waitHealthy(now.stable.arn, now.stable.name, opts.stableTasks));
  // Only weight about to move needs the canary healthy: a split already as wanted is left alone, with no read.
  if (target.canary > 0 && writes)
    changes.push(p.waitHealthy(p.canaryGroup(now), now.canary.name, opts.canaryTasks ?? 1));
  if (writes) {
    const set = p.setForward(now, target);
    changes.push(set.change);
    now = set.next;
  }
  return { changes, next: now };
}
