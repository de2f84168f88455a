// The VPC Lattice provider: a listener rule (or the listener's default action) whose forward action splits traffic
// between the stable and canary target groups; ECS registers each service's tasks in its group. Loaded (with its
// SDK client) only when traffic-provider is vpc-lattice.
import { VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import { withErrorContext, type ClientConfig } from '../../aws/clients.js';
import type { Operation } from '../../model.js';
import type { EcsReads, ProviderContext, TwoServicesProvider, TrafficView } from '../provider.js';
import { LatticeApi } from './api.js';
import { latticeExecutors } from './executors.js';
import { LatticePlanner } from './planner.js';
import { readLattice } from './read.js';
import type { LatticeSettings } from './settings.js';
import type { LatticeState } from './state.js';

export class LatticeProvider implements TwoServicesProvider<LatticeState> {
  readonly name = 'VPC Lattice';
  readonly planner: LatticePlanner;
  readonly executors;
  private last?: LatticeState;

  constructor(
    private readonly s: LatticeSettings,
    private readonly settings: ProviderContext,
    private readonly api: LatticeApi,
  ) {
    this.planner = new LatticePlanner({ waitForMinutes: settings.waitForMinutes, previewPriority: s.previewPriority });
    this.executors = latticeExecutors(api);
  }

  async read(operation: Operation, ecs: EcsReads): Promise<LatticeState> {
    const names = { stable: this.settings.stableService, canary: this.settings.canaryService };
    this.last = await readLattice(this.api, this.s, names, operation, ecs, {
      preview: this.settings.preview !== undefined,
      deleteCanary: this.settings.deleteCanary,
    });
    return this.last;
  }

  view(region: string): TrafficView {
    const console = `https://${region}.console.aws.amazon.com/vpc/home?region=${region}`;
    const stable = this.last?.stable.name ?? this.s.stableTargetGroup ?? 'stable target group';
    const canary = this.last?.canary.name ?? this.s.canaryTargetGroup ?? 'canary target group';
    const links: Record<string, string> = {
      'target group': `${console}#TargetGroups:`,
      'listener rule': `${console}#Services:`,
      listener: `${console}#Services:`,
    };
    return {
      label: this.name,
      endpointType: 'target group',
      stableEndpoint: stable,
      canaryEndpoint: canary,
      entry: `Lattice service ${this.s.service}`,
      endpointOutput: 'canary-target-group-arn',
      previewCurl: (p) => {
        const entry = this.last?.entry;
        if (!entry?.dns) return undefined;
        const scheme = entry.protocol === 'HTTPS' ? 'https' : 'http';
        return `curl -H '${p.header}: ${p.value}' ${scheme}://${entry.dns}${entry.port ? `:${entry.port}` : ''}/`;
      },
      link: (r) => links[r.type],
    };
  }
}

export function createLatticeProvider(
  s: LatticeSettings,
  settings: ProviderContext,
  config: ClientConfig,
): LatticeProvider {
  return new LatticeProvider(
    s,
    settings,
    new LatticeApi(withErrorContext(new VPCLatticeClient(config), 'VPC Lattice')),
  );
}
