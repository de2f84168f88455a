// The pipeline after the inputs: read state → plan → apply → report. Loaded lazily by main.ts, so the AWS SDK is only
// loaded once the inputs are known to be valid.
import * as core from '@actions/core';
import { ApplyError, applyPlan } from './apply.js';
import { createClients } from './aws/clients.js';
import { errorMessage } from './errors.js';
import type { Settings } from './inputs.js';
import { buildPlan } from './plan/index.js';
import { describePlan, type ApplyContext, type Plan } from './plan/types.js';
import { report, reportStopped, type Outcome } from './report.js';
import { meshRef, readState } from './state.js';
import { AppMeshRouter } from './traffic/appMesh.js';

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ExecuteOptions {
  /** How to wait between polls; tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
}

async function group<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  core.startGroup(name);
  try {
    return await fn();
  } finally {
    core.endGroup();
  }
}

export async function execute(settings: Settings, options: ExecuteOptions = {}): Promise<void> {
  const clients = createClients();
  const router = new AppMeshRouter(clients, {
    mesh: meshRef(settings),
    virtualRouter: settings.virtualRouter,
    route: settings.route,
    virtualService: settings.virtualService,
    stableNode: settings.stable.virtualNode,
    canaryNode: settings.canary.virtualNode,
  });

  let plan: Plan;
  try {
    const state = await group(`Read state (${settings.operation})`, () => readState(settings, clients, router));
    plan = await group('Plan', () => {
      const plan = buildPlan(settings, state, router);
      for (const w of plan.warnings) core.warning(w);
      if (plan.changes.length === 0) core.info('Nothing to change.');
      for (const c of plan.changes) core.info(`${c.action} ${c.resource}: ${c.before ? `${c.before} → ` : ''}${c.after}`);
      core.debug(`Plan ${JSON.stringify(describePlan(plan))}`);
      return plan;
    });
  } catch (err) {
    await group('Report', () => reportStopped(settings, errorMessage(err)));
    throw err;
  }
  const ctx: ApplyContext = { clients, facts: {}, sleep: options.sleep ?? realSleep };
  const outcome: Outcome = { settings, plan, facts: ctx.facts, journal: [], dryRun: settings.dryRun, region: clients.region };
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
