// What a run did, phase by phase: the plan, the journal of what apply ran, a failure, a walk's progress. The report
// renders one merged record; nothing here calls AWS or writes anywhere.
import type { JournalEntry } from '../apply.js';
import type { Settings } from '../inputs.js';
import type { AlarmState, Decision } from '../plan/steps.js';
import type { Plan } from '../plan/types.js';
import type { FailureReport } from '../render.js';
import { REFS, type Outcome, type ServiceSnapshot, type Weights } from '../model.js';
import type { TrafficView } from '../traffic/provider.js';

export interface TimelineStep {
  step: number;
  weight: number;
  startedAt: Date;
  bakedMs?: number;
  alarms: AlarmState[];
}

/** What a progressive run did: the steps it walked, and how it ended. */
export interface Progress {
  steps: readonly number[];
  timeline: TimelineStep[];
  outcome: 'walked' | 'promoted' | 'held' | 'rolled back' | 'cancelled' | 'stopped' | 'waiting' | 'advanced';
  decision?: Decision;
  rollback?: { alarm: AlarmState; step: number; weight: number };
  /** Why the run fails although every change it made succeeded (an alarm, a cancellation). */
  error?: string;
}

export interface RunRecord {
  settings: Settings;
  plan: Plan;
  journal: JournalEntry[];
  dryRun: boolean;
  region: string;
  view: TrafficView;
  failure?: FailureReport;
  progress?: Progress;
}

/** The phases of one run (deploy, each step, a rollback or promote) as one record: changes and journal in order. */
export function mergeRecords(records: RunRecord[]): RunRecord {
  if (records.length === 1) return records[0];
  const [first, last] = [records[0], records[records.length - 1]];
  const known: Plan['known'] = {};
  for (const r of records) {
    for (const [k, v] of Object.entries(r.plan.known)) if (v !== undefined) known[k as keyof Plan['known']] = v;
  }
  const services = [...first.plan.services];
  for (const s of records.flatMap((r) => r.plan.services))
    if (!services.some((x) => x.name === s.name)) services.push(s);
  const plan: Plan = {
    ...first.plan,
    changes: records.flatMap((r) => r.plan.changes),
    weights: { before: first.plan.weights.before, after: last.plan.weights.after },
    warnings: [...new Set(records.flatMap((r) => r.plan.warnings))],
    known,
    services,
  };
  return {
    ...last,
    settings: first.settings,
    plan,
    journal: records.flatMap((r) => r.journal),
    failure: records.find((r) => r.failure)?.failure,
  };
}

/** Values the run's changes produced, later ones winning. */
export function produced(r: RunRecord): Record<string, string | number> {
  return Object.assign({}, ...outcomes(r).map((o) => o.produces ?? {}));
}

/** The outcomes of the run's changes, then what it last read of a resource another writer changed. */
export const outcomes = (r: RunRecord): Outcome[] => [
  ...r.journal.map((e) => e.outcome),
  ...(r.failure?.observed ? [r.failure.observed] : []),
];

/** The weights to show: as planned (also for a dry run), or after a failure what its writes and undos left. */
export function weightsNow(r: RunRecord): Weights | undefined {
  if (!r.failure) return r.plan.weights.after;
  if (r.failure.weightsNow) return r.failure.weightsNow;
  // The last write (or undo) decides; one that was sent but not read back (or seen through) leaves them unknown.
  const outcomes = [...r.journal.map((e) => e.outcome), ...r.failure.undone];
  return outcomes.reduce<Weights | undefined>(
    (w, o) => (o.unconfirmed ? undefined : (o.weights ?? w)),
    r.plan.weights.before,
  );
}

export function servicesNow(r: RunRecord): ServiceSnapshot[] {
  const latest = new Map(outcomes(r).flatMap((o) => (o.service ? [[o.service.name, o.service]] : [])));
  return r.plan.services.map((s) => ({ ...s, ...latest.get(s.name), role: s.role }));
}

export function taskDefinitionOf(r: RunRecord): string | undefined {
  const arn = produced(r)[REFS.taskDefinitionArn] ?? r.plan.known.taskDefinitionArn;
  return arn === undefined ? undefined : String(arn);
}

/** Whether the run deleted the canary's endpoint (rollback with delete-canary): its ARN is then no output. */
export function endpointDeleted(r: RunRecord): boolean {
  return r.journal.some((e) => e.change.action === 'delete' && e.change.resource.type === r.view.endpointType);
}
