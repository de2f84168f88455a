// A Lattice forward action as this provider reads and writes it: its weighted target groups, compared by ID, and the
// weight one group has in it. Every other file of the provider goes through these.
import type { RuleAction } from '@aws-sdk/client-vpc-lattice';

/** One weighted target group of a forward action as AWS holds it (an ID or an ARN). */
export interface ForwardEntry {
  group: string;
  weight: number;
}

/** Lattice answers IDs where requests gave ARNs (and the reverse): groups compare by ID. */
export function sameGroup(a: string, b: string): boolean {
  return a.slice(a.lastIndexOf('/') + 1) === b.slice(b.lastIndexOf('/') + 1);
}

export function forwardOf(action: RuleAction | undefined): ForwardEntry[] | undefined {
  return action?.forward?.targetGroups?.map((g) => ({ group: g.targetGroupIdentifier!, weight: g.weight ?? 0 }));
}

export const forwardAction = (forward: ForwardEntry[]): RuleAction => ({
  forward: { targetGroups: forward.map((f) => ({ targetGroupIdentifier: f.group, weight: f.weight })) },
});

/** The weight a group has in a forward action (0 when it is not in it, or when no group is given). */
export function weightOf(forward: readonly ForwardEntry[], group: string | undefined): number {
  return forward.filter((f) => group !== undefined && sameGroup(f.group, group)).reduce((n, f) => n + f.weight, 0);
}

/** The same groups with the same weights, in any order. */
export function sameForward(a: ForwardEntry[] | undefined, b: ForwardEntry[]): boolean {
  if (!a || a.length !== b.length) return false;
  return b.every((x) => a.some((y) => sameGroup(x.group, y.group) && x.weight === y.weight));
}

export const showForward = (f: ForwardEntry[] | undefined) =>
  f ? f.map((g) => `${g.group.slice(g.group.lastIndexOf('/') + 1)}=${g.weight}`).join(', ') : 'none';
