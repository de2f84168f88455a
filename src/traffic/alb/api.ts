// Elastic Load Balancing v2 calls: target groups by name or ARN with their attributes and tags, a load balancer's
// listeners and a listener's rules, the actions of a rule or of a listener's default action read and written, the
// canary group created and deleted, the preview rule created and deleted, target health. The only module of the
// provider that sends ELBv2 commands.
import {
  type Action,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  type CreateTargetGroupCommandInput,
  DeleteRuleCommand,
  DeleteTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
  type Listener,
  type LoadBalancer,
  ModifyListenerCommand,
  ModifyRuleCommand,
  ModifyTargetGroupAttributesCommand,
  type Rule,
  type RuleCondition,
  type TargetGroup,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { orUndefined } from '../../aws/notFound.js';
import type { Where } from './state.js';

/** DescribeTags takes at most 20 ARNs a call. */
const TAGS_PER_CALL = 20;

/** The actions at `where` as read, with the rule's conditions and priority (none for a default action). */
export interface SplitRead {
  /** The rule's ARN, or the listener's for its default action. */
  arn: string;
  actions: Action[];
  conditions: RuleCondition[];
  priority?: number;
}

export interface RuleInput {
  listener: string;
  priority: number;
  conditions: RuleCondition[];
  actions: Action[];
  tags: Record<string, string>;
}

const toTags = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

export class AlbApi {
  constructor(readonly client: ElasticLoadBalancingV2Client) {}

  private async all<T>(page: (Marker?: string) => Promise<{ items?: T[]; NextMarker?: string }>): Promise<T[]> {
    const items: T[] = [];
    let marker: string | undefined;
    do {
      const out = await page(marker);
      items.push(...(out.items ?? []));
      marker = out.NextMarker;
    } while (marker);
    return items;
  }

  /** A target group by name or ARN, or undefined when there is none. */
  async findTargetGroup(ref: string): Promise<TargetGroup | undefined> {
    const input = ref.startsWith('arn:') ? { TargetGroupArns: [ref] } : { Names: [ref] };
    const out = await orUndefined(this.client.send(new DescribeTargetGroupsCommand(input)), [
      'TargetGroupNotFoundException',
    ]);
    return out?.TargetGroups?.[0];
  }

  /** Target groups by ARN, in one call; none when one of them does not exist. */
  async targetGroupsByArn(TargetGroupArns: string[]): Promise<TargetGroup[]> {
    const out = await orUndefined(this.client.send(new DescribeTargetGroupsCommand({ TargetGroupArns })), [
      'TargetGroupNotFoundException',
    ]);
    return out?.TargetGroups ?? [];
  }

  async attributes(TargetGroupArn: string): Promise<Record<string, string>> {
    const out = await this.client.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn }));
    return Object.fromEntries((out.Attributes ?? []).map((a) => [a.Key!, a.Value ?? '']));
  }

  async setAttributes(TargetGroupArn: string, attributes: Record<string, string>): Promise<void> {
    const Attributes = Object.entries(attributes).map(([Key, Value]) => ({ Key, Value }));
    await this.client.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn, Attributes }));
  }

  async createTargetGroup(input: CreateTargetGroupCommandInput): Promise<TargetGroup> {
    return (await this.client.send(new CreateTargetGroupCommand(input))).TargetGroups![0];
  }

  async deleteTargetGroup(TargetGroupArn: string): Promise<void> {
    await this.client.send(new DeleteTargetGroupCommand({ TargetGroupArn }));
  }

  async targetHealth(TargetGroupArn: string): Promise<TargetHealthDescription[]> {
    return (await this.client.send(new DescribeTargetHealthCommand({ TargetGroupArn }))).TargetHealthDescriptions ?? [];
  }

  /** The tags of each resource, by ARN (a resource that does not exist has none). */
  async tags(arns: readonly string[]): Promise<Map<string, Record<string, string>>> {
    const tags = new Map<string, Record<string, string>>();
    for (let i = 0; i < arns.length; i += TAGS_PER_CALL) {
      const ResourceArns = arns.slice(i, i + TAGS_PER_CALL);
      const out = await this.client.send(new DescribeTagsCommand({ ResourceArns }));
      for (const d of out.TagDescriptions ?? []) {
        tags.set(d.ResourceArn!, Object.fromEntries((d.Tags ?? []).map((t) => [t.Key!, t.Value ?? ''])));
      }
    }
    return tags;
  }

  async loadBalancer(arn: string): Promise<LoadBalancer | undefined> {
    const out = await orUndefined(this.client.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] })), [
      'LoadBalancerNotFoundException',
    ]);
    return out?.LoadBalancers?.[0];
  }

  /** A listener by ARN, or undefined when there is none. */
  async listener(arn: string): Promise<Listener | undefined> {
    const out = await orUndefined(this.client.send(new DescribeListenersCommand({ ListenerArns: [arn] })), [
      'ListenerNotFoundException',
    ]);
    return out?.Listeners?.[0];
  }

  listeners(LoadBalancerArn: string): Promise<Listener[]> {
    return this.all(async (Marker) => {
      const out = await this.client.send(new DescribeListenersCommand({ LoadBalancerArn, Marker }));
      return { items: out.Listeners, NextMarker: out.NextMarker };
    });
  }

  /** A listener's rules, its default rule last (IsDefault, Priority "default"). */
  rules(ListenerArn: string): Promise<Rule[]> {
    return this.all(async (Marker) => {
      const out = await this.client.send(new DescribeRulesCommand({ ListenerArn, Marker }));
      return { items: out.Rules, NextMarker: out.NextMarker };
    });
  }

  async rule(arn: string): Promise<Rule | undefined> {
    const out = await orUndefined(this.client.send(new DescribeRulesCommand({ RuleArns: [arn] })), [
      'RuleNotFoundException',
    ]);
    return out?.Rules?.[0];
  }

  /** The actions at `where` (a rule, or the listener's default action), or undefined when it is gone. */
  async readSplit(where: Where): Promise<SplitRead | undefined> {
    if (where.rule) {
      const rule = await this.rule(where.rule);
      return (
        rule && {
          arn: rule.RuleArn!,
          actions: rule.Actions ?? [],
          conditions: rule.Conditions ?? [],
          priority: Number(rule.Priority),
        }
      );
    }
    const listener = await this.listener(where.listener);
    return listener && { arn: listener.ListenerArn!, actions: listener.DefaultActions ?? [], conditions: [] };
  }

  /** Writes the actions at `where`; the answer is the rule or listener as ELB now holds it. */
  async writeActions(where: Where, actions: Action[]): Promise<{ arn?: string; actions: Action[] }> {
    if (where.rule) {
      const out = await this.client.send(new ModifyRuleCommand({ RuleArn: where.rule, Actions: actions }));
      return { arn: out.Rules?.[0]?.RuleArn, actions: out.Rules?.[0]?.Actions ?? [] };
    }
    const out = await this.client.send(
      new ModifyListenerCommand({ ListenerArn: where.listener, DefaultActions: actions }),
    );
    return { arn: out.Listeners?.[0]?.ListenerArn, actions: out.Listeners?.[0]?.DefaultActions ?? [] };
  }

  async createRule(r: RuleInput): Promise<string> {
    const out = await this.client.send(
      new CreateRuleCommand({
        ListenerArn: r.listener,
        Priority: r.priority,
        Conditions: r.conditions,
        Actions: r.actions,
        Tags: Object.keys(r.tags).length ? toTags(r.tags) : undefined,
      }),
    );
    return out.Rules![0].RuleArn!;
  }

  async deleteRule(RuleArn: string): Promise<void> {
    await this.client.send(new DeleteRuleCommand({ RuleArn }));
  }
}
