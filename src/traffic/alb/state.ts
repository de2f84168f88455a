// What the ALB provider reads, as plain data for its planner, and the names its plan and executors share.
import type { Action, RuleCondition } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Service } from '@aws-sdk/client-ecs';
import type { Ref } from '../../model.js';
import type { TrafficState } from '../provider.js';

/** Where the split is: a listener rule, or (rule undefined) the listener's default action. */
export interface Where {
  listener: string;
  rule?: string;
}

export interface GroupRef {
  arn: string;
  name: string;
}

/** One weighted group of a forward action; `group` is an ARN or (planned) a Ref to the group this run creates. */
export interface Forward {
  group: string | Ref;
  weight: number;
}

/** The stable group's settings the canary group is created with (CreateTargetGroup's input, and its attributes). */
export interface GroupConfig {
  Protocol?: string;
  ProtocolVersion?: string;
  Port?: number;
  VpcId?: string;
  IpAddressType?: string;
  HealthCheckProtocol?: string;
  HealthCheckPort?: string;
  HealthCheckEnabled?: boolean;
  HealthCheckPath?: string;
  HealthCheckIntervalSeconds?: number;
  HealthCheckTimeoutSeconds?: number;
  HealthyThresholdCount?: number;
  UnhealthyThresholdCount?: number;
  Matcher?: { HttpCode?: string; GrpcCode?: string };
}

export interface AlbState extends TrafficState {
  where: Where;
  /** What the report calls the split after its type: `HTTP:80 priority 10` (a rule) or `HTTP:80 (default action)`. */
  splitName: string;
  /**
   * Every action of the rule (or default action) as read, in the form a write accepts: the forward with ForwardConfig
   * only, an OIDC action without its secret. A write changes the forward's groups and weights and nothing else.
   */
  actions: Action[];
  /** The weighted rule's conditions in the form a write accepts (none for a default action). */
  conditions: RuleCondition[];
  stable: GroupRef & { config: GroupConfig; attributes: Record<string, string> };
  /** The canary group, or the name it will be created with. */
  canary: GroupRef | { name: string; arn?: undefined };
  /** The forward action's groups as read (or as this plan's previous write leaves them). */
  forward: Forward[];
  /** How the canary service registers: the stable service's loadBalancers entry for the stable group. */
  registration: { containerName: string; containerPort: number; healthCheckGracePeriodSeconds?: number };
  /** Why the split cannot be written: its forward action also names other groups. */
  foreign?: { why: string; input: string };
  /** Whether this action created the canary group (its tag), read on deploy and for rollback with delete-canary. */
  canaryGroupOurs?: boolean;
  /** The canary group's attributes that differ from the stable group's, for a group this action created. */
  canaryAttributesDiffer?: Record<string, string>;
  /** Rules and default actions other than the split and the preview rule that forward to the canary group. */
  canaryElsewhere?: string[];
  /** The preview rule this action made for this canary (found by its tag), when it exists. */
  previewRule?: { arn: string; priority: number; conditions: RuleCondition[]; actions: Action[]; forward: Forward[] };
  /** The tag value that marks the preview rule of this canary. */
  previewName: string;
  /** Priorities taken on the listener, and the weighted rule's (undefined for the default action). */
  priorities: number[];
  weightedPriority?: number;
  /** For the summary's curl line: the load balancer's DNS name and the listener's port and protocol. */
  entry?: { dns?: string; port?: number; protocol?: string };
  stableService?: Service;
}

export const CANARY_GROUP = 'alb.canaryTargetGroupArn';

export const ALB_KINDS = {
  createGroup: 'alb.create-target-group',
  setAttributes: 'alb.set-target-group-attributes',
  setForward: 'alb.set-forward',
  waitHealthy: 'alb.wait-targets-healthy',
  createRule: 'alb.create-rule',
  deleteRule: 'alb.delete-rule',
  deleteGroup: 'alb.delete-target-group',
} as const;

export const PREVIEW_ARN = 'previewRouteArn';

export const CREATED_BY_TAG = 'ecs-mesh-canary:created-by';
/** On a preview rule: which canary it sends header traffic to (`preview-<canary service>`). */
export const PREVIEW_TAG = 'ecs-mesh-canary:preview';

/** The target group attributes a canary group copies from the stable one. */
export const COPIED_ATTRIBUTES = [
  'deregistration_delay.timeout_seconds',
  'slow_start.duration_seconds',
  'stickiness.enabled',
  'stickiness.type',
  'stickiness.lb_cookie.duration_seconds',
  'stickiness.app_cookie.cookie_name',
  'stickiness.app_cookie.duration_seconds',
] as const;
