// What an App Mesh workload needs on top of the neutral base: the Envoy sidecar (added or updated in place), the app
// waiting for Envoy, and the APPMESH proxy configuration.
import { readFileSync } from 'node:fs';
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { PlanError } from '../../../src/errors.js';
import {
  renderBase,
  sameTaskDefinition,
  type BaseOptions,
  type TaskDefinitionInput,
} from '../../../src/plan/taskDefinition.js';
import {
  DEFAULT_ENVOY_IMAGE,
  ENVOY_HEALTH_COMMAND,
  withEnvoy,
  type EnvoyOptions,
} from '../../../src/traffic/appMesh/workload.js';

const fixture = (name: string): TaskDefinitionInput =>
  JSON.parse(readFileSync(new URL(`../../../emulator/fixtures/${name}`, import.meta.url), 'utf8'));
const v1 = fixture('color-v1-task-definition.json');
const v2 = fixture('color-v2-task-definition.json');
const CANARY_ARN = 'mesh/howto-ecs-basics/virtualNode/howto-ecs-basics-color-v2-node';

/** The seed's v1 without its Envoy sidecar and proxy configuration: the app before meshing. */
const unmeshed: TaskDefinitionInput = {
  ...structuredClone(v1),
  containerDefinitions: v1
    .containerDefinitions!.filter((c) => c.name !== 'envoy')
    .map((c) => ({ ...c, dependsOn: c.dependsOn?.filter((d) => d.containerName !== 'envoy') })),
  proxyConfiguration: undefined,
};

function render(def: TaskDefinitionInput, base: Partial<BaseOptions> = {}, envoy: Partial<EnvoyOptions> = {}) {
  const b = renderBase(def, { family: 'howto-ecs-basics-color-canary', source: 'stable-service', ...base });
  return withEnvoy(b, { envoyResourceArn: CANARY_ARN, ...envoy });
}

const container = (def: TaskDefinitionInput, name: string): ContainerDefinition =>
  def.containerDefinitions!.find((c) => c.name === name)!;
const env = (c: ContainerDefinition, name: string) => c.environment?.find((e) => e.name === name)?.value;
const proxyProps = (def: TaskDefinitionInput) =>
  Object.fromEntries(def.proxyConfiguration!.properties!.map((p) => [p.name, p.value]));

test.each([
  ['seed v1 (sidecar present)', v1, false],
  ['seed v2 (sidecar present)', v2, false],
  ['v1 without Envoy (sidecar added)', unmeshed, true],
])('%s: Envoy names the canary node and has the required settings', (_name, base, added) => {
  const rendered = render(base, { image: 'colorapp:blue' });
  expect(rendered.envoyAdded).toBe(added);
  const envoy = container(rendered.definition, 'envoy');
  expect(env(envoy, 'APPMESH_RESOURCE_ARN')).toBe(CANARY_ARN);
  expect(envoy.environment!.filter((e) => e.name === 'APPMESH_RESOURCE_ARN')).toHaveLength(1);
  expect(envoy).toMatchObject({ user: '1337', essential: true, image: DEFAULT_ENVOY_IMAGE });
  expect(envoy.healthCheck!.command).toEqual(['CMD-SHELL', ENVOY_HEALTH_COMMAND]);
  expect(envoy.portMappings!.map((p) => p.containerPort).sort()).toEqual([15000, 15001, 9901]);
  expect(envoy.ulimits).toContainEqual({ name: 'nofile', softLimit: 15000, hardLimit: 15000 });
  const app = container(rendered.definition, 'app');
  expect(app.image).toBe('colorapp:blue');
  expect(app.dependsOn![0]).toEqual({ containerName: 'envoy', condition: 'HEALTHY' });
  expect(app.dependsOn!.filter((d) => d.containerName === 'envoy')).toHaveLength(1);
  expect(container(rendered.definition, 'xray').image).toBe('public.ecr.aws/xray/aws-xray-daemon');
  expect(rendered.definition.proxyConfiguration).toMatchObject({ type: 'APPMESH', containerName: 'envoy' });
  expect(proxyProps(rendered.definition)).toEqual({
    ProxyIngressPort: '15000',
    ProxyEgressPort: '15001',
    AppPorts: '8080',
    EgressIgnoredIPs: '169.254.170.2,169.254.169.254',
    IgnoredUID: '1337',
  });
});

test('an existing Envoy keeps its image, env and health-check timing; a set envoy-image replaces the image', () => {
  const kept = container(render(v1).definition, 'envoy');
  expect(env(kept, 'ENABLE_ENVOY_XRAY_TRACING')).toBe('1');
  expect(env(kept, 'ENVOY_LOG_LEVEL')).toBe('debug');
  expect(kept.healthCheck).toMatchObject({ interval: 5, timeout: 10, retries: 10 });
  expect(kept.dependsOn).toEqual([{ containerName: 'xray', condition: 'START' }]);
  expect(container(render(v1, {}, { envoyImage: 'envoy:new' }).definition, 'envoy').image).toBe('envoy:new');
});

test('an added Envoy logs like the app, with its own stream prefix', () => {
  const envoy = container(render(unmeshed).definition, 'envoy');
  expect(envoy.logConfiguration?.options?.['awslogs-stream-prefix']).toBe('envoy');
  expect(envoy.logConfiguration?.options?.['awslogs-group']).toBe('howto-ecs-basics-log-group');
});

test.each([
  ['derived from the app container', undefined, '8080'],
  ['given by app-ports', [8080, 9090], '8080,9090'],
])('AppPorts %s', (_n, appPorts, expected) => {
  expect(proxyProps(render(v1, {}, { appPorts }).definition).AppPorts).toBe(expected);
});

test('UDP ports are not app ports', () => {
  const base = structuredClone(unmeshed);
  container(base, 'app').portMappings!.push({ containerPort: 5353, protocol: 'udp' });
  expect(proxyProps(render(base).definition).AppPorts).toBe('8080');
});

test('extra EgressIgnoredIPs of an existing proxy configuration are kept', () => {
  const base = structuredClone(v1);
  base.proxyConfiguration!.properties!.find((p) => p.name === 'EgressIgnoredIPs')!.value = '169.254.170.2,10.0.0.1';
  expect(proxyProps(render(base).definition).EgressIgnoredIPs).toBe('169.254.170.2,169.254.169.254,10.0.0.1');
});

test('rendering its own output again changes nothing', () => {
  const once = render(v1, { image: 'colorapp:blue' }).definition;
  const twice = render(once, { image: 'colorapp:blue' }).definition;
  expect(twice).toEqual(once);
  expect(sameTaskDefinition(once, twice)).toBe(true);
  expect(sameTaskDefinition(once, render(v1, { image: 'colorapp:red' }).definition)).toBe(false);
});

test.each<[string, TaskDefinitionInput, RegExp, string]>([
  [
    'networkMode bridge',
    { ...v1, networkMode: 'bridge' },
    /App Mesh on ECS needs networkMode "awsvpc"; the base task definition has "bridge"/,
    'stable-service',
  ],
  [
    'no TCP port',
    { ...unmeshed, containerDefinitions: unmeshed.containerDefinitions!.map((c) => ({ ...c, portMappings: [] })) },
    /no TCP port for Envoy to intercept; set app-ports/,
    'app-ports',
  ],
])('refuses: %s', (_name, base, message, input) => {
  expect(() => render(base)).toThrow(PlanError);
  expect(() => render(base)).toThrow(message);
  expect(() => render(base)).toThrow(`(input '${input}')`);
});

test('warns when there is no task role', () => {
  expect(render({ ...v1, taskRoleArn: undefined }).warnings.join()).toMatch(/AWSAppMeshEnvoyAccess/);
  expect(render(v2).warnings).toEqual([]);
});
