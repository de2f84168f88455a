// Reads the ALB side of a run: the stable and canary target groups (the stable one from the stable ECS service's
// loadBalancers unless named), the listener rule or default action whose forward action holds the split (found among
// the listeners of the stable group's load balancer unless named), its actions and conditions, and what promote,
// rollback and the preview need besides. Everything a plan could trip over later is refused here, before any write,
// naming the input.
import type { Action, Listener, Rule, TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Service } from '@aws-sdk/client-ecs';
import { PlanError } from '../../errors.js';
import type { Operation } from '../../model.js';
import { toPercent } from '../../plan/weights.js';
import type { EcsReads } from '../provider.js';
import type { AlbApi, SplitRead } from './api.js';
import { type ForwardEntry, forwardOf, nameOf, weightOf, writableActions, writableConditions } from './forward.js';
import { type AlbSettings, defaultCanaryName, LISTENER_ARN, RULE_ARN, TOO_LONG } from './settings.js';
import {
  type AlbState,
  COPIED_ATTRIBUTES,
  CREATED_BY_TAG,
  type GroupConfig,
  type GroupRef,
  PREVIEW_TAG,
  type Where,
} from './state.js';

/** Each call after the first answers with the first call's promise: one Describe call serves every lookup of a read. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= read();
    return promise;
  };
}

const ours = (tags: Record<string, string> | undefined) => tags?.[CREATED_BY_TAG] === 'ecs-mesh-canary';

/** ECS or CodeDeploy owns the listener of a service they deploy with their own traffic shifting. */
function checkDeployment(stable: Service | undefined, name: string, operation: Operation): void {
  if (!stable || operation === 'rollback') return;
  const controller = stable.deploymentController?.type;
  if (controller === 'CODE_DEPLOY' || controller === 'EXTERNAL') {
    throw new PlanError(
      `ECS service ${name} is deployed by ${controller}, which owns its load balancer's listeners; this action only canaries services with the ECS deployment controller`,
      'stable-service',
    );
  }
  const strategy = stable.deploymentConfiguration?.strategy;
  if (strategy === 'BLUE_GREEN' || strategy === 'LINEAR' || strategy === 'CANARY') {
    throw new PlanError(
      `ECS service ${name} uses the ${strategy} deployment strategy, in which ECS shifts its listener's traffic itself; this action needs the ROLLING strategy (or use ECS's own ${strategy} deployments instead)`,
      'stable-service',
    );
  }
}

/** The target groups of a service's loadBalancers. */
const groupsOf = (service: Service | undefined) =>
  (service?.loadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn ? [lb] : []));

function stableGroupRef(s: AlbSettings, stable: Service | undefined, name: string): string {
  if (s.stableTargetGroup) return s.stableTargetGroup;
  if (!stable) {
    throw new PlanError(
      `ECS service ${name} does not exist (or is inactive), so its target group cannot be found; name the stable group`,
      'stable-target-group',
    );
  }
  const groups = groupsOf(stable);
  if (groups.length !== 1) {
    const list = groups.map((g) => nameOf(g.targetGroupArn!)).join(', ');
    const why = `ECS service ${name} has ${groups.length} target groups in its loadBalancers${list ? ` (${list})` : ''}; name the stable one`;
    throw new PlanError(why, 'stable-target-group');
  }
  return groups[0].targetGroupArn!;
}

/**
 * Both groups in one DescribeTargetGroups when both ARNs are known (the canary service's loadBalancers give its
 * group's): what the lookups by name would find, one round trip sooner. Undefined when they are not, or one is gone.
 */
async function bothByArn(api: AlbApi, stable: string, canaryService: Service | undefined) {
  const canary = canaryService ? groupsOf(canaryService) : [];
  if (!stable.startsWith('arn:') || canary.length !== 1) return undefined;
  const found = await api.targetGroupsByArn([stable, canary[0].targetGroupArn!]);
  return found.length === 2 ? found : undefined;
}

async function stableGroup(api: AlbApi, ref: string, prefetched?: TargetGroup[]) {
  const group = prefetched?.find((g) => g.TargetGroupArn === ref) ?? (await api.findTargetGroup(ref));
  if (!group?.TargetGroupArn) throw new PlanError(`Target group ${ref} does not exist`, 'stable-target-group');
  if (!group.LoadBalancerArns?.length) {
    throw new PlanError(
      `Target group ${group.TargetGroupName} is not used by any load balancer: no listener forwards to it`,
      'stable-target-group',
    );
  }
  return group;
}

async function canaryGroup(api: AlbApi, s: AlbSettings, stable: TargetGroup, prefetched?: TargetGroup[]) {
  let name = s.canaryTargetGroup;
  if (!name) {
    const fallback = defaultCanaryName(stable.TargetGroupName!);
    if (!fallback.fits) throw new PlanError(TOO_LONG(fallback.name), 'canary-target-group');
    name = fallback.name;
  }
  const known = prefetched?.find((g) => g.TargetGroupArn === name || g.TargetGroupName === name);
  const group = known ?? (await api.findTargetGroup(name));
  if (!group && name.startsWith('arn:'))
    throw new PlanError(`Target group ${name} does not exist`, 'canary-target-group');
  if (!group) return { name };
  const why = (what: string) => new PlanError(`Target group ${group.TargetGroupName} ${what}`, 'canary-target-group');
  if (group.TargetGroupArn === stable.TargetGroupArn) {
    throw new PlanError(
      `The canary target group must differ from the stable one (both are ${stable.TargetGroupName})`,
      'canary-target-group',
    );
  }
  if (group.VpcId !== stable.VpcId) {
    throw why(
      `is in ${group.VpcId}, the stable group ${stable.TargetGroupName} in ${stable.VpcId}: both must be in one VPC`,
    );
  }
  if (group.TargetType !== 'ip') {
    throw why(`has targets of type ${group.TargetType}; the canary's ECS tasks (awsvpc) register by IP`);
  }
  const elsewhere = (group.LoadBalancerArns ?? []).filter((lb) => !stable.LoadBalancerArns?.includes(lb));
  if (elsewhere.length) throw why(`is used by another load balancer (${elsewhere.join(', ')})`);
  return { name: group.TargetGroupName!, arn: group.TargetGroupArn!, group };
}

interface Located {
  where: Where;
  splitName: string;
  read: SplitRead;
  listener: Listener;
  /** The split listener's rules, when locating listed them. */
  rules?: Rule[];
  /** Every listener of the load balancer with its rules, when locating listed them. */
  all?: { listener: Listener; rules: Rule[] }[];
}

const listenerName = (l: Listener) => `${l.Protocol}:${l.Port}`;
/** The split's name as the report shows it after its type: `HTTP:80 (default action)`, `HTTP:80 priority 10`. */
const splitNameOf = (r: Rule, l: Listener) =>
  r.IsDefault ? `${listenerName(l)} (default action)` : `${listenerName(l)} priority ${r.Priority}`;
/** The split in a sentence: `listener HTTP:80 (default action)`, `listener rule HTTP:80 priority 10`. */
export const describeSplit = (state: { where: Where; splitName: string }) =>
  `${state.where.rule ? 'listener rule' : 'listener'} ${state.splitName}`;
const ruleName = (r: Rule, l: Listener) =>
  r.IsDefault ? `default action of listener ${listenerName(l)}` : `rule ${r.Priority} of listener ${listenerName(l)}`;

function fromRule(rule: Rule, listener: Listener, rules?: Rule[], all?: Located['all']): Located {
  const base = { listener, rules, all };
  if (rule.IsDefault) {
    const read = { arn: listener.ListenerArn!, actions: listener.DefaultActions ?? rule.Actions ?? [], conditions: [] };
    return { ...base, where: { listener: listener.ListenerArn! }, splitName: splitNameOf(rule, listener), read };
  }
  const read = {
    arn: rule.RuleArn!,
    actions: rule.Actions ?? [],
    conditions: rule.Conditions ?? [],
    priority: Number(rule.Priority),
  };
  return {
    ...base,
    where: { listener: listener.ListenerArn!, rule: rule.RuleArn! },
    splitName: splitNameOf(rule, listener),
    read,
  };
}

/** The split the listener-rule input names, or else the one forward of the load balancer that includes the stable group. */
async function locate(api: AlbApi, s: AlbSettings, stable: TargetGroup): Promise<Located> {
  const input = 'listener-rule';
  const ref = s.listenerRule;
  if (ref && RULE_ARN.test(ref)) {
    const rule = await api.rule(ref);
    if (!rule) throw new PlanError(`Listener rule ${ref} does not exist`, input);
    const listenerArn = ref.replace(':listener-rule/', ':listener/').replace(/\/[^/]+$/, '');
    const listener = await api.listener(listenerArn);
    if (!listener) throw new PlanError(`The listener of rule ${ref} does not exist`, input);
    return fromRule(rule, listener);
  }
  if (ref && LISTENER_ARN.test(ref)) {
    const listener = await api.listener(ref);
    if (!listener) throw new PlanError(`Listener ${ref} does not exist`, input);
    const read = { arn: listener.ListenerArn!, actions: listener.DefaultActions ?? [], conditions: [] };
    return {
      where: { listener: ref },
      splitName: `${listenerName(listener)} (default action)`,
      read,
      listener,
    };
  }
  const all = (
    await Promise.all(
      (stable.LoadBalancerArns ?? []).map(async (lb) => {
        const listeners = await api.listeners(lb);
        return Promise.all(
          listeners.map(async (listener) => ({ listener, rules: await api.rules(listener.ListenerArn!) })),
        );
      }),
    )
  ).flat();
  const found = all.flatMap(({ listener, rules }) =>
    rules.filter((r) => includes(r.Actions, stable)).map((rule) => ({ rule, listener, rules })),
  );
  if (found.length === 1) return fromRule(found[0].rule, found[0].listener, found[0].rules, all);
  const list = found
    .map(({ rule, listener }) =>
      rule.IsDefault
        ? `${listener.ListenerArn} (port ${listener.Port}, default action)`
        : `${rule.RuleArn} (port ${listener.Port}, priority ${rule.Priority})`,
    )
    .join('; ');
  const why = found.length
    ? `${found.length} forwards of the load balancer include the stable target group ${stable.TargetGroupName}: ${list}; name the one that holds the split (a rule's ARN, or a listener's ARN for its default action)`
    : `No listener rule or default action of the load balancer forwards to the stable target group ${stable.TargetGroupName}`;
  throw new PlanError(why, input);
}

const includes = (actions: Action[] | undefined, group: TargetGroup) =>
  (forwardOf(actions) ?? []).some((f) => f.group === group.TargetGroupArn);

function checkForward(actions: Action[], split: string, stable: GroupRef, canaryArn?: string) {
  const input = 'listener-rule';
  const forward = forwardOf(actions);
  if (!forward) {
    const last = actions.find((a) => a.Type === 'redirect' || a.Type === 'fixed-response')?.Type ?? 'no forward';
    throw new PlanError(`The ${split} is a ${last} action; this action only manages forward actions`, input);
  }
  if (!forward.some((f) => f.group === stable.arn)) {
    throw new PlanError(
      `The ${split} does not forward to the stable target group ${stable.name}`,
      'stable-target-group',
    );
  }
  const foreign = forward.filter((f) => f.group !== stable.arn && f.group !== canaryArn);
  const names = foreign.map((f) => nameOf(f.group)).join(', ');
  const why = `The ${split} also forwards to ${names}; this action only manages a split between the stable and canary target groups`;
  // Only an error when this run writes the split.
  return { forward, foreign: foreign.length ? { why, input } : undefined };
}

/** The stable service's loadBalancers entry for the stable group: how the canary service registers. */
function registration(stable: Service | undefined, group: GroupRef, operation: Operation, name: string) {
  const entry = groupsOf(stable).find((lb) => lb.targetGroupArn === group.arn);
  if (!entry && operation === 'deploy') {
    throw new PlanError(
      `ECS service ${name} is not registered in the stable target group ${group.name} (its loadBalancers)`,
      'stable-target-group',
    );
  }
  return {
    containerName: entry?.containerName ?? '',
    containerPort: entry?.containerPort ?? 0,
    healthCheckGracePeriodSeconds: stable?.healthCheckGracePeriodSeconds,
  };
}

function checkCanaryService(
  operation: Operation,
  canary: Service | undefined,
  name: string,
  group: { name: string; arn?: string },
) {
  if (operation !== 'deploy' || !canary) return;
  if (!group.arn || !groupsOf(canary).some((lb) => lb.targetGroupArn === group.arn)) {
    throw new PlanError(
      `ECS service ${name} exists but is not registered in the canary target group ${group.name} (its loadBalancers), so its tasks could never receive this load balancer's traffic; use a new canary-service name or delete that service`,
      'canary-service',
    );
  }
}

const CONFIG_KEYS: (keyof GroupConfig)[] = [
  'Protocol',
  'ProtocolVersion',
  'Port',
  'VpcId',
  'IpAddressType',
  'HealthCheckProtocol',
  'HealthCheckPort',
  'HealthCheckEnabled',
  'HealthCheckPath',
  'HealthCheckIntervalSeconds',
  'HealthCheckTimeoutSeconds',
  'HealthyThresholdCount',
  'UnhealthyThresholdCount',
  'Matcher',
];

function configOf(group: TargetGroup): GroupConfig {
  const config: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) if (group[key] !== undefined) config[key] = group[key];
  return config as GroupConfig;
}

const copied = (attributes: Record<string, string>) =>
  Object.fromEntries(COPIED_ATTRIBUTES.filter((k) => k in attributes).map((k) => [k, attributes[k]]));

/** The canary's share (percent) of a forward, 0 when it has no weight at all. */
function share(forward: ForwardEntry[], canaryArn: string): number {
  const total = forward.reduce((n, f) => n + f.weight, 0);
  return total === 0 ? 0 : Math.round((weightOf(forward, canaryArn) * 100) / total);
}

/** The stable service and group, then the split, the canary group and (deploy) the stable group's attributes side by side. */
async function readCore(
  api: AlbApi,
  s: AlbSettings,
  names: { stable: string; canary: string },
  operation: Operation,
  ecs: EcsReads,
  opts: { deleteCanary: boolean },
) {
  const services = await ecs.services;
  const stableService = services.get(names.stable);
  checkDeployment(stableService, names.stable, operation);
  const ref = stableGroupRef(s, stableService, names.stable);
  const prefetched = await bothByArn(api, ref, services.get(names.canary));
  const stableTg = await stableGroup(api, ref, prefetched);
  const stableRef: GroupRef = { arn: stableTg.TargetGroupArn!, name: stableTg.TargetGroupName! };
  // When several fail, the split's error (the input it names comes first) is the one reported.
  const canaryRead = canaryGroup(api, s, stableTg, prefetched);
  // Only a deploy copies the stable group's attributes (to a canary group it creates, or one that lacks them).
  const attributesRead = operation === 'deploy' ? api.attributes(stableRef.arn) : Promise.resolve({});
  // The canary group's tag and attributes, beside the split's listeners and rules rather than after them.
  const factsRead = Promise.all([canaryRead, attributesRead]).then(([canary, attributes]) =>
    canary.arn !== undefined && (operation === 'deploy' || opts.deleteCanary)
      ? canaryGroupFacts(api, canary.arn, operation, attributes)
      : undefined,
  );
  // When several fail, the split's error (the input it names comes first) is the one reported.
  const [located, canary, attributes, canaryFacts] = await Promise.allSettled([
    locate(api, s, stableTg),
    canaryRead,
    attributesRead,
    factsRead,
  ]);
  for (const read of [located, canary, attributes, canaryFacts]) if (read.status === 'rejected') throw read.reason;
  const value = <T>(read: PromiseSettledResult<T>) => (read as PromiseFulfilledResult<T>).value;
  checkCanaryService(operation, services.get(names.canary), names.canary, value(canary));
  return {
    stableService,
    stableTg,
    stableRef,
    located: value(located),
    canary: value(canary),
    attributes: value(attributes),
    canaryFacts: value(canaryFacts),
  };
}

/** What promote, rollback and a preview need besides: the preview rule, the other forwards, the load balancer's DNS. */
async function readExtras(
  api: AlbApi,
  core: Awaited<ReturnType<typeof readCore>>,
  operation: Operation,
  opts: { preview: boolean; deleteCanary: boolean; previewName: string },
) {
  const { located, canary } = core;
  const scalesDown = operation === 'rollback' || operation === 'promote';
  const rules = once(async () => located.rules ?? api.rules(located.where.listener));
  const everyListener = async () =>
    located.all ??
    Promise.all(
      (await api.listeners(located.listener.LoadBalancerArn!)).map(async (listener) => ({
        listener,
        rules: listener.ListenerArn === located.where.listener ? await rules() : await api.rules(listener.ListenerArn!),
      })),
    );
  const [preview, listeners, lb] = await Promise.all([
    scalesDown || opts.preview ? previewFacts(api, rules, canary.arn, opts.previewName, located) : undefined,
    scalesDown && canary.arn ? everyListener() : undefined,
    opts.preview ? api.loadBalancer(located.listener.LoadBalancerArn!) : undefined,
  ]);
  const others = listeners && otherForwards(listeners, located, preview?.previewRule?.arn, canary.arn!);
  return { preview, others, canaryFacts: core.canaryFacts, dns: lb?.DNSName };
}

/** The rules and default actions other than the split and the preview rule that forward to the canary group. */
function otherForwards(
  listeners: { listener: Listener; rules: Rule[] }[],
  located: Located,
  previewArn: string | undefined,
  canaryArn: string,
) {
  const isSplit = (r: Rule, listener: Listener) =>
    r.IsDefault
      ? located.where.rule === undefined && listener.ListenerArn === located.where.listener
      : r.RuleArn === located.where.rule;
  return listeners.flatMap(({ listener, rules }) =>
    rules
      .filter((r) => !isSplit(r, listener) && r.RuleArn !== previewArn)
      .map((r) => ({ name: ruleName(r, listener), forward: forwardOf(r.Actions) ?? [] }))
      .filter((r) => r.forward.some((f) => f.group === canaryArn)),
  );
}

export async function readAlb(
  api: AlbApi,
  s: AlbSettings,
  names: { stable: string; canary: string },
  operation: Operation,
  ecs: EcsReads,
  opts: { preview: boolean; deleteCanary: boolean },
): Promise<AlbState> {
  const core = await readCore(api, s, names, operation, ecs, opts);
  const { located, canary, stableRef } = core;
  const { forward, foreign } = checkForward(located.read.actions, describeSplit(located), stableRef, canary.arn);
  const reg = registration(core.stableService, stableRef, operation, names.stable);
  const previewName = `preview-${names.canary}`;
  const { preview, others, canaryFacts, dns } = await readExtras(api, core, operation, { ...opts, previewName });
  return {
    where: located.where,
    splitName: located.splitName,
    actions: writableActions(located.read.actions),
    conditions: writableConditions(located.read.conditions),
    stable: { ...stableRef, config: configOf(core.stableTg), attributes: copied(core.attributes) },
    canary: canary.arn ? { arn: canary.arn, name: canary.name } : { name: canary.name },
    forward,
    registration: reg,
    foreign,
    weights: toPercent(weightOf(forward, stableRef.arn), weightOf(forward, canary.arn)),
    routeId: located.read.arn,
    canaryEndpointArn: canary.arn,
    routeInput: 'listener-rule',
    otherRoutes: others?.map((r) => ({ name: r.name, canaryWeight: share(r.forward, canary.arn!) })),
    canaryElsewhere: others?.map((r) => r.name),
    previewRouteArn: preview?.previewRule?.arn,
    previewRule: preview?.previewRule,
    previewName,
    priorities: preview?.priorities ?? [],
    weightedPriority: located.read.priority,
    canaryGroupOurs: canaryFacts?.ours,
    canaryAttributesDiffer: canaryFacts?.differ,
    entry: { dns, port: located.listener.Port, protocol: located.listener.Protocol },
    stableService: core.stableService,
  };
}

/** Whether this action created the canary group, and (deploy) which of the stable group's attributes it lacks. */
async function canaryGroupFacts(api: AlbApi, arn: string, operation: Operation, stable: Record<string, string>) {
  const tags = (await api.tags([arn])).get(arn);
  if (!ours(tags) || operation !== 'deploy') return { ours: ours(tags) };
  const current = await api.attributes(arn);
  const wanted = copied(stable);
  const differ = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => current[k] !== v));
  return { ours: true, differ: Object.keys(differ).length ? differ : undefined };
}

/** The preview rule of this canary (a rule forwarding only to its group, tagged with its name) and the priorities. */
async function previewFacts(
  api: AlbApi,
  rules: () => Promise<Rule[]>,
  canaryArn: string | undefined,
  previewName: string,
  located: Located,
) {
  const listed = await rules();
  const priorities = listed.filter((r) => !r.IsDefault).map((r) => Number(r.Priority));
  const candidates = listed.filter((r) => {
    const forward = forwardOf(r.Actions) ?? [];
    return !r.IsDefault && r.RuleArn !== located.where.rule && forward.length === 1 && forward[0].group === canaryArn;
  });
  const tags = candidates.length ? await api.tags(candidates.map((r) => r.RuleArn!)) : new Map();
  const found = candidates.find((r) => tags.get(r.RuleArn!)?.[PREVIEW_TAG] === previewName);
  return {
    priorities,
    previewRule: found && {
      arn: found.RuleArn!,
      priority: Number(found.Priority),
      conditions: writableConditions(found.Conditions),
      actions: writableActions(found.Actions),
      forward: forwardOf(found.Actions) ?? [],
    },
  };
}
