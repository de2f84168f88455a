// npm run bench: figures, not assertions. Runs the bundled action against the emulator with a fixed latency on every
// AWS call and a fixed rollout delay, on every provider of the registry, and prints markdown tables — AWS calls per
// operation (reads, writes), wall time, the floor of each operation that does not wait on ECS (scripts/benchFloors.ts)
// and the ratios to it, the targets met or not, deploy time ÷ rollout delay, the read phase's depth in round trips, cold start
// on an invalid input, bundle size and the JS a deploy loads — and writes them to docs/bench.md, where the README's
// figures come from (__tests__/bench.test.ts checks that they do, and that the size figures are those of dist/ as it
// is).
//
// npm run bench:sizes (`--sizes-only`) rewrites only the size section of docs/bench.md, from dist/ as it is, in a few
// seconds (a first deploy on each provider, with a short rollout, for the JS it loads): run it after a build changed
// dist/.
//
// To compare with aws-actions/amazon-ecs-deploy-task-definition, point ANCHOR_DIST at that action's dist/ folder
// (v2.6.3); its index.js is then started the same way for the cold-start figure and for what it loads, and its size
// is measured (--sizes-only without ANCHOR_DIST keeps the anchor's line docs/bench.md has).
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
import { FLOORS, floorKey, type Target, WHY_NOT } from './benchFloors.js';
import { DIST, inputEnv, MACHINE_NODE, NODE24, runAction } from '../emulator/runAction.js';
import { type Loaded, loadedByAnchor, loadedByDeploys } from './loadedBytes.js';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const ROLLOUT_MS = Number(process.env.BENCH_ROLLOUT_MS ?? 10_000);
const HEALTHY_AFTER_MS = Number(process.env.BENCH_HEALTHY_AFTER_MS ?? 300);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 9);
const ANCHOR_DIST = process.env.ANCHOR_DIST;
export const BENCH_MD = fileURLToPath(new URL('../docs/bench.md', import.meta.url));
export const SIZES_START = '<!-- sizes:start (npm run bench:sizes rewrites this section from dist/) -->';
export const SIZES_END = '<!-- sizes:end -->';
/** The start of the label of the anchor's size line, which --sizes-only keeps. */
const ANCHOR_LABEL = 'index.js bytes (amazon-ecs-deploy-task-definition';

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

/** The anchor's size line: its index.js bytes, and what it loads on an invalid input. */
export interface AnchorLine {
  label: string;
  bytes: number;
}

export async function anchorLine(anchorDist: string): Promise<AnchorLine> {
  const bytes = statSync(path.join(anchorDist, 'index.js')).size;
  const loaded = await loadedByAnchor(anchorDist);
  const also = loaded.bytes - bytes;
  const what = also === 0 ? 'all it loads on an invalid input' : `an invalid input loads ${also} bytes more`;
  return { label: `${ANCHOR_LABEL}; ${what})`, bytes };
}

/** `index.js, 212, 356`: the files of a Loaded, chunks by number. */
const fileList = (l: Loaded) => l.files.map((f) => f.replace(/\.index\.js$/, '')).join(', ');

/** The size section of docs/bench.md: dist/ as it is, the JS a first deploy loads per provider, and the anchor's. */
export function sizeSection(distDir: string, loaded: Record<string, Loaded>, anchor?: AnchorLine): string {
  const jsBytes = size(distDir, (f) => f.endsWith('.js'));
  const allBytes = size(distDir, () => true);
  const lines = [
    SIZES_START,
    '## Bundle size',
    '',
    'A deploy loads index.js and the chunks of the AWS clients it uses (scripts/loadedBytes.ts records them), ' +
      "not all of dist/; the ratios are to the anchor's index.js.",
    '',
    '| figure | value |',
    '|---|---:|',
    `| dist/*.js bytes (this action) | ${bytes(jsBytes)} |`,
    `| dist/ bytes with licenses.txt (this action) | ${bytes(allBytes)} |`,
    ...Object.entries(loaded).map(([p, l]) => `| JS loaded by a deploy, ${p} (${fileList(l)}) | ${bytes(l.bytes)} |`),
  ];
  if (anchor !== undefined) {
    lines.push(`| ${anchor.label} | ${bytes(anchor.bytes)} |`);
    for (const [p, l] of Object.entries(loaded))
      lines.push(`| ratio, JS loaded by a deploy on ${p} (target ≤ 0.75) | ${(l.bytes / anchor.bytes).toFixed(2)} |`);
  } else {
    lines.push(`| anchor | set ANCHOR_DIST to amazon-ecs-deploy-task-definition's dist/ to compare |`);
  }
  return [...lines, SIZES_END].join('\n');
}

const floorOf = (r: Row) => {
  const key = floorKey(r.operation);
  return key ? FLOORS[r.provider]?.[key] : undefined;
};

/** Each provider against the targets of issue 22, met or not, with why not where it is known. */
function targetLines(rows: Row[]): string[] {
  const limit = 1.1 * (ROLLOUT_MS / 1000) + 2;
  const lines = [
    '## Targets',
    '',
    `| provider | deploy ≤ ${limit.toFixed(1)} s | shift ≤ 5 calls, 1 write | shift to the current weight ≤ the shift's reads, 0 writes | read phase ≤ 3 round trips |`,
    '|---|---|---|---|---|',
  ];
  for (const provider of [...new Set(rows.map((r) => r.provider))]) {
    const of = rows.filter((r) => r.provider === provider);
    const deploy = of.find((r) => r.operation === 'deploy (first canary)')!;
    const shift = of.find((r) => floorKey(r.operation) === 'shift')!;
    const same = of.find((r) => r.operation === 'shift to the current weight')!;
    const depth = Math.max(...of.map((r) => r.readDepth));
    const cell = (target: Target, met: boolean, figure: string) =>
      met
        ? `met (${figure})`
        : `**not met** (${figure})${WHY_NOT[provider]?.[target] ? `: ${WHY_NOT[provider]![target]}` : ''}`;
    lines.push(
      `| ${provider} | ${cell('deploy', deploy.seconds <= limit, `${deploy.seconds.toFixed(2)} s`)} | ${cell('shift', shift.reads + shift.writes <= 5 && shift.writes === 1, `${shift.reads + shift.writes} calls, ${shift.writes} write${shift.writes === 1 ? '' : 's'}`)} | ${cell('rerun', same.reads <= shift.reads && same.writes === 0, `${same.reads} reads against ${shift.reads}, ${same.writes} writes`)} | ${cell('depth', depth <= 3, `at most ${depth}`)} |`,
    );
  }
  return [
    ...lines,
    '',
    "A read phase here is every call before a run's first write: the pre-write checks of apply (target health, the re-read before a write) count too.",
    '',
  ];
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
  // Lattice targets, like ALB's, pass their health checks a fixed time after the checks start (not after a count of polls).
  const emu = await Emulator.start({
    latencyMs: LATENCY_MS,
    rolloutDelayMs: ROLLOUT_MS,
    elbv2HealthyAfterMs: HEALTHY_AFTER_MS,
    latticeHealthyAfterMs: HEALTHY_AFTER_MS,
    latticeHealthyAfterPolls: Number.MAX_SAFE_INTEGER,
  });
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
  const anchor = ANCHOR_DIST ? await anchorLine(ANCHOR_DIST) : undefined;

  const cpu = cpus();
  const out = [
    '# ecs-mesh-canary bench',
    '',
    `Written by \`npm run bench\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 10)}, on ${cpu.length} CPU cores (${cpu[0]?.model.trim()}): the emulator answers every AWS call after ${LATENCY_MS} ms, an ECS rollout takes ${ROLLOUT_MS / 1000} s, a target of an ALB or Lattice group in use passes its health checks ${HEALTHY_AFTER_MS} ms after its task started, the bundled action runs on Node ${version(NODE24)}. The README's figures are quoted from here (__tests__/bench.test.ts checks that they are).`,
    '',
    '## AWS calls and wall time per operation',
    '',
    'Floor: the fewest calls, and round trips before the first write, the backend allows for the same job (how each is derived: below); operations that wait on ECS are measured by wall time ÷ rollout delay instead.',
    '',
    '| provider | operation | AWS reads | AWS writes | calls in all | read phase (round trips) | wall time (s) | floor: calls, round trips | ÷ floor: calls, round trips |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const floor = floorOf(r);
      const vsFloor = floor
        ? `${floor.calls}, ${floor.depth} | ${((r.reads + r.writes) / floor.calls).toFixed(2)}, ${(r.readDepth / floor.depth).toFixed(2)}`
        : '— | —';
      return `| ${r.provider} | ${r.operation} | ${r.reads} | ${r.writes} | ${r.reads + r.writes} | ${r.readDepth} | ${r.seconds.toFixed(2)} | ${vsFloor} |`;
    }),
    '',
    ...targetLines(rows),
    '## How the floors are derived',
    '',
    "`‖` marks calls that can go side by side, `→` calls that need the answer of the one before. Inputs as the bench gives them: names, and on ALB and VPC Lattice only the stable service (the groups come from its registration). The safety checks count: the canary service is read before its traffic changes, the canary group's targets must be healthy before it gets weight (ALB, VPC Lattice), and the other routes to the canary are read before rollback takes its capacity.",
    '',
    ...Object.entries(FLOORS).flatMap(([provider, ops]) =>
      Object.entries(ops).map(([op, f]) => `- **${provider}, ${op}** (${f.calls} calls, ${f.depth} deep): ${f.why}`),
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
  out.push('', sizeSection(path.dirname(DIST), await loadedByDeploys(), anchor));
  return out;
}

/** The anchor's size line as docs/bench.md states it, if it does. */
function anchorIn(text: string): AnchorLine | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`| ${ANCHOR_LABEL}`));
  const m = line && /^\| (.*) \| ([\d,]+) /.exec(line);
  return m ? { label: m[1], bytes: Number(m[2].replace(/,/g, '')) } : undefined;
}

async function main(): Promise<void> {
  if (process.argv.includes('--sizes-only')) {
    const text = readFileSync(BENCH_MD, 'utf8');
    const start = text.indexOf(SIZES_START);
    const end = text.indexOf(SIZES_END);
    if (start < 0 || end < 0) throw new Error(`${BENCH_MD} has no size section: run npm run bench`);
    const anchor = ANCHOR_DIST ? await anchorLine(ANCHOR_DIST) : anchorIn(text);
    const section = sizeSection(path.dirname(DIST), await loadedByDeploys(), anchor);
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
