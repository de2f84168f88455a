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
