// The VPC Lattice provider's own inputs, read and validated before any AWS call. Each names a Lattice resource by
// name, ID or ARN; names are resolved with the List calls when the provider reads its state. No AWS SDK import.
import type { Inputs } from '../../inputTools.js';

export interface LatticeSettings {
  readonly provider: 'vpc-lattice';
  readonly service: string;
  readonly listener?: string;
  readonly rule?: string;
  readonly stableTargetGroup?: string;
  readonly canaryTargetGroup?: string;
  /** Priority of the preview rule; default the lowest free one ahead of the weighted rule. */
  readonly previewPriority?: number;
}

export const LATTICE_INPUTS = [
  'lattice-service',
  'lattice-listener',
  'lattice-rule',
  'stable-target-group',
  'canary-target-group',
  'preview-priority',
] as const;

const ARN = '(arn:aws[a-z-]*:vpc-lattice:[a-z0-9-]+:\\d{12}:[a-z]+/[0-9a-z/-]+)';
const NAME = '([a-z0-9](?!.*--)[a-z0-9-]{1,126}[a-z0-9])';
const ref = (prefix: string) => new RegExp(`^(${ARN}|${prefix}-[0-9a-z]{17}|${NAME})$`);
const rule = (what: string, prefix: string) =>
  `a ${what} name (3-128 lowercase letters, digits and single dashes), its ID (${prefix}-…) or its ARN`;

export function readLatticeSettings(inputs: Inputs): LatticeSettings {
  return {
    provider: 'vpc-lattice',
    service: inputs.required('lattice-service', ref('svc'), rule('Lattice service', 'svc')),
    listener: inputs.optional('lattice-listener', ref('listener'), rule('listener', 'listener')),
    rule: inputs.optional('lattice-rule', ref('rule'), rule('listener rule', 'rule')),
    stableTargetGroup: inputs.optional('stable-target-group', ref('tg'), rule('target group', 'tg')),
    canaryTargetGroup: inputs.optional('canary-target-group', ref('tg'), rule('target group', 'tg')),
    previewPriority: inputs.integer('preview-priority', 1, 100, undefined),
  };
}
