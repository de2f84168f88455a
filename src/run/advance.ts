// One step of a scheduled walk (`advance`): decide from what AWS says — the weight and when it last changed, and the
// alarms — then roll back on an alarm, or move one step once the current one has baked, or change nothing.
import { decide } from '../plan/steps.js';
import { unchangedPlan } from '../plan/index.js';
import { readAdvanceState } from '../state.js';
import { group, type Run } from './context.js';
import { finish, phase, recordOf, stopped } from './phase.js';
import type { Progress, RunRecord } from './record.js';
import { rollBack } from './walk.js';

export async function advance(run: Run): Promise<void> {
  const { settings } = run;
  const p = settings.progressive!;
  const [state, alarms] = await stopped(settings, () =>
    group(`Read state (advance, ${run.provider.name})`, () =>
      Promise.all([readAdvanceState(settings, run.ecs, run.provider), run.alarms?.read() ?? Promise.resolve([])]),
    ),
  );
  const weight = state.traffic.weights?.canary ?? 0;
  const decision = decide(p, {
    weight,
    changedAt: state.traffic.changedAt,
    now: new Date(),
    alarms,
    insufficientData: settings.insufficientData,
  });
  const progress: Progress = { steps: p.steps, timeline: [], outcome: 'waiting', decision };
  const unchanged = () => recordOf(run, unchangedPlan('advance', run.provider.name, state.traffic));
  switch (decision.kind) {
    case 'wait':
    case 'hold':
      progress.outcome = decision.kind === 'wait' ? 'waiting' : 'held';
      return finish([unchanged()], progress);
    case 'blocked':
      progress.outcome = 'held';
      progress.error = `CloudWatch alarm ${decision.alarm.name} is ${decision.alarm.state} (${decision.alarm.reason ?? 'no reason given'}): not advancing`;
      return finish([unchanged()], progress);
    case 'rollback': {
      const records: RunRecord[] = [];
      await rollBack(run, records, progress, decision.alarm, decision, state);
      progress.outcome = 'rolled back';
      return finish(records, progress);
    }
    case 'shift': {
      progress.outcome = 'advanced';
      const step = { operation: 'shift', canaryWeight: decision.weight } as const;
      return finish([await stopped(settings, () => phase(run, step, { ...state, operation: 'shift' }))], progress);
    }
    case 'promote':
      progress.outcome = 'promoted';
      return finish([await stopped(settings, () => phase(run, { operation: 'promote', canaryWeight: 0 }))], progress);
  }
}
