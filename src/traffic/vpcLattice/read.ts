// Reads the Lattice side of a run: the service, listener and rule (or default action) the inputs name, the forward
// action, the stable and canary target groups, and the stable ECS service's registration. Everything a plan could
// trip over later is refused here, before any write, naming the input.
import type { Service } from '@aws-sdk/client-ecs';
import type { RuleAction, RuleSummary, TargetGroupConfig, TargetGroupSummary } from '@aws-sdk/client-vpc-lattice';
import { PlanError } from '../../errors.js';
import type { Operation } from '../../model.js';
import { primaryDeployment } from '../../plan/ecs.js';
import { toPercent } from '../../plan/weights.js';
import type { EcsReads } from '../provider.js';
import { idOf, isIdOrArn, type LatticeApi, type Where } from './api.js';
import { forwardOf, sameGroup, weightOf } from './forward.js';
import type { LatticeSettings } from './settings.js';
import { CREATED_BY_TAG, type GroupRef, type LatticeState } from './state.js';

const matches = (ref: string, item: { id?: string; name?: string; arn?: string }) =>
  isIdOrArn(ref, '[a-z]+') ? item.id === idOf(ref) || item.arn === ref : item.name === ref;

/** Each call after the first answers with the first call's promise: one List call serves every lookup of a read. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= read();
    return promise;
  };
}

interface Located {
  where: Where;
  splitName: string;
  serviceName: string;
  entry: LatticeState['entry'];
  /** The listener's rules, when locating the rule listed them. */
  rules?: RuleSummary[];
}

async function locate(api: LatticeApi, s: LatticeSettings): Promise<Located> {
  const service = await api.findService(s.service);
  if (!service?.id)
    throw new PlanError(
      `VPC Lattice service ${s.service} does not exist in this account and region`,
      'lattice-service',
    );
  const listeners = await api.listListeners(service.id);
  const listener = s.listener
    ? listeners.find((l) => matches(s.listener!, l))
    : listeners.length === 1
      ? listeners[0]
      : undefined;
  if (!listener?.id) {
    const names = listeners.map((l) => `${l.name} (${l.protocol}:${l.port})`).join(', ') || 'none';
    const why = s.listener
      ? `Listener ${s.listener} is not a listener of Lattice service ${service.name} (it has ${names})`
      : `Lattice service ${service.name} has ${listeners.length} listeners (${names}); name the one that carries the split`;
    throw new PlanError(why, 'lattice-listener');
  }
  const where: Where = { service: service.id, listener: listener.id };
  const entry = { dns: service.dnsEntry?.domainName, port: listener.port, protocol: listener.protocol };
  if (!s.rule) return { where, splitName: `${listener.name} (default action)`, serviceName: service.name!, entry };
  const rules = await api.listRules(service.id, listener.id);
  const rule = rules.find((r) => matches(s.rule!, r));
  if (!rule?.id) {
    const names =
      rules
        .filter((r) => !r.isDefault)
        .map((r) => r.name)
        .join(', ') || 'none';
    throw new PlanError(
      `Rule ${s.rule} is not a rule of listener ${listener.name} (its rules: ${names})`,
      'lattice-rule',
    );
  }
  return { where: { ...where, rule: rule.id }, splitName: rule.name!, serviceName: service.name!, entry, rules };
}

function stableRegistration(stable: Service | undefined, group?: string) {
  const configs =
    primaryDeployment(stable)?.vpcLatticeConfigurations ??
    stable?.deployments?.flatMap((d) => d.vpcLatticeConfigurations ?? []) ??
    [];
  return group ? configs.filter((c) => sameGroup(c.targetGroupArn!, group)) : configs;
}

/** A target group as a read needs it: a ListTargetGroups summary's fields, or GetTargetGroup's full config. */
interface Group {
  arn: string;
  id: string;
  name: string;
  config: TargetGroupConfig;
}

const fromSummary = (g: TargetGroupSummary): Group => ({
  arn: g.arn!,
  id: g.id!,
  name: g.name!,
  config: { port: g.port, protocol: g.protocol, ipAddressType: g.ipAddressType, vpcIdentifier: g.vpcIdentifier },
});

/** A group by name, ID or ARN in the one listing of the read; an ID or ARN not listed (shared, say) by GetTargetGroup. */
async function findGroup(api: LatticeApi, ref: string, listed: TargetGroupSummary[]): Promise<Group | undefined> {
  const found = listed.find((g) => matches(ref, g));
  if (found) return fromSummary(found);
  if (!isIdOrArn(ref, 'tg')) return undefined;
  const got = await api.getTargetGroup(ref);
  return got?.arn ? { arn: got.arn, id: got.id!, name: got.name!, config: got.config ?? {} } : undefined;
}

function stableRef(s: LatticeSettings, stable: Service | undefined, serviceName: string): string {
  if (s.stableTargetGroup) return s.stableTargetGroup;
  const configs = stableRegistration(stable);
  if (configs.length !== 1) {
    const why = `ECS service ${serviceName} is registered in ${configs.length} Lattice target groups; name the stable one`;
    throw new PlanError(why, 'stable-target-group');
  }
  return configs[0].targetGroupArn!;
}

function groupRef(g: Group): GroupRef {
  return { arn: g.arn!, id: g.id!, name: g.name! };
}

function checkForward(
  action: RuleAction | undefined,
  split: { name: string; input: string },
  stable: GroupRef,
  canaryArn?: string,
) {
  if (action?.fixedResponse) {
    const why = `${split.name} answers with a fixed response (${action.fixedResponse.statusCode}); this action only manages forward actions`;
    throw new PlanError(why, split.input);
  }
  const forward = forwardOf(action);
  if (!forward) throw new PlanError(`${split.name} has no forward action`, split.input);
  if (!forward.some((f) => sameGroup(f.group, stable.arn))) {
    throw new PlanError(
      `${split.name} does not forward to the stable target group ${stable.name}`,
      'stable-target-group',
    );
  }
  const foreign = forward.filter(
    (f) => !sameGroup(f.group, stable.arn) && !(canaryArn && sameGroup(f.group, canaryArn)),
  );
  // Only an error when this run writes the split (a dark launch of another canary, say, may stand beside it).
  const names = foreign.map((f) => f.group).join(', ');
  const why = `${split.name} also forwards to ${names}; this action only manages a split between the stable and canary target groups`;
  return { forward, foreign: foreign.length ? { why, input: split.input } : undefined };
}

/** Every other rule of the listener (and its default action) that forwards to the canary group, with its share. */
async function otherRoutes(
  api: LatticeApi,
  where: Where,
  listRules: () => Promise<RuleSummary[]>,
  canaryArn: string | undefined,
  skip: string,
) {
  if (!canaryArn) return [];
  const rules = (await listRules()).filter((r) => !r.isDefault && r.id !== where.rule && r.name !== skip);
  const reads = await Promise.all([
    ...rules.map(async (r) => ({ name: `rule ${r.name}`, read: await api.readAction({ ...where, rule: r.id }) })),
    ...(where.rule
      ? [api.readAction({ ...where, rule: undefined }).then((read) => ({ name: 'the default action', read }))]
      : []),
  ]);
  return reads.map(({ name, read }) => {
    const forward = forwardOf(read?.action) ?? [];
    const total = forward.reduce((n, f) => n + f.weight, 0);
    const canary = weightOf(forward, canaryArn);
    return { name, canaryWeight: total === 0 ? 0 : Math.round((canary * 100) / total) };
  });
}

/** The preview rule's name for a canary service: Lattice rule names are 3-63 lowercase letters, digits, dashes. */
export function previewRuleName(canaryService: string): string {
  const slug = canaryService
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `preview-${slug}`.slice(0, 63).replace(/-+$/, '');
}

/** The preview rule (if any), the listener's taken priorities and the weighted rule's; the canary group's tag. */
async function previewFacts(
  api: LatticeApi,
  where: Where,
  listRules: () => Promise<RuleSummary[]>,
  name: string,
  canaryTags: () => Promise<Record<string, string>>,
) {
  const [rules, tags] = await Promise.all([listRules(), canaryTags()]);
  const found = rules.find((r) => r.name === name);
  const read = found?.id ? await api.readAction({ ...where, rule: found.id }) : undefined;
  return {
    previewName: name,
    previewRule: found?.id
      ? {
          id: found.id,
          arn: found.arn,
          priority: found.priority,
          forward: forwardOf(read?.action) ?? [],
          match: read?.match,
        }
      : undefined,
    priorities: rules.flatMap((r) => (r.priority === undefined ? [] : [r.priority])),
    weightedPriority: rules.find((r) => r.id === where.rule)?.priority,
    canaryGroupOurs: tags[CREATED_BY_TAG] === 'ecs-mesh-canary',
  };
}

/**
 * The stable and canary target groups: named by the inputs, or the stable one from the stable service's registration;
 * one ListTargetGroups finds both. A first deploy also reads the stable group's whole config (health check included),
 * which the canary group it creates copies.
 */
async function readGroups(
  api: LatticeApi,
  s: LatticeSettings,
  ecs: EcsReads,
  names: { stable: string; canary: string },
  operation: Operation,
) {
  const [services, listed] = await Promise.all([ecs.services, api.listTargetGroups()]);
  const ref = stableRef(s, services.get(names.stable), names.stable);
  let stable = await findGroup(api, ref, listed);
  if (!stable) throw new PlanError(`Target group ${ref} does not exist`, 'stable-target-group');
  const canaryName = s.canaryTargetGroup ?? `${stable.name}-canary`;
  const canary = await findGroup(api, canaryName, listed);
  if (!canary && isIdOrArn(canaryName, 'tg'))
    throw new PlanError(`Target group ${canaryName} does not exist`, 'canary-target-group');
  checkGroups(stable, canary);
  const canaryService = services.get(names.canary);
  if (operation === 'deploy' && canary && (!canaryService || canaryService.status === 'INACTIVE'))
    await checkUnclaimed(api, canary);
  if (operation === 'deploy' && !canary)
    stable = { ...stable, config: (await api.getTargetGroup(stable.arn))?.config ?? {} };
  return { services, stable, canary, canaryName };
}

/** The service, listener and rule, then the split they carry; beside them, the target groups. */
async function readSplitAndGroups(
  api: LatticeApi,
  s: LatticeSettings,
  ecs: EcsReads,
  names: { stable: string; canary: string },
  operation: Operation,
) {
  const input = s.rule ? 'lattice-rule' : 'lattice-listener';
  const split = locate(api, s).then(async (located) => {
    const read = await api.readAction(located.where);
    if (!read) throw new PlanError(`${located.splitName} cannot be read`, input);
    return { located, read };
  });
  // Both chains run at once; when both fail, the split's error (the inputs it names come first) is the one reported.
  const [splitRead, groups] = await Promise.allSettled([split, readGroups(api, s, ecs, names, operation)]);
  if (splitRead.status === 'rejected') throw splitRead.reason;
  if (groups.status === 'rejected') throw groups.reason;
  return { ...splitRead.value, ...groups.value, input };
}

function checkRegistrations(
  operation: Operation,
  names: { stable: string; canary: string },
  read: { services: Map<string, Service | undefined>; stable: Group; canary?: Group; canaryName: string },
) {
  const { stable, canary, canaryName } = read;
  const canaryService = read.services.get(names.canary);
  if (operation !== 'deploy') return;
  if (canaryService && !(canary?.arn && stableRegistration(canaryService, canary.arn).length)) {
    throw new PlanError(
      `ECS service ${names.canary} exists but is not registered in the canary target group ${canaryName} (vpcLatticeConfigurations), so its tasks could never receive Lattice traffic (an App Mesh canary service, say); use a new canary-service name or delete that service`,
      'canary-service',
    );
  }
  if (!stableRegistration(read.services.get(names.stable), stable.arn).length) {
    throw new PlanError(
      `ECS service ${names.stable} is not registered in the stable target group ${stable.name} (vpcLatticeConfigurations)`,
      'stable-target-group',
    );
  }
}

/**
 * A first deploy into an existing canary group: targets already registered in it (not draining) belong to something
 * else — another ECS service's tasks, say — that would take the canary's traffic. Refused before any write.
 */
async function checkUnclaimed(api: LatticeApi, canary: Group): Promise<void> {
  const targets = (await api.listTargets(canary.id)).filter((t) => t.status !== 'DRAINING');
  if (targets.length === 0) return;
  const shown = targets.slice(0, 3).map((t) => `${t.id}:${t.port}`);
  const more = targets.length > shown.length ? ` and ${targets.length - shown.length} more` : '';
  throw new PlanError(
    `Target group ${canary.name} already has ${targets.length} target(s) registered (${shown.join(', ')}${more}) while the canary service does not exist: another ECS service or someone else uses it, and its targets would take the canary's traffic. Name a target group of its own in canary-target-group (or leave it out: this action creates one), or deregister those targets`,
    'canary-target-group',
  );
}

export async function readLattice(
  api: LatticeApi,
  s: LatticeSettings,
  names: { stable: string; canary: string },
  operation: Operation,
  ecs: EcsReads,
  opts: { preview: boolean; deleteCanary: boolean },
): Promise<LatticeState> {
  const got = await readSplitAndGroups(api, s, ecs, names, operation);
  const { located, read, stable, canary, canaryName } = got;
  const { forward, foreign } = checkForward(
    read.action,
    { name: located.splitName, input: got.input },
    groupRef(stable),
    canary?.arn,
  );
  checkRegistrations(operation, names, got);
  const registration = stableRegistration(got.services.get(names.stable), stable.arn)[0];
  const scalesDown = operation === 'rollback' || operation === 'promote';
  const previewName = previewRuleName(names.canary);
  const where = located.where;
  const rules = once(async () => located.rules ?? api.listRules(where.service, where.listener));
  const canaryTags = async () => (opts.deleteCanary && canary?.arn ? api.tags(canary.arn) : {});
  const [others, preview] = await Promise.all([
    scalesDown ? otherRoutes(api, where, rules, canary?.arn, previewName) : undefined,
    scalesDown || opts.preview
      ? previewFacts(api, where, rules, previewName, canaryTags)
      : { previewName, priorities: [] },
  ]);
  return {
    where,
    splitName: located.splitName,
    stable: { ...groupRef(stable), config: stable.config },
    canary: canary ? { ...groupRef(canary), vpc: canary.config.vpcIdentifier } : { name: canaryName },
    forward,
    registration: { roleArn: registration?.roleArn ?? '', portName: registration?.portName ?? '' },
    weights: toPercent(weightOf(forward, stable.arn), weightOf(forward, canary?.arn)),
    routeId: read.arn,
    changedAt: read.lastUpdatedAt,
    canaryEndpointArn: canary?.arn,
    routeInput: got.input,
    otherRoutes: others,
    previewRouteArn: 'previewRule' in preview ? preview.previewRule?.arn : undefined,
    foreign,
    entry: located.entry,
    ...preview,
  };
}

function checkGroups(stable: Group, canary: Group | undefined) {
  if (!canary) return;
  if (canary.id === stable.id) {
    throw new PlanError(
      `The canary target group must differ from the stable one (both are ${stable.name})`,
      'canary-target-group',
    );
  }
  const [vpc, canaryVpc] = [stable.config?.vpcIdentifier, canary.config?.vpcIdentifier];
  if (vpc !== canaryVpc) {
    throw new PlanError(
      `Target group ${canary.name} is in ${canaryVpc}, the stable group ${stable.name} in ${vpc}: both must be in one VPC`,
      'canary-target-group',
    );
  }
}
