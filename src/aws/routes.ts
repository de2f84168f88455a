// App Mesh virtual routers and routes: describe, create, update.
import {
  CreateRouteCommand,
  CreateVirtualRouterCommand,
  DescribeRouteCommand,
  DescribeVirtualRouterCommand,
  UpdateRouteCommand,
  type AppMeshClient,
  type RouteData,
  type RouteSpec,
  type VirtualRouterData,
  type VirtualRouterSpec,
} from '@aws-sdk/client-app-mesh';
import { orUndefined } from './notFound.js';
import type { MeshRef } from './virtualNodes.js';

export async function describeVirtualRouter(client: AppMeshClient, mesh: MeshRef, virtualRouterName: string): Promise<VirtualRouterData | undefined> {
  const out = await orUndefined(client.send(new DescribeVirtualRouterCommand({ ...mesh, virtualRouterName })));
  return out?.virtualRouter;
}

export async function createVirtualRouter(client: AppMeshClient, mesh: MeshRef, virtualRouterName: string, spec: VirtualRouterSpec): Promise<VirtualRouterData> {
  const out = await client.send(new CreateVirtualRouterCommand({ ...mesh, virtualRouterName, spec }));
  return out.virtualRouter!;
}

export async function describeRoute(client: AppMeshClient, mesh: MeshRef, virtualRouterName: string, routeName: string): Promise<RouteData | undefined> {
  const out = await orUndefined(client.send(new DescribeRouteCommand({ ...mesh, virtualRouterName, routeName })));
  return out?.route;
}

export async function createRoute(client: AppMeshClient, mesh: MeshRef, virtualRouterName: string, routeName: string, spec: RouteSpec): Promise<RouteData> {
  const out = await client.send(new CreateRouteCommand({ ...mesh, virtualRouterName, routeName, spec }));
  return out.route!;
}

export async function updateRoute(client: AppMeshClient, mesh: MeshRef, virtualRouterName: string, routeName: string, spec: RouteSpec): Promise<RouteData> {
  const out = await client.send(new UpdateRouteCommand({ ...mesh, virtualRouterName, routeName, spec }));
  return out.route!;
}
