// VPC Lattice calls: resolve a service, listener, rule or target group given by name, ID or ARN (names through the
// List calls), read and write the forward action, create the canary target group, list its targets. The only
// module of the provider that sends Lattice commands.
import {
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DeleteRuleCommand,
  DeleteTargetGroupCommand,
  ListTagsForResourceCommand,
  GetListenerCommand,
  GetRuleCommand,
  GetServiceCommand,
  GetTargetGroupCommand,
  ListListenersCommand,
  ListRulesCommand,
  ListServicesCommand,
  ListTargetGroupsCommand,
  ListTargetsCommand,
  UpdateListenerCommand,
  UpdateRuleCommand,
  type CreateTargetGroupCommandInput,
  type GetTargetGroupCommandOutput,
  type ListenerSummary,
  type RuleAction,
  type RuleMatch,
  type RuleSummary,
  type ServiceSummary,
  type TargetGroupSummary,
  type TargetSummary,
  type VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { orUndefined } from '../../aws/notFound.js';

const NOT_FOUND = ['ResourceNotFoundException'];

/** Whether a value is an ID (`svc-…`, `tg-…`) or an ARN rather than a name. */
export function isIdOrArn(value: string, prefix: string): boolean {
  return value.startsWith('arn:') || new RegExp(`^${prefix}-[0-9a-z]{17}$`).test(value);
}

/** The ID inside an ARN (its last path segment), or the value itself. */
export const idOf = (value: string) => value.slice(value.lastIndexOf('/') + 1);

export interface Where {
  service: string;
  listener: string;
  /** The rule, or undefined for the listener's default action. */
  rule?: string;
}

export type TargetGroup = GetTargetGroupCommandOutput;

export interface ActionRead {
  action?: RuleAction;
  lastUpdatedAt?: Date;
  arn?: string;
  match?: RuleMatch;
  priority?: number;
}

export interface RuleInput {
  where: Where;
  name: string;
  priority: number;
  match: RuleMatch;
  action: RuleAction;
  tags?: Record<string, string>;
}

export class LatticeApi {
  constructor(readonly client: VPCLatticeClient) {}

  private async all<T>(page: (nextToken?: string) => Promise<{ items?: T[]; nextToken?: string }>): Promise<T[]> {
    const items: T[] = [];
    let token: string | undefined;
    do {
      const out = await page(token);
      items.push(...(out.items ?? []));
      token = out.nextToken;
    } while (token);
    return items;
  }

  /** A service by ID or ARN (GetService), or by name: its ListServices summary, which has its DNS name too. */
  async findService(ref: string): Promise<ServiceSummary | undefined> {
    if (isIdOrArn(ref, 'svc'))
      return orUndefined(this.client.send(new GetServiceCommand({ serviceIdentifier: ref })), NOT_FOUND);
    const services = await this.all((nextToken) => this.client.send(new ListServicesCommand({ nextToken })));
    return services.find((s) => s.name === ref);
  }

  listListeners(serviceIdentifier: string): Promise<ListenerSummary[]> {
    return this.all((nextToken) => this.client.send(new ListListenersCommand({ serviceIdentifier, nextToken })));
  }

  listRules(serviceIdentifier: string, listenerIdentifier: string): Promise<RuleSummary[]> {
    return this.all((nextToken) =>
      this.client.send(new ListRulesCommand({ serviceIdentifier, listenerIdentifier, nextToken })),
    );
  }

  /** The action at `where` and when it last changed. */
  async readAction(where: Where): Promise<ActionRead | undefined> {
    const ids = { serviceIdentifier: where.service, listenerIdentifier: where.listener };
    if (where.rule) {
      const rule = await orUndefined(
        this.client.send(new GetRuleCommand({ ...ids, ruleIdentifier: where.rule })),
        NOT_FOUND,
      );
      return (
        rule && {
          action: rule.action,
          lastUpdatedAt: rule.lastUpdatedAt,
          arn: rule.arn,
          match: rule.match,
          priority: rule.priority,
        }
      );
    }
    const listener = await orUndefined(this.client.send(new GetListenerCommand(ids)), NOT_FOUND);
    return listener && { action: listener.defaultAction, lastUpdatedAt: listener.lastUpdatedAt, arn: listener.arn };
  }

  /** Writes the action at `where`; the answer is the rule or listener as Lattice now holds it. */
  async writeAction(where: Where, action: RuleAction): Promise<ActionRead> {
    const ids = { serviceIdentifier: where.service, listenerIdentifier: where.listener };
    if (where.rule) {
      const rule = await this.client.send(new UpdateRuleCommand({ ...ids, ruleIdentifier: where.rule, action }));
      return { action: rule.action, arn: rule.arn, match: rule.match, priority: rule.priority };
    }
    const listener = await this.client.send(new UpdateListenerCommand({ ...ids, defaultAction: action }));
    return { action: listener.defaultAction, arn: listener.arn };
  }

  async createRule(r: RuleInput): Promise<{ arn: string; id: string }> {
    const ids = { serviceIdentifier: r.where.service, listenerIdentifier: r.where.listener };
    const command = new CreateRuleCommand({
      ...ids,
      name: r.name,
      priority: r.priority,
      match: r.match,
      action: r.action,
      tags: r.tags,
    });
    const out = await this.client.send(command);
    return { arn: out.arn!, id: out.id! };
  }

  async deleteRule(where: Where): Promise<void> {
    const ids = { serviceIdentifier: where.service, listenerIdentifier: where.listener, ruleIdentifier: where.rule! };
    await this.client.send(new DeleteRuleCommand(ids));
  }

  async deleteTargetGroup(targetGroupIdentifier: string): Promise<void> {
    await this.client.send(new DeleteTargetGroupCommand({ targetGroupIdentifier }));
  }

  async tags(resourceArn: string): Promise<Record<string, string>> {
    return (
      (await orUndefined(this.client.send(new ListTagsForResourceCommand({ resourceArn })), NOT_FOUND))?.tags ?? {}
    );
  }

  listTargetGroups(): Promise<TargetGroupSummary[]> {
    return this.all((nextToken) => this.client.send(new ListTargetGroupsCommand({ nextToken })));
  }

  /** A target group by ID or ARN, with its whole config. */
  getTargetGroup(targetGroupIdentifier: string): Promise<TargetGroup | undefined> {
    return orUndefined(this.client.send(new GetTargetGroupCommand({ targetGroupIdentifier })), NOT_FOUND);
  }

  async createTargetGroup(input: CreateTargetGroupCommandInput) {
    return this.client.send(new CreateTargetGroupCommand(input));
  }

  listTargets(targetGroupIdentifier: string): Promise<TargetSummary[]> {
    return this.all((nextToken) => this.client.send(new ListTargetsCommand({ targetGroupIdentifier, nextToken })));
  }
}
