export const id = 167;
export const ids = [167];
export const modules = {

/***/ 9167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  execute: () => (/* binding */ execute)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/apply.ts
// Runs a plan's changes in order and journals each outcome. When a change fails, every traffic change made so far
// (route weights, virtual-service provider) is restored, newest first, and the error lists what was left behind.


class ApplyError extends Error {
    reason;
    failed;
    journal;
    restored;
    notRestored;
    leftBehind;
    kept;
    constructor(reason, failed, journal, restored, notRestored, leftBehind, kept = []) {
        super(composeMessage(reason, failed, restored, notRestored, leftBehind, kept));
        this.reason = reason;
        this.failed = failed;
        this.journal = journal;
        this.restored = restored;
        this.notRestored = notRestored;
        this.leftBehind = leftBehind;
        this.kept = kept;
        this.name = 'ApplyError';
    }
}
function composeMessage(cause, failed, restored, notRestored, leftBehind, kept) {
    const lines = [`${failed.action} ${failed.resource} failed: ${(0,errors/* errorMessage */.gJ)(cause)}`];
    if (restored.length)
        lines.push(`Traffic restored: ${restored.join('; ')}.`);
    if (kept.length)
        lines.push(`Kept on purpose: ${kept.join('; ')}.`);
    if (notRestored.length)
        lines.push(`COULD NOT RESTORE (fix by hand): ${notRestored.join('; ')}.`);
    if (!restored.length && !notRestored.length && !kept.length)
        lines.push('Traffic was not changed by this run.');
    if (leftBehind.length)
        lines.push(`Left behind: ${leftBehind.join('; ')}.`);
    return lines.join('\n');
}
const RESTORE_ATTEMPTS = 3;
async function applyPlan(plan, ctx) {
    const journal = [];
    for (const change of plan.changes) {
        core/* info */.pq(`→ ${change.action} ${change.resource}${change.before ? `: ${change.before} → ${change.after}` : `: ${change.after}`}`);
        try {
            const outcome = (await change.run(ctx)) ?? {};
            journal.push({ change, outcome });
            if (outcome.detail)
                core/* info */.pq(`  ✓ ${outcome.detail}`);
        }
        catch (err) {
            const { restored, notRestored, kept } = await restoreTraffic(journal, ctx);
            const leftBehind = journal.flatMap((e) => (e.outcome.leftBehind ? [e.outcome.leftBehind] : []));
            throw new ApplyError(err, change, journal, restored, notRestored, leftBehind, kept);
        }
    }
    return { journal };
}
async function restoreTraffic(journal, ctx) {
    const restored = [];
    const notRestored = [];
    const kept = [];
    for (const { change, outcome } of [...journal].reverse()) {
        const restore = outcome.restore;
        if (!restore)
            continue;
        const unsafe = restore.unsafe?.(ctx);
        if (unsafe) {
            core/* info */.pq(`= kept ${change.resource} as it is: ${unsafe}`);
            kept.push(`${change.resource} stays at ${change.after} (${unsafe})`);
            continue;
        }
        for (let attempt = 1;; attempt++) {
            try {
                await restore.run(ctx);
                core/* info */.pq(`↺ restored ${restore.describe}`);
                restored.push(restore.describe);
                break;
            }
            catch (err) {
                if (attempt >= RESTORE_ATTEMPTS) {
                    core/* error */.z3(`Could not restore ${restore.describe}: ${(0,errors/* errorMessage */.gJ)(err)}`);
                    notRestored.push(`${restore.describe} (${(0,errors/* errorMessage */.gJ)(err)})`);
                    break;
                }
                await ctx.sleep(1000 * attempt);
            }
        }
    }
    return { restored, notRestored, kept };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-app-mesh/dist-cjs/index.js
var client_app_mesh_dist_cjs = __webpack_require__(9356);
;// CONCATENATED MODULE: ./src/aws/clients.ts
// The one place AWS clients are made. Region comes from AWS_REGION (or AWS_DEFAULT_REGION), credentials from the
// standard provider chain, endpoints from the SDK's own AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> handling.


/** Survives at least two consecutive throttles per call; adaptive mode also slows down under throttling. */
const MAX_ATTEMPTS = 5;
function createClients(env = process.env) {
    const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
    if (!region) {
        throw new Error('No AWS region: set AWS_REGION (aws-actions/configure-aws-credentials does this for you)');
    }
    const config = { region, retryMode: 'adaptive', maxAttempts: MAX_ATTEMPTS, customUserAgent: 'ecs-mesh-canary' };
    return { ecs: new dist_cjs/* ECSClient */.Zgc(config), appMesh: new client_app_mesh_dist_cjs.AppMeshClient(config), region };
}

;// CONCATENATED MODULE: ./src/aws/ecsServices.ts
// ECS services: one DescribeServices for all the services a run needs, create/update, and the rollout waiter.



/** Services by name; a name ECS does not know, or whose service is INACTIVE, maps to undefined. */
async function describeServices(ecs, cluster, names) {
    let services;
    try {
        const out = await ecs.send(new dist_cjs/* DescribeServicesCommand */.H7c({ cluster, services: names, include: ['TAGS'] }));
        services = out.services ?? [];
    }
    catch (err) {
        if ((0,errors/* awsErrorName */.ZH)(err) === 'ClusterNotFoundException') {
            throw new errors/* PlanError */.W6(`ECS cluster "${cluster}" does not exist in this account and region`, 'cluster');
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
    const out = await ecs.send(new dist_cjs/* CreateServiceCommand */.JkR(input));
    if (!out.service)
        throw new Error('CreateService returned no service');
    return out.service;
}
async function updateService(ecs, input) {
    const out = await ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr(input));
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
/**
 * Time to the next poll: a tenth of the time waited so far, between 1 s and 5 s. A completed rollout is noticed
 * within 5 s, and within 10 % of its own duration when it is short.
 */
function pollDelayMs(elapsedMs) {
    return Math.min(5000, Math.max(1000, Math.round(elapsedMs / 10)));
}
/**
 * Waits until the given deployment is COMPLETED with runningCount = desiredCount. Fails when it FAILED, when it
 * disappears or stops being PRIMARY (the deployment circuit breaker rolled it back), or on timeout.
 */
async function waitForRollout(ecs, opts) {
    const now = opts.now ?? Date.now;
    const start = now();
    for (;;) {
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
            core/* info */.pq(`${opts.service}: rollout COMPLETED, ${running} (${seconds}s)`);
            return service;
        }
        core/* info */.pq(`${opts.service}: rollout ${deployment.rolloutState ?? 'IN_PROGRESS'}, ${running} (${seconds}s elapsed)`);
        if (now() - start >= opts.timeoutMs) {
            throw new RolloutError(`Gave up waiting for ${opts.service} after ${+(opts.timeoutMs / 60000).toFixed(2)} minute(s) (wait-for-minutes); its rollout is ${deployment.rolloutState ?? 'IN_PROGRESS'} with ${running}`);
        }
        await opts.sleep(Math.min(pollDelayMs(now() - start), Math.max(0, opts.timeoutMs - (now() - start))));
    }
}

;// CONCATENATED MODULE: ./src/aws/ecsTaskDefinitions.ts
// ECS task definitions: describe (a revision or a family's latest) and register.


async function describeTaskDefinition(ecs, arnOrFamily) {
    try {
        const out = await ecs.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: arnOrFamily }));
        return out.taskDefinition;
    }
    catch (err) {
        // ECS answers ClientException ("Unable to describe task definition") for a family or revision it does not have.
        if ((0,errors/* awsErrorName */.ZH)(err) === 'ClientException')
            return undefined;
        throw err;
    }
}
async function registerTaskDefinition(ecs, definition) {
    const out = await ecs.send(new dist_cjs/* RegisterTaskDefinitionCommand */.$Hl(definition));
    if (!out.taskDefinition?.taskDefinitionArn)
        throw new Error('RegisterTaskDefinition returned no taskDefinitionArn');
    return out.taskDefinition;
}

;// CONCATENATED MODULE: ./src/aws/notFound.ts

/** Resolves to undefined when AWS answers that the resource does not exist; rethrows anything else. */
async function orUndefined(request, notFound = ['NotFoundException']) {
    try {
        return await request;
    }
    catch (err) {
        if (notFound.includes((0,errors/* awsErrorName */.ZH)(err) ?? ''))
            return undefined;
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/aws/virtualNodes.ts
// App Mesh virtual nodes: describe, create, update.


async function describeVirtualNode(client, mesh, virtualNodeName) {
    const out = await orUndefined(client.send(new client_app_mesh_dist_cjs.DescribeVirtualNodeCommand({ ...mesh, virtualNodeName })));
    return out?.virtualNode;
}
async function createVirtualNode(client, mesh, virtualNodeName, spec) {
    const out = await client.send(new client_app_mesh_dist_cjs.CreateVirtualNodeCommand({ ...mesh, virtualNodeName, spec }));
    return out.virtualNode;
}
async function updateVirtualNode(client, mesh, virtualNodeName, spec) {
    const out = await client.send(new client_app_mesh_dist_cjs.UpdateVirtualNodeCommand({ ...mesh, virtualNodeName, spec }));
    return out.virtualNode;
}

// EXTERNAL MODULE: ./src/inputs.ts + 1 modules
var inputs = __webpack_require__(437);
;// CONCATENATED MODULE: ./src/aws/meshes.ts
// App Mesh meshes: only read, to tell a missing mesh from a missing virtual node.


async function describeMesh(client, mesh) {
    const out = await orUndefined(client.send(new client_app_mesh_dist_cjs.DescribeMeshCommand(mesh)));
    return out?.mesh;
}

// EXTERNAL MODULE: ./src/plan/taskDefinition.ts
var plan_taskDefinition = __webpack_require__(6379);
;// CONCATENATED MODULE: ./src/state.ts






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
                describeServices(clients.ecs, settings.cluster, [settings.canary.service]),
                router.read('weights'),
            ]);
            return { operation: settings.operation, canaryService: services.get(settings.canary.service), traffic };
        }
    }
}
function requireService(services, name, input, cluster) {
    const service = services.get(name);
    if (!service)
        throw new errors/* PlanError */.W6(`ECS service ${name} does not exist (or is inactive) in cluster ${cluster}`, input);
    return service;
}
/** The stable node, or an error that says whether the mesh or the node is missing (one more read, only then). */
async function requireNode(node, settings, clients) {
    if (node?.spec)
        return node;
    const owner = settings.meshOwner ? ` owned by ${settings.meshOwner}` : '';
    if (!(await describeMesh(clients.appMesh, meshRef(settings)))) {
        throw new errors/* PlanError */.W6(`Mesh ${settings.mesh}${owner} does not exist or is not shared with this account`, settings.meshOwner ? 'mesh-owner' : 'mesh');
    }
    throw new errors/* PlanError */.W6(`Virtual node ${settings.stable.virtualNode} does not exist in mesh ${settings.mesh}${owner}`, 'stable-virtual-node');
}
async function readDeployState(settings, clients, router) {
    const mesh = meshRef(settings);
    const file = settings.taskDefinitionFile?.document;
    const fileFamily = file?.family;
    // Round trip 1: both services in one call, both nodes, the routing; the canary family's latest revision when the
    // file names it.
    const [services, stableNode, canaryNode, traffic, latestFromFile] = await Promise.all([
        describeServices(clients.ecs, settings.cluster, [settings.stable.service, settings.canary.service]),
        describeVirtualNode(clients.appMesh, mesh, settings.stable.virtualNode),
        describeVirtualNode(clients.appMesh, mesh, settings.canary.virtualNode),
        router.read('full'),
        fileFamily ? describeTaskDefinition(clients.ecs, fileFamily) : undefined,
    ]);
    const stableService = requireService(services, settings.stable.service, 'stable-service', settings.cluster);
    const stable = await requireNode(stableNode, settings, clients);
    const stableTaskDefinition = stableService.taskDefinition;
    const canaryFamily = fileFamily ?? `${(0,plan_taskDefinition/* familyOf */.Ap)(stableTaskDefinition)}-canary`;
    // Round trip 2: the task definitions the services name.
    const [base, latestCanary] = await Promise.all([
        file ? file : describeTaskDefinition(clients.ecs, stableTaskDefinition),
        fileFamily ? latestFromFile : describeTaskDefinition(clients.ecs, canaryFamily),
    ]);
    if (!base)
        throw new errors/* PlanError */.W6(`Task definition ${stableTaskDefinition} of service ${settings.stable.service} cannot be described`, 'stable-service');
    return {
        operation: 'deploy',
        stableService,
        canaryService: services.get(settings.canary.service),
        base,
        baseSource: file ? 'task-definition' : 'stable-service',
        canaryFamily,
        latestCanary,
        stableNode: stable,
        canaryNode,
        traffic,
    };
}
async function readPromoteState(settings, clients, router) {
    const [services, stableNode, traffic] = await Promise.all([
        describeServices(clients.ecs, settings.cluster, [settings.stable.service, settings.canary.service]),
        describeVirtualNode(clients.appMesh, meshRef(settings), settings.stable.virtualNode),
        router.read('weights'),
    ]);
    const stableService = requireService(services, settings.stable.service, 'stable-service', settings.cluster);
    const canaryService = requireService(services, settings.canary.service, 'canary-service', settings.cluster);
    const [canaryTaskDefinition, latestStable] = await Promise.all([
        describeTaskDefinition(clients.ecs, canaryService.taskDefinition),
        describeTaskDefinition(clients.ecs, (0,plan_taskDefinition/* familyOf */.Ap)(stableService.taskDefinition)),
    ]);
    if (!canaryTaskDefinition) {
        throw new errors/* PlanError */.W6(`Task definition ${canaryService.taskDefinition} of service ${settings.canary.service} cannot be described`, 'canary-service');
    }
    return {
        operation: 'promote',
        stableService,
        canaryService,
        canaryTaskDefinition,
        latestStable,
        stableNode: await requireNode(stableNode, settings, clients),
        traffic,
    };
}

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
        // The canary always gets the deployment circuit breaker: a broken image then fails the run within minutes
        // instead of after wait-for-minutes.
        deploymentConfiguration: { ...stable.deploymentConfiguration, deploymentCircuitBreaker: { enable: true, rollback: true } },
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

;// CONCATENATED MODULE: ./src/plan/types.ts
/** The same change, except that undoing it is refused while `unsafe` gives a reason. */
function guardRestore(change, unsafe) {
    return {
        ...change,
        run: async (ctx) => {
            const outcome = await change.run(ctx);
            return outcome?.restore ? { ...outcome, restore: { ...outcome.restore, unsafe } } : outcome;
        },
    };
}
/** A plan as plain data, for the `plan` output and the dry-run log. */
function describePlan(plan) {
    return {
        operation: plan.operation,
        weights: plan.weights,
        changes: plan.changes.map(({ kind, resource, action, before, after }) => ({ kind, resource, action, before, after })),
        warnings: plan.warnings,
    };
}

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
    return (0,plan_taskDefinition/* canonical */.$N)(a) === (0,plan_taskDefinition/* canonical */.$N)(b);
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

;// CONCATENATED MODULE: ./src/plan/weights.ts

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
            throw new errors/* PlanError */.W6(`The stable virtual node's listener protocol "${protocol}" cannot be routed by weight`, 'stable-virtual-node');
    }
}

;// CONCATENATED MODULE: ./src/plan/index.ts
// Turns (Settings, ClusterState) into an ordered Plan. Deciding is pure; each Change's run() holds the one AWS write
// it describes. Order matters: node before the tasks whose Envoy names it, no canary weight before its rollout
// completed, the virtual-service provider switch last.












function snapshot(service, name, role) {
    return { name, role, taskDefinition: service?.taskDefinition, running: service?.runningCount ?? 0, desired: service?.desiredCount ?? 0 };
}
function servicesOf(settings, stable, canary) {
    return [snapshot(stable, settings.stable.service, 'stable'), snapshot(canary, settings.canary.service, 'canary')];
}
function record(ctx, service, role) {
    ctx.facts.services = { ...ctx.facts.services, [service.serviceName]: snapshot(service, service.serviceName, role) };
}
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
    const mesh = meshRef(settings);
    const { stableService, stableNode } = state;
    const rendered = (0,plan_taskDefinition/* renderTaskDefinition */.P9)(state.base, {
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
            ECS_TASK_DEFINITION_FAMILY: (0,plan_taskDefinition/* familyOf */.Ap)(stableService.taskDefinition),
            ECS_CLUSTER_NAME: cluster,
        },
        canaryTasks: { ECS_SERVICE_NAME: settings.canary.service, ECS_TASK_DEFINITION_FAMILY: state.canaryFamily, ECS_CLUSTER_NAME: cluster },
    });
    const target = weightsFor(settings.canaryWeight);
    const changes = [];
    const plan = {
        operation: 'deploy',
        changes,
        weights: { before: state.traffic.weights, after: target },
        warnings: [...rendered.warnings],
        canaryNodeArn: state.canaryNode?.metadata?.arn,
        routeArn: state.traffic.routeId,
        services: servicesOf(settings, stableService, state.canaryService),
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
    const reuse = state.latestCanary && (0,plan_taskDefinition/* sameTaskDefinition */.JL)(rendered.definition, state.latestCanary) ? state.latestCanary : undefined;
    plan.taskDefinitionArn = reuse?.taskDefinitionArn;
    // A canary that has weight gives it up before its service changes: no request reaches the new revision before its
    // rollout completed. Once the service has started changing, a failure leaves the weight at 0 instead of restoring.
    const drained = weightsFor(0);
    const hasWeight = (state.traffic.weights?.canary ?? 0) > 0;
    const drain = hasWeight
        ? router.planWeights(state.traffic, drained).map((change) => guardRestore({ ...change, after: `${change.after} while the canary rolls out` }, (ctx) => ctx.facts.deploymentId ? `the canary service started a new rollout, so its weight stays at 0; shift it back once it is healthy` : undefined))
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
        throw new errors/* PlanError */.W6(`Virtual node ${settings.stable.virtualNode} has no listener to copy to the virtual router`, 'stable-virtual-node');
    }
    const trafficNow = serviceChanges && hasWeight ? { ...state.traffic, weights: drained } : state.traffic;
    changes.push(...router.planWeights(trafficNow, target, { port: listener.port, protocol: listener.protocol }));
    changes.push(...router.planEntryPoint(state.traffic));
    return plan;
}
/**
 * Register (unless identical to the latest revision), create or update the service, and wait for its rollout.
 * Returns whether the service changes.
 */
function pushRollout(changes, settings, spec) {
    const { definition, service, serviceName } = spec;
    if (definition) {
        changes.push({
            kind: 'task-definition',
            resource: `task definition ${definition.family}`,
            action: 'register',
            after: `new revision: ${(0,plan_taskDefinition/* appImages */.EQ)(definition).join(', ')}`,
            traffic: false,
            run: async (ctx) => {
                core/* debug */.Yz(`RegisterTaskDefinition ${JSON.stringify(definition)}`);
                const registered = await registerTaskDefinition(ctx.clients.ecs, definition);
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
    if (!service || serviceChanges)
        changes.push(...(spec.beforeServiceChange ?? []));
    if (!service) {
        const create = spec.create;
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
    }
    else if (serviceChanges) {
        changes.push({
            kind: 'ecs-service',
            resource: `ECS service ${serviceName}`,
            action: 'update',
            before: `${(0,plan_taskDefinition/* shortTaskDefinition */.P5)(service.taskDefinition)} × ${service.desiredCount}`,
            after: `${definition ? 'the new revision' : (0,plan_taskDefinition/* shortTaskDefinition */.P5)(spec.reusedArn)} × ${spec.desiredCount}`,
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
                    detail: `deployment ${primaryDeployment(updated)?.id} of ${(0,plan_taskDefinition/* shortTaskDefinition */.P5)(primaryDeployment(updated)?.taskDefinition)}`,
                    leftBehind: `ECS service ${serviceName} now deploys ${(0,plan_taskDefinition/* shortTaskDefinition */.P5)(taskDefinitionOf(ctx.facts))} (it ran ${(0,plan_taskDefinition/* shortTaskDefinition */.P5)(service.taskDefinition)}: aws ecs update-service --cluster ${settings.cluster} --service ${serviceName} --task-definition ${service.taskDefinition})`,
                };
            },
        });
    }
    else if (!rolloutComplete(service)) {
        awaited = primaryDeployment(service)?.id;
    }
    else {
        return false;
    }
    if (settings.waitForServiceStability)
        pushWait(changes, settings, spec, awaited);
    return !service || serviceChanges;
}
/** Waits for the deployment a create/update started, or else for the one already in progress (`awaited`). */
function pushWait(changes, settings, spec, awaited) {
    const { serviceName } = spec;
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
function requireHealthyCanary(settings, service, why) {
    const deployment = primaryDeployment(service);
    if (!service || !deployment || !rolloutComplete(service) || (deployment.runningCount ?? 0) === 0) {
        const detail = !service
            ? 'it does not exist'
            : `its current deployment is ${deployment?.rolloutState ?? 'unknown'} with ${deployment?.runningCount ?? 0}/${deployment?.desiredCount ?? 0} tasks running`;
        throw new errors/* PlanError */.W6(`Refusing to ${why}: canary service ${settings.canary.service} is not serving (${detail})`, 'canary-service');
    }
}
function planShift(settings, state, router) {
    const target = weightsFor(settings.canaryWeight);
    if (target.canary > 0)
        requireHealthyCanary(settings, state.canaryService, `send ${target.canary}% of traffic to the canary`);
    return {
        operation: 'shift',
        changes: router.planWeights(state.traffic, target),
        weights: { before: state.traffic.weights, after: target },
        warnings: [],
        routeArn: state.traffic.routeId,
        services: [snapshot(state.canaryService, settings.canary.service, 'canary')],
    };
}
function planRollback(settings, state, router) {
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
            run: async (ctx) => {
                record(ctx, await updateService(ctx.clients.ecs, { cluster: settings.cluster, service: name, desiredCount: 0 }), 'canary');
                return { leftBehind: `ECS service ${name} scaled to 0 (it had ${service.desiredCount})` };
            },
        },
    ];
}
function planPromote(settings, state, router) {
    const { stableService } = state;
    const controller = stableService.deploymentController?.type;
    if (controller && controller !== 'ECS') {
        throw new errors/* PlanError */.W6(`Service ${settings.stable.service} is deployed by ${controller}, not by ECS; promote can only update services with the ECS deployment controller`, 'stable-service');
    }
    const stableFamily = (0,plan_taskDefinition/* familyOf */.Ap)(stableService.taskDefinition);
    const rendered = (0,plan_taskDefinition/* renderTaskDefinition */.P9)(state.canaryTaskDefinition, {
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
    const target = weightsFor(0);
    const changes = [];
    const reuse = state.latestStable && (0,plan_taskDefinition/* sameTaskDefinition */.JL)(rendered.definition, state.latestStable) ? state.latestStable : undefined;
    // A promote that already happened (stable runs the canary's containers) converges without needing the canary.
    const promoted = reuse !== undefined && stableService.taskDefinition === reuse.taskDefinitionArn && rolloutComplete(stableService);
    if (!promoted)
        requireHealthyCanary(settings, state.canaryService, 'promote');
    const plan = {
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

;// CONCATENATED MODULE: ./src/report.ts
// Outputs, the job summary and the pull-request comment. Reads the Plan and the apply journal, never AWS.



/** Pure: the action's outputs. */
function outputsOf(o) {
    const { plan, facts } = o;
    return {
        'task-definition-arn': facts.taskDefinitionArn ?? plan.taskDefinitionArn ?? '',
        'canary-virtual-node-arn': facts.canaryNodeArn ?? plan.canaryNodeArn ?? '',
        'route-arn': facts.routeArn ?? plan.routeArn ?? '',
        'stable-weight': String(plan.weights.after.stable),
        'canary-weight': String(plan.weights.after.canary),
        'previous-canary-weight': plan.weights.before ? String(plan.weights.before.canary) : '',
        plan: JSON.stringify(describePlan(plan)),
    };
}
/** AWS console links for the region (the console picks the partition from the signed-in account). */
function consoleLinks(region, s) {
    const ecs = `https://${region}.console.aws.amazon.com/ecs/v2`;
    const mesh = `https://${region}.console.aws.amazon.com/appmesh/meshes/${encodeURIComponent(s.mesh)}`;
    const q = `?region=${region}`;
    const cluster = s.cluster.slice(s.cluster.lastIndexOf('/') + 1);
    return {
        service: (name) => `${ecs}/clusters/${cluster}/services/${encodeURIComponent(name)}/health${q}`,
        taskDefinition: (arn) => {
            const [family, revision] = (0,plan_taskDefinition/* shortTaskDefinition */.P5)(arn).split(':');
            return `${ecs}/task-definitions/${family}/${revision}/containers${q}`;
        },
        virtualNode: (name) => `${mesh}/virtual-nodes/${encodeURIComponent(name)}${q}`,
        virtualRouter: `${mesh}/virtual-routers/${encodeURIComponent(s.virtualRouter)}${q}`,
        route: `${mesh}/virtual-routers/${encodeURIComponent(s.virtualRouter)}/routes/${encodeURIComponent(s.route)}${q}`,
        virtualService: (name) => `${mesh}/virtual-services/${encodeURIComponent(name)}${q}`,
    };
}
function changeLink(c, o) {
    const links = consoleLinks(o.region, o.settings);
    const name = c.resource.replace(/^(virtual node|virtual router|route|virtual service|ECS service|task definition) /, '');
    switch (c.kind) {
        case 'virtual-node':
            return `[${c.resource}](${links.virtualNode(name)})`;
        case 'virtual-router':
            return `[${c.resource}](${links.virtualRouter})`;
        case 'route':
            return `[${c.resource}](${links.route})`;
        case 'virtual-service':
            return `[${c.resource}](${links.virtualService(name)})`;
        case 'ecs-service':
        case 'wait-for-rollout':
            return `[${c.resource}](${links.service(name)})`;
        default:
            return c.resource;
    }
}
const pct = (n) => (n === undefined ? '—' : `${n} %`);
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** The weights to show: as planned (also for a dry run), or after a failure what its writes and restores left. */
function finalWeights(o, failure) {
    return failure ? (o.facts.weights ?? o.plan.weights.before) : o.plan.weights.after;
}
function headline(o, failure) {
    const { plan, settings } = o;
    const after = plan.weights.after;
    if (o.dryRun)
        return `Canary ${plan.operation} plan (dry run: nothing was changed)`;
    if (failure)
        return `Canary ${plan.operation} failed`;
    switch (plan.operation) {
        case 'deploy':
        case 'shift':
            return `Canary ${plan.operation}: ${after.canary} % of traffic to ${settings.canary.virtualNode}`;
        case 'promote':
            return `Canary promoted: ${settings.stable.service} runs the new version, all traffic on ${settings.stable.virtualNode}`;
        case 'rollback':
            return `Canary rolled back: all traffic on ${settings.stable.virtualNode}`;
    }
}
function servicesNow(o) {
    return o.plan.services.map((s) => o.facts.services?.[s.name] ?? s);
}
/** Pure: the job summary as markdown. */
function summaryMarkdown(o, failure) {
    const { settings, plan } = o;
    const links = consoleLinks(o.region, settings);
    const before = plan.weights.before;
    const after = finalWeights(o, failure);
    const lines = [`## ${headline(o, failure)}`, ''];
    lines.push(`| virtual node | role | weight before | ${o.dryRun ? 'planned' : 'weight now'} |`, '|---|---|---:|---:|');
    lines.push(`| [${settings.stable.virtualNode}](${links.virtualNode(settings.stable.virtualNode)}) | stable | ${pct(before?.stable)} | ${pct(after?.stable)} |`);
    lines.push(`| [${settings.canary.virtualNode}](${links.virtualNode(settings.canary.virtualNode)}) | canary | ${pct(before?.canary)} | ${pct(after?.canary)} |`);
    lines.push('');
    const taskDefinition = o.facts.taskDefinitionArn ?? plan.taskDefinitionArn;
    if (taskDefinition)
        lines.push(`Task definition: [${(0,plan_taskDefinition/* shortTaskDefinition */.P5)(taskDefinition)}](${links.taskDefinition(taskDefinition)})`, '');
    lines.push('| ECS service | role | task definition | running / desired |', '|---|---|---|---:|');
    for (const s of servicesNow(o)) {
        lines.push(`| [${s.name}](${links.service(s.name)}) | ${s.role} | ${s.taskDefinition ? (0,plan_taskDefinition/* shortTaskDefinition */.P5)(s.taskDefinition) : '—'} | ${s.running} / ${s.desired} |`);
    }
    lines.push('');
    if (plan.changes.length === 0) {
        lines.push('Nothing to change: the mesh and the services already match the inputs.');
    }
    else {
        lines.push(`| ${o.dryRun ? 'planned change' : 'change'} | resource | before → after | result |`, '|---|---|---|---|');
        for (const c of plan.changes) {
            const entry = o.journal.find((e) => e.change === c);
            const result = o.dryRun ? 'planned' : entry ? `✅${entry.outcome.detail ? ` \`${cell((0,plan_taskDefinition/* shortTaskDefinition */.P5)(entry.outcome.detail))}\`` : ''}` : c === failure?.failed ? '❌ failed' : 'not run';
            lines.push(`| ${c.action} | ${changeLink(c, o)} | ${cell(c.before ? `${c.before} → ${c.after}` : c.after)} | ${result} |`);
        }
    }
    if (failure) {
        lines.push('', '### What happened', '', `**${cell(failure.failed.action)} ${cell(failure.failed.resource)}** failed: ${cell(String(failure.reason?.message ?? failure.reason))}`, '');
        if (failure.restored.length)
            lines.push(`Restored: ${failure.restored.join('; ')}.`);
        if (failure.kept.length)
            lines.push('', `Kept on purpose: ${failure.kept.join('; ')}.`);
        if (!failure.restored.length && !failure.kept.length && !failure.notRestored.length)
            lines.push('Traffic was not changed by this run.');
        if (failure.notRestored.length)
            lines.push('', `**Could not restore — fix by hand:** ${failure.notRestored.join('; ')}.`);
        if (failure.leftBehind.length)
            lines.push('', 'Left behind:', ...failure.leftBehind.map((l) => `- ${l}`));
    }
    if (after && !failure) {
        lines.push('', '```mermaid', `pie showData title Traffic of ${settings.virtualService ?? settings.route}${o.dryRun ? ' (planned)' : ''}`);
        lines.push(`  "${settings.stable.virtualNode} (stable)" : ${after.stable}`, `  "${settings.canary.virtualNode} (canary)" : ${after.canary}`, '```');
    }
    for (const w of plan.warnings)
        lines.push('', `> [!WARNING]`, `> ${w}`);
    return lines.join('\n') + '\n';
}
/** Pure: the short form for the pull request. */
function commentMarkdown(o, runUrl, failure) {
    const { settings, plan } = o;
    const after = finalWeights(o, failure);
    const taskDefinition = o.facts.taskDefinitionArn ?? plan.taskDefinitionArn;
    const lines = [`### ${failure ? '❌' : '🐤'} ${headline(o, failure)}`, ''];
    lines.push(`**Traffic:** ${settings.stable.virtualNode} ${pct(after?.stable)} · ${settings.canary.virtualNode} ${pct(after?.canary)} (canary was ${pct(plan.weights.before?.canary)})`);
    if (taskDefinition)
        lines.push(`**Task definition:** \`${(0,plan_taskDefinition/* shortTaskDefinition */.P5)(taskDefinition)}\``);
    const services = servicesNow(o).map((s) => `${s.name} ${s.running}/${s.desired}`);
    lines.push(`**Services (running/desired):** ${services.join(' · ')}`);
    if (failure) {
        lines.push('', `> ${cell(failure.message.split('\n')[0])}`);
        if (failure.restored.length)
            lines.push(`> Restored: ${failure.restored.join('; ')}.`);
        if (failure.kept.length)
            lines.push(`> Kept on purpose: ${failure.kept.join('; ')}.`);
    }
    if (runUrl)
        lines.push('', `[Run details](${runUrl})`);
    return lines.join('\n') + '\n';
}
/** Pure: the summary of a run that stopped while reading or planning, before any change. */
function stoppedMarkdown(settings, message) {
    return `## Canary ${settings.operation} stopped before any change\n\n${message.replace(/\n/g, '\n\n')}\n\nNothing was changed in ECS or App Mesh.\n`;
}
async function reportStopped(settings, message) {
    await publish(settings, stoppedMarkdown(settings, message), () => `### ❌ Canary ${settings.operation} stopped before any change\n\n> ${cell(message)}\n`);
}
async function report(o, failure) {
    for (const [name, value] of Object.entries(outputsOf(o)))
        core/* setOutput */.uH(name, value);
    const shown = finalWeights(o, failure);
    core/* info */.pq(`${o.dryRun ? 'Planned' : 'Traffic now'}: ${o.settings.stable.virtualNode} ${pct(shown?.stable)}, ${o.settings.canary.virtualNode} ${pct(shown?.canary)}`);
    await publish(o.settings, summaryMarkdown(o, failure), (runUrl) => commentMarkdown(o, runUrl, failure));
}
/** Writes the job summary, and on pull requests (not for a dry run) the PR comment. */
async function publish(settings, summary, comment) {
    if (process.env.GITHUB_STEP_SUMMARY) {
        await core/* summary */.z.addRaw(summary).write();
        core/* info */.pq('Job summary written.');
    }
    if (settings.prComment && !settings.dryRun) {
        const { commentOnPullRequest } = await __webpack_require__.e(/* import() */ 920).then(__webpack_require__.bind(__webpack_require__, 5920));
        const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = process.env;
        await commentOnPullRequest(settings, comment(repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined));
    }
}

;// CONCATENATED MODULE: ./src/aws/routes.ts
// App Mesh virtual routers and routes: describe, create, update.


async function describeVirtualRouter(client, mesh, virtualRouterName) {
    const out = await orUndefined(client.send(new client_app_mesh_dist_cjs.DescribeVirtualRouterCommand({ ...mesh, virtualRouterName })));
    return out?.virtualRouter;
}
async function createVirtualRouter(client, mesh, virtualRouterName, spec) {
    const out = await client.send(new client_app_mesh_dist_cjs.CreateVirtualRouterCommand({ ...mesh, virtualRouterName, spec }));
    return out.virtualRouter;
}
async function describeRoute(client, mesh, virtualRouterName, routeName) {
    const out = await orUndefined(client.send(new client_app_mesh_dist_cjs.DescribeRouteCommand({ ...mesh, virtualRouterName, routeName })));
    return out?.route;
}
async function createRoute(client, mesh, virtualRouterName, routeName, spec) {
    const out = await client.send(new client_app_mesh_dist_cjs.CreateRouteCommand({ ...mesh, virtualRouterName, routeName, spec }));
    return out.route;
}
async function updateRoute(client, mesh, virtualRouterName, routeName, spec) {
    const out = await client.send(new client_app_mesh_dist_cjs.UpdateRouteCommand({ ...mesh, virtualRouterName, routeName, spec }));
    return out.route;
}

;// CONCATENATED MODULE: ./src/aws/virtualServices.ts
// App Mesh virtual services: describe, update the provider.


async function describeVirtualService(client, mesh, virtualServiceName) {
    const out = await orUndefined(client.send(new client_app_mesh_dist_cjs.DescribeVirtualServiceCommand({ ...mesh, virtualServiceName })));
    return out?.virtualService;
}
async function updateVirtualService(client, mesh, virtualServiceName, spec) {
    const out = await client.send(new client_app_mesh_dist_cjs.UpdateVirtualServiceCommand({ ...mesh, virtualServiceName, spec }));
    return out.virtualService;
}

;// CONCATENATED MODULE: ./src/traffic/appMesh.ts
// App Mesh implementation of TrafficRouter: a virtual router with one route whose two weighted targets are the stable
// and canary virtual nodes, and a virtual service whose provider is that router.





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
        const weights = route?.spec ? readWeights(route.spec, this.opts.stableNode, this.opts.canaryNode, this.opts.route) : undefined;
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
            const spec = newRouteSpec(listener.protocol, stableNode, canaryNode, target);
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
        if (sameWeights(state.weights, target))
            return changes;
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
                const previous = readWeights(before.spec, stableNode, canaryNode, routeName);
                return {
                    detail: `version ${written.metadata?.version}`,
                    restore: {
                        describe: `route ${routeName} weights back to ${show(previous)}`,
                        run: async (restoreCtx) => {
                            const restored = await updateRoute(restoreCtx.clients.appMesh, mesh, virtualRouter, routeName, before.spec);
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
    async guardedRouteWrite(ctx, plannedVersion, target) {
        const { mesh, virtualRouter, route, stableNode, canaryNode } = this.opts;
        const current = await describeRoute(ctx.clients.appMesh, mesh, virtualRouter, route);
        const expectedVersion = ctx.facts.routeVersion ?? plannedVersion;
        const currentVersion = current?.metadata?.version;
        if (!current?.spec || currentVersion !== expectedVersion) {
            throw new errors/* ConcurrentModificationError */._b(`Route ${route} changed while this run was working (version ${expectedVersion} expected, ${currentVersion ?? 'deleted'} now): another run or person is editing it. Nothing was written to it; rerun once the other change is done (a workflow concurrency group per service prevents this)`);
        }
        const spec = withWeights(current.spec, stableNode, canaryNode, target);
        core/* debug */.Yz(`UpdateRoute ${route} (version ${currentVersion}) ${JSON.stringify(spec)}`);
        const written = await updateRoute(ctx.clients.appMesh, mesh, virtualRouter, route, spec);
        ctx.facts.routeVersion = written.metadata?.version;
        const expected = (currentVersion ?? 0) + 1;
        if (written.metadata?.version !== undefined && written.metadata.version !== expected) {
            throw new errors/* ConcurrentModificationError */._b(`Route ${route} was modified by someone else at the same moment as this run's write (version ${written.metadata.version}, expected ${expected}); check its weights before retrying`);
        }
        return { before: current, written };
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

;// CONCATENATED MODULE: ./src/pipeline.ts
// The pipeline after the inputs: read state → plan → apply → report. Loaded lazily by main.ts, so the AWS SDK is only
// loaded once the inputs are known to be valid.









const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function group(name, fn) {
    core/* startGroup */.Oh(name);
    try {
        return await fn();
    }
    finally {
        core/* endGroup */.N4();
    }
}
async function execute(settings, options = {}) {
    const clients = createClients();
    const router = new AppMeshRouter(clients, {
        mesh: meshRef(settings),
        virtualRouter: settings.virtualRouter,
        route: settings.route,
        virtualService: settings.virtualService,
        stableNode: settings.stable.virtualNode,
        canaryNode: settings.canary.virtualNode,
    });
    let plan;
    try {
        const state = await group(`Read state (${settings.operation})`, () => readState(settings, clients, router));
        plan = await group('Plan', () => {
            const plan = buildPlan(settings, state, router);
            for (const w of plan.warnings)
                core/* warning */.$e(w);
            if (plan.changes.length === 0)
                core/* info */.pq('Nothing to change.');
            for (const c of plan.changes)
                core/* info */.pq(`${c.action} ${c.resource}: ${c.before ? `${c.before} → ` : ''}${c.after}`);
            core/* debug */.Yz(`Plan ${JSON.stringify(describePlan(plan))}`);
            return plan;
        });
    }
    catch (err) {
        await group('Report', () => reportStopped(settings, (0,errors/* errorMessage */.gJ)(err)));
        throw err;
    }
    const ctx = { clients, facts: {}, sleep: options.sleep ?? realSleep };
    const outcome = { settings, plan, facts: ctx.facts, journal: [], dryRun: settings.dryRun, region: clients.region };
    if (settings.dryRun) {
        core/* info */.pq(`Dry run: no change made. Plan: ${JSON.stringify(describePlan(plan), null, 2)}`);
        await group('Report', () => report(outcome));
        return;
    }
    try {
        const result = await group('Apply', () => applyPlan(plan, ctx));
        outcome.journal = result.journal;
    }
    catch (err) {
        if (err instanceof ApplyError) {
            outcome.journal = err.journal;
            await group('Report', () => report(outcome, err));
        }
        throw err;
    }
    await group('Report', () => report(outcome));
}


/***/ })

};
