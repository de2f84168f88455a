// aws-sdk-client-mock handlers over a small in-memory world (the howto-ecs-basics sample before traffic shifting),
// recording every call in one ordered log across both clients.
import { readFileSync } from 'node:fs';
import {
  AppMeshClient,
  CreateRouteCommand,
  CreateVirtualNodeCommand,
  CreateVirtualRouterCommand,
  DescribeRouteCommand,
  DescribeVirtualNodeCommand,
  DescribeVirtualRouterCommand,
  DescribeVirtualServiceCommand,
  UpdateRouteCommand,
  UpdateVirtualNodeCommand,
  UpdateVirtualServiceCommand,
  type RouteData,
  type VirtualNodeData,
  type VirtualRouterData,
  type VirtualServiceData,
} from '@aws-sdk/client-app-mesh';
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type Service,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { readSettings, type Settings } from '../../src/inputs.js';

export const ACCOUNT = '111122223333';
export const REGION = 'ap-northeast-1';
export const MESH = 'howto-ecs-basics';
const meshArn = (kind: string) => `arn:aws:appmesh:${REGION}:${ACCOUNT}:mesh/${MESH}/${kind}`;

/** Action inputs for the mocked world; tests override single inputs. */
export const MOCK_INPUTS: Record<string, string> = {
  cluster: 'howto',
  mesh: MESH,
  'virtual-router': 'color-router',
  route: 'color-route',
  'virtual-service': 'color.howto-ecs-basics.mesh.local',
  'stable-virtual-node': 'howto-ecs-basics-color-node',
  'canary-virtual-node': 'howto-ecs-basics-color-v2-node',
  'stable-service': 'color',
  'canary-service': 'color-canary',
  image: 'colorapp:blue',
  'canary-weight': '20',
  'pr-comment': 'false',
};

export const mockSettings = (over: Record<string, string> = {}): Settings => readSettings((n) => ({ ...MOCK_INPUTS, ...over })[n] ?? '');

export const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

export interface Call {
  command: string;
  input: Record<string, unknown>;
}

class AwsError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** How each new deployment's rollout ends, and after how many polls. */
export type RolloutScript = { end: 'COMPLETED' | 'FAILED' | 'ROLLED_BACK'; afterPolls: number };

export class MockWorld {
  readonly calls: Call[] = [];
  readonly ecs = mockClient(ECSClient);
  readonly mesh = mockClient(AppMeshClient);
  services = new Map<string, Service>();
  taskDefinitions: TaskDefinition[] = [];
  nodes = new Map<string, VirtualNodeData>();
  routers = new Map<string, VirtualRouterData>();
  routes = new Map<string, RouteData>();
  virtualServices = new Map<string, VirtualServiceData>();
  rollout: RolloutScript = { end: 'COMPLETED', afterPolls: 1 };
  /** Fail the named command with this error (once per entry). */
  faults: { command: string; error: string; after?: number }[] = [];
  private polls = new Map<string, number>();
  private deploymentSeq = 0;

  constructor() {
    const v1 = fixture('color-v1-task-definition.json') as TaskDefinition;
    this.register({ ...v1, taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/task`, executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/exec` });
    const stable: Service = {
      serviceName: 'color',
      serviceArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/howto/color`,
      clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/howto`,
      status: 'ACTIVE',
      taskDefinition: this.taskDefinitions[0].taskDefinitionArn,
      desiredCount: 1,
      runningCount: 1,
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      schedulingStrategy: 'REPLICA',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' } },
      serviceRegistries: [{ registryArn: `arn:aws:servicediscovery:${REGION}:${ACCOUNT}:service/srv-color` }],
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } },
      tags: [{ key: 'team', value: 'color' }],
      deployments: [{ id: 'ecs-svc/0', status: 'PRIMARY', rolloutState: 'COMPLETED', desiredCount: 1, runningCount: 1, pendingCount: 0, taskDefinition: this.taskDefinitions[0].taskDefinitionArn }],
    };
    this.services.set('color', stable);
    this.nodes.set('howto-ecs-basics-color-node', this.node('howto-ecs-basics-color-node', [{ key: 'ECS_TASK_DEFINITION_FAMILY', value: 'howto-ecs-basics-color' }]));
    this.virtualServices.set('color.howto-ecs-basics.mesh.local', {
      meshName: MESH,
      virtualServiceName: 'color.howto-ecs-basics.mesh.local',
      spec: { provider: { virtualNode: { virtualNodeName: 'howto-ecs-basics-color-node' } } },
      metadata: { arn: meshArn('virtualService/color.howto-ecs-basics.mesh.local'), version: 1 },
    } as VirtualServiceData);
    this.install();
  }

  node(name: string, attributes: { key: string; value: string }[]): VirtualNodeData {
    return {
      meshName: MESH,
      virtualNodeName: name,
      spec: {
        listeners: [{ portMapping: { port: 8080, protocol: 'http' } }],
        serviceDiscovery: { awsCloudMap: { namespaceName: 'howto-ecs-basics.pvtdns', serviceName: 'color', attributes } },
      },
      metadata: { arn: meshArn(`virtualNode/${name}`), version: 1 },
    } as VirtualNodeData;
  }

  register(def: TaskDefinition): TaskDefinition {
    const revision = this.taskDefinitions.filter((t) => t.family === def.family).length + 1;
    const stored = { ...structuredClone(def), revision, status: 'ACTIVE' as const, taskDefinitionArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${def.family}:${revision}` };
    delete (stored as Record<string, unknown>).tags;
    this.taskDefinitions.push(stored);
    return stored;
  }

  commands(): string[] {
    return this.calls.map((c) => c.command);
  }

  writes(): string[] {
    return this.commands().filter((c) => !c.startsWith('Describe'));
  }

  reset(): void {
    this.ecs.restore();
    this.mesh.restore();
  }

  private newDeployment(service: Service, taskDefinition: string, desiredCount: number): void {
    const id = `ecs-svc/${++this.deploymentSeq}`;
    service.deployments = [
      { id, status: 'PRIMARY', rolloutState: 'IN_PROGRESS', desiredCount, runningCount: 0, pendingCount: desiredCount, taskDefinition },
      ...(service.deployments ?? []).filter((d) => d.status === 'PRIMARY').map((d) => ({ ...d, status: 'ACTIVE' })),
    ];
    this.polls.set(id, 0);
  }

  /** Advances a deployment one poll along the rollout script. */
  private poll(service: Service): void {
    const d = service.deployments?.find((x) => x.status === 'PRIMARY');
    if (!d?.id || d.rolloutState !== 'IN_PROGRESS') return;
    const n = (this.polls.get(d.id) ?? 0) + 1;
    this.polls.set(d.id, n);
    if (n < this.rollout.afterPolls) return;
    if (this.rollout.end === 'COMPLETED') {
      Object.assign(d, { rolloutState: 'COMPLETED', runningCount: d.desiredCount, pendingCount: 0 });
      service.deployments = [d];
      service.runningCount = d.desiredCount;
    } else if (this.rollout.end === 'FAILED') {
      Object.assign(d, { rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' });
    } else {
      const previous = service.deployments!.find((x) => x.status === 'ACTIVE');
      service.deployments = previous ? [{ ...previous, id: `ecs-svc/${++this.deploymentSeq}`, status: 'PRIMARY', rolloutState: 'IN_PROGRESS' }] : [];
    }
  }

  private install(): void {
    const on = <I extends object, O>(mock: { on: (c: never) => { callsFake: (f: (i: I) => unknown) => unknown } }, command: { name: string }, fn: (input: I) => O) => {
      mock.on(command as never).callsFake(async (input: I) => {
        this.calls.push({ command: command.name.replace(/Command$/, ''), input: structuredClone(input) as Record<string, unknown> });
        const fault = this.faults.findIndex((f) => f.command === command.name.replace(/Command$/, ''));
        if (fault >= 0 && this.faults[fault].after) {
          this.faults[fault].after! -= 1;
        } else if (fault >= 0) {
          const [f] = this.faults.splice(fault, 1);
          throw new AwsError(f.error, `injected ${f.error}`);
        }
        return structuredClone(fn(input));
      });
    };
    const notFound = (what: string) => new AwsError('NotFoundException', `${what} not found`);

    on(this.ecs, DescribeServicesCommand, (i: { services: string[] }) => {
      for (const name of i.services) {
        const s = this.services.get(name);
        if (s) this.poll(s);
      }
      return {
        services: i.services.flatMap((n) => (this.services.has(n) ? [this.services.get(n)!] : [])),
        failures: i.services.filter((n) => !this.services.has(n)).map((n) => ({ arn: n, reason: 'MISSING' })),
      };
    });
    on(this.ecs, DescribeTaskDefinitionCommand, (i: { taskDefinition: string }) => {
      const found = this.taskDefinitions.filter((t) => t.taskDefinitionArn === i.taskDefinition || t.family === i.taskDefinition).at(-1);
      if (!found) throw new AwsError('ClientException', 'Unable to describe task definition.');
      return { taskDefinition: found };
    });
    on(this.ecs, RegisterTaskDefinitionCommand, (i: TaskDefinition) => ({ taskDefinition: this.register(i) }));
    on(this.ecs, CreateServiceCommand, (i: Service & { cluster: string }) => {
      const service: Service = { ...structuredClone(i), status: 'ACTIVE', runningCount: 0, deployments: [] };
      this.newDeployment(service, i.taskDefinition!, i.desiredCount ?? 1);
      this.services.set(i.serviceName!, service);
      return { service };
    });
    on(this.ecs, UpdateServiceCommand, (i: { service: string; taskDefinition?: string; desiredCount?: number }) => {
      const service = this.services.get(i.service)!;
      if (i.desiredCount !== undefined) service.desiredCount = i.desiredCount;
      if (i.taskDefinition && i.taskDefinition !== service.taskDefinition) {
        service.taskDefinition = i.taskDefinition;
        this.newDeployment(service, i.taskDefinition, service.desiredCount ?? 1);
      } else if (i.desiredCount !== undefined) {
        const d = service.deployments!.find((x) => x.status === 'PRIMARY')!;
        Object.assign(d, { desiredCount: i.desiredCount, runningCount: i.desiredCount });
        service.runningCount = i.desiredCount;
      }
      return { service };
    });

    on(this.mesh, DescribeVirtualNodeCommand, (i: { virtualNodeName: string }) => {
      const virtualNode = this.nodes.get(i.virtualNodeName);
      if (!virtualNode) throw notFound(`virtual node ${i.virtualNodeName}`);
      return { virtualNode };
    });
    const putNode = (i: { virtualNodeName: string; spec: VirtualNodeData['spec'] }) => {
      const prior = this.nodes.get(i.virtualNodeName);
      const virtualNode = { ...this.node(i.virtualNodeName, []), spec: i.spec, metadata: { arn: meshArn(`virtualNode/${i.virtualNodeName}`), version: (prior?.metadata?.version ?? 0) + 1 } } as VirtualNodeData;
      this.nodes.set(i.virtualNodeName, virtualNode);
      return { virtualNode };
    };
    on(this.mesh, CreateVirtualNodeCommand, putNode);
    on(this.mesh, UpdateVirtualNodeCommand, putNode);
    on(this.mesh, DescribeVirtualRouterCommand, (i: { virtualRouterName: string }) => {
      const virtualRouter = this.routers.get(i.virtualRouterName);
      if (!virtualRouter) throw notFound(`virtual router ${i.virtualRouterName}`);
      return { virtualRouter };
    });
    on(this.mesh, CreateVirtualRouterCommand, (i: { virtualRouterName: string; spec: VirtualRouterData['spec'] }) => {
      const virtualRouter = { meshName: MESH, virtualRouterName: i.virtualRouterName, spec: i.spec, metadata: { arn: meshArn(`virtualRouter/${i.virtualRouterName}`), version: 1 } } as VirtualRouterData;
      this.routers.set(i.virtualRouterName, virtualRouter);
      return { virtualRouter };
    });
    on(this.mesh, DescribeRouteCommand, (i: { routeName: string }) => {
      const route = this.routes.get(i.routeName);
      if (!route) throw notFound(`route ${i.routeName}`);
      return { route };
    });
    const putRoute = (i: { routeName: string; virtualRouterName: string; spec: RouteData['spec'] }) => {
      const prior = this.routes.get(i.routeName);
      const route = {
        meshName: MESH,
        routeName: i.routeName,
        virtualRouterName: i.virtualRouterName,
        spec: i.spec,
        metadata: { arn: meshArn(`virtualRouter/${i.virtualRouterName}/route/${i.routeName}`), version: (prior?.metadata?.version ?? 0) + 1 },
      } as RouteData;
      this.routes.set(i.routeName, route);
      return { route };
    };
    on(this.mesh, CreateRouteCommand, putRoute);
    on(this.mesh, UpdateRouteCommand, putRoute);
    on(this.mesh, DescribeVirtualServiceCommand, (i: { virtualServiceName: string }) => {
      const virtualService = this.virtualServices.get(i.virtualServiceName);
      if (!virtualService) throw notFound(`virtual service ${i.virtualServiceName}`);
      return { virtualService };
    });
    on(this.mesh, UpdateVirtualServiceCommand, (i: { virtualServiceName: string; spec: VirtualServiceData['spec'] }) => {
      const vs = this.virtualServices.get(i.virtualServiceName)!;
      const virtualService = { ...vs, spec: i.spec, metadata: { ...vs.metadata, version: (vs.metadata?.version ?? 0) + 1 } } as VirtualServiceData;
      this.virtualServices.set(i.virtualServiceName, virtualService);
      return { virtualService };
    });
  }
}
