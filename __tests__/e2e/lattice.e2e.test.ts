// The bundled action (dist/index.js) with traffic-provider: vpc-lattice against the emulator seeded with the color
// app on VPC Lattice, run as the GitHub runner runs it. Traffic is checked by simulating requests through the Lattice
// service's listener and weighted target groups.
import { Emulator } from '../../emulator/server.js';
import { LATTICE_SAMPLE, latticeInputs, seedLatticeColor } from '../../emulator/fixture.js';
import { NODE24, runAction } from '../../emulator/runAction.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await Emulator.start({ region: 'eu-west-1', rolloutDelayMs: 300, latticeHealthyAfterPolls: 2 });
  seedLatticeColor(emu);
});
afterAll(() => emu.stop());

const canaryGroup = `${LATTICE_SAMPLE.targetGroup}-canary`;
const run = (inputs: Record<string, string>) => runAction(latticeInputs(inputs), { env: emu.env(), node: NODE24 });
const traffic = () => emu.latticeTraffic(LATTICE_SAMPLE.service, 1000);
const share = (t: { targetGroups: Record<string, number>; requests: number }, group: string) =>
  (t.targetGroups[group] ?? 0) / t.requests;
const stableImage = () => {
  const service = emu.ecs.services.get(LATTICE_SAMPLE.cluster)?.get(LATTICE_SAMPLE.ecsService);
  const [family, revision] = String(service?.taskDefinition).split('/').pop()!.split(':');
  return emu.ecs.taskDefinitions.get(family)?.[Number(revision) - 1]?.containerDefinitions[0].image;
};
const writes = (from: number) => emu.calls({ mutating: true }).filter((r) => r.start >= from && !r.error);

describe('a canary on VPC Lattice, step by step (bundled action, Node 24)', () => {
  test('deploy at 20 %: the canary group is created, health-checked at 0, then gets about a fifth', async () => {
    const result = await run({ image: 'colorapp:blue', 'canary-weight': '20' });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.outputs).toMatchObject({
      'stable-weight': '80',
      'canary-weight': '20',
      'previous-canary-weight': '0',
    });
    expect(result.outputs['canary-target-group-arn']).toMatch(/^arn:aws:vpc-lattice:eu-west-1:\d{12}:targetgroup\/tg-/);
    expect(result.outputs['canary-virtual-node-arn']).toBe('');
    expect(result.outputs['route-arn']).toMatch(/listener\/listener-/);
    expect(result.stdout).toMatch(/Targets of color-tg-canary HEALTHY: 1 HEALTHY/);
    expect(result.stdout).not.toContain('envoy');
    const t = traffic();
    expect(t.failures).toBe(0);
    expect(share(t, canaryGroup)).toBeGreaterThan(0.16);
    expect(share(t, canaryGroup)).toBeLessThan(0.24);
  });

  test('the same deploy again writes nothing', async () => {
    const start = Date.now();
    const result = await run({ image: 'colorapp:blue', 'canary-weight': '20' });
    expect(result.status).toBe(0);
    expect(writes(start)).toEqual([]);
  });

  test('shift to 50 %: one forward write', async () => {
    const start = Date.now();
    const result = await run({ operation: 'shift', 'canary-weight': '50' });
    expect(result.status).toBe(0);
    expect(writes(start).map((r) => r.operation)).toEqual(['UpdateListener']);
    expect(result.outputs).toMatchObject({ 'previous-canary-weight': '20', 'canary-weight': '50' });
    const t = traffic();
    expect(t.failures).toBe(0);
    expect(share(t, canaryGroup)).toBeGreaterThan(0.45);
    expect(share(t, canaryGroup)).toBeLessThan(0.55);
  });

  test('dry-run promote: the plan, zero mutating calls', async () => {
    const start = Date.now();
    const result = await run({ operation: 'promote', 'dry-run': 'true' });
    expect(result.status).toBe(0);
    expect(writes(start)).toEqual([]);
    const plan = JSON.parse(result.outputs.plan);
    expect(plan.changes.map((c: { kind: string }) => c.kind)).toEqual([
      'ecs.register-task-definition',
      'ecs.update-service',
      'ecs.wait-for-rollout',
      'lattice.wait-targets-healthy',
      'lattice.set-forward',
      'ecs.update-service',
    ]);
  });

  test('promote: stable serves the new image, 100/0, canary at 0 tasks', async () => {
    const result = await run({ operation: 'promote' });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.outputs).toMatchObject({ 'stable-weight': '100', 'canary-weight': '0' });
    const t = traffic();
    expect(t.failures).toBe(0);
    expect(t.targetGroups).toEqual({ [LATTICE_SAMPLE.targetGroup]: 1000 });
    expect(stableImage()).toBe('colorapp:blue');
    expect(emu.ecs.services.get(LATTICE_SAMPLE.cluster)?.get('color-canary')?.desiredCount).toBe(0);
  });

  test('a new canary, then rollback: all traffic on stable, canary scaled to 0, a rerun writes nothing', async () => {
    expect((await run({ image: 'colorapp:green', 'canary-weight': '30' })).status).toBe(0);
    expect(share(traffic(), canaryGroup)).toBeGreaterThan(0.25);
    // A workflow_dispatch workflow passes one set of inputs to every operation: what rollback does not use is ignored.
    const rollback = await run({ operation: 'rollback', 'canary-weight': '30', steps: '10,50' });
    expect(rollback.status).toBe(0);
    expect(rollback.stdout).toContain(
      "::warning::Input 'canary-weight' is not used by rollback (it always ends at 0); ignored",
    );
    expect(rollback.stdout).toContain(
      "::warning::Input 'steps' is used by deploy and advance, not by rollback; ignored",
    );
    expect(traffic().targetGroups).toEqual({ [LATTICE_SAMPLE.targetGroup]: 1000 });
    const start = Date.now();
    expect((await run({ operation: 'rollback' })).status).toBe(0);
    expect(writes(start)).toEqual([]);
  });

  test('canary targets that never become HEALTHY get no weight: exit 1, a clear error', async () => {
    emu.lattice.unhealthyImages.add('colorapp:sick');
    const result = await run({ image: 'colorapp:sick', 'canary-weight': '40', 'wait-for-minutes': '0.05' });
    expect(result.status).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /color-tg-canary did not become HEALTHY within 0.05 minute\(s\).*1 UNHEALTHY.*No weight was moved/,
    );
    const t = traffic();
    expect(t.failures).toBe(0);
    expect(t.targetGroups).toEqual({ [LATTICE_SAMPLE.targetGroup]: 1000 });
    expect(result.outputs['canary-weight']).toBe('0');
  });
});
