// App Mesh calls: every read answers undefined for a resource that does not exist; writes return what App Mesh
// stored. The only module of the provider that sends App Mesh commands.
import {
  CreateRouteCommand,
  CreateVirtualNodeCommand,
  CreateVirtualRouterCommand,
  DescribeMeshCommand,
  DescribeRouteCommand,
  DescribeVirtualNodeCommand,
  DescribeVirtualRouterCommand,
  DeleteRouteCommand,
  DeleteVirtualNodeCommand,
  DescribeVirtualServiceCommand,
  ListTagsForResourceCommand,
  ListRoutesCommand,
  UpdateRouteCommand,
  UpdateVirtualNodeCommand,
  UpdateVirtualServiceCommand,
  type AppMeshClient,
  type MeshData,
  type RouteData,
  type RouteSpec,
  type VirtualNodeData,
  type VirtualNodeSpec,
  type VirtualRouterData,
  type VirtualRouterSpec,
  type VirtualServiceData,
  type VirtualServiceSpec,
} from '@aws-sdk/client-app-mesh';
import { orUndefined } from '../../aws/notFound.js';

/** The tag on everything this action creates in App Mesh. */
export const CREATED_BY = { key: 'ecs-mesh-canary:created-by', value: 'ecs-mesh-canary' };

export interface MeshRef {
  meshName: string;
  meshOwner?: string;
}

export class AppMeshApi {
  constructor(
    readonly client: AppMeshClient,
    readonly mesh: MeshRef,
  ) {}

  async describeMesh(): Promise<MeshData | undefined> {
    return (await orUndefined(this.client.send(new DescribeMeshCommand(this.mesh))))?.mesh;
  }

  async describeVirtualNode(virtualNodeName: string): Promise<VirtualNodeData | undefined> {
    const out = await orUndefined(this.client.send(new DescribeVirtualNodeCommand({ ...this.mesh, virtualNodeName })));
    return out?.virtualNode;
  }

  async createVirtualNode(virtualNodeName: string, spec: VirtualNodeSpec): Promise<VirtualNodeData> {
    const command = new CreateVirtualNodeCommand({ ...this.mesh, virtualNodeName, spec, tags: [CREATED_BY] });
    return (await this.client.send(command)).virtualNode!;
  }

  async deleteVirtualNode(virtualNodeName: string): Promise<void> {
    await this.client.send(new DeleteVirtualNodeCommand({ ...this.mesh, virtualNodeName }));
  }

  async deleteRoute(virtualRouterName: string, routeName: string): Promise<void> {
    await this.client.send(new DeleteRouteCommand({ ...this.mesh, virtualRouterName, routeName }));
  }

  /** Whether this action created the resource (its tag), for clean-ups that must never touch anything else. */
  async createdByAction(resourceArn: string): Promise<boolean> {
    const out = await orUndefined(this.client.send(new ListTagsForResourceCommand({ resourceArn })));
    return (out?.tags ?? []).some((t) => t.key === CREATED_BY.key && t.value === CREATED_BY.value);
  }

  async updateVirtualNode(virtualNodeName: string, spec: VirtualNodeSpec): Promise<VirtualNodeData> {
    return (await this.client.send(new UpdateVirtualNodeCommand({ ...this.mesh, virtualNodeName, spec }))).virtualNode!;
  }

  async describeVirtualRouter(virtualRouterName: string): Promise<VirtualRouterData | undefined> {
    const out = await orUndefined(
      this.client.send(new DescribeVirtualRouterCommand({ ...this.mesh, virtualRouterName })),
    );
    return out?.virtualRouter;
  }

  async createVirtualRouter(virtualRouterName: string, spec: VirtualRouterSpec): Promise<VirtualRouterData> {
    const command = new CreateVirtualRouterCommand({ ...this.mesh, virtualRouterName, spec });
    return (await this.client.send(command)).virtualRouter!;
  }

  async describeRoute(virtualRouterName: string, routeName: string): Promise<RouteData | undefined> {
    const command = new DescribeRouteCommand({ ...this.mesh, virtualRouterName, routeName });
    return (await orUndefined(this.client.send(command)))?.route;
  }

  /** The names of the router's routes (all pages). */
  async listRoutes(virtualRouterName: string): Promise<string[]> {
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const out = await orUndefined(
        this.client.send(new ListRoutesCommand({ ...this.mesh, virtualRouterName, nextToken })),
      );
      names.push(...(out?.routes ?? []).map((r) => r.routeName!));
      nextToken = out?.nextToken;
    } while (nextToken);
    return names;
  }

  async createRoute(virtualRouterName: string, routeName: string, spec: RouteSpec): Promise<RouteData> {
    const command = new CreateRouteCommand({ ...this.mesh, virtualRouterName, routeName, spec, tags: [CREATED_BY] });
    return (await this.client.send(command)).route!;
  }

  async updateRoute(virtualRouterName: string, routeName: string, spec: RouteSpec): Promise<RouteData> {
    return (await this.client.send(new UpdateRouteCommand({ ...this.mesh, virtualRouterName, routeName, spec })))
      .route!;
  }

  async describeVirtualService(virtualServiceName: string): Promise<VirtualServiceData | undefined> {
    const command = new DescribeVirtualServiceCommand({ ...this.mesh, virtualServiceName });
    return (await orUndefined(this.client.send(command)))?.virtualService;
  }

  async updateVirtualService(virtualServiceName: string, spec: VirtualServiceSpec): Promise<VirtualServiceData> {
    const command = new UpdateVirtualServiceCommand({ ...this.mesh, virtualServiceName, spec });
    return (await this.client.send(command)).virtualService!;
  }
}
