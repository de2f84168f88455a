// Turns (Settings, ClusterState) into an ordered Plan. Deciding is pure; each Change's run() holds the one AWS write
// it describes. Order matters: node before the tasks whose Envoy names it, no canary weight before its rollout
// completed, the virtual-service provider switch last.
import * as core from '@actions/core';
import type { Service, TaskDefinition } from '@aws-sdk/client-ecs';
import { createService, primaryDeployment, rolloutComplete, updateService, waitForRollout } from '../aws/ecsServices.js';
import { registerTaskDefinition } from '../aws/ecsTaskDefinitions.js';
import { createVirtualNode, updateVirtualNode } from '../aws/virtualNodes.js';
import { PlanError } from '../errors.js';
import { DEFAULT_ENVOY_IMAGE, type Settings } from '../inputs.js';
import { meshRef, type ClusterState, type DeployState, type PromoteState, type ShiftState } from '../state.js';
import type { TrafficRouter } from '../traffic/router.js';
import { canaryServiceInput } from './service.js';
import { appImages, familyOf, renderTaskDefinition, sameTaskDefinition, shortTaskDefinition, type TaskDefinitionInput } from './taskDefinition.js';
import { guardRestore, type ApplyContext, type Change, type Plan, type ServiceSnapshot } from './types.js';
import { canaryNodeSpec, checkIsolation, clusterName, envoyResourceArn, sameNodeSpec } from './virtualNode.js';
import { weightsFor } from './weights.js';

/** Planning sees routing only through the TrafficRouter interface, whatever implements it. */
type Router = TrafficRouter;

function snapshot(service: Service | undefined, name: string, role: ServiceSnapshot['role']): ServiceSnapshot {
  return { name, role, taskDefinition: service?.taskDefinition, running: service?.runningCount ?? 0, desired: service?.desiredCount ?? 0 };
}

function servicesOf(settings: Settings, stable: Service | undefined, canary: Service | undefined): ServiceSnapshot[] {
  return [snapshot(stable, settings.stable.service, 'stable'), snapshot(canary, settings.canary.service, 'canary')];
}

function record(ctx: ApplyContext, service: Service, role: ServiceSnapshot['role']): void {
  ctx.facts.services = { ...ctx.facts.services, [service.serviceName!]: snapshot(service, service.serviceName!, role) };
}

export function buildPlan(settings: Settings, state: ClusterState, router: Router): Plan {
  switch (state.operation) {
    case 'deploy':
      return planDeploy(settings, state, router);
    case 'promote':
      return planPromote(settings, state, router);
    case 'shift':
      return planShift(settings, state, router);
    case 'rollback':
      return planRollback(settings, state, router);
  }
}

function planDeploy(settings: Settings, state: DeployState, router: Router): Plan {
  const mesh = meshRef(settings);
  const { stableService, stableNode } = state;
  const rendered = renderTaskDefinition(state.base, {
    family: state.canaryFamily,
    envoyResourceArn: envoyResourceArn({
      mesh: settings.mesh,
      meshOwner: settings.meshOwner,
      node: settings.canary.virtualNode,
      stableNodeArn: stableNode.metadata?.arn ?? '',
    }),
    containerName: settings.containerName,
    image: settings.image,
    envoyImage: settings.envoyImage,
    defaultEnvoyImage: DEFAULT_ENVOY_IMAGE,
    appPorts: settings.appPorts,
    source: state.baseSource,
  });
  const cluster = clusterName(stableService.clusterArn ?? settings.cluster);
  checkIsolation({
    stableNode: settings.stable.virtualNode,
    stableSpec: stableNode.spec!,
    canaryAttributes: settings.cloudMapAttributes,
    stableTasks: {
      ECS_SERVICE_NAME: settings.stable.service,
      ECS_TASK_DEFINITION_FAMILY: familyOf(stableService.taskDefinition!),
      ECS_CLUSTER_NAME: cluster,
    },
    canaryTasks: { ECS_SERVICE_NAME: settings.canary.service, ECS_TASK_DEFINITION_FAMILY: state.canaryFamily, ECS_CLUSTER_NAME: cluster },
  });
  const target = weightsFor(settings.canaryWeight);
  const changes: Change[] = [];
  const plan: Plan = {
    operation: 'deploy',
    changes,
    weights: { before: state.traffic.weights, after: target },
    warnings: [...rendered.warnings],
    canaryNodeArn: state.canaryNode?.metadata?.arn,
    routeArn: state.traffic.routeId,
    services: servicesOf(settings, stableService, state.canaryService),
  };

  // 1. The canary virtual node, before any task whose Envoy names it starts.
  const nodeSpec = canaryNodeSpec(stableNode.spec!, settings.stable.virtualNode, settings.cloudMapAttributes);
  const nodeName = settings.canary.virtualNode;
  const filter = settings.cloudMapAttributes.map((a) => `${a.key}=${a.value}`).join(', ');
  if (!state.canaryNode || !sameNodeSpec(state.canaryNode.spec, nodeSpec)) {
    const existed = state.canaryNode !== undefined;
    changes.push({
      kind: 'virtual-node',
      resource: `virtual node ${nodeName}`,
      action: existed ? 'update' : 'create',
      before: existed ? 'spec differs from the stable node with the canary filter' : undefined,
      after: `stable node's spec, Cloud Map filter ${filter}`,
      traffic: false,
      run: async (ctx) => {
        const node = existed
          ? await updateVirtualNode(ctx.clients.appMesh, mesh, nodeName, nodeSpec)
          : await createVirtualNode(ctx.clients.appMesh, mesh, nodeName, nodeSpec);
        ctx.facts.canaryNodeArn = node.metadata?.arn;
        return {
          detail: node.metadata?.arn,
          leftBehind: existed
            ? undefined
            : `virtual node ${nodeName} (aws appmesh delete-virtual-node --mesh-name ${settings.mesh} --virtual-node-name ${nodeName})`,
        };
      },
    });
  }

  // 2-4. Task definition, canary service, rollout.
  const reuse = state.latestCanary && sameTaskDefinition(rendered.definition, state.latestCanary) ? state.latestCanary : undefined;
  plan.taskDefinitionArn = reuse?.taskDefinitionArn;
  // A canary that has weight gives it up before its service changes: no request reaches the new revision before its
  // rollout completed. Once the service has started changing, a failure leaves the weight at 0 instead of restoring.
  const drained = weightsFor(0);
  const hasWeight = (state.traffic.weights?.canary ?? 0) > 0;
  const drain = hasWeight
    ? router.planWeights(state.traffic, drained).map((change) =>
        guardRestore({ ...change, after: `${change.after} while the canary rolls out` }, (ctx) =>
          ctx.facts.deploymentId ? `the canary service started a new rollout, so its weight stays at 0; shift it back once it is healthy` : undefined,
        ),
      )
    : [];
  const serviceChanges = pushRollout(changes, settings, {
    definition: reuse ? undefined : rendered.definition,
    reusedArn: reuse?.taskDefinitionArn,
    service: state.canaryService,
    serviceName: settings.canary.service,
    role: 'canary',
    desiredCount: settings.desiredCount,
    // Decided now, so that a stable service that cannot be cloned stops the run before any write.
    create: state.canaryService
      ? undefined
      : canaryServiceInput(stableService, { cluster: settings.cluster, serviceName: settings.canary.service, desiredCount: settings.desiredCount }),
    beforeServiceChange: drain,
  });

  // 5-6. Weights (creating router and route when missing), then the entry point.
  const listener = stableNode.spec?.listeners?.[0]?.portMapping;
  if (!listener?.port || !listener.protocol) {
    throw new PlanError(`Virtual node ${settings.stable.virtualNode} has no listener to copy to the virtual router`, 'stable-virtual-node');
  }
  const trafficNow = serviceChanges && hasWeight ? { ...state.traffic, weights: drained } : state.traffic;
  changes.push(...router.planWeights(trafficNow, target, { port: listener.port, protocol: listener.protocol }));
  changes.push(...router.planEntryPoint(state.traffic));
  return plan;
}

interface RolloutSpec {
  /** The definition to register, or undefined to reuse `reusedArn`. */
  definition?: TaskDefinitionInput;
  reusedArn?: string;
  service?: Service;
  serviceName: string;
  role: ServiceSnapshot['role'];
  desiredCount: number;
  /** How to create the service when it does not exist; undefined means it must exist. */
  create?: ReturnType<typeof canaryServiceInput>;
  /** Changes to make right before the service changes (taking the canary's weight away), if it changes. */
  beforeServiceChange?: Change[];
}

/**
 * Register (unless identical to the latest revision), create or update the service, and wait for its rollout.
 * Returns whether the service changes.
 */
function pushRollout(changes: Change[], settings: Settings, spec: RolloutSpec): boolean {
  const { definition, service, serviceName } = spec;
  if (definition) {
    changes.push({
      kind: 'task-definition',
      resource: `task definition ${definition.family}`,
      action: 'register',
      after: `new revision: ${appImages(definition).join(', ')}`,
      traffic: false,
      run: async (ctx) => {
        core.debug(`RegisterTaskDefinition ${JSON.stringify(definition)}`);
        const registered = await registerTaskDefinition(ctx.clients.ecs, definition);
        ctx.facts.taskDefinitionArn = registered.taskDefinitionArn;
        return {
          detail: registered.taskDefinitionArn,
          leftBehind: `task definition ${registered.taskDefinitionArn} (aws ecs deregister-task-definition --task-definition ${registered.taskDefinitionArn})`,
        };
      },
    });
  }
  const taskDefinitionOf = (facts: { taskDefinitionArn?: string }) => (definition ? facts.taskDefinitionArn! : spec.reusedArn!);
  const serviceChanges = !service || definition !== undefined || service.taskDefinition !== spec.reusedArn || service.desiredCount !== spec.desiredCount;
  let awaited: string | undefined;
  if (!service || serviceChanges) changes.push(...(spec.beforeServiceChange ?? []));
  if (!service) {
    const create = spec.create!;
    changes.push({
      kind: 'ecs-service',
      resource: `ECS service ${serviceName}`,
      action: 'create',
      after: `${spec.desiredCount} task(s), cloned from ${settings.stable.service}`,
      traffic: false,
      run: async (ctx) => {
        const created = await createService(ctx.clients.ecs, { ...create, taskDefinition: taskDefinitionOf(ctx.facts) });
        record(ctx, created, spec.role);
        ctx.facts.deploymentId = primaryDeployment(created)?.id;
        return {
          detail: created.serviceArn,
          leftBehind: `ECS service ${serviceName} (aws ecs delete-service --cluster ${settings.cluster} --service ${serviceName} --force)`,
        };
      },
    });
  } else if (serviceChanges) {
    changes.push({
      kind: 'ecs-service',
      resource: `ECS service ${serviceName}`,
      action: 'update',
      before: `${shortTaskDefinition(service.taskDefinition)} × ${service.desiredCount}`,
      after: `${definition ? 'the new revision' : shortTaskDefinition(spec.reusedArn)} × ${spec.desiredCount}`,
      traffic: false,
      run: async (ctx) => {
        const updated = await updateService(ctx.clients.ecs, {
          cluster: settings.cluster,
          service: serviceName,
          taskDefinition: taskDefinitionOf(ctx.facts),
          desiredCount: spec.desiredCount,
        });
        record(ctx, updated, spec.role);
        ctx.facts.deploymentId = primaryDeployment(updated)?.id;
        return {
          detail: `deployment ${primaryDeployment(updated)?.id} of ${shortTaskDefinition(primaryDeployment(updated)?.taskDefinition)}`,
          leftBehind: `ECS service ${serviceName} now deploys ${shortTaskDefinition(taskDefinitionOf(ctx.facts))} (it ran ${shortTaskDefinition(service.taskDefinition)}: aws ecs update-service --cluster ${settings.cluster} --service ${serviceName} --task-definition ${service.taskDefinition})`,
        };
      },
    });
  } else if (!rolloutComplete(service)) {
    awaited = primaryDeployment(service)?.id;
  } else {
    return false;
  }
  if (settings.waitForServiceStability) pushWait(changes, settings, spec, awaited);
  return !service || serviceChanges;
}

/** Waits for the deployment a create/update started, or else for the one already in progress (`awaited`). */
function pushWait(changes: Change[], settings: Settings, spec: RolloutSpec, awaited: string | undefined): void {
  const { serviceName } = spec;
  changes.push({
    kind: 'wait-for-rollout',
    resource: `ECS service ${serviceName}`,
    action: 'wait',
    after: `rollout COMPLETED with ${spec.desiredCount} task(s) running (at most ${settings.waitForMinutes} min)`,
    traffic: false,
    run: async (ctx) => {
      const deploymentId = ctx.facts.deploymentId ?? awaited;
      if (!deploymentId) throw new Error(`ECS returned no PRIMARY deployment for ${serviceName}`);
      const done = await waitForRollout(ctx.clients.ecs, {
        cluster: settings.cluster,
        service: serviceName,
        deploymentId,
        timeoutMs: settings.waitForMinutes * 60_000,
        sleep: ctx.sleep,
      });
      record(ctx, done, spec.role);
    },
  });
}

/** Traffic moves only to a canary whose current rollout completed with every desired task running. */
function requireHealthyCanary(settings: Settings, service: Service | undefined, why: string): void {
  const deployment = primaryDeployment(service);
  if (!service || !deployment || !rolloutComplete(service) || (deployment.runningCount ?? 0) === 0) {
    const detail = !service
      ? 'it does not exist'
      : `its current deployment is ${deployment?.rolloutState ?? 'unknown'} with ${deployment?.runningCount ?? 0}/${deployment?.desiredCount ?? 0} tasks running`;
    throw new PlanError(`Refusing to ${why}: canary service ${settings.canary.service} is not serving (${detail})`, 'canary-service');
  }
}

function planShift(settings: Settings, state: ShiftState, router: Router): Plan {
  const target = weightsFor(settings.canaryWeight);
  if (target.canary > 0) requireHealthyCanary(settings, state.canaryService, `send ${target.canary}% of traffic to the canary`);
  return {
    operation: 'shift',
    changes: router.planWeights(state.traffic, target),
    weights: { before: state.traffic.weights, after: target },
    warnings: [],
    routeArn: state.traffic.routeId,
    services: [snapshot(state.canaryService, settings.canary.service, 'canary')],
  };
}

function planRollback(settings: Settings, state: ShiftState, router: Router): Plan {
  const target = weightsFor(0);
  const routed = state.traffic.weights !== undefined;
  const changes = routed ? router.planWeights(state.traffic, target) : [];
  const warnings = routed ? [] : [`Route ${settings.route} does not exist: no traffic to move back`];
  changes.push(...scaleToZero(settings, state.canaryService));
  return {
    operation: 'rollback',
    changes,
    weights: { before: state.traffic.weights, after: target },
    warnings,
    routeArn: state.traffic.routeId,
    services: [snapshot(state.canaryService, settings.canary.service, 'canary')],
  };
}

function scaleToZero(settings: Settings, service: Service | undefined): Change[] {
  if (!service || service.desiredCount === 0) return [];
  const name = settings.canary.service;
  return [
    {
      kind: 'ecs-service',
      resource: `ECS service ${name}`,
      action: 'scale',
      before: `${service.desiredCount} task(s)`,
      after: '0 tasks (service, node and route stay for the next canary)',
      traffic: false,
      run: async (ctx) => {
        record(ctx, await updateService(ctx.clients.ecs, { cluster: settings.cluster, service: name, desiredCount: 0 }), 'canary');
        return { leftBehind: `ECS service ${name} scaled to 0 (it had ${service.desiredCount})` };
      },
    },
  ];
}

function planPromote(settings: Settings, state: PromoteState, router: Router): Plan {
  const { stableService } = state;
  const controller = stableService.deploymentController?.type;
  if (controller && controller !== 'ECS') {
    throw new PlanError(`Service ${settings.stable.service} is deployed by ${controller}, not by ECS; promote can only update services with the ECS deployment controller`, 'stable-service');
  }
  const stableFamily = familyOf(stableService.taskDefinition!);
  const rendered = renderTaskDefinition(state.canaryTaskDefinition as TaskDefinition, {
    family: stableFamily,
    envoyResourceArn: envoyResourceArn({
      mesh: settings.mesh,
      meshOwner: settings.meshOwner,
      node: settings.stable.virtualNode,
      stableNodeArn: state.stableNode.metadata?.arn ?? '',
    }),
    envoyImage: settings.envoyImage,
    defaultEnvoyImage: DEFAULT_ENVOY_IMAGE,
    appPorts: settings.appPorts,
    source: 'canary-service',
  });
  const target = weightsFor(0);
  const changes: Change[] = [];
  const reuse = state.latestStable && sameTaskDefinition(rendered.definition, state.latestStable) ? state.latestStable : undefined;
  // A promote that already happened (stable runs the canary's containers) converges without needing the canary.
  const promoted = reuse !== undefined && stableService.taskDefinition === reuse.taskDefinitionArn && rolloutComplete(stableService);
  if (!promoted) requireHealthyCanary(settings, state.canaryService, 'promote');
  const plan: Plan = {
    operation: 'promote',
    changes,
    weights: { before: state.traffic.weights, after: target },
    warnings: rendered.warnings,
    taskDefinitionArn: reuse?.taskDefinitionArn,
    routeArn: state.traffic.routeId,
    services: servicesOf(settings, stableService, state.canaryService),
  };
  pushRollout(changes, settings, {
    definition: reuse ? undefined : rendered.definition,
    reusedArn: reuse?.taskDefinitionArn,
    service: stableService,
    serviceName: settings.stable.service,
    role: 'stable',
    desiredCount: stableService.desiredCount ?? 1,
  });
  changes.push(...router.planWeights(state.traffic, target));
  changes.push(...scaleToZero(settings, state.canaryService));
  return plan;
}
