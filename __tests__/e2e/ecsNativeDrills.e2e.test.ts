// Failure drills with traffic-provider: ecs-native, as for the other providers: a clean run of each operation lists its
// mutating calls; then each call in turn fails (AccessDeniedException). Each drill checks exit code 1 with one error,
// that the deployment is left paused (a PAUSE hook awaiting, never past the weight the run asked for) or ended, that no
// simulated request fails, that a rerun converges to the intended traffic, and that a third run writes nothing.
import { expect } from '@jest/globals';
import { colorDeployment, colorTraffic, nativeInputs } from '../../emulator/ecsNativeFixture.js';
import { drills, type DrillScenario } from '../support/drills.js';
import { startNativeSample } from '../support/samples.js';

/** Deploy at 20 %: a step of 20 (the largest that reaches it), so shift 60 takes two steps and promote four. */
const deploy20 = { operation: 'deploy', image: 'colorapp:blue', 'canary-weight': '20', 'pr-comment': 'false' };

interface Scenario extends DrillScenario {
  /** The weight the run asks for: a failed run never leaves the deployment past it. */
  weight: number;
  /** Share of requests answered by the new image once the run has succeeded. */
  blue: number;
}

const scenarios: Scenario[] = [
  { name: 'deploy', setup: [], run: deploy20, weight: 20, blue: 0.2 },
  {
    name: 'shift',
    setup: [deploy20],
    run: { operation: 'shift', 'canary-weight': '60', 'pr-comment': 'false' },
    weight: 60,
    blue: 0.6,
  },
  {
    name: 'promote',
    setup: [deploy20],
    run: { operation: 'promote', 'pr-comment': 'false' },
    weight: 100,
    blue: 1,
  },
  {
    name: 'rollback',
    setup: [deploy20],
    run: { operation: 'rollback', 'pr-comment': 'false' },
    weight: 20,
    blue: 0,
    offCanary: true,
  },
];

function harness(scenario?: Scenario) {
  return drills<Scenario>({
    start: startNativeSample,
    inputs: nativeInputs,
    trafficWrites: ['ContinueServiceDeployment', 'StopServiceDeployment'],
    canaryShare: (emu) => (colorTraffic(emu, 500).images['colorapp:blue'] ?? 0) / 500,
    checkDuring(emu, label) {
      const during = colorTraffic(emu, 500);
      expect([label, during.failures, during.errors]).toEqual([label, 0, {}]);
      const d = colorDeployment(emu);
      // Paused (a hook awaiting) at or below the weight asked for, or ended (rolled back, or promoted).
      if (d && d.status === 'IN_PROGRESS') {
        expect([label, d.weight <= (scenario?.weight ?? 100)]).toEqual([label, true]);
        expect([label, d.hooks.map((h) => h.status)]).toEqual([label, ['AWAITING_ACTION']]);
      }
    },
    checkSettled(emu, label, s) {
      const settled = colorTraffic(emu, 1000);
      expect([label, settled.failures]).toEqual([label, 0]);
      expect([label, Math.abs((settled.images['colorapp:blue'] ?? 0) / 1000 - s.blue) < 0.05]).toEqual([label, true]);
    },
  });
}

let cleanRuns: Map<string, string[]>;
beforeAll(async () => {
  cleanRuns = await harness().cleanRuns(scenarios);
}, 120_000);

test('the clean ECS-native runs: one drill per mutating call', () => {
  const continues = (n: number) => Array(n).fill('ContinueServiceDeployment');
  expect(Object.fromEntries(cleanRuns)).toEqual({
    deploy: ['RegisterTaskDefinition', 'UpdateService', ...continues(1)],
    shift: continues(2),
    // Every step continued, then this action's PAUSE hook taken off the service.
    promote: [...continues(4), 'UpdateService'],
    // ROLLBACK through the awaiting hook, then the PAUSE hook taken off the service.
    rollback: ['ContinueServiceDeployment', 'UpdateService'],
  });
});

describe('a fault at each mutating ECS-native call leaves the deployment paused or ended; a rerun converges', () => {
  test.each(scenarios.map((s) => [s.name, s] as const))(
    '%s',
    (_name, scenario) => harness(scenario).drill(scenario, cleanRuns.get(scenario.name)!),
    180_000,
  );
});
