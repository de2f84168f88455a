export const id = 975;
export const ids = [975];
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


/***/ }),

/***/ 4880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ planGroupWeights)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _plan_weights_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5538);
// The weights of a forward action split between a stable and a canary target group (ALB, VPC Lattice): the canary
// group joins the forward at 0 before it gets weight; only weight about to move waits for healthy targets (the
// canary's, and after promote's rollout the stable group's); a forward that also names other groups is refused only
// when this run writes it.


function planGroupWeights(p, state, target, opts = {}) {
    if (!state.canary.arn && !opts.create && target.canary > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PlanError */ .W6(`Target group ${state.canary.name} does not exist; run deploy first`, 'canary-target-group');
    }
    const changes = [];
    let now = state;
    let listed = p.listed(state);
    if (!listed && opts.create && p.attachedByEndpoint(opts)) {
        // planEndpoint attached the group: the weights start from what that write leaves.
        now = p.attach(state).next;
        listed = true;
    }
    else if (!listed && (target.canary > 0 || opts.create)) {
        const attach = p.attach(state);
        changes.push(attach.change);
        now = attach.next;
        listed = true;
    }
    const writes = listed && !(0,_plan_weights_js__WEBPACK_IMPORTED_MODULE_1__/* .sameWeights */ .ML)(now.weights, target);
    if (writes && now.foreign)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PlanError */ .W6(now.foreign.why, now.foreign.input);
    if (opts.stableTasks)
        changes.push(p.waitHealthy(now.stable.arn, now.stable.name, opts.stableTasks));
    // Only weight about to move needs the canary healthy: a split already as wanted is left alone, with no read.
    if (target.canary > 0 && writes)
        changes.push(p.waitHealthy(p.canaryGroup(now), now.canary.name, opts.canaryTasks ?? 1));
    if (writes) {
        const set = p.setForward(now, target);
        changes.push(set.change);
        now = set.next;
    }
    return { changes, next: now };
}


/***/ }),

/***/ 6898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ waitTargetsHealthy)
/* harmony export */ });
/* unused harmony export describeTargets */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _aws_poll_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5672);
// The wait every target-group provider makes before any weight: until enough targets of a group are healthy and none
// is failing, polled like every wait (aws/poll.ts), retryable AWS errors counting as "still waiting".


/** `2 healthy, 1 unhealthy (Target.FailedHealthChecks)`: each state once, healthy first, with its reasons. */
function describeTargets(targets, words) {
    if (targets.length === 0)
        return 'no targets registered yet';
    const counts = new Map();
    for (const t of targets) {
        const key = `${t.state}${t.reason && t.state !== words.healthy ? ` (${t.reason})` : ''}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const order = (key) => (key === words.healthy ? 0 : 1);
    return [...counts]
        .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
        .map(([key, n]) => `${n} ${key}`)
        .join(', ');
}
async function readOrRetry(read) {
    try {
        return await read();
    }
    catch (err) {
        if ((0,_aws_poll_js__WEBPACK_IMPORTED_MODULE_1__/* .isRetryable */ .r3)(err))
            return undefined;
        throw err;
    }
}
/** Waits until `minHealthy` targets are healthy and none other than draining ones is not; fails at the timeout. */
async function waitTargetsHealthy(r, read, words, ctx) {
    const start = Date.now();
    const deadline = start + r.timeoutMinutes * 60_000;
    for (;;) {
        const targets = await readOrRetry(read);
        const seconds = Math.round((Date.now() - start) / 1000);
        const healthy = targets?.filter((t) => t.state === words.healthy).length ?? 0;
        const others = targets?.filter((t) => t.state !== words.healthy && t.state !== words.draining) ?? [];
        const summary = targets ? describeTargets(targets, words) : 'AWS answered with a retryable error';
        if (targets && healthy >= r.minHealthy && others.length === 0) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Targets of ${r.name} ${words.healthy}: ${summary} (${seconds}s)`);
            return { detail: `${healthy} target(s) ${words.healthy}` };
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Targets of ${r.name}: ${summary}; waiting for ${r.minHealthy} ${words.healthy} (${seconds}s elapsed)`);
        if (Date.now() >= deadline) {
            throw new Error(`Targets of target group ${r.name} did not become ${words.healthy} within ${r.timeoutMinutes} minute(s) (wait-for-minutes): ${summary}. No weight was moved to them`);
        }
        await ctx.sleep(Math.min((0,_aws_poll_js__WEBPACK_IMPORTED_MODULE_1__/* .pollDelayMs */ .pP)(Date.now() - start), Math.max(0, deadline - Date.now())));
    }
}


/***/ }),

/***/ 356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LatticeProvider: () => (/* binding */ LatticeProvider),
  createLatticeProvider: () => (/* binding */ createLatticeProvider)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-vpc-lattice/dist-cjs/index.js
var dist_cjs = __webpack_require__(3635);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/notFound.ts
var notFound = __webpack_require__(3902);
;// CONCATENATED MODULE: ./src/traffic/vpcLattice/api.ts
// VPC Lattice calls: resolve a service, listener, rule or target group given by name, ID or ARN (names through the
// List calls), read and write the forward action, create the canary target group, list its targets. The only
// module of the provider that sends Lattice commands.


const NOT_FOUND = ['ResourceNotFoundException'];
/** Whether a value is an ID (`svc-…`, `tg-…`) or an ARN rather than a name. */
function isIdOrArn(value, prefix) {
    return value.startsWith('arn:') || new RegExp(`^${prefix}-[0-9a-z]{17}$`).test(value);
}
/** The ID inside an ARN (its last path segment), or the value itself. */
const idOf = (value) => value.slice(value.lastIndexOf('/') + 1);
class LatticeApi {
    client;
    constructor(client) {
        this.client = client;
    }
    async all(page) {
        const items = [];
        let token;
        do {
            const out = await page(token);
            items.push(...(out.items ?? []));
            token = out.nextToken;
        } while (token);
        return items;
    }
    /** A service by ID or ARN (GetService), or by name: its ListServices summary, which has its DNS name too. */
    async findService(ref) {
        if (isIdOrArn(ref, 'svc'))
            return (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs/* GetServiceCommand */.dns({ serviceIdentifier: ref })), NOT_FOUND);
        const services = await this.all((nextToken) => this.client.send(new dist_cjs/* ListServicesCommand */.qde({ nextToken })));
        return services.find((s) => s.name === ref);
    }
    listListeners(serviceIdentifier) {
        return this.all((nextToken) => this.client.send(new dist_cjs/* ListListenersCommand */.NlV({ serviceIdentifier, nextToken })));
    }
    listRules(serviceIdentifier, listenerIdentifier) {
        return this.all((nextToken) => this.client.send(new dist_cjs/* ListRulesCommand */.TtM({ serviceIdentifier, listenerIdentifier, nextToken })));
    }
    /** The action at `where` and when it last changed. */
    async readAction(where) {
        const ids = { serviceIdentifier: where.service, listenerIdentifier: where.listener };
        if (where.rule) {
            const rule = await (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs/* GetRuleCommand */.eDD({ ...ids, ruleIdentifier: where.rule })), NOT_FOUND);
            return (rule && {
                action: rule.action,
                lastUpdatedAt: rule.lastUpdatedAt,
                arn: rule.arn,
                match: rule.match,
                priority: rule.priority,
            });
        }
        const listener = await (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs/* GetListenerCommand */.mOX(ids)), NOT_FOUND);
        return listener && { action: listener.defaultAction, lastUpdatedAt: listener.lastUpdatedAt, arn: listener.arn };
    }
    /** Writes the action at `where`; the answer is the rule or listener as Lattice now holds it. */
    async writeAction(where, action) {
        const ids = { serviceIdentifier: where.service, listenerIdentifier: where.listener };
        if (where.rule) {
            const rule = await this.client.send(new dist_cjs/* UpdateRuleCommand */.ngV({ ...ids, ruleIdentifier: where.rule, action }));
            return { action: rule.action, arn: rule.arn, match: rule.match, priority: rule.priority };
        }
        const listener = await this.client.send(new dist_cjs/* UpdateListenerCommand */.V0x({ ...ids, defaultAction: action }));
        return { action: listener.defaultAction, arn: listener.arn };
    }
    async createRule(r) {
        const ids = { serviceIdentifier: r.where.service, listenerIdentifier: r.where.listener };
        const command = new dist_cjs/* CreateRuleCommand */.OOk({
            ...ids,
            name: r.name,
            priority: r.priority,
            match: r.match,
            action: r.action,
            tags: r.tags,
        });
        const out = await this.client.send(command);
        return { arn: out.arn, id: out.id };
    }
    async deleteRule(where) {
        const ids = { serviceIdentifier: where.service, listenerIdentifier: where.listener, ruleIdentifier: where.rule };
        await this.client.send(new dist_cjs/* DeleteRuleCommand */.piX(ids));
    }
    async deleteTargetGroup(targetGroupIdentifier) {
        await this.client.send(new dist_cjs/* DeleteTargetGroupCommand */.tX({ targetGroupIdentifier }));
    }
    async tags(resourceArn) {
        return ((await (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs/* ListTagsForResourceCommand */.a_e({ resourceArn })), NOT_FOUND))?.tags ?? {});
    }
    listTargetGroups() {
        return this.all((nextToken) => this.client.send(new dist_cjs/* ListTargetGroupsCommand */.huv({ nextToken })));
    }
    /** A target group by ID or ARN, with its whole config. */
    getTargetGroup(targetGroupIdentifier) {
        return (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs/* GetTargetGroupCommand */.oWc({ targetGroupIdentifier })), NOT_FOUND);
    }
    async createTargetGroup(input) {
        return this.client.send(new dist_cjs/* CreateTargetGroupCommand */.GGF(input));
    }
    listTargets(targetGroupIdentifier) {
        return this.all((nextToken) => this.client.send(new dist_cjs/* ListTargetsCommand */.U0N({ targetGroupIdentifier, nextToken })));
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
// EXTERNAL MODULE: ./src/plan/weights.ts
var weights = __webpack_require__(5538);
// EXTERNAL MODULE: ./src/executor.ts
var executor = __webpack_require__(8282);
// EXTERNAL MODULE: ./src/traffic/targetHealth.ts
var targetHealth = __webpack_require__(6898);
;// CONCATENATED MODULE: ./src/traffic/vpcLattice/forward.ts
/** Lattice answers IDs where requests gave ARNs (and the reverse): groups compare by ID. */
function sameGroup(a, b) {
    return a.slice(a.lastIndexOf('/') + 1) === b.slice(b.lastIndexOf('/') + 1);
}
function forwardOf(action) {
    return action?.forward?.targetGroups?.map((g) => ({ group: g.targetGroupIdentifier, weight: g.weight ?? 0 }));
}
const forwardAction = (forward) => ({
    forward: { targetGroups: forward.map((f) => ({ targetGroupIdentifier: f.group, weight: f.weight })) },
});
/** The weight a group has in a forward action (0 when it is not in it, or when no group is given). */
function weightOf(forward, group) {
    return forward.filter((f) => group !== undefined && sameGroup(f.group, group)).reduce((n, f) => n + f.weight, 0);
}
/** The same groups with the same weights, in any order. */
function sameForward(a, b) {
    if (!a || a.length !== b.length)
        return false;
    return b.every((x) => a.some((y) => sameGroup(x.group, y.group) && x.weight === y.weight));
}
const showForward = (f) => f ? f.map((g) => `${g.group.slice(g.group.lastIndexOf('/') + 1)}=${g.weight}`).join(', ') : 'none';

// EXTERNAL MODULE: ./src/traffic/vpcLattice/state.ts
var vpcLattice_state = __webpack_require__(2356);
;// CONCATENATED MODULE: ./src/traffic/vpcLattice/executors.ts
// Executors of the VPC Lattice change kinds. Rules carry no version (last writer wins), so a forward write re-reads
// the action right before writing and stops if it is not what the plan (or this run's previous write) left; the
// write's answer (the action as Lattice now holds it) confirms it.








/** Lattice's words for target health. */
const LATTICE_HEALTH = { healthy: 'HEALTHY', draining: 'DRAINING' };
async function setForward(api, r) {
    const current = forwardOf((await api.readAction(r.where))?.action);
    if (!sameForward(current, r.expected)) {
        throw new errors/* ConcurrentModificationError */._b(`The forward action of ${r.where.rule ?? `listener ${r.where.listener}`} changed while this run was working (expected ${showForward(r.expected)}, now ${showForward(current)}): another run or person is editing it. Nothing was written; rerun once the other change is done (a workflow concurrency group per service prevents this)`);
    }
    const action = {
        forward: { targetGroups: r.forward.map((f) => ({ targetGroupIdentifier: f.group, weight: f.weight })) },
    };
    core/* debug */.Yz(`Forward ${showForward(r.forward)}`);
    // Lattice answers the write with the action it now holds: that answer confirms the write, with no read after it.
    const after = await api.writeAction(r.where, action);
    const previous = (0,weights/* toPercent */.BY)(weightOf(current, r.groups.stable), weightOf(current, r.groups.canary));
    const outcome = {
        detail: showForward(r.forward),
        weights: r.weights,
        produces: { [model/* REFS */.tr.routeArn]: after.arn ?? '' },
        undo: {
            kind: vpcLattice_state/* LATTICE_KINDS */.BW.setForward,
            request: { ...r, forward: current, expected: r.forward, weights: previous },
            describe: `forward action back to ${(0,weights/* showWeights */.V0)(previous)}`,
        },
    };
    if (!sameForward(forwardOf(after.action), r.forward)) {
        outcome.unconfirmed = `The forward action ${showForward(r.forward)} (${(0,weights/* showWeights */.V0)(r.weights)}) was sent, but Lattice answered with ${showForward(forwardOf(after.action))}: the weights in effect are not confirmed; check them before retrying`;
    }
    return outcome;
}
async function createRule(api, r) {
    const created = await api.createRule({ ...r, action: forwardAction(r.forward) });
    return {
        detail: created.arn,
        produces: { [vpcLattice_state/* PREVIEW_ARN */.RR]: created.arn },
        undo: {
            kind: vpcLattice_state/* LATTICE_KINDS */.BW.deleteRule,
            request: { where: { ...r.where, rule: created.id } },
            describe: `preview rule ${r.name} removed`,
        },
    };
}
function latticeExecutors(api) {
    return {
        [vpcLattice_state/* LATTICE_KINDS */.BW.createRule]: (0,executor/* executor */.k)((r) => createRule(api, r)),
        [vpcLattice_state/* LATTICE_KINDS */.BW.deleteRule]: (0,executor/* executor */.k)(async (r) => {
            await api.deleteRule(r.where);
            const again = r.recreate && { ...r.recreate, where: { ...r.where, rule: undefined } };
            return again ? { undo: { kind: vpcLattice_state/* LATTICE_KINDS */.BW.createRule, request: again, describe: `preview rule ${again.name} back` } } : {};
        }),
        [vpcLattice_state/* LATTICE_KINDS */.BW.deleteGroup]: (0,executor/* executor */.k)(async (r) => {
            await api.deleteTargetGroup(r.targetGroup);
            return { detail: `deleted ${r.targetGroup}` };
        }),
        [vpcLattice_state/* LATTICE_KINDS */.BW.createGroup]: (0,executor/* executor */.k)(async (r) => {
            const created = await api.createTargetGroup({ ...r, clientToken: `ecs-mesh-canary-${r.name}`.slice(0, 64) });
            const arn = created.arn;
            return {
                detail: arn,
                produces: { [vpcLattice_state/* CANARY_GROUP */.zH]: arn, [model/* REFS */.tr.canaryEndpointArn]: arn },
                leftBehind: `target group ${r.name} (aws vpc-lattice delete-target-group --target-group-identifier ${created.id})`,
            };
        }),
        [vpcLattice_state/* LATTICE_KINDS */.BW.setForward]: (0,executor/* executor */.k)((r) => setForward(api, r)),
        [vpcLattice_state/* LATTICE_KINDS */.BW.waitHealthy]: (0,executor/* executor */.k)((r, ctx) => {
            const read = async () => (await api.listTargets(r.targetGroup)).map((t) => ({ state: t.status ?? 'UNKNOWN', reason: t.reasonCode }));
            return (0,targetHealth/* waitTargetsHealthy */.P)(r, read, LATTICE_HEALTH, ctx);
        }),
    };
}

// EXTERNAL MODULE: ./src/traffic/groupSplit.ts
var groupSplit = __webpack_require__(4880);
// EXTERNAL MODULE: ./src/traffic/sidecars.ts
var sidecars = __webpack_require__(6425);
;// CONCATENATED MODULE: ./src/traffic/vpcLattice/planner.ts







/** The canary group as requests name it: its ARN, or the ref to the one this run creates. */
const canaryGroup = (state) => state.canary.arn ?? (0,model/* ref */.KR)(vpcLattice_state/* CANARY_GROUP */.zH);
function forwardFor(state, w) {
    return [
        { group: state.stable.arn, weight: w.stable },
        { group: canaryGroup(state), weight: w.canary },
    ];
}
function canaryListed(state) {
    return (state.canary.arn !== undefined &&
        state.forward.some((f) => typeof f.group === 'string' && sameGroup(f.group, state.canary.arn)));
}
class LatticePlanner {
    opts;
    /** planEndpoint attaches the canary group unless the launch is dark (its preview rule attaches it then). */
    split = {
        listed: canaryListed,
        canaryGroup,
        attach: (state) => this.attach(state),
        setForward: (state, w) => this.setForward(state, w),
        waitHealthy: (group, name, tasks) => this.waitHealthy(group, name, tasks),
        attachedByEndpoint: (opts) => !opts.dark,
    };
    constructor(opts) {
        this.opts = opts;
    }
    renderWorkload(base) {
        return (0,sidecars/* withoutEnvoy */.ef)(base.definition, 'for VPC Lattice');
    }
    registration(_stable, state) {
        // The canary group's ARN is only known at apply time when this run creates it: a Ref apply resolves.
        const targetGroupArn = canaryGroup(state);
        return { vpcLatticeConfigurations: [{ ...state.registration, targetGroupArn }] };
    }
    /** The canary group created when missing; unless the launch is dark, it joins the forward at 0 before ECS starts
     * its tasks, so that their health checks run while the rollout does. */
    planEndpoint(state, facts) {
        const attach = !facts.dark && !canaryListed(state) ? [this.attach(state).change] : [];
        if (state.canary.arn)
            return attach;
        const { stable } = state;
        const { port, protocol, protocolVersion, ipAddressType, vpcIdentifier, healthCheck } = stable.config;
        const name = state.canary.name;
        return [
            {
                kind: vpcLattice_state/* LATTICE_KINDS */.BW.createGroup,
                resource: { type: 'target group', name },
                action: 'create',
                after: `IP targets, config of ${stable.name} (${protocol}:${port}, ${vpcIdentifier})`,
                request: {
                    name,
                    type: 'IP',
                    config: { port, protocol, protocolVersion, ipAddressType, vpcIdentifier, healthCheck },
                    tags: { [vpcLattice_state/* CREATED_BY_TAG */.Aw]: 'ecs-mesh-canary', 'ecs-mesh-canary:stable-target-group': stable.name },
                },
                moves: 'none',
                leftBehind: `target group ${name} (aws vpc-lattice delete-target-group --target-group-identifier <its ID>)`,
            },
            ...attach,
        ];
    }
    attach(state) {
        if (state.foreign)
            throw new errors/* PlanError */.W6(state.foreign.why, state.foreign.input);
        return this.setForward(state, { stable: 100, canary: 0 }, 'joins the forward action at 0 to be health-checked');
    }
    planWeights(state, target, opts = {}) {
        return (0,groupSplit/* planGroupWeights */.e)(this.split, state, target, opts);
    }
    setForward(state, w, why) {
        const forward = forwardFor(state, w);
        const change = {
            kind: vpcLattice_state/* LATTICE_KINDS */.BW.setForward,
            resource: { type: state.where.rule ? 'listener rule' : 'listener', name: state.splitName },
            action: 'update',
            before: state.weights ? (0,weights/* showWeights */.V0)(state.weights) : undefined,
            after: why ? `${(0,weights/* showWeights */.V0)(w)} (canary group ${why})` : (0,weights/* showWeights */.V0)(w),
            request: {
                where: state.where,
                forward,
                expected: state.forward,
                weights: w,
                groups: { stable: state.stable.arn, canary: canaryGroup(state) },
            },
            moves: 'traffic',
        };
        return { change, next: { ...state, forward, weights: w } };
    }
    waitHealthy(group, name, tasks) {
        return {
            kind: vpcLattice_state/* LATTICE_KINDS */.BW.waitHealthy,
            resource: { type: 'target group', name },
            action: 'wait',
            after: `${tasks} target(s) HEALTHY (at most ${this.opts.waitForMinutes} min)`,
            request: { targetGroup: group, name, minHealthy: tasks, timeoutMinutes: this.opts.waitForMinutes },
            moves: 'none',
        };
    }
    planEntryPoint() {
        return [];
    }
    planPreview(state, preview, opts) {
        const rule = state.previewRule;
        const canary = canaryGroup(state);
        const ours = rule !== undefined &&
            rule.forward.length > 0 &&
            rule.forward.every((f) => typeof f.group === 'string' && typeof canary === 'string' && sameGroup(f.group, canary));
        const resource = { type: 'listener rule', name: state.previewName };
        if (!preview) {
            if (!rule || !ours)
                return [];
            const request = {
                where: { ...state.where, rule: rule.id },
                recreate: { name: state.previewName, priority: rule.priority, match: rule.match, forward: rule.forward },
            };
            return [
                {
                    kind: vpcLattice_state/* LATTICE_KINDS */.BW.deleteRule,
                    resource,
                    action: 'delete',
                    before: 'header requests → canary',
                    after: 'deleted',
                    request,
                    moves: 'traffic',
                },
            ];
        }
        if (rule && !ours)
            throw new errors/* PlanError */.W6(`Rule ${state.previewName} exists and forwards elsewhere; delete or rename it`, 'preview-header');
        const match = {
            httpMatch: { headerMatches: [{ name: preview.header, match: { exact: preview.value }, caseSensitive: true }] },
        };
        const changes = [];
        if (!rule || JSON.stringify(rule.match) !== JSON.stringify(match)) {
            if (rule)
                changes.push(...this.planPreview(state, undefined, opts));
            const priority = this.previewPriority(state, rule?.priority);
            const after = `${preview.header}: ${preview.value} → ${state.canary.name} (priority ${priority})`;
            const request = {
                where: state.where,
                name: state.previewName,
                priority,
                match,
                forward: [{ group: canary, weight: 100 }],
                tags: { [vpcLattice_state/* CREATED_BY_TAG */.Aw]: 'ecs-mesh-canary' },
            };
            changes.push({ kind: vpcLattice_state/* LATTICE_KINDS */.BW.createRule, resource, action: 'create', after, request, moves: 'traffic' });
        }
        // A group no rule forwards to is never health-checked: for a dark launch the preview rule is what attaches it.
        if (opts.dark && opts.canaryTasks > 0)
            changes.push(this.waitHealthy(canary, state.canary.name, opts.canaryTasks));
        return changes;
    }
    /** The preview-priority input, else the lowest free priority ahead of the weighted rule (any, for a default action). */
    previewPriority(state, current) {
        const limit = (state.weightedPriority ?? 2001) - 1;
        const wanted = this.opts.previewPriority;
        const taken = (p) => p !== current && state.priorities.includes(p);
        if (wanted !== undefined) {
            if (wanted > limit || taken(wanted)) {
                throw new errors/* PlanError */.W6(`Priority ${wanted} is taken or not ahead of the weighted rule (${state.weightedPriority})`, 'preview-priority');
            }
            return wanted;
        }
        for (let p = 1; p <= limit; p++)
            if (!taken(p))
                return p;
        throw new errors/* PlanError */.W6(`No free rule priority ahead of the weighted rule (${state.weightedPriority})`, 'preview-priority');
    }
    planCleanup(state) {
        if (!state.canary.arn)
            return { changes: [], kept: [] };
        if (!state.canaryGroupOurs)
            return { changes: [], kept: [`target group ${state.canary.name} (not created by this action)`] };
        const changes = [];
        if (canaryListed(state)) {
            const forward = [{ group: state.stable.arn, weight: 100 }];
            const request = {
                where: state.where,
                forward,
                expected: state.forward,
                weights: { stable: 100, canary: 0 },
                groups: { stable: state.stable.arn, canary: state.canary.arn },
            };
            changes.push({
                kind: vpcLattice_state/* LATTICE_KINDS */.BW.setForward,
                resource: { type: state.where.rule ? 'listener rule' : 'listener', name: state.splitName },
                action: 'update',
                before: 'canary group listed at 0',
                after: 'stable group only',
                request,
                moves: 'traffic',
            });
        }
        changes.push({
            kind: vpcLattice_state/* LATTICE_KINDS */.BW.deleteGroup,
            resource: { type: 'target group', name: state.canary.name },
            action: 'delete',
            after: 'deleted (created by this action)',
            request: { targetGroup: state.canary.arn },
            moves: 'none',
        });
        return { changes, kept: [] };
    }
}

// EXTERNAL MODULE: ./src/plan/ecs.ts
var ecs = __webpack_require__(4570);
;// CONCATENATED MODULE: ./src/traffic/vpcLattice/read.ts






const matches = (ref, item) => isIdOrArn(ref, '[a-z]+') ? item.id === idOf(ref) || item.arn === ref : item.name === ref;
/** Each call after the first answers with the first call's promise: one List call serves every lookup of a read. */
function once(read) {
    let promise;
    return () => {
        promise ??= read();
        return promise;
    };
}
async function locate(api, s) {
    const service = await api.findService(s.service);
    if (!service?.id)
        throw new errors/* PlanError */.W6(`VPC Lattice service ${s.service} does not exist in this account and region`, 'lattice-service');
    const listeners = await api.listListeners(service.id);
    const listener = s.listener
        ? listeners.find((l) => matches(s.listener, l))
        : listeners.length === 1
            ? listeners[0]
            : undefined;
    if (!listener?.id) {
        const names = listeners.map((l) => `${l.name} (${l.protocol}:${l.port})`).join(', ') || 'none';
        const why = s.listener
            ? `Listener ${s.listener} is not a listener of Lattice service ${service.name} (it has ${names})`
            : `Lattice service ${service.name} has ${listeners.length} listeners (${names}); name the one that carries the split`;
        throw new errors/* PlanError */.W6(why, 'lattice-listener');
    }
    const where = { service: service.id, listener: listener.id };
    const entry = { dns: service.dnsEntry?.domainName, port: listener.port, protocol: listener.protocol };
    if (!s.rule)
        return { where, splitName: `${listener.name} (default action)`, serviceName: service.name, entry };
    const rules = await api.listRules(service.id, listener.id);
    const rule = rules.find((r) => matches(s.rule, r));
    if (!rule?.id) {
        const names = rules
            .filter((r) => !r.isDefault)
            .map((r) => r.name)
            .join(', ') || 'none';
        throw new errors/* PlanError */.W6(`Rule ${s.rule} is not a rule of listener ${listener.name} (its rules: ${names})`, 'lattice-rule');
    }
    return { where: { ...where, rule: rule.id }, splitName: rule.name, serviceName: service.name, entry, rules };
}
function stableRegistration(stable, group) {
    const configs = (0,ecs/* primaryDeployment */.sg)(stable)?.vpcLatticeConfigurations ??
        stable?.deployments?.flatMap((d) => d.vpcLatticeConfigurations ?? []) ??
        [];
    return group ? configs.filter((c) => sameGroup(c.targetGroupArn, group)) : configs;
}
const fromSummary = (g) => ({
    arn: g.arn,
    id: g.id,
    name: g.name,
    config: { port: g.port, protocol: g.protocol, ipAddressType: g.ipAddressType, vpcIdentifier: g.vpcIdentifier },
});
/** A group by name, ID or ARN in the one listing of the read; an ID or ARN not listed (shared, say) by GetTargetGroup. */
async function findGroup(api, ref, listed) {
    const found = listed.find((g) => matches(ref, g));
    if (found)
        return fromSummary(found);
    if (!isIdOrArn(ref, 'tg'))
        return undefined;
    const got = await api.getTargetGroup(ref);
    return got?.arn ? { arn: got.arn, id: got.id, name: got.name, config: got.config ?? {} } : undefined;
}
function stableRef(s, stable, serviceName) {
    if (s.stableTargetGroup)
        return s.stableTargetGroup;
    const configs = stableRegistration(stable);
    if (configs.length !== 1) {
        const why = `ECS service ${serviceName} is registered in ${configs.length} Lattice target groups; name the stable one`;
        throw new errors/* PlanError */.W6(why, 'stable-target-group');
    }
    return configs[0].targetGroupArn;
}
function groupRef(g) {
    return { arn: g.arn, id: g.id, name: g.name };
}
function checkForward(action, split, stable, canaryArn) {
    if (action?.fixedResponse) {
        const why = `${split.name} answers with a fixed response (${action.fixedResponse.statusCode}); this action only manages forward actions`;
        throw new errors/* PlanError */.W6(why, split.input);
    }
    const forward = forwardOf(action);
    if (!forward)
        throw new errors/* PlanError */.W6(`${split.name} has no forward action`, split.input);
    if (!forward.some((f) => sameGroup(f.group, stable.arn))) {
        throw new errors/* PlanError */.W6(`${split.name} does not forward to the stable target group ${stable.name}`, 'stable-target-group');
    }
    const foreign = forward.filter((f) => !sameGroup(f.group, stable.arn) && !(canaryArn && sameGroup(f.group, canaryArn)));
    // Only an error when this run writes the split (a dark launch of another canary, say, may stand beside it).
    const names = foreign.map((f) => f.group).join(', ');
    const why = `${split.name} also forwards to ${names}; this action only manages a split between the stable and canary target groups`;
    return { forward, foreign: foreign.length ? { why, input: split.input } : undefined };
}
/** Every other rule of the listener (and its default action) that forwards to the canary group, with its share. */
async function otherRoutes(api, where, listRules, canaryArn, skip) {
    if (!canaryArn)
        return [];
    const rules = (await listRules()).filter((r) => !r.isDefault && r.id !== where.rule && r.name !== skip);
    const reads = await Promise.all([
        ...rules.map(async (r) => ({ name: `rule ${r.name}`, read: await api.readAction({ ...where, rule: r.id }) })),
        ...(where.rule
            ? [api.readAction({ ...where, rule: undefined }).then((read) => ({ name: 'the default action', read }))]
            : []),
    ]);
    return reads.map(({ name, read }) => {
        const forward = forwardOf(read?.action) ?? [];
        const total = forward.reduce((n, f) => n + f.weight, 0);
        const canary = weightOf(forward, canaryArn);
        return { name, canaryWeight: total === 0 ? 0 : Math.round((canary * 100) / total) };
    });
}
/** The preview rule's name for a canary service: Lattice rule names are 3-63 lowercase letters, digits, dashes. */
function previewRuleName(canaryService) {
    const slug = canaryService
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return `preview-${slug}`.slice(0, 63).replace(/-+$/, '');
}
/** The preview rule (if any), the listener's taken priorities and the weighted rule's; the canary group's tag. */
async function previewFacts(api, where, listRules, name, canaryTags) {
    const [rules, tags] = await Promise.all([listRules(), canaryTags()]);
    const found = rules.find((r) => r.name === name);
    const read = found?.id ? await api.readAction({ ...where, rule: found.id }) : undefined;
    return {
        previewName: name,
        previewRule: found?.id
            ? {
                id: found.id,
                arn: found.arn,
                priority: found.priority,
                forward: forwardOf(read?.action) ?? [],
                match: read?.match,
            }
            : undefined,
        priorities: rules.flatMap((r) => (r.priority === undefined ? [] : [r.priority])),
        weightedPriority: rules.find((r) => r.id === where.rule)?.priority,
        canaryGroupOurs: tags[vpcLattice_state/* CREATED_BY_TAG */.Aw] === 'ecs-mesh-canary',
    };
}
/**
 * The stable and canary target groups: named by the inputs, or the stable one from the stable service's registration;
 * one ListTargetGroups finds both. A first deploy also reads the stable group's whole config (health check included),
 * which the canary group it creates copies.
 */
async function readGroups(api, s, ecs, names, operation) {
    const [services, listed] = await Promise.all([ecs.services, api.listTargetGroups()]);
    const ref = stableRef(s, services.get(names.stable), names.stable);
    let stable = await findGroup(api, ref, listed);
    if (!stable)
        throw new errors/* PlanError */.W6(`Target group ${ref} does not exist`, 'stable-target-group');
    const canaryName = s.canaryTargetGroup ?? `${stable.name}-canary`;
    const canary = await findGroup(api, canaryName, listed);
    if (!canary && isIdOrArn(canaryName, 'tg'))
        throw new errors/* PlanError */.W6(`Target group ${canaryName} does not exist`, 'canary-target-group');
    checkGroups(stable, canary);
    const canaryService = services.get(names.canary);
    if (operation === 'deploy' && canary && (!canaryService || canaryService.status === 'INACTIVE'))
        await checkUnclaimed(api, canary);
    if (operation === 'deploy' && !canary)
        stable = { ...stable, config: (await api.getTargetGroup(stable.arn))?.config ?? {} };
    return { services, stable, canary, canaryName };
}
/** The service, listener and rule, then the split they carry; beside them, the target groups. */
async function readSplitAndGroups(api, s, ecs, names, operation) {
    const input = s.rule ? 'lattice-rule' : 'lattice-listener';
    const split = locate(api, s).then(async (located) => {
        const read = await api.readAction(located.where);
        if (!read)
            throw new errors/* PlanError */.W6(`${located.splitName} cannot be read`, input);
        return { located, read };
    });
    // Both chains run at once; when both fail, the split's error (the inputs it names come first) is the one reported.
    const [splitRead, groups] = await Promise.allSettled([split, readGroups(api, s, ecs, names, operation)]);
    if (splitRead.status === 'rejected')
        throw splitRead.reason;
    if (groups.status === 'rejected')
        throw groups.reason;
    return { ...splitRead.value, ...groups.value, input };
}
function checkRegistrations(operation, names, read) {
    const { stable, canary, canaryName } = read;
    const canaryService = read.services.get(names.canary);
    if (operation !== 'deploy')
        return;
    if (canaryService && !(canary?.arn && stableRegistration(canaryService, canary.arn).length)) {
        throw new errors/* PlanError */.W6(`ECS service ${names.canary} exists but is not registered in the canary target group ${canaryName} (vpcLatticeConfigurations), so its tasks could never receive Lattice traffic (an App Mesh canary service, say); use a new canary-service name or delete that service`, 'canary-service');
    }
    if (!stableRegistration(read.services.get(names.stable), stable.arn).length) {
        throw new errors/* PlanError */.W6(`ECS service ${names.stable} is not registered in the stable target group ${stable.name} (vpcLatticeConfigurations)`, 'stable-target-group');
    }
}
/**
 * A first deploy into an existing canary group: targets already registered in it (not draining) belong to something
 * else — another ECS service's tasks, say — that would take the canary's traffic. Refused before any write.
 */
async function checkUnclaimed(api, canary) {
    const targets = (await api.listTargets(canary.id)).filter((t) => t.status !== 'DRAINING');
    if (targets.length === 0)
        return;
    const shown = targets.slice(0, 3).map((t) => `${t.id}:${t.port}`);
    const more = targets.length > shown.length ? ` and ${targets.length - shown.length} more` : '';
    throw new errors/* PlanError */.W6(`Target group ${canary.name} already has ${targets.length} target(s) registered (${shown.join(', ')}${more}) while the canary service does not exist: another ECS service or someone else uses it, and its targets would take the canary's traffic. Name a target group of its own in canary-target-group (or leave it out: this action creates one), or deregister those targets`, 'canary-target-group');
}
async function readLattice(api, s, names, operation, ecs, opts) {
    const got = await readSplitAndGroups(api, s, ecs, names, operation);
    const { located, read, stable, canary, canaryName } = got;
    const { forward, foreign } = checkForward(read.action, { name: located.splitName, input: got.input }, groupRef(stable), canary?.arn);
    checkRegistrations(operation, names, got);
    const registration = stableRegistration(got.services.get(names.stable), stable.arn)[0];
    const scalesDown = operation === 'rollback' || operation === 'promote';
    const previewName = previewRuleName(names.canary);
    const where = located.where;
    const rules = once(async () => located.rules ?? api.listRules(where.service, where.listener));
    const canaryTags = async () => (opts.deleteCanary && canary?.arn ? api.tags(canary.arn) : {});
    const [others, preview] = await Promise.all([
        scalesDown ? otherRoutes(api, where, rules, canary?.arn, previewName) : undefined,
        scalesDown || opts.preview
            ? previewFacts(api, where, rules, previewName, canaryTags)
            : { previewName, priorities: [] },
    ]);
    return {
        where,
        splitName: located.splitName,
        stable: { ...groupRef(stable), config: stable.config },
        canary: canary ? { ...groupRef(canary), vpc: canary.config.vpcIdentifier } : { name: canaryName },
        forward,
        registration: { roleArn: registration?.roleArn ?? '', portName: registration?.portName ?? '' },
        weights: (0,weights/* toPercent */.BY)(weightOf(forward, stable.arn), weightOf(forward, canary?.arn)),
        routeId: read.arn,
        changedAt: read.lastUpdatedAt,
        canaryEndpointArn: canary?.arn,
        routeInput: got.input,
        otherRoutes: others,
        previewRouteArn: 'previewRule' in preview ? preview.previewRule?.arn : undefined,
        foreign,
        entry: located.entry,
        ...preview,
    };
}
function checkGroups(stable, canary) {
    if (!canary)
        return;
    if (canary.id === stable.id) {
        throw new errors/* PlanError */.W6(`The canary target group must differ from the stable one (both are ${stable.name})`, 'canary-target-group');
    }
    const [vpc, canaryVpc] = [stable.config?.vpcIdentifier, canary.config?.vpcIdentifier];
    if (vpc !== canaryVpc) {
        throw new errors/* PlanError */.W6(`Target group ${canary.name} is in ${canaryVpc}, the stable group ${stable.name} in ${vpc}: both must be in one VPC`, 'canary-target-group');
    }
}

;// CONCATENATED MODULE: ./src/traffic/vpcLattice/index.ts
// The VPC Lattice provider: a listener rule (or the listener's default action) whose forward action splits traffic
// between the stable and canary target groups; ECS registers each service's tasks in its group. Loaded (with its
// SDK client) only when traffic-provider is vpc-lattice.






class LatticeProvider {
    s;
    settings;
    api;
    name = 'VPC Lattice';
    planner;
    executors;
    last;
    constructor(s, settings, api) {
        this.s = s;
        this.settings = settings;
        this.api = api;
        this.planner = new LatticePlanner({ waitForMinutes: settings.waitForMinutes, previewPriority: s.previewPriority });
        this.executors = latticeExecutors(api);
    }
    async read(operation, ecs) {
        const names = { stable: this.settings.stableService, canary: this.settings.canaryService };
        this.last = await readLattice(this.api, this.s, names, operation, ecs, {
            preview: this.settings.preview !== undefined,
            deleteCanary: this.settings.deleteCanary,
        });
        return this.last;
    }
    view(region) {
        const console = `https://${region}.console.aws.amazon.com/vpc/home?region=${region}`;
        const stable = this.last?.stable.name ?? this.s.stableTargetGroup ?? 'stable target group';
        const canary = this.last?.canary.name ?? this.s.canaryTargetGroup ?? 'canary target group';
        const links = {
            'target group': `${console}#TargetGroups:`,
            'listener rule': `${console}#Services:`,
            listener: `${console}#Services:`,
        };
        return {
            label: this.name,
            endpointType: 'target group',
            stableEndpoint: stable,
            canaryEndpoint: canary,
            entry: `Lattice service ${this.s.service}`,
            endpointOutput: 'canary-target-group-arn',
            previewCurl: (p) => {
                const entry = this.last?.entry;
                if (!entry?.dns)
                    return undefined;
                const scheme = entry.protocol === 'HTTPS' ? 'https' : 'http';
                return `curl -H '${p.header}: ${p.value}' ${scheme}://${entry.dns}${entry.port ? `:${entry.port}` : ''}/`;
            },
            link: (r) => links[r.type],
        };
    }
}
function createLatticeProvider(s, settings, config) {
    return new LatticeProvider(s, settings, new LatticeApi((0,clients/* withErrorContext */.mO)(new dist_cjs/* VPCLatticeClient */.fzb(config), 'VPC Lattice')));
}


/***/ })

};
