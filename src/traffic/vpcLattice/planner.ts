// Pure VPC Lattice planning: the workload without Envoy, the canary service registered in the canary target group,
// the canary group created (a copy of the stable group's config) when missing, and the forward action's two
// weighted groups. A group no rule forwards to is never health-checked, so the canary group joins the action at
// weight 0 before the canary service starts its tasks; weight follows only once its targets are HEALTHY.
import type { Service } from '@aws-sdk/client-ecs';
import { PlanError } from '../../errors.js';
import type { Base } from '../../plan/taskDefinition.js';
import { type GroupSplitPlanning, planGroupWeights } from '../groupSplit.js';
import { withoutEnvoy } from '../sidecars.js';
import { type Change, type Preview, ref, type Ref, type Weights } from '../../model.js';
import { showWeights } from '../../plan/weights.js';
import type { DeployFacts, RenderedWorkload, TrafficPlanner, WeightOptions, WeightPlan } from '../provider.js';
import { sameGroup } from './forward.js';
import { CANARY_GROUP, CREATED_BY_TAG, LATTICE_KINDS as K, type Forward, type LatticeState } from './state.js';

export interface LatticePlannerOptions {
  waitForMinutes: number;
  previewPriority?: number;
}

/** The canary group as requests name it: its ARN, or the ref to the one this run creates. */
export const canaryGroup = (state: LatticeState): string | Ref => state.canary.arn ?? ref(CANARY_GROUP);

export function forwardFor(state: LatticeState, w: Weights): Forward[] {
  return [
    { group: state.stable.arn, weight: w.stable },
    { group: canaryGroup(state), weight: w.canary },
  ];
}

export function canaryListed(state: LatticeState): boolean {
  return (
    state.canary.arn !== undefined &&
    state.forward.some((f) => typeof f.group === 'string' && sameGroup(f.group, state.canary.arn!))
  );
}

export class LatticePlanner implements TrafficPlanner<LatticeState> {
  /** planEndpoint attaches the canary group unless the launch is dark (its preview rule attaches it then). */
  private readonly split: GroupSplitPlanning<LatticeState> = {
    listed: canaryListed,
    canaryGroup,
    attach: (state) => this.attach(state),
    setForward: (state, w) => this.setForward(state, w),
    waitHealthy: (group, name, tasks) => this.waitHealthy(group, name, tasks),
    attachedByEndpoint: (opts) => !opts.dark,
  };

  constructor(private readonly opts: LatticePlannerOptions) {}

  renderWorkload(base: Base): RenderedWorkload {
    return withoutEnvoy(base.definition, 'for VPC Lattice');
  }

  registration(_stable: Service, state: LatticeState) {
    // The canary group's ARN is only known at apply time when this run creates it: a Ref apply resolves.
    const targetGroupArn = canaryGroup(state) as unknown as string;
    return { vpcLatticeConfigurations: [{ ...state.registration, targetGroupArn }] };
  }

  /** The canary group created when missing; unless the launch is dark, it joins the forward at 0 before ECS starts
   * its tasks, so that their health checks run while the rollout does. */
  planEndpoint(state: LatticeState, facts: DeployFacts): Change[] {
    const attach = !facts.dark && !canaryListed(state) ? [this.attach(state).change] : [];
    if (state.canary.arn) return attach;
    const { stable } = state;
    const { port, protocol, protocolVersion, ipAddressType, vpcIdentifier, healthCheck } = stable.config;
    const name = state.canary.name;
    return [
      {
        kind: K.createGroup,
        resource: { type: 'target group', name },
        action: 'create',
        after: `IP targets, config of ${stable.name} (${protocol}:${port}, ${vpcIdentifier})`,
        request: {
          name,
          type: 'IP',
          config: { port, protocol, protocolVersion, ipAddressType, vpcIdentifier, healthCheck },
          tags: { [CREATED_BY_TAG]: 'ecs-mesh-canary', 'ecs-mesh-canary:stable-target-group': stable.name },
        },
        moves: 'none',
        leftBehind: `target group ${name} (aws vpc-lattice delete-target-group --target-group-identifier <its ID>)`,
      },
      ...attach,
    ];
  }

  private attach(state: LatticeState) {
    if (state.foreign) throw new PlanError(state.foreign.why, state.foreign.input);
    return this.setForward(state, { stable: 100, canary: 0 }, 'joins the forward action at 0 to be health-checked');
  }

  planWeights(state: LatticeState, target: Weights, opts: WeightOptions = {}): WeightPlan<LatticeState> {
    return planGroupWeights(this.split, state, target, opts);
  }

  private setForward(state: LatticeState, w: Weights, why?: string): { change: Change; next: LatticeState } {
    const forward = forwardFor(state, w);
    const change: Change = {
      kind: K.setForward,
      resource: { type: state.where.rule ? 'listener rule' : 'listener', name: state.splitName },
      action: 'update',
      before: state.weights ? showWeights(state.weights) : undefined,
      after: why ? `${showWeights(w)} (canary group ${why})` : showWeights(w),
      request: {
        where: state.where,
        forward,
        expected: state.forward,
        weights: w,
        groups: { stable: state.stable.arn, canary: canaryGroup(state) },
      },
      moves: 'traffic',
    };
    return { change, next: { ...state, forward, weights: w } };
  }

  private waitHealthy(group: string | Ref, name: string, tasks: number): Change {
    return {
      kind: K.waitHealthy,
      resource: { type: 'target group', name },
      action: 'wait',
      after: `${tasks} target(s) HEALTHY (at most ${this.opts.waitForMinutes} min)`,
      request: { targetGroup: group, name, minHealthy: tasks, timeoutMinutes: this.opts.waitForMinutes },
      moves: 'none',
    };
  }

  planEntryPoint(): Change[] {
    return [];
  }

  planPreview(
    state: LatticeState,
    preview: Preview | undefined,
    opts: { canaryTasks: number; dark: boolean },
  ): Change[] {
    const rule = state.previewRule;
    const canary = canaryGroup(state);
    const ours =
      rule !== undefined &&
      rule.forward.length > 0 &&
      rule.forward.every(
        (f) => typeof f.group === 'string' && typeof canary === 'string' && sameGroup(f.group, canary),
      );
    const resource = { type: 'listener rule', name: state.previewName };
    if (!preview) {
      if (!rule || !ours) return [];
      const request = {
        where: { ...state.where, rule: rule.id },
        recreate: { name: state.previewName, priority: rule.priority, match: rule.match, forward: rule.forward },
      };
      return [
        {
          kind: K.deleteRule,
          resource,
          action: 'delete',
          before: 'header requests → canary',
          after: 'deleted',
          request,
          moves: 'traffic',
        },
      ];
    }
    if (rule && !ours)
      throw new PlanError(
        `Rule ${state.previewName} exists and forwards elsewhere; delete or rename it`,
        'preview-header',
      );
    const match = {
      httpMatch: { headerMatches: [{ name: preview.header, match: { exact: preview.value }, caseSensitive: true }] },
    };
    const changes: Change[] = [];
    if (!rule || JSON.stringify(rule.match) !== JSON.stringify(match)) {
      if (rule) changes.push(...this.planPreview(state, undefined, opts));
      const priority = this.previewPriority(state, rule?.priority);
      const after = `${preview.header}: ${preview.value} → ${state.canary.name} (priority ${priority})`;
      const request = {
        where: state.where,
        name: state.previewName,
        priority,
        match,
        forward: [{ group: canary, weight: 100 }],
        tags: { [CREATED_BY_TAG]: 'ecs-mesh-canary' },
      };
      changes.push({ kind: K.createRule, resource, action: 'create', after, request, moves: 'traffic' });
    }
    // A group no rule forwards to is never health-checked: for a dark launch the preview rule is what attaches it.
    if (opts.dark && opts.canaryTasks > 0) changes.push(this.waitHealthy(canary, state.canary.name, opts.canaryTasks));
    return changes;
  }

  /** The preview-priority input, else the lowest free priority ahead of the weighted rule (any, for a default action). */
  private previewPriority(state: LatticeState, current?: number): number {
    const limit = (state.weightedPriority ?? 2001) - 1;
    const wanted = this.opts.previewPriority;
    const taken = (p: number) => p !== current && state.priorities.includes(p);
    if (wanted !== undefined) {
      if (wanted > limit || taken(wanted)) {
        throw new PlanError(
          `Priority ${wanted} is taken or not ahead of the weighted rule (${state.weightedPriority})`,
          'preview-priority',
        );
      }
      return wanted;
    }
    for (let p = 1; p <= limit; p++) if (!taken(p)) return p;
    throw new PlanError(
      `No free rule priority ahead of the weighted rule (${state.weightedPriority})`,
      'preview-priority',
    );
  }

  planCleanup(state: LatticeState): { changes: Change[]; kept: string[] } {
    if (!state.canary.arn) return { changes: [], kept: [] };
    if (!state.canaryGroupOurs)
      return { changes: [], kept: [`target group ${state.canary.name} (not created by this action)`] };
    const changes: Change[] = [];
    if (canaryListed(state)) {
      const forward = [{ group: state.stable.arn, weight: 100 }];
      const request = {
        where: state.where,
        forward,
        expected: state.forward,
        weights: { stable: 100, canary: 0 },
        groups: { stable: state.stable.arn, canary: state.canary.arn },
      };
      changes.push({
        kind: K.setForward,
        resource: { type: state.where.rule ? 'listener rule' : 'listener', name: state.splitName },
        action: 'update',
        before: 'canary group listed at 0',
        after: 'stable group only',
        request,
        moves: 'traffic',
      });
    }
    changes.push({
      kind: K.deleteGroup,
      resource: { type: 'target group', name: state.canary.name },
      action: 'delete',
      after: 'deleted (created by this action)',
      request: { targetGroup: state.canary.arn },
      moves: 'none',
    });
    return { changes, kept: [] };
  }
}
