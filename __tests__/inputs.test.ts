import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../src/errors.js';
import { DEFAULT_DEPLOY_WEIGHT, envInputReader, readSettings } from '../src/inputs.js';
import { locateJsonError } from '../src/jsonError.js';

const BASE_INPUTS: Record<string, string> = {
  mesh: 'howto-ecs-basics',
  'virtual-router': 'color-router',
  route: 'color-route',
  'stable-virtual-node': 'howto-ecs-basics-color-node',
  'canary-virtual-node': 'howto-ecs-basics-color-v2-node',
  'stable-service': 'color',
  'canary-service': 'color-canary',
  image: 'colorapp:blue',
};

const workspace = mkdtempSync(path.join(tmpdir(), 'inputs-'));
writeFileSync(path.join(workspace, 'broken.json'), '{\n  "family": "x",\n  "containerDefinitions": [,]\n}\n');
writeFileSync(path.join(workspace, 'not-td.json'), '{"hello": "world"}');
writeFileSync(
  path.join(workspace, 'two-apps.json'),
  JSON.stringify({
    family: 'f',
    containerDefinitions: [
      { name: 'a', image: 'a' },
      { name: 'b', image: 'b' },
    ],
  }),
);
writeFileSync(
  path.join(workspace, 'described.json'),
  JSON.stringify({ taskDefinition: { family: 'f', containerDefinitions: [{ name: 'app', image: 'a' }] } }),
);
mkdirSync(path.join(workspace, 'a-directory'));

const read = (inputs: Record<string, string>) => readSettings((name) => inputs[name] ?? '', workspace);

function problems(inputs: Record<string, string>): string[] {
  try {
    read(inputs);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems.map((p) => `${p.input}: ${p.message}`);
  }
  throw new Error('expected an InputError');
}

test('defaults', () => {
  const s = read(BASE_INPUTS);
  expect(s).toMatchObject({
    operation: 'deploy',
    cluster: 'default',
    stable: { service: 'color' },
    canary: { service: 'color-canary' },
    canaryWeight: DEFAULT_DEPLOY_WEIGHT,
    desiredCount: 1,
    waitForServiceStability: true,
    waitForMinutes: 30,
    dryRun: false,
    prComment: true,
  });
  expect(s.traffic).toEqual({
    provider: 'app-mesh',
    mesh: 'howto-ecs-basics',
    meshOwner: undefined,
    previewRoute: 'color-route-preview',
    virtualRouter: 'color-router',
    route: 'color-route',
    virtualService: undefined,
    stableNode: 'howto-ecs-basics-color-node',
    canaryNode: 'howto-ecs-basics-color-v2-node',
    envoyImage: undefined,
    appPorts: undefined,
    cloudMapAttributes: [{ key: 'ECS_SERVICE_NAME', value: 'color-canary' }],
  });
  expect(Object.isFrozen(s)).toBe(true);
});

test('every input is read', () => {
  const s = read({
    ...BASE_INPUTS,
    operation: 'shift',
    cluster: 'howto',
    'mesh-owner': '111122223333',
    'virtual-service': 'color.howto-ecs-basics.mesh.local',
    'container-name': 'app',
    image: 'colorapp:blue',
    'canary-weight': '37',
    'envoy-image': 'envoy:1',
    'app-ports': '8080, 9090',
    'cloud-map-attributes': 'ECS_TASK_DEFINITION_FAMILY=howto-ecs-basics-color-v2\n\nteam = blue',
    'desired-count': '3',
    'wait-for-service-stability': 'false',
    'wait-for-minutes': '2.5',
    'dry-run': 'true',
    'pr-comment': 'false',
    'github-token': 'ghs_token',
  });
  expect(s).toMatchObject({
    operation: 'shift',
    cluster: 'howto',
    containerName: 'app',
    image: 'colorapp:blue',
    canaryWeight: 37,
    desiredCount: 3,
    waitForServiceStability: false,
    waitForMinutes: 2.5,
    dryRun: true,
    prComment: false,
    githubToken: 'ghs_token',
    traffic: {
      provider: 'app-mesh',
      meshOwner: '111122223333',
      virtualService: 'color.howto-ecs-basics.mesh.local',
      envoyImage: 'envoy:1',
      appPorts: [8080, 9090],
      cloudMapAttributes: [
        { key: 'ECS_TASK_DEFINITION_FAMILY', value: 'howto-ecs-basics-color-v2' },
        { key: 'team', value: 'blue' },
      ],
    },
  });
});

test('inputs an operation does not use are ignored, each named in a warning', () => {
  const rollback = read({ ...BASE_INPUTS, operation: 'rollback', 'canary-weight': '5', steps: '5,50', alarms: 'a' });
  expect(rollback.ignored).toEqual([
    "Input 'steps' is used by deploy and advance, not by rollback; ignored",
    "Input 'canary-weight' is not used by rollback (it always ends at 0); ignored",
    "Input 'alarms' are checked by deploy and advance, not by rollback; ignored",
  ]);
  expect([rollback.canaryWeight, rollback.progressive, rollback.alarms]).toEqual([0, undefined, []]);
  const deploy = read({ ...BASE_INPUTS, 'delete-canary': 'true' });
  expect([deploy.deleteCanary, deploy.ignored]).toEqual([
    false,
    ["Input 'delete-canary' is used by rollback, not by deploy; ignored"],
  ]);
  expect(read(BASE_INPUTS).ignored).toEqual([]);
});

test('a task definition file is read relative to the workspace; describe-task-definition output is unwrapped', () => {
  const s = read({ ...BASE_INPUTS, 'task-definition': 'described.json' });
  expect(s.taskDefinitionFile?.document.family).toBe('f');
});

test('the runner convention keeps dashes in INPUT_ names', () => {
  const reader = envInputReader({ 'INPUT_CANARY-WEIGHT': ' 20 ', INPUT_MESH: 'm' });
  expect(reader('canary-weight')).toBe('20');
  expect(reader('mesh')).toBe('m');
  expect(reader('route')).toBe('');
});

test.each<[string, Record<string, string>, RegExp]>([
  [
    'unknown operation',
    { operation: 'deploy-all' },
    /^operation: must be one of deploy, shift, promote, rollback, advance; got "deploy-all"/,
  ],
  ['weight not a number', { 'canary-weight': 'ten' }, /^canary-weight: must be a whole number from 0 to 100/],
  ['weight over 100', { 'canary-weight': '101' }, /^canary-weight: must be a whole number from 0 to 100; got "101"/],
  ['negative weight', { 'canary-weight': '-5' }, /^canary-weight: must be a whole number from 0 to 100/],
  ['fractional weight', { 'canary-weight': '12.5' }, /^canary-weight:/],
  ['shift without weight', { operation: 'shift' }, /^canary-weight: is required for shift/],
  ['missing mesh', { mesh: '' }, /^mesh: is required/],
  ['missing route', { route: '' }, /^route: is required/],
  ['missing virtual-router', { 'virtual-router': '' }, /^virtual-router: is required/],
  ['missing stable service', { 'stable-service': '' }, /^stable-service: is required/],
  ['missing canary node', { 'canary-virtual-node': '' }, /^canary-virtual-node: is required/],
  [
    'same node',
    { 'canary-virtual-node': 'howto-ecs-basics-color-node' },
    /^canary-virtual-node: must differ from stable-virtual-node/,
  ],
  ['same service', { 'canary-service': 'color' }, /^canary-service: must differ from stable-service/],
  ['bad service name', { 'stable-service': 'color service' }, /^stable-service: must be an ECS service name/],
  ['bad cluster', { cluster: 'my cluster' }, /^cluster: must be an ECS cluster name or ARN/],
  ['bad mesh owner', { 'mesh-owner': '1234' }, /^mesh-owner: must be a 12-digit AWS account ID/],
  [
    'missing file',
    { 'task-definition': 'nope.json' },
    /^task-definition: must be a readable JSON file; nope.json does not exist/,
  ],
  [
    'directory as file',
    { 'task-definition': 'a-directory' },
    /^task-definition: must be a readable JSON file; a-directory is a directory/,
  ],
  [
    'invalid JSON',
    { 'task-definition': 'broken.json' },
    /^task-definition: must be valid JSON; broken.json: line 3, column \d+/,
  ],
  [
    'not a task definition',
    { 'task-definition': 'not-td.json' },
    /^task-definition: must be an ECS task definition; not-td.json: it has no containerDefinitions/,
  ],
  [
    'ambiguous image',
    { 'task-definition': 'two-apps.json', image: 'x:1' },
    /^container-name: is required with image when the task definition has 2 application containers \(a, b\)/,
  ],
  [
    'container not in file',
    { 'task-definition': 'two-apps.json', 'container-name': 'c' },
    /^container-name: must name a container of two-apps.json/,
  ],
  [
    'attribute without =',
    { 'cloud-map-attributes': 'ECS_SERVICE_NAME' },
    /^cloud-map-attributes: must be KEY=VALUE lines.*line 1/,
  ],
  ['attribute with empty value', { 'cloud-map-attributes': 'a=1\nb=' }, /^cloud-map-attributes: .*line 2 is "b="/],
  ['duplicate attribute', { 'cloud-map-attributes': 'a=1\na=2' }, /^cloud-map-attributes: names the key a twice/],
  ['bad app port', { 'app-ports': '8080,http' }, /^app-ports: must be a comma-separated list of port numbers/],
  ['Envoy port as app port', { 'app-ports': '15000' }, /^app-ports: must not include Envoy's own ports/],
  ['zero desired count', { 'desired-count': '0' }, /^desired-count: must be a whole number from 1 to 1000/],
  ['zero wait', { 'wait-for-minutes': '0' }, /^wait-for-minutes: must be a positive number of minutes/],
  ['negative wait', { 'wait-for-minutes': '-1' }, /^wait-for-minutes:/],
  [
    'bad boolean',
    { 'wait-for-service-stability': 'yes' },
    /^wait-for-service-stability: must be true or false; got "yes"/,
  ],
  ['bad dry-run', { 'dry-run': '1' }, /^dry-run: must be true or false/],
  [
    'deploy weight without waiting',
    { 'wait-for-service-stability': 'false', 'canary-weight': '10' },
    /^wait-for-service-stability: must be true when deploy sends traffic/,
  ],
])('%s', (_name, over, expected) => {
  const found = problems({ ...BASE_INPUTS, ...over });
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(expected);
});

describe('hardening', () => {
  test('deploy needs an image or a task-definition file; other operations do not', () => {
    expect(problems({ ...BASE_INPUTS, image: '' })).toEqual([
      'image: is required for deploy (or a task-definition file): without it the canary would run a copy of stable',
    ]);
    expect(read({ ...BASE_INPUTS, image: '', 'task-definition': 'described.json' }).image).toBeUndefined();
    expect(read({ ...BASE_INPUTS, image: '', operation: 'shift', 'canary-weight': '5' }).operation).toBe('shift');
  });

  test.each([
    ['a bidi override', 'ghs_\u202etoken'],
    ['a bell', 'ghs_\u0007token'],
    ['a carriage return', 'ghs_\rtoken'],
    ['a C1 control', 'ghs_\u0085token'],
  ])('%s is refused in any input, even a free-text one', (_name, value) => {
    expect(problems({ ...BASE_INPUTS, 'github-token': value })).toEqual([
      'github-token: must not contain control or bidirectional-override characters',
    ]);
  });

  test('tabs and newlines stay allowed where an input is multi-line', () => {
    expect(read({ ...BASE_INPUTS, 'cloud-map-attributes': 'a=1\n\tb=2' }).traffic).toMatchObject({
      cloudMapAttributes: [
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
      ],
    });
  });

  test.each([
    ['a container name with a space', { name: 'my app', image: 'a' }, /container name "my app" is not 1-255 letters/],
    [
      'an image with a space',
      { name: 'app', image: 'colorapp: blue' },
      /the image of container app has spaces or control characters/,
    ],
  ])('a task-definition file with %s is refused', (_name, container, message) => {
    writeFileSync(path.join(workspace, 'odd.json'), JSON.stringify({ family: 'f', containerDefinitions: [container] }));
    const found = problems({ ...BASE_INPUTS, 'task-definition': 'odd.json' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^task-definition: must be an ECS task definition; odd.json: /);
    expect(found[0]).toMatch(message);
  });
});

test('several problems are reported together, each naming its input', () => {
  expect(() => read({ operation: 'shift', 'canary-weight': '200' })).toThrow(
    /^4 inputs are invalid:\n- Input 'traffic-provider' is required: no provider input is given to tell it from; set it to one of app-mesh, vpc-lattice, alb, ecs-native\n- Input 'stable-service' is required\n- Input 'canary-service' is required\n- Input 'canary-weight' must be a whole number from 0 to 100; got "200"$/,
  );
});

describe('traffic-provider', () => {
  const LATTICE: Record<string, string> = {
    'traffic-provider': 'vpc-lattice',
    'lattice-service': 'color',
    'stable-service': 'color',
    'canary-service': 'color-canary',
    image: 'colorapp:blue',
  };

  test('the provider whose inputs are given when it is not set; vpc-lattice reads the Lattice inputs', () => {
    expect(read(BASE_INPUTS).traffic.provider).toBe('app-mesh');
    expect(read({ ...LATTICE, 'traffic-provider': '' }).traffic.provider).toBe('vpc-lattice');
    expect(read({ ...BASE_INPUTS, 'traffic-provider': 'app-mesh' }).traffic.provider).toBe('app-mesh');
    expect(read(LATTICE).traffic).toEqual({
      provider: 'vpc-lattice',
      service: 'color',
      listener: undefined,
      rule: undefined,
      stableTargetGroup: undefined,
      canaryTargetGroup: undefined,
    });
  });

  test('another value is refused, naming the choices', () => {
    expect(problems({ ...BASE_INPUTS, 'traffic-provider': 'istio' })).toEqual([
      'traffic-provider: must be one of app-mesh, vpc-lattice, alb, ecs-native; got "istio"',
    ]);
  });

  test('App Mesh inputs given with vpc-lattice are refused, each by name', () => {
    expect(problems({ ...LATTICE, mesh: 'howto-ecs-basics', 'canary-virtual-node': 'v2' })).toEqual([
      'mesh: belongs to traffic-provider: app-mesh (App Mesh), not to vpc-lattice; remove it',
      'canary-virtual-node: belongs to traffic-provider: app-mesh (App Mesh), not to vpc-lattice; remove it',
    ]);
  });

  test('without traffic-provider, no provider input or inputs of two providers: it is required, naming the choices', () => {
    const noProvider = { 'stable-service': 'color', 'canary-service': 'color-canary', image: 'colorapp:blue' };
    expect(problems(noProvider)).toEqual([
      'traffic-provider: is required: no provider input is given to tell it from; set it to one of app-mesh, vpc-lattice, alb, ecs-native',
    ]);
    expect(problems({ ...BASE_INPUTS, 'lattice-service': 'color' })).toEqual([
      'traffic-provider: is required: the inputs given (mesh, virtual-router, route, stable-virtual-node, canary-virtual-node, lattice-service) do not name one provider; set it to one of app-mesh, vpc-lattice, alb, ecs-native',
    ]);
  });

  test('Lattice inputs given with app-mesh are refused, each by name', () => {
    const inputs = { ...BASE_INPUTS, 'traffic-provider': 'app-mesh' };
    expect(problems({ ...inputs, 'lattice-service': 'color', 'canary-target-group': 'color-tg-canary' })).toEqual([
      'lattice-service: belongs to traffic-provider: vpc-lattice (VPC Lattice), not to app-mesh; remove it',
      'canary-target-group: belongs to traffic-provider: vpc-lattice (VPC Lattice) or alb (ALB), not to app-mesh; remove it',
    ]);
  });

  test('vpc-lattice needs lattice-service', () => {
    expect(problems({ ...LATTICE, 'lattice-service': '' })).toEqual(['lattice-service: is required']);
  });

  const ARN = 'arn:aws:vpc-lattice:us-east-1:111122223333';
  test.each<[string, string]>([
    ['lattice-service', 'color'],
    ['lattice-service', 'svc-0123456789abcdef0'],
    ['lattice-service', `${ARN}:service/svc-0123456789abcdef0`],
    ['lattice-listener', 'http-80'],
    ['lattice-listener', 'listener-0123456789abcdef0'],
    ['lattice-listener', `${ARN}:service/svc-0123456789abcdef0/listener/listener-0123456789abcdef0`],
    ['lattice-rule', 'canary-header'],
    ['lattice-rule', 'rule-0123456789abcdef0'],
    ['stable-target-group', 'color-tg'],
    ['stable-target-group', 'tg-0123456789abcdef0'],
    ['canary-target-group', `${ARN}:targetgroup/tg-0123456789abcdef0`],
  ])('%s accepts %s (name, ID or ARN)', (input, value) => {
    expect(Object.values(read({ ...LATTICE, [input]: value }).traffic)).toContain(value);
  });

  test.each<[string, string]>([
    ['lattice-service', 'Color'],
    ['lattice-service', 'co'],
    ['lattice-service', 'color--blue'],
    ['lattice-service', '-color'],
    ['lattice-service', 'svc_0123'],
    ['lattice-listener', 'http 80'],
    ['lattice-rule', 'arn:aws:vpc-lattice:us-east-1:1111:service/x'],
    ['stable-target-group', 'color-tg-'],
    ['canary-target-group', 'x'.repeat(129)],
  ])('%s refuses %s', (input, value) => {
    const found = problems({ ...LATTICE, [input]: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      new RegExp(
        `^${input}: must be a .* name \\(3-128 lowercase letters, digits and single dashes\\), its ID \\(\\w+-…\\) or its ARN; got "`,
      ),
    );
  });
});

test.each([
  ['{\n  "a": [,]\n}', 'line 2, column 9: missing value before ","'],
  ['{"a": 1,}', 'line 1, column 9: trailing comma'],
  ["{'a': 1}", 'line 1, column 2: expected a "quoted" property name'],
  ['{"a": 1', 'line 1, column 8: unexpected end of file'],
  ['{"a": 1} x', 'line 1, column 10: unexpected text after the JSON value'],
  ['[1 2]', 'line 1, column 4: expected "," or "]"'],
  ['{"a": tru}', 'line 1, column 7: expected true'],
])('locateJsonError(%j)', (text, expected) => {
  expect(() => JSON.parse(text)).toThrow();
  expect(locateJsonError(text)).toBe(expected);
});

describe('traffic-provider: alb', () => {
  const ALB: Record<string, string> = {
    'traffic-provider': 'alb',
    'stable-service': 'color',
    'canary-service': 'color-canary',
    image: 'colorapp:blue',
  };
  const LB = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333';
  const LISTENER = `${LB}:listener/app/color-alb/0123456789abcdef/fedcba9876543210`;
  const RULE = `${LB}:listener-rule/app/color-alb/0123456789abcdef/fedcba9876543210/00112233445566ff`;

  test('reads its inputs; listener-rule alone tells the provider, a target group input shared with vpc-lattice does not', () => {
    expect(read({ ...ALB, 'listener-rule': RULE, 'stable-target-group': 'color-tg' }).traffic).toEqual({
      provider: 'alb',
      stableTargetGroup: 'color-tg',
      canaryTargetGroup: undefined,
      listenerRule: RULE,
      previewPriority: undefined,
    });
    expect(read({ ...ALB, 'traffic-provider': '', 'listener-rule': LISTENER }).traffic.provider).toBe('alb');
    expect(problems({ ...ALB, 'traffic-provider': '', 'stable-target-group': 'color-tg' })).toEqual([
      'traffic-provider: is required: the inputs given (stable-target-group) do not name one provider; set it to one of app-mesh, vpc-lattice, alb, ecs-native',
    ]);
  });

  test('Lattice inputs are refused by name; the shared target group inputs are not', () => {
    expect(problems({ ...ALB, 'lattice-service': 'color', 'canary-target-group': 'color-tg-canary' })).toEqual([
      'lattice-service: belongs to traffic-provider: vpc-lattice (VPC Lattice), not to alb; remove it',
    ]);
  });

  test.each<[string, string, string]>([
    ['listener-rule', 'rule-0123456789abcdef0', 'must be the ARN of'],
    ['listener-rule', `${LB}:loadbalancer/app/color-alb/0123456789abcdef`, 'must be the ARN of'],
    ['stable-target-group', 'color_tg', 'must be a target group name'],
    ['canary-target-group', `${'c'.repeat(33)}`, 'must be a target group name'],
    ['canary-target-group', '-color', 'must be a target group name'],
    ['preview-priority', '50001', 'must be a whole number from 1 to 50000'],
  ])('%s %s is refused', (input, value, message) => {
    const found = problems({ ...ALB, [input]: value });
    expect(found).toEqual([expect.stringContaining(`${input}: ${message}`)]);
  });

  test('a default canary group name longer than 32 characters is refused, naming canary-target-group', () => {
    const stable = 'color-service-target-group-25ch'; // 31 characters: with -canary, 38
    expect(problems({ ...ALB, 'stable-target-group': stable })).toEqual([
      `canary-target-group: is required: the default canary target group name ${stable}-canary is 38 characters, and ALB names are at most 32: name the canary group`,
    ]);
    expect(
      read({ ...ALB, 'stable-target-group': stable, 'canary-target-group': 'color-canary' }).traffic,
    ).toMatchObject({
      canaryTargetGroup: 'color-canary',
    });
  });
});
