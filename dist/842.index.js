export const id = 842;
export const ids = [842];
export const modules = {

/***/ 8842:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EcsNativeProvider: () => (/* binding */ EcsNativeProvider),
  createEcsNativeProvider: () => (/* binding */ createEcsNativeProvider)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/plan/taskDefinition.ts
var taskDefinition = __webpack_require__(6379);
;// CONCATENATED MODULE: ./src/traffic/ecsNative/api.ts
// The ECS calls of ECS-native deployments: list and describe a service's deployments, the task definition of a
// service revision and its tags, continue or stop a deployment. The only module of the provider that sends commands
// of its own; services are described and updated through src/aws/ecsServices.ts.

class EcsNativeApi {
    client;
    constructor(client) {
        this.client = client;
    }
    /** The service's deployments with one of `status`, newest first. */
    async listDeployments(cluster, service, status) {
        const found = [];
        let nextToken;
        do {
            const out = await this.client.send(new dist_cjs/* ListServiceDeploymentsCommand */.jz8({ cluster, service, status: [...status], nextToken }));
            found.push(...(out.serviceDeployments ?? []));
            nextToken = out.nextToken;
        } while (nextToken);
        return found.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
    }
    async describeDeployment(serviceDeploymentArn) {
        const out = await this.client.send(new dist_cjs/* DescribeServiceDeploymentsCommand */.A6p({ serviceDeploymentArns: [serviceDeploymentArn] }));
        return out.serviceDeployments?.[0];
    }
    /** The task definition a service revision runs. */
    async revisionTaskDefinition(serviceRevisionArn) {
        const out = await this.client.send(new dist_cjs/* DescribeServiceRevisionsCommand */.oF5({ serviceRevisionArns: [serviceRevisionArn] }));
        return out.serviceRevisions?.[0]?.taskDefinition;
    }
    /** A task definition (an ARN, or a family's newest revision) and its tags; undefined when ECS does not know it. */
    async taskDefinitionWithTags(taskDefinition) {
        try {
            const out = await this.client.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition, include: ['TAGS'] }));
            const arn = out.taskDefinition?.taskDefinitionArn;
            return arn ? { arn, tags: out.tags ?? [] } : undefined;
        }
        catch (err) {
            // ECS answers ClientException ("Unable to describe task definition") for one it does not have.
            if (err.name === 'ClientException')
                return undefined;
            throw err;
        }
    }
    async continueDeployment(serviceDeploymentArn, hookId, action) {
        await this.client.send(new dist_cjs/* ContinueServiceDeploymentCommand */.LrH({ serviceDeploymentArn, hookId, action }));
    }
    async stopDeployment(serviceDeploymentArn) {
        await this.client.send(new dist_cjs/* StopServiceDeploymentCommand */.a8L({ serviceDeploymentArn, stopType: 'ROLLBACK' }));
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/aws/ecsServices.ts
var ecsServices = __webpack_require__(5808);
// EXTERNAL MODULE: ./src/aws/poll.ts
var poll = __webpack_require__(5672);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/executor.ts
var executor = __webpack_require__(8282);
// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
// EXTERNAL MODULE: ./src/plan/weights.ts
var plan_weights = __webpack_require__(5538);
;// CONCATENATED MODULE: ./src/traffic/ecsNative/state.ts
/** The tag this action puts on every task-definition revision it registers: how it knows its own deployments. */
const REGISTERED_BY = { key: 'ecs-mesh-canary:registered-by', value: 'ecs-mesh-canary' };
/** The lifecycle stage this action pauses at: ECS invokes it before every production traffic step. */
const PAUSE_STAGE = 'PRE_PRODUCTION_TRAFFIC_SHIFT';
const NATIVE_KINDS = {
    start: 'ecs-native.start-deployment',
    waitPaused: 'ecs-native.wait-paused',
    continue: 'ecs-native.continue',
    finish: 'ecs-native.finish',
    rollback: 'ecs-native.rollback',
    removeHook: 'ecs-native.remove-pause-hook',
};
/** The ref the deploy's start produces: the service deployment's ARN, which later changes of the plan act on. */
const DEPLOYMENT_ARN = 'ecsNative.serviceDeploymentArn';
/** A service deployment still under way (not ended). */
const UNDER_WAY = [
    'PENDING',
    'IN_PROGRESS',
    'STOP_REQUESTED',
    'ROLLBACK_REQUESTED',
    'ROLLBACK_IN_PROGRESS',
];
/** This action's PAUSE hook: one PAUSE at PAUSE_STAGE, the only stage it names. */
function isOurHook(h) {
    return h.targetType === 'PAUSE' && h.lifecycleStages?.length === 1 && h.lifecycleStages[0] === PAUSE_STAGE;
}

;// CONCATENATED MODULE: ./src/traffic/ecsNative/read.ts


const hasOurTag = (tags) => tags.some((t) => t.key === REGISTERED_BY.key && t.value === REGISTERED_BY.value);
/** A deployment as DescribeServiceDeployments answers it, with what its new revision runs and who registered it. */
function viewOf(d, taskDefinition, ours) {
    const target = d.targetServiceRevision ?? {};
    // This action's is the deployment's only PAUSE hook (the planner refuses services with others), at PAUSE_STAGE.
    const pause = (d.lifecycleHookDetails ?? []).find((h) => h.targetType === 'PAUSE' && h.status === 'AWAITING_ACTION');
    return {
        arn: d.serviceDeploymentArn,
        status: (d.status ?? 'PENDING'),
        statusReason: d.statusReason,
        stage: d.lifecycleStage,
        target: {
            revisionArn: target.arn ?? '',
            taskDefinition,
            weight: Math.round(target.requestedProductionTrafficWeight ?? 0),
            running: target.runningTaskCount ?? 0,
            requested: target.requestedTaskCount ?? 0,
        },
        pause: pause?.hookId ? { hookId: pause.hookId, expiresAt: pause.expiresAt } : undefined,
        config: d.deploymentConfiguration,
        ours,
        triggeredAlarms: d.alarms?.triggeredAlarmNames ?? [],
        rollbackReason: d.rollback?.reason,
    };
}
/** One deployment, fully: its description, its new revision's task definition and whether this action registered it. */
async function readDeployment(api, arn, revisionArn) {
    const [d, known] = await Promise.all([
        api.describeDeployment(arn),
        revisionArn ? api.revisionTaskDefinition(revisionArn) : undefined,
    ]);
    if (!d)
        return undefined;
    const taskDefinition = known ?? (await api.revisionTaskDefinition(d.targetServiceRevision?.arn ?? ''));
    const ours = taskDefinition ? hasOurTag((await api.taskDefinitionWithTags(taskDefinition))?.tags ?? []) : false;
    return viewOf(d, taskDefinition, ours);
}
/** When the deployment last moved its weight: the start of its pause (its hook's expiry less the timeout). */
function changedAt(d) {
    const timeout = d.config?.lifecycleHooks?.find(isOurHook)?.timeoutConfiguration?.timeoutInMinutes;
    if (!d.pause?.expiresAt || timeout === undefined)
        return undefined;
    return new Date(d.pause.expiresAt.getTime() - timeout * 60_000);
}
async function readEcsNative(api, names, operation, ecs) {
    const service = (await ecs.services).get(names.service);
    const base = { routeInput: 'stable-service', pauseHookLeft: false, service };
    // A service that does not exist is reported by the core's read, which names the input.
    if (!service)
        return base;
    const [briefs, latestOurs] = await Promise.all([
        api.listDeployments(names.cluster, names.service, UNDER_WAY),
        operation === 'deploy' ? latestRevision(api, service) : undefined,
    ]);
    const brief = briefs[0];
    const deployment = brief
        ? await readDeployment(api, brief.serviceDeploymentArn, brief.targetServiceRevisionArn)
        : undefined;
    const runsOurs = !deployment && operation !== 'deploy' && service.taskDefinition
        ? hasOurTag((await api.taskDefinitionWithTags(service.taskDefinition))?.tags ?? [])
        : undefined;
    const weight = deployment?.target.weight ?? 0;
    return {
        ...base,
        serviceConnect: serviceConnectOf(service),
        deployment,
        pauseHookLeft: (service.deploymentConfiguration?.lifecycleHooks ?? []).some(isOurHook),
        runsOurs,
        latestOurs,
        weights: { stable: 100 - weight, canary: weight },
        routeId: deployment?.arn,
        changedAt: deployment && changedAt(deployment),
    };
}
/** The primary deployment's Service Connect configuration, when it serves endpoints (a client-server service). */
function serviceConnectOf(service) {
    const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
    const sc = primary?.serviceConnectConfiguration;
    return sc?.enabled && (sc.services ?? []).length > 0 ? sc : undefined;
}
/** The newest revision of the service's family and whether this action registered it. */
async function latestRevision(api, service) {
    if (!service.taskDefinition)
        return undefined;
    const latest = await api.taskDefinitionWithTags((0,taskDefinition/* familyOf */.Ap)(service.taskDefinition));
    return latest && { arn: latest.arn, ours: hasOurTag(latest.tags) };
}

;// CONCATENATED MODULE: ./src/traffic/ecsNative/executors.ts
// Executors of the ECS-native change kinds. Each one reads the deployment again right before acting and refuses when
// it is not where the plan left it; a continue acts only on a deployment paused at exactly the weight planned, with
// the new revision's tasks all running, and then waits for the next pause at exactly the weight planned. Weight
// reported is the weight ECS answers (requestedProductionTrafficWeight). A deployment ECS rolled back (an alarm, the
// hook's timeout, tasks that do not start) stops the run with ECS's reason and the weight it left.










/** ECS ended or rolled back the deployment on its own: what it says, and the weight it left. */
function endedByEcs(d, doing) {
    const alarms = d.triggeredAlarms.length ? ` (alarm ${d.triggeredAlarms.join(', ')})` : '';
    const why = d.rollbackReason ?? d.statusReason ?? 'no reason given';
    return new errors/* ConcurrentModificationError */._b(`ECS ${d.status.startsWith('ROLLBACK') ? 'rolled back' : 'ended'} service deployment ${d.arn} while this run was ${doing}: ${d.status}${alarms}: ${why}. The new revision has ${d.target.weight} % of production traffic`, { weightsNow: (0,plan_weights/* weightsFor */.NK)(d.target.weight) });
}
const running = (d) => `${d.target.running}/${d.target.requested} new task(s) running`;
class NativeExecutors {
    api;
    ecs;
    constructor(api, ecs) {
        this.api = api;
        this.ecs = ecs;
    }
    /** The deployment as ECS answers now (its new revision's task definition known from the plan). */
    async read(arn, taskDefinition) {
        try {
            const d = await this.api.describeDeployment(arn);
            if (!d)
                throw new Error(`Service deployment ${arn} cannot be described (ECS answers it is MISSING)`);
            return viewOf(d, taskDefinition, true);
        }
        catch (err) {
            if ((0,poll/* isRetryable */.r3)(err))
                return 'retry';
            throw err;
        }
    }
    /**
     * Polls until `done` says the deployment is where it should be; fails when ECS ends or rolls it back, or on timeout.
     */
    async until(r, ctx, doing, done) {
        const start = Date.now();
        const deadline = start + r.timeoutMinutes * 60_000;
        let last;
        for (;;) {
            const d = await this.read(r.deploymentArn, r.taskDefinition);
            if (d !== 'retry') {
                last = d;
                if (await done(d))
                    return d;
                if (d.status !== 'IN_PROGRESS' && d.status !== 'PENDING')
                    throw endedByEcs(d, doing);
                core/* info */.pq(`${(0,taskDefinition/* shortTaskDefinition */.P5)(r.taskDefinition)}: ${d.status}, ${d.target.weight} %, ${running(d)}${d.pause ? ', paused' : ''} (${Math.round((Date.now() - start) / 1000)}s, ${doing})`);
            }
            if (Date.now() >= deadline) {
                const where = last ? `${last.status}, ${last.target.weight} %, ${running(last)}` : 'not readable';
                throw new Error(`Service deployment ${r.deploymentArn} was not done ${doing} within ${r.timeoutMinutes} minute(s) (wait-for-minutes): ${where}. Nothing more was continued; rerun to go on`);
            }
            await ctx.sleep(Math.min((0,poll/* pollDelayMs */.pP)(Date.now() - start), Math.max(0, deadline - Date.now())));
        }
    }
    async start(r, ctx) {
        const { ifTaskDefinition, ...input } = r;
        const service = (await (0,ecsServices/* describeServices */.Ge)(this.ecs, r.cluster, [r.service])).get(r.service);
        const underWay = await this.api.listDeployments(r.cluster, r.service, UNDER_WAY);
        if (service?.taskDefinition !== ifTaskDefinition || underWay.length > 0) {
            const now = underWay[0]
                ? `deployment ${underWay[0].serviceDeploymentArn} (${underWay[0].status}) started since`
                : `it now runs ${(0,taskDefinition/* shortTaskDefinition */.P5)(service?.taskDefinition)}`;
            throw new errors/* ConcurrentModificationError */._b(`ECS service ${r.service} changed since this run read it: ${now}. Another run or person is deploying it; nothing was written, so their change stands`);
        }
        const updated = await (0,ecsServices/* updateService */.bU)(this.ecs, input);
        const arn = updated.currentServiceDeployment ?? (await this.findStarted(r, ctx));
        core/* info */.pq(`Service deployment ${arn} of ${(0,taskDefinition/* shortTaskDefinition */.P5)(r.taskDefinition)} started`);
        return {
            detail: `service deployment ${arn}`,
            produces: { [DEPLOYMENT_ARN]: arn, [model/* REFS */.tr.routeArn]: arn },
            service: {
                name: r.service,
                taskDefinition: updated.taskDefinition,
                running: updated.runningCount ?? 0,
                desired: updated.desiredCount ?? 0,
            },
            leftBehind: `ECS service ${r.service} deploys ${(0,taskDefinition/* shortTaskDefinition */.P5)(r.taskDefinition)} (service deployment ${arn}, ECS's LINEAR strategy, paused; roll back with operation: rollback, or aws ecs stop-service-deployment --stop-type ROLLBACK --service-deployment-arn ${arn})`,
        };
    }
    /** The deployment this run's UpdateService started, when ECS's answer did not name it (reads can lag writes). */
    async findStarted(r, ctx) {
        const start = Date.now();
        for (;;) {
            for (const brief of await this.api.listDeployments(r.cluster, r.service, UNDER_WAY)) {
                const td = await this.api.revisionTaskDefinition(brief.targetServiceRevisionArn ?? '');
                if (td === r.taskDefinition && brief.serviceDeploymentArn)
                    return brief.serviceDeploymentArn;
            }
            if (Date.now() - start >= poll/* CONSISTENCY_WINDOW_MS */.$x)
                throw new Error(`ECS shows no service deployment of ${(0,taskDefinition/* shortTaskDefinition */.P5)(r.taskDefinition)} on ${r.service}`);
            await ctx.sleep((0,poll/* pollDelayMs */.pP)(Date.now() - start));
        }
    }
    /** Until the deployment is paused at `weight` with the new revision's tasks all running. */
    async waitPaused(r, ctx) {
        const d = await this.until(r, ctx, `pausing at ${r.weight} % with the new revision running`, (d) => {
            if (d.target.weight > r.weight)
                throw pastWeight(d, r.weight);
            return d.status === 'IN_PROGRESS' && !!d.pause && d.target.weight === r.weight && fullyRunning(d);
        });
        return {
            detail: `paused at ${d.target.weight} %, ${running(d)}`,
            weights: (0,plan_weights/* weightsFor */.NK)(d.target.weight),
            produces: { [model/* REFS */.tr.routeArn]: d.arn },
        };
    }
    /** One step: only from a pause at exactly `from`, with the new tasks running; done at the next pause at `to`. */
    async continue(r, ctx) {
        const now = await this.read(r.deploymentArn, r.taskDefinition);
        if (now === 'retry')
            throw new Error(`ECS answered with a retryable error reading ${r.deploymentArn}: not continued`);
        if (now.status !== 'IN_PROGRESS')
            throw endedByEcs(now, `about to continue to ${r.to} %`);
        if (!now.pause || now.target.weight !== r.from || !fullyRunning(now)) {
            throw new errors/* ConcurrentModificationError */._b(`Service deployment ${r.deploymentArn} is not paused at ${r.from} % with its new tasks running (${now.target.weight} %, ${running(now)}${now.pause ? ', paused' : ', not paused'}): another run or person is acting on it. Nothing was continued`, { weightsNow: (0,plan_weights/* weightsFor */.NK)(now.target.weight) });
        }
        await this.api.continueDeployment(r.deploymentArn, now.pause.hookId, 'CONTINUE');
        const sent = `Service deployment ${r.deploymentArn} was continued from ${r.from} % toward ${r.to} %`;
        return this.stepped(r, ctx, now.pause.hookId).catch((err) => notSeenThrough(err, sent, rollbackUndo(r)));
    }
    /** A continued step, seen through: the deployment at `to`, paused by the next hook (or at 100 %). */
    async stepped(r, ctx, hookId) {
        const d = await this.until(r, ctx, `stepping to ${r.to} %`, (d) => {
            if (d.target.weight > r.to)
                throw pastWeight(d, r.to);
            const reached = d.target.weight === r.to;
            // At 100 % no pause follows: the deployment bakes, cleans up and ends SUCCESSFUL on its own.
            return reached && (r.to === 100 ? true : d.pause !== undefined && d.pause.hookId !== hookId);
        });
        return {
            detail: `${d.target.weight} % on ${(0,taskDefinition/* shortTaskDefinition */.P5)(r.taskDefinition)}${r.to < 100 ? ', paused again' : ''}`,
            weights: (0,plan_weights/* weightsFor */.NK)(d.target.weight),
            undo: rollbackUndo(r),
        };
    }
    /** Promote: every pause continued, in turn, until ECS says SUCCESSFUL. */
    async finish(r, ctx) {
        let weight = r.from;
        let continued;
        const finished = this.until(r, ctx, 'finishing (every step continued)', async (d) => {
            if (d.status === 'SUCCESSFUL')
                return true;
            if (d.target.weight < weight)
                throw endedByEcs(d, 'finishing');
            weight = d.target.weight;
            if (d.pause && d.pause.hookId !== continued && fullyRunning(d)) {
                await this.api.continueDeployment(r.deploymentArn, d.pause.hookId, 'CONTINUE');
                continued = d.pause.hookId;
                core/* info */.pq(`Continued ${r.deploymentArn} from ${d.target.weight} %`);
            }
            return false;
        });
        try {
            await finished;
        }
        catch (err) {
            if (continued === undefined)
                throw err;
            return notSeenThrough(err, `Service deployment ${r.deploymentArn} was continued from ${weight} %`);
        }
        return { detail: 'deployment SUCCESSFUL: the new revision takes all traffic', weights: (0,plan_weights/* weightsFor */.NK)(0) };
    }
    /** Rollback: ROLLBACK through the awaiting hook, else StopServiceDeployment; done at ROLLBACK_SUCCESSFUL. */
    async rollback(r, ctx) {
        const d = await this.api.describeDeployment(r.deploymentArn);
        if (!d)
            throw new Error(`Service deployment ${r.deploymentArn} cannot be described: not rolled back`);
        const now = viewOf(d, undefined, true);
        if (now.status === 'SUCCESSFUL')
            throw new Error(`Service deployment ${r.deploymentArn} ended SUCCESSFUL before this rollback: the new revision stays`);
        if (now.status !== 'IN_PROGRESS' && now.status !== 'PENDING')
            return this.rolledBack(r, ctx);
        if (now.pause)
            await this.api.continueDeployment(r.deploymentArn, now.pause.hookId, 'ROLLBACK');
        else
            await this.api.stopDeployment(r.deploymentArn);
        const sent = `Service deployment ${r.deploymentArn} was sent to ROLLBACK`;
        return this.rolledBack(r, ctx).catch((err) => notSeenThrough(err, sent));
    }
    /** Once the deployment has ended: ROLLBACK_SUCCESSFUL, all traffic on the revision from before. */
    async rolledBack(r, ctx) {
        const done = await this.untilEnded({ ...r, taskDefinition: '' }, ctx, 'rolling back');
        if (done.status !== 'ROLLBACK_SUCCESSFUL')
            throw new Error(`Service deployment ${r.deploymentArn} ended ${done.status} (${done.statusReason ?? 'no reason given'}), not ROLLBACK_SUCCESSFUL: the new revision has ${done.target.weight} %`);
        return { detail: `ROLLBACK_SUCCESSFUL: ${done.rollbackReason ?? 'rolled back'}`, weights: (0,plan_weights/* weightsFor */.NK)(0) };
    }
    /** Until the deployment has ended, whatever the end (rolling back is not an end). */
    async untilEnded(r, ctx, doing) {
        const start = Date.now();
        const deadline = start + r.timeoutMinutes * 60_000;
        for (;;) {
            const d = await this.read(r.deploymentArn, r.taskDefinition);
            if (d !== 'retry' && !UNDER_WAY.includes(d.status))
                return d;
            if (Date.now() >= deadline)
                throw new Error(`Service deployment ${r.deploymentArn} did not end ${doing} within ${r.timeoutMinutes} minute(s) (wait-for-minutes)${d === 'retry' ? '' : `: ${d.status}`}`);
            await ctx.sleep(Math.min((0,poll/* pollDelayMs */.pP)(Date.now() - start), Math.max(0, deadline - Date.now())));
        }
    }
    /** The service's deploymentConfiguration without this action's PAUSE hook, read again now; nothing if it has none. */
    async removeHook(r) {
        const service = (await (0,ecsServices/* describeServices */.Ge)(this.ecs, r.cluster, [r.service])).get(r.service);
        const config = service?.deploymentConfiguration;
        if (!config?.lifecycleHooks?.some(isOurHook))
            return { detail: 'no PAUSE hook of this action left' };
        const underWay = await this.api.listDeployments(r.cluster, r.service, UNDER_WAY);
        if (underWay.length > 0)
            throw new errors/* ConcurrentModificationError */._b(`ECS service ${r.service} has a deployment under way again (${underWay[0].serviceDeploymentArn}): its PAUSE hook is left as it is`);
        const lifecycleHooks = config.lifecycleHooks.filter((h) => !isOurHook(h));
        await (0,ecsServices/* updateService */.bU)(this.ecs, {
            cluster: r.cluster,
            service: r.service,
            deploymentConfiguration: { ...config, lifecycleHooks },
        });
        return { detail: `PAUSE hook removed; strategy ${config.strategy} kept` };
    }
}
/**
 * A write ECS accepted whose end this run could not see (a read failed, the wait timed out or went past its weight):
 * unless ECS itself said where the deployment is (it ended or rolled it back), the weight in effect is not confirmed.
 */
function notSeenThrough(err, sent, undo) {
    if (err instanceof errors/* ConcurrentModificationError */._b)
        throw err;
    return {
        ...(undo ? { undo } : {}),
        unconfirmed: `${sent}, but following it failed (${(0,errors/* errorMessage */.gJ)(err)}): the weight in effect is not confirmed; check the service deployment before retrying`,
    };
}
/** The deployment is past the weight this step was to stop at: never expected, since every weight is a step. */
function pastWeight(d, weight) {
    return new Error(`Service deployment ${d.arn} is at ${d.target.weight} %, past the ${weight} % this run asked for: ECS did not pause where this action's hook should have held it. Check its deploymentConfiguration`);
}
const fullyRunning = (d) => d.target.requested > 0 && d.target.running >= d.target.requested;
/** The undo of a continued step: rolling the deployment back (never run: continued steps stand). */
const rollbackUndo = (r) => ({
    kind: NATIVE_KINDS.rollback,
    request: { deploymentArn: r.deploymentArn, timeoutMinutes: r.timeoutMinutes },
    describe: `service deployment ${r.deploymentArn} rolled back`,
});
function nativeExecutors(api, ecs) {
    const x = new NativeExecutors(api, ecs);
    return {
        [NATIVE_KINDS.start]: (0,executor/* executor */.k)((r, ctx) => x.start(r, ctx)),
        [NATIVE_KINDS.waitPaused]: (0,executor/* executor */.k)((r, ctx) => x.waitPaused(r, ctx)),
        [NATIVE_KINDS.continue]: (0,executor/* executor */.k)((r, ctx) => x.continue(r, ctx)),
        [NATIVE_KINDS.finish]: (0,executor/* executor */.k)((r, ctx) => x.finish(r, ctx)),
        [NATIVE_KINDS.rollback]: (0,executor/* executor */.k)((r, ctx) => x.rollback(r, ctx)),
        [NATIVE_KINDS.removeHook]: (0,executor/* executor */.k)((r) => x.removeHook(r)),
    };
}

// EXTERNAL MODULE: ./src/traffic/sidecars.ts
var sidecars = __webpack_require__(6425);
;// CONCATENATED MODULE: ./src/traffic/ecsNative/planner.ts






/** Why a continued step is never undone. */
const STANDS = 'ECS cannot lower the weight inside a deployment: it stays paused at the weight reached, and a rerun goes on from there (rollback ends it)';
const DEPLOYMENT = 'ECS service deployment';
/** The weights a deployment at `from` passes through to reach `to` with `step`: each multiple of it, and 100. */
function stepsBetween(from, to, step) {
    const weights = [];
    for (let w = from; w < to;) {
        w = Math.min(100, w + step);
        weights.push(w);
    }
    return weights;
}
/** Whether a deployment that shifts `step` at a time from 0 ever rests at weight `w`. */
const reachable = (w, step) => w === 100 || w % step === 0;
class EcsNativePlanner {
    opts;
    constructor(opts) {
        this.opts = opts;
    }
    /** The base without App Mesh's Envoy (Service Connect brings its own proxy), tagged as this action's revision. */
    renderWorkload(base) {
        const { definition: def, warnings } = (0,sidecars/* withoutEnvoy */.ef)(base.definition, 'for Service Connect');
        const tags = (def.tags ?? []).filter((t) => t.key !== REGISTERED_BY.key);
        def.tags = [...tags, { ...REGISTERED_BY }];
        return { definition: def, warnings };
    }
    planRelease(state, release) {
        const service = release.service;
        this.requireShiftable(state, service);
        const d = state.deployment;
        const td = release.taskDefinition;
        if (d)
            return this.planRerun(state, d, td, release.target);
        if (typeof td === 'string') {
            if (td === service.taskDefinition)
                throw new errors/* PlanError */.W6(`ECS service ${this.opts.service} already runs ${(0,taskDefinition/* shortTaskDefinition */.P5)(td)}, the revision this deploy would start: there is nothing to deploy (a promoted canary, or the image the service runs)`, 'image');
            if (state.latestOurs?.arn === td && !state.latestOurs.ours)
                throw new errors/* PlanError */.W6(`Revision ${(0,taskDefinition/* shortTaskDefinition */.P5)(td)} is the one this deploy would run, but this action did not register it (it has no ${REGISTERED_BY.key} tag), so later runs could not tell this deployment from someone else's. Deploy another image, or register a new revision of it`, 'image');
        }
        const arn = (0,model/* ref */.KR)(DEPLOYMENT_ARN);
        const start = this.start(service, td, release.alarms);
        const tasks = service.desiredCount ?? 0;
        return [
            start,
            this.waitPaused(arn, td, 0, tasks),
            ...this.continues(arn, td, 0, release.target.canary, this.opts.stepPercent),
        ];
    }
    /** Deploy again while a deployment is under way: only this action's, of this very revision, is taken further. */
    planRerun(state, d, td, target) {
        this.requireOurs(d, 'continue or replace');
        if ((0,model/* isRef */.i9)(td) || d.target.taskDefinition !== td) {
            throw new errors/* PlanError */.W6(`ECS service ${this.opts.service} has this action's deployment ${d.arn} of ${(0,taskDefinition/* shortTaskDefinition */.P5)(d.target.taskDefinition)} under way (${d.target.weight} %, ${d.status}), not of the revision this deploy runs: promote it or roll it back before deploying another image. Nothing was written`, 'image');
        }
        this.requireInProgress(d);
        return this.stepTo(state, d, target.canary, 'canary-weight');
    }
    planWeights(state, target, opts = {}) {
        const d = state.deployment;
        const next = { ...state, weights: target };
        if (target.canary === 0)
            return { changes: this.planRollback(state), next };
        if (!d)
            throw new errors/* PlanError */.W6(`ECS service ${this.opts.service} has no deployment under way to shift: deploy first (a deployment that ended, promoted or rolled back, cannot be shifted)`, 'stable-service');
        this.requireOurs(d, 'shift');
        if (opts.revision && d.target.taskDefinition !== opts.revision)
            throw new errors/* PlanError */.W6(`The deployment under way on ECS service ${this.opts.service} runs ${(0,taskDefinition/* shortTaskDefinition */.P5)(d.target.taskDefinition)}, not ${(0,taskDefinition/* shortTaskDefinition */.P5)(opts.revision)} that this walk deployed and baked: the walk stops here with the weights as they are`, 'stable-service');
        this.requireInProgress(d);
        return { changes: this.stepTo(state, d, target.canary, 'canary-weight'), next };
    }
    planPromote(state) {
        const d = state.deployment;
        if (!d) {
            if (!state.runsOurs)
                throw new errors/* PlanError */.W6(`ECS service ${this.opts.service} has no deployment of this action under way to promote, and the revision it runs (${(0,taskDefinition/* shortTaskDefinition */.P5)(state.service?.taskDefinition)}) is not one this action registered: deploy first`, 'stable-service');
            // Promoted already: what is left is this action's PAUSE hook, if removing it failed then.
            return this.removeHook(state);
        }
        this.requireOurs(d, 'promote');
        this.requireInProgress(d);
        const bake = d.config?.bakeTimeInMinutes ?? 0;
        const finish = {
            kind: NATIVE_KINDS.finish,
            resource: { type: DEPLOYMENT, name: this.opts.service },
            action: 'continue',
            before: `new revision ${(0,taskDefinition/* shortTaskDefinition */.P5)(d.target.taskDefinition)} at ${d.target.weight} %`,
            after: 'every step continued: the new revision takes all traffic, deployment SUCCESSFUL',
            request: {
                deploymentArn: d.arn,
                taskDefinition: d.target.taskDefinition,
                from: d.target.weight,
                timeoutMinutes: this.opts.waitForMinutes + bake,
            },
            moves: 'traffic',
        };
        return [finish, ...this.removeHook(state, true)];
    }
    /** Rollback: ROLLBACK through the awaiting hook (or StopServiceDeployment), then the PAUSE hook removed. */
    planRollback(state) {
        const d = state.deployment;
        if (!d)
            return this.removeHook(state);
        this.requireOurs(d, 'roll back');
        if (d.status === 'STOP_REQUESTED')
            throw new errors/* PlanError */.W6(`Service deployment ${d.arn} is being stopped (${d.statusReason ?? 'no reason given'})`, 'stable-service');
        const how = d.status.startsWith('ROLLBACK')
            ? 'ECS is rolling it back already: wait for ROLLBACK_SUCCESSFUL'
            : d.pause
                ? 'ContinueServiceDeployment ROLLBACK on the awaiting hook'
                : 'StopServiceDeployment ROLLBACK';
        const rollback = {
            kind: NATIVE_KINDS.rollback,
            resource: { type: DEPLOYMENT, name: this.opts.service },
            action: 'update',
            before: `new revision ${(0,taskDefinition/* shortTaskDefinition */.P5)(d.target.taskDefinition)} at ${d.target.weight} %`,
            after: `rolled back (${how}): all traffic on the revision from before, ROLLBACK_SUCCESSFUL`,
            request: { deploymentArn: d.arn, timeoutMinutes: this.opts.waitForMinutes },
            moves: 'traffic',
        };
        return [rollback, ...this.removeHook(state, true)];
    }
    /** Continues from the current weight up to `to`, after waiting for the pause if the deployment is not paused. */
    stepTo(state, d, to, input) {
        const from = d.target.weight;
        const step = this.stepOf(d);
        if (to < from)
            throw new errors/* PlanError */.W6(`The deployment on ECS service ${this.opts.service} is at ${from} %; ECS cannot lower the weight inside a deployment, so ${to} % is refused (nothing was written). Roll back to end it`, input);
        if (!reachable(to, step))
            throw new errors/* PlanError */.W6(`The deployment on ECS service ${this.opts.service} shifts ${step} % a step (${stepsBetween(0, 100, step).join(', ')} %): it never rests at ${to} %. Use one of those weights`, input);
        if (to === from && d.pause)
            return [];
        const td = d.target.taskDefinition;
        const tasks = state.service?.desiredCount ?? d.target.requested;
        return [this.waitPaused(d.arn, td, from, tasks), ...this.continues(d.arn, td, from, to, step)];
    }
    stepOf(d) {
        const step = d.config?.strategy === 'LINEAR' ? d.config.linearConfiguration?.stepPercent : undefined;
        if (!step)
            throw new errors/* PlanError */.W6(`Service deployment ${d.arn} is not a LINEAR deployment (strategy ${d.config?.strategy ?? 'unknown'}): this action steps only the LINEAR deployments it starts`, 'stable-service');
        return step;
    }
    continues(arn, td, from, to, step) {
        const weights = stepsBetween(from, to, step);
        return weights.map((w, i) => {
            const before = i === 0 ? from : weights[i - 1];
            return {
                kind: NATIVE_KINDS.continue,
                resource: { type: DEPLOYMENT, name: this.opts.service },
                action: 'continue',
                before: (0,plan_weights/* showWeights */.V0)((0,plan_weights/* weightsFor */.NK)(before)),
                after: (0,plan_weights/* showWeights */.V0)((0,plan_weights/* weightsFor */.NK)(w)),
                request: {
                    deploymentArn: arn,
                    taskDefinition: td,
                    from: before,
                    to: w,
                    timeoutMinutes: this.opts.waitForMinutes,
                },
                moves: 'traffic',
                stands: STANDS,
            };
        });
    }
    waitPaused(arn, td, weight, tasks) {
        return {
            kind: NATIVE_KINDS.waitPaused,
            resource: { type: DEPLOYMENT, name: this.opts.service },
            action: 'wait',
            after: `the new revision's ${tasks} task(s) running, paused at ${weight} % before the next step (at most ${this.opts.waitForMinutes} min)`,
            request: { deploymentArn: arn, taskDefinition: td, weight, timeoutMinutes: this.opts.waitForMinutes },
            moves: 'none',
        };
    }
    start(service, td, alarms) {
        const configuration = this.configuration(service, alarms);
        const runs = (0,model/* isRef */.i9)(td) ? 'the new revision' : (0,taskDefinition/* shortTaskDefinition */.P5)(td);
        const connect = this.opts.preview ? withTestTraffic(service, this.opts.preview) : undefined;
        const stop = `aws ecs stop-service-deployment --stop-type ROLLBACK --service-deployment-arn <its ARN>`;
        return {
            kind: NATIVE_KINDS.start,
            resource: { type: 'ECS service', name: this.opts.service },
            action: 'update',
            before: `${(0,taskDefinition/* shortTaskDefinition */.P5)(service.taskDefinition)}, ${service.deploymentConfiguration?.strategy ?? 'ROLLING'}`,
            after: `LINEAR deployment of ${runs}, ${configuration.linearConfiguration?.stepPercent} % a step, paused before each (${this.opts.pauseTimeoutMinutes} min, then ECS rolls back)${this.opts.preview ? `; test traffic with ${this.opts.preview.header}: ${this.opts.preview.value}` : ''}`,
            request: {
                cluster: this.opts.cluster,
                service: this.opts.service,
                taskDefinition: td,
                deploymentConfiguration: configuration,
                ...(connect && { serviceConnectConfiguration: connect }),
                ifTaskDefinition: service.taskDefinition,
            },
            moves: 'capacity',
            leftBehind: `ECS service ${this.opts.service} deploys ${runs} with ECS's LINEAR strategy, paused (roll back with operation: rollback, or ${stop})`,
        };
    }
    /** The service's deploymentConfiguration with the LINEAR strategy, this action's PAUSE hook and the alarms. */
    configuration(service, alarms) {
        const { canaryConfiguration: _canary, ...current } = service.deploymentConfiguration ?? {};
        const hooks = (current.lifecycleHooks ?? []).filter((h) => !isOurHook(h));
        return {
            ...current,
            strategy: 'LINEAR',
            linearConfiguration: { stepPercent: this.opts.stepPercent, stepBakeTimeInMinutes: 0 },
            lifecycleHooks: [
                ...hooks,
                {
                    targetType: 'PAUSE',
                    lifecycleStages: [PAUSE_STAGE],
                    timeoutConfiguration: { timeoutInMinutes: this.opts.pauseTimeoutMinutes, action: 'ROLLBACK' },
                },
            ],
            ...(alarms.length > 0 && { alarms: { alarmNames: [...alarms], enable: true, rollback: true } }),
        };
    }
    /** After the deployment ends: the service's deploymentConfiguration without this action's PAUSE hook. */
    removeHook(state, afterEnd = false) {
        if (!state.pauseHookLeft && !afterEnd)
            return [];
        return [
            {
                kind: NATIVE_KINDS.removeHook,
                resource: { type: 'ECS service', name: this.opts.service },
                action: 'update',
                before: `deploymentConfiguration with this action's PAUSE hook at ${PAUSE_STAGE}`,
                after: 'the same without it (strategy LINEAR kept): a later deployment by another tool is not paused',
                request: { cluster: this.opts.cluster, service: this.opts.service },
                moves: 'none',
            },
        ];
    }
    /** The traffic layer ECS shifts through, and nothing of the service that would keep this action's pauses from working. */
    requireShiftable(state, service) {
        const name = this.opts.service;
        const controller = service.deploymentController?.type ?? 'ECS';
        if (controller !== 'ECS')
            throw new errors/* PlanError */.W6(`ECS service ${name} is deployed by ${controller}, not by ECS: ECS's linear deployments need the ECS deployment controller`, 'stable-service');
        if (!state.serviceConnect)
            throw new errors/* PlanError */.W6(`ECS service ${name} has no Service Connect endpoint (its deployment has no serviceConnectConfiguration with services): ECS shifts traffic between two revisions only through Service Connect or a load balancer's advancedConfiguration, and traffic-provider: ecs-native supports Service Connect. Give the service a Service Connect client-server configuration first`, 'stable-service');
        const pauses = (service.deploymentConfiguration?.lifecycleHooks ?? []).filter((h) => h.targetType === 'PAUSE' && !isOurHook(h));
        if (pauses.length > 0)
            throw new errors/* PlanError */.W6(`ECS service ${name} has PAUSE hooks of its own (at ${pauses.flatMap((h) => h.lifecycleStages ?? []).join(', ')}): this action pauses only at ${PAUSE_STAGE} and would wait on them; remove them first`, 'stable-service');
    }
    requireOurs(d, verb) {
        if (d.ours)
            return;
        throw new errors/* PlanError */.W6(`ECS service ${this.opts.service} has a deployment under way that this action did not start: ${d.arn}, of ${(0,taskDefinition/* shortTaskDefinition */.P5)(d.target.taskDefinition)} (${d.status}${d.stage ? ` at ${d.stage}` : ''}, ${d.target.weight} %), a revision without the ${REGISTERED_BY.key} tag. Refusing to ${verb} someone else's deployment; nothing was written`, 'stable-service');
    }
    requireInProgress(d) {
        if (d.status === 'IN_PROGRESS' || d.status === 'PENDING')
            return;
        const why = d.rollbackReason ?? d.statusReason ?? 'no reason given';
        throw new errors/* PlanError */.W6(`Service deployment ${d.arn} is ${d.status} (${why}); it can no longer be shifted or promoted`, 'stable-service');
    }
}
/** The service's Service Connect configuration with the preview header as every client alias's test traffic rule. */
function withTestTraffic(service, preview) {
    const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
    const sc = structuredClone(primary?.serviceConnectConfiguration);
    if (!sc)
        return undefined;
    for (const s of sc.services ?? [])
        s.clientAliases = (s.clientAliases ?? []).map((a) => ({
            ...a,
            testTrafficRules: { header: { name: preview.header, value: { exact: preview.value } } },
        }));
    return sc;
}

;// CONCATENATED MODULE: ./src/traffic/ecsNative/index.ts
// The ECS-native provider: one ECS service on Service Connect whose new revision ECS itself shifts traffic to, with
// its LINEAR strategy, paused before every step until this action continues it. Loaded (with its ECS client) only
// when traffic-provider is ecs-native.







class EcsNativeProvider {
    context;
    api;
    name = 'ECS-native';
    shape = 'one-service';
    planner;
    executors;
    last;
    operation;
    constructor(s, context, api) {
        this.context = context;
        this.api = api;
        this.planner = new EcsNativePlanner({
            cluster: context.cluster,
            service: context.stableService,
            pauseTimeoutMinutes: s.pauseTimeoutMinutes,
            stepPercent: s.stepPercent,
            waitForMinutes: context.waitForMinutes,
            preview: context.preview,
        });
        this.executors = nativeExecutors(api, api.client);
    }
    async read(operation, ecs) {
        const names = { cluster: this.context.cluster, service: this.context.stableService };
        this.operation = operation;
        this.last = await readEcsNative(this.api, names, operation, ecs);
        return this.last;
    }
    view(region) {
        const cluster = this.context.cluster.slice(this.context.cluster.lastIndexOf('/') + 1);
        const service = this.context.stableService;
        const deployments = `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${cluster}/services/${encodeURIComponent(service)}/deployments?region=${region}`;
        // After promote the stable role runs the new revision: it is then named no more.
        const target = this.operation === 'promote' ? undefined : this.last?.deployment?.target.taskDefinition;
        return {
            label: 'ECS-native (Service Connect)',
            endpointType: 'service revision',
            stableEndpoint: 'stable revision',
            canaryEndpoint: target ? `canary revision ${(0,taskDefinition/* shortTaskDefinition */.P5)(target)}` : 'canary revision',
            entry: `Service Connect of ECS service ${service}`,
            endpointOutput: '',
            link: (r) => (r.type === 'ECS service deployment' || r.type === 'service revision' ? deployments : undefined),
        };
    }
}
function createEcsNativeProvider(s, context, config) {
    return new EcsNativeProvider(s, context, new EcsNativeApi((0,clients/* withErrorContext */.mO)(new dist_cjs/* ECSClient */.Zgc(config), 'ECS')));
}


/***/ })

};
