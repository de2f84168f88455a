// Pure: what an App Mesh workload needs on top of the base task definition: the Envoy sidecar (added or updated in
// place), the application waiting for Envoy to be healthy, and the APPMESH proxy configuration.
import type { ContainerDefinition, PortMapping, ProxyConfiguration } from '@aws-sdk/client-ecs';
import { PlanError } from '../../errors.js';
import { upsertEnv, type Base, type TaskDefinitionInput } from '../../plan/taskDefinition.js';
import { isEnvoyContainer } from '../sidecars.js';

export const DEFAULT_ENVOY_IMAGE = 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.2.0-prod';
export const ENVOY_HEALTH_COMMAND = 'curl -s http://localhost:9901/server_info | grep state | grep -q LIVE';
export const ENVOY_UID = '1337';
export const ENVOY_ADMIN_PORT = 9901;
export const PROXY_INGRESS_PORT = 15000;
export const PROXY_EGRESS_PORT = 15001;
export const EGRESS_IGNORED_IPS = ['169.254.170.2', '169.254.169.254'];

export interface EnvoyOptions {
  /** Value of APPMESH_RESOURCE_ARN: `mesh/<mesh>/virtualNode/<node>` or a full ARN for shared meshes. */
  envoyResourceArn: string;
  /** Image for a new Envoy container, and for an existing one only when the user asked for it. */
  envoyImage?: string;
  appPorts?: readonly number[];
}

export interface Rendered {
  definition: TaskDefinitionInput;
  envoyAdded: boolean;
  warnings: string[];
}

export function withEnvoy(base: Base, opts: EnvoyOptions): Rendered {
  const def = base.definition;
  if (def.networkMode !== 'awsvpc') {
    const mode = def.networkMode ? `"${def.networkMode}"` : 'none (bridge)';
    throw new PlanError(
      `App Mesh on ECS needs networkMode "awsvpc"; the base task definition has ${mode}`,
      base.source,
    );
  }
  const warnings = def.taskRoleArn
    ? []
    : [
        'The task definition has no taskRoleArn: Envoy cannot reach App Mesh without a task role that allows appmesh:StreamAggregatedResources (the AWSAppMeshEnvoyAccess managed policy).',
      ];
  const containers = def.containerDefinitions ?? [];
  let envoy = containers.find((c) => isEnvoyContainer(c, def));
  const envoyAdded = envoy === undefined;
  if (!envoy) {
    envoy = newEnvoyContainer(opts.envoyImage ?? DEFAULT_ENVOY_IMAGE, base.target ?? base.apps[0]);
    containers.push(envoy);
  } else if (opts.envoyImage) {
    envoy.image = opts.envoyImage;
  }
  configureEnvoy(envoy, opts.envoyResourceArn);
  for (const app of base.apps) {
    const others = (app.dependsOn ?? []).filter((d) => d.containerName !== envoy.name);
    app.dependsOn = [{ containerName: envoy.name, condition: 'HEALTHY' }, ...others];
  }
  def.containerDefinitions = containers;
  def.proxyConfiguration = proxyConfiguration(def.proxyConfiguration, envoy.name!, appPortsOf(base, opts));
  return { definition: def, envoyAdded, warnings };
}

function appPortsOf(base: Base, opts: EnvoyOptions): number[] {
  if (opts.appPorts) return [...opts.appPorts];
  const ports = tcpPorts(base.target ? [base.target] : base.apps);
  if (ports.length > 0) return ports;
  const which = base.target ? `container "${base.target.name}" exposes` : 'containers expose';
  throw new PlanError(`The application ${which} no TCP port for Envoy to intercept; set app-ports`, 'app-ports');
}

function tcpPorts(containers: ContainerDefinition[]): number[] {
  const ports = containers.flatMap((c) =>
    (c.portMappings ?? [])
      .filter((p) => (p.protocol ?? 'tcp') === 'tcp' && p.containerPort !== undefined)
      .map((p) => p.containerPort!),
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

function proxyConfiguration(
  existing: ProxyConfiguration | undefined,
  envoyName: string,
  appPorts: number[],
): ProxyConfiguration {
  const ignoredIps = new Set(EGRESS_IGNORED_IPS);
  const prior = existing?.type === 'APPMESH' ? (existing.properties ?? []) : [];
  for (const p of prior.filter((p) => p.name === 'EgressIgnoredIPs')) {
    for (const ip of p.value?.split(',') ?? []) if (ip.trim()) ignoredIps.add(ip.trim());
  }
  const wanted: Record<string, string> = {
    ProxyIngressPort: String(PROXY_INGRESS_PORT),
    ProxyEgressPort: String(PROXY_EGRESS_PORT),
    AppPorts: appPorts.join(','),
    EgressIgnoredIPs: [...ignoredIps].join(','),
    IgnoredUID: ENVOY_UID,
  };
  const properties = prior.map((p) =>
    p.name && p.name in wanted ? { name: p.name, value: wanted[p.name] } : { ...p },
  );
  for (const [name, value] of Object.entries(wanted)) {
    if (!properties.some((p) => p.name === name)) properties.push({ name, value });
  }
  return { type: 'APPMESH', containerName: envoyName, properties };
}
