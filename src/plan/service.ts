// Pure: the canary ECS service, cloned from the stable one (same cluster, network and Cloud Map registry).
import type { CreateServiceCommandInput, Service } from '@aws-sdk/client-ecs';
import { PlanError } from '../errors.js';

export function canaryServiceInput(
  stable: Service,
  opts: { cluster: string; serviceName: string; desiredCount: number },
): Omit<CreateServiceCommandInput, 'taskDefinition'> {
  if (stable.schedulingStrategy === 'DAEMON') {
    throw new PlanError(`Service ${stable.serviceName} uses the DAEMON scheduling strategy; a canary needs REPLICA`, 'stable-service');
  }
  if (!stable.serviceRegistries?.length) {
    throw new PlanError(
      `Service ${stable.serviceName} has no Cloud Map service registry, so its tasks are invisible to App Mesh Cloud Map discovery; enable service discovery on it first`,
      'stable-service',
    );
  }
  const input: Omit<CreateServiceCommandInput, 'taskDefinition'> = {
    cluster: opts.cluster,
    serviceName: opts.serviceName,
    desiredCount: opts.desiredCount,
    networkConfiguration: stable.networkConfiguration,
    serviceRegistries: stable.serviceRegistries,
    // The canary always gets the deployment circuit breaker: a broken image then fails the run within minutes
    // instead of after wait-for-minutes.
    deploymentConfiguration: { ...stable.deploymentConfiguration, deploymentCircuitBreaker: { enable: true, rollback: true } },
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
  input.tags = [...tags.filter((t) => t.key !== 'ecs-mesh-canary:stable-service'), { key: 'ecs-mesh-canary:stable-service', value: stable.serviceName }];
  return input;
}
