export const id = 237;
export const ids = [237];
export const modules = {

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

/***/ 9237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AppMeshRouter: () => (/* binding */ AppMeshRouter)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-app-mesh/dist-cjs/index.js
var dist_cjs = __webpack_require__(9356);
// EXTERNAL MODULE: ./src/aws/notFound.ts
var notFound = __webpack_require__(3902);
;// CONCATENATED MODULE: ./src/aws/routes.ts
// App Mesh virtual routers and routes: describe, create, update.


async function describeVirtualRouter(client, mesh, virtualRouterName) {
    const out = await (0,notFound/* orUndefined */.y)(client.send(new dist_cjs.DescribeVirtualRouterCommand({ ...mesh, virtualRouterName })));
    return out?.virtualRouter;
}
async function createVirtualRouter(client, mesh, virtualRouterName, spec) {
    const out = await client.send(new dist_cjs.CreateVirtualRouterCommand({ ...mesh, virtualRouterName, spec }));
    return out.virtualRouter;
}
async function describeRoute(client, mesh, virtualRouterName, routeName) {
    const out = await (0,notFound/* orUndefined */.y)(client.send(new dist_cjs.DescribeRouteCommand({ ...mesh, virtualRouterName, routeName })));
    return out?.route;
}
async function createRoute(client, mesh, virtualRouterName, routeName, spec) {
    const out = await client.send(new dist_cjs.CreateRouteCommand({ ...mesh, virtualRouterName, routeName, spec }));
    return out.route;
}
async function updateRoute(client, mesh, virtualRouterName, routeName, spec) {
    const out = await client.send(new dist_cjs.UpdateRouteCommand({ ...mesh, virtualRouterName, routeName, spec }));
    return out.route;
}

;// CONCATENATED MODULE: ./src/aws/virtualServices.ts
// App Mesh virtual services: describe, update the provider.


async function describeVirtualService(client, mesh, virtualServiceName) {
    const out = await (0,notFound/* orUndefined */.y)(client.send(new dist_cjs.DescribeVirtualServiceCommand({ ...mesh, virtualServiceName })));
    return out?.virtualService;
}
async function updateVirtualService(client, mesh, virtualServiceName, spec) {
    const out = await client.send(new dist_cjs.UpdateVirtualServiceCommand({ ...mesh, virtualServiceName, spec }));
    return out.virtualService;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/plan/weights.ts
var plan_weights = __webpack_require__(5538);
;// CONCATENATED MODULE: ./src/traffic/appMesh.ts




const show = (w) => `stable ${w.stable} / canary ${w.canary}`;
class AppMeshRouter {
    clients;
    opts;
    name = 'App Mesh';
    constructor(clients, opts) {
        this.clients = clients;
        this.opts = opts;
    }
    async read(scope) {
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
    stateOf(route, router, virtualService) {
        const weights = route?.spec ? (0,plan_weights/* readWeights */.oQ)(route.spec, this.opts.stableNode, this.opts.canaryNode, this.opts.route) : undefined;
        return { route, router, virtualService, weights, routeId: route?.metadata?.arn };
    }
    planWeights(state, target, listener) {
        const { mesh, virtualRouter, route: routeName, stableNode, canaryNode } = this.opts;
        const changes = [];
        const needsRouter = !state.route && !state.router;
        if (!state.route && !listener) {
            throw new errors/* PlanError */.W6(`Route ${routeName} of virtual router ${virtualRouter} does not exist; run deploy first`, 'route');
        }
        if (needsRouter) {
            const spec = { listeners: [{ portMapping: { port: listener.port, protocol: listener.protocol } }] };
            changes.push({
                kind: 'virtual-router',
                resource: `virtual router ${virtualRouter}`,
                action: 'create',
                after: `listener ${listener.protocol}:${listener.port}`,
                traffic: false,
                run: async ({ clients }) => {
                    const created = await createVirtualRouter(clients.appMesh, mesh, virtualRouter, spec);
                    return { detail: created.metadata?.arn, leftBehind: `virtual router ${virtualRouter} (aws appmesh delete-virtual-router --mesh-name ${mesh.meshName} --virtual-router-name ${virtualRouter})` };
                },
            });
        }
        if (!state.route) {
            const spec = (0,plan_weights/* newRouteSpec */.VW)(listener.protocol, stableNode, canaryNode, target);
            changes.push({
                kind: 'route',
                resource: `route ${routeName}`,
                action: 'create',
                after: show(target),
                traffic: false,
                run: async (ctx) => {
                    const created = await createRoute(ctx.clients.appMesh, mesh, virtualRouter, routeName, spec);
                    ctx.facts.routeArn = created.metadata?.arn;
                    return {
                        detail: created.metadata?.arn,
                        leftBehind: `route ${routeName} (aws appmesh delete-route --mesh-name ${mesh.meshName} --virtual-router-name ${virtualRouter} --route-name ${routeName})`,
                    };
                },
            });
            return changes;
        }
        if ((0,plan_weights/* sameWeights */.ML)(state.weights, target))
            return changes;
        const before = state.route;
        const spec = (0,plan_weights/* withWeights */.cY)(before.spec, stableNode, canaryNode, target);
        changes.push({
            kind: 'route',
            resource: `route ${routeName}`,
            action: 'update',
            before: state.weights ? show(state.weights) : undefined,
            after: show(target),
            traffic: true,
            run: async (ctx) => {
                const written = await this.guardedRouteWrite(ctx.clients, before, spec);
                ctx.facts.routeArn = written.metadata?.arn;
                return {
                    detail: `version ${written.metadata?.version}`,
                    restore: {
                        describe: `route ${routeName} weights back to ${state.weights ? show(state.weights) : 'their previous values'}`,
                        run: async ({ clients }) => {
                            await updateRoute(clients.appMesh, mesh, virtualRouter, routeName, before.spec);
                        },
                    },
                };
            },
        });
        return changes;
    }
    /**
     * Concurrency guard: re-read the route right before writing and refuse if another run changed it since the plan
     * was made; after the write, the version must be exactly one more than the one read.
     */
    async guardedRouteWrite(clients, planned, spec) {
        const { mesh, virtualRouter, route } = this.opts;
        const current = await describeRoute(clients.appMesh, mesh, virtualRouter, route);
        const plannedVersion = planned.metadata?.version;
        const currentVersion = current?.metadata?.version;
        if (!current || currentVersion !== plannedVersion) {
            throw new errors/* ConcurrentModificationError */._b(`Route ${route} changed while this run was working (version ${plannedVersion} when planned, ${currentVersion ?? 'deleted'} now): another run or person is editing it. Nothing was written to it; rerun once the other change is done (a workflow concurrency group per service prevents this)`);
        }
        const written = await updateRoute(clients.appMesh, mesh, virtualRouter, route, spec);
        const expected = (currentVersion ?? 0) + 1;
        if (written.metadata?.version !== undefined && written.metadata.version !== expected) {
            throw new errors/* ConcurrentModificationError */._b(`Route ${route} was modified by someone else at the same moment as this run's write (version ${written.metadata.version}, expected ${expected}); check its weights before retrying`);
        }
        return written;
    }
    planEntryPoint(state) {
        const { mesh, virtualService, virtualRouter } = this.opts;
        if (!virtualService)
            return [];
        const current = state.virtualService;
        if (!current?.spec) {
            throw new errors/* PlanError */.W6(`Virtual service ${virtualService} does not exist in mesh ${mesh.meshName}`, 'virtual-service');
        }
        const provider = current.spec.provider;
        const routerName = provider?.virtualRouter?.virtualRouterName;
        if (routerName === virtualRouter)
            return [];
        if (routerName) {
            throw new errors/* PlanError */.W6(`Virtual service ${virtualService} is provided by another virtual router (${routerName}); this action will not take it over`, 'virtual-service');
        }
        const previous = structuredClone(current.spec);
        const next = { ...current.spec, provider: { virtualRouter: { virtualRouterName: virtualRouter } } };
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


/***/ })

};
