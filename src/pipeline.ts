// The pipeline after the inputs: read state → plan → apply → report, each a log group. Loaded lazily by main.ts, so
// the AWS SDK is only loaded once the inputs are known to be valid, and only the chosen provider's client.
import * as core from '@actions/core';
import { ApplyError, applyPlan, type JournalEntry } from './apply.js';
import { clientConfig, createEcsClient } from './aws/clients.js';
import { ecsExecutors } from './aws/ecsExecutors.js';
import { CancelledError, errorMessage } from './errors.js';
import type { Settings } from './inputs.js';
import { buildPlan } from './plan/index.js';
import type { Plan } from './plan/types.js';
import { changeLine, failureLines, oneLine } from './render.js';
import { planJson, report, reportStopped, type RunRecord } from './report.js';
import { readState } from './state.js';
import { loadProvider } from './traffic/index.js';

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
function onCancel(): { signal: AbortSignal; dispose(): void } {
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

export interface ExecuteOptions {
  /** How to wait between polls; tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Called with the plan before apply (tests compare it with a dry run's `plan` output). */
  onPlan?: (plan: Plan) => void;
}

async function group<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  core.startGroup(name);
  try {
    return await fn();
  } finally {
    core.endGroup();
  }
}

function logPlan(plan: Plan): Plan {
  for (const w of plan.warnings) core.warning(oneLine(w));
  if (plan.changes.length === 0) core.info('Nothing to change.');
  for (const c of plan.changes) core.info(oneLine(changeLine(c)));
  return plan;
}

export async function execute(settings: Settings, options: ExecuteOptions = {}): Promise<void> {
  const config = clientConfig();
  const ecs = createEcsClient(config);
  const provider = await loadProvider(settings, config);
  let plan: Plan;
  try {
    const state = await group(`Read state (${settings.operation}, ${provider.name})`, () =>
      readState(settings, ecs, provider),
    );
    plan = await group('Plan', () => logPlan(buildPlan(settings, state, provider)));
  } catch (err) {
    await group('Report', () => reportStopped(settings, errorMessage(err)));
    throw err;
  }
  const record: RunRecord = {
    settings,
    plan,
    journal: [],
    dryRun: settings.dryRun,
    region: config.region,
    view: provider.view(config.region),
  };
  if (settings.dryRun) {
    core.info(`Dry run: no change made. Plan: ${planJson(plan)}`);
    await group('Report', () => report(record));
    return;
  }
  options.onPlan?.(plan);
  const executors = { ...ecsExecutors(ecs), ...provider.executors };
  const cancel = onCancel();
  const sleep = options.sleep ?? abortableSleep(cancel.signal);
  try {
    record.journal = await group('Apply', () => applyPlan(plan, { executors, sleep, signal: cancel.signal }));
  } catch (err) {
    if (!(err instanceof ApplyError)) throw err;
    record.journal = err.journal as JournalEntry[];
    record.failure = err.report;
    await group('Report', () => report(record));
    throw new Error(failureLines(err.report).join('\n'));
  } finally {
    cancel.dispose();
  }
  await group('Report', () => report(record));
}
