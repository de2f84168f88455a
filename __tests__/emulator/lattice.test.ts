// VPC Lattice in the emulator, through the real AWS SDK v3 clients: lookups, validation and errors, rules, target
// health, ECS registering its tasks as targets, and the traffic simulation through a listener.
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import {
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DeleteTargetGroupCommand,
  GetListenerCommand,
  GetRuleCommand,
  GetServiceCommand,
  GetTargetGroupCommand,
  ListListenersCommand,
  ListRulesCommand,
  ListServicesCommand,
  ListTargetGroupsCommand,
  ListTargetsCommand,
  RegisterTargetsCommand,
  UpdateListenerCommand,
  UpdateRuleCommand,
  VPCLatticeClient,
  type WeightedTargetGroup,
} from '@aws-sdk/client-vpc-lattice';
import {
  LATTICE_SAMPLE,
  type LatticeSeed,
  latticeColorTaskDefinition,
  seedLatticeColor,
} from '../../emulator/fixture.js';
import { Emulator } from '../../emulator/server.js';

let emu: Emulator;
let seed: LatticeSeed;
let ecs: ECSClient;
let lattice: VPCLatticeClient;

beforeEach(async () => {
  // Rollouts resolve at the next request, so a test need not wait for them.
  emu = await Emulator.start({ rolloutDelayMs: 0 });
  seed = seedLatticeColor(emu);
  const config = {
    endpoint: emu.url,
    region: emu.region,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  };
  ecs = new ECSClient(config);
  lattice = new VPCLatticeClient(config);
});
afterEach(async () => {
  ecs.destroy();
  lattice.destroy();
  await emu.stop();
});

const errorOf = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error & { $metadata?: { httpStatusCode?: number }; reason?: string }) => ({
      name: e.name,
      status: e.$metadata?.httpStatusCode,
      message: e.message,
      reason: e.reason,
    }),
  );
const network = {
  awsvpcConfiguration: {
    subnets: ['subnet-0private1'],
    securityGroups: ['sg-0app'],
    assignPublicIp: 'DISABLED' as const,
  },
};
const ipGroup = (name: string) => ({
  name,
  type: 'IP' as const,
  config: { port: 8080, protocol: 'HTTP' as const, vpcIdentifier: LATTICE_SAMPLE.vpc },
});
const forward = (...targetGroups: WeightedTargetGroup[]) => ({ forward: { targetGroups } });
const statuses = async (targetGroupIdentifier: string) =>
  (await lattice.send(new ListTargetsCommand({ targetGroupIdentifier }))).items!.map((t) => t.status);

/** A second ECS service (COLOR=blue) whose tasks ECS registers in a new target group `blue-tg`. */
async function blueService(desiredCount = 2): Promise<{ targetGroupId: string; image: string }> {
  const group = await lattice.send(new CreateTargetGroupCommand(ipGroup('blue-tg')));
  const { taskDefinition } = await ecs.send(
    new RegisterTaskDefinitionCommand(latticeColorTaskDefinition('blue') as never),
  );
  await ecs.send(
    new CreateServiceCommand({
      cluster: LATTICE_SAMPLE.cluster,
      serviceName: 'color-blue',
      taskDefinition: taskDefinition!.taskDefinitionArn,
      desiredCount,
      launchType: 'FARGATE',
      networkConfiguration: network,
      vpcLatticeConfigurations: [
        { roleArn: LATTICE_SAMPLE.roleArn, targetGroupArn: group.arn!, portName: LATTICE_SAMPLE.portName },
      ],
    }),
  );
  return { targetGroupId: group.id!, image: taskDefinition!.containerDefinitions![0].image! };
}

test('services, listeners, target groups: listed by name, fetched by ID and ARN, not by name', async () => {
  const { items } = await lattice.send(new ListServicesCommand({}));
  const color = items!.find((s) => s.name === LATTICE_SAMPLE.service)!;
  expect(color.id).toMatch(/^svc-[0-9a-z]{17}$/);
  const byId = await lattice.send(new GetServiceCommand({ serviceIdentifier: color.id }));
  const byArn = await lattice.send(new GetServiceCommand({ serviceIdentifier: color.arn }));
  expect([byId.arn, byArn.id, byId.createdAt]).toEqual([
    `arn:aws:vpc-lattice:${emu.region}:111122223333:service/${color.id}`,
    color.id,
    expect.any(Date),
  ]);
  expect(
    await errorOf(lattice.send(new GetServiceCommand({ serviceIdentifier: LATTICE_SAMPLE.service }))),
  ).toMatchObject({ name: 'ValidationException', status: 400, reason: 'fieldValidationFailed' });
  expect(
    await errorOf(lattice.send(new GetServiceCommand({ serviceIdentifier: 'svc-0123456789abcdef0' }))),
  ).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });

  const listeners = (await lattice.send(new ListListenersCommand({ serviceIdentifier: color.arn }))).items!;
  expect(listeners.map((l) => [l.name, l.protocol, l.port])).toEqual([[LATTICE_SAMPLE.listener, 'HTTP', 80]]);
  const listener = await lattice.send(
    new GetListenerCommand({ serviceIdentifier: color.id, listenerIdentifier: listeners[0].arn }),
  );
  expect(listener.defaultAction).toEqual(forward({ targetGroupIdentifier: seed.targetGroupId, weight: 100 }));

  await lattice.send(new CreateTargetGroupCommand(ipGroup('blue-tg')));
  await lattice.send(new CreateTargetGroupCommand(ipGroup('red-tg')));
  const first = await lattice.send(new ListTargetGroupsCommand({ maxResults: 2 }));
  const rest = await lattice.send(new ListTargetGroupsCommand({ maxResults: 2, nextToken: first.nextToken }));
  expect([...first.items!, ...rest.items!].map((g) => g.name)).toEqual(['color-tg', 'blue-tg', 'red-tg']);
  expect(rest.nextToken).toBeUndefined();
  const group = await lattice.send(new GetTargetGroupCommand({ targetGroupIdentifier: seed.targetGroupArn }));
  expect(group).toMatchObject({ id: seed.targetGroupId, type: 'IP', status: 'ACTIVE', serviceArns: [color.arn] });
  expect(group.config).toMatchObject({
    port: 8080,
    protocol: 'HTTP',
    protocolVersion: 'HTTP1',
    ipAddressType: 'IPV4',
    vpcIdentifier: LATTICE_SAMPLE.vpc,
    healthCheck: { path: '/ping' },
  });
});

test('the model and the semantics reject bad requests with AWS error names and codes', async () => {
  const ids = { serviceIdentifier: seed.serviceId, listenerIdentifier: seed.listenerId };
  const weight1000 = await errorOf(
    lattice.send(
      new UpdateListenerCommand({
        ...ids,
        defaultAction: forward({ targetGroupIdentifier: seed.targetGroupId, weight: 1000 }),
      }),
    ),
  );
  expect(weight1000).toMatchObject({ name: 'ValidationException', status: 400 });
  expect(weight1000!.message).toMatch(/defaultAction.forward.targetGroups\[0\].weight must be at most 999; got 1000/);
  const both = await errorOf(
    lattice.send(
      new UpdateListenerCommand({
        ...ids,
        defaultAction: {
          ...forward({ targetGroupIdentifier: seed.targetGroupId }),
          fixedResponse: { statusCode: 404 },
        } as never,
      }),
    ),
  );
  expect(both!.message).toMatch(/defaultAction must set exactly one of forward, fixedResponse; has 2/);
  const eleven = Array.from({ length: 11 }, () => ({ targetGroupIdentifier: seed.targetGroupId, weight: 1 }));
  expect(
    (await errorOf(lattice.send(new UpdateListenerCommand({ ...ids, defaultAction: forward(...eleven) }))))!.message,
  ).toMatch(/must have at most 10 items/);
  expect(
    await errorOf(
      lattice.send(
        new UpdateListenerCommand({
          ...ids,
          defaultAction: forward({ targetGroupIdentifier: 'tg-0123456789abcdef0' }),
        }),
      ),
    ),
  ).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
  expect(await errorOf(lattice.send(new CreateTargetGroupCommand(ipGroup(LATTICE_SAMPLE.targetGroup))))).toMatchObject({
    name: 'ConflictException',
    status: 409,
  });
  expect(
    await errorOf(lattice.send(new DeleteTargetGroupCommand({ targetGroupIdentifier: seed.targetGroupId }))),
  ).toMatchObject({ name: 'ConflictException', status: 409 });
  emu.inject({ service: 'vpc-lattice', operation: 'ListTargets', error: 'ThrottlingException' });
  expect(
    await errorOf(lattice.send(new ListTargetsCommand({ targetGroupIdentifier: seed.targetGroupId }))),
  ).toMatchObject({ name: 'ThrottlingException', status: 429 });
  emu.inject({ service: 'vpc-lattice', operation: 'GetService', error: 'AccessDeniedException' });
  expect(await errorOf(lattice.send(new GetServiceCommand({ serviceIdentifier: seed.serviceId })))).toMatchObject({
    name: 'AccessDeniedException',
    status: 403,
  });
});

test('rules: unique priorities, the default rule in ListRules, lastUpdatedAt moved by UpdateRule', async () => {
  const ids = { serviceIdentifier: seed.serviceArn, listenerIdentifier: seed.listenerArn };
  const match = { httpMatch: { headerMatches: [{ name: 'x-canary', match: { exact: 'true' } }] } };
  const rule = await lattice.send(
    new CreateRuleCommand({
      ...ids,
      name: 'canary-header',
      priority: 10,
      match,
      action: forward({ targetGroupIdentifier: seed.targetGroupArn }),
    }),
  );
  expect(rule.arn).toBe(`${seed.listenerArn}/rule/${rule.id}`);
  expect(rule.action).toEqual(forward({ targetGroupIdentifier: seed.targetGroupId, weight: 1 }));
  const duplicate = lattice.send(
    new CreateRuleCommand({
      ...ids,
      name: 'other',
      priority: 10,
      match,
      action: forward({ targetGroupIdentifier: seed.targetGroupId }),
    }),
  );
  expect(await errorOf(duplicate)).toMatchObject({ name: 'ConflictException', status: 409 });

  const { items } = await lattice.send(new ListRulesCommand(ids));
  expect(items!.map((r) => [r.name, r.isDefault, r.priority])).toEqual([
    ['canary-header', false, 10],
    ['default', true, undefined],
  ]);
  const before = await lattice.send(new GetRuleCommand({ ...ids, ruleIdentifier: rule.arn }));
  await new Promise((r) => setTimeout(r, 5));
  await lattice.send(
    new UpdateRuleCommand({
      ...ids,
      ruleIdentifier: rule.id,
      action: forward({ targetGroupIdentifier: seed.targetGroupId, weight: 5 }),
    }),
  );
  const after = await lattice.send(new GetRuleCommand({ ...ids, ruleIdentifier: rule.id }));
  expect(after.lastUpdatedAt!.getTime()).toBeGreaterThan(before.lastUpdatedAt!.getTime());
  expect(after.action).toEqual(forward({ targetGroupIdentifier: seed.targetGroupId, weight: 5 }));
  const defaultRule = items!.find((r) => r.isDefault)!;
  expect(
    await errorOf(lattice.send(new UpdateRuleCommand({ ...ids, ruleIdentifier: defaultRule.id, priority: 3 }))),
  ).toMatchObject({ name: 'ValidationException' });
  expect((await lattice.send(new GetRuleCommand({ ...ids, ruleIdentifier: defaultRule.id }))).action).toEqual(
    forward({ targetGroupIdentifier: seed.targetGroupId, weight: 100 }),
  );
});

test('health: UNUSED until forwarded to (even at 0), INITIAL for 2 polls, HEALTHY; bad image UNHEALTHY', async () => {
  expect(await statuses(seed.targetGroupId)).toEqual(['HEALTHY', 'HEALTHY', 'HEALTHY']);
  const blue = await blueService(2);
  expect(await statuses(blue.targetGroupId)).toEqual(['UNUSED', 'UNUSED']);
  const ids = { serviceIdentifier: seed.serviceId, listenerIdentifier: seed.listenerId };
  await lattice.send(
    new UpdateListenerCommand({
      ...ids,
      defaultAction: forward(
        { targetGroupIdentifier: seed.targetGroupId, weight: 100 },
        { targetGroupIdentifier: blue.targetGroupId, weight: 0 },
      ),
    }),
  );
  expect(await statuses(blue.targetGroupId)).toEqual(['INITIAL', 'INITIAL']);
  expect(await statuses(blue.targetGroupId)).toEqual(['INITIAL', 'INITIAL']);
  expect(await statuses(blue.targetGroupId)).toEqual(['HEALTHY', 'HEALTHY']);
  expect(
    (await lattice.send(new GetTargetGroupCommand({ targetGroupIdentifier: blue.targetGroupId }))).serviceArns,
  ).toEqual([seed.serviceArn]);
  emu.lattice.unhealthyImages.add(blue.image);
  expect(await statuses(blue.targetGroupId)).toEqual(['UNHEALTHY', 'UNHEALTHY']);
  expect(await statuses(seed.targetGroupId)).toEqual(['HEALTHY', 'HEALTHY', 'HEALTHY']);
});

test('ECS registers task IP:port as targets, deregisters stopped tasks, shows configs on deployments', async () => {
  const { services } = await ecs.send(
    new DescribeServicesCommand({ cluster: LATTICE_SAMPLE.cluster, services: [LATTICE_SAMPLE.ecsService] }),
  );
  const service = services![0];
  expect(service).not.toHaveProperty('vpcLatticeConfigurations');
  expect(service.deployments![0].vpcLatticeConfigurations).toEqual([
    { roleArn: LATTICE_SAMPLE.roleArn, targetGroupArn: seed.targetGroupArn, portName: LATTICE_SAMPLE.portName },
  ]);
  const { taskArns } = await ecs.send(
    new ListTasksCommand({ cluster: LATTICE_SAMPLE.cluster, serviceName: LATTICE_SAMPLE.ecsService }),
  );
  const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: LATTICE_SAMPLE.cluster, tasks: taskArns }));
  const ips = tasks!.map((t) => t.attachments![0].details!.find((d) => d.name === 'privateIPv4Address')!.value).sort();
  const targets = (await lattice.send(new ListTargetsCommand({ targetGroupIdentifier: seed.targetGroupId }))).items!;
  expect(targets.map((t) => t.id).sort()).toEqual(ips);
  expect(new Set(targets.map((t) => t.port))).toEqual(new Set([LATTICE_SAMPLE.containerPort]));

  await ecs.send(
    new UpdateServiceCommand({ cluster: LATTICE_SAMPLE.cluster, service: LATTICE_SAMPLE.ecsService, desiredCount: 1 }),
  );
  const [kept] = (await lattice.send(new ListTargetsCommand({ targetGroupIdentifier: seed.targetGroupId }))).items!;
  expect([ips.includes(kept.id!), kept.status]).toEqual([true, 'HEALTHY']); // scaling in keeps a running task's target
  const updated = await ecs.send(
    new UpdateServiceCommand({
      cluster: LATTICE_SAMPLE.cluster,
      service: LATTICE_SAMPLE.ecsService,
      vpcLatticeConfigurations: [],
    }),
  );
  expect(updated.service!.deployments![0].vpcLatticeConfigurations).toBeUndefined();
  await ecs.send(
    new DescribeServicesCommand({ cluster: LATTICE_SAMPLE.cluster, services: [LATTICE_SAMPLE.ecsService] }),
  );
  expect(await statuses(seed.targetGroupId)).toEqual([]);
});

test('ECS checks vpcLatticeConfigurations: the new model requires each member; portName names a port', async () => {
  const base = { cluster: LATTICE_SAMPLE.cluster, service: LATTICE_SAMPLE.ecsService };
  const missing = await errorOf(
    ecs.send(
      new UpdateServiceCommand({
        ...base,
        vpcLatticeConfigurations: [{ roleArn: LATTICE_SAMPLE.roleArn, targetGroupArn: seed.targetGroupArn }] as never,
      }),
    ),
  );
  expect(missing).toMatchObject({ name: 'InvalidParameterException', status: 400 });
  expect(missing!.message).toMatch(/input.vpcLatticeConfigurations\[0\].portName is required/);
  const wrongPort = await errorOf(
    ecs.send(
      new UpdateServiceCommand({
        ...base,
        vpcLatticeConfigurations: [
          { roleArn: LATTICE_SAMPLE.roleArn, targetGroupArn: seed.targetGroupArn, portName: 'app-8080-tcp' },
        ],
      }),
    ),
  );
  expect(wrongPort).toMatchObject({ name: 'InvalidParameterException' });
  expect(wrongPort!.message).toMatch(/portName app-8080-tcp .* does not match the name of a port mapping/);
  const noGroup = await errorOf(
    ecs.send(
      new UpdateServiceCommand({
        ...base,
        vpcLatticeConfigurations: [
          {
            roleArn: LATTICE_SAMPLE.roleArn,
            targetGroupArn: 'arn:aws:vpc-lattice:us-east-1:111122223333:targetgroup/tg-0123456789abcdef0',
            portName: LATTICE_SAMPLE.portName,
          },
        ],
      }),
    ),
  );
  expect(noGroup).toMatchObject({ name: 'InvalidParameterException' });
});

test('traffic: weights 80/20 split ~80/20, a header rule takes all header traffic, weight 0 gets none', async () => {
  const blue = await blueService(2);
  const ids = { serviceIdentifier: seed.serviceId, listenerIdentifier: seed.listenerId };
  await lattice.send(
    new UpdateListenerCommand({
      ...ids,
      defaultAction: forward(
        { targetGroupIdentifier: seed.targetGroupId, weight: 80 },
        { targetGroupIdentifier: blue.targetGroupId, weight: 20 },
      ),
    }),
  );
  const initial = emu.latticeTraffic(LATTICE_SAMPLE.service, 100);
  expect(initial.failures).toBeGreaterThan(5);
  expect(initial).toMatchObject({
    colors: { green: 100 - initial.failures },
    errors: { 'no healthy target in tg blue-tg': initial.failures },
  });
  await statuses(blue.targetGroupId);
  await statuses(blue.targetGroupId);

  const split = emu.latticeTraffic(LATTICE_SAMPLE.service, 2000);
  expect(split.failures).toBe(0);
  expect(split.colors.green + split.colors.blue).toBe(2000);
  expect(split.colors.blue / 2000).toBeCloseTo(0.2, 1);
  expect(split.targetGroups).toEqual({ 'color-tg': split.colors.green, 'blue-tg': split.colors.blue });

  const match = { httpMatch: { headerMatches: [{ name: 'X-Canary', match: { exact: 'yes' } }] } };
  await lattice.send(
    new CreateRuleCommand({
      ...ids,
      name: 'canary-header',
      priority: 1,
      match,
      action: forward({ targetGroupIdentifier: blue.targetGroupId, weight: 1 }),
    }),
  );
  expect(emu.latticeTraffic(seed.serviceArn, 500, { headers: { 'x-canary': 'YES' } }).colors).toEqual({ blue: 500 });
  expect(emu.latticeTraffic(seed.serviceId, 500, { headers: { 'x-canary': 'no' } }).colors.green).toBeGreaterThan(300);

  await lattice.send(
    new UpdateListenerCommand({
      ...ids,
      defaultAction: forward(
        { targetGroupIdentifier: seed.targetGroupId, weight: 100 },
        { targetGroupIdentifier: blue.targetGroupId, weight: 0 },
      ),
    }),
  );
  expect(emu.latticeTraffic(LATTICE_SAMPLE.service, 500)).toMatchObject({
    colors: { green: 500 },
    targetGroups: { 'color-tg': 500 },
  });
  await lattice.send(
    new UpdateListenerCommand({
      ...ids,
      defaultAction: forward({ targetGroupIdentifier: seed.targetGroupId, weight: 0 }),
    }),
  );
  expect(emu.latticeTraffic(LATTICE_SAMPLE.service, 10)).toMatchObject({
    failures: 10,
    errors: { 'all target group weights are 0': 10 },
  });
});

test('traffic advances time: a rollout resolves, its new targets are INITIAL, then answer once healthy', async () => {
  expect(emu.latticeTraffic(LATTICE_SAMPLE.service, 300).colors).toEqual({ green: 300 });
  const { taskDefinition } = await ecs.send(
    new RegisterTaskDefinitionCommand(latticeColorTaskDefinition('blue') as never),
  );
  await ecs.send(
    new UpdateServiceCommand({
      cluster: LATTICE_SAMPLE.cluster,
      service: LATTICE_SAMPLE.ecsService,
      taskDefinition: taskDefinition!.taskDefinitionArn,
    }),
  );
  expect(emu.latticeTraffic(LATTICE_SAMPLE.service, 300)).toMatchObject({
    failures: 300,
    errors: { 'no healthy target in tg color-tg': 300 },
  });
  await statuses(seed.targetGroupId);
  await statuses(seed.targetGroupId);
  expect(emu.latticeTraffic(LATTICE_SAMPLE.service, 300).colors).toEqual({ blue: 300 });
});

test('requests route by SigV4 scope and path; targets registered by hand carry no task', async () => {
  const signed = (service: string) => ({
    authorization: `AWS4-HMAC-SHA256 Credential=AKID/20250101/${emu.region}/${service}/aws4_request, Signature=0`,
  });
  expect((await fetch(`${emu.url}/services`, { headers: signed('vpc-lattice') })).status).toBe(200);
  const asAppMesh = await fetch(`${emu.url}/services`, { headers: signed('appmesh') });
  expect([asAppMesh.status, asAppMesh.headers.get('x-amzn-errortype')]).toEqual([404, 'UnknownOperationException']);
  expect((await fetch(`${emu.url}/v20190125/meshes`, { headers: signed('appmesh') })).status).toBe(200);
  expect(emu.log.map((r) => `${r.service}:${r.operation}`)).toEqual([
    'vpc-lattice:ListServices',
    'appmesh:GET /services',
    'appmesh:ListMeshes',
  ]);

  const out = await lattice.send(
    new RegisterTargetsCommand({
      targetGroupIdentifier: seed.targetGroupArn,
      targets: [{ id: '10.0.99.1' }, { id: 'not-an-ip' }],
    }),
  );
  expect(out.successful).toEqual([{ id: '10.0.99.1', port: 8080 }]);
  expect(out.unsuccessful![0]).toMatchObject({ id: 'not-an-ip', failureCode: 'InvalidTargetId' });
  emu.lattice.markHealthy(LATTICE_SAMPLE.targetGroup);
  const tally = emu.latticeTraffic(LATTICE_SAMPLE.service, 400);
  expect(tally.errors['target 10.0.99.1:8080 has no running task']).toBeGreaterThan(50);
  expect(tally.colors.green + tally.failures).toBe(400);
});
