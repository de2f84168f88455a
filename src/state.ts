// Reads everything a plan needs, and nothing more, with independent reads in parallel: ECS services and the
// provider's state first, then the task definitions the services name (at most two round trips deep).
import type { ECSClient, Service, TaskDefinition } from '@aws-sdk/client-ecs';
import { describeServices } from './aws/ecsServices.js';
import { describeTaskDefinition } from './aws/ecsTaskDefinitions.js';
import { PlanError } from './errors.js';
import type { Settings } from './inputs.js';
import type { Operation } from './model.js';
import { familyOf, type TaskDefinitionInput } from './plan/taskDefinition.js';
import type { TrafficProvider, TrafficState } from './traffic/provider.js';

export interface DeployState<S = TrafficState> {
  operation: 'deploy';
  stableService: Service;
  canaryService?: Service;
  /** The base the canary is rendered from: the task-definition file, else the stable service's task definition. */
  base: TaskDefinition | TaskDefinitionInput;
  baseSource: 'task-definition' | 'stable-service';
  canaryFamily: string;
  /** The newest revision of the canary family, to skip registering an identical one. */
  latestCanary?: TaskDefinition;
  traffic: S;
}

/** What shift, rollback and advance read: the canary service and the split. */
export interface ShiftState<S = TrafficState> {
  operation: 'shift' | 'rollback' | 'advance';
  canaryService?: Service;
  traffic: S;
}

export interface PromoteState<S = TrafficState> {
  operation: 'promote';
  stableService: Service;
  canaryService: Service;
  canaryTaskDefinition: TaskDefinition;
  latestStable?: TaskDefinition;
  traffic: S;
}

/** What a one-service provider's shift, promote, rollback and advance read: the one service and its deployment. */
export interface RevisionState<S = TrafficState> {
  operation: 'shift' | 'rollback' | 'promote' | 'advance';
  shape: 'one-service';
  service: Service;
  traffic: S;
}

/** Deploy reads the same for both shapes (a one-service deploy renders its revision in the service's own family). */
export type State<S = TrafficState> = DeployState<S> | ShiftState<S> | PromoteState<S> | RevisionState<S>;

/** Everything an operation's plan needs, read for that operation (a walk's steps read as shifts). */
export async function readState<S extends TrafficState>(
  operation: Operation,
  settings: Settings,
  ecs: ECSClient,
  provider: TrafficProvider<S>,
): Promise<State<S>> {
  if (provider.shape === 'one-service' && operation !== 'deploy')
    return readRevisionState(operation, settings, ecs, provider);
  switch (operation) {
    case 'deploy':
      return readDeployState(settings, ecs, provider);
    case 'promote':
      return readPromoteState(settings, ecs, provider);
    case 'shift':
    case 'rollback':
    case 'advance':
      return readTrafficState(operation, settings, ecs, provider);
  }
}

/** What advance reads: the canary service and the split, or (one service) the service and its deployment. */
export async function readAdvanceState<S extends TrafficState>(
  settings: Settings,
  ecs: ECSClient,
  provider: TrafficProvider<S>,
): Promise<ShiftState<S> | RevisionState<S>> {
  return provider.shape === 'one-service'
    ? readRevisionState('advance', settings, ecs, provider)
    : readTrafficState('advance', settings, ecs, provider);
}

/** The canary service and the split, read in parallel. */
export async function readTrafficState<S extends TrafficState>(
  operation: ShiftState['operation'],
  settings: Settings,
  ecs: ECSClient,
  provider: TrafficProvider<S>,
): Promise<ShiftState<S>> {
  const services = describeServices(ecs, settings.cluster, [settings.stable.service, settings.canary.service]);
  const [read, traffic] = await Promise.all([services, provider.read(operation, { services })]);
  return { operation, canaryService: read.get(settings.canary.service), traffic };
}

/** The stable service and its deployment, read in parallel. */
async function readRevisionState<S extends TrafficState>(
  operation: RevisionState['operation'],
  settings: Settings,
  ecs: ECSClient,
  provider: TrafficProvider<S>,
): Promise<RevisionState<S>> {
  const services = describeServices(ecs, settings.cluster, [settings.stable.service]);
  const [read, traffic] = await Promise.all([services, provider.read(operation, { services })]);
  const service = requireService(read, settings.stable.service, 'stable-service', settings.cluster);
  return { operation, shape: 'one-service', service, traffic };
}

/** The services a run reads: the stable one, and the canary beside it when the provider runs two. */
const servicesOf = (settings: Settings) => [settings.stable.service, settings.canary.service].filter(Boolean);

function requireService(
  services: Map<string, Service | undefined>,
  name: string,
  input: string,
  cluster: string,
): Service {
  const service = services.get(name);
  if (!service) throw new PlanError(`ECS service ${name} does not exist (or is inactive) in cluster ${cluster}`, input);
  return service;
}

async function readDeployState<S extends TrafficState>(
  settings: Settings,
  ecs: ECSClient,
  provider: TrafficProvider<S>,
): Promise<DeployState<S>> {
  // Both services in one call, and beside it the provider's state; the task definitions follow the services alone.
  const described = describeServices(ecs, settings.cluster, servicesOf(settings));
  // A task-definition file names the canary's family: its latest revision is read at once.
  const family = settings.taskDefinitionFile?.document.family;
  const latestOfFile = family ? describeTaskDefinition(ecs, family) : undefined;
  // Awaited only once the services are read: when that read fails first, this one's failure is not the run's.
  latestOfFile?.catch(() => undefined);
  const [definitions, traffic] = await Promise.allSettled([
    described.then((services) => readDefinitions(settings, ecs, provider, services, latestOfFile)),
    provider.read('deploy', { services: described }),
  ]);
  // When both fail, the provider's error (its inputs were read first) is the one reported, as before.
  if (traffic.status === 'rejected') throw traffic.reason;
  if (definitions.status === 'rejected') throw definitions.reason;
  return { operation: 'deploy', ...definitions.value, traffic: traffic.value };
}

/** The stable service's task definition (or the file's), and the latest revision of the canary's family. */
async function readDefinitions<S extends TrafficState>(
  settings: Settings,
  ecs: ECSClient,
  provider: TrafficProvider<S>,
  services: Map<string, Service | undefined>,
  latestOfFile?: ReturnType<typeof describeTaskDefinition>,
) {
  const file = settings.taskDefinitionFile?.document;
  const fileFamily = file?.family;
  const stableService = requireService(services, settings.stable.service, 'stable-service', settings.cluster);
  const stableTaskDefinition = stableService.taskDefinition!;
  const family = familyOf(stableTaskDefinition);
  const canaryFamily = fileFamily ?? (provider.shape === 'one-service' ? family : `${family}-canary`);
  const [base, latestCanary] = await Promise.all([
    file ?? describeTaskDefinition(ecs, stableTaskDefinition),
    latestOfFile ?? describeTaskDefinition(ecs, canaryFamily),
  ]);
  if (!base) {
    const why = `Task definition ${stableTaskDefinition} of service ${settings.stable.service} cannot be described`;
    throw new PlanError(why, 'stable-service');
  }
  return {
    stableService,
    canaryService: settings.canary.service ? services.get(settings.canary.service) : undefined,
    base,
    baseSource: file ? ('task-definition' as const) : ('stable-service' as const),
    canaryFamily,
    latestCanary,
  };
}

async function readPromoteState<S extends TrafficState>(
  settings: Settings,
  ecs: ECSClient,
  provider: TrafficProvider<S>,
): Promise<PromoteState<S>> {
  const described = describeServices(ecs, settings.cluster, [settings.stable.service, settings.canary.service]);
  const [services, traffic] = await Promise.all([described, provider.read('promote', { services: described })]);
  const stableService = requireService(services, settings.stable.service, 'stable-service', settings.cluster);
  const canaryService = requireService(services, settings.canary.service, 'canary-service', settings.cluster);
  const [canaryTaskDefinition, latestStable] = await Promise.all([
    describeTaskDefinition(ecs, canaryService.taskDefinition!),
    describeTaskDefinition(ecs, familyOf(stableService.taskDefinition!)),
  ]);
  if (!canaryTaskDefinition) {
    const why = `Task definition ${canaryService.taskDefinition} of service ${settings.canary.service} cannot be described`;
    throw new PlanError(why, 'canary-service');
  }
  return { operation: 'promote', stableService, canaryService, canaryTaskDefinition, latestStable, traffic };
}
