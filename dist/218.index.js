export const id = 218;
export const ids = [218];
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

/***/ 5808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ge: () => (/* binding */ describeServices),
/* harmony export */   Z8: () => (/* reexport safe */ _plan_ecs_js__WEBPACK_IMPORTED_MODULE_2__.Z8),
/* harmony export */   bU: () => (/* binding */ updateService),
/* harmony export */   eL: () => (/* binding */ ServiceChangedError),
/* harmony export */   gj: () => (/* binding */ waitForRollout),
/* harmony export */   hs: () => (/* binding */ deleteService),
/* harmony export */   sR: () => (/* binding */ createService),
/* harmony export */   sg: () => (/* reexport safe */ _plan_ecs_js__WEBPACK_IMPORTED_MODULE_2__.sg)
/* harmony export */ });
/* unused harmony export RolloutError */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(212);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _plan_ecs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4570);
/* harmony import */ var _poll_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5672);
/* harmony import */ var _plan_taskDefinition_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6379);
// ECS services: one DescribeServices for all the services a run needs, create/update, and the rollout waiter.







/** Services by name; a name ECS does not know, or whose service is INACTIVE, maps to undefined. */
async function describeServices(ecs, cluster, names) {
    let services;
    try {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__/* .DescribeServicesCommand */ .H7c({ cluster, services: names, include: ['TAGS'] }));
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
    const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__/* .CreateServiceCommand */ .JkR(input));
    if (!out.service)
        throw new Error('CreateService returned no service');
    return out.service;
}
async function updateService(ecs, input) {
    const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__/* .UpdateServiceCommand */ .kZr(input));
    if (!out.service)
        throw new Error('UpdateService returned no service');
    return out.service;
}
/** Another writer changed the service while its rollout was awaited; `service` is the service as last read. */
class ServiceChangedError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConcurrentModificationError */ ._b {
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
 * disappears or stops being PRIMARY (the deployment circuit breaker rolled it back), or on timeout. A deployment this
 * run just wrote is not believed gone (or its service MISSING) on reads that may predate the write: see priorDeployments.
 */
async function waitForRollout(ecs, options) {
    let opts = options;
    const now = opts.now ?? Date.now;
    const start = now();
    /** Whether a read showed this run's write; until one does, a read that does not may be stale. */
    let seen = opts.priorDeployments === undefined;
    for (;;) {
        const read = await describeOrStillWaiting(ecs, opts);
        const seconds = Math.round((now() - start) / 1000);
        if (read === 'retry') {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${opts.service}: AWS answered with a retryable error; still waiting (${seconds}s elapsed)`);
            if (now() - start >= opts.timeoutMs)
                throw new RolloutError(`Gave up waiting for ${opts.service}: AWS kept answering with retryable errors`);
            await opts.sleep((0,_poll_js__WEBPACK_IMPORTED_MODULE_5__/* .pollDelayMs */ .pP)(now() - start));
            continue;
        }
        const service = read;
        if (!seen) {
            const lag = notShownYet(service, opts, opts.priorDeployments ?? []);
            if (!lag)
                seen = true;
            else if (now() - start < _poll_js__WEBPACK_IMPORTED_MODULE_5__/* .CONSISTENCY_WINDOW_MS */ .$x) {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${opts.service}: ${lag}; ECS reads can lag its writes, so it reads again (${seconds}s elapsed)`);
                await opts.sleep((0,_poll_js__WEBPACK_IMPORTED_MODULE_5__/* .pollDelayMs */ .pP)(now() - start));
                continue;
            }
        }
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
        if ((0,_plan_ecs_js__WEBPACK_IMPORTED_MODULE_2__/* .rolloutComplete */ .Z8)({ ...service, deployments: [deployment] })) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${opts.service}: rollout COMPLETED, ${running} (${seconds}s)`);
            return service;
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${opts.service}: rollout ${deployment.rolloutState ?? 'IN_PROGRESS'}, ${running} (${seconds}s elapsed)`);
        if (now() - start >= opts.timeoutMs) {
            throw new RolloutError(`Gave up waiting for ${opts.service} after ${+(opts.timeoutMs / 60000).toFixed(2)} minute(s) (wait-for-minutes); its rollout is ${deployment.rolloutState ?? 'IN_PROGRESS'} with ${running}`);
        }
        await opts.sleep(Math.min((0,_poll_js__WEBPACK_IMPORTED_MODULE_5__/* .pollDelayMs */ .pP)(now() - start), Math.max(0, opts.timeoutMs - (now() - start))));
    }
}
/**
 * Why this read may predate the write that produced the awaited deployment (ECS is eventually consistent), or undefined
 * when it shows that deployment, or a primary deployment that came after the write (not among `prior`).
 */
function notShownYet(service, opts, prior) {
    if (!service)
        return 'ECS answers that the service this run just wrote does not exist (MISSING)';
    const ours = service.deployments?.find((d) => d.id === opts.deploymentId);
    if (ours) {
        // Scaling in place keeps the deployment: a read from before the write shows it with the count from before.
        const inPlace = opts.taskDefinition !== undefined && opts.taskDefinition === opts.previousTaskDefinition;
        if (inPlace && opts.desiredCount !== undefined && ours.desiredCount !== opts.desiredCount)
            return `deployment ${opts.deploymentId} still shows ${ours.desiredCount} task(s), not the ${opts.desiredCount} this run asked for`;
        return undefined;
    }
    const primary = (0,_plan_ecs_js__WEBPACK_IMPORTED_MODULE_2__/* .primaryDeployment */ .sg)(service);
    if (primary?.id && !prior.includes(primary.id))
        return undefined;
    return `deployment ${opts.deploymentId} is not among the service's deployments yet`;
}
/**
 * Our deployment is no longer the service's primary one. When the new primary runs the same revision (another run
 * deploying the same thing), the wait goes on with it; when it runs the revision from before, ECS (its circuit breaker)
 * or someone rolled back; any other revision means another writer deployed over this run.
 */
function replacedDeployment(service, ours, opts) {
    const current = (0,_plan_ecs_js__WEBPACK_IMPORTED_MODULE_2__/* .primaryDeployment */ .sg)(service);
    const name = opts.service;
    if (current?.id && opts.taskDefinition && current.taskDefinition === opts.taskDefinition) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${name}: deployment ${current.id} of the same revision replaced ${opts.deploymentId}; waiting for it`);
        return current.id;
    }
    const now = current ? `; the service now runs ${current.taskDefinition}` : '';
    const rolledBack = ours?.rolloutState === 'FAILED' || !opts.taskDefinition || !current;
    if (rolledBack || current.taskDefinition === opts.previousTaskDefinition) {
        throw new RolloutError(`Deployment ${opts.deploymentId} of ${name} was rolled back by ECS (deployment circuit breaker)${now}`);
    }
    const theirs = (0,_plan_taskDefinition_js__WEBPACK_IMPORTED_MODULE_3__/* .shortTaskDefinition */ .P5)(current.taskDefinition);
    throw new ServiceChangedError(`The task definition of ECS service ${name} changed under this run: while it waited for its deployment of ` +
        `${(0,_plan_taskDefinition_js__WEBPACK_IMPORTED_MODULE_3__/* .shortTaskDefinition */ .P5)(opts.taskDefinition)}, another deployment (${current.id}) replaced it and the service ` +
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
/** Throttling, 5xx and timeouts while waiting count as "still waiting" until the deadline. */
async function describeOrStillWaiting(ecs, opts) {
    try {
        return (await describeServices(ecs, opts.cluster, [opts.service])).get(opts.service);
    }
    catch (err) {
        if ((0,_poll_js__WEBPACK_IMPORTED_MODULE_5__/* .isRetryable */ .r3)(err))
            return 'retry';
        throw err;
    }
}
/** Deletes a service with its tasks (force: it need not be scaled to 0 first). */
async function deleteService(ecs, input) {
    await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_4__/* .DeleteServiceCommand */ .o6q({ ...input, force: true }));
}


/***/ }),

/***/ 5672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $x: () => (/* binding */ CONSISTENCY_WINDOW_MS),
/* harmony export */   pP: () => (/* binding */ pollDelayMs),
/* harmony export */   r3: () => (/* binding */ isRetryable)
/* harmony export */ });
// How every wait polls AWS (an ECS rollout, a target group's health) and which AWS errors mean "try again".
/**
 * Time to the next poll of a wait (a rollout, targets' health): a tenth of the time waited so far, between 1 s and
 * 5 s. The end is noticed within 5 s, and within 10 % of the wait's own duration when it is short.
 */
function pollDelayMs(elapsedMs) {
    return Math.min(5000, Math.max(1000, Math.round(elapsedMs / 10)));
}
/** Error names AWS gives a call that may succeed if sent again: throttling, 5xx, timeouts, a dropped connection. */
const RETRYABLE = /Throttl|TooManyRequests|RequestLimitExceeded|ServiceUnavailable|InternalServer|ServerException|TimeoutError|ECONNRESET|ETIMEDOUT/;
/** Whether a wait may count this error as "still waiting" (until its deadline) instead of failing. */
function isRetryable(err) {
    const e = err;
    const status = e?.$metadata?.httpStatusCode ?? 0;
    return RETRYABLE.test(typeof e?.name === 'string' ? e.name : '') || status >= 500;
}
/**
 * How long a read may lag a write of this run. ECS is eventually consistent: the results of a call "might not be
 * immediately visible to all subsequent commands", so a DescribeServices right after CreateService may answer MISSING
 * and one right after UpdateService may still show the deployment from before. Terraform's AWS provider allows 2
 * minutes for a service just created to become visible; a wait re-reads this long (polling with pollDelayMs) before it
 * believes a read that does not show this run's write yet.
 */
const CONSISTENCY_WINDOW_MS = 120_000;


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

/***/ 4570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G5: () => (/* binding */ scaleToZero),
/* harmony export */   Z8: () => (/* binding */ rolloutComplete),
/* harmony export */   _w: () => (/* binding */ registerChange),
/* harmony export */   n9: () => (/* binding */ checkBeforeTraffic),
/* harmony export */   ne: () => (/* binding */ planRollout),
/* harmony export */   sg: () => (/* binding */ primaryDeployment)
/* harmony export */ });
/* harmony import */ var _taskDefinition_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6379);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9898);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(182);



const serviceResource = (name) => ({ type: 'ECS service', name });
/** Register (unless reused), create or update the service, and wait for its rollout. */
function planRollout(spec) {
    const { definition, service } = spec;
    const taskDefinition = definition ? (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)(_model_js__WEBPACK_IMPORTED_MODULE_2__/* .REFS */ .tr.taskDefinitionArn) : spec.reusedArn;
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
/** Register a new revision of a task definition. */
function registerChange(definition) {
    return {
        kind: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_KINDS */ .k.register,
        resource: { type: 'task definition', name: definition.family },
        action: 'register',
        after: `new revision: ${(0,_taskDefinition_js__WEBPACK_IMPORTED_MODULE_0__/* .appImages */ .EQ)(definition).join(', ')}`,
        request: definition,
        moves: 'none',
    };
}
function createChange(spec, taskDefinition) {
    return {
        kind: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_KINDS */ .k.create,
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
        kind: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_KINDS */ .k.update,
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
        kind: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_KINDS */ .k.wait,
        resource: serviceResource(spec.serviceName),
        action: 'wait',
        after: `rollout COMPLETED with ${spec.desiredCount} task(s) running (at most ${spec.waitForMinutes} min)`,
        request: {
            cluster: spec.cluster,
            service: spec.serviceName,
            deploymentId: inProgress ?? (0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .ref */ .KR)(_model_js__WEBPACK_IMPORTED_MODULE_2__/* .REFS */ .tr.deployment(spec.serviceName)),
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
    const wait = changes.findLast((c) => c.kind === _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_KINDS */ .k.wait && c.resource.name === serviceName);
    if (!wait)
        return changes;
    const lastWait = changes.findLastIndex((c) => c.action === 'wait');
    const at = changes.findIndex((c, i) => i > lastWait && c.moves === 'traffic');
    if (at < 0)
        return changes;
    const { taskDefinition, desiredCount } = wait.request;
    const check = {
        kind: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_KINDS */ .k.check,
        resource: serviceResource(serviceName),
        action: 'check',
        after: `still runs ${(0,_model_js__WEBPACK_IMPORTED_MODULE_2__/* .isRef */ .i9)(taskDefinition) ? "this run's revision" : (0,_taskDefinition_js__WEBPACK_IMPORTED_MODULE_0__/* .shortTaskDefinition */ .P5)(taskDefinition)} × ${desiredCount}, rollout COMPLETED`,
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
            kind: _types_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_KINDS */ .k.update,
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

/***/ 9898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ ECS_KINDS)
/* harmony export */ });
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


/***/ })

};
