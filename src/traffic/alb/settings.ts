// The ALB provider's own inputs, read and validated before any AWS call: the two target groups (by name or ARN), the
// listener rule or listener whose forward action holds the split (by ARN), and the preview rule's priority. A default
// canary group name longer than ALB allows is refused here when the stable group's name is known. No AWS SDK import.
import type { Inputs } from '../../inputTools.js';

export interface AlbSettings {
  readonly provider: 'alb';
  /** A target group name or ARN; default the one target group in the stable service's loadBalancers. */
  readonly stableTargetGroup?: string;
  /** A target group name or ARN; default `<stable group name>-canary`. */
  readonly canaryTargetGroup?: string;
  /** A listener rule's ARN, or a listener's ARN (its default action); default the one forward to the stable group. */
  readonly listenerRule?: string;
  /** Priority of the preview rule; default the lowest free one ahead of the weighted rule. */
  readonly previewPriority?: number;
}

export const ALB_INPUTS = ['stable-target-group', 'canary-target-group', 'listener-rule', 'preview-priority'] as const;

/** ALB target group names: at most 32 letters, digits and hyphens, not starting or ending with a hyphen. */
export const GROUP_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;
const ARN = 'arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}';
export const GROUP_ARN = new RegExp(`^${ARN}:targetgroup/([A-Za-z0-9-]{1,32})/[0-9a-f]{16}$`);
export const LISTENER_ARN = new RegExp(`^${ARN}:listener/app/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}/[0-9a-f]{16}$`);
export const RULE_ARN = new RegExp(
  `^${ARN}:listener-rule/app/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}/[0-9a-f]{16}/[0-9a-f]{16}$`,
);
const GROUP = new RegExp(`${GROUP_NAME.source}|${GROUP_ARN.source}`);
const GROUP_RULE = 'a target group name (1-32 letters, digits and hyphens) or ARN';

/** ALB rule priorities. */
export const MAX_PRIORITY = 50_000;

/** The name in a target group ARN, or the value itself (a name). */
export const groupName = (ref: string) => GROUP_ARN.exec(ref)?.[1] ?? ref;

/** The canary group's default name, `<stable group name>-canary`, and whether ALB accepts it. */
export function defaultCanaryName(stableName: string): { name: string; fits: boolean } {
  const name = `${stableName}-canary`;
  return { name, fits: GROUP_NAME.test(name) };
}

export const TOO_LONG = (name: string) =>
  `the default canary target group name ${name} is ${name.length} characters, and ALB names are at most 32: name the canary group`;

export function readAlbSettings(inputs: Inputs): AlbSettings {
  const stableTargetGroup = inputs.optional('stable-target-group', GROUP, GROUP_RULE);
  const canaryTargetGroup = inputs.optional('canary-target-group', GROUP, GROUP_RULE);
  const listenerRule = inputs.optional(
    'listener-rule',
    new RegExp(`${RULE_ARN.source}|${LISTENER_ARN.source}`),
    "the ARN of an Application Load Balancer's listener rule, or of a listener (its default action)",
  );
  if (stableTargetGroup && GROUP.test(stableTargetGroup) && !canaryTargetGroup) {
    const fallback = defaultCanaryName(groupName(stableTargetGroup));
    if (!fallback.fits) inputs.fail('canary-target-group', `is required: ${TOO_LONG(fallback.name)}`);
  }
  return {
    provider: 'alb',
    stableTargetGroup,
    canaryTargetGroup,
    listenerRule,
    previewPriority: inputs.integer('preview-priority', 1, MAX_PRIORITY, undefined),
  };
}
