// What the VPC Lattice provider reads, as plain data for its planner.
import type { Service } from '@aws-sdk/client-ecs';
import type { TargetGroupConfig } from '@aws-sdk/client-vpc-lattice';
import type { Ref } from '../../model.js';
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
  /** Why the split cannot be written: its forward action also names other groups. */
  foreign?: { why: string; input: string };
  /** Whether this action created the canary group (its tag), read for rollback with delete-canary. */
  canaryGroupOurs?: boolean;
  /** The preview rule (by its name), when it exists. */
  previewRule?: { id: string; arn?: string; priority?: number; forward: Forward[]; match?: unknown };
  previewName: string;
  /** Priorities taken on the listener, and the weighted rule's (undefined for the default action). */
  priorities: number[];
  weightedPriority?: number;
  /** For the summary's curl line: the Lattice service's DNS name and the listener's port and protocol. */
  entry?: { dns?: string; port?: number; protocol?: string };
}

export const CANARY_GROUP = 'lattice.canaryTargetGroupArn';

export const LATTICE_KINDS = {
  createGroup: 'lattice.create-target-group',
  setForward: 'lattice.set-forward',
  waitHealthy: 'lattice.wait-targets-healthy',
  createRule: 'lattice.create-rule',
  deleteRule: 'lattice.delete-rule',
  deleteGroup: 'lattice.delete-target-group',
} as const;

export const PREVIEW_ARN = 'previewRouteArn';

export const CREATED_BY_TAG = 'ecs-mesh-canary:created-by';
