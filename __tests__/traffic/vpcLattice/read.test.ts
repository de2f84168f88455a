// The Lattice read against the in-process emulator (the real SDK over HTTP): what it resolves and in how many
// round trips. Names are resolved through the List calls; one ListTargetGroups serves both groups, the service's
// summary gives its DNS name, and the split and the target groups are read side by side.
import { jest } from '@jest/globals';
import { ECSClient } from '@aws-sdk/client-ecs';
import { VPCLatticeClient } from '@aws-sdk/client-vpc-lattice';
import { describeServices } from '../../../src/aws/ecsServices.js';
import { LatticeApi } from '../../../src/traffic/vpcLattice/api.js';
import { readLattice } from '../../../src/traffic/vpcLattice/read.js';
import type { LatticeSettings } from '../../../src/traffic/vpcLattice/settings.js';
import { roundTrips } from '../../../scripts/bench.js';
import { LATTICE_SAMPLE, seedLatticeColor } from '../../../emulator/fixture.js';
import { Emulator } from '../../../emulator/server.js';

let emu: Emulator;
let lattice: VPCLatticeClient;
let ecs: ECSClient;
beforeEach(async () => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  emu = await Emulator.start({ latencyMs: 30 });
  seedLatticeColor(emu);
  const config = emu.clientConfig();
  lattice = new VPCLatticeClient(config);
  ecs = new ECSClient(config);
});
afterEach(async () => {
  jest.restoreAllMocks();
  lattice.destroy();
  ecs.destroy();
  await emu.stop();
});

const names = { stable: LATTICE_SAMPLE.ecsService, canary: 'color-canary' };
const byName: LatticeSettings = { provider: 'vpc-lattice', service: LATTICE_SAMPLE.service };

function read(settings: LatticeSettings, operation: 'deploy' | 'shift' | 'rollback' = 'deploy') {
  const services = describeServices(ecs, LATTICE_SAMPLE.cluster, [names.stable, names.canary]);
  return readLattice(
    new LatticeApi(lattice),
    settings,
    names,
    operation,
    { services },
    {
      preview: false,
      deleteCanary: false,
    },
  );
}

test('resolves everything by name: the split, the stable group from the ECS registration, the entry point', async () => {
  const state = await read(byName);
  expect(state.splitName).toBe(`${LATTICE_SAMPLE.listener} (default action)`);
  expect(state.stable.name).toBe(LATTICE_SAMPLE.targetGroup);
  expect(state.canary).toEqual({ name: `${LATTICE_SAMPLE.targetGroup}-canary` });
  expect(state.weights).toEqual({ stable: 100, canary: 0 });
  expect(state.entry).toMatchObject({ dns: expect.stringMatching(/\.vpc-lattice-svcs\./), port: 80 });
});

test('one ListTargetGroups for both groups, no GetTargetGroup or GetService, and the chains side by side', async () => {
  emu.lattice.createTargetGroup({
    ...emu.lattice.findTargetGroup(LATTICE_SAMPLE.targetGroup)!,
    name: 'color-tg-canary',
  });
  // Depth is read off when each call started and ended: calls sent side by side must overlap however busy the
  // machine is, so each answer takes long enough (200 ms) that a stalled event loop cannot make them look chained.
  emu.latencyMs = 200;
  const from = emu.log.length;
  const state = await read({ ...byName, canaryTargetGroup: 'color-tg-canary' });
  expect(state.canary).toMatchObject({ name: 'color-tg-canary', arn: expect.any(String) });
  const calls = emu.log.slice(from);
  const count = (operation: string) => calls.filter((c) => c.operation === operation).length;
  // The canary group exists and the canary service does not: one ListTargets checks that nothing else is registered.
  const counts = ['ListTargetGroups', 'GetTargetGroup', 'GetService', 'ListTargets'].map(count);
  expect(counts).toEqual([1, 0, 0, 1]);
  // ListServices → ListListeners → GetListener, beside DescribeServices and ListTargetGroups → ListTargets.
  expect(roundTrips(calls)).toBe(3);
});

test("a first deploy reads the stable group's whole config (its health check), which the canary group copies", async () => {
  const from = emu.log.length;
  const state = await read(byName);
  expect(state.stable.config).toHaveProperty('healthCheck');
  expect(emu.log.slice(from).filter((c) => c.operation === 'GetTargetGroup')).toHaveLength(1);
});

test('a canary group with targets registered while the canary service does not exist is refused, naming the input', async () => {
  const group = emu.lattice.createTargetGroup({
    ...emu.lattice.findTargetGroup(LATTICE_SAMPLE.targetGroup)!,
    name: 'color-tg-taken',
  });
  emu.lattice.register(group.id, { id: '10.0.99.9', port: 8080 });
  const refused = read({ ...byName, canaryTargetGroup: 'color-tg-taken' });
  await expect(refused).rejects.toThrow(/color-tg-taken already has 1 target\(s\) registered \(10\.0\.99\.9:8080\)/);
  await expect(refused).rejects.toMatchObject({ input: 'canary-target-group' });
});

test('a rollback lists the rules once, for the other routes and the preview rule alike', async () => {
  const from = emu.log.length;
  await read(byName, 'rollback');
  expect(emu.log.slice(from).filter((c) => c.operation === 'ListRules')).toHaveLength(1);
});

test('when the service and a target group are both wrong, the service is the one reported', async () => {
  const wrong = read({ ...byName, service: 'nope', stableTargetGroup: 'nope-tg' });
  await expect(wrong).rejects.toThrow(
    "VPC Lattice service nope does not exist in this account and region (input 'lattice-service')",
  );
});
