// Traffic simulation: follows a request as Envoy would — virtual service provider → route weights → virtual node →
// its Cloud Map filter → a matching healthy instance → the task behind it → the colorapp answer (its COLOR). A node
// that selects no instance is a failed request (Envoy answers 503).
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

export function simulateTraffic(emulator: Emulator, mesh: string, virtualService: string, requests: number, seed: number): TrafficTally {
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
      let pick = next() * total;
      node = targets.find((t) => (pick -= t.weight) < 0)?.virtualNode;
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
    const query = Object.fromEntries(((cloudMap.attributes ?? []) as { key: string; value: string }[]).map((a) => [a.key, a.value]));
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

/** What the sample's colorapp answers: its COLOR environment variable, else the image tag. */
function colorOf(def: Record<string, any>): string {
  const app = (def.containerDefinitions as Record<string, any>[]).find((c) => c.name === 'app') ?? def.containerDefinitions[0];
  const env = (app.environment as { name: string; value: string }[] | undefined)?.find((e) => e.name === 'COLOR')?.value;
  return env ?? String(app.image).split(':').pop() ?? 'unknown';
}
