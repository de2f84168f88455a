// Executors of the ECS change kinds: each sends the request its change holds (refs already resolved) and reports
// what it produced, what it left behind and the service as ECS answered.
import * as core from '@actions/core';
import type { CreateServiceCommandInput, DeploymentConfiguration, ECSClient, Service } from '@aws-sdk/client-ecs';
import { redactTaskDefinition, shortTaskDefinition, type TaskDefinitionInput } from '../plan/taskDefinition.js';
import { ECS_KINDS } from '../plan/types.js';
import { REFS, type Outcome, type ServiceSnapshot } from '../model.js';
import { executor, type Executor, type ExecutorContext } from '../executor.js';
import { ConcurrentModificationError } from '../errors.js';
import {
  createService,
  deleteService,
  describeServices,
  primaryDeployment,
  rolloutComplete,
  ServiceChangedError,
  updateService,
  waitForRollout,
} from './ecsServices.js';
import { registerTaskDefinition } from './ecsTaskDefinitions.js';

interface UpdateRequest {
  cluster: string;
  service: string;
  taskDefinition?: string;
  desiredCount?: number;
  deploymentConfiguration?: DeploymentConfiguration;
  /** Sent only while the service still runs this revision (as the plan read it); not a member of UpdateService. */
  ifTaskDefinition?: string;
}

interface CheckRequest {
  cluster: string;
  service: string;
  taskDefinition: string;
  desiredCount: number;
}

export interface WaitRequest {
  cluster: string;
  service: string;
  deploymentId: string;
  timeoutMinutes: number;
  taskDefinition?: string;
  desiredCount?: number;
  previousTaskDefinition?: string;
}

function snapshot(service: Service): Omit<ServiceSnapshot, 'role'> {
  return {
    name: service.serviceName!,
    taskDefinition: service.taskDefinition,
    running: service.runningCount ?? 0,
    desired: service.desiredCount ?? 0,
  };
}

/** The service as another writer left it: the report's services table and task-definition-arn output show it. */
function observed(service: Service): Outcome {
  const runs = service.taskDefinition;
  return { service: snapshot(service), produces: runs ? { [REFS.taskDefinitionArn]: runs } : undefined };
}

function deployed(service: Service): Outcome {
  const deployment = primaryDeployment(service);
  return {
    service: snapshot(service),
    produces: deployment?.id ? { [REFS.deployment(service.serviceName!)]: deployment.id } : undefined,
  };
}

/**
 * ECS has no conditional UpdateService: re-read the service right before the write and refuse when its task
 * definition is no longer the one the plan read (another deploy started since), so that write is not silently undone.
 */
async function checkUnchanged(ecs: ECSClient, input: UpdateRequest, expected: string): Promise<void> {
  const service = (await describeServices(ecs, input.cluster, [input.service])).get(input.service);
  if (service?.taskDefinition === expected) return;
  const now = service ? `it now runs ${shortTaskDefinition(service.taskDefinition)}` : 'it no longer exists';
  throw new ConcurrentModificationError(
    `ECS service ${input.service} changed since this run read it: ${now}, not ${shortTaskDefinition(expected)}. ` +
      `Another run or person is deploying it; nothing was written to it, so their change stands.`,
    { observed: service && observed(service) },
  );
}

/** The service still runs `taskDefinition` × `desiredCount` with its rollout COMPLETED, or another writer changed it. */
async function checkService(ecs: ECSClient, r: CheckRequest): Promise<Outcome> {
  const service = (await describeServices(ecs, r.cluster, [r.service])).get(r.service);
  const ours = shortTaskDefinition(r.taskDefinition);
  if (
    service?.taskDefinition === r.taskDefinition &&
    service.desiredCount === r.desiredCount &&
    rolloutComplete(service)
  )
    return { detail: `${ours} × ${r.desiredCount}, rollout COMPLETED`, service: snapshot(service) };
  const now = service
    ? `it now deploys ${shortTaskDefinition(service.taskDefinition)} × ${service.desiredCount}, rollout ${primaryDeployment(service)?.rolloutState ?? 'IN_PROGRESS'}`
    : 'it no longer exists';
  throw new ConcurrentModificationError(
    `ECS service ${r.service} changed after this run's rollout of ${ours} completed: ${now}. Another run or person ` +
      'is deploying it; this run gives it no traffic and stops here.',
    { observed: service && observed(service) },
  );
}

export function ecsExecutors(ecs: ECSClient): Record<string, Executor> {
  return {
    [ECS_KINDS.register]: executor(async (definition: TaskDefinitionInput) => {
      core.debug(`RegisterTaskDefinition ${JSON.stringify(redactTaskDefinition(definition))}`);
      const { taskDefinitionArn: arn } = await registerTaskDefinition(ecs, definition);
      return {
        detail: arn,
        produces: { [REFS.taskDefinitionArn]: arn! },
        leftBehind: `task definition ${arn} (aws ecs deregister-task-definition --task-definition ${arn})`,
      };
    }),
    [ECS_KINDS.create]: executor(async (input: CreateServiceCommandInput) => {
      const created = await createService(ecs, input);
      const remove = `aws ecs delete-service --cluster ${input.cluster} --service ${input.serviceName} --force`;
      return {
        ...deployed(created),
        detail: created.serviceArn,
        leftBehind: `ECS service ${input.serviceName} (${remove})`,
      };
    }),
    [ECS_KINDS.update]: executor(async ({ ifTaskDefinition, ...input }: UpdateRequest) => {
      if (ifTaskDefinition) await checkUnchanged(ecs, input, ifTaskDefinition);
      const updated = await updateService(ecs, input);
      const deployment = primaryDeployment(updated);
      const detail = input.taskDefinition
        ? `deployment ${deployment?.id} of ${shortTaskDefinition(deployment?.taskDefinition)}`
        : `desired count ${updated.desiredCount}`;
      return { ...deployed(updated), detail };
    }),
    [ECS_KINDS.delete]: executor(async (input: { cluster: string; service: string }) => {
      await deleteService(ecs, input);
      return { detail: `deleted ${input.service}`, service: { name: input.service, running: 0, desired: 0 } };
    }),
    [ECS_KINDS.check]: executor((request: CheckRequest) => checkService(ecs, request)),
    [ECS_KINDS.wait]: executor(async (request: WaitRequest, ctx: ExecutorContext) => {
      const timeoutMs = request.timeoutMinutes * 60_000;
      try {
        const done = await waitForRollout(ecs, { ...request, timeoutMs, sleep: ctx.sleep });
        return { service: snapshot(done) };
      } catch (err) {
        if (!(err instanceof ServiceChangedError)) throw err;
        throw new ConcurrentModificationError(err.message, { ...err.details, observed: observed(err.service) });
      }
    }),
  };
}
