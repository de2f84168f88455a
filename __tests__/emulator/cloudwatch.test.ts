// CloudWatch alarms in the emulator through the real @aws-sdk/client-cloudwatch (awsJson1_0, query-compatible errors),
// the alarm controls (scripted states, states set when the canary's share of traffic reaches a weight, alarms tied to
// the 5xx answers of broken images in the traffic simulation, composite rules), App Mesh header routing in the traffic
// simulation, and the timestamps a bake timer reads.
import { readFileSync } from 'node:fs';
import { AppMeshClient, DescribeRouteCommand, UpdateRouteCommand } from '@aws-sdk/client-app-mesh';
import {
  CloudWatchClient,
  type CompositeAlarm,
  DescribeAlarmsCommand,
  type DescribeAlarmsCommandInput,
  type MetricAlarm,
  SetAlarmStateCommand,
} from '@aws-sdk/client-cloudwatch';
import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import {
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DeleteRuleCommand,
  UpdateListenerCommand,
  VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { evaluateRule, parseRule } from '../../emulator/cloudWatch.js';
import {
  LATTICE_SAMPLE,
  type LatticeSeed,
  latticeColorTaskDefinition,
  SAMPLE,
  seedHowtoEcsBasics,
  seedLatticeColor,
} from '../../emulator/fixture.js';
import { Emulator } from '../../emulator/server.js';

let emu: Emulator;
let cw: CloudWatchClient;
let mesh: AppMeshClient;
let ecs: ECSClient;
let lattice: VPCLatticeClient;

async function start(seed: (emu: Emulator) => unknown = seedHowtoEcsBasics): Promise<void> {
  emu = await Emulator.start({ rolloutDelayMs: 0 });
  seed(emu);
  const config = emu.clientConfig();
  cw = new CloudWatchClient(config);
  mesh = new AppMeshClient(config);
  ecs = new ECSClient(config);
  lattice = new VPCLatticeClient(config);
}
afterEach(async () => {
  for (const client of [cw, mesh, ecs, lattice]) client?.destroy();
  await emu?.stop();
});

const errorOf = async (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error & { $metadata?: { httpStatusCode?: number }; Code?: string; Type?: string }) => ({
      name: e.name,
      status: e.$metadata?.httpStatusCode,
      message: e.message,
      code: e.Code,
      type: e.Type,
    }),
  );
const describe_ = (input: DescribeAlarmsCommandInput = {}) => cw.send(new DescribeAlarmsCommand(input));
const names = (alarms: (MetricAlarm | CompositeAlarm)[] | undefined) => (alarms ?? []).map((a) => a.AlarmName);
const stateOf = async (name: string) => {
  const out = await describe_({ AlarmNames: [name], AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] });
  return (out.MetricAlarms?.[0] ?? out.CompositeAlarms?.[0])?.StateValue;
};

const BROKEN = '893075211920.dkr.ecr.ap-northeast-1.amazonaws.com/howto-ecs-basics/colorapp:broken';

/**
 * The sample mid-canary: canary node color-v2-node (Cloud Map filter on the v2 family), ECS service color-v2 running
 * the walkthrough's v2 task definition (COLOR=blue; `image` replaces its app image), the sample router and route at
 * `weights` (stable, canary) with the virtual service provided by the router. Set up in-process.
 */
function seedMeshCanary(e: Emulator, opts: { weights?: [number, number]; image?: string } = {}): void {
  const [stable, canary] = opts.weights ?? [100, 0];
  const stableSpec = e.appMesh.resource(SAMPLE.mesh, 'VirtualNode', SAMPLE.stableNode)!.spec;
  const canarySpec = structuredClone(stableSpec);
  canarySpec.serviceDiscovery.awsCloudMap.attributes = [
    { key: 'ECS_TASK_DEFINITION_FAMILY', value: 'howto-ecs-basics-color-v2' },
  ];
  e.appMesh.put(SAMPLE.mesh, 'VirtualNode', SAMPLE.canaryNode, canarySpec, { create: true });
  const v2 = JSON.parse(readFileSync(SAMPLE.v2TaskDefinition, 'utf8'));
  if (opts.image) v2.containerDefinitions.find((c: { name: string }) => c.name === 'app').image = opts.image;
  const def = e.ecs.registerTaskDefinition(v2);
  e.ecs.seedService(SAMPLE.cluster, {
    serviceName: SAMPLE.canaryService,
    taskDefinition: def.taskDefinitionArn,
    desiredCount: 2,
    launchType: 'FARGATE',
    networkConfiguration: {
      awsvpcConfiguration: { subnets: ['subnet-0private1'], securityGroups: ['sg-0app'], assignPublicIp: 'DISABLED' },
    },
    serviceRegistries: [{ registryArn: e.cloudMap.serviceByName(SAMPLE.namespace, 'color')!.Arn }],
  });
  e.appMesh.put(
    SAMPLE.mesh,
    'VirtualRouter',
    SAMPLE.virtualRouter,
    { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    { create: true },
  );
  e.appMesh.put(SAMPLE.mesh, 'Route', SAMPLE.route, weightedRoute(stable, canary), {
    create: true,
    router: SAMPLE.virtualRouter,
  });
  e.appMesh.put(
    SAMPLE.mesh,
    'VirtualService',
    SAMPLE.virtualService,
    { provider: { virtualRouter: { virtualRouterName: SAMPLE.virtualRouter } } },
    { create: false },
  );
}

function weightedRoute(stable: number, canary: number, extra: Record<string, unknown> = {}) {
  return {
    ...extra,
    httpRoute: {
      match: { prefix: '/' },
      action: {
        weightedTargets: [
          { virtualNode: SAMPLE.stableNode, weight: stable },
          { virtualNode: SAMPLE.canaryNode, weight: canary },
        ],
      },
    },
  };
}

const updateRoute = (stable: number, canary: number) =>
  mesh.send(
    new UpdateRouteCommand({
      meshName: SAMPLE.mesh,
      virtualRouterName: SAMPLE.virtualRouter,
      routeName: SAMPLE.route,
      spec: weightedRoute(stable, canary),
    }),
  );

describe('DescribeAlarms over awsJson1_0', () => {
  beforeEach(() => start());

  test('metric alarms only without AlarmTypes, as AWS; composites when asked; unknown names return nothing', async () => {
    emu.cloudWatch.putMetricAlarm('color-5xx', { state: 'OK', reason: 'no errors' });
    emu.cloudWatch.putMetricAlarm('color-latency');
    emu.cloudWatch.putCompositeAlarm('color-gate', 'ALARM("color-5xx") OR ALARM(color-latency)');

    const plain = await describe_();
    expect(names(plain.MetricAlarms)).toEqual(['color-5xx', 'color-latency']);
    expect(plain.CompositeAlarms).toEqual([]);
    const [five] = plain.MetricAlarms!;
    expect(five).toMatchObject({
      AlarmName: 'color-5xx',
      AlarmArn: `arn:aws:cloudwatch:${emu.region}:111122223333:alarm:color-5xx`,
      StateValue: 'OK',
      StateReason: 'no errors',
      StateUpdatedTimestamp: expect.any(Date),
      Namespace: expect.any(String),
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(Math.abs(five.StateUpdatedTimestamp!.getTime() - Date.now())).toBeLessThan(5000);
    expect(plain.MetricAlarms![1]).toMatchObject({
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: 'Unchecked: Initial alarm creation',
    });

    const composites = await describe_({ AlarmTypes: ['CompositeAlarm'] });
    expect(composites.MetricAlarms).toEqual([]);
    expect(composites.CompositeAlarms).toEqual([
      expect.objectContaining({
        AlarmName: 'color-gate',
        AlarmArn: `arn:aws:cloudwatch:${emu.region}:111122223333:alarm:color-gate`,
        AlarmRule: 'ALARM("color-5xx") OR ALARM(color-latency)',
        StateValue: 'OK',
        StateUpdatedTimestamp: expect.any(Date),
      }),
    ]);
    const both = await describe_({ AlarmTypes: ['CompositeAlarm', 'MetricAlarm'] });
    expect([names(both.MetricAlarms), names(both.CompositeAlarms)]).toEqual([
      ['color-5xx', 'color-latency'],
      ['color-gate'],
    ]);

    // AlarmNames without AlarmTypes: a composite's name finds nothing; unknown names find nothing, without error.
    expect(names((await describe_({ AlarmNames: ['color-gate'] })).MetricAlarms)).toEqual([]);
    const unknown = await describe_({
      AlarmNames: ['nope', 'also-nope'],
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
    });
    expect([unknown.MetricAlarms, unknown.CompositeAlarms, unknown.NextToken]).toEqual([[], [], undefined]);
    expect(
      names((await describe_({ AlarmNames: ['color-gate', 'nope'], AlarmTypes: ['CompositeAlarm'] })).CompositeAlarms),
    ).toEqual(['color-gate']);

    expect(emu.calls({ service: 'cloudwatch' }).map((r) => `${r.operation}:${r.status}`)).toContain(
      'DescribeAlarms:200',
    );
    expect(emu.calls({ service: 'cloudwatch', mutating: true })).toEqual([]);
  });

  test('AlarmNamePrefix, StateValue, MaxRecords and NextToken', async () => {
    for (const name of ['canary-a', 'canary-b', 'canary-c', 'other'])
      emu.cloudWatch.putMetricAlarm(name, { state: 'OK' });
    emu.cloudWatch.setState('canary-b', 'ALARM', 'Threshold Crossed');
    expect(names((await describe_({ AlarmNamePrefix: 'canary-' })).MetricAlarms)).toEqual([
      'canary-a',
      'canary-b',
      'canary-c',
    ]);
    expect(names((await describe_({ StateValue: 'ALARM' })).MetricAlarms)).toEqual(['canary-b']);
    expect(names((await describe_({ AlarmNamePrefix: 'canary-', StateValue: 'OK' })).MetricAlarms)).toEqual([
      'canary-a',
      'canary-c',
    ]);

    const first = await describe_({ MaxRecords: 3 });
    expect(names(first.MetricAlarms)).toEqual(['canary-a', 'canary-b', 'canary-c']);
    expect(first.NextToken).toEqual(expect.any(String));
    const rest = await describe_({ MaxRecords: 3, NextToken: first.NextToken });
    expect([names(rest.MetricAlarms), rest.NextToken]).toEqual([['other'], undefined]);
  });

  test('errors as CloudWatch answers them: query codes, model validation, faults', async () => {
    expect(await errorOf(describe_({ NextToken: 'not-a-token' }))).toMatchObject({
      name: 'InvalidNextToken',
      status: 400,
      code: 'InvalidNextToken',
      type: 'Sender',
    });
    expect(await errorOf(describe_({ AlarmNames: ['a'], AlarmNamePrefix: 'a' }))).toMatchObject({
      name: 'InvalidParameterCombinationException',
      status: 400,
      code: 'InvalidParameterCombination',
    });
    const tooMany = await errorOf(describe_({ MaxRecords: 101 }));
    expect(tooMany).toMatchObject({ name: 'ValidationException', status: 400, code: 'ValidationError' });
    expect(tooMany!.message).toMatch(/MaxRecords must be at most 100; got 101/);
    expect(await errorOf(describe_({ StateValue: 'RED' as never }))).toMatchObject({ code: 'ValidationError' });

    emu.inject({ service: 'cloudwatch', operation: 'DescribeAlarms', error: 'InternalServiceFault' });
    expect(await errorOf(describe_())).toMatchObject({
      name: 'InternalServiceFault',
      status: 500,
      code: 'InternalServiceError',
      type: 'Receiver',
    });
    emu.inject({ operation: 'DescribeAlarms', error: 'Throttling' });
    expect(await errorOf(describe_())).toMatchObject({ name: 'Throttling', status: 400, code: 'Throttling' });
    expect((await describe_()).MetricAlarms).toEqual([]);
    expect(emu.log.map((r) => `${r.service}:${r.status}:${r.error ?? ''}`).slice(-3)).toEqual([
      'cloudwatch:500:InternalServiceFault',
      'cloudwatch:400:Throttling',
      'cloudwatch:200:',
    ]);
  });

  test('scripted states: setState and SetAlarmState move StateValue, StateReason and the timestamps', async () => {
    emu.cloudWatch.putMetricAlarm('color-5xx', { state: 'OK', reason: 'quiet' });
    const before = (await describe_()).MetricAlarms![0];
    await new Promise((r) => setTimeout(r, 15));
    emu.cloudWatch.setState('color-5xx', 'ALARM', 'Threshold Crossed: 5xx above 1%');
    const alarmed = (await describe_()).MetricAlarms![0];
    expect(alarmed).toMatchObject({ StateValue: 'ALARM', StateReason: 'Threshold Crossed: 5xx above 1%' });
    expect(alarmed.StateUpdatedTimestamp!.getTime()).toBeGreaterThan(before.StateUpdatedTimestamp!.getTime());
    expect(alarmed.StateTransitionedTimestamp!.getTime()).toBe(alarmed.StateUpdatedTimestamp!.getTime());

    await new Promise((r) => setTimeout(r, 15));
    await cw.send(
      new SetAlarmStateCommand({
        AlarmName: 'color-5xx',
        StateValue: 'ALARM',
        StateReason: 'still bad',
        StateReasonData: '{}',
      }),
    );
    const again = (await describe_()).MetricAlarms![0];
    expect(again).toMatchObject({ StateValue: 'ALARM', StateReason: 'still bad', StateReasonData: '{}' });
    // A new reason in the same state updates the state, not a transition.
    expect(again.StateUpdatedTimestamp!.getTime()).toBeGreaterThan(alarmed.StateUpdatedTimestamp!.getTime());
    expect(again.StateTransitionedTimestamp).toEqual(alarmed.StateTransitionedTimestamp);

    await cw.send(new SetAlarmStateCommand({ AlarmName: 'color-5xx', StateValue: 'OK', StateReason: 'recovered' }));
    expect(await stateOf('color-5xx')).toBe('OK');
    expect(
      await errorOf(cw.send(new SetAlarmStateCommand({ AlarmName: 'nope', StateValue: 'OK', StateReason: 'x' }))),
    ).toMatchObject({ name: 'ResourceNotFound', status: 404 });
    expect(
      await errorOf(
        cw.send(
          new SetAlarmStateCommand({
            AlarmName: 'color-5xx',
            StateValue: 'OK',
            StateReason: 'x',
            StateReasonData: '{',
          }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidFormatFault', code: 'InvalidFormat' });
    // An update keeps the state, as PutMetricAlarm does on AWS.
    emu.cloudWatch.putMetricAlarm('color-5xx', { metric: { threshold: 5 } });
    expect((await describe_()).MetricAlarms![0]).toMatchObject({ StateValue: 'OK', Threshold: 5 });
  });
});

describe('alarms that follow the canary', () => {
  test('setStateWhen: a real UpdateRoute to 25 % sets the alarm at once; 10 % did not; it fires once', async () => {
    await start((e) => {
      seedHowtoEcsBasics(e);
      seedMeshCanary(e);
    });
    emu.cloudWatch.putMetricAlarm('color-5xx', { state: 'OK' });
    emu.cloudWatch.setStateWhen('color-5xx', 'ALARM', 'Threshold Crossed: canary errors', { canaryWeightAtLeast: 20 });
    expect(emu.canaryWeight()).toBe(0);
    expect(emu.cloudWatch.pending()).toEqual([{ alarm: 'color-5xx', state: 'ALARM' }]);

    await updateRoute(90, 10);
    expect(emu.canaryWeight()).toBe(10);
    expect(await stateOf('color-5xx')).toBe('OK');

    await updateRoute(75, 25);
    const update = emu.calls({ service: 'appmesh', mutating: true }).at(-1)!;
    const alarm = (await describe_()).MetricAlarms![0];
    expect(alarm).toMatchObject({ StateValue: 'ALARM', StateReason: 'Threshold Crossed: canary errors' });
    // Set while UpdateRoute was served: a bake timer sees the alarm at the weight change, not a poll later.
    expect(alarm.StateUpdatedTimestamp!.getTime()).toBeGreaterThanOrEqual(update.start);
    expect(alarm.StateUpdatedTimestamp!.getTime()).toBeLessThanOrEqual(update.end);
    expect(emu.cloudWatch.pending()).toEqual([]);

    // Spent: a rollback and a reset stay put.
    await updateRoute(100, 0);
    emu.cloudWatch.setState('color-5xx', 'OK', 'reset');
    await updateRoute(50, 50);
    expect(await stateOf('color-5xx')).toBe('OK');
  });

  test('setStateWhen: a real UpdateListener shifting 10 % to the canary target group; a predicate on the request log', async () => {
    let seed!: LatticeSeed;
    await start((e) => {
      seed = seedLatticeColor(e);
    });
    const canary = await lattice.send(
      new CreateTargetGroupCommand({
        name: 'color-tg-canary',
        type: 'IP',
        config: { port: 8080, protocol: 'HTTP', vpcIdentifier: LATTICE_SAMPLE.vpc },
      }),
    );
    emu.cloudWatch.putMetricAlarm('lattice-5xx', { state: 'OK' });
    emu.cloudWatch.putMetricAlarm('deployed', { state: 'OK' });
    emu.cloudWatch.setStateWhen('lattice-5xx', 'ALARM', 'canary at 10 %', { canaryWeightAtLeast: 10 });
    emu.cloudWatch.setStateWhen(
      'deployed',
      'ALARM',
      'an ECS service was updated',
      (e) => e.calls({ service: 'ecs', mutating: true }).length > 0,
    );
    expect(emu.canaryWeight()).toBe(0);

    const shift = (stable: number, canaryWeight: number) =>
      lattice.send(
        new UpdateListenerCommand({
          serviceIdentifier: seed.serviceId,
          listenerIdentifier: seed.listenerId,
          defaultAction: {
            forward: {
              targetGroups: [
                { targetGroupIdentifier: seed.targetGroupId, weight: stable },
                { targetGroupIdentifier: canary.id!, weight: canaryWeight },
              ],
            },
          },
        }),
      );
    await shift(95, 5);
    expect(await stateOf('lattice-5xx')).toBe('OK');
    await shift(90, 10);
    expect(emu.canaryWeight()).toBe(10);
    expect(await stateOf('lattice-5xx')).toBe('ALARM');

    expect(await stateOf('deployed')).toBe('OK');
    await ecs.send(new UpdateServiceCommand({ cluster: LATTICE_SAMPLE.cluster, service: 'color', desiredCount: 3 }));
    expect(await stateOf('deployed')).toBe('ALARM');
  });

  test('a broken image answers 5xx through App Mesh; an alarm tied to the errors goes ALARM at the threshold', async () => {
    await start((e) => {
      seedHowtoEcsBasics(e);
      seedMeshCanary(e, { weights: [80, 20], image: BROKEN });
    });
    emu.cloudWatch.putMetricAlarm('color-5xx', { state: 'OK', reason: 'no errors' });
    emu.cloudWatch.tieToErrors('color-5xx', { threshold: 150 });
    expect(emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 400).failures).toBe(0); // not broken yet

    emu.brokenImages.add(BROKEN);
    const first = emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 500);
    expect(first.colors).toEqual({ green: 500 - first.failures });
    expect(first.errors).toEqual({ '5xx': first.failures });
    expect(first.failures).toBe(first.nodes[SAMPLE.canaryNode]);
    expect(first.failures / 500).toBeCloseTo(0.2, 1);
    expect(first.failures).toBeLessThan(150);
    expect(await stateOf('color-5xx')).toBe('OK');

    const second = emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 500);
    expect(first.failures + second.failures).toBeGreaterThanOrEqual(150);
    const alarm = (await describe_()).MetricAlarms![0];
    expect(alarm).toMatchObject({ StateValue: 'ALARM', Threshold: 150 });
    expect(alarm.StateReason).toMatch(
      /^Threshold Crossed: 1 datapoint \[\d+\.0 \(\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d\)\] was greater than or equal to the threshold \(150\.0\)\.$/,
    );
    expect(emu.cloudWatch.served5xx).toBe(first.failures + second.failures);

    // Counted from the moment it is tied.
    emu.cloudWatch.putMetricAlarm('late', { state: 'OK' });
    emu.cloudWatch.tieToErrors('late', { threshold: 1000 });
    emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 500);
    expect(await stateOf('late')).toBe('OK');
  });

  test('a broken image answers 5xx through VPC Lattice too; the tied alarm fires on the next request', async () => {
    await start((e) => {
      seedLatticeColor(e);
    });
    const image = latticeColorTaskDefinition('green').containerDefinitions[0].image as string;
    emu.cloudWatch.putMetricAlarm('lattice-5xx', { state: 'OK' });
    emu.cloudWatch.putCompositeAlarm('gate', 'ALARM(lattice-5xx)');
    emu.cloudWatch.tieToErrors('lattice-5xx', { threshold: 50 });
    emu.brokenImages.add(image);
    const tally = emu.latticeTraffic(LATTICE_SAMPLE.service, 40);
    expect(tally).toMatchObject({ failures: 40, colors: {}, errors: { '5xx': 40 }, targetGroups: { 'color-tg': 40 } });
    expect(await stateOf('lattice-5xx')).toBe('OK');
    emu.latticeTraffic(LATTICE_SAMPLE.service, 10);
    expect(await stateOf('lattice-5xx')).toBe('ALARM');
    const gate = (await describe_({ AlarmTypes: ['CompositeAlarm'] })).CompositeAlarms![0];
    expect(gate).toMatchObject({ StateValue: 'ALARM', StateReason: 'AlarmRule is TRUE: lattice-5xx is ALARM' });
  });
});

describe('composite alarms', () => {
  beforeEach(() => start());

  test('AlarmRule over the states of the alarms it names: ALARM, OK, AND, OR, NOT, parentheses, ARNs', async () => {
    const cwa = emu.cloudWatch;
    cwa.putMetricAlarm('errors', { state: 'OK' });
    cwa.putMetricAlarm('latency', { state: 'OK' });
    cwa.putMetricAlarm('deploying', { state: 'ALARM' });
    const arn = cwa.alarms.get('latency')!.arn;
    cwa.putCompositeAlarm('gate', `(ALARM("errors") OR ALARM("${arn}")) AND NOT OK(deploying)`);
    cwa.putCompositeAlarm('either', 'ALARM(errors) OR ALARM(latency)');
    cwa.putCompositeAlarm('any-gate', 'ALARM(gate) OR INSUFFICIENT_DATA(errors)');
    const states = async () =>
      Object.fromEntries(
        ((await describe_({ AlarmTypes: ['CompositeAlarm'] })).CompositeAlarms ?? []).map((a) => [
          a.AlarmName,
          a.StateValue,
        ]),
      );
    expect(await states()).toEqual({ 'any-gate': 'OK', either: 'OK', gate: 'OK' });
    cwa.setState('latency', 'ALARM', 'slow');
    expect(await states()).toEqual({ 'any-gate': 'ALARM', either: 'ALARM', gate: 'ALARM' });
    const gate = (await describe_({ AlarmNames: ['gate'], AlarmTypes: ['CompositeAlarm'] })).CompositeAlarms![0];
    expect(gate.StateReason).toBe('AlarmRule is TRUE: errors is OK, latency is ALARM, deploying is ALARM');
    await cw.send(new SetAlarmStateCommand({ AlarmName: 'deploying', StateValue: 'OK', StateReason: 'done' }));
    expect(await states()).toEqual({ 'any-gate': 'OK', either: 'ALARM', gate: 'OK' });
    cwa.setState('errors', 'INSUFFICIENT_DATA', 'no data');
    expect(await states()).toEqual({ 'any-gate': 'ALARM', either: 'ALARM', gate: 'OK' });

    // ChildrenOfAlarmName and ParentsOfAlarmName, with no other filter.
    const children = await describe_({ ChildrenOfAlarmName: 'any-gate' });
    expect([names(children.MetricAlarms), names(children.CompositeAlarms)]).toEqual([['errors'], ['gate']]);
    const parents = await describe_({ ParentsOfAlarmName: 'latency' });
    expect([names(parents.MetricAlarms), names(parents.CompositeAlarms)]).toEqual([[], ['either', 'gate']]);
    expect(await errorOf(describe_({ ChildrenOfAlarmName: 'gate', StateValue: 'OK' }))).toMatchObject({
      name: 'InvalidParameterCombinationException',
    });
  });

  test('a state given to a composite holds until an alarm it names changes; bad rules are refused', async () => {
    const cwa = emu.cloudWatch;
    cwa.putMetricAlarm('errors', { state: 'OK' });
    cwa.putCompositeAlarm('gate', 'ALARM(errors)', { state: 'ALARM', reason: 'forced' });
    expect(await stateOf('gate')).toBe('ALARM');
    cwa.setState('errors', 'ALARM', 'bad');
    cwa.setState('errors', 'OK', 'good');
    expect(await stateOf('gate')).toBe('OK');
    // SetAlarmState on a composite sticks until its children change, as AWS re-evaluates on their changes.
    await cw.send(new SetAlarmStateCommand({ AlarmName: 'gate', StateValue: 'ALARM', StateReason: 'drill' }));
    expect(await stateOf('gate')).toBe('ALARM');
    cwa.putCompositeAlarm('always', 'TRUE');
    cwa.putCompositeAlarm('never', 'NOT TRUE OR FALSE');
    expect([await stateOf('always'), await stateOf('never')]).toEqual(['ALARM', 'OK']);

    expect(() => cwa.putCompositeAlarm('x', 'ALARM(missing)')).toThrow(/names alarm missing, which does not exist/);
    expect(() => cwa.putCompositeAlarm('x', 'ALARM(errors) AND')).toThrow(/unexpected end of rule/);
    expect(() => cwa.putCompositeAlarm('x', 'ALARM(errors) XOR OK(errors)')).toThrow(/unexpected XOR/);
    expect(() => cwa.putCompositeAlarm('x', 'alarm(errors)')).toThrow(/unexpected "a"/);
    expect(() => cwa.putCompositeAlarm('x', '(ALARM(errors)')).toThrow(/expected \)/);
    cwa.putCompositeAlarm('outer', 'ALARM(gate)');
    expect(() => cwa.putCompositeAlarm('gate', 'ALARM(outer)')).toThrow(/circular/);
    expect(() => cwa.putMetricAlarm('gate')).toThrow(/composite/);
    expect(() => cwa.setState('nope', 'OK', 'x')).toThrow(/Alarm nope not found/);
  });

  test('parseRule: NOT binds tighter than AND, AND tighter than OR; quoted names may hold spaces', () => {
    const states: Record<string, string> = { a: 'ALARM', b: 'OK', 'c d': 'ALARM' };
    const evaluate = (rule: string) => evaluateRule(parseRule(rule), (name) => states[name] as never);
    expect(evaluate('ALARM(a) OR ALARM(b) AND ALARM(b)')).toBe(true);
    expect(evaluate('(ALARM(a) OR ALARM(b)) AND ALARM(b)')).toBe(false);
    expect(evaluate('NOT ALARM(a) OR OK(b)')).toBe(true);
    expect(evaluate('NOT (ALARM(a) OR OK(b))')).toBe(false);
    expect(evaluate('ALARM("c d") AND OK( "b" )')).toBe(true);
    expect(evaluate('INSUFFICIENT_DATA(zzz)')).toBe(false);
  });
});

describe('App Mesh header routing in the traffic simulation', () => {
  const headerRoute = (match: Record<string, unknown>, priority?: number) => ({
    ...(priority === undefined ? {} : { priority }),
    httpRoute: {
      match: { prefix: '/', headers: [{ name: 'x-canary', ...match }] },
      action: { weightedTargets: [{ virtualNode: SAMPLE.canaryNode, weight: 1 }] },
    },
  });
  const putRoute = (name: string, spec: Record<string, unknown>, create = true) =>
    emu.appMesh.put(SAMPLE.mesh, 'Route', name, spec, { create, router: SAMPLE.virtualRouter });
  const traffic = (headers?: Record<string, string>, requests = 1000) =>
    emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, requests, { headers });

  beforeEach(() =>
    start((e) => {
      seedHowtoEcsBasics(e);
      seedMeshCanary(e, { weights: [90, 10] });
    }),
  );

  test('a header route at priority 0 takes every header request; the rest fall to the weighted route', () => {
    putRoute(SAMPLE.route, weightedRoute(90, 10, { priority: 10 }), false);
    putRoute('pr-canary', headerRoute({ match: { exact: 'yes' } }, 0));
    expect(traffic({ 'X-Canary': 'yes' })).toMatchObject({
      failures: 0,
      colors: { blue: 1000 },
      nodes: { [SAMPLE.canaryNode]: 1000 },
    });
    const variants: (Record<string, string> | undefined)[] = [
      undefined,
      { 'x-canary': 'no' },
      { 'x-canary': 'YES' },
      { other: 'yes' },
    ];
    for (const headers of variants) {
      const tally = traffic(headers);
      expect(tally.failures).toBe(0);
      expect(tally.colors.green + tally.colors.blue).toBe(1000);
      expect(tally.colors.blue / 1000).toBeCloseTo(0.1, 1);
    }
    // Priority decides, not creation order: the weighted route at a higher priority shadows the header route.
    putRoute(SAMPLE.route, weightedRoute(90, 10, { priority: 0 }), false);
    putRoute('pr-canary', headerRoute({ match: { exact: 'yes' } }, 5), false);
    expect(traffic({ 'x-canary': 'yes' }).colors.green).toBeGreaterThan(800);
  });

  test('routes without a priority come after all with one', () => {
    putRoute('pr-canary', headerRoute({ match: { exact: 'yes' } }));
    expect(traffic({ 'x-canary': 'yes' }).colors.green).toBeGreaterThan(800); // the weighted route has no priority either: longest prefix first, tie by creation
    putRoute(SAMPLE.route, weightedRoute(90, 10, { priority: 1000 }), false);
    expect(traffic({ 'x-canary': 'yes' }).colors.green).toBeGreaterThan(800); // 1000 still comes before no priority
    putRoute(SAMPLE.route, weightedRoute(90, 10), false);
    putRoute('pr-canary', headerRoute({ match: { exact: 'yes' } }, 1000), false);
    expect(traffic({ 'x-canary': 'yes' }).colors).toEqual({ blue: 1000 });
  });

  test.each([
    ['exact', { match: { exact: 'yes' } }, ['yes'], ['Yes', 'yess', undefined]],
    ['prefix', { match: { prefix: 'pr-' } }, ['pr-12', 'pr-'], ['PR-12', 'x-pr-1', undefined]],
    ['suffix', { match: { suffix: '-canary' } }, ['user-canary'], ['canary-user', undefined]],
    ['regex (whole value)', { match: { regex: 'pr-[0-9]+' } }, ['pr-7', 'pr-123'], ['pr-', 'xpr-7', 'pr-7x']],
    ['range [start, end)', { match: { range: { start: 10, end: 20 } } }, ['10', '19', '+15'], ['20', '9', '1.5', 'x']],
    ['invert', { invert: true, match: { exact: 'no' } }, ['yes', ''], ['no', undefined]],
    ['presence (no match)', {}, ['', 'anything'], [undefined]],
    ['inverted presence', { invert: true }, [undefined], ['', 'yes']],
  ])('header match %s', (_name, matcher, hits, misses) => {
    putRoute('pr-canary', headerRoute(matcher, 0));
    putRoute(SAMPLE.route, weightedRoute(100, 0, { priority: 1 }), false);
    const answer = (value: string | undefined) =>
      Object.keys(traffic(value === undefined ? {} : { 'x-canary': value }, 20).colors);
    for (const value of hits) expect([value, answer(value)]).toEqual([value, ['blue']]);
    for (const value of misses) expect([value, answer(value)]).toEqual([value, ['green']]);
  });

  test('path, prefix and method select routes; the old seed argument still works', () => {
    putRoute('api', {
      priority: 0,
      httpRoute: {
        match: { path: { exact: '/color/v2' }, method: 'GET' },
        action: { weightedTargets: [{ virtualNode: SAMPLE.canaryNode, weight: 1 }] },
      },
    });
    const at = (path: string, method = 'GET') =>
      emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 50, { path, method }).colors;
    expect(at('/color/v2')).toEqual({ blue: 50 });
    expect(at('/color/v2?x=1')).toEqual({ blue: 50 });
    expect(Object.keys(at('/color/v2', 'POST'))).toContain('green');
    expect(Object.keys(at('/color/v22'))).toContain('green');
    expect(emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 300, 7)).toEqual(
      emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 300, { seed: 7 }),
    );
  });
});

describe('VPC Lattice: requests without the header fall through', () => {
  test('to a weighted rule, then to the default action', async () => {
    let seed!: LatticeSeed;
    await start((e) => {
      seed = seedLatticeColor(e);
    });
    const canary = await lattice.send(
      new CreateTargetGroupCommand({
        name: 'color-tg-canary',
        type: 'IP',
        config: { port: 8080, protocol: 'HTTP', vpcIdentifier: LATTICE_SAMPLE.vpc },
      }),
    );
    const ids = { serviceIdentifier: seed.serviceId, listenerIdentifier: seed.listenerId };
    const to = (...groups: [string, number][]) => ({
      forward: { targetGroups: groups.map(([targetGroupIdentifier, weight]) => ({ targetGroupIdentifier, weight })) },
    });
    await lattice.send(
      new CreateRuleCommand({
        ...ids,
        name: 'pr-canary',
        priority: 1,
        match: { httpMatch: { headerMatches: [{ name: 'x-canary', match: { exact: 'yes' } }] } },
        action: to([canary.id!, 1]),
      }),
    );
    const weightedRule = await lattice.send(
      new CreateRuleCommand({
        ...ids,
        name: 'weighted',
        priority: 2,
        match: { httpMatch: { pathMatch: { match: { prefix: '/' } } } },
        action: to([seed.targetGroupId, 70], [canary.id!, 30]),
      }),
    );
    const groups = (headers?: Record<string, string>) =>
      emu.latticeTraffic(LATTICE_SAMPLE.service, 1000, { headers }).targetGroups;
    expect(groups({ 'x-canary': 'yes' })).toEqual({ 'color-tg-canary': 1000 });
    const none = groups();
    expect(none['color-tg-canary'] / 1000).toBeCloseTo(0.3, 1);
    expect(emu.canaryWeight({ rule: 'weighted' })).toBe(30);
    expect(emu.canaryWeight()).toBe(0); // the default action

    await lattice.send(new DeleteRuleCommand({ ...ids, ruleIdentifier: weightedRule.id! }));
    expect(groups()).toEqual({ 'color-tg': 1000 });
    expect(groups({ 'x-canary': 'no' })).toEqual({ 'color-tg': 1000 });
  });
});

test('bake timing: request times in the log, UpdateRoute moves the route lastUpdatedAt, Lattice rules have theirs', async () => {
  await start((e) => {
    seedHowtoEcsBasics(e);
    seedMeshCanary(e);
  });
  const describeRoute = async () =>
    (
      await mesh.send(
        new DescribeRouteCommand({
          meshName: SAMPLE.mesh,
          virtualRouterName: SAMPLE.virtualRouter,
          routeName: SAMPLE.route,
        }),
      )
    ).route!.metadata!;
  const created = await describeRoute();
  await new Promise((r) => setTimeout(r, 20));
  await updateRoute(90, 10);
  const update = emu.calls({ mutating: true }).at(-1)!;
  expect(update).toMatchObject({ operation: 'UpdateRoute', start: expect.any(Number), end: expect.any(Number) });
  expect(update.end).toBeGreaterThanOrEqual(update.start);
  const updated = await describeRoute();
  expect(updated.version).toBe(created.version! + 1);
  expect(updated.createdAt).toEqual(created.createdAt);
  expect(updated.lastUpdatedAt!.getTime()).toBeGreaterThan(created.lastUpdatedAt!.getTime());
  expect(updated.lastUpdatedAt!.getTime()).toBeGreaterThanOrEqual(update.start);
  expect(updated.lastUpdatedAt!.getTime()).toBeLessThanOrEqual(update.end);
  expect(emu.log.every((r) => typeof r.start === 'number' && r.end >= r.start)).toBe(true);
});
