import { ALB_SAMPLE, albInputs, albTraffic } from '../../emulator/fixture.js';
import { drills, type DrillScenario } from '../support/drills.js';
import { startAlbSample } from '../support/samples.js';

const deploy20 = { operation: 'deploy', image: 'colorapp:blue', 'canary-weight': '20' };
const canaryGroup = `${ALB_SAMPLE.targetGroup}-canary`;

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
  start: startAlbSample,
  inputs: albInputs,
  trafficWrites: ['ModifyListener', 'ModifyRule', 'CreateRule'],
  canaryShare: (emu) => (albTraffic(emu, 500).targetGroups[canaryGroup] ?? 0) / 500,
  checkDuring(emu, label) {
    const during = albTraffic(emu, 500);
    expect([label, during.failures, during.errors, during.failOpen]).toEqual([label, 0, {}, {}]);
  },
  checkSettled(emu, label, scenario) {
    const settled = albTraffic(emu, 1000);
    expect([label, settled.failures, settled.failOpen]).toEqual([label, 0, {}]);
    expect(Math.abs((settled.targetGroups[canaryGroup] ?? 0) / 1000 - scenario.canary)).toBeLessThan(0.05);
  },
});

let cleanRuns: Map<string, string[]>;
beforeAll(async () => {
  cleanRuns = await recordCleanRuns(scenarios);
}, 120_000);

test('the clean ALB runs make 21 mutating calls in all: one drill each', () => {
  expect(Object.fromEntries(cleanRuns)).toEqual({
    // The canary group is created with the stable group's attributes and joins the forward at 0 before the canary
    // service exists (ECS refuses a group no listener uses); it gets its weight once its targets are healthy.
    'deploy (first canary)': [
      'CreateTargetGroup',
      'ModifyTargetGroupAttributes',
      'ModifyListener',
      'RegisterTaskDefinition',
      'CreateService',
      'ModifyListener',
    ],
    'deploy (new image, new weight)': ['RegisterTaskDefinition', 'ModifyListener', 'UpdateService', 'ModifyListener'],
    shift: ['ModifyListener'],
    promote: ['RegisterTaskDefinition', 'UpdateService', 'ModifyListener', 'UpdateService'],
    rollback: ['ModifyListener', 'UpdateService'],
    // Traffic off the canary first; its group leaves the forward only once its service is gone.
    'rollback with delete-canary': ['ModifyListener', 'DeleteService', 'ModifyListener', 'DeleteTargetGroup'],
  });
  expect([...cleanRuns.values()].flat()).toHaveLength(21);
});

describe('a fault at each mutating ALB call', () => {
  test.each(scenarios.map((s) => [s.name, s] as const))(
    '%s',
    (_name, scenario) => drill(scenario, cleanRuns.get(scenario.name)!),
    180_000,
  );
});
