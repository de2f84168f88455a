// Reads and validates every input before any AWS call. Imports nothing from the AWS SDK at run time, so an invalid
// input fails fast without loading it. Each provider reads its own inputs (traffic/<provider>/settings.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { InputError } from './errors.js';
import { OPERATIONS, type Operation, type Preview } from './model.js';
import { Inputs, type InputReader } from './inputTools.js';
import { locateJsonError } from './jsonError.js';
import { isSidecarContainer } from './traffic/sidecars.js';
import type { ProviderContext, ProviderEntry, ProviderSettings } from './traffic/provider.js';
import { PROVIDERS } from './traffic/registry.js';

export type { InputReader } from './inputTools.js';

/** Defaults of the inputs that have one; action.yml declares the same (a test compares them). */
export const DEFAULTS = {
  operation: 'deploy',
  'dry-run': 'false',
  cluster: 'default',
  'desired-count': '1',
  'wait-for-service-stability': 'true',
  'wait-for-minutes': '30',
  'pr-comment': 'true',
  'step-minutes': '5',
  'auto-promote': 'false',
  'alarm-insufficient-data': 'ok',
  'delete-canary': 'false',
} as const;
export const DEFAULT_DEPLOY_WEIGHT = 10;

export type TaskDefinitionDocument = RegisterTaskDefinitionCommandInput;

export interface Settings {
  readonly operation: Operation;
  readonly dryRun: boolean;
  readonly cluster: string;
  readonly stable: { readonly service: string };
  readonly canary: { readonly service: string };
  /** The traffic provider (its id) and its own inputs, which only the provider reads. */
  readonly traffic: ProviderSettings;
  /** The base task definition from the `task-definition` file, when given. */
  readonly taskDefinitionFile?: { path: string; document: TaskDefinitionDocument };
  readonly containerName?: string;
  readonly image?: string;
  /** Percent of traffic for the canary after the run. */
  readonly canaryWeight: number;
  readonly desiredCount: number;
  readonly waitForServiceStability: boolean;
  readonly waitForMinutes: number;
  /** Weight steps walked under alarms (deploy with steps, advance); undefined for a single weight. */
  readonly progressive?: Progressive;
  /** CloudWatch alarms that gate every weight increase (and stop the canary's ECS rollout). */
  readonly alarms: readonly string[];
  readonly insufficientData: 'ok' | 'fail';
  /** Header-routed preview of the canary (deploy creates it; promote and rollback remove it). */
  readonly preview?: Preview;
  /** rollback also deletes what the action created for this canary (service, endpoint, preview route). */
  readonly deleteCanary: boolean;
  /** Inputs given that this operation does not use, as sentences naming each: ignored, logged as warnings. */
  readonly ignored: readonly string[];
  /** Comment on the pull request (pull_request events only). */
  readonly prComment: boolean;
  readonly githubToken?: string;
}

/** The event the workflow runs for, as far as inputs need it. */
export interface RunEvent {
  name?: string;
  pullRequest?: number;
}

/** GITHUB_EVENT_NAME and the pull-request number of GITHUB_EVENT_PATH (read only when asked). */
export function envEvent(env: NodeJS.ProcessEnv = process.env): RunEvent {
  let pullRequest: number | undefined;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as {
      pull_request?: { number?: unknown };
    };
    if (typeof event.pull_request?.number === 'number') pullRequest = event.pull_request.number;
  } catch {
    // no event file: not a pull request
  }
  return { name: env.GITHUB_EVENT_NAME, pullRequest };
}

export interface Progressive {
  /** Strictly increasing whole percents, e.g. 5, 25, 50, 100. */
  readonly steps: readonly number[];
  readonly stepMinutes: number;
  readonly autoPromote: boolean;
}

/** The runner's convention: INPUT_<NAME> with spaces as underscores, upper-cased, dashes kept. */
export function envInputReader(env: NodeJS.ProcessEnv = process.env): InputReader {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

const ECS_SERVICE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;
const SERVICE_RULE = 'an ECS service name of 1-255 letters, digits, dashes or underscores';
const CLUSTER =
  /^([A-Za-z0-9][A-Za-z0-9_-]{0,254}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255})$/;
const IMAGE = /^[!-~]{1,1024}$/;
const CONTAINER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;

/**
 * Reads all inputs into one immutable Settings object. Every problem found is reported at once in a single
 * InputError naming each input and what it accepts.
 */
export function readSettings(
  read: InputReader,
  workspace = process.env.GITHUB_WORKSPACE ?? process.cwd(),
  event: () => RunEvent = () => envEvent(),
  registry: readonly ProviderEntry[] = PROVIDERS,
): Settings {
  const inputs = new Inputs((name) => read(name) || (DEFAULTS as Record<string, string>)[name] || '');
  const operation = choice(inputs, 'operation', OPERATIONS);
  const preview = readPreview(inputs, event);
  const entry = readProvider(inputs, registry);
  const services = readServices(inputs, entry);
  const traffic = readTraffic(inputs, entry, registry, services.canary.service);
  const progressive = readProgressive(inputs, operation);
  const canaryWeight =
    progressive && operation === 'deploy' ? progressive.steps[0] : readWeight(inputs, operation, preview && event());
  const rollout = readRollout(inputs, operation, canaryWeight);
  const taskDefinition = readTaskDefinition(inputs, operation, workspace);
  const settings: Settings = {
    operation: operation ?? 'deploy',
    dryRun: inputs.bool('dry-run', false),
    cluster: inputs.required('cluster', CLUSTER, 'an ECS cluster name or ARN'),
    ...services,
    traffic,
    ...taskDefinition,
    canaryWeight: canaryWeight ?? 0,
    ...rollout,
    progressive,
    alarms: readAlarms(inputs, operation),
    insufficientData: choice(inputs, 'alarm-insufficient-data', ['ok', 'fail'] as const) ?? 'ok',
    preview,
    deleteCanary: readDeleteCanary(inputs, operation),
    prComment: inputs.bool('pr-comment', true),
    githubToken: inputs.read('github-token') || undefined,
    ignored: inputs.ignored.map((p) => `Input '${p.input}' ${p.message}`),
  };
  if (inputs.problems.length > 0) throw new InputError(inputs.problems);
  return Object.freeze(settings);
}

function choice<T extends string>(inputs: Inputs, name: string, options: readonly T[]): T | undefined {
  const raw = inputs.read(name);
  if ((options as readonly string[]).includes(raw)) return raw as T;
  return inputs.fail(name, `must be one of ${options.join(', ')}; got "${raw}"`);
}

/** The stable service, and the canary service beside it when the provider runs two (one-service providers have none). */
/**
 * The provider `traffic-provider` names, or else the one whose inputs the workflow gives: `mesh` means App Mesh,
 * `lattice-service` VPC Lattice. When the inputs do not tell (none given, or inputs of several), it is required.
 */
export function readProvider(
  inputs: Inputs,
  registry: readonly ProviderEntry[] = PROVIDERS,
): ProviderEntry | undefined {
  const ids = registry.map((p) => p.id);
  if (inputs.given('traffic-provider')) {
    const id = choice(inputs, 'traffic-provider', ids);
    return registry.find((p) => p.id === id);
  }
  const given = [...new Set(registry.flatMap((p) => p.inputs))].filter((name) => inputs.given(name));
  const fits = registry.filter((p) => given.length > 0 && given.every((name) => p.inputs.includes(name)));
  if (fits.length === 1) return fits[0];
  const why =
    given.length === 0
      ? 'no provider input is given to tell it from'
      : `the inputs given (${given.join(', ')}) do not name one provider`;
  return inputs.fail('traffic-provider', `is required: ${why}; set it to one of ${ids.join(', ')}`);
}

function readServices(inputs: Inputs, entry: ProviderEntry | undefined): Pick<Settings, 'stable' | 'canary'> {
  const stable = inputs.required('stable-service', ECS_SERVICE, SERVICE_RULE);
  if (entry?.shape === 'one-service') {
    const why = `is not used with traffic-provider: ${entry.id}, where ECS shifts traffic between two revisions of stable-service itself; remove it`;
    if (inputs.given('canary-service')) inputs.fail('canary-service', why);
    return { stable: { service: stable }, canary: { service: '' } };
  }
  const canary = inputs.required('canary-service', ECS_SERVICE, SERVICE_RULE);
  if (stable && stable === canary)
    inputs.fail('canary-service', `must differ from stable-service (both are "${stable}")`);
  return { stable: { service: stable }, canary: { service: canary } };
}

/** The provider's own inputs; another provider's inputs are refused by name, saying which provider they belong to. */
function readTraffic(
  inputs: Inputs,
  entry: ProviderEntry | undefined,
  registry: readonly ProviderEntry[],
  canaryService: string,
): ProviderSettings {
  // With no known provider there is no telling which inputs belong: the one error is the provider's.
  if (!entry) return { provider: '' };
  const foreign = new Set(registry.flatMap((p) => p.inputs).filter((name) => !entry.inputs.includes(name)));
  for (const name of foreign) {
    const owners = registry.filter((p) => p.inputs.includes(name)).map((p) => `${p.id} (${p.label})`);
    inputs.refuse([name], `belongs to traffic-provider: ${owners.join(' or ')}, not to ${entry.id}; remove it`);
  }
  return entry.readSettings(inputs, { canaryService });
}

/** What the chosen provider is told of the run besides its own settings. */
export function providerContext(settings: Settings): ProviderContext {
  return {
    cluster: settings.cluster,
    stableService: settings.stable.service,
    canaryService: settings.canary.service,
    preview: settings.preview,
    deleteCanary: settings.deleteCanary,
    waitForMinutes: settings.waitForMinutes,
  };
}

/** A pull request's deploy with a preview header and no weight is a dark launch: only header traffic. */
function readWeight(inputs: Inputs, operation: Operation | undefined, previewEvent?: RunEvent): number | undefined {
  const given = inputs.given('canary-weight');
  if (operation === 'promote' || operation === 'rollback' || operation === 'advance') {
    if (given) inputs.ignore('canary-weight', `is not used by ${operation} (it always ends at 0); ignored`);
    return 0;
  }
  if (operation === 'shift' && !given) {
    return inputs.fail('canary-weight', 'is required for shift: a whole number from 0 to 100');
  }
  const dark = previewEvent?.name === 'pull_request' || previewEvent?.name === 'pull_request_target';
  return inputs.integer('canary-weight', 0, 100, dark ? 0 : DEFAULT_DEPLOY_WEIGHT);
}

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
const HEADER_VALUE = /^[!-~]([ !-~]{0,126}[!-~])?$/;

/** `name: value`, or just `name` in a pull request, whose value is then `pr-<number>`. */
function readPreview(inputs: Inputs, event: () => RunEvent): Preview | undefined {
  const raw = inputs.read('preview-header');
  if (raw === '') return undefined;
  const colon = raw.indexOf(':');
  const header = (colon < 0 ? raw : raw.slice(0, colon)).trim();
  let value = colon < 0 ? '' : raw.slice(colon + 1).trim();
  if (!HEADER_NAME.test(header)) {
    return inputs.fail(
      'preview-header',
      `must start with a header name of 1-100 characters without spaces or colons; got "${raw}"`,
    );
  }
  if (colon < 0) {
    const pr = event().pullRequest;
    if (pr === undefined)
      return inputs.fail('preview-header', `needs a value ("${header}: pr-42") outside a pull_request event`);
    value = `pr-${pr}`;
  }
  if (!HEADER_VALUE.test(value)) {
    return inputs.fail(
      'preview-header',
      `must have a value of 1-128 printable characters after the colon; got "${raw}"`,
    );
  }
  return { header: header.toLowerCase(), value };
}

function readDeleteCanary(inputs: Inputs, operation: Operation | undefined): boolean {
  const remove = inputs.bool('delete-canary', false);
  if (remove && operation !== 'rollback' && operation !== undefined)
    inputs.ignore('delete-canary', `is used by rollback, not by ${operation}; ignored`);
  return remove && operation === 'rollback';
}

/** `steps` (with `step-minutes`, `auto-promote`): deploy walks them; advance takes at most one per run. */
function readProgressive(inputs: Inputs, operation: Operation | undefined): Progressive | undefined {
  const raw = inputs.read('steps');
  if (raw === '') {
    if (operation === 'advance') inputs.fail('steps', 'is required for advance: the weights to walk, e.g. 5,25,50,100');
    return undefined;
  }
  if (operation !== 'deploy' && operation !== 'advance') {
    return inputs.ignore('steps', `is used by deploy and advance, not by ${operation}; ignored`);
  }
  if (inputs.given('canary-weight'))
    inputs.fail('canary-weight', 'is not used with steps (the first step is the weight); remove it');
  const parts = raw.split(/[\s,]+/).filter(Boolean);
  const steps = parts.map(Number);
  const valid = parts.every((p) => /^\d+$/.test(p)) && steps.every((n) => n >= 1 && n <= 100);
  if (!valid || steps.some((n, i) => i > 0 && n <= steps[i - 1])) {
    return inputs.fail(
      'steps',
      `must be strictly increasing whole percents from 1 to 100, e.g. 5,25,50,100; got "${raw}"`,
    );
  }
  const stepMinutes = readMinutes(inputs, 'step-minutes', 5, 1440);
  return { steps, stepMinutes, autoPromote: inputs.bool('auto-promote', false) };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: alarm names may hold anything but control characters
const ALARM_NAME = /^[^\u0000-\u001f\u007f]{1,255}$/;

function readAlarms(inputs: Inputs, operation: Operation | undefined): string[] {
  const raw = inputs.read('alarms');
  const names = raw
    .split(/[,\n]/)
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 0) return [];
  if (operation !== 'deploy' && operation !== 'advance') {
    inputs.ignore('alarms', `are checked by deploy and advance, not by ${operation}; ignored`);
    return [];
  }
  const bad = names.find((n) => !ALARM_NAME.test(n));
  if (bad !== undefined && !inputs.reported('alarms'))
    inputs.fail('alarms', `must be CloudWatch alarm names (1-255 characters); got "${bad}"`);
  if (names.length > 100) inputs.fail('alarms', `may name at most 100 alarms; got ${names.length}`);
  return [...new Set(names)];
}

function readRollout(inputs: Inputs, operation: Operation | undefined, canaryWeight: number | undefined) {
  const waitForServiceStability = inputs.bool('wait-for-service-stability', true);
  if (operation === 'deploy' && !waitForServiceStability && (canaryWeight ?? 0) > 0) {
    inputs.fail(
      'wait-for-service-stability',
      'must be true when deploy sends traffic to the canary (canary-weight > 0): weight never goes to a rollout that was not seen to complete. Set canary-weight: 0 to deploy without waiting',
    );
  }
  return {
    desiredCount: inputs.integer('desired-count', 1, 1000, 1) ?? 1,
    waitForServiceStability,
    waitForMinutes: readMinutes(inputs, 'wait-for-minutes', 30),
  };
}

function readMinutes(inputs: Inputs, name: string, fallback: number, max = 360): number {
  const raw = inputs.read(name);
  const n = Number(raw);
  if (raw === '') return fallback;
  if (!/^\d+(\.\d+)?$/.test(raw) || !(n > 0) || n > max) {
    inputs.fail(name, `must be a positive number of minutes, at most ${max}; got "${raw}"`);
    return fallback;
  }
  return n;
}

function readTaskDefinition(
  inputs: Inputs,
  operation: Operation | undefined,
  workspace: string,
): Pick<Settings, 'taskDefinitionFile' | 'containerName' | 'image'> {
  const containerName = inputs.optional('container-name', CONTAINER_NAME, 'a container name');
  const image = inputs.optional('image', IMAGE, 'a container image reference without spaces');
  const file = inputs.read('task-definition');
  if (operation === 'deploy' && !image && !file) {
    inputs.fail(
      'image',
      'is required for deploy (or a task-definition file): without it the canary would run a copy of stable',
    );
  }
  const fail = inputs.fail.bind(inputs);
  const taskDefinitionFile = file ? loadTaskDefinitionFile(file, workspace, fail) : undefined;
  if (taskDefinitionFile) checkContainerName(inputs, taskDefinitionFile, containerName, image);
  return { taskDefinitionFile, containerName, image };
}

function checkContainerName(
  inputs: Inputs,
  file: { path: string; document: TaskDefinitionDocument },
  containerName: string | undefined,
  image: string | undefined,
): void {
  const containers = file.document.containerDefinitions ?? [];
  if (image && !containerName) {
    const apps = containers.filter((c) => !isSidecarContainer(c));
    if (apps.length !== 1) {
      const names = apps.map((c) => c.name).join(', ') || 'none';
      inputs.fail(
        'container-name',
        `is required with image when the task definition has ${apps.length} application containers (${names}); set it to one of them`,
      );
    }
  }
  if (containerName && !containers.some((c) => c.name === containerName)) {
    const names = containers.map((c) => c.name).join(', ');
    inputs.fail('container-name', `must name a container of ${file.path} (${names}); got "${containerName}"`);
  }
}

function loadTaskDefinitionFile(
  file: string,
  workspace: string,
  fail: (input: string, message: string) => undefined,
): { path: string; document: TaskDefinitionDocument } | undefined {
  const full = path.isAbsolute(file) ? file : path.join(workspace, file);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EISDIR'
          ? 'is a directory'
          : `cannot be read (${code ?? String(err)})`;
    return fail('task-definition', `must be a readable JSON file; ${file} ${why}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('task-definition', `must be valid JSON; ${file}: ${locateJsonError(text)}`);
  }
  // Accept the output of `aws ecs describe-task-definition` as well as a bare task definition.
  if (isObject(parsed) && isObject(parsed.taskDefinition) && !('containerDefinitions' in parsed)) {
    parsed = parsed.taskDefinition;
  }
  const problem = taskDefinitionProblem(parsed);
  if (problem) return fail('task-definition', `must be an ECS task definition; ${file}: ${problem}`);
  return { path: file, document: parsed as TaskDefinitionDocument };
}

function taskDefinitionProblem(doc: unknown): string | undefined {
  if (!isObject(doc)) return 'the top level is not a JSON object';
  if (!Array.isArray(doc.containerDefinitions) || doc.containerDefinitions.length === 0) {
    return 'it has no containerDefinitions array';
  }
  for (const [i, c] of doc.containerDefinitions.entries()) {
    if (!isObject(c)) return `containerDefinitions[${i}] is not an object`;
    if (typeof c.name !== 'string' || c.name === '') return `containerDefinitions[${i}] has no name`;
    if (typeof c.image !== 'string' || c.image === '') return `container ${c.name} has no image`;
    if (!CONTAINER_NAME.test(c.name))
      return `container name ${JSON.stringify(c.name)} is not 1-255 letters, digits, dashes or underscores`;
    if (!IMAGE.test(c.image)) return `the image of container ${c.name} has spaces or control characters`;
  }
  if (doc.family !== undefined && (typeof doc.family !== 'string' || !/^[A-Za-z0-9_-]{1,255}$/.test(doc.family))) {
    return `family must be 1-255 letters, digits, dashes or underscores`;
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
