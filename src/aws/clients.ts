// The one place AWS clients are made. Region comes from AWS_REGION (or AWS_DEFAULT_REGION), credentials from the
// standard provider chain, endpoints from the SDK's own AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> handling.
import { ECSClient } from '@aws-sdk/client-ecs';
import { AppMeshClient } from '@aws-sdk/client-app-mesh';

export interface Clients {
  ecs: ECSClient;
  appMesh: AppMeshClient;
  region: string;
}

/** Survives at least two consecutive throttles per call; adaptive mode also slows down under throttling. */
export const MAX_ATTEMPTS = 5;

export function createClients(env: NodeJS.ProcessEnv = process.env): Clients {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (!region) {
    throw new Error('No AWS region: set AWS_REGION (aws-actions/configure-aws-credentials does this for you)');
  }
  const config = { region, retryMode: 'adaptive', maxAttempts: MAX_ATTEMPTS, customUserAgent: 'ecs-mesh-canary' };
  return { ecs: new ECSClient(config), appMesh: new AppMeshClient(config), region };
}
