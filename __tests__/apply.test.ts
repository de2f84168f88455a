// The pipeline (read → plan → apply) over mocked SDK clients: order of writes, rollout failures, idempotency, shift
// budgets, restore on failure, and the concurrency guard.
import { jest } from '@jest/globals';
import 'aws-sdk-client-mock-jest';
import { CreateRouteCommand, UpdateRouteCommand, UpdateVirtualServiceCommand, type RouteSpec } from '@aws-sdk/client-app-mesh';
import { CreateServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApplyError } from '../src/apply.js';
import { execute } from '../src/pipeline.js';
import { REGION, MockWorld, mockSettings } from './support/mockWorld.js';
import { readOutputs } from './support/outputs.js';

const settings = mockSettings;
const noSleep = async () => {};

let world: MockWorld;
let outputFile: string;
beforeEach(() => {
  world = new MockWorld();
  process.env.AWS_REGION = REGION;
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'secret';
  outputFile = path.join(mkdtempSync(path.join(tmpdir(), 'out-')), 'output');
  writeFileSync(outputFile, '');
  process.env.GITHUB_OUTPUT = outputFile;
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  world.reset();
  jest.restoreAllMocks();
});

const deploy = (over: Record<string, string> = {}) => execute(settings(over), { sleep: noSleep });

test('deploy: node before task definition before service; no weight before COMPLETED; provider switch last', async () => {
  world.rollout = { end: 'COMPLETED', afterPolls: 3 };
  await deploy();
  expect(world.writes()).toEqual([
    'CreateVirtualNode',
    'RegisterTaskDefinition',
    'CreateService',
    'CreateVirtualRouter',
    'CreateRoute',
    'UpdateVirtualService',
  ]);
  const commands = world.commands();
  const created = commands.indexOf('CreateService');
  const polls = commands.slice(created).filter((c) => c === 'DescribeServices');
  expect(polls).toHaveLength(3);
  expect(commands.lastIndexOf('DescribeServices')).toBeLessThan(commands.indexOf('CreateRoute'));

  const route = world.routes.get('color-route')!;
  expect(route.spec!.httpRoute!.action!.weightedTargets).toEqual([
    { virtualNode: 'howto-ecs-basics-color-node', weight: 80 },
    { virtualNode: 'howto-ecs-basics-color-v2-node', weight: 20 },
  ]);
  expect(world.virtualServices.get('color.howto-ecs-basics.mesh.local')!.spec!.provider).toEqual({ virtualRouter: { virtualRouterName: 'color-router' } });
  expect(world.routers.get('color-router')!.spec).toEqual({ listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] });

  const canaryNode = world.nodes.get('howto-ecs-basics-color-v2-node')!;
  expect(canaryNode.spec!.serviceDiscovery!.awsCloudMap!.attributes).toEqual([{ key: 'ECS_SERVICE_NAME', value: 'color-canary' }]);
  const td = world.taskDefinitions.at(-1)!;
  expect(td.family).toBe('howto-ecs-basics-color-canary');
  const envoy = td.containerDefinitions!.find((c) => c.name === 'envoy')!;
  expect(envoy.environment).toContainEqual({ name: 'APPMESH_RESOURCE_ARN', value: 'mesh/howto-ecs-basics/virtualNode/howto-ecs-basics-color-v2-node' });

  const service = world.calls.find((c) => c.command === 'CreateService')!.input;
  expect(service).toMatchObject({
    cluster: 'howto',
    serviceName: 'color-canary',
    taskDefinition: td.taskDefinitionArn,
    desiredCount: 1,
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' } },
    serviceRegistries: [{ registryArn: expect.stringContaining('srv-color') }],
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
  });
  expect(service).not.toHaveProperty('loadBalancers');
  expect(world.ecs).toHaveReceivedCommandTimes(CreateServiceCommand, 1);
  expect(world.ecs).not.toHaveReceivedCommand(UpdateServiceCommand);
  expect(world.mesh).toHaveReceivedCommandWith(CreateRouteCommand, {
    meshName: 'howto-ecs-basics',
    virtualRouterName: 'color-router',
    routeName: 'color-route',
    spec: { httpRoute: { match: { prefix: '/' }, action: { weightedTargets: expect.any(Array) } } },
  });
  expect(world.mesh).toHaveReceivedCommandWith(UpdateVirtualServiceCommand, { spec: { provider: { virtualRouter: { virtualRouterName: 'color-router' } } } });
  expect(world.mesh).not.toHaveReceivedCommand(UpdateRouteCommand);

  expect(readOutputs(outputFile)).toMatchObject({
    'task-definition-arn': td.taskDefinitionArn,
    'canary-virtual-node-arn': canaryNode.metadata!.arn,
    'route-arn': route.metadata!.arn,
    'stable-weight': '80',
    'canary-weight': '20',
    'previous-canary-weight': '',
  });
});

test('a second deploy with the same inputs writes nothing', async () => {
  await deploy();
  const before = world.calls.length;
  await deploy();
  const second = world.calls.slice(before).map((c) => c.command);
  expect(second.filter((c) => !c.startsWith('Describe'))).toEqual([]);
  expect(readOutputs(outputFile)['previous-canary-weight']).toBe('20');
});

test('a deploy with a new image takes the weight off the canary while its service rolls out, then sets the new weight', async () => {
  await deploy();
  const before = world.calls.length;
  await deploy({ image: 'colorapp:purple', 'canary-weight': '30' });
  const calls = world.calls.slice(before);
  expect(calls.map((c) => c.command).filter((c) => !c.startsWith('Describe'))).toEqual(['RegisterTaskDefinition', 'UpdateRoute', 'UpdateService', 'UpdateRoute']);
  const weights = calls.filter((c) => c.command === 'UpdateRoute').map((c) => (c.input.spec as RouteSpec).httpRoute!.action!.weightedTargets!.map((t) => t.weight));
  expect(weights).toEqual([[100, 0], [70, 30]]);
  // Every poll of the rollout happens while the canary has no weight.
  const commands = calls.map((c) => c.command);
  expect(commands.indexOf('UpdateRoute')).toBeLessThan(commands.indexOf('UpdateService'));
  expect(commands.lastIndexOf('DescribeServices')).toBeLessThan(commands.lastIndexOf('UpdateRoute'));
});

test('a rollout that fails after the drain keeps the canary at 0 instead of restoring its weight', async () => {
  await deploy();
  world.rollout = { end: 'FAILED', afterPolls: 1 };
  const run = deploy({ image: 'colorapp:broken' });
  await expect(run).rejects.toThrow(/Kept on purpose: route color-route stays at stable 100 \/ canary 0 while the canary rolls out \(the canary service started a new rollout/);
  expect(world.routes.get('color-route')!.spec!.httpRoute!.action!.weightedTargets!.map((t) => t.weight)).toEqual([100, 0]);
});

test('a service update that fails after the drain restores the canary weight (the canary still runs what it ran)', async () => {
  await deploy();
  world.faults.push({ command: 'UpdateService', error: 'AccessDeniedException' });
  await expect(deploy({ image: 'colorapp:purple' })).rejects.toThrow(/Traffic restored: route color-route weights back to stable 80 \/ canary 20/);
  expect(world.routes.get('color-route')!.spec!.httpRoute!.action!.weightedTargets!.map((t) => t.weight)).toEqual([80, 20]);
});

test.each([
  ['FAILED' as const, /FAILED: ECS deployment circuit breaker/],
  ['ROLLED_BACK' as const, /rolled back by ECS \(deployment circuit breaker\)/],
])('rollout %s: no weight reaches the canary and the error says so', async (end, message) => {
  world.rollout = { end, afterPolls: 2 };
  const run = deploy();
  await expect(run).rejects.toBeInstanceOf(ApplyError);
  await expect(run).rejects.toThrow(message);
  await expect(run).rejects.toThrow(/Traffic was not changed by this run/);
  await expect(run).rejects.toThrow(/Left behind: virtual node howto-ecs-basics-color-v2-node/);
  expect(world.writes()).toEqual(['CreateVirtualNode', 'RegisterTaskDefinition', 'CreateService']);
  expect(world.routes.size).toBe(0);
});

test('gives up after wait-for-minutes', async () => {
  world.rollout = { end: 'COMPLETED', afterPolls: 1_000_000 };
  let now = 0;
  jest.spyOn(Date, 'now').mockImplementation(() => now);
  const run = execute(settings({ 'wait-for-minutes': '1' }), {
    sleep: async (ms) => {
      now += ms;
    },
  });
  await expect(run).rejects.toThrow(/Gave up waiting for color-canary after 1 minute\(s\)/);
  expect(world.writes()).not.toContain('CreateRoute');
});

describe('shift', () => {
  beforeEach(async () => {
    await deploy();
    world.calls.length = 0;
  });

  test('to the current weight writes nothing: one ECS read and one route read', async () => {
    await execute(settings({ operation: 'shift', 'canary-weight': '20', image: '' }), { sleep: noSleep });
    expect(world.commands().sort()).toEqual(['DescribeRoute', 'DescribeServices']);
  });

  test('to 50 makes one write within the budget (1 ECS read, 2 route reads, 1 route write)', async () => {
    await execute(settings({ operation: 'shift', 'canary-weight': '50', image: '' }), { sleep: noSleep });
    expect(world.commands().sort()).toEqual(['DescribeRoute', 'DescribeRoute', 'DescribeServices', 'UpdateRoute']);
    expect(world.routes.get('color-route')!.spec!.httpRoute!.action!.weightedTargets!.map((t) => t.weight)).toEqual([50, 50]);
    expect(readOutputs(outputFile)).toMatchObject({ 'previous-canary-weight': '20', 'canary-weight': '50', 'stable-weight': '50' });
  });

  test('refuses weight for a canary with no running tasks', async () => {
    world.services.get('color-canary')!.deployments![0].runningCount = 0;
    await expect(execute(settings({ operation: 'shift', 'canary-weight': '50', image: '' }), { sleep: noSleep })).rejects.toThrow(
      /Refusing to send 50% of traffic to the canary: canary service color-canary is not serving/,
    );
    expect(world.writes()).toEqual([]);
  });

  test('concurrency guard: a route changed since it was read is not overwritten', async () => {
    const route = world.routes.get('color-route')!;
    let reads = 0;
    world.mesh.on((await import('@aws-sdk/client-app-mesh')).DescribeRouteCommand).callsFake(async () => {
      reads++;
      return { route: { ...route, metadata: { ...route.metadata, version: (route.metadata!.version ?? 1) + (reads > 1 ? 1 : 0) } } };
    });
    await expect(execute(settings({ operation: 'shift', 'canary-weight': '50', image: '' }), { sleep: noSleep })).rejects.toThrow(/changed while this run was working/);
    expect(world.writes()).toEqual([]);
  });
});

test('a failure after the route moved restores the route weights', async () => {
  await deploy({ 'virtual-service': '' });
  world.faults.push({ command: 'UpdateVirtualService', error: 'AccessDeniedException' });
  world.calls.length = 0;
  const run = deploy({ 'canary-weight': '40' });
  await expect(run).rejects.toThrow(/update virtual service color.howto-ecs-basics.mesh.local failed: injected AccessDeniedException/);
  await expect(run).rejects.toThrow(/Traffic restored: route color-route weights back to stable 80 \/ canary 20/);
  expect(world.routes.get('color-route')!.spec!.httpRoute!.action!.weightedTargets!.map((t) => t.weight)).toEqual([80, 20]);
  expect(world.virtualServices.get('color.howto-ecs-basics.mesh.local')!.spec!.provider).toEqual({ virtualNode: { virtualNodeName: 'howto-ecs-basics-color-node' } });
});

test('when restoring fails too, the error says so and what to fix by hand', async () => {
  await deploy({ 'virtual-service': '' });
  world.faults.push({ command: 'UpdateVirtualService', error: 'AccessDeniedException' });
  // The forward route update succeeds; the three restore attempts fail.
  for (let i = 0; i < 3; i++) world.faults.push({ command: 'UpdateRoute', error: 'InternalServerErrorException', after: i === 0 ? 1 : 0 });
  const run = deploy({ 'canary-weight': '40' });
  await expect(run).rejects.toThrow(/COULD NOT RESTORE \(fix by hand\): route color-route weights back to stable 80 \/ canary 20 \(injected InternalServerErrorException\)/);
  expect(world.commands().filter((c) => c === 'UpdateRoute')).toHaveLength(1 + 3);
});

test('a route version that jumps by more than one on our write is reported as a concurrent modification', async () => {
  await deploy();
  const { UpdateRouteCommand } = await import('@aws-sdk/client-app-mesh');
  world.mesh.on(UpdateRouteCommand).callsFake(async (input: { spec: unknown }) => {
    const route = world.routes.get('color-route')!;
    route.metadata!.version = route.metadata!.version! + 2; // another writer got in between
    route.spec = input.spec as typeof route.spec;
    return { route };
  });
  await expect(execute(settings({ operation: 'shift', 'canary-weight': '50', image: '' }), { sleep: noSleep })).rejects.toThrow(
    /Route color-route was modified by someone else at the same moment as this run's write \(version 3, expected 2\)/,
  );
});

test('a stable node without an attribute filter stops deploy before any write', async () => {
  world.nodes.set('howto-ecs-basics-color-node', world.node('howto-ecs-basics-color-node', []));
  await expect(deploy()).rejects.toThrow(/Traffic isolation: the Cloud Map filter of virtual node howto-ecs-basics-color-node \(no attributes\) also selects the canary/);
  expect(world.writes()).toEqual([]);
});

test('a stable service without a Cloud Map registry stops deploy before any write', async () => {
  world.services.get('color')!.serviceRegistries = [];
  await expect(deploy()).rejects.toThrow(/has no Cloud Map service registry/);
  expect(world.writes()).toEqual([]);
});

test('a route that targets a third node is refused before any write', async () => {
  await deploy();
  const route = world.routes.get('color-route')!;
  route.spec!.httpRoute!.action!.weightedTargets!.push({ virtualNode: 'legacy-node', weight: 5 });
  world.calls.length = 0;
  await expect(deploy()).rejects.toThrow(/also sends traffic to legacy-node/);
  expect(world.writes()).toEqual([]);
});

test('a virtual service provided by another router is refused', async () => {
  world.virtualServices.get('color.howto-ecs-basics.mesh.local')!.spec = { provider: { virtualRouter: { virtualRouterName: 'other-router' } } };
  await expect(deploy()).rejects.toThrow(/provided by another virtual router \(other-router\)/);
  expect(world.writes()).toEqual([]);
});

test('dry run reads and plans but writes nothing', async () => {
  await execute(settings({ 'dry-run': 'true' }), { sleep: noSleep });
  expect(world.writes()).toEqual([]);
  const plan = JSON.parse(readOutputs(outputFile).plan);
  expect(plan.changes.map((c: { kind: string; action: string }) => `${c.action} ${c.kind}`)).toEqual([
    'create virtual-node',
    'register task-definition',
    'create ecs-service',
    'wait wait-for-rollout',
    'create virtual-router',
    'create route',
    'update virtual-service',
  ]);
});

test('the read phase is two round trips deep', async () => {
  // Every read of round trip 1 is issued before any of round trip 2 completes: count the reads before the first
  // DescribeTaskDefinition and check that they are all independent of each other.
  await deploy();
  const commands = world.commands();
  const firstTd = commands.indexOf('DescribeTaskDefinition');
  expect(commands.slice(0, firstTd).sort()).toEqual([
    'DescribeRoute',
    'DescribeServices',
    'DescribeVirtualNode',
    'DescribeVirtualNode',
    'DescribeVirtualRouter',
    'DescribeVirtualService',
  ]);
  expect(commands.slice(firstTd, firstTd + 2)).toEqual(['DescribeTaskDefinition', 'DescribeTaskDefinition']);
});
