// Reads what ECS-native planning needs: the service (from the run's DescribeServices), its Service Connect layer, its
// service deployment under way (ListServiceDeployments, then DescribeServiceDeployments and DescribeServiceRevisions
// side by side, then the new revision's tags: who registered it), and for deploy whether the family's newest revision
// is this action's.
import type { Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import type { Operation } from '../../model.js';
import { familyOf } from '../../plan/taskDefinition.js';
import type { EcsReads } from '../provider.js';
import type { EcsNativeApi } from './api.js';
import {
  type DeploymentStatus,
  type DeploymentView,
  type EcsNativeState,
  isOurHook,
  REGISTERED_BY,
  UNDER_WAY,
} from './state.js';

const hasOurTag = (tags: { key?: string; value?: string }[]) =>
  tags.some((t) => t.key === REGISTERED_BY.key && t.value === REGISTERED_BY.value);

/** A deployment as DescribeServiceDeployments answers it, with what its new revision runs and who registered it. */
export function viewOf(d: ServiceDeployment, taskDefinition: string | undefined, ours: boolean): DeploymentView {
  const target = d.targetServiceRevision ?? {};
  // This action's is the deployment's only PAUSE hook (the planner refuses services with others), at PAUSE_STAGE.
  const pause = (d.lifecycleHookDetails ?? []).find((h) => h.targetType === 'PAUSE' && h.status === 'AWAITING_ACTION');
  return {
    arn: d.serviceDeploymentArn!,
    status: (d.status ?? 'PENDING') as DeploymentStatus,
    statusReason: d.statusReason,
    stage: d.lifecycleStage,
    target: {
      revisionArn: target.arn ?? '',
      taskDefinition,
      weight: Math.round(target.requestedProductionTrafficWeight ?? 0),
      running: target.runningTaskCount ?? 0,
      requested: target.requestedTaskCount ?? 0,
    },
    pause: pause?.hookId ? { hookId: pause.hookId, expiresAt: pause.expiresAt } : undefined,
    config: d.deploymentConfiguration,
    ours,
    triggeredAlarms: d.alarms?.triggeredAlarmNames ?? [],
    rollbackReason: d.rollback?.reason,
  };
}

/** One deployment, fully: its description, its new revision's task definition and whether this action registered it. */
export async function readDeployment(
  api: EcsNativeApi,
  arn: string,
  revisionArn?: string,
): Promise<DeploymentView | undefined> {
  const [d, known] = await Promise.all([
    api.describeDeployment(arn),
    revisionArn ? api.revisionTaskDefinition(revisionArn) : undefined,
  ]);
  if (!d) return undefined;
  const taskDefinition = known ?? (await api.revisionTaskDefinition(d.targetServiceRevision?.arn ?? ''));
  const ours = taskDefinition ? hasOurTag((await api.taskDefinitionWithTags(taskDefinition))?.tags ?? []) : false;
  return viewOf(d, taskDefinition, ours);
}

/** When the deployment last moved its weight: the start of its pause (its hook's expiry less the timeout). */
function changedAt(d: DeploymentView): Date | undefined {
  const timeout = d.config?.lifecycleHooks?.find(isOurHook)?.timeoutConfiguration?.timeoutInMinutes;
  if (!d.pause?.expiresAt || timeout === undefined) return undefined;
  return new Date(d.pause.expiresAt.getTime() - timeout * 60_000);
}

export async function readEcsNative(
  api: EcsNativeApi,
  names: { cluster: string; service: string },
  operation: Operation,
  ecs: EcsReads,
): Promise<EcsNativeState> {
  const service = (await ecs.services).get(names.service);
  const base: EcsNativeState = { routeInput: 'stable-service', pauseHookLeft: false, service };
  // A service that does not exist is reported by the core's read, which names the input.
  if (!service) return base;
  const [briefs, latestOurs] = await Promise.all([
    api.listDeployments(names.cluster, names.service, UNDER_WAY),
    operation === 'deploy' ? latestRevision(api, service) : undefined,
  ]);
  const brief = briefs[0];
  const deployment = brief
    ? await readDeployment(api, brief.serviceDeploymentArn!, brief.targetServiceRevisionArn)
    : undefined;
  const runsOurs =
    !deployment && operation !== 'deploy' && service.taskDefinition
      ? hasOurTag((await api.taskDefinitionWithTags(service.taskDefinition))?.tags ?? [])
      : undefined;
  const weight = deployment?.target.weight ?? 0;
  return {
    ...base,
    serviceConnect: serviceConnectOf(service),
    deployment,
    pauseHookLeft: (service.deploymentConfiguration?.lifecycleHooks ?? []).some(isOurHook),
    runsOurs,
    latestOurs,
    weights: { stable: 100 - weight, canary: weight },
    routeId: deployment?.arn,
    changedAt: deployment && changedAt(deployment),
  };
}

/** The primary deployment's Service Connect configuration, when it serves endpoints (a client-server service). */
export function serviceConnectOf(service: Service): EcsNativeState['serviceConnect'] {
  const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
  const sc = primary?.serviceConnectConfiguration;
  return sc?.enabled && (sc.services ?? []).length > 0 ? sc : undefined;
}

/** The newest revision of the service's family and whether this action registered it. */
async function latestRevision(api: EcsNativeApi, service: Service): Promise<EcsNativeState['latestOurs']> {
  if (!service.taskDefinition) return undefined;
  const latest = await api.taskDefinitionWithTags(familyOf(service.taskDefinition));
  return latest && { arn: latest.arn, ours: hasOurTag(latest.tags) };
}
