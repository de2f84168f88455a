// Traffic simulation: follows a request as Envoy would — virtual service provider → route weights → virtual node →
// its Cloud Map filter → a matching healthy instance → the task behind it → the colorapp answer (its COLOR). A node
// that selects no instance is a failed request (Envoy answers 503). Through VPC Lattice: the service's listener → its
// rules in priority order (lowest number first), the first whose match fits, else the default action → a target group
// by weight → a HEALTHY target of it, uniformly → the task behind it → its COLOR.
import type { HttpMatch, LatticeListener, RuleAction } from './lattice.js';
import type { Emulator } from './server.js';

export interface TrafficTally {
  requests: number;
  failures: number;
  /** Answers by color, e.g. { green: 800, blue: 200 }. */
  colors: Record<string, number>;
  /** Requests by virtual node that served them (including failures). */
  nodes: Record<string, number>;
  /** Failure reasons, counted. */
  errors: Record<string, number>;
}

/** mulberry32: a small seeded PRNG, so a simulation is repeatable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function simulateTraffic(
  emulator: Emulator,
  mesh: string,
  virtualService: string,
  requests: number,
  seed: number,
): TrafficTally {
  const tally: TrafficTally = { requests, failures: 0, colors: {}, nodes: {}, errors: {} };
  const next = random(seed);
  const fail = (reason: string) => {
    tally.failures++;
    tally.errors[reason] = (tally.errors[reason] ?? 0) + 1;
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
      // The highest-priority route (lowest number; unset last) that matches GET /color.
      const routes = emulator.appMesh
        .routesOf(mesh, router)
        .filter((r) => {
          const section = r.spec.httpRoute ?? r.spec.http2Route ?? r.spec.grpcRoute ?? r.spec.tcpRoute;
          const prefix: string | undefined = section?.match?.prefix;
          return prefix === undefined || '/color'.startsWith(prefix);
        })
        .sort((a, b) => (a.spec.priority ?? 1001) - (b.spec.priority ?? 1001));
      const route = routes[0];
      if (!route) {
        fail(`no route of ${router} matches`);
        continue;
      }
      const section = route.spec.httpRoute ?? route.spec.http2Route ?? route.spec.grpcRoute ?? route.spec.tcpRoute;
      const targets: { virtualNode: string; weight: number }[] = section.action.weightedTargets;
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
    const color = colorOf(def);
    tally.colors[color] = (tally.colors[color] ?? 0) + 1;
  }
  return tally;
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
