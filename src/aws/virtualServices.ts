// App Mesh virtual services: describe, update the provider.
import {
  DescribeVirtualServiceCommand,
  UpdateVirtualServiceCommand,
  type AppMeshClient,
  type VirtualServiceData,
  type VirtualServiceSpec,
} from '@aws-sdk/client-app-mesh';
import { orUndefined } from './notFound.js';
import type { MeshRef } from './virtualNodes.js';

export async function describeVirtualService(client: AppMeshClient, mesh: MeshRef, virtualServiceName: string): Promise<VirtualServiceData | undefined> {
  const out = await orUndefined(client.send(new DescribeVirtualServiceCommand({ ...mesh, virtualServiceName })));
  return out?.virtualService;
}

export async function updateVirtualService(client: AppMeshClient, mesh: MeshRef, virtualServiceName: string, spec: VirtualServiceSpec): Promise<VirtualServiceData> {
  const out = await client.send(new UpdateVirtualServiceCommand({ ...mesh, virtualServiceName, spec }));
  return out.virtualService!;
}
