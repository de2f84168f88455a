// npm run bench: figures, not assertions. Runs the bundled action against the emulator with a fixed latency on every
// AWS call and a fixed rollout delay, and prints a markdown table: AWS calls per operation (reads, writes), wall time,
// deploy time ÷ rollout delay, the read phase's depth in round trips, cold start on an invalid input, bundle size.
//
// To compare with aws-actions/amazon-ecs-deploy-task-definition, point ANCHOR_DIST at that action's dist/ folder
// (v2.6.3); its index.js is then started the same way for the cold-start figure and its size is measured.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Emulator, type LoggedRequest } from '../__tests__/emulator/server.js';
import { SAMPLE, sampleInputs, seedHowtoEcsBasics } from '../__tests__/emulator/fixture.js';
import { DIST, inputEnv, MACHINE_NODE, NODE24, runAction } from '../__tests__/support/runAction.js';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const ROLLOUT_MS = Number(process.env.BENCH_ROLLOUT_MS ?? 10_000);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 9);
const ANCHOR_DIST = process.env.ANCHOR_DIST;

const isRead = (r: LoggedRequest) => /^(Describe|List|Get|Discover)/.test(r.operation);

/** Longest chain of requests where each starts after the previous one was answered. */
function roundTrips(requests: LoggedRequest[]): number {
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

function size(dir: string, filter: (f: string) => boolean): number {
  return readdirSync(dir)
    .filter(filter)
    .reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

interface Row {
  operation: string;
  reads: number;
  writes: number;
  readDepth: number;
  seconds: number;
}

async function main(): Promise<void> {
  const emu = await Emulator.start({ latencyMs: LATENCY_MS, rolloutDelayMs: ROLLOUT_MS });
  seedHowtoEcsBasics(emu);
  const rows: Row[] = [];
  const step = async (operation: string, inputs: Record<string, string>) => {
    const from = emu.log.length;
    const run = await runAction(sampleInputs(inputs), { env: emu.env(), node: NODE24 });
    if (run.status !== 0) throw new Error(`${operation} failed: ${run.errors.join('\n')}`);
    const calls = emu.log.slice(from);
    const firstWrite = calls.findIndex((r) => !isRead(r));
    const readPhase = firstWrite < 0 ? calls : calls.slice(0, firstWrite);
    rows.push({
      operation,
      reads: calls.filter(isRead).length,
      writes: calls.length - calls.filter(isRead).length,
      readDepth: roundTrips(readPhase),
      seconds: run.ms / 1000,
    });
  };
  const deploy = { 'task-definition': SAMPLE.v2TaskDefinition, image: 'colorapp:blue', 'canary-weight': '20' };
  try {
    await step('deploy (first canary)', deploy);
    await step('deploy again (no change)', deploy);
    await step('shift 20 → 50', { operation: 'shift', 'canary-weight': '50' });
    await step('shift to the current weight', { operation: 'shift', 'canary-weight': '50' });
    await step('dry-run promote', { operation: 'promote', 'dry-run': 'true' });
    await step('promote', { operation: 'promote' });
    await step('rollback (after promote: scale only)', { operation: 'rollback' });
  } finally {
    await emu.stop();
  }

  const invalid = { ...emu.env(), ...inputEnv(sampleInputs({ 'canary-weight': 'abc' })) };
  const anchorEntry =
    ANCHOR_DIST && existsSync(path.join(ANCHOR_DIST, 'index.js')) ? path.join(ANCHOR_DIST, 'index.js') : undefined;
  const bare = (node: string) => coldStartBare(node);
  const runtimes = [
    { label: `Node ${spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout.trim()}`, node: NODE24 },
    { label: `Node ${spawnSync(MACHINE_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim()}`, node: MACHINE_NODE },
  ];
  const cold = runtimes.map((r) => ({
    ...r,
    bare: bare(r.node),
    ours: coldStart(DIST, invalid, r.node),
    anchor: anchorEntry ? coldStart(anchorEntry, { ...emu.env(), GITHUB_WORKSPACE: '/tmp' }, r.node) : undefined,
  }));
  const distDir = path.dirname(DIST);
  const jsBytes = size(distDir, (f) => f.endsWith('.js'));
  const allBytes = size(distDir, () => true);
  const anchorBytes = ANCHOR_DIST ? size(ANCHOR_DIST, (f) => f.endsWith('.js')) : undefined;

  const deployRow = rows[0];
  console.log(`## ecs-mesh-canary bench\n`);
  console.log(
    `Emulator latency ${LATENCY_MS} ms per AWS call, ECS rollout delay ${ROLLOUT_MS / 1000} s, bundled action on Node ${spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout.trim()}.\n`,
  );
  console.log('| operation | AWS reads | AWS writes | calls in all | read phase (round trips) | wall time (s) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows)
    console.log(
      `| ${r.operation} | ${r.reads} | ${r.writes} | ${r.reads + r.writes} | ${r.readDepth} | ${r.seconds.toFixed(2)} |`,
    );
  console.log('');
  console.log('| figure | value |');
  console.log('|---|---:|');
  console.log(
    `| deploy wall time ÷ rollout delay | ${(deployRow.seconds / (ROLLOUT_MS / 1000)).toFixed(3)} (${deployRow.seconds.toFixed(2)} s; target ≤ 1.1 × ${ROLLOUT_MS / 1000} + 2 = ${(1.1 * (ROLLOUT_MS / 1000) + 2).toFixed(1)} s) |`,
  );
  for (const c of cold) {
    console.log(`| ${c.label}: \`node -e 0\` (the runtime alone), median of ${COLD_RUNS} | ${c.bare.toFixed(0)} ms |`);
    console.log(`| ${c.label}: cold start on an invalid input, this action | ${c.ours.toFixed(0)} ms |`);
    if (c.anchor !== undefined) {
      console.log(
        `| ${c.label}: cold start on an invalid input, amazon-ecs-deploy-task-definition | ${c.anchor.toFixed(0)} ms |`,
      );
      console.log(`| ${c.label}: cold start ratio (target ≤ 0.6) | ${(c.ours / c.anchor).toFixed(2)} |`);
    }
  }
  console.log(`| dist/*.js bytes (this action) | ${jsBytes.toLocaleString('en-US')} |`);
  console.log(`| dist/ bytes with licenses.txt (this action) | ${allBytes.toLocaleString('en-US')} |`);
  if (anchorBytes !== undefined) {
    console.log(`| dist/*.js bytes (amazon-ecs-deploy-task-definition) | ${anchorBytes.toLocaleString('en-US')} |`);
    console.log(`| size ratio, JS (target ≤ 0.75) | ${(jsBytes / anchorBytes).toFixed(2)} |`);
    console.log(`| size ratio, whole dist/ (target ≤ 0.75) | ${(allBytes / anchorBytes).toFixed(2)} |`);
  } else {
    console.log(`| anchor | set ANCHOR_DIST to amazon-ecs-deploy-task-definition's dist/ to compare |`);
  }
}

await main();
