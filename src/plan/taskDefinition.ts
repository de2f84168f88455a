// Pure, provider-neutral task-definition work: strip what DescribeTaskDefinition adds, swap the application image,
// compare revisions. A provider adds (or removes) its own sidecar on top of this.
import type {
  ContainerDefinition,
  KeyValuePair,
  RegisterTaskDefinitionCommandInput,
  TaskDefinition,
} from '@aws-sdk/client-ecs';
import { PlanError } from '../errors.js';
import { isEnvoyContainer, isSidecarContainer } from '../traffic/sidecars.js';

/** Keys DescribeTaskDefinition returns that RegisterTaskDefinition does not accept. */
export const READ_ONLY_KEYS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
] as const;

export type TaskDefinitionInput = RegisterTaskDefinitionCommandInput;

export function upsertEnv(env: KeyValuePair[], name: string, value: string): KeyValuePair[] {
  return env.some((e) => e.name === name)
    ? env.map((e) => (e.name === name ? { name, value } : e))
    : [...env, { name, value }];
}

export interface BaseOptions {
  family: string;
  /** Container whose image is replaced; may be omitted when there is one application container. */
  containerName?: string;
  image?: string;
  /** Which input names the base, for error messages: `task-definition`, `stable-service` or `canary-service`. */
  source: string;
}

/** A base made ready for a provider's sidecar: read-only keys gone, family set, the application image swapped. */
export interface Base {
  definition: TaskDefinitionInput;
  /** The application containers (in `definition`), and the one whose image was swapped. */
  apps: ContainerDefinition[];
  target?: ContainerDefinition;
  source: string;
}

export function renderBase(base: TaskDefinition | TaskDefinitionInput, opts: BaseOptions): Base {
  const definition = stripReadOnly(base);
  definition.family = opts.family;
  const containers = definition.containerDefinitions ?? [];
  const apps = containers.filter((c) => !isSidecarContainer(c) && !isEnvoyContainer(c, definition));
  if (apps.length === 0) throw new PlanError('The base task definition has no application container', opts.source);
  const target = pickTarget(containers, apps, opts);
  if (opts.image && target) target.image = opts.image;
  return { definition, apps, target, source: opts.source };
}

function pickTarget(
  containers: ContainerDefinition[],
  apps: ContainerDefinition[],
  opts: BaseOptions,
): ContainerDefinition | undefined {
  if (opts.containerName) {
    const named = containers.find((c) => c.name === opts.containerName);
    if (named) return named;
    const names = containers.map((c) => c.name).join(', ');
    throw new PlanError(
      `The base task definition has no container "${opts.containerName}" (it has ${names})`,
      'container-name',
    );
  }
  if (apps.length === 1) return apps[0];
  if (!opts.image) return undefined;
  const names = apps.map((c) => c.name).join(', ');
  throw new PlanError(
    `The base task definition has ${apps.length} application containers (${names}); name the one whose image changes`,
    'container-name',
  );
}

/** The base minus the read-only keys DescribeTaskDefinition adds (a file may carry them too). */
export function stripReadOnly(base: TaskDefinition | TaskDefinitionInput): TaskDefinitionInput {
  const copy: Record<string, unknown> = structuredClone(base) as Record<string, unknown>;
  for (const key of READ_ONLY_KEYS) delete copy[key];
  return copy as unknown as TaskDefinitionInput;
}

/** The family named in a task-definition ARN (`arn:…:task-definition/<family>:<revision>`) or `family:rev`. */
export function familyOf(arnOrName: string): string {
  const tail = arnOrName.slice(arnOrName.lastIndexOf('/') + 1);
  return tail.replace(/:\d+$/, '');
}

/**
 * Two task definitions register the same thing when they agree after dropping read-only keys, tags and empty
 * values (AWS omits empty lists in some answers and returns them in others).
 */
export function sameTaskDefinition(
  a: TaskDefinitionInput | TaskDefinition,
  b: TaskDefinitionInput | TaskDefinition,
): boolean {
  return canonical(withoutTags(stripReadOnly(a))) === canonical(withoutTags(stripReadOnly(b)));
}

/** Tags are not part of a revision; `enableFaultInjection: false` is what DescribeTaskDefinition says for "not set". */
function withoutTags(def: TaskDefinitionInput): TaskDefinitionInput {
  const { tags: _tags, ...rest } = def;
  if (rest.enableFaultInjection === false) delete rest.enableFaultInjection;
  return rest;
}

/** JSON with sorted keys and empty arrays, empty objects and null/undefined dropped. */
export function canonical(value: unknown): string {
  return JSON.stringify(prune(value)) ?? 'null';
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => [k, prune((value as Record<string, unknown>)[k])] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value ?? undefined;
}

/** `family:revision` of a task-definition ARN, for logs and summaries. */
export function shortTaskDefinition(arn: string | undefined): string {
  return arn ? arn.slice(arn.lastIndexOf('/') + 1) : 'none';
}

/** The app container's image in a task definition, for reports. */
export function appImages(def: TaskDefinitionInput | TaskDefinition): string[] {
  return (def.containerDefinitions ?? []).filter((c) => !isSidecarContainer(c)).map((c) => `${c.name}=${c.image}`);
}

/** A task definition safe to log or print: environment values and secret references' targets are not shown. */
export function redactTaskDefinition<T extends TaskDefinitionInput | TaskDefinition>(def: T): T {
  const copy = structuredClone(def);
  for (const c of copy.containerDefinitions ?? []) {
    c.environment = c.environment?.map((e) => ({ name: e.name, value: e.value === undefined ? undefined : '***' }));
  }
  return copy;
}
