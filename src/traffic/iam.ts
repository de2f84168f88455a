// What a provider's IAM statements are built from (npm run iam-policy, scripts/iamPolicy.ts): the facts every provider
// shares (partition, region, account, cluster, the two services, the roles passed to ECS, the notes for the reader),
// and the helpers both the generator and the providers' own statements (traffic/<provider>/iam.ts) use. Each provider
// lists its IAM part in its registry entry (`iam`). No AWS SDK, no provider named here.
import type { Inputs } from '../inputTools.js';

export interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** The roles passed to ECS, by kind: the task definitions' two, and those a provider adds (e.g. `infrastructure`). */
export interface PassedRoles {
  task: string[];
  execution: string[];
  [kind: string]: string[];
}

/** The facts of one set of inputs that every provider's statements share. */
export interface IamFacts {
  partition: string;
  region: string;
  account: string;
  /** The cluster's name (also when given by ARN). */
  cluster: string;
  stable: string;
  canary: string;
  alarms: string[];
  roles: PassedRoles;
  /** What a reader must know (placeholders, what could not be scoped, what was left out): statements add to it. */
  notes: string[];
}

/**
 * A provider's part of the IAM policy: where its commands are sent from, the service prefix of its SDK clients, and
 * its statements for its settings and the commands sent (`service:Command`, the generator's `commandsSent`).
 */
export interface ProviderIam<T> {
  /** Its folder, from the repository root (e.g. `src/traffic/<provider>/`): its commands are those sent there. */
  readonly folder: string;
  /** The IAM service prefix of each AWS SDK client it uses, by package, e.g. `{ '@aws-sdk/client-x': 'x' }`. */
  readonly sdk: Readonly<Record<string, string>>;
  /** Arguments of npm run iam-policy besides the action's inputs that only it takes (refused for other providers). */
  readonly args?: readonly string[];
  /** Reads those arguments before any statement is built: problems go to `inputs`, roles and notes to `facts`. */
  readArgs?(inputs: Inputs, args: Readonly<Record<string, string>>, facts: IamFacts): void;
  /** Its statements, which follow the ECS ones; may add notes. */
  statements(facts: IamFacts, settings: T, commands: readonly string[]): Statement[];
  /** The roles it passes besides the task definitions' (iam:PassRole), which follow theirs. */
  passRoles?(facts: IamFacts, commands: readonly string[]): Statement[];
}

/** An IAM role name or ARN. */
export const ROLE = /^(arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+|[\w+=,.@/-]{1,512})$/;

/** The AWS partition of a region: aws-cn for China, aws-us-gov for GovCloud, aws otherwise. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** Actions without duplicates, sorted. */
export const sorted = (actions: Iterable<string>): string[] => [...new Set(actions)].sort();

/** The ARN of `resource` of `service` in the facts' partition, region and account. */
export const arnIn = (c: IamFacts, service: string, resource: string): string =>
  `arn:${c.partition}:${service}:${c.region}:${c.account}:${resource}`;

/** Refuses the commands no statement has a resource rule for: a new command cannot slip into a policy unscoped. */
export function noResourceRule(unknown: readonly string[], where: string): void {
  if (unknown.length) throw new Error(`no resource rule for ${unknown.join(', ')}: add one to ${where}`);
}

export function roleArn(c: IamFacts, role: string): string {
  return role.startsWith('arn:') ? role : `arn:${c.partition}:iam::${c.account}:role/${role}`;
}

/** iam:PassRole on `roles` (names or ARNs), only to the service `to`. */
export function passRole(c: IamFacts, sid: string, roles: readonly string[], to: string): Statement {
  return {
    Sid: sid,
    Effect: 'Allow',
    Action: ['iam:PassRole'],
    Resource: [...new Set(roles.map((r) => roleArn(c, r)))],
    Condition: { StringEquals: { 'iam:PassedToService': to } },
  };
}
