// Traffic simulation: follows a request as Envoy would — virtual service provider → the virtual router's routes in
// App Mesh's order (priority, lowest first; routes without one after, longest match first), the first whose match fits
// the request (path, method, headers) → its weighted targets → virtual node → its Cloud Map filter → a matching healthy
// instance → the task behind it → the colorapp answer (its COLOR). A node that selects no instance is a failed request
// (Envoy answers 503). Through VPC Lattice: the service's listener → its rules in priority order (lowest number
// first), the first whose match fits, else the default action → a target group by weight → a HEALTHY target of it,
// uniformly → the task behind it → its COLOR. Either way a task running an image in `brokenImages` answers 5xx.
import type { Resource } from './appMesh.js';
import { LATTICE_SAMPLE, SAMPLE } from './fixture.js';
import type { HttpMatch, LatticeListener, RuleAction } from './lattice.js';
import type { Emulator } from './server.js';
import { random } from './common.js';

export interface TrafficTally {
  requests: number;
  failures: number;
  /** Answers by color, e.g. { green: 800, blue: 200 }. */
  colors: Record<string, number>;
  /** Requests by virtual node that served them (including failures). */
  nodes: Record<string, number>;
  /** Failure reasons, counted; `5xx` is an answer from a task running an image in `emulator.brokenImages`. */
  errors: Record<string, number>;
}

/** A simulated request through App Mesh: GET /color unless told otherwise. */
export interface TrafficOptions {
  /** Request headers (names are matched case-insensitively, as HTTP has them). */
  headers?: Record<string, string>;
  method?: string;
  /** The request path, with a query string if any; default /color. */
  path?: string;
  seed?: number;
}

interface MeshRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Map<string, string>;
}

export function simulateTraffic(
  emulator: Emulator,
  mesh: string,
  virtualService: string,
  requests: number,
  opts: TrafficOptions & { seed: number },
): TrafficTally {
  const tally: TrafficTally = { requests, failures: 0, colors: {}, nodes: {}, errors: {} };
  const next = random(opts.seed);
  const fail = (reason: string) => {
    tally.failures++;
    tally.errors[reason] = (tally.errors[reason] ?? 0) + 1;
  };
  const url = new URL(opts.path ?? '/color', 'http://mesh.local');
  const request: MeshRequest = {
    method: (opts.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers: new Map(Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  for (let i = 0; i < requests; i++) {
    const vs = emulator.appMesh.resource(mesh, 'VirtualService', virtualService);
    if (!vs) {
      fail(`virtual service ${virtualService} not found`);
      continue;
    }
    let node: string | undefined = vs.spec.provider?.virtualNode?.virtualNodeName;
    const router: string | undefined = vs.spec.provider?.virtualRouter?.virtualRouterName;
    if (router) {
      const route = selectRoute(emulator.appMesh.routesOf(mesh, router), request);
      if (!route) {
        fail(`no route of ${router} matches`);
        continue;
      }
      const targets: { virtualNode: string; weight: number }[] = routeSection(route.spec).action.weightedTargets;
      const total = targets.reduce((sum, t) => sum + t.weight, 0);
      const pick = next() * total;
      node = weighted(targets, (t) => t.weight, pick)?.virtualNode;
      if (!node) {
        fail('all route weights are 0');
        continue;
      }
    }
    if (!node) {
      fail(`virtual service ${virtualService} has no provider`);
      continue;
    }
    tally.nodes[node] = (tally.nodes[node] ?? 0) + 1;
    const spec = emulator.appMesh.resource(mesh, 'VirtualNode', node)?.spec;
    const cloudMap = spec?.serviceDiscovery?.awsCloudMap;
    if (!cloudMap) {
      fail(`virtual node ${node} has no Cloud Map discovery`);
      continue;
    }
    const query = Object.fromEntries(
      ((cloudMap.attributes ?? []) as { key: string; value: string }[]).map((a) => [a.key, a.value]),
    );
    const instances = emulator.cloudMap.discover(cloudMap.namespaceName, cloudMap.serviceName, query);
    if (instances.length === 0) {
      fail(`virtual node ${node} selects no healthy instance`);
      continue;
    }
    const instance = instances[Math.floor(next() * instances.length)];
    const task = emulator.ecs.tasks.get(instance.Id);
    const def = task && emulator.ecs.taskDefinition(task.taskDefinitionArn);
    if (!def) {
      fail(`instance ${instance.Id} has no running task`);
      continue;
    }
    if (isBroken(emulator, def)) {
      fail('5xx');
      continue;
    }
    const color = colorOf(def);
    tally.colors[color] = (tally.colors[color] ?? 0) + 1;
  }
  return tally;
}

type Json = Record<string, any>;

function routeSection(spec: Json): Json {
  return spec.httpRoute ?? spec.http2Route ?? spec.grpcRoute ?? spec.tcpRoute;
}

/**
 * The route of a virtual router that takes the request: routes with a priority first, lowest number first (0 is the
 * highest priority), then routes without one, the longest prefix or path first (as App Mesh orders them for Envoy);
 * the first whose match fits. Ties keep creation order.
 */
function selectRoute(routes: Resource[], request: MeshRequest): Resource | undefined {
  const specificity = (r: Resource) => {
    const match = routeSection(r.spec)?.match ?? {};
    return String(match.prefix ?? match.path?.exact ?? match.path?.regex ?? '').length;
  };
  const ordered = [...routes].sort((a, b) => {
    const [pa, pb] = [a.spec.priority, b.spec.priority];
    if (pa !== undefined && pb !== undefined) return pa - pb;
    if (pa !== undefined) return -1;
    if (pb !== undefined) return 1;
    return specificity(b) - specificity(a);
  });
  return ordered.find((r) => routeMatches(r.spec, request));
}

/** Whether a route's match fits the request (App Mesh HttpRouteMatch, GrpcRouteMatch; a TCP route takes all). */
function routeMatches(spec: Json, request: MeshRequest): boolean {
  if (spec.tcpRoute) return true;
  if (spec.grpcRoute) {
    const m = spec.grpcRoute.match ?? {};
    if (m.serviceName && !request.path.startsWith(`/${m.serviceName}/${m.methodName ?? ''}`)) return false;
    return ((m.metadata ?? []) as HeaderMatcher[]).every((h) => headerMatches(h, request.headers));
  }
  const m = (spec.httpRoute ?? spec.http2Route)?.match;
  if (!m) return false;
  if (m.method && m.method.toUpperCase() !== request.method) return false;
  if (m.prefix !== undefined && !request.path.startsWith(m.prefix)) return false;
  if (m.path?.exact !== undefined && request.path !== m.path.exact) return false;
  if (m.path?.regex !== undefined && !fullMatch(m.path.regex, request.path)) return false;
  for (const q of (m.queryParameters ?? []) as { name: string; match?: { exact?: string } }[]) {
    const value = request.query.get(q.name);
    if (value === null || (q.match?.exact !== undefined && value !== q.match.exact)) return false;
  }
  return ((m.headers ?? []) as HeaderMatcher[]).every((h) => headerMatches(h, request.headers));
}

interface HeaderMatcher {
  name: string;
  invert?: boolean;
  match?: {
    exact?: string;
    prefix?: string;
    suffix?: string;
    regex?: string;
    range?: { start: number; end: number };
  };
}

/**
 * An App Mesh header match, as Envoy evaluates it: a missing header fails every match (an inverted one too) except an
 * inverted presence match (no `match`); a range is [start, end) over an integer value; a regex matches the whole
 * value; `invert` negates the result for a present header.
 */
function headerMatches(h: HeaderMatcher, headers: Map<string, string>): boolean {
  const value = headers.get(h.name.toLowerCase());
  if (value === undefined) return !h.match && !!h.invert;
  const m = h.match;
  let match: boolean;
  if (!m) match = true;
  else if (m.exact !== undefined) match = value === m.exact;
  else if (m.prefix !== undefined) match = value.startsWith(m.prefix);
  else if (m.suffix !== undefined) match = value.endsWith(m.suffix);
  else if (m.regex !== undefined) match = fullMatch(m.regex, value);
  else if (m.range) match = /^[+-]?\d+$/.test(value) && Number(value) >= m.range.start && Number(value) < m.range.end;
  else match = true;
  return match !== !!h.invert;
}

function fullMatch(source: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${source})$`, 'u').test(value);
  } catch {
    return false;
  }
}

/** Whether a task of this definition answers 5xx: one of its containers runs an image in `emulator.brokenImages`. */
function isBroken(emulator: Emulator, def: Json): boolean {
  return (def.containerDefinitions as Json[]).some((c) => emulator.brokenImages.has(c.image));
}

/**
 * Where Emulator.canaryWeight looks. App Mesh: a route (default: the sample's) whose weighted targets other than
 * `stableNode` are the canary. VPC Lattice: a service's listener (default: the Lattice sample's, its first listener)
 * and its default action, or `rule`, whose forward target groups other than `stableTargetGroup` are the canary.
 */
export interface CanaryWhere {
  mesh?: string;
  virtualRouter?: string;
  route?: string;
  stableNode?: string;
  latticeService?: string;
  listener?: string;
  rule?: string;
  stableTargetGroup?: string;
}

/** The canary's share (percent, 0–100) of the weights where it is routed; the larger if both exist, else undefined. */
export function canaryWeight(emulator: Emulator, where: CanaryWhere = {}): number | undefined {
  const shares: number[] = [];
  const route = emulator.appMesh.resource(
    where.mesh ?? SAMPLE.mesh,
    'Route',
    where.route ?? SAMPLE.route,
    where.virtualRouter ?? SAMPLE.virtualRouter,
  );
  if (route) {
    const stable = where.stableNode ?? SAMPLE.stableNode;
    const targets = (routeSection(route.spec)?.action?.weightedTargets ?? []) as {
      virtualNode: string;
      weight: number;
    }[];
    shares.push(share(targets.map((t) => ({ weight: t.weight, canary: t.virtualNode !== stable }))));
  }
  const ref = where.latticeService ?? LATTICE_SAMPLE.service;
  const service = [...emulator.lattice.services.values()].find((s) => [s.id, s.arn, s.name].includes(ref));
  const listeners = service ? [...service.listeners.values()] : [];
  const listener = where.listener
    ? listeners.find((l) => [l.id, l.arn, l.name].includes(where.listener!))
    : listeners[0];
  const rule = where.rule
    ? [...(listener?.rules.values() ?? [])].find((r) => [r.id, r.arn, r.name].includes(where.rule!))
    : undefined;
  const action = where.rule ? rule?.action : listener?.defaultAction;
  if (action) {
    const stable = emulator.lattice.findTargetGroup(where.stableTargetGroup ?? LATTICE_SAMPLE.targetGroup)?.id;
    const groups = action.forward?.targetGroups ?? [];
    shares.push(share(groups.map((g) => ({ weight: g.weight ?? 1, canary: g.targetGroupIdentifier !== stable }))));
  }
  return shares.length ? Math.max(...shares) : undefined;
}

function share(weights: { weight: number; canary: boolean }[]): number {
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  const canary = weights.filter((w) => w.canary).reduce((sum, w) => sum + w.weight, 0);
  return total > 0 ? (canary / total) * 100 : 0;
}

export interface LatticeTrafficOptions {
  /** Request headers (names are matched case-insensitively, as HTTP has them). */
  headers?: Record<string, string>;
  method?: string;
  path?: string;
  /** The listener (ID, ARN or name); by default the service's first. */
  listener?: string;
  seed?: number;
}

/**
 * The App Mesh tally's shape (`nodes` stays empty). A fixed-response action counts as a failure ("fixed response 404").
 */
export interface LatticeTrafficTally extends TrafficTally {
  /** Requests by target group name that a forward action chose (including failures within the group). */
  targetGroups: Record<string, number>;
}

interface LatticeRequest {
  method: string;
  path: string;
  headers: Map<string, string>;
}

export function simulateLatticeTraffic(
  emulator: Emulator,
  service: string,
  requests: number,
  opts: LatticeTrafficOptions & { seed: number },
): LatticeTrafficTally {
  const tally: LatticeTrafficTally = { requests, failures: 0, colors: {}, nodes: {}, errors: {}, targetGroups: {} };
  const next = random(opts.seed);
  const request: LatticeRequest = {
    method: opts.method ?? 'GET',
    path: opts.path ?? '/color',
    headers: new Map(Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  for (let i = 0; i < requests; i++) {
    const answer = latticeRequest(emulator, service, request, opts.listener, next, tally);
    if ('color' in answer) {
      tally.colors[answer.color] = (tally.colors[answer.color] ?? 0) + 1;
    } else {
      tally.failures++;
      tally.errors[answer.failure] = (tally.errors[answer.failure] ?? 0) + 1;
    }
  }
  return tally;
}

type Answer = { color: string } | { failure: string };

/** One request through Lattice: the action that applies, a target group by weight, a healthy target, its task. */
function latticeRequest(
  emulator: Emulator,
  service: string,
  request: LatticeRequest,
  listenerRef: string | undefined,
  next: () => number,
  tally: LatticeTrafficTally,
): Answer {
  const lattice = emulator.lattice;
  const svc = [...lattice.services.values()].find((s) => [s.id, s.arn, s.name].includes(service));
  if (!svc) return { failure: `service ${service} not found` };
  const listeners = [...svc.listeners.values()];
  const listener: LatticeListener | undefined = listenerRef
    ? listeners.find((l) => [l.id, l.arn, l.name].includes(listenerRef))
    : listeners[0];
  if (!listener) return { failure: `service ${service} has no listener ${listenerRef ?? ''}`.trim() };
  const rule = lattice.rulesOf(listener).find((r) => httpMatches(r.match.httpMatch, request));
  const action: RuleAction = rule?.action ?? listener.defaultAction;
  if (action.fixedResponse) return { failure: `fixed response ${action.fixedResponse.statusCode}` };
  const groups = action.forward?.targetGroups ?? [];
  const total = groups.reduce((sum, g) => sum + (g.weight ?? 1), 0);
  const pick = next() * total;
  const chosen = total > 0 ? weighted(groups, (g) => g.weight ?? 1, pick) : undefined;
  const group = chosen && lattice.findTargetGroup(chosen.targetGroupIdentifier);
  if (!group) {
    return {
      failure: total > 0 ? `target group ${chosen?.targetGroupIdentifier} not found` : 'all target group weights are 0',
    };
  }
  tally.targetGroups[group.name] = (tally.targetGroups[group.name] ?? 0) + 1;
  const inUse = lattice.inUse();
  const healthy = [...group.targets.values()].filter((t) => lattice.targetStatus(group, t, inUse) === 'HEALTHY');
  if (healthy.length === 0) return { failure: `no healthy target in tg ${group.name}` };
  const target = healthy[Math.floor(next() * healthy.length)];
  const task = target.taskId ? emulator.ecs.tasks.get(target.taskId) : undefined;
  const def = task && emulator.ecs.taskDefinition(task.taskDefinitionArn);
  if (!def) return { failure: `target ${target.id}:${target.port} has no running task` };
  if (isBroken(emulator, def)) return { failure: '5xx' };
  return { color: colorOf(def) };
}

/** Whether a rule's HTTP match fits the request: method, path (exact or prefix) and every header match. */
function httpMatches(match: HttpMatch | undefined, request: LatticeRequest): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== request.method.toUpperCase()) return false;
  const path = match.pathMatch;
  if (path) {
    const fold = (v: string) => (path.caseSensitive ? v : v.toLowerCase());
    if (path.match.exact !== undefined && fold(request.path) !== fold(path.match.exact)) return false;
    if (path.match.prefix !== undefined && !fold(request.path).startsWith(fold(path.match.prefix))) return false;
  }
  return (match.headerMatches ?? []).every((h) => {
    const value = request.headers.get(h.name.toLowerCase());
    if (value === undefined) return false;
    const fold = (v: string) => (h.caseSensitive ? v : v.toLowerCase());
    if (h.match.exact !== undefined) return fold(value) === fold(h.match.exact);
    if (h.match.prefix !== undefined) return fold(value).startsWith(fold(h.match.prefix));
    return h.match.contains !== undefined && fold(value).includes(fold(h.match.contains));
  });
}

/** What the sample's colorapp answers: its COLOR environment variable, else the image tag. */
function colorOf(def: Record<string, any>): string {
  const app =
    (def.containerDefinitions as Record<string, any>[]).find((c) => c.name === 'app') ?? def.containerDefinitions[0];
  const env = (app.environment as { name: string; value: string }[] | undefined)?.find(
    (e) => e.name === 'COLOR',
  )?.value;
  return env ?? String(app.image).split(':').pop() ?? 'unknown';
}

/** The item whose cumulative weight first passes `pick` (0 ≤ pick < total); items at weight 0 are never chosen. */
function weighted<T>(items: T[], weightOf: (item: T) => number, pick: number): T | undefined {
  let left = pick;
  for (const item of items) {
    const weight = weightOf(item);
    if (weight <= 0) continue;
    left -= weight;
    if (left < 0) return item;
  }
  return undefined;
}
