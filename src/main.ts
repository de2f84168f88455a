// One pipeline: inputs → read state → plan → apply → report. Inputs are validated before the AWS SDK is even loaded,
// so a bad input fails fast and makes no AWS call.
import * as core from '@actions/core';
import { errorMessage } from './errors.js';
import { envInputReader, readSettings, type Settings } from './inputs.js';

export async function run(): Promise<void> {
  try {
    for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
      const value = process.env[name];
      if (value) core.setSecret(value);
    }
    const settings = readSettings(envInputReader());
    await execute(settings);
  } catch (err) {
    core.setFailed(errorMessage(err));
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function group<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  core.startGroup(name);
  try {
    return await fn();
  } finally {
    core.endGroup();
  }
}

async function execute(settings: Settings): Promise<void> {
  const [{ createClients }, { AppMeshRouter }, { readState, meshRef }, { buildPlan }, { applyPlan, ApplyError }, { report }, { describePlan }] =
    await Promise.all([
      import('./aws/clients.js'),
      import('./traffic/appMesh.js'),
      import('./state.js'),
      import('./plan/index.js'),
      import('./apply.js'),
      import('./report.js'),
      import('./plan/types.js'),
    ]);
  const clients = createClients();
  const router = new AppMeshRouter(clients, {
    mesh: meshRef(settings),
    virtualRouter: settings.virtualRouter,
    route: settings.route,
    virtualService: settings.virtualService,
    stableNode: settings.stable.virtualNode,
    canaryNode: settings.canary.virtualNode,
  });

  const state = await group(`Read state (${settings.operation})`, () => readState(settings, clients, router));
  const plan = await group('Plan', () => {
    const plan = buildPlan(settings, state, router);
    for (const w of plan.warnings) core.warning(w);
    if (plan.changes.length === 0) core.info('Nothing to change.');
    for (const c of plan.changes) core.info(`${c.action} ${c.resource}: ${c.before ? `${c.before} → ` : ''}${c.after}`);
    return plan;
  });
  const ctx = { clients, facts: {}, sleep };
  const outcome = { settings, plan, facts: ctx.facts, journal: [] as import('./apply.js').JournalEntry[], dryRun: settings.dryRun, region: clients.region };
  if (settings.dryRun) {
    core.info(`Dry run: no change made. Plan: ${JSON.stringify(describePlan(plan), null, 2)}`);
    await group('Report', () => report(outcome));
    return;
  }
  try {
    const result = await group('Apply', () => applyPlan(plan, ctx));
    outcome.journal = result.journal;
  } catch (err) {
    if (err instanceof ApplyError) {
      outcome.journal = err.journal;
      await group('Report', () => report(outcome, err));
    }
    throw err;
  }
  await group('Report', () => report(outcome));
}
