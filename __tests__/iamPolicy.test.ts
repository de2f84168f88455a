// npm run iam-policy: the policy it prints for the demo's inputs allows every AWS call the bundled action makes on the
// emulator (deploy with a preview header, shift, promote, deploy, rollback with delete-canary, on each provider) — the
// action, and the resource the request names (the services, nodes, routes, target groups, alarms; roles passed; tags
// on create; the tag a delete is conditioned on) — and nothing beyond the commands the code sends. The emulator does not evaluate IAM: the small evaluator here does, with the parts of IAM's logic these
// policies use (Allow statements, `*` in actions and resources, StringEquals conditions).
import { readdirSync, readFileSync } from 'node:fs';
import {
  baseTaskDefinition,
  commandsSent,
  IamPolicyInputError,
  iamPolicy,
  partitionOf,
  type Policy,
  type Statement,
} from '../scripts/iamPolicy.js';
import { ACCOUNT } from '../emulator/common.js';
import {
  albInputs,
  LATTICE_SAMPLE,
  latticeInputs,
  SAMPLE,
  sampleInputs,
  seedAlbColor,
  seedHowtoEcsBasics,
  seedLatticeColor,
} from '../emulator/fixture.js';
import { nativeInputs, seedServiceConnectColor } from '../emulator/ecsNativeFixture.js';
import { Emulator, type LoggedRequest } from '../emulator/server.js';
import { NODE24, runAction } from '../emulator/runAction.js';

const REGION = 'eu-west-1';
const ALARM = 'color-5xx';
const TASK_ROLES = {
  'task-role': 'howto-ecs-basics-TaskIamRole',
  'execution-role': 'howto-ecs-basics-TaskExecutionIamRole',
};
const IMPLIED = [
  'ecs:TagResource',
  'iam:PassRole',
  'vpc-lattice:TagResource',
  'appmesh:TagResource',
  'elasticloadbalancing:AddTags',
];

// --- the commands the code sends, found here as __tests__/docs.test.ts finds them (not with the script's function) ---

const root = new URL('../', import.meta.url);
const filesUnder = (dir: string): string[] =>
  readdirSync(new URL(dir, root), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(`${dir}${e.name}/`) : [`${dir}${e.name}`],
  );
const PREFIX: Record<string, string> = {
  '@aws-sdk/client-ecs': 'ecs',
  '@aws-sdk/client-app-mesh': 'appmesh',
  '@aws-sdk/client-vpc-lattice': 'vpc-lattice',
  '@aws-sdk/client-elastic-load-balancing-v2': 'elasticloadbalancing',
  '@aws-sdk/client-cloudwatch': 'cloudwatch',
};
function codeCommands(folder: string): string[] {
  const found = new Set<string>();
  for (const file of [...filesUnder('src/aws/'), ...filesUnder(folder)].filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(new URL(file, root), 'utf8');
    for (const [, names, module] of text.matchAll(/import \{([^}]*)\} from '(@aws-sdk\/client-[a-z0-9-]+)'/g))
      for (const name of names.split(',').map((n) => n.trim().replace(/^type /, '')))
        if (name.endsWith('Command') && text.includes(`new ${name}(`))
          found.add(`${PREFIX[module] ?? module}:${name.replace(/Command$/, '')}`);
  }
  return [...found].sort();
}

// --- a small IAM evaluator ---

interface AuthRequest {
  action: string;
  resource: string;
  context?: Record<string, string>;
}

const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);
const glob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );

function allowedBy(policy: Policy, r: AuthRequest): Statement | undefined {
  return policy.Statement.find(
    (s) =>
      s.Effect === 'Allow' &&
      s.Action.some((a) => glob(a).test(r.action)) &&
      list(s.Resource).some((p) => glob(p).test(r.resource)) &&
      Object.entries(s.Condition ?? {}).every(([operator, keys]) => {
        if (operator !== 'StringEquals') return false;
        return Object.entries(keys).every(([key, values]) => list(values).includes(r.context?.[key] ?? '\u0000'));
      }),
  );
}

// --- what AWS authorizes for each request the emulator logged ---

const arn = (service: string, resource: string, account = ACCOUNT) =>
  `arn:aws:${service}:${REGION}:${account}:${resource}`;
const last = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);
const tail = (ref: string) => (ref.startsWith('arn:') ? ref.slice(ref.indexOf('/') + 1) : ref);

function ecsRequests(r: LoggedRequest): AuthRequest[] {
  const i = r.input as Record<string, any>;
  const action = `ecs:${r.operation}`;
  const cluster = i.cluster ? last(String(i.cluster)) : 'default';
  const service = (name: string) => arn('ecs', `service/${cluster}/${last(name)}`);
  const tagged = (resource: string, createAction: string): AuthRequest[] =>
    (i.tags ?? []).length > 0
      ? [{ action: 'ecs:TagResource', resource, context: { 'ecs:CreateAction': createAction } }]
      : [];
  const passed = (roles: (string | undefined)[], to: string): AuthRequest[] =>
    roles
      .filter((role): role is string => !!role)
      .map((role) => ({ action: 'iam:PassRole', resource: role, context: { 'iam:PassedToService': to } }));
  switch (r.operation) {
    case 'DescribeServices':
      return (i.services as string[]).map((s) => ({ action, resource: service(s) }));
    case 'CreateService':
      return [
        { action, resource: service(i.serviceName) },
        ...tagged(service(i.serviceName), 'CreateService'),
        ...passed(
          (i.vpcLatticeConfigurations ?? []).map((c: { roleArn: string }) => c.roleArn),
          'ecs.amazonaws.com',
        ),
      ];
    case 'UpdateService':
    case 'DeleteService':
      return [{ action, resource: service(i.service) }];
    case 'RegisterTaskDefinition': {
      const resource = arn('ecs', `task-definition/${i.family}:1`);
      return [
        { action, resource },
        ...tagged(resource, 'RegisterTaskDefinition'),
        ...passed([i.taskRoleArn, i.executionRoleArn], 'ecs-tasks.amazonaws.com'),
      ];
    }
    case 'DescribeTaskDefinition':
      return [{ action, resource: arn('ecs', `task-definition/${tail(i.taskDefinition)}`) }];
    case 'ListServiceDeployments':
      return [{ action, resource: service(i.service) }];
    case 'DescribeServiceDeployments':
      return (i.serviceDeploymentArns as string[]).map((resource) => ({ action, resource }));
    case 'DescribeServiceRevisions':
      return (i.serviceRevisionArns as string[]).map((resource) => ({ action, resource }));
    case 'ContinueServiceDeployment':
    case 'StopServiceDeployment':
      return [{ action, resource: i.serviceDeploymentArn }];
  }
  throw new Error(`no authorization mapping for ${action}`);
}

const weightedNodes = (spec: Record<string, any> | undefined): string[] =>
  ['httpRoute', 'http2Route', 'grpcRoute', 'tcpRoute'].flatMap((kind) =>
    (spec?.[kind]?.action?.weightedTargets ?? []).map((t: { virtualNode: string }) => t.virtualNode),
  );

function appMeshRequests(r: LoggedRequest): AuthRequest[] {
  const i = r.input as Record<string, any>;
  const action = `appmesh:${r.operation}`;
  const mesh = arn('appmesh', `mesh/${i.meshName}`, i.meshOwner ?? ACCOUNT);
  const node = (name: string) => `${mesh}/virtualNode/${name}`;
  const router = (name: string) => `${mesh}/virtualRouter/${name}`;
  const tagged = r.operation.startsWith('Create') && (i.tags ?? []).length > 0;
  const on = (resource: string, ...checked: string[]) => [
    { action, resource },
    ...checked.map((also) => ({ action, resource: also })),
    ...(tagged ? [{ action: 'appmesh:TagResource', resource }] : []),
  ];
  const noun = r.operation.replace(/^(Describe|Create|Update|Delete|List)/, '');
  if (r.operation === 'ListTagsForResource') return on(i.resourceArn);
  if (noun === 'Mesh') return on(mesh);
  if (noun === 'VirtualNode') {
    const backends = (i.spec?.backends ?? []).map(
      (b: { virtualService: { virtualServiceName: string } }) =>
        `${mesh}/virtualService/${b.virtualService.virtualServiceName}`,
    );
    return on(node(i.virtualNodeName), ...backends);
  }
  if (noun === 'VirtualRouter' || r.operation === 'ListRoutes') return on(router(i.virtualRouterName));
  if (noun === 'Route')
    return on(`${router(i.virtualRouterName)}/route/${i.routeName}`, ...weightedNodes(i.spec).map(node));
  if (noun === 'VirtualService') {
    const provider = i.spec?.provider ?? {};
    return on(
      `${mesh}/virtualService/${i.virtualServiceName}`,
      ...(provider.virtualRouter ? [router(provider.virtualRouter.virtualRouterName)] : []),
      ...(provider.virtualNode ? [node(provider.virtualNode.virtualNodeName)] : []),
    );
  }
  throw new Error(`no authorization mapping for ${action}`);
}

function latticeRequests(r: LoggedRequest, emu: Emulator, tags: Map<string, Record<string, string>>): AuthRequest[] {
  const i = r.input as Record<string, any>;
  const action = `vpc-lattice:${r.operation}`;
  const service = () => arn('vpc-lattice', `service/${last(i.serviceIdentifier)}`);
  const listener = () => `${service()}/listener/${last(i.listenerIdentifier)}`;
  const group = (ref: string) => arn('vpc-lattice', `targetgroup/${last(ref)}`);
  const created = (resource: string): AuthRequest[] => [
    { action, resource },
    ...(Object.keys(i.tags ?? {}).length > 0 ? [{ action: 'vpc-lattice:TagResource', resource }] : []),
  ];
  const deleted = (resource: string): AuthRequest[] => [
    {
      action,
      resource,
      context: Object.fromEntries(
        Object.entries(tags.get(resource) ?? {}).map(([k, v]) => [`aws:ResourceTag/${k}`, v]),
      ),
    },
  ];
  switch (r.operation) {
    case 'ListServices':
    case 'ListTargetGroups':
      return [{ action, resource: '*' }];
    case 'GetService':
    case 'ListListeners':
      return [{ action, resource: service() }];
    case 'GetListener':
    case 'UpdateListener':
    case 'ListRules':
      return [{ action, resource: listener() }];
    case 'GetRule':
    case 'UpdateRule':
      return [{ action, resource: `${listener()}/rule/${last(i.ruleIdentifier)}` }];
    case 'DeleteRule':
      return deleted(`${listener()}/rule/${last(i.ruleIdentifier)}`);
    case 'CreateRule':
      // A create is authorized on the ARN the new rule will have: its ID is only known once created.
      return created(`${listener()}/rule/rule-00000000000000000`);
    case 'GetTargetGroup':
    case 'ListTargets':
      return [{ action, resource: group(i.targetGroupIdentifier) }];
    case 'DeleteTargetGroup':
      return deleted(group(i.targetGroupIdentifier));
    case 'CreateTargetGroup':
      return created(emu.lattice.findTargetGroup(i.name)?.arn ?? group('tg-00000000000000000'));
    case 'ListTagsForResource':
      return [{ action, resource: i.resourceArn }];
  }
  throw new Error(`no authorization mapping for ${action}`);
}

function albRequests(r: LoggedRequest, emu: Emulator, tags: Map<string, Record<string, string>>): AuthRequest[] {
  const i = r.input as Record<string, any>;
  const action = `elasticloadbalancing:${r.operation}`;
  const created = (resource: string): AuthRequest[] => [
    { action, resource },
    ...((i.Tags ?? []).length > 0
      ? [
          {
            action: 'elasticloadbalancing:AddTags',
            resource,
            context: { 'elasticloadbalancing:CreateAction': r.operation },
          },
        ]
      : []),
  ];
  const deleted = (resource: string): AuthRequest[] => [
    {
      action,
      resource,
      context: Object.fromEntries(
        Object.entries(tags.get(resource) ?? {}).map(([k, v]) => [`aws:ResourceTag/${k}`, v]),
      ),
    },
  ];
  // ELBv2 has no resource-level permission for its Describe calls.
  if (r.operation.startsWith('Describe')) return [{ action, resource: '*' }];
  switch (r.operation) {
    case 'ModifyListener':
      return [{ action, resource: i.ListenerArn }];
    case 'ModifyRule':
      return [{ action, resource: i.RuleArn }];
    case 'ModifyTargetGroupAttributes':
      return [{ action, resource: i.TargetGroupArn }];
    case 'CreateRule':
      // A create is authorized on the ARN the new rule will have: its ID is only known once created.
      return created(`${String(i.ListenerArn).replace(':listener/', ':listener-rule/')}/0000000000000000`);
    case 'CreateTargetGroup':
      return created(
        emu.elbv2.findTargetGroup(i.Name)?.arn ?? arn('elasticloadbalancing', `targetgroup/${i.Name}/0000000000000000`),
      );
    case 'DeleteRule':
      return deleted(i.RuleArn);
    case 'DeleteTargetGroup':
      return deleted(i.TargetGroupArn);
  }
  throw new Error(`no authorization mapping for ${action}`);
}

/** The tags of every Lattice and ELBv2 resource, by ARN. */
function tagsOf(emu: Emulator): Map<string, Record<string, string>> {
  return new Map([
    ...[...emu.lattice.tags].map(([k, v]) => [k, { ...v }] as const),
    ...[...emu.elbv2.tags].map(([k, v]) => [k, Object.fromEntries(v)] as const),
  ]);
}

function authRequests(r: LoggedRequest, emu: Emulator, tags: Map<string, Record<string, string>>): AuthRequest[] {
  if (r.service === 'ecs') return ecsRequests(r);
  if (r.service === 'elbv2') return albRequests(r, emu, tags);
  if (r.service === 'appmesh') return appMeshRequests(r);
  if (r.service === 'vpc-lattice') return latticeRequests(r, emu, tags);
  if (r.service === 'cloudwatch' && r.operation === 'DescribeAlarms') {
    const names = (r.input.AlarmNames as string[] | undefined) ?? [];
    return names.length
      ? names.map((n) => ({ action: 'cloudwatch:DescribeAlarms', resource: arn('cloudwatch', `alarm:${n}`) }))
      : [{ action: 'cloudwatch:DescribeAlarms', resource: '*' }];
  }
  throw new Error(`no authorization mapping for ${r.service}:${r.operation}`);
}

// --- the e2e runs ---

interface Provider {
  name: string;
  folder: string;
  seed(emu: Emulator): void;
  inputs(over?: Record<string, string>): Record<string, string>;
  deploy: Record<string, string>;
  extra: Record<string, string>;
  /** The weights of the first deploy and of the shift (default 20 and 50). */
  weights?: [string, string];
  /** Commands the code sends for the other providers that this one never does (left out of its policy). */
  unused?: string[];
}

const PROVIDERS: Provider[] = [
  {
    name: 'App Mesh',
    folder: 'src/traffic/appMesh/',
    seed: seedHowtoEcsBasics,
    inputs: sampleInputs,
    deploy: { 'task-definition': SAMPLE.v2TaskDefinition },
    extra: TASK_ROLES,
  },
  {
    name: 'VPC Lattice',
    folder: 'src/traffic/vpcLattice/',
    seed: (emu) => void seedLatticeColor(emu),
    inputs: latticeInputs,
    deploy: {},
    extra: { ...TASK_ROLES, 'infrastructure-role': LATTICE_SAMPLE.roleArn },
  },
  {
    name: 'ALB',
    folder: 'src/traffic/alb/',
    seed: (emu) => void seedAlbColor(emu),
    inputs: albInputs,
    deploy: {},
    extra: TASK_ROLES,
  },
  {
    name: 'ECS-native',
    folder: 'src/traffic/ecsNative/',
    seed: (emu) => void seedServiceConnectColor(emu),
    inputs: nativeInputs,
    deploy: {},
    extra: TASK_ROLES,
    // Its deploy at 10 % sets a linear step of 10, which 50 is a multiple of.
    weights: ['10', '50'],
    unused: ['ecs:CreateService', 'ecs:DeleteService'],
  },
];

const policyArgs = (p: Provider) => ({
  ...p.inputs({ alarms: ALARM }),
  ...p.extra,
  region: REGION,
  account: ACCOUNT,
});

const IDS: Record<string, string> = {
  'App Mesh': 'app-mesh',
  'VPC Lattice': 'vpc-lattice',
  ALB: 'alb',
  'ECS-native': 'ecs-native',
};
const SERVICES: Record<string, string> = {
  'App Mesh': 'appmesh',
  'VPC Lattice': 'vpc-lattice',
  ALB: 'elasticloadbalancing',
  'ECS-native': 'ecs',
};
const providerOf = (p: Provider) => IDS[p.name];

describe.each(PROVIDERS)('the policy for the $name demo inputs', (p) => {
  // As npm run iam-policy does: the roles of the task-definition file (the App Mesh demo's) are passed too.
  const file = p.deploy['task-definition'];
  const { policy } = iamPolicy(policyArgs(p), commandsSent(providerOf(p)), file ? baseTaskDefinition(file) : undefined);
  const actions = policy.Statement.flatMap((s) => s.Action);

  test('lists no action beyond the commands the code sends, plus what AWS checks besides them', () => {
    const code = codeCommands(p.folder).filter((a) => !p.unused?.includes(a));
    expect(actions.filter((a) => !IMPLIED.includes(a) && !code.includes(a))).toEqual([]);
    // With every optional input that leads to a command given, every command the code sends is allowed.
    const notListed = code.filter((a) => !actions.includes(a));
    expect(notListed).toEqual([]);
  });

  test('has no * resource for ECS or App Mesh actions other than RegisterTaskDefinition and DescribeTaskDefinition', () => {
    const starred = policy.Statement.filter((s) => list(s.Resource).includes('*')).flatMap((s) => s.Action);
    const allowedStar = ['ecs:RegisterTaskDefinition', 'ecs:DescribeTaskDefinition'];
    expect(starred.filter((a) => /^(ecs|appmesh):/.test(a) && !allowedStar.includes(a))).toEqual([]);
    expect(
      starred.filter((a) => !/^(ecs|appmesh|vpc-lattice|elasticloadbalancing):(Register|Describe|List)/.test(a)),
    ).toEqual([]);
  });

  test('passes roles only to ECS, and tags only what ECS creates', () => {
    const denied: AuthRequest[] = [
      // without iam:PassedToService, or to another service
      { action: 'iam:PassRole', resource: `arn:aws:iam::${ACCOUNT}:role/${TASK_ROLES['task-role']}` },
      {
        action: 'iam:PassRole',
        resource: `arn:aws:iam::${ACCOUNT}:role/${TASK_ROLES['task-role']}`,
        context: { 'iam:PassedToService': 'lambda.amazonaws.com' },
      },
      { action: 'ecs:TagResource', resource: arn('ecs', `service/${SAMPLE.cluster}/${SAMPLE.stableService}`) },
      { action: 'ecs:UpdateService', resource: arn('ecs', `service/${SAMPLE.cluster}/front`) },
      { action: 'ecs:CreateService', resource: arn('ecs', `service/${SAMPLE.cluster}/${SAMPLE.stableService}`) },
    ];
    for (const r of denied) expect([r, allowedBy(policy, r)?.Sid]).toEqual([r, undefined]);
  });

  test('allows every call the bundled action makes: deploy with a preview header, shift, promote, deploy, rollback deleting the canary', async () => {
    const emu = await Emulator.start({ region: REGION, rolloutDelayMs: 100, latticeHealthyAfterPolls: 1 });
    const made = new Set<string>();
    try {
      p.seed(emu);
      emu.cloudWatch.putMetricAlarm(ALARM, { state: 'OK', reason: 'Threshold not crossed' });
      // With a preview header (its route or rule is created, then removed by promote) and, last, a rollback that
      // deletes what the action created: the reads and writes of the run's less common paths too.
      const steps: Record<string, string>[] = [
        {
          ...p.deploy,
          image: 'colorapp:blue',
          'canary-weight': p.weights?.[0] ?? '20',
          alarms: ALARM,
          'preview-header': 'x-canary: pr-7',
        },
        { operation: 'shift', 'canary-weight': p.weights?.[1] ?? '50' },
        { operation: 'promote' },
        { ...p.deploy, image: 'colorapp:green', 'canary-weight': '10' },
        { operation: 'rollback', 'delete-canary': 'true' },
      ];
      for (const step of steps) {
        const from = emu.log.length;
        const tags = tagsOf(emu);
        const run = await runAction(p.inputs(step), { env: emu.env(), node: NODE24 });
        expect([step, run.errors, run.status]).toEqual([step, [], 0]);
        for (const [k, v] of tagsOf(emu)) tags.set(k, { ...tags.get(k), ...v });
        for (const logged of emu.log.slice(from)) {
          for (const r of authRequests(logged, emu, tags)) {
            made.add(r.action);
            expect([r, allowedBy(policy, r)?.Sid ?? 'denied']).toEqual([r, expect.not.stringMatching(/^denied$/)]);
          }
        }
      }
    } finally {
      await emu.stop();
    }
    // The runs used nearly all of the policy (left: what only other paths need, e.g. an existing canary node to
    // update, a listener rule holding the weights).
    const unused = actions.filter((a) => !made.has(a));
    expect(unused.length).toBeLessThanOrEqual(3);
    expect([...made].map((a) => a.split(':')[0])).toEqual(
      expect.arrayContaining(['cloudwatch', 'ecs', 'iam', SERVICES[p.name]]),
    );
  }, 120_000);
});

describe('iamPolicy', () => {
  const latticeArgs = () => ({ ...latticeInputs(), region: REGION, account: ACCOUNT });
  const lattice = (over: Record<string, string> = {}) =>
    iamPolicy({ ...latticeInputs(), region: REGION, account: ACCOUNT, ...over }, commandsSent('vpc-lattice'));
  const statement = (policy: Policy, sid: string) => policy.Statement.find((s) => s.Sid === sid);

  test('takes the partition from the region', () => {
    expect(partitionOf('eu-west-1')).toBe('aws');
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    const { policy } = lattice({ region: 'cn-northwest-1' });
    expect(list(statement(policy, 'StableAndCanaryServices')!.Resource)).toEqual([
      `arn:aws-cn:ecs:cn-northwest-1:${ACCOUNT}:service/howto-ecs-basics/color`,
      `arn:aws-cn:ecs:cn-northwest-1:${ACCOUNT}:service/howto-ecs-basics/color-canary`,
    ]);
  });

  test('takes region and account from a cluster ARN', () => {
    const { policy } = lattice({ region: '', account: '', cluster: 'arn:aws:ecs:ap-south-1:123456789012:cluster/c1' });
    expect(statement(policy, 'CanaryService')!.Resource).toBe(
      'arn:aws:ecs:ap-south-1:123456789012:service/c1/color-canary',
    );
  });

  test('a Lattice service given by name cannot be scoped, and says so; by ID it is, without ListServices', () => {
    const byName = lattice();
    expect(statement(byName.policy, 'LatticeServiceSplit')!.Resource).toEqual([
      `arn:aws:vpc-lattice:${REGION}:${ACCOUNT}:service/*`,
    ]);
    expect(byName.notes.join('\n')).toMatch(/IAM knows Lattice services only by ID/);
    const byId = lattice({ 'lattice-service': 'svc-0123456789abcdef0' });
    expect(statement(byId.policy, 'LatticeServiceSplit')!.Resource).toEqual([
      `arn:aws:vpc-lattice:${REGION}:${ACCOUNT}:service/svc-0123456789abcdef0`,
      `arn:aws:vpc-lattice:${REGION}:${ACCOUNT}:service/svc-0123456789abcdef0/*`,
    ]);
    expect(byId.policy.Statement.flatMap((s) => s.Action)).not.toContain('vpc-lattice:ListServices');
  });

  test('target groups given by ID are scoped to them, and none is created or looked up by name', () => {
    const { policy } = lattice({
      'stable-target-group': 'tg-0123456789abcdef0',
      'canary-target-group': 'tg-0123456789abcdef1',
    });
    expect(statement(policy, 'LatticeTargetGroups')!.Resource).toEqual([
      `arn:aws:vpc-lattice:${REGION}:${ACCOUNT}:targetgroup/tg-0123456789abcdef0`,
      `arn:aws:vpc-lattice:${REGION}:${ACCOUNT}:targetgroup/tg-0123456789abcdef1`,
    ]);
    const actions = policy.Statement.flatMap((s) => s.Action);
    expect(actions).not.toContain('vpc-lattice:CreateTargetGroup');
    expect(actions).not.toContain('vpc-lattice:ListTargetGroups');
  });

  test("App Mesh resources are in the mesh owner's account; without alarms or virtual service, no such actions", () => {
    const { policy, notes } = iamPolicy(
      { ...sampleInputs({ 'mesh-owner': '444455556666', 'virtual-service': '' }), region: REGION, account: ACCOUNT },
      commandsSent('app-mesh'),
    );
    expect(list(statement(policy, 'CanaryVirtualNode')!.Resource)).toEqual([
      `arn:aws:appmesh:${REGION}:444455556666:mesh/${SAMPLE.mesh}/virtualNode/${SAMPLE.canaryNode}`,
    ]);
    const actions = policy.Statement.flatMap((s) => s.Action);
    expect(actions.filter((a) => /VirtualService$|^cloudwatch:/.test(a))).toEqual([]);
    expect(notes.join('\n')).toMatch(/no alarms given/);
  });

  test('refuses inputs of the other provider and bad values, naming each', () => {
    expect(() => lattice({ mesh: 'm', account: '12' })).toThrow(IamPolicyInputError);
    try {
      lattice({ mesh: 'm', account: '12' });
    } catch (err) {
      expect((err as IamPolicyInputError).problems.map((p) => p.input).sort()).toEqual(['account', 'mesh']);
    }
  });

  test('a command without a resource rule is an error, not an unscoped grant', () => {
    expect(() => iamPolicy(latticeArgs(), ['ecs:ListTasks'])).toThrow(/no resource rule for ecs:ListTasks/);
  });
});
