// ECS services with loadBalancers in the emulator, through the real ECS SDK client: a target group with no load balancer
// is refused as ECS refuses it, tasks are registered in their groups and deregistered when they stop, and a rollout
// completes only once the new tasks are healthy in their groups (the old ones keep serving until then).
import { CreateServiceCommand, ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { ALB_SAMPLE, type AlbSeed, latticeColorTaskDefinition, seedAlbColor } from '../../emulator/fixture.js';
import { Emulator } from '../../emulator/server.js';

let emu: Emulator;
let seed: AlbSeed;
let ecs: ECSClient;
beforeEach(async () => {
  emu = await Emulator.start({ rolloutDelayMs: 0, elbv2HealthyAfterMs: 60_000 });
  seed = seedAlbColor(emu);
  ecs = new ECSClient(emu.clientConfig());
});
afterEach(async () => {
  ecs.destroy();
  await emu.stop();
});

const network = {
  awsvpcConfiguration: { subnets: [...ALB_SAMPLE.subnets], securityGroups: ['sg-0app'] },
};
const targets = (group: string) =>
  [...emu.elbv2.targetGroup(group).targets.values()].map((t) => [
    t.id,
    emu.elbv2.targetHealth(emu.elbv2.targetGroup(group), t).State,
  ]);
const primary = (name: string) =>
  emu.ecs.services
    .get(ALB_SAMPLE.cluster)!
    .get(name)!
    .deployments.find((d) => d.status === 'PRIMARY')!;
const newGroup = (name: string) =>
  (
    emu.elbv2.handle('CreateTargetGroup', {
      Name: name,
      Protocol: 'HTTP',
      Port: 8080,
      VpcId: emu.elbv2.defaultVpcId,
      TargetType: 'ip',
    }) as { TargetGroups: { TargetGroupArn: string }[] }
  ).TargetGroups[0].TargetGroupArn;

test('a target group no listener forwards to is refused: it has no associated load balancer', async () => {
  const canary = newGroup('color-tg-canary');
  const create = ecs.send(
    new CreateServiceCommand({
      cluster: ALB_SAMPLE.cluster,
      serviceName: 'color-canary',
      taskDefinition: seed.taskDefinitionArn,
      desiredCount: 1,
      networkConfiguration: network,
      loadBalancers: [{ targetGroupArn: canary, containerName: 'app', containerPort: 8080 }],
    }),
  );
  await expect(create).rejects.toMatchObject({
    name: 'InvalidParameterException',
    message: `The target group with targetGroupArn ${canary} does not have an associated load balancer.`,
  });
  const wrongPort = ecs.send(
    new CreateServiceCommand({
      cluster: ALB_SAMPLE.cluster,
      serviceName: 'color-canary',
      taskDefinition: seed.taskDefinitionArn,
      networkConfiguration: network,
      loadBalancers: [{ targetGroupArn: seed.targetGroupArn, containerName: 'app', containerPort: 9090 }],
    }),
  );
  await expect(wrongPort).rejects.toThrow('The container app did not have a container port 9090 defined.');
});

test('a new revision rolls out beside the old tasks and completes once its targets are healthy', async () => {
  expect(targets(seed.targetGroupArn).map(([, state]) => state)).toEqual(['healthy', 'healthy', 'healthy']);
  const blue = emu.ecs.registerTaskDefinition(latticeColorTaskDefinition('blue'));
  await ecs.send(
    new UpdateServiceCommand({ cluster: ALB_SAMPLE.cluster, service: 'color', taskDefinition: blue.taskDefinitionArn }),
  );
  emu.ecs.advance();
  expect(primary('color').rolloutState).toBe('IN_PROGRESS');
  // Three new targets checking beside the three old ones, which still take all the traffic.
  expect(
    targets(seed.targetGroupArn)
      .map(([, state]) => state)
      .sort(),
  ).toEqual(['healthy', 'healthy', 'healthy', 'initial', 'initial', 'initial']);
  expect(emu.elbv2.traffic(ALB_SAMPLE.listener, 100).failOpen).toEqual({});
  emu.elbv2.markHealthy(seed.targetGroupArn);
  emu.ecs.advance();
  expect(primary('color').rolloutState).toBe('COMPLETED');
  expect(targets(seed.targetGroupArn)).toHaveLength(3);
  const tasks = [...emu.ecs.tasks.values()].filter((t) => t.service === 'color');
  expect(tasks.map((t) => t.taskDefinitionArn)).toEqual([
    blue.taskDefinitionArn,
    blue.taskDefinitionArn,
    blue.taskDefinitionArn,
  ]);
  expect(
    targets(seed.targetGroupArn)
      .map(([ip]) => ip)
      .sort(),
  ).toEqual(tasks.map((t) => t.ip).sort());
});

test('a new task that fails its health checks fails the rollout, and the circuit breaker rolls back', async () => {
  const blue = emu.ecs.registerTaskDefinition(latticeColorTaskDefinition('blue'));
  await ecs.send(
    new UpdateServiceCommand({ cluster: ALB_SAMPLE.cluster, service: 'color', taskDefinition: blue.taskDefinitionArn }),
  );
  emu.ecs.advance();
  const [fresh] = [...emu.ecs.tasks.values()].filter((t) => t.taskDefinitionArn === blue.taskDefinitionArn);
  emu.elbv2.markUnhealthy(seed.targetGroupArn, fresh.ip);
  emu.ecs.advance();
  const service = emu.ecs.services.get(ALB_SAMPLE.cluster)!.get('color')!;
  expect(service.deployments.map((d) => [d.rolloutState, d.taskDefinition])).toEqual([
    ['IN_PROGRESS', seed.taskDefinitionArn],
    ['COMPLETED', seed.taskDefinitionArn],
  ]);
  expect(service.deployments[0].rolloutStateReason).toMatch(/^ECS deployment circuit breaker: rolling back/);
  expect([...emu.ecs.tasks.values()].filter((t) => t.taskDefinitionArn === blue.taskDefinitionArn)).toEqual([]);
});

test('scaled to 0, its tasks are deregistered from the group', async () => {
  await ecs.send(new UpdateServiceCommand({ cluster: ALB_SAMPLE.cluster, service: 'color', desiredCount: 0 }));
  expect(targets(seed.targetGroupArn)).toEqual([]);
});
