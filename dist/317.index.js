export const id = 317;
export const ids = [317];
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

/***/ 5672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ pollDelayMs),
/* harmony export */   r: () => (/* binding */ isRetryable)
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


/***/ }),

/***/ 2317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  execute: () => (/* binding */ execute)
});

;// CONCATENATED MODULE: ./src/plan/steps.ts
/** The alarm that stops the canary, if any: one in ALARM, or INSUFFICIENT_DATA when that counts as failing. */
function firingAlarm(alarms, insufficientData) {
    return (alarms.find((a) => a.state === 'ALARM') ??
        (insufficientData === 'fail' ? alarms.find((a) => a.state === 'INSUFFICIENT_DATA') : undefined));
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

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
// EXTERNAL MODULE: ./src/plan/ecs.ts
var plan_ecs = __webpack_require__(4570);
// EXTERNAL MODULE: ./src/plan/taskDefinition.ts
var taskDefinition = __webpack_require__(6379);
// EXTERNAL MODULE: ./src/plan/weights.ts
var weights = __webpack_require__(5538);
;// CONCATENATED MODULE: ./src/plan/oneService.ts




/** Whether a state was read for a one-service provider's shift, promote, rollback or advance. */
const isRevisionState = (state) => 'shape' in state && state.shape === 'one-service';
function planOneService(settings, step, state, p, plan) {
    switch (state.operation) {
        case 'deploy':
            return planRelease(settings, step, state, p, plan);
        case 'shift':
            plan.changes.push(...p.planWeights(state.traffic, plan.weights.after).changes);
            return plan;
        case 'rollback':
            plan.changes.push(...p.planWeights(state.traffic, (0,weights/* weightsFor */.NK)(0)).changes);
            return plan;
        case 'promote':
            plan.changes.push(...p.planPromote(state.traffic));
            return plan;
        case 'advance':
            throw new Error('advance is decided step by step (plan/steps.ts), then planned as a shift, promote or rollback');
    }
}
/** The new revision of the service's own family, then the provider's deployment of it up to the step's weight. */
function planRelease(settings, step, state, p, plan) {
    const base = (0,taskDefinition/* renderBase */.c1)(state.base, {
        family: state.canaryFamily,
        containerName: settings.containerName,
        image: settings.image,
        source: state.baseSource,
    });
    const rendered = p.renderWorkload(base, 'canary', state.traffic);
    const latest = state.latestCanary;
    const reuse = latest && (0,taskDefinition/* sameTaskDefinition */.JL)(rendered.definition, latest) ? latest.taskDefinitionArn : undefined;
    // Only the registration: the provider's deployment replaces the plain rollout of the two-services shape.
    const register = (0,plan_ecs/* planRollout */.ne)({
        cluster: settings.cluster,
        serviceName: settings.stable.service,
        definition: reuse ? undefined : rendered.definition,
        reusedArn: reuse,
        service: state.stableService,
        desiredCount: state.stableService.desiredCount ?? 1,
        wait: false,
        waitForMinutes: settings.waitForMinutes,
    }).changes.filter((c) => c.action === 'register');
    const release = {
        cluster: settings.cluster,
        service: state.stableService,
        taskDefinition: reuse ?? (0,model/* ref */.KR)(model/* REFS */.tr.taskDefinitionArn),
        target: (0,weights/* weightsFor */.NK)(step.canaryWeight),
    };
    plan.changes.push(...register, ...p.planRelease(state.traffic, release));
    plan.warnings.push(...rendered.warnings);
    plan.known.taskDefinitionArn = reuse;
    return plan;
}

// EXTERNAL MODULE: ./src/plan/service.ts
var plan_service = __webpack_require__(5472);
// EXTERNAL MODULE: ./src/plan/types.ts
var types = __webpack_require__(9898);
;// CONCATENATED MODULE: ./src/plan/index.ts








function snapshot(service, name, role) {
    return {
        name,
        role,
        taskDefinition: service?.taskDefinition,
        running: service?.runningCount ?? 0,
        desired: service?.desiredCount ?? 0,
    };
}
function basePlan(settings, step, state, provider) {
    return {
        operation: state.operation,
        provider,
        changes: [],
        weights: { before: state.traffic.weights, after: (0,weights/* weightsFor */.NK)(step.canaryWeight) },
        warnings: [],
        known: { canaryEndpointArn: state.traffic.canaryEndpointArn, routeArn: state.traffic.routeId },
        services: snapshots(settings, state),
    };
}
/** The services as read: stable (when read), and the canary service when the shape has one. */
function snapshots(settings, state) {
    if (isRevisionState(state))
        return [snapshot(state.service, settings.stable.service, 'stable')];
    const stable = 'stableService' in state ? [snapshot(state.stableService, settings.stable.service, 'stable')] : [];
    if (!settings.canary.service)
        return stable;
    return [...stable, snapshot(state.canaryService, settings.canary.service, 'canary')];
}
/** The plan of one step; the state must have been read for the step's operation. */
function buildPlan(settings, step, state, provider) {
    if (state.operation !== step.operation) {
        throw new Error(`The state was read for ${state.operation}, not for the step's ${step.operation}`);
    }
    if (state.operation === 'deploy' && settings.progressive)
        return planStepsDeploy(settings, step, state, provider);
    return planStep(settings, step, state, provider);
}
/** The shape decides which ECS changes are planned: a canary service beside stable, or a new revision of stable. */
function planStep(settings, step, state, provider) {
    const plan = basePlan(settings, step, state, provider.name);
    if (provider.shape === 'one-service') {
        if (state.operation !== 'deploy' && !isRevisionState(state))
            throw new Error('A one-service plan needs its state');
        return planOneService(settings, step, state, provider.planner, plan);
    }
    if (isRevisionState(state))
        throw new Error('A two-services plan cannot use a one-service state');
    switch (state.operation) {
        case 'deploy':
            return planDeploy(settings, step, state, provider.planner, plan);
        case 'promote':
            return planPromote(settings, step, state, provider.planner, plan);
        case 'shift':
            return planShift(settings, step, state, provider.planner, plan);
        case 'rollback':
            return planRollback(settings, state, provider.planner, plan);
        case 'advance':
            throw new Error('advance is decided step by step (plan/steps.ts), then planned as a shift, promote or rollback');
    }
}
/** The plan of a run that changes nothing (an advance that waits or holds): the weights stay as they are. */
function unchangedPlan(operation, provider, traffic) {
    const weights = traffic.weights ?? { stable: 100, canary: 0 };
    return {
        operation,
        provider,
        changes: [],
        weights: { before: weights, after: weights },
        warnings: [],
        known: { routeArn: traffic.routeId, canaryEndpointArn: traffic.canaryEndpointArn },
        services: [],
    };
}
/** Whether changes alter an ECS service (a new version or count), rather than only wait for or check it. */
function changesService(changes) {
    return changes.some((c) => c.resource.type === 'ECS service' && c.action !== 'wait' && c.action !== 'check');
}
/**
 * A deploy with steps starts at the first step, unless the canary already runs this version at a later step (a
 * rerun after a cancelled or failed walk): then it stays there, and the walk goes on from that step.
 */
function planStepsDeploy(settings, step, state, provider) {
    const first = planStep(settings, step, state, provider);
    const current = state.traffic.weights?.canary ?? 0;
    const steps = settings.progressive.steps;
    const at = [...steps].reverse().find((s) => s <= current);
    const sameVersion = !changesService(first.changes);
    if (!sameVersion || at === undefined || at === step.canaryWeight)
        return first;
    return planStep(settings, { ...step, canaryWeight: at }, state, provider);
}
const DRAINED_WHY = 'the canary service started a new rollout, so its weight stays at 0; shift it back once it is healthy';
function planDeploy(settings, step, state, p, plan) {
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
    const reuse = state.latestCanary && (0,taskDefinition/* sameTaskDefinition */.JL)(rendered.definition, state.latestCanary) ? state.latestCanary : undefined;
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
    const dark = isDarkLaunch(settings, step, state.traffic);
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
    const base = (0,taskDefinition/* renderBase */.c1)(state.base, {
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
    const keepOnceProduced = { ref: model/* REFS */.tr.deployment(canary), why: DRAINED_WHY };
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
function isDarkLaunch(settings, step, traffic) {
    return settings.preview !== undefined && step.canaryWeight === 0 && (traffic.weights?.canary ?? 0) === 0;
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
function requireWalkRevision(settings, step, service) {
    const walked = step.revision;
    if (!walked || service?.taskDefinition === walked)
        return;
    throw new errors/* PlanError */.W6(`Canary service ${settings.canary.service} now runs ${(0,taskDefinition/* shortTaskDefinition */.P5)(service?.taskDefinition)}, not ${(0,taskDefinition/* shortTaskDefinition */.P5)(walked)} that this walk deployed and baked: another deploy replaced it, so the walk stops here with the weights as they are`, 'canary-service');
}
function planShift(settings, step, state, p, plan) {
    const target = plan.weights.after;
    if (target.canary > 0) {
        requireHealthyCanary(settings, state.canaryService, `send ${target.canary}% of traffic to the canary`);
        requireWalkRevision(settings, step, state.canaryService);
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
            kind: types/* ECS_KINDS */.k.delete,
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
function planPromote(settings, step, state, p, plan) {
    const { stableService } = state;
    requireWalkRevision(settings, step, state.canaryService);
    const controller = stableService.deploymentController?.type;
    if (controller && controller !== 'ECS') {
        throw new errors/* PlanError */.W6(`Service ${settings.stable.service} is deployed by ${controller}, not by ECS; promote can only update services with the ECS deployment controller`, 'stable-service');
    }
    const base = (0,taskDefinition/* renderBase */.c1)(state.canaryTaskDefinition, {
        family: (0,taskDefinition/* familyOf */.Ap)(stableService.taskDefinition),
        source: 'canary-service',
    });
    const rendered = p.renderWorkload(base, 'stable', state.traffic);
    const reuse = state.latestStable && (0,taskDefinition/* sameTaskDefinition */.JL)(rendered.definition, state.latestStable) ? state.latestStable : undefined;
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

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/aws/poll.ts
var poll = __webpack_require__(5672);
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
            await opts.sleep((0,poll/* pollDelayMs */.p)(now() - start));
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
        await opts.sleep(Math.min((0,poll/* pollDelayMs */.p)(now() - start), Math.max(0, opts.timeoutMs - (now() - start))));
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
    const theirs = (0,taskDefinition/* shortTaskDefinition */.P5)(current.taskDefinition);
    throw new ServiceChangedError(`The task definition of ECS service ${name} changed under this run: while it waited for its deployment of ` +
        `${(0,taskDefinition/* shortTaskDefinition */.P5)(opts.taskDefinition)}, another deployment (${current.id}) replaced it and the service ` +
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
        if ((0,poll/* isRetryable */.r)(err))
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

;// CONCATENATED MODULE: ./src/state.ts




/** Everything an operation's plan needs, read for that operation (a walk's steps read as shifts). */
async function readState(operation, settings, ecs, provider) {
    if (provider.shape === 'one-service' && operation !== 'deploy')
        return readRevisionState(operation, settings, ecs, provider);
    switch (operation) {
        case 'deploy':
            return readDeployState(settings, ecs, provider);
        case 'promote':
            return readPromoteState(settings, ecs, provider);
        case 'shift':
        case 'rollback':
        case 'advance':
            return readTrafficState(operation, settings, ecs, provider);
    }
}
/** The canary service and the split, read in parallel. */
async function readTrafficState(operation, settings, ecs, provider) {
    const services = describeServices(ecs, settings.cluster, [settings.stable.service, settings.canary.service]);
    const [read, traffic] = await Promise.all([services, provider.read(operation, { services })]);
    return { operation, canaryService: read.get(settings.canary.service), traffic };
}
/** The stable service and its deployment, read in parallel. */
async function readRevisionState(operation, settings, ecs, provider) {
    const services = describeServices(ecs, settings.cluster, [settings.stable.service]);
    const [read, traffic] = await Promise.all([services, provider.read(operation, { services })]);
    const service = requireService(read, settings.stable.service, 'stable-service', settings.cluster);
    return { operation, shape: 'one-service', service, traffic };
}
/** The services a run reads: the stable one, and the canary beside it when the provider runs two. */
const servicesOf = (settings) => [settings.stable.service, settings.canary.service].filter(Boolean);
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
    const described = describeServices(ecs, settings.cluster, servicesOf(settings));
    const [services, traffic, latestFromFile] = await Promise.all([
        described,
        provider.read('deploy', { services: described }),
        fileFamily ? describeTaskDefinition(ecs, fileFamily) : undefined,
    ]);
    const stableService = requireService(services, settings.stable.service, 'stable-service', settings.cluster);
    const stableTaskDefinition = stableService.taskDefinition;
    const family = (0,taskDefinition/* familyOf */.Ap)(stableTaskDefinition);
    const canaryFamily = fileFamily ?? (provider.shape === 'one-service' ? family : `${family}-canary`);
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
        canaryService: settings.canary.service ? services.get(settings.canary.service) : undefined,
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
        describeTaskDefinition(ecs, (0,taskDefinition/* familyOf */.Ap)(stableService.taskDefinition)),
    ]);
    if (!canaryTaskDefinition) {
        const why = `Task definition ${canaryService.taskDefinition} of service ${settings.canary.service} cannot be described`;
        throw new errors/* PlanError */.W6(why, 'canary-service');
    }
    return { operation: 'promote', stableService, canaryService, canaryTaskDefinition, latestStable, traffic };
}

// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/executor.ts
var executor = __webpack_require__(8282);
;// CONCATENATED MODULE: ./src/aws/ecsExecutors.ts
// Executors of the ECS change kinds: each sends the request its change holds (refs already resolved) and reports
// what it produced, what it left behind and the service as ECS answered.








function ecsExecutors_snapshot(service) {
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
    return { service: ecsExecutors_snapshot(service), produces: runs ? { [model/* REFS */.tr.taskDefinitionArn]: runs } : undefined };
}
function deployed(service) {
    const deployment = (0,plan_ecs/* primaryDeployment */.sg)(service);
    return {
        service: ecsExecutors_snapshot(service),
        produces: deployment?.id ? { [model/* REFS */.tr.deployment(service.serviceName)]: deployment.id } : undefined,
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
    const now = service ? `it now runs ${(0,taskDefinition/* shortTaskDefinition */.P5)(service.taskDefinition)}` : 'it no longer exists';
    throw new errors/* ConcurrentModificationError */._b(`ECS service ${input.service} changed since this run read it: ${now}, not ${(0,taskDefinition/* shortTaskDefinition */.P5)(expected)}. ` +
        `Another run or person is deploying it; nothing was written to it, so their change stands.`, { observed: service && observed(service) });
}
/** The service still runs `taskDefinition` × `desiredCount` with its rollout COMPLETED, or another writer changed it. */
async function checkService(ecs, r) {
    const service = (await describeServices(ecs, r.cluster, [r.service])).get(r.service);
    const ours = (0,taskDefinition/* shortTaskDefinition */.P5)(r.taskDefinition);
    if (service?.taskDefinition === r.taskDefinition &&
        service.desiredCount === r.desiredCount &&
        (0,plan_ecs/* rolloutComplete */.Z8)(service))
        return { detail: `${ours} × ${r.desiredCount}, rollout COMPLETED`, service: ecsExecutors_snapshot(service) };
    const now = service
        ? `it now deploys ${(0,taskDefinition/* shortTaskDefinition */.P5)(service.taskDefinition)} × ${service.desiredCount}, rollout ${(0,plan_ecs/* primaryDeployment */.sg)(service)?.rolloutState ?? 'IN_PROGRESS'}`
        : 'it no longer exists';
    throw new errors/* ConcurrentModificationError */._b(`ECS service ${r.service} changed after this run's rollout of ${ours} completed: ${now}. Another run or person ` +
        'is deploying it; this run gives it no traffic and stops here.', { observed: service && observed(service) });
}
function ecsExecutors(ecs) {
    return {
        [types/* ECS_KINDS */.k.register]: (0,executor/* executor */.k)(async (definition) => {
            core/* debug */.Yz(`RegisterTaskDefinition ${JSON.stringify((0,taskDefinition/* redactTaskDefinition */.S6)(definition))}`);
            const { taskDefinitionArn: arn } = await registerTaskDefinition(ecs, definition);
            return {
                detail: arn,
                produces: { [model/* REFS */.tr.taskDefinitionArn]: arn },
                leftBehind: `task definition ${arn} (aws ecs deregister-task-definition --task-definition ${arn})`,
            };
        }),
        [types/* ECS_KINDS */.k.create]: (0,executor/* executor */.k)(async (input) => {
            const created = await createService(ecs, input);
            const remove = `aws ecs delete-service --cluster ${input.cluster} --service ${input.serviceName} --force`;
            return {
                ...deployed(created),
                detail: created.serviceArn,
                leftBehind: `ECS service ${input.serviceName} (${remove})`,
            };
        }),
        [types/* ECS_KINDS */.k.update]: (0,executor/* executor */.k)(async ({ ifTaskDefinition, ...input }) => {
            if (ifTaskDefinition)
                await checkUnchanged(ecs, input, ifTaskDefinition);
            const updated = await updateService(ecs, input);
            const deployment = (0,plan_ecs/* primaryDeployment */.sg)(updated);
            const detail = input.taskDefinition
                ? `deployment ${deployment?.id} of ${(0,taskDefinition/* shortTaskDefinition */.P5)(deployment?.taskDefinition)}`
                : `desired count ${updated.desiredCount}`;
            return { ...deployed(updated), detail };
        }),
        [types/* ECS_KINDS */.k.delete]: (0,executor/* executor */.k)(async (input) => {
            await deleteService(ecs, input);
            return { detail: `deleted ${input.service}`, service: { name: input.service, running: 0, desired: 0 } };
        }),
        [types/* ECS_KINDS */.k.check]: (0,executor/* executor */.k)((request) => checkService(ecs, request)),
        [types/* ECS_KINDS */.k.wait]: (0,executor/* executor */.k)(async (request, ctx) => {
            const timeoutMs = request.timeoutMinutes * 60_000;
            try {
                const done = await waitForRollout(ecs, { ...request, timeoutMs, sleep: ctx.sleep });
                return { service: ecsExecutors_snapshot(done) };
            }
            catch (err) {
                if (!(err instanceof ServiceChangedError))
                    throw err;
                throw new errors/* ConcurrentModificationError */._b(err.message, { ...err.details, observed: observed(err.service) });
            }
        }),
    };
}

// EXTERNAL MODULE: ./src/inputs.ts + 2 modules
var inputs = __webpack_require__(3449);
// EXTERNAL MODULE: ./src/traffic/registry.ts + 8 modules
var registry = __webpack_require__(5477);
;// CONCATENATED MODULE: ./src/run/context.ts
// What every phase of one run shares: the clients, the chosen provider (loaded through the registry, with its SDK
// client, only now), the executors, the clock and the cancel signal; and the log groups phases write into.






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
/** The chosen provider, its module and SDK client loaded only now. */
async function loadProvider(settings, config, options) {
    const entry = (0,registry/* findProvider */.lh)(settings.traffic.provider, options.registry ?? registry/* PROVIDERS */.xq);
    const create = await entry.load();
    return create(settings.traffic, (0,inputs/* providerContext */.Po)(settings), config);
}
async function prepare(settings, options, signal) {
    const config = (0,clients/* clientConfig */.yO)();
    const ecs = (0,clients/* createEcsClient */.DJ)(config);
    const provider = await loadProvider(settings, config, options);
    const alarms = settings.alarms.length
        ? new (await Promise.all(/* import() */[__webpack_require__.e(85), __webpack_require__.e(929)]).then(__webpack_require__.bind(__webpack_require__, 5929))).Alarms(config, settings.alarms)
        : undefined;
    const executors = { ...ecsExecutors(ecs), ...provider.executors };
    const sleep = options.sleep ?? abortableSleep(signal);
    return { settings, region: config.region, ecs, provider, executors, sleep, signal, alarms, options };
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
/** Phases have their own log groups (groups do not nest on GitHub): a line says which phase follows. */
async function announced(title, fn) {
    core/* info */.pq(`▶ ${title}`);
    return fn();
}

// EXTERNAL MODULE: ./src/render.ts
var render = __webpack_require__(7055);
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
    if ((0,model/* isRef */.i9)(value)) {
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

// EXTERNAL MODULE: ./src/report/outputs.ts + 1 modules
var outputs = __webpack_require__(5956);
// EXTERNAL MODULE: ./src/run/record.ts
var run_record = __webpack_require__(1624);
;// CONCATENATED MODULE: ./src/run/phase.ts
// One phase of a run: read state → plan → apply → record. A deploy, each step of a walk, an advance's move, a
// rollback after an alarm: each is one phase with its own Step. A failed apply is recorded, not thrown; reading and
// planning throw (and the run reports that it stopped before any change).











function logPlan(plan) {
    for (const w of plan.warnings)
        core/* warning */.$e((0,render/* oneLine */.TN)(w));
    if (plan.changes.length === 0)
        core/* info */.pq('Nothing to change.');
    for (const c of plan.changes)
        core/* info */.pq((0,render/* oneLine */.TN)((0,render/* changeLine */.vK)(c)));
    return plan;
}
/** Reads the state for an operation (and, before a deploy, the alarms: they must exist and none may fire). */
async function readPhase(run, operation) {
    return group(`Read state (${operation}, ${run.provider.name})`, async () => {
        const gate = operation === 'deploy' && run.alarms ? run.alarms.read() : undefined;
        const [state, alarms] = await Promise.all([readState(operation, run.settings, run.ecs, run.provider), gate]);
        const firing = alarms && firingAlarm(alarms, run.settings.insufficientData);
        if (firing) {
            const why = `CloudWatch alarm ${firing.name} is ${firing.state} (${firing.reason ?? 'no reason given'}): not deploying a canary now`;
            throw new errors/* PlanError */.W6(why, 'alarms');
        }
        return state;
    });
}
/** The record of a phase whose plan is known (a dry run's, or one that changes nothing), before apply. */
function recordOf(run, plan) {
    const { settings, region, provider } = run;
    return { settings, plan, journal: [], dryRun: settings.dryRun, region, view: provider.view(region) };
}
/** One read → plan → apply for a step; `known` is a state this run already read for it. */
async function phase(run, step, known) {
    const state = known ?? (await readPhase(run, step.operation));
    const plan = await group('Plan', () => logPlan(buildPlan(run.settings, step, state, run.provider)));
    const record = recordOf(run, plan);
    if (run.settings.dryRun) {
        core/* info */.pq(`Dry run: no change made. Plan: ${(0,outputs/* planJson */.iY)(plan)}`);
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
    const record = { ...(0,run_record/* mergeRecords */.PI)(records), progress };
    await group('Report', () => (0,outputs/* report */.z8)(record));
    if (progress?.error)
        throw new Error(progress.error);
    if (record.failure)
        throw new Error((0,render/* failureLines */.w7)(record.failure).join('\n'));
}
/** A run that stops while reading or planning, before any change, says so in the summary. */
async function stopped(settings, fn) {
    try {
        return await fn();
    }
    catch (err) {
        await group('Report', () => (0,outputs/* reportStopped */.OS)(settings, (0,errors/* errorMessage */.gJ)(err)));
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/run/walk.ts
// A deploy with `steps` walks them inside one job: bake each step under the alarms, then take the next, and promote
// at the end when asked. Any alarm in ALARM rolls the canary back at once: weights to 100/0 first, then the canary
// scaled to 0. Each step is a phase of its own, pinned to the revision the walk's deploy rolled out.








/** The canary revision the walk's deploy rolled out (registered or reused), which later steps must still find. */
function walked(first) {
    const produced = first.journal.map((e) => e.outcome.produces?.[model/* REFS */.tr.taskDefinitionArn]).filter(Boolean);
    return String(produced.at(-1) ?? first.plan.known.taskDefinitionArn ?? '') || undefined;
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
        const firing = firingAlarm(alarms, run.settings.insufficientData);
        if (firing)
            return firing;
        const left = total - entry.bakedMs;
        const seconds = (ms) => `${Math.round(ms / 1000)} s`;
        core/* info */.pq(`Step ${entry.step} (${entry.weight} %): baked ${seconds(entry.bakedMs)} of ${seconds(total)}; alarms: ${describeAlarms(alarms)}`);
        if (left <= 0)
            return undefined;
        await run.sleep(Math.min(alarmPollMs(stepMinutes), left));
    }
}
/** Weights to 100/0 first, then the canary to 0 tasks; the error names the alarm, its reason, the weight and step. */
async function rollBack(run, records, progress, alarm, entry, state) {
    progress.rollback = { alarm, step: entry.step, weight: entry.weight };
    progress.error = `CloudWatch alarm ${alarm.name} is ${alarm.state} (${alarm.reason ?? 'no reason given'}) at step ${entry.step} (${entry.weight} %): the canary was rolled back`;
    core/* info */.pq((0,render/* oneLine */.TN)(progress.error.replace(/was rolled back$/, 'is being rolled back')));
    const known = state && { ...state, operation: 'rollback' };
    records.push(await announced('Roll back', () => phase(run, { operation: 'rollback', canaryWeight: 0 }, known)));
}
/** Deploy with steps: the deploy (first step) has run; bake each step, then move on, under the alarms. */
async function walk(run, first) {
    const revision = walked(first);
    const p = run.settings.progressive;
    const sameVersion = !changesService(first.plan.changes);
    const steps = remainingSteps(p.steps, first.plan.weights.before?.canary ?? 0, sameVersion);
    const progress = { steps: p.steps, timeline: [], outcome: 'walked' };
    const records = [first];
    try {
        for (const [i, weight] of steps.entries()) {
            const entry = { step: p.steps.indexOf(weight) + 1, weight, startedAt: new Date(), alarms: [] };
            const step = { operation: 'shift', canaryWeight: weight, revision };
            if (i > 0)
                records.push(await announced(`Step ${entry.step}: ${weight} %`, () => phase(run, step)));
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
            const promote = { operation: 'promote', canaryWeight: 0, revision };
            records.push(await announced('Promote', () => phase(run, promote)));
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

;// CONCATENATED MODULE: ./src/run/advance.ts
// One step of a scheduled walk (`advance`): decide from what AWS says — the weight and when it last changed, and the
// alarms — then roll back on an alarm, or move one step once the current one has baked, or change nothing.






async function advance(run) {
    const { settings } = run;
    const p = settings.progressive;
    const [state, alarms] = await stopped(settings, () => group(`Read state (advance, ${run.provider.name})`, () => Promise.all([
        readTrafficState('advance', settings, run.ecs, run.provider),
        run.alarms?.read() ?? Promise.resolve([]),
    ])));
    const weight = state.traffic.weights?.canary ?? 0;
    const decision = decide(p, {
        weight,
        changedAt: state.traffic.changedAt,
        now: new Date(),
        alarms,
        insufficientData: settings.insufficientData,
    });
    const progress = { steps: p.steps, timeline: [], outcome: 'waiting', decision };
    const unchanged = () => recordOf(run, unchangedPlan('advance', run.provider.name, state.traffic));
    switch (decision.kind) {
        case 'wait':
        case 'hold':
            progress.outcome = decision.kind === 'wait' ? 'waiting' : 'held';
            return finish([unchanged()], progress);
        case 'blocked':
            progress.outcome = 'held';
            progress.error = `CloudWatch alarm ${decision.alarm.name} is ${decision.alarm.state} (${decision.alarm.reason ?? 'no reason given'}): not advancing`;
            return finish([unchanged()], progress);
        case 'rollback': {
            const records = [];
            await rollBack(run, records, progress, decision.alarm, decision, state);
            progress.outcome = 'rolled back';
            return finish(records, progress);
        }
        case 'shift': {
            progress.outcome = 'advanced';
            const step = { operation: 'shift', canaryWeight: decision.weight };
            return finish([await stopped(settings, () => phase(run, step, { ...state, operation: 'shift' }))], progress);
        }
        case 'promote':
            progress.outcome = 'promoted';
            return finish([await stopped(settings, () => phase(run, { operation: 'promote', canaryWeight: 0 }))], progress);
    }
}

;// CONCATENATED MODULE: ./src/run/index.ts




async function execute(settings, options = {}) {
    const cancel = onCancel();
    try {
        const run = await prepare(settings, options, cancel.signal);
        if (settings.operation === 'advance')
            return await advance(run);
        const step = { operation: settings.operation, canaryWeight: settings.canaryWeight };
        const first = await stopped(settings, () => phase(run, step));
        if (first.failure || settings.dryRun || !settings.progressive)
            return await finish([first]);
        await walk(run, first);
    }
    finally {
        cancel.dispose();
    }
}


/***/ })

};
