import type { Service } from '@aws-sdk/client-ecs';
import { canaryServiceInput } from '../../src/plan/service.js';

const stable: Service = {
  serviceName: 'color',
  launchType: 'FARGATE',
  platformVersion: '1.4.0',
  schedulingStrategy: 'REPLICA',
  networkConfiguration: { awsvpcConfiguration: { subnets: ['s-1'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' } },
  serviceRegistries: [{ registryArn: 'arn:aws:servicediscovery:us-east-1:111122223333:service/srv-1' }],
  deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: false, rollback: false } },
  loadBalancers: [{ targetGroupArn: 'tg', containerName: 'app', containerPort: 8080 }],
  healthCheckGracePeriodSeconds: 60,
  propagateTags: 'SERVICE',
  tags: [{ key: 'team', value: 'color' }, { key: 'aws:cloudformation:stack-name', value: 'x' }],
};
const opts = { cluster: 'howto', serviceName: 'color-v2', desiredCount: 2 };

test('clones network, registry, launch type, platform and tags; no load balancer; circuit breaker on', () => {
  expect(canaryServiceInput(stable, opts)).toEqual({
    cluster: 'howto',
    serviceName: 'color-v2',
    desiredCount: 2,
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    schedulingStrategy: 'REPLICA',
    networkConfiguration: stable.networkConfiguration,
    serviceRegistries: stable.serviceRegistries,
    deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } },
    propagateTags: 'SERVICE',
    enableECSManagedTags: undefined,
    enableExecuteCommand: undefined,
    tags: [{ key: 'team', value: 'color' }, { key: 'ecs-mesh-canary:stable-service', value: 'color' }],
  });
});

test('a capacity provider strategy replaces the launch type', () => {
  const input = canaryServiceInput({ ...stable, launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] }, opts);
  expect(input.capacityProviderStrategy).toEqual([{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]);
  expect(input).not.toHaveProperty('launchType');
});

test.each([
  ['a DAEMON service', { schedulingStrategy: 'DAEMON' as const }, /DAEMON/],
  ['a service without a Cloud Map registry', { serviceRegistries: [] }, /no Cloud Map service registry/],
])('refuses %s', (_n, over, message) => {
  expect(() => canaryServiceInput({ ...stable, ...over }, opts)).toThrow(message);
});
