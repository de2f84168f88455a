// ECS services: one DescribeServices for all the services a run needs, create/update, and the rollout waiter.
import * as core from '@actions/core';
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  UpdateServiceCommand,
  type CreateServiceCommandInput,
  type Deployment,
  type ECSClient,
  type Service,
  type UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs';
import { awsErrorName, ConcurrentModificationError, PlanError, type ConflictDetails } from '../errors.js';
import { primaryDeployment, rolloutComplete } from '../plan/ecs.js';
import { CONSISTENCY_WINDOW_MS, isRetryable, pollDelayMs } from './poll.js';
import { shortTaskDefinition } from '../plan/taskDefinition.js';

export { primaryDeployment, rolloutComplete };

/** Services by name; a name ECS does not know, or whose service is INACTIVE, maps to undefined. */
export async function describeServices(
  ecs: ECSClient,
  cluster: string,
  names: string[],
): Promise<Map<string, Service | undefined>> {
  let services: Service[];
  try {
    const out = await ecs.send(new DescribeServicesCommand({ cluster, services: names, include: ['TAGS'] }));
    services = out.services ?? [];
  } catch (err) {
    if (awsErrorName(err) === 'ClusterNotFoundException') {
      throw new PlanError(`ECS cluster "${cluster}" does not exist in this account and region`, 'cluster');
    }
    throw err;
  }
  const found = new Map<string, Service | undefined>();
  for (const name of names) {
    const service = services.find((s) => s.serviceName === name && s.status !== 'INACTIVE');
    found.set(name, service);
  }
  return found;
}

export async function createService(ecs: ECSClient, input: CreateServiceCommandInput): Promise<Service> {
  const out = await ecs.send(new CreateServiceCommand(input));
  if (!out.service) throw new Error('CreateService returned no service');
  return out.service;
}

export async function updateService(ecs: ECSClient, input: UpdateServiceCommandInput): Promise<Service> {
  const out = await ecs.send(new UpdateServiceCommand(input));
  if (!out.service) throw new Error('UpdateService returned no service');
  return out.service;
}

/** Another writer changed the service while its rollout was awaited; `service` is the service as last read. */
export class ServiceChangedError extends ConcurrentModificationError {
  constructor(
    message: string,
    readonly service: Service,
    replaces?: ConflictDetails['replaces'],
  ) {
    super(message, { replaces });
  }
}

export class RolloutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RolloutError';
  }
}

export interface WaitOptions {
  cluster: string;
  service: string;
  deploymentId: string;
  timeoutMs: number;
  /** The revision this run deployed and the one the service ran before; another primary means another writer. */
  taskDefinition?: string;
  previousTaskDefinition?: string;
  /** The task count this run asked for; a deployment scaled to another count was changed by another writer. */
  desiredCount?: number;
  /**
   * Set when the deployment comes from a write of this run (CreateService, UpdateService), not from a read: the IDs of
   * the other deployments that write answered (the ones from before it; none for a service it created). ECS is
   * eventually consistent: until a read shows the deployment, a read that shows the service MISSING, or only these
   * deployments, may predate the write, and is read again for up to CONSISTENCY_WINDOW_MS before the wait believes it.
   * A primary deployment not among them came after the write (ECS's circuit breaker rolling back, another writer).
   */
  priorDeployments?: string[];
  sleep(ms: number): Promise<void>;
  now?: () => number;
}

/**
 * Waits until the given deployment is COMPLETED with runningCount = desiredCount. Fails when it FAILED, when it
 * disappears or stops being PRIMARY (the deployment circuit breaker rolled it back), or on timeout. A deployment this
 * run just wrote is not believed gone (or its service MISSING) on reads that may predate the write: see priorDeployments.
 */
export async function waitForRollout(ecs: ECSClient, options: WaitOptions): Promise<Service> {
  let opts = options;
  const now = opts.now ?? Date.now;
  const start = now();
  /** Whether a read showed this run's write; until one does, a read that does not may be stale. */
  let seen = opts.priorDeployments === undefined;
  for (;;) {
    const read = await describeOrStillWaiting(ecs, opts);
    const seconds = Math.round((now() - start) / 1000);
    if (read === 'retry') {
      core.info(`${opts.service}: AWS answered with a retryable error; still waiting (${seconds}s elapsed)`);
      if (now() - start >= opts.timeoutMs)
        throw new RolloutError(`Gave up waiting for ${opts.service}: AWS kept answering with retryable errors`);
      await opts.sleep(pollDelayMs(now() - start));
      continue;
    }
    const service = read;
    if (!seen) {
      const lag = notShownYet(service, opts, opts.priorDeployments ?? []);
      if (!lag) seen = true;
      else if (now() - start < CONSISTENCY_WINDOW_MS) {
        core.info(`${opts.service}: ${lag}; ECS reads can lag its writes, so it reads again (${seconds}s elapsed)`);
        await opts.sleep(pollDelayMs(now() - start));
        continue;
      }
    }
    if (!service) throw new RolloutError(`ECS service ${opts.service} disappeared while its rollout was awaited`);
    const deployment = service.deployments?.find((d) => d.id === opts.deploymentId);
    if (deployment?.status !== 'PRIMARY') {
      opts = { ...opts, deploymentId: replacedDeployment(service, deployment, opts) };
      continue;
    }
    checkDesiredCount(service, deployment, opts);
    if (deployment.rolloutState === 'FAILED') {
      throw new RolloutError(
        `Rollout of ${opts.service} FAILED: ${deployment.rolloutStateReason ?? 'no reason given'}`,
      );
    }
    const running = `${deployment.runningCount ?? 0}/${deployment.desiredCount ?? 0} running, ${deployment.pendingCount ?? 0} pending`;
    if (rolloutComplete({ ...service, deployments: [deployment] })) {
      core.info(`${opts.service}: rollout COMPLETED, ${running} (${seconds}s)`);
      return service;
    }
    core.info(`${opts.service}: rollout ${deployment.rolloutState ?? 'IN_PROGRESS'}, ${running} (${seconds}s elapsed)`);
    if (now() - start >= opts.timeoutMs) {
      throw new RolloutError(
        `Gave up waiting for ${opts.service} after ${+(opts.timeoutMs / 60000).toFixed(2)} minute(s) (wait-for-minutes); its rollout is ${deployment.rolloutState ?? 'IN_PROGRESS'} with ${running}`,
      );
    }
    await opts.sleep(Math.min(pollDelayMs(now() - start), Math.max(0, opts.timeoutMs - (now() - start))));
  }
}

/**
 * Why this read may predate the write that produced the awaited deployment (ECS is eventually consistent), or undefined
 * when it shows that deployment, or a primary deployment that came after the write (not among `prior`).
 */
function notShownYet(service: Service | undefined, opts: WaitOptions, prior: string[]): string | undefined {
  if (!service) return 'ECS answers that the service this run just wrote does not exist (MISSING)';
  const ours = service.deployments?.find((d) => d.id === opts.deploymentId);
  if (ours) {
    // Scaling in place keeps the deployment: a read from before the write shows it with the count from before.
    const inPlace = opts.taskDefinition !== undefined && opts.taskDefinition === opts.previousTaskDefinition;
    if (inPlace && opts.desiredCount !== undefined && ours.desiredCount !== opts.desiredCount)
      return `deployment ${opts.deploymentId} still shows ${ours.desiredCount} task(s), not the ${opts.desiredCount} this run asked for`;
    return undefined;
  }
  const primary = primaryDeployment(service);
  if (primary?.id && !prior.includes(primary.id)) return undefined;
  return `deployment ${opts.deploymentId} is not among the service's deployments yet`;
}

/**
 * Our deployment is no longer the service's primary one. When the new primary runs the same revision (another run
 * deploying the same thing), the wait goes on with it; when it runs the revision from before, ECS (its circuit breaker)
 * or someone rolled back; any other revision means another writer deployed over this run.
 */
function replacedDeployment(service: Service, ours: Deployment | undefined, opts: WaitOptions): string {
  const current = primaryDeployment(service);
  const name = opts.service;
  if (current?.id && opts.taskDefinition && current.taskDefinition === opts.taskDefinition) {
    core.info(`${name}: deployment ${current.id} of the same revision replaced ${opts.deploymentId}; waiting for it`);
    return current.id;
  }
  const now = current ? `; the service now runs ${current.taskDefinition}` : '';
  const rolledBack = ours?.rolloutState === 'FAILED' || !opts.taskDefinition || !current;
  if (rolledBack || current.taskDefinition === opts.previousTaskDefinition) {
    throw new RolloutError(
      `Deployment ${opts.deploymentId} of ${name} was rolled back by ECS (deployment circuit breaker)${now}`,
    );
  }
  const theirs = shortTaskDefinition(current.taskDefinition);
  throw new ServiceChangedError(
    `The task definition of ECS service ${name} changed under this run: while it waited for its deployment of ` +
      `${shortTaskDefinition(opts.taskDefinition)}, another deployment (${current.id}) replaced it and the service ` +
      `now deploys ${theirs}. Another run or person is deploying ${name}; this run stops here and changes nothing ` +
      'more, so the other deployment can finish.',
    service,
    {
      resource: `ECS service ${name}`,
      leftBehind: `ECS service ${name} deploys ${theirs} from the other deployment, which replaced this run's; leave it to whoever started it`,
    },
  );
}

function checkDesiredCount(service: Service, deployment: Deployment, opts: WaitOptions): void {
  if (opts.desiredCount === undefined || deployment.desiredCount === opts.desiredCount) return;
  throw new ServiceChangedError(
    `ECS service ${opts.service} was scaled to ${deployment.desiredCount} task(s) under this run, which deployed ` +
      `${opts.desiredCount}; another run or person changed it, so this run stops here and changes nothing more.`,
    service,
  );
}

/** Throttling, 5xx and timeouts while waiting count as "still waiting" until the deadline. */
async function describeOrStillWaiting(ecs: ECSClient, opts: WaitOptions): Promise<Service | undefined | 'retry'> {
  try {
    return (await describeServices(ecs, opts.cluster, [opts.service])).get(opts.service);
  } catch (err) {
    if (isRetryable(err)) return 'retry';
    throw err;
  }
}

/** Deletes a service with its tasks (force: it need not be scaled to 0 first). */
export async function deleteService(ecs: ECSClient, input: { cluster: string; service: string }): Promise<void> {
  await ecs.send(new DeleteServiceCommand({ ...input, force: true }));
}
