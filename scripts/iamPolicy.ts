// The least-privilege IAM policy for one set of the action's inputs (npm run iam-policy prints it). The actions are
// the AWS commands the code sends for the provider — found as __tests__/docs.test.ts finds them, every
// `new XCommand(` in src/aws/ and the provider's folder — minus those these inputs never lead to, plus what AWS checks
// besides them (tag-on-create, iam:PassRole). Each action gets the resources these inputs name: the two ECS services,
// the mesh's nodes, router, routes and virtual service (in the mesh owner's account), the Lattice service when it is
// given by ID or ARN, the alarms. `*` only where AWS has no resource-level permission (task definitions, the Lattice
// List calls that resolve names). A command without a resource rule here is an error, so a new command in src/ cannot
// slip into a policy unscoped.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Inputs } from '../src/inputTools.js';
import { APP_MESH_INPUTS, type AppMeshSettings, readAppMeshSettings } from '../src/traffic/appMesh/settings.js';
import { LATTICE_INPUTS, type LatticeSettings, readLatticeSettings } from '../src/traffic/vpcLattice/settings.js';

export interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface Policy {
  Version: '2012-10-17';
  Statement: Statement[];
}

export interface GeneratedPolicy {
  policy: Policy;
  /** What a reader must know: placeholders left to replace, resources that could not be scoped, actions left out. */
  notes: string[];
}

/** Arguments of npm run iam-policy besides the action's inputs. */
export const OWN_ARGS = ['region', 'account', 'task-role', 'execution-role', 'infrastructure-role'] as const;

export type ProviderName = 'app-mesh' | 'vpc-lattice';

/** Where each provider's commands are sent from, besides src/aws/. */
export const PROVIDER_FOLDERS: Record<ProviderName, string> = {
  'app-mesh': 'src/traffic/appMesh/',
  'vpc-lattice': 'src/traffic/vpcLattice/',
};

const SDK_PREFIX: Record<string, string> = {
  '@aws-sdk/client-ecs': 'ecs',
  '@aws-sdk/client-app-mesh': 'appmesh',
  '@aws-sdk/client-vpc-lattice': 'vpc-lattice',
  '@aws-sdk/client-servicediscovery': 'servicediscovery',
  '@aws-sdk/client-cloudwatch': 'cloudwatch',
};

export class IamPolicyInputError extends Error {
  constructor(readonly problems: { input: string; message: string }[]) {
    super(problems.map((p) => `${p.input}: ${p.message}`).join('\n'));
  }
}

/** The AWS partition of a region: aws-cn for China, aws-us-gov for GovCloud, aws otherwise. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The roles of the task-definition file a workflow gives in `task-definition`, which the action passes to ECS. */
export interface BaseTaskDefinition {
  file: string;
  taskRoleArn?: string;
  executionRoleArn?: string;
}

/** The roles of a task-definition JSON file (the `task-definition` input), or undefined when it cannot be read. */
export function baseTaskDefinition(file: string, dir = process.cwd()): BaseTaskDefinition | undefined {
  try {
    const def = JSON.parse(readFileSync(path.resolve(dir, file), 'utf8')) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    return { file, taskRoleArn: str(def.taskRoleArn), executionRoleArn: str(def.executionRoleArn) };
  } catch {
    return undefined;
  }
}

function sourcesUnder(root: URL, dir: string): string[] {
  return readdirSync(new URL(dir, root), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesUnder(root, `${dir}${e.name}/`) : e.name.endsWith('.ts') ? [`${dir}${e.name}`] : [],
  );
}

/** `service:Command` for every AWS SDK command src/aws/ and the provider's folder construct, sorted. */
export function commandsSent(provider: ProviderName, root = new URL('../', import.meta.url)): string[] {
  const actions = new Set<string>();
  for (const file of [...sourcesUnder(root, 'src/aws/'), ...sourcesUnder(root, PROVIDER_FOLDERS[provider])]) {
    const text = readFileSync(new URL(file, root), 'utf8');
    for (const [, names, module] of text.matchAll(/import \{([^}]*)\} from '(@aws-sdk\/client-[a-z-]+)'/g)) {
      for (const name of names.split(',').map((n) => n.trim().replace(/^type /, ''))) {
        if (name.endsWith('Command') && text.includes(`new ${name}(`))
          actions.add(`${SDK_PREFIX[module] ?? module}:${name.replace(/Command$/, '')}`);
      }
    }
  }
  return [...actions].sort();
}

interface Common {
  partition: string;
  region: string;
  account: string;
  cluster: string;
  stable: string;
  canary: string;
  alarms: string[];
  roles: { task: string[]; execution: string[]; infrastructure: string[] };
  notes: string[];
}

const CLUSTER_ARN = /^arn:(aws[a-z-]*):ecs:([a-z0-9-]+):(\d{12}):cluster\/([A-Za-z0-9_-]{1,255})$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;
const ROLE = /^(arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+|[\w+=,.@/-]{1,512})$/;

function readCommon(inputs: Inputs, args: Record<string, string>, base?: BaseTaskDefinition): Common {
  const notes: string[] = [];
  const clusterInput = inputs.read('cluster') || 'default';
  const clusterArn = CLUSTER_ARN.exec(clusterInput);
  if (!clusterArn && !NAME.test(clusterInput)) inputs.fail('cluster', `must be an ECS cluster name or ARN`);
  const region = args.region || clusterArn?.[2] || '';
  const account = args.account || clusterArn?.[3] || '';
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) inputs.fail('region', `must be an AWS region, e.g. eu-west-1`);
  if (!/^\d{12}$/.test(account)) inputs.fail('account', 'must be the 12-digit ID of the account the services run in');
  const stable = inputs.required('stable-service', NAME, 'an ECS service name');
  const canary = inputs.required('canary-service', NAME, 'an ECS service name');
  const alarms = [
    ...new Set(
      inputs
        .read('alarms')
        .split(/[,\n]/)
        .map((n) => n.trim())
        .filter(Boolean),
    ),
  ];
  const role = (arg: string, fromFile: string | undefined, placeholder: string, what: string) => {
    const given = (args[arg] ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    for (const r of given) if (!ROLE.test(r)) inputs.fail(arg, `must be IAM role names or ARNs; got "${r}"`);
    const all = [...given, ...(fromFile ? [fromFile] : [])];
    if (all.length > 0) return all;
    notes.push(`${placeholder} is a placeholder: replace it with ${what}, or pass ${arg}=NAME`);
    return [placeholder];
  };
  if (base?.taskRoleArn || base?.executionRoleArn)
    notes.push(`the roles of ${base.file} are the ones passed (every revision the action registers is based on it)`);
  const roles = {
    task: role('task-role', base?.taskRoleArn, 'TASK_ROLE', "the task role of the services' task definitions"),
    execution: role(
      'execution-role',
      base?.executionRoleArn,
      'TASK_EXECUTION_ROLE',
      "the execution role of the services' task definitions",
    ),
    infrastructure: ['ECS_INFRASTRUCTURE_ROLE'],
  };
  const cluster = clusterArn?.[4] ?? clusterInput;
  return { partition: partitionOf(region), region, account, cluster, stable, canary, alarms, roles, notes };
}

const sorted = (actions: Iterable<string>) => [...new Set(actions)].sort();

const arnIn = (c: Common, service: string, resource: string) =>
  `arn:${c.partition}:${service}:${c.region}:${c.account}:${resource}`;

/** The ECS statements, common to both providers: task definitions, the two services, tags on what is created. */
function ecsStatements(c: Common, commands: string[]): Statement[] {
  const service = (name: string) => arnIn(c, 'ecs', `service/${c.cluster}/${name}`);
  const ecs = commands.filter((a) => a.startsWith('ecs:'));
  const taskDefinitions = ecs.filter((a) => /TaskDefinition/.test(a));
  const onBoth = ecs.filter((a) => ['ecs:DescribeServices', 'ecs:UpdateService'].includes(a));
  const onCanary = ecs.filter((a) => ['ecs:CreateService', 'ecs:DeleteService'].includes(a));
  const unknown = ecs.filter((a) => ![...taskDefinitions, ...onBoth, ...onCanary].includes(a));
  if (unknown.length) throw new Error(`no resource rule for ${unknown.join(', ')}: add one to scripts/iamPolicy.ts`);
  const createActions = ['CreateService', 'RegisterTaskDefinition'].filter((a) => ecs.includes(`ecs:${a}`));
  return [
    { Sid: 'TaskDefinitions', Effect: 'Allow', Action: sorted(taskDefinitions), Resource: '*' },
    {
      Sid: 'StableAndCanaryServices',
      Effect: 'Allow',
      Action: sorted(onBoth),
      Resource: [c.stable, c.canary].map(service),
    },
    { Sid: 'CanaryService', Effect: 'Allow', Action: sorted(onCanary), Resource: service(c.canary) },
    // Creating with tags (the canary service gets the stable one's, a revision its base's) needs ecs:TagResource.
    {
      Sid: 'TagOnCreate',
      Effect: 'Allow',
      Action: createActions.length ? ['ecs:TagResource'] : [],
      Resource: [
        ...(createActions.includes('CreateService') ? [service(c.canary)] : []),
        ...(createActions.includes('RegisterTaskDefinition') ? [arnIn(c, 'ecs', 'task-definition/*')] : []),
      ],
      Condition: { StringEquals: { 'ecs:CreateAction': createActions } },
    },
  ];
}

/** cloudwatch:DescribeAlarms on each alarm named in `alarms`; nothing when none is (the action reads none then). */
function alarmStatements(c: Common, commands: string[]): Statement[] {
  const other = commands.filter((a) => a.startsWith('cloudwatch:') && a !== 'cloudwatch:DescribeAlarms');
  if (other.length) throw new Error(`no resource rule for ${other.join(', ')}: add one to scripts/iamPolicy.ts`);
  if (!commands.includes('cloudwatch:DescribeAlarms')) return [];
  if (c.alarms.length === 0) {
    c.notes.push('no alarms given: cloudwatch:DescribeAlarms left out (the action reads alarms only when named)');
    return [];
  }
  const alarms = c.alarms.map((name) => arnIn(c, 'cloudwatch', `alarm:${name}`));
  return [{ Sid: 'ReadAlarmGates', Effect: 'Allow', Action: ['cloudwatch:DescribeAlarms'], Resource: alarms }];
}

function roleArn(c: Common, role: string): string {
  return role.startsWith('arn:') ? role : `arn:${c.partition}:iam::${c.account}:role/${role}`;
}

function passRole(c: Common, sid: string, roles: string[], to: string): Statement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Action: ['iam:PassRole'],
    Resource: [...new Set(roles.map((r) => roleArn(c, r)))],
    Condition: { StringEquals: { 'iam:PassedToService': to } },
  };
}

function appMeshStatements(c: Common, s: AppMeshSettings, commands: string[]): Statement[] {
  const owner = s.meshOwner ?? c.account;
  const mesh = `arn:${c.partition}:appmesh:${c.region}:${owner}:mesh/${s.mesh}`;
  const node = (name: string) => `${mesh}/virtualNode/${name}`;
  const router = `${mesh}/virtualRouter/${s.virtualRouter}`;
  const previewRoute = 'previewRoute' in s && typeof s.previewRoute === 'string' ? [s.previewRoute] : [];
  const routes = [s.route, ...previewRoute].map((r) => `${router}/route/${r}`);
  const virtualService = s.virtualService ? [`${mesh}/virtualService/${s.virtualService}`] : [];
  let actions = commands.filter((a) => a.startsWith('appmesh:'));
  if (!s.virtualService) {
    const left = actions.filter((a) => a.endsWith('VirtualService'));
    actions = actions.filter((a) => !left.includes(a));
    if (left.length)
      c.notes.push(`no virtual-service given: ${left.join(', ')} left out (the action then never calls them)`);
  }
  const pick = (test: RegExp) => actions.filter((a) => test.test(a.slice('appmesh:'.length)));
  const reads = pick(/^(Describe|List)/);
  const nodeWrites = pick(/^(Create|Update|Delete)VirtualNode$/);
  const routerWrites = pick(/^(Create|Update)VirtualRouter$/);
  const routeWrites = pick(/^(Create|Update|Delete)Route$/);
  const serviceWrites = pick(/^(Create|Update)VirtualService$/);
  const unknown = actions.filter(
    (a) => ![reads, nodeWrites, routerWrites, routeWrites, serviceWrites].flat().includes(a),
  );
  if (unknown.length) throw new Error(`no resource rule for ${unknown.join(', ')}: add one to scripts/iamPolicy.ts`);
  // The action creates nodes and routes with its tag: appmesh:TagResource on them (docs/iam-policy.json lists it too).
  for (const writes of [nodeWrites, routeWrites])
    if (writes.some((a) => a.startsWith('appmesh:Create'))) writes.push('appmesh:TagResource');
  if (s.meshOwner && s.meshOwner !== c.account)
    c.notes.push(
      `App Mesh resources are in the mesh owner's account ${s.meshOwner}, which must share the mesh with ${c.account}`,
    );
  if (nodeWrites.length)
    c.notes.push(
      "the canary virtual node copies the stable node's spec: if that spec has backends, add their virtual services' ARNs to CanaryVirtualNode",
    );
  // Reading every route of the router (ListRoutes, then DescribeRoute on each) needs them all; writes stay on the named.
  const readRoutes = actions.includes('appmesh:ListRoutes') ? [`${router}/route/*`] : routes;
  return [
    {
      Sid: 'MeshReads',
      Effect: 'Allow',
      Action: sorted(reads),
      Resource: [mesh, node(s.stableNode), node(s.canaryNode), router, ...readRoutes, ...virtualService],
    },
    { Sid: 'CanaryVirtualNode', Effect: 'Allow', Action: sorted(nodeWrites), Resource: node(s.canaryNode) },
    { Sid: 'VirtualRouter', Effect: 'Allow', Action: sorted(routerWrites), Resource: router },
    // A route's weighted targets name the nodes: App Mesh checks the write against them too.
    {
      Sid: 'RoutesToStableAndCanary',
      Effect: 'Allow',
      Action: sorted(routeWrites),
      Resource: [...routes, node(s.stableNode), node(s.canaryNode)],
    },
    // The provider it is pointed at (the router; the stable node when a failed run restores it) is checked too.
    {
      Sid: 'VirtualServiceProvider',
      Effect: 'Allow',
      Action: sorted(serviceWrites),
      Resource: [...virtualService, router, node(s.stableNode)],
    },
  ];
}

/** The tag the action puts on what it creates (CREATED_BY in src/traffic/appMesh/api.ts, CREATED_BY_TAG in vpcLattice). */
const CREATED_BY = { key: 'ecs-mesh-canary:created-by', value: 'ecs-mesh-canary' };

const isIdOrArn = (value: string, prefix: string) =>
  value.startsWith('arn:') || new RegExp(`^${prefix}-[0-9a-z]{17}$`).test(value);
const idOf = (value: string) => value.slice(value.lastIndexOf('/') + 1);

function latticeStatements(c: Common, s: LatticeSettings, commands: string[]): Statement[] {
  const arn = (resource: string, ref?: string) => {
    const m = ref ? /^arn:[^:]+:vpc-lattice:([^:]+):(\d{12}):/.exec(ref) : null;
    return `arn:${c.partition}:vpc-lattice:${m?.[1] ?? c.region}:${m?.[2] ?? c.account}:${resource}`;
  };
  const serviceById = isIdOrArn(s.service, 'svc');
  const stableById = s.stableTargetGroup !== undefined && isIdOrArn(s.stableTargetGroup, 'tg');
  const canaryById = s.canaryTargetGroup !== undefined && isIdOrArn(s.canaryTargetGroup, 'tg');
  const groupByName = (s.stableTargetGroup !== undefined && !stableById) || !canaryById;
  let actions = commands.filter((a) => a.startsWith('vpc-lattice:'));
  const drop = (action: string, why: string) => {
    if (!actions.includes(action)) return;
    actions = actions.filter((a) => a !== action);
    c.notes.push(`${action} left out: ${why}`);
  };
  if (serviceById) drop('vpc-lattice:ListServices', 'lattice-service is given by ID or ARN');
  if (!groupByName) drop('vpc-lattice:ListTargetGroups', 'no target group is looked up by name');
  if (canaryById) drop('vpc-lattice:CreateTargetGroup', 'canary-target-group is given by ID or ARN, so it must exist');
  const lookups = actions.filter((a) => ['vpc-lattice:ListServices', 'vpc-lattice:ListTargetGroups'].includes(a));
  const deletes = actions.filter((a) => a.startsWith('vpc-lattice:Delete'));
  const groups = actions.filter((a) => !lookups.includes(a) && !deletes.includes(a) && /TargetGroup|Targets$/.test(a));
  const split = actions.filter((a) => !lookups.includes(a) && !deletes.includes(a) && !groups.includes(a));
  // Tags are read on target groups as on the service's rules.
  if (split.includes('vpc-lattice:ListTagsForResource')) groups.push('vpc-lattice:ListTagsForResource');
  // What the action creates, it creates with tags: vpc-lattice:TagResource on it.
  for (const list of [groups, split]) if (list.some((a) => /:Create/.test(a))) list.push('vpc-lattice:TagResource');
  const service = serviceById ? arn(`service/${idOf(s.service)}`, s.service) : undefined;
  const serviceArns = service ? [service, `${service}/*`] : [arn('service/*')];
  if (!serviceById)
    c.notes.push(
      `lattice-service "${s.service}" is a name, and IAM knows Lattice services only by ID: LatticeServiceSplit covers every service (service/*); give the svc-… ID or ARN to scope it`,
    );
  const groupArns =
    stableById && canaryById
      ? [s.stableTargetGroup!, s.canaryTargetGroup!].map((g) => arn(`targetgroup/${idOf(g)}`, g))
      : [arn('targetgroup/*')];
  if (!(stableById && canaryById))
    c.notes.push(
      'target groups: targetgroup/* (a group created by deploy gets its ID then; give both stable-target-group and canary-target-group by ID to scope them)',
    );
  return [
    { Sid: 'LatticeLookupByName', Effect: 'Allow', Action: sorted(lookups), Resource: '*' },
    { Sid: 'LatticeServiceSplit', Effect: 'Allow', Action: sorted(split), Resource: serviceArns },
    { Sid: 'LatticeTargetGroups', Effect: 'Allow', Action: sorted(groups), Resource: groupArns },
    // Deletes only of what the action created: those carry its tag (the code checks it too before deleting).
    {
      Sid: 'LatticeDeleteOnlyWhatTheActionCreated',
      Effect: 'Allow',
      Action: sorted(deletes),
      Resource: [
        ...(deletes.some((a) => /TargetGroup/.test(a)) ? groupArns : []),
        ...(deletes.some((a) => !/TargetGroup/.test(a)) ? serviceArns : []),
      ],
      Condition: { StringEquals: { [`aws:ResourceTag/${CREATED_BY.key}`]: CREATED_BY.value } },
    },
  ];
}

/**
 * The policy for `args`: the action's inputs as a workflow sets them (`traffic-provider`, `cluster`, the services, the
 * provider's inputs, `alarms`) plus `region`, `account` and the roles (OWN_ARGS). `commands` are the `service:Command`
 * the code sends for the provider (commandsSent); `base`, the roles of the `task-definition` file when one is given
 * (baseTaskDefinition): the revisions the action registers keep their base's roles.
 */
export function iamPolicy(
  args: Record<string, string>,
  commands: readonly string[],
  base?: BaseTaskDefinition,
): GeneratedPolicy {
  const inputs = new Inputs((name) => (args[name] ?? '').trim());
  const provider = inputs.read('traffic-provider') || 'app-mesh';
  if (provider !== 'app-mesh' && provider !== 'vpc-lattice')
    throw new IamPolicyInputError([{ input: 'traffic-provider', message: 'must be app-mesh or vpc-lattice' }]);
  const common = readCommon(inputs, args, base);
  const why = `is an input of the other traffic-provider, not of ${provider}`;
  inputs.refuse(provider === 'app-mesh' ? LATTICE_INPUTS : APP_MESH_INPUTS, why);
  if (provider === 'app-mesh' && args['infrastructure-role']) inputs.fail('infrastructure-role', `is for vpc-lattice`);
  const traffic = provider === 'app-mesh' ? readAppMeshSettings(inputs, common.canary) : readLatticeSettings(inputs);
  if (provider === 'vpc-lattice') {
    const given = args['infrastructure-role'] ?? '';
    if (given && !ROLE.test(given)) inputs.fail('infrastructure-role', 'must be an IAM role name or ARN');
    if (!given)
      common.notes.push(
        "ECS_INFRASTRUCTURE_ROLE is a placeholder: replace it with the role of the stable service's vpcLatticeConfigurations, or pass infrastructure-role=NAME",
      );
    common.roles.infrastructure = [given || 'ECS_INFRASTRUCTURE_ROLE'];
  }
  if (inputs.problems.length > 0) throw new IamPolicyInputError(inputs.problems);

  const sent = [...commands];
  const passed = sent.includes('ecs:RegisterTaskDefinition')
    ? [
        passRole(
          common,
          'PassTaskRolesToEcs',
          [...common.roles.task, ...common.roles.execution],
          'ecs-tasks.amazonaws.com',
        ),
      ]
    : [];
  if (provider === 'vpc-lattice' && sent.includes('ecs:CreateService'))
    passed.push(passRole(common, 'PassInfrastructureRoleToEcs', common.roles.infrastructure, 'ecs.amazonaws.com'));
  const foreign = sent.filter((a) => !/^(ecs|cloudwatch|appmesh|vpc-lattice):/.test(a));
  if (foreign.length) throw new Error(`no resource rule for ${foreign.join(', ')}: add one to scripts/iamPolicy.ts`);
  const statements = [
    ...ecsStatements(common, sent),
    ...(traffic.provider === 'app-mesh'
      ? appMeshStatements(common, traffic, sent)
      : latticeStatements(common, traffic, sent)),
    ...passed,
    ...alarmStatements(common, sent),
  ].filter((st) => st.Action.length > 0 && (typeof st.Resource === 'string' || st.Resource.length > 0));
  return { policy: { Version: '2012-10-17', Statement: statements }, notes: common.notes };
}
