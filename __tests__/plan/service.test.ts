// The canary ECS service, cloned from the stable one; how it registers with the traffic backend is given.
import type { Service } from '@aws-sdk/client-ecs';
import { PlanError } from '../../src/errors.js';
import { alarmsUpdate, canaryServiceInput, clusterName } from '../../src/plan/service.js';

const stable: Service = {
  serviceName: 'color',
  launchType: 'FARGATE',
  platformVersion: '1.4.0',
  schedulingStrategy: 'REPLICA',
  networkConfiguration: {
    awsvpcConfiguration: { subnets: ['s-1'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' },
  },
  serviceRegistries: [{ registryArn: 'arn:aws:servicediscovery:us-east-1:111122223333:service/srv-1' }],
  deploymentConfiguration: {
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    deploymentCircuitBreaker: { enable: false, rollback: false },
  },
  loadBalancers: [{ targetGroupArn: 'tg', containerName: 'app', containerPort: 8080 }],
  healthCheckGracePeriodSeconds: 60,
  propagateTags: 'SERVICE',
  tags: [
    { key: 'team', value: 'color' },
    { key: 'aws:cloudformation:stack-name', value: 'x' },
  ],
};
const cloudMap = { serviceRegistries: stable.serviceRegistries };
const opts = { cluster: 'howto', serviceName: 'color-v2', desiredCount: 2, registration: cloudMap };

test('clones network, launch type, platform and tags, registers as told; no load balancer; circuit breaker on', () => {
  expect(canaryServiceInput(stable, opts)).toEqual({
    cluster: 'howto',
    serviceName: 'color-v2',
    desiredCount: 2,
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    schedulingStrategy: 'REPLICA',
    networkConfiguration: stable.networkConfiguration,
    serviceRegistries: stable.serviceRegistries,
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    propagateTags: 'SERVICE',
    enableECSManagedTags: undefined,
    enableExecuteCommand: undefined,
    tags: [
      { key: 'team', value: 'color' },
      { key: 'ecs-mesh-canary:stable-service', value: 'color' },
    ],
  });
});

test('the registration is whatever the provider says: a Lattice target group instead of Cloud Map', () => {
  const vpcLatticeConfigurations = [
    { roleArn: 'arn:aws:iam::111122223333:role/lattice', targetGroupArn: 'arn:tg', portName: 'color-8080' },
  ];
  const input = canaryServiceInput(stable, { ...opts, registration: { vpcLatticeConfigurations } });
  expect(input.vpcLatticeConfigurations).toEqual(vpcLatticeConfigurations);
  expect(input).not.toHaveProperty('serviceRegistries');
});

test('a capacity provider strategy replaces the launch type', () => {
  const input = canaryServiceInput(
    { ...stable, launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] },
    opts,
  );
  expect(input.capacityProviderStrategy).toEqual([{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]);
  expect(input).not.toHaveProperty('launchType');
});

test('platform LATEST and propagateTags NONE are left to their defaults; placement is cloned', () => {
  const placement = {
    placementConstraints: [{ type: 'distinctInstance' as const }],
    placementStrategy: [{ type: 'spread' as const, field: 'attribute:ecs.availability-zone' }],
  };
  const input = canaryServiceInput({ ...stable, platformVersion: 'LATEST', propagateTags: 'NONE', ...placement }, opts);
  expect(input).not.toHaveProperty('platformVersion');
  expect(input).not.toHaveProperty('propagateTags');
  expect(input).toMatchObject(placement);
});

test('an old stable-service tag is replaced, never duplicated', () => {
  const input = canaryServiceInput(
    { ...stable, tags: [{ key: 'ecs-mesh-canary:stable-service', value: 'old' }] },
    opts,
  );
  expect(input.tags).toEqual([{ key: 'ecs-mesh-canary:stable-service', value: 'color' }]);
});

test('refuses a DAEMON service, naming the stable-service input', () => {
  const clone = () => canaryServiceInput({ ...stable, schedulingStrategy: 'DAEMON' }, opts);
  expect(clone).toThrow(PlanError);
  expect(clone).toThrow(
    "Service color uses the DAEMON scheduling strategy; a canary needs REPLICA (input 'stable-service')",
  );
});

test.each([
  ['arn:aws:ecs:us-east-1:111122223333:cluster/howto', 'howto'],
  ['howto', 'howto'],
])('clusterName(%s)', (cluster, name) => expect(clusterName(cluster)).toBe(name));

describe('alarms on the canary service', () => {
  const alarms = { alarmNames: ['color-5xx', 'color-latency'], enable: true, rollback: true };

  test('a created canary carries them, beside the circuit breaker', () => {
    const input = canaryServiceInput(stable, { ...opts, alarms: ['color-5xx', 'color-latency'] });
    expect(input.deploymentConfiguration).toMatchObject({
      deploymentCircuitBreaker: { enable: true, rollback: true },
      alarms,
    });
  });

  test.each([
    ['no alarms input: alarms set by hand are left alone', { alarms }, [], undefined],
    ['the same alarms in another order: nothing to send', { alarms }, ['color-latency', 'color-5xx'], undefined],
    [
      'other alarms: the whole configuration, with them',
      { ...stable.deploymentConfiguration, alarms: { ...alarms, alarmNames: ['old'] } },
      ['color-5xx', 'color-latency'],
      { ...stable.deploymentConfiguration, alarms },
    ],
    [
      'the same alarms, not rolling back: sent again',
      { alarms: { ...alarms, rollback: false } },
      ['color-5xx', 'color-latency'],
      { alarms },
    ],
  ])('%s', (_name, deploymentConfiguration, names, expected) => {
    expect(alarmsUpdate({ ...stable, deploymentConfiguration }, names)).toEqual(expected);
  });
});
