// The contract between apply and the executors of every change kind (the ECS layer's and each provider's): an
// executor takes the request its change holds, refs resolved, and reports an Outcome.
import type { Outcome } from './model.js';

export type Executor = (request: unknown, ctx: ExecutorContext) => Promise<Outcome>;

/** An executor for requests of one shape: apply hands it the request its change holds, refs resolved. */
export function executor<T>(fn: (request: T, ctx: ExecutorContext) => Promise<Outcome>): Executor {
  return fn as Executor;
}

export interface ExecutorContext {
  /** Waits between polls; tests pass one that does not really wait. */
  sleep(ms: number): Promise<void>;
  /** Values earlier changes of this run produced (already resolved into the request; here for guards). */
  produced: Readonly<Record<string, string | number>>;
}
