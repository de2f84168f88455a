import { LATTICE_SAMPLE, latticeInputs } from '../../emulator/fixture.js';
import { drills, type DrillScenario } from '../support/drills.js';
import { startLatticeSample } from '../support/samples.js';

const deploy20 = { operation: 'deploy', image: 'colorapp:blue', 'canary-weight': '20' };
const canaryGroup = `${LATTICE_SAMPLE.targetGroup}-canary`;

interface Scenario extends DrillScenario {
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
  { name: 'promote', setup: [deploy20], run: { operation: 'promote' }, canary: 0, offCanary: true },
  { name: 'rollback', setup: [deploy20], run: { operation: 'rollback' }, canary: 0, offCanary: true },
  {
    name: 'rollback with delete-canary',
    setup: [deploy20],
    run: { operation: 'rollback', 'delete-canary': 'true' },
    canary: 0,
    offCanary: true,
  },
];

const { cleanRuns: recordCleanRuns, drill } = drills<Scenario>({
  start: startLatticeSample,
  inputs: latticeInputs,
  trafficWrites: ['UpdateListener', 'UpdateRule', 'CreateRule'],
  canaryShare: (emu) => (emu.latticeTraffic(LATTICE_SAMPLE.service, 500).targetGroups[canaryGroup] ?? 0) / 500,
  checkDuring(emu, label) {
    const during = emu.latticeTraffic(LATTICE_SAMPLE.service, 500);
    expect([label, during.failures, during.errors]).toEqual([label, 0, {}]);
  },
  checkSettled(emu, label, scenario) {
    const settled = emu.latticeTraffic(LATTICE_SAMPLE.service, 1000);
    expect([label, settled.failures]).toEqual([label, 0]);
    expect(Math.abs((settled.targetGroups[canaryGroup] ?? 0) / 1000 - scenario.canary)).toBeLessThan(0.05);
  },
});

let cleanRuns: Map<string, string[]>;
beforeAll(async () => {
  cleanRuns = await recordCleanRuns(scenarios);
}, 120_000);

test('the clean Lattice runs make 20 mutating calls in all: one drill each', () => {
  expect(Object.fromEntries(cleanRuns)).toEqual({
    // The canary group joins the forward action at 0 before its tasks start (to be health-checked), then gets its weight.
    'deploy (first canary)': [
      'CreateTargetGroup',
      'UpdateListener',
      'RegisterTaskDefinition',
      'CreateService',
      'UpdateListener',
    ],
    'deploy (new image, new weight)': ['RegisterTaskDefinition', 'UpdateListener', 'UpdateService', 'UpdateListener'],
    shift: ['UpdateListener'],
    promote: ['RegisterTaskDefinition', 'UpdateService', 'UpdateListener', 'UpdateService'],
    rollback: ['UpdateListener', 'UpdateService'],
    // Traffic off the canary first; its group leaves the forward action only once its service is gone.
    'rollback with delete-canary': ['UpdateListener', 'DeleteService', 'UpdateListener', 'DeleteTargetGroup'],
  });
  expect([...cleanRuns.values()].flat()).toHaveLength(20);
});

describe('a fault at each mutating Lattice call', () => {
  test.each(scenarios.map((s) => [s.name, s] as const))(
    '%s',
    (_name, scenario) => drill(scenario, cleanRuns.get(scenario.name)!),
    180_000,
  );
});
