// Nothing secret in any log: a task definition whose app container carries a plain environment value that must stay
// private (DB_PASSWORD) and a Secrets Manager reference (API_KEY, whose ARN may be shown: the secret's value never
// exists in the action), deployed, dry-run, shifted, promoted, rolled back, failed and stopped through the bundled
// action on both providers, with step debugging on and the pull-request comment enabled. The value must reach AWS
// (RegisterTaskDefinition) and nothing else: not stdout, stderr, the job summary, any output (the plan included) or
// the PR comment. The AWS secret key, session token and GitHub token appear only in the `::add-mask::` line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Emulator } from '../../emulator/server.js';
import {
  LATTICE_SAMPLE,
  latticeColorTaskDefinition,
  latticeInputs,
  SAMPLE,
  sampleInputs,
  seedHowtoEcsBasics,
  seedLatticeColor,
} from '../../emulator/fixture.js';
import { FakeGitHub } from '../support/fakeGitHub.js';
import { type ActionRun, runAction } from '../../emulator/runAction.js';

const SECRET = 'canary-secret-7f3a9c';
const SECRET_ARN = 'arn:aws:secretsmanager:ap-northeast-1:893075211920:secret:api-key';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLEsessionTOKEN0123456789';
const GITHUB_TOKEN = 'ghs_fake_token';

const dir = mkdtempSync(path.join(tmpdir(), 'secrets-'));

/** A task definition whose app container gets DB_PASSWORD (a plain value) and API_KEY (a secret reference). */
function withSecrets(def: Record<string, any>, app: string, name: string): string {
  const copy = structuredClone(def);
  const container = copy.containerDefinitions.find((c: { name: string }) => c.name === app);
  container.environment = [...(container.environment ?? []), { name: 'DB_PASSWORD', value: SECRET }];
  container.secrets = [{ name: 'API_KEY', valueFrom: SECRET_ARN }];
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(copy, null, 2));
  return file;
}

interface Provider {
  name: string;
  seed(emu: Emulator): void;
  inputs(over: Record<string, string>): Record<string, string>;
  taskDefinition(): string;
  pr: number;
}

const providers: Provider[] = [
  {
    name: 'App Mesh',
    seed: seedHowtoEcsBasics,
    inputs: sampleInputs,
    taskDefinition: () =>
      withSecrets(
        JSON.parse(readFileSync(SAMPLE.v2TaskDefinition, 'utf8')),
        'app',
        'color-v2-with-secrets-task-definition.json',
      ),
    pr: 7,
  },
  {
    name: 'VPC Lattice',
    seed: (emu) => void seedLatticeColor(emu),
    inputs: latticeInputs,
    taskDefinition: () =>
      withSecrets(latticeColorTaskDefinition('blue'), LATTICE_SAMPLE.container, 'lattice-with-secrets.json'),
    pr: 8,
  },
];

describe.each(providers)('$name: the value of DB_PASSWORD reaches AWS and nothing else', (p) => {
  let emu: Emulator;
  let github: FakeGitHub;
  let file: string;
  const runs: ActionRun[] = [];

  beforeAll(async () => {
    emu = await Emulator.start({ region: 'ap-northeast-1', rolloutDelayMs: 100, latticeHealthyAfterPolls: 1 });
    p.seed(emu);
    github = await new FakeGitHub().start();
    file = p.taskDefinition();
  });
  afterAll(async () => {
    await github.stop();
    await emu.stop();
  });

  const env = () => ({
    ...emu.env(),
    AWS_SESSION_TOKEN: SESSION_TOKEN,
    GITHUB_API_URL: github.url,
    ACTIONS_STEP_DEBUG: 'true',
    RUNNER_DEBUG: '1',
  });

  async function run(over: Record<string, string>): Promise<ActionRun> {
    const result = await runAction(p.inputs({ 'github-token': GITHUB_TOKEN, ...over }), {
      env: env(),
      eventName: 'pull_request',
      event: { pull_request: { number: p.pr } },
    });
    runs.push(result);
    return result;
  }

  /** Every place a run writes that a person or another step can read, by name. */
  function places(result: ActionRun): Record<string, string> {
    const comments = [...github.comments.values()].flat();
    return {
      stdout: result.stdout,
      stderr: result.stderr,
      summary: result.summary,
      ...Object.fromEntries(Object.entries(result.outputs).map(([name, value]) => [`output ${name}`, value])),
      ...Object.fromEntries(comments.map((c) => [`PR comment ${c.id}`, c.body])),
    };
  }

  function expectNothingSecret(result: ActionRun): void {
    const where = (text: string) =>
      Object.entries(places(result))
        .filter(([, value]) => value.includes(text))
        .map(([name]) => name);
    expect(where(SECRET)).toEqual([]);
    const key = emu.env().AWS_SECRET_ACCESS_KEY;
    for (const credential of [key, SESSION_TOKEN, GITHUB_TOKEN]) {
      expect(where(credential)).toEqual(result.stdout.includes(credential) ? ['stdout'] : []);
      const lines = result.stdout.split('\n').filter((l) => l.includes(credential));
      expect(lines).toEqual([`::add-mask::${credential}`]);
    }
  }

  test('dry-run deploy: the plan names DB_PASSWORD, its value is redacted', async () => {
    const result = await run({ 'task-definition': file, 'canary-weight': '20', 'dry-run': 'true' });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.outputs.plan).toContain('DB_PASSWORD');
    expect(result.outputs.plan).toContain('"***"');
    expect(result.stdout).toContain('Dry run: no change made. Plan:');
    expectNothingSecret(result);
  });

  test('deploy at 20 %', async () => {
    const result = await run({ 'task-definition': file, 'canary-weight': '20' });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('::debug::RegisterTaskDefinition'); // the debug log shows the request
    expect(result.stdout).toContain(`Pull request #${p.pr}: comment created.`);
    expectNothingSecret(result);
  });

  test('shift to 50 %', async () => {
    const result = await run({ operation: 'shift', 'canary-weight': '50' });
    expect(result.status).toBe(0);
    expectNothingSecret(result);
  });

  test('promote (the stable service gets the canary revision, read back from AWS)', async () => {
    const result = await run({ operation: 'promote' });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expectNothingSecret(result);
  });

  test('deploy again, then roll back', async () => {
    const deploy = await run({ 'task-definition': file, image: 'colorapp:v3', 'canary-weight': '30' });
    expect(deploy.errors).toEqual([]);
    expect(deploy.status).toBe(0);
    expectNothingSecret(deploy);
    const rollback = await run({ operation: 'rollback' });
    expect(rollback.errors).toEqual([]);
    expect(rollback.status).toBe(0);
    expectNothingSecret(rollback);
  });

  test('a failing run (UpdateService denied after the revision is registered)', async () => {
    const before = emu.log.length;
    emu.inject({ service: 'ecs', operation: 'UpdateService', error: 'AccessDeniedException', message: 'Denied' });
    const result = await run({ 'task-definition': file, image: 'colorapp:v4', 'canary-weight': '20' });
    expect(result.status).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/UpdateService/);
    expect(emu.log.slice(before).map((r) => r.operation)).toContain('RegisterTaskDefinition');
    expect(result.summary).toContain('failed');
    expectNothingSecret(result);
  });

  test('a stopped run (the stable service does not exist)', async () => {
    const result = await run({ 'task-definition': file, 'stable-service': 'no-such-service', 'canary-weight': '20' });
    expect(result.status).toBe(1);
    expect(result.summary).toContain('stopped before any change');
    expectNothingSecret(result);
  });

  test('AWS received the value and the reference: the action really carried them', () => {
    const registered = emu.log.filter((r) => r.operation === 'RegisterTaskDefinition' && !r.error);
    const carrying = registered.filter((r) => JSON.stringify(r.input).includes(SECRET));
    // deploy, promote (stable gets the canary's revision), deploy again, the failed deploy
    expect(carrying.length).toBeGreaterThanOrEqual(3);
    for (const r of carrying) {
      const containers = r.input.containerDefinitions as {
        environment?: { name: string; value: string }[];
        secrets?: { name: string; valueFrom: string }[];
      }[];
      const app = containers.find((c) => c.environment?.some((e) => e.name === 'DB_PASSWORD'))!;
      expect(app.environment).toContainEqual({ name: 'DB_PASSWORD', value: SECRET });
      expect(app.secrets).toEqual([{ name: 'API_KEY', valueFrom: SECRET_ARN }]);
    }
    expect(runs.length).toBe(8);
    expect([...github.comments.get(p.pr)!].length).toBe(1);
  });
});
