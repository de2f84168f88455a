// Reads everything a plan needs, and nothing more, with independent reads in parallel: at most two round trips deep
// (services, nodes and routing first; then the task definitions they name).
import type { Service, TaskDefinition } from '@aws-sdk/client-ecs';
import type { VirtualNodeData } from '@aws-sdk/client-app-mesh';
import type { Clients } from './aws/clients.js';
import { describeServices } from './aws/ecsServices.js';
import { describeTaskDefinition } from './aws/ecsTaskDefinitions.js';
import { describeMesh } from './aws/meshes.js';
import { describeVirtualNode, type MeshRef } from './aws/virtualNodes.js';
import { PlanError } from './errors.js';
import type { Settings } from './inputs.js';
import { familyOf, type TaskDefinitionInput } from './plan/taskDefinition.js';
import type { TrafficRouter, TrafficState } from './traffic/router.js';

export interface DeployState {
  operation: 'deploy';
  stableService: Service;
  canaryService?: Service;
  /** The base the canary is rendered from: the task-definition file, else the stable service's task definition. */
  base: TaskDefinition | TaskDefinitionInput;
  baseSource: 'task-definition' | 'stable-service';
  canaryFamily: string;
  /** The newest revision of the canary family, to skip registering an identical one. */
  latestCanary?: TaskDefinition;
  stableNode: VirtualNodeData;
  canaryNode?: VirtualNodeData;
  traffic: TrafficState;
}

export interface ShiftState {
  operation: 'shift' | 'rollback';
  canaryService?: Service;
  traffic: TrafficState;
}

export interface PromoteState {
  operation: 'promote';
  stableService: Service;
  canaryService: Service;
  canaryTaskDefinition: TaskDefinition;
  latestStable?: TaskDefinition;
  stableNode: VirtualNodeData;
  traffic: TrafficState;
}

export type ClusterState = DeployState | ShiftState | PromoteState;

export function meshRef(settings: Settings): MeshRef {
  return settings.meshOwner ? { meshName: settings.mesh, meshOwner: settings.meshOwner } : { meshName: settings.mesh };
}

export async function readState(settings: Settings, clients: Clients, router: TrafficRouter): Promise<ClusterState> {
  switch (settings.operation) {
    case 'deploy':
      return readDeployState(settings, clients, router);
    case 'promote':
      return readPromoteState(settings, clients, router);
    case 'shift':
    case 'rollback': {
      const [services, traffic] = await Promise.all([
        describeServices(clients.ecs, settings.cluster, [settings.canary.service]),
        router.read('weights'),
      ]);
      return { operation: settings.operation, canaryService: services.get(settings.canary.service), traffic };
    }
  }
}

function requireService(services: Map<string, Service | undefined>, name: string, input: string, cluster: string): Service {
  const service = services.get(name);
  if (!service) throw new PlanError(`ECS service ${name} does not exist (or is inactive) in cluster ${cluster}`, input);
  return service;
}

/** The stable node, or an error that says whether the mesh or the node is missing (one more read, only then). */
async function requireNode(node: VirtualNodeData | undefined, settings: Settings, clients: Clients): Promise<VirtualNodeData> {
  if (node?.spec) return node;
  const owner = settings.meshOwner ? ` owned by ${settings.meshOwner}` : '';
  if (!(await describeMesh(clients.appMesh, meshRef(settings)))) {
    throw new PlanError(`Mesh ${settings.mesh}${owner} does not exist or is not shared with this account`, settings.meshOwner ? 'mesh-owner' : 'mesh');
  }
  throw new PlanError(`Virtual node ${settings.stable.virtualNode} does not exist in mesh ${settings.mesh}${owner}`, 'stable-virtual-node');
}

async function readDeployState(settings: Settings, clients: Clients, router: TrafficRouter): Promise<DeployState> {
  const mesh = meshRef(settings);
  const file = settings.taskDefinitionFile?.document;
  const fileFamily = file?.family;
  // Round trip 1: both services in one call, both nodes, the routing; the canary family's latest revision when the
  // file names it.
  const [services, stableNode, canaryNode, traffic, latestFromFile] = await Promise.all([
    describeServices(clients.ecs, settings.cluster, [settings.stable.service, settings.canary.service]),
    describeVirtualNode(clients.appMesh, mesh, settings.stable.virtualNode),
    describeVirtualNode(clients.appMesh, mesh, settings.canary.virtualNode),
    router.read('full'),
    fileFamily ? describeTaskDefinition(clients.ecs, fileFamily) : undefined,
  ]);
  const stableService = requireService(services, settings.stable.service, 'stable-service', settings.cluster);
  const stable = await requireNode(stableNode, settings, clients);
  const stableTaskDefinition = stableService.taskDefinition!;
  const canaryFamily = fileFamily ?? `${familyOf(stableTaskDefinition)}-canary`;
  // Round trip 2: the task definitions the services name.
  const [base, latestCanary] = await Promise.all([
    file ? file : describeTaskDefinition(clients.ecs, stableTaskDefinition),
    fileFamily ? latestFromFile : describeTaskDefinition(clients.ecs, canaryFamily),
  ]);
  if (!base) throw new PlanError(`Task definition ${stableTaskDefinition} of service ${settings.stable.service} cannot be described`, 'stable-service');
  return {
    operation: 'deploy',
    stableService,
    canaryService: services.get(settings.canary.service),
    base,
    baseSource: file ? 'task-definition' : 'stable-service',
    canaryFamily,
    latestCanary,
    stableNode: stable,
    canaryNode,
    traffic,
  };
}

async function readPromoteState(settings: Settings, clients: Clients, router: TrafficRouter): Promise<PromoteState> {
  const [services, stableNode, traffic] = await Promise.all([
    describeServices(clients.ecs, settings.cluster, [settings.stable.service, settings.canary.service]),
    describeVirtualNode(clients.appMesh, meshRef(settings), settings.stable.virtualNode),
    router.read('weights'),
  ]);
  const stableService = requireService(services, settings.stable.service, 'stable-service', settings.cluster);
  const canaryService = requireService(services, settings.canary.service, 'canary-service', settings.cluster);
  const [canaryTaskDefinition, latestStable] = await Promise.all([
    describeTaskDefinition(clients.ecs, canaryService.taskDefinition!),
    describeTaskDefinition(clients.ecs, familyOf(stableService.taskDefinition!)),
  ]);
  if (!canaryTaskDefinition) {
    throw new PlanError(`Task definition ${canaryService.taskDefinition} of service ${settings.canary.service} cannot be described`, 'canary-service');
  }
  return {
    operation: 'promote',
    stableService,
    canaryService,
    canaryTaskDefinition,
    latestStable,
    stableNode: await requireNode(stableNode, settings, clients),
    traffic,
  };
}
