// App Mesh implementation of TrafficRouter: a virtual router with one route whose two weighted targets are the stable
// and canary virtual nodes, and a virtual service whose provider is that router.
import * as core from '@actions/core';
import type { PortProtocol, RouteData, VirtualRouterData, VirtualRouterSpec, VirtualServiceData, VirtualServiceSpec } from '@aws-sdk/client-app-mesh';
import type { Clients } from '../aws/clients.js';
import { createRoute, createVirtualRouter, describeRoute, describeVirtualRouter, updateRoute } from '../aws/routes.js';
import type { MeshRef } from '../aws/virtualNodes.js';
import { describeVirtualService, updateVirtualService } from '../aws/virtualServices.js';
import { ConcurrentModificationError, PlanError } from '../errors.js';
import type { ApplyContext, Change } from '../plan/types.js';
import { newRouteSpec, readWeights, sameWeights, withWeights, type Weights } from '../plan/weights.js';
import type { ListenerHint, TrafficRouter, TrafficState } from './router.js';

export interface AppMeshTrafficState extends TrafficState {
  router?: VirtualRouterData;
  route?: RouteData;
  virtualService?: VirtualServiceData;
}

export interface AppMeshRouterOptions {
  mesh: MeshRef;
  virtualRouter: string;
  route: string;
  virtualService?: string;
  stableNode: string;
  canaryNode: string;
}

const show = (w: Weights) => `stable ${w.stable} / canary ${w.canary}`;

export class AppMeshRouter implements TrafficRouter<AppMeshTrafficState> {
  readonly name = 'App Mesh';

  constructor(
    private readonly clients: Clients,
    private readonly opts: AppMeshRouterOptions,
  ) {}

  async read(scope: 'weights' | 'full'): Promise<AppMeshTrafficState> {
    const { appMesh } = this.clients;
    const { mesh, virtualRouter, route, virtualService } = this.opts;
    const [routeData, router, service] = await Promise.all([
      describeRoute(appMesh, mesh, virtualRouter, route),
      scope === 'full' ? describeVirtualRouter(appMesh, mesh, virtualRouter) : undefined,
      scope === 'full' && virtualService ? describeVirtualService(appMesh, mesh, virtualService) : undefined,
    ]);
    return this.stateOf(routeData, router, service);
  }

  /** Pure: state from what App Mesh returned. */
  stateOf(route?: RouteData, router?: VirtualRouterData, virtualService?: VirtualServiceData): AppMeshTrafficState {
    const weights = route?.spec ? readWeights(route.spec, this.opts.stableNode, this.opts.canaryNode, this.opts.route) : undefined;
    return { route, router, virtualService, weights, routeId: route?.metadata?.arn };
  }

  planWeights(state: AppMeshTrafficState, target: Weights, listener?: ListenerHint): Change[] {
    const { mesh, virtualRouter, route: routeName, stableNode, canaryNode } = this.opts;
    const changes: Change[] = [];
    const needsRouter = !state.route && !state.router;
    if (!state.route && !listener) {
      throw new PlanError(`Route ${routeName} of virtual router ${virtualRouter} does not exist; run deploy first`, 'route');
    }
    if (needsRouter) {
      const spec: VirtualRouterSpec = { listeners: [{ portMapping: { port: listener!.port, protocol: listener!.protocol as PortProtocol } }] };
      changes.push({
        kind: 'virtual-router',
        resource: `virtual router ${virtualRouter}`,
        action: 'create',
        after: `listener ${listener!.protocol}:${listener!.port}`,
        traffic: false,
        run: async ({ clients }) => {
          const created = await createVirtualRouter(clients.appMesh, mesh, virtualRouter, spec);
          return { detail: created.metadata?.arn, leftBehind: `virtual router ${virtualRouter} (aws appmesh delete-virtual-router --mesh-name ${mesh.meshName} --virtual-router-name ${virtualRouter})` };
        },
      });
    }
    if (!state.route) {
      const spec = newRouteSpec(listener!.protocol, stableNode, canaryNode, target);
      changes.push({
        kind: 'route',
        resource: `route ${routeName}`,
        action: 'create',
        after: show(target),
        traffic: false,
        run: async (ctx) => {
          const created = await createRoute(ctx.clients.appMesh, mesh, virtualRouter, routeName, spec);
          ctx.facts.routeArn = created.metadata?.arn;
          ctx.facts.routeVersion = created.metadata?.version;
          ctx.facts.weights = target;
          return {
            detail: created.metadata?.arn,
            leftBehind: `route ${routeName} (aws appmesh delete-route --mesh-name ${mesh.meshName} --virtual-router-name ${virtualRouter} --route-name ${routeName})`,
          };
        },
      });
      return changes;
    }
    if (sameWeights(state.weights, target)) return changes;
    const plannedVersion = state.route.metadata?.version;
    changes.push({
      kind: 'route',
      resource: `route ${routeName}`,
      action: 'update',
      before: state.weights ? show(state.weights) : undefined,
      after: show(target),
      traffic: true,
      run: async (ctx) => {
        const { before, written } = await this.guardedRouteWrite(ctx, plannedVersion, target);
        ctx.facts.routeArn = written.metadata?.arn;
        ctx.facts.weights = target;
        const previous = readWeights(before.spec!, stableNode, canaryNode, routeName);
        return {
          detail: `version ${written.metadata?.version}`,
          restore: {
            describe: `route ${routeName} weights back to ${show(previous)}`,
            run: async (restoreCtx) => {
              const restored = await updateRoute(restoreCtx.clients.appMesh, mesh, virtualRouter, routeName, before.spec!);
              restoreCtx.facts.routeVersion = restored.metadata?.version;
              restoreCtx.facts.weights = previous;
            },
          },
        };
      },
    });
    return changes;
  }

  /**
   * Concurrency guard: re-read the route right before writing and refuse if anyone else changed it since the plan
   * was made (or since this run's own last write to it); after the write, the version must be exactly one more.
   * Only the two weighted targets of the route as it is now are changed.
   */
  private async guardedRouteWrite(ctx: ApplyContext, plannedVersion: number | undefined, target: Weights): Promise<{ before: RouteData; written: RouteData }> {
    const { mesh, virtualRouter, route, stableNode, canaryNode } = this.opts;
    const current = await describeRoute(ctx.clients.appMesh, mesh, virtualRouter, route);
    const expectedVersion = ctx.facts.routeVersion ?? plannedVersion;
    const currentVersion = current?.metadata?.version;
    if (!current?.spec || currentVersion !== expectedVersion) {
      throw new ConcurrentModificationError(
        `Route ${route} changed while this run was working (version ${expectedVersion} expected, ${currentVersion ?? 'deleted'} now): another run or person is editing it. Nothing was written to it; rerun once the other change is done (a workflow concurrency group per service prevents this)`,
      );
    }
    const spec = withWeights(current.spec, stableNode, canaryNode, target);
    core.debug(`UpdateRoute ${route} (version ${currentVersion}) ${JSON.stringify(spec)}`);
    const written = await updateRoute(ctx.clients.appMesh, mesh, virtualRouter, route, spec);
    ctx.facts.routeVersion = written.metadata?.version;
    const expected = (currentVersion ?? 0) + 1;
    if (written.metadata?.version !== undefined && written.metadata.version !== expected) {
      throw new ConcurrentModificationError(
        `Route ${route} was modified by someone else at the same moment as this run's write (version ${written.metadata.version}, expected ${expected}); check its weights before retrying`,
      );
    }
    return { before: current, written };
  }

  planEntryPoint(state: AppMeshTrafficState): Change[] {
    const { mesh, virtualService, virtualRouter } = this.opts;
    if (!virtualService) return [];
    const current = state.virtualService;
    if (!current?.spec) {
      throw new PlanError(`Virtual service ${virtualService} does not exist in mesh ${mesh.meshName}`, 'virtual-service');
    }
    const provider = current.spec.provider;
    const routerName = provider?.virtualRouter?.virtualRouterName;
    if (routerName === virtualRouter) return [];
    if (routerName) {
      throw new PlanError(
        `Virtual service ${virtualService} is provided by another virtual router (${routerName}); this action will not take it over`,
        'virtual-service',
      );
    }
    const previous = structuredClone(current.spec);
    const next: VirtualServiceSpec = { ...current.spec, provider: { virtualRouter: { virtualRouterName: virtualRouter } } };
    const before = provider?.virtualNode ? `virtual node ${provider.virtualNode.virtualNodeName}` : 'no provider';
    return [
      {
        kind: 'virtual-service',
        resource: `virtual service ${virtualService}`,
        action: 'update',
        before: `provider ${before}`,
        after: `provider virtual router ${virtualRouter}`,
        traffic: true,
        run: async ({ clients }) => {
          await updateVirtualService(clients.appMesh, mesh, virtualService, next);
          return {
            restore: {
              describe: `virtual service ${virtualService} provider back to ${before}`,
              run: async (ctx) => {
                await updateVirtualService(ctx.clients.appMesh, mesh, virtualService, previous);
              },
            },
          };
        },
      },
    ];
  }
}
