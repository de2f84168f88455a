// Pure ALB planning: the workload without Envoy, the canary service registered in the canary target group (its
// loadBalancers entry), the canary group created (the stable group's settings and attributes) when missing, and the
// forward action's two weighted groups. ECS refuses a service on a group no listener uses, and ALB health-checks only
// groups a listener forwards to: so the canary group joins the forward at weight 0 as part of the endpoint, before the
// canary service exists, and weight follows only once its targets are healthy.
import type { Action, RuleCondition } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Service } from '@aws-sdk/client-ecs';
import { PlanError } from '../../errors.js';
import { type Change, type Preview, type Ref, ref, type Weights } from '../../model.js';
import type { Base } from '../../plan/taskDefinition.js';
import { showWeights } from '../../plan/weights.js';
import type { RenderedWorkload, TrafficPlanner, WeightOptions, WeightPlan } from '../provider.js';
import { type GroupSplitPlanning, planGroupWeights } from '../groupSplit.js';
import { withoutEnvoy } from '../sidecars.js';
import { sameActions, sameConditions } from './forward.js';
import { MAX_PRIORITY } from './settings.js';
import { ALB_KINDS as K, type AlbState, CANARY_GROUP, CREATED_BY_TAG, type Forward, PREVIEW_TAG } from './state.js';

export interface AlbPlannerOptions {
  waitForMinutes: number;
  previewPriority?: number;
}

/** The canary group as requests name it: its ARN, or the ref to the one this run creates. */
export const canaryGroup = (state: AlbState): string | Ref => state.canary.arn ?? ref(CANARY_GROUP);

export function forwardFor(state: AlbState, w: Weights): Forward[] {
  return [
    { group: state.stable.arn, weight: w.stable },
    { group: canaryGroup(state), weight: w.canary },
  ];
}

export function canaryListed(state: AlbState): boolean {
  return state.canary.arn !== undefined && state.forward.some((f) => f.group === state.canary.arn);
}

const splitResource = (state: AlbState) => ({
  type: state.where.rule ? 'listener rule' : 'listener',
  name: state.splitName,
});

export class AlbPlanner implements TrafficPlanner<AlbState> {
  /** ECS creates an ALB service only on a group a listener uses: planEndpoint always attaches the canary group. */
  private readonly split: GroupSplitPlanning<AlbState> = {
    listed: canaryListed,
    canaryGroup,
    attach: (state) => this.attach(state),
    setForward: (state, w) => this.setForward(state, w),
    waitHealthy: (group, name, tasks) => this.waitHealthy(group, name, tasks),
    attachedByEndpoint: () => true,
  };

  constructor(private readonly opts: AlbPlannerOptions) {}

  renderWorkload(base: Base): RenderedWorkload {
    return withoutEnvoy(base.definition, 'behind the load balancer');
  }

  registration(_stable: Service, state: AlbState) {
    const { containerName, containerPort, healthCheckGracePeriodSeconds } = state.registration;
    // The canary group's ARN is only known at apply time when this run creates it: a Ref apply resolves.
    const targetGroupArn = canaryGroup(state) as unknown as string;
    return {
      loadBalancers: [{ targetGroupArn, containerName, containerPort }],
      ...(healthCheckGracePeriodSeconds !== undefined ? { healthCheckGracePeriodSeconds } : {}),
    };
  }

  /** The canary group created (with the stable group's attributes) when missing, then added to the forward at 0. */
  planEndpoint(state: AlbState): Change[] {
    const changes: Change[] = [];
    const { stable } = state;
    const name = state.canary.name;
    if (!state.canary.arn) {
      const c = stable.config;
      changes.push({
        kind: K.createGroup,
        resource: { type: 'target group', name },
        action: 'create',
        after: `IP targets, settings of ${stable.name} (${c.Protocol}:${c.Port}, ${c.VpcId}, health check ${c.HealthCheckPath ?? c.HealthCheckProtocol})`,
        request: {
          Name: name,
          TargetType: 'ip',
          ...c,
          Tags: [
            { Key: CREATED_BY_TAG, Value: 'ecs-mesh-canary' },
            { Key: 'ecs-mesh-canary:stable-target-group', Value: stable.name },
          ],
        },
        moves: 'none',
        leftBehind: `target group ${name} (aws elbv2 delete-target-group --target-group-arn <its ARN>)`,
      });
    }
    const attributes = state.canary.arn ? state.canaryAttributesDiffer : stable.attributes;
    if (attributes && Object.keys(attributes).length) {
      changes.push({
        kind: K.setAttributes,
        resource: { type: 'target group', name },
        action: 'update',
        after: state.canary.arn
          ? `${Object.keys(attributes).join(', ')} as on ${stable.name}`
          : `deregistration delay, slow start and stickiness as on ${stable.name}`,
        request: { targetGroup: canaryGroup(state), name, attributes },
        moves: 'none',
      });
    }
    if (!canaryListed(state)) changes.push(this.attach(state).change);
    return changes;
  }

  /** The canary group joins the forward at weight 0 (stable keeps all traffic). */
  private attach(state: AlbState) {
    if (state.foreign) throw new PlanError(state.foreign.why, state.foreign.input);
    return this.setForward(
      state,
      { stable: 100, canary: 0 },
      'canary group joins the forward at 0: ECS registers tasks only in a group a listener uses, and only those are health-checked',
    );
  }

  planWeights(state: AlbState, target: Weights, opts: WeightOptions = {}): WeightPlan<AlbState> {
    return planGroupWeights(this.split, state, target, opts);
  }

  private setForward(state: AlbState, w: Weights, why?: string, forward = forwardFor(state, w)) {
    const change: Change = {
      kind: K.setForward,
      resource: splitResource(state),
      action: 'update',
      before: state.weights ? showWeights(state.weights) : undefined,
      after: why ? `${showWeights(w)} (${why})` : showWeights(w),
      request: {
        where: state.where,
        actions: state.actions,
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
      after: `${tasks} target(s) healthy (at most ${this.opts.waitForMinutes} min)`,
      request: { targetGroup: group, name, minHealthy: tasks, timeoutMinutes: this.opts.waitForMinutes },
      moves: 'none',
    };
  }

  planEntryPoint(): Change[] {
    return [];
  }

  planPreview(state: AlbState, preview: Preview | undefined, opts: { canaryTasks: number; dark: boolean }): Change[] {
    const rule = state.previewRule;
    const canary = canaryGroup(state);
    const ours = rule !== undefined && rule.forward.length === 1 && rule.forward[0].group === state.canary.arn;
    const resource = { type: 'listener rule', name: state.previewName };
    if (!preview) {
      if (!rule || !ours) return [];
      const recreate = {
        listener: state.where.listener,
        priority: rule.priority,
        conditions: rule.conditions,
        actions: rule.actions,
        tags: this.previewTags(state),
      };
      return [
        {
          kind: K.deleteRule,
          resource,
          action: 'delete',
          before: `header requests → ${state.canary.name} (priority ${rule.priority})`,
          after: 'deleted',
          request: { rule: rule.arn, recreate },
          moves: 'traffic',
        },
      ];
    }
    const auth = state.actions.filter((a) => a.Type?.startsWith('authenticate-'));
    if (auth.some((a) => a.Type === 'authenticate-oidc')) {
      throw new PlanError(
        `The ${state.where.rule ? 'listener rule' : 'listener'} ${state.splitName} authenticates with authenticate-oidc, whose client secret AWS never returns, so a preview rule cannot carry the same authentication; this action does not create a preview that would bypass it. Create the preview rule yourself, or run without preview-header`,
        'preview-header',
      );
    }
    const forwardOrder = state.actions.find((a) => a.Type === 'forward')?.Order ?? auth.length + 1;
    const actions: Action[] = [
      ...auth,
      {
        Type: 'forward',
        Order: forwardOrder,
        ForwardConfig: { TargetGroups: [{ TargetGroupArn: canary as string, Weight: 1 }] },
      },
    ];
    const header: RuleCondition = {
      Field: 'http-header',
      HttpHeaderConfig: { HttpHeaderName: preview.header, Values: [preview.value] },
    };
    const conditions = [...state.conditions, header];
    const changes: Change[] = [];
    const same =
      rule && ours && sameConditions(rule.conditions, conditions) && sameActions(rule.actions, actions as Action[]);
    if (!same) {
      if (rule && ours) changes.push(...this.planPreview(state, undefined, opts));
      const priority = this.previewPriority(state, rule && ours ? rule.priority : undefined);
      const after = `${preview.header}: ${preview.value} → ${state.canary.name} (priority ${priority}${auth.length ? `, after ${auth.map((a) => a.Type).join(', ')}` : ''})`;
      const request = {
        listener: state.where.listener,
        priority,
        conditions,
        actions,
        tags: this.previewTags(state),
        name: state.previewName,
      };
      changes.push({ kind: K.createRule, resource, action: 'create', after, request, moves: 'traffic' });
    }
    if (opts.dark && opts.canaryTasks > 0) changes.push(this.waitHealthy(canary, state.canary.name, opts.canaryTasks));
    return changes;
  }

  private previewTags(state: AlbState): Record<string, string> {
    return { [CREATED_BY_TAG]: 'ecs-mesh-canary', [PREVIEW_TAG]: state.previewName };
  }

  /** The preview-priority input, else the lowest free priority ahead of the weighted rule (any, for a default action). */
  private previewPriority(state: AlbState, current?: number): number {
    const limit = (state.weightedPriority ?? MAX_PRIORITY + 1) - 1;
    const wanted = this.opts.previewPriority;
    const taken = (p: number) => p !== current && state.priorities.includes(p);
    if (wanted !== undefined) {
      if (taken(wanted)) throw new PlanError(`Priority ${wanted} is taken by another rule`, 'preview-priority');
      if (wanted > limit) {
        throw new PlanError(
          `Priority ${wanted} is not ahead of the weighted rule (priority ${state.weightedPriority}): the preview rule must come first`,
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

  planCleanup(state: AlbState): { changes: Change[]; kept: string[] } {
    if (!state.canary.arn) return { changes: [], kept: [] };
    const name = state.canary.name;
    if (!state.canaryGroupOurs) return { changes: [], kept: [`target group ${name} (not created by this action)`] };
    if (state.canaryElsewhere?.length) {
      return {
        changes: [],
        kept: [`target group ${name} (still forwarded to by ${state.canaryElsewhere.join(', ')})`],
      };
    }
    const changes: Change[] = [];
    if (canaryListed(state)) {
      const forward = [{ group: state.stable.arn, weight: 100 }];
      const { change } = this.setForward(state, { stable: 100, canary: 0 }, undefined, forward);
      changes.push({ ...change, before: 'canary group listed at 0', after: 'stable group only' });
    }
    changes.push({
      kind: K.deleteGroup,
      resource: { type: 'target group', name },
      action: 'delete',
      after: 'deleted (created by this action)',
      request: { targetGroup: state.canary.arn },
      moves: 'none',
    });
    return { changes, kept: [] };
  }
}
