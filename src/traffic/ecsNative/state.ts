// What the ECS-native provider reads, as plain data for its planner: the service, the traffic layer ECS shifts
// through, and its service deployment under way (who started it, where it is paused, the weight ECS answers).
import type { DeploymentConfiguration, DeploymentLifecycleHook, Service } from '@aws-sdk/client-ecs';
import type { TrafficState } from '../provider.js';

/** The tag this action puts on every task-definition revision it registers: how it knows its own deployments. */
export const REGISTERED_BY = { key: 'ecs-mesh-canary:registered-by', value: 'ecs-mesh-canary' } as const;

/** The lifecycle stage this action pauses at: ECS invokes it before every production traffic step. */
export const PAUSE_STAGE = 'PRE_PRODUCTION_TRAFFIC_SHIFT';

export const NATIVE_KINDS = {
  start: 'ecs-native.start-deployment',
  waitPaused: 'ecs-native.wait-paused',
  continue: 'ecs-native.continue',
  finish: 'ecs-native.finish',
  rollback: 'ecs-native.rollback',
  removeHook: 'ecs-native.remove-pause-hook',
} as const;

/** The ref the deploy's start produces: the service deployment's ARN, which later changes of the plan act on. */
export const DEPLOYMENT_ARN = 'ecsNative.serviceDeploymentArn';

export type DeploymentStatus =
  | 'PENDING'
  | 'SUCCESSFUL'
  | 'STOPPED'
  | 'STOP_REQUESTED'
  | 'IN_PROGRESS'
  | 'ROLLBACK_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED';

/** A service deployment still under way (not ended). */
export const UNDER_WAY: readonly DeploymentStatus[] = [
  'PENDING',
  'IN_PROGRESS',
  'STOP_REQUESTED',
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
];

/** A service deployment as this provider needs it: DescribeServiceDeployments, plus what its revisions run. */
export interface DeploymentView {
  arn: string;
  status: DeploymentStatus;
  statusReason?: string;
  stage?: string;
  /** The new revision: its task definition, the production weight ECS gives it, its tasks. */
  target: { revisionArn: string; taskDefinition?: string; weight: number; running: number; requested: number };
  /** The PAUSE hook at PAUSE_STAGE awaiting an action, if the deployment is paused there. */
  pause?: { hookId: string; expiresAt?: Date };
  /** The deployment's configuration as it started (its linear step, its hooks, its alarms). */
  config?: DeploymentConfiguration;
  /** Whether this action started it: its new revision carries REGISTERED_BY. */
  ours: boolean;
  /** The alarms ECS named when it rolled the deployment back, and the rollback's reason. */
  triggeredAlarms: string[];
  rollbackReason?: string;
}

export interface EcsNativeState extends TrafficState {
  /** The service as read; undefined when it does not exist (the core reports that). */
  service?: Service;
  /** The primary deployment's Service Connect configuration, when the service serves endpoints through it. */
  serviceConnect?: NonNullable<Service['deployments']>[number]['serviceConnectConfiguration'];
  /** The service deployment under way, if any. */
  deployment?: DeploymentView;
  /** Whether the service's deploymentConfiguration still has this action's PAUSE hook (after its deployment ended). */
  pauseHookLeft: boolean;
  /** Whether the revision the service runs carries REGISTERED_BY (read when no deployment is under way). */
  runsOurs?: boolean;
  /** Deploy: whether the newest revision of the service's family carries REGISTERED_BY, by its ARN. */
  latestOurs?: { arn: string; ours: boolean };
}

/** This action's PAUSE hook: one PAUSE at PAUSE_STAGE, the only stage it names. */
export function isOurHook(h: DeploymentLifecycleHook): boolean {
  return h.targetType === 'PAUSE' && h.lifecycleStages?.length === 1 && h.lifecycleStages[0] === PAUSE_STAGE;
}
