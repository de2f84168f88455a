// Bad input with traffic-provider: vpc-lattice, through the bundled action against the emulator seeded with the color
// app on Lattice: each case fails with exactly one ::error:: naming the input, exit code 1, no mutating AWS call — and
// no AWS call at all when the input itself is bad.
import { Emulator } from '../../emulator/server.js';
import { LATTICE_SAMPLE, latticeInputs, sampleInputs, seedLatticeColor } from '../../emulator/fixture.js';
import { runAction } from '../../emulator/runAction.js';

type Stage = 'input' | 'state';
const mesh = (over: Record<string, string>) => sampleInputs({ image: 'colorapp:blue', ...over });
const lattice = (over: Record<string, string>) => latticeInputs({ image: 'colorapp:blue', ...over });

const cases: [string, Record<string, string>, string, Stage][] = [
  ['unknown traffic-provider', lattice({ 'traffic-provider': 'lattice' }), 'traffic-provider', 'input'],
  ['vpc-lattice without lattice-service', lattice({ 'lattice-service': '' }), 'lattice-service', 'input'],
  ['mesh given with vpc-lattice', lattice({ mesh: 'howto-ecs-basics' }), 'mesh', 'input'],
  [
    'stable-virtual-node given with vpc-lattice',
    lattice({ 'stable-virtual-node': 'color-node' }),
    'stable-virtual-node',
    'input',
  ],
  ['envoy-image given with vpc-lattice', lattice({ 'envoy-image': 'envoy:1' }), 'envoy-image', 'input'],
  [
    'canary-target-group given with app-mesh',
    mesh({ 'traffic-provider': 'app-mesh', 'canary-target-group': 'color-tg-canary' }),
    'canary-target-group',
    'input',
  ],
  ['lattice-service with a space', lattice({ 'lattice-service': 'color service' }), 'lattice-service', 'input'],
  ['lattice-listener with an underscore', lattice({ 'lattice-listener': 'http_80' }), 'lattice-listener', 'input'],
  ['lattice-rule neither name, ID nor ARN', lattice({ 'lattice-rule': 'rule/xyz' }), 'lattice-rule', 'input'],
  ['canary-target-group in capitals', lattice({ 'canary-target-group': 'Color-TG' }), 'canary-target-group', 'input'],
  ['stable-target-group too short', lattice({ 'stable-target-group': 'tg' }), 'stable-target-group', 'input'],
  ['lattice-service that does not exist', lattice({ 'lattice-service': 'colour' }), 'lattice-service', 'state'],
  ['lattice-listener that does not exist', lattice({ 'lattice-listener': 'https-443' }), 'lattice-listener', 'state'],
  ['two listeners and none named', lattice({ 'lattice-service': 'color-two' }), 'lattice-listener', 'state'],
  ['lattice-rule that does not exist', lattice({ 'lattice-rule': 'canary-split' }), 'lattice-rule', 'state'],
  ['a rule with a fixed response', lattice({ 'lattice-rule': 'maintenance' }), 'lattice-rule', 'state'],
  ['a rule that also forwards to another group', lattice({ 'lattice-rule': 'mixed' }), 'lattice-rule', 'state'],
  [
    'stable-target-group that does not exist',
    lattice({ 'stable-target-group': 'colour-tg' }),
    'stable-target-group',
    'state',
  ],
  [
    'stable-target-group the split does not use',
    lattice({ 'stable-target-group': 'other-tg' }),
    'stable-target-group',
    'state',
  ],
  [
    'canary-target-group that is the stable group',
    lattice({ 'canary-target-group': 'color-tg' }),
    'canary-target-group',
    'state',
  ],
  [
    'canary-target-group ID that does not exist',
    lattice({ 'canary-target-group': 'tg-0123456789abcdef0' }),
    'canary-target-group',
    'state',
  ],
  [
    'canary-target-group in another VPC',
    lattice({ 'canary-target-group': 'elsewhere-tg' }),
    'canary-target-group',
    'state',
  ],
  [
    'an existing canary service not registered in the canary group',
    lattice({ 'canary-service': 'color-other' }),
    'canary-service',
    'state',
  ],
  [
    'preview-priority out of range',
    lattice({ 'preview-header': 'x-canary: pr-1', 'preview-priority': '0' }),
    'preview-priority',
    'input',
  ],
  [
    'preview-priority taken by another rule',
    lattice({ 'preview-header': 'x-canary: pr-1', 'preview-priority': '10' }),
    'preview-priority',
    'state',
  ],
  [
    'a preview rule name taken by a rule that forwards elsewhere',
    lattice({ 'preview-header': 'x-canary: pr-1', 'canary-service': 'color-taken' }),
    'preview-header',
    'state',
  ],
  [
    'shift before any deploy',
    lattice({ operation: 'shift', 'canary-weight': '50', image: '' }),
    'canary-service',
    'state',
  ],
];

let emu: Emulator;
beforeAll(async () => {
  emu = await Emulator.start({ rolloutDelayMs: 100 });
  const seed = seedLatticeColor(emu);
  const config = (vpc: string) => ({
    port: 8080,
    protocol: 'HTTP',
    protocolVersion: 'HTTP1',
    ipAddressType: 'IPV4',
    vpcIdentifier: vpc,
  });
  const other = emu.lattice.createTargetGroup({ name: 'other-tg', type: 'IP', config: config(LATTICE_SAMPLE.vpc) });
  emu.lattice.createTargetGroup({ name: 'elsewhere-tg', type: 'IP', config: config('vpc-0fedcba9876543210') });
  const match = (value: string) => ({ httpMatch: { headerMatches: [{ name: 'x-mode', match: { exact: value } }] } });
  emu.lattice.createRule(seed.serviceId, seed.listenerId, {
    name: 'maintenance',
    priority: 10,
    match: match('m'),
    action: { fixedResponse: { statusCode: 503 } },
  });
  const forward = {
    forward: {
      targetGroups: [
        { targetGroupIdentifier: seed.targetGroupId, weight: 50 },
        { targetGroupIdentifier: other.id, weight: 50 },
      ],
    },
  };
  emu.lattice.createRule(seed.serviceId, seed.listenerId, {
    name: 'mixed',
    priority: 20,
    match: match('x'),
    action: forward,
  });
  emu.ecs.seedService(LATTICE_SAMPLE.cluster, {
    serviceName: 'color-other',
    taskDefinition: seed.taskDefinitionArn,
    desiredCount: 1,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0private1'], securityGroups: ['sg-0app'] } },
  });
  const stableOnly = { forward: { targetGroups: [{ targetGroupIdentifier: seed.targetGroupId, weight: 1 }] } };
  emu.lattice.createRule(seed.serviceId, seed.listenerId, {
    name: 'preview-color-taken',
    priority: 30,
    match: match('t'),
    action: stableOnly,
  });
  const two = emu.lattice.createService({ name: 'color-two' });
  const only = { forward: { targetGroups: [{ targetGroupIdentifier: seed.targetGroupId, weight: 1 }] } };
  emu.lattice.createListener(two.id, { name: 'http-80', protocol: 'HTTP', port: 80, defaultAction: only });
  emu.lattice.createListener(two.id, { name: 'http-8080', protocol: 'HTTP', port: 8080, defaultAction: only });
});
afterAll(() => emu.stop());

test(`the Lattice table has at least 15 cases (${cases.length})`, () => {
  expect(cases.length).toBeGreaterThanOrEqual(15);
});

test.each(cases)('%s → one ::error:: naming %s, exit 1', async (_name, inputs, input, stage) => {
  const from = emu.log.length;
  const result = await runAction(inputs, { env: emu.env() });
  if (process.env.SHOW_ERRORS) console.log(`${_name}: ${result.errors.join(' | ')}`);
  expect(result.status).toBe(1);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(new RegExp(`(^Input|\\(input) '${input}'`));
  const calls = emu.log.slice(from);
  if (stage === 'input') expect(calls).toEqual([]);
  expect(calls.filter((c) => !/^(Describe|List|Get)/.test(c.operation))).toEqual([]);
});
