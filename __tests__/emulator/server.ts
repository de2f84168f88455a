// The emulator's HTTP front: speaks ECS and Cloud Map (awsJson1_1, X-Amz-Target) and App Mesh (restJson1) on
// 127.0.0.1, validates every request against the official AWS API model, and answers with AWS's error names and HTTP
// codes. Test controls: request log, fault and latency injection, rollout delay, state dump, traffic simulation.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppMesh } from './appMesh.js';
import { CloudMap } from './cloudMap.js';
import { ACCOUNT, AwsError } from './common.js';
import { Ecs } from './ecs.js';
import { loadModel, type Model, type Operation } from './model.js';
import { simulateTraffic, type TrafficTally } from './traffic.js';

export type ServiceName = 'ecs' | 'appmesh' | 'servicediscovery';

export interface LoggedRequest {
  service: ServiceName;
  operation: string;
  input: Record<string, unknown>;
  status: number;
  error?: string;
  /** When the request arrived and when it was answered (ms since epoch). */
  start: number;
  end: number;
}

export interface Fault {
  service?: ServiceName;
  operation: string;
  error: string;
  /** How many matching requests fail; then the fault is spent. */
  times: number;
  /** Matching requests to let through first (to fail, say, the second UpdateService of a run). */
  after?: number;
  message?: string;
}

export interface EmulatorOptions {
  region?: string;
  rolloutDelayMs?: number;
  latencyMs?: number;
}

const TARGET_PREFIX: Record<string, ServiceName> = {
  AmazonEC2ContainerServiceV20141113: 'ecs',
  Route53AutoNaming_v20170314: 'servicediscovery',
};

/** Errors each service answers when a request does not fit the model. */
const VALIDATION_ERROR: Record<ServiceName, string> = {
  ecs: 'InvalidParameterException',
  appmesh: 'BadRequestException',
  servicediscovery: 'InvalidInput',
};

const STATUS: Record<string, number> = {
  ThrottlingException: 400,
  TooManyRequestsException: 429,
  AccessDeniedException: 403,
  InternalServerErrorException: 500,
  ServiceUnavailableException: 503,
  ServerException: 500,
  MissingAuthenticationTokenException: 403,
  UnknownOperationException: 400,
};

export class Emulator {
  readonly region: string;
  readonly appMesh: AppMesh;
  readonly cloudMap: CloudMap;
  readonly ecs: Ecs;
  readonly log: LoggedRequest[] = [];
  faults: Fault[] = [];
  latencyMs: number;
  rolloutDelayMs: number;
  private readonly models: Record<ServiceName, Model>;
  private server?: http.Server;
  url = '';

  constructor(opts: EmulatorOptions = {}) {
    this.region = opts.region ?? 'us-east-1';
    this.latencyMs = opts.latencyMs ?? 0;
    this.rolloutDelayMs = opts.rolloutDelayMs ?? 300;
    this.appMesh = new AppMesh(this.region);
    this.cloudMap = new CloudMap(this.region);
    this.ecs = new Ecs({ region: this.region, appMesh: this.appMesh, cloudMap: this.cloudMap, rolloutDelayMs: () => this.rolloutDelayMs });
    this.models = { ecs: loadModel('ecs'), appmesh: loadModel('appmesh'), servicediscovery: loadModel('servicediscovery') };
  }

  static async start(opts: EmulatorOptions = {}): Promise<Emulator> {
    const emulator = new Emulator(opts);
    await emulator.listen();
    return emulator;
  }

  async listen(port = 0): Promise<void> {
    this.server = http.createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }

  /** Environment for a process that should talk to this emulator with the real SDK. */
  env(): Record<string, string> {
    return {
      AWS_ENDPOINT_URL: this.url,
      AWS_REGION: this.region,
      AWS_ACCESS_KEY_ID: 'AKIAEMULATOREXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'emulator/secret/key/EXAMPLEKEY0123456789',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
  }

  /** Fail the next `times` requests of an operation with the named AWS error. */
  inject(fault: Omit<Fault, 'times'> & { times?: number }): void {
    this.faults.push({ times: 1, ...fault });
  }

  calls(filter: { service?: ServiceName; mutating?: boolean } = {}): LoggedRequest[] {
    return this.log.filter(
      (r) => (!filter.service || r.service === filter.service) && (filter.mutating === undefined || filter.mutating === !/^(Describe|List|Get|Discover)/.test(r.operation)),
    );
  }

  private trafficRuns = 0;

  /** Sends `requests` simulated requests to a virtual service and tallies who answered (a new seed each call). */
  traffic(mesh: string, virtualService: string, requests = 1000, seed = ++this.trafficRuns): TrafficTally {
    this.ecs.advance();
    return simulateTraffic(this, mesh, virtualService, requests, seed);
  }

  dump(): unknown {
    this.ecs.advance();
    return {
      ecs: { taskDefinitions: Object.fromEntries(this.ecs.taskDefinitions), services: Object.fromEntries([...this.ecs.services].map(([c, s]) => [c, Object.fromEntries(s)])), tasks: [...this.ecs.tasks.values()] },
      appMesh: Object.fromEntries([...this.appMesh.meshes].map(([name, m]) => [name, { virtualNodes: Object.fromEntries(m.virtualNodes), virtualRouters: Object.fromEntries(m.virtualRouters), routes: Object.fromEntries(m.routes), virtualServices: Object.fromEntries(m.virtualServices) }])),
      cloudMap: { namespaces: [...this.cloudMap.namespaces.values()], services: [...this.cloudMap.services.values()], instances: Object.fromEntries([...this.cloudMap.instances].map(([k, v]) => [k, [...v.values()]])) },
    };
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const start = Date.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://emulator');
    if (url.pathname === '/_emulator/state') return this.reply(res, 200, this.dump());

    const target = req.headers['x-amz-target'];
    let service: ServiceName;
    let operation: Operation | undefined;
    let input: Record<string, unknown> = {};
    let labels: Record<string, string> = {};
    if (typeof target === 'string') {
      const [prefix, name] = target.split('.');
      service = TARGET_PREFIX[prefix];
      operation = service ? this.models[service].operation(name) : undefined;
      if (!service || !operation) return this.fail(res, service ?? 'ecs', name ?? target, {}, new AwsError('UnknownOperationException', `Unknown operation ${target}`), 'json');
      try {
        input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      } catch {
        return this.fail(res, service, operation.name, {}, new AwsError('SerializationException', 'Request body is not valid JSON'), 'json');
      }
    } else {
      service = 'appmesh';
      const found = this.matchRest(req.method ?? 'GET', url.pathname);
      if (!found) return this.fail(res, service, `${req.method} ${url.pathname}`, {}, new AwsError('UnknownOperationException', `No App Mesh operation at ${req.method} ${url.pathname}`, 404), 'rest');
      ({ operation, labels } = found);
      try {
        input = { ...(body ? (JSON.parse(body) as Record<string, unknown>) : {}), ...labels, ...this.queryMembers(operation, url.searchParams) };
      } catch {
        return this.fail(res, service, operation.name, {}, new AwsError('SerializationException', 'Request body is not valid JSON'), 'rest');
      }
    }
    const protocol = service === 'appmesh' ? 'rest' : 'json';
    if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256')) {
      return this.fail(res, service, operation.name, input, new AwsError('MissingAuthenticationTokenException', 'Request is missing a SigV4 Authorization header'), protocol);
    }
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const fault = this.faults.find((f) => f.operation === operation!.name && (!f.service || f.service === service) && f.times > 0);
    if (fault?.after) {
      fault.after -= 1;
    } else if (fault) {
      fault.times -= 1;
      this.faults = this.faults.filter((f) => f.times > 0);
      return this.fail(res, service, operation.name, input, new AwsError(fault.error, fault.message ?? `Injected ${fault.error}`), protocol, start);
    }
    const model = this.models[service];
    const problem = operation.input ? model.validate(operation.input.shape, input) : undefined;
    if (problem) return this.fail(res, service, operation.name, input, new AwsError(VALIDATION_ERROR[service], `1 validation error detected: ${problem}`), protocol, start);
    try {
      const handler = service === 'ecs' ? this.ecs : service === 'appmesh' ? this.appMesh : this.cloudMap;
      const output = handler.handle(operation.name, input) as Record<string, unknown>;
      this.log.push({ service, operation: operation.name, input, status: operation.http.responseCode ?? 200, start, end: Date.now() });
      if (protocol === 'json') return this.reply(res, 200, output);
      const payload = operation.output ? model.shape(operation.output.shape).payload : undefined;
      return this.reply(res, operation.http.responseCode ?? 200, payload ? output[payload] : output);
    } catch (err) {
      if (err instanceof AwsError) return this.fail(res, service, operation.name, input, err, protocol, start);
      return this.fail(res, service, operation.name, input, new AwsError(service === 'appmesh' ? 'InternalServerErrorException' : 'ServerException', String(err), 500), protocol, start);
    }
  }

  private matchRest(method: string, path: string): { operation: Operation; labels: Record<string, string> } | undefined {
    for (const operation of Object.values(this.models.appmesh.api.operations)) {
      if (operation.http.method !== method) continue;
      const names: string[] = [];
      const pattern = operation.http.requestUri.split('?')[0].replace(/\{(\w+)\+?\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      const match = new RegExp(`^${pattern}$`).exec(path);
      if (!match) continue;
      const members = this.models.appmesh.shape(operation.input!.shape).members ?? {};
      const labels: Record<string, string> = {};
      names.forEach((locationName, i) => {
        const member = Object.entries(members).find(([, m]) => m.location === 'uri' && (m.locationName ?? '') === locationName)?.[0] ?? locationName;
        labels[member] = decodeURIComponent(match[i + 1]);
      });
      return { operation, labels };
    }
    return undefined;
  }

  private queryMembers(operation: Operation, params: URLSearchParams): Record<string, unknown> {
    const members = operation.input ? (this.models.appmesh.shape(operation.input.shape).members ?? {}) : {};
    const out: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(members)) {
      if (member.location !== 'querystring') continue;
      const value = params.get(member.locationName ?? name);
      if (value === null) continue;
      out[name] = this.models.appmesh.shape(member.shape).type === 'integer' ? Number(value) : value;
    }
    return out;
  }

  private reply(res: http.ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body ?? {});
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `emu-${this.log.length}`, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private fail(res: http.ServerResponse, service: ServiceName, operation: string, input: Record<string, unknown>, err: AwsError, protocol: 'json' | 'rest', start = Date.now()): void {
    const status = err.status ?? this.models[service].errorStatus(err.code) ?? STATUS[err.code] ?? 400;
    this.log.push({ service, operation, input, status, error: err.code, start, end: Date.now() });
    const body = protocol === 'json' ? { __type: err.code, message: err.message } : { message: err.message };
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': err.code, 'x-amzn-requestid': `emu-${this.log.length}`, 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }
}

export { ACCOUNT };
