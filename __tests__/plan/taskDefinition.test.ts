// Provider-neutral task-definition work: the base made ready for a provider (read-only keys gone, family set, image
// swapped), comparing revisions, redaction, and the small helpers reports use.
import { readFileSync } from 'node:fs';
import type { TaskDefinition } from '@aws-sdk/client-ecs';
import { PlanError } from '../../src/errors.js';
import {
  READ_ONLY_KEYS,
  appImages,
  canonical,
  familyOf,
  redactTaskDefinition,
  renderBase,
  sameTaskDefinition,
  shortTaskDefinition,
  upsertEnv,
  type BaseOptions,
  type TaskDefinitionInput,
} from '../../src/plan/taskDefinition.js';
import { isEnvoyContainer, isSidecarContainer } from '../../src/traffic/sidecars.js';

const fixture = (name: string): TaskDefinitionInput =>
  JSON.parse(readFileSync(new URL(`../../emulator/fixtures/${name}`, import.meta.url), 'utf8'));
const v1 = fixture('color-v1-task-definition.json');

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

const options = (over: Partial<BaseOptions> = {}): BaseOptions => ({
  family: 'howto-ecs-basics-color-canary',
  source: 'stable-service',
  ...over,
});
const containerOf = (def: TaskDefinitionInput, name: string) => def.containerDefinitions!.find((c) => c.name === name)!;

describe('renderBase', () => {
  test('strips every read-only key DescribeTaskDefinition returns and sets the family', () => {
    const { definition } = renderBase(described, options());
    for (const key of READ_ONLY_KEYS) expect(definition).not.toHaveProperty(key);
    expect(definition.family).toBe('howto-ecs-basics-color-canary');
    expect(definition.taskRoleArn).toBe(v1.taskRoleArn);
  });

  test('the application containers are the ones that are not sidecars or Envoy; the only one is the target', () => {
    const base = renderBase(v1, options({ image: 'colorapp:blue' }));
    expect(base.apps.map((c) => c.name)).toEqual(['app']);
    expect(base.target?.name).toBe('app');
    expect(containerOf(base.definition, 'app').image).toBe('colorapp:blue');
    expect(containerOf(base.definition, 'envoy').image).toBe(containerOf(v1, 'envoy').image);
    expect(base.source).toBe('stable-service');
  });

  test('leaves its input untouched', () => {
    const before = structuredClone(v1);
    renderBase(v1, options({ image: 'colorapp:blue' }));
    expect(v1).toEqual(before);
  });

  test('with two application containers, container-name picks the target', () => {
    const two = { ...v1, containerDefinitions: [...v1.containerDefinitions!, { name: 'worker', image: 'worker:1' }] };
    const base = renderBase(two, options({ containerName: 'worker', image: 'worker:2' }));
    expect(base.target?.name).toBe('worker');
    expect(containerOf(base.definition, 'worker').image).toBe('worker:2');
    expect(containerOf(base.definition, 'app').image).toBe(containerOf(v1, 'app').image);
    expect(renderBase(two, options()).target).toBeUndefined();
  });

  test.each<[string, TaskDefinitionInput, Partial<BaseOptions>, RegExp, string]>([
    [
      'unknown container-name',
      v1,
      { containerName: 'nope' },
      /no container "nope" \(it has app, envoy, xray\)/,
      'container-name',
    ],
    [
      'image with two app containers and no container-name',
      { ...v1, containerDefinitions: [...v1.containerDefinitions!, { name: 'worker', image: 'w' }] },
      { image: 'x' },
      /2 application containers \(app, worker\)/,
      'container-name',
    ],
    [
      'only sidecars',
      { ...v1, containerDefinitions: v1.containerDefinitions!.filter((c) => c.name !== 'app') },
      {},
      /no application container/,
      'stable-service',
    ],
  ])('refuses: %s', (_name, base, over, message, input) => {
    const render = () => renderBase(base, options(over));
    expect(render).toThrow(PlanError);
    expect(render).toThrow(message);
    expect(render).toThrow(`(input '${input}')`);
  });
});

describe('sameTaskDefinition', () => {
  const once = renderBase(v1, options({ image: 'colorapp:blue' })).definition;

  test.each<[string, TaskDefinitionInput | TaskDefinition, boolean]>([
    [
      'as DescribeTaskDefinition answers it',
      { ...once, taskDefinitionArn: 'x', revision: 3, registeredAt: new Date() } as TaskDefinition,
      true,
    ],
    ['with empty lists AWS omits', { ...once, volumes: [], placementConstraints: [] }, true],
    [
      'with tags and enableFaultInjection: false',
      { ...once, enableFaultInjection: false, tags: [{ key: 'a', value: 'b' }] },
      true,
    ],
    ['with keys in another order', Object.fromEntries(Object.entries(once).reverse()) as TaskDefinitionInput, true],
    ['with fault injection on', { ...once, enableFaultInjection: true }, false],
    ['with another image', renderBase(v1, options({ image: 'colorapp:red' })).definition, false],
  ])('%s: %s', (_name, other, expected) => {
    expect(sameTaskDefinition(once, other)).toBe(expected);
  });
});

test('canonical JSON sorts keys and drops empty values', () => {
  expect(canonical({ b: [], a: { d: null, c: 1 }, e: undefined, f: {} })).toBe('{"a":{"c":1}}');
  expect(canonical(undefined)).toBe('null');
});

test('redactTaskDefinition hides every environment value and leaves the input alone', () => {
  const redacted = redactTaskDefinition(v1);
  const env = (def: TaskDefinitionInput) => def.containerDefinitions!.flatMap((c) => c.environment ?? []);
  expect(env(redacted).length).toBeGreaterThan(0);
  expect(env(redacted).every((e) => e.value === '***')).toBe(true);
  expect(env(redacted).map((e) => e.name)).toEqual(env(v1).map((e) => e.name));
  expect(env(v1).some((e) => e.value !== '***')).toBe(true);
});

test.each([
  ['arn:aws:ecs:us-east-1:111122223333:task-definition/howto-ecs-basics-color:12', 'howto-ecs-basics-color'],
  ['howto-ecs-basics-color:3', 'howto-ecs-basics-color'],
  ['howto-ecs-basics-color', 'howto-ecs-basics-color'],
])('familyOf(%s)', (arn, family) => expect(familyOf(arn)).toBe(family));

test.each([
  ['arn:aws:ecs:us-east-1:111122223333:task-definition/color:12', 'color:12'],
  [undefined, 'none'],
])('shortTaskDefinition(%s)', (arn, short) => expect(shortTaskDefinition(arn)).toBe(short));

test('appImages lists the application containers only', () => {
  expect(appImages(v1)).toEqual([`app=${containerOf(v1, 'app').image}`]);
});

test.each([
  [{ name: 'envoy', image: 'x' }, true],
  [{ name: 'proxy', image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1' }, true],
  [{ name: 'xray', image: 'public.ecr.aws/xray/aws-xray-daemon' }, true],
  [{ name: 'otel', image: 'public.ecr.aws/aws-observability/aws-otel-collector:latest' }, true],
  [{ name: 'log_router', image: 'fluent', firelensConfiguration: { type: 'fluentbit' as const } }, true],
  [{ name: 'app', image: 'colorapp:blue' }, false],
])('isSidecarContainer(%o) = %s', (c, expected) => expect(isSidecarContainer(c)).toBe(expected));

test('isEnvoyContainer: the APPMESH proxy container, a container named envoy, or the Envoy image', () => {
  const proxy = { proxyConfiguration: { type: 'APPMESH' as const, containerName: 'sidecar' } };
  expect(isEnvoyContainer({ name: 'sidecar', image: 'custom' }, proxy)).toBe(true);
  expect(isEnvoyContainer({ name: 'sidecar', image: 'custom' }, {})).toBe(false);
  expect(isEnvoyContainer({ name: 'envoy', image: 'custom' }, {})).toBe(true);
  expect(isEnvoyContainer({ name: 'p', image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1' }, {})).toBe(true);
  expect(isEnvoyContainer({ name: 'xray', image: 'public.ecr.aws/xray/aws-xray-daemon' }, {})).toBe(false);
});

test('upsertEnv replaces a variable in place or appends it', () => {
  const env = [
    { name: 'A', value: '1' },
    { name: 'B', value: '2' },
  ];
  expect(upsertEnv(env, 'A', '9')).toEqual([
    { name: 'A', value: '9' },
    { name: 'B', value: '2' },
  ]);
  expect(upsertEnv(env, 'C', '3')).toEqual([...env, { name: 'C', value: '3' }]);
});
