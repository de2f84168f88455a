// Pure ECS-native planning. Deploy: UpdateService with the new revision and a LINEAR deploymentConfiguration (the
// service's own members kept, a PAUSE hook before every production step), wait until ECS pauses with the new
// revision's tasks all running, then one ContinueServiceDeployment per step up to the weight. Shift: more steps of
// the same deployment (never fewer: ECS cannot lower a weight inside a deployment). Promote: continue every pause until
// SUCCESSFUL. Rollback: ROLLBACK through the awaiting hook, else StopServiceDeployment. After promote and rollback the
// service's deploymentConfiguration loses this action's PAUSE hook (the LINEAR strategy stays). A deployment whose new
// revision this action did not register (no REGISTERED_BY tag), or not with the requested image, is refused before
// any write.
import type { DeploymentConfiguration, Service } from '@aws-sdk/client-ecs';
import { PlanError } from '../../errors.js';
import { type Change, isRef, type Preview, ref, type Ref, type Weights } from '../../model.js';
import { type Base, shortTaskDefinition } from '../../plan/taskDefinition.js';
import { showWeights, weightsFor } from '../../plan/weights.js';
import { withoutEnvoy } from '../sidecars.js';
import type { Release, RenderedWorkload, RevisionPlanner, RevisionWeightOptions, WeightPlan } from '../provider.js';
import {
  DEPLOYMENT_ARN,
  type DeploymentView,
  type EcsNativeState,
  isOurHook,
  NATIVE_KINDS as K,
  PAUSE_STAGE,
  REGISTERED_BY,
} from './state.js';

export interface EcsNativePlannerOptions {
  cluster: string;
  service: string;
  pauseTimeoutMinutes: number;
  /** The linear step a deploy configures. */
  stepPercent: number;
  waitForMinutes: number;
  preview?: Preview;
}

/** Why a continued step is never undone. */
export const STANDS =
  'ECS cannot lower the weight inside a deployment: it stays paused at the weight reached, and a rerun goes on from there (rollback ends it)';

const DEPLOYMENT = 'ECS service deployment';

/** The weights a deployment at `from` passes through to reach `to` with `step`: each multiple of it, and 100. */
export function stepsBetween(from: number, to: number, step: number): number[] {
  const weights: number[] = [];
  for (let w = from; w < to; ) {
    w = Math.min(100, w + step);
    weights.push(w);
  }
  return weights;
}

/** Whether a deployment that shifts `step` at a time from 0 ever rests at weight `w`. */
export const reachable = (w: number, step: number) => w === 100 || w % step === 0;

export class EcsNativePlanner implements RevisionPlanner<EcsNativeState> {
  constructor(private readonly opts: EcsNativePlannerOptions) {}

  /** The base without App Mesh's Envoy (Service Connect brings its own proxy), tagged as this action's revision. */
  renderWorkload(base: Base): RenderedWorkload {
    const { definition: def, warnings } = withoutEnvoy(base.definition, 'for Service Connect');
    const tags = (def.tags ?? []).filter((t) => t.key !== REGISTERED_BY.key);
    def.tags = [...tags, { ...REGISTERED_BY }];
    return { definition: def, warnings };
  }

  planRelease(state: EcsNativeState, release: Release): Change[] {
    const service = release.service;
    this.requireShiftable(state, service);
    const d = state.deployment;
    const td = release.taskDefinition;
    if (d) return this.planRerun(state, d, td, release.target);
    if (typeof td === 'string') {
      if (td === service.taskDefinition)
        throw new PlanError(
          `ECS service ${this.opts.service} already runs ${shortTaskDefinition(td)}, the revision this deploy would start: there is nothing to deploy (a promoted canary, or the image the service runs)`,
          'image',
        );
      if (state.latestOurs?.arn === td && !state.latestOurs.ours)
        throw new PlanError(
          `Revision ${shortTaskDefinition(td)} is the one this deploy would run, but this action did not register it (it has no ${REGISTERED_BY.key} tag), so later runs could not tell this deployment from someone else's. Deploy another image, or register a new revision of it`,
          'image',
        );
    }
    const arn = ref(DEPLOYMENT_ARN);
    const start = this.start(service, td, release.alarms);
    const tasks = service.desiredCount ?? 0;
    return [
      start,
      this.waitPaused(arn, td, 0, tasks),
      ...this.continues(arn, td, 0, release.target.canary, this.opts.stepPercent),
    ];
  }

  /** Deploy again while a deployment is under way: only this action's, of this very revision, is taken further. */
  private planRerun(state: EcsNativeState, d: DeploymentView, td: string | Ref, target: Weights): Change[] {
    this.requireOurs(d, 'continue or replace');
    if (isRef(td) || d.target.taskDefinition !== td) {
      throw new PlanError(
        `ECS service ${this.opts.service} has this action's deployment ${d.arn} of ${shortTaskDefinition(d.target.taskDefinition)} under way (${d.target.weight} %, ${d.status}), not of the revision this deploy runs: promote it or roll it back before deploying another image. Nothing was written`,
        'image',
      );
    }
    this.requireInProgress(d);
    return this.stepTo(state, d, target.canary, 'canary-weight');
  }

  planWeights(state: EcsNativeState, target: Weights, opts: RevisionWeightOptions = {}): WeightPlan<EcsNativeState> {
    const d = state.deployment;
    const next = { ...state, weights: target };
    if (target.canary === 0) return { changes: this.planRollback(state), next };
    if (!d)
      throw new PlanError(
        `ECS service ${this.opts.service} has no deployment under way to shift: deploy first (a deployment that ended, promoted or rolled back, cannot be shifted)`,
        'stable-service',
      );
    this.requireOurs(d, 'shift');
    if (opts.revision && d.target.taskDefinition !== opts.revision)
      throw new PlanError(
        `The deployment under way on ECS service ${this.opts.service} runs ${shortTaskDefinition(d.target.taskDefinition)}, not ${shortTaskDefinition(opts.revision)} that this walk deployed and baked: the walk stops here with the weights as they are`,
        'stable-service',
      );
    this.requireInProgress(d);
    return { changes: this.stepTo(state, d, target.canary, 'canary-weight'), next };
  }

  planPromote(state: EcsNativeState): Change[] {
    const d = state.deployment;
    if (!d) {
      if (!state.runsOurs)
        throw new PlanError(
          `ECS service ${this.opts.service} has no deployment of this action under way to promote, and the revision it runs (${shortTaskDefinition(state.service?.taskDefinition)}) is not one this action registered: deploy first`,
          'stable-service',
        );
      // Promoted already: what is left is this action's PAUSE hook, if removing it failed then.
      return this.removeHook(state);
    }
    this.requireOurs(d, 'promote');
    this.requireInProgress(d);
    const bake = d.config?.bakeTimeInMinutes ?? 0;
    const finish: Change = {
      kind: K.finish,
      resource: { type: DEPLOYMENT, name: this.opts.service },
      action: 'continue',
      before: `new revision ${shortTaskDefinition(d.target.taskDefinition)} at ${d.target.weight} %`,
      after: 'every step continued: the new revision takes all traffic, deployment SUCCESSFUL',
      request: {
        deploymentArn: d.arn,
        taskDefinition: d.target.taskDefinition,
        from: d.target.weight,
        timeoutMinutes: this.opts.waitForMinutes + bake,
      },
      moves: 'traffic',
    };
    return [finish, ...this.removeHook(state, true)];
  }

  /** Rollback: ROLLBACK through the awaiting hook (or StopServiceDeployment), then the PAUSE hook removed. */
  private planRollback(state: EcsNativeState): Change[] {
    const d = state.deployment;
    if (!d) return this.removeHook(state);
    this.requireOurs(d, 'roll back');
    if (d.status === 'STOP_REQUESTED')
      throw new PlanError(
        `Service deployment ${d.arn} is being stopped (${d.statusReason ?? 'no reason given'})`,
        'stable-service',
      );
    const how = d.status.startsWith('ROLLBACK')
      ? 'ECS is rolling it back already: wait for ROLLBACK_SUCCESSFUL'
      : d.pause
        ? 'ContinueServiceDeployment ROLLBACK on the awaiting hook'
        : 'StopServiceDeployment ROLLBACK';
    const rollback: Change = {
      kind: K.rollback,
      resource: { type: DEPLOYMENT, name: this.opts.service },
      action: 'update',
      before: `new revision ${shortTaskDefinition(d.target.taskDefinition)} at ${d.target.weight} %`,
      after: `rolled back (${how}): all traffic on the revision from before, ROLLBACK_SUCCESSFUL`,
      request: { deploymentArn: d.arn, timeoutMinutes: this.opts.waitForMinutes },
      moves: 'traffic',
    };
    return [rollback, ...this.removeHook(state, true)];
  }

  /** Continues from the current weight up to `to`, after waiting for the pause if the deployment is not paused. */
  private stepTo(state: EcsNativeState, d: DeploymentView, to: number, input: string): Change[] {
    const from = d.target.weight;
    const step = this.stepOf(d);
    if (to < from)
      throw new PlanError(
        `The deployment on ECS service ${this.opts.service} is at ${from} %; ECS cannot lower the weight inside a deployment, so ${to} % is refused (nothing was written). Roll back to end it`,
        input,
      );
    if (!reachable(to, step))
      throw new PlanError(
        `The deployment on ECS service ${this.opts.service} shifts ${step} % a step (${stepsBetween(0, 100, step).join(', ')} %): it never rests at ${to} %. Use one of those weights`,
        input,
      );
    if (to === from && d.pause) return [];
    const td = d.target.taskDefinition!;
    const tasks = state.service?.desiredCount ?? d.target.requested;
    return [this.waitPaused(d.arn, td, from, tasks), ...this.continues(d.arn, td, from, to, step)];
  }

  private stepOf(d: DeploymentView): number {
    const step = d.config?.strategy === 'LINEAR' ? d.config.linearConfiguration?.stepPercent : undefined;
    if (!step)
      throw new PlanError(
        `Service deployment ${d.arn} is not a LINEAR deployment (strategy ${d.config?.strategy ?? 'unknown'}): this action steps only the LINEAR deployments it starts`,
        'stable-service',
      );
    return step;
  }

  private continues(arn: string | Ref, td: string | Ref, from: number, to: number, step: number): Change[] {
    const weights = stepsBetween(from, to, step);
    return weights.map((w, i) => {
      const before = i === 0 ? from : weights[i - 1];
      return {
        kind: K.continue,
        resource: { type: DEPLOYMENT, name: this.opts.service },
        action: 'continue' as const,
        before: showWeights(weightsFor(before)),
        after: showWeights(weightsFor(w)),
        request: {
          deploymentArn: arn,
          taskDefinition: td,
          from: before,
          to: w,
          timeoutMinutes: this.opts.waitForMinutes,
        },
        moves: 'traffic' as const,
        stands: STANDS,
      };
    });
  }

  private waitPaused(arn: string | Ref, td: string | Ref, weight: number, tasks: number): Change {
    return {
      kind: K.waitPaused,
      resource: { type: DEPLOYMENT, name: this.opts.service },
      action: 'wait',
      after: `the new revision's ${tasks} task(s) running, paused at ${weight} % before the next step (at most ${this.opts.waitForMinutes} min)`,
      request: { deploymentArn: arn, taskDefinition: td, weight, timeoutMinutes: this.opts.waitForMinutes },
      moves: 'none',
    };
  }

  private start(service: Service, td: string | Ref, alarms: readonly string[]): Change {
    const configuration = this.configuration(service, alarms);
    const runs = isRef(td) ? 'the new revision' : shortTaskDefinition(td);
    const connect = this.opts.preview ? withTestTraffic(service, this.opts.preview) : undefined;
    const stop = `aws ecs stop-service-deployment --stop-type ROLLBACK --service-deployment-arn <its ARN>`;
    return {
      kind: K.start,
      resource: { type: 'ECS service', name: this.opts.service },
      action: 'update',
      before: `${shortTaskDefinition(service.taskDefinition)}, ${service.deploymentConfiguration?.strategy ?? 'ROLLING'}`,
      after: `LINEAR deployment of ${runs}, ${configuration.linearConfiguration?.stepPercent} % a step, paused before each (${this.opts.pauseTimeoutMinutes} min, then ECS rolls back)${this.opts.preview ? `; test traffic with ${this.opts.preview.header}: ${this.opts.preview.value}` : ''}`,
      request: {
        cluster: this.opts.cluster,
        service: this.opts.service,
        taskDefinition: td,
        deploymentConfiguration: configuration,
        ...(connect && { serviceConnectConfiguration: connect }),
        ifTaskDefinition: service.taskDefinition,
      },
      moves: 'capacity',
      leftBehind: `ECS service ${this.opts.service} deploys ${runs} with ECS's LINEAR strategy, paused (roll back with operation: rollback, or ${stop})`,
    };
  }

  /** The service's deploymentConfiguration with the LINEAR strategy, this action's PAUSE hook and the alarms. */
  configuration(service: Service, alarms: readonly string[]): DeploymentConfiguration {
    const { canaryConfiguration: _canary, ...current } = service.deploymentConfiguration ?? {};
    const hooks = (current.lifecycleHooks ?? []).filter((h) => !isOurHook(h));
    return {
      ...current,
      strategy: 'LINEAR',
      linearConfiguration: { stepPercent: this.opts.stepPercent, stepBakeTimeInMinutes: 0 },
      lifecycleHooks: [
        ...hooks,
        {
          targetType: 'PAUSE',
          lifecycleStages: [PAUSE_STAGE],
          timeoutConfiguration: { timeoutInMinutes: this.opts.pauseTimeoutMinutes, action: 'ROLLBACK' },
        },
      ],
      ...(alarms.length > 0 && { alarms: { alarmNames: [...alarms], enable: true, rollback: true } }),
    };
  }

  /** After the deployment ends: the service's deploymentConfiguration without this action's PAUSE hook. */
  private removeHook(state: EcsNativeState, afterEnd = false): Change[] {
    if (!state.pauseHookLeft && !afterEnd) return [];
    return [
      {
        kind: K.removeHook,
        resource: { type: 'ECS service', name: this.opts.service },
        action: 'update',
        before: `deploymentConfiguration with this action's PAUSE hook at ${PAUSE_STAGE}`,
        after: 'the same without it (strategy LINEAR kept): a later deployment by another tool is not paused',
        request: { cluster: this.opts.cluster, service: this.opts.service },
        moves: 'none',
      },
    ];
  }

  /** The traffic layer ECS shifts through, and nothing of the service that would keep this action's pauses from working. */
  private requireShiftable(state: EcsNativeState, service: Service): void {
    const name = this.opts.service;
    const controller = service.deploymentController?.type ?? 'ECS';
    if (controller !== 'ECS')
      throw new PlanError(
        `ECS service ${name} is deployed by ${controller}, not by ECS: ECS's linear deployments need the ECS deployment controller`,
        'stable-service',
      );
    if (!state.serviceConnect)
      throw new PlanError(
        `ECS service ${name} has no Service Connect endpoint (its deployment has no serviceConnectConfiguration with services): ECS shifts traffic between two revisions only through Service Connect or a load balancer's advancedConfiguration, and traffic-provider: ecs-native supports Service Connect. Give the service a Service Connect client-server configuration first`,
        'stable-service',
      );
    const pauses = (service.deploymentConfiguration?.lifecycleHooks ?? []).filter(
      (h) => h.targetType === 'PAUSE' && !isOurHook(h),
    );
    if (pauses.length > 0)
      throw new PlanError(
        `ECS service ${name} has PAUSE hooks of its own (at ${pauses.flatMap((h) => h.lifecycleStages ?? []).join(', ')}): this action pauses only at ${PAUSE_STAGE} and would wait on them; remove them first`,
        'stable-service',
      );
  }

  private requireOurs(d: DeploymentView, verb: string): void {
    if (d.ours) return;
    throw new PlanError(
      `ECS service ${this.opts.service} has a deployment under way that this action did not start: ${d.arn}, of ${shortTaskDefinition(d.target.taskDefinition)} (${d.status}${d.stage ? ` at ${d.stage}` : ''}, ${d.target.weight} %), a revision without the ${REGISTERED_BY.key} tag. Refusing to ${verb} someone else's deployment; nothing was written`,
      'stable-service',
    );
  }

  private requireInProgress(d: DeploymentView): void {
    if (d.status === 'IN_PROGRESS' || d.status === 'PENDING') return;
    const why = d.rollbackReason ?? d.statusReason ?? 'no reason given';
    throw new PlanError(
      `Service deployment ${d.arn} is ${d.status} (${why}); it can no longer be shifted or promoted`,
      'stable-service',
    );
  }
}

/** The service's Service Connect configuration with the preview header as every client alias's test traffic rule. */
export function withTestTraffic(service: Service, preview: Preview) {
  const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
  const sc = structuredClone(primary?.serviceConnectConfiguration);
  if (!sc) return undefined;
  for (const s of sc.services ?? [])
    s.clientAliases = (s.clientAliases ?? []).map((a) => ({
      ...a,
      testTrafficRules: { header: { name: preview.header, value: { exact: preview.value } } },
    }));
  return sc;
}
