// Two writers on one route, driven deterministically through the emulator: another writer's shift lands at exactly
// the moment this run checks or writes. Whichever way the race goes, the run's report and outputs match the route's
// final weights.
import { Emulator } from '../emulator/server.js';
import { SAMPLE, sampleInputs, seedHowtoEcsBasics } from '../emulator/fixture.js';
import { runAction } from '../support/runAction.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await Emulator.start({ rolloutDelayMs: 100 });
  seedHowtoEcsBasics(emu);
  const deploy = await run({
    'task-definition': SAMPLE.v2TaskDefinition,
    image: 'colorapp:blue',
    'canary-weight': '20',
  });
  expect(deploy.status).toBe(0);
});
afterAll(() => emu.stop());

function run(inputs: Record<string, string>) {
  return runAction(sampleInputs(inputs), { env: emu.env() });
}

/** The other writer: sets the route's canary weight as another run would, through the emulator's state. */
function otherWriterSets(canary: number) {
  const route = emu.appMesh.resource(SAMPLE.mesh, 'Route', SAMPLE.route, SAMPLE.virtualRouter)!;
  const spec = structuredClone(route.spec);
  spec.httpRoute.action.weightedTargets = [
    { virtualNode: SAMPLE.stableNode, weight: 100 - canary },
    { virtualNode: SAMPLE.canaryNode, weight: canary },
  ];
  emu.appMesh.put(SAMPLE.mesh, 'Route', SAMPLE.route, spec, { router: SAMPLE.virtualRouter, create: false });
}

const canaryWeightNow = () => {
  const route = emu.appMesh.resource(SAMPLE.mesh, 'Route', SAMPLE.route, SAMPLE.virtualRouter)!;
  return route.spec.httpRoute.action.weightedTargets.find(
    (t: { virtualNode: string }) => t.virtualNode === SAMPLE.canaryNode,
  ).weight as number;
};

test("the other writer lands before this run's check: nothing written, and the run reports their weights", async () => {
  emu.beforeHandle.push({ operation: 'DescribeRoute', run: () => undefined }); // the plan's read passes untouched
  emu.beforeHandle.push({ operation: 'DescribeRoute', run: () => otherWriterSets(41) }); // …then the guard's re-read
  const result = await run({ operation: 'shift', 'canary-weight': '21' });
  expect(result.status).toBe(1);
  expect(result.errors[0]).toMatch(/Nothing was written to it; their weights are in effect: stable 59 \/ canary 41/);
  expect(canaryWeightNow()).toBe(41);
  expect(result.outputs).toMatchObject({ 'canary-weight': '41', 'stable-weight': '59' });
  expect(result.summary).toContain('| canary | 20 % | 41 % |');
});

test("the other writer lands between this run's check and its write: this run's weights are in effect, and it says so", async () => {
  emu.beforeHandle.push({ operation: 'UpdateRoute', run: () => otherWriterSets(45) });
  const result = await run({ operation: 'shift', 'canary-weight': '25' });
  expect(result.status).toBe(1);
  expect(result.errors[0]).toMatch(
    /this run's write came last, so its weights stable 75 \/ canary 25 are in effect and the other writer's change was overwritten/,
  );
  expect(canaryWeightNow()).toBe(25);
  expect(result.outputs).toMatchObject({ 'canary-weight': '25', 'stable-weight': '75' });
});
