// Failure drills on VPC Lattice, as for App Mesh: a clean run of each operation lists its mutating calls; then each
// call in turn fails (AccessDeniedException). Each drill checks exit code 1 with one error, that no simulated request
// lands on an unhealthy or missing target, that a rerun converges to the intended split, and that a third run writes
// nothing.
import { Emulator } from '../emulator/server.js';
import { LATTICE_SAMPLE, latticeInputs, seedLatticeColor } from '../emulator/fixture.js';
import { runAction } from '../support/runAction.js';

const deploy20 = { operation: 'deploy', image: 'colorapp:blue', 'canary-weight': '20' };
const canaryGroup = `${LATTICE_SAMPLE.targetGroup}-canary`;

interface Scenario {
  name: string;
  setup: Record<string, string>[];
  run: Record<string, string>;
  /** Expected share of requests on the canary target group once the run has succeeded. */
  canary: number;
}

const scenarios: Scenario[] = [
  { name: 'deploy (first canary)', setup: [], run: deploy20, canary: 0.2 },
  {
    name: 'deploy (new image, new weight)',
    setup: [deploy20],
    run: { ...deploy20, image: 'colorapp:blue-2', 'canary-weight': '40' },
    canary: 0.4,
  },
  { name: 'shift', setup: [deploy20], run: { operation: 'shift', 'canary-weight': '60' }, canary: 0.6 },
  { name: 'promote', setup: [deploy20], run: { operation: 'promote' }, canary: 0 },
  { name: 'rollback', setup: [deploy20], run: { operation: 'rollback' }, canary: 0 },
];

async function prepared(scenario: Scenario): Promise<Emulator> {
  const emu = await Emulator.start({ rolloutDelayMs: 100, latticeHealthyAfterPolls: 1 });
  seedLatticeColor(emu);
  for (const inputs of scenario.setup) {
    const setup = await runAction(latticeInputs(inputs), { env: emu.env() });
    if (setup.status !== 0) throw new Error(`setup failed: ${setup.errors.join('\n')}`);
  }
  return emu;
}

const mutating = (emu: Emulator, from: number) =>
  emu.log
    .slice(from)
    .filter((r) => !r.error && !/^(Describe|List|Get)/.test(r.operation))
    .map((r) => r.operation);

const cleanRuns = new Map<string, string[]>();

beforeAll(async () => {
  for (const scenario of scenarios) {
    const emu = await prepared(scenario);
    const from = emu.log.length;
    const result = await runAction(latticeInputs(scenario.run), { env: emu.env() });
    await emu.stop();
    if (result.status !== 0) throw new Error(`clean ${scenario.name} failed: ${result.errors.join('\n')}`);
    cleanRuns.set(scenario.name, mutating(emu, from));
  }
}, 120_000);

test('the clean Lattice runs make 16 mutating calls in all: one drill each', () => {
  expect(Object.fromEntries(cleanRuns)).toEqual({
    // The canary group joins the forward action at 0 (to be health-checked), then gets its weight.
    'deploy (first canary)': [
      'CreateTargetGroup',
      'RegisterTaskDefinition',
      'CreateService',
      'UpdateListener',
      'UpdateListener',
    ],
    'deploy (new image, new weight)': ['RegisterTaskDefinition', 'UpdateListener', 'UpdateService', 'UpdateListener'],
    shift: ['UpdateListener'],
    promote: ['RegisterTaskDefinition', 'UpdateService', 'UpdateListener', 'UpdateService'],
    rollback: ['UpdateListener', 'UpdateService'],
  });
  expect([...cleanRuns.values()].flat()).toHaveLength(16);
});

describe('a fault at each mutating Lattice call', () => {
  test.each(scenarios.map((s) => [s.name, s] as const))(
    '%s',
    async (_name, scenario) => {
      const calls = cleanRuns.get(scenario.name)!;
      for (const [index, operation] of calls.entries()) {
        const after = calls.slice(0, index).filter((c) => c === operation).length;
        const emu = await prepared(scenario);
        try {
          emu.inject({
            operation,
            error: 'AccessDeniedException',
            after,
            message: `User is not authorized to perform: ${operation}`,
          });
          const failed = await runAction(latticeInputs(scenario.run), { env: emu.env() });
          const label = `${operation}#${after + 1}`;
          expect([label, failed.status, failed.errors.length]).toEqual([label, 1, 1]);
          expect(failed.errors[0]).toContain(`User is not authorized to perform: ${operation}`);
          const during = emu.latticeTraffic(LATTICE_SAMPLE.service, 500);
          expect([label, during.failures, during.errors]).toEqual([label, 0, {}]);

          const rerun = await runAction(latticeInputs(scenario.run), { env: emu.env() });
          expect([label, rerun.status, rerun.errors]).toEqual([label, 0, []]);
          const settled = emu.latticeTraffic(LATTICE_SAMPLE.service, 1000);
          expect([label, settled.failures]).toEqual([label, 0]);
          expect(Math.abs((settled.targetGroups[canaryGroup] ?? 0) / 1000 - scenario.canary)).toBeLessThan(0.05);

          const from = emu.log.length;
          const again = await runAction(latticeInputs(scenario.run), { env: emu.env() });
          expect([label, again.status, mutating(emu, from)]).toEqual([label, 0, []]);
        } finally {
          await emu.stop();
        }
      }
    },
    180_000,
  );
});
