// Planning for the one-service shape: ECS shifts traffic between two revisions of one service, so there is no canary
// service to create, scale or delete. Deploy registers the new revision (unless the newest one is identical) and hands
// it to the provider, which starts and steps the service's deployment; shift, promote and rollback are the
// provider's moves of that deployment. Pure: no AWS client, no I/O.
import type { Settings } from '../inputs.js';
import { REFS, ref, type Step } from '../model.js';
import type { DeployState, RevisionState, State } from '../state.js';
import type { RevisionPlanner, TrafficState } from '../traffic/provider.js';
import { registerChange } from './ecs.js';
import { standing } from './standing.js';
import { renderBase, sameTaskDefinition } from './taskDefinition.js';
import type { Plan } from './types.js';
import { weightsFor } from './weights.js';

/** Whether a state was read for a one-service provider's shift, promote, rollback or advance. */
export const isRevisionState = <S>(state: State<S>): state is RevisionState<S> =>
  'shape' in state && state.shape === 'one-service';

export function planOneService<S extends TrafficState>(
  settings: Settings,
  step: Step,
  state: DeployState<S> | RevisionState<S>,
  p: RevisionPlanner<S>,
  plan: Plan,
): Plan {
  switch (state.operation) {
    case 'deploy':
      return planRelease(settings, step, state, p, plan);
    case 'shift':
      plan.changes.push(...p.planWeights(state.traffic, plan.weights.after, { revision: step.revision }).changes);
      return plan;
    case 'rollback':
      plan.changes.push(...standing(p.planWeights(state.traffic, weightsFor(0)).changes));
      return plan;
    case 'promote':
      plan.changes.push(...standing(p.planPromote(state.traffic)));
      return plan;
    case 'advance':
      throw new Error('advance is decided step by step (plan/steps.ts), then planned as a shift, promote or rollback');
  }
}

/** The new revision of the service's own family, then the provider's deployment of it up to the step's weight. */
function planRelease<S extends TrafficState>(
  settings: Settings,
  step: Step,
  state: DeployState<S>,
  p: RevisionPlanner<S>,
  plan: Plan,
): Plan {
  const base = renderBase(state.base, {
    family: state.canaryFamily,
    containerName: settings.containerName,
    image: settings.image,
    source: state.baseSource,
  });
  const rendered = p.renderWorkload(base, 'canary', state.traffic);
  const latest = state.latestCanary;
  const reuse = latest && sameTaskDefinition(rendered.definition, latest) ? latest.taskDefinitionArn : undefined;
  // Only the registration: the provider's deployment replaces the plain rollout of the two-services shape.
  const register = reuse ? [] : [registerChange(rendered.definition)];
  const release = {
    cluster: settings.cluster,
    service: state.stableService,
    taskDefinition: reuse ?? ref(REFS.taskDefinitionArn),
    target: weightsFor(step.canaryWeight),
    alarms: settings.alarms,
  };
  plan.changes.push(...register, ...p.planRelease(state.traffic, release));
  plan.warnings.push(...rendered.warnings);
  plan.known.taskDefinitionArn = reuse;
  return plan;
}
