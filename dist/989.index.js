export const id = 989;
export const ids = [989];
export const modules = {

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ createEcsClient),
/* harmony export */   mO: () => (/* binding */ withErrorContext),
/* harmony export */   yO: () => (/* binding */ clientConfig)
/* harmony export */ });
/* unused harmony export MAX_ATTEMPTS */
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);
// The one place AWS client settings are decided. Region comes from AWS_REGION (or AWS_DEFAULT_REGION), credentials
// from the standard provider chain, endpoints from the SDK's own AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE>
// handling. Each provider makes its own client with the same settings, loaded only when it is chosen.

/** Survives at least two consecutive throttles per call; adaptive mode also slows down under throttling. */
const MAX_ATTEMPTS = 5;
function clientConfig(env = process.env) {
    const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
    if (!region) {
        throw new Error('No AWS region: set AWS_REGION (aws-actions/configure-aws-credentials does this for you)');
    }
    return { region, retryMode: 'adaptive', maxAttempts: MAX_ATTEMPTS, customUserAgent: 'ecs-mesh-canary' };
}
function createEcsClient(config) {
    return withErrorContext(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .ECSClient */ .Zgc(config), 'ECS');
}
/**
 * Errors from this client name the service and operation (`App Mesh DescribeRoute: …`) and carry the hint, if any;
 * the error's name (what callers test) is kept.
 */
function withErrorContext(client, service, hint) {
    client.middlewareStack.add((next, context) => async (args) => {
        try {
            return await next(args);
        }
        catch (err) {
            if (err instanceof Error && !err.message.startsWith(service)) {
                const operation = (context.commandName ?? '').replace(/Command$/, '');
                const extra = hint?.(err);
                err.message = `${service} ${operation}: ${err.message}${extra ? ` (${extra})` : ''}`;
            }
            throw err;
        }
    }, { step: 'initialize', name: 'ecsMeshCanaryErrorContext' });
    return client;
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

/***/ 8282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ executor)
/* harmony export */ });
/** An executor for requests of one shape: apply hands it the request its change holds, refs resolved. */
function executor(fn) {
    return fn;
}


/***/ }),

/***/ 5472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ canaryServiceInput),
/* harmony export */   Mb: () => (/* binding */ CREATED_TAG),
/* harmony export */   SL: () => (/* binding */ clusterName),
/* harmony export */   gC: () => (/* binding */ alarmsUpdate)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

/** The tag on a canary service this action created (its value names the stable service it was cloned from). */
const CREATED_TAG = 'ecs-mesh-canary:stable-service';
function canaryServiceInput(stable, opts) {
    if (stable.schedulingStrategy === 'DAEMON') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PlanError */ .W6(`Service ${stable.serviceName} uses the DAEMON scheduling strategy; a canary needs REPLICA`, 'stable-service');
    }
    const input = {
        cluster: opts.cluster,
        serviceName: opts.serviceName,
        desiredCount: opts.desiredCount,
        networkConfiguration: stable.networkConfiguration,
        ...opts.registration,
        // The canary always gets the deployment circuit breaker: a broken image then fails the run within minutes
        // instead of after wait-for-minutes.
        deploymentConfiguration: {
            ...stable.deploymentConfiguration,
            deploymentCircuitBreaker: { enable: true, rollback: true },
            ...(opts.alarms?.length ? { alarms: { alarmNames: [...opts.alarms], enable: true, rollback: true } } : {}),
        },
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
    input.tags = [...tags.filter((t) => t.key !== CREATED_TAG), { key: CREATED_TAG, value: stable.serviceName }];
    return input;
}
/**
 * The deployment configuration to send to an existing canary service so that its rollouts stop and roll back on the
 * `alarms` input, or undefined when it already does (or no alarms are given: alarms set by hand are left alone).
 */
function alarmsUpdate(service, alarms) {
    if (!alarms?.length)
        return undefined;
    const current = service.deploymentConfiguration?.alarms;
    const same = current?.enable &&
        current.rollback &&
        [...(current.alarmNames ?? [])].sort().join('\n') === [...alarms].sort().join('\n');
    if (same)
        return undefined;
    return {
        ...service.deploymentConfiguration,
        alarms: { alarmNames: [...alarms], enable: true, rollback: true },
    };
}
function clusterName(cluster) {
    return cluster.slice(cluster.lastIndexOf('/') + 1);
}


/***/ }),

/***/ 5538:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BY: () => (/* binding */ toPercent),
/* harmony export */   ML: () => (/* binding */ sameWeights),
/* harmony export */   NK: () => (/* binding */ weightsFor),
/* harmony export */   V0: () => (/* binding */ showWeights)
/* harmony export */ });
// Pure weight math shared by every provider: the split is always stable + canary = 100.
function weightsFor(canaryPercent) {
    if (!Number.isInteger(canaryPercent) || canaryPercent < 0 || canaryPercent > 100) {
        throw new RangeError(`canary weight must be an integer from 0 to 100, got ${canaryPercent}`);
    }
    return { stable: 100 - canaryPercent, canary: canaryPercent };
}
function sameWeights(a, b) {
    return a !== undefined && b !== undefined && a.stable === b.stable && a.canary === b.canary;
}
/** Raw backend weights (any scale) as percentages; nothing on either side reads as all on stable. */
function toPercent(stable, canary) {
    const total = stable + canary;
    if (total === 0)
        return { stable: 100, canary: 0 };
    const canaryPercent = Math.round((canary * 100) / total);
    return { stable: 100 - canaryPercent, canary: canaryPercent };
}
const showWeights = (w) => `stable ${w.stable} / canary ${w.canary}`;


/***/ }),

/***/ 989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AppMeshProvider: () => (/* binding */ AppMeshProvider),
  createAppMeshProvider: () => (/* binding */ createAppMeshProvider),
  endOfSupportHint: () => (/* binding */ endOfSupportHint),
  meshRef: () => (/* binding */ meshRef),
  nodeArnBeside: () => (/* binding */ nodeArnBeside)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-app-mesh/dist-cjs/index.js
var dist_cjs = __webpack_require__(9356);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/aws/notFound.ts
var notFound = __webpack_require__(3902);
;// CONCATENATED MODULE: ./src/traffic/appMesh/api.ts
// App Mesh calls: every read answers undefined for a resource that does not exist; writes return what App Mesh
// stored. The only module of the provider that sends App Mesh commands.


/** The tag on everything this action creates in App Mesh. */
const CREATED_BY = { key: 'ecs-mesh-canary:created-by', value: 'ecs-mesh-canary' };
class AppMeshApi {
    client;
    mesh;
    constructor(client, mesh) {
        this.client = client;
        this.mesh = mesh;
    }
    async describeMesh() {
        return (await (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs.DescribeMeshCommand(this.mesh))))?.mesh;
    }
    async describeVirtualNode(virtualNodeName) {
        const out = await (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs.DescribeVirtualNodeCommand({ ...this.mesh, virtualNodeName })));
        return out?.virtualNode;
    }
    async createVirtualNode(virtualNodeName, spec) {
        const command = new dist_cjs.CreateVirtualNodeCommand({ ...this.mesh, virtualNodeName, spec, tags: [CREATED_BY] });
        return (await this.client.send(command)).virtualNode;
    }
    async deleteVirtualNode(virtualNodeName) {
        await this.client.send(new dist_cjs.DeleteVirtualNodeCommand({ ...this.mesh, virtualNodeName }));
    }
    async deleteRoute(virtualRouterName, routeName) {
        await this.client.send(new dist_cjs.DeleteRouteCommand({ ...this.mesh, virtualRouterName, routeName }));
    }
    /** Whether this action created the resource (its tag), for clean-ups that must never touch anything else. */
    async createdByAction(resourceArn) {
        const out = await (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs.ListTagsForResourceCommand({ resourceArn })));
        return (out?.tags ?? []).some((t) => t.key === CREATED_BY.key && t.value === CREATED_BY.value);
    }
    async updateVirtualNode(virtualNodeName, spec) {
        return (await this.client.send(new dist_cjs.UpdateVirtualNodeCommand({ ...this.mesh, virtualNodeName, spec }))).virtualNode;
    }
    async describeVirtualRouter(virtualRouterName) {
        const out = await (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs.DescribeVirtualRouterCommand({ ...this.mesh, virtualRouterName })));
        return out?.virtualRouter;
    }
    async createVirtualRouter(virtualRouterName, spec) {
        const command = new dist_cjs.CreateVirtualRouterCommand({ ...this.mesh, virtualRouterName, spec });
        return (await this.client.send(command)).virtualRouter;
    }
    async describeRoute(virtualRouterName, routeName) {
        const command = new dist_cjs.DescribeRouteCommand({ ...this.mesh, virtualRouterName, routeName });
        return (await (0,notFound/* orUndefined */.y)(this.client.send(command)))?.route;
    }
    /** The names of the router's routes (all pages). */
    async listRoutes(virtualRouterName) {
        const names = [];
        let nextToken;
        do {
            const out = await (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs.ListRoutesCommand({ ...this.mesh, virtualRouterName, nextToken })));
            names.push(...(out?.routes ?? []).map((r) => r.routeName));
            nextToken = out?.nextToken;
        } while (nextToken);
        return names;
    }
    async createRoute(virtualRouterName, routeName, spec) {
        const command = new dist_cjs.CreateRouteCommand({ ...this.mesh, virtualRouterName, routeName, spec, tags: [CREATED_BY] });
        return (await this.client.send(command)).route;
    }
    async updateRoute(virtualRouterName, routeName, spec) {
        return (await this.client.send(new dist_cjs.UpdateRouteCommand({ ...this.mesh, virtualRouterName, routeName, spec })))
            .route;
    }
    async describeVirtualService(virtualServiceName) {
        const command = new dist_cjs.DescribeVirtualServiceCommand({ ...this.mesh, virtualServiceName });
        return (await (0,notFound/* orUndefined */.y)(this.client.send(command)))?.virtualService;
    }
    async updateVirtualService(virtualServiceName, spec) {
        const command = new dist_cjs.UpdateVirtualServiceCommand({ ...this.mesh, virtualServiceName, spec });
        return (await this.client.send(command)).virtualService;
    }
}

;// CONCATENATED MODULE: ./src/traffic/appMesh/entryPoint.ts
function routesThroughRouter(s, vs) {
    return !s.virtualService || vs?.spec?.provider?.virtualRouter?.virtualRouterName === s.virtualRouter;
}
/** The split a virtual service provided by a virtual node gives: all on stable when that node is stable's. */
function providerWeights(s, vs) {
    return vs?.spec?.provider?.virtualNode?.virtualNodeName === s.stableNode ? { stable: 100, canary: 0 } : undefined;
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
// EXTERNAL MODULE: ./src/plan/weights.ts
var weights = __webpack_require__(5538);
// EXTERNAL MODULE: ./src/executor.ts
var executor = __webpack_require__(8282);
;// CONCATENATED MODULE: ./src/traffic/appMesh/routeSpec.ts


const ROUTE_KINDS = ['httpRoute', 'http2Route', 'grpcRoute', 'tcpRoute'];
function routeKind(spec) {
    const kind = ROUTE_KINDS.find((k) => spec[k] !== undefined);
    if (!kind)
        throw new errors/* PlanError */.W6('The route has no http, http2, grpc or tcp section', 'route');
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
        throw new errors/* PlanError */.W6(`Route ${routeName} also sends traffic to ${others.join(', ')}; this action only manages routes whose targets are ${stableNode} and ${canaryNode}`, 'route');
    }
    const weightOf = (node) => targets.filter((t) => t.virtualNode === node).reduce((sum, t) => sum + (t.weight ?? 0), 0);
    return (0,weights/* toPercent */.BY)(weightOf(stableNode), weightOf(canaryNode));
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
/**
 * A new route for a router whose listener speaks `protocol`: match everything, split by weight (stable only when no
 * canary node is given: a dark launch does not add its canary to the split).
 */
function newRouteSpec(protocol, stableNode, canaryNode, weights) {
    const weightedTargets = canaryNode
        ? targetList(stableNode, canaryNode, weights, undefined)
        : [{ virtualNode: stableNode, weight: 100 }];
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
            throw new errors/* PlanError */.W6(`The stable virtual node's listener protocol "${protocol}" cannot be routed by weight`, 'stable-virtual-node');
    }
}
/** The canary node's percent of a route's weighted targets (any other targets included in the total). */
function canaryPercent(spec, canaryNode) {
    const section = ROUTE_KINDS.map((k) => spec[k]).find((x) => x !== undefined);
    const targets = section?.action?.weightedTargets ?? [];
    const total = targets.reduce((sum, t) => sum + (t.weight ?? 0), 0);
    const canary = targets.filter((t) => t.virtualNode === canaryNode).reduce((sum, t) => sum + (t.weight ?? 0), 0);
    return total === 0 ? 0 : Math.round((canary * 100) / total);
}
/** Whether every weighted target of a route is this node (a preview route this action made for it). */
function routesOnlyTo(spec, node) {
    const section = spec && ROUTE_KINDS.map((k) => spec[k]).find((x) => x !== undefined);
    const targets = section?.action?.weightedTargets ?? [];
    return targets.length > 0 && targets.every((t) => t.virtualNode === node);
}
/**
 * The preview route: the weighted route's kind and match plus the header (gRPC: metadata), all of it to the canary,
 * at a priority ahead of the weighted route. A weighted route at priority 0 leaves no room: refused, never reordered.
 */
function previewSpec(weighted, canaryNode, header) {
    const kind = routeKind(weighted);
    if (kind === 'tcpRoute')
        throw new errors/* PlanError */.W6('A TCP route cannot match headers, so it has no preview route', 'preview-header');
    if (weighted.priority === 0) {
        throw new errors/* PlanError */.W6('The weighted route has priority 0, so no route can go ahead of it; give it a priority of 1 or more for the preview route', 'preview-header');
    }
    const section = structuredClone(weighted[kind]);
    const match = { exact: header.value };
    const key = kind === 'grpcRoute' ? 'metadata' : 'headers';
    const existing = section.match?.[key] ?? [];
    section.match = { ...section.match, [key]: [...existing, { name: header.name, match }] };
    const port = section.action?.weightedTargets?.find((t) => t.port !== undefined)?.port;
    section.action = {
        weightedTargets: [{ virtualNode: canaryNode, weight: 1, ...(port === undefined ? {} : { port }) }],
    };
    return { [kind]: section, priority: weighted.priority === undefined ? 0 : weighted.priority - 1 };
}
/** Whether any weighted target of the route is this node. */
function mentions(spec, node) {
    const section = ROUTE_KINDS.map((k) => spec[k]).find((x) => x !== undefined);
    return (section?.action?.weightedTargets ?? []).some((t) => t.virtualNode === node);
}

;// CONCATENATED MODULE: ./src/traffic/appMesh/state.ts
const ROUTE_VERSION = 'appmesh.routeVersion';
const APP_MESH_KINDS = {
    createNode: 'appmesh.create-virtual-node',
    updateNode: 'appmesh.update-virtual-node',
    createRouter: 'appmesh.create-virtual-router',
    createRoute: 'appmesh.create-route',
    setWeights: 'appmesh.set-route-weights',
    putRouteSpec: 'appmesh.put-route-spec',
    setProvider: 'appmesh.set-virtual-service-provider',
    createPreview: 'appmesh.create-preview-route',
    putPreview: 'appmesh.put-preview-route',
    deleteRoute: 'appmesh.delete-route',
    deleteNode: 'appmesh.delete-virtual-node',
};
const PREVIEW_ARN = 'previewRouteArn';

;// CONCATENATED MODULE: ./src/traffic/appMesh/executors.ts
// Executors of the App Mesh change kinds. Route weight writes are guarded: re-read right before writing and refuse
// if the version is not the one the plan (or this run's previous write) expects; after the write the version must
// be exactly one more, else the write is journaled as a conflict.







function previewExecutors(api) {
    const remove = (r) => ({
        kind: APP_MESH_KINDS.deleteRoute,
        request: r,
        describe: `preview route ${r.routeName} removed`,
    });
    return {
        [APP_MESH_KINDS.createPreview]: (0,executor/* executor */.k)(async (r) => {
            const created = await api.createRoute(r.virtualRouterName, r.routeName, r.spec);
            return {
                detail: created.metadata?.arn,
                produces: { [PREVIEW_ARN]: created.metadata?.arn ?? '' },
                undo: remove(r),
            };
        }),
        [APP_MESH_KINDS.putPreview]: (0,executor/* executor */.k)(async (r) => {
            const written = await api.updateRoute(r.virtualRouterName, r.routeName, r.spec);
            const back = { ...r, spec: r.previous, previous: r.spec };
            const undo = { kind: APP_MESH_KINDS.putPreview, request: back, describe: `preview route ${r.routeName} back as it was` };
            return {
                detail: `version ${written.metadata?.version}`,
                produces: { [PREVIEW_ARN]: written.metadata?.arn ?? '' },
                undo,
            };
        }),
        [APP_MESH_KINDS.deleteRoute]: (0,executor/* executor */.k)(async (r) => {
            await api.deleteRoute(r.virtualRouterName, r.routeName);
            return { undo: { kind: APP_MESH_KINDS.createPreview, request: r, describe: `preview route ${r.routeName} back` } };
        }),
        [APP_MESH_KINDS.deleteNode]: (0,executor/* executor */.k)(async (r) => {
            await api.deleteVirtualNode(r.virtualNodeName);
            return { detail: `deleted ${r.virtualNodeName}` };
        }),
    };
}
function appMeshExecutors(api) {
    const node = async (r, existed) => {
        const written = existed
            ? await api.updateVirtualNode(r.virtualNodeName, r.spec)
            : await api.createVirtualNode(r.virtualNodeName, r.spec);
        const arn = written.metadata?.arn ?? '';
        return { detail: arn, produces: { [model/* REFS */.tr.canaryEndpointArn]: arn } };
    };
    return {
        ...previewExecutors(api),
        [APP_MESH_KINDS.createNode]: (0,executor/* executor */.k)((r) => node(r, false)),
        [APP_MESH_KINDS.updateNode]: (0,executor/* executor */.k)((r) => node(r, true)),
        [APP_MESH_KINDS.createRouter]: (0,executor/* executor */.k)(async (r) => {
            const created = await api.createVirtualRouter(r.virtualRouterName, r.spec);
            return { detail: created.metadata?.arn };
        }),
        [APP_MESH_KINDS.createRoute]: (0,executor/* executor */.k)(async (r) => {
            const created = await api.createRoute(r.virtualRouterName, r.routeName, r.spec);
            const arn = created.metadata?.arn ?? '';
            return {
                detail: arn,
                weights: r.unrouted ? r.unrouted.weights : r.weights,
                produces: { [model/* REFS */.tr.routeArn]: arn, [ROUTE_VERSION]: created.metadata?.version ?? 1 },
            };
        }),
        [APP_MESH_KINDS.setWeights]: (0,executor/* executor */.k)((r) => setWeights(api, r)),
        [APP_MESH_KINDS.putRouteSpec]: (0,executor/* executor */.k)(async (r) => {
            const written = await api.updateRoute(r.virtualRouterName, r.routeName, r.spec);
            return { weights: r.weights, produces: { [ROUTE_VERSION]: written.metadata?.version ?? 0 } };
        }),
        [APP_MESH_KINDS.setProvider]: (0,executor/* executor */.k)(async (r) => {
            await api.updateVirtualService(r.virtualServiceName, r.spec);
            const undo = {
                virtualServiceName: r.virtualServiceName,
                spec: r.previous.spec,
                weights: r.previous.weights,
                previous: { spec: r.spec, describe: '', weights: r.weights },
            };
            return {
                weights: r.weights,
                undo: {
                    kind: APP_MESH_KINDS.setProvider,
                    request: undo,
                    describe: `virtual service ${r.virtualServiceName} provider back to ${r.previous.describe}`,
                },
            };
        }),
    };
}
async function setWeights(api, r) {
    const current = await api.describeRoute(r.virtualRouterName, r.routeName);
    const version = current?.metadata?.version;
    if (!current?.spec || version === undefined || version !== r.expectedVersion) {
        const theirs = current?.spec ? weightsOrUndefined(current.spec, r) : undefined;
        const inEffect = theirs ? `; their weights are in effect: ${(0,weights/* showWeights */.V0)(theirs)}` : '';
        throw new errors/* ConcurrentModificationError */._b(`Route ${r.routeName} changed while this run was working (version ${r.expectedVersion} expected, ${version ?? 'deleted'} now): another run or person is editing it. Nothing was written to it${inEffect}; rerun once the other change is done (a workflow concurrency group per service prevents this)`, { weightsNow: theirs });
    }
    const previous = readWeights(current.spec, r.stableNode, r.canaryNode, r.routeName);
    const spec = withWeights(current.spec, r.stableNode, r.canaryNode, r.weights);
    core/* debug */.Yz(`UpdateRoute ${r.routeName} (version ${version}) to ${(0,weights/* showWeights */.V0)(r.weights)}`);
    const written = await api.updateRoute(r.virtualRouterName, r.routeName, spec);
    const now = written.metadata?.version;
    const outcome = {
        detail: `version ${now}`,
        weights: r.weights,
        produces: { [ROUTE_VERSION]: now ?? version + 1, [model/* REFS */.tr.routeArn]: written.metadata?.arn ?? '' },
        undo: {
            kind: APP_MESH_KINDS.putRouteSpec,
            request: {
                virtualRouterName: r.virtualRouterName,
                routeName: r.routeName,
                spec: current.spec,
                weights: previous,
            },
            describe: `route ${r.routeName} weights back to ${(0,weights/* showWeights */.V0)(previous)}`,
        },
    };
    if (now !== undefined && now !== version + 1) {
        outcome.conflict = `Route ${r.routeName} was also written by someone else between this run's check and its write (version ${now}, expected ${version + 1}): this run's write came last, so its weights ${(0,weights/* showWeights */.V0)(r.weights)} are in effect and the other writer's change was overwritten; tell them before retrying`;
    }
    return outcome;
}
function weightsOrUndefined(spec, r) {
    try {
        return readWeights(spec, r.stableNode, r.canaryNode, r.routeName);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/plan/service.ts
var service = __webpack_require__(5472);
// EXTERNAL MODULE: ./src/plan/taskDefinition.ts
var taskDefinition = __webpack_require__(6379);
;// CONCATENATED MODULE: ./src/traffic/appMesh/virtualNode.ts


/** Attributes ECS also registers whose values stable and canary tasks share (same cluster, subnets, region). */
const SHARED_KEYS = new Set([
    'AVAILABILITY_ZONE',
    'REGION',
    'AWS_INSTANCE_IPV4',
    'AWS_INIT_HEALTH_STATUS',
    'ECS_CLUSTER_NAME',
]);
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
        const suggested = [
            ...(stableMap.attributes ?? []).filter((a) => a.key !== 'ECS_SERVICE_NAME'),
            {
                key: 'ECS_SERVICE_NAME',
                value: input.stableTasks.ECS_SERVICE_NAME,
            },
        ];
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

// EXTERNAL MODULE: ./src/traffic/sidecars.ts
var sidecars = __webpack_require__(6425);
;// CONCATENATED MODULE: ./src/traffic/appMesh/workload.ts



const DEFAULT_ENVOY_IMAGE = 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.27.2.0-prod';
const ENVOY_HEALTH_COMMAND = 'curl -s http://localhost:9901/server_info | grep state | grep -q LIVE';
const ENVOY_UID = '1337';
const ENVOY_ADMIN_PORT = 9901;
const PROXY_INGRESS_PORT = 15000;
const PROXY_EGRESS_PORT = 15001;
const EGRESS_IGNORED_IPS = ['169.254.170.2', '169.254.169.254'];
function withEnvoy(base, opts) {
    const def = base.definition;
    if (def.networkMode !== 'awsvpc') {
        const mode = def.networkMode ? `"${def.networkMode}"` : 'none (bridge)';
        throw new errors/* PlanError */.W6(`App Mesh on ECS needs networkMode "awsvpc"; the base task definition has ${mode}`, base.source);
    }
    const warnings = def.taskRoleArn
        ? []
        : [
            'The task definition has no taskRoleArn: Envoy cannot reach App Mesh without a task role that allows appmesh:StreamAggregatedResources (the AWSAppMeshEnvoyAccess managed policy).',
        ];
    const containers = def.containerDefinitions ?? [];
    let envoy = containers.find((c) => (0,sidecars/* isEnvoyContainer */.N5)(c, def));
    const envoyAdded = envoy === undefined;
    if (!envoy) {
        envoy = newEnvoyContainer(opts.envoyImage ?? DEFAULT_ENVOY_IMAGE, base.target ?? base.apps[0]);
        containers.push(envoy);
    }
    else if (opts.envoyImage) {
        envoy.image = opts.envoyImage;
    }
    configureEnvoy(envoy, opts.envoyResourceArn);
    for (const app of base.apps) {
        const others = (app.dependsOn ?? []).filter((d) => d.containerName !== envoy.name);
        app.dependsOn = [{ containerName: envoy.name, condition: 'HEALTHY' }, ...others];
    }
    def.containerDefinitions = containers;
    def.proxyConfiguration = proxyConfiguration(def.proxyConfiguration, envoy.name, appPortsOf(base, opts));
    return { definition: def, envoyAdded, warnings };
}
function appPortsOf(base, opts) {
    if (opts.appPorts)
        return [...opts.appPorts];
    const ports = tcpPorts(base.target ? [base.target] : base.apps);
    if (ports.length > 0)
        return ports;
    const which = base.target ? `container "${base.target.name}" exposes` : 'containers expose';
    throw new errors/* PlanError */.W6(`The application ${which} no TCP port for Envoy to intercept; set app-ports`, 'app-ports');
}
function tcpPorts(containers) {
    const ports = containers.flatMap((c) => (c.portMappings ?? [])
        .filter((p) => (p.protocol ?? 'tcp') === 'tcp' && p.containerPort !== undefined)
        .map((p) => p.containerPort));
    return [...new Set(ports)];
}
function newEnvoyContainer(image, app) {
    const envoy = { name: 'envoy', image, essential: true, cpu: 0, environment: [] };
    const log = app?.logConfiguration;
    if (log?.logDriver === 'awslogs') {
        envoy.logConfiguration = { ...log, options: { ...log.options, 'awslogs-stream-prefix': 'envoy' } };
    }
    return envoy;
}
function configureEnvoy(envoy, resourceArn) {
    envoy.essential = true;
    envoy.user = ENVOY_UID;
    envoy.environment = (0,taskDefinition/* upsertEnv */.lM)(envoy.environment ?? [], 'APPMESH_RESOURCE_ARN', resourceArn);
    const mappings = [...(envoy.portMappings ?? [])];
    for (const port of [PROXY_EGRESS_PORT, PROXY_INGRESS_PORT, ENVOY_ADMIN_PORT]) {
        if (!mappings.some((m) => m.containerPort === port)) {
            mappings.push({ containerPort: port, hostPort: port, protocol: 'tcp' });
        }
    }
    envoy.portMappings = mappings;
    const ulimits = (envoy.ulimits ?? []).filter((u) => u.name !== 'nofile');
    envoy.ulimits = [...ulimits, { name: 'nofile', softLimit: 15000, hardLimit: 15000 }];
    const hc = envoy.healthCheck;
    envoy.healthCheck = {
        command: ['CMD-SHELL', ENVOY_HEALTH_COMMAND],
        interval: hc?.interval ?? 5,
        timeout: hc?.timeout ?? 2,
        retries: hc?.retries ?? 3,
        ...(hc?.startPeriod !== undefined ? { startPeriod: hc.startPeriod } : hc ? {} : { startPeriod: 10 }),
    };
}
function proxyConfiguration(existing, envoyName, appPorts) {
    const ignoredIps = new Set(EGRESS_IGNORED_IPS);
    const prior = existing?.type === 'APPMESH' ? (existing.properties ?? []) : [];
    for (const p of prior.filter((p) => p.name === 'EgressIgnoredIPs')) {
        for (const ip of p.value?.split(',') ?? [])
            if (ip.trim())
                ignoredIps.add(ip.trim());
    }
    const wanted = {
        ProxyIngressPort: String(PROXY_INGRESS_PORT),
        ProxyEgressPort: String(PROXY_EGRESS_PORT),
        AppPorts: appPorts.join(','),
        EgressIgnoredIPs: [...ignoredIps].join(','),
        IgnoredUID: ENVOY_UID,
    };
    const properties = prior.map((p) => p.name && p.name in wanted ? { name: p.name, value: wanted[p.name] } : { ...p });
    for (const [name, value] of Object.entries(wanted)) {
        if (!properties.some((p) => p.name === name))
            properties.push({ name, value });
    }
    return { type: 'APPMESH', containerName: envoyName, properties };
}

;// CONCATENATED MODULE: ./src/traffic/appMesh/planner.ts










class AppMeshPlanner {
    s;
    canaryService;
    constructor(s, 
    /** The canary ECS service, whose tasks the canary node's Cloud Map filter must select. */
    canaryService) {
        this.s = s;
        this.canaryService = canaryService;
    }
    renderWorkload(base, role, state) {
        const node = role === 'canary' ? this.s.canaryNode : this.s.stableNode;
        const stableNodeArn = state.stableNode?.metadata?.arn ?? '';
        const arn = envoyResourceArn({ mesh: this.s.mesh, meshOwner: this.s.meshOwner, node, stableNodeArn });
        return withEnvoy(base, { envoyResourceArn: arn, envoyImage: this.s.envoyImage, appPorts: this.s.appPorts });
    }
    registration(stable) {
        if (!stable.serviceRegistries?.length) {
            throw new errors/* PlanError */.W6(`Service ${stable.serviceName} has no Cloud Map service registry, so its tasks are invisible to App Mesh Cloud Map discovery; enable service discovery on it first`, 'stable-service');
        }
        return { serviceRegistries: stable.serviceRegistries };
    }
    planEndpoint(state, facts) {
        const { s } = this;
        const stableSpec = state.stableNode.spec;
        const cluster = (0,service/* clusterName */.SL)(facts.stableService.clusterArn ?? facts.cluster);
        checkIsolation({
            stableNode: s.stableNode,
            stableSpec,
            canaryAttributes: s.cloudMapAttributes,
            stableTasks: {
                ECS_SERVICE_NAME: facts.stableService.serviceName,
                ECS_TASK_DEFINITION_FAMILY: (0,taskDefinition/* familyOf */.Ap)(facts.stableService.taskDefinition),
                ECS_CLUSTER_NAME: cluster,
            },
            canaryTasks: {
                ECS_SERVICE_NAME: this.canaryService,
                ECS_TASK_DEFINITION_FAMILY: facts.canaryFamily,
                ECS_CLUSTER_NAME: cluster,
            },
        });
        const spec = canaryNodeSpec(stableSpec, s.stableNode, s.cloudMapAttributes);
        if (state.canaryNode && sameNodeSpec(state.canaryNode.spec, spec))
            return [];
        const existed = state.canaryNode !== undefined;
        const filter = s.cloudMapAttributes.map((a) => `${a.key}=${a.value}`).join(', ');
        const remove = `aws appmesh delete-virtual-node --mesh-name ${s.mesh} --virtual-node-name ${s.canaryNode}`;
        return [
            {
                kind: existed ? APP_MESH_KINDS.updateNode : APP_MESH_KINDS.createNode,
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
    planWeights(state, target, opts = {}) {
        const { s } = this;
        if (!state.route) {
            if (!opts.create) {
                throw new errors/* PlanError */.W6(`Route ${s.route} of virtual router ${s.virtualRouter} does not exist; run deploy first`, 'route');
            }
            return this.createRouting(state, target, opts.dark === true);
        }
        if ((0,weights/* sameWeights */.ML)(state.weights, target))
            return { changes: [], next: state };
        if (state.foreign)
            throw new errors/* PlanError */.W6(state.foreign, 'route');
        const change = {
            kind: APP_MESH_KINDS.setWeights,
            resource: { type: 'route', name: s.route },
            action: 'update',
            before: state.weights ? (0,weights/* showWeights */.V0)(state.weights) : undefined,
            after: (0,weights/* showWeights */.V0)(target),
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
        return { changes: [change], next: { ...state, weights: target, routeVersion: (0,model/* ref */.KR)(ROUTE_VERSION) } };
    }
    createRouting(state, target, dark) {
        const { s } = this;
        const listener = state.stableNode?.spec?.listeners?.[0]?.portMapping;
        if (!listener?.port || !listener.protocol) {
            throw new errors/* PlanError */.W6(`Virtual node ${s.stableNode} has no listener to copy to the virtual router`, 'stable-virtual-node');
        }
        const mesh = `--mesh-name ${s.mesh} --virtual-router-name ${s.virtualRouter}`;
        const changes = [];
        if (!state.router) {
            changes.push({
                kind: APP_MESH_KINDS.createRouter,
                resource: { type: 'virtual router', name: s.virtualRouter },
                action: 'create',
                after: `listener ${listener.protocol}:${listener.port}`,
                request: {
                    virtualRouterName: s.virtualRouter,
                    spec: { listeners: [{ portMapping: { port: listener.port, protocol: listener.protocol } }] },
                },
                moves: 'none',
                leftBehind: `virtual router ${s.virtualRouter} (aws appmesh delete-virtual-router ${mesh})`,
            });
        }
        changes.push({
            kind: APP_MESH_KINDS.createRoute,
            resource: { type: 'route', name: s.route },
            action: 'create',
            after: (0,weights/* showWeights */.V0)(target),
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
            next: { ...state, weights: target, routeVersion: (0,model/* ref */.KR)(ROUTE_VERSION), routeId: undefined, routeSpec },
        };
    }
    planPreview(state, preview) {
        const { s } = this;
        const resource = { type: 'route', name: s.previewRoute };
        const at = { virtualRouterName: s.virtualRouter, routeName: s.previewRoute };
        const existing = state.previewRoute?.spec;
        const ours = routesOnlyTo(existing, s.canaryNode);
        if (!preview) {
            if (!existing || !ours)
                return [];
            const change = {
                kind: APP_MESH_KINDS.deleteRoute,
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
            throw new errors/* PlanError */.W6(`Route ${s.previewRoute} exists and routes elsewhere; name another preview-route`, 'preview-route');
        }
        if (!state.routeSpec)
            throw new errors/* PlanError */.W6(`Route ${s.route} does not exist, so there is no match to preview`, 'route');
        const spec = previewSpec(state.routeSpec, s.canaryNode, { name: preview.header, value: preview.value });
        if (existing && (0,taskDefinition/* canonical */.$N)(existing) === (0,taskDefinition/* canonical */.$N)(spec))
            return [];
        const after = `${preview.header}: ${preview.value} → canary ${s.canaryNode} (priority ${spec.priority})`;
        if (existing) {
            return [
                {
                    kind: APP_MESH_KINDS.putPreview,
                    resource,
                    action: 'update',
                    before: 'another match',
                    after,
                    request: { ...at, spec, previous: existing },
                    moves: 'traffic',
                },
            ];
        }
        return [{ kind: APP_MESH_KINDS.createPreview, resource, action: 'create', after, request: { ...at, spec }, moves: 'traffic' }];
    }
    planCleanup(state) {
        const { s } = this;
        if (!state.canaryNode)
            return { changes: [], kept: [] };
        if (!state.canaryNodeOurs)
            return { changes: [], kept: [`virtual node ${s.canaryNode} (not created by this action)`] };
        const named = state.routeSpec !== undefined && mentions(state.routeSpec, s.canaryNode);
        if (named)
            return { changes: [], kept: [`virtual node ${s.canaryNode} (route ${s.route} still names it)`] };
        const change = {
            kind: APP_MESH_KINDS.deleteNode,
            resource: { type: 'virtual node', name: s.canaryNode },
            action: 'delete',
            after: 'deleted (created by this action)',
            request: { virtualNodeName: s.canaryNode },
            moves: 'none',
        };
        return { changes: [change], kept: [] };
    }
    planEntryPoint(state) {
        const { mesh, virtualService, virtualRouter } = this.s;
        if (!virtualService)
            return [];
        const spec = state.virtualService?.spec;
        if (!spec)
            throw new errors/* PlanError */.W6(`Virtual service ${virtualService} does not exist in mesh ${mesh}`, 'virtual-service');
        const routerName = spec.provider?.virtualRouter?.virtualRouterName;
        if (routerName === virtualRouter)
            return [];
        if (routerName) {
            throw new errors/* PlanError */.W6(`Virtual service ${virtualService} is provided by another virtual router (${routerName}); this action will not take it over`, 'virtual-service');
        }
        const next = { ...spec, provider: { virtualRouter: { virtualRouterName: virtualRouter } } };
        const node = spec.provider?.virtualNode?.virtualNodeName;
        const before = node ? `virtual node ${node}` : 'no provider';
        return [
            {
                kind: APP_MESH_KINDS.setProvider,
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

;// CONCATENATED MODULE: ./src/traffic/appMesh/index.ts
// The App Mesh provider: a virtual router with one route whose two weighted targets are the stable and canary
// virtual nodes, a virtual service whose provider is that router, Envoy in every task. Loaded (with its SDK client)
// only when traffic-provider is app-mesh.








/** A virtual node's ARN from a route's ARN of the same mesh (both are `…:mesh/<mesh>/…`), without another read. */
function nodeArnBeside(routeArn, node) {
    const mesh = routeArn?.match(/^(arn:[^:]+:appmesh:[^:]*:\d{12}:mesh\/[^/]+)\//)?.[1];
    return mesh ? `${mesh}/virtualNode/${node}` : undefined;
}
function meshRef(s) {
    return s.meshOwner ? { meshName: s.mesh, meshOwner: s.meshOwner } : { meshName: s.mesh };
}
class AppMeshProvider {
    s;
    opts;
    api;
    name = 'App Mesh';
    planner;
    executors;
    constructor(s, opts, api) {
        this.s = s;
        this.opts = opts;
        this.api = api;
        this.planner = new AppMeshPlanner(s, opts.canaryService);
        this.executors = appMeshExecutors(api);
    }
    listener;
    async read(operation) {
        const state = await this.readState(operation);
        this.listener =
            state.stableNode?.spec?.listeners?.[0]?.portMapping ?? state.router?.spec?.listeners?.[0]?.portMapping;
        return state;
    }
    async readState(operation) {
        const { api } = this;
        const s = this.s;
        const full = operation === 'deploy';
        const nodes = operation === 'deploy' || operation === 'promote';
        const scalesDown = operation === 'rollback' || operation === 'promote';
        const cleanup = operation === 'rollback' && this.opts.deleteCanary;
        const previews = scalesDown || (full && this.opts.preview);
        const [route, stableNode, canaryNode, router, virtualService, previewRoute] = await Promise.all([
            api.describeRoute(s.virtualRouter, s.route),
            nodes ? api.describeVirtualNode(s.stableNode) : undefined,
            full || cleanup ? api.describeVirtualNode(s.canaryNode) : undefined,
            full ? api.describeVirtualRouter(s.virtualRouter) : undefined,
            full && s.virtualService ? api.describeVirtualService(s.virtualService) : undefined,
            previews ? api.describeRoute(s.virtualRouter, s.previewRoute) : undefined,
        ]);
        if (nodes && !stableNode?.spec)
            await this.missingNode();
        const ours = cleanup && canaryNode?.metadata?.arn ? await api.createdByAction(canaryNode.metadata.arn) : undefined;
        return {
            otherRoutes: scalesDown ? await this.otherRoutes() : undefined,
            ...this.split(route),
            // A deploy knows the virtual service: until it goes through the router, the route's split is not in effect.
            inEffect: routesThroughRouter(s, virtualService) || !route ? undefined : providerWeights(s, virtualService),
            stableNode,
            canaryNode,
            router,
            route,
            virtualService,
            previewRoute,
            previewRouteArn: previewRoute?.metadata?.arn,
            canaryNodeOurs: ours,
            routeSpec: route?.spec,
            routeId: route?.metadata?.arn,
            routeVersion: route?.metadata?.version,
            canaryEndpointArn: canaryNode?.metadata?.arn ?? nodeArnBeside(route?.metadata?.arn, s.canaryNode),
            routeInput: 'route',
            changedAt: route?.metadata?.lastUpdatedAt,
        };
    }
    /**
     * The split as percentages. A route that also names other nodes (another pull request's dark launch, say) is
     * only an error when this run would write its weights: the planner refuses then, naming them.
     */
    split(route) {
        const s = this.s;
        if (!route?.spec)
            return {};
        try {
            return { weights: readWeights(route.spec, s.stableNode, s.canaryNode, s.route) };
        }
        catch (err) {
            if (!(err instanceof errors/* PlanError */.W6))
                throw err;
            const canary = canaryPercent(route.spec, s.canaryNode);
            return { weights: { stable: 100 - canary, canary }, foreign: err.message };
        }
    }
    /** Every other route of the router that gives the canary node weight (one List and one Describe each). */
    async otherRoutes() {
        const { api } = this;
        const s = this.s;
        const names = (await api.listRoutes(s.virtualRouter)).filter((n) => n !== s.route && n !== s.previewRoute);
        const routes = await Promise.all(names.map((n) => api.describeRoute(s.virtualRouter, n)));
        return routes.flatMap((r) => r?.spec ? [{ name: r.routeName, canaryWeight: canaryPercent(r.spec, s.canaryNode) }] : []);
    }
    /** Says whether the mesh or the node is missing (one more read, only then). */
    async missingNode() {
        const s = this.s;
        const owner = s.meshOwner ? ` owned by ${s.meshOwner}` : '';
        if (!(await this.api.describeMesh())) {
            throw new errors/* PlanError */.W6(`Mesh ${s.mesh}${owner} does not exist or is not shared with this account`, s.meshOwner ? 'mesh-owner' : 'mesh');
        }
        throw new errors/* PlanError */.W6(`Virtual node ${s.stableNode} does not exist in mesh ${s.mesh}${owner}`, 'stable-virtual-node');
    }
    view(region) {
        const s = this.s;
        const mesh = `https://${region}.console.aws.amazon.com/appmesh/meshes/${encodeURIComponent(s.mesh)}`;
        const q = `?region=${region}`;
        const router = `${mesh}/virtual-routers/${encodeURIComponent(s.virtualRouter)}`;
        const links = {
            'virtual node': (name) => `${mesh}/virtual-nodes/${encodeURIComponent(name)}${q}`,
            'virtual router': () => `${router}${q}`,
            route: () => `${router}/routes/${encodeURIComponent(s.route)}${q}`,
            'virtual service': (name) => `${mesh}/virtual-services/${encodeURIComponent(name)}${q}`,
        };
        return {
            label: this.name,
            endpointType: 'virtual node',
            stableEndpoint: s.stableNode,
            canaryEndpoint: s.canaryNode,
            entry: s.virtualService ?? s.route,
            endpointOutput: 'canary-virtual-node-arn',
            previewCurl: (p) => {
                if (!s.virtualService)
                    return undefined;
                const port = this.listener?.port ? `:${this.listener.port}` : '';
                return `curl -H '${p.header}: ${p.value}' http://${s.virtualService}${port}/`;
            },
            link: (r) => links[r.type]?.(r.name),
        };
    }
}
const UNREACHABLE = /AccessDenied|UnrecognizedClient|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|getaddrinfo/;
/** App Mesh's API is gone for accounts since AWS ended the service on 2026-09-30: say so when it looks like that. */
function endOfSupportHint(err) {
    if (!UNREACHABLE.test(`${err.name} ${err.message}`))
        return undefined;
    return 'AWS ended App Mesh on 2026-09-30 and accounts can no longer reach its API; see "Leaving App Mesh for VPC Lattice" in the README';
}
function createAppMeshProvider(s, context, config) {
    const client = (0,clients/* withErrorContext */.mO)(new dist_cjs.AppMeshClient(config), 'App Mesh', endOfSupportHint);
    const opts = {
        canaryService: context.canaryService,
        preview: !!context.preview,
        deleteCanary: context.deleteCanary,
    };
    return new AppMeshProvider(s, opts, new AppMeshApi(client, meshRef(s)));
}


/***/ })

};
