// What a traffic provider (App Mesh, VPC Lattice, …) owns, after Flagger's pkg/router widened to what ECS needs: its
// state, what the canary's workload needs, how the canary service registers, the canary endpoint, the weights, the
// entry point, the executors of its change kinds, console links and outputs. Planning receives the planner (pure
// functions) and never imports a provider's module; apply receives the executors.
import type { CreateServiceCommandInput, Service } from '@aws-sdk/client-ecs';
import type { ClientConfig } from '../aws/clients.js';
import type { Executor } from '../executor.js';
import type { ProviderIam } from './iam.js';
import type { Inputs } from '../inputTools.js';
import type { Change, Operation, Preview, Ref, Weights } from '../model.js';
import type { Base, TaskDefinitionInput } from '../plan/taskDefinition.js';

/** What a provider adds to the canary's CreateService request so that its tasks register with the backend. */
export type Registration = Partial<Omit<CreateServiceCommandInput, 'cluster' | 'serviceName' | 'taskDefinition'>>;

export interface TrafficState {
  /** The current split, or undefined when no route or rule carries it yet. */
  weights?: Weights;
  /**
   * The split requests follow, when it is not `weights` (App Mesh: a route the virtual service does not go through
   * yet gives the canary none): what a report calls the weights before the run.
   */
  inEffect?: Weights;
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
  /** The canary gets no share of the split (a preview only): the split is left alone. */
  dark: boolean;
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
  registration(stable: Service, state: S): Registration;
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

/**
 * Pure planning of a one-service provider, where ECS itself shifts traffic between two revisions of one service (the
 * service's deployment is the split): no canary service, no endpoint, no entry point.
 */
export interface RevisionPlanner<S extends TrafficState = TrafficState> {
  /** The task definition the new revision runs on this backend. */
  renderWorkload(base: Base, role: 'canary' | 'stable', state: S): RenderedWorkload;
  /** Deploy: start the service's deployment of `taskDefinition` and take the new revision to `target`. */
  planRelease(state: S, release: Release): Change[];
  /** Shift and rollback: take the deployment in progress to `target` (0: roll it back). */
  planWeights(state: S, target: Weights, opts?: RevisionWeightOptions): WeightPlan<S>;
  /** Promote: finish the deployment, all traffic on the new revision. */
  planPromote(state: S): Change[];
}

/** What a one-service deploy hands its provider: the service as read and the revision to deploy. */
export interface Release {
  cluster: string;
  service: Service;
  /** The revision's ARN, or the ref to the one this run registers. */
  taskDefinition: string | Ref;
  target: Weights;
  /** The alarms input: the CloudWatch alarms that gate the deploy, for a provider whose deployment watches them too. */
  alarms: readonly string[];
}

/** What a one-service shift knows besides the weight. */
export interface RevisionWeightOptions {
  /** During a walk: the revision its deploy started; a step refuses a deployment of any other. */
  revision?: string;
}

interface ProviderBase<S extends TrafficState> {
  readonly name: string;
  read(operation: Operation, ecs: EcsReads): Promise<S>;
  readonly executors: Record<string, Executor>;
  view(region: string): TrafficView;
}

/** A provider with a canary ECS service beside the stable one, and a split it owns. */
export interface TwoServicesProvider<S extends TrafficState = TrafficState> extends ProviderBase<S> {
  readonly shape?: 'two-services';
  readonly planner: TrafficPlanner<S>;
}

/** A provider of one ECS service whose two revisions ECS shifts traffic between. */
export interface OneServiceProvider<S extends TrafficState = TrafficState> extends ProviderBase<S> {
  readonly shape: 'one-service';
  readonly planner: RevisionPlanner<S>;
}

export type TrafficProvider<S extends TrafficState = TrafficState> = TwoServicesProvider<S> | OneServiceProvider<S>;

/** Each provider's own settings, read from its own inputs; `provider` is its id in `traffic-provider`. */
export interface ProviderSettings {
  readonly provider: string;
}

/** What a provider is told of the run besides its own settings. */
export interface ProviderContext {
  readonly cluster: string;
  readonly stableService: string;
  /** Empty for a one-service provider. */
  readonly canaryService: string;
  readonly preview?: Preview;
  readonly deleteCanary: boolean;
  readonly waitForMinutes: number;
}

/**
 * How the canary runs: `two-services` — a canary ECS service beside the stable one, and a split the provider owns
 * (App Mesh, VPC Lattice); `one-service` — one ECS service whose two revisions ECS itself shifts traffic between.
 */
export type DeploymentShape = 'two-services' | 'one-service';

/** Makes the provider for a run: called once the inputs are valid, with the SDK client loaded only then. */
export type ProviderFactory<T extends ProviderSettings = ProviderSettings> = (
  settings: T,
  context: ProviderContext,
  config: ClientConfig,
) => TrafficProvider;

/**
 * A provider as the registry lists it (traffic/registry.ts): everything the layers above need before any AWS SDK is
 * loaded. Its module and SDK client load only through `load()`.
 */
export interface ProviderEntry<T extends ProviderSettings = ProviderSettings> {
  /** Its value of `traffic-provider`. */
  readonly id: string;
  /** How messages and action.yml's input descriptions name it, e.g. `(VPC Lattice) …`. */
  readonly label: string;
  /** Its inputs: refused by name when another provider is chosen. */
  readonly inputs: readonly string[];
  /** Its own outputs (set to '' when another provider runs). */
  readonly outputs: readonly string[];
  readonly shape: DeploymentShape;
  /** Reads and validates its inputs, collecting problems in `inputs`. */
  readSettings(inputs: Inputs, context: { canaryService: string }): T;
  /** Its part of the IAM policy (npm run iam-policy): its folder, SDK clients, own arguments and statements. */
  readonly iam: ProviderIam<T>;
  load(): Promise<ProviderFactory<T>>;
}

/** An entry typed for its own settings, listed among the others. */
export function providerEntry<T extends ProviderSettings>(entry: ProviderEntry<T>): ProviderEntry {
  return entry as unknown as ProviderEntry;
}
