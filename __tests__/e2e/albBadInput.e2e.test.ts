// Bad input with traffic-provider: alb, through the bundled action against the emulator seeded with the color app
// behind an ALB: each case fails with exactly one ::error:: naming the input, exit code 1, no mutating AWS call — and
// no AWS call at all when the input itself is bad.
import { Emulator } from '../../emulator/server.js';
import { ALB_SAMPLE, type AlbSeed, albInputs, latticeInputs, seedAlbColor } from '../../emulator/fixture.js';
import { runAction } from '../../emulator/runAction.js';

type Stage = 'input' | 'state';
const alb = (over: Record<string, string>) => albInputs({ image: 'colorapp:blue', ...over });
const ARN = 'arn:aws:elasticloadbalancing:us-east-1:111122223333';
const MISSING_LISTENER = `${ARN}:listener/app/color-alb/0123456789abcdef/0123456789abcdef`;
const MISSING_GROUP = `${ARN}:targetgroup/color-tg-canary/0123456789abcdef`;

/** ARNs the emulator gives only once seeded: filled in by beforeAll, read when each case runs. */
const at: Record<string, string> = {};
const lazy = (over: () => Record<string, string>) => over;

const cases: [string, () => Record<string, string>, string, Stage][] = [
  ['unknown traffic-provider', () => alb({ 'traffic-provider': 'elb' }), 'traffic-provider', 'input'],
  [
    'only inputs shared with vpc-lattice, and no traffic-provider',
    () => alb({ 'traffic-provider': '', 'stable-target-group': 'color-tg' }),
    'traffic-provider',
    'input',
  ],
  ['lattice-service given with alb', () => alb({ 'lattice-service': 'color' }), 'lattice-service', 'input'],
  ['mesh given with alb', () => alb({ mesh: 'howto-ecs-basics' }), 'mesh', 'input'],
  [
    'listener-rule given with vpc-lattice',
    () => latticeInputs({ image: 'colorapp:blue', 'listener-rule': MISSING_LISTENER }),
    'listener-rule',
    'input',
  ],
  ['listener-rule that is no ARN', () => alb({ 'listener-rule': 'http-80' }), 'listener-rule', 'input'],
  [
    'listener-rule that is a load balancer ARN',
    () => alb({ 'listener-rule': `${ARN}:loadbalancer/app/color-alb/0123456789abcdef` }),
    'listener-rule',
    'input',
  ],
  [
    'stable-target-group with an underscore',
    () => alb({ 'stable-target-group': 'color_tg' }),
    'stable-target-group',
    'input',
  ],
  [
    'canary-target-group of 33 characters',
    () => alb({ 'canary-target-group': 'c'.repeat(33) }),
    'canary-target-group',
    'input',
  ],
  [
    'a default canary name over 32 characters from the stable-target-group input',
    () => alb({ 'stable-target-group': 'color-service-target-group-25ch' }),
    'canary-target-group',
    'input',
  ],
  [
    'preview-priority out of range',
    () => alb({ 'preview-header': 'x-canary: pr-1', 'preview-priority': '50001' }),
    'preview-priority',
    'input',
  ],
  [
    'stable-target-group that does not exist',
    () => alb({ 'stable-target-group': 'colour-tg' }),
    'stable-target-group',
    'state',
  ],
  ['listener-rule that does not exist', () => alb({ 'listener-rule': MISSING_LISTENER }), 'listener-rule', 'state'],
  [
    'listener-rule with a fixed response',
    lazy(() => alb({ 'listener-rule': at.maintenance })),
    'listener-rule',
    'state',
  ],
  [
    'a forward that also names another group',
    () => alb({ 'stable-service': 'color-mixed', 'canary-service': 'color-mixed-canary' }),
    'listener-rule',
    'state',
  ],
  [
    'two forwards that include the stable group, none named',
    () => alb({ 'stable-service': 'color-two', 'canary-service': 'color-two-canary' }),
    'listener-rule',
    'state',
  ],
  [
    'stable-target-group the named split does not use',
    lazy(() => alb({ 'listener-rule': at.mixedListener })),
    'stable-target-group',
    'state',
  ],
  [
    'canary-target-group that is the stable group',
    () => alb({ 'canary-target-group': 'color-tg' }),
    'canary-target-group',
    'state',
  ],
  [
    'canary-target-group ARN that does not exist',
    () => alb({ 'canary-target-group': MISSING_GROUP }),
    'canary-target-group',
    'state',
  ],
  [
    'canary-target-group in another VPC',
    () => alb({ 'canary-target-group': 'elsewhere-tg' }),
    'canary-target-group',
    'state',
  ],
  [
    'a default canary name over 32 characters from the stable service',
    () => alb({ 'stable-service': 'color-long', 'canary-service': 'color-long-canary' }),
    'canary-target-group',
    'state',
  ],
  [
    'a stable service deployed by CodeDeploy',
    () => alb({ 'stable-service': 'color-cd', 'canary-service': 'color-cd-canary' }),
    'stable-service',
    'state',
  ],
  [
    'an existing canary service not registered in the canary group',
    () => alb({ 'canary-service': 'color-other' }),
    'canary-service',
    'state',
  ],
  [
    'preview-priority taken by another rule',
    () => alb({ 'preview-header': 'x-canary: pr-1', 'preview-priority': '10' }),
    'preview-priority',
    'state',
  ],
  [
    'a preview of a rule behind authenticate-oidc',
    () =>
      alb({
        'stable-service': 'color-secure',
        'canary-service': 'color-secure-canary',
        'preview-header': 'x-canary: pr-1',
      }),
    'preview-header',
    'state',
  ],
  [
    'shift before any deploy',
    () => alb({ operation: 'shift', 'canary-weight': '50', image: '' }),
    'canary-service',
    'state',
  ],
];

let emu: Emulator;
let seed: AlbSeed;
let port = 8081;
const elb = <T = Record<string, any>>(operation: string, input: Record<string, unknown>) =>
  emu.elbv2.handle(operation, input) as T;
const group = (name: string, vpc = emu.elbv2.defaultVpcId) =>
  elb('CreateTargetGroup', { Name: name, Protocol: 'HTTP', Port: 8080, VpcId: vpc, TargetType: 'ip' }).TargetGroups[0]
    .TargetGroupArn as string;
const forward = (...groups: string[]) => [
  { Type: 'forward', ForwardConfig: { TargetGroups: groups.map((TargetGroupArn) => ({ TargetGroupArn, Weight: 1 })) } },
];
const listener = (actions: unknown[], protocol = 'HTTP') =>
  elb('CreateListener', {
    LoadBalancerArn: seed.loadBalancerArn,
    Protocol: protocol,
    Port: port++,
    DefaultActions: actions,
    ...(protocol === 'HTTPS'
      ? { Certificates: [{ CertificateArn: `${ARN.replace('elasticloadbalancing', 'acm')}:certificate/abc` }] }
      : {}),
  }).Listeners[0].ListenerArn as string;
/** An ECS service registered in `arn` (a group a listener uses), from the sample's service. */
function service(name: string, arn: string, over: Record<string, unknown> = {}) {
  emu.ecs.seedService(ALB_SAMPLE.cluster, {
    serviceName: name,
    taskDefinition: seed.taskDefinitionArn,
    desiredCount: 1,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0private1'], securityGroups: ['sg-0app'] } },
    loadBalancers: [{ targetGroupArn: arn, containerName: 'app', containerPort: 8080 }],
    ...over,
  });
}

beforeAll(async () => {
  emu = await Emulator.start({ rolloutDelayMs: 100, elbv2HealthyAfterMs: 0 });
  seed = seedAlbColor(emu);
  at.maintenance = elb('CreateRule', {
    ListenerArn: seed.listenerArn,
    Priority: 10,
    Conditions: [{ Field: 'path-pattern', Values: ['/down'] }],
    Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503' } }],
  }).Rules[0].RuleArn;
  group('elsewhere-tg', 'vpc-0fedcba987654321');
  const mixed = group('mixed-tg');
  at.mixedListener = listener(forward(mixed, group('other-tg')));
  service('color-mixed', mixed);
  const two = group('two-tg');
  const twoListener = listener(forward(two));
  elb('CreateRule', {
    ListenerArn: twoListener,
    Priority: 1,
    Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }],
    Actions: forward(two),
  });
  service('color-two', two);
  const long = group('color-long-target-group-name-x');
  listener(forward(long));
  service('color-long', long);
  const cd = group('cd-tg');
  listener(forward(cd));
  service('color-cd', cd, { deploymentController: { type: 'CODE_DEPLOY' } });
  emu.ecs.seedService(ALB_SAMPLE.cluster, {
    serviceName: 'color-other',
    taskDefinition: seed.taskDefinitionArn,
    desiredCount: 1,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0private1'], securityGroups: ['sg-0app'] } },
  });
  const secure = group('secure-tg');
  const https = listener([{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }], 'HTTPS');
  elb('CreateRule', {
    ListenerArn: https,
    Priority: 10,
    Conditions: [{ Field: 'host-header', Values: ['color.example.com'] }],
    Actions: [
      {
        Type: 'authenticate-oidc',
        Order: 1,
        AuthenticateOidcConfig: {
          Issuer: 'https://idp.example.com',
          AuthorizationEndpoint: 'https://idp.example.com/authorize',
          TokenEndpoint: 'https://idp.example.com/token',
          UserInfoEndpoint: 'https://idp.example.com/userinfo',
          ClientId: 'color',
          ClientSecret: 'secret',
        },
      },
      { ...forward(secure)[0], Order: 2 },
    ],
  });
  service('color-secure', secure);
});
afterAll(() => emu.stop());

test(`the ALB table has at least 20 cases (${cases.length})`, () => {
  expect(cases.length).toBeGreaterThanOrEqual(20);
});

test.each(cases.map(([name, inputs, input, stage]) => [name, input, inputs, stage] as const))(
  '%s → one ::error:: naming %s, exit 1',
  async (_name, input, inputs, stage) => {
    const from = emu.log.length;
    const result = await runAction(inputs(), { env: emu.env() });
    if (process.env.SHOW_ERRORS) console.log(`${_name}: ${result.errors.join(' | ')}`);
    expect(result.status).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(new RegExp(`(^Input|\\(input) '${input}'`));
    const calls = emu.log.slice(from);
    if (stage === 'input') expect(calls).toEqual([]);
    expect(calls.filter((c) => !/^(Describe|List|Get)/.test(c.operation))).toEqual([]);
  },
);
