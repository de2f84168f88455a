import { readFileSync } from 'node:fs';
import type { ContainerDefinition, TaskDefinition } from '@aws-sdk/client-ecs';
import {
  ENVOY_HEALTH_COMMAND,
  READ_ONLY_KEYS,
  familyOf,
  isSidecarContainer,
  renderTaskDefinition,
  sameTaskDefinition,
  type RenderOptions,
  type TaskDefinitionInput,
} from '../../src/plan/taskDefinition.js';
import { PlanError } from '../../src/errors.js';

const fixture = (name: string): TaskDefinitionInput => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const v1 = fixture('color-v1-task-definition.json');
const v2 = fixture('color-v2-task-definition.json');
const CANARY_ARN = 'mesh/howto-ecs-basics/virtualNode/howto-ecs-basics-color-v2-node';
const DEFAULT_ENVOY = 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.2.0-prod';

const options = (over: Partial<RenderOptions> = {}): RenderOptions => ({
  family: 'howto-ecs-basics-color-canary',
  envoyResourceArn: CANARY_ARN,
  defaultEnvoyImage: DEFAULT_ENVOY,
  source: 'stable-service',
  ...over,
});

/** The seed's v1 as DescribeTaskDefinition returns it: read-only keys added. */
const described: TaskDefinition = {
  ...(v1 as TaskDefinition),
  taskDefinitionArn: 'arn:aws:ecs:ap-northeast-1:111122223333:task-definition/howto-ecs-basics-color:7',
  revision: 7,
  status: 'ACTIVE',
  requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
  compatibilities: ['EC2', 'FARGATE'],
  registeredAt: new Date('2024-01-01T00:00:00Z'),
  registeredBy: 'arn:aws:iam::111122223333:user/someone',
};

/** The seed's v1 without its Envoy sidecar and proxy configuration: the app before meshing. */
const unmeshed: TaskDefinitionInput = {
  ...structuredClone(v1),
  containerDefinitions: v1.containerDefinitions!.filter((c) => c.name !== 'envoy').map((c) => ({ ...c, dependsOn: c.dependsOn?.filter((d) => d.containerName !== 'envoy') })),
  proxyConfiguration: undefined,
};

const container = (def: TaskDefinitionInput, name: string): ContainerDefinition => def.containerDefinitions!.find((c) => c.name === name)!;
const env = (c: ContainerDefinition, name: string) => c.environment?.find((e) => e.name === name)?.value;
const proxyProps = (def: TaskDefinitionInput) => Object.fromEntries(def.proxyConfiguration!.properties!.map((p) => [p.name, p.value]));

describe('renderTaskDefinition', () => {
  test('strips every read-only key DescribeTaskDefinition returns', () => {
    const { definition } = renderTaskDefinition(described, options());
    for (const key of READ_ONLY_KEYS) expect(definition).not.toHaveProperty(key);
    expect(definition.family).toBe('howto-ecs-basics-color-canary');
    expect(definition.taskRoleArn).toBe(v1.taskRoleArn);
  });

  test.each([
    ['seed v1 (sidecar present)', v1, false],
    ['seed v2 (sidecar present)', v2, false],
    ['v1 without Envoy (sidecar added)', unmeshed, true],
  ])('%s: Envoy names the canary node and has the required settings', (_name, base, added) => {
    const rendered = renderTaskDefinition(base, options({ image: 'colorapp:blue' }));
    expect(rendered.envoyAdded).toBe(added);
    const envoy = container(rendered.definition, 'envoy');
    expect(env(envoy, 'APPMESH_RESOURCE_ARN')).toBe(CANARY_ARN);
    expect(envoy.environment!.filter((e) => e.name === 'APPMESH_RESOURCE_ARN')).toHaveLength(1);
    expect(envoy.user).toBe('1337');
    expect(envoy.essential).toBe(true);
    expect(envoy.healthCheck!.command).toEqual(['CMD-SHELL', ENVOY_HEALTH_COMMAND]);
    expect(envoy.portMappings!.map((p) => p.containerPort).sort()).toEqual([15000, 15001, 9901]);
    expect(envoy.ulimits).toContainEqual({ name: 'nofile', softLimit: 15000, hardLimit: 15000 });
    expect(envoy.image).toBe(DEFAULT_ENVOY);
    const app = container(rendered.definition, 'app');
    expect(app.image).toBe('colorapp:blue');
    expect(app.dependsOn).toContainEqual({ containerName: 'envoy', condition: 'HEALTHY' });
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
    const kept = container(renderTaskDefinition(v1, options()).definition, 'envoy');
    expect(env(kept, 'ENABLE_ENVOY_XRAY_TRACING')).toBe('1');
    expect(env(kept, 'ENVOY_LOG_LEVEL')).toBe('debug');
    expect(kept.healthCheck).toMatchObject({ interval: 5, timeout: 10, retries: 10 });
    expect(kept.dependsOn).toEqual([{ containerName: 'xray', condition: 'START' }]);
    const replaced = container(renderTaskDefinition(v1, options({ envoyImage: 'envoy:new' })).definition, 'envoy');
    expect(replaced.image).toBe('envoy:new');
  });

  test('an added Envoy logs like the app, with its own stream prefix', () => {
    const envoy = container(renderTaskDefinition(unmeshed, options()).definition, 'envoy');
    expect(envoy.logConfiguration?.options?.['awslogs-stream-prefix']).toBe('envoy');
    expect(envoy.logConfiguration?.options?.['awslogs-group']).toBe('howto-ecs-basics-log-group');
  });

  test.each([
    ['derived from the app container', undefined, '8080'],
    ['given by app-ports', [8080, 9090], '8080,9090'],
  ])('AppPorts %s', (_n, appPorts, expected) => {
    expect(proxyProps(renderTaskDefinition(v1, options({ appPorts })).definition).AppPorts).toBe(expected);
  });

  test('UDP ports are not app ports', () => {
    const base = structuredClone(unmeshed);
    container(base, 'app').portMappings!.push({ containerPort: 5353, protocol: 'udp' });
    expect(proxyProps(renderTaskDefinition(base, options()).definition).AppPorts).toBe('8080');
  });

  test('rendering its own output again changes nothing', () => {
    const once = renderTaskDefinition(v1, options({ image: 'colorapp:blue' })).definition;
    const twice = renderTaskDefinition(once, options({ image: 'colorapp:blue' })).definition;
    expect(twice).toEqual(once);
    expect(sameTaskDefinition(once, { ...once, taskDefinitionArn: 'x', revision: 3, volumes: [] } as TaskDefinition)).toBe(true);
    expect(sameTaskDefinition(once, { ...once, enableFaultInjection: false, tags: [{ key: 'a', value: 'b' }] })).toBe(true);
    expect(sameTaskDefinition(once, { ...once, enableFaultInjection: true })).toBe(false);
    expect(sameTaskDefinition(once, renderTaskDefinition(v1, options({ image: 'colorapp:red' })).definition)).toBe(false);
  });

  test.each([
    ['networkMode bridge', { ...v1, networkMode: 'bridge' as const }, {}, /awsvpc/],
    ['unknown container-name', v1, { containerName: 'nope' }, /no container "nope"/],
    ['image with two app containers and no container-name', { ...v1, containerDefinitions: [...v1.containerDefinitions!, { name: 'worker', image: 'w' }] }, { image: 'x' }, /2 application containers/],
    ['no TCP port', { ...unmeshed, containerDefinitions: unmeshed.containerDefinitions!.map((c) => ({ ...c, portMappings: [] })) }, {}, /app-ports/],
  ])('refuses: %s', (_name, base, over, message) => {
    expect(() => renderTaskDefinition(base as TaskDefinitionInput, options(over))).toThrow(PlanError);
    expect(() => renderTaskDefinition(base as TaskDefinitionInput, options(over))).toThrow(message);
  });

  test('warns when there is no task role', () => {
    const { warnings } = renderTaskDefinition({ ...v1, taskRoleArn: undefined }, options());
    expect(warnings.join()).toMatch(/AWSAppMeshEnvoyAccess/);
  });
});

test.each([
  ['arn:aws:ecs:us-east-1:111122223333:task-definition/howto-ecs-basics-color:12', 'howto-ecs-basics-color'],
  ['howto-ecs-basics-color:3', 'howto-ecs-basics-color'],
  ['howto-ecs-basics-color', 'howto-ecs-basics-color'],
])('familyOf(%s)', (arn, family) => expect(familyOf(arn)).toBe(family));

test.each([
  [{ name: 'envoy', image: 'x' }, true],
  [{ name: 'proxy', image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1' }, true],
  [{ name: 'xray', image: 'public.ecr.aws/xray/aws-xray-daemon' }, true],
  [{ name: 'log_router', image: 'fluent', firelensConfiguration: { type: 'fluentbit' as const } }, true],
  [{ name: 'app', image: 'colorapp:blue' }, false],
])('isSidecarContainer(%o) = %s', (c, expected) => expect(isSidecarContainer(c)).toBe(expected));
