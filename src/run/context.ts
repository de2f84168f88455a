// What every phase of one run shares: the clients, the chosen provider (loaded through the registry, with its SDK
// client, only now), the executors, the clock and the cancel signal; and the log groups phases write into.
import * as core from '@actions/core';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { Alarms } from '../aws/cloudWatch.js';
import { type ClientConfig, clientConfig, createEcsClient } from '../aws/clients.js';
import { ecsExecutors } from '../aws/ecsExecutors.js';
import { CancelledError } from '../errors.js';
import type { Executor } from '../executor.js';
import { providerContext, type Settings } from '../inputs.js';
import type { Plan } from '../plan/types.js';
import type { ProviderEntry, TrafficProvider } from '../traffic/provider.js';
import { findProvider, PROVIDERS } from '../traffic/registry.js';

export interface ExecuteOptions {
  /** How to wait between polls; tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Called with the plan before apply (tests compare it with a dry run's `plan` output). */
  onPlan?: (plan: Plan) => void;
  /** The providers to choose from; tests add their own doubles to a copy of the registry. */
  registry?: readonly ProviderEntry[];
}

/** Everything the phases of one run share: clients, the provider, the executors, the clock and the cancel signal. */
export interface Run {
  settings: Settings;
  region: string;
  ecs: ECSClient;
  provider: TrafficProvider;
  executors: Record<string, Executor>;
  sleep(ms: number): Promise<void>;
  signal: AbortSignal;
  alarms?: Alarms;
  options: ExecuteOptions;
}

/** A sleep that ends early, with the cancellation as its error, when the run is cancelled. */
function abortableSleep(signal: AbortSignal) {
  return (ms: number) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const done = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', done);
        resolve();
      }, ms);
      signal.addEventListener('abort', done, { once: true });
    });
}

/**
 * GitHub cancels a run with SIGINT, then SIGTERM ~7.5 s later, then kills it. Either signal aborts: the change in
 * flight finishes, no other starts, the journal is unwound as after a failure and the report is written.
 */
export function onCancel(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals) => {
    if (!controller.signal.aborted) core.warning(`Received ${name}: stopping at the next safe point`);
    controller.abort(new CancelledError(name));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/** The chosen provider, its module and SDK client loaded only now. */
async function loadProvider(settings: Settings, config: ClientConfig, options: ExecuteOptions) {
  const entry = findProvider(settings.traffic.provider, options.registry ?? PROVIDERS);
  const create = await entry.load();
  return create(settings.traffic, providerContext(settings), config);
}

export async function prepare(settings: Settings, options: ExecuteOptions, signal: AbortSignal): Promise<Run> {
  const config = clientConfig();
  const ecs = createEcsClient(config);
  const [provider, alarms] = await Promise.all([
    loadProvider(settings, config, options),
    settings.alarms.length
      ? import('../aws/cloudWatch.js').then((m) => new m.Alarms(config, settings.alarms))
      : undefined,
  ]);
  const executors = { ...ecsExecutors(ecs), ...provider.executors };
  const sleep = options.sleep ?? abortableSleep(signal);
  return { settings, region: config.region, ecs, provider, executors, sleep, signal, alarms, options };
}

export async function group<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  core.startGroup(name);
  try {
    return await fn();
  } finally {
    core.endGroup();
  }
}

/** Phases have their own log groups (groups do not nest on GitHub): a line says which phase follows. */
export async function announced<T>(title: string, fn: () => Promise<T>): Promise<T> {
  core.info(`▶ ${title}`);
  return fn();
}
