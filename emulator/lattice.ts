// Amazon VPC Lattice: services with listeners and rules, target groups and their targets. ECS registers the tasks of a
// service with vpcLatticeConfigurations as IP targets. Target health follows AWS: a target of a group that no listener
// default action or rule forwards to (at any weight, 0 included) is UNUSED; otherwise it is INITIAL for the first
// `healthyAfterPolls` ListTargets polls of its group (or, when `healthyAfterMs` is set, until that long after its health
// checks started: from when it was registered — a task's start — or its group came into use, whichever is later), then
// HEALTHY — or UNHEALTHY for good when its task runs an image in `unhealthyImages`. Identifiers may be IDs or ARNs, as AWS accepts; names are accepted by the seeding methods only.
import { ACCOUNT, AwsError, clone, iso, newId } from './common.js';

type Json = Record<string, any>;

export interface WeightedTargetGroup {
  targetGroupIdentifier: string;
  weight?: number;
}

export interface RuleAction {
  forward?: { targetGroups: WeightedTargetGroup[] };
  fixedResponse?: { statusCode: number };
}

export interface HttpMatch {
  method?: string;
  pathMatch?: { match: { exact?: string; prefix?: string }; caseSensitive?: boolean };
  headerMatches?: {
    name: string;
    match: { exact?: string; prefix?: string; contains?: string };
    caseSensitive?: boolean;
  }[];
}

export interface LatticeRule {
  id: string;
  arn: string;
  name: string;
  priority: number;
  match: { httpMatch: HttpMatch };
  action: RuleAction;
  createdAt: number;
  lastUpdatedAt: number;
}

export interface LatticeListener {
  id: string;
  arn: string;
  name: string;
  protocol: 'HTTP' | 'HTTPS' | 'TLS_PASSTHROUGH';
  port: number;
  serviceId: string;
  serviceArn: string;
  defaultAction: RuleAction;
  /** The listener's default rule, as ListRules and GetRule show it (isDefault, no priority). */
  defaultRule: { id: string; arn: string };
  rules: Map<string, LatticeRule>;
  createdAt: number;
  lastUpdatedAt: number;
}

export interface LatticeService {
  id: string;
  arn: string;
  name: string;
  authType: 'NONE' | 'AWS_IAM';
  dnsEntry: { domainName: string; hostedZoneId: string };
  listeners: Map<string, LatticeListener>;
  createdAt: number;
  lastUpdatedAt: number;
}

export interface LatticeTarget {
  id: string;
  port: number;
  /** ListTargets polls of its group that saw it in use (health checks run only while the group is in use). */
  polls: number;
  /** When it was registered (for a task: when the task started). */
  registeredAt: number;
  /** Since when its group has health-checked it: unset while the group is not in use. */
  checkingSince?: number;
  /** The ECS task behind the target, when ECS registered it. */
  taskId?: string;
  images: string[];
}

export interface TargetGroup {
  id: string;
  arn: string;
  name: string;
  type: 'IP' | 'LAMBDA' | 'INSTANCE' | 'ALB';
  config?: Json;
  status: 'ACTIVE';
  targets: Map<string, LatticeTarget>; // key `${id}:${port}`
  /** Since when a listener default action or rule has forwarded to it (health checks run from then on). */
  inUseSince?: number;
  createdAt: number;
  lastUpdatedAt: number;
}

export type TargetStatus = 'HEALTHY' | 'UNHEALTHY' | 'INITIAL' | 'UNUSED' | 'DRAINING' | 'UNAVAILABLE';

export interface LatticeOptions {
  region: string;
  /** How many ListTargets polls of its group a target of a group in use reports INITIAL before HEALTHY. */
  healthyAfterPolls: () => number;
  /** Or how long after its health checks started (registered, and its group in use), when set. */
  healthyAfterMs?: () => number | undefined;
}

type ResourceType = 'SERVICE' | 'LISTENER' | 'RULE' | 'TARGET_GROUP';

const notFound = (type: ResourceType, id: string) =>
  new AwsError('ResourceNotFoundException', `${type.toLowerCase().replace('_', ' ')} ${id} not found`, undefined, {
    resourceId: id,
    resourceType: type,
  });
const conflict = (type: ResourceType, id: string, message: string) =>
  new AwsError('ConflictException', message, undefined, { resourceId: id, resourceType: type });
const invalid = (message: string) => new AwsError('ValidationException', message, undefined, { reason: 'other' });
/** The trailing `<kind>/<id>` of an ARN, or the identifier itself. */
const idOf = (ref: string, kind: string) => new RegExp(`(?:^|[:/])${kind}/([^/]+)$`).exec(ref)?.[1] ?? ref;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const PAGE = 50;

/** One page of `items` after `nextToken` (an offset the emulator encodes), as the List operations answer. */
function page<T>(items: T[], input: Json): { items: T[]; nextToken?: string } {
  let start = 0;
  if (input.nextToken !== undefined) {
    start = Number(
      Buffer.from(String(input.nextToken), 'base64url')
        .toString('utf8')
        .replace(/^offset:/, ''),
    );
    if (!Number.isInteger(start) || start < 0) throw invalid('The nextToken is not valid');
  }
  const end = start + (input.maxResults ?? PAGE);
  return {
    items: items.slice(start, end),
    nextToken: end < items.length ? Buffer.from(`offset:${end}`).toString('base64url') : undefined,
  };
}

export class Lattice {
  services = new Map<string, LatticeService>();
  targetGroups = new Map<string, TargetGroup>();
  tags = new Map<string, Record<string, string>>(); // ARN → tags
  /** Images whose tasks fail the target group's health check: their targets report UNHEALTHY for good. */
  unhealthyImages = new Set<string>();

  constructor(private readonly opts: LatticeOptions) {}

  private arn(path: string): string {
    return `arn:aws:vpc-lattice:${this.opts.region}:${ACCOUNT}:${path}`;
  }

  // --- lookups: ID or ARN (as AWS accepts), or name (seeding and the traffic simulation) -------------------------

  service(ref: string): LatticeService {
    const id = idOf(ref, 'service');
    const found = this.services.get(id) ?? [...this.services.values()].find((s) => s.name === ref);
    if (!found) throw notFound('SERVICE', ref);
    return found;
  }

  listener(serviceRef: string, ref: string): LatticeListener {
    const service = this.service(serviceRef);
    const id = idOf(ref, 'listener');
    const found = service.listeners.get(id) ?? [...service.listeners.values()].find((l) => l.name === ref);
    if (!found) throw notFound('LISTENER', ref);
    return found;
  }

  private rule(listener: LatticeListener, ref: string): LatticeRule | 'default' {
    const id = idOf(ref, 'rule');
    if (id === listener.defaultRule.id) return 'default';
    const found = listener.rules.get(id) ?? [...listener.rules.values()].find((r) => r.name === ref);
    if (!found) throw notFound('RULE', ref);
    return found;
  }

  findTargetGroup(ref: string): TargetGroup | undefined {
    return (
      this.targetGroups.get(idOf(ref, 'targetgroup')) ?? [...this.targetGroups.values()].find((t) => t.name === ref)
    );
  }

  targetGroup(ref: string): TargetGroup {
    const found = this.findTargetGroup(ref);
    if (!found) throw notFound('TARGET_GROUP', ref);
    return found;
  }

  /** The rules of a listener in evaluation order: lowest priority number first. */
  rulesOf(listener: LatticeListener): LatticeRule[] {
    return [...listener.rules.values()].sort((a, b) => a.priority - b.priority);
  }

  // --- creation and updates (the API handlers and fixtures both use these) ----------------------------------------

  createService(input: { name: string; authType?: 'NONE' | 'AWS_IAM'; tags?: Record<string, string> }): LatticeService {
    if ([...this.services.values()].some((s) => s.name === input.name)) {
      throw conflict('SERVICE', input.name, `Service ${input.name} already exists`);
    }
    const id = newId('svc-', 17);
    const now = Date.now();
    const service: LatticeService = {
      id,
      arn: this.arn(`service/${id}`),
      name: input.name,
      authType: input.authType ?? 'NONE',
      dnsEntry: {
        domainName: `${input.name}-${id.slice(4)}.7d67968.vpc-lattice-svcs.${this.opts.region}.on.aws`,
        hostedZoneId: 'Z0123456789ABCDEFGHIJ',
      },
      listeners: new Map(),
      createdAt: now,
      lastUpdatedAt: now,
    };
    this.services.set(id, service);
    this.tag(service.arn, input.tags);
    return service;
  }

  createListener(
    serviceRef: string,
    input: {
      name: string;
      protocol: LatticeListener['protocol'];
      port?: number;
      defaultAction: RuleAction;
      tags?: Record<string, string>;
    },
  ): LatticeListener {
    const service = this.service(serviceRef);
    const port = input.port ?? (input.protocol === 'HTTP' ? 80 : 443);
    for (const other of service.listeners.values()) {
      if (other.name === input.name || other.port === port) {
        throw conflict(
          'LISTENER',
          other.id,
          `Service ${service.name} already has listener ${other.name} on port ${other.port}`,
        );
      }
    }
    const id = newId('listener-', 17);
    const arn = `${service.arn}/listener/${id}`;
    const rule = newId('rule-', 17);
    const now = Date.now();
    const listener: LatticeListener = {
      id,
      arn,
      name: input.name,
      protocol: input.protocol,
      port,
      serviceId: service.id,
      serviceArn: service.arn,
      defaultAction: this.action(input.defaultAction),
      defaultRule: { id: rule, arn: `${arn}/rule/${rule}` },
      rules: new Map(),
      createdAt: now,
      lastUpdatedAt: now,
    };
    service.listeners.set(id, listener);
    this.tag(arn, input.tags);
    return listener;
  }

  updateListener(serviceRef: string, listenerRef: string, defaultAction: RuleAction): LatticeListener {
    const listener = this.listener(serviceRef, listenerRef);
    listener.defaultAction = this.action(defaultAction);
    listener.lastUpdatedAt = Date.now();
    return listener;
  }

  createRule(
    serviceRef: string,
    listenerRef: string,
    input: {
      name: string;
      priority: number;
      match: { httpMatch: HttpMatch };
      action: RuleAction;
      tags?: Record<string, string>;
    },
  ): LatticeRule {
    const listener = this.listener(serviceRef, listenerRef);
    if (listener.protocol === 'TLS_PASSTHROUGH') throw invalid('A TLS_PASSTHROUGH listener has no rules');
    for (const other of listener.rules.values()) {
      if (other.name === input.name) {
        throw conflict('RULE', other.id, `Listener ${listener.name} already has a rule named ${input.name}`);
      }
    }
    this.checkPriority(listener, input.priority);
    const id = newId('rule-', 17);
    const now = Date.now();
    const rule: LatticeRule = {
      id,
      arn: `${listener.arn}/rule/${id}`,
      name: input.name,
      priority: input.priority,
      match: clone(input.match),
      action: this.action(input.action),
      createdAt: now,
      lastUpdatedAt: now,
    };
    listener.rules.set(id, rule);
    this.tag(rule.arn, input.tags);
    return rule;
  }

  updateRule(
    serviceRef: string,
    listenerRef: string,
    ruleRef: string,
    input: { match?: { httpMatch: HttpMatch }; priority?: number; action?: RuleAction },
  ): LatticeRule {
    const listener = this.listener(serviceRef, listenerRef);
    const rule = this.rule(listener, ruleRef);
    if (rule === 'default') {
      throw invalid('The default rule of a listener cannot be updated with UpdateRule; use UpdateListener');
    }
    if (input.priority !== undefined && input.priority !== rule.priority) this.checkPriority(listener, input.priority);
    const action = input.action ? this.action(input.action) : rule.action;
    if (input.match) rule.match = clone(input.match);
    if (input.priority !== undefined) rule.priority = input.priority;
    rule.action = action;
    rule.lastUpdatedAt = Date.now();
    return rule;
  }

  private checkPriority(listener: LatticeListener, priority: number): void {
    const taken = [...listener.rules.values()].find((r) => r.priority === priority);
    if (taken) {
      throw conflict(
        'RULE',
        taken.id,
        `Priority ${priority} is already used by rule ${taken.name} of listener ${listener.name}`,
      );
    }
  }

  createTargetGroup(input: {
    name: string;
    type: TargetGroup['type'];
    config?: Json;
    tags?: Record<string, string>;
  }): TargetGroup {
    if (this.findTargetGroup(input.name)) {
      throw conflict('TARGET_GROUP', input.name, `Target group ${input.name} already exists`);
    }
    if (input.type !== 'LAMBDA' && (!input.config?.port || !input.config?.protocol || !input.config?.vpcIdentifier)) {
      throw invalid(`A target group of type ${input.type} needs config.port, config.protocol and config.vpcIdentifier`);
    }
    const id = newId('tg-', 17);
    const now = Date.now();
    const group: TargetGroup = {
      id,
      arn: this.arn(`targetgroup/${id}`),
      name: input.name,
      type: input.type,
      config: input.config && this.config(input.type, input.config),
      status: 'ACTIVE',
      targets: new Map(),
      createdAt: now,
      lastUpdatedAt: now,
    };
    this.targetGroups.set(id, group);
    this.tag(group.arn, input.tags);
    return group;
  }

  /** A target group config with the defaults AWS fills in. */
  private config(type: TargetGroup['type'], config: Json): Json {
    const protocolVersion = config.protocol === 'TCP' ? undefined : (config.protocolVersion ?? 'HTTP1');
    const healthCheck =
      config.protocol === 'TCP'
        ? config.healthCheck
        : {
            enabled: true,
            protocol: config.protocol,
            protocolVersion: protocolVersion === 'HTTP2' ? 'HTTP2' : 'HTTP1',
            path: '/',
            healthCheckIntervalSeconds: 30,
            healthCheckTimeoutSeconds: 5,
            healthyThresholdCount: 5,
            unhealthyThresholdCount: 2,
            matcher: { httpCode: '200' },
            ...config.healthCheck,
          };
    return {
      ...clone(config),
      protocolVersion,
      ipAddressType: type === 'IP' ? (config.ipAddressType ?? 'IPV4') : config.ipAddressType,
      healthCheck,
    };
  }

  /** Checks an action's target groups and stores them by ID with their weights (default 1), as AWS reports them. */
  private action(action: RuleAction): RuleAction {
    if (!action.forward) return clone(action);
    const targetGroups = action.forward.targetGroups.map((t) => ({
      targetGroupIdentifier: this.targetGroup(t.targetGroupIdentifier).id,
      weight: t.weight ?? 1,
    }));
    return { forward: { targetGroups } };
  }

  private tag(arn: string, tags: Record<string, string> | undefined): void {
    if (tags && Object.keys(tags).length > 0) this.tags.set(arn, { ...this.tags.get(arn), ...tags });
  }

  // --- targets and their health ------------------------------------------------------------------------------------

  /** Target groups a listener default action or rule forwards to (at any weight), with the services that do. */
  inUse(): Map<string, Set<string>> {
    const used = new Map<string, Set<string>>();
    for (const service of this.services.values()) {
      for (const listener of service.listeners.values()) {
        for (const action of [listener.defaultAction, ...[...listener.rules.values()].map((r) => r.action)]) {
          for (const t of action.forward?.targetGroups ?? []) {
            used.set(t.targetGroupIdentifier, (used.get(t.targetGroupIdentifier) ?? new Set()).add(service.arn));
          }
        }
      }
    }
    return used;
  }

  targetStatus(group: TargetGroup, target: LatticeTarget, inUse = this.inUse()): TargetStatus {
    if (!inUse.has(group.id)) return 'UNUSED';
    if (target.images.some((image) => this.unhealthyImages.has(image))) return 'UNHEALTHY';
    const after = this.opts.healthyAfterMs?.();
    const checked =
      after !== undefined && target.checkingSince !== undefined && Date.now() - target.checkingSince >= after;
    return checked || target.polls >= this.opts.healthyAfterPolls() ? 'HEALTHY' : 'INITIAL';
  }

  /** Starts the health checks of targets whose group came into use (or that joined one in use); stops the others'. */
  sync(now = Date.now()): void {
    const used = this.inUse();
    for (const group of this.targetGroups.values()) {
      if (!used.has(group.id)) group.inUseSince = undefined;
      else group.inUseSince ??= now;
      for (const target of group.targets.values()) {
        target.checkingSince =
          group.inUseSince === undefined ? undefined : Math.max(target.registeredAt, group.inUseSince);
      }
    }
  }

  /** Skips the INITIAL polls: targets of the group (or of every group) pass their health checks now. */
  markHealthy(groupRef?: string): void {
    const groups = groupRef ? [this.targetGroup(groupRef)] : [...this.targetGroups.values()];
    for (const group of groups) {
      for (const target of group.targets.values()) target.polls = Math.max(target.polls, this.opts.healthyAfterPolls());
    }
  }

  /** Registers a target (ECS does this for a task of a service with vpcLatticeConfigurations). */
  register(
    groupRef: string,
    target: { id: string; port?: number; taskId?: string; images?: string[]; at?: number },
  ): LatticeTarget {
    const group = this.targetGroup(groupRef);
    const port = target.port ?? group.config?.port;
    const key = `${target.id}:${port}`;
    const existing = group.targets.get(key);
    if (existing) return existing;
    const registered: LatticeTarget = {
      id: target.id,
      port,
      polls: 0,
      registeredAt: target.at ?? Date.now(),
      taskId: target.taskId,
      images: target.images ?? [],
    };
    group.targets.set(key, registered);
    this.sync();
    return registered;
  }

  /** Deregisters a target; on AWS it drains first, here it is gone at once. */
  deregister(groupRef: string, id: string, port?: number): boolean {
    const group = this.findTargetGroup(groupRef);
    return group ? group.targets.delete(`${id}:${port ?? group.config?.port}`) : false;
  }

  private listTargets(input: Json): Json {
    const group = this.targetGroup(input.targetGroupIdentifier);
    const wanted = (input.targets ?? []) as { id: string; port?: number }[];
    const inUse = this.inUse();
    const targets = [...group.targets.values()].filter(
      (t) => wanted.length === 0 || wanted.some((w) => w.id === t.id && (w.port ?? t.port) === t.port),
    );
    const { items, nextToken } = page(targets, input);
    const summaries = items.map((target) => {
      const status = this.targetStatus(group, target, inUse);
      if (status === 'UNUSED') target.polls = 0; // health checks start over when the group comes into use
      if (status === 'INITIAL') target.polls += 1;
      return { id: target.id, port: target.port, status };
    });
    return { items: summaries, nextToken };
  }

  private changeTargets(input: Json, register: boolean): Json {
    const group = this.targetGroup(input.targetGroupIdentifier);
    const successful: Json[] = [];
    const unsuccessful: Json[] = [];
    for (const t of input.targets as { id: string; port?: number }[]) {
      const port = t.port ?? group.config?.port;
      if (register && group.type === 'IP' && !(IPV4.test(t.id) || t.id.includes(':'))) {
        unsuccessful.push({
          id: t.id,
          port,
          failureCode: 'InvalidTargetId',
          failureMessage: `${t.id} is not an IP address`,
        });
      } else if (register) {
        this.register(group.id, { id: t.id, port });
        successful.push({ id: t.id, port });
      } else if (this.deregister(group.id, t.id, port)) {
        successful.push({ id: t.id, port });
      } else {
        unsuccessful.push({
          id: t.id,
          port,
          failureCode: 'TargetNotFound',
          failureMessage: `Target ${t.id}:${port} is not registered`,
        });
      }
    }
    return { successful, unsuccessful };
  }

  // --- views ------------------------------------------------------------------------------------------------------

  private serviceView(s: LatticeService): Json {
    return {
      id: s.id,
      arn: s.arn,
      name: s.name,
      status: 'ACTIVE',
      authType: s.authType,
      dnsEntry: clone(s.dnsEntry),
      createdAt: iso(s.createdAt),
      lastUpdatedAt: iso(s.lastUpdatedAt),
    };
  }

  private listenerView(l: LatticeListener): Json {
    return {
      id: l.id,
      arn: l.arn,
      name: l.name,
      protocol: l.protocol,
      port: l.port,
      serviceId: l.serviceId,
      serviceArn: l.serviceArn,
      defaultAction: clone(l.defaultAction),
      createdAt: iso(l.createdAt),
      lastUpdatedAt: iso(l.lastUpdatedAt),
    };
  }

  private ruleView(listener: LatticeListener, rule: LatticeRule | 'default'): Json {
    if (rule === 'default') {
      const { id, arn } = listener.defaultRule;
      return {
        id,
        arn,
        name: 'default',
        isDefault: true,
        action: clone(listener.defaultAction),
        createdAt: iso(listener.createdAt),
        lastUpdatedAt: iso(listener.lastUpdatedAt),
      };
    }
    return {
      id: rule.id,
      arn: rule.arn,
      name: rule.name,
      isDefault: false,
      priority: rule.priority,
      match: clone(rule.match),
      action: clone(rule.action),
      createdAt: iso(rule.createdAt),
      lastUpdatedAt: iso(rule.lastUpdatedAt),
    };
  }

  private targetGroupView(g: TargetGroup, inUse = this.inUse()): Json {
    return {
      id: g.id,
      arn: g.arn,
      name: g.name,
      type: g.type,
      config: clone(g.config),
      status: g.status,
      serviceArns: [...(inUse.get(g.id) ?? [])],
      createdAt: iso(g.createdAt),
      lastUpdatedAt: iso(g.lastUpdatedAt),
    };
  }

  private targetGroupSummary(g: TargetGroup, inUse: Map<string, Set<string>>): Json {
    const { config, ...view } = this.targetGroupView(g, inUse);
    return {
      ...view,
      port: config?.port,
      protocol: config?.protocol,
      ipAddressType: config?.ipAddressType,
      vpcIdentifier: config?.vpcIdentifier,
    };
  }

  /** Throws ResourceNotFoundException unless `arn` names a service, listener, rule or target group. */
  private taggable(arn: string): string {
    const all = [...this.services.values()].flatMap((s) => [
      s.arn,
      ...[...s.listeners.values()].flatMap((l) => [
        l.arn,
        l.defaultRule.arn,
        ...[...l.rules.values()].map((r) => r.arn),
      ]),
    ]);
    if (all.includes(arn) || [...this.targetGroups.values()].some((g) => g.arn === arn)) return arn;
    const type = /\/rule\//.test(arn)
      ? 'RULE'
      : /\/listener\//.test(arn)
        ? 'LISTENER'
        : /:targetgroup\//.test(arn)
          ? 'TARGET_GROUP'
          : 'SERVICE';
    throw notFound(type, arn);
  }

  // --- the API ----------------------------------------------------------------------------------------------------

  handle(operation: string, input: Json): unknown {
    const handler = this.operations[operation];
    if (!handler) {
      throw new AwsError('UnknownOperationException', `The emulator does not implement VPC Lattice ${operation}`, 404);
    }
    const answer = handler(input);
    this.sync();
    return answer;
  }

  private readonly operations: Record<string, (input: Json) => unknown> = {
    CreateService: (i) => this.serviceView(this.createService(i as never)),
    GetService: (i) => this.serviceView(this.service(i.serviceIdentifier)),
    ListServices: (i) => {
      const { items, nextToken } = page([...this.services.values()], i);
      return { items: items.map((s) => this.serviceView(s)), nextToken };
    },
    CreateListener: (i) => this.listenerView(this.createListener(i.serviceIdentifier, i as never)),
    GetListener: (i) => this.listenerView(this.listener(i.serviceIdentifier, i.listenerIdentifier)),
    UpdateListener: (i) =>
      this.listenerView(this.updateListener(i.serviceIdentifier, i.listenerIdentifier, i.defaultAction)),
    DeleteListener: (i) => {
      const listener = this.listener(i.serviceIdentifier, i.listenerIdentifier);
      this.service(i.serviceIdentifier).listeners.delete(listener.id);
      return {};
    },
    ListListeners: (i) => {
      const { items, nextToken } = page([...this.service(i.serviceIdentifier).listeners.values()], i);
      return {
        items: items.map((l) => {
          const { serviceId: _s, serviceArn: _a, defaultAction: _d, ...summary } = this.listenerView(l);
          return summary;
        }),
        nextToken,
      };
    },
    CreateRule: (i) =>
      this.ruleView(
        this.listener(i.serviceIdentifier, i.listenerIdentifier),
        this.createRule(i.serviceIdentifier, i.listenerIdentifier, i as never),
      ),
    GetRule: (i) => {
      const listener = this.listener(i.serviceIdentifier, i.listenerIdentifier);
      return this.ruleView(listener, this.rule(listener, i.ruleIdentifier));
    },
    UpdateRule: (i) => {
      const {
        createdAt: _c,
        lastUpdatedAt: _u,
        ...view
      } = this.ruleView(
        this.listener(i.serviceIdentifier, i.listenerIdentifier),
        this.updateRule(i.serviceIdentifier, i.listenerIdentifier, i.ruleIdentifier, i),
      );
      return view;
    },
    BatchUpdateRule: (i) => this.batchUpdateRule(i),
    DeleteRule: (i) => {
      const listener = this.listener(i.serviceIdentifier, i.listenerIdentifier);
      const rule = this.rule(listener, i.ruleIdentifier);
      if (rule === 'default') throw invalid('The default rule of a listener cannot be deleted');
      listener.rules.delete(rule.id);
      this.tags.delete(rule.arn);
      return {};
    },
    ListRules: (i) => {
      const listener = this.listener(i.serviceIdentifier, i.listenerIdentifier);
      const { items, nextToken } = page([...this.rulesOf(listener), 'default' as const], i);
      return {
        items: items.map((r) => {
          const { match: _m, action: _a, ...summary } = this.ruleView(listener, r);
          return summary;
        }),
        nextToken,
      };
    },
    CreateTargetGroup: (i) => {
      const {
        serviceArns: _s,
        createdAt: _c,
        lastUpdatedAt: _u,
        ...view
      } = this.targetGroupView(this.createTargetGroup(i as never));
      return view;
    },
    GetTargetGroup: (i) => this.targetGroupView(this.targetGroup(i.targetGroupIdentifier)),
    ListTargetGroups: (i) => {
      const inUse = this.inUse();
      const groups = [...this.targetGroups.values()].filter(
        (g) =>
          (!i.vpcIdentifier || g.config?.vpcIdentifier === i.vpcIdentifier) &&
          (!i.targetGroupType || g.type === i.targetGroupType),
      );
      const { items, nextToken } = page(groups, i);
      return { items: items.map((g) => this.targetGroupSummary(g, inUse)), nextToken };
    },
    DeleteTargetGroup: (i) => {
      const group = this.targetGroup(i.targetGroupIdentifier);
      if (this.inUse().has(group.id)) {
        throw conflict('TARGET_GROUP', group.id, `Target group ${group.name} is in use by a listener or rule`);
      }
      this.targetGroups.delete(group.id);
      this.tags.delete(group.arn);
      return { id: group.id, arn: group.arn, status: 'DELETE_IN_PROGRESS' };
    },
    ListTargets: (i) => this.listTargets(i),
    RegisterTargets: (i) => this.changeTargets(i, true),
    DeregisterTargets: (i) => this.changeTargets(i, false),
    TagResource: (i) => {
      this.tag(this.taggable(i.resourceArn), i.tags);
      return {};
    },
    UntagResource: (i) => {
      const tags = this.tags.get(this.taggable(i.resourceArn)) ?? {};
      for (const key of i.tagKeys as string[]) delete tags[key];
      return {};
    },
    ListTagsForResource: (i) => ({ tags: { ...this.tags.get(this.taggable(i.resourceArn)) } }),
  };

  private batchUpdateRule(input: Json): Json {
    const listener = this.listener(input.serviceIdentifier, input.listenerIdentifier);
    const successful: Json[] = [];
    const unsuccessful: Json[] = [];
    for (const update of input.rules as Json[]) {
      try {
        const rule = this.updateRule(input.serviceIdentifier, input.listenerIdentifier, update.ruleIdentifier, update);
        const { createdAt: _c, lastUpdatedAt: _u, ...view } = this.ruleView(listener, rule);
        successful.push(view);
      } catch (err) {
        if (!(err instanceof AwsError)) throw err;
        unsuccessful.push({
          ruleIdentifier: update.ruleIdentifier,
          failureCode: err.code,
          failureMessage: err.message,
        });
      }
    }
    return { successful, unsuccessful };
  }

  /** State for the emulator's dump. */
  dump(): Json {
    const inUse = this.inUse();
    return {
      services: [...this.services.values()].map((s) => ({
        ...this.serviceView(s),
        listeners: [...s.listeners.values()].map((l) => ({
          ...this.listenerView(l),
          rules: [...this.rulesOf(l), 'default' as const].map((r) => this.ruleView(l, r)),
        })),
      })),
      targetGroups: [...this.targetGroups.values()].map((g) => ({
        ...this.targetGroupView(g, inUse),
        targets: [...g.targets.values()].map((t) => ({ ...t, status: this.targetStatus(g, t, inUse) })),
      })),
    };
  }
}
