// The plan is data: an ordered list of Changes, each described before it runs. Only Change.run touches AWS.
import type { Clients } from '../aws/clients.js';
import type { Operation } from '../inputs.js';
import type { Weights } from './weights.js';

/** An ECS service as the report shows it. */
export interface ServiceSnapshot {
  name: string;
  role: 'stable' | 'canary';
  taskDefinition?: string;
  running: number;
  desired: number;
}

/** Values later changes need from earlier ones (e.g. the ARN a registration returned). */
export interface Facts {
  /** Services as the last write or wait left them, by name. */
  services?: Record<string, ServiceSnapshot>;
  taskDefinitionArn?: string;
  canaryNodeArn?: string;
  routeArn?: string;
  /** The ECS deployment a create/update started, for the rollout waiter. */
  deploymentId?: string;
  /** The route's version after this run's last write to it, for the concurrency guard of the next write. */
  routeVersion?: number;
  /** The split as this run's last route write (or restore) left it. */
  weights?: Weights;
}

export interface ApplyContext {
  clients: Clients;
  facts: Facts;
  /** Waits between polls; tests pass one that does not really wait. */
  sleep(ms: number): Promise<void>;
}

/** How to put traffic back as it was, recorded by a change that moved it. */
export interface Restore {
  describe: string;
  /** Why restoring would be unsafe now, if it would be; the change is then kept and reported as kept. */
  unsafe?(ctx: ApplyContext): string | undefined;
  run(ctx: ApplyContext): Promise<void>;
}

export interface ChangeOutcome {
  /** Set by changes to traffic state (route weights, virtual-service provider). */
  restore?: Restore;
  /** What stays in the account if a later change fails, and how to clean it up. */
  leftBehind?: string;
  /** One line for the log and the summary, e.g. the ARN a registration returned. */
  detail?: string;
}

export type ChangeKind =
  | 'virtual-node'
  | 'task-definition'
  | 'ecs-service'
  | 'wait-for-rollout'
  | 'virtual-router'
  | 'route'
  | 'virtual-service';

export interface Change {
  kind: ChangeKind;
  /** A human name, e.g. `virtual node color-v2-node`. */
  resource: string;
  action: 'create' | 'update' | 'register' | 'wait' | 'scale';
  before?: string;
  after: string;
  /** True when the change moves traffic; false for waits and for resources no traffic reaches yet. */
  traffic: boolean;
  run(ctx: ApplyContext): Promise<ChangeOutcome | void>;
}

/** The same change, except that undoing it is refused while `unsafe` gives a reason. */
export function guardRestore(change: Change, unsafe: (ctx: ApplyContext) => string | undefined): Change {
  return {
    ...change,
    run: async (ctx) => {
      const outcome = await change.run(ctx);
      return outcome?.restore ? { ...outcome, restore: { ...outcome.restore, unsafe } } : outcome;
    },
  };
}

export interface Plan {
  operation: Operation;
  changes: Change[];
  weights: { before?: Weights; after: Weights };
  warnings: string[];
  /** The canary (or, for promote, stable) task definition the run ends on; set once known. */
  taskDefinitionArn?: string;
  canaryNodeArn?: string;
  routeArn?: string;
  /** The services as read before the run. */
  services: ServiceSnapshot[];
}

/** A plan as plain data, for the `plan` output and the dry-run log. */
export function describePlan(plan: Plan): object {
  return {
    operation: plan.operation,
    weights: plan.weights,
    changes: plan.changes.map(({ kind, resource, action, before, after }) => ({ kind, resource, action, before, after })),
    warnings: plan.warnings,
  };
}
