// Failure drills: for every operation, a clean run on the emulator lists the mutating calls it makes; then each of
// those calls in turn is made to fail (AccessDeniedException, which the SDK does not retry). Each drill checks that
// the run fails with exit code 1, that traffic never goes to a canary that cannot answer (zero failed requests in the
// traffic simulation), and that a rerun without the fault converges to the intended state and then writes nothing.
import { Emulator } from '../emulator/server.js';
import { SAMPLE, sampleInputs, seedHowtoEcsBasics } from '../emulator/fixture.js';
import { runAction } from '../support/runAction.js';

const deploy20 = {
  operation: 'deploy',
  'task-definition': SAMPLE.v2TaskDefinition,
  image: 'colorapp:blue',
  'canary-weight': '20',
};

interface Scenario {
  name: string;
  /** Runs that bring the sample to the scenario's starting point. */
  setup: Record<string, string>[];
  run: Record<string, string>;
  /** Expected share of blue answers once the run has succeeded. */
  blue: number;
}

const scenarios: Scenario[] = [
  { name: 'deploy (first canary)', setup: [], run: deploy20, blue: 0.2 },
  {
    name: 'deploy (new image, new weight)',
    setup: [deploy20],
    run: { ...deploy20, image: 'colorapp:blue-2', 'canary-weight': '40' },
    blue: 0.4,
  },
  { name: 'shift', setup: [deploy20], run: { operation: 'shift', 'canary-weight': '60' }, blue: 0.6 },
  { name: 'promote', setup: [deploy20], run: { operation: 'promote' }, blue: 1 },
  { name: 'rollback', setup: [deploy20], run: { operation: 'rollback' }, blue: 0 },
  {
    name: 'deploy a dark launch with a preview route',
    setup: [],
    run: { ...deploy20, 'canary-weight': '0', 'preview-header': 'x-canary: pr-5' },
    blue: 0,
  },
  {
    name: 'deploy with steps',
    setup: [],
    run: { ...deploy20, 'canary-weight': '', steps: '10,40', 'step-minutes': '0.01', alarms: 'color-5xx' },
    blue: 0.4,
  },
];

async function prepared(scenario: Scenario): Promise<Emulator> {
  const emu = await Emulator.start({ rolloutDelayMs: 100 });
  seedHowtoEcsBasics(emu);
  emu.cloudWatch.putMetricAlarm('color-5xx', { state: 'OK', reason: 'Threshold not crossed' });
  for (const inputs of scenario.setup) {
    const setup = await runAction(sampleInputs(inputs), { env: emu.env() });
    if (setup.status !== 0) throw new Error(`setup failed: ${setup.errors.join('\n')}`);
  }
  return emu;
}

const mutating = (emu: Emulator, from: number) =>
  emu.log
    .slice(from)
    .filter((r) => !r.error && !/^(Describe|List|Get|Discover)/.test(r.operation))
    .map((r) => r.operation);

const cleanRuns = new Map<string, string[]>();

beforeAll(async () => {
  for (const scenario of scenarios) {
    const emu = await prepared(scenario);
    const from = emu.log.length;
    const result = await runAction(sampleInputs(scenario.run), { env: emu.env() });
    await emu.stop();
    if (result.status !== 0) throw new Error(`clean ${scenario.name} failed: ${result.errors.join('\n')}`);
    cleanRuns.set(scenario.name, mutating(emu, from));
  }
}, 120_000);

test('the clean runs make 31 mutating calls in all: one drill each', () => {
  expect(Object.fromEntries(cleanRuns)).toEqual({
    'deploy (first canary)': [
      'CreateVirtualNode',
      'RegisterTaskDefinition',
      'CreateService',
      'CreateVirtualRouter',
      'CreateRoute',
      'UpdateVirtualService',
    ],
    // The canary's 20 % is taken away before its service changes, and given back (as 40 %) after the rollout.
    'deploy (new image, new weight)': ['RegisterTaskDefinition', 'UpdateRoute', 'UpdateService', 'UpdateRoute'],
    shift: ['UpdateRoute'],
    promote: ['RegisterTaskDefinition', 'UpdateService', 'UpdateRoute', 'UpdateService'],
    rollback: ['UpdateRoute', 'UpdateService'],
    // The weighted route is created for stable only; the preview route sends header requests to the canary.
    'deploy a dark launch with a preview route': [
      'CreateVirtualNode',
      'RegisterTaskDefinition',
      'CreateService',
      'CreateVirtualRouter',
      'CreateRoute',
      'UpdateVirtualService',
      'CreateRoute',
    ],
    // The first step comes with the route; the second is one more route write after the bake.
    'deploy with steps': [
      'CreateVirtualNode',
      'RegisterTaskDefinition',
      'CreateService',
      'CreateVirtualRouter',
      'CreateRoute',
      'UpdateVirtualService',
      'UpdateRoute',
    ],
  });
  expect([...cleanRuns.values()].flat()).toHaveLength(31);
});

describe('a fault at each mutating call', () => {
  // The table is built from the clean runs above, so the drills run inside one test per scenario.
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
          const failed = await runAction(sampleInputs(scenario.run), { env: emu.env() });
          const label = `${operation}#${after + 1}`;
          expect([label, failed.status]).toEqual([label, 1]);
          expect(failed.errors).toHaveLength(1);
          expect(failed.errors[0]).toContain(`User is not authorized to perform: ${operation}`);
          const during = emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 500);
          expect([label, during.failures]).toEqual([label, 0]);

          const rerun = await runAction(sampleInputs(scenario.run), { env: emu.env() });
          expect([label, rerun.status, rerun.errors]).toEqual([label, 0, []]);
          const after2 = emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 1000);
          expect(after2.failures).toBe(0);
          expect(Math.abs((after2.colors.blue ?? 0) / 1000 - scenario.blue)).toBeLessThan(0.05);

          const from = emu.log.length;
          const again = await runAction(sampleInputs(scenario.run), { env: emu.env() });
          expect([label, again.status, mutating(emu, from)]).toEqual([label, 0, []]);
        } finally {
          await emu.stop();
        }
      }
    },
    180_000,
  );
});
