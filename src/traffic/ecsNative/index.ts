// The ECS-native provider: one ECS service on Service Connect whose new revision ECS itself shifts traffic to, with
// its LINEAR strategy, paused before every step until this action continues it. Loaded (with its ECS client) only
// when traffic-provider is ecs-native.
import { ECSClient } from '@aws-sdk/client-ecs';
import { type ClientConfig, withErrorContext } from '../../aws/clients.js';
import type { Operation } from '../../model.js';
import { shortTaskDefinition } from '../../plan/taskDefinition.js';
import type { EcsReads, OneServiceProvider, ProviderContext, TrafficView } from '../provider.js';
import { EcsNativeApi } from './api.js';
import { nativeExecutors } from './executors.js';
import { EcsNativePlanner } from './planner.js';
import { readEcsNative } from './read.js';
import type { EcsNativeSettings } from './settings.js';
import type { EcsNativeState } from './state.js';

export class EcsNativeProvider implements OneServiceProvider<EcsNativeState> {
  readonly name = 'ECS-native';
  readonly shape = 'one-service';
  readonly planner: EcsNativePlanner;
  readonly executors;
  private last?: EcsNativeState;
  private operation?: Operation;

  constructor(
    s: EcsNativeSettings,
    private readonly context: ProviderContext,
    private readonly api: EcsNativeApi,
  ) {
    this.planner = new EcsNativePlanner({
      cluster: context.cluster,
      service: context.stableService,
      pauseTimeoutMinutes: s.pauseTimeoutMinutes,
      stepPercent: s.stepPercent,
      waitForMinutes: context.waitForMinutes,
      preview: context.preview,
    });
    this.executors = nativeExecutors(api, api.client);
  }

  async read(operation: Operation, ecs: EcsReads): Promise<EcsNativeState> {
    const names = { cluster: this.context.cluster, service: this.context.stableService };
    this.operation = operation;
    this.last = await readEcsNative(this.api, names, operation, ecs);
    return this.last;
  }

  view(region: string): TrafficView {
    const cluster = this.context.cluster.slice(this.context.cluster.lastIndexOf('/') + 1);
    const service = this.context.stableService;
    const deployments = `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${cluster}/services/${encodeURIComponent(service)}/deployments?region=${region}`;
    // After promote the stable role runs the new revision: it is then named no more.
    const target = this.operation === 'promote' ? undefined : this.last?.deployment?.target.taskDefinition;
    return {
      label: 'ECS-native (Service Connect)',
      endpointType: 'service revision',
      stableEndpoint: 'stable revision',
      canaryEndpoint: target ? `canary revision ${shortTaskDefinition(target)}` : 'canary revision',
      entry: `Service Connect of ECS service ${service}`,
      endpointOutput: '',
      link: (r) => (r.type === 'ECS service deployment' || r.type === 'service revision' ? deployments : undefined),
    };
  }
}

export function createEcsNativeProvider(
  s: EcsNativeSettings,
  context: ProviderContext,
  config: ClientConfig,
): EcsNativeProvider {
  return new EcsNativeProvider(s, context, new EcsNativeApi(withErrorContext(new ECSClient(config), 'ECS')));
}
