// Failure drills: for every operation, a clean run on the emulator lists the mutating calls it makes; then each of
// those calls in turn is made to fail (AccessDeniedException, which the SDK does not retry). Each drill checks that
// the run fails with exit code 1, that traffic never goes to a canary that cannot answer (zero failed requests in the
// traffic simulation), and that a rerun without the fault converges to the intended state and then writes nothing.
import { Emulator } from '../../emulator/server.js';
import { SAMPLE, sampleInputs, seedHowtoEcsBasics } from '../../emulator/fixture.js';
import { drills, type DrillScenario } from '../support/drills.js';

const deploy20 = {
  operation: 'deploy',
  'task-definition': SAMPLE.v2TaskDefinition,
  image: 'colorapp:blue',
  'canary-weight': '20',
};

interface Scenario extends DrillScenario {
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
  { name: 'promote', setup: [deploy20], run: { operation: 'promote' }, blue: 1, offCanary: true },
  { name: 'rollback', setup: [deploy20], run: { operation: 'rollback' }, blue: 0, offCanary: true },
  {
    name: 'rollback with delete-canary',
    setup: [deploy20],
    run: { operation: 'rollback', 'delete-canary': 'true' },
    blue: 0,
    offCanary: true,
  },
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

const { cleanRuns: recordCleanRuns, drill } = drills<Scenario>({
  async start() {
    const emu = await Emulator.start({ rolloutDelayMs: 100 });
    seedHowtoEcsBasics(emu);
    emu.cloudWatch.putMetricAlarm('color-5xx', { state: 'OK', reason: 'Threshold not crossed' });
    return emu;
  },
  inputs: sampleInputs,
  trafficWrites: ['UpdateRoute', 'CreateRoute'],
  canaryShare: (emu) => (emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 500).nodes[SAMPLE.canaryNode] ?? 0) / 500,
  checkDuring(emu, label) {
    const during = emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 500);
    expect([label, during.failures]).toEqual([label, 0]);
  },
  checkSettled(emu, label, scenario) {
    const settled = emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 1000);
    expect([label, settled.failures]).toEqual([label, 0]);
    expect(Math.abs((settled.colors.blue ?? 0) / 1000 - scenario.blue)).toBeLessThan(0.05);
  },
});

let cleanRuns: Map<string, string[]>;
beforeAll(async () => {
  cleanRuns = await recordCleanRuns(scenarios);
}, 120_000);

test('the clean runs make 33 mutating calls in all: one drill each', () => {
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
    // The canary node stays: the route still names it (at weight 0), so it is kept and the summary says why.
    'rollback with delete-canary': ['UpdateRoute', 'DeleteService'],
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
  expect([...cleanRuns.values()].flat()).toHaveLength(33);
});

describe('a fault at each mutating call', () => {
  // The table is built from the clean runs above, so the drills run inside one test per scenario.
  test.each(scenarios.map((s) => [s.name, s] as const))(
    '%s',
    (_name, scenario) => drill(scenario, cleanRuns.get(scenario.name)!),
    180_000,
  );
});
