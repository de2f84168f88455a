// Pure App Mesh planning: Envoy in the workload, the Cloud Map registry, the canary virtual node (after the
// isolation check), the route's two weighted targets (router and route created when missing) and the virtual
// service's provider.
import type { PortProtocol, VirtualServiceSpec } from '@aws-sdk/client-app-mesh';
import type { Service } from '@aws-sdk/client-ecs';
import { PlanError } from '../../errors.js';
import { clusterName } from '../../plan/service.js';
import { type Base, canonical, familyOf } from '../../plan/taskDefinition.js';
import { type Change, type Preview, ref, type Weights } from '../../model.js';
import { sameWeights, showWeights } from '../../plan/weights.js';
import type { DeployFacts, TrafficPlanner, WeightOptions, WeightPlan } from '../provider.js';
import { providerWeights, routesThroughRouter } from './entryPoint.js';
import { mentions, newRouteSpec, previewSpec, routesOnlyTo } from './routeSpec.js';
import type { AppMeshSettings } from './settings.js';
import { APP_MESH_KINDS as K, ROUTE_VERSION, type AppMeshState } from './state.js';
import { canaryNodeSpec, checkIsolation, envoyResourceArn, sameNodeSpec } from './virtualNode.js';
import { withEnvoy } from './workload.js';

export class AppMeshPlanner implements TrafficPlanner<AppMeshState> {
  constructor(
    private readonly s: AppMeshSettings,
    /** The canary ECS service, whose tasks the canary node's Cloud Map filter must select. */
    private readonly canaryService: string,
  ) {}

  renderWorkload(base: Base, role: 'canary' | 'stable', state: AppMeshState) {
    const node = role === 'canary' ? this.s.canaryNode : this.s.stableNode;
    const stableNodeArn = state.stableNode?.metadata?.arn ?? '';
    const arn = envoyResourceArn({ mesh: this.s.mesh, meshOwner: this.s.meshOwner, node, stableNodeArn });
    return withEnvoy(base, { envoyResourceArn: arn, envoyImage: this.s.envoyImage, appPorts: this.s.appPorts });
  }

  registration(stable: Service) {
    if (!stable.serviceRegistries?.length) {
      throw new PlanError(
        `Service ${stable.serviceName} has no Cloud Map service registry, so its tasks are invisible to App Mesh Cloud Map discovery; enable service discovery on it first`,
        'stable-service',
      );
    }
    return { serviceRegistries: stable.serviceRegistries };
  }

  planEndpoint(state: AppMeshState, facts: DeployFacts): Change[] {
    const { s } = this;
    const stableSpec = state.stableNode!.spec!;
    const cluster = clusterName(facts.stableService.clusterArn ?? facts.cluster);
    checkIsolation({
      stableNode: s.stableNode,
      stableSpec,
      canaryAttributes: s.cloudMapAttributes,
      stableTasks: {
        ECS_SERVICE_NAME: facts.stableService.serviceName!,
        ECS_TASK_DEFINITION_FAMILY: familyOf(facts.stableService.taskDefinition!),
        ECS_CLUSTER_NAME: cluster,
      },
      canaryTasks: {
        ECS_SERVICE_NAME: this.canaryService,
        ECS_TASK_DEFINITION_FAMILY: facts.canaryFamily,
        ECS_CLUSTER_NAME: cluster,
      },
    });
    const spec = canaryNodeSpec(stableSpec, s.stableNode, s.cloudMapAttributes);
    if (state.canaryNode && sameNodeSpec(state.canaryNode.spec, spec)) return [];
    const existed = state.canaryNode !== undefined;
    const filter = s.cloudMapAttributes.map((a) => `${a.key}=${a.value}`).join(', ');
    const remove = `aws appmesh delete-virtual-node --mesh-name ${s.mesh} --virtual-node-name ${s.canaryNode}`;
    return [
      {
        kind: existed ? K.updateNode : K.createNode,
        resource: { type: 'virtual node', name: s.canaryNode },
        action: existed ? 'update' : 'create',
        before: existed ? 'spec differs from the stable node with the canary filter' : undefined,
        after: `stable node's spec, Cloud Map filter ${filter}`,
        request: { virtualNodeName: s.canaryNode, spec },
        moves: 'none',
        leftBehind: existed ? undefined : `virtual node ${s.canaryNode} (${remove})`,
      },
    ];
  }

  planWeights(state: AppMeshState, target: Weights, opts: WeightOptions = {}): WeightPlan<AppMeshState> {
    const { s } = this;
    if (!state.route) {
      if (!opts.create) {
        throw new PlanError(
          `Route ${s.route} of virtual router ${s.virtualRouter} does not exist; run deploy first`,
          'route',
        );
      }
      return this.createRouting(state, target, opts.dark === true);
    }
    if (sameWeights(state.weights, target)) return { changes: [], next: state };
    if (state.foreign) throw new PlanError(state.foreign, 'route');
    const change: Change = {
      kind: K.setWeights,
      resource: { type: 'route', name: s.route },
      action: 'update',
      before: state.weights ? showWeights(state.weights) : undefined,
      after: showWeights(target),
      request: {
        virtualRouterName: s.virtualRouter,
        routeName: s.route,
        stableNode: s.stableNode,
        canaryNode: s.canaryNode,
        weights: target,
        expectedVersion: state.routeVersion,
      },
      moves: 'traffic',
    };
    return { changes: [change], next: { ...state, weights: target, routeVersion: ref(ROUTE_VERSION) } };
  }

  private createRouting(state: AppMeshState, target: Weights, dark: boolean): WeightPlan<AppMeshState> {
    const { s } = this;
    const listener = state.stableNode?.spec?.listeners?.[0]?.portMapping;
    if (!listener?.port || !listener.protocol) {
      throw new PlanError(
        `Virtual node ${s.stableNode} has no listener to copy to the virtual router`,
        'stable-virtual-node',
      );
    }
    const mesh = `--mesh-name ${s.mesh} --virtual-router-name ${s.virtualRouter}`;
    const changes: Change[] = [];
    if (!state.router) {
      changes.push({
        kind: K.createRouter,
        resource: { type: 'virtual router', name: s.virtualRouter },
        action: 'create',
        after: `listener ${listener.protocol}:${listener.port}`,
        request: {
          virtualRouterName: s.virtualRouter,
          spec: { listeners: [{ portMapping: { port: listener.port, protocol: listener.protocol as PortProtocol } }] },
        },
        moves: 'none',
        leftBehind: `virtual router ${s.virtualRouter} (aws appmesh delete-virtual-router ${mesh})`,
      });
    }
    changes.push({
      kind: K.createRoute,
      resource: { type: 'route', name: s.route },
      action: 'create',
      after: showWeights(target),
      request: {
        virtualRouterName: s.virtualRouter,
        routeName: s.route,
        spec: newRouteSpec(listener.protocol, s.stableNode, dark ? undefined : s.canaryNode, target),
        weights: target,
        unrouted: routesThroughRouter(this.s, state.virtualService)
          ? undefined
          : { weights: providerWeights(this.s, state.virtualService) },
      },
      moves: 'none',
      leftBehind: `route ${s.route} (aws appmesh delete-route ${mesh} --route-name ${s.route})`,
    });
    const routeSpec = newRouteSpec(listener.protocol, s.stableNode, dark ? undefined : s.canaryNode, target);
    return {
      changes,
      next: { ...state, weights: target, routeVersion: ref(ROUTE_VERSION), routeId: undefined, routeSpec },
    };
  }

  planPreview(state: AppMeshState, preview: Preview | undefined): Change[] {
    const { s } = this;
    const resource = { type: 'route', name: s.previewRoute };
    const at = { virtualRouterName: s.virtualRouter, routeName: s.previewRoute };
    const existing = state.previewRoute?.spec;
    const ours = routesOnlyTo(existing, s.canaryNode);
    if (!preview) {
      if (!existing || !ours) return [];
      const change: Change = {
        kind: K.deleteRoute,
        resource,
        action: 'delete',
        before: 'header requests → canary',
        after: 'deleted',
        request: { ...at, spec: existing },
        moves: 'traffic',
      };
      return [change];
    }
    if (existing && !ours) {
      throw new PlanError(
        `Route ${s.previewRoute} exists and routes elsewhere; name another preview-route`,
        'preview-route',
      );
    }
    if (!state.routeSpec)
      throw new PlanError(`Route ${s.route} does not exist, so there is no match to preview`, 'route');
    const spec = previewSpec(state.routeSpec, s.canaryNode, { name: preview.header, value: preview.value });
    if (existing && canonical(existing) === canonical(spec)) return [];
    const after = `${preview.header}: ${preview.value} → canary ${s.canaryNode} (priority ${spec.priority})`;
    if (existing) {
      return [
        {
          kind: K.putPreview,
          resource,
          action: 'update',
          before: 'another match',
          after,
          request: { ...at, spec, previous: existing },
          moves: 'traffic',
        },
      ];
    }
    return [{ kind: K.createPreview, resource, action: 'create', after, request: { ...at, spec }, moves: 'traffic' }];
  }

  planCleanup(state: AppMeshState): { changes: Change[]; kept: string[] } {
    const { s } = this;
    if (!state.canaryNode) return { changes: [], kept: [] };
    if (!state.canaryNodeOurs)
      return { changes: [], kept: [`virtual node ${s.canaryNode} (not created by this action)`] };
    const named = state.routeSpec !== undefined && mentions(state.routeSpec, s.canaryNode);
    if (named) return { changes: [], kept: [`virtual node ${s.canaryNode} (route ${s.route} still names it)`] };
    const change: Change = {
      kind: K.deleteNode,
      resource: { type: 'virtual node', name: s.canaryNode },
      action: 'delete',
      after: 'deleted (created by this action)',
      request: { virtualNodeName: s.canaryNode },
      moves: 'none',
    };
    return { changes: [change], kept: [] };
  }

  planEntryPoint(state: AppMeshState): Change[] {
    const { mesh, virtualService, virtualRouter } = this.s;
    if (!virtualService) return [];
    const spec = state.virtualService?.spec;
    if (!spec)
      throw new PlanError(`Virtual service ${virtualService} does not exist in mesh ${mesh}`, 'virtual-service');
    const routerName = spec.provider?.virtualRouter?.virtualRouterName;
    if (routerName === virtualRouter) return [];
    if (routerName) {
      throw new PlanError(
        `Virtual service ${virtualService} is provided by another virtual router (${routerName}); this action will not take it over`,
        'virtual-service',
      );
    }
    const next: VirtualServiceSpec = { ...spec, provider: { virtualRouter: { virtualRouterName: virtualRouter } } };
    const node = spec.provider?.virtualNode?.virtualNodeName;
    const before = node ? `virtual node ${node}` : 'no provider';
    return [
      {
        kind: K.setProvider,
        resource: { type: 'virtual service', name: virtualService },
        action: 'update',
        before: `provider ${before}`,
        after: `provider virtual router ${virtualRouter}`,
        request: {
          virtualServiceName: virtualService,
          spec: next,
          weights: state.weights,
          previous: { spec, describe: before, weights: providerWeights(this.s, state.virtualService) },
        },
        moves: 'traffic',
      },
    ];
  }
}
