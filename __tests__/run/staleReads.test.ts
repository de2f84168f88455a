// ECS is eventually consistent: right after a write, one DescribeServices may still answer the service as it was (or,
// just created, not at all). Each operation of each two-services provider, with one such stale read after every ECS
// service it writes, must succeed as if the read had been fresh, and leave nothing for a rerun to do.
import { Emulator } from '../../emulator/server.js';
import {
  LATTICE_SAMPLE,
  latticeInputs,
  SAMPLE,
  sampleInputs,
  seedHowtoEcsBasics,
  seedLatticeColor,
} from '../../emulator/fixture.js';
import { mutating } from '../support/drills.js';
import { runInProcess } from '../support/inProcess.js';

interface Provider {
  name: string;
  seed(emu: Emulator): void;
  inputs(over: Record<string, string>): Record<string, string>;
  /** The stable service, then the canary service. */
  services: [string, string];
  deploy: Record<string, string>;
}

const PROVIDERS: Provider[] = [
  {
    name: 'App Mesh',
    seed: seedHowtoEcsBasics,
    inputs: sampleInputs,
    services: [SAMPLE.stableService, SAMPLE.canaryService],
    deploy: { 'task-definition': SAMPLE.v2TaskDefinition, image: 'colorapp:blue', 'canary-weight': '20' },
  },
  {
    name: 'VPC Lattice',
    seed: (emu) => void seedLatticeColor(emu),
    inputs: latticeInputs,
    services: [LATTICE_SAMPLE.ecsService, 'color-canary'],
    deploy: { image: 'colorapp:blue', 'canary-weight': '20' },
  },
];

describe.each(PROVIDERS)('$name: one stale DescribeServices after each service write', (p) => {
  const [stable, canary] = p.services;
  // The scenario, the runs before it, and the services whose stale answer the run reads past (a scale to 0 is not
  // read back, so its stale answer is never asked for).
  const scenarios: [string, Record<string, string>[], Record<string, string>, string[]][] = [
    ['deploy (CreateService)', [], p.deploy, [canary]],
    [
      'deploy a new image (UpdateService)',
      [p.deploy],
      { ...p.deploy, image: 'colorapp:red', 'canary-weight': '40' },
      [canary],
    ],
    ['promote (UpdateService of stable, then of the canary)', [p.deploy], { operation: 'promote' }, [stable]],
    ['rollback (the canary scaled to 0)', [p.deploy], { operation: 'rollback' }, []],
  ];

  test.each(scenarios)('%s succeeds, and a rerun writes nothing', async (_name, setup, inputs, readPast) => {
    const emu = await Emulator.start({ rolloutDelayMs: 100, latticeHealthyAfterPolls: 1 });
    try {
      p.seed(emu);
      const run = (over: Record<string, string>) => runInProcess(p.inputs(over), { env: emu.env() });
      for (const s of setup) expect((await run(s)).errors).toEqual([]);
      // Right before each service write of the run, the next read of that service is made stale.
      const written = new Set<string>();
      const stale = (input: Record<string, unknown>) => {
        const service = String(input.service ?? input.serviceName);
        written.add(service);
        emu.ecs.staleReads.set(service, 1);
      };
      for (const operation of ['CreateService', 'UpdateService', 'CreateService', 'UpdateService'])
        emu.beforeHandle.push({ operation, run: stale });
      const result = await run(inputs);
      emu.beforeHandle = [];
      expect([result.status, result.errors]).toEqual([0, []]);
      // The stale answers were given (their counts used up) and read past.
      expect([...written].filter((service) => !emu.ecs.staleReads.has(service)).sort()).toEqual([...readPast].sort());
      // A rerun comes later, when ECS is consistent again: a stale answer nothing asked for is not carried over.
      emu.ecs.staleReads.clear();
      const from = emu.log.length;
      expect((await run(inputs)).status).toBe(0);
      expect(mutating(emu, from)).toEqual([]);
    } finally {
      await emu.stop();
    }
  });
});
