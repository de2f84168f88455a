// Pure VPC Lattice planning: the workload without Envoy, the canary service registered in the canary target group,
// the canary group created (a copy of the stable group's config) when missing, and the forward action's two
// weighted groups. A group no rule forwards to is never health-checked, so the canary group joins the action at
// weight 0 first; weight follows only once its targets are HEALTHY.
import type { ContainerDefinition, Service } from '@aws-sdk/client-ecs';
import { PlanError } from '../../errors.js';
import { isEnvoyContainer, type Base } from '../../plan/taskDefinition.js';
import { ref, type Change, type Ref } from '../../plan/types.js';
import { sameWeights, showWeights, type Weights } from '../../plan/weights.js';
import type { RenderedWorkload, TrafficPlanner, WeightOptions, WeightPlan } from '../provider.js';
import { CANARY_GROUP, CREATED_BY_TAG, LATTICE_KINDS as K, type Forward, type LatticeState } from './state.js';

export interface LatticePlannerOptions {
  waitForMinutes: number;
}

/** The canary group as requests name it: its ARN, or the ref to the one this run creates. */
export const canaryGroup = (state: LatticeState): string | Ref => state.canary.arn ?? ref(CANARY_GROUP);

export function forwardFor(state: LatticeState, w: Weights): Forward[] {
  return [
    { group: state.stable.arn, weight: w.stable },
    { group: canaryGroup(state), weight: w.canary },
  ];
}

export function canaryListed(state: LatticeState): boolean {
  return (
    state.canary.arn !== undefined &&
    state.forward.some((f) => typeof f.group === 'string' && sameGroup(f.group, state.canary.arn!))
  );
}

/** Lattice answers IDs where requests gave ARNs (and the reverse): groups compare by ID. */
export function sameGroup(a: string, b: string): boolean {
  return a.slice(a.lastIndexOf('/') + 1) === b.slice(b.lastIndexOf('/') + 1);
}

export class LatticePlanner implements TrafficPlanner<LatticeState> {
  constructor(private readonly opts: LatticePlannerOptions) {}

  renderWorkload(base: Base): RenderedWorkload {
    const def = base.definition;
    const envoys = (def.containerDefinitions ?? []).filter((c) => isEnvoyContainer(c, def)).map((c) => c.name!);
    if (envoys.length === 0 && def.proxyConfiguration?.type !== 'APPMESH') return { definition: def, warnings: [] };
    def.containerDefinitions = (def.containerDefinitions ?? [])
      .filter((c) => !envoys.includes(c.name!))
      .map((c) => withoutDependency(c, envoys));
    if (def.proxyConfiguration?.type === 'APPMESH') delete def.proxyConfiguration;
    const warning = `The base task definition still carries App Mesh (${envoys.length ? `Envoy container ${envoys.join(', ')}` : 'no Envoy'}, APPMESH proxy configuration); the revision for VPC Lattice drops them and the application's dependsOn on Envoy.`;
    return { definition: def, warnings: [warning] };
  }

  registration(_stable: Service, state: LatticeState) {
    // The canary group's ARN is only known at apply time when this run creates it: a Ref apply resolves.
    const targetGroupArn = canaryGroup(state) as unknown as string;
    return { vpcLatticeConfigurations: [{ ...state.registration, targetGroupArn }] };
  }

  planEndpoint(state: LatticeState): Change[] {
    if (state.canary.arn) return [];
    const { stable } = state;
    const { port, protocol, protocolVersion, ipAddressType, vpcIdentifier, healthCheck } = stable.config;
    const name = state.canary.name;
    return [
      {
        kind: K.createGroup,
        resource: { type: 'target group', name },
        action: 'create',
        after: `IP targets, config of ${stable.name} (${protocol}:${port}, ${vpcIdentifier})`,
        request: {
          name,
          type: 'IP',
          config: { port, protocol, protocolVersion, ipAddressType, vpcIdentifier, healthCheck },
          tags: { [CREATED_BY_TAG]: 'ecs-mesh-canary', 'ecs-mesh-canary:stable-target-group': stable.name },
        },
        moves: 'none',
        leftBehind: `target group ${name} (aws vpc-lattice delete-target-group --target-group-identifier <its ID>)`,
      },
    ];
  }

  planWeights(state: LatticeState, target: Weights, opts: WeightOptions = {}): WeightPlan<LatticeState> {
    if (!state.canary.arn && !opts.create && target.canary > 0) {
      throw new PlanError(`Target group ${state.canary.name} does not exist; run deploy first`, 'canary-target-group');
    }
    const changes: Change[] = [];
    let now = state;
    const listed = canaryListed(state);
    if (!listed && (target.canary > 0 || opts.create)) {
      const attach = this.setForward(
        now,
        { stable: 100, canary: 0 },
        'joins the forward action at 0 to be health-checked',
      );
      changes.push(attach.change);
      now = attach.next;
    }
    if (opts.stableTasks) changes.push(this.waitHealthy(now.stable.arn, now.stable.name, opts.stableTasks));
    if (target.canary > 0) changes.push(this.waitHealthy(canaryGroup(now), now.canary.name, opts.canaryTasks ?? 1));
    if ((listed || changes.length > 0) && !sameWeights(now.weights, target)) {
      const set = this.setForward(now, target);
      changes.push(set.change);
      now = set.next;
    }
    return { changes, next: now };
  }

  private setForward(state: LatticeState, w: Weights, why?: string): { change: Change; next: LatticeState } {
    const forward = forwardFor(state, w);
    const change: Change = {
      kind: K.setForward,
      resource: { type: state.where.rule ? 'listener rule' : 'listener', name: state.splitName },
      action: 'update',
      before: state.weights ? showWeights(state.weights) : undefined,
      after: why ? `${showWeights(w)} (canary group ${why})` : showWeights(w),
      request: {
        where: state.where,
        forward,
        expected: state.forward,
        weights: w,
        groups: { stable: state.stable.arn, canary: canaryGroup(state) },
      },
      moves: 'traffic',
    };
    return { change, next: { ...state, forward, weights: w } };
  }

  private waitHealthy(group: string | Ref, name: string, tasks: number): Change {
    return {
      kind: K.waitHealthy,
      resource: { type: 'target group', name },
      action: 'wait',
      after: `${tasks} target(s) HEALTHY (at most ${this.opts.waitForMinutes} min)`,
      request: { targetGroup: group, name, minHealthy: tasks, timeoutMinutes: this.opts.waitForMinutes },
      moves: 'none',
    };
  }

  planEntryPoint(): Change[] {
    return [];
  }
}

function withoutDependency(c: ContainerDefinition, removed: string[]): ContainerDefinition {
  if (!c.dependsOn) return c;
  const dependsOn = c.dependsOn.filter((d) => !removed.includes(d.containerName!));
  return { ...c, dependsOn: dependsOn.length ? dependsOn : undefined };
}
