// What a traffic provider (App Mesh, VPC Lattice, …) owns, after Flagger's pkg/router widened to what ECS needs: its
// state, what the canary's workload needs, how the canary service registers, the canary endpoint, the weights, the
// entry point, the executors of its change kinds, console links and outputs. Planning receives the planner (pure
// functions) and never imports a provider's module; apply receives the executors.
import type { CreateServiceCommandInput, Service } from '@aws-sdk/client-ecs';
import type { Operation, Preview } from '../inputs.js';
import type { Base, TaskDefinitionInput } from '../plan/taskDefinition.js';
import type { Change, Outcome } from '../plan/types.js';
import type { Weights } from '../plan/weights.js';

export interface TrafficState {
  /** The current split, or undefined when no route or rule carries it yet. */
  weights?: Weights;
  /** The route (App Mesh) or listener rule (Lattice) that holds the split: output `route-arn`. */
  routeId?: string;
  /** The canary's endpoint (virtual node, target group), when it exists. */
  canaryEndpointArn?: string;
  /** The input that names the route or rule, for errors about it. */
  routeInput: string;
  /** The preview route or rule, when it exists. */
  previewRouteArn?: string;
  /** When the split last changed (the route's or rule's last update): the bake clock of `advance`. */
  changedAt?: Date;
  /**
   * Other routes or rules that send the canary traffic, with its share of each, read before promote and rollback:
   * a canary any of them still sends traffic to keeps its capacity.
   */
  otherRoutes?: { name: string; canaryWeight: number }[];
}

/** ECS facts a provider's deploy checks need. */
export interface DeployFacts {
  cluster: string;
  stableService: Service;
  canaryFamily: string;
  desiredCount: number;
}

export interface RenderedWorkload {
  definition: TaskDefinitionInput;
  warnings: string[];
}

export interface WeightOptions {
  /** Deploy may create the routing resources that are missing; other operations refuse. */
  create?: boolean;
  /** Canary tasks the run expects, for a provider that checks endpoint health before giving weight. */
  canaryTasks?: number;
  /** A dark launch that has to create the routing: create it with the stable endpoint only. */
  dark?: boolean;
  /** Stable tasks that just rolled out (promote), for a provider that checks their health before giving weight. */
  stableTasks?: number;
}

export interface WeightPlan<S> {
  changes: Change[];
  /** The state as it will be once these changes ran, for the next weight change of the same plan. */
  next: S;
}

/** Pure planning functions: no AWS call, no I/O. */
export interface TrafficPlanner<S extends TrafficState = TrafficState> {
  /** The task definition a role runs on this backend (App Mesh adds Envoy; Lattice removes it). */
  renderWorkload(base: Base, role: 'canary' | 'stable', state: S): RenderedWorkload;
  /** How a new canary service registers with the backend; refuses a stable service it cannot clone. */
  registration(
    stable: Service,
    state: S,
  ): Pick<CreateServiceCommandInput, 'serviceRegistries' | 'vpcLatticeConfigurations'>;
  /** Checks that make a deploy safe, then the changes that create or update the canary endpoint. */
  planEndpoint(state: S, facts: DeployFacts): Change[];
  /** Changes that set the split to `target`. */
  planWeights(state: S, target: Weights, opts?: WeightOptions): WeightPlan<S>;
  /** Changes that make the entry point send its traffic through the split (App Mesh virtual service). */
  planEntryPoint(state: S): Change[];
  /**
   * Changes that create or update the header-routed preview of the canary, or (preview undefined) remove the one
   * this action made. `dark`: the canary has no share of the split, so the preview is what health-checks it.
   */
  planPreview(state: S, preview: Preview | undefined, opts: { canaryTasks: number; dark: boolean }): Change[];
  /** rollback with delete-canary: delete the canary's endpoint when this action created it and nothing routes to it. */
  planCleanup(state: S): { changes: Change[]; kept: string[] };
}

export type Executor = (request: unknown, ctx: ExecutorContext) => Promise<Outcome>;

/** An executor for requests of one shape: apply hands it the request its change holds, refs resolved. */
export function executor<T>(fn: (request: T, ctx: ExecutorContext) => Promise<Outcome>): Executor {
  return fn as Executor;
}

export interface ExecutorContext {
  /** Waits between polls; tests pass one that does not really wait. */
  sleep(ms: number): Promise<void>;
  /** Values earlier changes of this run produced (already resolved into the request; here for guards). */
  produced: Readonly<Record<string, string | number>>;
}

/** How the report names and links the provider's resources. */
export interface TrafficView {
  label: string;
  /** What an endpoint is called, e.g. `virtual node`, `target group`. */
  endpointType: string;
  stableEndpoint: string;
  canaryEndpoint: string;
  /** What the pie chart is titled with: the entry point or the route. */
  entry: string;
  /** Output that carries the canary endpoint's ARN. */
  endpointOutput: string;
  /** How to reach the preview: a curl command line with the header, when the entry point is known. */
  previewCurl?(preview: Preview): string | undefined;
  link(resource: { type: string; name: string }): string | undefined;
}

/** ECS reads of the same run, in flight while the provider reads, for a provider that needs them. */
export interface EcsReads {
  services: Promise<Map<string, Service | undefined>>;
}

export interface TrafficProvider<S extends TrafficState = TrafficState> {
  readonly name: string;
  read(operation: Operation, ecs: EcsReads): Promise<S>;
  readonly planner: TrafficPlanner<S>;
  readonly executors: Record<string, Executor>;
  view(region: string): TrafficView;
}
