// A listener rule's (or default action's) actions as this provider reads and writes them. AWS answers more than it
// accepts back: a forward carries both TargetGroupArn (when it names one group) and ForwardConfig, a host-header or
// path-pattern condition both Values and its …Config, and a write with both forms of either is refused; an OIDC
// action's client secret is never answered, so a rewrite says UseExistingClientSecret. Every other file of the
// provider goes through these, so what it writes back is exactly what it read, but for the forward's groups and weights.
import type { Action, RuleCondition } from '@aws-sdk/client-elastic-load-balancing-v2';

/** One weighted target group of a forward action, by ARN. */
export interface ForwardEntry {
  group: string;
  weight: number;
}

const byOrder = (a: Action, b: Action) => (a.Order ?? 0) - (b.Order ?? 0);

/** The forward action among `actions` (there is at most one: it ends the list). */
export const forwardAction = (actions: readonly Action[] | undefined): Action | undefined =>
  actions?.find((a) => a.Type === 'forward');

/** The weighted groups of the forward action; a forward naming one group by TargetGroupArn alone has weight 1. */
export function forwardOf(actions: readonly Action[] | undefined): ForwardEntry[] | undefined {
  const forward = forwardAction(actions);
  if (!forward) return undefined;
  const groups = forward.ForwardConfig?.TargetGroups;
  if (groups?.length) return groups.map((g) => ({ group: g.TargetGroupArn!, weight: g.Weight ?? 1 }));
  return forward.TargetGroupArn ? [{ group: forward.TargetGroupArn, weight: 1 }] : [];
}

/** An action in the form a write accepts. */
function writableAction(action: Action): Action {
  const copy: Action = JSON.parse(JSON.stringify(action));
  if (copy.Type === 'forward') {
    const groups = forwardOf([copy]) ?? [];
    delete copy.TargetGroupArn;
    copy.ForwardConfig = {
      ...copy.ForwardConfig,
      TargetGroups: groups.map((g) => ({ TargetGroupArn: g.group, Weight: g.weight })),
    };
  }
  if (copy.AuthenticateOidcConfig) {
    delete copy.AuthenticateOidcConfig.ClientSecret;
    copy.AuthenticateOidcConfig.UseExistingClientSecret = true;
  }
  return copy;
}

/** The actions in the form a write accepts, in their order. */
export const writableActions = (actions: readonly Action[] | undefined): Action[] =>
  [...(actions ?? [])].sort(byOrder).map(writableAction);

/** The conditions in the form a write accepts: a condition with a …Config loses its legacy Values. */
export function writableConditions(conditions: readonly RuleCondition[] | undefined): RuleCondition[] {
  return (conditions ?? []).map((c) => {
    const copy: RuleCondition = JSON.parse(JSON.stringify(c));
    const hasConfig = Object.keys(copy).some((k) => k.endsWith('Config') && copy[k as keyof RuleCondition]);
    if (hasConfig) delete copy.Values;
    return copy;
  });
}

/** `actions` with the forward action's groups and weights set to `forward`; everything else as it is. */
export function withForward(actions: readonly Action[], forward: readonly ForwardEntry[]): Action[] {
  return writableActions(actions).map((a) =>
    a.Type === 'forward'
      ? {
          ...a,
          ForwardConfig: {
            ...a.ForwardConfig,
            TargetGroups: forward.map((f) => ({ TargetGroupArn: f.group, Weight: f.weight })),
          },
        }
      : a,
  );
}

/** A value with its object keys sorted, for comparing what AWS answered with what was expected. */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortedKeys(v)]),
    );
  }
  return value;
}

/**
 * The actions as one comparable string: in their order, the forward's groups sorted, stickiness that is off without
 * its duration, an OIDC action without its secret (never answered) or the flag that keeps it.
 */
export function canonicalActions(actions: readonly Action[] | undefined): string {
  const canonical = writableActions(actions).map((a) => {
    if (a.Type === 'forward') {
      const sticky = a.ForwardConfig?.TargetGroupStickinessConfig;
      const groups = [...(a.ForwardConfig?.TargetGroups ?? [])].sort((x, y) =>
        String(x.TargetGroupArn).localeCompare(String(y.TargetGroupArn)),
      );
      return {
        ...a,
        ForwardConfig: {
          TargetGroups: groups.map((g) => ({ TargetGroupArn: g.TargetGroupArn, Weight: g.Weight ?? 1 })),
          TargetGroupStickinessConfig: sticky?.Enabled
            ? { Enabled: true, DurationSeconds: sticky.DurationSeconds }
            : { Enabled: false },
        },
      };
    }
    if (a.AuthenticateOidcConfig) delete a.AuthenticateOidcConfig.UseExistingClientSecret;
    return a;
  });
  return JSON.stringify(sortedKeys(canonical));
}

/** Whether two lists of conditions (in the form a write accepts) are the same. */
export const sameConditions = (a: readonly RuleCondition[], b: readonly RuleCondition[]): boolean =>
  JSON.stringify(sortedKeys(writableConditions(a))) === JSON.stringify(sortedKeys(writableConditions(b)));

/** Whether two lists of actions are the same, as AWS would hold them. */
export const sameActions = (a: readonly Action[] | undefined, b: readonly Action[] | undefined): boolean =>
  a !== undefined && b !== undefined && canonicalActions(a) === canonicalActions(b);

/** The weight a group has in a forward action (0 when it is not in it, or when no group is given). */
export function weightOf(forward: readonly ForwardEntry[], group: string | undefined): number {
  return forward.filter((f) => group !== undefined && f.group === group).reduce((n, f) => n + f.weight, 0);
}

/** The same groups with the same weights, in any order. */
export function sameForward(a: readonly ForwardEntry[] | undefined, b: readonly ForwardEntry[]): boolean {
  if (!a || a.length !== b.length) return false;
  return b.every((x) => a.some((y) => x.group === y.group && x.weight === y.weight));
}

/** A target group's name from its ARN (`…:targetgroup/NAME/ID`). */
export const nameOf = (arn: string) => /:targetgroup\/([^/]+)\//.exec(arn)?.[1] ?? arn;

export const showForward = (f: readonly ForwardEntry[] | undefined) =>
  f ? f.map((g) => `${nameOf(g.group)}=${g.weight}`).join(', ') : 'none';
