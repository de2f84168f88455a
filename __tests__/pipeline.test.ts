// The pipeline in-process (read → plan → apply → report) against the one fake: the emulator, which speaks ECS, App Mesh,
// Cloud Map and VPC Lattice over HTTP to the real AWS SDK. Traffic is checked by simulating requests.
import { jest } from '@jest/globals';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSettings } from '../src/inputs.js';
import { execute, type ExecuteOptions } from '../src/run/index.js';
import type { Plan } from '../src/plan/types.js';
import { planJson } from '../src/report/outputs.js';
import {
  LATTICE_SAMPLE,
  latticeColorTaskDefinition,
  latticeInputs,
  SAMPLE,
  sampleInputs,
  seedHowtoEcsBasics,
  seedLatticeColor,
} from '../emulator/fixture.js';
import { Emulator } from '../emulator/server.js';
import { readOutputs } from '../emulator/outputs.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pipeline-'));
const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md') };
const savedEnv = { ...process.env };

/** Points the SDK at `emu` and the action's outputs and summary at fresh files. */
function useEmulator(emu: Emulator): void {
  process.env = { ...savedEnv, ...emu.env(), GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary };
  delete process.env.GITHUB_EVENT_NAME;
}
beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => {
  process.env = savedEnv;
});

const noSleep = async () => {};

function emptyFiles(): void {
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
}

/** One run of the action with these inputs; its outputs and job summary. */
async function run(inputs: Record<string, string>, options: ExecuteOptions = {}) {
  emptyFiles();
  await execute(
    readSettings((name) => ({ 'pr-comment': 'false', ...inputs })[name] ?? ''),
    { sleep: noSleep, ...options },
  );
  return { outputs: readOutputs(files.output), summary: readFileSync(files.summary, 'utf8') };
}

/** A run that must fail: its error message and outputs. */
async function failing(inputs: Record<string, string>) {
  const error = await run(inputs).then(
    () => undefined,
    (err: Error) => err,
  );
  expect(error).toBeInstanceOf(Error);
  return { message: error!.message, outputs: readOutputs(files.output), summary: readFileSync(files.summary, 'utf8') };
}

const writesSince = (emu: Emulator, from: number) =>
  emu
    .calls({ mutating: true })
    .slice(from)
    .filter((r) => !r.error)
    .map((r) => r.operation);
const share = (t: { colors: Record<string, number>; requests: number }, color: string) =>
  (t.colors[color] ?? 0) / t.requests;
const kindsOf = (planOutput: string) => (JSON.parse(planOutput) as Plan).changes.map((c) => c.kind);

describe('App Mesh: deploy → shift → promote → rollback, in-process', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await Emulator.start({ region: 'ap-northeast-1', rolloutDelayMs: 0 });
    seedHowtoEcsBasics(emu);
    useEmulator(emu);
  });
  afterAll(() => emu.stop());

  const deployInputs = sampleInputs({
    'task-definition': SAMPLE.v2TaskDefinition,
    image: 'colorapp:blue',
    'canary-weight': '20',
  });
  const mutating = () => emu.calls({ mutating: true }).length;
  const traffic = () => emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 1000);

  test('a dry run reads and plans, and makes no mutating call', async () => {
    const { outputs, summary } = await run({ ...deployInputs, 'dry-run': 'true' });
    expect(emu.calls({ mutating: true })).toEqual([]);
    expect(emu.calls().length).toBeGreaterThan(0);
    expect(kindsOf(outputs.plan)).toEqual([
      'appmesh.create-virtual-node',
      'ecs.register-task-definition',
      'ecs.create-service',
      'ecs.wait-for-rollout',
      'appmesh.create-virtual-router',
      'appmesh.create-route',
      'ecs.check-service',
      'appmesh.set-virtual-service-provider',
    ]);
    expect(outputs).toMatchObject({
      'stable-weight': '80',
      'canary-weight': '20',
      'task-definition-arn': '',
      'canary-virtual-node-arn': '',
    });
    expect(summary).toContain('## Canary deploy plan (dry run: nothing was changed)');
  });

  test('deploy at 20 %: apply receives exactly the plan the dry run printed, then about a fifth of the answers are blue', async () => {
    const dryRun = (await run({ ...deployInputs, 'dry-run': 'true' })).outputs.plan;
    let applied: Plan | undefined;
    const from = mutating();
    const { outputs } = await run(deployInputs, {
      onPlan: (plan) => {
        applied = plan;
      },
    });
    expect(JSON.parse(planJson(applied!))).toEqual(JSON.parse(dryRun));
    expect(writesSince(emu, from)).toEqual([
      'CreateVirtualNode',
      'RegisterTaskDefinition',
      'CreateService',
      'CreateVirtualRouter',
      'CreateRoute',
      'UpdateVirtualService',
    ]);
    expect(outputs).toMatchObject({ 'stable-weight': '80', 'canary-weight': '20', 'previous-canary-weight': '' });
    expect(outputs['task-definition-arn']).toMatch(/task-definition\/howto-ecs-basics-color-v2:1$/);
    expect(outputs['canary-virtual-node-arn']).toMatch(
      /mesh\/howto-ecs-basics\/virtualNode\/howto-ecs-basics-color-v2-node$/,
    );
    expect(outputs['route-arn']).toMatch(/route\/howto-ecs-basics-color-route$/);
    const t = traffic();
    expect(t.failures).toBe(0);
    expect(share(t, 'blue')).toBeGreaterThan(0.16);
    expect(share(t, 'blue')).toBeLessThan(0.24);
  });

  test('the same deploy again writes nothing', async () => {
    const from = mutating();
    const { outputs } = await run(deployInputs);
    expect(writesSince(emu, from)).toEqual([]);
    expect(outputs).toMatchObject({
      'previous-canary-weight': '20',
      'canary-weight': '20',
      'task-definition-arn': expect.stringMatching(/color-v2:1$/),
    });
  });

  test('a route the virtual service does not go through yet is not the split before: previous-canary-weight 0', async () => {
    // As a run leaves it when it failed (credentials that expired, say) after the route and before the switch.
    const provider = { virtualNode: { virtualNodeName: SAMPLE.stableNode } };
    emu.appMesh.put(SAMPLE.mesh, 'VirtualService', SAMPLE.virtualService, { provider }, { create: false });
    const from = mutating();
    const { outputs } = await run(deployInputs);
    expect(writesSince(emu, from)).toEqual(['UpdateVirtualService']);
    expect(outputs).toMatchObject({ 'previous-canary-weight': '0', 'canary-weight': '20' });
  });

  test('shift to 50 %: one route write', async () => {
    const from = mutating();
    const { outputs } = await run(sampleInputs({ operation: 'shift', 'canary-weight': '50' }));
    expect(writesSince(emu, from)).toEqual(['UpdateRoute']);
    expect(outputs).toMatchObject({ 'previous-canary-weight': '20', 'stable-weight': '50', 'canary-weight': '50' });
    expect(share(traffic(), 'blue')).toBeGreaterThan(0.45);
    expect(share(traffic(), 'blue')).toBeLessThan(0.55);
  });

  test('shift reports the canary virtual node it splits to, as action.yml documents the output', async () => {
    // action.yml: "ARN of the canary virtual node; empty with VPC Lattice, and in a dry run of the deploy that would
    // create the node". (With VPC Lattice, shift does report canary-target-group-arn.)
    const { outputs } = await run(sampleInputs({ operation: 'shift', 'canary-weight': '50' }));
    expect(outputs['canary-virtual-node-arn']).toMatch(/virtualNode\/howto-ecs-basics-color-v2-node$/);
  });

  test("promote: stable runs the canary's containers, all traffic on stable, canary scaled to 0", async () => {
    const from = mutating();
    const { outputs, summary } = await run(sampleInputs({ operation: 'promote' }));
    expect(writesSince(emu, from)).toEqual(['RegisterTaskDefinition', 'UpdateService', 'UpdateRoute', 'UpdateService']);
    expect(outputs).toMatchObject({ 'stable-weight': '100', 'canary-weight': '0', 'previous-canary-weight': '50' });
    expect(outputs['task-definition-arn']).toMatch(/task-definition\/howto-ecs-basics-color:2$/);
    expect(summary).toContain(
      '## Canary promoted: color runs the new version, all traffic on howto-ecs-basics-color-node',
    );
    const t = traffic();
    expect(t.failures).toBe(0);
    expect(t.colors).toEqual({ blue: 1000 });
    expect(emu.ecs.services.get(SAMPLE.cluster)!.get(SAMPLE.canaryService)!.desiredCount).toBe(0);
  });

  test('promote again converges: nothing to write', async () => {
    const from = mutating();
    await run(sampleInputs({ operation: 'promote' }));
    expect(writesSince(emu, from)).toEqual([]);
  });

  test('rollback after the promote: nothing left to move or scale', async () => {
    const from = mutating();
    const { outputs } = await run(sampleInputs({ operation: 'rollback' }));
    expect(writesSince(emu, from)).toEqual([]);
    expect(outputs).toMatchObject({ 'stable-weight': '100', 'canary-weight': '0' });
  });
});

describe('App Mesh, each from a fresh sample', () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await Emulator.start({ region: 'ap-northeast-1', rolloutDelayMs: 0 });
    seedHowtoEcsBasics(emu);
    useEmulator(emu);
  });
  afterEach(() => emu.stop());

  const deploy = (over: Record<string, string> = {}) =>
    run(
      sampleInputs({
        'task-definition': SAMPLE.v2TaskDefinition,
        image: 'colorapp:blue',
        'canary-weight': '20',
        ...over,
      }),
    );

  test('rollback from 50 %: all traffic back on the stable node, the canary scaled to 0', async () => {
    await deploy({ 'canary-weight': '50' });
    const from = emu.calls({ mutating: true }).length;
    const { outputs } = await run(sampleInputs({ operation: 'rollback' }));
    expect(writesSince(emu, from)).toEqual(['UpdateRoute', 'UpdateService']);
    expect(outputs).toMatchObject({ 'previous-canary-weight': '50', 'stable-weight': '100', 'canary-weight': '0' });
    expect(emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 1000).colors).toEqual({ green: 1000 });
  });

  test('a canary image that crashes: its weight is taken away before the rollout and stays at 0', async () => {
    await deploy();
    emu.ecs.crashingImages.add('colorapp:broken');
    const { message, outputs, summary } = await failing(
      sampleInputs({ 'task-definition': SAMPLE.v2TaskDefinition, image: 'colorapp:broken', 'canary-weight': '40' }),
    );
    expect(message).toMatch(
      /^wait ECS service color-v2 failed: Deployment .* was rolled back by ECS \(deployment circuit breaker\)/,
    );
    expect(message).toMatch(
      /Kept on purpose: route howto-ecs-basics-color-route stays at stable 100 \/ canary 0 while the canary rolls out/,
    );
    expect(outputs).toMatchObject({ 'stable-weight': '100', 'canary-weight': '0', 'previous-canary-weight': '20' });
    expect(summary).toContain('## Canary deploy failed');
    const t = emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 1000);
    expect(t.failures).toBe(0);
    expect(t.colors).toEqual({ green: 1000 });
  });

  test('a run cancelled during the rollout starts no further change and says where it stopped', async () => {
    // The canary's rollout is held until the signal: the first poll always sees it IN_PROGRESS, however fast or slow
    // the machine; the sleep after that poll raises SIGTERM and lets the rollout complete.
    emu.ecs.heldRollouts.add(SAMPLE.canaryService);
    let signalled = false;
    const cancelOnFirstPoll = async () => {
      if (!signalled) process.emit('SIGTERM', 'SIGTERM');
      signalled = true;
      emu.ecs.heldRollouts.delete(SAMPLE.canaryService);
    };
    const inputs = sampleInputs({
      'task-definition': SAMPLE.v2TaskDefinition,
      image: 'colorapp:blue',
      'canary-weight': '20',
      'pr-comment': 'false',
    });
    emptyFiles();
    const error = await execute(
      readSettings((name) => inputs[name] ?? ''),
      { sleep: cancelOnFirstPoll },
    ).catch((e: Error) => e);
    expect(error?.message).toMatch(
      /^Cancelled \(SIGTERM\): the run stopped at the next safe point \(at: create virtual router /,
    );
    expect(writesSince(emu, 0)).toEqual(['CreateVirtualNode', 'RegisterTaskDefinition', 'CreateService']);
    expect(readOutputs(files.output)).toMatchObject({ 'canary-weight': '' });
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  test('a plan refused while reading stops before any write and says so in the summary', async () => {
    const { message, summary } = await failing(sampleInputs({ operation: 'shift', 'canary-weight': '10' }));
    expect(message).toBe(
      "Refusing to send 10% of traffic to the canary: canary service color-v2 is not serving (it does not exist) (input 'canary-service')",
    );
    expect(summary).toContain('## Canary shift stopped before any change');
    expect(emu.calls({ mutating: true })).toEqual([]);
  });
});

describe('VPC Lattice, in-process', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await Emulator.start({ region: 'eu-west-1', rolloutDelayMs: 0, latticeHealthyAfterPolls: 2 });
    seedLatticeColor(emu);
    useEmulator(emu);
  });
  afterAll(() => emu.stop());

  test('deploy at 20 %: the canary group gets about a fifth of the requests, none fail', async () => {
    const file = path.join(dir, 'blue.json');
    writeFileSync(
      file,
      JSON.stringify({ ...latticeColorTaskDefinition('blue'), family: 'howto-ecs-basics-color-canary' }),
    );
    const { outputs } = await run(latticeInputs({ 'task-definition': file, 'canary-weight': '20' }));
    expect(
      emu
        .calls({ mutating: true })
        .filter((r) => !r.error)
        .map((r) => r.operation),
    ).toEqual(['CreateTargetGroup', 'UpdateListener', 'RegisterTaskDefinition', 'CreateService', 'UpdateListener']);
    expect(outputs).toMatchObject({
      'stable-weight': '80',
      'canary-weight': '20',
      'previous-canary-weight': '0',
      'canary-virtual-node-arn': '',
    });
    expect(outputs['canary-target-group-arn']).toMatch(/^arn:aws:vpc-lattice:eu-west-1:\d{12}:targetgroup\/tg-/);
    const t = emu.latticeTraffic(LATTICE_SAMPLE.service, 1000);
    expect(t.failures).toBe(0);
    const canary = (t.targetGroups[`${LATTICE_SAMPLE.targetGroup}-canary`] ?? 0) / t.requests;
    expect(canary).toBeGreaterThan(0.16);
    expect(canary).toBeLessThan(0.24);
    expect(share(t, 'blue')).toBeCloseTo(canary, 5);
  });

  test('shift to 50 %: one forward write; the canary target group is still reported', async () => {
    const from = emu.calls({ mutating: true }).length;
    const { outputs } = await run(latticeInputs({ operation: 'shift', 'canary-weight': '50' }));
    expect(writesSince(emu, from)).toEqual(['UpdateListener']);
    expect(outputs).toMatchObject({ 'previous-canary-weight': '20', 'canary-weight': '50' });
    expect(outputs['canary-target-group-arn']).toMatch(/:targetgroup\/tg-/);
  });
});
