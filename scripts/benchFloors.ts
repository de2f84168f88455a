// The floor of each bench operation that does not wait on ECS: the fewest AWS calls, and the fewest round trips before
// the first write, that its backend's API allows for the same job — inputs as the bench gives them (names; the stable
// service only, on ALB and VPC Lattice), the same safety checks (the canary service read, the canary group's target
// health before it gets weight on ALB and VPC Lattice, the other routes to the canary read before its capacity goes).
// Operations that wait on ECS rollouts are measured by wall time ÷ rollout delay instead.

export interface Floor {
  calls: number;
  depth: number;
  why: string;
}

type Operation = 'shift' | 'shift to the current weight' | 'rollback (after promote: nothing to move)' | 'rollback';

/** Which floor a bench row's operation label has, if any. */
export function floorKey(label: string): Operation | undefined {
  if (label === 'shift to the current weight' || label === 'rollback') return label;
  if (label === 'rollback (after promote: nothing to move)') return label;
  return label.startsWith('shift ') ? 'shift' : undefined;
}

export const FLOORS: Record<string, Partial<Record<Operation, Floor>>> = {
  'App Mesh': {
    shift: {
      calls: 3,
      depth: 1,
      why: 'DescribeRoute ‖ DescribeServices (stable, canary), then UpdateRoute. App Mesh takes names: nothing to resolve; it has no target-health API (ECS health-checks the tasks).',
    },
    'shift to the current weight': { calls: 2, depth: 1, why: 'DescribeRoute ‖ DescribeServices; nothing to write.' },
    'rollback (after promote: nothing to move)': {
      calls: 3,
      depth: 1,
      why: 'DescribeRoute ‖ DescribeServices ‖ ListRoutes (other routes of the router that could send the canary traffic; the sample router has no other).',
    },
    rollback: { calls: 5, depth: 1, why: 'The three reads above, then UpdateRoute and UpdateService (canary to 0).' },
  },
  'VPC Lattice': {
    shift: {
      calls: 7,
      depth: 3,
      why: "ListServices → ListListeners → GetListener (Lattice's Get calls take IDs, not names) ‖ DescribeServices ‖ ListTargetGroups (group names to IDs) → ListTargets (canary health), then UpdateListener.",
    },
    'shift to the current weight': {
      calls: 5,
      depth: 3,
      why: 'ListServices → ListListeners → GetListener ‖ DescribeServices ‖ ListTargetGroups; no health read, nothing moves.',
    },
    'rollback (after promote: nothing to move)': {
      calls: 6,
      depth: 3,
      why: 'The five reads of a shift to the current weight, and ListRules beside GetListener (other rules that could send the canary traffic; the sample has none).',
    },
    rollback: { calls: 8, depth: 3, why: 'The six reads above, then UpdateListener and UpdateService.' },
  },
  ALB: {
    shift: {
      calls: 6,
      depth: 4,
      why: "DescribeServices (the services' loadBalancers give both groups' ARNs) → DescribeTargetGroups (both: names, load balancer) → DescribeListeners → DescribeRules (which rule, or the default action, forwards to the stable group; one call per listener), beside DescribeTargetHealth (canary) after the groups; then ModifyListener.",
    },
    'shift to the current weight': {
      calls: 4,
      depth: 4,
      why: 'DescribeServices → DescribeTargetGroups → DescribeListeners → DescribeRules; no health read, nothing moves.',
    },
    'rollback (after promote: nothing to move)': {
      calls: 4,
      depth: 4,
      why: 'The four reads above: the rules already read show the other forwards to the canary.',
    },
    rollback: { calls: 6, depth: 4, why: 'The four reads above, then ModifyListener and UpdateService.' },
  },
  'ECS-native': {
    shift: {
      calls: 11,
      depth: 2,
      why: 'DescribeServices ‖ ListServiceDeployments → DescribeServiceDeployments; ECS moves in its own steps, so 10 → 50 in steps of 10 is 4 × (ContinueServiceDeployment, then at least one DescribeServiceDeployments that sees the next pause).',
    },
    'shift to the current weight': {
      calls: 3,
      depth: 2,
      why: 'DescribeServices ‖ ListServiceDeployments → DescribeServiceDeployments; nothing to write.',
    },
    'rollback (after promote: nothing to move)': {
      calls: 2,
      depth: 1,
      why: 'DescribeServices ‖ ListServiceDeployments: no deployment in progress, nothing to describe.',
    },
  },
};

export type Target = 'deploy' | 'shift' | 'rerun' | 'depth';

/** Why a provider misses a target of issue 22, where it does (the bench prints "not met" without a why otherwise). */
export const WHY_NOT: Record<string, Partial<Record<Target, string>>> = {
  'VPC Lattice': {
    shift:
      'its floor is 7: Lattice resolves names through three List calls (service, listener, target groups) and the canary group must be healthy before it gets weight; the 8th call is the re-read right before the write, the only guard against another writer, since Lattice has no versions',
    depth:
      'the split takes 3 round trips to locate by name; the health read and the re-read right before the write come after it',
  },
  ALB: {
    shift:
      'its floor is 6: which rule (or default action) forwards to the stable group is known only from DescribeRules, and the canary group must be healthy before it gets weight (ALB fails open when none is); the 7th call is the re-read right before the write, since ELB has no versions',
    depth:
      'the split takes 4 round trips to locate from the stable service (service → group → listeners → rules); the health read and the re-read right before a write come after it',
  },
  'ECS-native': {
    shift:
      'ECS moves traffic in its own steps: 10 → 50 in steps of 10 is 4 ContinueServiceDeployment calls, each followed by reads until ECS pauses again',
    depth:
      "a deployment is found through DescribeServices → ListServiceDeployments → DescribeServiceDeployments, then its revision's task definition",
  },
};
