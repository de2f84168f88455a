// Pure rendering of the canary (and promoted) task definition: strip what DescribeTaskDefinition adds, swap the
// image, add or update the Envoy sidecar, make the app wait for Envoy, and set the APPMESH proxy configuration.
import type {
  ContainerDefinition,
  KeyValuePair,
  PortMapping,
  ProxyConfiguration,
  RegisterTaskDefinitionCommandInput,
  TaskDefinition,
} from '@aws-sdk/client-ecs';
import { PlanError } from '../errors.js';

export const ENVOY_HEALTH_COMMAND = 'curl -s http://localhost:9901/server_info | grep state | grep -q LIVE';
export const ENVOY_UID = '1337';
export const ENVOY_ADMIN_PORT = 9901;
export const PROXY_INGRESS_PORT = 15000;
export const PROXY_EGRESS_PORT = 15001;
export const EGRESS_IGNORED_IPS = ['169.254.170.2', '169.254.169.254'];

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

export interface RenderOptions {
  family: string;
  /** Value of APPMESH_RESOURCE_ARN: `mesh/<mesh>/virtualNode/<node>` or a full ARN for shared meshes. */
  envoyResourceArn: string;
  /** Container whose image is replaced; may be omitted when there is one application container. */
  containerName?: string;
  image?: string;
  /** Image for a new Envoy container, and for an existing one only when the user asked for it. */
  envoyImage?: string;
  defaultEnvoyImage: string;
  appPorts?: readonly number[];
  /** Which input names the base, for error messages: `task-definition` or `stable-service`. */
  source: string;
}

export interface Rendered {
  definition: TaskDefinitionInput;
  appContainers: string[];
  envoyContainer: string;
  appPorts: number[];
  envoyAdded: boolean;
  warnings: string[];
}

const SIDECAR_IMAGE = /aws-appmesh-envoy|aws-xray-daemon|aws-otel-collector|aws-for-fluent-bit/;

/** Envoy, X-Ray, OpenTelemetry collector and FireLens log routers are sidecars; every other container is the app. */
export function isSidecarContainer(c: Pick<ContainerDefinition, 'name' | 'image' | 'firelensConfiguration'>): boolean {
  return (
    c.name === 'envoy' ||
    c.name === 'xray' ||
    c.name === 'xray-daemon' ||
    c.firelensConfiguration !== undefined ||
    SIDECAR_IMAGE.test(c.image ?? '')
  );
}

function isEnvoy(c: ContainerDefinition, proxyContainer: string | undefined): boolean {
  return c.name === proxyContainer || c.name === 'envoy' || /aws-appmesh-envoy/.test(c.image ?? '');
}

/** The base minus the read-only keys DescribeTaskDefinition adds (a file may carry them too). */
export function stripReadOnly(base: TaskDefinition | TaskDefinitionInput): TaskDefinitionInput {
  const copy: Record<string, unknown> = structuredClone(base) as Record<string, unknown>;
  for (const key of READ_ONLY_KEYS) delete copy[key];
  return copy as unknown as TaskDefinitionInput;
}

export function renderTaskDefinition(base: TaskDefinition | TaskDefinitionInput, opts: RenderOptions): Rendered {
  const def = stripReadOnly(base);
  def.family = opts.family;
  const warnings: string[] = [];
  if (def.networkMode !== 'awsvpc') {
    throw new PlanError(
      `App Mesh on ECS needs networkMode "awsvpc"; the base task definition has ${def.networkMode ? `"${def.networkMode}"` : 'none (bridge)'}`,
      opts.source,
    );
  }
  if (!def.taskRoleArn) {
    warnings.push(
      `The task definition has no taskRoleArn: Envoy cannot reach App Mesh without a task role that allows appmesh:StreamAggregatedResources (the AWSAppMeshEnvoyAccess managed policy).`,
    );
  }
  const containers = (def.containerDefinitions ?? []).map((c) => structuredClone(c));
  const proxyName = def.proxyConfiguration?.type === 'APPMESH' ? def.proxyConfiguration.containerName : undefined;
  const apps = containers.filter((c) => !isSidecarContainer(c) && !isEnvoy(c, proxyName));
  if (apps.length === 0) throw new PlanError('The base task definition has no application container', opts.source);

  let target: ContainerDefinition | undefined;
  if (opts.containerName) {
    target = containers.find((c) => c.name === opts.containerName);
    if (!target) {
      throw new PlanError(
        `The base task definition has no container "${opts.containerName}" (it has ${containers.map((c) => c.name).join(', ')})`,
        'container-name',
      );
    }
  } else if (apps.length === 1) {
    target = apps[0];
  } else if (opts.image) {
    throw new PlanError(
      `The base task definition has ${apps.length} application containers (${apps.map((c) => c.name).join(', ')}); name the one whose image changes`,
      'container-name',
    );
  }
  if (opts.image && target) target.image = opts.image;

  // Envoy: update in place when present, else add one.
  let envoy = containers.find((c) => isEnvoy(c, proxyName));
  const envoyAdded = envoy === undefined;
  if (!envoy) {
    envoy = newEnvoyContainer(opts.envoyImage ?? opts.defaultEnvoyImage, target ?? apps[0]);
    containers.push(envoy);
  } else if (opts.envoyImage) {
    envoy.image = opts.envoyImage;
  }
  configureEnvoy(envoy, opts.envoyResourceArn);

  for (const app of apps) {
    const others = (app.dependsOn ?? []).filter((d) => d.containerName !== envoy.name);
    app.dependsOn = [{ containerName: envoy.name, condition: 'HEALTHY' }, ...others];
  }

  const appPorts = opts.appPorts ? [...opts.appPorts] : tcpPorts(target ? [target] : apps);
  if (appPorts.length === 0) {
    throw new PlanError(
      `The application container${target ? ` "${target.name}"` : 's'} expose${target ? 's' : ''} no TCP port for Envoy to intercept; set app-ports`,
      'app-ports',
    );
  }
  def.containerDefinitions = containers;
  def.proxyConfiguration = proxyConfiguration(def.proxyConfiguration, envoy.name!, appPorts);
  return {
    definition: def,
    appContainers: apps.map((c) => c.name!),
    envoyContainer: envoy.name!,
    appPorts,
    envoyAdded,
    warnings,
  };
}

function tcpPorts(containers: ContainerDefinition[]): number[] {
  const ports = containers.flatMap((c) =>
    (c.portMappings ?? []).filter((p) => (p.protocol ?? 'tcp') === 'tcp' && p.containerPort !== undefined).map((p) => p.containerPort!),
  );
  return [...new Set(ports)];
}

function newEnvoyContainer(image: string, app: ContainerDefinition | undefined): ContainerDefinition {
  const envoy: ContainerDefinition = { name: 'envoy', image, essential: true, cpu: 0, environment: [] };
  const log = app?.logConfiguration;
  if (log?.logDriver === 'awslogs') {
    envoy.logConfiguration = { ...log, options: { ...log.options, 'awslogs-stream-prefix': 'envoy' } };
  }
  return envoy;
}

function configureEnvoy(envoy: ContainerDefinition, resourceArn: string): void {
  envoy.essential = true;
  envoy.user = ENVOY_UID;
  envoy.environment = upsertEnv(envoy.environment ?? [], 'APPMESH_RESOURCE_ARN', resourceArn);
  const mappings = [...(envoy.portMappings ?? [])];
  for (const port of [PROXY_EGRESS_PORT, PROXY_INGRESS_PORT, ENVOY_ADMIN_PORT]) {
    if (!mappings.some((m) => m.containerPort === port)) {
      mappings.push({ containerPort: port, hostPort: port, protocol: 'tcp' } satisfies PortMapping);
    }
  }
  envoy.portMappings = mappings;
  const ulimits = (envoy.ulimits ?? []).filter((u) => u.name !== 'nofile');
  envoy.ulimits = [...ulimits, { name: 'nofile', softLimit: 15000, hardLimit: 15000 }];
  const hc = envoy.healthCheck;
  envoy.healthCheck = {
    command: ['CMD-SHELL', ENVOY_HEALTH_COMMAND],
    interval: hc?.interval ?? 5,
    timeout: hc?.timeout ?? 2,
    retries: hc?.retries ?? 3,
    ...(hc?.startPeriod !== undefined ? { startPeriod: hc.startPeriod } : hc ? {} : { startPeriod: 10 }),
  };
}

function upsertEnv(env: KeyValuePair[], name: string, value: string): KeyValuePair[] {
  return env.some((e) => e.name === name) ? env.map((e) => (e.name === name ? { name, value } : e)) : [...env, { name, value }];
}

function proxyConfiguration(existing: ProxyConfiguration | undefined, envoyName: string, appPorts: number[]): ProxyConfiguration {
  const ignoredIps = new Set(EGRESS_IGNORED_IPS);
  const prior = existing?.type === 'APPMESH' ? (existing.properties ?? []) : [];
  for (const p of prior) if (p.name === 'EgressIgnoredIPs') p.value?.split(',').forEach((ip) => ip && ignoredIps.add(ip.trim()));
  const wanted: Record<string, string> = {
    ProxyIngressPort: String(PROXY_INGRESS_PORT),
    ProxyEgressPort: String(PROXY_EGRESS_PORT),
    AppPorts: appPorts.join(','),
    EgressIgnoredIPs: [...ignoredIps].join(','),
    IgnoredUID: ENVOY_UID,
  };
  const properties = prior.map((p) => (p.name && p.name in wanted ? { name: p.name, value: wanted[p.name] } : { ...p }));
  for (const [name, value] of Object.entries(wanted)) {
    if (!properties.some((p) => p.name === name)) properties.push({ name, value });
  }
  return { type: 'APPMESH', containerName: envoyName, properties };
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
export function sameTaskDefinition(a: TaskDefinitionInput | TaskDefinition, b: TaskDefinitionInput | TaskDefinition): boolean {
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
