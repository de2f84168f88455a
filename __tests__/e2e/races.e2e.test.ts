// Two writers on one route, driven deterministically through the emulator: another writer's shift lands at exactly
// the moment this run checks or writes. Whichever way the race goes, the run's report and outputs match the route's
// final weights.
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

describe('two deploys of the canary at once', () => {
  const canary = () => emu.ecs.services.get(SAMPLE.cluster)!.get(SAMPLE.canaryService)!;
  /** The other run's deploy, as it reaches ECS: a new revision of the canary's family, then UpdateService. */
  const otherDeploy = () => emu.ecs.deployAnother(SAMPLE.cluster, SAMPLE.canaryService, 'colorapp:white');
  /** The other deploy lands right before this run's `nth` DescribeServices (1: the plan's read, 2: the check before its write, 3: the first poll of its rollout). */
  function otherDeployAt(nth: number): { theirs?: string } {
    const landed: { theirs?: string } = {};
    for (let i = 1; i < nth; i++) emu.beforeHandle.push({ operation: 'DescribeServices', run: () => undefined });
    emu.beforeHandle.push({
      operation: 'DescribeServices',
      run: () => {
        landed.theirs = otherDeploy();
      },
    });
    return landed;
  }
  const noGoingBack = /update-service --cluster \S+ --service color-v2 --task-definition/;

  beforeEach(async () => {
    emu.beforeHandle = [];
    expect((await run({ operation: 'shift', 'canary-weight': '20' })).status).toBe(0);
  });

  test('the other lands after this run read the service: refused before UpdateService, nothing of theirs undone', async () => {
    const landed = otherDeployAt(2);
    const since = emu.log.length;
    const result = await run({ image: 'colorapp:red', 'canary-weight': '30' });
    expect(result.status).toBe(1);
    expect(landed.theirs).toBeDefined();
    expect(result.errors[0]).toMatch(
      /ECS service color-v2 changed since this run read it: it now runs howto-ecs-basics-color-\S+:\d+, not howto-ecs-basics-color-\S+:\d+\. Another run or person is deploying it; nothing was written to it, so their change stands\./,
    );
    const writes = emu.log.slice(since).filter((c) => c.operation === 'UpdateService');
    expect(writes).toEqual([]);
    expect(canary().taskDefinition).toBe(landed.theirs);
    // The drain before the service change stays: weight back now would reach their canary mid-rollout.
    expect(canaryWeightNow()).toBe(0);
    // Outputs and summary describe the canary as read: their revision.
    expect(result.outputs).toMatchObject({
      'canary-weight': '0',
      'stable-weight': '100',
      'task-definition-arn': landed.theirs,
    });
    expect(result.summary).toMatch(new RegExp(`\\| canary \\| ${landed.theirs!.split('/')[1]} \\|`));
    expect(result.summary).toMatch(/\| update \| \[ECS service color-v2\]\S* \| .* \| ❌ failed \|/);
    expect(result.stdout + result.summary).not.toMatch(noGoingBack);
  });

  test("the other replaces this run's deployment during its rollout wait: no advice that would undo theirs", async () => {
    const landed = otherDeployAt(3);
    const result = await run({ image: 'colorapp:red', 'canary-weight': '30' });
    expect(result.status).toBe(1);
    expect(result.errors[0]).toMatch(
      /The task definition of ECS service color-v2 changed under this run: while it waited for its deployment of howto-ecs-basics-color-\S+:\d+, another deployment \(ecs-svc\/\S+\) replaced it and the service now deploys howto-ecs-basics-color-\S+:\d+\./,
    );
    expect(result.errors[0]).toMatch(/leave it to whoever started it/);
    expect(result.stdout + result.summary).not.toMatch(noGoingBack);
    expect(canary().taskDefinition).toBe(landed.theirs);
    // The summary's services table shows their revision, as ECS answered the wait, not this run's.
    expect(result.summary).toMatch(new RegExp(`\\| canary \\| ${landed.theirs!.split('/')[1]} \\|`));
    expect(canaryWeightNow()).toBe(0);
    expect(result.outputs).toMatchObject({ 'canary-weight': '0', 'task-definition-arn': landed.theirs });
    expect(result.summary).toMatch(/\| wait \| \[ECS service color-v2\]\S* \| .* \| ❌ failed \|/);
    expect(result.errors[0]).toMatch(/Kept on purpose: .* stays at stable 100 \/ canary 0 while the canary rolls out/);
  });
});

test("another deploy starts after this run's rollout completed: the canary gets no traffic from this run", async () => {
  const own = await Emulator.start({ rolloutDelayMs: 100 });
  try {
    seedHowtoEcsBasics(own);
    let theirs: string | undefined;
    // The route is created right after this run's wait, before the virtual service sends anything to it.
    own.beforeHandle.push({
      operation: 'CreateRoute',
      run: () => {
        own.rolloutDelayMs = 60_000;
        theirs = own.ecs.deployAnother(SAMPLE.cluster, SAMPLE.canaryService);
      },
    });
    const result = await runAction(
      sampleInputs({ 'task-definition': SAMPLE.v2TaskDefinition, image: 'colorapp:blue', 'canary-weight': '20' }),
      { env: own.env() },
    );
    expect(result.status).toBe(1);
    expect(theirs).toBeDefined();
    expect(result.errors[0]).toMatch(
      /^check ECS service color-v2 failed: ECS service color-v2 changed after this run's rollout of \S+ completed: it now deploys \S+ × 1, rollout IN_PROGRESS\./,
    );
    // The virtual service still names the stable node: not one request reaches the canary.
    const traffic = own.traffic(SAMPLE.mesh, SAMPLE.virtualService, 500);
    expect([traffic.failures, traffic.colors.blue ?? 0]).toEqual([0, 0]);
    expect(own.calls({ mutating: true }).map((c) => c.operation)).not.toContain('UpdateVirtualService');
    expect(result.outputs['task-definition-arn']).toBe(theirs);
  } finally {
    await own.stop();
  }
});

describe('VPC Lattice: two deploys of the canary at once', () => {
  let lattice: Emulator;
  const runLattice = (inputs: Record<string, string>) => runAction(latticeInputs(inputs), { env: lattice.env() });
  const canaryGroup = `${LATTICE_SAMPLE.targetGroup}-canary`;
  beforeAll(async () => {
    lattice = await Emulator.start({ rolloutDelayMs: 100, latticeHealthyAfterPolls: 1 });
    seedLatticeColor(lattice);
    expect((await runLattice({ image: 'colorapp:blue', 'canary-weight': '20' })).status).toBe(0);
  });
  afterAll(() => lattice.stop());

  test("the other deploy lands after this run read the service: the loser's outputs and summary are the world as it is", async () => {
    let theirs: string | undefined;
    lattice.beforeHandle.push({ operation: 'DescribeServices', run: () => undefined });
    lattice.beforeHandle.push({
      operation: 'DescribeServices',
      run: () => {
        theirs = lattice.ecs.deployAnother(LATTICE_SAMPLE.cluster, 'color-canary', 'colorapp:white');
      },
    });
    const result = await runLattice({ image: 'colorapp:red', 'canary-weight': '30' });
    expect(result.status).toBe(1);
    expect(theirs).toBeDefined();
    const split = lattice.latticeTraffic(LATTICE_SAMPLE.service, 1000).targetGroups[canaryGroup] ?? 0;
    // The weights the outputs give are the ones in effect, and the revision is the one the canary runs: theirs.
    expect([result.outputs['canary-weight'], split > 0 ? 'canary has traffic' : 'canary has none']).toEqual([
      '0',
      'canary has none',
    ]);
    expect(result.outputs['task-definition-arn']).toBe(theirs);
    expect(result.summary).toMatch(new RegExp(`\\| canary \\| ${theirs!.split('/')[1]} \\|`));
  });
});
