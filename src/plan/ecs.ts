// Pure builders of the ECS changes: register a revision, create or update a service, wait for its rollout, scale.
import type { CreateServiceCommandInput, Deployment, DeploymentConfiguration, Service } from '@aws-sdk/client-ecs';
import { appImages, shortTaskDefinition, type TaskDefinitionInput } from './taskDefinition.js';
import { ECS_KINDS } from './types.js';
import { isRef, REFS, ref, type Change, type Ref } from '../model.js';

export interface RolloutSpec {
  cluster: string;
  serviceName: string;
  /** The definition to register, or undefined to run `reusedArn`. */
  definition?: TaskDefinitionInput;
  reusedArn?: string;
  /** The service as read; undefined when it is to be created with `create`. */
  service?: Service;
  create?: Omit<CreateServiceCommandInput, 'taskDefinition'>;
  /** For an existing service: a deployment configuration to send with the update (the alarms input changed). */
  deploymentConfiguration?: DeploymentConfiguration;
  desiredCount: number;
  /** Wait for the rollout (wait-for-service-stability), at most this many minutes. */
  wait: boolean;
  waitForMinutes: number;
  /** Where a created service was cloned from, for the plan's wording. */
  clonedFrom?: string;
}

export interface Rollout {
  changes: Change[];
  /** Whether the service itself changes (a new deployment starts). */
  serviceChanges: boolean;
}

const serviceResource = (name: string) => ({ type: 'ECS service', name });

/** Register (unless reused), create or update the service, and wait for its rollout. */
export function planRollout(spec: RolloutSpec): Rollout {
  const { definition, service } = spec;
  const taskDefinition: string | Ref = definition ? ref(REFS.taskDefinitionArn) : spec.reusedArn!;
  const serviceChanges =
    !service ||
    definition !== undefined ||
    service.taskDefinition !== spec.reusedArn ||
    service.desiredCount !== spec.desiredCount ||
    spec.deploymentConfiguration !== undefined;
  const changes = definition ? [registerChange(definition)] : [];
  if (!service) changes.push(createChange(spec, taskDefinition));
  else if (serviceChanges) changes.push(updateChange(spec, service, taskDefinition));
  const inProgress =
    service && !serviceChanges && !rolloutComplete(service) ? primaryDeployment(service)?.id : undefined;
  if (spec.wait && (serviceChanges || inProgress)) changes.push(waitChange(spec, taskDefinition, inProgress));
  return { changes, serviceChanges };
}

/** Register a new revision of a task definition. */
export function registerChange(definition: TaskDefinitionInput): Change {
  return {
    kind: ECS_KINDS.register,
    resource: { type: 'task definition', name: definition.family! },
    action: 'register',
    after: `new revision: ${appImages(definition).join(', ')}`,
    request: definition,
    moves: 'none',
  };
}

function createChange(spec: RolloutSpec, taskDefinition: string | Ref): Change {
  return {
    kind: ECS_KINDS.create,
    resource: serviceResource(spec.serviceName),
    action: 'create',
    after: `${spec.desiredCount} task(s)${spec.clonedFrom ? `, cloned from ${spec.clonedFrom}` : ''}`,
    request: { ...spec.create!, taskDefinition },
    moves: 'capacity',
  };
}

function updateChange(spec: RolloutSpec, service: Service, taskDefinition: string | Ref): Change {
  const runs = spec.definition ? 'the new revision' : shortTaskDefinition(spec.reusedArn);
  const alarms = spec.deploymentConfiguration?.alarms?.alarmNames;
  const back = `aws ecs update-service --cluster ${spec.cluster} --service ${spec.serviceName} --task-definition ${service.taskDefinition}`;
  return {
    kind: ECS_KINDS.update,
    resource: serviceResource(spec.serviceName),
    action: 'update',
    before: `${shortTaskDefinition(service.taskDefinition)} × ${service.desiredCount}`,
    after: `${runs} × ${spec.desiredCount}${alarms ? `, rollouts stopped by the alarms ${alarms.join(', ')}` : ''}`,
    request: {
      cluster: spec.cluster,
      service: spec.serviceName,
      taskDefinition,
      desiredCount: spec.desiredCount,
      ...(spec.deploymentConfiguration && { deploymentConfiguration: spec.deploymentConfiguration }),
      ifTaskDefinition: service.taskDefinition,
    },
    moves: 'capacity',
    leftBehind: `ECS service ${spec.serviceName} now deploys ${runs} (it ran ${shortTaskDefinition(service.taskDefinition)}; to go back: ${back})`,
  };
}

function waitChange(spec: RolloutSpec, taskDefinition: string | Ref, inProgress: string | undefined): Change {
  return {
    kind: ECS_KINDS.wait,
    resource: serviceResource(spec.serviceName),
    action: 'wait',
    after: `rollout COMPLETED with ${spec.desiredCount} task(s) running (at most ${spec.waitForMinutes} min)`,
    request: {
      cluster: spec.cluster,
      service: spec.serviceName,
      deploymentId: inProgress ?? ref(REFS.deployment(spec.serviceName)),
      timeoutMinutes: spec.waitForMinutes,
      // What the rollout must end with; anything else means another writer changed the service under this run.
      taskDefinition,
      desiredCount: spec.desiredCount,
      ...(spec.service && { previousTaskDefinition: spec.service.taskDefinition }),
    },
    moves: 'none',
  };
}

/**
 * Right before a deploy gives its canary traffic, the service must still run the revision this run deployed, rollout
 * COMPLETED: another deploy that started after this run's wait ended would otherwise get the weight unverified.
 */
export function checkBeforeTraffic(changes: Change[], cluster: string, serviceName: string): Change[] {
  const wait = changes.findLast((c) => c.kind === ECS_KINDS.wait && c.resource.name === serviceName);
  if (!wait) return changes;
  const lastWait = changes.findLastIndex((c) => c.action === 'wait');
  const at = changes.findIndex((c, i) => i > lastWait && c.moves === 'traffic');
  if (at < 0) return changes;
  const { taskDefinition, desiredCount } = wait.request as { taskDefinition: string | Ref; desiredCount: number };
  const check: Change = {
    kind: ECS_KINDS.check,
    resource: serviceResource(serviceName),
    action: 'check',
    after: `still runs ${isRef(taskDefinition) ? "this run's revision" : shortTaskDefinition(taskDefinition)} × ${desiredCount}, rollout COMPLETED`,
    request: { cluster, service: serviceName, taskDefinition, desiredCount },
    moves: 'none',
  };
  return [...changes.slice(0, at), check, ...changes.slice(at)];
}

/** Scale a canary to 0 tasks; the service and its endpoint stay for the next canary. */
export function scaleToZero(cluster: string, service: Service | undefined, kept: string): Change[] {
  if (!service || service.desiredCount === 0) return [];
  const name = service.serviceName!;
  return [
    {
      kind: ECS_KINDS.update,
      resource: serviceResource(name),
      action: 'scale',
      before: `${service.desiredCount} task(s)`,
      after: `0 tasks (${kept} stay for the next canary)`,
      request: { cluster, service: name, desiredCount: 0, ifTaskDefinition: service.taskDefinition },
      moves: 'capacity',
      leftBehind: `ECS service ${name} scaled to 0 (it had ${service.desiredCount})`,
    },
  ];
}

export function primaryDeployment(service: Service | undefined): Deployment | undefined {
  return service?.deployments?.find((d) => d.status === 'PRIMARY');
}

/** Whether the service's current deployment has finished with every desired task running. */
export function rolloutComplete(service: Service | undefined): boolean {
  const d = primaryDeployment(service);
  if (!d) return false;
  const done = d.rolloutState ? d.rolloutState === 'COMPLETED' : service?.deployments?.length === 1;
  return done && d.runningCount === d.desiredCount;
}
