// Elastic Load Balancing v2 (ALB) in the emulator, through the real AWS SDK v3 client: the awsQuery wire format, model
// validation, load balancers, listeners, rules, weighted forward actions, target groups and attributes, target health,
// tags, and the traffic simulation through a listener.
import {
  type Action,
  type RuleCondition,
  AddTagsCommand,
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DeleteRuleCommand,
  DeleteTargetGroupCommand,
  DeregisterTargetsCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  ModifyListenerCommand,
  ModifyRuleCommand,
  ModifyTargetGroupAttributesCommand,
  RegisterTargetsCommand,
  RemoveTagsCommand,
  SetRulePrioritiesCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { Emulator } from '../../emulator/server.js';

const VPC = 'vpc-0e1b2c3d4e5f60718';
const SUBNETS = ['subnet-0private1', 'subnet-0private2'];

let emu: Emulator;
let elb: ElasticLoadBalancingV2Client;

beforeEach(async () => {
  emu = await Emulator.start({ elbv2HealthyAfterMs: 0 });
  elb = new ElasticLoadBalancingV2Client(emu.clientConfig());
});
afterEach(async () => {
  elb.destroy();
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

const createGroup = async (name: string, extra: Record<string, unknown> = {}) =>
  (
    await elb.send(
      new CreateTargetGroupCommand({
        Name: name,
        Protocol: 'HTTP',
        Port: 8080,
        VpcId: VPC,
        TargetType: 'ip',
        ...extra,
      }),
    )
  ).TargetGroups![0];

const forwardTo = (...groups: [string, number][]): Action[] => [
  {
    Type: 'forward',
    ForwardConfig: { TargetGroups: groups.map(([TargetGroupArn, Weight]) => ({ TargetGroupArn, Weight })) },
  },
];

const health = async (TargetGroupArn: string) =>
  (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn }))).TargetHealthDescriptions!.map((d) => [
    `${d.Target!.Id}:${d.Target!.Port}`,
    d.TargetHealth!.State,
    d.TargetHealth!.Reason,
  ]);

/** An ALB `web` with target groups blue (3 targets) and green (1 target) and an HTTP:80 listener forwarding to blue. */
async function seed() {
  const lb = (await elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: SUBNETS, Type: 'application' })))
    .LoadBalancers![0];
  const blue = await createGroup('blue');
  const green = await createGroup('green');
  await elb.send(
    new RegisterTargetsCommand({
      TargetGroupArn: blue.TargetGroupArn,
      Targets: [{ Id: '10.0.1.10' }, { Id: '10.0.1.11' }, { Id: '10.0.1.12' }],
    }),
  );
  await elb.send(new RegisterTargetsCommand({ TargetGroupArn: green.TargetGroupArn, Targets: [{ Id: '10.0.2.20' }] }));
  const listener = (
    await elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: lb.LoadBalancerArn,
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: blue.TargetGroupArn }],
      }),
    )
  ).Listeners![0];
  return {
    lbArn: lb.LoadBalancerArn!,
    blueArn: blue.TargetGroupArn!,
    greenArn: green.TargetGroupArn!,
    listenerArn: listener.ListenerArn!,
  };
}

describe('the awsQuery wire format', () => {
  const post = (body: string) =>
    fetch(emu.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/elasticloadbalancing/aws4_request, x',
      },
      body,
    });

  test('answers XML in the service namespace, lists as <member>, errors as <ErrorResponse> with the awsQuery code', async () => {
    await seed();
    const ok = await post('Action=DescribeLoadBalancers&Version=2015-12-01&Names.member.1=web');
    const xml = await ok.text();
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/xml');
    expect(xml).toMatch(
      /^<DescribeLoadBalancersResponse xmlns="http:\/\/elasticloadbalancing\.amazonaws\.com\/doc\/2015-12-01\/"><DescribeLoadBalancersResult><LoadBalancers><member><LoadBalancerArn>arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer\/app\/web\/[0-9a-f]{16}<\/LoadBalancerArn>/,
    );
    expect(xml).toContain('<SecurityGroups></SecurityGroups>');
    expect(xml).toMatch(
      /<ResponseMetadata><RequestId>emu-\d+<\/RequestId><\/ResponseMetadata><\/DescribeLoadBalancersResponse>$/,
    );

    const missing = await post('Action=DescribeRules&Version=2015-12-01&RuleArns.member.1=arn%3Anope');
    expect(missing.status).toBe(400);
    expect(await missing.text()).toMatch(
      /^<ErrorResponse xmlns="http:\/\/elasticloadbalancing\.amazonaws\.com\/doc\/2015-12-01\/"><Error><Type>Sender<\/Type><Code>RuleNotFound<\/Code><Message>One or more rules not found<\/Message><\/Error><RequestId>emu-\d+<\/RequestId><\/ErrorResponse>$/,
    );
    const unknown = await post('Action=DescribeWidgets&Version=2015-12-01');
    expect([unknown.status, await unknown.text()]).toEqual([
      400,
      expect.stringContaining('<Code>InvalidAction</Code>'),
    ]);
  });

  test('the SDK names errors after the model shapes of their codes; unmodelled codes keep their name', async () => {
    const { listenerArn } = await seed();
    expect(await errorOf(elb.send(new DescribeRulesCommand({ RuleArns: [`${listenerArn}/nope`] })))).toEqual({
      name: 'RuleNotFoundException',
      status: 400,
      message: 'One or more rules not found',
    });
    expect(await errorOf(elb.send(new DescribeRulesCommand({})))).toEqual({
      name: 'ValidationError',
      status: 400,
      message: 'You must specify either listener rule ARNs or a listener ARN',
    });
    expect(
      emu
        .calls({ service: 'elbv2' })
        .slice(-2)
        .map((c) => c.error),
    ).toEqual(['RuleNotFoundException', 'ValidationError']);
  });
});

test('injected faults answer as the service would: by awsQuery code or shape name', async () => {
  const { listenerArn, blueArn } = await seed();
  emu.inject({ service: 'elbv2', operation: 'ModifyListener', error: 'TargetGroupAssociationLimit', message: 'busy' });
  emu.inject({ service: 'elbv2', operation: 'DescribeTargetHealth', error: 'HealthUnavailableException' });
  expect(
    await errorOf(
      elb.send(new ModifyListenerCommand({ ListenerArn: listenerArn, DefaultActions: forwardTo([blueArn, 1]) })),
    ),
  ).toEqual({ name: 'TargetGroupAssociationLimitException', status: 400, message: 'busy' });
  expect(await errorOf(elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: blueArn })))).toEqual({
    name: 'HealthUnavailableException',
    status: 500,
    message: 'Injected HealthUnavailableException',
  });
  expect((await health(blueArn)).length).toBe(3);
});

describe('model validation', () => {
  test('requests that do not fit the official model are refused before the service sees them', async () => {
    const { listenerArn, blueArn } = await seed();
    const rule = (extra: Record<string, unknown>) =>
      errorOf(
        elb.send(
          new CreateRuleCommand({
            ListenerArn: listenerArn,
            Priority: 10,
            Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }],
            Actions: [{ Type: 'forward', TargetGroupArn: blueArn }],
            ...extra,
          }),
        ),
      );
    expect(await rule({ Priority: 50001 })).toEqual({
      name: 'ValidationError',
      status: 400,
      message: '1 validation error detected: input.Priority must be at most 50000; got 50001',
    });
    expect(
      (await rule({ Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '302' } }] }))?.message,
    ).toBe(
      '1 validation error detected: input.Actions[0].FixedResponseConfig.StatusCode must match ^(2|4|5)\\d\\d$; got "302"',
    );
    expect((await rule({ Actions: [{ Type: 'teleport' as never }] }))?.message).toMatch(
      /^1 validation error detected: input\.Actions\[0\]\.Type must be one of forward, .*; got "teleport"$/,
    );
    expect((await errorOf(createGroup('pods', { TargetType: 'pod' })))?.message).toMatch(
      /input\.TargetType must be one of instance, ip, lambda, alb; got "pod"$/,
    );
    expect((await errorOf(createGroup('slow', { HealthCheckIntervalSeconds: 301 })))?.message).toBe(
      '1 validation error detected: input.HealthCheckIntervalSeconds must be at most 300; got 301',
    );
    expect((await errorOf(createGroup('far', { Port: 70000 })))?.message).toBe(
      '1 validation error detected: input.Port must be at most 65535; got 70000',
    );
    const rules = await elb.send(new DescribeRulesCommand({ ListenerArn: listenerArn }));
    expect(rules.Rules!.map((r) => r.Priority)).toEqual(['default']);
  });

  test('rules the model does not carry: weights 0–999, at most 5 groups per action, names of at most 32 characters', async () => {
    const { listenerArn, blueArn, greenArn } = await seed();
    const modify = (DefaultActions: Action[]) =>
      errorOf(elb.send(new ModifyListenerCommand({ ListenerArn: listenerArn, DefaultActions })));
    expect(await modify(forwardTo([blueArn, 999], [greenArn, 1000]))).toEqual({
      name: 'ValidationError',
      status: 400,
      message:
        "1 validation error detected: Value '1000' at 'actions.1.member.forwardConfig.targetGroups.2.member.weight' " +
        'failed to satisfy constraint: Member must have value less than or equal to 999',
    });
    const six = await Promise.all(['g1', 'g2', 'g3', 'g4', 'g5', 'g6'].map((n) => createGroup(n)));
    expect((await modify(forwardTo(...six.map((g): [string, number] => [g.TargetGroupArn!, 1]))))?.message).toBe(
      "1 validation error detected: Value '6' at 'actions.1.member.forwardConfig.targetGroups' failed to satisfy " +
        'constraint: Member must have length less than or equal to 5',
    );
    expect(
      await modify(forwardTo(...six.slice(0, 5).map((g): [string, number] => [g.TargetGroupArn!, 1]))),
    ).toBeUndefined();

    const long = 'a'.repeat(33);
    expect(await errorOf(createGroup(long))).toEqual({
      name: 'ValidationError',
      status: 400,
      message: `Target group name '${long}' cannot be longer than '32' characters`,
    });
    expect((await errorOf(createGroup('blue_green')))?.message).toBe(
      "Target group name 'blue_green' can only contain characters that are alphanumeric characters or hyphens(-)",
    );
    expect((await errorOf(createGroup('-blue')))?.message).toBe(
      "Target group name '-blue' cannot begin or end with '-'",
    );
    expect((await createGroup('a'.repeat(32))).TargetGroupName).toBe('a'.repeat(32));
    expect((await errorOf(elb.send(new DescribeTargetGroupsCommand({ Names: [long] }))))?.message).toBe(
      `Target group name '${long}' cannot be longer than '32' characters`,
    );
  });
});

test('load balancers: created, described by ARN and by name, idempotent by name; bad names and one subnet refused', async () => {
  const created = (
    await elb.send(
      new CreateLoadBalancerCommand({ Name: 'web', Subnets: SUBNETS, Tags: [{ Key: 'team', Value: 'a' }] }),
    )
  ).LoadBalancers![0];
  expect(created).toEqual({
    LoadBalancerArn: expect.stringMatching(
      /^arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer\/app\/web\/[0-9a-f]{16}$/,
    ),
    DNSName: expect.stringMatching(/^web-\d{9}\.us-east-1\.elb\.amazonaws\.com$/),
    CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
    CreatedTime: expect.any(Date),
    LoadBalancerName: 'web',
    Scheme: 'internet-facing',
    VpcId: VPC,
    State: { Code: 'active' },
    Type: 'application',
    AvailabilityZones: [
      { ZoneName: 'us-east-1a', SubnetId: SUBNETS[0], LoadBalancerAddresses: [] },
      { ZoneName: 'us-east-1b', SubnetId: SUBNETS[1], LoadBalancerAddresses: [] },
    ],
    SecurityGroups: [],
    IpAddressType: 'ipv4',
  });
  const again = await elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: SUBNETS }));
  expect(again.LoadBalancers![0].LoadBalancerArn).toBe(created.LoadBalancerArn);
  const byName = await elb.send(new DescribeLoadBalancersCommand({ Names: ['web'] }));
  const byArn = await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [created.LoadBalancerArn!] }));
  expect([byName.LoadBalancers!.length, byArn.LoadBalancers![0].DNSName]).toEqual([1, created.DNSName]);
  expect(await errorOf(elb.send(new DescribeLoadBalancersCommand({ Names: ['nope'] })))).toEqual({
    name: 'LoadBalancerNotFoundException',
    status: 400,
    message: "Load balancers '[nope]' not found",
  });
  expect(
    (await errorOf(elb.send(new CreateLoadBalancerCommand({ Name: 'w'.repeat(33), Subnets: SUBNETS }))))?.message,
  ).toBe(`The load balancer name '${'w'.repeat(33)}' cannot be longer than '32' characters`);
  expect(
    (await errorOf(elb.send(new CreateLoadBalancerCommand({ Name: 'solo', Subnets: [SUBNETS[0]] }))))?.message,
  ).toBe('At least two subnets in two different Availability Zones must be specified');
  expect(
    (await errorOf(elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: SUBNETS, Scheme: 'internal' }))))
      ?.name,
  ).toBe('DuplicateLoadBalancerNameException');
});

test('target groups: the defaults AWS fills in; described by name, ARN and load balancer, paged; idempotent by name', async () => {
  const blue = await createGroup('blue');
  expect(blue).toEqual({
    TargetGroupArn: expect.stringMatching(
      /^arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup\/blue\/[0-9a-f]{16}$/,
    ),
    TargetGroupName: 'blue',
    Protocol: 'HTTP',
    Port: 8080,
    VpcId: VPC,
    HealthCheckProtocol: 'HTTP',
    HealthCheckPort: 'traffic-port',
    HealthCheckEnabled: true,
    HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: 5,
    UnhealthyThresholdCount: 2,
    HealthCheckPath: '/',
    Matcher: { HttpCode: '200' },
    LoadBalancerArns: [],
    TargetType: 'ip',
    ProtocolVersion: 'HTTP1',
    IpAddressType: 'ipv4',
  });
  expect((await createGroup('blue')).TargetGroupArn).toBe(blue.TargetGroupArn);
  expect(await errorOf(createGroup('blue', { Port: 9090 }))).toEqual({
    name: 'DuplicateTargetGroupNameException',
    status: 400,
    message: "A target group with the same name 'blue' exists, but with different settings",
  });
  const custom = await createGroup('custom', {
    HealthCheckPath: '/health',
    Matcher: { HttpCode: '200-299' },
    HealthCheckIntervalSeconds: 10,
  });
  expect([custom.HealthCheckPath, custom.Matcher, custom.HealthCheckIntervalSeconds]).toEqual([
    '/health',
    { HttpCode: '200-299' },
    10,
  ]);
  expect(
    (await errorOf(createGroup('late', { HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 5 })))?.message,
  ).toBe("Health check timeout '5' must be smaller than the interval '5'");

  const { lbArn, blueArn } = await seed();
  expect(blueArn).toBe(blue.TargetGroupArn);
  const byLb = await elb.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lbArn }));
  expect(byLb.TargetGroups!.map((g) => [g.TargetGroupName, g.LoadBalancerArns])).toEqual([['blue', [lbArn]]]);
  const byName = await elb.send(new DescribeTargetGroupsCommand({ Names: ['green', 'custom'] }));
  expect(byName.TargetGroups!.map((g) => [g.TargetGroupName, g.LoadBalancerArns])).toEqual([
    ['custom', []],
    ['green', []],
  ]);
  const byArn = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [blueArn] }));
  expect(byArn.TargetGroups![0].LoadBalancerArns).toEqual([lbArn]);
  const first = await elb.send(new DescribeTargetGroupsCommand({ PageSize: 2 }));
  const second = await elb.send(new DescribeTargetGroupsCommand({ PageSize: 2, Marker: first.NextMarker }));
  expect([first.TargetGroups!.length, second.TargetGroups!.length, second.NextMarker]).toEqual([2, 1, undefined]);
  expect((await errorOf(elb.send(new DescribeTargetGroupsCommand({ Names: ['nope'] }))))?.name).toBe(
    'TargetGroupNotFoundException',
  );
});

test('listeners: a forward reads back in both forms; ModifyListener sets weights and stickiness; one listener a port', async () => {
  const { lbArn, listenerArn, blueArn, greenArn } = await seed();
  const [listener] = (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lbArn }))).Listeners!;
  expect(listener).toEqual({
    ListenerArn: expect.stringMatching(
      /^arn:aws:elasticloadbalancing:us-east-1:111122223333:listener\/app\/web\/[0-9a-f]{16}\/[0-9a-f]{16}$/,
    ),
    LoadBalancerArn: lbArn,
    Port: 80,
    Protocol: 'HTTP',
    DefaultActions: [
      {
        Type: 'forward',
        TargetGroupArn: blueArn,
        Order: 1,
        ForwardConfig: {
          TargetGroups: [{ TargetGroupArn: blueArn, Weight: 1 }],
          TargetGroupStickinessConfig: { Enabled: false },
        },
      },
    ],
  });
  const modified = await elb.send(
    new ModifyListenerCommand({
      ListenerArn: listenerArn,
      DefaultActions: [
        {
          Type: 'forward',
          ForwardConfig: {
            TargetGroups: [
              { TargetGroupArn: blueArn, Weight: 90 },
              { TargetGroupArn: greenArn, Weight: 10 },
            ],
            TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 300 },
          },
        },
      ],
    }),
  );
  const expected = [
    {
      Type: 'forward',
      Order: 1,
      ForwardConfig: {
        TargetGroups: [
          { TargetGroupArn: blueArn, Weight: 90 },
          { TargetGroupArn: greenArn, Weight: 10 },
        ],
        TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 300 },
      },
    },
  ];
  expect(modified.Listeners![0].DefaultActions).toEqual(expected);
  const described = await elb.send(new DescribeListenersCommand({ ListenerArns: [listenerArn] }));
  expect(described.Listeners![0].DefaultActions).toEqual(expected);
  const greenGroup = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [greenArn] }));
  expect(greenGroup.TargetGroups![0].LoadBalancerArns).toEqual([lbArn]);
  expect(
    await errorOf(
      elb.send(
        new CreateListenerCommand({
          LoadBalancerArn: lbArn,
          Protocol: 'HTTP',
          Port: 80,
          DefaultActions: forwardTo([greenArn, 1]),
        }),
      ),
    ),
  ).toEqual({
    name: 'DuplicateListenerException',
    status: 400,
    message: `A listener already exists on port 80 of load balancer '${lbArn}'`,
  });
  expect((await errorOf(elb.send(new DescribeListenersCommand({ ListenerArns: [`${listenerArn}0`] }))))?.name).toBe(
    'ListenerNotFoundException',
  );
});

test('forward actions: TargetGroupArn and ForwardConfig together must name the same single group', async () => {
  const { listenerArn, blueArn, greenArn } = await seed();
  const modify = (action: Action) =>
    elb.send(new ModifyListenerCommand({ ListenerArn: listenerArn, DefaultActions: [action] }));
  const rule =
    'If you specify both ForwardConfig and TargetGroupArn, you can specify only one target group using ForwardConfig ' +
    'and it must be the same target group specified in TargetGroupArn';
  expect(
    await errorOf(
      modify({
        Type: 'forward',
        TargetGroupArn: blueArn,
        ForwardConfig: { TargetGroups: [{ TargetGroupArn: greenArn, Weight: 1 }] },
      }),
    ),
  ).toEqual({ name: 'ValidationError', status: 400, message: rule });
  expect(
    (
      await errorOf(
        modify({
          Type: 'forward',
          TargetGroupArn: blueArn,
          ForwardConfig: {
            TargetGroups: [
              { TargetGroupArn: blueArn, Weight: 1 },
              { TargetGroupArn: greenArn, Weight: 1 },
            ],
          },
        }),
      )
    )?.message,
  ).toBe(rule);
  const same = await modify({
    Type: 'forward',
    TargetGroupArn: greenArn,
    ForwardConfig: { TargetGroups: [{ TargetGroupArn: greenArn, Weight: 7 }] },
  });
  expect(same.Listeners![0].DefaultActions![0]).toEqual({
    Type: 'forward',
    TargetGroupArn: greenArn,
    Order: 1,
    ForwardConfig: {
      TargetGroups: [{ TargetGroupArn: greenArn, Weight: 7 }],
      TargetGroupStickinessConfig: { Enabled: false },
    },
  });
  const gone = `${blueArn.slice(0, -1)}0`;
  expect(await errorOf(modify({ Type: 'forward', TargetGroupArn: gone }))).toEqual({
    name: 'TargetGroupNotFoundException',
    status: 400,
    message: `Target group '${gone}' not found`,
  });
});

test('rules: conditions read back with Values and their Config; both forms refused; priorities unique and reordered', async () => {
  const { listenerArn, blueArn, greenArn } = await seed();
  const create = (Priority: number, Conditions: RuleCondition[], Actions: Action[] = forwardTo([greenArn, 1])) =>
    elb.send(new CreateRuleCommand({ ListenerArn: listenerArn, Priority, Conditions, Actions }));
  const path = (await create(10, [{ Field: 'path-pattern', Values: ['/api/*'] }])).Rules![0];
  expect(path).toEqual({
    RuleArn: expect.stringMatching(
      /^arn:aws:elasticloadbalancing:us-east-1:111122223333:listener-rule\/app\/web\/[0-9a-f]{16}\/[0-9a-f]{16}\/[0-9a-f]{16}$/,
    ),
    Priority: '10',
    Conditions: [{ Field: 'path-pattern', Values: ['/api/*'], PathPatternConfig: { Values: ['/api/*'] } }],
    Actions: [
      {
        Type: 'forward',
        TargetGroupArn: greenArn,
        Order: 1,
        ForwardConfig: {
          TargetGroups: [{ TargetGroupArn: greenArn, Weight: 1 }],
          TargetGroupStickinessConfig: { Enabled: false },
        },
      },
    ],
    IsDefault: false,
    Transforms: [],
  });
  const host = (
    await create(20, [{ Field: 'host-header', HostHeaderConfig: { Values: ['api.example.com', '*.example.org'] } }])
  ).Rules![0];
  expect(host.Conditions).toEqual([
    {
      Field: 'host-header',
      Values: ['api.example.com', '*.example.org'],
      HostHeaderConfig: { Values: ['api.example.com', '*.example.org'] },
    },
  ]);
  const header = (
    await create(30, [{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Canary', Values: ['true'] } }])
  ).Rules![0];
  expect(header.Conditions).toEqual([
    { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Canary', Values: ['true'] } },
  ]);

  expect(
    await errorOf(
      create(40, [
        { Field: 'host-header', Values: ['a.example.com'], HostHeaderConfig: { Values: ['a.example.com'] } },
      ]),
    ),
  ).toEqual({
    name: 'ValidationError',
    status: 400,
    message: "You cannot provide both Values and 'HostHeaderConfig' for a condition of type 'host-header'",
  });
  expect((await errorOf(create(40, [{ Field: 'http-header', Values: ['x'] }])))?.message).toBe(
    "You must provide 'HttpHeaderConfig' for a condition of type 'http-header'",
  );
  expect((await errorOf(create(40, [{ Values: ['/x'] }])))?.message).toBe('A condition field must be specified');
  expect(await errorOf(create(10, [{ Field: 'path-pattern', Values: ['/other'] }]))).toEqual({
    name: 'PriorityInUseException',
    status: 400,
    message: "Priority '10' is currently in use",
  });

  const swapped = await elb.send(
    new SetRulePrioritiesCommand({
      RulePriorities: [
        { RuleArn: path.RuleArn, Priority: 20 },
        { RuleArn: host.RuleArn, Priority: 10 },
      ],
    }),
  );
  expect(swapped.Rules!.map((r) => [r.RuleArn, r.Priority])).toEqual([
    [path.RuleArn, '20'],
    [host.RuleArn, '10'],
  ]);
  expect(
    (
      await errorOf(
        elb.send(new SetRulePrioritiesCommand({ RulePriorities: [{ RuleArn: path.RuleArn, Priority: 30 }] })),
      )
    )?.name,
  ).toBe('PriorityInUseException');

  const modified = await elb.send(
    new ModifyRuleCommand({ RuleArn: header.RuleArn, Actions: forwardTo([blueArn, 5], [greenArn, 995]) }),
  );
  expect(modified.Rules![0].Actions![0].ForwardConfig!.TargetGroups).toEqual([
    { TargetGroupArn: blueArn, Weight: 5 },
    { TargetGroupArn: greenArn, Weight: 995 },
  ]);
  expect(modified.Rules![0].Conditions).toEqual(header.Conditions);

  const all = await elb.send(new DescribeRulesCommand({ ListenerArn: listenerArn }));
  expect(all.Rules!.map((r) => [r.Priority, r.IsDefault])).toEqual([
    ['10', false],
    ['20', false],
    ['30', false],
    ['default', true],
  ]);
  const defaultRule = all.Rules![3];
  expect(defaultRule.Actions![0].TargetGroupArn).toBe(blueArn);
  expect(await errorOf(elb.send(new DeleteRuleCommand({ RuleArn: defaultRule.RuleArn })))).toEqual({
    name: 'OperationNotPermittedException',
    status: 400,
    message: `Default rule '${defaultRule.RuleArn}' cannot be deleted`,
  });
  await elb.send(new DeleteRuleCommand({ RuleArn: path.RuleArn }));
  expect((await errorOf(elb.send(new DescribeRulesCommand({ RuleArns: [path.RuleArn!] }))))?.name).toBe(
    'RuleNotFoundException',
  );
  const byArn = await elb.send(new DescribeRulesCommand({ RuleArns: [header.RuleArn!, defaultRule.RuleArn!] }));
  expect(byArn.Rules!.map((r) => r.Priority)).toEqual(['30', 'default']);
});

test('DeleteTargetGroup is refused while a listener or rule forwards to it (at weight 0 too), then allowed', async () => {
  const { listenerArn, blueArn, greenArn } = await seed();
  const rule = await elb.send(
    new CreateRuleCommand({
      ListenerArn: listenerArn,
      Priority: 5,
      Conditions: [{ Field: 'path-pattern', Values: ['/canary'] }],
      Actions: forwardTo([blueArn, 1], [greenArn, 0]),
    }),
  );
  expect(await errorOf(elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: greenArn })))).toEqual({
    name: 'ResourceInUseException',
    status: 400,
    message: `Target group '${greenArn}' is currently in use by a listener or a rule`,
  });
  await elb.send(new DeleteRuleCommand({ RuleArn: rule.Rules![0].RuleArn }));
  await elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: greenArn }));
  expect((await errorOf(elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [greenArn] }))))?.name).toBe(
    'TargetGroupNotFoundException',
  );
  expect((await errorOf(elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: blueArn }))))?.name).toBe(
    'ResourceInUseException',
  );
});

test('target group attributes: the defaults, modified and read back, unknown keys and bad values refused', async () => {
  const { blueArn } = await seed();
  const attributes = async () =>
    Object.fromEntries(
      (await elb.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: blueArn }))).Attributes!.map((a) => [
        a.Key,
        a.Value,
      ]),
    );
  expect(await attributes()).toMatchObject({
    'deregistration_delay.timeout_seconds': '300',
    'stickiness.enabled': 'false',
    'stickiness.type': 'lb_cookie',
    'load_balancing.algorithm.type': 'round_robin',
    'slow_start.duration_seconds': '0',
  });
  const modified = await elb.send(
    new ModifyTargetGroupAttributesCommand({
      TargetGroupArn: blueArn,
      Attributes: [
        { Key: 'deregistration_delay.timeout_seconds', Value: '30' },
        { Key: 'stickiness.enabled', Value: 'true' },
      ],
    }),
  );
  expect(modified.Attributes!.find((a) => a.Key === 'deregistration_delay.timeout_seconds')?.Value).toBe('30');
  expect(await attributes()).toMatchObject({
    'deregistration_delay.timeout_seconds': '30',
    'stickiness.enabled': 'true',
  });
  const modify = (Key: string, Value: string) =>
    errorOf(
      elb.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: blueArn, Attributes: [{ Key, Value }] })),
    );
  expect(await modify('color', 'blue')).toEqual({
    name: 'ValidationError',
    status: 400,
    message: "Target group attribute key 'color' is not recognized",
  });
  expect((await modify('deregistration_delay.timeout_seconds', '3601'))?.message).toBe(
    "Target group attribute 'deregistration_delay.timeout_seconds' cannot have the value '3601'",
  );
});

test('target health: unused until a listener forwards to the group, then initial, then healthy; unhealthy when marked', async () => {
  emu.elbv2HealthyAfterMs = 60_000;
  const lb = (await elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: SUBNETS }))).LoadBalancers![0];
  const blue = await createGroup('blue');
  const arn = blue.TargetGroupArn!;
  await elb.send(
    new RegisterTargetsCommand({
      TargetGroupArn: arn,
      Targets: [{ Id: '10.0.1.10' }, { Id: '10.0.1.11', Port: 9090 }],
    }),
  );
  expect(await health(arn)).toEqual([
    ['10.0.1.10:8080', 'unused', 'Target.NotInUse'],
    ['10.0.1.11:9090', 'unused', 'Target.NotInUse'],
  ]);
  const described = (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn })))
    .TargetHealthDescriptions![0];
  expect(described).toEqual({
    Target: { Id: '10.0.1.10', Port: 8080 },
    HealthCheckPort: '8080',
    TargetHealth: {
      State: 'unused',
      Reason: 'Target.NotInUse',
      Description: 'Target group is not configured to receive traffic from the load balancer',
    },
    AdministrativeOverride: {
      State: 'no_override',
      Reason: 'AdministrativeOverride.NoOverride',
      Description: 'No override is currently active on target',
    },
  });

  await elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancerArn,
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: forwardTo([arn, 1]),
    }),
  );
  expect(await health(arn)).toEqual([
    ['10.0.1.10:8080', 'initial', 'Elb.InitialHealthChecking'],
    ['10.0.1.11:9090', 'initial', 'Elb.InitialHealthChecking'],
  ]);
  emu.elbv2HealthyAfterMs = 0; // the health check delay has passed
  expect(await health(arn)).toEqual([
    ['10.0.1.10:8080', 'healthy', undefined],
    ['10.0.1.11:9090', 'healthy', undefined],
  ]);

  emu.elbv2.markUnhealthy('blue', '10.0.1.11', 9090);
  expect((await health(arn))[1]).toEqual(['10.0.1.11:9090', 'unhealthy', 'Target.FailedHealthChecks']);
  emu.elbv2.markHealthy('blue');
  expect((await health(arn))[1]).toEqual(['10.0.1.11:9090', 'healthy', undefined]);

  const asked = await elb.send(
    new DescribeTargetHealthCommand({ TargetGroupArn: arn, Targets: [{ Id: '10.0.1.99' }] }),
  );
  expect(asked.TargetHealthDescriptions![0].TargetHealth).toEqual({
    State: 'unused',
    Reason: 'Target.NotRegistered',
    Description: 'Target is not registered to the target group',
  });
  await elb.send(
    new DeregisterTargetsCommand({ TargetGroupArn: arn, Targets: [{ Id: '10.0.1.10' }, { Id: '10.0.1.99' }] }),
  );
  expect(await health(arn)).toEqual([['10.0.1.11:9090', 'healthy', undefined]]);
  expect(
    await errorOf(
      elb.send(new RegisterTargetsCommand({ TargetGroupArn: arn, Targets: [{ Id: 'i-0123456789abcdef0' }] })),
    ),
  ).toEqual({
    name: 'InvalidTargetException',
    status: 400,
    message: "The IP address 'i-0123456789abcdef0' is not a valid IPv4 or IPv6 address",
  });
});

test('ECS registers a task IP through registerTask; a group coming into use starts its health checks', async () => {
  emu.elbv2HealthyAfterMs = 60_000;
  const { blueArn, greenArn, listenerArn } = await seed();
  const target = emu.elbv2.registerTask(greenArn, { ip: '10.0.2.21', port: 8080, taskId: 'task-1' });
  expect([target.taskId, target.checkingSince]).toEqual(['task-1', undefined]); // green is not in use yet
  expect(await health(greenArn)).toEqual([
    ['10.0.2.20:8080', 'unused', 'Target.NotInUse'],
    ['10.0.2.21:8080', 'unused', 'Target.NotInUse'],
  ]);
  await elb.send(
    new ModifyListenerCommand({ ListenerArn: listenerArn, DefaultActions: forwardTo([blueArn, 100], [greenArn, 0]) }),
  );
  expect((await health(greenArn)).map(([, state]) => state)).toEqual(['initial', 'initial']);
  expect(emu.elbv2.deregisterTask(greenArn, '10.0.2.21')).toBe(true);
  expect(await health(greenArn)).toEqual([['10.0.2.20:8080', 'initial', 'Elb.InitialHealthChecking']]);
});

test('tags: added, described and removed on load balancers, listeners, rules and target groups', async () => {
  const { lbArn, listenerArn, blueArn } = await seed();
  const rule = await elb.send(
    new CreateRuleCommand({
      ListenerArn: listenerArn,
      Priority: 1,
      Conditions: [{ Field: 'path-pattern', Values: ['/x'] }],
      Actions: forwardTo([blueArn, 1]),
      Tags: [{ Key: 'owner', Value: 'canary' }],
    }),
  );
  const ruleArn = rule.Rules![0].RuleArn!;
  await elb.send(
    new AddTagsCommand({
      ResourceArns: [lbArn, listenerArn, blueArn],
      Tags: [
        { Key: 'team', Value: 'web' },
        { Key: 'env', Value: 'prod' },
      ],
    }),
  );
  await elb.send(new RemoveTagsCommand({ ResourceArns: [listenerArn], TagKeys: ['env'] }));
  const described = await elb.send(new DescribeTagsCommand({ ResourceArns: [lbArn, listenerArn, ruleArn, blueArn] }));
  expect(described.TagDescriptions).toEqual([
    {
      ResourceArn: lbArn,
      Tags: [
        { Key: 'team', Value: 'web' },
        { Key: 'env', Value: 'prod' },
      ],
    },
    { ResourceArn: listenerArn, Tags: [{ Key: 'team', Value: 'web' }] },
    { ResourceArn: ruleArn, Tags: [{ Key: 'owner', Value: 'canary' }] },
    {
      ResourceArn: blueArn,
      Tags: [
        { Key: 'team', Value: 'web' },
        { Key: 'env', Value: 'prod' },
      ],
    },
  ]);
  expect(
    await errorOf(
      elb.send(
        new AddTagsCommand({
          ResourceArns: [lbArn],
          Tags: [
            { Key: 'a', Value: '1' },
            { Key: 'a', Value: '2' },
          ],
        }),
      ),
    ),
  ).toEqual({ name: 'DuplicateTagKeysException', status: 400, message: 'Tag key was specified more than once: a' });
  expect((await errorOf(elb.send(new DescribeTagsCommand({ ResourceArns: [`${lbArn}0`] }))))?.name).toBe(
    'LoadBalancerNotFoundException',
  );
});

test('mutating calls are logged as the other services’ calls are', async () => {
  const { listenerArn, blueArn } = await seed();
  await elb.send(new DescribeTargetGroupsCommand({}));
  await elb.send(new ModifyListenerCommand({ ListenerArn: listenerArn, DefaultActions: forwardTo([blueArn, 2]) }));
  expect(emu.calls({ service: 'elbv2', mutating: true }).map((c) => c.operation)).toEqual([
    'CreateLoadBalancer',
    'CreateTargetGroup',
    'CreateTargetGroup',
    'RegisterTargets',
    'RegisterTargets',
    'CreateListener',
    'ModifyListener',
  ]);
  const modify = emu.calls({ service: 'elbv2', mutating: true }).at(-1)!;
  expect(modify.input).toEqual({
    ListenerArn: listenerArn,
    DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: blueArn, Weight: 2 }] } }],
  });
  expect(emu.calls({ service: 'elbv2', mutating: false }).map((c) => c.operation)).toEqual(['DescribeTargetGroups']);
});

describe('traffic through a listener', () => {
  test('splits by the forward weights, uniformly over the healthy targets of each group', async () => {
    const { listenerArn, blueArn, greenArn } = await seed();
    await elb.send(
      new ModifyListenerCommand({ ListenerArn: listenerArn, DefaultActions: forwardTo([blueArn, 80], [greenArn, 20]) }),
    );
    const tally = emu.elbv2.traffic(listenerArn, 10_000, { seed: 7 });
    expect(tally.failures).toBe(0);
    expect(tally.rules).toEqual({ default: 10_000 });
    expect(tally.targetGroups.blue + tally.targetGroups.green).toBe(10_000);
    expect(Math.abs(tally.targetGroups.green - 2000)).toBeLessThan(200);
    expect(tally.targets['10.0.2.20:8080']).toBe(tally.targetGroups.green);
    for (const ip of ['10.0.1.10', '10.0.1.11', '10.0.1.12']) {
      expect(Math.abs(tally.targets[`${ip}:8080`] - tally.targetGroups.blue / 3)).toBeLessThan(200);
    }
    expect(tally.failOpen).toEqual({});

    await elb.send(
      new ModifyListenerCommand({ ListenerArn: listenerArn, DefaultActions: forwardTo([blueArn, 999], [greenArn, 0]) }),
    );
    expect(emu.elbv2.traffic(listenerArn, 1000).targetGroups).toEqual({ blue: 1000 });
  });

  test('a rule whose conditions match takes the request before the default action: header, path, host', async () => {
    const { listenerArn, greenArn } = await seed();
    const create = (Priority: number, Conditions: RuleCondition[]) =>
      elb.send(
        new CreateRuleCommand({ ListenerArn: listenerArn, Priority, Conditions, Actions: forwardTo([greenArn, 1]) }),
      );
    await create(10, [
      { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Canary', Values: ['tr?e', 'yes'] } },
    ]);
    await create(20, [
      { Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } },
      { Field: 'host-header', Values: ['*.example.com'] },
    ]);
    const to = (opts: Parameters<typeof emu.elbv2.traffic>[2]) => {
      const t = emu.elbv2.traffic(listenerArn, 100, opts);
      return [t.rules, t.targetGroups];
    };
    expect(to({ headers: { 'x-canary': 'TRUE' } })).toEqual([{ 10: 100 }, { green: 100 }]);
    expect(to({ headers: { 'X-Canary': 'no' } })).toEqual([{ default: 100 }, { blue: 100 }]);
    expect(to({ path: '/api/colors?x=1', host: 'Shop.Example.com' })).toEqual([{ 20: 100 }, { green: 100 }]);
    expect(to({ path: '/api/colors', host: 'example.org' })).toEqual([{ default: 100 }, { blue: 100 }]);
    expect(to({ path: '/API/colors', headers: { host: 'shop.example.com' } })).toEqual([
      { default: 100 },
      { blue: 100 },
    ]);
  });

  test('fails open: a group whose targets are all unhealthy sends to all of them; one healthy target takes all', async () => {
    const { listenerArn, blueArn } = await seed();
    for (const ip of ['10.0.1.10', '10.0.1.11', '10.0.1.12']) emu.elbv2.markUnhealthy('blue', ip);
    expect((await health(blueArn)).map(([, state]) => state)).toEqual(['unhealthy', 'unhealthy', 'unhealthy']);
    const open = emu.elbv2.traffic(listenerArn, 3000, { seed: 3 });
    expect([open.failures, open.failOpen]).toEqual([0, { blue: 3000 }]);
    expect(Object.keys(open.targets).sort()).toEqual(['10.0.1.10:8080', '10.0.1.11:8080', '10.0.1.12:8080']);
    expect(Math.min(...Object.values(open.targets))).toBeGreaterThan(800);

    emu.elbv2.markHealthy('blue');
    emu.elbv2.markUnhealthy('blue', '10.0.1.10');
    emu.elbv2.markUnhealthy('blue', '10.0.1.11');
    const closed = emu.elbv2.traffic(listenerArn, 1000);
    expect([closed.failOpen, closed.targets]).toEqual([{}, { '10.0.1.12:8080': 1000 }]);

    await elb.send(
      new ModifyListenerCommand({
        ListenerArn: listenerArn,
        DefaultActions: [
          { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503', ContentType: 'text/plain' } },
        ],
      }),
    );
    expect(emu.elbv2.traffic(listenerArn, 10).errors).toEqual({ 'fixed response 503': 10 });
  });
});
