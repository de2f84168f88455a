// npm run demo [-- --provider vpc-lattice|alb|ecs-native]: a whole canary of the howto-ecs-basics sample on the
// embedded emulator, no AWS account needed, on App Mesh (default), VPC Lattice, an ALB or ECS-native. Runs the bundled
// action exactly as a workflow would, and after each step shows what a person would check: the weights, what changed,
// and a tally of 1,000 simulated `GET /color` answers. Exits non-zero if a step does not do what it says.
//
// It runs dist/index.js, and builds it first (npm run build, about 45 s) only when dist/ is missing or one of the
// files the build reads changed after dist/ was written; `--build` builds in any case. On a fresh clone the build runs
// once: git writes dist/ before src/, so the sources are the newer files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Emulator } from '../emulator/server.js';
import {
  LATTICE_SAMPLE,
  latticeInputs,
  SAMPLE,
  sampleInputs,
  seedHowtoEcsBasics,
  seedLatticeColor,
  ALB_SAMPLE,
  albInputs,
  albTraffic,
  seedAlbColor,
} from '../emulator/fixture.js';
import { colorAnswers, nativeInputs, seedServiceConnectColor } from '../emulator/ecsNativeFixture.js';
import { runAction, NODE24, type ActionRun } from '../emulator/runAction.js';
import type { TrafficTally } from '../emulator/traffic.js';

const ROLLOUT_DELAY_MS = 1500;
const ROOT = new URL('../', import.meta.url);
/** What `npm run build` reads (src/ whole, the build command and dependencies, compiler options, licence grouping)… */
const BUILD_INPUTS = ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/group-licenses.mjs'];
/** …and what it writes. */
const BUILD_OUTPUTS = ['dist/index.js', 'dist/licenses.txt'];
/** A workflow command's text as the runner shows it: %0A, %0D and %25 decoded (%25 last). */
const decoded = (line: string) => line.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);

interface Step {
  title: string;
  inputs: Record<string, string>;
  /** Expected share of blue answers after the step. */
  blue: number;
  /** Expected canary tasks after the step. */
  canaryTasks: number;
  /** Expected share where it is counted on the canary target group (Lattice, ALB), not by image, when it differs. */
  latticeBlue?: number;
  /** Expected exit code, when the step is meant to fail. */
  status?: number;
  /** Prepares the emulator before the step. */
  setup?(emu: Emulator): void;
  /** Users keep calling while the step runs (every 250 ms, 100 requests). */
  liveTraffic?: boolean;
}

const steps: Step[] = [
  {
    title: 'Pull request opened: deploy colorapp:blue as a canary and send it 10 %',
    inputs: {
      operation: 'deploy',
      'task-definition': SAMPLE.v2TaskDefinition,
      image: 'colorapp:blue',
      'canary-weight': '10',
    },
    blue: 0.1,
    canaryTasks: 1,
  },
  {
    title: 'workflow_dispatch: shift to 50 %',
    inputs: { operation: 'shift', 'canary-weight': '50' },
    blue: 0.5,
    canaryTasks: 1,
  },
  {
    title: 'workflow_dispatch: roll back (all traffic to stable, canary scaled to 0)',
    inputs: { operation: 'rollback' },
    blue: 0,
    canaryTasks: 0,
  },
  {
    title: 'Pull request updated: deploy the canary again at 10 %',
    inputs: {
      operation: 'deploy',
      'task-definition': SAMPLE.v2TaskDefinition,
      image: 'colorapp:blue',
      'canary-weight': '10',
    },
    blue: 0.1,
    canaryTasks: 1,
  },
  {
    title: 'workflow_dispatch: promote (stable service now runs blue, canary scaled to 0)',
    inputs: { operation: 'promote' },
    blue: 1,
    canaryTasks: 0,
  },
  {
    title:
      'Pull request with a broken image, walked 10 → 50 → 100 % under alarm color-5xx: the alarm fires at 10 %, the action rolls back',
    inputs: {
      operation: 'deploy',
      'task-definition': SAMPLE.v2TaskDefinition,
      image: 'colorapp:broken',
      steps: '10,50,100',
      'step-minutes': '0.1',
      alarms: 'color-5xx',
    },
    blue: 1,
    latticeBlue: 0,
    canaryTasks: 0,
    status: 1,
    setup: (emu) => {
      emu.brokenImages.add('colorapp:broken');
      emu.cloudWatch.putMetricAlarm('color-5xx', { state: 'OK', reason: 'no 5xx' });
      emu.cloudWatch.tieToErrors('color-5xx', { threshold: 5 });
    },
    liveTraffic: true,
  },
];

/** What differs between the two backends in this story. */
interface Backend {
  name: string;
  seed(emu: Emulator): void;
  inputs(over: Record<string, string>): Record<string, string>;
  traffic(emu: Emulator, requests?: number): TrafficTally & { targetGroups?: Record<string, number> };
  /** Share of answers from the new version (blue) after a step. */
  share(t: TrafficTally & { targetGroups?: Record<string, number> }, step: Step): number;
  /** The canary ECS service; none with a one-service provider, where ECS runs both revisions in one service. */
  canary?(emu: Emulator): { runningCount?: number; desiredCount?: number } | undefined;
  canaryName: string;
}

const appMesh: Backend = {
  name: 'App Mesh',
  seed: seedHowtoEcsBasics,
  inputs: sampleInputs,
  traffic: (emu, requests = 1000) => emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, requests),
  share: (t) => (t.colors.blue ?? 0) / t.requests,
  canary: (emu) => emu.ecs.services.get(SAMPLE.cluster)?.get(SAMPLE.canaryService),
  canaryName: SAMPLE.canaryService,
};

/** On Lattice the sample's tasks answer their COLOR variable, so the new version is counted by where it ran. */
const vpcLattice: Backend = {
  name: 'VPC Lattice',
  seed: (emu) => void seedLatticeColor(emu),
  inputs: (over) => {
    const { 'task-definition': _file, ...rest } = over;
    return latticeInputs(rest);
  },
  traffic: (emu, requests = 1000) => emu.latticeTraffic(LATTICE_SAMPLE.service, requests),
  share: (t, step) =>
    step.inputs.operation === 'promote'
      ? 1 - (t.targetGroups?.[`${LATTICE_SAMPLE.targetGroup}-canary`] ?? 0) / t.requests
      : (t.targetGroups?.[`${LATTICE_SAMPLE.targetGroup}-canary`] ?? 0) / t.requests,
  canary: (emu) => emu.ecs.services.get(LATTICE_SAMPLE.cluster)?.get('color-canary'),
  canaryName: 'color-canary',
};

/** On an ALB, as on Lattice, the new version is counted by the target group that served it. */
const alb: Backend = {
  name: 'Application Load Balancer',
  seed: (emu) => void seedAlbColor(emu),
  inputs: (over) => {
    const { 'task-definition': _file, ...rest } = over;
    return albInputs(rest);
  },
  traffic: (emu, requests = 1000) => ({ ...albTraffic(emu, requests), nodes: {} }),
  share: vpcLattice.share,
  canary: (emu) => emu.ecs.services.get(ALB_SAMPLE.cluster)?.get('color-canary'),
  canaryName: 'color-canary',
};

/** ECS's own deployments on Service Connect: one service, its answers counted by the image that served them. */
const ecsNative: Backend = {
  name: 'ECS-native (Service Connect)',
  seed: (emu) => void seedServiceConnectColor(emu),
  inputs: (over) => {
    const { 'task-definition': _file, ...rest } = over;
    return nativeInputs(rest);
  },
  traffic: (emu, requests = 1000) => ({ ...colorAnswers(emu, requests), nodes: {} }),
  share: appMesh.share,
  canaryName: '(none: one service, two revisions)',
};

const BACKENDS: Record<string, Backend> = {
  'app-mesh': appMesh,
  'vpc-lattice': vpcLattice,
  alb,
  'ecs-native': ecsNative,
};
const backend = BACKENDS[process.argv[process.argv.indexOf('--provider') + 1] ?? ''] ?? appMesh;

function tallyLine(t: TrafficTally & { targetGroups?: Record<string, number> }): string {
  if (t.targetGroups) {
    const groups = Object.entries(t.targetGroups)
      .sort()
      .map(([g, n]) => `${g} ${n} (${((n / t.requests) * 100).toFixed(1)} %)`);
    return `GET /color × ${t.requests} by target group: ${groups.join(', ') || 'none'}; failed ${t.failures}`;
  }
  const parts = Object.entries(t.colors)
    .sort()
    .map(([color, n]) => `${color} ${n} (${((n / t.requests) * 100).toFixed(1)} %)`);
  return `GET /color × ${t.requests}: ${parts.join(', ') || 'no answer'}; failed ${t.failures}`;
}

function showRun(run: ActionRun): void {
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('::group::')) console.log(dim(`  ┌ ${line.slice(9)}`));
    else if (
      line.startsWith('::endgroup::') ||
      line.startsWith('::add-mask::') ||
      line.startsWith('::debug::') ||
      line === ''
    )
      continue;
    else if (line.startsWith('::')) console.log(`  │ ${decoded(line).replace(/\n/g, '\n  │   ')}`);
    else console.log(dim(`  │ ${line}`));
  }
}

const mtimeOf = (file: string) => statSync(new URL(file, ROOT), { throwIfNoEntry: false })?.mtimeMs;

/** Why dist/ is not the build of the current sources, or undefined when it is. */
function staleReason(): string | undefined {
  const built: number[] = [];
  for (const file of BUILD_OUTPUTS) {
    const mtime = mtimeOf(file);
    if (mtime === undefined) return `${file} is missing`;
    built.push(mtime);
  }
  const oldest = Math.min(...built);
  const newer = BUILD_INPUTS.flatMap(filesOf).find((file) => (mtimeOf(file) ?? 0) > oldest);
  return newer ? `${newer} changed after dist/ was built` : undefined;
}

/** The file, or every file under the folder, as paths relative to the repository root. */
function filesOf(file: string): string[] {
  if (!statSync(new URL(file, ROOT)).isDirectory()) return [file];
  return readdirSync(new URL(`${file}/`, ROOT)).flatMap((name) => filesOf(`${file}/${name}`));
}

/** Builds dist/ when it is stale (or when asked to); returns the build's exit code, 0 when no build was needed. */
function buildIfStale(): number {
  const reason = process.argv.includes('--build') ? '--build given' : staleReason();
  if (!reason) {
    console.log(dim('dist/ is the build of the current sources: not rebuilding it (--build forces a build).'));
    return 0;
  }
  console.log(bold(`Building dist/ (${reason}): npm run build, about 45 s…`));
  const started = Date.now();
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  console.log(dim(`npm run build: exit code ${build.status} after ${((Date.now() - started) / 1000).toFixed(1)} s\n`));
  return build.status ?? 1;
}

async function main(): Promise<number> {
  const built = buildIfStale();
  if (built !== 0) return built;
  const emu = await Emulator.start({ region: 'ap-northeast-1', rolloutDelayMs: ROLLOUT_DELAY_MS });
  backend.seed(emu);
  let failures = 0;
  const started = Date.now();
  const summaries = path.join(tmpdir(), `ecs-mesh-canary-demo-${backend.name.toLowerCase().replace(/ /g, '-')}`);
  mkdirSync(summaries, { recursive: true });
  try {
    console.log(bold('ecs-mesh-canary demo — the howto-ecs-basics sample on the embedded AWS emulator'));
    console.log(
      `Traffic provider: ${backend.name}. Emulator at ${emu.url}; each ECS rollout takes ${ROLLOUT_DELAY_MS / 1000} s.`,
    );
    console.log(`Before: ${tallyLine(backend.traffic(emu))}\n`);
    for (const [i, step] of steps.entries()) {
      console.log(bold(`${i + 1}. ${step.title}`));
      step.setup?.(emu);
      const live = { requests: 0, errors: 0 };
      const timer = step.liveTraffic
        ? setInterval(() => {
            const t = backend.traffic(emu, 100);
            live.requests += t.requests;
            live.errors += t.errors['5xx'] ?? 0;
          }, 250)
        : undefined;
      const run = await runAction(backend.inputs(step.inputs), { env: emu.env(), node: NODE24 });
      clearInterval(timer);
      if (timer) console.log(`   while it ran, users made ${live.requests} requests: ${live.errors} answered 5xx`);
      showRun(run);
      const summaryFile = path.join(summaries, `step-${i + 1}-${step.inputs.operation}.md`);
      writeFileSync(summaryFile, run.summary);
      const tally = backend.traffic(emu);
      const blue = backend.share(tally, step);
      const canary = backend.canary?.(emu);
      type Planned = { changes: { action: string; resource: { type: string; name: string } }[] };
      const plan = run.outputs.plan ? (JSON.parse(run.outputs.plan) as Planned) : { changes: [] };
      console.log(`   exit code ${run.status} after ${(run.ms / 1000).toFixed(1)} s`);
      const previous = run.outputs['previous-canary-weight'];
      console.log(
        `   weights: stable ${run.outputs['stable-weight'] ?? '?'} % / canary ${run.outputs['canary-weight'] ?? '?'} % (${previous ? `canary had ${previous} %` : 'no route before'})`,
      );
      console.log(
        `   changed: ${plan.changes.map((c) => `${c.action} ${c.resource.type} ${c.resource.name}`).join('; ') || 'nothing'}`,
      );
      if (backend.canary)
        console.log(
          `   canary service ${backend.canaryName}: ${canary?.runningCount ?? 0} running / ${canary?.desiredCount ?? 0} desired`,
        );
      console.log(`   ${tallyLine(tally)}`);
      console.log(`   job summary (GITHUB_STEP_SUMMARY): ${summaryFile}`);
      const problems: string[] = [];
      if (run.status !== (step.status ?? 0)) problems.push(`the action exited with ${run.status}`);
      if (tally.failures > 0) problems.push(`${tally.failures} requests failed`);
      const expected = backend.share === appMesh.share ? step.blue : (step.latticeBlue ?? step.blue);
      if (Math.abs(blue - expected) > 0.05)
        problems.push(`new-version share ${(blue * 100).toFixed(1)} % is not ${expected * 100} %`);
      if (backend.canary && (canary?.runningCount ?? 0) !== step.canaryTasks)
        problems.push(`canary runs ${canary?.runningCount ?? 0} tasks, expected ${step.canaryTasks}`);
      if (problems.length) {
        failures++;
        console.log(`   ✗ ${problems.join('; ')}\n`);
      } else {
        console.log(`   ✓ as expected\n`);
      }
      if (i === steps.length - 1) {
        console.log(bold('Job summary of the last step (what GITHUB_STEP_SUMMARY shows on the run page):'));
        console.log(run.summary.replace(/^/gm, '   '));
      }
    }
  } finally {
    await emu.stop();
  }
  const writes = emu.calls({ mutating: true }).filter((r) => !r.error).length;
  console.log(
    `${steps.length} steps, ${emu.log.length} AWS calls (${writes} writes), ${((Date.now() - started) / 1000).toFixed(1)} s in all.`,
  );
  console.log(
    failures ? bold(`✗ ${failures} step(s) did not do what they said`) : bold('✓ every step did what it said'),
  );
  return failures ? 1 : 0;
}

process.exitCode = await main();
