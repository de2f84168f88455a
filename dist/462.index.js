export const id = 462;
export const ids = [462];
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
