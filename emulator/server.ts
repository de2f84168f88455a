// The emulator's HTTP front: speaks ECS and Cloud Map (awsJson1_1, X-Amz-Target), CloudWatch (awsJson1_0,
// X-Amz-Target, query-compatible errors), App Mesh and VPC Lattice (restJson1) and Elastic Load Balancing v2 (awsQuery:
// form-encoded requests, XML answers; see elbv2.ts) on 127.0.0.1, validates every request
// against the official AWS API model, and answers with AWS's error names and HTTP codes. Test controls: request log,
// fault and latency injection, rollout delay, Lattice health checks, CloudWatch alarm states, broken images, state
// dump, traffic simulation (through App Mesh or through VPC Lattice).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppMesh } from './appMesh.js';
import { CloudMap } from './cloudMap.js';
import { CloudWatch } from './cloudWatch.js';
import { ACCOUNT, AwsError } from './common.js';
import { Ecs } from './ecs.js';
import { decodeQueryRequest, Elbv2, isQueryRequest, queryError, queryResponse } from './elbv2.js';
import { Lattice } from './lattice.js';
import { loadModel, type Model, type Operation } from './model.js';
import {
  type CanaryWhere,
  canaryWeight,
  type LatticeTrafficOptions,
  type LatticeTrafficTally,
  simulateLatticeTraffic,
  simulateTraffic,
  type TrafficOptions,
  type TrafficTally,
} from './traffic.js';

export type ServiceName = 'ecs' | 'appmesh' | 'servicediscovery' | 'vpc-lattice' | 'cloudwatch' | 'elbv2';
type RestService = 'appmesh' | 'vpc-lattice';
const REST_SERVICES: RestService[] = ['appmesh', 'vpc-lattice'];
const PROTOCOL: Record<ServiceName, 'json' | 'rest' | 'query'> = {
  ecs: 'json',
  servicediscovery: 'json',
  cloudwatch: 'json',
  appmesh: 'rest',
  'vpc-lattice': 'rest',
  elbv2: 'query',
};

interface Parsed {
  service: ServiceName;
  operation: Operation;
  input: Record<string, unknown>;
}
interface Unparsed {
  service: ServiceName;
  name: string;
  error: AwsError;
}

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
  /** The operation that fails, or `*` for every operation (credentials that expired, say). */
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
  /** ListTargets polls of its group for which a new Lattice target of a group in use reports INITIAL (default 2). */
  latticeHealthyAfterPolls?: number;
  /** Or how long after its health checks started a Lattice target reports HEALTHY (default: polls only). */
  latticeHealthyAfterMs?: number;
  /** How long a target of an ELBv2 target group in use reports `initial` before `healthy` (default 300 ms). */
  elbv2HealthyAfterMs?: number;
}

const TARGET_PREFIX: Record<string, ServiceName> = {
  AmazonEC2ContainerServiceV20141113: 'ecs',
  Route53AutoNaming_v20170314: 'servicediscovery',
  GraniteServiceVersion20100801: 'cloudwatch',
};

/** awsJson1_0 (CloudWatch) or awsJson1_1 (ECS, Cloud Map). */
const JSON_VERSION: Partial<Record<ServiceName, string>> = { cloudwatch: '1.0' };

/**
 * CloudWatch is query-compatible: its errors carry the awsQuery code in x-amzn-query-error (`Code;Sender`), and the
 * SDK names the error by it. Codes of errors newer than the model (the SDK has ValidationException) or unmodelled.
 */
const QUERY_CODE: Record<string, string> = {
  ValidationException: 'ValidationError',
  ThrottlingException: 'Throttling',
};

/** Errors each service answers when a request does not fit the model. */
const VALIDATION_ERROR: Record<ServiceName, string> = {
  ecs: 'InvalidParameterException',
  appmesh: 'BadRequestException',
  servicediscovery: 'InvalidInput',
  'vpc-lattice': 'ValidationException',
  cloudwatch: 'ValidationException',
  elbv2: 'ValidationError',
};

const INTERNAL_ERROR: Record<ServiceName, string> = {
  ecs: 'ServerException',
  appmesh: 'InternalServerErrorException',
  servicediscovery: 'ServerException',
  'vpc-lattice': 'InternalServerException',
  cloudwatch: 'InternalServiceFault',
  elbv2: 'InternalFailure',
};

function validationError(service: ServiceName, problem: string): AwsError {
  const message = `1 validation error detected: ${problem}`;
  if (service !== 'vpc-lattice') return new AwsError(VALIDATION_ERROR[service], message);
  const fieldList = [{ name: problem.split(' ')[0].replace(/^input\./, ''), message: problem }];
  return new AwsError(VALIDATION_ERROR[service], message, undefined, { reason: 'fieldValidationFailed', fieldList });
}

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
  /** VPC Lattice; its test controls are `unhealthyImages` and `markHealthy()`. */
  readonly lattice: Lattice;
  /** CloudWatch alarms; test controls putMetricAlarm, putCompositeAlarm, setState, setStateWhen, tieToErrors. */
  readonly cloudWatch: CloudWatch;
  /** Elastic Load Balancing v2 (ALB); its test controls are `markHealthy()`, `markUnhealthy()` and `traffic()`. */
  readonly elbv2: Elbv2;
  /** Images whose tasks run and pass health checks but answer 5xx (`errors['5xx']` in the traffic tallies). */
  readonly brokenImages = new Set<string>();
  readonly log: LoggedRequest[] = [];
  faults: Fault[] = [];
  /**
   * Runs once, right before the next valid request of `operation` is handled: another writer acting at exactly that
   * moment (a race driven deterministically, not by timing luck).
   */
  beforeHandle: { operation: string; run(input: Record<string, unknown>): void }[] = [];
  latencyMs: number;
  rolloutDelayMs: number;
  /** ListTargets polls of its group for which a new Lattice target of a group in use reports INITIAL. */
  latticeHealthyAfterPolls: number;
  /** Or how long after its health checks started a Lattice target reports HEALTHY, when set. */
  latticeHealthyAfterMs?: number;
  /** How long a target of an ELBv2 target group in use reports `initial` before `healthy`. */
  elbv2HealthyAfterMs: number;
  private readonly models: Record<ServiceName, Model>;
  private readonly handlers: Record<ServiceName, { handle(operation: string, input: Record<string, any>): unknown }>;
  private server?: http.Server;
  url = '';

  constructor(opts: EmulatorOptions = {}) {
    this.region = opts.region ?? 'us-east-1';
    this.latencyMs = opts.latencyMs ?? 0;
    this.rolloutDelayMs = opts.rolloutDelayMs ?? 300;
    this.latticeHealthyAfterPolls = opts.latticeHealthyAfterPolls ?? 2;
    this.latticeHealthyAfterMs = opts.latticeHealthyAfterMs;
    this.elbv2HealthyAfterMs = opts.elbv2HealthyAfterMs ?? 300;
    this.appMesh = new AppMesh(this.region);
    this.cloudMap = new CloudMap(this.region);
    this.lattice = new Lattice({
      region: this.region,
      healthyAfterPolls: () => this.latticeHealthyAfterPolls,
      healthyAfterMs: () => this.latticeHealthyAfterMs,
    });
    this.elbv2 = new Elbv2({ region: this.region, healthyAfterMs: () => this.elbv2HealthyAfterMs });
    this.ecs = new Ecs({
      region: this.region,
      appMesh: this.appMesh,
      cloudMap: this.cloudMap,
      lattice: this.lattice,
      elbv2: this.elbv2,
      rolloutDelayMs: () => this.rolloutDelayMs,
    });
    this.cloudWatch = new CloudWatch({ region: this.region, emulator: this });
    this.ecs.serviceDeployments.alarmState = (name) => this.cloudWatch.alarms.get(name)?.state;
    this.models = {
      ecs: loadModel('ecs'),
      appmesh: loadModel('appmesh'),
      servicediscovery: loadModel('servicediscovery'),
      'vpc-lattice': loadModel('vpc-lattice'),
      cloudwatch: loadModel('cloudwatch'),
      elbv2: loadModel('elbv2'),
    };
    this.handlers = {
      ecs: this.ecs,
      appmesh: this.appMesh,
      servicediscovery: this.cloudMap,
      'vpc-lattice': this.lattice,
      cloudwatch: this.cloudWatch,
      elbv2: this.elbv2,
    };
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
  /** Config for an SDK client of the tests: one attempt per call, so a test sees the emulator's answer, not retries. */
  clientConfig() {
    return {
      endpoint: this.url,
      region: this.region,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      maxAttempts: 1,
    };
  }

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
      (r) =>
        (!filter.service || r.service === filter.service) &&
        (filter.mutating === undefined || filter.mutating === !/^(Describe|List|Get|Discover)/.test(r.operation)),
    );
  }

  private trafficRuns = 0;

  /**
   * Sends `requests` simulated requests (GET /color with `opts.headers`, or `opts.method` and `opts.path`) to a virtual
   * service and tallies who answered: the router's routes in App Mesh's order, the first that matches, its weighted
   * targets. A new seed each call unless `opts.seed` (or a number in its place, the older signature).
   */
  traffic(mesh: string, virtualService: string, requests = 1000, opts: TrafficOptions | number = {}): TrafficTally {
    const options = typeof opts === 'number' ? { seed: opts } : opts;
    this.ecs.advance();
    this.cloudWatch.evaluate();
    const tally = simulateTraffic(this, mesh, virtualService, requests, {
      ...options,
      seed: options.seed ?? ++this.trafficRuns,
    });
    this.cloudWatch.recordTraffic(tally);
    return tally;
  }

  /**
   * Sends `requests` simulated requests (GET /color with `opts.headers`) to a VPC Lattice service (name, ID or ARN)
   * and tallies who answered: listener rules in priority order, else the default action; weighted target groups; a
   * HEALTHY target of the group, uniformly; the COLOR its task answers. A new seed each call unless `opts.seed`.
   */
  latticeTraffic(service: string, requests = 1000, opts: LatticeTrafficOptions = {}): LatticeTrafficTally {
    this.ecs.advance();
    this.cloudWatch.evaluate();
    const tally = simulateLatticeTraffic(this, service, requests, { ...opts, seed: opts.seed ?? ++this.trafficRuns });
    this.cloudWatch.recordTraffic(tally);
    return tally;
  }

  /**
   * The canary's share of traffic in percent (0–100): on the App Mesh sample route, the weight of targets other than
   * the stable node; on the Lattice sample listener's default action, of target groups other than the stable group;
   * the larger if both exist, undefined if neither. `where` names another route, listener, rule or stable side.
   */
  canaryWeight(where: CanaryWhere = {}): number | undefined {
    return canaryWeight(this, where);
  }

  dump(): unknown {
    this.ecs.advance();
    return {
      ecs: {
        taskDefinitions: Object.fromEntries(this.ecs.taskDefinitions),
        services: Object.fromEntries([...this.ecs.services].map(([c, s]) => [c, Object.fromEntries(s)])),
        tasks: [...this.ecs.tasks.values()],
      },
      appMesh: Object.fromEntries(
        [...this.appMesh.meshes].map(([name, m]) => [
          name,
          {
            virtualNodes: Object.fromEntries(m.virtualNodes),
            virtualRouters: Object.fromEntries(m.virtualRouters),
            routes: Object.fromEntries(m.routes),
            virtualServices: Object.fromEntries(m.virtualServices),
          },
        ]),
      ),
      cloudMap: {
        namespaces: [...this.cloudMap.namespaces.values()],
        services: [...this.cloudMap.services.values()],
        instances: Object.fromEntries([...this.cloudMap.instances].map(([k, v]) => [k, [...v.values()]])),
      },
      lattice: this.lattice.dump(),
      cloudWatch: this.cloudWatch.dump(),
      elbv2: this.elbv2.dump(),
      brokenImages: [...this.brokenImages],
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
    const parsed =
      typeof target === 'string'
        ? this.parseJson(target, body)
        : isQueryRequest(req.headers['content-type'])
          ? this.parseQuery(body)
          : this.parseRest(req, url, body);
    if ('error' in parsed) {
      return this.fail(res, parsed.service, parsed.name, {}, parsed.error, PROTOCOL[parsed.service]);
    }
    const { service, operation, input } = parsed;
    const protocol = PROTOCOL[service];
    if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256')) {
      return this.fail(
        res,
        service,
        operation.name,
        input,
        new AwsError('MissingAuthenticationTokenException', 'Request is missing a SigV4 Authorization header'),
        protocol,
      );
    }
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const fault = this.takeFault(service, operation.name);
    if (fault) {
      return this.fail(
        res,
        service,
        operation.name,
        input,
        new AwsError(fault.error, fault.message ?? `Injected ${fault.error}`),
        protocol,
        start,
      );
    }
    const model = this.models[service];
    const problem = operation.input ? model.validate(operation.input.shape, input) : undefined;
    if (problem) {
      return this.fail(res, service, operation.name, input, validationError(service, problem), protocol, start);
    }
    try {
      this.ecs.advance(); // time passes for every service: rollouts due by now resolve (and register Lattice targets)
      this.cloudWatch.evaluate(); // alarm conditions hold as of now…
      const hook = this.beforeHandle.find((h) => h.operation === operation!.name);
      if (hook) {
        this.beforeHandle = this.beforeHandle.filter((h) => h !== hook);
        hook.run(input);
      }
      const output = this.handlers[service].handle(operation.name, input) as Record<string, unknown>;
      this.cloudWatch.evaluate(); // …and as of this request's change (a route weight, say)
      const status = protocol === 'json' ? 200 : (operation.http.responseCode ?? 200);
      this.log.push({ service, operation: operation.name, input, status, start, end: Date.now() });
      if (protocol === 'query') {
        return this.replyXml(res, status, queryResponse(model, operation, output, `emu-${this.log.length}`));
      }
      const payload = protocol === 'rest' && operation.output ? model.shape(operation.output.shape).payload : undefined;
      return this.reply(res, status, payload ? output[payload] : output, JSON_VERSION[service]);
    } catch (err) {
      const error = err instanceof AwsError ? err : new AwsError(INTERNAL_ERROR[service], String(err), 500);
      return this.fail(res, service, operation.name, input, error, protocol, start);
    }
  }

  /** The injected fault this request meets, if any (counting down `after` and `times`). */
  private takeFault(service: ServiceName, operation: string): Fault | undefined {
    const fault = this.faults.find(
      (f) => (f.operation === operation || f.operation === '*') && (!f.service || f.service === service) && f.times > 0,
    );
    if (!fault) return undefined;
    if (fault.after) {
      fault.after -= 1;
      return undefined;
    }
    fault.times -= 1;
    this.faults = this.faults.filter((f) => f.times > 0);
    return fault;
  }

  /** awsQuery (ELBv2): the operation from the Action parameter, the input from the others, read by the model. */
  private parseQuery(body: string): Parsed | Unparsed {
    return { service: 'elbv2', ...decodeQueryRequest(this.models.elbv2, body) };
  }

  private replyXml(res: http.ServerResponse, status: number, xml: string): void {
    res.writeHead(status, {
      'content-type': 'text/xml',
      'x-amzn-requestid': `emu-${this.log.length}`,
      'content-length': Buffer.byteLength(xml),
    });
    res.end(xml);
  }

  /** awsJson1_1 (ECS, Cloud Map): the operation from X-Amz-Target, the input from the body. */
  private parseJson(target: string, body: string): Parsed | Unparsed {
    const [prefix, name] = target.split('.');
    const service = TARGET_PREFIX[prefix];
    const operation = service ? this.models[service].operation(name) : undefined;
    if (!service || !operation) {
      return {
        service: service ?? 'ecs',
        name: name ?? target,
        error: new AwsError('UnknownOperationException', `Unknown operation ${target}`),
      };
    }
    try {
      return { service, operation, input: body ? (JSON.parse(body) as Record<string, unknown>) : {} };
    } catch {
      return {
        service,
        name: operation.name,
        error: new AwsError('SerializationException', 'Request body is not valid JSON'),
      };
    }
  }

  /**
   * restJson1 (App Mesh, VPC Lattice): the service from the SigV4 credential scope (…/REGION/appmesh/aws4_request or
   * …/vpc-lattice/…) when it names one, else the first whose model has an operation at the method and path; the input
   * from the body, URI labels and query string.
   */
  private parseRest(req: http.IncomingMessage, url: URL, body: string): Parsed | Unparsed {
    const method = req.method ?? 'GET';
    const scope = /Credential=[^/,\s]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(req.headers.authorization ?? '')?.[1];
    const candidates = REST_SERVICES.filter((s) => s === scope);
    let found: { service: RestService; operation: Operation; labels: Record<string, string> } | undefined;
    for (const service of candidates.length ? candidates : REST_SERVICES) {
      const match = this.matchRest(service, method, url.pathname);
      if (match) {
        found = { service, ...match };
        break;
      }
    }
    if (!found) {
      const service = candidates[0] ?? 'appmesh';
      return {
        service,
        name: `${method} ${url.pathname}`,
        error: new AwsError(
          'UnknownOperationException',
          `No ${this.models[service].api.metadata.serviceId} operation at ${method} ${url.pathname}`,
          404,
        ),
      };
    }
    const { service, operation, labels } = found;
    try {
      const input = {
        ...(body ? (JSON.parse(body) as Record<string, unknown>) : {}),
        ...labels,
        ...this.queryMembers(service, operation, url.searchParams),
      };
      return { service, operation, input };
    } catch {
      return {
        service,
        name: operation.name,
        error: new AwsError('SerializationException', 'Request body is not valid JSON'),
      };
    }
  }

  private matchRest(
    service: RestService,
    method: string,
    path: string,
  ): { operation: Operation; labels: Record<string, string> } | undefined {
    const model = this.models[service];
    for (const operation of Object.values(model.api.operations)) {
      if (operation.http.method !== method) continue;
      const names: string[] = [];
      const pattern = operation.http.requestUri.split('?')[0].replace(/\{(\w+)\+?\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      const match = new RegExp(`^${pattern}$`).exec(path);
      if (!match) continue;
      const members = operation.input ? (model.shape(operation.input.shape).members ?? {}) : {};
      const labels: Record<string, string> = {};
      names.forEach((locationName, i) => {
        const member =
          Object.entries(members).find(
            ([, m]) => m.location === 'uri' && (m.locationName ?? '') === locationName,
          )?.[0] ?? locationName;
        labels[member] = decodeURIComponent(match[i + 1]);
      });
      return { operation, labels };
    }
    return undefined;
  }

  /** Query-string members of the input: strings, numbers, booleans and lists (repeated parameters). */
  private queryMembers(service: RestService, operation: Operation, params: URLSearchParams): Record<string, unknown> {
    const model = this.models[service];
    const members = operation.input ? (model.shape(operation.input.shape).members ?? {}) : {};
    const out: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(members)) {
      if (member.location !== 'querystring') continue;
      const key = member.locationName ?? name;
      if (!params.has(key)) continue;
      const shape = model.shape(member.shape);
      if (shape.type === 'list') out[name] = params.getAll(key);
      else if (shape.type === 'integer' || shape.type === 'long') out[name] = Number(params.get(key));
      else if (shape.type === 'boolean') out[name] = params.get(key) === 'true';
      else out[name] = params.get(key);
    }
    return out;
  }

  private reply(res: http.ServerResponse, status: number, body: unknown, jsonVersion = '1.1'): void {
    if (status === 204) {
      res.writeHead(204, { 'x-amzn-requestid': `emu-${this.log.length}` });
      return void res.end();
    }
    const text = JSON.stringify(body ?? {});
    res.writeHead(status, {
      'content-type': `application/x-amz-json-${jsonVersion}`,
      'x-amzn-requestid': `emu-${this.log.length}`,
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  private fail(
    res: http.ServerResponse,
    service: ServiceName,
    operation: string,
    input: Record<string, unknown>,
    err: AwsError,
    protocol: 'json' | 'rest' | 'query',
    start = Date.now(),
  ): void {
    const model = this.models[service];
    const shape = service === 'cloudwatch' || protocol === 'query' ? this.errorShape(model, err.code) : undefined;
    const status = err.status ?? model.errorStatus(shape?.name ?? err.code) ?? STATUS[shape?.name ?? err.code] ?? 400;
    this.log.push({ service, operation, input, status, error: shape?.name ?? err.code, start, end: Date.now() });
    if (protocol === 'query') {
      this.replyXml(res, status, queryError(shape!.queryCode, err.message, status >= 500, `emu-${this.log.length}`));
      return;
    }
    const body =
      protocol === 'json'
        ? { __type: shape ? `com.amazonaws.cloudwatch#${shape.name}` : err.code, message: err.message, ...err.fields }
        : { message: err.message, ...err.fields };
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-amzn-errortype': shape?.name ?? err.code,
      ...(shape ? { 'x-amzn-query-error': `${shape.queryCode};${status >= 500 ? 'Receiver' : 'Sender'}` } : {}),
      'x-amzn-requestid': `emu-${this.log.length}`,
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  }

  /**
   * A CloudWatch error by shape name or awsQuery code (e.g. InvalidParameterValueException or InvalidParameterValue):
   * the shape name for __type and the awsQuery code for x-amzn-query-error.
   */
  private errorShape(model: Model, code: string): { name: string; queryCode: string } {
    const shapes = Object.entries(model.api.shapes).filter(([, shape]) => shape.error);
    const [name, shape] = shapes.find(([n]) => n === code) ??
      shapes.find(([, s]) => s.error?.code === code) ?? [code, undefined];
    return { name, queryCode: shape?.error?.code ?? QUERY_CODE[name] ?? name };
  }
}

export { ACCOUNT };
