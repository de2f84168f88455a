export const id = 277;
export const ids = [277];
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

/***/ 9277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  execute: () => (/* binding */ execute),
  O9: () => (/* binding */ finish),
  Os: () => (/* binding */ group),
  Oi: () => (/* binding */ phase),
  ce: () => (/* binding */ stopped)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/render.ts
var render = __webpack_require__(7055);
// EXTERNAL MODULE: ./src/plan/types.ts
var types = __webpack_require__(9898);
;// CONCATENATED MODULE: ./src/apply.ts
// Runs a plan: each change's request, with its refs resolved from earlier outcomes, goes to the executor registered
// for its kind, and each outcome is journaled before anything else looks at it. When a change fails, every traffic
// change made so far is undone newest first (unless it is to be kept), and the error says what was restored, kept
// and left behind.




class ApplyError extends Error {
    reason;
    journal;
    report;
    constructor(reason, journal, report) {
        super((0,errors/* errorMessage */.gJ)(reason));
        this.reason = reason;
        this.journal = journal;
        this.report = report;
        this.name = 'ApplyError';
    }
}
/** Replaces every `{ $ref }` in a request with the value an earlier change produced. */
function resolveRefs(value, produced) {
    if ((0,types/* isRef */.i9)(value)) {
        if (!(value.$ref in produced))
            throw new Error(`No earlier change produced ${value.$ref}`);
        return produced[value.$ref];
    }
    if (Array.isArray(value))
        return value.map((v) => resolveRefs(v, produced));
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(v, produced)]));
    }
    return value;
}
const RESTORE_ATTEMPTS = 3;
async function applyPlan(plan, opts) {
    const journal = [];
    const produced = {};
    const ctx = { sleep: opts.sleep, produced };
    for (const change of plan.changes) {
        core/* info */.pq((0,render/* oneLine */.TN)(`→ ${(0,render/* changeLine */.vK)(change)}`));
        let request;
        try {
            opts.signal?.throwIfAborted();
            request = resolveRefs(change.request, produced);
            const outcome = await executorFor(opts, change.kind)(request, ctx);
            journal.push({ change, request, outcome });
            Object.assign(produced, outcome.produces);
            if (outcome.conflict)
                throw new errors/* ConcurrentModificationError */._b(outcome.conflict);
            if (outcome.detail)
                core/* info */.pq((0,render/* oneLine */.TN)(`  ✓ ${outcome.detail}`));
        }
        catch (err) {
            const conflict = err instanceof errors/* ConcurrentModificationError */._b ? err : undefined;
            const report = await restoreTraffic(journal, opts, ctx, conflict);
            const cancelled = err instanceof errors/* CancelledError */.cc;
            throw new ApplyError(err, journal, {
                failed: change,
                reason: (0,errors/* errorMessage */.gJ)(err),
                cancelled,
                weightsNow: conflict?.details.weightsNow,
                observed: conflict?.details.observed,
                ...report,
            });
        }
    }
    return journal;
}
function executorFor(opts, kind) {
    const executor = opts.executors[kind];
    if (!executor)
        throw new Error(`No executor for change kind ${kind}`);
    return executor;
}
async function restoreTraffic(journal, opts, ctx, conflict) {
    const report = { restored: [], kept: [], notRestored: [], leftBehind: [], undone: [] };
    let replaces = conflict?.details.replaces;
    for (const entry of [...journal].reverse()) {
        const { change, outcome } = entry;
        let left = outcome.leftBehind ?? change.leftBehind;
        if (replaces && left && replaces.resource === (0,render/* resourceName */.Iy)(change)) {
            // Another writer's change now stands for this resource: advice to go back from this run's would undo theirs.
            left = replaces.leftBehind;
            replaces = undefined;
        }
        if (left && change.moves !== 'traffic')
            report.leftBehind.unshift(left);
        if (!outcome.undo)
            continue;
        const keep = change.keepOnceProduced && change.keepOnceProduced.ref in ctx.produced
            ? change.keepOnceProduced.why
            : conflict
                ? 'another writer is changing this canary at the same time; undoing this run’s write could overwrite theirs'
                : undefined;
        if (keep) {
            core/* info */.pq((0,render/* oneLine */.TN)(`= kept ${change.resource.type} ${change.resource.name} as it is: ${keep}`));
            report.kept.push(`${change.resource.type} ${change.resource.name} stays at ${change.after} (${keep})`);
            continue;
        }
        await undo(entry, opts, ctx, report);
    }
    return report;
}
async function undo(entry, opts, ctx, report) {
    // Undoing must go on after a cancellation: waits between attempts are then short and not abortable.
    const pause = opts.signal?.aborted
        ? (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 200)))
        : opts.sleep;
    const plan = entry.outcome.undo;
    for (let attempt = 1;; attempt++) {
        try {
            const outcome = await executorFor(opts, plan.kind)(plan.request, ctx);
            core/* info */.pq((0,render/* oneLine */.TN)(`↺ restored ${plan.describe}`));
            report.restored.push(plan.describe);
            report.undone.push(outcome);
            return;
        }
        catch (err) {
            if (attempt >= RESTORE_ATTEMPTS) {
                core/* error */.z3((0,render/* oneLine */.TN)(`Could not restore ${plan.describe}: ${(0,errors/* errorMessage */.gJ)(err)}`));
                report.notRestored.push(`${plan.describe} (${(0,errors/* errorMessage */.gJ)(err)})`);
                return;
            }
            await pause(1000 * attempt);
        }
    }
}

// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/plan/taskDefinition.ts
var plan_taskDefinition = __webpack_require__(6379);
// EXTERNAL MODULE: ./src/traffic/provider.ts
var provider = __webpack_require__(5508);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/plan/ecs.ts
var plan_ecs = __webpack_require__(4570);
// EXTERNAL MODULE: ./src/plan/steps.ts
var plan_steps = __webpack_require__(2960);
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
/** Another writer changed the service while its rollout was awaited; `service` is the service as last read. */
class ServiceChangedError extends errors/* ConcurrentModificationError */._b {
    service;
    constructor(message, service, replaces) {
        super(message, { replaces });
        this.service = service;
    }
}
class RolloutError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RolloutError';
    }
}
/**
 * Waits until the given deployment is COMPLETED with runningCount = desiredCount. Fails when it FAILED, when it
 * disappears or stops being PRIMARY (the deployment circuit breaker rolled it back), or on timeout.
 */
async function waitForRollout(ecs, options) {
    let opts = options;
    const now = opts.now ?? Date.now;
    const start = now();
    for (;;) {
        const read = await describeOrStillWaiting(ecs, opts);
        const seconds = Math.round((now() - start) / 1000);
        if (read === 'retry') {
            core/* info */.pq(`${opts.service}: AWS answered with a retryable error; still waiting (${seconds}s elapsed)`);
            if (now() - start >= opts.timeoutMs)
                throw new RolloutError(`Gave up waiting for ${opts.service}: AWS kept answering with retryable errors`);
            await opts.sleep((0,plan_steps/* pollDelayMs */.pP)(now() - start));
            continue;
        }
        const service = read;
        if (!service)
            throw new RolloutError(`ECS service ${opts.service} disappeared while its rollout was awaited`);
        const deployment = service.deployments?.find((d) => d.id === opts.deploymentId);
        if (deployment?.status !== 'PRIMARY') {
            opts = { ...opts, deploymentId: replacedDeployment(service, deployment, opts) };
            continue;
        }
        checkDesiredCount(service, deployment, opts);
        if (deployment.rolloutState === 'FAILED') {
            throw new RolloutError(`Rollout of ${opts.service} FAILED: ${deployment.rolloutStateReason ?? 'no reason given'}`);
        }
        const running = `${deployment.runningCount ?? 0}/${deployment.desiredCount ?? 0} running, ${deployment.pendingCount ?? 0} pending`;
        if ((0,plan_ecs/* rolloutComplete */.Z8)({ ...service, deployments: [deployment] })) {
            core/* info */.pq(`${opts.service}: rollout COMPLETED, ${running} (${seconds}s)`);
            return service;
        }
        core/* info */.pq(`${opts.service}: rollout ${deployment.rolloutState ?? 'IN_PROGRESS'}, ${running} (${seconds}s elapsed)`);
        if (now() - start >= opts.timeoutMs) {
            throw new RolloutError(`Gave up waiting for ${opts.service} after ${+(opts.timeoutMs / 60000).toFixed(2)} minute(s) (wait-for-minutes); its rollout is ${deployment.rolloutState ?? 'IN_PROGRESS'} with ${running}`);
        }
        await opts.sleep(Math.min((0,plan_steps/* pollDelayMs */.pP)(now() - start), Math.max(0, opts.timeoutMs - (now() - start))));
    }
}
/**
 * Our deployment is no longer the service's primary one. When the new primary runs the same revision (another run
 * deploying the same thing), the wait goes on with it; when it runs the revision from before, ECS (its circuit breaker)
 * or someone rolled back; any other revision means another writer deployed over this run.
 */
function replacedDeployment(service, ours, opts) {
    const current = (0,plan_ecs/* primaryDeployment */.sg)(service);
    const name = opts.service;
    if (current?.id && opts.taskDefinition && current.taskDefinition === opts.taskDefinition) {
        core/* info */.pq(`${name}: deployment ${current.id} of the same revision replaced ${opts.deploymentId}; waiting for it`);
        return current.id;
    }
    const now = current ? `; the service now runs ${current.taskDefinition}` : '';
    const rolledBack = ours?.rolloutState === 'FAILED' || !opts.taskDefinition || !current;
    if (rolledBack || current.taskDefinition === opts.previousTaskDefinition) {
        throw new RolloutError(`Deployment ${opts.deploymentId} of ${name} was rolled back by ECS (deployment circuit breaker)${now}`);
    }
    const theirs = (0,plan_taskDefinition/* shortTaskDefinition */.P5)(current.taskDefinition);
    throw new ServiceChangedError(`The task definition of ECS service ${name} changed under this run: while it waited for its deployment of ` +
        `${(0,plan_taskDefinition/* shortTaskDefinition */.P5)(opts.taskDefinition)}, another deployment (${current.id}) replaced it and the service ` +
        `now deploys ${theirs}. Another run or person is deploying ${name}; this run stops here and changes nothing ` +
        'more, so the other deployment can finish.', service, {
        resource: `ECS service ${name}`,
        leftBehind: `ECS service ${name} deploys ${theirs} from the other deployment, which replaced this run's; leave it to whoever started it`,
    });
}
function checkDesiredCount(service, deployment, opts) {
    if (opts.desiredCount === undefined || deployment.desiredCount === opts.desiredCount)
        return;
    throw new ServiceChangedError(`ECS service ${opts.service} was scaled to ${deployment.desiredCount} task(s) under this run, which deployed ` +
        `${opts.desiredCount}; another run or person changed it, so this run stops here and changes nothing more.`, service);
}
const RETRYABLE = /Throttl|TooManyRequests|RequestLimitExceeded|ServiceUnavailable|InternalServerError|ServerException|TimeoutError|ECONNRESET|ETIMEDOUT/;
/** Throttling, 5xx and timeouts while waiting count as "still waiting" until the deadline. */
async function describeOrStillWaiting(ecs, opts) {
    try {
        return (await describeServices(ecs, opts.cluster, [opts.service])).get(opts.service);
    }
    catch (err) {
        const status = err.$metadata?.httpStatusCode ?? 0;
        if (RETRYABLE.test((0,errors/* awsErrorName */.ZH)(err) ?? '') || status >= 500)
            return 'retry';
        throw err;
    }
}
/** Deletes a service with its tasks (force: it need not be scaled to 0 first). */
async function deleteService(ecs, input) {
    await ecs.send(new dist_cjs/* DeleteServiceCommand */.o6q({ ...input, force: true }));
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

;// CONCATENATED MODULE: ./src/aws/ecsExecutors.ts
// Executors of the ECS change kinds: each sends the request its change holds (refs already resolved) and reports
// what it produced, what it left behind and the service as ECS answered.







function snapshot(service) {
    return {
        name: service.serviceName,
        taskDefinition: service.taskDefinition,
        running: service.runningCount ?? 0,
        desired: service.desiredCount ?? 0,
    };
}
/** The service as another writer left it: the report's services table and task-definition-arn output show it. */
function observed(service) {
    const runs = service.taskDefinition;
    return { service: snapshot(service), produces: runs ? { [types/* REFS */.tr.taskDefinitionArn]: runs } : undefined };
}
function deployed(service) {
    const deployment = (0,plan_ecs/* primaryDeployment */.sg)(service);
    return {
        service: snapshot(service),
        produces: deployment?.id ? { [types/* REFS */.tr.deployment(service.serviceName)]: deployment.id } : undefined,
    };
}
/**
 * ECS has no conditional UpdateService: re-read the service right before the write and refuse when its task
 * definition is no longer the one the plan read (another deploy started since), so that write is not silently undone.
 */
async function checkUnchanged(ecs, input, expected) {
    const service = (await describeServices(ecs, input.cluster, [input.service])).get(input.service);
    if (service?.taskDefinition === expected)
        return;
    const now = service ? `it now runs ${(0,plan_taskDefinition/* shortTaskDefinition */.P5)(service.taskDefinition)}` : 'it no longer exists';
    throw new errors/* ConcurrentModificationError */._b(`ECS service ${input.service} changed since this run read it: ${now}, not ${(0,plan_taskDefinition/* shortTaskDefinition */.P5)(expected)}. ` +
        `Another run or person is deploying it; nothing was written to it, so their change stands.`, { observed: service && observed(service) });
}
/** The service still runs `taskDefinition` × `desiredCount` with its rollout COMPLETED, or another writer changed it. */
async function checkService(ecs, r) {
    const service = (await describeServices(ecs, r.cluster, [r.service])).get(r.service);
    const ours = (0,plan_taskDefinition/* shortTaskDefinition */.P5)(r.taskDefinition);
    if (service?.taskDefinition === r.taskDefinition &&
        service.desiredCount === r.desiredCount &&
        (0,plan_ecs/* rolloutComplete */.Z8)(service))
        return { detail: `${ours} × ${r.desiredCount}, rollout COMPLETED`, service: snapshot(service) };
    const now = service
        ? `it now deploys ${(0,plan_taskDefinition/* shortTaskDefinition */.P5)(service.taskDefinition)} × ${service.desiredCount}, rollout ${(0,plan_ecs/* primaryDeployment */.sg)(service)?.rolloutState ?? 'IN_PROGRESS'}`
        : 'it no longer exists';
    throw new errors/* ConcurrentModificationError */._b(`ECS service ${r.service} changed after this run's rollout of ${ours} completed: ${now}. Another run or person ` +
        'is deploying it; this run gives it no traffic and stops here.', { observed: service && observed(service) });
}
function ecsExecutors(ecs) {
    return {
        [types/* ECS_KINDS */.kG.register]: (0,provider/* executor */.k)(async (definition) => {
            core/* debug */.Yz(`RegisterTaskDefinition ${JSON.stringify((0,plan_taskDefinition/* redactTaskDefinition */.S6)(definition))}`);
            const { taskDefinitionArn: arn } = await registerTaskDefinition(ecs, definition);
            return {
                detail: arn,
                produces: { [types/* REFS */.tr.taskDefinitionArn]: arn },
                leftBehind: `task definition ${arn} (aws ecs deregister-task-definition --task-definition ${arn})`,
            };
        }),
        [types/* ECS_KINDS */.kG.create]: (0,provider/* executor */.k)(async (input) => {
            const created = await createService(ecs, input);
            const remove = `aws ecs delete-service --cluster ${input.cluster} --service ${input.serviceName} --force`;
            return {
                ...deployed(created),
                detail: created.serviceArn,
                leftBehind: `ECS service ${input.serviceName} (${remove})`,
            };
        }),
        [types/* ECS_KINDS */.kG.update]: (0,provider/* executor */.k)(async ({ ifTaskDefinition, ...input }) => {
            if (ifTaskDefinition)
                await checkUnchanged(ecs, input, ifTaskDefinition);
            const updated = await updateService(ecs, input);
            const deployment = (0,plan_ecs/* primaryDeployment */.sg)(updated);
            const detail = input.taskDefinition
                ? `deployment ${deployment?.id} of ${(0,plan_taskDefinition/* shortTaskDefinition */.P5)(deployment?.taskDefinition)}`
                : `desired count ${updated.desiredCount}`;
            return { ...deployed(updated), detail };
        }),
        [types/* ECS_KINDS */.kG.delete]: (0,provider/* executor */.k)(async (input) => {
            await deleteService(ecs, input);
            return { detail: `deleted ${input.service}`, service: { name: input.service, running: 0, desired: 0 } };
        }),
        [types/* ECS_KINDS */.kG.check]: (0,provider/* executor */.k)((request) => checkService(ecs, request)),
        [types/* ECS_KINDS */.kG.wait]: (0,provider/* executor */.k)(async (request, ctx) => {
            const timeoutMs = request.timeoutMinutes * 60_000;
            try {
                const done = await waitForRollout(ecs, { ...request, timeoutMs, sleep: ctx.sleep });
                return { service: snapshot(done) };
            }
            catch (err) {
                if (!(err instanceof ServiceChangedError))
                    throw err;
                throw new errors/* ConcurrentModificationError */._b(err.message, { ...err.details, observed: observed(err.service) });
            }
        }),
    };
}

// EXTERNAL MODULE: ./src/plan/service.ts
var plan_service = __webpack_require__(5472);
// EXTERNAL MODULE: ./src/plan/weights.ts
var weights = __webpack_require__(5538);
;// CONCATENATED MODULE: ./src/plan/index.ts






function plan_snapshot(service, name, role) {
    return {
        name,
        role,
        taskDefinition: service?.taskDefinition,
        running: service?.runningCount ?? 0,
        desired: service?.desiredCount ?? 0,
    };
}
function basePlan(settings, state, provider) {
    const stable = 'stableService' in state ? [plan_snapshot(state.stableService, settings.stable.service, 'stable')] : [];
    return {
        operation: state.operation,
        provider,
        changes: [],
        weights: { before: state.traffic.weights, after: (0,weights/* weightsFor */.NK)(settings.canaryWeight) },
        warnings: [],
        known: { canaryEndpointArn: state.traffic.canaryEndpointArn, routeArn: state.traffic.routeId },
        services: [...stable, plan_snapshot(state.canaryService, settings.canary.service, 'canary')],
    };
}
function buildPlan(settings, state, provider) {
    if (state.operation === 'deploy' && settings.progressive)
        return planStepsDeploy(settings, state, provider);
    const plan = basePlan(settings, state, provider.name);
    switch (state.operation) {
        case 'deploy':
            return planDeploy(settings, state, provider.planner, plan);
        case 'promote':
            return planPromote(settings, state, provider.planner, plan);
        case 'shift':
            return planShift(settings, state, provider.planner, plan);
        case 'rollback':
            return planRollback(settings, state, provider.planner, plan);
        case 'advance':
            throw new Error('advance is decided step by step (plan/steps.ts), then planned as a shift, promote or rollback');
    }
}
/** Whether changes alter an ECS service (a new version or count), rather than only wait for or check it. */
function changesService(changes) {
    return changes.some((c) => c.resource.type === 'ECS service' && c.action !== 'wait' && c.action !== 'check');
}
/**
 * A deploy with steps starts at the first step, unless the canary already runs this version at a later step (a
 * rerun after a cancelled or failed walk): then it stays there, and the walk goes on from that step.
 */
function planStepsDeploy(settings, state, provider) {
    const first = buildPlan({ ...settings, progressive: undefined }, state, provider);
    const current = state.traffic.weights?.canary ?? 0;
    const steps = settings.progressive.steps;
    const at = [...steps].reverse().find((s) => s <= current);
    const sameVersion = !changesService(first.changes);
    if (!sameVersion || at === undefined || at === settings.canaryWeight)
        return first;
    return buildPlan({ ...settings, progressive: undefined, canaryWeight: at }, state, provider);
}
const DRAINED_WHY = 'the canary service started a new rollout, so its weight stays at 0; shift it back once it is healthy';
function planDeploy(settings, state, p, plan) {
    const { stableService, traffic } = state;
    const canary = settings.canary.service;
    const rendered = renderCanary(settings, state, p, plan);
    const facts = {
        cluster: settings.cluster,
        stableService,
        canaryFamily: state.canaryFamily,
        desiredCount: settings.desiredCount,
    };
    const endpoint = p.planEndpoint(traffic, facts);
    const reuse = state.latestCanary && (0,plan_taskDefinition/* sameTaskDefinition */.JL)(rendered.definition, state.latestCanary) ? state.latestCanary : undefined;
    // Decided now, so that a stable service that cannot be cloned stops the run before any write.
    const create = state.canaryService
        ? undefined
        : (0,plan_service/* canaryServiceInput */.K)(stableService, {
            cluster: settings.cluster,
            serviceName: canary,
            desiredCount: settings.desiredCount,
            registration: p.registration(stableService, traffic),
            alarms: settings.alarms,
        });
    const rollout = (0,plan_ecs/* planRollout */.ne)({
        cluster: settings.cluster,
        serviceName: canary,
        definition: reuse ? undefined : rendered.definition,
        reusedArn: reuse?.taskDefinitionArn,
        service: state.canaryService,
        create,
        deploymentConfiguration: state.canaryService && (0,plan_service/* alarmsUpdate */.gC)(state.canaryService, settings.alarms),
        desiredCount: settings.desiredCount,
        wait: settings.waitForServiceStability,
        waitForMinutes: settings.waitForMinutes,
        clonedFrom: settings.stable.service,
    });
    const { drain, now } = drainFirst(state.traffic, p, canary, rollout.serviceChanges);
    const dark = isDarkLaunch(settings, state.traffic);
    // A dark launch leaves an existing split alone; routing that does not exist yet is created for stable only.
    const weights = dark && now.weights
        ? { changes: [], next: now }
        : p.planWeights(now, plan.weights.after, { create: true, canaryTasks: settings.desiredCount, dark });
    const preview = settings.preview
        ? p.planPreview(weights.next, settings.preview, { canaryTasks: settings.desiredCount, dark })
        : [];
    const serviceAt = rollout.changes.findIndex((c) => c.resource.type === 'ECS service');
    const [registered, rest] = serviceAt < 0 ? [rollout.changes, []] : [rollout.changes.slice(0, serviceAt), rollout.changes.slice(serviceAt)];
    const changes = [
        ...endpoint,
        ...registered,
        ...drain,
        ...rest,
        ...weights.changes,
        ...p.planEntryPoint(weights.next),
        ...preview,
    ];
    plan.changes.push(...(0,plan_ecs/* checkBeforeTraffic */.n9)(changes, settings.cluster, canary));
    plan.known.previewRouteArn = settings.preview ? state.traffic.previewRouteArn : undefined;
    plan.warnings.push(...rendered.warnings);
    plan.known.taskDefinitionArn = reuse?.taskDefinitionArn;
    return plan;
}
/** The canary's task definition: the base with the image swapped, then what the provider's workload needs. */
function renderCanary(settings, state, p, plan) {
    const base = (0,plan_taskDefinition/* renderBase */.c1)(state.base, {
        family: state.canaryFamily,
        containerName: settings.containerName,
        image: settings.image,
        source: state.baseSource,
    });
    const stableImage = state.base.containerDefinitions?.find((c) => c.name === base.target?.name)?.image;
    if (settings.image && state.baseSource === 'stable-service' && stableImage === settings.image) {
        const why = `the canary is a copy of stable`;
        plan.warnings.push(`image ${settings.image} is the image stable service ${settings.stable.service} already runs: ${why}`);
    }
    return p.renderWorkload(base, 'canary', state.traffic);
}
/**
 * A canary that has weight gives it up before its service changes: no request reaches the new revision before its
 * rollout completed. Once the service started changing, a failure keeps the weight at 0 instead of restoring it.
 */
function drainFirst(traffic, p, canary, serviceChanges) {
    if ((traffic.weights?.canary ?? 0) === 0 || !serviceChanges)
        return { drain: [], now: traffic };
    const drained = p.planWeights(traffic, (0,weights/* weightsFor */.NK)(0));
    const keepOnceProduced = { ref: types/* REFS */.tr.deployment(canary), why: DRAINED_WHY };
    const drain = drained.changes.map((c) => ({
        ...c,
        after: `${c.after} while the canary rolls out`,
        keepOnceProduced,
    }));
    return { drain, now: drained.next };
}
/**
 * A preview header with weight 0 for a canary that has none is a dark launch: only header traffic reaches it, and
 * the weighted split is not touched (the canary is not added to it).
 */
function isDarkLaunch(settings, traffic) {
    return settings.preview !== undefined && settings.canaryWeight === 0 && (traffic.weights?.canary ?? 0) === 0;
}
/** Never remove capacity from a canary that another route or rule still sends traffic to. */
function requireUnrouted(settings, traffic) {
    const routed = (traffic.otherRoutes ?? []).filter((r) => r.canaryWeight > 0);
    if (routed.length === 0)
        return;
    const which = routed.map((r) => `${r.name} (${r.canaryWeight} %)`).join(', ');
    throw new errors/* PlanError */.W6(`Refusing to scale canary service ${settings.canary.service} to 0: ${which} still send${routed.length === 1 ? 's' : ''} it traffic. Move that traffic off the canary first`, traffic.routeInput);
}
/** Traffic moves only to a canary whose current rollout completed with every desired task running. */
function requireHealthyCanary(settings, service, why) {
    const deployment = (0,plan_ecs/* primaryDeployment */.sg)(service);
    if (service && deployment && (0,plan_ecs/* rolloutComplete */.Z8)(service) && (deployment.runningCount ?? 0) > 0)
        return;
    const detail = !service
        ? 'it does not exist'
        : `its current deployment is ${deployment?.rolloutState ?? 'unknown'} with ${deployment?.runningCount ?? 0}/${deployment?.desiredCount ?? 0} tasks running`;
    throw new errors/* PlanError */.W6(`Refusing to ${why}: canary service ${settings.canary.service} is not serving (${detail})`, 'canary-service');
}
/** A walk's later steps (and its promote) give weight only to the revision its deploy rolled out and baked. */
function requireWalkRevision(settings, service) {
    const walked = settings.walkRevision;
    if (!walked || service?.taskDefinition === walked)
        return;
    throw new errors/* PlanError */.W6(`Canary service ${settings.canary.service} now runs ${(0,plan_taskDefinition/* shortTaskDefinition */.P5)(service?.taskDefinition)}, not ${(0,plan_taskDefinition/* shortTaskDefinition */.P5)(walked)} that this walk deployed and baked: another deploy replaced it, so the walk stops here with the weights as they are`, 'canary-service');
}
function planShift(settings, state, p, plan) {
    const target = plan.weights.after;
    if (target.canary > 0) {
        requireHealthyCanary(settings, state.canaryService, `send ${target.canary}% of traffic to the canary`);
        requireWalkRevision(settings, state.canaryService);
    }
    plan.changes.push(...p.planWeights(state.traffic, target, { canaryTasks: state.canaryService?.desiredCount }).changes);
    return plan;
}
function planRollback(settings, state, p, plan) {
    const routed = state.traffic.weights !== undefined;
    const canaryTasks = state.canaryService?.desiredCount ?? 0;
    if (!routed && canaryTasks > 0) {
        throw new errors/* PlanError */.W6(`Refusing to scale canary service ${settings.canary.service} (${canaryTasks} task(s)) to 0: the route or rule that splits its traffic was not found, so it may still receive traffic. Check the route input`, state.traffic.routeInput);
    }
    if (canaryTasks > 0)
        requireUnrouted(settings, state.traffic);
    plan.changes.push(...p.planPreview(state.traffic, undefined, { canaryTasks: 0, dark: false }));
    const weights = routed ? p.planWeights(state.traffic, plan.weights.after) : { changes: [], next: state.traffic };
    if (!routed)
        plan.warnings.push('The route or rule that splits traffic does not exist: no traffic to move back');
    plan.changes.push(...weights.changes);
    if (settings.deleteCanary)
        deleteCanary(settings, state.canaryService, p.planCleanup(weights.next), plan);
    else
        plan.changes.push(...(0,plan_ecs/* scaleToZero */.G5)(settings.cluster, state.canaryService, 'the service and its endpoint'));
    return plan;
}
/** rollback with delete-canary: the canary service and endpoint go, when this action created them. */
function deleteCanary(settings, service, cleanup, plan) {
    const ours = service?.tags?.some((t) => t.key === plan_service/* CREATED_TAG */.Mb);
    if (service && ours) {
        plan.changes.push({
            kind: types/* ECS_KINDS */.kG.delete,
            resource: { type: 'ECS service', name: service.serviceName },
            action: 'delete',
            before: `${service.desiredCount} task(s)`,
            after: 'deleted with its tasks (created by this action)',
            request: { cluster: settings.cluster, service: service.serviceName },
            moves: 'capacity',
        });
    }
    else if (service) {
        plan.warnings.push(`ECS service ${service.serviceName} was not created by this action: scaled to 0, not deleted`);
        plan.changes.push(...(0,plan_ecs/* scaleToZero */.G5)(settings.cluster, service, 'the service'));
    }
    plan.changes.push(...cleanup.changes);
    for (const kept of cleanup.kept)
        plan.warnings.push(`Not deleted: ${kept}`);
}
function planPromote(settings, state, p, plan) {
    const { stableService } = state;
    requireWalkRevision(settings, state.canaryService);
    const controller = stableService.deploymentController?.type;
    if (controller && controller !== 'ECS') {
        throw new errors/* PlanError */.W6(`Service ${settings.stable.service} is deployed by ${controller}, not by ECS; promote can only update services with the ECS deployment controller`, 'stable-service');
    }
    const base = (0,plan_taskDefinition/* renderBase */.c1)(state.canaryTaskDefinition, {
        family: (0,plan_taskDefinition/* familyOf */.Ap)(stableService.taskDefinition),
        source: 'canary-service',
    });
    const rendered = p.renderWorkload(base, 'stable', state.traffic);
    const reuse = state.latestStable && (0,plan_taskDefinition/* sameTaskDefinition */.JL)(rendered.definition, state.latestStable) ? state.latestStable : undefined;
    // A promote that already happened (stable runs the canary's containers) converges without needing the canary.
    const promoted = reuse !== undefined && stableService.taskDefinition === reuse.taskDefinitionArn && (0,plan_ecs/* rolloutComplete */.Z8)(stableService);
    if (!promoted)
        requireHealthyCanary(settings, state.canaryService, 'promote');
    if ((state.canaryService.desiredCount ?? 0) > 0)
        requireUnrouted(settings, state.traffic);
    const rollout = (0,plan_ecs/* planRollout */.ne)({
        cluster: settings.cluster,
        serviceName: settings.stable.service,
        definition: reuse ? undefined : rendered.definition,
        reusedArn: reuse?.taskDefinitionArn,
        service: stableService,
        desiredCount: stableService.desiredCount ?? 1,
        wait: settings.waitForServiceStability,
        waitForMinutes: settings.waitForMinutes,
    });
    const stableTasks = rollout.serviceChanges ? (stableService.desiredCount ?? 1) : undefined;
    plan.changes.push(...rollout.changes, ...p.planWeights(state.traffic, plan.weights.after, { stableTasks }).changes);
    plan.changes.push(...p.planPreview(state.traffic, undefined, { canaryTasks: 0, dark: false }));
    plan.changes.push(...(0,plan_ecs/* scaleToZero */.G5)(settings.cluster, state.canaryService, 'the service and its endpoint'));
    plan.warnings.push(...rendered.warnings);
    plan.known.taskDefinitionArn = reuse?.taskDefinitionArn;
    return plan;
}

;// CONCATENATED MODULE: ./src/state.ts




async function readState(settings, ecs, provider) {
    switch (settings.operation) {
        case 'deploy':
            return readDeployState(settings, ecs, provider);
        case 'promote':
            return readPromoteState(settings, ecs, provider);
        case 'shift':
        case 'rollback':
        case 'advance': {
            const services = describeServices(ecs, settings.cluster, [settings.stable.service, settings.canary.service]);
            const [read, traffic] = await Promise.all([services, provider.read(settings.operation, { services })]);
            return { operation: settings.operation, canaryService: read.get(settings.canary.service), traffic };
        }
    }
}
function requireService(services, name, input, cluster) {
    const service = services.get(name);
    if (!service)
        throw new errors/* PlanError */.W6(`ECS service ${name} does not exist (or is inactive) in cluster ${cluster}`, input);
    return service;
}
async function readDeployState(settings, ecs, provider) {
    const file = settings.taskDefinitionFile?.document;
    const fileFamily = file?.family;
    // Round trip 1: both services in one call, the provider's state; the file family's latest revision.
    const described = describeServices(ecs, settings.cluster, [settings.stable.service, settings.canary.service]);
    const [services, traffic, latestFromFile] = await Promise.all([
        described,
        provider.read('deploy', { services: described }),
        fileFamily ? describeTaskDefinition(ecs, fileFamily) : undefined,
    ]);
    const stableService = requireService(services, settings.stable.service, 'stable-service', settings.cluster);
    const stableTaskDefinition = stableService.taskDefinition;
    const canaryFamily = fileFamily ?? `${(0,plan_taskDefinition/* familyOf */.Ap)(stableTaskDefinition)}-canary`;
    // Round trip 2: the task definitions the services name.
    const [base, latestCanary] = await Promise.all([
        file ?? describeTaskDefinition(ecs, stableTaskDefinition),
        fileFamily ? latestFromFile : describeTaskDefinition(ecs, canaryFamily),
    ]);
    if (!base) {
        const why = `Task definition ${stableTaskDefinition} of service ${settings.stable.service} cannot be described`;
        throw new errors/* PlanError */.W6(why, 'stable-service');
    }
    return {
        operation: 'deploy',
        stableService,
        canaryService: services.get(settings.canary.service),
        base,
        baseSource: file ? 'task-definition' : 'stable-service',
        canaryFamily,
        latestCanary,
        traffic,
    };
}
async function readPromoteState(settings, ecs, provider) {
    const described = describeServices(ecs, settings.cluster, [settings.stable.service, settings.canary.service]);
    const [services, traffic] = await Promise.all([described, provider.read('promote', { services: described })]);
    const stableService = requireService(services, settings.stable.service, 'stable-service', settings.cluster);
    const canaryService = requireService(services, settings.canary.service, 'canary-service', settings.cluster);
    const [canaryTaskDefinition, latestStable] = await Promise.all([
        describeTaskDefinition(ecs, canaryService.taskDefinition),
        describeTaskDefinition(ecs, (0,plan_taskDefinition/* familyOf */.Ap)(stableService.taskDefinition)),
    ]);
    if (!canaryTaskDefinition) {
        const why = `Task definition ${canaryService.taskDefinition} of service ${settings.canary.service} cannot be described`;
        throw new errors/* PlanError */.W6(why, 'canary-service');
    }
    return { operation: 'promote', stableService, canaryService, canaryTaskDefinition, latestStable, traffic };
}

;// CONCATENATED MODULE: ./src/progress.ts
// Progressive delivery: a deploy with `steps` walks them inside one job (bake, poll the alarms, go on); `advance`
// takes at most one step per run, deciding from what AWS says (the weight and when it last changed). Any alarm in
// ALARM rolls the canary back at once: weights to 100/0 first, then the canary scaled to 0.








const at = (settings, operation, canaryWeight = 0) => ({
    ...settings,
    operation,
    canaryWeight,
});
/** The canary revision the walk's deploy rolled out (registered or reused), which later steps must still find. */
function walked(first) {
    const produced = first.journal.map((e) => e.outcome.produces?.[types/* REFS */.tr.taskDefinitionArn]).filter(Boolean);
    return String(produced.at(-1) ?? first.plan.known.taskDefinitionArn ?? '') || undefined;
}
/** Phases have their own log groups (groups do not nest on GitHub): a line says which phase follows. */
async function announced(title, fn) {
    core/* info */.pq(`▶ ${title}`);
    return fn();
}
const describeAlarms = (alarms) => alarms.map((a) => `${a.name} ${a.state}`).join(', ') || 'none';
/**
 * Bakes the current step: polls the alarms until `stepMinutes` passed (and once more at the end, right before the
 * next increase). Returns the alarm that fired, if one did.
 */
async function bake(run, entry, stepMinutes) {
    const started = Date.now();
    const total = stepMinutes * 60_000;
    for (;;) {
        const alarms = run.alarms ? await run.alarms.read() : [];
        entry.alarms = alarms;
        entry.bakedMs = Date.now() - started;
        const firing = (0,plan_steps/* firingAlarm */.VX)(alarms, run.settings.insufficientData);
        if (firing)
            return firing;
        const left = total - entry.bakedMs;
        const seconds = (ms) => `${Math.round(ms / 1000)} s`;
        core/* info */.pq(`Step ${entry.step} (${entry.weight} %): baked ${seconds(entry.bakedMs)} of ${seconds(total)}; alarms: ${describeAlarms(alarms)}`);
        if (left <= 0)
            return undefined;
        await run.sleep(Math.min((0,plan_steps/* alarmPollMs */.zu)(stepMinutes), left));
    }
}
/** Weights to 100/0 first, then the canary to 0 tasks; the error names the alarm, its reason, the weight and step. */
async function rollBack(run, records, progress, alarm, entry, state) {
    progress.rollback = { alarm, step: entry.step, weight: entry.weight };
    progress.error = `CloudWatch alarm ${alarm.name} is ${alarm.state} (${alarm.reason ?? 'no reason given'}) at step ${entry.step} (${entry.weight} %): the canary was rolled back`;
    core/* info */.pq((0,render/* oneLine */.TN)(progress.error.replace(/was rolled back$/, 'is being rolled back')));
    const known = state && { ...state, operation: 'rollback' };
    records.push(await announced('Roll back', () => phase(run, at(run.settings, 'rollback'), known)));
}
/** Deploy with steps: the deploy (first step) has run; bake each step, then move on, under the alarms. */
async function walk(run, first) {
    const settings = { ...run.settings, walkRevision: walked(first) };
    const p = settings.progressive;
    const sameVersion = !changesService(first.plan.changes);
    const steps = (0,plan_steps/* remainingSteps */._D)(p.steps, first.plan.weights.before?.canary ?? 0, sameVersion);
    const progress = { steps: p.steps, timeline: [], outcome: 'walked' };
    const records = [first];
    try {
        for (const [i, weight] of steps.entries()) {
            const entry = { step: p.steps.indexOf(weight) + 1, weight, startedAt: new Date(), alarms: [] };
            if (i > 0)
                records.push(await announced(`Step ${entry.step}: ${weight} %`, () => phase(run, at(settings, 'shift', weight))));
            if (records.at(-1).failure)
                return await finish(records, progress);
            progress.timeline.push(entry);
            const firing = await bake(run, entry, p.stepMinutes);
            if (firing) {
                await rollBack(run, records, progress, firing, entry);
                progress.outcome = 'rolled back';
                return await finish(records, progress);
            }
        }
        if (p.autoPromote) {
            records.push(await announced('Promote', () => phase(run, at(settings, 'promote'))));
            progress.outcome = 'promoted';
        }
        await finish(records, progress);
    }
    catch (err) {
        if (!(err instanceof errors/* CancelledError */.cc))
            throw err;
        progress.outcome = 'cancelled';
        progress.error = `${(0,errors/* errorMessage */.gJ)(err)} during the bake at ${progress.timeline.at(-1)?.weight ?? 0} %; the alarms approved the weights in effect. Rerun the same deploy or run advance to go on`;
        await finish(records, progress);
    }
}
/** One step of a scheduled walk: roll back on an alarm, else move one step once the current one has baked. */
async function advance(run) {
    const { settings } = run;
    const p = settings.progressive;
    const [state, alarms] = await stopped(settings, () => group(`Read state (advance, ${run.provider.name})`, () => Promise.all([readState(settings, run.ecs, run.provider), run.alarms?.read() ?? Promise.resolve([])])));
    const weight = state.traffic.weights?.canary ?? 0;
    const decision = (0,plan_steps/* decide */.LD)(p, {
        weight,
        changedAt: state.traffic.changedAt,
        now: new Date(),
        alarms,
        insufficientData: settings.insufficientData,
    });
    const progress = { steps: p.steps, timeline: [], outcome: 'waiting', decision };
    const shiftState = { ...state, operation: 'shift' };
    switch (decision.kind) {
        case 'wait':
        case 'hold':
            progress.outcome = decision.kind === 'wait' ? 'waiting' : 'held';
            return finish([idle(run, at(settings, 'shift', weight), state)], progress);
        case 'blocked':
            progress.outcome = 'held';
            progress.error = `CloudWatch alarm ${decision.alarm.name} is ${decision.alarm.state} (${decision.alarm.reason ?? 'no reason given'}): not advancing`;
            return finish([idle(run, at(settings, 'shift', weight), state)], progress);
        case 'rollback': {
            const records = [];
            await rollBack(run, records, progress, decision.alarm, decision, state);
            progress.outcome = 'rolled back';
            return finish(records, progress);
        }
        case 'shift':
            progress.outcome = 'advanced';
            return finish([await stopped(settings, () => phase(run, at(settings, 'shift', decision.weight), shiftState))], progress);
        case 'promote':
            progress.outcome = 'promoted';
            return finish([await stopped(settings, () => phase(run, at(settings, 'promote')))], progress);
    }
}
/** The record of a run that changes nothing: the weights stay as they are. */
function idle(run, settings, state) {
    const weights = state.traffic.weights ?? { stable: 100, canary: 0 };
    return {
        settings,
        plan: {
            operation: 'advance',
            provider: run.provider.name,
            changes: [],
            weights: { before: weights, after: weights },
            warnings: [],
            known: { routeArn: state.traffic.routeId, canaryEndpointArn: state.traffic.canaryEndpointArn },
            services: [],
        },
        journal: [],
        dryRun: settings.dryRun,
        region: run.region,
        view: run.provider.view(run.region),
    };
}

;// CONCATENATED MODULE: ./src/report.ts
// Outputs, the job summary and the pull-request comment, from the plan, the journal and the provider's view. Never
// calls AWS. Every value that reaches markdown goes through md()/code().




/** The phases of one run (deploy, each step, a rollback or promote) as one record: changes and journal in order. */
function mergeRecords(records) {
    if (records.length === 1)
        return records[0];
    const [first, last] = [records[0], records[records.length - 1]];
    const known = {};
    for (const r of records) {
        for (const [k, v] of Object.entries(r.plan.known))
            if (v !== undefined)
                known[k] = v;
    }
    const services = [...first.plan.services];
    for (const s of records.flatMap((r) => r.plan.services))
        if (!services.some((x) => x.name === s.name))
            services.push(s);
    const plan = {
        ...first.plan,
        changes: records.flatMap((r) => r.plan.changes),
        weights: { before: first.plan.weights.before, after: last.plan.weights.after },
        warnings: [...new Set(records.flatMap((r) => r.plan.warnings))],
        known,
        services,
    };
    return {
        ...last,
        settings: first.settings,
        plan,
        journal: records.flatMap((r) => r.journal),
        failure: records.find((r) => r.failure)?.failure,
    };
}
const ENDPOINT_OUTPUTS = ['canary-virtual-node-arn', 'canary-target-group-arn'];
/** Values the run's changes produced, later ones winning. */
function produced(r) {
    return Object.assign({}, ...outcomes(r).map((o) => o.produces ?? {}));
}
/** The outcomes of the run's changes, then what it last read of a resource another writer changed. */
const outcomes = (r) => [
    ...r.journal.map((e) => e.outcome),
    ...(r.failure?.observed ? [r.failure.observed] : []),
];
/** Pure: the action's outputs, describing what the run left (or, for a dry run, planned). */
function outputsOf(r) {
    const made = produced(r);
    const now = weightsNow(r);
    const endpoint = String(made[types/* REFS */.tr.canaryEndpointArn] ?? r.plan.known.canaryEndpointArn ?? '');
    return {
        'task-definition-arn': String(made[types/* REFS */.tr.taskDefinitionArn] ?? r.plan.known.taskDefinitionArn ?? ''),
        ...Object.fromEntries(ENDPOINT_OUTPUTS.map((name) => [name, name === r.view.endpointOutput ? endpoint : ''])),
        'route-arn': String(made[types/* REFS */.tr.routeArn] ?? r.plan.known.routeArn ?? ''),
        'preview-route-arn': String(made[types/* REFS */.tr.previewRouteArn] ?? r.plan.known.previewRouteArn ?? ''),
        'stable-weight': now ? String(now.stable) : '',
        'canary-weight': now ? String(now.canary) : '',
        'previous-canary-weight': r.plan.weights.before ? String(r.plan.weights.before.canary) : '',
        plan: planJson(r.plan),
    };
}
/** The plan as JSON, as apply receives it, with environment values redacted. */
function planJson(plan) {
    return JSON.stringify(plan, (key, value) => key === 'environment' && Array.isArray(value)
        ? value.map((e) => ({ name: e.name, value: '***' }))
        : value);
}
/** The weights to show: as planned (also for a dry run), or after a failure what its writes and undos left. */
function weightsNow(r) {
    if (!r.failure)
        return r.plan.weights.after;
    if (r.failure.weightsNow)
        return r.failure.weightsNow;
    const outcomes = [...r.journal.map((e) => e.outcome), ...r.failure.undone];
    return outcomes.reduce((w, o) => o.weights ?? w, r.plan.weights.before);
}
function ecsLinks(region, cluster) {
    const ecs = `https://${region}.console.aws.amazon.com/ecs/v2`;
    const q = `?region=${region}`;
    const clusterName = cluster.slice(cluster.lastIndexOf('/') + 1);
    return {
        service: (name) => `${ecs}/clusters/${clusterName}/services/${encodeURIComponent(name)}/health${q}`,
        taskDefinition: (arn) => {
            const [family, revision] = (0,plan_taskDefinition/* shortTaskDefinition */.P5)(arn).split(':');
            return `${ecs}/task-definitions/${family}/${revision}/containers${q}`;
        },
    };
}
function report_link(r, c) {
    const url = c.resource.type === 'ECS service'
        ? ecsLinks(r.region, r.settings.cluster).service(c.resource.name)
        : r.view.link(c.resource);
    return url ? `[${(0,render.md)((0,render/* resourceName */.Iy)(c))}](${url})` : (0,render.md)((0,render/* resourceName */.Iy)(c));
}
const pct = (n) => (n === undefined ? '—' : `${n} %`);
function progressHeadline(p, r) {
    const at = (step, weight) => `step ${step} of ${p.steps.length} (${weight} %)`;
    const last = p.timeline.at(-1);
    switch (p.outcome) {
        case 'rolled back':
            return `Canary rolled back: alarm ${p.rollback?.alarm.name} fired at ${at(p.rollback?.step ?? 0, p.rollback?.weight ?? 0)}`;
        case 'cancelled':
            return `Canary ${r.plan.operation} cancelled at ${last?.weight ?? 0} %: alarms OK so far, rerun or advance to go on`;
        case 'waiting':
            return p.decision?.kind === 'wait'
                ? `Canary at ${at(p.decision.step, p.decision.weight)}: next step due at ${p.decision.dueAt.toISOString()}`
                : undefined;
        case 'held':
            if (p.decision?.kind === 'blocked')
                return `Canary not advanced: alarm ${p.decision.alarm.name} is ${p.decision.alarm.state}`;
            return `Canary at the last step (${r.plan.weights.after.canary} %): promote when ready (auto-promote is off)`;
        case 'advanced':
            return p.decision?.kind === 'shift' ? `Canary advanced to ${at(p.decision.step, p.decision.weight)}` : undefined;
        case 'walked':
            return `Canary deploy: walked ${p.timeline.map((t) => `${t.weight} %`).join(' → ')}, ${r.plan.weights.after.canary} % of traffic to ${r.view.canaryEndpoint}`;
        default:
            return undefined;
    }
}
function headline(r) {
    const { plan, settings, view } = r;
    const progress = r.progress && !r.failure && progressHeadline(r.progress, r);
    if (progress)
        return progress;
    if (r.dryRun)
        return `Canary ${plan.operation} plan (dry run: nothing was changed)`;
    if (r.failure?.cancelled)
        return `Canary ${plan.operation} cancelled`;
    if (r.failure)
        return `Canary ${plan.operation} failed`;
    switch (plan.operation) {
        case 'deploy':
        case 'shift':
        case 'advance':
            return `Canary ${plan.operation}: ${plan.weights.after.canary} % of traffic to ${view.canaryEndpoint}`;
        case 'promote':
            return `Canary promoted: ${settings.stable.service} runs the new version, all traffic on ${view.stableEndpoint}`;
        case 'rollback':
            return `Canary rolled back: all traffic on ${view.stableEndpoint}`;
    }
}
function servicesNow(r) {
    const latest = new Map(outcomes(r).flatMap((o) => (o.service ? [[o.service.name, o.service]] : [])));
    return r.plan.services.map((s) => ({ ...s, ...latest.get(s.name), role: s.role }));
}
function taskDefinitionOf(r) {
    const arn = produced(r)[types/* REFS */.tr.taskDefinitionArn] ?? r.plan.known.taskDefinitionArn;
    return arn === undefined ? undefined : String(arn);
}
function weightsTable(r) {
    const { view } = r;
    const before = r.plan.weights.before;
    const after = weightsNow(r);
    const row = (name, role, b, a) => `| [${(0,render.md)(name)}](${view.link({ type: view.endpointType, name })}) | ${role} | ${pct(b)} | ${pct(a)} |`;
    return [
        `| ${view.endpointType} | role | weight before | ${r.dryRun ? 'planned' : 'weight now'} |`,
        '|---|---|---:|---:|',
        row(view.stableEndpoint, 'stable', before?.stable, after?.stable),
        row(view.canaryEndpoint, 'canary', before?.canary, after?.canary),
        '',
    ];
}
function servicesTable(r) {
    const links = ecsLinks(r.region, r.settings.cluster);
    const lines = ['| ECS service | role | task definition | running / desired |', '|---|---|---|---:|'];
    for (const s of servicesNow(r)) {
        const td = s.taskDefinition ? (0,render.md)((0,plan_taskDefinition/* shortTaskDefinition */.P5)(s.taskDefinition)) : '—';
        lines.push(`| [${(0,render.md)(s.name)}](${links.service(s.name)}) | ${s.role} | ${td} | ${s.running} / ${s.desired} |`);
    }
    return [...lines, ''];
}
function changesTable(r) {
    if (r.plan.changes.length === 0)
        return [`Nothing to change: ${r.view.label} and the services already match the inputs.`];
    const lines = [
        `| ${r.dryRun ? 'planned change' : 'change'} | resource | before → after | result |`,
        '|---|---|---|---|',
    ];
    for (const c of r.plan.changes) {
        const entry = r.journal.find((e) => e.change === c);
        const text = entry?.outcome.detail;
        const detail = text
            ? ` ${(0,render/* code */.aY)(text.startsWith('arn:aws') && text.includes(':task-definition/') ? (0,plan_taskDefinition/* shortTaskDefinition */.P5)(text) : text)}`
            : '';
        const result = r.dryRun ? 'planned' : entry ? `✅${detail}` : c === r.failure?.failed ? '❌ failed' : 'not run';
        lines.push(`| ${c.action} | ${report_link(r, c)} | ${(0,render.md)((0,render/* transition */.kY)(c))} | ${result} |`);
    }
    return lines;
}
/** How to reach a deploy's preview: the header, and a curl line against the entry point. */
function previewSection(r) {
    const preview = r.settings.preview;
    if (!preview || r.plan.operation !== 'deploy' || r.failure)
        return [];
    const curl = r.view.previewCurl?.(preview);
    const lines = [
        '',
        '### Preview',
        '',
        `Requests with the header ${(0,render/* code */.aY)(`${preview.header}: ${preview.value}`)} reach the canary, and only them.`,
    ];
    if (curl)
        lines.push('', '```sh', curl.replace(/[`\r\n]/g, ''), '```');
    return lines;
}
function timelineSection(p) {
    const lines = ['', '### Steps', ''];
    if (p.timeline.length) {
        lines.push('| step | weight | started | baked | alarms |', '|---:|---:|---|---:|---|');
        for (const t of p.timeline) {
            const alarms = t.alarms.map((a) => `${(0,render.md)(a.name)} ${a.state}`).join(', ') || '—';
            const baked = t.bakedMs === undefined ? '—' : `${Math.round(t.bakedMs / 1000)} s`;
            lines.push(`| ${t.step} / ${p.steps.length} | ${t.weight} % | ${t.startedAt.toISOString()} | ${baked} | ${alarms} |`);
        }
    }
    else {
        lines.push(`Steps: ${p.steps.map((s) => `${s} %`).join(' → ')}.`);
    }
    if (p.rollback) {
        const { alarm, step, weight } = p.rollback;
        lines.push('', `**Rolled back:** alarm ${(0,render.md)(alarm.name)} was ${alarm.state} (${(0,render.md)(alarm.reason ?? 'no reason given')}) at step ${step} (${weight} %): weights to 100/0 first, then the canary scaled to 0.`);
    }
    if (p.outcome === 'cancelled' && p.error)
        lines.push('', (0,render.md)(p.error));
    return lines;
}
function failureSection(f) {
    const [first, ...rest] = (0,render/* failureLines */.w7)(f);
    return ['', '### What happened', '', `**${(0,render.md)(first)}**`, '', ...rest.flatMap((l) => [(0,render.md)(l), ''])];
}
function pie(r, after) {
    const { view } = r;
    return [
        '',
        '```mermaid',
        `pie showData title Traffic of ${mermaid(view.entry)}${r.dryRun ? ' (planned)' : ''}`,
        `  "${mermaid(view.stableEndpoint)} (stable)" : ${after.stable}`,
        `  "${mermaid(view.canaryEndpoint)} (canary)" : ${after.canary}`,
        '```',
    ];
}
const mermaid = (text) => text.replace(/["\n\r`]/g, '');
/** Pure: the job summary as markdown. */
function summaryMarkdown(r) {
    const lines = [`## ${(0,render.md)(headline(r))}`, '', ...weightsTable(r)];
    const taskDefinition = taskDefinitionOf(r);
    if (taskDefinition) {
        const short = (0,render.md)((0,plan_taskDefinition/* shortTaskDefinition */.P5)(taskDefinition));
        lines.push(`Task definition: [${short}](${ecsLinks(r.region, r.settings.cluster).taskDefinition(taskDefinition)})`, '');
    }
    lines.push(...servicesTable(r), ...changesTable(r));
    lines.push(...previewSection(r));
    if (r.progress)
        lines.push(...timelineSection(r.progress));
    if (r.failure)
        lines.push(...failureSection(r.failure));
    const after = weightsNow(r);
    if (after && !r.failure)
        lines.push(...pie(r, after));
    for (const w of r.plan.warnings)
        lines.push('', '> [!WARNING]', `> ${(0,render.md)(w)}`);
    return `${lines.join('\n')}\n`;
}
/** Pure: the short form for the pull request. */
function commentMarkdown(r, runUrl) {
    const { view } = r;
    const after = weightsNow(r);
    const lines = [`### ${r.failure ? '❌' : '🐤'} ${(0,render.md)(headline(r))}`, ''];
    const was = pct(r.plan.weights.before?.canary);
    lines.push(`**Traffic:** ${(0,render.md)(view.stableEndpoint)} ${pct(after?.stable)} · ${(0,render.md)(view.canaryEndpoint)} ${pct(after?.canary)} (canary was ${was})`);
    const taskDefinition = taskDefinitionOf(r);
    if (taskDefinition)
        lines.push(`**Task definition:** ${(0,render/* code */.aY)((0,plan_taskDefinition/* shortTaskDefinition */.P5)(taskDefinition))}`);
    lines.push(`**Services (running/desired):** ${servicesNow(r)
        .map((s) => `${(0,render.md)(s.name)} ${s.running}/${s.desired}`)
        .join(' · ')}`);
    if (r.failure) {
        const [first, ...rest] = (0,render/* failureLines */.w7)(r.failure);
        lines.push('', `> ${(0,render.md)(first)}`, ...rest.filter((l) => /^(Traffic restored|Kept on purpose)/.test(l)).map((l) => `> ${(0,render.md)(l)}`));
    }
    if (r.progress?.timeline.length) {
        const steps = r.progress.timeline.map((t) => `${t.weight} % (${Math.round((t.bakedMs ?? 0) / 1000)} s)`);
        lines.push(`**Steps:** ${steps.join(' → ')}`);
    }
    if (r.progress?.rollback) {
        const { alarm, weight } = r.progress.rollback;
        lines.push(`> Rolled back: alarm ${(0,render.md)(alarm.name)} was ${alarm.state} at ${weight} % (${(0,render.md)(alarm.reason ?? '')})`);
    }
    const preview = r.settings.preview;
    if (preview && r.plan.operation === 'deploy' && !r.failure) {
        lines.push(`**Preview:** requests with ${(0,render/* code */.aY)(`${preview.header}: ${preview.value}`)} reach the canary`);
        const curl = r.view.previewCurl?.(preview);
        if (curl)
            lines.push('', '```sh', curl.replace(/[`\r\n]/g, ''), '```');
    }
    if (runUrl)
        lines.push('', `[Run details](${runUrl})`);
    return `${lines.join('\n')}\n`;
}
/** Pure: the summary of a run that stopped while reading or planning, before any change. */
function stoppedMarkdown(settings, message) {
    const text = message.split('\n').map(render.md).join('\n\n');
    return `## Canary ${settings.operation} stopped before any change\n\n${text}\n\nNothing was changed in ECS or the traffic layer.\n`;
}
async function reportStopped(settings, message) {
    const comment = () => `### ❌ Canary ${settings.operation} stopped before any change\n\n> ${(0,render.md)(message)}\n`;
    await publish(settings, stoppedMarkdown(settings, message), comment);
}
async function report(r) {
    for (const [name, value] of Object.entries(outputsOf(r)))
        core/* setOutput */.uH(name, value);
    const now = weightsNow(r);
    const { view } = r;
    core/* info */.pq((0,render/* oneLine */.TN)(`${r.dryRun ? 'Planned' : 'Traffic now'}: ${view.stableEndpoint} ${pct(now?.stable)}, ${view.canaryEndpoint} ${pct(now?.canary)}`));
    await publish(r.settings, summaryMarkdown(r), (runUrl) => commentMarkdown(r, runUrl));
}
/** Writes the job summary, and on pull requests (not for a dry run) the PR comment. */
async function publish(settings, summary, comment) {
    if (process.env.GITHUB_STEP_SUMMARY) {
        await core/* summary */.z.addRaw(summary).write();
        core/* info */.pq('Job summary written.');
    }
    if (settings.prComment && !settings.dryRun) {
        const { commentOnPullRequest, runUrl } = await __webpack_require__.e(/* import() */ 920).then(__webpack_require__.bind(__webpack_require__, 5920));
        await commentOnPullRequest(settings, comment(runUrl()));
    }
}

;// CONCATENATED MODULE: ./src/traffic/index.ts
async function loadProvider(settings, config) {
    const traffic = settings.traffic;
    switch (traffic.provider) {
        case 'app-mesh':
            return (await Promise.all(/* import() */[__webpack_require__.e(356), __webpack_require__.e(219)]).then(__webpack_require__.bind(__webpack_require__, 8219))).createAppMeshProvider(traffic, settings, config);
        case 'vpc-lattice':
            return (await Promise.all(/* import() */[__webpack_require__.e(635), __webpack_require__.e(761)]).then(__webpack_require__.bind(__webpack_require__, 3761))).createLatticeProvider(traffic, settings, config);
    }
}

;// CONCATENATED MODULE: ./src/pipeline.ts
// The pipeline after the inputs: read state → plan → apply → report, each a log group. Loaded lazily by main.ts, so
// the AWS SDK is only loaded once the inputs are known to be valid, and only the chosen provider's client.












/** A sleep that ends early, with the cancellation as its error, when the run is cancelled. */
function abortableSleep(signal) {
    return (ms) => new Promise((resolve, reject) => {
        if (signal.aborted)
            return reject(signal.reason);
        const done = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal.removeEventListener('abort', done);
            resolve();
        }, ms);
        signal.addEventListener('abort', done, { once: true });
    });
}
/**
 * GitHub cancels a run with SIGINT, then SIGTERM ~7.5 s later, then kills it. Either signal aborts: the change in
 * flight finishes, no other starts, the journal is unwound as after a failure and the report is written.
 */
function onCancel() {
    const controller = new AbortController();
    const handler = (name) => {
        if (!controller.signal.aborted)
            core/* warning */.$e(`Received ${name}: stopping at the next safe point`);
        controller.abort(new errors/* CancelledError */.cc(name));
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        },
    };
}
async function group(name, fn) {
    core/* startGroup */.Oh(name);
    try {
        return await fn();
    }
    finally {
        core/* endGroup */.N4();
    }
}
function logPlan(plan) {
    for (const w of plan.warnings)
        core/* warning */.$e((0,render/* oneLine */.TN)(w));
    if (plan.changes.length === 0)
        core/* info */.pq('Nothing to change.');
    for (const c of plan.changes)
        core/* info */.pq((0,render/* oneLine */.TN)((0,render/* changeLine */.vK)(c)));
    return plan;
}
async function prepare(settings, options, signal) {
    const config = (0,clients/* clientConfig */.yO)();
    const ecs = (0,clients/* createEcsClient */.DJ)(config);
    const provider = await loadProvider(settings, config);
    const alarms = settings.alarms.length
        ? new (await Promise.all(/* import() */[__webpack_require__.e(85), __webpack_require__.e(929)]).then(__webpack_require__.bind(__webpack_require__, 5929))).Alarms(config, settings.alarms)
        : undefined;
    const executors = { ...ecsExecutors(ecs), ...provider.executors };
    const sleep = options.sleep ?? abortableSleep(signal);
    return { settings, region: config.region, ecs, provider, executors, sleep, signal, alarms, options };
}
/** Reads the state (and, before a deploy, the alarms: they must exist and none may fire). */
async function readPhase(run, settings) {
    const label = `Read state (${settings.operation}, ${run.provider.name})`;
    return group(label, async () => {
        const gate = settings.operation === 'deploy' && run.alarms ? run.alarms.read() : undefined;
        const [state, alarms] = await Promise.all([readState(settings, run.ecs, run.provider), gate]);
        const firing = alarms && (0,plan_steps/* firingAlarm */.VX)(alarms, settings.insufficientData);
        if (firing) {
            const why = `CloudWatch alarm ${firing.name} is ${firing.state} (${firing.reason ?? 'no reason given'}): not deploying a canary now`;
            throw new errors/* PlanError */.W6(why, 'alarms');
        }
        return state;
    });
}
/** One read → plan → apply for these settings. A failed apply is recorded, not thrown; reading and planning throw. */
async function phase(run, settings, known) {
    const state = known ?? (await readPhase(run, settings));
    const plan = await group('Plan', () => logPlan(buildPlan(settings, state, run.provider)));
    const view = run.provider.view(run.region);
    const record = { settings, plan, journal: [], dryRun: settings.dryRun, region: run.region, view };
    if (settings.dryRun) {
        core/* info */.pq(`Dry run: no change made. Plan: ${planJson(plan)}`);
        return record;
    }
    run.options.onPlan?.(plan);
    try {
        const options = { executors: run.executors, sleep: run.sleep, signal: run.signal };
        record.journal = await group('Apply', () => applyPlan(plan, options));
    }
    catch (err) {
        if (!(err instanceof ApplyError))
            throw err;
        record.journal = err.journal;
        record.failure = err.report;
    }
    return record;
}
/** Reports a run's phases as one, and fails the run when a phase failed. */
async function finish(records, progress) {
    const record = { ...mergeRecords(records), progress };
    await group('Report', () => report(record));
    if (progress?.error)
        throw new Error(progress.error);
    if (record.failure)
        throw new Error((0,render/* failureLines */.w7)(record.failure).join('\n'));
}
async function execute(settings, options = {}) {
    const cancel = onCancel();
    try {
        const run = await prepare(settings, options, cancel.signal);
        if (settings.operation === 'advance')
            return await advance(run);
        const first = await stopped(settings, () => phase(run, settings));
        if (first.failure || settings.dryRun || !settings.progressive)
            return await finish([first]);
        await walk(run, first);
    }
    finally {
        cancel.dispose();
    }
}
/** A run that stops while reading or planning, before any change, says so in the summary. */
async function stopped(settings, fn) {
    try {
        return await fn();
    }
    catch (err) {
        await group('Report', () => reportStopped(settings, (0,errors/* errorMessage */.gJ)(err)));
        throw err;
    }
}


/***/ }),

/***/ 4570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G5: () => (/* binding */ scaleToZero),
/* harmony export */   Z8: () => (/* binding */ rolloutComplete),
/* harmony export */   n9: () => (/* binding */ checkBeforeTraffic),
/* harmony export */   ne: () => (/* binding */ planRollout),
/* harmony export */   sg: () => (/* binding */ primaryDeployment)
/* harmony export */ });
/* harmony import */ var _taskDefinition_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6379);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9898);


const serviceResource = (name) => ({ type: 'ECS service', name });
/** Register (unless reused), create or update the service, and wait for its rollout. */
function planRollout(spec) {
    const { definition, service } = spec;
    const taskDefinition = definition ? (0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ref */ .KR)(_types_js__WEBPACK_IMPORTED_MODULE_1__/* .REFS */ .tr.taskDefinitionArn) : spec.reusedArn;
    const serviceChanges = !service ||
        definition !== undefined ||
        service.taskDefinition !== spec.reusedArn ||
        service.desiredCount !== spec.desiredCount ||
        spec.deploymentConfiguration !== undefined;
    const changes = definition ? [registerChange(definition)] : [];
    if (!service)
        changes.push(createChange(spec, taskDefinition));
    else if (serviceChanges)
        changes.push(updateChange(spec, service, taskDefinition));
    const inProgress = service && !serviceChanges && !rolloutComplete(service) ? primaryDeployment(service)?.id : undefined;
    if (spec.wait && (serviceChanges || inProgress))
        changes.push(waitChange(spec, taskDefinition, inProgress));
    return { changes, serviceChanges };
}
function registerChange(definition) {
    return {
        kind: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_KINDS */ .kG.register,
        resource: { type: 'task definition', name: definition.family },
        action: 'register',
        after: `new revision: ${(0,_taskDefinition_js__WEBPACK_IMPORTED_MODULE_0__/* .appImages */ .EQ)(definition).join(', ')}`,
        request: definition,
        moves: 'none',
    };
}
function createChange(spec, taskDefinition) {
    return {
        kind: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_KINDS */ .kG.create,
        resource: serviceResource(spec.serviceName),
        action: 'create',
        after: `${spec.desiredCount} task(s)${spec.clonedFrom ? `, cloned from ${spec.clonedFrom}` : ''}`,
        request: { ...spec.create, taskDefinition },
        moves: 'capacity',
    };
}
function updateChange(spec, service, taskDefinition) {
    const runs = spec.definition ? 'the new revision' : (0,_taskDefinition_js__WEBPACK_IMPORTED_MODULE_0__/* .shortTaskDefinition */ .P5)(spec.reusedArn);
    const alarms = spec.deploymentConfiguration?.alarms?.alarmNames;
    const back = `aws ecs update-service --cluster ${spec.cluster} --service ${spec.serviceName} --task-definition ${service.taskDefinition}`;
    return {
        kind: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_KINDS */ .kG.update,
        resource: serviceResource(spec.serviceName),
        action: 'update',
        before: `${(0,_taskDefinition_js__WEBPACK_IMPORTED_MODULE_0__/* .shortTaskDefinition */ .P5)(service.taskDefinition)} × ${service.desiredCount}`,
        after: `${runs} × ${spec.desiredCount}${alarms ? `, rollouts stopped by the alarms ${alarms.join(', ')}` : ''}`,
        request: {
            cluster: spec.cluster,
            service: spec.serviceName,
            taskDefinition,
            desiredCount: spec.desiredCount,
            ...(spec.deploymentConfiguration && { deploymentConfiguration: spec.deploymentConfiguration }),
            ifTaskDefinition: service.taskDefinition,
        },
        moves: 'capacity',
        leftBehind: `ECS service ${spec.serviceName} now deploys ${runs} (it ran ${(0,_taskDefinition_js__WEBPACK_IMPORTED_MODULE_0__/* .shortTaskDefinition */ .P5)(service.taskDefinition)}; to go back: ${back})`,
    };
}
function waitChange(spec, taskDefinition, inProgress) {
    return {
        kind: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_KINDS */ .kG.wait,
        resource: serviceResource(spec.serviceName),
        action: 'wait',
        after: `rollout COMPLETED with ${spec.desiredCount} task(s) running (at most ${spec.waitForMinutes} min)`,
        request: {
            cluster: spec.cluster,
            service: spec.serviceName,
            deploymentId: inProgress ?? (0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .ref */ .KR)(_types_js__WEBPACK_IMPORTED_MODULE_1__/* .REFS */ .tr.deployment(spec.serviceName)),
            timeoutMinutes: spec.waitForMinutes,
            // What the rollout must end with; anything else means another writer changed the service under this run.
            taskDefinition,
            desiredCount: spec.desiredCount,
            ...(spec.service && { previousTaskDefinition: spec.service.taskDefinition }),
        },
        moves: 'none',
    };
}
/**
 * Right before a deploy gives its canary traffic, the service must still run the revision this run deployed, rollout
 * COMPLETED: another deploy that started after this run's wait ended would otherwise get the weight unverified.
 */
function checkBeforeTraffic(changes, cluster, serviceName) {
    const wait = changes.findLast((c) => c.kind === _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_KINDS */ .kG.wait && c.resource.name === serviceName);
    if (!wait)
        return changes;
    const lastWait = changes.findLastIndex((c) => c.action === 'wait');
    const at = changes.findIndex((c, i) => i > lastWait && c.moves === 'traffic');
    if (at < 0)
        return changes;
    const { taskDefinition, desiredCount } = wait.request;
    const check = {
        kind: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_KINDS */ .kG.check,
        resource: serviceResource(serviceName),
        action: 'check',
        after: `still runs ${(0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isRef */ .i9)(taskDefinition) ? "this run's revision" : (0,_taskDefinition_js__WEBPACK_IMPORTED_MODULE_0__/* .shortTaskDefinition */ .P5)(taskDefinition)} × ${desiredCount}, rollout COMPLETED`,
        request: { cluster, service: serviceName, taskDefinition, desiredCount },
        moves: 'none',
    };
    return [...changes.slice(0, at), check, ...changes.slice(at)];
}
/** Scale a canary to 0 tasks; the service and its endpoint stay for the next canary. */
function scaleToZero(cluster, service, kept) {
    if (!service || service.desiredCount === 0)
        return [];
    const name = service.serviceName;
    return [
        {
            kind: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_KINDS */ .kG.update,
            resource: serviceResource(name),
            action: 'scale',
            before: `${service.desiredCount} task(s)`,
            after: `0 tasks (${kept} stay for the next canary)`,
            request: { cluster, service: name, desiredCount: 0, ifTaskDefinition: service.taskDefinition },
            moves: 'capacity',
            leftBehind: `ECS service ${name} scaled to 0 (it had ${service.desiredCount})`,
        },
    ];
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

/***/ 2960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LD: () => (/* binding */ decide),
/* harmony export */   VX: () => (/* binding */ firingAlarm),
/* harmony export */   _D: () => (/* binding */ remainingSteps),
/* harmony export */   pP: () => (/* binding */ pollDelayMs),
/* harmony export */   zu: () => (/* binding */ alarmPollMs)
/* harmony export */ });
/* unused harmony export stepIndex */
/** The alarm that stops the canary, if any: one in ALARM, or INSUFFICIENT_DATA when that counts as failing. */
function firingAlarm(alarms, insufficientData) {
    return (alarms.find((a) => a.state === 'ALARM') ??
        (insufficientData === 'fail' ? alarms.find((a) => a.state === 'INSUFFICIENT_DATA') : undefined));
}
/**
 * Time to the next poll of a wait (a rollout, targets' health): a tenth of the time waited so far, between 1 s and
 * 5 s. The end is noticed within 5 s, and within 10 % of the wait's own duration when it is short.
 */
function pollDelayMs(elapsedMs) {
    return Math.min(5000, Math.max(1000, Math.round(elapsedMs / 10)));
}
/** Alarms are polled every 15 s, or four times per bake when the bake is shorter than a minute. */
function alarmPollMs(stepMinutes) {
    return Math.max(250, Math.min(15_000, Math.round((stepMinutes * 60_000) / 4)));
}
/** Index of the step the canary is on: the last step not above its weight (-1 below the first step). */
function stepIndex(steps, weight) {
    let index = -1;
    for (const [i, step] of steps.entries())
        if (step <= weight)
            index = i;
    return index;
}
/** What one `advance` run does: roll back on an alarm, else move one step once the current one has baked. */
function decide(p, s) {
    const index = stepIndex(p.steps, s.weight);
    const firing = firingAlarm(s.alarms, s.insufficientData);
    if (firing && s.weight > 0)
        return { kind: 'rollback', alarm: firing, step: index + 1, weight: s.weight };
    if (firing)
        return { kind: 'blocked', alarm: firing };
    if (index < 0)
        return { kind: 'shift', step: 1, weight: p.steps[0], from: s.weight };
    const dueAt = new Date((s.changedAt?.getTime() ?? 0) + p.stepMinutes * 60_000);
    if (dueAt > s.now)
        return { kind: 'wait', step: index + 1, weight: s.weight, dueAt };
    if (index + 1 < p.steps.length)
        return { kind: 'shift', step: index + 2, weight: p.steps[index + 1], from: s.weight };
    return p.autoPromote ? { kind: 'promote', from: s.weight } : { kind: 'hold', step: index + 1, weight: s.weight };
}
/** The steps a deploy still has to walk: from the current one when the canary already runs this version. */
function remainingSteps(steps, weight, sameVersion) {
    const index = sameVersion ? stepIndex(steps, weight) : -1;
    return steps.slice(Math.max(0, index));
}


/***/ }),

/***/ 9898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KR: () => (/* binding */ ref),
/* harmony export */   i9: () => (/* binding */ isRef),
/* harmony export */   kG: () => (/* binding */ ECS_KINDS),
/* harmony export */   tr: () => (/* binding */ REFS)
/* harmony export */ });
const ref = (name) => ({ $ref: name });
function isRef(value) {
    return typeof value === 'object' && value !== null && typeof value.$ref === 'string';
}
/** Refs every provider and the ECS layer agree on. */
const REFS = {
    taskDefinitionArn: 'taskDefinitionArn',
    canaryEndpointArn: 'canaryEndpointArn',
    routeArn: 'routeArn',
    previewRouteArn: 'previewRouteArn',
    deployment: (service) => `deployment:${service}`,
};
/** The ECS layer's change kinds, carried out by the ECS executors (ecsExecutors.ts, beside the ECS calls). */
const ECS_KINDS = {
    register: 'ecs.register-task-definition',
    create: 'ecs.create-service',
    update: 'ecs.update-service',
    wait: 'ecs.wait-for-rollout',
    check: 'ecs.check-service',
    delete: 'ecs.delete-service',
};


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

/***/ 5508:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ executor)
/* harmony export */ });
/** An executor for requests of one shape: apply hands it the request its change holds, refs resolved. */
function executor(fn) {
    return fn;
}


/***/ })

};
