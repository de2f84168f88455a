// The one-service shape, proved with a test double: a provider with no canary service (ECS shifts traffic between two
// revisions of one service) goes through the same inputs → read → plan → apply → report, against the emulator's ECS.
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readOutputs } from '../../emulator/outputs.js';
import { SAMPLE, seedHowtoEcsBasics } from '../../emulator/fixture.js';
import { Emulator } from '../../emulator/server.js';
import type { InputError } from '../../src/errors.js';
import { readSettings } from '../../src/inputs.js';
import type { Plan } from '../../src/plan/types.js';
import { execute } from '../../src/run/index.js';
import { PROVIDERS } from '../../src/traffic/registry.js';
import { backend, KINDS, resetBackend } from '../support/revisionDouble/index.js';
import { revisionDouble } from '../support/revisionDouble/entry.js';

/** The registry as a new provider extends it: its folder, and one line. */
const REGISTRY = [...PROVIDERS, revisionDouble];

const dir = mkdtempSync(path.join(tmpdir(), 'one-service-'));
const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md') };
const savedEnv = { ...process.env };
let emu: Emulator;

beforeAll(async () => {
  emu = await Emulator.start({ region: 'ap-northeast-1', rolloutDelayMs: 0 });
  seedHowtoEcsBasics(emu);
  process.env = { ...savedEnv, ...emu.env(), GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary };
  delete process.env.GITHUB_EVENT_NAME;
  resetBackend();
});
beforeEach(() => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => {
  process.env = savedEnv;
  return emu.stop();
});

const BASE = {
  'traffic-provider': 'revision-double',
  cluster: SAMPLE.cluster,
  'stable-service': SAMPLE.stableService,
  'pr-comment': 'false',
};
const settingsOf = (inputs: Record<string, string>) =>
  readSettings((name) => ({ ...BASE, ...inputs })[name] ?? '', undefined, undefined, REGISTRY);

async function run(inputs: Record<string, string>) {
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const plans: Plan[] = [];
  await execute(settingsOf(inputs), { registry: REGISTRY, sleep: async () => {}, onPlan: (p) => plans.push(p) });
  return { plan: plans[0], outputs: readOutputs(files.output), summary: readFileSync(files.summary, 'utf8') };
}

const ecsServiceChanges = (plan: Plan) => plan.changes.filter((c) => c.resource.type === 'ECS service');
const mutatingEcs = () => emu.calls({ mutating: true }).filter((c) => c.service === 'ecs');

test('canary-service is refused: the one service shifts between its own revisions', () => {
  const problems = () => {
    try {
      settingsOf({ 'canary-service': 'color-v2', image: 'colorapp:blue' });
      return [];
    } catch (err) {
      return (err as InputError).problems.map((p) => `${p.input}: ${p.message}`);
    }
  };
  expect(problems()).toEqual([
    'canary-service: is not used with traffic-provider: revision-double, where ECS shifts traffic between two revisions of stable-service itself; remove it',
  ]);
  expect(settingsOf({ image: 'colorapp:blue' }).canary.service).toBe('');
});

test('deploy registers a revision in the service’s own family and hands it to the provider: no canary service', async () => {
  const before = mutatingEcs().length;
  const { plan, outputs, summary } = await run({ image: 'colorapp:blue', 'canary-weight': '10' });
  expect(plan.changes.map((c) => c.kind)).toEqual(['ecs.register-task-definition', KINDS.start]);
  expect(ecsServiceChanges(plan)).toEqual([]);
  expect(plan.services.map((s) => [s.name, s.role])).toEqual([[SAMPLE.stableService, 'stable']]);
  const registered = outputs['task-definition-arn'];
  expect(registered).toMatch(/:task-definition\/howto-ecs-basics-color:\d+$/);
  expect(backend).toEqual({ revision: registered, weights: { stable: 90, canary: 10 }, status: 'IN_PROGRESS' });
  expect(
    mutatingEcs()
      .slice(before)
      .map((c) => c.operation),
  ).toEqual(['RegisterTaskDefinition']);
  expect([outputs['stable-weight'], outputs['canary-weight']]).toEqual(['90', '10']);
  expect(summary).toContain('10 % of traffic to new revision');
});

test('shift moves the deployment, promote finishes it, a rerun converges, rollback undoes a new one', async () => {
  const shift = await run({ operation: 'shift', 'canary-weight': '50' });
  expect(shift.plan.changes.map((c) => [c.kind, c.after])).toEqual([[KINDS.step, 'stable 50 / canary 50']]);
  expect(backend.weights).toEqual({ stable: 50, canary: 50 });
  expect((await run({ operation: 'shift', 'canary-weight': '50' })).plan.changes).toEqual([]);

  const promote = await run({ operation: 'promote' });
  expect(promote.plan.changes.map((c) => c.kind)).toEqual([KINDS.finish]);
  expect(backend.status).toBe('SUCCESSFUL');

  await run({ image: 'colorapp:green', 'canary-weight': '20' });
  const rollback = await run({ operation: 'rollback' });
  expect(rollback.plan.changes.map((c) => [c.kind, c.after])).toEqual([[KINDS.step, 'stable 100 / canary 0']]);
  expect(backend).toMatchObject({ weights: { stable: 100, canary: 0 }, status: 'ROLLED_BACK' });
  for (const { plan } of [shift, promote, rollback]) expect(ecsServiceChanges(plan)).toEqual([]);
});
