// The emulator itself, through the real AWS SDK v3 clients: wire protocols, model validation, errors, lifecycle.
import {
  AppMeshClient,
  DescribeVirtualNodeCommand,
  UpdateRouteCommand,
  CreateVirtualRouterCommand,
  CreateRouteCommand,
  DescribeRouteCommand,
  ListVirtualNodesCommand,
} from '@aws-sdk/client-app-mesh';
import {
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  DescribeTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { ListInstancesCommand, ListServicesCommand, ServiceDiscoveryClient } from '@aws-sdk/client-servicediscovery';
import { Emulator } from '../../emulator/server.js';
import { SAMPLE, seedHowtoEcsBasics } from '../../emulator/fixture.js';

let emu: Emulator;
let ecs: ECSClient;
let mesh: AppMeshClient;
let cloudMap: ServiceDiscoveryClient;

beforeEach(async () => {
  emu = await Emulator.start({ rolloutDelayMs: 50 });
  seedHowtoEcsBasics(emu);
  const config = emu.clientConfig();
  ecs = new ECSClient(config);
  mesh = new AppMeshClient(config);
  cloudMap = new ServiceDiscoveryClient(config);
});
afterEach(async () => {
  ecs.destroy();
  mesh.destroy();
  cloudMap.destroy();
  await emu.stop();
});

const errorOf = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error & { $metadata?: { httpStatusCode?: number } }) => ({
      name: e.name,
      status: e.$metadata?.httpStatusCode,
      message: e.message,
    }),
  );

test('ECS over awsJson1_1: the seeded services, with the attributes ECS registers in Cloud Map', async () => {
  const out = await ecs.send(new DescribeServicesCommand({ cluster: SAMPLE.cluster, services: ['color', 'nope'] }));
  expect(out.services!.map((s) => [s.serviceName, s.runningCount, s.deployments![0].rolloutState])).toEqual([
    ['color', 3, 'COMPLETED'],
  ]);
  expect(out.failures).toEqual([expect.objectContaining({ reason: 'MISSING' })]);
  const { Services } = await cloudMap.send(new ListServicesCommand({}));
  const { Instances } = await cloudMap.send(new ListInstancesCommand({ ServiceId: Services![0].Id! }));
  expect(Instances).toHaveLength(3);
  expect(Instances![0].Attributes).toMatchObject({
    ECS_SERVICE_NAME: 'color',
    ECS_TASK_DEFINITION_FAMILY: 'howto-ecs-basics-color',
    ECS_CLUSTER_NAME: 'howto-ecs-basics',
    AWS_INIT_HEALTH_STATUS: 'HEALTHY',
  });
});

test('App Mesh over restJson1: describe, list, metadata versions, 404 and 409 as AWS names them', async () => {
  const { virtualNode } = await mesh.send(
    new DescribeVirtualNodeCommand({ meshName: SAMPLE.mesh, virtualNodeName: SAMPLE.stableNode }),
  );
  expect(virtualNode!.metadata!.version).toBe(1);
  expect(virtualNode!.metadata!.createdAt).toBeInstanceOf(Date);
  const list = await mesh.send(new ListVirtualNodesCommand({ meshName: SAMPLE.mesh }));
  expect(list.virtualNodes!.map((n) => n.virtualNodeName).sort()).toEqual([
    'howto-ecs-basics-color-node',
    'howto-ecs-basics-front-node',
  ]);
  expect(
    await errorOf(mesh.send(new DescribeVirtualNodeCommand({ meshName: SAMPLE.mesh, virtualNodeName: 'nope' }))),
  ).toMatchObject({ name: 'NotFoundException', status: 404 });
  expect(
    await errorOf(mesh.send(new DescribeVirtualNodeCommand({ meshName: 'nope', virtualNodeName: SAMPLE.stableNode }))),
  ).toMatchObject({ name: 'NotFoundException', status: 404 });
  expect(
    await errorOf(
      mesh.send(
        new DescribeVirtualNodeCommand({
          meshName: SAMPLE.mesh,
          meshOwner: '999988887777',
          virtualNodeName: SAMPLE.stableNode,
        }),
      ),
    ),
  ).toMatchObject({ name: 'NotFoundException' });
  await mesh.send(
    new CreateVirtualRouterCommand({
      meshName: SAMPLE.mesh,
      virtualRouterName: 'r',
      spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    }),
  );
  expect(
    await errorOf(
      mesh.send(
        new CreateVirtualRouterCommand({
          meshName: SAMPLE.mesh,
          virtualRouterName: 'r',
          spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
        }),
      ),
    ),
  ).toMatchObject({ name: 'ConflictException', status: 409 });
  const targets = [{ virtualNode: SAMPLE.stableNode, weight: 100 }];
  const created = await mesh.send(
    new CreateRouteCommand({
      meshName: SAMPLE.mesh,
      virtualRouterName: 'r',
      routeName: 'x',
      spec: { httpRoute: { match: { prefix: '/' }, action: { weightedTargets: targets } } },
    }),
  );
  expect(created.route!.metadata!.version).toBe(1);
  const updated = await mesh.send(
    new UpdateRouteCommand({
      meshName: SAMPLE.mesh,
      virtualRouterName: 'r',
      routeName: 'x',
      spec: {
        httpRoute: {
          match: { prefix: '/' },
          action: { weightedTargets: [{ virtualNode: SAMPLE.stableNode, weight: 90 }] },
        },
      },
    }),
  );
  expect(updated.route!.metadata!.version).toBe(2);
  expect(
    (await mesh.send(new DescribeRouteCommand({ meshName: SAMPLE.mesh, virtualRouterName: 'r', routeName: 'x' })))
      .route!.spec!.httpRoute!.action!.weightedTargets,
  ).toEqual([{ virtualNode: SAMPLE.stableNode, weight: 90 }]);
});

test.each([
  ['a weight over 100', [{ virtualNode: SAMPLE.stableNode, weight: 101 }], /weight must be at most 100; got 101/],
  ['no weighted target', [], /weightedTargets must have at least 1 items; has 0/],
  [
    '11 weighted targets',
    Array.from({ length: 11 }, () => ({ virtualNode: SAMPLE.stableNode, weight: 1 })),
    /weightedTargets must have at most 10 items/,
  ],
  [
    'a node name breaking the pattern-free length rule',
    [{ virtualNode: '', weight: 1 }],
    /virtualNode must be at least 1 characters long/,
  ],
])('the App Mesh model rejects %s with BadRequestException', async (_name, weightedTargets, message) => {
  await mesh.send(
    new CreateVirtualRouterCommand({
      meshName: SAMPLE.mesh,
      virtualRouterName: 'r',
      spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    }),
  );
  const err = await errorOf(
    mesh.send(
      new CreateRouteCommand({
        meshName: SAMPLE.mesh,
        virtualRouterName: 'r',
        routeName: 'x',
        spec: { httpRoute: { match: { prefix: '/' }, action: { weightedTargets } } },
      }),
    ),
  );
  expect(err).toMatchObject({ name: 'BadRequestException', status: 400 });
  expect(err!.message).toMatch(message);
});

test('the ECS model rejects a bad enum and a missing required member', async () => {
  const bad = await errorOf(
    ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'f',
        networkMode: 'mesh' as never,
        containerDefinitions: [{ name: 'a', image: 'a' }],
      }),
    ),
  );
  expect(bad).toMatchObject({ name: 'InvalidParameterException' });
  expect(bad!.message).toMatch(/networkMode must be one of bridge, host, awsvpc, none; got "mesh"/);
  const missing = await errorOf(ecs.send(new UpdateServiceCommand({ service: undefined as never })));
  expect(missing!.message).toMatch(/input.service is required/);
});

test('ECS answers ClientException for an unknown task definition and ServiceNotFoundException for an unknown service', async () => {
  expect(await errorOf(ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'nope' })))).toMatchObject({
    name: 'ClientException',
    status: 400,
  });
  expect(
    await errorOf(ecs.send(new UpdateServiceCommand({ cluster: SAMPLE.cluster, service: 'nope', desiredCount: 1 }))),
  ).toMatchObject({ name: 'ServiceNotFoundException' });
  expect(await errorOf(ecs.send(new DescribeServicesCommand({ cluster: 'nope', services: ['color'] })))).toMatchObject({
    name: 'ClusterNotFoundException',
  });
});

test('a rollout whose Envoy names a missing virtual node fails and the circuit breaker rolls it back', async () => {
  const v1 = emu.ecs.taskDefinition('howto-ecs-basics-color')!;
  const bad = {
    ...v1,
    family: 'howto-ecs-basics-color',
    containerDefinitions: v1.containerDefinitions.map((c: { name: string; environment?: unknown[] }) =>
      c.name === 'envoy'
        ? { ...c, environment: [{ name: 'APPMESH_RESOURCE_ARN', value: 'mesh/howto-ecs-basics/virtualNode/missing' }] }
        : c,
    ),
  };
  const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand(bad));
  const { service } = await ecs.send(
    new UpdateServiceCommand({
      cluster: SAMPLE.cluster,
      service: 'color',
      taskDefinition: taskDefinition!.taskDefinitionArn,
    }),
  );
  const id = service!.deployments![0].id;
  await new Promise((r) => setTimeout(r, 80));
  const after = (await ecs.send(new DescribeServicesCommand({ cluster: SAMPLE.cluster, services: ['color'] })))
    .services![0];
  expect(after.deployments!.find((d) => d.id === id)).toBeUndefined();
  expect(after.taskDefinition).toBe(v1.taskDefinitionArn);
  expect(after.deployments![0].rolloutStateReason).toMatch(/circuit breaker: rolling back/);
  expect(emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 100).colors).toEqual({ green: 100 });
});

test('fault injection, request log and requests without SigV4', async () => {
  emu.inject({ operation: 'DescribeServices', error: 'ThrottlingException', times: 2 });
  expect(
    await errorOf(ecs.send(new DescribeServicesCommand({ cluster: SAMPLE.cluster, services: ['color'] }))),
  ).toMatchObject({ name: 'ThrottlingException' });
  expect(
    await errorOf(ecs.send(new DescribeServicesCommand({ cluster: SAMPLE.cluster, services: ['color'] }))),
  ).toMatchObject({ name: 'ThrottlingException' });
  await ecs.send(new DescribeServicesCommand({ cluster: SAMPLE.cluster, services: ['color'] }));
  expect(emu.log.map((r) => `${r.operation}:${r.status}:${r.error ?? ''}`)).toEqual([
    'DescribeServices:400:ThrottlingException',
    'DescribeServices:400:ThrottlingException',
    'DescribeServices:200:',
  ]);
  const anonymous = await fetch(emu.url, {
    method: 'POST',
    headers: { 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.ListClusters' },
    body: '{}',
  });
  expect(anonymous.status).toBe(403);
});

test('traffic: the sample before shifting answers green from the color node only', () => {
  const tally = emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 1000);
  expect(tally).toMatchObject({
    requests: 1000,
    failures: 0,
    colors: { green: 1000 },
    nodes: { [SAMPLE.stableNode]: 1000 },
  });
});
