// The failure drill every provider runs: a clean run of each scenario lists its mutating calls; then, for each call in
// turn, a fresh emulator at the scenario's starting point fails that call (AccessDeniedException, which the SDK does
// not retry) and the provider's checks run: the failed run, traffic during and after, a rerun, and a third run.
// The action runs in this process (main.ts's run(), as dist/index.js does): hundreds of runs, each without a Node
// start and a bundle load; the e2e suites run the bundle.
import { expect } from '@jest/globals';
import type { Emulator } from '../../emulator/server.js';
import type { ActionRun } from '../../emulator/runAction.js';
import { runInProcess } from './inProcess.js';

export interface DrillScenario {
  name: string;
  /** Runs that bring the sample to the scenario's starting point. */
  setup: Record<string, string>[];
  run: Record<string, string>;
  /** The run takes traffic off the canary (rollback, promote): once it did, no failure after may send any back. */
  offCanary?: boolean;
}

export interface DrillProvider<S extends DrillScenario> {
  /** A fresh emulator seeded for the provider. */
  start(): Promise<Emulator>;
  inputs(over: Record<string, string>): Record<string, string>;
  /** The calls that move the split (route or rule writes). */
  trafficWrites: readonly string[];
  /** The canary's share of simulated traffic, 0 to 1. */
  canaryShare(emu: Emulator): number;
  /** What must hold of the traffic while the failed run's state stands, and once the rerun converged. */
  checkDuring(emu: Emulator, label: string): void;
  checkSettled(emu: Emulator, label: string, scenario: S): void;
}

/** The successful AWS calls since `from` that change something. */
export const mutating = (emu: Emulator, from: number) =>
  emu.log
    .slice(from)
    .filter((r) => !r.error && !/^(Describe|List|Get|Discover)/.test(r.operation))
    .map((r) => r.operation);

export function drills<S extends DrillScenario>(provider: DrillProvider<S>) {
  const run = (emu: Emulator, inputs: Record<string, string>): Promise<ActionRun> =>
    runInProcess(provider.inputs(inputs), { env: emu.env() });

  async function prepared(scenario: S): Promise<Emulator> {
    const emu = await provider.start();
    for (const inputs of scenario.setup) {
      const setup = await run(emu, inputs);
      if (setup.status !== 0) throw new Error(`setup failed: ${setup.errors.join('\n')}`);
    }
    return emu;
  }

  /** The mutating calls of a clean run of each scenario, by name. */
  async function cleanRuns(scenarios: S[]): Promise<Map<string, string[]>> {
    const calls = new Map<string, string[]>();
    for (const scenario of scenarios) {
      const emu = await prepared(scenario);
      const from = emu.log.length;
      const result = await run(emu, scenario.run);
      await emu.stop();
      if (result.status !== 0) throw new Error(`clean ${scenario.name} failed: ${result.errors.join('\n')}`);
      calls.set(scenario.name, mutating(emu, from));
    }
    return calls;
  }

  /** One drill per call: the run fails with one error naming it, a rerun converges, a third run writes nothing. */
  async function drill(scenario: S, calls: string[]): Promise<void> {
    for (const [index, operation] of calls.entries()) {
      const after = calls.slice(0, index).filter((c) => c === operation).length;
      const label = `${operation}#${after + 1}`;
      const emu = await prepared(scenario);
      try {
        const message = `User is not authorized to perform: ${operation}`;
        emu.inject({ operation, error: 'AccessDeniedException', after, message });
        const failed = await run(emu, scenario.run);
        expect([label, failed.status, failed.errors.length]).toEqual([label, 1, 1]);
        expect(failed.errors[0]).toContain(message);
        provider.checkDuring(emu, label);
        // Undo never moves traffic toward a canary the run was taking it from.
        const movedOff = calls.slice(0, index).some((c) => provider.trafficWrites.includes(c));
        if (scenario.offCanary && movedOff) expect([label, provider.canaryShare(emu)]).toEqual([label, 0]);

        const rerun = await run(emu, scenario.run);
        expect([label, rerun.status, rerun.errors]).toEqual([label, 0, []]);
        provider.checkSettled(emu, label, scenario);

        const from = emu.log.length;
        const again = await run(emu, scenario.run);
        expect([label, again.status, mutating(emu, from)]).toEqual([label, 0, []]);
      } finally {
        await emu.stop();
      }
    }
  }

  return { cleanRuns, drill };
}
