// Pure: the canary ECS service, cloned from the stable one (same cluster and network); how it registers with the
// traffic backend (a service registry, a target group, …) is the provider's part, merged in as it returns it.
import type { CreateServiceCommandInput, DeploymentConfiguration, Service } from '@aws-sdk/client-ecs';
import { PlanError } from '../errors.js';
import type { Registration } from '../traffic/provider.js';

/** The tag on a canary service this action created (its value names the stable service it was cloned from). */
export const CREATED_TAG = 'ecs-mesh-canary:stable-service';

export function canaryServiceInput(
  stable: Service,
  opts: {
    cluster: string;
    serviceName: string;
    desiredCount: number;
    registration: Registration;
    /** CloudWatch alarms that make ECS stop and roll back the canary's own rollout. */
    alarms?: readonly string[];
  },
): Omit<CreateServiceCommandInput, 'taskDefinition'> {
  if (stable.schedulingStrategy === 'DAEMON') {
    throw new PlanError(
      `Service ${stable.serviceName} uses the DAEMON scheduling strategy; a canary needs REPLICA`,
      'stable-service',
    );
  }
  const input: Omit<CreateServiceCommandInput, 'taskDefinition'> = {
    cluster: opts.cluster,
    serviceName: opts.serviceName,
    desiredCount: opts.desiredCount,
    networkConfiguration: stable.networkConfiguration,
    ...opts.registration,
    // The canary always gets the deployment circuit breaker: a broken image then fails the run within minutes
    // instead of after wait-for-minutes.
    deploymentConfiguration: {
      ...stable.deploymentConfiguration,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      ...(opts.alarms?.length ? { alarms: { alarmNames: [...opts.alarms], enable: true, rollback: true } } : {}),
    },
    schedulingStrategy: 'REPLICA',
    enableECSManagedTags: stable.enableECSManagedTags,
    enableExecuteCommand: stable.enableExecuteCommand,
  };
  if (stable.capacityProviderStrategy?.length) input.capacityProviderStrategy = stable.capacityProviderStrategy;
  else if (stable.launchType) input.launchType = stable.launchType;
  if (stable.platformVersion && stable.platformVersion !== 'LATEST') input.platformVersion = stable.platformVersion;
  if (stable.placementConstraints?.length) input.placementConstraints = stable.placementConstraints;
  if (stable.placementStrategy?.length) input.placementStrategy = stable.placementStrategy;
  if (stable.propagateTags && stable.propagateTags !== 'NONE') input.propagateTags = stable.propagateTags;
  const tags = (stable.tags ?? []).filter((t) => !t.key?.startsWith('aws:'));
  input.tags = [...tags.filter((t) => t.key !== CREATED_TAG), { key: CREATED_TAG, value: stable.serviceName }];
  return input;
}

/**
 * The deployment configuration to send to an existing canary service so that its rollouts stop and roll back on the
 * `alarms` input, or undefined when it already does (or no alarms are given: alarms set by hand are left alone).
 */
export function alarmsUpdate(
  service: Service,
  alarms: readonly string[] | undefined,
): DeploymentConfiguration | undefined {
  if (!alarms?.length) return undefined;
  const current = service.deploymentConfiguration?.alarms;
  const same =
    current?.enable &&
    current.rollback &&
    [...(current.alarmNames ?? [])].sort().join('\n') === [...alarms].sort().join('\n');
  if (same) return undefined;
  return {
    ...service.deploymentConfiguration,
    alarms: { alarmNames: [...alarms], enable: true, rollback: true },
  };
}

export function clusterName(cluster: string): string {
  return cluster.slice(cluster.lastIndexOf('/') + 1);
}
