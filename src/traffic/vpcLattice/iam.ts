// VPC Lattice's part of the IAM policy (npm run iam-policy): the Lattice service (scoped when given by ID or ARN), its
// target groups, deletes only of what the action created, and the ECS infrastructure role passed to ECS when the
// canary service is created with the stable one's vpcLatticeConfigurations (argument infrastructure-role).
import { type IamFacts, type ProviderIam, passRole, ROLE, type Statement, sorted } from '../iam.js';
import type { LatticeSettings } from './settings.js';
import { CREATED_BY_TAG } from './state.js';

/** The tag the action puts on what it creates (CREATED_BY_TAG, as the planner sets it). */
const CREATED_BY = { key: CREATED_BY_TAG, value: 'ecs-mesh-canary' };

const INFRASTRUCTURE_ROLE = 'ECS_INFRASTRUCTURE_ROLE';

const isIdOrArn = (value: string, prefix: string) =>
  value.startsWith('arn:') || new RegExp(`^${prefix}-[0-9a-z]{17}$`).test(value);
const idOf = (value: string) => value.slice(value.lastIndexOf('/') + 1);

function latticeStatements(c: IamFacts, s: LatticeSettings, commands: readonly string[]): Statement[] {
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

export const vpcLatticeIam: ProviderIam<LatticeSettings> = {
  folder: 'src/traffic/vpcLattice/',
  sdk: { '@aws-sdk/client-vpc-lattice': 'vpc-lattice' },
  args: ['infrastructure-role'],
  // The role of the stable service's vpcLatticeConfigurations, which the canary service is created with.
  readArgs(inputs, args, c) {
    const given = args['infrastructure-role'] ?? '';
    if (given && !ROLE.test(given)) inputs.fail('infrastructure-role', 'must be an IAM role name or ARN');
    if (!given)
      c.notes.push(
        `${INFRASTRUCTURE_ROLE} is a placeholder: replace it with the role of the stable service's vpcLatticeConfigurations, or pass infrastructure-role=NAME`,
      );
    c.roles.infrastructure = [given || INFRASTRUCTURE_ROLE];
  },
  statements: latticeStatements,
  passRoles: (c, commands) =>
    commands.includes('ecs:CreateService')
      ? [
          passRole(
            c,
            'PassInfrastructureRoleToEcs',
            c.roles.infrastructure ?? [INFRASTRUCTURE_ROLE],
            'ecs.amazonaws.com',
          ),
        ]
      : [],
};
