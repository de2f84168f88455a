export const id = 796;
export const ids = [796,462];
export const modules = {

/***/ 5808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ge: () => (/* binding */ describeServices),
/* harmony export */   Z8: () => (/* binding */ rolloutComplete),
/* harmony export */   bU: () => (/* binding */ updateService),
/* harmony export */   gj: () => (/* binding */ waitForRollout),
/* harmony export */   sR: () => (/* binding */ createService),
/* harmony export */   sg: () => (/* binding */ primaryDeployment)
/* harmony export */ });
/* unused harmony exports RolloutError, pollDelayMs */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3218);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(212);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// ECS services: one DescribeServices for all the services a run needs, create/update, and the rollout waiter.



/** Services by name; a name ECS does not know, or whose service is INACTIVE, maps to undefined. */
async function describeServices(ecs, cluster, names) {
    let services;
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .DescribeServicesCommand */ .H7c({ cluster, services: names, include: ['TAGS'] }));
        services = out.services ?? [];
    }
    catch (err) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(err) === 'ClusterNotFoundException') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PlanError */ .W6(`ECS cluster "${cluster}" does not exist in this account and region`, 'cluster');
        }
        throw err;
    }
    const found = new Map();
    for (const name of names) {
        const service = services.find((s) => s.serviceName === name && s.status !== 'INACTIVE');
        found.set(name, service);
    }
    return found;
}
async function createService(ecs, input) {
    const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .CreateServiceCommand */ .JkR(input));
    if (!out.service)
        throw new Error('CreateService returned no service');
    return out.service;
}
async function updateService(ecs, input) {
    const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .UpdateServiceCommand */ .kZr(input));
    if (!out.service)
        throw new Error('UpdateService returned no service');
    return out.service;
}
function primaryDeployment(service) {
    return service?.deployments?.find((d) => d.status === 'PRIMARY');
}
/** Whether the service's current deployment has finished with every desired task running. */
function rolloutComplete(service) {
    const d = primaryDeployment(service);
    if (!d)
        return false;
    const done = d.rolloutState ? d.rolloutState === 'COMPLETED' : service?.deployments?.length === 1;
    return done && d.runningCount === d.desiredCount;
}
class RolloutError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RolloutError';
    }
}
/** Poll delays: quick at first so a fast rollout is noticed at once, then every 5 s. */
function pollDelayMs(attempt) {
    return Math.min(5000, Math.round(1000 * 1.5 ** attempt));
}
/**
 * Waits until the given deployment is COMPLETED with runningCount = desiredCount. Fails when it FAILED, when it
 * disappears or stops being PRIMARY (the deployment circuit breaker rolled it back), or on timeout.
 */
async function waitForRollout(ecs, opts) {
    const now = opts.now ?? Date.now;
    const start = now();
    for (let attempt = 0;; attempt++) {
        const service = (await describeServices(ecs, opts.cluster, [opts.service])).get(opts.service);
        const seconds = Math.round((now() - start) / 1000);
        if (!service)
            throw new RolloutError(`ECS service ${opts.service} disappeared while its rollout was awaited`);
        const deployment = service.deployments?.find((d) => d.id === opts.deploymentId);
        if (!deployment || deployment.status !== 'PRIMARY') {
            const current = primaryDeployment(service);
            throw new RolloutError(`Deployment ${opts.deploymentId} of ${opts.service} was rolled back by ECS (deployment circuit breaker)${current ? `; the service now runs ${current.taskDefinition}` : ''}`);
        }
        if (deployment.rolloutState === 'FAILED') {
            throw new RolloutError(`Rollout of ${opts.service} FAILED: ${deployment.rolloutStateReason ?? 'no reason given'}`);
        }
        const running = `${deployment.runningCount ?? 0}/${deployment.desiredCount ?? 0} running, ${deployment.pendingCount ?? 0} pending`;
        if (rolloutComplete({ ...service, deployments: [deployment] })) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${opts.service}: rollout COMPLETED, ${running} (${seconds}s)`);
            return service;
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${opts.service}: rollout ${deployment.rolloutState ?? 'IN_PROGRESS'}, ${running} (${seconds}s elapsed)`);
        if (now() - start >= opts.timeoutMs) {
            throw new RolloutError(`Gave up waiting for ${opts.service} after ${+(opts.timeoutMs / 60000).toFixed(2)} minute(s) (wait-for-minutes); its rollout is ${deployment.rolloutState ?? 'IN_PROGRESS'} with ${running}`);
        }
        await opts.sleep(Math.min(pollDelayMs(attempt), Math.max(0, opts.timeoutMs - (now() - start))));
    }
}


/***/ }),

/***/ 8847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ registerTaskDefinition),
/* harmony export */   o: () => (/* binding */ describeTaskDefinition)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(212);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// ECS task definitions: describe (a revision or a family's latest) and register.


async function describeTaskDefinition(ecs, arnOrFamily) {
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition: arnOrFamily }));
        return out.taskDefinition;
    }
    catch (err) {
        // ECS answers ClientException ("Unable to describe task definition") for a family or revision it does not have.
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) === 'ClientException')
            return undefined;
        throw err;
    }
}
async function registerTaskDefinition(ecs, definition) {
    const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .RegisterTaskDefinitionCommand */ .$Hl(definition));
    if (!out.taskDefinition?.taskDefinitionArn)
        throw new Error('RegisterTaskDefinition returned no taskDefinitionArn');
    return out.taskDefinition;
}


/***/ }),

/***/ 3902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ orUndefined)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** Resolves to undefined when AWS answers that the resource does not exist; rethrows anything else. */
async function orUndefined(request, notFound = ['NotFoundException']) {
    try {
        return await request;
    }
    catch (err) {
        if (notFound.includes((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) ?? ''))
            return undefined;
        throw err;
    }
}


/***/ }),

/***/ 7925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lx: () => (/* binding */ updateVirtualNode),
/* harmony export */   mw: () => (/* binding */ createVirtualNode),
/* harmony export */   v2: () => (/* binding */ describeVirtualNode)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_app_mesh__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9356);
/* harmony import */ var _aws_sdk_client_app_mesh__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_aws_sdk_client_app_mesh__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _notFound_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3902);
// App Mesh virtual nodes: describe, create, update.


async function describeVirtualNode(client, mesh, virtualNodeName) {
    const out = await (0,_notFound_js__WEBPACK_IMPORTED_MODULE_0__/* .orUndefined */ .y)(client.send(new _aws_sdk_client_app_mesh__WEBPACK_IMPORTED_MODULE_1__.DescribeVirtualNodeCommand({ ...mesh, virtualNodeName })));
    return out?.virtualNode;
}
async function createVirtualNode(client, mesh, virtualNodeName, spec) {
    const out = await client.send(new _aws_sdk_client_app_mesh__WEBPACK_IMPORTED_MODULE_1__.CreateVirtualNodeCommand({ ...mesh, virtualNodeName, spec }));
    return out.virtualNode;
}
async function updateVirtualNode(client, mesh, virtualNodeName, spec) {
    const out = await client.send(new _aws_sdk_client_app_mesh__WEBPACK_IMPORTED_MODULE_1__.UpdateVirtualNodeCommand({ ...mesh, virtualNodeName, spec }));
    return out.virtualNode;
}


/***/ }),

/***/ 9796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildPlan: () => (/* binding */ buildPlan)
});

// EXTERNAL MODULE: ./src/aws/ecsServices.ts
var ecsServices = __webpack_require__(5808);
// EXTERNAL MODULE: ./src/aws/ecsTaskDefinitions.ts
var ecsTaskDefinitions = __webpack_require__(8847);
// EXTERNAL MODULE: ./src/aws/virtualNodes.ts
var virtualNodes = __webpack_require__(7925);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./src/state.ts
var src_state = __webpack_require__(2462);
;// CONCATENATED MODULE: ./src/plan/service.ts

function canaryServiceInput(stable, opts) {
    if (stable.schedulingStrategy === 'DAEMON') {
        throw new errors/* PlanError */.W6(`Service ${stable.serviceName} uses the DAEMON scheduling strategy; a canary needs REPLICA`, 'stable-service');
    }
    if (!stable.serviceRegistries?.length) {
        throw new errors/* PlanError */.W6(`Service ${stable.serviceName} has no Cloud Map service registry, so its tasks are invisible to App Mesh Cloud Map discovery; enable service discovery on it first`, 'stable-service');
    }
    const input = {
        cluster: opts.cluster,
        serviceName: opts.serviceName,
        desiredCount: opts.desiredCount,
        networkConfiguration: stable.networkConfiguration,
        serviceRegistries: stable.serviceRegistries,
        deploymentConfiguration: stable.deploymentConfiguration,
        schedulingStrategy: 'REPLICA',
        enableECSManagedTags: stable.enableECSManagedTags,
        enableExecuteCommand: stable.enableExecuteCommand,
    };
    if (stable.capacityProviderStrategy?.length)
        input.capacityProviderStrategy = stable.capacityProviderStrategy;
    else if (stable.launchType)
        input.launchType = stable.launchType;
    if (stable.platformVersion && stable.platformVersion !== 'LATEST')
        input.platformVersion = stable.platformVersion;
    if (stable.placementConstraints?.length)
        input.placementConstraints = stable.placementConstraints;
    if (stable.placementStrategy?.length)
        input.placementStrategy = stable.placementStrategy;
    if (stable.propagateTags && stable.propagateTags !== 'NONE')
        input.propagateTags = stable.propagateTags;
    const tags = (stable.tags ?? []).filter((t) => !t.key?.startsWith('aws:'));
    input.tags = [...tags.filter((t) => t.key !== 'ecs-mesh-canary:stable-service'), { key: 'ecs-mesh-canary:stable-service', value: stable.serviceName }];
    return input;
}

// EXTERNAL MODULE: ./src/plan/taskDefinition.ts
var taskDefinition = __webpack_require__(6379);
;// CONCATENATED MODULE: ./src/plan/virtualNode.ts


/** Attributes ECS also registers whose values stable and canary tasks share (same cluster, subnets, region). */
const SHARED_KEYS = new Set(['AVAILABILITY_ZONE', 'REGION', 'AWS_INSTANCE_IPV4', 'AWS_INIT_HEALTH_STATUS', 'ECS_CLUSTER_NAME']);
function cloudMapOf(spec, nodeName) {
    const cloudMap = spec?.serviceDiscovery?.awsCloudMap;
    if (!cloudMap) {
        const kind = spec?.serviceDiscovery?.dns ? 'DNS' : 'no';
        throw new errors/* PlanError */.W6(`Cloud Map discovery required: virtual node ${nodeName} uses ${kind} service discovery, so its endpoints cannot be told apart from the canary's. Switch it to AWS Cloud Map (awsCloudMap with namespaceName and serviceName)`, 'stable-virtual-node');
    }
    return cloudMap;
}
/** The stable node's spec with only the Cloud Map attribute filter replaced. */
function canaryNodeSpec(stable, stableName, attributes) {
    const cloudMap = cloudMapOf(stable, stableName);
    const spec = structuredClone(stable);
    spec.serviceDiscovery = {
        awsCloudMap: { ...cloudMap, attributes: attributes.map((a) => ({ key: a.key, value: a.value })) },
    };
    return spec;
}
/** Whether a Cloud Map attribute filter can select a task with these ECS-registered attributes. */
function filterMatches(filter, task) {
    return (filter ?? []).every(({ key, value }) => {
        if (key === undefined)
            return true;
        if (key in task && !SHARED_KEYS.has(key))
            return task[key] === value;
        if (key === 'ECS_CLUSTER_NAME')
            return task.ECS_CLUSTER_NAME === value;
        // Shared keys (AZ, region, …) can match either side; any other key is never registered by ECS.
        return SHARED_KEYS.has(key);
    });
}
/**
 * Before any write: the stable node must not select canary tasks (else the canary gets traffic through the stable
 * target whatever the weights say), and the canary node must select the canary tasks and only them.
 */
function checkIsolation(input) {
    const stableMap = cloudMapOf(input.stableSpec, input.stableNode);
    if (filterMatches(stableMap.attributes, input.canaryTasks)) {
        const suggested = [...(stableMap.attributes ?? []).filter((a) => a.key !== 'ECS_SERVICE_NAME'), {
                key: 'ECS_SERVICE_NAME',
                value: input.stableTasks.ECS_SERVICE_NAME,
            }];
        const filter = JSON.stringify({ awsCloudMap: { ...stableMap, attributes: suggested } });
        throw new errors/* PlanError */.W6(`Traffic isolation: the Cloud Map filter of virtual node ${input.stableNode} (${describeFilter(stableMap.attributes)}) also selects the canary's tasks, so the canary would get traffic through the stable target whatever the weights say. Add an attribute that only stable tasks carry; for example set its serviceDiscovery to ${filter}`, 'stable-virtual-node');
    }
    if (!filterMatches(input.canaryAttributes, input.canaryTasks)) {
        throw new errors/* PlanError */.W6(`The canary filter (${describeFilter(input.canaryAttributes)}) does not select the canary's tasks, which ECS registers with ${describeFilter(asList(input.canaryTasks))}`, 'cloud-map-attributes');
    }
    if (filterMatches(input.canaryAttributes, input.stableTasks)) {
        throw new errors/* PlanError */.W6(`The canary filter (${describeFilter(input.canaryAttributes)}) also selects the stable tasks (${describeFilter(asList(input.stableTasks))}); use an attribute only canary tasks carry, such as ECS_SERVICE_NAME=${input.canaryTasks.ECS_SERVICE_NAME}`, 'cloud-map-attributes');
    }
}
function asList(task) {
    return Object.entries(task).map(([key, value]) => ({ key, value }));
}
function describeFilter(attributes) {
    if (!attributes?.length)
        return 'no attributes';
    return attributes.map((a) => `${a.key}=${a.value}`).join(', ');
}
function sameNodeSpec(a, b) {
    return (0,taskDefinition/* canonical */.$N)(a) === (0,taskDefinition/* canonical */.$N)(b);
}
/** `mesh/<mesh>/virtualNode/<node>` for meshes of this account, the full ARN for shared meshes. */
function envoyResourceArn(opts) {
    if (!opts.meshOwner)
        return `mesh/${opts.mesh}/virtualNode/${opts.node}`;
    return opts.stableNodeArn.replace(/virtualNode\/[^/]+$/, `virtualNode/${opts.node}`);
}
function clusterName(cluster) {
    return cluster.slice(cluster.lastIndexOf('/') + 1);
}

// EXTERNAL MODULE: ./src/plan/weights.ts
var weights = __webpack_require__(5538);
;// CONCATENATED MODULE: ./src/plan/index.ts










function buildPlan(settings, state, router) {
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
function planDeploy(settings, state, router) {
    const mesh = (0,src_state.meshRef)(settings);
    const { stableService, stableNode } = state;
    const rendered = (0,taskDefinition/* renderTaskDefinition */.P9)(state.base, {
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
        defaultEnvoyImage: inputs/* DEFAULT_ENVOY_IMAGE */.EB,
        appPorts: settings.appPorts,
        source: state.baseSource,
    });
    const cluster = clusterName(stableService.clusterArn ?? settings.cluster);
    checkIsolation({
        stableNode: settings.stable.virtualNode,
        stableSpec: stableNode.spec,
        canaryAttributes: settings.cloudMapAttributes,
        stableTasks: {
            ECS_SERVICE_NAME: settings.stable.service,
            ECS_TASK_DEFINITION_FAMILY: (0,taskDefinition/* familyOf */.Ap)(stableService.taskDefinition),
            ECS_CLUSTER_NAME: cluster,
        },
        canaryTasks: { ECS_SERVICE_NAME: settings.canary.service, ECS_TASK_DEFINITION_FAMILY: state.canaryFamily, ECS_CLUSTER_NAME: cluster },
    });
    const target = (0,weights/* weightsFor */.NK)(settings.canaryWeight);
    const changes = [];
    const plan = {
        operation: 'deploy',
        changes,
        weights: { before: state.traffic.weights, after: target },
        warnings: [...rendered.warnings],
        canaryNodeArn: state.canaryNode?.metadata?.arn,
        routeArn: state.traffic.routeId,
    };
    // 1. The canary virtual node, before any task whose Envoy names it starts.
    const nodeSpec = canaryNodeSpec(stableNode.spec, settings.stable.virtualNode, settings.cloudMapAttributes);
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
                    ? await (0,virtualNodes/* updateVirtualNode */.lx)(ctx.clients.appMesh, mesh, nodeName, nodeSpec)
                    : await (0,virtualNodes/* createVirtualNode */.mw)(ctx.clients.appMesh, mesh, nodeName, nodeSpec);
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
    const reuse = state.latestCanary && (0,taskDefinition/* sameTaskDefinition */.JL)(rendered.definition, state.latestCanary) ? state.latestCanary : undefined;
    plan.taskDefinitionArn = reuse?.taskDefinitionArn;
    pushRollout(changes, settings, {
        definition: reuse ? undefined : rendered.definition,
        reusedArn: reuse?.taskDefinitionArn,
        service: state.canaryService,
        serviceName: settings.canary.service,
        desiredCount: settings.desiredCount,
        create: () => canaryServiceInput(stableService, { cluster: settings.cluster, serviceName: settings.canary.service, desiredCount: settings.desiredCount }),
    });
    // 5-6. Weights (creating router and route when missing), then the entry point.
    const listener = stableNode.spec?.listeners?.[0]?.portMapping;
    if (!listener?.port || !listener.protocol) {
        throw new errors/* PlanError */.W6(`Virtual node ${settings.stable.virtualNode} has no listener to copy to the virtual router`, 'stable-virtual-node');
    }
    changes.push(...router.planWeights(state.traffic, target, { port: listener.port, protocol: listener.protocol }));
    changes.push(...router.planEntryPoint(state.traffic));
    return plan;
}
/** Register (unless identical to the latest revision), create or update the service, and wait for its rollout. */
function pushRollout(changes, settings, spec) {
    const { definition, service, serviceName } = spec;
    if (definition) {
        changes.push({
            kind: 'task-definition',
            resource: `task definition ${definition.family}`,
            action: 'register',
            after: `new revision: ${(0,taskDefinition/* appImages */.EQ)(definition).join(', ')}`,
            traffic: false,
            run: async (ctx) => {
                const registered = await (0,ecsTaskDefinitions/* registerTaskDefinition */.e)(ctx.clients.ecs, definition);
                ctx.facts.taskDefinitionArn = registered.taskDefinitionArn;
                return {
                    detail: registered.taskDefinitionArn,
                    leftBehind: `task definition ${registered.taskDefinitionArn} (aws ecs deregister-task-definition --task-definition ${registered.taskDefinitionArn})`,
                };
            },
        });
    }
    const taskDefinitionOf = (facts) => (definition ? facts.taskDefinitionArn : spec.reusedArn);
    const serviceChanges = !service || definition !== undefined || service.taskDefinition !== spec.reusedArn || service.desiredCount !== spec.desiredCount;
    let awaited;
    if (!service) {
        const create = spec.create;
        changes.push({
            kind: 'ecs-service',
            resource: `ECS service ${serviceName}`,
            action: 'create',
            after: `${spec.desiredCount} task(s), cloned from ${settings.stable.service}`,
            traffic: false,
            run: async (ctx) => {
                const created = await (0,ecsServices/* createService */.sR)(ctx.clients.ecs, { ...create(), taskDefinition: taskDefinitionOf(ctx.facts) });
                ctx.facts.deploymentId = (0,ecsServices/* primaryDeployment */.sg)(created)?.id;
                return {
                    detail: created.serviceArn,
                    leftBehind: `ECS service ${serviceName} (aws ecs delete-service --cluster ${settings.cluster} --service ${serviceName} --force)`,
                };
            },
        });
    }
    else if (serviceChanges) {
        changes.push({
            kind: 'ecs-service',
            resource: `ECS service ${serviceName}`,
            action: 'update',
            before: `${service.taskDefinition} × ${service.desiredCount}`,
            after: `${definition ? 'the new revision' : spec.reusedArn} × ${spec.desiredCount}`,
            traffic: false,
            run: async (ctx) => {
                const updated = await (0,ecsServices/* updateService */.bU)(ctx.clients.ecs, {
                    cluster: settings.cluster,
                    service: serviceName,
                    taskDefinition: taskDefinitionOf(ctx.facts),
                    desiredCount: spec.desiredCount,
                });
                ctx.facts.deploymentId = (0,ecsServices/* primaryDeployment */.sg)(updated)?.id;
                return {
                    detail: (0,ecsServices/* primaryDeployment */.sg)(updated)?.taskDefinition,
                    leftBehind: `ECS service ${serviceName} now deploys ${taskDefinitionOf(ctx.facts)} (it was on ${service.taskDefinition})`,
                };
            },
        });
    }
    else if (!(0,ecsServices/* rolloutComplete */.Z8)(service)) {
        awaited = (0,ecsServices/* primaryDeployment */.sg)(service)?.id;
    }
    else {
        return;
    }
    if (!settings.waitForServiceStability)
        return;
    changes.push({
        kind: 'wait-for-rollout',
        resource: `ECS service ${serviceName}`,
        action: 'wait',
        after: `rollout COMPLETED with ${spec.desiredCount} task(s) running (at most ${settings.waitForMinutes} min)`,
        traffic: false,
        run: async (ctx) => {
            const deploymentId = ctx.facts.deploymentId ?? awaited;
            if (!deploymentId)
                throw new Error(`ECS returned no PRIMARY deployment for ${serviceName}`);
            await (0,ecsServices/* waitForRollout */.gj)(ctx.clients.ecs, {
                cluster: settings.cluster,
                service: serviceName,
                deploymentId,
                timeoutMs: settings.waitForMinutes * 60_000,
                sleep: ctx.sleep,
            });
        },
    });
}
/** Traffic moves only to a canary whose current rollout completed with every desired task running. */
function requireHealthyCanary(settings, service, why) {
    const deployment = (0,ecsServices/* primaryDeployment */.sg)(service);
    if (!service || !deployment || !(0,ecsServices/* rolloutComplete */.Z8)(service) || (deployment.runningCount ?? 0) === 0) {
        const detail = !service
            ? 'it does not exist'
            : `its current deployment is ${deployment?.rolloutState ?? 'unknown'} with ${deployment?.runningCount ?? 0}/${deployment?.desiredCount ?? 0} tasks running`;
        throw new errors/* PlanError */.W6(`Refusing to ${why}: canary service ${settings.canary.service} is not serving (${detail})`, 'canary-service');
    }
}
function planShift(settings, state, router) {
    const target = (0,weights/* weightsFor */.NK)(settings.canaryWeight);
    if (target.canary > 0)
        requireHealthyCanary(settings, state.canaryService, `send ${target.canary}% of traffic to the canary`);
    return {
        operation: 'shift',
        changes: router.planWeights(state.traffic, target),
        weights: { before: state.traffic.weights, after: target },
        warnings: [],
        routeArn: state.traffic.routeId,
    };
}
function planRollback(settings, state, router) {
    const target = (0,weights/* weightsFor */.NK)(0);
    const changes = state.traffic.route ? router.planWeights(state.traffic, target) : [];
    const warnings = state.traffic.route ? [] : [`Route ${settings.route} does not exist: no traffic to move back`];
    changes.push(...scaleToZero(settings, state.canaryService));
    return { operation: 'rollback', changes, weights: { before: state.traffic.weights, after: target }, warnings, routeArn: state.traffic.routeId };
}
function scaleToZero(settings, service) {
    if (!service || service.desiredCount === 0)
        return [];
    const name = settings.canary.service;
    return [
        {
            kind: 'ecs-service',
            resource: `ECS service ${name}`,
            action: 'scale',
            before: `${service.desiredCount} task(s)`,
            after: '0 tasks (service, node and route stay for the next canary)',
            traffic: false,
            run: async ({ clients }) => {
                await (0,ecsServices/* updateService */.bU)(clients.ecs, { cluster: settings.cluster, service: name, desiredCount: 0 });
                return { leftBehind: `ECS service ${name} scaled to 0 (it had ${service.desiredCount})` };
            },
        },
    ];
}
function planPromote(settings, state, router) {
    requireHealthyCanary(settings, state.canaryService, 'promote');
    const { stableService } = state;
    const stableFamily = (0,taskDefinition/* familyOf */.Ap)(stableService.taskDefinition);
    const rendered = (0,taskDefinition/* renderTaskDefinition */.P9)(state.canaryTaskDefinition, {
        family: stableFamily,
        envoyResourceArn: envoyResourceArn({
            mesh: settings.mesh,
            meshOwner: settings.meshOwner,
            node: settings.stable.virtualNode,
            stableNodeArn: state.stableNode.metadata?.arn ?? '',
        }),
        envoyImage: settings.envoyImage,
        defaultEnvoyImage: inputs/* DEFAULT_ENVOY_IMAGE */.EB,
        appPorts: settings.appPorts,
        source: 'canary-service',
    });
    const target = (0,weights/* weightsFor */.NK)(0);
    const changes = [];
    const reuse = state.latestStable && (0,taskDefinition/* sameTaskDefinition */.JL)(rendered.definition, state.latestStable) ? state.latestStable : undefined;
    const plan = {
        operation: 'promote',
        changes,
        weights: { before: state.traffic.weights, after: target },
        warnings: rendered.warnings,
        taskDefinitionArn: reuse?.taskDefinitionArn,
        routeArn: state.traffic.routeId,
    };
    pushRollout(changes, settings, {
        definition: reuse ? undefined : rendered.definition,
        reusedArn: reuse?.taskDefinitionArn,
        service: stableService,
        serviceName: settings.stable.service,
        desiredCount: stableService.desiredCount ?? 1,
    });
    changes.push(...router.planWeights(state.traffic, target));
    changes.push(...scaleToZero(settings, state.canaryService));
    return plan;
}


/***/ }),

/***/ 5538:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ML: () => (/* binding */ sameWeights),
/* harmony export */   NK: () => (/* binding */ weightsFor),
/* harmony export */   VW: () => (/* binding */ newRouteSpec),
/* harmony export */   cY: () => (/* binding */ withWeights),
/* harmony export */   oQ: () => (/* binding */ readWeights)
/* harmony export */ });
/* unused harmony exports ROUTE_KINDS, routeKind */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const ROUTE_KINDS = ['httpRoute', 'http2Route', 'grpcRoute', 'tcpRoute'];
function weightsFor(canaryPercent) {
    if (!Number.isInteger(canaryPercent) || canaryPercent < 0 || canaryPercent > 100) {
        throw new RangeError(`canary weight must be an integer from 0 to 100, got ${canaryPercent}`);
    }
    return { stable: 100 - canaryPercent, canary: canaryPercent };
}
function sameWeights(a, b) {
    return a !== undefined && b !== undefined && a.stable === b.stable && a.canary === b.canary;
}
function routeKind(spec) {
    const kind = ROUTE_KINDS.find((k) => spec[k] !== undefined);
    if (!kind)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PlanError */ .W6('The route has no http, http2, grpc or tcp section', 'route');
    return kind;
}
function targetsOf(spec) {
    return spec[routeKind(spec)]?.action?.weightedTargets ?? [];
}
/**
 * The route's split as percentages for stable and canary. A route whose targets name any other virtual node is an
 * error: we would silently drop that node's traffic.
 */
function readWeights(spec, stableNode, canaryNode, routeName) {
    const targets = targetsOf(spec);
    const others = targets.map((t) => t.virtualNode).filter((n) => n !== stableNode && n !== canaryNode);
    if (others.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PlanError */ .W6(`Route ${routeName} also sends traffic to ${others.join(', ')}; this action only manages routes whose targets are ${stableNode} and ${canaryNode}`, 'route');
    }
    const weightOf = (node) => targets.filter((t) => t.virtualNode === node).reduce((sum, t) => sum + (t.weight ?? 0), 0);
    const stable = weightOf(stableNode);
    const canary = weightOf(canaryNode);
    const total = stable + canary;
    if (total === 0)
        return { stable: 100, canary: 0 };
    const canaryPercent = Math.round((canary * 100) / total);
    return { stable: 100 - canaryPercent, canary: canaryPercent };
}
/** The same spec with exactly two weighted targets; a target port already on the route is kept. */
function withWeights(spec, stableNode, canaryNode, weights) {
    const kind = routeKind(spec);
    const next = structuredClone(spec);
    const section = next[kind];
    const existing = section.action?.weightedTargets ?? [];
    const port = existing.find((t) => t.port !== undefined)?.port;
    section.action = { ...section.action, weightedTargets: targetList(stableNode, canaryNode, weights, port) };
    return next;
}
function targetList(stableNode, canaryNode, weights, port) {
    const withPort = (t) => (port === undefined ? t : { ...t, port });
    return [
        withPort({ virtualNode: stableNode, weight: weights.stable }),
        withPort({ virtualNode: canaryNode, weight: weights.canary }),
    ];
}
/** A new route for a router whose listener speaks `protocol`: match everything, split by weight. */
function newRouteSpec(protocol, stableNode, canaryNode, weights) {
    const weightedTargets = targetList(stableNode, canaryNode, weights, undefined);
    switch (protocol) {
        case 'http':
            return { httpRoute: { match: { prefix: '/' }, action: { weightedTargets } } };
        case 'http2':
            return { http2Route: { match: { prefix: '/' }, action: { weightedTargets } } };
        case 'grpc':
            return { grpcRoute: { match: {}, action: { weightedTargets } } };
        case 'tcp':
            return { tcpRoute: { action: { weightedTargets } } };
        default:
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PlanError */ .W6(`The stable virtual node's listener protocol "${protocol}" cannot be routed by weight`, 'stable-virtual-node');
    }
}


/***/ }),

/***/ 2462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   meshRef: () => (/* binding */ meshRef),
/* harmony export */   readState: () => (/* binding */ readState)
/* harmony export */ });
/* harmony import */ var _aws_ecsServices_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5808);
/* harmony import */ var _aws_ecsTaskDefinitions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8847);
/* harmony import */ var _aws_virtualNodes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7925);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _plan_taskDefinition_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6379);





function meshRef(settings) {
    return settings.meshOwner ? { meshName: settings.mesh, meshOwner: settings.meshOwner } : { meshName: settings.mesh };
}
async function readState(settings, clients, router) {
    switch (settings.operation) {
        case 'deploy':
            return readDeployState(settings, clients, router);
        case 'promote':
            return readPromoteState(settings, clients, router);
        case 'shift':
        case 'rollback': {
            const [services, traffic] = await Promise.all([
                (0,_aws_ecsServices_js__WEBPACK_IMPORTED_MODULE_0__/* .describeServices */ .Ge)(clients.ecs, settings.cluster, [settings.canary.service]),
                router.read('weights'),
            ]);
            return { operation: settings.operation, canaryService: services.get(settings.canary.service), traffic };
        }
    }
}
function requireService(services, name, input, cluster) {
    const service = services.get(name);
    if (!service)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PlanError */ .W6(`ECS service ${name} does not exist (or is inactive) in cluster ${cluster}`, input);
    return service;
}
function requireNode(node, name, settings) {
    if (!node?.spec) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PlanError */ .W6(`Virtual node ${name} was not found in mesh ${settings.mesh}${settings.meshOwner ? ` (owner ${settings.meshOwner})` : ''}; check mesh, mesh-owner and the node name`, 'stable-virtual-node');
    }
    return node;
}
async function readDeployState(settings, clients, router) {
    const mesh = meshRef(settings);
    const file = settings.taskDefinitionFile?.document;
    const fileFamily = file?.family;
    // Round trip 1: both services in one call, both nodes, the routing; the canary family's latest revision when the
    // file names it.
    const [services, stableNode, canaryNode, traffic, latestFromFile] = await Promise.all([
        (0,_aws_ecsServices_js__WEBPACK_IMPORTED_MODULE_0__/* .describeServices */ .Ge)(clients.ecs, settings.cluster, [settings.stable.service, settings.canary.service]),
        (0,_aws_virtualNodes_js__WEBPACK_IMPORTED_MODULE_2__/* .describeVirtualNode */ .v2)(clients.appMesh, mesh, settings.stable.virtualNode),
        (0,_aws_virtualNodes_js__WEBPACK_IMPORTED_MODULE_2__/* .describeVirtualNode */ .v2)(clients.appMesh, mesh, settings.canary.virtualNode),
        router.read('full'),
        fileFamily ? (0,_aws_ecsTaskDefinitions_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTaskDefinition */ .o)(clients.ecs, fileFamily) : undefined,
    ]);
    const stableService = requireService(services, settings.stable.service, 'stable-service', settings.cluster);
    const stableTaskDefinition = stableService.taskDefinition;
    const canaryFamily = fileFamily ?? `${(0,_plan_taskDefinition_js__WEBPACK_IMPORTED_MODULE_4__/* .familyOf */ .Ap)(stableTaskDefinition)}-canary`;
    // Round trip 2: the task definitions the services name.
    const [base, latestCanary] = await Promise.all([
        file ? file : (0,_aws_ecsTaskDefinitions_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTaskDefinition */ .o)(clients.ecs, stableTaskDefinition),
        fileFamily ? latestFromFile : (0,_aws_ecsTaskDefinitions_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTaskDefinition */ .o)(clients.ecs, canaryFamily),
    ]);
    if (!base)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PlanError */ .W6(`Task definition ${stableTaskDefinition} of service ${settings.stable.service} cannot be described`, 'stable-service');
    return {
        operation: 'deploy',
        stableService,
        canaryService: services.get(settings.canary.service),
        base,
        baseSource: file ? 'task-definition' : 'stable-service',
        canaryFamily,
        latestCanary,
        stableNode: requireNode(stableNode, settings.stable.virtualNode, settings),
        canaryNode,
        traffic,
    };
}
async function readPromoteState(settings, clients, router) {
    const [services, stableNode, traffic] = await Promise.all([
        (0,_aws_ecsServices_js__WEBPACK_IMPORTED_MODULE_0__/* .describeServices */ .Ge)(clients.ecs, settings.cluster, [settings.stable.service, settings.canary.service]),
        (0,_aws_virtualNodes_js__WEBPACK_IMPORTED_MODULE_2__/* .describeVirtualNode */ .v2)(clients.appMesh, meshRef(settings), settings.stable.virtualNode),
        router.read('weights'),
    ]);
    const stableService = requireService(services, settings.stable.service, 'stable-service', settings.cluster);
    const canaryService = requireService(services, settings.canary.service, 'canary-service', settings.cluster);
    const [canaryTaskDefinition, latestStable] = await Promise.all([
        (0,_aws_ecsTaskDefinitions_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTaskDefinition */ .o)(clients.ecs, canaryService.taskDefinition),
        (0,_aws_ecsTaskDefinitions_js__WEBPACK_IMPORTED_MODULE_1__/* .describeTaskDefinition */ .o)(clients.ecs, (0,_plan_taskDefinition_js__WEBPACK_IMPORTED_MODULE_4__/* .familyOf */ .Ap)(stableService.taskDefinition)),
    ]);
    if (!canaryTaskDefinition) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PlanError */ .W6(`Task definition ${canaryService.taskDefinition} of service ${settings.canary.service} cannot be described`, 'canary-service');
    }
    return {
        operation: 'promote',
        stableService,
        canaryService,
        canaryTaskDefinition,
        latestStable,
        stableNode: requireNode(stableNode, settings.stable.virtualNode, settings),
        traffic,
    };
}


/***/ })

};
