// The ALB part of the IAM policy (npm run iam-policy): the Describe calls (ELBv2 has no resource-level permission for
// them), the writes of the split and of the preview rule on the listener the listener-rule input names (any
// application listener of the account when it names none), the canary target group by name (created, its attributes
// copied, deleted), tags on what the action creates, and deletes only of what carries its tag. ECS registers the
// canary's tasks in the group with its service-linked role: no role is passed for that.
import { arnIn, type IamFacts, noResourceRule, type ProviderIam, type Statement, sorted } from '../iam.js';
import { type AlbSettings, defaultCanaryName, GROUP_ARN, groupName, LISTENER_ARN, RULE_ARN } from './settings.js';
import { CREATED_BY_TAG } from './state.js';

const SERVICE = 'elasticloadbalancing';

/** The listener and rule ARN patterns of the listener the input names, and of its rules. */
function listenerArns(c: IamFacts, s: AlbSettings): { listener: string; rules: string; scoped: boolean } {
  const ref = s.listenerRule;
  if (ref && (RULE_ARN.test(ref) || LISTENER_ARN.test(ref))) {
    const listener = RULE_ARN.test(ref) ? ref.replace(':listener-rule/', ':listener/').replace(/\/[^/]+$/, '') : ref;
    return { listener, rules: `${listener.replace(':listener/', ':listener-rule/')}/*`, scoped: true };
  }
  return {
    listener: arnIn(c, SERVICE, 'listener/app/*'),
    rules: arnIn(c, SERVICE, 'listener-rule/app/*'),
    scoped: false,
  };
}

/** The canary group's ARN pattern: by its name (given, or the default from the stable group's), else any group. */
function canaryGroupArn(c: IamFacts, s: AlbSettings): string {
  const given = s.canaryTargetGroup;
  if (given && GROUP_ARN.test(given)) return given;
  const name = given ?? (s.stableTargetGroup ? defaultCanaryName(groupName(s.stableTargetGroup)).name : undefined);
  if (name) return arnIn(c, SERVICE, `targetgroup/${name}/*`);
  c.notes.push(
    "canary target group: targetgroup/* (its name follows from the stable group's, read from the stable service at run time; give stable-target-group or canary-target-group to scope it)",
  );
  return arnIn(c, SERVICE, 'targetgroup/*');
}

function albStatements(c: IamFacts, s: AlbSettings, commands: readonly string[]): Statement[] {
  let actions = commands.filter((a) => a.startsWith(`${SERVICE}:`));
  const drop = (action: string, why: string) => {
    if (!actions.includes(`${SERVICE}:${action}`)) return;
    actions = actions.filter((a) => a !== `${SERVICE}:${action}`);
    c.notes.push(`${SERVICE}:${action} left out: ${why}`);
  };
  const ref = s.listenerRule;
  if (ref && RULE_ARN.test(ref)) drop('ModifyListener', 'listener-rule names a rule, so no default action is written');
  if (ref && LISTENER_ARN.test(ref))
    drop('ModifyRule', 'listener-rule names a listener, whose default action holds the split');
  if (s.canaryTargetGroup && GROUP_ARN.test(s.canaryTargetGroup)) {
    drop('CreateTargetGroup', 'canary-target-group is given by ARN, so it must exist');
  }
  const of = (...names: string[]) => actions.filter((a) => names.includes(a.slice(SERVICE.length + 1)));
  const reads = actions.filter((a) => /:Describe/.test(a));
  const split = of('ModifyListener', 'ModifyRule', 'CreateRule');
  const group = of('CreateTargetGroup', 'ModifyTargetGroupAttributes');
  const deletes = of('DeleteRule', 'DeleteTargetGroup');
  noResourceRule(
    actions.filter((a) => ![...reads, ...split, ...group, ...deletes].includes(a)),
    'src/traffic/alb/iam.ts',
  );
  const where = listenerArns(c, s);
  if (!where.scoped) {
    c.notes.push(
      "listener and rules: listener/app/* and listener-rule/app/* (the split is found among the listeners of the stable group's load balancer at run time; give listener-rule to scope them)",
    );
  }
  const canary = canaryGroupArn(c, s);
  const creates = [...group, ...split].filter((a) => /:Create/.test(a)).map((a) => a.slice(SERVICE.length + 1));
  return [
    // ELBv2 has no resource-level permission for its Describe calls.
    { Sid: 'AlbReads', Effect: 'Allow', Action: sorted(reads), Resource: '*' },
    {
      Sid: 'AlbSplitAndPreviewRule',
      Effect: 'Allow',
      Action: sorted(split),
      Resource: [...(split.some((a) => /Listener$/.test(a)) ? [where.listener] : []), where.rules],
    },
    { Sid: 'AlbCanaryTargetGroup', Effect: 'Allow', Action: sorted(group), Resource: canary },
    // What the action creates, it creates with tags: elasticloadbalancing:AddTags on it, at creation only.
    {
      Sid: 'AlbTagOnCreate',
      Effect: 'Allow',
      Action: creates.length ? [`${SERVICE}:AddTags`] : [],
      Resource: [
        ...(creates.includes('CreateTargetGroup') ? [canary] : []),
        ...(creates.includes('CreateRule') ? [where.rules] : []),
      ],
      Condition: { StringEquals: { [`${SERVICE}:CreateAction`]: creates } },
    },
    // Deletes only of what the action created: those carry its tag (the code checks it too before deleting).
    {
      Sid: 'AlbDeleteOnlyWhatTheActionCreated',
      Effect: 'Allow',
      Action: sorted(deletes),
      Resource: [
        ...(deletes.some((a) => /TargetGroup$/.test(a)) ? [canary] : []),
        ...(deletes.some((a) => /Rule$/.test(a)) ? [where.rules] : []),
      ],
      Condition: { StringEquals: { [`aws:ResourceTag/${CREATED_BY_TAG}`]: 'ecs-mesh-canary' } },
    },
  ];
}

export const albIam: ProviderIam<AlbSettings> = {
  folder: 'src/traffic/alb/',
  sdk: { '@aws-sdk/client-elastic-load-balancing-v2': SERVICE },
  statements: albStatements,
};
