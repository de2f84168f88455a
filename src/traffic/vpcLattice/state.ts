// What the VPC Lattice provider reads, as plain data for its planner.
import type { Service } from '@aws-sdk/client-ecs';
import type { TargetGroupConfig } from '@aws-sdk/client-vpc-lattice';
import type { Ref } from '../../plan/types.js';
import type { TrafficState } from '../provider.js';
import type { Where } from './api.js';

export interface GroupRef {
  arn: string;
  id: string;
  name: string;
}

/** One entry of a forward action; `group` is an ID, an ARN, or (planned) a Ref to the group this run creates. */
export interface Forward {
  group: string | Ref;
  weight: number;
}

export interface LatticeState extends TrafficState {
  where: Where;
  /** What the report calls the split: `listener rule NAME` or `default action of listener NAME`. */
  splitName: string;
  stable: GroupRef & { config: TargetGroupConfig };
  /** The canary group, or the name it will be created with. */
  canary: (GroupRef & { vpc?: string }) | { name: string; arn?: undefined };
  /** The forward action as read (or as this plan's previous write leaves it). */
  forward: Forward[];
  /** The stable service's Lattice registration, cloned for the canary. */
  registration: { roleArn: string; portName: string };
  stableService?: Service;
  /** Whether a run on the canary group can trust its tag (created by this action). */
  canaryCreatedByAction?: boolean;
}

export const CANARY_GROUP = 'lattice.canaryTargetGroupArn';

export const LATTICE_KINDS = {
  createGroup: 'lattice.create-target-group',
  setForward: 'lattice.set-forward',
  waitHealthy: 'lattice.wait-targets-healthy',
} as const;

export const CREATED_BY_TAG = 'ecs-mesh-canary:created-by';
