// A one-service test double: ECS shifts traffic between two revisions of one service, and the "deployment" is a
// weight this double keeps in memory. It proves the one-service seam — a provider with no canary service plans deploy,
// shift, promote and rollback through the same pipeline — before a real one (ECS-native) lands.
import type { Outcome, Weights } from '../../../src/model.js';
import { executor } from '../../../src/executor.js';
import type {
  OneServiceProvider,
  ProviderContext,
  Release,
  RevisionPlanner,
  TrafficState,
  TrafficView,
} from '../../../src/traffic/provider.js';
import type { Base } from '../../../src/plan/taskDefinition.js';
import { showWeights, weightsFor } from '../../../src/plan/weights.js';
import type { RevisionDoubleSettings } from './entry.js';

export const KINDS = { start: 'double.start-deployment', step: 'double.step', finish: 'double.finish' } as const;

/** The deployment as the double's backend holds it. */
export interface Deployment {
  revision?: string;
  weights: Weights;
  status: 'IN_PROGRESS' | 'SUCCESSFUL' | 'ROLLED_BACK' | 'NONE';
}

export type DoubleState = TrafficState & { deployment: Deployment };

export class RevisionPlannerDouble implements RevisionPlanner<DoubleState> {
  constructor(private readonly service: string) {}

  renderWorkload(base: Base) {
    return { definition: base.definition, warnings: [] };
  }

  planRelease(state: DoubleState, release: Release) {
    const resource = { type: 'ECS service deployment', name: this.service };
    return [
      {
        kind: KINDS.start,
        resource,
        action: 'update' as const,
        before: state.deployment.revision ?? 'none',
        after: `new revision at ${showWeights(release.target)}`,
        request: { taskDefinition: release.taskDefinition, weights: release.target },
        moves: 'traffic' as const,
      },
    ];
  }

  planWeights(state: DoubleState, target: Weights) {
    const resource = { type: 'ECS service deployment', name: this.service };
    const before = state.weights;
    const changes =
      before && before.canary === target.canary
        ? []
        : [
            {
              kind: KINDS.step,
              resource,
              action: 'continue' as const,
              before: before ? showWeights(before) : 'none',
              after: showWeights(target),
              request: { weights: target },
              moves: 'traffic' as const,
            },
          ];
    return { changes, next: { ...state, weights: target } };
  }

  planPromote(state: DoubleState) {
    const resource = { type: 'ECS service deployment', name: this.service };
    const after = 'new revision takes all traffic, deployment SUCCESSFUL';
    const before = state.deployment.status;
    return [
      {
        kind: KINDS.finish,
        resource,
        action: 'continue' as const,
        before,
        after,
        request: {},
        moves: 'traffic' as const,
      },
    ];
  }
}

/** The double's backend: one deployment, shared by every run of a test until reset. */
export const backend: Deployment = { weights: weightsFor(0), status: 'NONE' };

export function resetBackend(): void {
  Object.assign(backend, { revision: undefined, weights: weightsFor(0), status: 'NONE' });
}

export function createRevisionDouble(
  _settings: RevisionDoubleSettings,
  context: ProviderContext,
): OneServiceProvider<DoubleState> {
  const outcome = (detail: string): Outcome => ({ detail, weights: backend.weights });
  return {
    name: 'Revision double',
    shape: 'one-service',
    planner: new RevisionPlannerDouble(context.stableService),
    read: async () => ({
      weights: backend.status === 'IN_PROGRESS' ? backend.weights : undefined,
      routeInput: 'stable-service',
      deployment: { ...backend },
    }),
    executors: {
      [KINDS.start]: executor(async (r: { taskDefinition: string; weights: Weights }) => {
        Object.assign(backend, { revision: r.taskDefinition, weights: r.weights, status: 'IN_PROGRESS' });
        return outcome(`deployment of ${r.taskDefinition} at ${showWeights(r.weights)}`);
      }),
      [KINDS.step]: executor(async (r: { weights: Weights }) => {
        backend.weights = r.weights;
        if (r.weights.canary === 0) backend.status = 'ROLLED_BACK';
        return outcome(showWeights(r.weights));
      }),
      [KINDS.finish]: executor(async () => {
        Object.assign(backend, { weights: weightsFor(0), status: 'SUCCESSFUL' });
        return outcome('SUCCESSFUL');
      }),
    },
    view: (): TrafficView => ({
      label: 'Revision double',
      endpointType: 'revision',
      stableEndpoint: 'current revision',
      canaryEndpoint: 'new revision',
      entry: context.stableService,
      endpointOutput: '',
      link: () => undefined,
    }),
  };
}
