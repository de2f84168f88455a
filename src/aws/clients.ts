// The one place AWS client settings are decided. Region comes from AWS_REGION (or AWS_DEFAULT_REGION), credentials
// from the standard provider chain, endpoints from the SDK's own AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE>
// handling. Each provider makes its own client with the same settings, loaded only when it is chosen.
import { ECSClient } from '@aws-sdk/client-ecs';

/** Survives at least two consecutive throttles per call; adaptive mode also slows down under throttling. */
export const MAX_ATTEMPTS = 5;

export interface ClientConfig {
  region: string;
  retryMode: 'adaptive';
  maxAttempts: number;
  customUserAgent: string;
}

export function clientConfig(env: NodeJS.ProcessEnv = process.env): ClientConfig {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (!region) {
    throw new Error('No AWS region: set AWS_REGION (aws-actions/configure-aws-credentials does this for you)');
  }
  return { region, retryMode: 'adaptive', maxAttempts: MAX_ATTEMPTS, customUserAgent: 'ecs-mesh-canary' };
}

export function createEcsClient(config: ClientConfig): ECSClient {
  return withErrorContext(new ECSClient(config), 'ECS');
}

/** What the user should know when a service fails in a way its own message does not explain. */
export type ErrorHint = (err: Error) => string | undefined;

interface MiddlewareClient {
  middlewareStack: {
    add(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { step: 'initialize'; name: string },
    ): void;
  };
}

/**
 * Errors from this client name the service and operation (`App Mesh DescribeRoute: …`) and carry the hint, if any;
 * the error's name (what callers test) is kept.
 */
export function withErrorContext<C>(client: C, service: string, hint?: ErrorHint): C {
  (client as MiddlewareClient).middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (err) {
        if (err instanceof Error && !err.message.startsWith(service)) {
          const operation = (context.commandName ?? '').replace(/Command$/, '');
          const extra = hint?.(err);
          err.message = `${service} ${operation}: ${err.message}${extra ? ` (${extra})` : ''}`;
        }
        throw err;
      }
    },
    { step: 'initialize', name: 'ecsMeshCanaryErrorContext' },
  );
  return client;
}
