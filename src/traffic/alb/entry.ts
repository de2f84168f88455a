// The ALB provider in the registry: its inputs, outputs and IAM statements, read without the AWS SDK; the provider
// loads on demand.
import { providerEntry } from '../provider.js';
import { albIam } from './iam.js';
import { ALB_INPUTS, type AlbSettings, readAlbSettings } from './settings.js';

export const alb = providerEntry<AlbSettings>({
  id: 'alb',
  label: 'ALB',
  inputs: ALB_INPUTS,
  outputs: ['canary-target-group-arn'],
  shape: 'two-services',
  readSettings: (inputs) => readAlbSettings(inputs),
  iam: albIam,
  load: async () => (await import('./index.js')).createAlbProvider,
});
