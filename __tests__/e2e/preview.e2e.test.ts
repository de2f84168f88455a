// Preview routes through the bundled action on the emulator, on both providers: a dark launch reachable only by its
// header, kept by shift, removed by promote and rollback; two pull requests' previews side by side, each header
// reaching only its own tasks, each rollback with delete-canary removing only its own resources.
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

interface Provider {
  name: string;
  seed(emu: Emulator): void;
  /** Inputs of a canary: the sample's own (pr undefined), or a pull request's own service and endpoint. */
  inputs(over: Record<string, string>, pr?: number): Record<string, string>;
  /** Requests per endpoint (canary node or target group name) for 200 requests, with or without a header. */
  tally(emu: Emulator, headers?: Record<string, string>): { by: Record<string, number>; failures: number };
  canary(pr?: number): string;
  stable: string;
  /** Whether the endpoint of that canary still exists. */
  endpointExists(emu: Emulator, pr: number): boolean;
}

const providers: Provider[] = [
  {
    name: 'App Mesh',
    seed: seedHowtoEcsBasics,
    inputs: (over, pr) =>
      sampleInputs({
        'task-definition': SAMPLE.v2TaskDefinition,
        ...(pr
          ? {
              'canary-service': `color-pr-${pr}`,
              'canary-virtual-node': `color-pr-${pr}-node`,
              'preview-route': `color-pr-${pr}-preview`,
            }
          : {}),
        ...over,
      }),
    tally: (emu, headers) => {
      const t = emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 200, { headers });
      return { by: t.nodes, failures: t.failures };
    },
    canary: (pr) => (pr ? `color-pr-${pr}-node` : SAMPLE.canaryNode),
    stable: SAMPLE.stableNode,
    endpointExists: (emu, pr) => emu.appMesh.resource(SAMPLE.mesh, 'VirtualNode', `color-pr-${pr}-node`) !== undefined,
  },
  {
    name: 'VPC Lattice',
    seed: (emu) => void seedLatticeColor(emu),
    inputs: (over, pr) =>
      latticeInputs({
        ...(pr ? { 'canary-service': `color-pr-${pr}`, 'canary-target-group': `color-tg-pr-${pr}` } : {}),
        ...over,
      }),
    tally: (emu, headers) => {
      const t = emu.latticeTraffic(LATTICE_SAMPLE.service, 200, { headers });
      return { by: t.targetGroups, failures: t.failures };
    },
    canary: (pr) => (pr ? `color-tg-pr-${pr}` : `${LATTICE_SAMPLE.targetGroup}-canary`),
    stable: LATTICE_SAMPLE.targetGroup,
    endpointExists: (emu, pr) => emu.lattice.findTargetGroup(`color-tg-pr-${pr}`) !== undefined,
  },
];

const writes = (emu: Emulator, from: number) =>
  emu.calls({ mutating: true }).filter((r) => r.start >= from && !r.error);

describe.each(providers)('$name', (p) => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await Emulator.start({ rolloutDelayMs: 100, latticeHealthyAfterPolls: 1 });
    p.seed(emu);
  });
  afterEach(() => emu.stop());
  const run = (over: Record<string, string>, pr?: number) => runAction(p.inputs(over, pr), { env: emu.env() });

  test('a dark launch: header requests all reach the canary, others all stable; shift keeps it; promote removes it', async () => {
    const deploy = await run({ image: 'colorapp:blue', 'canary-weight': '0', 'preview-header': 'x-canary: pr-7' });
    expect(deploy.errors).toEqual([]);
    expect(deploy.outputs['preview-route-arn']).not.toBe('');
    expect(deploy.summary).toContain('### Preview');
    expect(deploy.summary).toMatch(/curl -H 'x-canary: pr-7' http/);
    expect(p.tally(emu, { 'x-canary': 'pr-7' })).toEqual({ by: { [p.canary()]: 200 }, failures: 0 });
    expect(p.tally(emu)).toEqual({ by: { [p.stable]: 200 }, failures: 0 });

    const from = Date.now();
    const again = await run({ image: 'colorapp:blue', 'canary-weight': '0', 'preview-header': 'x-canary: pr-7' });
    expect([again.status, writes(emu, from)]).toEqual([0, []]);

    expect((await run({ operation: 'shift', 'canary-weight': '20' })).status).toBe(0);
    expect(p.tally(emu, { 'x-canary': 'pr-7' }).by).toEqual({ [p.canary()]: 200 });
    expect((p.tally(emu).by[p.canary()] ?? 0) / 200).toBeGreaterThan(0.1);

    const promote = await run({ operation: 'promote' });
    expect(promote.errors).toEqual([]);
    expect(p.tally(emu, { 'x-canary': 'pr-7' })).toEqual({ by: { [p.stable]: 200 }, failures: 0 });
  });

  test('rollback removes the preview', async () => {
    expect(
      (await run({ image: 'colorapp:blue', 'canary-weight': '0', 'preview-header': 'x-canary: pr-9' })).status,
    ).toBe(0);
    const rollback = await run({ operation: 'rollback' });
    expect(rollback.errors).toEqual([]);
    expect(p.tally(emu, { 'x-canary': 'pr-9' })).toEqual({ by: { [p.stable]: 200 }, failures: 0 });
    const from = Date.now();
    expect((await run({ operation: 'rollback' })).status).toBe(0);
    expect(writes(emu, from)).toEqual([]);
  });

  test("two pull requests' previews side by side; each rollback with delete-canary removes only its own", async () => {
    for (const pr of [7, 8]) {
      const deploy = await run(
        { image: `colorapp:pr-${pr}`, 'preview-header': `x-canary: pr-${pr}`, 'canary-weight': '0' },
        pr,
      );
      expect([pr, deploy.errors]).toEqual([pr, []]);
    }
    expect(p.tally(emu, { 'x-canary': 'pr-7' }).by).toEqual({ [p.canary(7)]: 200 });
    expect(p.tally(emu, { 'x-canary': 'pr-8' }).by).toEqual({ [p.canary(8)]: 200 });
    expect(p.tally(emu).by).toEqual({ [p.stable]: 200 });

    const rollback = await run({ operation: 'rollback', 'delete-canary': 'true' }, 7);
    expect(rollback.errors).toEqual([]);
    expect(emu.ecs.services.get(LATTICE_SAMPLE.cluster)?.has('color-pr-7')).toBe(false);
    expect(p.endpointExists(emu, 7)).toBe(false);
    expect(p.endpointExists(emu, 8)).toBe(true);
    expect(p.tally(emu, { 'x-canary': 'pr-7' })).toEqual({ by: { [p.stable]: 200 }, failures: 0 });
    expect(p.tally(emu, { 'x-canary': 'pr-8' }).by).toEqual({ [p.canary(8)]: 200 });
  });
});
