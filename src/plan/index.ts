// Turns (Settings, the Step, State, the provider's planner) into an ordered Plan of plain data. Order matters: the canary
// endpoint before the tasks that register with it, no canary weight before its rollout completed, the entry point
// last. Pure: no AWS client, no I/O.
import type { Service } from '@aws-sdk/client-ecs';
import { PlanError } from '../errors.js';
import type { Settings } from '../inputs.js';
import type { DeployState, PromoteState, ShiftState, State } from '../state.js';
import type { RevisionPlanner, TrafficPlanner, TrafficState } from '../traffic/provider.js';
import { isRevisionState, planOneService } from './oneService.js';
import { standing } from './standing.js';
import { checkBeforeTraffic, planRollout, primaryDeployment, rolloutComplete, scaleToZero } from './ecs.js';
import { alarmsUpdate, CREATED_TAG, canaryServiceInput } from './service.js';
import { familyOf, renderBase, sameTaskDefinition, shortTaskDefinition } from './taskDefinition.js';
import { ECS_KINDS, type Plan } from './types.js';
import { type Change, type Operation, REFS, type ServiceSnapshot, type Step } from '../model.js';
import { sameWeights, weightsFor } from './weights.js';

/** What planning needs of a provider: its name, its shape and its pure planner. */
export type Planning<S extends TrafficState> =
  | { name: string; shape?: 'two-services'; planner: TrafficPlanner<S> }
  | { name: string; shape: 'one-service'; planner: RevisionPlanner<S> };

function snapshot(service: Service | undefined, name: string, role: ServiceSnapshot['role']): ServiceSnapshot {
  return {
    name,
    role,
    taskDefinition: service?.taskDefinition,
    running: service?.runningCount ?? 0,
    desired: service?.desiredCount ?? 0,
  };
}

function basePlan<S extends TrafficState>(settings: Settings, step: Step, state: State<S>, provider: string): Plan {
  return {
    operation: state.operation,
    provider,
    changes: [],
    weights: { before: state.traffic.inEffect ?? state.traffic.weights, after: weightsFor(step.canaryWeight) },
    warnings: [],
    known: { canaryEndpointArn: state.traffic.canaryEndpointArn, routeArn: state.traffic.routeId },
    services: snapshots(settings, state),
  };
}

/** The services as read: stable (when read), and the canary service when the shape has one. */
function snapshots<S>(settings: Settings, state: State<S>): ServiceSnapshot[] {
  if (isRevisionState(state)) return [snapshot(state.service, settings.stable.service, 'stable')];
  const stable = 'stableService' in state ? [snapshot(state.stableService, settings.stable.service, 'stable')] : [];
  if (!settings.canary.service) return stable;
  return [...stable, snapshot(state.canaryService, settings.canary.service, 'canary')];
}

/** The plan of one step; the state must have been read for the step's operation. */
export function buildPlan<S extends TrafficState>(
  settings: Settings,
  step: Step,
  state: State<S>,
  provider: Planning<S>,
): Plan {
  if (state.operation !== step.operation) {
    throw new Error(`The state was read for ${state.operation}, not for the step's ${step.operation}`);
  }
  if (state.operation === 'deploy' && settings.progressive) return planStepsDeploy(settings, step, state, provider);
  return planStep(settings, step, state, provider);
}

/** The shape decides which ECS changes are planned: a canary service beside stable, or a new revision of stable. */
function planStep<S extends TrafficState>(settings: Settings, step: Step, state: State<S>, provider: Planning<S>) {
  const plan = basePlan(settings, step, state, provider.name);
  if (provider.shape === 'one-service') {
    if (state.operation !== 'deploy' && !isRevisionState(state)) throw new Error('A one-service plan needs its state');
    return planOneService(settings, step, state, provider.planner, plan);
  }
  if (isRevisionState(state)) throw new Error('A two-services plan cannot use a one-service state');
  switch (state.operation) {
    case 'deploy':
      return planDeploy(settings, step, state, provider.planner, plan);
    case 'promote':
      return planPromote(settings, step, state, provider.planner, plan);
    case 'shift':
      return planShift(settings, step, state, provider.planner, plan);
    case 'rollback':
      return planRollback(settings, state, provider.planner, plan);
    case 'advance':
      throw new Error('advance is decided step by step (plan/steps.ts), then planned as a shift, promote or rollback');
  }
}

/** The plan of a run that changes nothing (an advance that waits or holds): the weights stay as they are. */
export function unchangedPlan(operation: Operation, provider: string, traffic: TrafficState): Plan {
  const weights = traffic.inEffect ?? traffic.weights ?? { stable: 100, canary: 0 };
  return {
    operation,
    provider,
    changes: [],
    weights: { before: weights, after: weights },
    warnings: [],
    known: { routeArn: traffic.routeId, canaryEndpointArn: traffic.canaryEndpointArn },
    services: [],
  };
}

/** Whether changes alter an ECS service (a new version or count), rather than only wait for or check it. */
export function changesService(changes: Change[]): boolean {
  return changes.some((c) => c.resource.type === 'ECS service' && c.action !== 'wait' && c.action !== 'check');
}

/**
 * A deploy with steps starts at the first step, unless the canary already runs this version at a later step (a
 * rerun after a cancelled or failed walk): then it stays there, and the walk goes on from that step.
 */
function planStepsDeploy<S extends TrafficState>(
  settings: Settings,
  step: Step,
  state: DeployState<S>,
  provider: Planning<S>,
): Plan {
  const first = planStep(settings, step, state, provider);
  const current = state.traffic.weights?.canary ?? 0;
  const steps = settings.progressive!.steps;
  const at = [...steps].reverse().find((s) => s <= current);
  const sameVersion = !changesService(first.changes);
  if (!sameVersion || at === undefined || at === step.canaryWeight) return first;
  return planStep(settings, { ...step, canaryWeight: at }, state, provider);
}

const DRAINED_WHY =
  'the canary service started a new rollout, so its weight stays at 0; shift it back once it is healthy';

function planDeploy<S extends TrafficState>(
  settings: Settings,
  step: Step,
  state: DeployState<S>,
  p: TrafficPlanner<S>,
  plan: Plan,
): Plan {
  const { stableService, traffic } = state;
  const canary = settings.canary.service;
  const rendered = renderCanary(settings, state, p, plan);
  const facts = {
    cluster: settings.cluster,
    stableService,
    canaryFamily: state.canaryFamily,
    desiredCount: settings.desiredCount,
    dark: isDarkLaunch(settings, step, traffic),
  };
  const endpoint = p.planEndpoint(traffic, facts);
  const reuse =
    state.latestCanary && sameTaskDefinition(rendered.definition, state.latestCanary) ? state.latestCanary : undefined;
  // Decided now, so that a stable service that cannot be cloned stops the run before any write.
  const create = state.canaryService
    ? undefined
    : canaryServiceInput(stableService, {
        cluster: settings.cluster,
        serviceName: canary,
        desiredCount: settings.desiredCount,
        registration: p.registration(stableService, traffic),
        alarms: settings.alarms,
      });
  const rollout = planRollout({
    cluster: settings.cluster,
    serviceName: canary,
    definition: reuse ? undefined : rendered.definition,
    reusedArn: reuse?.taskDefinitionArn,
    service: state.canaryService,
    create,
    deploymentConfiguration: state.canaryService && alarmsUpdate(state.canaryService, settings.alarms),
    desiredCount: settings.desiredCount,
    wait: settings.waitForServiceStability,
    waitForMinutes: settings.waitForMinutes,
    clonedFrom: settings.stable.service,
  });
  const { drain, now } = drainFirst(state.traffic, p, canary, rollout.serviceChanges);
  const { dark } = facts;
  // A dark launch leaves an existing split alone; routing that does not exist yet is created for stable only.
  const weights =
    dark && now.weights
      ? { changes: [], next: now }
      : p.planWeights(now, plan.weights.after, { create: true, canaryTasks: settings.desiredCount, dark });
  const preview = settings.preview
    ? p.planPreview(weights.next, settings.preview, { canaryTasks: settings.desiredCount, dark })
    : [];
  const serviceAt = rollout.changes.findIndex((c) => c.resource.type === 'ECS service');
  const [registered, rest] =
    serviceAt < 0 ? [rollout.changes, []] : [rollout.changes.slice(0, serviceAt), rollout.changes.slice(serviceAt)];
  const changes = [
    ...endpoint,
    ...registered,
    ...drain,
    ...rest,
    ...weights.changes,
    ...p.planEntryPoint(weights.next),
    ...preview,
  ];
  plan.changes.push(...checkBeforeTraffic(changes, settings.cluster, canary));
  plan.known.previewRouteArn = settings.preview ? state.traffic.previewRouteArn : undefined;
  plan.warnings.push(...rendered.warnings);
  plan.known.taskDefinitionArn = reuse?.taskDefinitionArn;
  return plan;
}

/** The canary's task definition: the base with the image swapped, then what the provider's workload needs. */
function renderCanary<S extends TrafficState>(
  settings: Settings,
  state: DeployState<S>,
  p: TrafficPlanner<S>,
  plan: Plan,
) {
  const base = renderBase(state.base, {
    family: state.canaryFamily,
    containerName: settings.containerName,
    image: settings.image,
    source: state.baseSource,
  });
  const stableImage = state.base.containerDefinitions?.find((c) => c.name === base.target?.name)?.image;
  if (settings.image && state.baseSource === 'stable-service' && stableImage === settings.image) {
    const why = `the canary is a copy of stable`;
    plan.warnings.push(
      `image ${settings.image} is the image stable service ${settings.stable.service} already runs: ${why}`,
    );
  }
  return p.renderWorkload(base, 'canary', state.traffic);
}

/**
 * A canary that has weight gives it up before its service changes: no request reaches the new revision before its
 * rollout completed. Once the service started changing, a failure keeps the weight at 0 instead of restoring it.
 */
function drainFirst<S extends TrafficState>(traffic: S, p: TrafficPlanner<S>, canary: string, serviceChanges: boolean) {
  if ((traffic.weights?.canary ?? 0) === 0 || !serviceChanges) return { drain: [] as Change[], now: traffic };
  const drained = p.planWeights(traffic, weightsFor(0));
  const keepOnceProduced = { ref: REFS.deployment(canary), why: DRAINED_WHY };
  const drain = drained.changes.map((c) => ({
    ...c,
    after: `${c.after} while the canary rolls out`,
    keepOnceProduced,
  }));
  return { drain, now: drained.next };
}

/**
 * A preview header with weight 0 for a canary that has none is a dark launch: only header traffic reaches it, and
 * the weighted split is not touched (the canary is not added to it).
 */
function isDarkLaunch(settings: Settings, step: Step, traffic: TrafficState): boolean {
  return settings.preview !== undefined && step.canaryWeight === 0 && (traffic.weights?.canary ?? 0) === 0;
}

/** Never remove capacity from a canary that another route or rule still sends traffic to. */
function requireUnrouted(settings: Settings, traffic: TrafficState): void {
  const routed = (traffic.otherRoutes ?? []).filter((r) => r.canaryWeight > 0);
  if (routed.length === 0) return;
  const which = routed.map((r) => `${r.name} (${r.canaryWeight} %)`).join(', ');
  throw new PlanError(
    `Refusing to scale canary service ${settings.canary.service} to 0: ${which} still send${routed.length === 1 ? 's' : ''} it traffic. Move that traffic off the canary first`,
    traffic.routeInput,
  );
}

/** Traffic moves only to a canary whose current rollout completed with every desired task running. */
function requireHealthyCanary(settings: Settings, service: Service | undefined, why: string): void {
  const deployment = primaryDeployment(service);
  if (service && deployment && rolloutComplete(service) && (deployment.runningCount ?? 0) > 0) return;
  const detail = !service
    ? 'it does not exist'
    : `its current deployment is ${deployment?.rolloutState ?? 'unknown'} with ${deployment?.runningCount ?? 0}/${deployment?.desiredCount ?? 0} tasks running`;
  throw new PlanError(
    `Refusing to ${why}: canary service ${settings.canary.service} is not serving (${detail})`,
    'canary-service',
  );
}

/** A walk's later steps (and its promote) give weight only to the revision its deploy rolled out and baked. */
function requireWalkRevision(settings: Settings, step: Step, service: Service | undefined): void {
  const walked = step.revision;
  if (!walked || service?.taskDefinition === walked) return;
  throw new PlanError(
    `Canary service ${settings.canary.service} now runs ${shortTaskDefinition(service?.taskDefinition)}, not ${shortTaskDefinition(walked)} that this walk deployed and baked: another deploy replaced it, so the walk stops here with the weights as they are`,
    'canary-service',
  );
}

function planShift<S extends TrafficState>(
  settings: Settings,
  step: Step,
  state: ShiftState<S>,
  p: TrafficPlanner<S>,
  plan: Plan,
): Plan {
  const target = plan.weights.after;
  if (target.canary > 0) {
    requireHealthyCanary(settings, state.canaryService, `send ${target.canary}% of traffic to the canary`);
    requireWalkRevision(settings, step, state.canaryService);
  }
  plan.changes.push(
    ...p.planWeights(state.traffic, target, { canaryTasks: state.canaryService?.desiredCount }).changes,
  );
  plan.known.taskDefinitionArn = state.canaryService?.taskDefinition;
  return plan;
}

function planRollback<S extends TrafficState>(
  settings: Settings,
  state: ShiftState<S>,
  p: TrafficPlanner<S>,
  plan: Plan,
): Plan {
  const routed = state.traffic.weights !== undefined;
  const canaryTasks = state.canaryService?.desiredCount ?? 0;
  if (!routed && canaryTasks > 0) {
    throw new PlanError(
      `Refusing to scale canary service ${settings.canary.service} (${canaryTasks} task(s)) to 0: the route or rule that splits its traffic was not found, so it may still receive traffic. Check the route input`,
      state.traffic.routeInput,
    );
  }
  if (canaryTasks > 0) requireUnrouted(settings, state.traffic);
  plan.known.taskDefinitionArn = state.canaryService?.taskDefinition;
  plan.changes.push(...standing(p.planPreview(state.traffic, undefined, { canaryTasks: 0, dark: false })));
  const weights = routed ? p.planWeights(state.traffic, plan.weights.after) : { changes: [], next: state.traffic };
  if (!routed) plan.warnings.push('The route or rule that splits traffic does not exist: no traffic to move back');
  plan.changes.push(...standing(weights.changes));
  if (settings.deleteCanary) deleteCanary(settings, state.canaryService, p.planCleanup(weights.next), plan);
  else plan.changes.push(...scaleToZero(settings.cluster, state.canaryService, 'the service and its endpoint'));
  return plan;
}

/** rollback with delete-canary: the canary service and endpoint go, when this action created them. */
function deleteCanary(
  settings: Settings,
  service: Service | undefined,
  cleanup: { changes: Change[]; kept: string[] },
  plan: Plan,
) {
  const ours = service?.tags?.some((t) => t.key === CREATED_TAG);
  if (service && ours) {
    plan.changes.push({
      kind: ECS_KINDS.delete,
      resource: { type: 'ECS service', name: service.serviceName! },
      action: 'delete',
      before: `${service.desiredCount} task(s)`,
      after: 'deleted with its tasks (created by this action)',
      request: { cluster: settings.cluster, service: service.serviceName! },
      moves: 'capacity',
    });
  } else if (service) {
    plan.warnings.push(`ECS service ${service.serviceName} was not created by this action: scaled to 0, not deleted`);
    plan.changes.push(...scaleToZero(settings.cluster, service, 'the service'));
  }
  plan.changes.push(...cleanup.changes);
  for (const kept of cleanup.kept) plan.warnings.push(`Not deleted: ${kept}`);
}

function planPromote<S extends TrafficState>(
  settings: Settings,
  step: Step,
  state: PromoteState<S>,
  p: TrafficPlanner<S>,
  plan: Plan,
): Plan {
  const { stableService } = state;
  requireWalkRevision(settings, step, state.canaryService);
  const controller = stableService.deploymentController?.type;
  if (controller && controller !== 'ECS') {
    throw new PlanError(
      `Service ${settings.stable.service} is deployed by ${controller}, not by ECS; promote can only update services with the ECS deployment controller`,
      'stable-service',
    );
  }
  const base = renderBase(state.canaryTaskDefinition, {
    family: familyOf(stableService.taskDefinition!),
    source: 'canary-service',
  });
  const rendered = p.renderWorkload(base, 'stable', state.traffic);
  const reuse =
    state.latestStable && sameTaskDefinition(rendered.definition, state.latestStable) ? state.latestStable : undefined;
  // A promote that already happened (stable runs the canary's containers) converges without needing the canary.
  const promoted =
    reuse !== undefined && stableService.taskDefinition === reuse.taskDefinitionArn && rolloutComplete(stableService);
  if (!promoted) requireHealthyCanary(settings, state.canaryService, 'promote');
  if ((state.canaryService.desiredCount ?? 0) > 0) requireUnrouted(settings, state.traffic);
  const rollout = planRollout({
    cluster: settings.cluster,
    serviceName: settings.stable.service,
    definition: reuse ? undefined : rendered.definition,
    reusedArn: reuse?.taskDefinitionArn,
    service: stableService,
    desiredCount: stableService.desiredCount ?? 1,
    wait: settings.waitForServiceStability,
    waitForMinutes: settings.waitForMinutes,
  });
  // Traffic moves onto stable's targets once they are healthy, also when an earlier run already rolled stable out.
  const moves = rollout.serviceChanges || !sameWeights(state.traffic.weights, plan.weights.after);
  const stableTasks = moves ? (stableService.desiredCount ?? 1) : undefined;
  const weights = p.planWeights(state.traffic, plan.weights.after, { stableTasks }).changes;
  plan.changes.push(...rollout.changes, ...standing(weights));
  plan.changes.push(...standing(p.planPreview(state.traffic, undefined, { canaryTasks: 0, dark: false })));
  plan.changes.push(...scaleToZero(settings.cluster, state.canaryService, 'the service and its endpoint'));
  plan.warnings.push(...rendered.warnings);
  plan.known.taskDefinitionArn = reuse?.taskDefinitionArn;
  return plan;
}
