// App Mesh in the provider registry: its inputs, outputs and IAM statements, read without the AWS SDK; the provider
// loads on demand.
import { providerEntry } from '../provider.js';
import { appMeshIam } from './iam.js';
import { APP_MESH_INPUTS, type AppMeshSettings, readAppMeshSettings } from './settings.js';

export const appMesh = providerEntry<AppMeshSettings>({
  id: 'app-mesh',
  label: 'App Mesh',
  inputs: APP_MESH_INPUTS,
  outputs: ['canary-virtual-node-arn'],
  shape: 'two-services',
  readSettings: (inputs, { canaryService }) => readAppMeshSettings(inputs, canaryService),
  iam: appMeshIam,
  load: async () => (await import('./index.js')).createAppMeshProvider,
});
