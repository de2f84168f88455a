// Elastic Load Balancing v2, Application Load Balancers: load balancers, listeners and their default actions, rules
// (conditions and priorities), target groups with their attributes, targets and their health, tags; and the awsQuery
// wire protocol the SDK speaks to it (form-encoded requests, decoded by the official model; XML answers and errors).
//
// As on AWS: a forward action is stored and read back in both forms, `TargetGroupArn` (when it names one group) and
// `ForwardConfig` (weights 0–999, at most 5 groups, stickiness off unless set); a host-header or path-pattern condition
// reads back with both `Values` and its …Config. A target of a group that no listener or rule forwards to (at any
// weight, 0 included) is `unused` (Target.NotInUse); once its group is in use it is `initial` for `healthyAfterMs`, then
// `healthy` — or `unhealthy` for good once a test marks it so (`markUnhealthy`). A group forwarded to counts as
// associated with that load balancer (LoadBalancerArns) and cannot be deleted (ResourceInUse). Errors carry the awsQuery
// codes of the model's error shapes (RuleNotFound, PriorityInUse, …), which the SDK names after the shapes
// (RuleNotFoundException, …); rules the model does not carry (name lengths, weights, group counts, both forms) answer
// ValidationError as the service does. ECS registers the tasks of a service with `loadBalancers` through `registerTask`.
import { ACCOUNT, AwsError, clone, newId, random } from './common.js';
import type { Model, Operation } from './model.js';

type Json = Record<string, any>;

export const ELBV2_XMLNS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';

export interface AlbLoadBalancer {
  arn: string;
  id: string;
  name: string;
  dnsName: string;
  scheme: 'internet-facing' | 'internal';
  vpcId: string;
  subnets: string[];
  securityGroups: string[];
  ipAddressType: string;
  createdAt: number;
  listeners: Map<string, AlbListener>; // ARN → listener
}

export interface AlbListener {
  arn: string;
  loadBalancerArn: string;
  port: number;
  protocol: 'HTTP' | 'HTTPS';
  /** Stored as DescribeListeners reads them back (both forward forms, Order, stickiness). */
  defaultActions: Json[];
  certificates?: Json[];
  sslPolicy?: string;
  /** The listener's default rule, as DescribeRules shows it (Priority "default", the default actions). */
  defaultRuleArn: string;
  rules: Map<string, AlbRule>; // ARN → rule
}

export interface AlbRule {
  arn: string;
  listenerArn: string;
  priority: number;
  /** Stored as DescribeRules reads them back (Values and …Config for host-header and path-pattern). */
  conditions: Json[];
  actions: Json[];
}

export interface AlbTarget {
  id: string;
  port: number;
  availabilityZone?: string;
  /** When its group was last seen coming into use with it registered (health checks start); unset while unused. */
  checkingSince?: number;
  /** Marked unhealthy by a test: fails its health checks until marked healthy. */
  failing: boolean;
  /** The ECS task behind the target, when ECS registered it. */
  taskId?: string;
}

export interface AlbTargetGroup {
  arn: string;
  name: string;
  targetType: 'instance' | 'ip' | 'lambda' | 'alb';
  /** Protocol, Port, VpcId, ProtocolVersion, IpAddressType and the health check, as DescribeTargetGroups shows them. */
  settings: Json;
  attributes: Record<string, string>;
  targets: Map<string, AlbTarget>; // `${id}:${port}`
  createdAt: number;
}

export type AlbTargetState = 'initial' | 'healthy' | 'unhealthy' | 'unused' | 'draining' | 'unavailable';

export interface TargetHealth {
  State: AlbTargetState;
  Reason?: string;
  Description?: string;
}

export interface Elbv2Options {
  region: string;
  /** How long a target of a group in use stays `initial` before it reports `healthy`. */
  healthyAfterMs: () => number;
}

/** A simulated request through a listener: GET / unless told otherwise. */
export interface AlbTrafficOptions {
  method?: string;
  /** The request path, with a query string if any; default `/`. */
  path?: string;
  /** The Host header (else `headers.host`). */
  host?: string;
  /** Request headers (names are matched case-insensitively, as HTTP has them). */
  headers?: Record<string, string>;
  /** The client's IPv4 address, for source-ip conditions. */
  sourceIp?: string;
  seed?: number;
}

export interface AlbTrafficTally {
  requests: number;
  failures: number;
  /** Requests by the rule that took them: its priority, or `default`. */
  rules: Record<string, number>;
  /** Requests by target group name that a forward action chose (including failures within the group). */
  targetGroups: Record<string, number>;
  /** Requests by target (`id:port`) that received them. */
  targets: Record<string, number>;
  /**
   * Requests a group sent to all its registered targets because fewer of them were healthy than its
   * `target_group_health.unhealthy_state_routing.minimum_healthy_targets.count` (1: none healthy) — ALB fails open.
   */
  failOpen: Record<string, number>;
  /** Failure reasons, counted (e.g. `fixed response 404`, `no registered target in tg blue`). */
  errors: Record<string, number>;
}

const HOSTED_ZONE: Record<string, string> = {
  'us-east-1': 'Z35SXDOTRQ7X7K',
  'us-east-2': 'Z3AADJGX6KTTL2',
  'us-west-2': 'Z1H1FL5HABSF5',
  'eu-west-1': 'Z32O12XQLNTSW2',
  'eu-central-1': 'Z215JYRZR1TBD5',
};
const TERMINAL = new Set(['forward', 'redirect', 'fixed-response']);
const CONFIG_OF: Record<string, string> = {
  'host-header': 'HostHeaderConfig',
  'path-pattern': 'PathPatternConfig',
  'http-header': 'HttpHeaderConfig',
  'http-request-method': 'HttpRequestMethodConfig',
  'query-string': 'QueryStringConfig',
  'source-ip': 'SourceIpConfig',
};
/** Fields whose condition may carry its values in `Values` (one of them) rather than its …Config. */
const VALUES_FIELDS = new Set(['host-header', 'path-pattern']);
const CONTENT_TYPES = ['text/plain', 'text/css', 'text/html', 'application/javascript', 'application/json'];
const MAX_GROUPS_PER_ACTION = 5;
const MAX_WEIGHT = 999;
const MAX_TAGS = 50;
const DEFAULT_PAGE = 400;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;

const DEFAULT_ATTRIBUTES: Record<string, string> = {
  'deregistration_delay.timeout_seconds': '300',
  'stickiness.enabled': 'false',
  'stickiness.type': 'lb_cookie',
  'stickiness.lb_cookie.duration_seconds': '86400',
  'stickiness.app_cookie.cookie_name': '',
  'stickiness.app_cookie.duration_seconds': '86400',
  'load_balancing.algorithm.type': 'round_robin',
  'load_balancing.algorithm.anomaly_mitigation': 'off',
  'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration',
  'slow_start.duration_seconds': '0',
  'target_group_health.dns_failover.minimum_healthy_targets.count': '1',
  'target_group_health.dns_failover.minimum_healthy_targets.percentage': 'off',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count': '1',
  'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': 'off',
};
const MIN_HEALTHY = 'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count';

/** Checks of attribute values the emulator knows; other keys of DEFAULT_ATTRIBUTES take any string. */
const ATTRIBUTE_CHECKS: Record<string, (v: string) => boolean> = {
  'deregistration_delay.timeout_seconds': (v) => intIn(v, 0, 3600),
  'stickiness.enabled': (v) => v === 'true' || v === 'false',
  'stickiness.type': (v) => v === 'lb_cookie' || v === 'app_cookie',
  'stickiness.lb_cookie.duration_seconds': (v) => intIn(v, 1, 604800),
  'stickiness.app_cookie.duration_seconds': (v) => intIn(v, 1, 604800),
  'load_balancing.algorithm.type': (v) => ['round_robin', 'least_outstanding_requests', 'weighted_random'].includes(v),
  'slow_start.duration_seconds': (v) => v === '0' || intIn(v, 30, 900),
  [MIN_HEALTHY]: (v) => v === 'off' || intIn(v, 1, 1_000_000),
};

const HEALTH: Record<string, { reason?: string; description?: string }> = {
  healthy: {},
  initial: { reason: 'Elb.InitialHealthChecking', description: 'Initial health checks in progress' },
  unhealthy: { reason: 'Target.FailedHealthChecks', description: 'Health checks failed' },
  unused: {
    reason: 'Target.NotInUse',
    description: 'Target group is not configured to receive traffic from the load balancer',
  },
};

function intIn(value: string, min: number, max: number): boolean {
  return /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;
}

const invalid = (message: string) => new AwsError('ValidationError', message);
const lbNotFound = (message = 'One or more load balancers not found') => new AwsError('LoadBalancerNotFound', message);
const listenerNotFound = (message = 'One or more listeners not found') => new AwsError('ListenerNotFound', message);
const ruleNotFound = (message = 'One or more rules not found') => new AwsError('RuleNotFound', message);
const tgNotFound = (message = 'One or more target groups not found') => new AwsError('TargetGroupNotFound', message);

/** A name rule shared by load balancers and target groups (≤ 32 characters, letters, digits, inner hyphens). */
function checkName(kind: 'Target group name' | 'The load balancer name', name: string): void {
  if (name.length > 32) throw invalid(`${kind} '${name}' cannot be longer than '32' characters`);
  if (!/^[a-zA-Z0-9-]+$/.test(name)) {
    throw invalid(`${kind} '${name}' can only contain characters that are alphanumeric characters or hyphens(-)`);
  }
  if (name.startsWith('-') || name.endsWith('-')) throw invalid(`${kind} '${name}' cannot begin or end with '-'`);
}

/** One page of `items` from `Marker` (an offset the emulator encodes), as the Describe operations answer. */
function page<T>(items: T[], input: Json): { items: T[]; NextMarker?: string } {
  let start = 0;
  if (input.Marker !== undefined) {
    start = Number(
      Buffer.from(String(input.Marker), 'base64url')
        .toString('utf8')
        .replace(/^offset:/, ''),
    );
    if (!Number.isInteger(start) || start < 0) throw invalid('The marker is not valid');
  }
  const end = start + (input.PageSize ?? DEFAULT_PAGE);
  return {
    items: items.slice(start, end),
    NextMarker: end < items.length ? Buffer.from(`offset:${end}`).toString('base64url') : undefined,
  };
}

export class Elbv2 {
  loadBalancers = new Map<string, AlbLoadBalancer>(); // ARN → load balancer
  targetGroups = new Map<string, AlbTargetGroup>(); // ARN → target group
  tags = new Map<string, Map<string, string>>(); // ARN → key → value
  /** The VpcId of load balancers (the emulator has no subnets to look it up from). */
  defaultVpcId = 'vpc-0e1b2c3d4e5f60718';
  private trafficRuns = 0;

  constructor(private readonly opts: Elbv2Options) {}

  private arn(resource: string): string {
    return `arn:aws:elasticloadbalancing:${this.opts.region}:${ACCOUNT}:${resource}`;
  }

  // --- lookups ----------------------------------------------------------------------------------------------------

  private loadBalancer(arn: string): AlbLoadBalancer {
    const found = this.loadBalancers.get(arn);
    if (!found) throw lbNotFound(`Load balancer '${arn}' not found`);
    return found;
  }

  private allListeners(): AlbListener[] {
    return [...this.loadBalancers.values()].flatMap((lb) => [...lb.listeners.values()]);
  }

  /** A listener by ARN (or, for the test controls, by `port` of a load balancer named before a colon: `web:80`). */
  listener(ref: string): AlbListener {
    const [name, port] = ref.startsWith('arn:') ? [] : ref.split(':');
    const found = this.allListeners().find(
      (l) =>
        l.arn === ref || (port && l.port === Number(port) && this.loadBalancers.get(l.loadBalancerArn)?.name === name),
    );
    if (!found) throw listenerNotFound(`Listener '${ref}' not found`);
    return found;
  }

  private rule(arn: string): { listener: AlbListener; rule: AlbRule | 'default' } {
    for (const listener of this.allListeners()) {
      if (listener.defaultRuleArn === arn) return { listener, rule: 'default' };
      const rule = listener.rules.get(arn);
      if (rule) return { listener, rule };
    }
    throw ruleNotFound(`Rule '${arn}' not found`);
  }

  findTargetGroup(ref: string): AlbTargetGroup | undefined {
    return this.targetGroups.get(ref) ?? [...this.targetGroups.values()].find((g) => g.name === ref);
  }

  /** A target group by ARN (or by name, for the test controls). */
  targetGroup(ref: string): AlbTargetGroup {
    const found = this.findTargetGroup(ref);
    if (!found) throw tgNotFound(`Target groups '${ref}' not found`);
    return found;
  }

  /** A listener's rules in evaluation order: lowest priority number first (the default rule comes after them all). */
  rulesOf(listener: AlbListener): AlbRule[] {
    return [...listener.rules.values()].sort((a, b) => a.priority - b.priority);
  }

  /** Target groups that a listener's default actions or a rule forward to (at any weight), with their load balancers. */
  usage(): Map<string, Set<string>> {
    const used = new Map<string, Set<string>>();
    for (const listener of this.allListeners()) {
      const actions = [listener.defaultActions, ...[...listener.rules.values()].map((r) => r.actions)].flat();
      for (const group of forwardGroups(actions)) {
        used.set(group.TargetGroupArn, (used.get(group.TargetGroupArn) ?? new Set()).add(listener.loadBalancerArn));
      }
    }
    return used;
  }

  // --- load balancers and listeners -------------------------------------------------------------------------------

  private createLoadBalancer(input: Json): AlbLoadBalancer {
    checkName('The load balancer name', input.Name);
    if (input.Name.startsWith('internal-'))
      throw invalid(`The load balancer name '${input.Name}' cannot begin with 'internal-'`);
    const type = input.Type ?? 'application';
    if (type !== 'application') {
      throw invalid(`The emulator models Application Load Balancers only, not load balancers of type '${type}'`);
    }
    if (input.Subnets && input.SubnetMappings) throw invalid('You can specify subnets or subnet mappings, not both');
    const subnets: string[] = input.Subnets ?? (input.SubnetMappings ?? []).map((m: Json) => m.SubnetId);
    if (new Set(subnets).size < 2) {
      throw invalid('At least two subnets in two different Availability Zones must be specified');
    }
    const scheme = input.Scheme ?? 'internet-facing';
    const existing = [...this.loadBalancers.values()].find((lb) => lb.name === input.Name);
    if (existing) {
      // CreateLoadBalancer is idempotent: the same settings answer the existing load balancer.
      if (existing.scheme === scheme && JSON.stringify(existing.subnets) === JSON.stringify(subnets)) return existing;
      throw new AwsError(
        'DuplicateLoadBalancerName',
        'A load balancer with the same name exists, but with different settings',
      );
    }
    const id = newId('', 16);
    const digits = String(parseInt(id.slice(-8), 16) % 1_000_000_000).padStart(9, '1');
    const lb: AlbLoadBalancer = {
      arn: this.arn(`loadbalancer/app/${input.Name}/${id}`),
      id,
      name: input.Name,
      dnsName: `${scheme === 'internal' ? 'internal-' : ''}${input.Name}-${digits}.${this.opts.region}.elb.amazonaws.com`,
      scheme,
      vpcId: this.defaultVpcId,
      subnets,
      securityGroups: input.SecurityGroups ?? [],
      ipAddressType: input.IpAddressType ?? 'ipv4',
      createdAt: Date.now(),
      listeners: new Map(),
    };
    this.loadBalancers.set(lb.arn, lb);
    this.addTags(lb.arn, input.Tags);
    return lb;
  }

  private createListener(input: Json): AlbListener {
    const lb = this.loadBalancer(input.LoadBalancerArn);
    const protocol = input.Protocol ?? 'HTTP';
    this.checkListenerProtocol(protocol, input.Certificates);
    if (input.Port === undefined) throw invalid('A listener port must be specified');
    const defaultActions = this.actions(input.DefaultActions, lb, protocol);
    const existing = [...lb.listeners.values()].find((l) => l.port === input.Port);
    if (existing) {
      // CreateListener is idempotent: the same settings answer the existing listener.
      const same =
        existing.protocol === protocol && JSON.stringify(existing.defaultActions) === JSON.stringify(defaultActions);
      if (same) return existing;
      throw new AwsError(
        'DuplicateListener',
        `A listener already exists on port ${input.Port} of load balancer '${lb.arn}'`,
      );
    }
    const id = newId('', 16);
    const arn = this.arn(`listener/app/${lb.name}/${lb.id}/${id}`);
    const listener: AlbListener = {
      arn,
      loadBalancerArn: lb.arn,
      port: input.Port,
      protocol,
      defaultActions,
      certificates: input.Certificates,
      sslPolicy: protocol === 'HTTPS' ? (input.SslPolicy ?? 'ELBSecurityPolicy-TLS13-1-2-2021-06') : undefined,
      defaultRuleArn: this.arn(`listener-rule/app/${lb.name}/${lb.id}/${id}/${newId('', 16)}`),
      rules: new Map(),
    };
    lb.listeners.set(arn, listener);
    this.addTags(arn, input.Tags);
    return listener;
  }

  private checkListenerProtocol(protocol: string, certificates: Json[] | undefined): void {
    if (protocol !== 'HTTP' && protocol !== 'HTTPS') {
      throw new AwsError(
        'UnsupportedProtocol',
        `Protocol '${protocol}' is not supported by Application Load Balancers`,
      );
    }
    if (protocol === 'HTTPS' && !certificates?.length) {
      throw invalid('A certificate must be specified for HTTPS listeners');
    }
  }

  private modifyListener(input: Json): AlbListener {
    const listener = this.listener(input.ListenerArn);
    const lb = this.loadBalancer(listener.loadBalancerArn);
    const protocol = input.Protocol ?? listener.protocol;
    const certificates = protocol === 'HTTP' ? undefined : (input.Certificates ?? listener.certificates);
    this.checkListenerProtocol(protocol, certificates);
    const port = input.Port ?? listener.port;
    if ([...lb.listeners.values()].some((l) => l !== listener && l.port === port)) {
      throw new AwsError('DuplicateListener', `A listener already exists on port ${port} of load balancer '${lb.arn}'`);
    }
    const defaultActions = input.DefaultActions
      ? this.actions(input.DefaultActions, lb, protocol)
      : listener.defaultActions;
    Object.assign(listener, {
      port,
      protocol,
      certificates,
      sslPolicy:
        protocol === 'HTTPS'
          ? (input.SslPolicy ?? listener.sslPolicy ?? 'ELBSecurityPolicy-TLS13-1-2-2021-06')
          : undefined,
      defaultActions,
    });
    return listener;
  }

  // --- actions and conditions -------------------------------------------------------------------------------------

  /**
   * Checks a list of actions and returns it as the service reads it back: ordered, each with its Order, a forward
   * action with both TargetGroupArn (one group) and ForwardConfig (weights, stickiness), a redirect with its defaults.
   */
  private actions(input: Json[] | undefined, lb: AlbLoadBalancer, protocol: string): Json[] {
    if (!input?.length) throw invalid('At least one action must be specified');
    const actions = input.map((action, i) => this.action(action, i, lb, protocol));
    const orders = actions.map((a) => a.Order);
    if (new Set(orders).size !== orders.length) throw invalid('Each action must have a unique order');
    actions.sort((a, b) => a.Order - b.Order);
    const terminal = actions.filter((a) => TERMINAL.has(a.Type));
    if (terminal.length !== 1 || !TERMINAL.has(actions[actions.length - 1].Type)) {
      throw new AwsError(
        'InvalidLoadBalancerAction',
        'A rule must have exactly one forward, redirect or fixed-response action, and it must be the last',
      );
    }
    return actions;
  }

  private action(action: Json, i: number, lb: AlbLoadBalancer, protocol: string): Json {
    const Order = action.Order ?? i + 1;
    switch (action.Type) {
      case 'forward':
        return { Type: 'forward', Order, ...this.forward(action, i, lb) };
      case 'fixed-response': {
        const config = action.FixedResponseConfig;
        if (!config) throw invalid('A fixed-response action must have a FixedResponseConfig');
        if (config.ContentType !== undefined && !CONTENT_TYPES.includes(config.ContentType)) {
          throw new AwsError(
            'InvalidLoadBalancerAction',
            `The ContentType must be one of:${CONTENT_TYPES.map((t) => `'${t}'`).join(', ')}`,
          );
        }
        return { Type: 'fixed-response', Order, FixedResponseConfig: clone(config) };
      }
      case 'redirect': {
        const config = action.RedirectConfig;
        if (!config) throw invalid('A redirect action must have a RedirectConfig');
        const defaults = {
          Protocol: '#{protocol}',
          Port: '#{port}',
          Host: '#{host}',
          Path: '/#{path}',
          Query: '#{query}',
        };
        return { Type: 'redirect', Order, RedirectConfig: { ...defaults, ...clone(config) } };
      }
      default:
        if (protocol !== 'HTTPS') {
          throw new AwsError(
            'InvalidLoadBalancerAction',
            `Action type '${action.Type}' is supported on HTTPS listeners only`,
          );
        }
        return { ...clone(action), Order };
    }
  }

  /** A forward action's two forms, checked and read back as the service does. */
  private forward(action: Json, i: number, lb: AlbLoadBalancer): Json {
    const at = `actions.${i + 1}.member`;
    const tuples: Json[] = action.ForwardConfig?.TargetGroups ?? [];
    if (action.TargetGroupArn && action.ForwardConfig) {
      if (tuples.length !== 1 || tuples[0].TargetGroupArn !== action.TargetGroupArn) {
        throw invalid(
          'If you specify both ForwardConfig and TargetGroupArn, you can specify only one target group using ' +
            'ForwardConfig and it must be the same target group specified in TargetGroupArn',
        );
      }
    }
    const groups = tuples.length ? tuples : action.TargetGroupArn ? [{ TargetGroupArn: action.TargetGroupArn }] : [];
    if (groups.length === 0)
      throw invalid('A forward action must specify a TargetGroupArn or ForwardConfig target groups');
    if (groups.length > MAX_GROUPS_PER_ACTION) {
      throw invalid(
        `1 validation error detected: Value '${groups.length}' at '${at}.forwardConfig.targetGroups' failed to satisfy ` +
          `constraint: Member must have length less than or equal to ${MAX_GROUPS_PER_ACTION}`,
      );
    }
    const seen = new Set<string>();
    const TargetGroups = groups.map((g, j) => {
      if (!g.TargetGroupArn) throw invalid('Each target group of a forward action must have a TargetGroupArn');
      const weight = g.Weight ?? 1;
      if (weight < 0 || weight > MAX_WEIGHT) {
        throw invalid(
          `1 validation error detected: Value '${weight}' at '${at}.forwardConfig.targetGroups.${j + 1}.member.weight' ` +
            `failed to satisfy constraint: Member must have value ${weight < 0 ? 'greater than or equal to 0' : `less than or equal to ${MAX_WEIGHT}`}`,
        );
      }
      if (seen.has(g.TargetGroupArn)) throw invalid(`Target group '${g.TargetGroupArn}' is specified more than once`);
      seen.add(g.TargetGroupArn);
      this.forwardable(g.TargetGroupArn, lb);
      return { TargetGroupArn: g.TargetGroupArn, Weight: weight };
    });
    const stickiness = action.ForwardConfig?.TargetGroupStickinessConfig;
    if (stickiness?.Enabled) {
      const duration = stickiness.DurationSeconds;
      if (duration === undefined || duration < 1 || duration > 604800) {
        throw invalid('Target group stickiness duration must be between 1 and 604800 seconds');
      }
    }
    return {
      ...(TargetGroups.length === 1 ? { TargetGroupArn: TargetGroups[0].TargetGroupArn } : {}),
      ForwardConfig: {
        TargetGroups,
        TargetGroupStickinessConfig: stickiness?.Enabled
          ? { Enabled: true, DurationSeconds: stickiness.DurationSeconds }
          : { Enabled: false },
      },
    };
  }

  /** Whether an Application Load Balancer may forward to the group: it exists, speaks HTTP(S), serves no other LB. */
  private forwardable(arn: string, lb: AlbLoadBalancer): void {
    const group = this.targetGroups.get(arn);
    if (!group) throw tgNotFound(`Target group '${arn}' not found`);
    if (group.targetType !== 'lambda' && !['HTTP', 'HTTPS'].includes(group.settings.Protocol)) {
      throw new AwsError(
        'IncompatibleProtocols',
        `The protocol '${group.settings.Protocol}' of target group '${arn}' is not supported by Application Load Balancers`,
      );
    }
    const others = [...(this.usage().get(arn) ?? [])].filter((other) => other !== lb.arn);
    if (others.length > 0) {
      throw new AwsError(
        'TargetGroupAssociationLimit',
        `The following target groups cannot be associated with more than one load balancer: ${arn}`,
      );
    }
  }

  /** Checks a rule's conditions and returns them as the service reads them back. */
  private conditions(input: Json[] | undefined): Json[] {
    if (!input?.length) throw invalid('At least one condition must be specified');
    return input.map((c) => this.condition(c));
  }

  private condition(c: Json): Json {
    const field: string | undefined = c.Field;
    if (!field) throw invalid('A condition field must be specified');
    const configName = CONFIG_OF[field];
    if (!configName) {
      throw invalid(`Condition field '${field}' must be one of '[${Object.keys(CONFIG_OF).join(', ')}]'`);
    }
    for (const other of Object.values(CONFIG_OF)) {
      if (other !== configName && c[other]) {
        throw invalid(`You cannot provide '${other}' for a condition of type '${field}'`);
      }
    }
    const config = c[configName] as Json | undefined;
    if (c.Values && config) {
      throw invalid(`You cannot provide both Values and '${configName}' for a condition of type '${field}'`);
    }
    if (c.Values !== undefined) {
      if (!VALUES_FIELDS.has(field))
        throw invalid(`You must provide '${configName}' for a condition of type '${field}'`);
      if (c.Values.length === 0) throw invalid('A condition value must be specified');
      if (c.Values.length > 1) throw invalid(`The '${field}' field contains too many values; the limit is '1'`);
      return { Field: field, Values: [...c.Values], [configName]: { Values: [...c.Values] } };
    }
    if (!config) throw invalid('A condition value must be specified');
    const values: unknown[] = config.Values ?? [];
    const regexValues: string[] = config.RegexValues ?? c.RegexValues ?? [];
    if (values.length === 0 && regexValues.length === 0) throw invalid('A condition value must be specified');
    if (field === 'http-header' && !config.HttpHeaderName) {
      throw invalid("A header name must be specified for a condition of type 'http-header'");
    }
    if (field === 'query-string' && (values as Json[]).some((v) => v.Value === undefined)) {
      throw invalid("Each key/value pair of a 'query-string' condition must have a value");
    }
    for (const pattern of regexValues) {
      try {
        new RegExp(pattern);
      } catch {
        throw invalid(`The regular expression '${pattern}' is not valid`);
      }
    }
    const readBack = clone(config);
    return VALUES_FIELDS.has(field) && values.length
      ? { Field: field, Values: [...(values as string[])], [configName]: readBack }
      : { Field: field, [configName]: readBack };
  }

  // --- rules ------------------------------------------------------------------------------------------------------

  private createRule(input: Json): AlbRule {
    const listener = this.listener(input.ListenerArn);
    const lb = this.loadBalancer(listener.loadBalancerArn);
    this.checkPriority(listener, input.Priority);
    const conditions = this.conditions(input.Conditions);
    const actions = this.actions(input.Actions, lb, listener.protocol);
    const listenerId = listener.arn.split('/').pop();
    const rule: AlbRule = {
      arn: this.arn(`listener-rule/app/${lb.name}/${lb.id}/${listenerId}/${newId('', 16)}`),
      listenerArn: listener.arn,
      priority: input.Priority,
      conditions,
      actions,
    };
    listener.rules.set(rule.arn, rule);
    this.addTags(rule.arn, input.Tags);
    return rule;
  }

  private checkPriority(listener: AlbListener, priority: number, except?: AlbRule): void {
    if ([...listener.rules.values()].some((r) => r !== except && r.priority === priority)) {
      throw new AwsError('PriorityInUse', `Priority '${priority}' is currently in use`);
    }
  }

  private modifyRule(input: Json): { listener: AlbListener; rule: AlbRule | 'default' } {
    const { listener, rule } = this.rule(input.RuleArn);
    const lb = this.loadBalancer(listener.loadBalancerArn);
    if (rule === 'default') {
      if (input.Conditions?.length) {
        throw new AwsError(
          'OperationNotPermitted',
          `The conditions of default rule '${input.RuleArn}' cannot be modified`,
        );
      }
      if (input.Actions) listener.defaultActions = this.actions(input.Actions, lb, listener.protocol);
      return { listener, rule };
    }
    const conditions = input.Conditions ? this.conditions(input.Conditions) : rule.conditions;
    const actions = input.Actions ? this.actions(input.Actions, lb, listener.protocol) : rule.actions;
    Object.assign(rule, { conditions, actions });
    return { listener, rule };
  }

  private setRulePriorities(input: Json): Json[] {
    const pairs = input.RulePriorities as Json[];
    const changes = pairs.map((p) => {
      if (!p.RuleArn || p.Priority === undefined)
        throw invalid('Each rule priority pair must have a RuleArn and a Priority');
      const { listener, rule } = this.rule(p.RuleArn);
      if (rule === 'default') {
        throw new AwsError('OperationNotPermitted', `The priority of default rule '${p.RuleArn}' cannot be changed`);
      }
      return { listener, rule, priority: p.Priority as number };
    });
    const arns = new Set<string>();
    const priorities = new Set<string>();
    for (const c of changes) {
      if (arns.has(c.rule.arn)) throw invalid(`Rule '${c.rule.arn}' was provided multiple times`);
      const key = `${c.listener.arn} ${c.priority}`;
      if (priorities.has(key)) throw invalid(`Priority '${c.priority}' was provided multiple times`);
      arns.add(c.rule.arn);
      priorities.add(key);
    }
    for (const c of changes) {
      const clash = [...c.listener.rules.values()].find((r) => !arns.has(r.arn) && r.priority === c.priority);
      if (clash) throw new AwsError('PriorityInUse', `Priority '${c.priority}' is currently in use`);
    }
    for (const c of changes) c.rule.priority = c.priority;
    return changes.map((c) => this.ruleView(c.listener, c.rule));
  }

  // --- target groups and targets ----------------------------------------------------------------------------------

  private createTargetGroup(input: Json): AlbTargetGroup {
    checkName('Target group name', input.Name);
    const targetType = input.TargetType ?? 'instance';
    const settings = this.targetGroupSettings(input, targetType);
    const existing = [...this.targetGroups.values()].find((g) => g.name === input.Name);
    if (existing) {
      // CreateTargetGroup is idempotent: the same settings answer the existing group.
      if (existing.targetType === targetType && JSON.stringify(existing.settings) === JSON.stringify(settings)) {
        return existing;
      }
      throw new AwsError(
        'DuplicateTargetGroupName',
        `A target group with the same name '${input.Name}' exists, but with different settings`,
      );
    }
    const group: AlbTargetGroup = {
      arn: this.arn(`targetgroup/${input.Name}/${newId('', 16)}`),
      name: input.Name,
      targetType,
      settings,
      attributes: targetType === 'lambda' ? {} : { ...DEFAULT_ATTRIBUTES },
      targets: new Map(),
      createdAt: Date.now(),
    };
    this.targetGroups.set(group.arn, group);
    this.addTags(group.arn, input.Tags);
    return group;
  }

  /** A target group's protocol, port, VPC and health check, checked, with the defaults the service fills in. */
  private targetGroupSettings(input: Json, targetType: string): Json {
    if (targetType === 'lambda') {
      if (input.Protocol || input.Port || input.VpcId) {
        throw invalid("Protocol, port and VPC ID cannot be specified for target groups of type 'lambda'");
      }
      return { HealthCheckEnabled: input.HealthCheckEnabled ?? false, HealthCheckPath: input.HealthCheckPath };
    }
    if (!input.Protocol || input.Port === undefined || !input.VpcId) {
      throw invalid(`A protocol, port and VPC ID must be specified for target groups of type '${targetType}'`);
    }
    const http = input.Protocol === 'HTTP' || input.Protocol === 'HTTPS';
    const hcProtocol = input.HealthCheckProtocol ?? (http ? input.Protocol : 'TCP');
    const interval = input.HealthCheckIntervalSeconds ?? 30;
    const timeout = input.HealthCheckTimeoutSeconds ?? (http ? 5 : 10);
    if (timeout >= interval) {
      throw invalid(`Health check timeout '${timeout}' must be smaller than the interval '${interval}'`);
    }
    if (input.HealthCheckPath !== undefined && !input.HealthCheckPath.startsWith('/')) {
      throw invalid(`Health check path '${input.HealthCheckPath}' must begin with a '/' character`);
    }
    const code = input.Matcher?.HttpCode;
    if (code !== undefined && !/^\d{3}(-\d{3})?(,\d{3}(-\d{3})?)*$/.test(code)) {
      throw invalid(`HttpCode '${code}' must be like 200 | 200-399 | 200,201 ...`);
    }
    const hcHttp = hcProtocol === 'HTTP' || hcProtocol === 'HTTPS';
    return {
      Protocol: input.Protocol,
      Port: input.Port,
      VpcId: input.VpcId,
      HealthCheckProtocol: hcProtocol,
      HealthCheckPort: input.HealthCheckPort ?? 'traffic-port',
      HealthCheckEnabled: input.HealthCheckEnabled ?? true,
      HealthCheckIntervalSeconds: interval,
      HealthCheckTimeoutSeconds: timeout,
      HealthyThresholdCount: input.HealthyThresholdCount ?? 5,
      UnhealthyThresholdCount: input.UnhealthyThresholdCount ?? 2,
      HealthCheckPath: hcHttp ? (input.HealthCheckPath ?? '/') : undefined,
      Matcher: hcHttp ? (input.Matcher ? clone(input.Matcher) : { HttpCode: '200' }) : undefined,
      ProtocolVersion: http ? (input.ProtocolVersion ?? 'HTTP1') : undefined,
      IpAddressType: input.IpAddressType ?? 'ipv4',
    };
  }

  private modifyTargetGroupAttributes(input: Json): Json[] {
    const group = this.targetGroup(input.TargetGroupArn);
    const changes = input.Attributes as Json[];
    for (const { Key, Value } of changes) {
      if (!Key || !(Key in DEFAULT_ATTRIBUTES) || group.targetType === 'lambda') {
        throw invalid(`Target group attribute key '${Key}' is not recognized`);
      }
      const check = ATTRIBUTE_CHECKS[Key];
      if (Value === undefined || (check && !check(String(Value)))) {
        throw invalid(`Target group attribute '${Key}' cannot have the value '${Value ?? ''}'`);
      }
    }
    for (const { Key, Value } of changes) group.attributes[Key] = String(Value);
    return this.attributesView(group);
  }

  /**
   * Registers a target (an IP of an `ip` group, an instance ID of an `instance` group) on its port (default: the
   * group's), idempotently. A target registered in a group in use starts its health checks now.
   */
  register(
    groupRef: string,
    target: { id: string; port?: number; availabilityZone?: string; taskId?: string },
  ): AlbTarget {
    const group = this.targetGroup(groupRef);
    const port = target.port ?? group.settings.Port;
    const key = `${target.id}:${port}`;
    const existing = group.targets.get(key);
    if (existing) return existing;
    const registered: AlbTarget = {
      id: target.id,
      port,
      availabilityZone: target.availabilityZone,
      failing: false,
      taskId: target.taskId,
    };
    group.targets.set(key, registered);
    this.sync();
    return registered;
  }

  /** Deregisters a target; on AWS it drains for the deregistration delay first, here it is gone at once. */
  deregister(groupRef: string, id: string, port?: number): boolean {
    const group = this.findTargetGroup(groupRef);
    return group ? group.targets.delete(`${id}:${port ?? group.settings.Port}`) : false;
  }

  /**
   * For ECS (emulator/ecs.ts, services with loadBalancers): ECS registers each task of a service whose `loadBalancers` entry names a target group
   * (`targetGroupArn`, `containerName`, `containerPort`) as a target of that group — the task's IP on the container
   * port for an `ip` group — once the task runs, and deregisters it when the task stops. Idempotent.
   */
  registerTask(targetGroupArn: string, task: { ip: string; port: number; taskId?: string; at?: number }): AlbTarget {
    const target = this.register(targetGroupArn, { id: task.ip, port: task.port, taskId: task.taskId });
    // Health checks of a group in use start when the task did (the emulator starts tasks when it is next asked).
    if (task.at !== undefined && target.checkingSince !== undefined)
      target.checkingSince = Math.min(target.checkingSince, task.at);
    return target;
  }

  /** For ECS: deregisters a stopping task's IP (on the group's port unless `port`); false when it was not registered. */
  deregisterTask(targetGroupArn: string, ip: string, port?: number): boolean {
    return this.deregister(targetGroupArn, ip, port);
  }

  private changeTargets(input: Json, register: boolean): Json {
    const group = this.targetGroup(input.TargetGroupArn);
    for (const t of input.Targets as Json[]) {
      if (!register) {
        this.deregister(group.arn, t.Id, t.Port); // a target not registered: the call still succeeds
        continue;
      }
      if (group.targetType === 'ip' && !(IPV4.test(t.Id) || t.Id.includes(':'))) {
        throw new AwsError('InvalidTarget', `The IP address '${t.Id}' is not a valid IPv4 or IPv6 address`);
      }
      if (group.targetType === 'instance' && !INSTANCE_ID.test(t.Id)) {
        throw new AwsError('InvalidTarget', `The instance ID '${t.Id}' is not valid`);
      }
      if (group.targetType !== 'lambda' && t.Port === undefined && group.settings.Port === undefined) {
        throw invalid(`A port must be specified for target '${t.Id}'`);
      }
    }
    if (register) {
      for (const t of input.Targets as Json[]) {
        this.register(group.arn, { id: t.Id, port: t.Port, availabilityZone: t.AvailabilityZone });
      }
    }
    return {};
  }

  // --- target health ----------------------------------------------------------------------------------------------

  /** Starts the health checks of targets whose group came into use, and stops those of groups no longer in use. */
  sync(now = Date.now()): void {
    const used = this.usage();
    for (const group of this.targetGroups.values()) {
      for (const target of group.targets.values()) {
        if (!used.has(group.arn)) target.checkingSince = undefined;
        else target.checkingSince ??= now;
      }
    }
  }

  targetHealth(group: AlbTargetGroup, target: AlbTarget, used = this.usage()): TargetHealth {
    const state: AlbTargetState = !used.has(group.arn)
      ? 'unused'
      : target.failing
        ? 'unhealthy'
        : target.checkingSince !== undefined && Date.now() - target.checkingSince >= this.opts.healthyAfterMs()
          ? 'healthy'
          : 'initial';
    const { reason, description } = HEALTH[state];
    return { State: state, ...(reason ? { Reason: reason, Description: description } : {}) };
  }

  /** Test control: targets of the group (or of every group) in use pass their health checks now (not `unhealthy`). */
  markHealthy(groupRef?: string): void {
    this.sync();
    const groups = groupRef ? [this.targetGroup(groupRef)] : [...this.targetGroups.values()];
    for (const group of groups) {
      for (const target of group.targets.values()) {
        target.failing = false;
        if (target.checkingSince !== undefined) target.checkingSince = Number.NEGATIVE_INFINITY;
      }
    }
  }

  /** Test control: a target (`id`, on `port` or the group's), or every target of the group, fails its health checks. */
  markUnhealthy(groupRef: string, id?: string, port?: number): void {
    const group = this.targetGroup(groupRef);
    const targets = [...group.targets.values()].filter(
      (t) => id === undefined || (t.id === id && t.port === (port ?? group.settings.Port)),
    );
    if (targets.length === 0) throw new Error(`target group ${group.name} has no target ${id ?? ''}`.trim());
    for (const target of targets) target.failing = true;
  }

  private describeTargetHealth(input: Json): Json {
    this.sync();
    const group = this.targetGroup(input.TargetGroupArn);
    const used = this.usage();
    const wanted = input.Targets as Json[] | undefined;
    const hcPort = (t: { port: number }) =>
      group.settings.HealthCheckPort === 'traffic-port' || group.settings.HealthCheckPort === undefined
        ? String(t.port)
        : String(group.settings.HealthCheckPort);
    const describe = (target: AlbTarget) => ({
      Target: { Id: target.id, Port: target.port, AvailabilityZone: target.availabilityZone },
      HealthCheckPort: hcPort(target),
      TargetHealth: this.targetHealth(group, target, used),
      AdministrativeOverride: {
        State: 'no_override',
        Reason: 'AdministrativeOverride.NoOverride',
        Description: 'No override is currently active on target',
      },
    });
    if (!wanted?.length) return { TargetHealthDescriptions: [...group.targets.values()].map(describe) };
    return {
      TargetHealthDescriptions: wanted.map((w) => {
        const port = w.Port ?? group.settings.Port;
        const target = group.targets.get(`${w.Id}:${port}`);
        if (target) return describe(target);
        return {
          Target: { Id: w.Id, Port: port },
          HealthCheckPort: hcPort({ port }),
          TargetHealth: {
            State: 'unused',
            Reason: 'Target.NotRegistered',
            Description: 'Target is not registered to the target group',
          },
        };
      }),
    };
  }

  // --- tags -------------------------------------------------------------------------------------------------------

  /** Throws the service's NotFound error unless `arn` names a load balancer, listener, rule or target group. */
  private taggable(arn: string): string {
    if (arn.includes(':loadbalancer/')) return this.loadBalancer(arn).arn;
    if (arn.includes(':targetgroup/')) {
      if (!this.targetGroups.has(arn)) throw tgNotFound(`Target groups '${arn}' not found`);
      return arn;
    }
    if (arn.includes(':listener-rule/')) {
      this.rule(arn);
      return arn;
    }
    if (arn.includes(':listener/')) return this.listener(arn).arn;
    throw invalid(`'${arn}' is not a valid Elastic Load Balancing resource ARN`);
  }

  private addTags(arn: string, tags: Json[] | undefined): void {
    if (!tags?.length) return;
    const keys = tags.map((t) => t.Key as string);
    const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
    if (duplicate !== undefined)
      throw new AwsError('DuplicateTagKeys', `Tag key was specified more than once: ${duplicate}`);
    const current = this.tags.get(arn) ?? new Map<string, string>();
    if (new Set([...current.keys(), ...keys]).size > MAX_TAGS) {
      throw new AwsError(
        'TooManyTags',
        `The quota for the number of tags that can be assigned to a resource is ${MAX_TAGS}`,
      );
    }
    for (const t of tags) current.set(t.Key, t.Value ?? '');
    this.tags.set(arn, current);
  }

  private forget(arn: string): void {
    this.tags.delete(arn);
  }

  // --- views ------------------------------------------------------------------------------------------------------

  private loadBalancerView(lb: AlbLoadBalancer): Json {
    return {
      LoadBalancerArn: lb.arn,
      DNSName: lb.dnsName,
      CanonicalHostedZoneId: HOSTED_ZONE[this.opts.region] ?? HOSTED_ZONE['us-east-1'],
      CreatedTime: lb.createdAt,
      LoadBalancerName: lb.name,
      Scheme: lb.scheme,
      VpcId: lb.vpcId,
      State: { Code: 'active' },
      Type: 'application',
      AvailabilityZones: lb.subnets.map((SubnetId, i) => ({
        ZoneName: `${this.opts.region}${'abcdef'[i % 6]}`,
        SubnetId,
        LoadBalancerAddresses: [],
      })),
      SecurityGroups: [...lb.securityGroups],
      IpAddressType: lb.ipAddressType,
    };
  }

  private listenerView(l: AlbListener): Json {
    return {
      ListenerArn: l.arn,
      LoadBalancerArn: l.loadBalancerArn,
      Port: l.port,
      Protocol: l.protocol,
      Certificates: l.certificates && clone(l.certificates),
      SslPolicy: l.sslPolicy,
      DefaultActions: clone(l.defaultActions),
    };
  }

  private ruleView(listener: AlbListener, rule: AlbRule | 'default'): Json {
    if (rule === 'default') {
      return {
        RuleArn: listener.defaultRuleArn,
        Priority: 'default',
        Conditions: [],
        Actions: clone(listener.defaultActions),
        IsDefault: true,
        Transforms: [],
      };
    }
    return {
      RuleArn: rule.arn,
      Priority: String(rule.priority),
      Conditions: clone(rule.conditions),
      Actions: clone(rule.actions),
      IsDefault: false,
      Transforms: [],
    };
  }

  private targetGroupView(g: AlbTargetGroup, used = this.usage()): Json {
    return {
      TargetGroupArn: g.arn,
      TargetGroupName: g.name,
      ...clone(g.settings),
      LoadBalancerArns: [...(used.get(g.arn) ?? [])],
      TargetType: g.targetType,
    };
  }

  private attributesView(g: AlbTargetGroup): Json[] {
    return Object.entries(g.attributes).map(([Key, Value]) => ({ Key, Value }));
  }

  // --- the API ----------------------------------------------------------------------------------------------------

  handle(operation: string, input: Json): unknown {
    const handler = this.operations[operation];
    if (!handler) {
      throw new AwsError('InvalidAction', `The emulator does not implement Elastic Load Balancing v2 ${operation}`);
    }
    const output = handler(input);
    this.sync();
    return output;
  }

  private readonly operations: Record<string, (input: Json) => unknown> = {
    CreateLoadBalancer: (i) => ({ LoadBalancers: [this.loadBalancerView(this.createLoadBalancer(i))] }),
    DescribeLoadBalancers: (i) => {
      if (i.LoadBalancerArns?.length && i.Names?.length) {
        throw invalid('Load balancer names and load balancer ARNs cannot be specified at the same time');
      }
      let lbs = [...this.loadBalancers.values()];
      if (i.LoadBalancerArns?.length) {
        lbs = (i.LoadBalancerArns as string[]).map((arn) => this.loadBalancers.get(arn) ?? (undefined as never));
        if (lbs.some((lb) => !lb)) throw lbNotFound();
      } else if (i.Names?.length) {
        const missing = (i.Names as string[]).filter((n) => !lbs.some((lb) => lb.name === n));
        if (missing.length) throw lbNotFound(`Load balancers '[${missing.join(', ')}]' not found`);
        lbs = lbs.filter((lb) => i.Names.includes(lb.name));
      }
      const { items, NextMarker } = page(lbs, i);
      return { LoadBalancers: items.map((lb) => this.loadBalancerView(lb)), NextMarker };
    },
    DeleteLoadBalancer: (i) => {
      const lb = this.loadBalancers.get(i.LoadBalancerArn);
      if (!lb) return {}; // a load balancer that does not exist (any more): the call succeeds
      for (const listener of lb.listeners.values()) {
        for (const rule of listener.rules.values()) this.forget(rule.arn);
        this.forget(listener.arn);
      }
      this.loadBalancers.delete(lb.arn);
      this.forget(lb.arn);
      return {};
    },
    CreateListener: (i) => ({ Listeners: [this.listenerView(this.createListener(i))] }),
    DescribeListeners: (i) => {
      if (!i.LoadBalancerArn && !i.ListenerArns?.length) {
        throw invalid('You must specify either listener ARNs or a load balancer ARN');
      }
      if (i.LoadBalancerArn && i.ListenerArns?.length) {
        throw invalid('Listener ARNs and a load balancer ARN cannot be specified at the same time');
      }
      const listeners = i.LoadBalancerArn
        ? [...this.loadBalancer(i.LoadBalancerArn).listeners.values()]
        : (i.ListenerArns as string[]).map((arn) => {
            const found = this.allListeners().find((l) => l.arn === arn);
            if (!found) throw listenerNotFound();
            return found;
          });
      const { items, NextMarker } = page(listeners, i);
      return { Listeners: items.map((l) => this.listenerView(l)), NextMarker };
    },
    ModifyListener: (i) => ({ Listeners: [this.listenerView(this.modifyListener(i))] }),
    DeleteListener: (i) => {
      const listener = this.listener(i.ListenerArn);
      for (const rule of listener.rules.values()) this.forget(rule.arn);
      this.loadBalancer(listener.loadBalancerArn).listeners.delete(listener.arn);
      this.forget(listener.arn);
      return {};
    },
    CreateRule: (i) => {
      const rule = this.createRule(i);
      return { Rules: [this.ruleView(this.listener(rule.listenerArn), rule)] };
    },
    DescribeRules: (i) => {
      if (!i.ListenerArn && !i.RuleArns?.length) {
        throw invalid('You must specify either listener rule ARNs or a listener ARN');
      }
      if (i.ListenerArn && i.RuleArns?.length) {
        throw invalid('Listener rule ARNs and a listener ARN cannot be specified at the same time');
      }
      let rules: { listener: AlbListener; rule: AlbRule | 'default' }[];
      if (i.ListenerArn) {
        const listener = this.listener(i.ListenerArn);
        rules = [...this.rulesOf(listener), 'default' as const].map((rule) => ({ listener, rule }));
      } else {
        rules = (i.RuleArns as string[]).map((arn) => {
          try {
            return this.rule(arn);
          } catch {
            throw ruleNotFound();
          }
        });
      }
      const { items, NextMarker } = page(rules, i);
      return { Rules: items.map(({ listener, rule }) => this.ruleView(listener, rule)), NextMarker };
    },
    ModifyRule: (i) => {
      const { listener, rule } = this.modifyRule(i);
      return { Rules: [this.ruleView(listener, rule)] };
    },
    DeleteRule: (i) => {
      const { listener, rule } = this.rule(i.RuleArn);
      if (rule === 'default')
        throw new AwsError('OperationNotPermitted', `Default rule '${i.RuleArn}' cannot be deleted`);
      listener.rules.delete(rule.arn);
      this.forget(rule.arn);
      return {};
    },
    SetRulePriorities: (i) => ({ Rules: this.setRulePriorities(i) }),
    CreateTargetGroup: (i) => ({ TargetGroups: [this.targetGroupView(this.createTargetGroup(i))] }),
    DescribeTargetGroups: (i) => {
      const filters = [i.LoadBalancerArn, i.TargetGroupArns?.length, i.Names?.length].filter(Boolean);
      if (filters.length > 1) {
        throw invalid('You can specify only one of load balancer ARN, target group ARNs or target group names');
      }
      const used = this.usage();
      let groups = [...this.targetGroups.values()];
      if (i.LoadBalancerArn) {
        const lb = this.loadBalancer(i.LoadBalancerArn);
        groups = groups.filter((g) => used.get(g.arn)?.has(lb.arn));
      } else if (i.TargetGroupArns?.length) {
        groups = (i.TargetGroupArns as string[]).map((arn) => this.targetGroups.get(arn) ?? (undefined as never));
        if (groups.some((g) => !g)) throw tgNotFound();
      } else if (i.Names?.length) {
        for (const name of i.Names as string[]) checkName('Target group name', name);
        const missing = (i.Names as string[]).filter((n) => !groups.some((g) => g.name === n));
        if (missing.length) throw tgNotFound(`Target groups '[${missing.join(', ')}]' not found`);
        groups = groups.filter((g) => i.Names.includes(g.name));
      }
      const { items, NextMarker } = page(groups, i);
      return { TargetGroups: items.map((g) => this.targetGroupView(g, used)), NextMarker };
    },
    DeleteTargetGroup: (i) => {
      const group = this.targetGroups.get(i.TargetGroupArn);
      if (!group) return {}; // a target group that does not exist (any more): the call succeeds
      if (this.usage().has(group.arn)) {
        throw new AwsError('ResourceInUse', `Target group '${group.arn}' is currently in use by a listener or a rule`);
      }
      this.targetGroups.delete(group.arn);
      this.forget(group.arn);
      return {};
    },
    DescribeTargetGroupAttributes: (i) => ({ Attributes: this.attributesView(this.targetGroup(i.TargetGroupArn)) }),
    ModifyTargetGroupAttributes: (i) => ({ Attributes: this.modifyTargetGroupAttributes(i) }),
    RegisterTargets: (i) => this.changeTargets(i, true),
    DeregisterTargets: (i) => this.changeTargets(i, false),
    DescribeTargetHealth: (i) => this.describeTargetHealth(i),
    AddTags: (i) => {
      const arns = (i.ResourceArns as string[]).map((arn) => this.taggable(arn));
      for (const arn of arns) this.addTags(arn, i.Tags);
      return {};
    },
    RemoveTags: (i) => {
      const arns = (i.ResourceArns as string[]).map((arn) => this.taggable(arn));
      for (const arn of arns) for (const key of i.TagKeys as string[]) this.tags.get(arn)?.delete(key);
      return {};
    },
    DescribeTags: (i) => ({
      TagDescriptions: (i.ResourceArns as string[]).map((arn) => ({
        ResourceArn: this.taggable(arn),
        Tags: [...(this.tags.get(arn) ?? new Map<string, string>())].map(([Key, Value]) => ({ Key, Value })),
      })),
    }),
  };

  // --- traffic ----------------------------------------------------------------------------------------------------

  /**
   * Sends `requests` simulated requests (GET / unless `opts` says otherwise) to a listener (ARN, or `lbName:port`) and
   * tallies where they went: the rules in priority order, the first whose conditions all match (values of a condition
   * OR-ed), else the default actions; a target group by the forward weights; a healthy target of it, uniformly — or
   * any registered target when too few are healthy (fail open). Stickiness is not simulated (each request is a new
   * client). A new seed each call unless `opts.seed`.
   */
  traffic(listenerRef: string, requests = 1000, opts: AlbTrafficOptions = {}): AlbTrafficTally {
    this.sync();
    const listener = this.listener(listenerRef);
    const tally: AlbTrafficTally = {
      requests,
      failures: 0,
      rules: {},
      targetGroups: {},
      targets: {},
      failOpen: {},
      errors: {},
    };
    const next = random(opts.seed ?? ++this.trafficRuns);
    const request = albRequest(opts);
    const rule = this.rulesOf(listener).find((r) => r.conditions.every((c) => conditionMatches(c, request)));
    const actions = rule?.actions ?? listener.defaultActions;
    const ruleKey = rule ? String(rule.priority) : 'default';
    const used = this.usage();
    const fail = (reason: string) => {
      tally.failures++;
      tally.errors[reason] = (tally.errors[reason] ?? 0) + 1;
    };
    for (let i = 0; i < requests; i++) {
      tally.rules[ruleKey] = (tally.rules[ruleKey] ?? 0) + 1;
      const action = actions.find((a) => TERMINAL.has(a.Type))!;
      if (action.Type === 'fixed-response') {
        fail(`fixed response ${action.FixedResponseConfig.StatusCode}`);
        continue;
      }
      if (action.Type === 'redirect') {
        fail(`redirect ${action.RedirectConfig.StatusCode}`);
        continue;
      }
      const groups = action.ForwardConfig.TargetGroups as { TargetGroupArn: string; Weight: number }[];
      const total = groups.reduce((sum, g) => sum + g.Weight, 0);
      const chosen = weighted(groups, next() * total);
      const group = chosen && this.targetGroups.get(chosen.TargetGroupArn);
      if (!group) {
        fail('all target group weights are 0');
        continue;
      }
      tally.targetGroups[group.name] = (tally.targetGroups[group.name] ?? 0) + 1;
      const registered = [...group.targets.values()];
      if (registered.length === 0) {
        fail(`no registered target in tg ${group.name}`);
        continue;
      }
      const healthy = registered.filter((t) => this.targetHealth(group, t, used).State === 'healthy');
      const minimum = Number(group.attributes[MIN_HEALTHY] ?? 1) || 1;
      const failOpen = healthy.length < minimum;
      if (failOpen) tally.failOpen[group.name] = (tally.failOpen[group.name] ?? 0) + 1;
      const pool = failOpen ? registered : healthy;
      const target = pool[Math.floor(next() * pool.length)];
      const key = `${target.id}:${target.port}`;
      tally.targets[key] = (tally.targets[key] ?? 0) + 1;
    }
    return tally;
  }

  /** State for the emulator's dump. */
  dump(): Json {
    const used = this.usage();
    return {
      loadBalancers: [...this.loadBalancers.values()].map((lb) => ({
        ...this.loadBalancerView(lb),
        listeners: [...lb.listeners.values()].map((l) => ({
          ...this.listenerView(l),
          rules: [...this.rulesOf(l), 'default' as const].map((r) => this.ruleView(l, r)),
        })),
      })),
      targetGroups: [...this.targetGroups.values()].map((g) => ({
        ...this.targetGroupView(g, used),
        attributes: { ...g.attributes },
        targets: [...g.targets.values()].map((t) => ({ ...t, health: this.targetHealth(g, t, used) })),
      })),
      tags: Object.fromEntries([...this.tags].map(([arn, tags]) => [arn, Object.fromEntries(tags)])),
    };
  }
}

/** The group whose cumulative weight first passes `pick` (0 ≤ pick < total); groups at weight 0 are never chosen. */
function weighted<T extends { Weight: number }>(groups: T[], pick: number): T | undefined {
  let left = pick;
  for (const group of groups) {
    if (group.Weight <= 0) continue;
    left -= group.Weight;
    if (left < 0) return group;
  }
  return undefined;
}

/** The target groups of the forward actions among `actions`. */
function forwardGroups(actions: Json[]): { TargetGroupArn: string; Weight: number }[] {
  return actions.filter((a) => a.Type === 'forward').flatMap((a) => a.ForwardConfig.TargetGroups);
}

// --- request matching (the traffic simulation) --------------------------------------------------------------------

interface AlbRequest {
  method: string;
  host: string;
  path: string;
  query: URLSearchParams;
  headers: Map<string, string>;
  sourceIp?: string;
}

function albRequest(opts: AlbTrafficOptions): AlbRequest {
  const headers = new Map(Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const url = new URL(opts.path ?? '/', 'http://alb.local');
  return {
    method: opts.method ?? 'GET',
    host: opts.host ?? headers.get('host') ?? '',
    path: decodeURI(url.pathname),
    query: url.searchParams,
    headers,
    sourceIp: opts.sourceIp,
  };
}

/** An ALB wildcard pattern (`*` any run of characters, `?` one character) matched against the whole value. */
function wildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

/** Whether any of a condition's values (wildcards) or regular expressions (searched) match `value`. */
function anyMatch(config: Json, value: string | undefined, ignoreCase: boolean): boolean {
  if (value === undefined) return false;
  const values = (config.Values ?? []) as string[];
  const regexes = (config.RegexValues ?? []) as string[];
  return values.some((v) => wildcard(v, value, ignoreCase)) || regexes.some((r) => new RegExp(r).test(value));
}

function conditionMatches(c: Json, request: AlbRequest): boolean {
  switch (c.Field) {
    case 'host-header':
      return anyMatch(c.HostHeaderConfig, request.host.replace(/:\d+$/, ''), true);
    case 'path-pattern':
      return anyMatch(c.PathPatternConfig, request.path, false);
    case 'http-header':
      return anyMatch(
        c.HttpHeaderConfig,
        request.headers.get(String(c.HttpHeaderConfig.HttpHeaderName).toLowerCase()),
        true,
      );
    case 'http-request-method':
      return (c.HttpRequestMethodConfig.Values as string[]).includes(request.method);
    case 'query-string':
      return (c.QueryStringConfig.Values as { Key?: string; Value: string }[]).some(({ Key, Value }) =>
        [...request.query].some(([k, v]) => (Key === undefined || wildcard(Key, k, true)) && wildcard(Value, v, true)),
      );
    case 'source-ip':
      return (c.SourceIpConfig.Values as string[]).some((cidr) => inCidr(request.sourceIp, cidr));
    default:
      return false;
  }
}

function inCidr(ip: string | undefined, cidr: string): boolean {
  const [base, bits = '32'] = cidr.split('/');
  const toInt = (a: string) => {
    const m = IPV4.exec(a);
    return m ? ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0 : undefined;
  };
  const [address, network] = [ip === undefined ? undefined : toInt(ip), toInt(base)];
  if (address === undefined || network === undefined) return ip === cidr;
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return (address & mask) >>> 0 === (network & mask) >>> 0;
}

// --- the awsQuery protocol ----------------------------------------------------------------------------------------

/** Whether a request speaks awsQuery (a form-encoded POST body), as the ELBv2 SDK client sends it. */
export function isQueryRequest(contentType: string | undefined): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(contentType ?? '');
}

interface FormNode {
  value?: string;
  children: Map<string, FormNode>;
}

/**
 * The operation and input of an awsQuery request: `Action` names the operation; the other parameters are its input
 * members, read by the model — `.member.N` list items, `.entry.N.key`/`.value` map entries, dotted structure members,
 * an empty value for an empty list; numbers and booleans parsed (left as strings when they do not parse, so model
 * validation names them).
 */
export function decodeQueryRequest(
  model: Model,
  body: string,
): { operation: Operation; input: Json } | { name: string; error: AwsError } {
  const params = new URLSearchParams(body);
  const action = params.get('Action') ?? '';
  const operation = action ? model.operation(action) : undefined;
  if (!operation) {
    return {
      name: action || 'unknown',
      error: new AwsError('InvalidAction', `The action ${action || '(none)'} is not valid for this web service.`),
    };
  }
  const root: FormNode = { children: new Map() };
  for (const [key, value] of params) {
    if (key === 'Action' || key === 'Version') continue;
    let node = root;
    for (const part of key.split('.')) {
      let child = node.children.get(part);
      if (!child) {
        child = { children: new Map() };
        node.children.set(part, child);
      }
      node = child;
    }
    node.value = value;
  }
  const input = operation.input ? (decodeNode(model, operation.input.shape, root) as Json) : {};
  return { operation, input };
}

function decodeNode(model: Model, shapeName: string, node: FormNode): unknown {
  const shape = model.shape(shapeName);
  switch (shape.type) {
    case 'structure': {
      const out: Json = {};
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        const child = node.children.get(member.locationName ?? name);
        if (child) out[name] = decodeNode(model, member.shape, child);
      }
      return out;
    }
    case 'list': {
      const items = node.children.get('member') ?? node;
      return numbered(items).map((item) => decodeNode(model, shape.member!.shape, item));
    }
    case 'map': {
      const out: Json = {};
      for (const entry of numbered(node.children.get('entry') ?? node)) {
        const key = entry.children.get('key')?.value;
        const value = entry.children.get('value');
        if (key !== undefined && value) out[key] = decodeNode(model, shape.value!.shape, value);
      }
      return out;
    }
    case 'integer':
    case 'long':
      return /^-?\d+$/.test(node.value ?? '') ? Number(node.value) : node.value;
    case 'double':
    case 'float':
      return node.value !== undefined && node.value !== '' && !Number.isNaN(Number(node.value))
        ? Number(node.value)
        : node.value;
    case 'boolean':
      return node.value === 'true' ? true : node.value === 'false' ? false : node.value;
    default:
      return node.value ?? '';
  }
}

/** The children of a node named 1, 2, 3… in numeric order. */
function numbered(node: FormNode): FormNode[] {
  return [...node.children.entries()]
    .filter(([k]) => /^\d+$/.test(k))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, child]) => child);
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** An output value as awsQuery XML, by the model: members in model order, list items as <member>, ISO timestamps. */
function toXml(model: Model, shapeName: string, value: unknown): string {
  const shape = model.shape(shapeName);
  switch (shape.type) {
    case 'structure':
      return Object.entries(shape.members ?? {})
        .map(([name, member]) => {
          const v = (value as Json)[name];
          if (v === undefined || v === null) return '';
          const tag = member.locationName ?? name;
          return `<${tag}>${toXml(model, member.shape, v)}</${tag}>`;
        })
        .join('');
    case 'list':
      return (value as unknown[]).map((item) => `<member>${toXml(model, shape.member!.shape, item)}</member>`).join('');
    case 'map':
      return Object.entries(value as Json)
        .map(
          ([k, v]) => `<entry><key>${escapeXml(k)}</key><value>${toXml(model, shape.value!.shape, v)}</value></entry>`,
        )
        .join('');
    case 'timestamp':
      return new Date(value as number | string).toISOString();
    default:
      return escapeXml(String(value));
  }
}

/** A successful awsQuery answer: `<XResponse><XResult>…</XResult><ResponseMetadata>…` in the service's namespace. */
export function queryResponse(model: Model, operation: Operation, output: Json, requestId: string): string {
  const name = operation.name;
  const wrapper = (operation.output as { resultWrapper?: string } | undefined)?.resultWrapper ?? `${name}Result`;
  const result = operation.output ? toXml(model, operation.output.shape, output ?? {}) : '';
  return (
    `<${name}Response xmlns="${ELBV2_XMLNS}"><${wrapper}>${result}</${wrapper}>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${name}Response>`
  );
}

/** An awsQuery error: `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error>…`. */
export function queryError(code: string, message: string, receiver: boolean, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${ELBV2_XMLNS}"><Error><Type>${receiver ? 'Receiver' : 'Sender'}</Type>` +
    `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
