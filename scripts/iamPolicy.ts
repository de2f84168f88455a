// The least-privilege IAM policy for one set of the action's inputs (npm run iam-policy prints it). The actions are
// the AWS commands the code sends for the provider — found as __tests__/docs.test.ts finds them, every
// `new XCommand(` in src/aws/ and the provider's folder — minus those these inputs never lead to, plus what AWS checks
// besides them (tag-on-create, iam:PassRole). Each action gets the resources these inputs name: the two ECS services
// and the alarms here, the provider's own resources in its statements (src/traffic/<provider>/iam.ts, listed in the
// registry entry's `iam`). `*` only where AWS has no resource-level permission (task definitions, a provider's List
// calls that resolve names). A command without a resource rule is an error, so a new command in src/ cannot slip
// into a policy unscoped. No provider is named here: each is read from the registry (src/traffic/registry.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readProvider } from '../src/inputs.js';
import { Inputs } from '../src/inputTools.js';
import {
  arnIn,
  type IamFacts,
  noResourceRule,
  partitionOf,
  passRole,
  ROLE,
  type Statement,
  sorted,
} from '../src/traffic/iam.js';
import { findProvider, PROVIDERS } from '../src/traffic/registry.js';

export { partitionOf, type Statement };

export interface Policy {
  Version: '2012-10-17';
  Statement: Statement[];
}

export interface GeneratedPolicy {
  policy: Policy;
  /** What a reader must know: placeholders left to replace, resources that could not be scoped, actions left out. */
  notes: string[];
}

/** Arguments of npm run iam-policy besides the action's inputs: the common ones, then those of each provider. */
export const OWN_ARGS: readonly string[] = [
  ...new Set(['region', 'account', 'task-role', 'execution-role', ...PROVIDERS.flatMap((p) => p.iam.args ?? [])]),
];

/** The IAM service prefix of each AWS SDK client the code uses: ECS, CloudWatch, Cloud Map, and each provider's. */
const SDK_PREFIX: Record<string, string> = Object.assign(
  {
    '@aws-sdk/client-ecs': 'ecs',
    '@aws-sdk/client-servicediscovery': 'servicediscovery',
    '@aws-sdk/client-cloudwatch': 'cloudwatch',
  },
  ...PROVIDERS.map((p) => p.iam.sdk),
);

export class IamPolicyInputError extends Error {
  constructor(readonly problems: { input: string; message: string }[]) {
    super(problems.map((p) => `${p.input}: ${p.message}`).join('\n'));
  }
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

/**
 * `service:Command` for every AWS SDK command src/aws/ and the provider's folder (its registry entry's `iam.folder`)
 * construct, sorted. `provider` is its id in `traffic-provider`.
 */
export function commandsSent(provider: string, root = new URL('../', import.meta.url)): string[] {
  const actions = new Set<string>();
  for (const file of [...sourcesUnder(root, 'src/aws/'), ...sourcesUnder(root, findProvider(provider).iam.folder)]) {
    const text = readFileSync(new URL(file, root), 'utf8');
    for (const [, names, module] of text.matchAll(/import \{([^}]*)\} from '(@aws-sdk\/client-[a-z0-9-]+)'/g)) {
      for (const name of names.split(',').map((n) => n.trim().replace(/^type /, ''))) {
        if (name.endsWith('Command') && text.includes(`new ${name}(`))
          actions.add(`${SDK_PREFIX[module] ?? module}:${name.replace(/Command$/, '')}`);
      }
    }
  }
  return [...actions].sort();
}

const CLUSTER_ARN = /^arn:(aws[a-z-]*):ecs:([a-z0-9-]+):(\d{12}):cluster\/([A-Za-z0-9_-]{1,255})$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;

function readCommon(
  inputs: Inputs,
  args: Record<string, string>,
  base?: BaseTaskDefinition,
  oneService = false,
): IamFacts {
  const notes: string[] = [];
  const clusterInput = inputs.read('cluster') || 'default';
  const clusterArn = CLUSTER_ARN.exec(clusterInput);
  if (!clusterArn && !NAME.test(clusterInput)) inputs.fail('cluster', `must be an ECS cluster name or ARN`);
  const region = args.region || clusterArn?.[2] || '';
  const account = args.account || clusterArn?.[3] || '';
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) inputs.fail('region', `must be an AWS region, e.g. eu-west-1`);
  if (!/^\d{12}$/.test(account)) inputs.fail('account', 'must be the 12-digit ID of the account the services run in');
  const stable = inputs.required('stable-service', NAME, 'an ECS service name');
  // A one-service provider shifts between two revisions of stable-service: there is no canary service.
  const canary = oneService ? '' : inputs.required('canary-service', NAME, 'an ECS service name');
  if (oneService && inputs.given('canary-service'))
    inputs.fail('canary-service', `is not used with traffic-provider ${args['traffic-provider']}: it runs one service`);
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
  };
  const cluster = clusterArn?.[4] ?? clusterInput;
  return { partition: partitionOf(region), region, account, cluster, stable, canary, alarms, roles, notes };
}

/** The ECS statements every provider shares: task definitions, the two services, tags on what is created. */
function ecsStatements(c: IamFacts, commands: string[]): Statement[] {
  const service = (name: string) => arnIn(c, 'ecs', `service/${c.cluster}/${name}`);
  const ecs = commands.filter((a) => a.startsWith('ecs:'));
  const taskDefinitions = ecs.filter((a) => /TaskDefinition/.test(a));
  const onBoth = ecs.filter((a) => ['ecs:DescribeServices', 'ecs:UpdateService'].includes(a));
  const onCanary = ecs.filter((a) => ['ecs:CreateService', 'ecs:DeleteService'].includes(a) && c.canary !== '');
  const uncreated = ecs.filter((a) => ['ecs:CreateService', 'ecs:DeleteService'].includes(a) && c.canary === '');
  if (uncreated.length)
    c.notes.push(`${uncreated.join(', ')} left out: with one service, the action creates and deletes none`);
  const unknown = ecs.filter((a) => ![...taskDefinitions, ...onBoth, ...onCanary, ...uncreated].includes(a));
  noResourceRule(unknown, 'scripts/iamPolicy.ts');
  const createActions = ['CreateService', 'RegisterTaskDefinition'].filter(
    (a) => ecs.includes(`ecs:${a}`) && !uncreated.includes(`ecs:${a}`),
  );
  return [
    { Sid: 'TaskDefinitions', Effect: 'Allow', Action: sorted(taskDefinitions), Resource: '*' },
    {
      Sid: 'StableAndCanaryServices',
      Effect: 'Allow',
      Action: sorted(onBoth),
      Resource: [c.stable, c.canary].filter(Boolean).map(service),
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
function alarmStatements(c: IamFacts, commands: string[]): Statement[] {
  const other = commands.filter((a) => a.startsWith('cloudwatch:') && a !== 'cloudwatch:DescribeAlarms');
  noResourceRule(other, 'scripts/iamPolicy.ts');
  if (!commands.includes('cloudwatch:DescribeAlarms')) return [];
  if (c.alarms.length === 0) {
    c.notes.push('no alarms given: cloudwatch:DescribeAlarms left out (the action reads alarms only when named)');
    return [];
  }
  const alarms = c.alarms.map((name) => arnIn(c, 'cloudwatch', `alarm:${name}`));
  return [{ Sid: 'ReadAlarmGates', Effect: 'Allow', Action: ['cloudwatch:DescribeAlarms'], Resource: alarms }];
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
  const entry = readProvider(inputs);
  if (!entry) throw new IamPolicyInputError(inputs.problems);
  const provider = entry.id;
  const common = readCommon(inputs, args, base, entry.shape === 'one-service');
  const others = PROVIDERS.filter((p) => p !== entry);
  const foreign = new Set(others.flatMap((p) => p.inputs).filter((name) => !entry.inputs.includes(name)));
  for (const name of foreign) {
    const ids = orList(others.filter((p) => p.inputs.includes(name)).map((p) => p.id));
    inputs.refuse([name], `is an input of traffic-provider ${ids}, not of ${provider}`);
  }
  const foreignArgs = new Set(others.flatMap((p) => p.iam.args ?? []).filter((a) => !entry.iam.args?.includes(a)));
  for (const arg of foreignArgs)
    if (args[arg])
      inputs.fail(arg, `is for ${orList(others.filter((p) => p.iam.args?.includes(arg)).map((p) => p.id))}`);
  const traffic = entry.readSettings(inputs, { canaryService: common.canary });
  entry.iam.readArgs?.(inputs, args, common);
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
  passed.push(...(entry.iam.passRoles?.(common, sent) ?? []));
  const services = ['ecs', 'cloudwatch', ...PROVIDERS.flatMap((p) => Object.values(p.iam.sdk))];
  noResourceRule(
    sent.filter((a) => !services.some((service) => a.startsWith(`${service}:`))),
    'scripts/iamPolicy.ts',
  );
  // The provider's statements first: the ECS calls they cover (a one-service provider's own) are not the shared ones'.
  const own = entry.iam.statements(common, traffic, sent);
  const covered = own.flatMap((st) => st.Action);
  const statements = [
    ...ecsStatements(
      common,
      sent.filter((a) => !covered.includes(a)),
    ),
    ...own,
    ...passed,
    ...alarmStatements(common, sent),
  ].filter((st) => st.Action.length > 0 && (typeof st.Resource === 'string' || st.Resource.length > 0));
  return { policy: { Version: '2012-10-17', Statement: statements }, notes: common.notes };
}

/** `a`, `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
