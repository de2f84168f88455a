// The howto-ecs-basics color app on ECS Service Connect, for traffic-provider: ecs-native: ECS service `color` in the
// sample's cluster running the app-only task definition (COLOR=green, image colorapp:green) as a client-server
// Service Connect service (namespace howto-ecs-basics.local, port name color-8080, client alias color:8080), deployed
// ROLLING with the circuit breaker; and ECS service `front`, on no Service Connect and no load balancer (a service
// ECS cannot shift traffic for). Seed it instead of seedHowtoEcsBasics, seedLatticeColor or seedAlbColor, not with
// them: all own ECS service `color`.
import { ACCOUNT } from './common.js';
import { LATTICE_SAMPLE, latticeColorTaskDefinition } from './fixture.js';
import type { Emulator } from './server.js';
import {
  type ServiceConnectTally,
  type ServiceConnectTrafficOptions,
  serviceConnectTraffic,
} from './ecsDeployments.js';

export const NATIVE_SAMPLE = {
  cluster: LATTICE_SAMPLE.cluster,
  service: 'color',
  /** A service on neither Service Connect nor a load balancer. */
  plainService: 'front',
  family: LATTICE_SAMPLE.family,
  namespace: `arn:aws:servicediscovery:REGION:${ACCOUNT}:namespace/ns-howtoecsbasics01`,
  portName: LATTICE_SAMPLE.portName,
  dnsName: 'color',
  port: LATTICE_SAMPLE.containerPort,
  stableImage: 'colorapp:green',
} as const;

const network = {
  awsvpcConfiguration: {
    subnets: ['subnet-0private1', 'subnet-0private2'],
    securityGroups: ['sg-0app'],
    assignPublicIp: 'DISABLED',
  },
};

/** The Service Connect configuration of ECS service `color` (client-server: one endpoint, one client alias). */
export function colorServiceConnect(region: string) {
  return {
    enabled: true,
    namespace: NATIVE_SAMPLE.namespace.replace('REGION', region),
    services: [
      {
        portName: NATIVE_SAMPLE.portName,
        discoveryName: NATIVE_SAMPLE.dnsName,
        clientAliases: [{ port: NATIVE_SAMPLE.port, dnsName: NATIVE_SAMPLE.dnsName }],
      },
    ],
  };
}

export function seedServiceConnectColor(emu: Emulator): { taskDefinitionArn: string } {
  if (!emu.ecs.clusters.has(NATIVE_SAMPLE.cluster)) emu.ecs.createCluster(NATIVE_SAMPLE.cluster);
  const def = emu.ecs.registerTaskDefinition(latticeColorTaskDefinition('green', NATIVE_SAMPLE.stableImage));
  const deploymentConfiguration = {
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    deploymentCircuitBreaker: { enable: true, rollback: true },
  };
  const color = emu.ecs.seedService(NATIVE_SAMPLE.cluster, {
    serviceName: NATIVE_SAMPLE.service,
    taskDefinition: def.taskDefinitionArn,
    desiredCount: 3,
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    networkConfiguration: network,
    deploymentConfiguration,
    propagateTags: 'SERVICE',
    tags: [{ key: 'project', value: 'howto-ecs-basics' }],
  });
  // As on AWS, DescribeServices shows the Service Connect configuration on the deployments, not on the service.
  Object.assign(color.deployments[0], { serviceConnectConfiguration: colorServiceConnect(emu.region) });
  emu.ecs.seedService(NATIVE_SAMPLE.cluster, {
    serviceName: NATIVE_SAMPLE.plainService,
    taskDefinition: def.taskDefinitionArn,
    desiredCount: 1,
    launchType: 'FARGATE',
    networkConfiguration: network,
    deploymentConfiguration,
  });
  return { taskDefinitionArn: def.taskDefinitionArn };
}

/** The action inputs for the color app on Service Connect (provider ecs-native, one service). */
export function nativeInputs(over: Record<string, string> = {}): Record<string, string> {
  return {
    'traffic-provider': 'ecs-native',
    cluster: NATIVE_SAMPLE.cluster,
    'stable-service': NATIVE_SAMPLE.service,
    ...over,
  };
}

/** Requests to ECS service `color` through Service Connect, tallied by the image that answered. */
export function colorTraffic(
  emu: Emulator,
  requests = 1000,
  opts: ServiceConnectTrafficOptions = {},
): ServiceConnectTally {
  return serviceConnectTraffic(emu, NATIVE_SAMPLE.cluster, NATIVE_SAMPLE.service, requests, opts);
}

/** The color service's deployment under way, as the emulator holds it. */
export function colorDeployment(emu: Emulator) {
  return emu.ecs.serviceDeployments.active(NATIVE_SAMPLE.cluster, NATIVE_SAMPLE.service);
}

/** colorTraffic with the answers also counted by color: the tag of the image that answered (colorapp:blue → blue). */
export function colorAnswers(
  emu: Emulator,
  requests = 1000,
  opts: ServiceConnectTrafficOptions = {},
): ServiceConnectTally & { colors: Record<string, number> } {
  const tally = colorTraffic(emu, requests, opts);
  const colors: Record<string, number> = {};
  for (const [image, n] of Object.entries(tally.images)) {
    const color = image.split(':').pop()!;
    colors[color] = (colors[color] ?? 0) + n;
  }
  return { ...tally, colors };
}
