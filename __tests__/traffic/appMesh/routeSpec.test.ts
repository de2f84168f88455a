// App Mesh route specs: only the two weighted targets ever change; everything else a user tuned stays.
import type { RouteSpec } from '@aws-sdk/client-app-mesh';
import { PlanError } from '../../../src/errors.js';
import { weightsFor } from '../../../src/plan/weights.js';
import { newRouteSpec, readWeights, routeKind, withWeights } from '../../../src/traffic/appMesh/routeSpec.js';

const S = 'color-node';
const C = 'color-v2-node';
const targets = (s: number, c: number) => [
  { virtualNode: S, weight: s },
  { virtualNode: C, weight: c },
];

/** One full route of each type, with everything a user may have tuned. */
const routes: Record<string, RouteSpec> = {
  http: {
    priority: 10,
    httpRoute: {
      match: { prefix: '/color', headers: [{ name: 'x-canary', match: { exact: 'yes' } }] },
      action: { weightedTargets: targets(100, 0) },
      retryPolicy: { maxRetries: 2, perRetryTimeout: { unit: 's', value: 1 }, httpRetryEvents: ['server-error'] },
      timeout: { idle: { unit: 's', value: 30 }, perRequest: { unit: 's', value: 5 } },
    },
  },
  http2: {
    http2Route: {
      match: { prefix: '/' },
      action: { weightedTargets: targets(90, 10) },
      timeout: { perRequest: { unit: 'ms', value: 500 } },
    },
  },
  grpc: {
    priority: 1,
    grpcRoute: {
      match: { serviceName: 'color.ColorService', methodName: 'Get' },
      action: { weightedTargets: targets(50, 50) },
      retryPolicy: { maxRetries: 1, perRetryTimeout: { unit: 's', value: 2 }, grpcRetryEvents: ['unavailable'] },
    },
  },
  tcp: {
    tcpRoute: {
      action: { weightedTargets: targets(1, 1).map((t) => ({ ...t, port: 8080 })) },
      timeout: { idle: { unit: 's', value: 60 } },
    },
  },
};

describe.each(Object.entries(routes))('%s route', (_kind, spec) => {
  test.each([0, 37, 100])('set to %i%% keeps everything but the two targets', (w) => {
    const next = withWeights(spec, S, C, weightsFor(w));
    const kind = routeKind(spec);
    const { action: oldAction, ...oldRest } = spec[kind]!;
    const { action: newAction, ...newRest } = next[kind]!;
    expect(newRest).toEqual(oldRest);
    expect(next.priority).toBe(spec.priority);
    const port = oldAction!.weightedTargets![0].port;
    expect(newAction!.weightedTargets).toEqual([
      { virtualNode: S, weight: 100 - w, ...(port ? { port } : {}) },
      { virtualNode: C, weight: w, ...(port ? { port } : {}) },
    ]);
    expect(readWeights(next, S, C, 'r')).toEqual(weightsFor(w));
    expect(spec[kind]!.action).toBe(oldAction); // input untouched
  });
});

test.each([
  [targets(90, 10), { stable: 90, canary: 10 }],
  [[{ virtualNode: S, weight: 1 }], { stable: 100, canary: 0 }],
  [targets(1, 1), { stable: 50, canary: 50 }],
  [targets(2, 1), { stable: 67, canary: 33 }],
  [targets(0, 0), { stable: 100, canary: 0 }],
])('readWeights(%o) is a percentage split', (weightedTargets, expected) => {
  expect(readWeights({ httpRoute: { match: { prefix: '/' }, action: { weightedTargets } } }, S, C, 'r')).toEqual(
    expected,
  );
});

test('a route that targets another node is refused, naming it and the route input', () => {
  const spec: RouteSpec = {
    httpRoute: {
      match: { prefix: '/' },
      action: { weightedTargets: [...targets(50, 40), { virtualNode: 'legacy', weight: 10 }] },
    },
  };
  expect(() => readWeights(spec, S, C, 'color-route')).toThrow(PlanError);
  expect(() => readWeights(spec, S, C, 'color-route')).toThrow(
    /color-route also sends traffic to legacy; .*\(input 'route'\)$/,
  );
});

test('a route with no known section is refused', () => {
  expect(() => routeKind({ priority: 1 })).toThrow(/The route has no http, http2, grpc or tcp section/);
});

test.each([
  ['http', 'httpRoute', { prefix: '/' }],
  ['http2', 'http2Route', { prefix: '/' }],
  ['grpc', 'grpcRoute', {}],
  ['tcp', 'tcpRoute', undefined],
])('newRouteSpec(%s) makes a %s matching everything', (protocol, kind, match) => {
  const spec = newRouteSpec(protocol, S, C, weightsFor(20));
  expect(routeKind(spec)).toBe(kind);
  expect((spec as Record<string, { match?: unknown }>)[kind].match).toEqual(match);
  expect(readWeights(spec, S, C, 'r')).toEqual({ stable: 80, canary: 20 });
});

test('newRouteSpec refuses a listener protocol that cannot be split by weight', () => {
  expect(() => newRouteSpec('udp', S, C, weightsFor(20))).toThrow(
    /listener protocol "udp" cannot be routed by weight \(input 'stable-virtual-node'\)/,
  );
});
