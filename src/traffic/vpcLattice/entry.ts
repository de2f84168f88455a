// VPC Lattice in the provider registry: its inputs, outputs and IAM statements, read without the AWS SDK; the provider
// loads on demand.
import { providerEntry } from '../provider.js';
import { vpcLatticeIam } from './iam.js';
import { LATTICE_INPUTS, type LatticeSettings, readLatticeSettings } from './settings.js';

export const vpcLattice = providerEntry<LatticeSettings>({
  id: 'vpc-lattice',
  label: 'VPC Lattice',
  inputs: LATTICE_INPUTS,
  outputs: ['canary-target-group-arn'],
  shape: 'two-services',
  readSettings: (inputs) => readLatticeSettings(inputs),
  iam: vpcLatticeIam,
  load: async () => (await import('./index.js')).createLatticeProvider,
});
