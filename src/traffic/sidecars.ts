// Which containers of a task definition are sidecars of a traffic backend or of observability, not the application:
// the image a deploy swaps is never one of them, and each provider adds or removes its own.
import type { ContainerDefinition, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';

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

/** An App Mesh Envoy: the APPMESH proxy container, or a container named envoy or running the Envoy image. */
export function isEnvoyContainer(
  c: ContainerDefinition,
  def: Pick<RegisterTaskDefinitionCommandInput, 'proxyConfiguration'>,
): boolean {
  const proxy = def.proxyConfiguration?.type === 'APPMESH' ? def.proxyConfiguration.containerName : undefined;
  return c.name === proxy || c.name === 'envoy' || /aws-appmesh-envoy/.test(c.image ?? '');
}

/**
 * The task definition without App Mesh: its Envoy containers, the APPMESH proxy configuration, and the other
 * containers' dependsOn on Envoy; a warning says so when there was anything to drop. `where` completes the warning
 * ("for VPC Lattice", "behind the load balancer", …).
 */
export function withoutEnvoy(
  def: RegisterTaskDefinitionCommandInput,
  where: string,
): { definition: RegisterTaskDefinitionCommandInput; warnings: string[] } {
  const envoys = (def.containerDefinitions ?? []).filter((c) => isEnvoyContainer(c, def)).map((c) => c.name!);
  if (envoys.length === 0 && def.proxyConfiguration?.type !== 'APPMESH') return { definition: def, warnings: [] };
  def.containerDefinitions = (def.containerDefinitions ?? [])
    .filter((c) => !envoys.includes(c.name!))
    .map((c) => withoutDependency(c, envoys));
  if (def.proxyConfiguration?.type === 'APPMESH') delete def.proxyConfiguration;
  const carried = envoys.length ? `Envoy container ${envoys.join(', ')}` : 'no Envoy';
  const warning = `The base task definition still carries App Mesh (${carried}, APPMESH proxy configuration); the revision ${where} drops them and the application's dependsOn on Envoy.`;
  return { definition: def, warnings: [warning] };
}

function withoutDependency(c: ContainerDefinition, removed: string[]): ContainerDefinition {
  if (!c.dependsOn) return c;
  const dependsOn = c.dependsOn.filter((d) => !removed.includes(d.containerName!));
  return { ...c, dependsOn: dependsOn.length ? dependsOn : undefined };
}
