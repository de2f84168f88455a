// Never remove capacity from a canary that can still receive traffic: a mistyped route, or another route or rule
// that still sends the canary a share, stops rollback and promote before anything changes.
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

const mutating = (emu: Emulator, from: number) => emu.calls({ mutating: true }).filter((r) => r.start >= from);

describe('App Mesh', () => {
  let emu: Emulator;
  const run = (inputs: Record<string, string>) => runAction(sampleInputs(inputs), { env: emu.env() });
  const canaryTasks = () => emu.ecs.services.get(SAMPLE.cluster)?.get(SAMPLE.canaryService)?.desiredCount;
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

  test('rollback with a mistyped route while the canary has 20 %: exit 1, canary not scaled, no failed request', async () => {
    const from = Date.now();
    const result = await run({ operation: 'rollback', route: 'howto-ecs-basics-colour-route' });
    expect(result.status).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^Refusing to scale canary service color-v2 \(1 task\(s\)\) to 0: .*\(input 'route'\)$/,
    );
    expect(mutating(emu, from)).toEqual([]);
    expect(canaryTasks()).toBe(1);
    expect(emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 500).failures).toBe(0);
  });

  test('another route that gives the canary weight: rollback and promote refuse, naming it', async () => {
    emu.appMesh.put(
      SAMPLE.mesh,
      'Route',
      'color-by-header',
      {
        priority: 0,
        httpRoute: {
          match: { prefix: '/', headers: [{ name: 'x-canary', match: { exact: 'yes' } }] },
          action: { weightedTargets: [{ virtualNode: SAMPLE.canaryNode, weight: 1 }] },
        },
      },
      { router: SAMPLE.virtualRouter, create: true },
    );
    for (const operation of ['rollback', 'promote']) {
      const from = Date.now();
      const result = await run({ operation });
      expect([operation, result.status]).toEqual([operation, 1]);
      expect(result.errors[0]).toContain('color-by-header (100 %) still sends it traffic');
      expect(mutating(emu, from)).toEqual([]);
    }
    expect(canaryTasks()).toBe(1);
  });
});

test('VPC Lattice: another rule that forwards to the canary group stops rollback', async () => {
  const emu = await Emulator.start({ rolloutDelayMs: 100, latticeHealthyAfterPolls: 1 });
  try {
    const seed = seedLatticeColor(emu);
    const deploy = await runAction(latticeInputs({ image: 'colorapp:blue', 'canary-weight': '20' }), {
      env: emu.env(),
    });
    expect(deploy.status).toBe(0);
    const canary = emu.lattice.findTargetGroup(`${LATTICE_SAMPLE.targetGroup}-canary`)!;
    emu.lattice.createRule(seed.serviceId, seed.listenerId, {
      name: 'canary-by-header',
      priority: 5,
      match: { httpMatch: { headerMatches: [{ name: 'x-canary', match: { exact: 'yes' } }] } },
      action: { forward: { targetGroups: [{ targetGroupIdentifier: canary.id, weight: 1 }] } },
    });
    const from = Date.now();
    const result = await runAction(latticeInputs({ operation: 'rollback' }), { env: emu.env() });
    expect(result.status).toBe(1);
    expect(result.errors[0]).toContain('rule canary-by-header (100 %) still sends it traffic');
    expect(mutating(emu, from)).toEqual([]);
  } finally {
    await emu.stop();
  }
});
