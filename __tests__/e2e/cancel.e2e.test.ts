// A cancelled workflow run: GitHub sends SIGINT (then SIGTERM, then kills). The bundled action stops at the next safe
// point, keeps nothing unsafe (a drained canary stays at 0 while its new rollout is unfinished), writes the summary
// and outputs, and exits non-zero.
import { Emulator } from '../../emulator/server.js';
import { SAMPLE, sampleInputs, seedHowtoEcsBasics } from '../../emulator/fixture.js';
import { runAction } from '../../emulator/runAction.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await Emulator.start({ rolloutDelayMs: 100 });
  seedHowtoEcsBasics(emu);
});
afterAll(() => emu.stop());

const deploy = (image: string, signal?: NodeJS.Signals) =>
  runAction(sampleInputs({ 'task-definition': SAMPLE.v2TaskDefinition, image, 'canary-weight': '30' }), {
    env: emu.env(),
    signal: signal && { when: /rollout IN_PROGRESS/, signal },
  });

test.each(['SIGINT', 'SIGTERM'] as const)(
  '%s during a rollout wait: summary and outputs written, exit 1, canary kept at 0',
  async (signal) => {
    expect((await deploy('colorapp:blue')).status).toBe(0);
    emu.ecs.heldRollouts.add(SAMPLE.canaryService); // IN_PROGRESS until the run was cancelled, however slow the machine
    const started = Date.now();
    const cancelled = await deploy(`colorapp:blue-${signal.toLowerCase()}`, signal);
    emu.ecs.heldRollouts.delete(SAMPLE.canaryService);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(cancelled.status).toBe(1);
    expect(cancelled.errors).toHaveLength(1);
    expect(cancelled.errors[0]).toMatch(
      new RegExp(
        `^Cancelled \\(${signal}\\): the run stopped at the next safe point \\(at: wait ECS service color-v2\\)`,
      ),
    );
    expect(cancelled.errors[0]).toMatch(
      /Kept on purpose: route .* stays at stable 100 \/ canary 0 while the canary rolls out/,
    );
    expect(cancelled.summary).toContain('## Canary deploy cancelled');
    expect(cancelled.outputs).toMatchObject({
      'stable-weight': '100',
      'canary-weight': '0',
      'previous-canary-weight': '30',
    });
    expect(emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 500).failures).toBe(0);
    const rerun = await deploy(`colorapp:blue-${signal.toLowerCase()}`);
    expect([rerun.status, rerun.outputs['canary-weight']]).toEqual([0, '30']);
  },
);
