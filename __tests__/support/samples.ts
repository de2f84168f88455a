// Emulators seeded with each provider's sample as the fault drills start them: short rollouts, targets that pass
// their health checks at the first poll (Lattice) or after 100 ms (ALB). One place, so that every drill of a
// provider runs on the same world.
import { seedServiceConnectColor } from '../../emulator/ecsNativeFixture.js';
import { seedAlbColor, seedHowtoEcsBasics, seedLatticeColor } from '../../emulator/fixture.js';
import { Emulator } from '../../emulator/server.js';

export async function startAppMeshSample(): Promise<Emulator> {
  const emu = await Emulator.start({ rolloutDelayMs: 100 });
  seedHowtoEcsBasics(emu);
  return emu;
}

export async function startLatticeSample(): Promise<Emulator> {
  const emu = await Emulator.start({ rolloutDelayMs: 100, latticeHealthyAfterPolls: 1 });
  seedLatticeColor(emu);
  return emu;
}

export async function startAlbSample(): Promise<Emulator> {
  const emu = await Emulator.start({ rolloutDelayMs: 100, elbv2HealthyAfterMs: 100 });
  seedAlbColor(emu);
  return emu;
}

/** ECS-native's sample: Service Connect in eu-west-1, with the inputs that name it. */
export async function startNativeSample(): Promise<Emulator> {
  const emu = await Emulator.start({ region: 'eu-west-1', rolloutDelayMs: 50 });
  seedServiceConnectColor(emu);
  return emu;
}
