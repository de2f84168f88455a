// ECS-native in the provider registry: ECS's own LINEAR deployments of one service on Service Connect, paused by a
// PAUSE hook before each step and continued by this action. Read without the AWS SDK; the provider loads on demand.
import { providerEntry } from '../provider.js';
import { ecsNativeIam } from './iam.js';
import { ECS_NATIVE_INPUTS, type EcsNativeSettings, readEcsNativeSettings } from './settings.js';

export const ecsNative = providerEntry<EcsNativeSettings>({
  id: 'ecs-native',
  label: 'ECS-native',
  inputs: ECS_NATIVE_INPUTS,
  outputs: [],
  shape: 'one-service',
  readSettings: (inputs) => readEcsNativeSettings(inputs),
  iam: ecsNativeIam,
  load: async () => (await import('./index.js')).createEcsNativeProvider,
});
