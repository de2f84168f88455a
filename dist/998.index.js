export const id = 998;
export const ids = [998];
export const modules = {

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

/***/ 9998:
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
var ecs = __webpack_require__(4570);
;// CONCATENATED MODULE: ./src/plan/standing.ts
/** Rollback's and promote's moves of traffic off the canary are never undone: a failure after them leaves them. */
function standing(changes) {
    const why = 'traffic taken off the canary stays off; a rerun finishes what failed';
    return changes.map((c) => (c.moves === 'traffic' ? { ...c, stands: why } : c));
}

// EXTERNAL MODULE: ./src/plan/taskDefinition.ts
var taskDefinition = __webpack_require__(6379);
// EXTERNAL MODULE: ./src/plan/weights.ts
var plan_weights = __webpack_require__(5538);
;// CONCATENATED MODULE: ./src/plan/oneService.ts





/** Whether a state was read for a one-service provider's shift, promote, rollback or advance. */
const isRevisionState = (state) => 'shape' in state && state.shape === 'one-service';
function planOneService(settings, step, state, p, plan) {
    switch (state.operation) {
        case 'deploy':
            return planRelease(settings, step, state, p, plan);
        case 'shift':
            plan.changes.push(...p.planWeights(state.traffic, plan.weights.after, { revision: step.revision }).changes);
            return plan;
        case 'rollback':
            plan.changes.push(...standing(p.planWeights(state.traffic, (0,plan_weights/* weightsFor */.NK)(0)).changes));
            return plan;
        case 'promote':
            plan.changes.push(...standing(p.planPromote(state.traffic)));
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
    const register = reuse ? [] : [(0,ecs/* registerChange */._w)(rendered.definition)];
    const release = {
        cluster: settings.cluster,
        service: state.stableService,
        taskDefinition: reuse ?? (0,model/* ref */.KR)(model/* REFS */.tr.taskDefinitionArn),
        target: (0,plan_weights/* weightsFor */.NK)(step.canaryWeight),
        alarms: settings.alarms,
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
        weights: { before: state.traffic.inEffect ?? state.traffic.weights, after: (0,plan_weights/* weightsFor */.NK)(step.canaryWeight) },
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
    const weights = traffic.inEffect ?? traffic.weights ?? { stable: 100, canary: 0 };
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
        dark: isDarkLaunch(settings, step, traffic),
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
    const rollout = (0,ecs/* planRollout */.ne)({
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
    const { dark } = facts;
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
    plan.changes.push(...(0,ecs/* checkBeforeTraffic */.n9)(changes, settings.cluster, canary));
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
    const drained = p.planWeights(traffic, (0,plan_weights/* weightsFor */.NK)(0));
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
    const deployment = (0,ecs/* primaryDeployment */.sg)(service);
    if (service && deployment && (0,ecs/* rolloutComplete */.Z8)(service) && (deployment.runningCount ?? 0) > 0)
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
    plan.known.taskDefinitionArn = state.canaryService?.taskDefinition;
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
    plan.known.taskDefinitionArn = state.canaryService?.taskDefinition;
    plan.changes.push(...standing(p.planPreview(state.traffic, undefined, { canaryTasks: 0, dark: false })));
    const weights = routed ? p.planWeights(state.traffic, plan.weights.after) : { changes: [], next: state.traffic };
    if (!routed)
        plan.warnings.push('The route or rule that splits traffic does not exist: no traffic to move back');
    plan.changes.push(...standing(weights.changes));
    if (settings.deleteCanary)
        deleteCanary(settings, state.canaryService, p.planCleanup(weights.next), plan);
    else
        plan.changes.push(...(0,ecs/* scaleToZero */.G5)(settings.cluster, state.canaryService, 'the service and its endpoint'));
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
        plan.changes.push(...(0,ecs/* scaleToZero */.G5)(settings.cluster, service, 'the service'));
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
    const promoted = reuse !== undefined && stableService.taskDefinition === reuse.taskDefinitionArn && (0,ecs/* rolloutComplete */.Z8)(stableService);
    if (!promoted)
        requireHealthyCanary(settings, state.canaryService, 'promote');
    if ((state.canaryService.desiredCount ?? 0) > 0)
        requireUnrouted(settings, state.traffic);
    const rollout = (0,ecs/* planRollout */.ne)({
        cluster: settings.cluster,
        serviceName: settings.stable.service,
        definition: reuse ? undefined : rendered.definition,
        reusedArn: reuse?.taskDefinitionArn,
        service: stableService,
        desiredCount: stableService.desiredCount ?? 1,
        wait: settings.waitForServiceStability,
        waitForMinutes: settings.waitForMinutes,
    });
    // Traffic moves onto stable's targets once they are healthy, also when an earlier run already rolled stable out.
    const moves = rollout.serviceChanges || !(0,plan_weights/* sameWeights */.ML)(state.traffic.weights, plan.weights.after);
    const stableTasks = moves ? (stableService.desiredCount ?? 1) : undefined;
    const weights = p.planWeights(state.traffic, plan.weights.after, { stableTasks }).changes;
    plan.changes.push(...rollout.changes, ...standing(weights));
    plan.changes.push(...standing(p.planPreview(state.traffic, undefined, { canaryTasks: 0, dark: false })));
    plan.changes.push(...(0,ecs/* scaleToZero */.G5)(settings.cluster, state.canaryService, 'the service and its endpoint'));
    plan.warnings.push(...rendered.warnings);
    plan.known.taskDefinitionArn = reuse?.taskDefinitionArn;
    return plan;
}

// EXTERNAL MODULE: ./src/aws/ecsServices.ts
var ecsServices = __webpack_require__(5808);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
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
/** What advance reads: the canary service and the split, or (one service) the service and its deployment. */
async function readAdvanceState(settings, ecs, provider) {
    return provider.shape === 'one-service'
        ? readRevisionState('advance', settings, ecs, provider)
        : readTrafficState('advance', settings, ecs, provider);
}
/** The canary service and the split, read in parallel. */
async function readTrafficState(operation, settings, ecs, provider) {
    const services = (0,ecsServices/* describeServices */.Ge)(ecs, settings.cluster, [settings.stable.service, settings.canary.service]);
    const [read, traffic] = await Promise.all([services, provider.read(operation, { services })]);
    return { operation, canaryService: read.get(settings.canary.service), traffic };
}
/** The stable service and its deployment, read in parallel. */
async function readRevisionState(operation, settings, ecs, provider) {
    const services = (0,ecsServices/* describeServices */.Ge)(ecs, settings.cluster, [settings.stable.service]);
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
    // Both services in one call, and beside it the provider's state; the task definitions follow the services alone.
    const described = (0,ecsServices/* describeServices */.Ge)(ecs, settings.cluster, servicesOf(settings));
    // A task-definition file names the canary's family: its latest revision is read at once.
    const family = settings.taskDefinitionFile?.document.family;
    const latestOfFile = family ? describeTaskDefinition(ecs, family) : undefined;
    // Awaited only once the services are read: when that read fails first, this one's failure is not the run's.
    latestOfFile?.catch(() => undefined);
    const [definitions, traffic] = await Promise.allSettled([
        described.then((services) => readDefinitions(settings, ecs, provider, services, latestOfFile)),
        provider.read('deploy', { services: described }),
    ]);
    // When both fail, the provider's error (its inputs were read first) is the one reported, as before.
    if (traffic.status === 'rejected')
        throw traffic.reason;
    if (definitions.status === 'rejected')
        throw definitions.reason;
    return { operation: 'deploy', ...definitions.value, traffic: traffic.value };
}
/** The stable service's task definition (or the file's), and the latest revision of the canary's family. */
async function readDefinitions(settings, ecs, provider, services, latestOfFile) {
    const file = settings.taskDefinitionFile?.document;
    const fileFamily = file?.family;
    const stableService = requireService(services, settings.stable.service, 'stable-service', settings.cluster);
    const stableTaskDefinition = stableService.taskDefinition;
    const family = (0,taskDefinition/* familyOf */.Ap)(stableTaskDefinition);
    const canaryFamily = fileFamily ?? (provider.shape === 'one-service' ? family : `${family}-canary`);
    const [base, latestCanary] = await Promise.all([
        file ?? describeTaskDefinition(ecs, stableTaskDefinition),
        latestOfFile ?? describeTaskDefinition(ecs, canaryFamily),
    ]);
    if (!base) {
        const why = `Task definition ${stableTaskDefinition} of service ${settings.stable.service} cannot be described`;
        throw new errors/* PlanError */.W6(why, 'stable-service');
    }
    return {
        stableService,
        canaryService: settings.canary.service ? services.get(settings.canary.service) : undefined,
        base,
        baseSource: file ? 'task-definition' : 'stable-service',
        canaryFamily,
        latestCanary,
    };
}
async function readPromoteState(settings, ecs, provider) {
    const described = (0,ecsServices/* describeServices */.Ge)(ecs, settings.cluster, [settings.stable.service, settings.canary.service]);
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

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/executor.ts
var executor = __webpack_require__(8282);
// EXTERNAL MODULE: ./src/aws/poll.ts
var poll = __webpack_require__(5672);
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
    const deployment = (0,ecsServices/* primaryDeployment */.sg)(service);
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
    const service = (await (0,ecsServices/* describeServices */.Ge)(ecs, input.cluster, [input.service])).get(input.service);
    if (service?.taskDefinition === expected)
        return;
    const now = service ? `it now runs ${(0,taskDefinition/* shortTaskDefinition */.P5)(service.taskDefinition)}` : 'it no longer exists';
    throw new errors/* ConcurrentModificationError */._b(`ECS service ${input.service} changed since this run read it: ${now}, not ${(0,taskDefinition/* shortTaskDefinition */.P5)(expected)}. ` +
        `Another run or person is deploying it; nothing was written to it, so their change stands.`, { observed: service && observed(service) });
}
function write(service) {
    const id = (0,ecsServices/* primaryDeployment */.sg)(service)?.id;
    if (!id)
        return undefined;
    return { deploymentId: id, prior: (service.deployments ?? []).flatMap((d) => (d.id && d.id !== id ? [d.id] : [])) };
}
/**
 * The service still runs `taskDefinition` × `desiredCount` with its rollout COMPLETED, or another writer changed it.
 * After a write of this run (`written`), a read that differs but may predate what this run saw (ECS is eventually
 * consistent) is read again for up to CONSISTENCY_WINDOW_MS before it is believed.
 */
async function checkService(ecs, r, ctx, written) {
    const ours = (0,taskDefinition/* shortTaskDefinition */.P5)(r.taskDefinition);
    let waited = 0;
    for (;;) {
        const service = (await (0,ecsServices/* describeServices */.Ge)(ecs, r.cluster, [r.service])).get(r.service);
        if (service?.taskDefinition === r.taskDefinition &&
            service.desiredCount === r.desiredCount &&
            (0,ecsServices/* rolloutComplete */.Z8)(service))
            return { detail: `${ours} × ${r.desiredCount}, rollout COMPLETED`, service: ecsExecutors_snapshot(service) };
        const now = service
            ? `it now deploys ${(0,taskDefinition/* shortTaskDefinition */.P5)(service.taskDefinition)} × ${service.desiredCount}, rollout ${(0,ecsServices/* primaryDeployment */.sg)(service)?.rolloutState ?? 'IN_PROGRESS'}`
            : 'it no longer exists';
        if (written && waited < poll/* CONSISTENCY_WINDOW_MS */.$x && mayLag(service, written)) {
            core/* info */.pq(`${r.service}: ${now}, which may be a read older than this run's deployment; reading again`);
            const delay = (0,poll/* pollDelayMs */.pP)(waited);
            await ctx.sleep(delay);
            waited += delay;
            continue;
        }
        throw new errors/* ConcurrentModificationError */._b(`ECS service ${r.service} changed after this run's rollout of ${ours} completed: ${now}. Another run or person ` +
            'is deploying it; this run gives it no traffic and stops here.', { observed: service && observed(service) });
    }
}
/**
 * Whether a read may be older than the state this run's wait saw: the service MISSING, this run's deployment still
 * PRIMARY (its rollout or count not caught up), or absent while the primary is one from before the write. This run's
 * deployment no longer PRIMARY, or a primary that came after the write, shows another writer (or a rollback).
 */
function mayLag(service, written) {
    if (!service)
        return true;
    const ours = service.deployments?.find((d) => d.id === written.deploymentId);
    if (ours)
        return ours.status === 'PRIMARY';
    const primary = (0,ecsServices/* primaryDeployment */.sg)(service);
    return !primary?.id || written.prior.includes(primary.id);
}
function ecsExecutors(ecs) {
    /** This run's writes by service name, for the reads right after them (the wait, the check before traffic). */
    const writes = new Map();
    const remember = (name, service) => {
        const w = write(service);
        if (w)
            writes.set(name, w);
        else
            writes.delete(name);
    };
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
            const created = await (0,ecsServices/* createService */.sR)(ecs, input);
            remember(input.serviceName, created);
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
            const updated = await (0,ecsServices/* updateService */.bU)(ecs, input);
            remember(input.service, updated);
            const deployment = (0,ecsServices/* primaryDeployment */.sg)(updated);
            const detail = input.taskDefinition
                ? `deployment ${deployment?.id} of ${(0,taskDefinition/* shortTaskDefinition */.P5)(deployment?.taskDefinition)}`
                : `desired count ${updated.desiredCount}`;
            return { ...deployed(updated), detail };
        }),
        [types/* ECS_KINDS */.k.delete]: (0,executor/* executor */.k)(async (input) => {
            await (0,ecsServices/* deleteService */.hs)(ecs, input);
            writes.delete(input.service);
            return { detail: `deleted ${input.service}`, service: { name: input.service, running: 0, desired: 0 } };
        }),
        [types/* ECS_KINDS */.k.check]: (0,executor/* executor */.k)((request, ctx) => checkService(ecs, request, ctx, writes.get(request.service))),
        [types/* ECS_KINDS */.k.wait]: (0,executor/* executor */.k)(async (request, ctx) => {
            const timeoutMs = request.timeoutMinutes * 60_000;
            // A deployment this run's create or update produced (not one the plan read) may not show in reads yet.
            const written = writes.get(request.service);
            const priorDeployments = written?.deploymentId === request.deploymentId ? written.prior : undefined;
            try {
                const done = await (0,ecsServices/* waitForRollout */.gj)(ecs, { ...request, timeoutMs, priorDeployments, sleep: ctx.sleep });
                return { service: ecsExecutors_snapshot(done) };
            }
            catch (err) {
                if (!(err instanceof ecsServices/* ServiceChangedError */.eL))
                    throw err;
                throw new errors/* ConcurrentModificationError */._b(err.message, { ...err.details, observed: observed(err.service) });
            }
        }),
    };
}

// EXTERNAL MODULE: ./src/inputs.ts + 2 modules
var inputs = __webpack_require__(3449);
// EXTERNAL MODULE: ./src/traffic/registry.ts + 13 modules
var registry = __webpack_require__(2312);
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
    const [provider, alarms] = await Promise.all([
        loadProvider(settings, config, options),
        settings.alarms.length
            ? Promise.all(/* import() */[__webpack_require__.e(85), __webpack_require__.e(929)]).then(__webpack_require__.bind(__webpack_require__, 5929)).then((m) => new m.Alarms(config, settings.alarms))
            : undefined,
    ]);
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
            if (outcome.unconfirmed)
                throw new Error(outcome.unconfirmed);
            if (outcome.detail)
                core/* info */.pq((0,render/* oneLine */.TN)(`  ✓ ${outcome.detail}`));
        }
        catch (err) {
            const conflict = err instanceof errors/* ConcurrentModificationError */._b ? err : undefined;
            const report = await restoreTraffic(journal, opts, ctx, conflict);
            const cancelled = err instanceof errors/* CancelledError */.cc;
            const sent = journal.at(-1)?.change === change && journal.at(-1)?.outcome.unconfirmed !== undefined;
            throw new ApplyError(err, journal, {
                failed: change,
                reason: (0,errors/* errorMessage */.gJ)(err),
                cancelled,
                ...(sent ? { unconfirmed: true } : {}),
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
        const keep = change.stands
            ? change.stands
            : change.keepOnceProduced && change.keepOnceProduced.ref in ctx.produced
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
            report.undone.push(outcome);
            if (outcome.unconfirmed)
                return notRestored(report, plan.describe, outcome.unconfirmed);
            core/* info */.pq((0,render/* oneLine */.TN)(`↺ restored ${plan.describe}`));
            report.restored.push(plan.describe);
            return;
        }
        catch (err) {
            if (attempt >= RESTORE_ATTEMPTS)
                return notRestored(report, plan.describe, (0,errors/* errorMessage */.gJ)(err));
            await pause(1000 * attempt);
        }
    }
}
/**
 * An undo that failed (or was sent but not read back): a warning in the log, and a line of the run's one error and
 * its summary (COULD NOT RESTORE), so that a failed run still ends with a single error annotation.
 */
function notRestored(report, describe, why) {
    core/* warning */.$e((0,render/* oneLine */.TN)(`Could not restore ${describe}: ${why}`));
    report.notRestored.push(`${describe} (${why})`);
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
/** Errors whose run already wrote its report: the run fails with them, and nothing reports them again. */
const reported = new WeakSet();
/** The error, marked as reported. */
function reportedError(err) {
    if (typeof err === 'object' && err !== null)
        reported.add(err);
    return err;
}
const wasReported = (err) => typeof err === 'object' && err !== null && reported.has(err);
/** Reports a run's phases as one, and fails the run when a phase failed. */
async function finish(records, progress) {
    const record = { ...(0,run_record/* mergeRecords */.PI)(records), progress };
    await group('Report', () => (0,outputs/* report */.z8)(record));
    if (progress?.error)
        throw reportedError(new Error(progress.error));
    if (record.failure)
        throw reportedError(new Error((0,render/* failureLines */.w7)(record.failure).join('\n')));
}
/** A run that stops while reading or planning, before any change, says so in the summary. */
async function stopped(settings, fn) {
    try {
        return await fn();
    }
    catch (err) {
        if (!wasReported(err))
            await group('Report', () => (0,outputs/* reportStopped */.OS)(settings, (0,errors/* errorMessage */.gJ)(err)));
        throw reportedError(err);
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
        const alarms = run.alarms ? await readAlarms(run) : [];
        entry.alarms = alarms;
        entry.bakedMs = Date.now() - started;
        const unreadable = alarms.find((a) => a.unreadable);
        const firing = unreadable ?? firingAlarm(alarms, run.settings.insufficientData);
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
/**
 * The alarms, or — when CloudWatch cannot be read (the SDK's retries spent, credentials expired) — one gate that
 * never approves a step: a canary nothing can watch is rolled back, not left at its weight.
 */
async function readAlarms(run) {
    try {
        return await run.alarms.read();
    }
    catch (err) {
        if (err instanceof errors/* CancelledError */.cc)
            throw err;
        const name = run.settings.alarms.join(', ');
        const reason = `the alarms could not be read: ${(0,errors/* errorMessage */.gJ)(err)}`;
        return [{ name, type: 'metric', state: 'INSUFFICIENT_DATA', reason, unreadable: true }];
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
    const p = run.settings.progressive;
    const progress = { steps: p.steps, timeline: [], outcome: 'walked' };
    const records = [first];
    try {
        await walkSteps(run, records, progress);
    }
    catch (err) {
        const at = progress.timeline.at(-1)?.weight ?? 0;
        if (err instanceof errors/* CancelledError */.cc) {
            progress.outcome = 'cancelled';
            progress.error = `${(0,errors/* errorMessage */.gJ)(err)} during the bake at ${at} %; the alarms approved the weights in effect. Rerun the same deploy or run advance to go on`;
        }
        else {
            // A step that could not be read or planned: the report still says what the walk did and where it stands.
            progress.outcome = 'stopped';
            progress.error = `The walk stopped at ${at} %: ${(0,errors/* errorMessage */.gJ)(err)}`;
        }
    }
    await finish(records, progress);
}
/** The steps after the deploy's, each baked; a failed phase or an alarm ends the walk (recorded in `progress`). */
async function walkSteps(run, records, progress) {
    const first = records[0];
    const revision = walked(first);
    const p = run.settings.progressive;
    const sameVersion = !changesService(first.plan.changes);
    const steps = remainingSteps(p.steps, first.plan.weights.before?.canary ?? 0, sameVersion);
    for (const [i, weight] of steps.entries()) {
        const entry = { step: p.steps.indexOf(weight) + 1, weight, startedAt: new Date(), alarms: [] };
        const step = { operation: 'shift', canaryWeight: weight, revision };
        if (i > 0)
            records.push(await announced(`Step ${entry.step}: ${weight} %`, () => phase(run, step)));
        if (records.at(-1).failure)
            return;
        progress.timeline.push(entry);
        const firing = await bake(run, entry, p.stepMinutes);
        if (firing) {
            await rollBack(run, records, progress, firing, entry);
            progress.outcome = 'rolled back';
            return;
        }
    }
    if (p.autoPromote) {
        const promote = { operation: 'promote', canaryWeight: 0, revision };
        records.push(await announced('Promote', () => phase(run, promote)));
        progress.outcome = 'promoted';
    }
}

;// CONCATENATED MODULE: ./src/run/advance.ts
// One step of a scheduled walk (`advance`): decide from what AWS says — the weight and when it last changed, and the
// alarms — then roll back on an alarm, or move one step once the current one has baked, or change nothing.






async function advance(run) {
    const { settings } = run;
    const p = settings.progressive;
    const [state, alarms] = await stopped(settings, () => group(`Read state (advance, ${run.provider.name})`, () => Promise.all([readAdvanceState(settings, run.ecs, run.provider), run.alarms?.read() ?? Promise.resolve([])])));
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




/** Runs the operation; every way it ends, expected or not, writes a report (a summary, and outputs once planned). */
async function execute(settings, options = {}) {
    const cancel = onCancel();
    try {
        await stopped(settings, () => dispatch(settings, options, cancel.signal));
    }
    finally {
        cancel.dispose();
    }
}
async function dispatch(settings, options, signal) {
    const run = await prepare(settings, options, signal);
    if (settings.operation === 'advance')
        return await advance(run);
    const step = { operation: settings.operation, canaryWeight: settings.canaryWeight };
    const first = await stopped(settings, () => phase(run, step));
    if (first.failure || settings.dryRun || !settings.progressive)
        return await finish([first]);
    await walk(run, first);
}


/***/ })

};
