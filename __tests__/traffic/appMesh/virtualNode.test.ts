import type { VirtualNodeSpec } from '@aws-sdk/client-app-mesh';
import { PlanError } from '../../../src/errors.js';
import {
  canaryNodeSpec,
  checkIsolation,
  envoyResourceArn,
  filterMatches,
  sameNodeSpec,
  type TaskAttributes,
} from '../../../src/traffic/appMesh/virtualNode.js';

/** The stable color node as deploy/2-meshify.yaml of howto-ecs-basics defines it. */
const stableSpec = (attributes?: { key: string; value: string }[]): VirtualNodeSpec => ({
  listeners: [
    {
      portMapping: { port: 8080, protocol: 'http' },
      healthCheck: {
        protocol: 'http',
        path: '/ping',
        healthyThreshold: 2,
        unhealthyThreshold: 2,
        timeoutMillis: 2000,
        intervalMillis: 5000,
      },
    },
  ],
  serviceDiscovery: {
    awsCloudMap: {
      namespaceName: 'howto-ecs-basics.pvtdns',
      serviceName: 'color',
      ...(attributes ? { attributes } : {}),
    },
  },
  backends: [],
  logging: { accessLog: { file: { path: '/dev/stdout' } } },
});

const stableTasks: TaskAttributes = {
  ECS_SERVICE_NAME: 'color',
  ECS_TASK_DEFINITION_FAMILY: 'howto-ecs-basics-color',
  ECS_CLUSTER_NAME: 'howto',
};
const canaryTasks: TaskAttributes = {
  ECS_SERVICE_NAME: 'color-canary',
  ECS_TASK_DEFINITION_FAMILY: 'howto-ecs-basics-color-canary',
  ECS_CLUSTER_NAME: 'howto',
};
const byService = [{ key: 'ECS_SERVICE_NAME', value: 'color-canary' }];

test('the canary spec is the stable spec with only the Cloud Map filter replaced', () => {
  const stable = stableSpec([{ key: 'ECS_TASK_DEFINITION_FAMILY', value: 'howto-ecs-basics-color' }]);
  const canary = canaryNodeSpec(stable, 'color-node', byService);
  expect(canary.serviceDiscovery).toEqual({
    awsCloudMap: { namespaceName: 'howto-ecs-basics.pvtdns', serviceName: 'color', attributes: byService },
  });
  const { serviceDiscovery: _a, ...restCanary } = canary;
  const { serviceDiscovery: _b, ...restStable } = stable;
  expect(restCanary).toEqual(restStable);
  expect(stable.serviceDiscovery!.awsCloudMap!.attributes).toHaveLength(1);
});

test('a stable node on DNS discovery is refused', () => {
  const dns: VirtualNodeSpec = { ...stableSpec(), serviceDiscovery: { dns: { hostname: 'color.local' } } };
  expect(() => canaryNodeSpec(dns, 'color-node', byService)).toThrow(
    /Cloud Map discovery required: virtual node color-node uses DNS/,
  );
});

test.each([
  [[], canaryTasks, true],
  [[{ key: 'ECS_CLUSTER_NAME', value: 'howto' }], canaryTasks, true],
  [[{ key: 'AVAILABILITY_ZONE', value: 'ap-northeast-1a' }], canaryTasks, true],
  [[{ key: 'ECS_TASK_DEFINITION_FAMILY', value: 'howto-ecs-basics-color' }], canaryTasks, false],
  [[{ key: 'ECS_TASK_DEFINITION_FAMILY', value: 'howto-ecs-basics-color' }], stableTasks, true],
  [
    [
      { key: 'ECS_SERVICE_NAME', value: 'color' },
      { key: 'ECS_CLUSTER_NAME', value: 'howto' },
    ],
    stableTasks,
    true,
  ],
  [
    [
      { key: 'ECS_SERVICE_NAME', value: 'color' },
      { key: 'ECS_CLUSTER_NAME', value: 'other' },
    ],
    stableTasks,
    false,
  ],
  [[{ key: 'team', value: 'a' }], stableTasks, false],
])('filterMatches(%o, %o) = %s', (filter, task, expected) => expect(filterMatches(filter, task)).toBe(expected));

describe('checkIsolation', () => {
  const check = (stableAttrs: { key: string; value: string }[] | undefined, canaryAttributes = byService) =>
    checkIsolation({
      stableNode: 'color-node',
      stableSpec: stableSpec(stableAttrs),
      canaryAttributes,
      stableTasks,
      canaryTasks,
    });

  test("passes for the sample's family filter and a service-name canary filter", () => {
    expect(() => check([{ key: 'ECS_TASK_DEFINITION_FAMILY', value: 'howto-ecs-basics-color' }])).not.toThrow();
  });

  test('a stable node with no attribute filter fails and prints the filter to add', () => {
    let error: unknown;
    try {
      check(undefined);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanError);
    expect((error as Error).message).toContain('also selects the canary');
    expect((error as Error).message).toContain(
      '{"awsCloudMap":{"namespaceName":"howto-ecs-basics.pvtdns","serviceName":"color","attributes":[{"key":"ECS_SERVICE_NAME","value":"color"}]}}',
    );
  });

  test('a canary filter that misses the canary tasks fails', () => {
    expect(() =>
      check([{ key: 'ECS_SERVICE_NAME', value: 'color' }], [{ key: 'ECS_SERVICE_NAME', value: 'typo' }]),
    ).toThrow(/does not select the canary/);
  });

  test('a canary filter that also selects stable tasks fails', () => {
    expect(() =>
      check([{ key: 'ECS_SERVICE_NAME', value: 'color' }], [{ key: 'ECS_CLUSTER_NAME', value: 'howto' }]),
    ).toThrow(/also selects the stable tasks/);
  });
});

test.each([
  [undefined, 'mesh/m/virtualNode/v2'],
  ['444455556666', 'arn:aws:appmesh:eu-west-1:444455556666:mesh/m/virtualNode/v2'],
])('envoyResourceArn with mesh-owner %s', (meshOwner, expected) => {
  expect(
    envoyResourceArn({
      mesh: 'm',
      meshOwner,
      node: 'v2',
      stableNodeArn: 'arn:aws:appmesh:eu-west-1:444455556666:mesh/m/virtualNode/v1',
    }),
  ).toBe(expected);
});

test('a stable node with no service discovery at all is refused', () => {
  expect(() => canaryNodeSpec({ listeners: [] }, 'color-node', byService)).toThrow(
    /virtual node color-node uses no service discovery/,
  );
});

test('sameNodeSpec ignores key order and the empty lists App Mesh leaves out', () => {
  const spec = stableSpec([{ key: 'ECS_SERVICE_NAME', value: 'color' }]);
  const reordered = Object.fromEntries(Object.entries(spec).reverse()) as VirtualNodeSpec;
  expect(sameNodeSpec(spec, { ...reordered, backends: undefined })).toBe(true);
  expect(sameNodeSpec(spec, stableSpec([{ key: 'ECS_SERVICE_NAME', value: 'color-canary' }]))).toBe(false);
});
