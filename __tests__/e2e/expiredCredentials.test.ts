// Credentials that expire right after a write: from then on every AWS call fails (ExpiredTokenException, which the SDK
// does not retry). For each write of a clean deploy, promote and rollback, on each provider, a fresh emulator lets that
// write land and fails every call after it. The run fails with one error (or succeeds, when nothing followed the
// write) and writes its summary; its canary-weight output, its "Traffic now" log line and its summary state only the
// share the canary in fact gets (or none); traffic the run took off the canary stays off. Once the credentials work
// again a rerun converges, and a third run writes nothing. The action runs in this process, as in the failure drills.
import { expect } from '@jest/globals';
import { colorDeployment, colorTraffic, nativeInputs } from '../../emulator/ecsNativeFixture.js';
import {
  ALB_SAMPLE,
  albInputs,
  albTraffic,
  LATTICE_SAMPLE,
  latticeInputs,
  SAMPLE,
  sampleInputs,
} from '../../emulator/fixture.js';
import type { ActionRun } from '../../emulator/runAction.js';
import type { Emulator } from '../../emulator/server.js';
import { mutating } from '../support/drills.js';
import { runInProcess } from '../support/inProcess.js';
import { startAlbSample, startAppMeshSample, startLatticeSample, startNativeSample } from '../support/samples.js';

interface Scenario {
  name: string;
  setup: Record<string, string>[];
  run: Record<string, string>;
  /** The canary's share of traffic once the run has succeeded, 0 to 1. */
  settled: number;
  /** The run takes traffic off the canary: once one of its traffic writes landed, the canary gets none. */
  offCanary: boolean;
}

interface Provider {
  name: string;
  start(): Promise<Emulator>;
  inputs(over: Record<string, string>): Record<string, string>;
  /** The calls that move the split. */
  trafficWrites: readonly string[];
  /** Of `requests` simulated requests: the canary's share (0 to 1) and how many failed. */
  traffic(emu: Emulator, requests: number): { share: number; failures: number };
  scenarios: Scenario[];
}

/**
 * Deploy at 20 %, then promote and rollback of it. A promote takes traffic off the canary, except on ECS-native where
 * the canary is the new revision: its weight grows to 100 % and then, the deployment over, it is stable.
 */
function scenarios(deploy: Record<string, string>, promoteOffCanary = true): Scenario[] {
  const { image: _image, 'canary-weight': _weight, 'task-definition': _td, ...extra } = deploy;
  return [
    { name: 'deploy (first canary)', setup: [], run: deploy, settled: 0.2, offCanary: false },
    {
      name: 'promote',
      setup: [deploy],
      run: { ...extra, operation: 'promote' },
      settled: 0,
      offCanary: promoteOffCanary,
    },
    { name: 'rollback', setup: [deploy], run: { ...extra, operation: 'rollback' }, settled: 0, offCanary: true },
  ];
}

const deploy20 = { operation: 'deploy', image: 'colorapp:blue', 'canary-weight': '20' };
const share = (count: number | undefined, requests: number, failures: number) => ({
  share: (count ?? 0) / requests,
  failures,
});

const PROVIDERS: Provider[] = [
  {
    name: 'App Mesh',
    start: startAppMeshSample,
    inputs: sampleInputs,
    trafficWrites: ['CreateRoute', 'UpdateRoute', 'UpdateVirtualService'],
    traffic(emu, n) {
      const t = emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, n);
      return share(t.nodes[SAMPLE.canaryNode], n, t.failures);
    },
    scenarios: scenarios({ ...deploy20, 'task-definition': SAMPLE.v2TaskDefinition }),
  },
  {
    name: 'VPC Lattice',
    start: startLatticeSample,
    inputs: latticeInputs,
    trafficWrites: ['UpdateListener', 'UpdateRule', 'CreateRule'],
    traffic(emu, n) {
      const t = emu.latticeTraffic(LATTICE_SAMPLE.service, n);
      return share(t.targetGroups[`${LATTICE_SAMPLE.targetGroup}-canary`], n, t.failures);
    },
    scenarios: scenarios(deploy20),
  },
  {
    name: 'ALB',
    start: startAlbSample,
    inputs: albInputs,
    trafficWrites: ['ModifyListener', 'ModifyRule', 'CreateRule'],
    traffic(emu, n) {
      const t = albTraffic(emu, n);
      return share(t.targetGroups[`${ALB_SAMPLE.targetGroup}-canary`], n, t.failures);
    },
    scenarios: scenarios(deploy20),
  },
  {
    name: 'ECS-native',
    start: startNativeSample,
    inputs: nativeInputs,
    trafficWrites: ['ContinueServiceDeployment', 'StopServiceDeployment'],
    // One service: the canary is the revision a deployment under way brings; none once the deployment ended.
    traffic(emu, n) {
      const t = colorTraffic(emu, n);
      return share(colorDeployment(emu) ? t.images['colorapp:blue'] : 0, n, t.failures);
    },
    scenarios: scenarios({ ...deploy20, 'pr-comment': 'false' }, false),
  },
];

/** The canary's weight as the run's outputs, log and summary state it (undefined: none stated). */
function stated(run: ActionRun, label: string): number | undefined {
  const output = run.outputs['canary-weight'];
  const weight = output ? Number(output) : undefined;
  // The log's last word on the canary: its weight, or none ("—", "not confirmed", "deleted").
  const line = /^Traffic now: (.*)$/m.exec(run.stdout)?.[1] ?? '';
  const logged = /(\d+) %$/.exec(line.slice(line.lastIndexOf(', ') + 1))?.[1];
  expect([label, line, logged]).toEqual([label, line, weight === undefined ? undefined : String(weight)]);
  // The summary: a headline, and the same weight in the canary's row ("weight now"), or "—".
  expect([label, run.summary.split('\n')[0]]).toEqual([label, expect.stringMatching(/^## Canary /)]);
  const row = run.summary.split('\n').find((l) => l.includes(' | canary | '));
  expect([label, row?.split('|').at(-2)?.trim()]).toEqual([label, weight === undefined ? '—' : `${weight} %`]);
  return weight;
}

describe.each(PROVIDERS)('$name: credentials that expire right after each write', (p) => {
  const run = (emu: Emulator, inputs: Record<string, string>) => runInProcess(p.inputs(inputs), { env: emu.env() });

  async function prepared(scenario: Scenario): Promise<Emulator> {
    const emu = await p.start();
    for (const inputs of scenario.setup) {
      const setup = await run(emu, inputs);
      if (setup.status !== 0) throw new Error(`setup failed: ${setup.errors.join('\n')}`);
    }
    return emu;
  }

  async function cleanWrites(scenario: Scenario): Promise<string[]> {
    const emu = await prepared(scenario);
    const from = emu.log.length;
    const clean = await run(emu, scenario.run);
    await emu.stop();
    expect([scenario.name, clean.status, clean.errors]).toEqual([scenario.name, 0, []]);
    return mutating(emu, from);
  }

  /** Lets the `index`th write land, then fails every call: as credentials that expired right after it. */
  function expireAfter(emu: Emulator, writes: string[], index: number): void {
    const operation = writes[index];
    const before = writes.slice(0, index).filter((w) => w === operation).length;
    for (let i = 0; i < before; i++) emu.beforeHandle.push({ operation, run: () => undefined });
    const expire = () =>
      emu.inject({
        operation: '*',
        error: 'ExpiredTokenException',
        message: 'The security token included in the request is expired',
        times: 1_000_000,
      });
    emu.beforeHandle.push({ operation, run: expire });
  }

  /** The failed run: one error unless nothing followed the write; what it states, the canary in fact gets. */
  async function expired(emu: Emulator, scenario: Scenario, writes: string[], index: number, label: string) {
    expireAfter(emu, writes, index);
    const failed = await run(emu, scenario.run);
    const operation = writes[index];
    const after = emu.log.slice(emu.log.findLastIndex((r) => r.operation === operation && !r.error) + 1);
    expect([label, failed.status, failed.errors.length]).toEqual([label, ...(after.length ? [1, 1] : [0, 0])]);
    const weight = stated(failed, label);
    // An undo that failed is a warning, and the summary says what could not be restored.
    const undoFailed = failed.stdout.includes('::warning::Could not restore');
    expect([label, undoFailed && !failed.summary.includes('COULD NOT RESTORE')]).toEqual([label, false]);
    // 2,000 requests: the share's standard deviation is at most 1.1 points, so 5 points off is a real mismatch.
    const now = p.traffic(emu, 2000);
    expect([label, now.failures]).toEqual([label, 0]);
    if (weight !== undefined)
      expect([label, weight, Math.abs(now.share * 100 - weight) < 5]).toEqual([label, weight, true]);
    const movedOff = writes.slice(0, index + 1).some((w) => p.trafficWrites.includes(w));
    if (scenario.offCanary && movedOff) expect([label, now.share]).toEqual([label, 0]);
  }

  /** Credentials work again: the rerun converges (traffic the run took off the canary stays off), a third run writes nothing. */
  async function restored(emu: Emulator, scenario: Scenario, label: string) {
    emu.faults = [];
    emu.ecs.staleReads.clear();
    const rerun = await run(emu, scenario.run);
    expect([label, rerun.status, rerun.errors]).toEqual([label, 0, []]);
    const settled = p.traffic(emu, 1000);
    expect([label, settled.failures, Math.abs(settled.share - scenario.settled) < 0.05]).toEqual([label, 0, true]);
    const from = emu.log.length;
    const again = await run(emu, scenario.run);
    expect([label, again.status, mutating(emu, from)]).toEqual([label, 0, []]);
  }

  test.each(p.scenarios.map((s) => [s.name, s] as const))(
    '%s',
    async (_name, scenario) => {
      const writes = await cleanWrites(scenario);
      expect(writes.length).toBeGreaterThan(0);
      for (const index of writes.keys()) {
        const label = `${writes[index]}#${writes.slice(0, index + 1).filter((w) => w === writes[index]).length}`;
        const emu = await prepared(scenario);
        try {
          await expired(emu, scenario, writes, index, label);
          await restored(emu, scenario, label);
        } finally {
          await emu.stop();
        }
      }
    },
    180_000,
  );
});
