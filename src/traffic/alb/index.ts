// The ALB provider: a listener rule (or a listener's default action) of an Application Load Balancer whose forward
// action splits traffic between the stable and canary target groups; ECS registers each service's tasks in its group
// (the services' loadBalancers). Loaded (with its SDK client) only when traffic-provider is alb.
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { type ClientConfig, withErrorContext } from '../../aws/clients.js';
import type { Operation } from '../../model.js';
import type { EcsReads, ProviderContext, TrafficView, TwoServicesProvider } from '../provider.js';
import { AlbApi } from './api.js';
import { albExecutors } from './executors.js';
import { AlbPlanner } from './planner.js';
import { describeSplit, readAlb } from './read.js';
import type { AlbSettings } from './settings.js';
import type { AlbState } from './state.js';

export class AlbProvider implements TwoServicesProvider<AlbState> {
  readonly name = 'ALB';
  readonly planner: AlbPlanner;
  readonly executors;
  private last?: AlbState;

  constructor(
    private readonly s: AlbSettings,
    private readonly settings: ProviderContext,
    private readonly api: AlbApi,
  ) {
    this.planner = new AlbPlanner({ waitForMinutes: settings.waitForMinutes, previewPriority: s.previewPriority });
    this.executors = albExecutors(api);
  }

  async read(operation: Operation, ecs: EcsReads): Promise<AlbState> {
    const names = { stable: this.settings.stableService, canary: this.settings.canaryService };
    this.last = await readAlb(this.api, this.s, names, operation, ecs, {
      preview: this.settings.preview !== undefined,
      deleteCanary: this.settings.deleteCanary,
    });
    return this.last;
  }

  view(region: string): TrafficView {
    const console = `https://${region}.console.aws.amazon.com/ec2/home?region=${region}`;
    const stable = this.last?.stable.name ?? this.s.stableTargetGroup ?? 'stable target group';
    const canary = this.last?.canary.name ?? this.s.canaryTargetGroup ?? 'canary target group';
    const links: Record<string, string> = {
      'target group': `${console}#TargetGroups:`,
      'listener rule': `${console}#LoadBalancers:`,
      listener: `${console}#LoadBalancers:`,
    };
    return {
      label: this.name,
      endpointType: 'target group',
      stableEndpoint: stable,
      canaryEndpoint: canary,
      entry: this.last ? describeSplit(this.last) : 'the load balancer',
      endpointOutput: 'canary-target-group-arn',
      previewCurl: (p) => {
        const entry = this.last?.entry;
        if (!entry?.dns) return undefined;
        const scheme = entry.protocol === 'HTTPS' ? 'https' : 'http';
        const port = entry.port && entry.port !== (scheme === 'https' ? 443 : 80) ? `:${entry.port}` : '';
        return `curl -H '${p.header}: ${p.value}' ${scheme}://${entry.dns}${port}/`;
      },
      link: (r) => links[r.type],
    };
  }
}

export function createAlbProvider(s: AlbSettings, settings: ProviderContext, config: ClientConfig): AlbProvider {
  return new AlbProvider(
    s,
    settings,
    new AlbApi(withErrorContext(new ElasticLoadBalancingV2Client(config), 'Elastic Load Balancing')),
  );
}
