// The howto-ecs-basics sample (aws-app-mesh-examples) at the step before traffic shifting, as the walkthrough in
// ../shared/seed/ builds it: mesh, color and front nodes, the color virtual service provided by the color node, Cloud
// Map namespace howto-ecs-basics.pvtdns / service color, and the color (COLOR=green) and front services on ECS.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ACCOUNT } from './common.js';
import type { AlbTrafficOptions, AlbTrafficTally } from './elbv2.js';
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

/**
 * The howto-ecs-basics color app behind an internal Application Load Balancer: load balancer `color-alb` whose HTTP
 * listener on port 80 forwards everything to target group `color-tg` (IP, HTTP 8080, health check /ping) at weight 1,
 * and ECS service `color` in the sample's cluster running the app-only task definition (COLOR=green) with
 * loadBalancers → color-tg (container `app`, port 8080). Seed it instead of seedHowtoEcsBasics or seedLatticeColor,
 * not with them: all own ECS service `color`.
 */
export const ALB_SAMPLE = {
  cluster: SAMPLE.cluster,
  loadBalancer: 'color-alb',
  listenerPort: 80,
  /** The listener as the emulator's traffic() takes it. */
  listener: 'color-alb:80',
  targetGroup: 'color-tg',
  ecsService: 'color',
  family: 'howto-ecs-basics-color',
  container: 'app',
  containerPort: 8080,
  subnets: ['subnet-0private1', 'subnet-0private2'],
} as const;

/** What seedAlbColor created, by ARN. */
export interface AlbSeed {
  loadBalancerArn: string;
  dnsName: string;
  listenerArn: string;
  targetGroupArn: string;
  taskDefinitionArn: string;
}

export function seedAlbColor(emu: Emulator): AlbSeed {
  const elb = <T = Record<string, any>>(operation: string, input: Record<string, unknown>) =>
    emu.elbv2.handle(operation, input) as T;
  if (!emu.ecs.clusters.has(ALB_SAMPLE.cluster)) emu.ecs.createCluster(ALB_SAMPLE.cluster);
  const def = emu.ecs.registerTaskDefinition(latticeColorTaskDefinition('green'));
  const lb = elb('CreateLoadBalancer', {
    Name: ALB_SAMPLE.loadBalancer,
    Subnets: [...ALB_SAMPLE.subnets],
    SecurityGroups: ['sg-0alb'],
    Scheme: 'internal',
    Type: 'application',
  }).LoadBalancers[0];
  const group = elb('CreateTargetGroup', {
    Name: ALB_SAMPLE.targetGroup,
    Protocol: 'HTTP',
    Port: ALB_SAMPLE.containerPort,
    VpcId: emu.elbv2.defaultVpcId,
    TargetType: 'ip',
    HealthCheckPath: '/ping',
    HealthCheckIntervalSeconds: 10,
    HealthyThresholdCount: 2,
    Matcher: { HttpCode: '200' },
  }).TargetGroups[0];
  elb('ModifyTargetGroupAttributes', {
    TargetGroupArn: group.TargetGroupArn,
    Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
  });
  const listener = elb('CreateListener', {
    LoadBalancerArn: lb.LoadBalancerArn,
    Protocol: 'HTTP',
    Port: ALB_SAMPLE.listenerPort,
    DefaultActions: [
      { Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: group.TargetGroupArn, Weight: 1 }] } },
    ],
  }).Listeners[0];
  emu.ecs.seedService(ALB_SAMPLE.cluster, {
    serviceName: ALB_SAMPLE.ecsService,
    taskDefinition: def.taskDefinitionArn,
    desiredCount: 3,
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: [...ALB_SAMPLE.subnets],
        securityGroups: ['sg-0app'],
        assignPublicIp: 'DISABLED',
      },
    },
    loadBalancers: [
      {
        targetGroupArn: group.TargetGroupArn,
        containerName: ALB_SAMPLE.container,
        containerPort: ALB_SAMPLE.containerPort,
      },
    ],
    healthCheckGracePeriodSeconds: 30,
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    propagateTags: 'SERVICE',
    tags: [{ key: 'project', value: 'howto-ecs-basics' }],
  });
  return {
    loadBalancerArn: lb.LoadBalancerArn,
    dnsName: lb.DNSName,
    listenerArn: listener.ListenerArn,
    targetGroupArn: group.TargetGroupArn,
    taskDefinitionArn: def.taskDefinitionArn,
  };
}

/** The action inputs for the color app behind the ALB (provider alb, canary service color-canary). */
export function albInputs(over: Record<string, string> = {}): Record<string, string> {
  return {
    'traffic-provider': 'alb',
    cluster: ALB_SAMPLE.cluster,
    'stable-service': ALB_SAMPLE.ecsService,
    'canary-service': 'color-canary',
    ...over,
  };
}

/** The ALB traffic tally, with who answered: the COLOR and the app image of the task behind each target. */
export interface AlbColorTally extends AlbTrafficTally {
  colors: Record<string, number>;
  /** Answers by the image of the task's app container, e.g. { 'colorapp:green': 800, 'colorapp:blue': 200 }. */
  images: Record<string, number>;
}

/**
 * Sends `requests` simulated requests through an ALB listener (default: the sample's) as Emulator.latticeTraffic does
 * through Lattice: time passes first (rollouts due resolve), a task running an image in `brokenImages` answers 5xx
 * (counted as failures, and by the alarms tied to errors), every other answer is its task's COLOR and app image.
 */
export function albTraffic(
  emu: Emulator,
  requests = 1000,
  opts: AlbTrafficOptions & { listener?: string } = {},
): AlbColorTally {
  emu.ecs.advance();
  emu.cloudWatch.evaluate();
  const tally: AlbColorTally = {
    ...emu.elbv2.traffic(opts.listener ?? ALB_SAMPLE.listener, requests, opts),
    colors: {},
    images: {},
  };
  const tasks = [...emu.ecs.tasks.values()];
  for (const [target, count] of Object.entries(tally.targets)) {
    const ip = target.slice(0, target.lastIndexOf(':'));
    const task = tasks.find((t) => t.ip === ip);
    const def = task && emu.ecs.taskDefinition(task.taskDefinitionArn);
    const images: string[] = (def?.containerDefinitions ?? []).map((c: { image: string }) => c.image);
    const failure = !def
      ? `target ${target} has no running task`
      : images.some((i) => emu.brokenImages.has(i))
        ? '5xx'
        : '';
    if (!def || failure) {
      tally.failures += count;
      tally.errors[failure] = (tally.errors[failure] ?? 0) + count;
      continue;
    }
    const app = def.containerDefinitions.find((c: { name: string }) => c.name === 'app') ?? def.containerDefinitions[0];
    const color =
      (app.environment as { name: string; value: string }[] | undefined)?.find((e) => e.name === 'COLOR')?.value ??
      String(app.image).split(':').pop()!;
    tally.colors[color] = (tally.colors[color] ?? 0) + count;
    tally.images[app.image] = (tally.images[app.image] ?? 0) + count;
  }
  emu.cloudWatch.recordTraffic(tally);
  return tally;
}

/**
 * The canary's share of the weights (percent, 0–100) of the ALB sample's listener default action, or of `rule` (its
 * ARN): target groups other than `stableTargetGroup` (default the sample's) are the canary; undefined without it.
 */
export function albCanaryWeight(
  emu: Emulator,
  where: { listener?: string; rule?: string; stableTargetGroup?: string } = {},
): number | undefined {
  let listener: ReturnType<Emulator['elbv2']['listener']>;
  try {
    listener = emu.elbv2.listener(where.listener ?? ALB_SAMPLE.listener);
  } catch {
    return undefined;
  }
  const actions = where.rule ? listener.rules.get(where.rule)?.actions : listener.defaultActions;
  const forward = actions?.find((a) => a.Type === 'forward');
  if (!forward) return undefined;
  const stable = emu.elbv2.findTargetGroup(where.stableTargetGroup ?? ALB_SAMPLE.targetGroup)?.arn;
  const groups = forward.ForwardConfig.TargetGroups as { TargetGroupArn: string; Weight: number }[];
  const total = groups.reduce((n, g) => n + g.Weight, 0);
  const canary = groups.filter((g) => g.TargetGroupArn !== stable).reduce((n, g) => n + g.Weight, 0);
  return total > 0 ? (canary / total) * 100 : 0;
}
