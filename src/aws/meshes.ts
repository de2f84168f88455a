// App Mesh meshes: only read, to tell a missing mesh from a missing virtual node.
import { DescribeMeshCommand, type AppMeshClient, type MeshData } from '@aws-sdk/client-app-mesh';
import { orUndefined } from './notFound.js';
import type { MeshRef } from './virtualNodes.js';

export async function describeMesh(client: AppMeshClient, mesh: MeshRef): Promise<MeshData | undefined> {
  const out = await orUndefined(client.send(new DescribeMeshCommand(mesh)));
  return out?.mesh;
}
