// Pure App Mesh route-spec edits. Only the two weighted targets ever change; match, priority, retry policy, timeouts
// and the route type are kept as they are.
import type { RouteSpec, WeightedTarget } from '@aws-sdk/client-app-mesh';
import { PlanError } from '../../errors.js';
import { toPercent } from '../../plan/weights.js';
import type { Weights } from '../../model.js';

export const ROUTE_KINDS = ['httpRoute', 'http2Route', 'grpcRoute', 'tcpRoute'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export function routeKind(spec: RouteSpec): RouteKind {
  const kind = ROUTE_KINDS.find((k) => spec[k] !== undefined);
  if (!kind) throw new PlanError('The route has no http, http2, grpc or tcp section', 'route');
  return kind;
}

function targetsOf(spec: RouteSpec): WeightedTarget[] {
  return spec[routeKind(spec)]?.action?.weightedTargets ?? [];
}

/**
 * The route's split as percentages for stable and canary. A route whose targets name any other virtual node is an
 * error: we would silently drop that node's traffic.
 */
export function readWeights(spec: RouteSpec, stableNode: string, canaryNode: string, routeName: string): Weights {
  const targets = targetsOf(spec);
  const others = targets.map((t) => t.virtualNode).filter((n) => n !== stableNode && n !== canaryNode);
  if (others.length > 0) {
    throw new PlanError(
      `Route ${routeName} also sends traffic to ${others.join(', ')}; this action only manages routes whose targets are ${stableNode} and ${canaryNode}`,
      'route',
    );
  }
  const weightOf = (node: string) =>
    targets.filter((t) => t.virtualNode === node).reduce((sum, t) => sum + (t.weight ?? 0), 0);
  return toPercent(weightOf(stableNode), weightOf(canaryNode));
}

/** The same spec with exactly two weighted targets; a target port already on the route is kept. */
export function withWeights(spec: RouteSpec, stableNode: string, canaryNode: string, weights: Weights): RouteSpec {
  const kind = routeKind(spec);
  const next = structuredClone(spec);
  const section = next[kind]!;
  const existing = section.action?.weightedTargets ?? [];
  const port = existing.find((t) => t.port !== undefined)?.port;
  section.action = { ...section.action, weightedTargets: targetList(stableNode, canaryNode, weights, port) };
  return next;
}

function targetList(
  stableNode: string,
  canaryNode: string,
  weights: Weights,
  port: number | undefined,
): WeightedTarget[] {
  const withPort = (t: WeightedTarget): WeightedTarget => (port === undefined ? t : { ...t, port });
  return [
    withPort({ virtualNode: stableNode, weight: weights.stable }),
    withPort({ virtualNode: canaryNode, weight: weights.canary }),
  ];
}

/**
 * A new route for a router whose listener speaks `protocol`: match everything, split by weight (stable only when no
 * canary node is given: a dark launch does not add its canary to the split).
 */
export function newRouteSpec(
  protocol: string,
  stableNode: string,
  canaryNode: string | undefined,
  weights: Weights,
): RouteSpec {
  const weightedTargets = canaryNode
    ? targetList(stableNode, canaryNode, weights, undefined)
    : [{ virtualNode: stableNode, weight: 100 }];
  switch (protocol) {
    case 'http':
      return { httpRoute: { match: { prefix: '/' }, action: { weightedTargets } } };
    case 'http2':
      return { http2Route: { match: { prefix: '/' }, action: { weightedTargets } } };
    case 'grpc':
      return { grpcRoute: { match: {}, action: { weightedTargets } } };
    case 'tcp':
      return { tcpRoute: { action: { weightedTargets } } };
    default:
      throw new PlanError(
        `The stable virtual node's listener protocol "${protocol}" cannot be routed by weight`,
        'stable-virtual-node',
      );
  }
}

/** The canary node's percent of a route's weighted targets (any other targets included in the total). */
export function canaryPercent(spec: RouteSpec, canaryNode: string): number {
  const section = ROUTE_KINDS.map((k) => spec[k]).find((x) => x !== undefined);
  const targets = section?.action?.weightedTargets ?? [];
  const total = targets.reduce((sum, t) => sum + (t.weight ?? 0), 0);
  const canary = targets.filter((t) => t.virtualNode === canaryNode).reduce((sum, t) => sum + (t.weight ?? 0), 0);
  return total === 0 ? 0 : Math.round((canary * 100) / total);
}

/** Whether every weighted target of a route is this node (a preview route this action made for it). */
export function routesOnlyTo(spec: RouteSpec | undefined, node: string): boolean {
  const section = spec && ROUTE_KINDS.map((k) => spec[k]).find((x) => x !== undefined);
  const targets = section?.action?.weightedTargets ?? [];
  return targets.length > 0 && targets.every((t) => t.virtualNode === node);
}

/**
 * The preview route: the weighted route's kind and match plus the header (gRPC: metadata), all of it to the canary,
 * at a priority ahead of the weighted route. A weighted route at priority 0 leaves no room: refused, never reordered.
 */
export function previewSpec(
  weighted: RouteSpec,
  canaryNode: string,
  header: { name: string; value: string },
): RouteSpec {
  const kind = routeKind(weighted);
  if (kind === 'tcpRoute')
    throw new PlanError('A TCP route cannot match headers, so it has no preview route', 'preview-header');
  if (weighted.priority === 0) {
    throw new PlanError(
      'The weighted route has priority 0, so no route can go ahead of it; give it a priority of 1 or more for the preview route',
      'preview-header',
    );
  }
  const section = structuredClone(weighted[kind]!) as NonNullable<RouteSpec['httpRoute']> & {
    match: Record<string, unknown>;
  };
  const match = { exact: header.value };
  const key = kind === 'grpcRoute' ? 'metadata' : 'headers';
  const existing = (section.match?.[key] as unknown[] | undefined) ?? [];
  section.match = { ...section.match, [key]: [...existing, { name: header.name, match }] };
  const port = section.action?.weightedTargets?.find((t) => t.port !== undefined)?.port;
  section.action = {
    weightedTargets: [{ virtualNode: canaryNode, weight: 1, ...(port === undefined ? {} : { port }) }],
  };
  return { [kind]: section, priority: weighted.priority === undefined ? 0 : weighted.priority - 1 } as RouteSpec;
}

/** Whether any weighted target of the route is this node. */
export function mentions(spec: RouteSpec, node: string): boolean {
  const section = ROUTE_KINDS.map((k) => spec[k]).find((x) => x !== undefined);
  return (section?.action?.weightedTargets ?? []).some((t) => t.virtualNode === node);
}
