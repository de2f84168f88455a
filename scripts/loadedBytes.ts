// The bytes of JavaScript a deploy loads: runs the bundled action (dist/index.js) for a first canary deploy on each
// provider against the emulator, under scripts/record-loads.mjs, which records every file Node loads (ncc's lazily
// loaded chunks are ES modules the entry import()s), and sums the sizes of the dist/ files among them. The anchor,
// amazon-ecs-deploy-task-definition, is one CommonJS index.js whose few chunks its AWS SDK require()s on demand: it is
// started on an invalid input, as bench's cold start does, to show what it loads before it reads one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nativeInputs, seedServiceConnectColor } from '../emulator/ecsNativeFixture.js';
import {
  albInputs,
  latticeInputs,
  SAMPLE,
  sampleInputs,
  seedAlbColor,
  seedHowtoEcsBasics,
  seedLatticeColor,
} from '../emulator/fixture.js';
import { DIST, NODE24, runAction } from '../emulator/runAction.js';
import { Emulator } from '../emulator/server.js';

const RECORDER = fileURLToPath(new URL('./record-loads.mjs', import.meta.url));
/** The rollout delay of these deploys: they measure the files loaded, not time. */
const ROLLOUT_MS = 300;

export interface Loaded {
  /** The files of the dist/ folder loaded, `index.js` first, then the chunks by number. */
  files: string[];
  bytes: number;
}

/** Each provider's first canary deploy, with its fixture, as bench runs it. */
export const DEPLOYS: { provider: string; seed(emu: Emulator): void; inputs: Record<string, string> }[] = [
  {
    provider: 'app-mesh',
    seed: seedHowtoEcsBasics,
    inputs: sampleInputs({ 'task-definition': SAMPLE.v2TaskDefinition, image: 'colorapp:blue', 'canary-weight': '20' }),
  },
  {
    provider: 'vpc-lattice',
    seed: (emu) => void seedLatticeColor(emu),
    inputs: latticeInputs({ image: 'colorapp:blue', 'canary-weight': '20' }),
  },
  {
    provider: 'alb',
    seed: (emu) => void seedAlbColor(emu),
    inputs: albInputs({ image: 'colorapp:blue', 'canary-weight': '20' }),
  },
  {
    provider: 'ecs-native',
    seed: (emu) => void seedServiceConnectColor(emu),
    inputs: nativeInputs({ image: 'colorapp:blue', 'canary-weight': '10' }),
  },
];

const order = (f: string) => (f === 'index.js' ? -1 : Number.parseInt(f, 10));

/** The files of `distDir` that the recording lists (each once), and their bytes. */
export function loadedFrom(recording: string, distDir: string): Loaded {
  const urls = readFileSync(recording, 'utf8').split('\n').filter(Boolean);
  const files = [...new Set(urls.map((u) => fileURLToPath(u)))]
    .filter((f) => path.dirname(f) === path.resolve(distDir) && f.endsWith('.js'))
    .map((f) => path.basename(f))
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return { files, bytes: files.reduce((sum, f) => sum + statSync(path.join(distDir, f)).size, 0) };
}

/** Runs `run` with the recorder's environment, then reads what it recorded. */
async function recording(distDir: string, run: (env: Record<string, string>) => Promise<void> | void): Promise<Loaded> {
  const dir = mkdtempSync(path.join(tmpdir(), 'loaded-bytes-'));
  const file = path.join(dir, 'loads.txt');
  try {
    await run({ NODE_OPTIONS: `--import=${RECORDER}`, RECORD_LOADS_FILE: file });
    return loadedFrom(file, distDir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a first canary deploy of the bundled action loads, per provider (each on a fresh emulator, all at once). */
export async function loadedByDeploys(): Promise<Record<string, Loaded>> {
  const distDir = path.dirname(DIST);
  const measured = await Promise.all(
    DEPLOYS.map(async (d) => {
      const emu = await Emulator.start({ rolloutDelayMs: ROLLOUT_MS });
      try {
        d.seed(emu);
        const loaded = await recording(distDir, async (env) => {
          const run = await runAction(d.inputs, { env: { ...emu.env(), ...env }, node: NODE24, timeoutMs: 60_000 });
          if (run.status !== 0) throw new Error(`${d.provider} deploy failed: ${run.errors.join('\n')}\n${run.stderr}`);
        });
        return [d.provider, loaded] as const;
      } finally {
        await emu.stop();
      }
    }),
  );
  return Object.fromEntries(measured);
}

/** What the anchor's index.js loads when started on an invalid input (no inputs at all): the input error is checked. */
export function loadedByAnchor(anchorDist: string): Promise<Loaded> {
  return recording(anchorDist, (env) => {
    const result = spawnSync(NODE24, [path.join(anchorDist, 'index.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        ...new Emulator().env(),
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        GITHUB_WORKSPACE: tmpdir(),
        ...env,
      },
      encoding: 'utf8',
    });
    if (result.status !== 1 || !result.stdout.includes('::error::'))
      throw new Error(`expected an input error from the anchor, got ${result.status}: ${result.stdout}`);
  });
}
