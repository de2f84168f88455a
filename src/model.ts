// The words every layer shares, in a leaf module that imports nothing: the operations, a split of traffic, one change
// of a plan and what its executor reports, the references between changes, and the step a phase is asked to take.

export const OPERATIONS = ['deploy', 'shift', 'promote', 'rollback', 'advance'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** What one phase (read → plan → apply) does: `advance` is decided first, then run as one of these. */
export type PhaseOperation = Exclude<Operation, 'advance'>;

/**
 * What one phase is asked to do. A walk or an advance runs phases with their own steps, never with rebuilt settings:
 * the operation, the canary's weight at the end, and the canary revision a later step may give weight to.
 */
export interface Step {
  readonly operation: PhaseOperation;
  readonly canaryWeight: number;
  /** During a walk: the canary revision its deploy rolled out; later steps give weight only to it. */
  readonly revision?: string;
}

/** A split of traffic between stable and canary, in percent: stable + canary = 100. */
export interface Weights {
  stable: number;
  canary: number;
}

/** A header that sends a request to the canary and only there (a pull request's preview). */
export interface Preview {
  readonly header: string;
  readonly value: string;
}

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

export type ChangeAction = 'create' | 'update' | 'register' | 'wait' | 'check' | 'scale' | 'delete' | 'continue';

export interface Change {
  /** The executor that carries it out, e.g. `ecs.register-task-definition`, `<provider>.set-weights`. */
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
  /**
   * A traffic change that is never undone, and why: a move of traffic away from the canary (rollback, promote) stands
   * whatever fails after it, since undoing it would send traffic back to a canary the run was taking it from.
   */
  stands?: string;
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
  /**
   * Set when a write was sent but reading it back failed: the run stops, and reports the weights it left as not
   * confirmed rather than as those it wrote or those from before.
   */
  unconfirmed?: string;
}
