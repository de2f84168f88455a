// Reads and validates every input before any AWS call. Imports nothing from the AWS SDK at run time, so an invalid
// input fails fast without loading it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { InputError, type InputProblem } from './errors.js';
import { locateJsonError } from './jsonError.js';
import { isSidecarContainer } from './plan/taskDefinition.js';

export const OPERATIONS = ['deploy', 'shift', 'promote', 'rollback'] as const;
export type Operation = (typeof OPERATIONS)[number];

export const DEFAULT_ENVOY_IMAGE = 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.2.0-prod';
export const DEFAULT_DEPLOY_WEIGHT = 10;

export type TaskDefinitionDocument = RegisterTaskDefinitionCommandInput;

export interface Side {
  virtualNode: string;
  service: string;
}

export interface CloudMapAttribute {
  key: string;
  value: string;
}

export interface Settings {
  readonly operation: Operation;
  readonly dryRun: boolean;
  readonly cluster: string;
  readonly mesh: string;
  readonly meshOwner?: string;
  readonly virtualRouter: string;
  readonly route: string;
  readonly virtualService?: string;
  readonly stable: Side;
  readonly canary: Side;
  /** The base task definition from the `task-definition` file, when given. */
  readonly taskDefinitionFile?: { path: string; document: TaskDefinitionDocument };
  readonly containerName?: string;
  readonly image?: string;
  /** Percent of traffic for the canary after the run. */
  readonly canaryWeight: number;
  /** Set only when the user gave `envoy-image`: an existing Envoy container keeps its image otherwise. */
  readonly envoyImage?: string;
  readonly appPorts?: readonly number[];
  /** Cloud Map attribute filter of the canary virtual node. */
  readonly cloudMapAttributes: readonly CloudMapAttribute[];
  readonly desiredCount: number;
  readonly waitForServiceStability: boolean;
  readonly waitForMinutes: number;
  /** Comment on the pull request (pull_request events only). */
  readonly prComment: boolean;
  readonly githubToken?: string;
}

/** How the action reads one raw input; `core.getInput` in the runner, a map in tests. */
export type InputReader = (name: string) => string;

/** The runner's convention: INPUT_<NAME> with spaces as underscores, upper-cased, dashes kept. */
export function envInputReader(env: NodeJS.ProcessEnv = process.env): InputReader {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;
const ECS_SERVICE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;
const CLUSTER = /^([A-Za-z0-9][A-Za-z0-9_-]{0,254}|arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:cluster\/[A-Za-z0-9_-]{1,255})$/;
const ACCOUNT = /^\d{12}$/;
const ATTRIBUTE_KEY = /^[!-~]{1,255}$/;
const ATTRIBUTE_VALUE = /^[!-~]([ \t!-~]{0,1022}[!-~])?$/;

/**
 * Reads all inputs into one immutable Settings object. Every problem found is reported at once in a single
 * InputError naming each input and what it accepts.
 */
export function readSettings(read: InputReader, workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()): Settings {
  const problems: InputProblem[] = [];
  const fail = (input: string, message: string): undefined => {
    problems.push({ input, message });
    return undefined;
  };

  const operationRaw = read('operation') || 'deploy';
  const operation = (OPERATIONS as readonly string[]).includes(operationRaw)
    ? (operationRaw as Operation)
    : fail('operation', `must be one of ${OPERATIONS.join(', ')}; got "${operationRaw}"`);

  const bool = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === '') return fallback;
    if (['true', 'True', 'TRUE'].includes(raw)) return true;
    if (['false', 'False', 'FALSE'].includes(raw)) return false;
    fail(name, `must be true or false; got "${raw}"`);
    return fallback;
  };
  const required = (name: string, pattern: RegExp, what: string): string => {
    const raw = read(name);
    if (raw === '') return fail(name, `is required`) ?? '';
    if (!pattern.test(raw)) fail(name, `must be ${what}; got "${raw}"`);
    return raw;
  };
  const optional = (name: string, pattern: RegExp, what: string): string | undefined => {
    const raw = read(name);
    if (raw === '') return undefined;
    if (!pattern.test(raw)) fail(name, `must be ${what}; got "${raw}"`);
    return raw;
  };
  const integer = (name: string, min: number, max: number, fallback: number | undefined): number | undefined => {
    const raw = read(name);
    if (raw === '') return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      return fail(name, `must be a whole number from ${min} to ${max}; got "${raw}"`);
    }
    return Number(raw);
  };

  const nameRule = 'a name of 1-255 letters, digits, dots, dashes or underscores';
  const serviceRule = 'an ECS service name of 1-255 letters, digits, dashes or underscores';
  const dryRun = bool('dry-run', false);
  const cluster = read('cluster') || 'default';
  if (!CLUSTER.test(cluster)) fail('cluster', `must be an ECS cluster name or ARN; got "${cluster}"`);
  const mesh = required('mesh', NAME, nameRule);
  const meshOwner = optional('mesh-owner', ACCOUNT, 'a 12-digit AWS account ID');
  const virtualRouter = required('virtual-router', NAME, nameRule);
  const route = required('route', NAME, nameRule);
  const virtualService = optional('virtual-service', /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/, 'a virtual service name');
  const stableNode = required('stable-virtual-node', NAME, nameRule);
  const canaryNode = required('canary-virtual-node', NAME, nameRule);
  const stableService = required('stable-service', ECS_SERVICE, serviceRule);
  const canaryService = required('canary-service', ECS_SERVICE, serviceRule);
  if (stableNode && stableNode === canaryNode) {
    fail('canary-virtual-node', `must differ from stable-virtual-node (both are "${stableNode}")`);
  }
  if (stableService && stableService === canaryService) {
    fail('canary-service', `must differ from stable-service (both are "${stableService}")`);
  }

  const containerName = optional('container-name', /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/, 'a container name');
  const image = optional('image', /^\S{1,1024}$/, 'a container image reference without spaces');
  const envoyImage = optional('envoy-image', /^\S{1,1024}$/, 'a container image reference without spaces');

  const weightRaw = read('canary-weight');
  let canaryWeight: number | undefined;
  if (operation === 'promote' || operation === 'rollback') {
    if (weightRaw !== '') fail('canary-weight', `is not used by ${operation} (it always ends at 0); remove it`);
    canaryWeight = 0;
  } else if (operation === 'shift' && weightRaw === '') {
    fail('canary-weight', 'is required for shift: a whole number from 0 to 100');
  } else {
    canaryWeight = integer('canary-weight', 0, 100, DEFAULT_DEPLOY_WEIGHT);
  }

  const appPorts = parseAppPorts(read('app-ports'), fail);
  const attributes = parseAttributes(read('cloud-map-attributes'), fail);
  const desiredCount = integer('desired-count', 1, 1000, 1) ?? 1;
  const waitForServiceStability = bool('wait-for-service-stability', true);
  const waitRaw = read('wait-for-minutes');
  let waitForMinutes = 30;
  if (waitRaw !== '') {
    const n = Number(waitRaw);
    if (!/^\d+(\.\d+)?$/.test(waitRaw) || !(n > 0) || n > 360) {
      fail('wait-for-minutes', `must be a positive number of minutes, at most 360; got "${waitRaw}"`);
    } else {
      waitForMinutes = n;
    }
  }
  const prComment = bool('pr-comment', true);
  const githubToken = read('github-token') || undefined;
  if (operation === 'deploy' && !waitForServiceStability && (canaryWeight ?? 0) > 0) {
    fail(
      'wait-for-service-stability',
      'must be true when deploy sends traffic to the canary (canary-weight > 0): weight never goes to a rollout that was not seen to complete. Set canary-weight: 0 to deploy without waiting',
    );
  }

  const taskDefinitionPath = read('task-definition');
  const taskDefinitionFile = taskDefinitionPath
    ? loadTaskDefinitionFile(taskDefinitionPath, workspace, fail)
    : undefined;
  if (image && !containerName && taskDefinitionFile) {
    const apps = taskDefinitionFile.document.containerDefinitions?.filter((c) => !isSidecarContainer(c)) ?? [];
    if (apps.length !== 1) {
      fail(
        'container-name',
        `is required with image when the task definition has ${apps.length} application containers (${apps.map((c) => c.name).join(', ') || 'none'}); set it to one of them`,
      );
    }
  }
  if (containerName && taskDefinitionFile) {
    const names = taskDefinitionFile.document.containerDefinitions?.map((c) => c.name) ?? [];
    if (!names.includes(containerName)) {
      fail('container-name', `must name a container of ${taskDefinitionPath} (${names.join(', ')}); got "${containerName}"`);
    }
  }

  if (problems.length > 0) throw new InputError(problems);
  return Object.freeze({
    operation: operation!,
    dryRun,
    cluster,
    mesh,
    meshOwner,
    virtualRouter,
    route,
    virtualService,
    stable: { virtualNode: stableNode, service: stableService },
    canary: { virtualNode: canaryNode, service: canaryService },
    taskDefinitionFile,
    containerName,
    image,
    canaryWeight: canaryWeight!,
    envoyImage,
    appPorts,
    cloudMapAttributes: attributes ?? [{ key: 'ECS_SERVICE_NAME', value: canaryService }],
    desiredCount,
    waitForServiceStability,
    waitForMinutes,
    prComment,
    githubToken,
  });
}

function parseAppPorts(raw: string, fail: (input: string, message: string) => undefined): number[] | undefined {
  if (raw === '') return undefined;
  const parts = raw.split(',').map((p) => p.trim());
  const ports = parts.map(Number);
  if (parts.some((p) => !/^\d+$/.test(p)) || ports.some((p) => p < 1 || p > 65535)) {
    return fail('app-ports', `must be a comma-separated list of port numbers from 1 to 65535; got "${raw}"`);
  }
  const reserved = ports.filter((p) => [9901, 15000, 15001].includes(p));
  if (reserved.length > 0) return fail('app-ports', `must not include Envoy's own ports (9901, 15000, 15001); got ${reserved.join(', ')}`);
  return [...new Set(ports)];
}

function parseAttributes(raw: string, fail: (input: string, message: string) => undefined): CloudMapAttribute[] | undefined {
  if (raw === '') return undefined;
  const attributes: CloudMapAttribute[] = [];
  for (const [index, line] of raw.split(/\r?\n/).entries()) {
    const text = line.trim();
    if (text === '') continue;
    const eq = text.indexOf('=');
    const key = eq < 0 ? '' : text.slice(0, eq).trim();
    const value = eq < 0 ? '' : text.slice(eq + 1).trim();
    if (!ATTRIBUTE_KEY.test(key) || !ATTRIBUTE_VALUE.test(value)) {
      return fail('cloud-map-attributes', `must be KEY=VALUE lines (printable ASCII, no spaces in the key); line ${index + 1} is "${text}"`);
    }
    if (attributes.some((a) => a.key === key)) return fail('cloud-map-attributes', `names the key ${key} twice`);
    attributes.push({ key, value });
  }
  if (attributes.length === 0) return fail('cloud-map-attributes', 'has no KEY=VALUE line');
  if (attributes.length > 10) return fail('cloud-map-attributes', `may have at most 10 attributes; got ${attributes.length}`);
  return attributes;
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
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? String(err)})`;
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
  }
  if (doc.family !== undefined && (typeof doc.family !== 'string' || !/^[A-Za-z0-9_-]{1,255}$/.test(doc.family))) {
    return `family must be 1-255 letters, digits, dashes or underscores`;
  }
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
