// The howto-ecs-basics sample (aws-app-mesh-examples) at the step before traffic shifting, as the walkthrough in
// ../shared/seed/ builds it: mesh, color and front nodes, the color virtual service provided by the color node, Cloud
// Map namespace howto-ecs-basics.pvtdns / service color, and the color (COLOR=green) and front services on ECS.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ACCOUNT } from './common.js';
import type { Emulator } from './server.js';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const json = (name: string) => JSON.parse(readFileSync(`${FIXTURES}${name}`, 'utf8'));

export const SAMPLE = {
  cluster: 'howto-ecs-basics',
  mesh: 'howto-ecs-basics',
  namespace: 'howto-ecs-basics.pvtdns',
  virtualService: 'color.howto-ecs-basics.mesh.local',
  virtualRouter: 'howto-ecs-basics-color-router',
  route: 'howto-ecs-basics-color-route',
  stableNode: 'howto-ecs-basics-color-node',
  canaryNode: 'howto-ecs-basics-color-v2-node',
  stableService: 'color',
  canaryService: 'color-v2',
  /** The walkthrough's v2 (blue) task definition, exactly as printed there. */
  v2TaskDefinition: `${FIXTURES}color-v2-task-definition.json`,
} as const;

/** Inputs of the action for the sample, as a workflow would set them. */
export function sampleInputs(over: Record<string, string> = {}): Record<string, string> {
  return {
    cluster: SAMPLE.cluster,
    mesh: SAMPLE.mesh,
    'virtual-router': SAMPLE.virtualRouter,
    route: SAMPLE.route,
    'virtual-service': SAMPLE.virtualService,
    'stable-virtual-node': SAMPLE.stableNode,
    'canary-virtual-node': SAMPLE.canaryNode,
    'stable-service': SAMPLE.stableService,
    'canary-service': SAMPLE.canaryService,
    ...over,
  };
}

export function seedHowtoEcsBasics(emu: Emulator): void {
  const roles = {
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/howto-ecs-basics-TaskIamRole`,
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/howto-ecs-basics-TaskExecutionIamRole`,
  };
  emu.ecs.createCluster(SAMPLE.cluster);
  const color = emu.ecs.registerTaskDefinition({ ...json('color-v1-task-definition.json'), ...roles });
  const front = emu.ecs.registerTaskDefinition({ ...json('front-task-definition.json'), ...roles });

  const ns = emu.cloudMap.createNamespace(SAMPLE.namespace);
  const colorRegistry = emu.cloudMap.createService(ns.Id, 'color');

  const mesh = emu.appMesh.createMesh(SAMPLE.mesh, { egressFilter: { type: 'DROP_ALL' } });
  emu.appMesh.put(
    mesh.name,
    'VirtualNode',
    SAMPLE.stableNode,
    {
      listeners: [{ portMapping: { port: 8080, protocol: 'http' } }],
      serviceDiscovery: {
        awsCloudMap: {
          namespaceName: SAMPLE.namespace,
          serviceName: 'color',
          attributes: [{ key: 'ECS_TASK_DEFINITION_FAMILY', value: 'howto-ecs-basics-color' }],
        },
      },
    },
    { create: true },
  );
  emu.appMesh.put(
    mesh.name,
    'VirtualNode',
    'howto-ecs-basics-front-node',
    {
      listeners: [{ portMapping: { port: 8080, protocol: 'http' } }],
      serviceDiscovery: { dns: { hostname: 'appmes-Publi-example.ap-northeast-1.elb.amazonaws.com' } },
      backends: [{ virtualService: { virtualServiceName: SAMPLE.virtualService } }],
    },
    { create: true },
  );
  emu.appMesh.put(
    mesh.name,
    'VirtualService',
    SAMPLE.virtualService,
    { provider: { virtualNode: { virtualNodeName: SAMPLE.stableNode } } },
    { create: true },
  );

  const network = {
    awsvpcConfiguration: {
      subnets: ['subnet-0private1', 'subnet-0private2'],
      securityGroups: ['sg-0app'],
      assignPublicIp: 'DISABLED',
    },
  };
  const deploymentConfiguration = {
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    deploymentCircuitBreaker: { enable: true, rollback: true },
  };
  emu.ecs.seedService(SAMPLE.cluster, {
    serviceName: SAMPLE.stableService,
    taskDefinition: color.taskDefinitionArn,
    desiredCount: 3,
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    networkConfiguration: network,
    serviceRegistries: [{ registryArn: colorRegistry.Arn }],
    deploymentConfiguration,
    propagateTags: 'SERVICE',
    tags: [{ key: 'project', value: 'howto-ecs-basics' }],
  });
  emu.ecs.seedService(SAMPLE.cluster, {
    serviceName: 'front',
    taskDefinition: front.taskDefinitionArn,
    desiredCount: 1,
    launchType: 'FARGATE',
    networkConfiguration: network,
    deploymentConfiguration,
  });
}

/**
 * The howto-ecs-basics color app moved to VPC Lattice: Lattice service `color` whose HTTP listener on port 80 forwards
 * everything to target group `color-tg` (IP, port 8080), and ECS service `color` in the sample's cluster running an
 * app-only task definition (no Envoy, no proxy configuration; COLOR=green) whose port mapping `color-8080` ECS
 * registers in `color-tg`. Seed it instead of seedHowtoEcsBasics, not with it: both own ECS service `color`.
 */
export const LATTICE_SAMPLE = {
  cluster: SAMPLE.cluster,
  service: 'color',
  listener: 'http-80',
  listenerPort: 80,
  targetGroup: 'color-tg',
  ecsService: 'color',
  family: 'howto-ecs-basics-color',
  container: 'app',
  portName: 'color-8080',
  containerPort: 8080,
  vpc: 'vpc-0123456789abcdef0',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/ecsInfrastructureRoleForVpcLattice`,
} as const;

/** What seedLatticeColor created, by AWS ID and ARN. */
export interface LatticeSeed {
  serviceId: string;
  serviceArn: string;
  listenerId: string;
  listenerArn: string;
  targetGroupId: string;
  targetGroupArn: string;
  taskDefinitionArn: string;
}

/**
 * RegisterTaskDefinition input for the color app alone, behind Lattice: the walkthrough's app container answering
 * `color` (an image tagged with it unless `image` is given), its port mapping named LATTICE_SAMPLE.portName.
 */
export function latticeColorTaskDefinition(color = 'green', image?: string): Record<string, any> {
  const v1 = json('color-v1-task-definition.json');
  const app = v1.containerDefinitions.find((c: { name: string }) => c.name === LATTICE_SAMPLE.container);
  const environment = (app.environment as { name: string; value: string }[]).map((e) =>
    e.name === 'COLOR' ? { ...e, value: color } : e.name === 'XRAY_APP_NAME' ? { ...e, value: `color-${color}` } : e,
  );
  const portMappings = [
    {
      name: LATTICE_SAMPLE.portName,
      containerPort: LATTICE_SAMPLE.containerPort,
      hostPort: LATTICE_SAMPLE.containerPort,
      protocol: 'tcp',
      appProtocol: 'http',
    },
  ];
  const { dependsOn: _dependsOn, ...rest } = app;
  const container = {
    ...rest,
    image: image ?? String(app.image).replace(/:[^:]+$/, `:${color}`),
    environment,
    portMappings,
  };
  const { proxyConfiguration: _proxy, tags: _tags, ...def } = v1;
  return {
    ...def,
    family: LATTICE_SAMPLE.family,
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/howto-ecs-basics-TaskIamRole`,
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/howto-ecs-basics-TaskExecutionIamRole`,
    containerDefinitions: [container],
  };
}

export function seedLatticeColor(emu: Emulator): LatticeSeed {
  if (!emu.ecs.clusters.has(LATTICE_SAMPLE.cluster)) emu.ecs.createCluster(LATTICE_SAMPLE.cluster);
  const def = emu.ecs.registerTaskDefinition(latticeColorTaskDefinition('green'));
  const group = emu.lattice.createTargetGroup({
    name: LATTICE_SAMPLE.targetGroup,
    type: 'IP',
    config: {
      port: LATTICE_SAMPLE.containerPort,
      protocol: 'HTTP',
      protocolVersion: 'HTTP1',
      ipAddressType: 'IPV4',
      vpcIdentifier: LATTICE_SAMPLE.vpc,
      healthCheck: {
        enabled: true,
        protocol: 'HTTP',
        protocolVersion: 'HTTP1',
        path: '/ping',
        matcher: { httpCode: '200' },
      },
    },
  });
  const service = emu.lattice.createService({
    name: LATTICE_SAMPLE.service,
    authType: 'NONE',
    tags: { project: 'howto-ecs-basics' },
  });
  const listener = emu.lattice.createListener(service.id, {
    name: LATTICE_SAMPLE.listener,
    protocol: 'HTTP',
    port: LATTICE_SAMPLE.listenerPort,
    defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: group.id, weight: 100 }] } },
  });
  emu.ecs.seedService(LATTICE_SAMPLE.cluster, {
    serviceName: LATTICE_SAMPLE.ecsService,
    taskDefinition: def.taskDefinitionArn,
    desiredCount: 3,
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: ['subnet-0private1', 'subnet-0private2'],
        securityGroups: ['sg-0app'],
        assignPublicIp: 'DISABLED',
      },
    },
    vpcLatticeConfigurations: [
      { roleArn: LATTICE_SAMPLE.roleArn, targetGroupArn: group.arn, portName: LATTICE_SAMPLE.portName },
    ],
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    propagateTags: 'SERVICE',
    tags: [{ key: 'project', value: 'howto-ecs-basics' }],
  });
  emu.lattice.markHealthy(group.id);
  return {
    serviceId: service.id,
    serviceArn: service.arn,
    listenerId: listener.id,
    listenerArn: listener.arn,
    targetGroupId: group.id,
    targetGroupArn: group.arn,
    taskDefinitionArn: def.taskDefinitionArn,
  };
}

/** The action inputs for the Lattice color app (provider vpc-lattice, canary service color-canary). */
export function latticeInputs(over: Record<string, string> = {}): Record<string, string> {
  return {
    'traffic-provider': 'vpc-lattice',
    cluster: LATTICE_SAMPLE.cluster,
    'lattice-service': LATTICE_SAMPLE.service,
    'stable-service': LATTICE_SAMPLE.ecsService,
    'canary-service': 'color-canary',
    ...over,
  };
}

/** The demo's alarm gate: color-5xx, OK until the canary has answered 5 requests with a 5xx. */
export function seedAlarm(emu: Emulator, name = 'color-5xx'): void {
  emu.cloudWatch.putMetricAlarm(name, { state: 'OK', reason: 'no 5xx' });
  emu.cloudWatch.tieToErrors(name, { threshold: 5 });
}
