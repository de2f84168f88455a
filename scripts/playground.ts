// The playground: the embedded AWS emulator as a process of its own, and the bundled action run against it with inputs
// of your choosing, no AWS account needed.
//
//   npm run emulator [-- rollout-ms=2000 port=N]     start it; Ctrl-C stops it
//   npm run action -- OPERATION [name=value ...]    run dist/index.js on Node 24 against it (provider=vpc-lattice, alb
//                                                   or ecs-native: that provider's sample); prints the log, the job
//                                                   summary and the outputs
//   npm run traffic [-- header=name:value provider=vpc-lattice requests=N]
//                                                   1,000 simulated GET /color through the mesh, the Lattice service,
//                                                   the ALB listener or Service Connect, tallied
//
// The four samples (see SAMPLES) each own ECS service `color` in cluster howto-ecs-basics, so `npm run emulator` starts
// four emulators in one process, each on its own port. Traffic is simulated inside the emulator process; this script
// adds a small control server beside them that answers GET /traffic with the provider's traffic function (see
// SAMPLES). Where they all are is written to .emulator.json in the repository root (ECS_MESH_CANARY_EMULATOR_FILE
// names another file), removed on exit.
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { colorAnswers, NATIVE_SAMPLE, nativeInputs, seedServiceConnectColor } from '../emulator/ecsNativeFixture.js';
import {
  ALB_SAMPLE,
  albInputs,
  albTraffic,
  LATTICE_SAMPLE,
  latticeInputs,
  SAMPLE,
  sampleInputs,
  seedAlarm,
  seedAlbColor,
  seedHowtoEcsBasics,
  seedLatticeColor,
} from '../emulator/fixture.js';
import { Emulator } from '../emulator/server.js';
import { NODE24, ROOT, runAction, type ActionRun } from '../emulator/runAction.js';

const STATE_FILE = process.env.ECS_MESH_CANARY_EMULATOR_FILE ?? path.join(ROOT, '.emulator.json');
const REGION = 'ap-northeast-1';
const PROVIDERS = ['app-mesh', 'vpc-lattice', 'alb', 'ecs-native'] as const;
type Provider = (typeof PROVIDERS)[number];

/** What .emulator.json holds: the emulator process, its control server, and each sample's endpoint and environment. */
interface State {
  pid: number;
  control: string;
  rolloutMs: number;
  emulators: Record<Provider, { url: string; env: Record<string, string> }>;
}

/**
 * A tally as the control server answers it: answers by color, and where they were counted — by virtual node (App
 * Mesh), by target group (Lattice, ALB) or by task-definition revision (ECS-native, one service).
 */
interface Tally {
  requests: number;
  failures: number;
  colors: Record<string, number>;
  errors: Record<string, number>;
  nodes?: Record<string, number>;
  targetGroups?: Record<string, number>;
  revisions?: Record<string, number>;
}

/** What differs between the four samples. */
interface Sample {
  label: string;
  /** What the sample holds, for the banner. */
  holds: string;
  seed(emu: Emulator): unknown;
  /** The sample's inputs for an operation. */
  inputs(operation: string): Record<string, string>;
  /** `requests` simulated GET /color through the provider's routing: what they went through, and the tally. */
  traffic(emu: Emulator, requests: number, headers: Record<string, string>): { target: string; tally: Tally };
}

const SAMPLES: Record<Provider, Sample> = {
  'app-mesh': {
    label: 'App Mesh',
    holds: `cluster ${SAMPLE.cluster}: services ${SAMPLE.stableService} (green) and front, mesh ${SAMPLE.mesh}`,
    seed: seedHowtoEcsBasics,
    // A deploy also gets the walkthrough's v2 task definition (COLOR=blue).
    inputs: (operation) =>
      sampleInputs(operation === 'deploy' ? { 'task-definition': path.relative(ROOT, SAMPLE.v2TaskDefinition) } : {}),
    traffic: (emu, requests, headers) => ({
      target: `virtual service ${SAMPLE.virtualService}`,
      tally: emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, requests, { headers }),
    }),
  },
  'vpc-lattice': {
    label: 'VPC Lattice',
    holds: `cluster ${LATTICE_SAMPLE.cluster}: service ${LATTICE_SAMPLE.ecsService} (green) in target group ${LATTICE_SAMPLE.targetGroup} of Lattice service ${LATTICE_SAMPLE.service}`,
    seed: seedLatticeColor,
    inputs: () => latticeInputs(),
    traffic: (emu, requests, headers) => ({
      target: `Lattice service ${LATTICE_SAMPLE.service}`,
      tally: emu.latticeTraffic(LATTICE_SAMPLE.service, requests, { headers }),
    }),
  },
  alb: {
    label: 'ALB',
    holds: `cluster ${ALB_SAMPLE.cluster}: service ${ALB_SAMPLE.ecsService} (green) in target group ${ALB_SAMPLE.targetGroup} of load balancer ${ALB_SAMPLE.loadBalancer}`,
    seed: seedAlbColor,
    inputs: () => albInputs(),
    traffic: (emu, requests, headers) => ({
      target: `listener ${ALB_SAMPLE.listener}`,
      tally: albTraffic(emu, requests, { headers }),
    }),
  },
  'ecs-native': {
    label: 'ECS-native',
    holds: `cluster ${NATIVE_SAMPLE.cluster}: service ${NATIVE_SAMPLE.service} (${NATIVE_SAMPLE.stableImage}) on Service Connect, alias ${NATIVE_SAMPLE.dnsName}:${NATIVE_SAMPLE.port}`,
    seed: seedServiceConnectColor,
    inputs: () => nativeInputs(),
    traffic: (emu, requests, headers) => ({
      target: `Service Connect ${NATIVE_SAMPLE.dnsName}:${NATIVE_SAMPLE.port}`,
      tally: colorAnswers(emu, requests, { headers }),
    }),
  },
};

/** Each emulator's port with port=N (the traffic control's is N+2, where it was when there were two samples). */
const PORT_OFFSET: Record<Provider, number> = { 'app-mesh': 0, 'vpc-lattice': 1, alb: 3, 'ecs-native': 4 };
const CONTROL_PORT_OFFSET = 2;

class UsageError extends Error {}

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);
const rel = (file: string) =>
  path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file);

/** `name=value` words (the value may hold `=`; a name may repeat) after an optional first word without `=`. */
function parseArgs(argv: string[]): { word?: string; pairs: [string, string][] } {
  const [first, ...rest] = argv;
  const word = first !== undefined && !first.includes('=') ? first : undefined;
  const pairs = (word === undefined ? argv : rest).map((arg): [string, string] => {
    const eq = arg.indexOf('=');
    if (eq <= 0) throw new UsageError(`Expected name=value, got "${arg}"`);
    return [arg.slice(0, eq), arg.slice(eq + 1)];
  });
  return { word, pairs };
}

function providerOf(value: string | undefined): Provider {
  const provider = value || 'app-mesh';
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    throw new UsageError(
      `provider must be ${PROVIDERS.slice(0, -1).join(', ')} or ${PROVIDERS.at(-1)}, got "${provider}"`,
    );
  }
  return provider as Provider;
}

// ---- npm run emulator ----

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readState(): State | undefined {
  try {
    const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as State;
    return isAlive(state.pid) ? state : undefined;
  } catch {
    return undefined; // none, or not one this script wrote
  }
}

/** Starts the emulators and the control server; the process then runs until SIGINT or SIGTERM. */
async function startEmulator(argv: string[]): Promise<undefined> {
  const { rolloutMs, port } = emulatorOptions(argv);
  const running = readState();
  if (running) {
    throw new UsageError(
      `An emulator is already running (pid ${running.pid}, ${rel(STATE_FILE)}): stop it first, or set ECS_MESH_CANARY_EMULATOR_FILE to start another.`,
    );
  }
  const emulators = await startSamples(rolloutMs, port);
  const control = await startControl(emulators, port ? port + CONTROL_PORT_OFFSET : 0);
  const state: State = {
    pid: process.pid,
    control: control.url,
    rolloutMs,
    emulators: mapProviders((p) => ({ url: emulators[p].url, env: emulators[p].env() })),
  };
  writeFileSync(`${STATE_FILE}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${STATE_FILE}.tmp`, STATE_FILE);
  printBanner(state);
  const stopLogging = logCalls(emulators);
  const stop = async () => {
    stopLogging();
    if (readState()?.pid === process.pid) rmSync(STATE_FILE, { force: true });
    await Promise.all([...PROVIDERS.map((p) => emulators[p].stop()), control.stop()]);
    console.log('Emulator stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return undefined;
}

function emulatorOptions(argv: string[]): { rolloutMs: number; port: number } {
  const { word, pairs } = parseArgs(argv);
  if (word) throw new UsageError(`npm run emulator takes name=value options only, got "${word}"`);
  const opts = Object.fromEntries(pairs);
  for (const name of Object.keys(opts)) {
    if (!['rollout-ms', 'port'].includes(name)) throw new UsageError(`Unknown option ${name} (rollout-ms, port)`);
  }
  const rolloutMs = Number(opts['rollout-ms'] ?? 2000);
  const port = Number(opts.port ?? 0);
  const last = 65535 - Math.max(CONTROL_PORT_OFFSET, ...Object.values(PORT_OFFSET));
  if (!Number.isInteger(rolloutMs) || rolloutMs < 0) throw new UsageError('rollout-ms must be a whole number of ms');
  if (!Number.isInteger(port) || port < 0 || port > last) throw new UsageError(`port must be from 1 to ${last}`);
  return { rolloutMs, port };
}

const mapProviders = <T>(f: (provider: Provider) => T) =>
  Object.fromEntries(PROVIDERS.map((p) => [p, f(p)])) as Record<Provider, T>;

/** One emulator per sample, each seeded with its sample and the demo's alarm gate. */
async function startSamples(rolloutMs: number, port: number): Promise<Record<Provider, Emulator>> {
  const emulators = mapProviders(() => new Emulator({ region: REGION, rolloutDelayMs: rolloutMs }));
  for (const provider of PROVIDERS) {
    const emu = emulators[provider];
    await emu.listen(port ? port + PORT_OFFSET[provider] : 0);
    SAMPLES[provider].seed(emu);
    // The demo's alarm gate, so that `alarms: color-5xx` works here too.
    seedAlarm(emu);
  }
  return emulators;
}

function printBanner(state: State): void {
  const exportLine = (env: Record<string, string>) =>
    `export ${['AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'].map((k) => `${k}=${env[k]}`).join(' ')}`;
  console.log(bold('ecs-mesh-canary playground: the embedded AWS emulator with the howto-ecs-basics sample'));
  for (const provider of PROVIDERS) {
    const sample = `${SAMPLES[provider].label} sample`.padEnd(22);
    console.log(`  ${sample} ${state.emulators[provider].url}  ${SAMPLES[provider].holds}`);
  }
  console.log(
    dim(
      `  Four emulators, as every sample owns ECS service ${SAMPLE.stableService}. ECS rollouts take ${state.rolloutMs / 1000} s. Written to ${rel(STATE_FILE)}.`,
    ),
  );
  console.log('\nFor the AWS CLI or an SDK, the App Mesh sample:');
  console.log(`  ${exportLine(state.emulators['app-mesh'].env)}`);
  console.log('Another sample: the same with its URL above as AWS_ENDPOINT_URL.');
  console.log(
    `\nReady. In another terminal: npm run action -- deploy image=colorapp:blue canary-weight=30, then npm run traffic (provider=${PROVIDERS.slice(1).join('|')}: that sample). Ctrl-C stops the emulator.\n`,
  );
}

/** Prints each AWS call the emulators answer, as it comes (polled from their request logs). */
function logCalls(emulators: Record<Provider, Emulator>): () => void {
  const seen = mapProviders(() => 0);
  const timer = setInterval(() => {
    for (const provider of PROVIDERS) {
      const log = emulators[provider].log;
      for (const r of log.slice(seen[provider])) {
        const time = new Date(r.start).toISOString().slice(11, 23);
        console.log(
          dim(
            `${time} ${SAMPLES[provider].label}: ${r.service} ${r.operation} → ${r.status}${r.error ? ` ${r.error}` : ''}`,
          ),
        );
      }
      seen[provider] = log.length;
    }
  }, 200);
  return () => clearInterval(timer);
}

/** GET /traffic?provider=&requests=&header=name:value… → { provider, target, tally }. */
async function startControl(
  emulators: Record<Provider, Emulator>,
  port: number,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://control');
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      if (url.pathname !== '/traffic') return reply(404, { error: `No ${url.pathname}; try /traffic` });
      const provider = providerOf(url.searchParams.get('provider') ?? undefined);
      const requests = Number(url.searchParams.get('requests') ?? 1000);
      const headers = Object.fromEntries(
        url.searchParams.getAll('header').map((h) => [h.slice(0, h.indexOf(':')), h.slice(h.indexOf(':') + 1)]),
      );
      reply(200, simulate(emulators[provider], provider, requests, headers));
    } catch (err) {
      reply(400, { error: (err as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function simulate(
  emu: Emulator,
  provider: Provider,
  requests: number,
  headers: Record<string, string>,
): { provider: Provider; target: string; tally: Tally } {
  if (!Number.isInteger(requests) || requests < 1 || requests > 100_000) {
    throw new UsageError('requests must be a whole number from 1 to 100000');
  }
  return { provider, ...SAMPLES[provider].traffic(emu, requests, headers) };
}

// ---- npm run action ----

function actionInputNames(): string[] {
  const yml = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
  return Object.keys(yml.inputs);
}

/**
 * The inputs of a run: the provider's sample's (App Mesh unless provider= names another; on App Mesh a deploy also
 * gets the walkthrough's v2 task definition, COLOR=blue), then the given ones; `name=` (empty) removes a default.
 */
function actionInputs(argv: string[]): { provider: Provider; inputs: Record<string, string> } {
  const { word, pairs } = parseArgs(argv);
  const given = new Map<string, string>();
  for (const [name, value] of pairs) given.set(name === 'traffic-provider' ? 'provider' : name, value);
  const provider = providerOf(given.get('provider'));
  given.delete('provider');
  const known = actionInputNames();
  for (const name of given.keys()) {
    if (!known.includes(name)) {
      throw new UsageError(
        `Unknown input ${name}. action.yml has: ${known.join(', ')} (and provider=${PROVIDERS.slice(1).join('|')})`,
      );
    }
  }
  const operation = word ?? given.get('operation');
  const base = SAMPLES[provider].inputs(operation ?? 'deploy');
  const inputs: Record<string, string> = { ...(word ? { operation: word } : {}), ...base };
  for (const [name, value] of given) {
    if (value === '') delete inputs[name];
    else inputs[name] = value;
  }
  return { provider, inputs };
}

function nodeVersion(node: string): string {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

/** The run's log as a person reads it on the run page: groups, errors, warnings and notices decoded. */
function showLog(stdout: string): string[] {
  const decode = (s: string) => s.replace(/%0D/g, '').replace(/%0A/g, '\n    ').replace(/%25/g, '%');
  const out: string[] = [];
  for (const line of stdout.split('\n')) {
    const command = /^::([a-z-]+)[^:]*::(.*)$/.exec(line);
    if (!command) {
      if (line !== '') out.push(`  ${line}`);
      continue;
    }
    const [, name, text] = command;
    if (name === 'group') out.push(bold(`▸ ${text}`));
    else if (name === 'error' || name === 'warning' || name === 'notice') {
      out.push(`${name[0].toUpperCase()}${name.slice(1)}: ${decode(text)}`);
    }
  }
  return out;
}

async function runActionCommand(argv: string[]): Promise<number> {
  const { provider, inputs } = actionInputs(argv);
  const state = readState();
  if (!state) {
    throw new UsageError(`No emulator is running (${rel(STATE_FILE)}): start one with \`npm run emulator\` first.`);
  }
  const emulator = state.emulators[provider];
  const operation = inputs.operation ?? 'deploy';
  console.log(
    bold(
      `ecs-mesh-canary ${operation} on the ${SAMPLES[provider].label} sample (${emulator.url}), dist/index.js on Node ${nodeVersion(NODE24)}`,
    ),
  );
  console.log(
    dim(
      `  with:\n${Object.entries(inputs)
        .map(([k, v]) => `    ${k}: ${v}`)
        .join('\n')}\n`,
    ),
  );
  const run: ActionRun = await runAction(inputs, { env: emulator.env, node: NODE24, timeoutMs: 30 * 60_000 });
  for (const line of showLog(run.stdout)) console.log(line);
  if (run.stderr.trim()) console.log(`\nstderr:\n${run.stderr.trimEnd()}`);
  console.log(bold('\nJob summary (GITHUB_STEP_SUMMARY):\n'));
  console.log(run.summary.trimEnd() || dim('(empty)'));
  console.log(bold('\nOutputs:'));
  for (const [name, value] of Object.entries(run.outputs)) {
    const shown = value.length > 200 ? `${value.slice(0, 200)}… (${value.length} characters)` : value;
    console.log(`  ${name}=${shown}`);
  }
  console.log(`\nExit code ${run.status} after ${(run.ms / 1000).toFixed(1)} s.`);
  return run.status ?? 1;
}

// ---- npm run traffic ----

const percent = (n: number, of: number) => `${n} (${((n / of) * 100).toFixed(1)} %)`;
const counts = (by: Record<string, number>, of: number) =>
  Object.entries(by)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, n]) => `${name} ${percent(n, of)}`)
    .join(', ');

/** The tally in a few lines: answers by color, by virtual node, target group or revision, failures by reason. */
function tallyLines(provider: Provider, target: string, t: Tally, headers: string[]): string[] {
  const request = `GET /color${headers.map((h) => ` [${h}]`).join('')}`;
  const lines = [`${t.requests} × ${request} through ${SAMPLES[provider].label} (${target})`];
  lines.push(`  answers: ${counts(t.colors, t.requests) || 'none'}; failed ${t.failures}`);
  if (t.targetGroups) lines.push(`  by target group: ${counts(t.targetGroups, t.requests) || 'none'}`);
  else if (t.revisions) lines.push(`  by revision: ${counts(t.revisions, t.requests) || 'none'}`);
  else if (Object.keys(t.nodes ?? {}).length) lines.push(`  by virtual node: ${counts(t.nodes ?? {}, t.requests)}`);
  if (t.failures) lines.push(`  failures: ${counts(t.errors, t.requests)}`);
  return lines;
}

async function trafficCommand(argv: string[]): Promise<number> {
  const { word, pairs } = parseArgs(argv);
  if (word) throw new UsageError(`npm run traffic takes name=value options only, got "${word}"`);
  const query = new URLSearchParams();
  const headers: string[] = [];
  for (const [name, value] of pairs) {
    if (name === 'provider' || name === 'traffic-provider') query.set('provider', providerOf(value));
    else if (name === 'requests') query.set('requests', value);
    else if (name === 'header') {
      if (!value.includes(':')) throw new UsageError(`header=name:value, got "${value}"`);
      headers.push(value);
      query.append('header', value);
    } else throw new UsageError(`Unknown option ${name} (provider, header, requests)`);
  }
  const state = readState();
  if (!state) {
    throw new UsageError(`No emulator is running (${rel(STATE_FILE)}): start one with \`npm run emulator\` first.`);
  }
  const res = await fetch(`${state.control}/traffic?${query}`);
  const body = (await res.json()) as { error?: string; provider: Provider; target: string; tally: Tally };
  if (!res.ok) throw new UsageError(body.error ?? `The emulator answered ${res.status}`);
  for (const line of tallyLines(body.provider, body.target, body.tally, headers)) console.log(line);
  return 0;
}

// ---- main ----

const commands: Record<string, (argv: string[]) => Promise<number | undefined>> = {
  emulator: startEmulator,
  action: runActionCommand,
  traffic: trafficCommand,
};

async function main(): Promise<void> {
  const [command, ...argv] = process.argv.slice(2);
  try {
    const run = commands[command];
    if (!run) throw new UsageError(`Usage: tsx scripts/playground.ts emulator|action|traffic [name=value ...]`);
    const code = await run(argv);
    if (typeof code === 'number') process.exitCode = code;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(err.message);
    process.exitCode = 2;
  }
}

await main();
