// Bad input across all operations, through the bundled action against the emulator: each case fails with exactly one
// ::error:: naming the input, exit code 1, no mutating AWS call — and no AWS call at all when the input itself is bad.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Emulator } from '../../emulator/server.js';
import { SAMPLE, sampleInputs, seedHowtoEcsBasics } from '../../emulator/fixture.js';
import { runAction, type ActionRun } from '../../emulator/runAction.js';

const dir = mkdtempSync(path.join(tmpdir(), 'bad-input-'));
const file = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};
const files = {
  broken: file(
    'broken.json',
    '{\n  "family": "color",\n  "containerDefinitions": [\n    { "name": "app", "image": "x" },\n  ]\n}\n',
  ),
  notTd: file('package.json', JSON.stringify({ name: 'not-a-task-definition', version: '1.0.0' })),
  twoApps: file(
    'two-apps.json',
    JSON.stringify({
      family: 'f',
      networkMode: 'awsvpc',
      containerDefinitions: [
        { name: 'web', image: 'w' },
        { name: 'worker', image: 'k' },
      ],
    }),
  ),
  bridge: file(
    'bridge.json',
    JSON.stringify({
      family: 'f',
      networkMode: 'bridge',
      containerDefinitions: [{ name: 'app', image: 'a', portMappings: [{ containerPort: 8080 }] }],
    }),
  ),
  directory: path.join(dir, 'a-directory'),
};
mkdirSync(files.directory);

type Stage = 'input' | 'state';
const cases: [string, Record<string, string>, string, Stage][] = [
  ['unknown operation', { operation: 'deploy-all' }, 'operation', 'input'],
  ['operation in capitals', { operation: 'PROMOTE' }, 'operation', 'input'],
  ['canary-weight not a number', { 'canary-weight': 'ten' }, 'canary-weight', 'input'],
  ['canary-weight over 100 on shift', { operation: 'shift', 'canary-weight': '101' }, 'canary-weight', 'input'],
  ['negative canary-weight', { operation: 'shift', 'canary-weight': '-1' }, 'canary-weight', 'input'],
  ['fractional canary-weight', { 'canary-weight': '5.5' }, 'canary-weight', 'input'],
  ['shift without canary-weight', { operation: 'shift' }, 'canary-weight', 'input'],
  ['no mesh', { mesh: '' }, 'mesh', 'input'],
  [
    'no virtual-router on shift',
    { operation: 'shift', 'canary-weight': '5', 'virtual-router': '' },
    'virtual-router',
    'input',
  ],
  ['no route on rollback', { operation: 'rollback', route: '' }, 'route', 'input'],
  [
    'no stable-virtual-node on promote',
    { operation: 'promote', 'stable-virtual-node': '' },
    'stable-virtual-node',
    'input',
  ],
  ['same virtual node for both', { 'canary-virtual-node': SAMPLE.stableNode }, 'canary-virtual-node', 'input'],
  ['no stable-service', { 'stable-service': '' }, 'stable-service', 'input'],
  [
    'same service for both on shift',
    { operation: 'shift', 'canary-weight': '5', 'canary-service': SAMPLE.stableService },
    'canary-service',
    'input',
  ],
  ['canary-service with a space', { 'canary-service': 'color v2' }, 'canary-service', 'input'],
  ['cluster with a space', { cluster: 'my cluster' }, 'cluster', 'input'],
  ['mesh-owner not an account ID', { 'mesh-owner': 'acme' }, 'mesh-owner', 'input'],
  ['task-definition file missing', { 'task-definition': path.join(dir, 'nope.json') }, 'task-definition', 'input'],
  ['task-definition invalid JSON', { 'task-definition': files.broken }, 'task-definition', 'input'],
  ['task-definition not a task definition', { 'task-definition': files.notTd }, 'task-definition', 'input'],
  ['task-definition is a directory', { 'task-definition': files.directory }, 'task-definition', 'input'],
  [
    'image ambiguous between two app containers',
    { 'task-definition': files.twoApps, image: 'web:2' },
    'container-name',
    'input',
  ],
  [
    'container-name not in the file',
    { 'task-definition': files.twoApps, 'container-name': 'api' },
    'container-name',
    'input',
  ],
  ['cloud-map-attributes without =', { 'cloud-map-attributes': 'ECS_SERVICE_NAME' }, 'cloud-map-attributes', 'input'],
  ['cloud-map-attributes with a key twice', { 'cloud-map-attributes': 'a=1\na=2' }, 'cloud-map-attributes', 'input'],
  ['app-ports not numbers', { 'app-ports': 'http' }, 'app-ports', 'input'],
  ["app-ports on Envoy's port", { 'app-ports': '8080,15001' }, 'app-ports', 'input'],
  ['desired-count 0', { 'desired-count': '0' }, 'desired-count', 'input'],
  ['desired-count not a number', { 'desired-count': 'many' }, 'desired-count', 'input'],
  ['wait-for-minutes 0', { 'wait-for-minutes': '0' }, 'wait-for-minutes', 'input'],
  ['wait-for-minutes not a number', { 'wait-for-minutes': 'soon' }, 'wait-for-minutes', 'input'],
  [
    'wait-for-service-stability not a boolean',
    { 'wait-for-service-stability': 'maybe' },
    'wait-for-service-stability',
    'input',
  ],
  ['dry-run not a boolean', { 'dry-run': 'yes' }, 'dry-run', 'input'],
  [
    'deploy with weight but without waiting',
    { 'wait-for-service-stability': 'false', 'canary-weight': '10' },
    'wait-for-service-stability',
    'input',
  ],
  ['deploy without image or task-definition', { image: '' }, 'image', 'input'],
  ['image with a bidi override', { image: 'colorapp:\u202eeulb' }, 'image', 'input'],
  ['container-name with a newline', { 'container-name': 'app\n::warning::x' }, 'container-name', 'input'],
  ['preview-header with a space in the name', { 'preview-header': 'x canary: pr-1' }, 'preview-header', 'input'],
  [
    'preview-header without a value outside a pull request',
    { 'preview-header': 'x-canary' },
    'preview-header',
    'input',
  ],
  ['preview-header with an empty value', { 'preview-header': 'x-canary:' }, 'preview-header', 'input'],
  ['envoy-image with a space', { 'envoy-image': 'envoy latest' }, 'envoy-image', 'input'],
  ['virtual-service with a slash', { 'virtual-service': 'color/mesh' }, 'virtual-service', 'input'],
  ['cluster that does not exist', { cluster: 'no-such-cluster' }, 'cluster', 'state'],
  ['mesh that does not exist', { mesh: 'no-such-mesh' }, 'mesh', 'state'],
  ['mesh owned by an account that does not share it', { 'mesh-owner': '444455556666' }, 'mesh-owner', 'state'],
  ['stable-service that does not exist', { 'stable-service': 'colour' }, 'stable-service', 'state'],
  ['stable-virtual-node that does not exist', { 'stable-virtual-node': 'colour-node' }, 'stable-virtual-node', 'state'],
  [
    'stable-virtual-node on DNS discovery',
    { 'stable-virtual-node': 'howto-ecs-basics-front-node' },
    'stable-virtual-node',
    'state',
  ],
  [
    'virtual-service that does not exist',
    { 'virtual-service': 'colour.howto-ecs-basics.mesh.local' },
    'virtual-service',
    'state',
  ],
  [
    'container-name not in the stable task definition',
    { 'container-name': 'web', image: 'colorapp:blue' },
    'container-name',
    'state',
  ],
  ['task definition in bridge mode', { 'task-definition': files.bridge }, 'task-definition', 'state'],
  [
    'canary filter that also selects stable tasks',
    { 'cloud-map-attributes': 'ECS_CLUSTER_NAME=howto-ecs-basics' },
    'cloud-map-attributes',
    'state',
  ],
  ['shift before any deploy', { operation: 'shift', 'canary-weight': '0' }, 'route', 'state'],
  [
    'shift to a canary service that does not exist',
    { operation: 'shift', 'canary-weight': '50' },
    'canary-service',
    'state',
  ],
  ['promote without a canary service', { operation: 'promote' }, 'canary-service', 'state'],
];

let emu: Emulator;
const runs: ActionRun[] = [];
beforeAll(async () => {
  emu = await Emulator.start({ rolloutDelayMs: 100 });
  seedHowtoEcsBasics(emu);
});
afterAll(() => emu.stop());

test(`the table covers all operations with at least 40 cases (${cases.length})`, () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
  const operations = new Set(cases.map(([, inputs]) => inputs.operation ?? 'deploy'));
  expect([...operations].filter((o) => ['deploy', 'shift', 'promote', 'rollback'].includes(o)).sort()).toEqual([
    'deploy',
    'promote',
    'rollback',
    'shift',
  ]);
});

test.each(cases)('%s → one ::error:: naming %s, exit 1', async (_name, inputs, input, stage) => {
  const from = emu.log.length;
  const result = await runAction(sampleInputs({ image: 'colorapp:blue', ...inputs }), { env: emu.env() });
  runs.push(result);
  if (process.env.SHOW_ERRORS) console.log(`${_name}: ${result.errors.join(' | ')}`);
  expect(result.status).toBe(1);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(new RegExp(`(^Input|\\(input) '${input}'`));
  const calls = emu.log.slice(from);
  if (stage === 'input') {
    expect(calls).toEqual([]);
    expect(result.summary).toMatch(new RegExp(`^## Canary run stopped: invalid input\\n\\n- Input \`${input}\``));
  }
  expect(calls.filter((c) => !/^(Describe|List|Get)/.test(c.operation))).toEqual([]);
});

test('the AWS secret key never appears in any output (only in the mask command the runner consumes)', () => {
  const secret = emu.env().AWS_SECRET_ACCESS_KEY;
  expect(runs.length).toBe(cases.length);
  for (const run of runs) {
    const lines = `${run.stdout}\n${run.stderr}\n${run.summary}`.split('\n').filter((l) => l.includes(secret));
    expect(lines).toEqual([`::add-mask::${secret}`]);
  }
});

test('a preview-route that names a route routing elsewhere → one ::error:: naming preview-route, no write', async () => {
  // After the table: this case needs the router to exist, with a route of someone else's on it.
  emu.appMesh.put(
    SAMPLE.mesh,
    'VirtualRouter',
    SAMPLE.virtualRouter,
    { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    { create: true },
  );
  const legacy = {
    priority: 5,
    httpRoute: {
      match: { prefix: '/', headers: [{ name: 'x-legacy', match: { exact: 'yes' } }] },
      action: { weightedTargets: [{ virtualNode: SAMPLE.stableNode, weight: 1 }] },
    },
  };
  emu.appMesh.put(SAMPLE.mesh, 'Route', 'legacy-route', legacy, { router: SAMPLE.virtualRouter, create: true });
  const from = emu.log.length;
  const result = await runAction(
    sampleInputs({ image: 'colorapp:blue', 'preview-header': 'x-canary: pr-1', 'preview-route': 'legacy-route' }),
    { env: emu.env() },
  );
  expect(result.status).toBe(1);
  expect(result.errors).toEqual([
    expect.stringMatching(
      /Route legacy-route exists and routes elsewhere; name another preview-route \(input 'preview-route'\)/,
    ),
  ]);
  expect(emu.log.slice(from).filter((c) => !/^(Describe|List|Get)/.test(c.operation))).toEqual([]);
});
