// npm run bench: figures, not assertions. Runs the bundled action against the emulator with a fixed latency on every
// AWS call and a fixed rollout delay, on App Mesh and on VPC Lattice, and prints markdown tables — AWS calls per
// operation (reads, writes), wall time, deploy time ÷ rollout delay, the read phase's depth in round trips, cold start
// on an invalid input, bundle size — and writes them to docs/bench.md, where the README's figures come from
// (__tests__/bench.test.ts checks that they do, and that the size figures are those of dist/ as it is).
//
// npm run bench:sizes (`--sizes-only`) rewrites only the size section of docs/bench.md, from dist/ as it is, in a
// second: run it after a build changed dist/.
//
// To compare with aws-actions/amazon-ecs-deploy-task-definition, point ANCHOR_DIST at that action's dist/ folder
// (v2.6.3); its index.js is then started the same way for the cold-start figure and its size is measured.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Emulator, type LoggedRequest } from '../emulator/server.js';
import {
  albInputs,
  latticeInputs,
  SAMPLE,
  sampleInputs,
  seedAlbColor,
  seedHowtoEcsBasics,
  seedLatticeColor,
} from '../emulator/fixture.js';
import { nativeInputs, seedServiceConnectColor } from '../emulator/ecsNativeFixture.js';
import { DIST, inputEnv, MACHINE_NODE, NODE24, runAction } from '../emulator/runAction.js';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const ROLLOUT_MS = Number(process.env.BENCH_ROLLOUT_MS ?? 10_000);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 9);
const ANCHOR_DIST = process.env.ANCHOR_DIST;
export const BENCH_MD = fileURLToPath(new URL('../docs/bench.md', import.meta.url));
export const SIZES_START = '<!-- sizes:start (npm run bench:sizes rewrites this section from dist/) -->';
export const SIZES_END = '<!-- sizes:end -->';
/** The label of the anchor's size line, whose byte count --sizes-only keeps. */
const ANCHOR_LABEL = 'dist/*.js bytes (amazon-ecs-deploy-task-definition)';

const isRead = (r: LoggedRequest) => /^(Describe|List|Get|Discover)/.test(r.operation);

/** Longest chain of requests where each starts after the previous one was answered. */
export function roundTrips(requests: LoggedRequest[]): number {
  const depth: number[] = [];
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  sorted.forEach((r, i) => {
    depth[i] = 1 + Math.max(0, ...sorted.slice(0, i).map((q, j) => (q.end <= r.start ? depth[j] : 0)));
  });
  return Math.max(0, ...depth);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function coldStart(entry: string, env: Record<string, string>, node = NODE24): number {
  const times: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const started = process.hrtime.bigint();
    const result = spawnSync(node, [entry], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (result.status !== 1 || !result.stdout.includes('::error::'))
      throw new Error(`expected an input error from ${entry}, got ${result.status}: ${result.stdout}`);
  }
  return median(times);
}

function coldStartBare(node: string): number {
  const times: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const started = process.hrtime.bigint();
    spawnSync(node, ['-e', '0']);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

/** Bytes of the files of a folder that pass `filter`. */
export function size(dir: string, filter: (f: string) => boolean): number {
  return readdirSync(dir)
    .filter(filter)
    .reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

/** `2,281,233 (2.28 MB)`: bytes, and megabytes of 10^6 bytes. */
export const bytes = (n: number) => `${n.toLocaleString('en-US')} (${(n / 1e6).toFixed(2)} MB)`;

/** The size section of docs/bench.md: dist/ as it is, and the anchor's JS when its byte count is known. */
export function sizeSection(distDir: string, anchorBytes?: number): string {
  const jsBytes = size(distDir, (f) => f.endsWith('.js'));
  const allBytes = size(distDir, () => true);
  const lines = [
    SIZES_START,
    '## Bundle size',
    '',
    '| figure | value |',
    '|---|---:|',
    `| dist/*.js bytes (this action) | ${bytes(jsBytes)} |`,
    `| dist/ bytes with licenses.txt (this action) | ${bytes(allBytes)} |`,
  ];
  if (anchorBytes !== undefined) {
    lines.push(`| ${ANCHOR_LABEL} | ${bytes(anchorBytes)} |`);
    lines.push(`| size ratio, JS (target ≤ 0.75) | ${(jsBytes / anchorBytes).toFixed(2)} |`);
    lines.push(`| size ratio, whole dist/ (target ≤ 0.75) | ${(allBytes / anchorBytes).toFixed(2)} |`);
  } else {
    lines.push(`| anchor | set ANCHOR_DIST to amazon-ecs-deploy-task-definition's dist/ to compare |`);
  }
  return [...lines, SIZES_END].join('\n');
}

interface Row {
  provider: string;
  operation: string;
  reads: number;
  writes: number;
  readDepth: number;
  seconds: number;
}

interface Scenario {
  provider: string;
  seed(emu: Emulator): void;
  inputs(over: Record<string, string>): Record<string, string>;
  steps: [string, Record<string, string>][];
}

/** The operations every provider is measured on, from a first canary at `weight` to a walk of three steps. */
function operations(deploy: Record<string, string>, weight: number): [string, Record<string, string>][] {
  const first = { ...deploy, 'canary-weight': String(weight) };
  const next = { ...first, image: 'colorapp:purple' };
  return [
    ['deploy (first canary)', first],
    ['deploy again (no change)', first],
    [`shift ${weight} → 50`, { operation: 'shift', 'canary-weight': '50' }],
    ['shift to the current weight', { operation: 'shift', 'canary-weight': '50' }],
    ['dry-run promote', { operation: 'promote', 'dry-run': 'true' }],
    ['promote', { operation: 'promote' }],
    ['rollback (after promote: nothing to move)', { operation: 'rollback' }],
    ['deploy (a new canary)', next],
    ['rollback', { operation: 'rollback' }],
    [
      'deploy walking 10, 20, 30 (0.6 s bakes)',
      { ...next, 'canary-weight': '', steps: '10,20,30', 'step-minutes': '0.01' },
    ],
  ];
}

const APP_MESH_DEPLOY = { 'task-definition': SAMPLE.v2TaskDefinition, image: 'colorapp:blue' };
const IMAGE_DEPLOY = { image: 'colorapp:blue' };
const SCENARIOS: Scenario[] = [
  { provider: 'App Mesh', seed: seedHowtoEcsBasics, inputs: sampleInputs, steps: operations(APP_MESH_DEPLOY, 20) },
  {
    provider: 'VPC Lattice',
    seed: (emu) => void seedLatticeColor(emu),
    inputs: latticeInputs,
    steps: operations(IMAGE_DEPLOY, 20),
  },
  { provider: 'ALB', seed: (emu) => void seedAlbColor(emu), inputs: albInputs, steps: operations(IMAGE_DEPLOY, 20) },
  // ECS shifts in whole steps: a first canary at 10 % makes the deployment's step 10, which 50 and the walk divide.
  {
    provider: 'ECS-native',
    seed: (emu) => void seedServiceConnectColor(emu),
    inputs: nativeInputs,
    steps: operations(IMAGE_DEPLOY, 10),
  },
];

/** Runs a scenario's steps on a fresh emulator (the two samples both own ECS service `color`). */
async function runScenario(s: Scenario): Promise<Row[]> {
  const emu = await Emulator.start({ latencyMs: LATENCY_MS, rolloutDelayMs: ROLLOUT_MS });
  const rows: Row[] = [];
  try {
    s.seed(emu);
    for (const [operation, inputs] of s.steps) {
      const from = emu.log.length;
      const run = await runAction(s.inputs(inputs), { env: emu.env(), node: NODE24, timeoutMs: 180_000 });
      if (run.status !== 0) throw new Error(`${s.provider} ${operation} failed: ${run.errors.join('\n')}`);
      const calls = emu.log.slice(from);
      const firstWrite = calls.findIndex((r) => !isRead(r));
      const readPhase = firstWrite < 0 ? calls : calls.slice(0, firstWrite);
      rows.push({
        provider: s.provider,
        operation,
        reads: calls.filter(isRead).length,
        writes: calls.length - calls.filter(isRead).length,
        readDepth: roundTrips(readPhase),
        seconds: run.ms / 1000,
      });
    }
  } finally {
    await emu.stop();
  }
  return rows;
}

const version = (node: string) => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();

async function bench(): Promise<string[]> {
  const rows: Row[] = [];
  for (const s of SCENARIOS) rows.push(...(await runScenario(s)));

  // An invalid input fails before the AWS SDK is loaded: the endpoint is never called.
  const emu = { env: () => ({ ...new Emulator().env(), AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }) };
  const invalid = { ...emu.env(), ...inputEnv(sampleInputs({ 'canary-weight': 'abc' })) };
  const anchorEntry =
    ANCHOR_DIST && existsSync(path.join(ANCHOR_DIST, 'index.js')) ? path.join(ANCHOR_DIST, 'index.js') : undefined;
  const runtimes = [
    { label: `Node ${version(NODE24)}`, node: NODE24 },
    { label: `Node ${version(MACHINE_NODE)}`, node: MACHINE_NODE },
  ];
  const cold = runtimes.map((r) => ({
    ...r,
    bare: coldStartBare(r.node),
    ours: coldStart(DIST, invalid, r.node),
    anchor: anchorEntry ? coldStart(anchorEntry, { ...emu.env(), GITHUB_WORKSPACE: '/tmp' }, r.node) : undefined,
  }));
  const anchorBytes = ANCHOR_DIST ? size(ANCHOR_DIST, (f) => f.endsWith('.js')) : undefined;

  const cpu = cpus();
  const out = [
    '# ecs-mesh-canary bench',
    '',
    `Written by \`npm run bench\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 10)}, on ${cpu.length} CPU cores (${cpu[0]?.model.trim()}): the emulator answers every AWS call after ${LATENCY_MS} ms, an ECS rollout takes ${ROLLOUT_MS / 1000} s, the bundled action runs on Node ${version(NODE24)}. The README's figures are quoted from here (__tests__/bench.test.ts checks that they are).`,
    '',
    '## AWS calls and wall time per operation',
    '',
    '| provider | operation | AWS reads | AWS writes | calls in all | read phase (round trips) | wall time (s) |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.provider} | ${r.operation} | ${r.reads} | ${r.writes} | ${r.reads + r.writes} | ${r.readDepth} | ${r.seconds.toFixed(2)} |`,
    ),
    '',
    '## Deploy time and cold start',
    '',
    '| figure | value |',
    '|---|---:|',
  ];
  for (const r of rows.filter((row) => row.operation === 'deploy (first canary)')) {
    const ratio = r.seconds / (ROLLOUT_MS / 1000);
    out.push(
      `| ${r.provider}: deploy wall time ÷ rollout delay | ${ratio.toFixed(3)} (${r.seconds.toFixed(2)} s; target ≤ 1.1 × ${ROLLOUT_MS / 1000} + 2 = ${(1.1 * (ROLLOUT_MS / 1000) + 2).toFixed(1)} s) |`,
    );
  }
  for (const c of cold) {
    out.push(`| ${c.label}: \`node -e 0\` (the runtime alone), median of ${COLD_RUNS} | ${c.bare.toFixed(0)} ms |`);
    out.push(
      `| ${c.label}: cold start on an invalid input, this action, median of ${COLD_RUNS} | ${c.ours.toFixed(0)} ms |`,
    );
    if (c.anchor !== undefined) {
      out.push(
        `| ${c.label}: cold start on an invalid input, amazon-ecs-deploy-task-definition, median of ${COLD_RUNS} | ${c.anchor.toFixed(0)} ms |`,
      );
      out.push(`| ${c.label}: cold start ratio (target ≤ 0.6) | ${(c.ours / c.anchor).toFixed(2)} |`);
    }
  }
  out.push('', sizeSection(path.dirname(DIST), anchorBytes));
  return out;
}

/** The anchor's JS bytes as docs/bench.md states them, if it does. */
function anchorBytesIn(text: string): number | undefined {
  const m = new RegExp(`\\| ${ANCHOR_LABEL.replace(/[.*()/]/g, '\\$&')} \\| ([\\d,]+) `).exec(text);
  return m ? Number(m[1].replace(/,/g, '')) : undefined;
}

async function main(): Promise<void> {
  if (process.argv.includes('--sizes-only')) {
    const text = readFileSync(BENCH_MD, 'utf8');
    const start = text.indexOf(SIZES_START);
    const end = text.indexOf(SIZES_END);
    if (start < 0 || end < 0) throw new Error(`${BENCH_MD} has no size section: run npm run bench`);
    const section = sizeSection(path.dirname(DIST), anchorBytesIn(text));
    writeFileSync(BENCH_MD, text.slice(0, start) + section + text.slice(end + SIZES_END.length));
    console.log(section);
    return;
  }
  const out = await bench();
  console.log(out.join('\n'));
  writeFileSync(BENCH_MD, `${out.join('\n')}\n`);
  console.error(`\nwritten to ${path.relative(process.cwd(), BENCH_MD)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
