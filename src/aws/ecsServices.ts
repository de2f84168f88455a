// ECS services: one DescribeServices for all the services a run needs, create/update, and the rollout waiter.
import * as core from '@actions/core';
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  UpdateServiceCommand,
  type CreateServiceCommandInput,
  type ECSClient,
  type Service,
} from '@aws-sdk/client-ecs';
import { awsErrorName, PlanError } from '../errors.js';
import { primaryDeployment, rolloutComplete } from '../plan/ecs.js';

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

export async function updateService(
  ecs: ECSClient,
  input: { cluster: string; service: string; taskDefinition?: string; desiredCount?: number },
): Promise<Service> {
  const out = await ecs.send(new UpdateServiceCommand(input));
  if (!out.service) throw new Error('UpdateService returned no service');
  return out.service;
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
  sleep(ms: number): Promise<void>;
  now?: () => number;
}

/**
 * Time to the next poll: a tenth of the time waited so far, between 1 s and 5 s. A completed rollout is noticed
 * within 5 s, and within 10 % of its own duration when it is short.
 */
export function pollDelayMs(elapsedMs: number): number {
  return Math.min(5000, Math.max(1000, Math.round(elapsedMs / 10)));
}

/**
 * Waits until the given deployment is COMPLETED with runningCount = desiredCount. Fails when it FAILED, when it
 * disappears or stops being PRIMARY (the deployment circuit breaker rolled it back), or on timeout.
 */
export async function waitForRollout(ecs: ECSClient, opts: WaitOptions): Promise<Service> {
  const now = opts.now ?? Date.now;
  const start = now();
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
    if (!service) throw new RolloutError(`ECS service ${opts.service} disappeared while its rollout was awaited`);
    const deployment = service.deployments?.find((d) => d.id === opts.deploymentId);
    if (deployment?.status !== 'PRIMARY') {
      const current = primaryDeployment(service);
      throw new RolloutError(
        `Deployment ${opts.deploymentId} of ${opts.service} was rolled back by ECS (deployment circuit breaker)${current ? `; the service now runs ${current.taskDefinition}` : ''}`,
      );
    }
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

const RETRYABLE =
  /Throttl|TooManyRequests|RequestLimitExceeded|ServiceUnavailable|InternalServerError|ServerException|TimeoutError|ECONNRESET|ETIMEDOUT/;

/** Throttling, 5xx and timeouts while waiting count as "still waiting" until the deadline. */
async function describeOrStillWaiting(ecs: ECSClient, opts: WaitOptions): Promise<Service | undefined | 'retry'> {
  try {
    return (await describeServices(ecs, opts.cluster, [opts.service])).get(opts.service);
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
    if (RETRYABLE.test(awsErrorName(err) ?? '') || status >= 500) return 'retry';
    throw err;
  }
}

/** Deletes a service with its tasks (force: it need not be scaled to 0 first). */
export async function deleteService(ecs: ECSClient, input: { cluster: string; service: string }): Promise<void> {
  await ecs.send(new DeleteServiceCommand({ ...input, force: true }));
}
