// The plan is data: an ordered list of Changes, each saying what it will send. Nothing in a plan runs; apply hands
// each change's request to the executor registered for its kind. Values known only at apply time (the ARN a
// registration returns) are explicit references that apply resolves from earlier outcomes.
import type { Change, Operation, ServiceSnapshot, Weights } from '../model.js';

export interface Plan {
  operation: Operation;
  provider: string;
  changes: Change[];
  weights: { before?: Weights; after: Weights };
  warnings: string[];
  /** Known before apply; apply's outcomes may replace them. */
  known: { taskDefinitionArn?: string; canaryEndpointArn?: string; routeArn?: string; previewRouteArn?: string };
  /** The services as read before the run. */
  services: ServiceSnapshot[];
}

/** The ECS layer's change kinds, carried out by the ECS executors (ecsExecutors.ts, beside the ECS calls). */
export const ECS_KINDS = {
  register: 'ecs.register-task-definition',
  create: 'ecs.create-service',
  update: 'ecs.update-service',
  wait: 'ecs.wait-for-rollout',
  check: 'ecs.check-service',
  delete: 'ecs.delete-service',
} as const;
