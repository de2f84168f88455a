// The pipeline after the inputs: read state → plan → apply → report, each a log group. Loaded lazily by main.ts, so
// the AWS SDK is only loaded once the inputs are known to be valid, and only the chosen provider's client.
import * as core from '@actions/core';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { ApplyError, applyPlan, type JournalEntry } from './apply.js';
import type { Alarms } from './aws/cloudWatch.js';
import { clientConfig, createEcsClient } from './aws/clients.js';
import { ecsExecutors } from './aws/ecsExecutors.js';
import { CancelledError, errorMessage, PlanError } from './errors.js';
import type { Settings } from './inputs.js';
import { buildPlan } from './plan/index.js';
import type { Plan } from './plan/types.js';
import { changeLine, failureLines, oneLine } from './render.js';
import { advance, walk } from './progress.js';
import { firingAlarm } from './plan/steps.js';
import { mergeRecords, planJson, report, reportStopped, type Progress, type RunRecord } from './report.js';
import { readState, type State } from './state.js';
import { loadProvider } from './traffic/index.js';
import type { Executor, TrafficProvider } from './traffic/provider.js';

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

export async function group<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
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

async function prepare(settings: Settings, options: ExecuteOptions, signal: AbortSignal): Promise<Run> {
  const config = clientConfig();
  const ecs = createEcsClient(config);
  const provider = await loadProvider(settings, config);
  const alarms = settings.alarms.length
    ? new (await import('./aws/cloudWatch.js')).Alarms(config, settings.alarms)
    : undefined;
  const executors = { ...ecsExecutors(ecs), ...provider.executors };
  const sleep = options.sleep ?? abortableSleep(signal);
  return { settings, region: config.region, ecs, provider, executors, sleep, signal, alarms, options };
}

/** Reads the state (and, before a deploy, the alarms: they must exist and none may fire). */
async function readPhase(run: Run, settings: Settings): Promise<State> {
  const label = `Read state (${settings.operation}, ${run.provider.name})`;
  return group(label, async () => {
    const gate = settings.operation === 'deploy' && run.alarms ? run.alarms.read() : undefined;
    const [state, alarms] = await Promise.all([readState(settings, run.ecs, run.provider), gate]);
    const firing = alarms && firingAlarm(alarms, settings.insufficientData);
    if (firing) {
      const why = `CloudWatch alarm ${firing.name} is ${firing.state} (${firing.reason ?? 'no reason given'}): not deploying a canary now`;
      throw new PlanError(why, 'alarms');
    }
    return state;
  });
}

/** One read → plan → apply for these settings. A failed apply is recorded, not thrown; reading and planning throw. */
export async function phase(run: Run, settings: Settings, known?: State): Promise<RunRecord> {
  const state = known ?? (await readPhase(run, settings));
  const plan = await group('Plan', () => logPlan(buildPlan(settings, state, run.provider)));
  const view = run.provider.view(run.region);
  const record: RunRecord = { settings, plan, journal: [], dryRun: settings.dryRun, region: run.region, view };
  if (settings.dryRun) {
    core.info(`Dry run: no change made. Plan: ${planJson(plan)}`);
    return record;
  }
  run.options.onPlan?.(plan);
  try {
    const options = { executors: run.executors, sleep: run.sleep, signal: run.signal };
    record.journal = await group('Apply', () => applyPlan(plan, options));
  } catch (err) {
    if (!(err instanceof ApplyError)) throw err;
    record.journal = err.journal as JournalEntry[];
    record.failure = err.report;
  }
  return record;
}

/** Reports a run's phases as one, and fails the run when a phase failed. */
export async function finish(records: RunRecord[], progress?: Progress): Promise<void> {
  const record = { ...mergeRecords(records), progress };
  await group('Report', () => report(record));
  if (progress?.error) throw new Error(progress.error);
  if (record.failure) throw new Error(failureLines(record.failure).join('\n'));
}

export async function execute(settings: Settings, options: ExecuteOptions = {}): Promise<void> {
  const cancel = onCancel();
  try {
    const run = await prepare(settings, options, cancel.signal);
    if (settings.operation === 'advance') return await advance(run);
    const first = await stopped(settings, () => phase(run, settings));
    if (first.failure || settings.dryRun || !settings.progressive) return await finish([first]);
    await walk(run, first);
  } finally {
    cancel.dispose();
  }
}

/** A run that stops while reading or planning, before any change, says so in the summary. */
export async function stopped<T>(settings: Settings, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    await group('Report', () => reportStopped(settings, errorMessage(err)));
    throw err;
  }
}
