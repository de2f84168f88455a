// The plan is data: an ordered list of Changes, each saying what it will send. Nothing in a plan runs; apply hands
// each change's request to the executor registered for its kind. Values known only at apply time (the ARN a
// registration returns) are explicit references that apply resolves from earlier outcomes.
import type { Operation } from '../inputs.js';
import type { Weights } from './weights.js';

/** A value produced by an earlier change, e.g. `{ $ref: 'taskDefinitionArn' }`. */
export interface Ref {
  $ref: string;
}

export const ref = (name: string): Ref => ({ $ref: name });

export function isRef(value: unknown): value is Ref {
  return typeof value === 'object' && value !== null && typeof (value as Ref).$ref === 'string';
}

/** Refs every provider and the ECS layer agree on. */
export const REFS = {
  taskDefinitionArn: 'taskDefinitionArn',
  canaryEndpointArn: 'canaryEndpointArn',
  routeArn: 'routeArn',
  previewRouteArn: 'previewRouteArn',
  deployment: (service: string) => `deployment:${service}`,
} as const;

/** An ECS service as the report shows it. */
export interface ServiceSnapshot {
  name: string;
  role: 'stable' | 'canary';
  taskDefinition?: string;
  running: number;
  desired: number;
}

export type ChangeAction = 'create' | 'update' | 'register' | 'wait' | 'check' | 'scale' | 'delete';

export interface Change {
  /** The executor that carries it out, e.g. `ecs.register-task-definition`, `appmesh.set-route-weights`. */
  kind: string;
  resource: { type: string; name: string };
  action: ChangeAction;
  before?: string;
  after: string;
  /** What the executor sends; may hold Refs. */
  request: unknown;
  /** Whether it moves traffic (journaled with an undo), capacity, or neither. */
  moves: 'traffic' | 'capacity' | 'none';
  /** What stays in the account if this change ran and a later one fails, and how to go back. */
  leftBehind?: string;
  /** A traffic change is kept, not undone, once this ref was produced (e.g. the canary's rollout started). */
  keepOnceProduced?: { ref: string; why: string };
}

/** How to undo a traffic change: itself a change for the same executors. */
export interface Undo {
  kind: string;
  request: unknown;
  describe: string;
}

/** What an executor reports. Plain data, journaled by apply. */
export interface Outcome {
  detail?: string;
  /** Values later changes reference. */
  produces?: Record<string, string | number>;
  undo?: Undo;
  /** What stays in the account if a later change fails, and how to clean it up. */
  leftBehind?: string;
  /** The split in effect after this change. */
  weights?: Weights;
  /** A service as this change left it. */
  service?: Omit<ServiceSnapshot, 'role'>;
  /** Set when the write landed but another writer changed the same resource around it. */
  conflict?: string;
}

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
