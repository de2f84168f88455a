// Progressive delivery through the bundled action on the emulator, on both providers: steps walked with their bakes
// (timed from the emulator's request log, not a wall clock), alarms that roll a canary back, composite alarms,
// unknown alarm names, `advance` walked by repeated runs, and a cancelled bake that a rerun continues.
import { Emulator } from '../../emulator/server.js';
import {
  LATTICE_SAMPLE,
  latticeInputs,
  SAMPLE,
  sampleInputs,
  seedHowtoEcsBasics,
  seedLatticeColor,
} from '../../emulator/fixture.js';
import { runAction } from '../../emulator/runAction.js';

const STEP_MINUTES = '0.02'; // 1.2 s
const BAKE_MS = 1200;

interface Provider {
  name: string;
  seed(emu: Emulator): void;
  inputs(over: Record<string, string>): Record<string, string>;
  weightWrite: string;
  canaryService: string;
  canaryShare(emu: Emulator): { share: number; failures: number };
}

const providers: Provider[] = [
  {
    name: 'App Mesh',
    seed: seedHowtoEcsBasics,
    inputs: (over) => sampleInputs({ 'task-definition': SAMPLE.v2TaskDefinition, ...over }),
    weightWrite: 'UpdateRoute',
    canaryService: SAMPLE.canaryService,
    canaryShare: (emu) => {
      const t = emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 1000);
      return { share: (t.nodes[SAMPLE.canaryNode] ?? 0) / 1000, failures: t.failures };
    },
  },
  {
    name: 'VPC Lattice',
    seed: (emu) => void seedLatticeColor(emu),
    inputs: latticeInputs,
    weightWrite: 'UpdateListener',
    canaryService: 'color-canary',
    canaryShare: (emu) => {
      const t = emu.latticeTraffic(LATTICE_SAMPLE.service, 1000);
      return { share: (t.targetGroups[`${LATTICE_SAMPLE.targetGroup}-canary`] ?? 0) / 1000, failures: t.failures };
    },
  },
];

async function started(p: Provider): Promise<Emulator> {
  const emu = await Emulator.start({ rolloutDelayMs: 100, latticeHealthyAfterPolls: 1 });
  p.seed(emu);
  emu.cloudWatch.putMetricAlarm('color-5xx', { state: 'OK', reason: 'Threshold not crossed' });
  return emu;
}

const writes = (emu: Emulator, operation: string, from = 0) =>
  emu.log.filter((r) => r.operation === operation && !r.error && r.start >= from);

describe.each(providers)('$name', (p) => {
  const run = (emu: Emulator, over: Record<string, string>, opts: Parameters<typeof runAction>[1] = {}) =>
    runAction(p.inputs({ image: 'colorapp:blue', 'step-minutes': STEP_MINUTES, alarms: 'color-5xx', ...over }), {
      env: emu.env(),
      ...opts,
    });

  test('deploy with steps walks 10 → 50 → 100, each baked before the next, alarms polled throughout', async () => {
    const emu = await started(p);
    try {
      const from = Date.now();
      const result = await run(emu, { steps: '10,50,100' });
      expect(result.errors).toEqual([]);
      expect(result.status).toBe(0);
      expect(result.outputs).toMatchObject({ 'canary-weight': '100', 'stable-weight': '0' });
      const weights = writes(emu, p.weightWrite, from);
      const steps = weights.slice(-3);
      for (let i = 1; i < steps.length; i++) expect(steps[i].start - steps[i - 1].end).toBeGreaterThanOrEqual(BAKE_MS);
      expect(emu.calls({ service: 'cloudwatch' }).length).toBeGreaterThanOrEqual(6);
      expect(result.summary).toContain('## Canary deploy: walked 10 % → 50 % → 100 %');
      expect(result.summary).toMatch(/\| 3 \/ 3 \| 100 % \| .* \| 1 s \| color-5xx OK \|/);
      expect(p.canaryShare(emu).share).toBe(1);
    } finally {
      await emu.stop();
    }
  });

  test("the alarms also stop the canary service's own rollouts: set when it is created, and when they change", async () => {
    const emu = await started(p);
    emu.cloudWatch.putMetricAlarm('color-latency', { state: 'OK', reason: 'Threshold not crossed' });
    const alarmsOf = () => emu.ecs.services.get(SAMPLE.cluster)!.get(p.canaryService)!.deploymentConfiguration?.alarms;
    try {
      expect((await run(emu, { 'canary-weight': '10', alarms: '' })).status).toBe(0);
      expect(alarmsOf()).toBeUndefined();
      const from = emu.log.length;
      const withAlarms = await run(emu, { 'canary-weight': '10', alarms: 'color-5xx, color-latency' });
      expect(withAlarms.status).toBe(0);
      expect(alarmsOf()).toEqual({ alarmNames: ['color-5xx', 'color-latency'], enable: true, rollback: true });
      expect(emu.log.slice(from).filter((c) => c.operation === 'UpdateService')).toHaveLength(1);
      const again = emu.log.length;
      expect((await run(emu, { 'canary-weight': '10', alarms: 'color-latency,color-5xx' })).status).toBe(0);
      expect(emu.log.slice(again).filter((c) => c.operation === 'UpdateService')).toEqual([]);
    } finally {
      await emu.stop();
    }
  });

  test('an alarm that fires at step 2 rolls the canary back at once: 0 %, exit 1, no failed request after', async () => {
    const emu = await started(p);
    try {
      emu.cloudWatch.setStateWhen('color-5xx', 'ALARM', 'Threshold Crossed: 5xx rate 4 %', { canaryWeightAtLeast: 50 });
      const result = await run(emu, { steps: '10,50,100' });
      expect(result.status).toBe(1);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toBe(
        'CloudWatch alarm color-5xx is ALARM (Threshold Crossed: 5xx rate 4 %) at step 2 (50 %): the canary was rolled back',
      );
      expect(result.outputs).toMatchObject({ 'canary-weight': '0', 'stable-weight': '100' });
      const fired = emu.calls({ service: 'cloudwatch' }).find((r) => r.start > writes(emu, p.weightWrite).at(-2)!.end)!;
      const back = writes(emu, p.weightWrite).at(-1)!;
      expect(back.start - fired.end).toBeLessThan(1000);
      expect(writes(emu, 'UpdateService').at(-1)!.input).toMatchObject({ desiredCount: 0 });
      expect(result.summary).toContain('## Canary rolled back: alarm color-5xx fired at step 2 of 3 (50 %)');
      expect(p.canaryShare(emu)).toEqual({ share: 0, failures: 0 });
    } finally {
      await emu.stop();
    }
  });

  test('a composite alarm in ALARM is honoured', async () => {
    const emu = await started(p);
    try {
      emu.cloudWatch.putCompositeAlarm('color-health', 'ALARM("color-5xx")', { state: 'OK' });
      emu.cloudWatch.setStateWhen('color-5xx', 'ALARM', 'errors', { canaryWeightAtLeast: 10 });
      const result = await run(emu, { steps: '10,50', alarms: 'color-health' });
      expect(result.status).toBe(1);
      expect(result.errors[0]).toMatch(/^CloudWatch alarm color-health is ALARM .* at step 1 \(10 %\)/);
      expect(p.canaryShare(emu).share).toBe(0);
    } finally {
      await emu.stop();
    }
  });

  test('an alarm name that does not exist stops the run before any write', async () => {
    const emu = await started(p);
    try {
      const result = await run(emu, { steps: '10,50', alarms: 'color-5xx,colour-5xx' });
      expect(result.status).toBe(1);
      expect(result.errors).toEqual([
        "CloudWatch alarm(s) colour-5xx do not exist in this account and region (input 'alarms')",
      ]);
      expect(emu.calls({ mutating: true })).toEqual([]);
    } finally {
      await emu.stop();
    }
  });

  test('advance, run again and again, walks the canary one step per due run and is a no-op when not due', async () => {
    const emu = await started(p);
    try {
      const advance = { operation: 'advance', steps: '20,60', 'auto-promote': 'true', image: '' };
      expect((await run(emu, { 'canary-weight': '20' })).status).toBe(0);
      const early = Date.now();
      const notDue = await run(emu, { ...advance, 'step-minutes': '10' });
      expect(notDue.status).toBe(0);
      expect(emu.calls({ mutating: true }).filter((r) => r.start >= early)).toEqual([]);
      expect(notDue.summary).toMatch(/Canary at step 1 of 2 \(20 %\): next step due at \d{4}-/);
      await new Promise((r) => setTimeout(r, BAKE_MS));
      const second = await run(emu, advance);
      expect([second.status, second.outputs['canary-weight']]).toEqual([0, '60']);
      expect(second.summary).toContain('Canary advanced to step 2 of 2 (60 %)');
      await new Promise((r) => setTimeout(r, BAKE_MS));
      const promoted = await run(emu, advance);
      expect([promoted.status, promoted.outputs['canary-weight']]).toEqual([0, '0']);
      expect(p.canaryShare(emu)).toEqual({ share: 0, failures: 0 });
    } finally {
      await emu.stop();
    }
  });
});

test.each(providers)(
  '$name: SIGTERM during a bake keeps the weights the alarms approved, exits non-zero; a rerun continues from that step',
  async (p) => {
    const emu = await started(p);
    try {
      const inputs = p.inputs({
        image: 'colorapp:blue',
        steps: '10,30,60',
        'step-minutes': '0.1',
        alarms: 'color-5xx',
      });
      const cancelled = await runAction(inputs, {
        env: emu.env(),
        signal: { when: /Step 2 \(30 %\): baked/, signal: 'SIGTERM' },
      });
      expect(cancelled.status).toBe(1);
      expect(cancelled.errors[0]).toMatch(/^Cancelled \(SIGTERM\).* during the bake at 30 %/);
      expect(cancelled.summary).toContain(
        '## Canary deploy cancelled at 30 %: alarms OK so far, rerun or advance to go on',
      );
      expect(cancelled.outputs['canary-weight']).toBe('30');
      const from = Date.now();
      const rerun = await runAction(inputs, { env: emu.env() });
      expect(rerun.status).toBe(0);
      const weights = writes(emu, p.weightWrite, from).map((r) => JSON.stringify(r.input).match(/"weight":(\d+)/g));
      expect(weights).toHaveLength(1); // only 30 → 60: step 1 is not repeated
      const settled = p.canaryShare(emu);
      expect(settled.failures).toBe(0);
      expect(Math.abs(settled.share - 0.6)).toBeLessThan(0.05);
      expect(rerun.summary).toContain('walked 30 % → 60 %');
    } finally {
      await emu.stop();
    }
  },
);

test('another deploy replaces the canary during a walk: the next step refuses to give its revision weight', async () => {
  const p = providers[0];
  const emu = await started(p);
  try {
    let theirs: string | undefined;
    // Right after step 1's weights reach the canary (the virtual service names the router), another deploy lands.
    emu.beforeHandle.push({
      operation: 'UpdateVirtualService',
      run: () => {
        theirs = emu.ecs.deployAnother(SAMPLE.cluster, SAMPLE.canaryService);
      },
    });
    const result = await runAction(
      p.inputs({ image: 'colorapp:blue', steps: '10,50', 'step-minutes': STEP_MINUTES, alarms: 'color-5xx' }),
      { env: emu.env() },
    );
    expect(result.status).toBe(1);
    expect(theirs).toBeDefined();
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^The walk stopped at 10 %: Canary service color-v2 now runs \S+, not \S+ that this walk deployed and baked: another deploy replaced it, so the walk stops here with the weights as they are/,
      ),
    ]);
    // The walk's report is still written: where it stopped, and why.
    expect(result.summary.split('\n')[0]).toBe('## Canary walk stopped at 10 %: nothing more was changed');
    expect(writes(emu, p.weightWrite)).toEqual([]); // step 2's 50 % was never written
    expect(Math.abs(p.canaryShare(emu).share - 0.1)).toBeLessThan(0.05);
  } finally {
    await emu.stop();
  }
});
