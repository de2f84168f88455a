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
import { CONSISTENCY_WINDOW_MS, pollDelayMs } from './poll.js';

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

/**
 * A write of this run to a service: the deployment it produced and the IDs of the other deployments it answered (the
 * ones from before it; none when it created the service). ECS is eventually consistent, so reads right after it may
 * not show it yet: a read that shows only these deployments, or the service MISSING, may predate it.
 */
interface Write {
  deploymentId: string;
  prior: string[];
}

function write(service: Service): Write | undefined {
  const id = primaryDeployment(service)?.id;
  if (!id) return undefined;
  return { deploymentId: id, prior: (service.deployments ?? []).flatMap((d) => (d.id && d.id !== id ? [d.id] : [])) };
}

/**
 * The service still runs `taskDefinition` × `desiredCount` with its rollout COMPLETED, or another writer changed it.
 * After a write of this run (`written`), a read that differs but may predate what this run saw (ECS is eventually
 * consistent) is read again for up to CONSISTENCY_WINDOW_MS before it is believed.
 */
async function checkService(
  ecs: ECSClient,
  r: CheckRequest,
  ctx: ExecutorContext,
  written: Write | undefined,
): Promise<Outcome> {
  const ours = shortTaskDefinition(r.taskDefinition);
  let waited = 0;
  for (;;) {
    const service = (await describeServices(ecs, r.cluster, [r.service])).get(r.service);
    if (
      service?.taskDefinition === r.taskDefinition &&
      service.desiredCount === r.desiredCount &&
      rolloutComplete(service)
    )
      return { detail: `${ours} × ${r.desiredCount}, rollout COMPLETED`, service: snapshot(service) };
    const now = service
      ? `it now deploys ${shortTaskDefinition(service.taskDefinition)} × ${service.desiredCount}, rollout ${primaryDeployment(service)?.rolloutState ?? 'IN_PROGRESS'}`
      : 'it no longer exists';
    if (written && waited < CONSISTENCY_WINDOW_MS && mayLag(service, written)) {
      core.info(`${r.service}: ${now}, which may be a read older than this run's deployment; reading again`);
      const delay = pollDelayMs(waited);
      await ctx.sleep(delay);
      waited += delay;
      continue;
    }
    throw new ConcurrentModificationError(
      `ECS service ${r.service} changed after this run's rollout of ${ours} completed: ${now}. Another run or person ` +
        'is deploying it; this run gives it no traffic and stops here.',
      { observed: service && observed(service) },
    );
  }
}

/**
 * Whether a read may be older than the state this run's wait saw: the service MISSING, this run's deployment still
 * PRIMARY (its rollout or count not caught up), or absent while the primary is one from before the write. This run's
 * deployment no longer PRIMARY, or a primary that came after the write, shows another writer (or a rollback).
 */
function mayLag(service: Service | undefined, written: Write): boolean {
  if (!service) return true;
  const ours = service.deployments?.find((d) => d.id === written.deploymentId);
  if (ours) return ours.status === 'PRIMARY';
  const primary = primaryDeployment(service);
  return !primary?.id || written.prior.includes(primary.id);
}

export function ecsExecutors(ecs: ECSClient): Record<string, Executor> {
  /** This run's writes by service name, for the reads right after them (the wait, the check before traffic). */
  const writes = new Map<string, Write>();
  const remember = (name: string, service: Service) => {
    const w = write(service);
    if (w) writes.set(name, w);
    else writes.delete(name);
  };
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
      remember(input.serviceName!, created);
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
      remember(input.service, updated);
      const deployment = primaryDeployment(updated);
      const detail = input.taskDefinition
        ? `deployment ${deployment?.id} of ${shortTaskDefinition(deployment?.taskDefinition)}`
        : `desired count ${updated.desiredCount}`;
      return { ...deployed(updated), detail };
    }),
    [ECS_KINDS.delete]: executor(async (input: { cluster: string; service: string }) => {
      await deleteService(ecs, input);
      writes.delete(input.service);
      return { detail: `deleted ${input.service}`, service: { name: input.service, running: 0, desired: 0 } };
    }),
    [ECS_KINDS.check]: executor((request: CheckRequest, ctx: ExecutorContext) =>
      checkService(ecs, request, ctx, writes.get(request.service)),
    ),
    [ECS_KINDS.wait]: executor(async (request: WaitRequest, ctx: ExecutorContext) => {
      const timeoutMs = request.timeoutMinutes * 60_000;
      // A deployment this run's create or update produced (not one the plan read) may not show in reads yet.
      const written = writes.get(request.service);
      const priorDeployments = written?.deploymentId === request.deploymentId ? written.prior : undefined;
      try {
        const done = await waitForRollout(ecs, { ...request, timeoutMs, priorDeployments, sleep: ctx.sleep });
        return { service: snapshot(done) };
      } catch (err) {
        if (!(err instanceof ServiceChangedError)) throw err;
        throw new ConcurrentModificationError(err.message, { ...err.details, observed: observed(err.service) });
      }
    }),
  };
}
