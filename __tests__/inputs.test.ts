import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InputError } from '../src/errors.js';
import { DEFAULT_DEPLOY_WEIGHT, envInputReader, readSettings } from '../src/inputs.js';
import { locateJsonError } from '../src/jsonError.js';

export const BASE_INPUTS: Record<string, string> = {
  mesh: 'howto-ecs-basics',
  'virtual-router': 'color-router',
  route: 'color-route',
  'stable-virtual-node': 'howto-ecs-basics-color-node',
  'canary-virtual-node': 'howto-ecs-basics-color-v2-node',
  'stable-service': 'color',
  'canary-service': 'color-canary',
};

const workspace = mkdtempSync(path.join(tmpdir(), 'inputs-'));
writeFileSync(path.join(workspace, 'broken.json'), '{\n  "family": "x",\n  "containerDefinitions": [,]\n}\n');
writeFileSync(path.join(workspace, 'not-td.json'), '{"hello": "world"}');
writeFileSync(path.join(workspace, 'two-apps.json'), JSON.stringify({ family: 'f', containerDefinitions: [{ name: 'a', image: 'a' }, { name: 'b', image: 'b' }] }));
writeFileSync(path.join(workspace, 'described.json'), JSON.stringify({ taskDefinition: { family: 'f', containerDefinitions: [{ name: 'app', image: 'a' }] } }));
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
    canaryWeight: DEFAULT_DEPLOY_WEIGHT,
    desiredCount: 1,
    waitForServiceStability: true,
    waitForMinutes: 30,
    dryRun: false,
    envoyImage: undefined,
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
  });
  expect(s).toMatchObject({
    operation: 'shift',
    cluster: 'howto',
    meshOwner: '111122223333',
    virtualService: 'color.howto-ecs-basics.mesh.local',
    containerName: 'app',
    image: 'colorapp:blue',
    canaryWeight: 37,
    envoyImage: 'envoy:1',
    appPorts: [8080, 9090],
    cloudMapAttributes: [
      { key: 'ECS_TASK_DEFINITION_FAMILY', value: 'howto-ecs-basics-color-v2' },
      { key: 'team', value: 'blue' },
    ],
    desiredCount: 3,
    waitForServiceStability: false,
    waitForMinutes: 2.5,
    dryRun: true,
  });
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
  ['unknown operation', { operation: 'deploy-all' }, /^operation: must be one of deploy, shift, promote, rollback; got "deploy-all"/],
  ['weight not a number', { 'canary-weight': 'ten' }, /^canary-weight: must be a whole number from 0 to 100/],
  ['weight over 100', { 'canary-weight': '101' }, /^canary-weight: must be a whole number from 0 to 100; got "101"/],
  ['negative weight', { 'canary-weight': '-5' }, /^canary-weight: must be a whole number from 0 to 100/],
  ['fractional weight', { 'canary-weight': '12.5' }, /^canary-weight:/],
  ['shift without weight', { operation: 'shift' }, /^canary-weight: is required for shift/],
  ['weight on rollback', { operation: 'rollback', 'canary-weight': '5' }, /^canary-weight: is not used by rollback/],
  ['missing mesh', { mesh: '' }, /^mesh: is required/],
  ['missing route', { route: '' }, /^route: is required/],
  ['missing virtual-router', { 'virtual-router': '' }, /^virtual-router: is required/],
  ['missing stable service', { 'stable-service': '' }, /^stable-service: is required/],
  ['missing canary node', { 'canary-virtual-node': '' }, /^canary-virtual-node: is required/],
  ['same node', { 'canary-virtual-node': 'howto-ecs-basics-color-node' }, /^canary-virtual-node: must differ from stable-virtual-node/],
  ['same service', { 'canary-service': 'color' }, /^canary-service: must differ from stable-service/],
  ['bad service name', { 'stable-service': 'color service' }, /^stable-service: must be an ECS service name/],
  ['bad cluster', { cluster: 'my cluster' }, /^cluster: must be an ECS cluster name or ARN/],
  ['bad mesh owner', { 'mesh-owner': '1234' }, /^mesh-owner: must be a 12-digit AWS account ID/],
  ['missing file', { 'task-definition': 'nope.json' }, /^task-definition: must be a readable JSON file; nope.json does not exist/],
  ['directory as file', { 'task-definition': 'a-directory' }, /^task-definition: must be a readable JSON file; a-directory is a directory/],
  ['invalid JSON', { 'task-definition': 'broken.json' }, /^task-definition: must be valid JSON; broken.json: line 3, column \d+/],
  ['not a task definition', { 'task-definition': 'not-td.json' }, /^task-definition: must be an ECS task definition; not-td.json: it has no containerDefinitions/],
  ['ambiguous image', { 'task-definition': 'two-apps.json', image: 'x:1' }, /^container-name: is required with image when the task definition has 2 application containers \(a, b\)/],
  ['container not in file', { 'task-definition': 'two-apps.json', 'container-name': 'c' }, /^container-name: must name a container of two-apps.json/],
  ['attribute without =', { 'cloud-map-attributes': 'ECS_SERVICE_NAME' }, /^cloud-map-attributes: must be KEY=VALUE lines.*line 1/],
  ['attribute with empty value', { 'cloud-map-attributes': 'a=1\nb=' }, /^cloud-map-attributes: .*line 2 is "b="/],
  ['duplicate attribute', { 'cloud-map-attributes': 'a=1\na=2' }, /^cloud-map-attributes: names the key a twice/],
  ['bad app port', { 'app-ports': '8080,http' }, /^app-ports: must be a comma-separated list of port numbers/],
  ['Envoy port as app port', { 'app-ports': '15000' }, /^app-ports: must not include Envoy's own ports/],
  ['zero desired count', { 'desired-count': '0' }, /^desired-count: must be a whole number from 1 to 1000/],
  ['zero wait', { 'wait-for-minutes': '0' }, /^wait-for-minutes: must be a positive number of minutes/],
  ['negative wait', { 'wait-for-minutes': '-1' }, /^wait-for-minutes:/],
  ['bad boolean', { 'wait-for-service-stability': 'yes' }, /^wait-for-service-stability: must be true or false; got "yes"/],
  ['bad dry-run', { 'dry-run': '1' }, /^dry-run: must be true or false/],
  ['deploy weight without waiting', { 'wait-for-service-stability': 'false', 'canary-weight': '10' }, /^wait-for-service-stability: must be true when deploy sends traffic/],
])('%s', (_name, over, expected) => {
  const found = problems({ ...BASE_INPUTS, ...over });
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(expected);
});

test('several problems are reported together, each naming its input', () => {
  expect(() => read({ operation: 'shift', 'canary-weight': '200' })).toThrow(
    /8 inputs are invalid:\n- Input 'mesh' is required\n(.|\n)*- Input 'canary-weight' must be a whole number from 0 to 100/,
  );
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
