// The howto-ecs-basics sample (aws-app-mesh-examples) at the step before traffic shifting, as the walkthrough in
// ../shared/seed/ builds it: mesh, color and front nodes, the color virtual service provided by the color node, Cloud
// Map namespace howto-ecs-basics.pvtdns / service color, and the color (COLOR=green) and front services on ECS.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ACCOUNT } from './common.js';
import type { Emulator } from './server.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
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
  emu.appMesh.put(mesh.name, 'VirtualNode', SAMPLE.stableNode, {
    listeners: [{ portMapping: { port: 8080, protocol: 'http' } }],
    serviceDiscovery: {
      awsCloudMap: { namespaceName: SAMPLE.namespace, serviceName: 'color', attributes: [{ key: 'ECS_TASK_DEFINITION_FAMILY', value: 'howto-ecs-basics-color' }] },
    },
  }, { create: true });
  emu.appMesh.put(mesh.name, 'VirtualNode', 'howto-ecs-basics-front-node', {
    listeners: [{ portMapping: { port: 8080, protocol: 'http' } }],
    serviceDiscovery: { dns: { hostname: 'appmes-Publi-example.ap-northeast-1.elb.amazonaws.com' } },
    backends: [{ virtualService: { virtualServiceName: SAMPLE.virtualService } }],
  }, { create: true });
  emu.appMesh.put(mesh.name, 'VirtualService', SAMPLE.virtualService, { provider: { virtualNode: { virtualNodeName: SAMPLE.stableNode } } }, { create: true });

  const network = {
    awsvpcConfiguration: { subnets: ['subnet-0private1', 'subnet-0private2'], securityGroups: ['sg-0app'], assignPublicIp: 'DISABLED' },
  };
  const deploymentConfiguration = { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } };
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
