// App Mesh virtual nodes: describe, create, update.
import {
  CreateVirtualNodeCommand,
  DescribeVirtualNodeCommand,
  UpdateVirtualNodeCommand,
  type AppMeshClient,
  type VirtualNodeData,
  type VirtualNodeSpec,
} from '@aws-sdk/client-app-mesh';
import { orUndefined } from './notFound.js';

export interface MeshRef {
  meshName: string;
  meshOwner?: string;
}

export async function describeVirtualNode(client: AppMeshClient, mesh: MeshRef, virtualNodeName: string): Promise<VirtualNodeData | undefined> {
  const out = await orUndefined(client.send(new DescribeVirtualNodeCommand({ ...mesh, virtualNodeName })));
  return out?.virtualNode;
}

export async function createVirtualNode(client: AppMeshClient, mesh: MeshRef, virtualNodeName: string, spec: VirtualNodeSpec): Promise<VirtualNodeData> {
  const out = await client.send(new CreateVirtualNodeCommand({ ...mesh, virtualNodeName, spec }));
  return out.virtualNode!;
}

export async function updateVirtualNode(client: AppMeshClient, mesh: MeshRef, virtualNodeName: string, spec: VirtualNodeSpec): Promise<VirtualNodeData> {
  const out = await client.send(new UpdateVirtualNodeCommand({ ...mesh, virtualNodeName, spec }));
  return out.virtualNode!;
}
