export const id = 657;
export const ids = [657];
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

/***/ 4657:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AlbProvider: () => (/* binding */ AlbProvider),
  createAlbProvider: () => (/* binding */ createAlbProvider)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var dist_cjs = __webpack_require__(586);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/notFound.ts
var notFound = __webpack_require__(3902);
;// CONCATENATED MODULE: ./src/traffic/alb/api.ts
// Elastic Load Balancing v2 calls: target groups by name or ARN with their attributes and tags, a load balancer's
// listeners and a listener's rules, the actions of a rule or of a listener's default action read and written, the
// canary group created and deleted, the preview rule created and deleted, target health. The only module of the
// provider that sends ELBv2 commands.


/** DescribeTags takes at most 20 ARNs a call. */
const TAGS_PER_CALL = 20;
const toTags = (tags) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
class AlbApi {
    client;
    constructor(client) {
        this.client = client;
    }
    async all(page) {
        const items = [];
        let marker;
        do {
            const out = await page(marker);
            items.push(...(out.items ?? []));
            marker = out.NextMarker;
        } while (marker);
        return items;
    }
    /** A target group by name or ARN, or undefined when there is none. */
    async findTargetGroup(ref) {
        const input = ref.startsWith('arn:') ? { TargetGroupArns: [ref] } : { Names: [ref] };
        const out = await (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs/* DescribeTargetGroupsCommand */.sC7(input)), [
            'TargetGroupNotFoundException',
        ]);
        return out?.TargetGroups?.[0];
    }
    /** Target groups by ARN, in one call; none when one of them does not exist. */
    async targetGroupsByArn(TargetGroupArns) {
        const out = await (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs/* DescribeTargetGroupsCommand */.sC7({ TargetGroupArns })), [
            'TargetGroupNotFoundException',
        ]);
        return out?.TargetGroups ?? [];
    }
    async attributes(TargetGroupArn) {
        const out = await this.client.send(new dist_cjs/* DescribeTargetGroupAttributesCommand */.cKh({ TargetGroupArn }));
        return Object.fromEntries((out.Attributes ?? []).map((a) => [a.Key, a.Value ?? '']));
    }
    async setAttributes(TargetGroupArn, attributes) {
        const Attributes = Object.entries(attributes).map(([Key, Value]) => ({ Key, Value }));
        await this.client.send(new dist_cjs/* ModifyTargetGroupAttributesCommand */.fHb({ TargetGroupArn, Attributes }));
    }
    async createTargetGroup(input) {
        return (await this.client.send(new dist_cjs/* CreateTargetGroupCommand */.GGF(input))).TargetGroups[0];
    }
    async deleteTargetGroup(TargetGroupArn) {
        await this.client.send(new dist_cjs/* DeleteTargetGroupCommand */.tX({ TargetGroupArn }));
    }
    async targetHealth(TargetGroupArn) {
        return (await this.client.send(new dist_cjs/* DescribeTargetHealthCommand */.qyg({ TargetGroupArn }))).TargetHealthDescriptions ?? [];
    }
    /** The tags of each resource, by ARN (a resource that does not exist has none). */
    async tags(arns) {
        const tags = new Map();
        for (let i = 0; i < arns.length; i += TAGS_PER_CALL) {
            const ResourceArns = arns.slice(i, i + TAGS_PER_CALL);
            const out = await this.client.send(new dist_cjs/* DescribeTagsCommand */.yRM({ ResourceArns }));
            for (const d of out.TagDescriptions ?? []) {
                tags.set(d.ResourceArn, Object.fromEntries((d.Tags ?? []).map((t) => [t.Key, t.Value ?? ''])));
            }
        }
        return tags;
    }
    async loadBalancer(arn) {
        const out = await (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs/* DescribeLoadBalancersCommand */.AZi({ LoadBalancerArns: [arn] })), [
            'LoadBalancerNotFoundException',
        ]);
        return out?.LoadBalancers?.[0];
    }
    /** A listener by ARN, or undefined when there is none. */
    async listener(arn) {
        const out = await (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs/* DescribeListenersCommand */.AKE({ ListenerArns: [arn] })), [
            'ListenerNotFoundException',
        ]);
        return out?.Listeners?.[0];
    }
    listeners(LoadBalancerArn) {
        return this.all(async (Marker) => {
            const out = await this.client.send(new dist_cjs/* DescribeListenersCommand */.AKE({ LoadBalancerArn, Marker }));
            return { items: out.Listeners, NextMarker: out.NextMarker };
        });
    }
    /** A listener's rules, its default rule last (IsDefault, Priority "default"). */
    rules(ListenerArn) {
        return this.all(async (Marker) => {
            const out = await this.client.send(new dist_cjs/* DescribeRulesCommand */.Ggo({ ListenerArn, Marker }));
            return { items: out.Rules, NextMarker: out.NextMarker };
        });
    }
    async rule(arn) {
        const out = await (0,notFound/* orUndefined */.y)(this.client.send(new dist_cjs/* DescribeRulesCommand */.Ggo({ RuleArns: [arn] })), [
            'RuleNotFoundException',
        ]);
        return out?.Rules?.[0];
    }
    /** The actions at `where` (a rule, or the listener's default action), or undefined when it is gone. */
    async readSplit(where) {
        if (where.rule) {
            const rule = await this.rule(where.rule);
            return (rule && {
                arn: rule.RuleArn,
                actions: rule.Actions ?? [],
                conditions: rule.Conditions ?? [],
                priority: Number(rule.Priority),
            });
        }
        const listener = await this.listener(where.listener);
        return listener && { arn: listener.ListenerArn, actions: listener.DefaultActions ?? [], conditions: [] };
    }
    /** Writes the actions at `where`; the answer is the rule or listener as ELB now holds it. */
    async writeActions(where, actions) {
        if (where.rule) {
            const out = await this.client.send(new dist_cjs/* ModifyRuleCommand */.y5P({ RuleArn: where.rule, Actions: actions }));
            return { arn: out.Rules?.[0]?.RuleArn, actions: out.Rules?.[0]?.Actions ?? [] };
        }
        const out = await this.client.send(new dist_cjs/* ModifyListenerCommand */.ugc({ ListenerArn: where.listener, DefaultActions: actions }));
        return { arn: out.Listeners?.[0]?.ListenerArn, actions: out.Listeners?.[0]?.DefaultActions ?? [] };
    }
    async createRule(r) {
        const out = await this.client.send(new dist_cjs/* CreateRuleCommand */.OOk({
            ListenerArn: r.listener,
            Priority: r.priority,
            Conditions: r.conditions,
            Actions: r.actions,
            Tags: Object.keys(r.tags).length ? toTags(r.tags) : undefined,
        }));
        return out.Rules[0].RuleArn;
    }
    async deleteRule(RuleArn) {
        await this.client.send(new dist_cjs/* DeleteRuleCommand */.piX({ RuleArn }));
    }
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/executor.ts
var executor = __webpack_require__(8282);
// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
// EXTERNAL MODULE: ./src/plan/weights.ts
var weights = __webpack_require__(5538);
// EXTERNAL MODULE: ./src/traffic/targetHealth.ts
var targetHealth = __webpack_require__(6898);
;// CONCATENATED MODULE: ./src/traffic/alb/forward.ts
const byOrder = (a, b) => (a.Order ?? 0) - (b.Order ?? 0);
/** The forward action among `actions` (there is at most one: it ends the list). */
const forwardAction = (actions) => actions?.find((a) => a.Type === 'forward');
/** The weighted groups of the forward action; a forward naming one group by TargetGroupArn alone has weight 1. */
function forwardOf(actions) {
    const forward = forwardAction(actions);
    if (!forward)
        return undefined;
    const groups = forward.ForwardConfig?.TargetGroups;
    if (groups?.length)
        return groups.map((g) => ({ group: g.TargetGroupArn, weight: g.Weight ?? 1 }));
    return forward.TargetGroupArn ? [{ group: forward.TargetGroupArn, weight: 1 }] : [];
}
/** An action in the form a write accepts. */
function writableAction(action) {
    const copy = JSON.parse(JSON.stringify(action));
    if (copy.Type === 'forward') {
        const groups = forwardOf([copy]) ?? [];
        delete copy.TargetGroupArn;
        copy.ForwardConfig = {
            ...copy.ForwardConfig,
            TargetGroups: groups.map((g) => ({ TargetGroupArn: g.group, Weight: g.weight })),
        };
    }
    if (copy.AuthenticateOidcConfig) {
        delete copy.AuthenticateOidcConfig.ClientSecret;
        copy.AuthenticateOidcConfig.UseExistingClientSecret = true;
    }
    return copy;
}
/** The actions in the form a write accepts, in their order. */
const writableActions = (actions) => [...(actions ?? [])].sort(byOrder).map(writableAction);
/** The conditions in the form a write accepts: a condition with a …Config loses its legacy Values. */
function writableConditions(conditions) {
    return (conditions ?? []).map((c) => {
        const copy = JSON.parse(JSON.stringify(c));
        const hasConfig = Object.keys(copy).some((k) => k.endsWith('Config') && copy[k]);
        if (hasConfig)
            delete copy.Values;
        return copy;
    });
}
/** `actions` with the forward action's groups and weights set to `forward`; everything else as it is. */
function withForward(actions, forward) {
    return writableActions(actions).map((a) => a.Type === 'forward'
        ? {
            ...a,
            ForwardConfig: {
                ...a.ForwardConfig,
                TargetGroups: forward.map((f) => ({ TargetGroupArn: f.group, Weight: f.weight })),
            },
        }
        : a);
}
/** A value with its object keys sorted, for comparing what AWS answered with what was expected. */
function sortedKeys(value) {
    if (Array.isArray(value))
        return value.map(sortedKeys);
    if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, sortedKeys(v)]));
    }
    return value;
}
/**
 * The actions as one comparable string: in their order, the forward's groups sorted, stickiness that is off without
 * its duration, an OIDC action without its secret (never answered) or the flag that keeps it.
 */
function canonicalActions(actions) {
    const canonical = writableActions(actions).map((a) => {
        if (a.Type === 'forward') {
            const sticky = a.ForwardConfig?.TargetGroupStickinessConfig;
            const groups = [...(a.ForwardConfig?.TargetGroups ?? [])].sort((x, y) => String(x.TargetGroupArn).localeCompare(String(y.TargetGroupArn)));
            return {
                ...a,
                ForwardConfig: {
                    TargetGroups: groups.map((g) => ({ TargetGroupArn: g.TargetGroupArn, Weight: g.Weight ?? 1 })),
                    TargetGroupStickinessConfig: sticky?.Enabled
                        ? { Enabled: true, DurationSeconds: sticky.DurationSeconds }
                        : { Enabled: false },
                },
            };
        }
        if (a.AuthenticateOidcConfig)
            delete a.AuthenticateOidcConfig.UseExistingClientSecret;
        return a;
    });
    return JSON.stringify(sortedKeys(canonical));
}
/** Whether two lists of conditions (in the form a write accepts) are the same. */
const sameConditions = (a, b) => JSON.stringify(sortedKeys(writableConditions(a))) === JSON.stringify(sortedKeys(writableConditions(b)));
/** Whether two lists of actions are the same, as AWS would hold them. */
const sameActions = (a, b) => a !== undefined && b !== undefined && canonicalActions(a) === canonicalActions(b);
/** The weight a group has in a forward action (0 when it is not in it, or when no group is given). */
function weightOf(forward, group) {
    return forward.filter((f) => group !== undefined && f.group === group).reduce((n, f) => n + f.weight, 0);
}
/** The same groups with the same weights, in any order. */
function sameForward(a, b) {
    if (!a || a.length !== b.length)
        return false;
    return b.every((x) => a.some((y) => x.group === y.group && x.weight === y.weight));
}
/** A target group's name from its ARN (`…:targetgroup/NAME/ID`). */
const nameOf = (arn) => /:targetgroup\/([^/]+)\//.exec(arn)?.[1] ?? arn;
const showForward = (f) => f ? f.map((g) => `${nameOf(g.group)}=${g.weight}`).join(', ') : 'none';

// EXTERNAL MODULE: ./src/traffic/alb/state.ts
var alb_state = __webpack_require__(9186);
;// CONCATENATED MODULE: ./src/traffic/alb/executors.ts
// Executors of the ALB change kinds. Rules and listeners carry no version (last writer wins), so a forward write
// re-reads the rule's (or default action's) actions right before writing and stops if they are not what the plan (or
// this run's previous write) left — its groups and weights, and every other action; the write's answer (the actions
// as ELB now holds them) confirms it. What it writes is what it read, but for the forward's groups and weights.








/** The load balancer's words for target health. */
const ALB_HEALTH = { healthy: 'healthy', draining: 'draining' };
const splitOf = (where) => where.rule ? `listener rule ${where.rule}` : `default action of listener ${where.listener}`;
async function setForward(api, r) {
    const read = await api.readSplit(r.where);
    const current = forwardOf(read?.actions);
    const expected = withForward(r.actions, r.expected);
    if (!read || !sameActions(read.actions, expected)) {
        const what = !read
            ? 'it no longer exists'
            : sameForward(current, r.expected)
                ? 'the same groups and weights, but its other actions or stickiness changed'
                : `expected ${showForward(r.expected)}, now ${showForward(current)}`;
        throw new errors/* ConcurrentModificationError */._b(`The forward action of the ${splitOf(r.where)} changed while this run was working (${what}): another run or person is editing it. Nothing was written; rerun once the other change is done (a workflow concurrency group per service prevents this)`);
    }
    const before = writableActions(read.actions);
    const written = withForward(before, r.forward);
    core/* debug */.Yz(`Forward ${showForward(r.forward)}`);
    // ELB answers the write with the actions it now holds: that answer confirms the write, with no read after it.
    const after = await api.writeActions(r.where, written);
    const previous = (0,weights/* toPercent */.BY)(weightOf(current, r.groups.stable), weightOf(current, r.groups.canary));
    const outcome = {
        detail: showForward(r.forward),
        weights: r.weights,
        produces: { [model/* REFS */.tr.routeArn]: after.arn ?? read.arn },
        undo: {
            kind: alb_state/* ALB_KINDS */.ix.setForward,
            request: { ...r, actions: before, forward: current, expected: r.forward, weights: previous },
            describe: `forward action back to ${(0,weights/* showWeights */.V0)(previous)}`,
        },
    };
    if (!sameActions(after.actions, written)) {
        outcome.unconfirmed = `The forward action ${showForward(r.forward)} (${(0,weights/* showWeights */.V0)(r.weights)}) was sent, but ELB answered with ${showForward(forwardOf(after.actions))}: the weights in effect are not confirmed; check them before retrying`;
    }
    return outcome;
}
async function createRule(api, r) {
    const arn = await api.createRule(r);
    return {
        detail: arn,
        produces: { [alb_state/* PREVIEW_ARN */.RR]: arn },
        undo: { kind: alb_state/* ALB_KINDS */.ix.deleteRule, request: { rule: arn }, describe: `preview rule ${r.name ?? arn} removed` },
    };
}
function albExecutors(api) {
    return {
        [alb_state/* ALB_KINDS */.ix.createRule]: (0,executor/* executor */.k)((r) => createRule(api, r)),
        [alb_state/* ALB_KINDS */.ix.deleteRule]: (0,executor/* executor */.k)(async (r) => {
            await api.deleteRule(r.rule);
            return r.recreate
                ? {
                    undo: {
                        kind: alb_state/* ALB_KINDS */.ix.createRule,
                        request: r.recreate,
                        describe: `preview rule back at priority ${r.recreate.priority}`,
                    },
                }
                : {};
        }),
        [alb_state/* ALB_KINDS */.ix.deleteGroup]: (0,executor/* executor */.k)(async (r) => {
            await api.deleteTargetGroup(r.targetGroup);
            return { detail: `deleted ${r.targetGroup}` };
        }),
        [alb_state/* ALB_KINDS */.ix.createGroup]: (0,executor/* executor */.k)(async (r) => {
            const created = await api.createTargetGroup(r);
            const arn = created.TargetGroupArn;
            return {
                detail: arn,
                produces: { [alb_state/* CANARY_GROUP */.zH]: arn, [model/* REFS */.tr.canaryEndpointArn]: arn },
                leftBehind: `target group ${r.Name} (aws elbv2 delete-target-group --target-group-arn ${arn})`,
            };
        }),
        [alb_state/* ALB_KINDS */.ix.setAttributes]: (0,executor/* executor */.k)(async (r) => {
            const current = await api.attributes(r.targetGroup);
            const changed = Object.fromEntries(Object.entries(r.attributes).filter(([k, v]) => current[k] !== v));
            if (Object.keys(changed).length)
                await api.setAttributes(r.targetGroup, changed);
            return { detail: Object.keys(changed).length ? Object.keys(changed).join(', ') : 'already set' };
        }),
        [alb_state/* ALB_KINDS */.ix.setForward]: (0,executor/* executor */.k)((r) => setForward(api, r)),
        [alb_state/* ALB_KINDS */.ix.waitHealthy]: (0,executor/* executor */.k)((r, ctx) => {
            const read = async () => (await api.targetHealth(r.targetGroup)).map((t) => {
                const h = t.TargetHealth;
                return {
                    state: h?.State ?? 'unknown',
                    reason: h?.Reason && `${h.Reason}${h.Description ? `: ${h.Description}` : ''}`,
                };
            });
            return (0,targetHealth/* waitTargetsHealthy */.P)(r, read, ALB_HEALTH, ctx);
        }),
    };
}

// EXTERNAL MODULE: ./src/traffic/groupSplit.ts
var groupSplit = __webpack_require__(4880);
// EXTERNAL MODULE: ./src/traffic/sidecars.ts
var sidecars = __webpack_require__(6425);
// EXTERNAL MODULE: ./src/traffic/alb/settings.ts
var settings = __webpack_require__(4010);
;// CONCATENATED MODULE: ./src/traffic/alb/planner.ts








/** The canary group as requests name it: its ARN, or the ref to the one this run creates. */
const canaryGroup = (state) => state.canary.arn ?? (0,model/* ref */.KR)(alb_state/* CANARY_GROUP */.zH);
function forwardFor(state, w) {
    return [
        { group: state.stable.arn, weight: w.stable },
        { group: canaryGroup(state), weight: w.canary },
    ];
}
function canaryListed(state) {
    return state.canary.arn !== undefined && state.forward.some((f) => f.group === state.canary.arn);
}
const splitResource = (state) => ({
    type: state.where.rule ? 'listener rule' : 'listener',
    name: state.splitName,
});
class AlbPlanner {
    opts;
    /** ECS creates an ALB service only on a group a listener uses: planEndpoint always attaches the canary group. */
    split = {
        listed: canaryListed,
        canaryGroup,
        attach: (state) => this.attach(state),
        setForward: (state, w) => this.setForward(state, w),
        waitHealthy: (group, name, tasks) => this.waitHealthy(group, name, tasks),
        attachedByEndpoint: () => true,
    };
    constructor(opts) {
        this.opts = opts;
    }
    renderWorkload(base) {
        return (0,sidecars/* withoutEnvoy */.ef)(base.definition, 'behind the load balancer');
    }
    registration(_stable, state) {
        const { containerName, containerPort, healthCheckGracePeriodSeconds } = state.registration;
        // The canary group's ARN is only known at apply time when this run creates it: a Ref apply resolves.
        const targetGroupArn = canaryGroup(state);
        return {
            loadBalancers: [{ targetGroupArn, containerName, containerPort }],
            ...(healthCheckGracePeriodSeconds !== undefined ? { healthCheckGracePeriodSeconds } : {}),
        };
    }
    /** The canary group created (with the stable group's attributes) when missing, then added to the forward at 0. */
    planEndpoint(state) {
        const changes = [];
        const { stable } = state;
        const name = state.canary.name;
        if (!state.canary.arn) {
            const c = stable.config;
            changes.push({
                kind: alb_state/* ALB_KINDS */.ix.createGroup,
                resource: { type: 'target group', name },
                action: 'create',
                after: `IP targets, settings of ${stable.name} (${c.Protocol}:${c.Port}, ${c.VpcId}, health check ${c.HealthCheckPath ?? c.HealthCheckProtocol})`,
                request: {
                    Name: name,
                    TargetType: 'ip',
                    ...c,
                    Tags: [
                        { Key: alb_state/* CREATED_BY_TAG */.Aw, Value: 'ecs-mesh-canary' },
                        { Key: 'ecs-mesh-canary:stable-target-group', Value: stable.name },
                    ],
                },
                moves: 'none',
                leftBehind: `target group ${name} (aws elbv2 delete-target-group --target-group-arn <its ARN>)`,
            });
        }
        const attributes = state.canary.arn ? state.canaryAttributesDiffer : stable.attributes;
        if (attributes && Object.keys(attributes).length) {
            changes.push({
                kind: alb_state/* ALB_KINDS */.ix.setAttributes,
                resource: { type: 'target group', name },
                action: 'update',
                after: state.canary.arn
                    ? `${Object.keys(attributes).join(', ')} as on ${stable.name}`
                    : `deregistration delay, slow start and stickiness as on ${stable.name}`,
                request: { targetGroup: canaryGroup(state), name, attributes },
                moves: 'none',
            });
        }
        if (!canaryListed(state))
            changes.push(this.attach(state).change);
        return changes;
    }
    /** The canary group joins the forward at weight 0 (stable keeps all traffic). */
    attach(state) {
        if (state.foreign)
            throw new errors/* PlanError */.W6(state.foreign.why, state.foreign.input);
        return this.setForward(state, { stable: 100, canary: 0 }, 'canary group joins the forward at 0: ECS registers tasks only in a group a listener uses, and only those are health-checked');
    }
    planWeights(state, target, opts = {}) {
        return (0,groupSplit/* planGroupWeights */.e)(this.split, state, target, opts);
    }
    setForward(state, w, why, forward = forwardFor(state, w)) {
        const change = {
            kind: alb_state/* ALB_KINDS */.ix.setForward,
            resource: splitResource(state),
            action: 'update',
            before: state.weights ? (0,weights/* showWeights */.V0)(state.weights) : undefined,
            after: why ? `${(0,weights/* showWeights */.V0)(w)} (${why})` : (0,weights/* showWeights */.V0)(w),
            request: {
                where: state.where,
                actions: state.actions,
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
            kind: alb_state/* ALB_KINDS */.ix.waitHealthy,
            resource: { type: 'target group', name },
            action: 'wait',
            after: `${tasks} target(s) healthy (at most ${this.opts.waitForMinutes} min)`,
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
        const ours = rule !== undefined && rule.forward.length === 1 && rule.forward[0].group === state.canary.arn;
        const resource = { type: 'listener rule', name: state.previewName };
        if (!preview) {
            if (!rule || !ours)
                return [];
            const recreate = {
                listener: state.where.listener,
                priority: rule.priority,
                conditions: rule.conditions,
                actions: rule.actions,
                tags: this.previewTags(state),
            };
            return [
                {
                    kind: alb_state/* ALB_KINDS */.ix.deleteRule,
                    resource,
                    action: 'delete',
                    before: `header requests → ${state.canary.name} (priority ${rule.priority})`,
                    after: 'deleted',
                    request: { rule: rule.arn, recreate },
                    moves: 'traffic',
                },
            ];
        }
        const auth = state.actions.filter((a) => a.Type?.startsWith('authenticate-'));
        if (auth.some((a) => a.Type === 'authenticate-oidc')) {
            throw new errors/* PlanError */.W6(`The ${state.where.rule ? 'listener rule' : 'listener'} ${state.splitName} authenticates with authenticate-oidc, whose client secret AWS never returns, so a preview rule cannot carry the same authentication; this action does not create a preview that would bypass it. Create the preview rule yourself, or run without preview-header`, 'preview-header');
        }
        const forwardOrder = state.actions.find((a) => a.Type === 'forward')?.Order ?? auth.length + 1;
        const actions = [
            ...auth,
            {
                Type: 'forward',
                Order: forwardOrder,
                ForwardConfig: { TargetGroups: [{ TargetGroupArn: canary, Weight: 1 }] },
            },
        ];
        const header = {
            Field: 'http-header',
            HttpHeaderConfig: { HttpHeaderName: preview.header, Values: [preview.value] },
        };
        const conditions = [...state.conditions, header];
        const changes = [];
        const same = rule && ours && sameConditions(rule.conditions, conditions) && sameActions(rule.actions, actions);
        if (!same) {
            if (rule && ours)
                changes.push(...this.planPreview(state, undefined, opts));
            const priority = this.previewPriority(state, rule && ours ? rule.priority : undefined);
            const after = `${preview.header}: ${preview.value} → ${state.canary.name} (priority ${priority}${auth.length ? `, after ${auth.map((a) => a.Type).join(', ')}` : ''})`;
            const request = {
                listener: state.where.listener,
                priority,
                conditions,
                actions,
                tags: this.previewTags(state),
                name: state.previewName,
            };
            changes.push({ kind: alb_state/* ALB_KINDS */.ix.createRule, resource, action: 'create', after, request, moves: 'traffic' });
        }
        if (opts.dark && opts.canaryTasks > 0)
            changes.push(this.waitHealthy(canary, state.canary.name, opts.canaryTasks));
        return changes;
    }
    previewTags(state) {
        return { [alb_state/* CREATED_BY_TAG */.Aw]: 'ecs-mesh-canary', [alb_state/* PREVIEW_TAG */.e2]: state.previewName };
    }
    /** The preview-priority input, else the lowest free priority ahead of the weighted rule (any, for a default action). */
    previewPriority(state, current) {
        const limit = (state.weightedPriority ?? settings/* MAX_PRIORITY */.M6 + 1) - 1;
        const wanted = this.opts.previewPriority;
        const taken = (p) => p !== current && state.priorities.includes(p);
        if (wanted !== undefined) {
            if (taken(wanted))
                throw new errors/* PlanError */.W6(`Priority ${wanted} is taken by another rule`, 'preview-priority');
            if (wanted > limit) {
                throw new errors/* PlanError */.W6(`Priority ${wanted} is not ahead of the weighted rule (priority ${state.weightedPriority}): the preview rule must come first`, 'preview-priority');
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
        const name = state.canary.name;
        if (!state.canaryGroupOurs)
            return { changes: [], kept: [`target group ${name} (not created by this action)`] };
        if (state.canaryElsewhere?.length) {
            return {
                changes: [],
                kept: [`target group ${name} (still forwarded to by ${state.canaryElsewhere.join(', ')})`],
            };
        }
        const changes = [];
        if (canaryListed(state)) {
            const forward = [{ group: state.stable.arn, weight: 100 }];
            const { change } = this.setForward(state, { stable: 100, canary: 0 }, undefined, forward);
            changes.push({ ...change, before: 'canary group listed at 0', after: 'stable group only' });
        }
        changes.push({
            kind: alb_state/* ALB_KINDS */.ix.deleteGroup,
            resource: { type: 'target group', name },
            action: 'delete',
            after: 'deleted (created by this action)',
            request: { targetGroup: state.canary.arn },
            moves: 'none',
        });
        return { changes, kept: [] };
    }
}

;// CONCATENATED MODULE: ./src/traffic/alb/read.ts





/** Each call after the first answers with the first call's promise: one Describe call serves every lookup of a read. */
function once(read) {
    let promise;
    return () => {
        promise ??= read();
        return promise;
    };
}
const ours = (tags) => tags?.[alb_state/* CREATED_BY_TAG */.Aw] === 'ecs-mesh-canary';
/** ECS or CodeDeploy owns the listener of a service they deploy with their own traffic shifting. */
function checkDeployment(stable, name, operation) {
    if (!stable || operation === 'rollback')
        return;
    const controller = stable.deploymentController?.type;
    if (controller === 'CODE_DEPLOY' || controller === 'EXTERNAL') {
        throw new errors/* PlanError */.W6(`ECS service ${name} is deployed by ${controller}, which owns its load balancer's listeners; this action only canaries services with the ECS deployment controller`, 'stable-service');
    }
    const strategy = stable.deploymentConfiguration?.strategy;
    if (strategy === 'BLUE_GREEN' || strategy === 'LINEAR' || strategy === 'CANARY') {
        throw new errors/* PlanError */.W6(`ECS service ${name} uses the ${strategy} deployment strategy, in which ECS shifts its listener's traffic itself; this action needs the ROLLING strategy (or use ECS's own ${strategy} deployments instead)`, 'stable-service');
    }
}
/** The target groups of a service's loadBalancers. */
const groupsOf = (service) => (service?.loadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn ? [lb] : []));
function stableGroupRef(s, stable, name) {
    if (s.stableTargetGroup)
        return s.stableTargetGroup;
    if (!stable) {
        throw new errors/* PlanError */.W6(`ECS service ${name} does not exist (or is inactive), so its target group cannot be found; name the stable group`, 'stable-target-group');
    }
    const groups = groupsOf(stable);
    if (groups.length !== 1) {
        const list = groups.map((g) => nameOf(g.targetGroupArn)).join(', ');
        const why = `ECS service ${name} has ${groups.length} target groups in its loadBalancers${list ? ` (${list})` : ''}; name the stable one`;
        throw new errors/* PlanError */.W6(why, 'stable-target-group');
    }
    return groups[0].targetGroupArn;
}
/**
 * Both groups in one DescribeTargetGroups when both ARNs are known (the canary service's loadBalancers give its
 * group's): what the lookups by name would find, one round trip sooner. Undefined when they are not, or one is gone.
 */
async function bothByArn(api, stable, canaryService) {
    const canary = canaryService ? groupsOf(canaryService) : [];
    if (!stable.startsWith('arn:') || canary.length !== 1)
        return undefined;
    const found = await api.targetGroupsByArn([stable, canary[0].targetGroupArn]);
    return found.length === 2 ? found : undefined;
}
async function stableGroup(api, ref, prefetched) {
    const group = prefetched?.find((g) => g.TargetGroupArn === ref) ?? (await api.findTargetGroup(ref));
    if (!group?.TargetGroupArn)
        throw new errors/* PlanError */.W6(`Target group ${ref} does not exist`, 'stable-target-group');
    if (!group.LoadBalancerArns?.length) {
        throw new errors/* PlanError */.W6(`Target group ${group.TargetGroupName} is not used by any load balancer: no listener forwards to it`, 'stable-target-group');
    }
    return group;
}
async function read_canaryGroup(api, s, stable, prefetched) {
    let name = s.canaryTargetGroup;
    if (!name) {
        const fallback = (0,settings/* defaultCanaryName */.hA)(stable.TargetGroupName);
        if (!fallback.fits)
            throw new errors/* PlanError */.W6((0,settings/* TOO_LONG */.ch)(fallback.name), 'canary-target-group');
        name = fallback.name;
    }
    const known = prefetched?.find((g) => g.TargetGroupArn === name || g.TargetGroupName === name);
    const group = known ?? (await api.findTargetGroup(name));
    if (!group && name.startsWith('arn:'))
        throw new errors/* PlanError */.W6(`Target group ${name} does not exist`, 'canary-target-group');
    if (!group)
        return { name };
    const why = (what) => new errors/* PlanError */.W6(`Target group ${group.TargetGroupName} ${what}`, 'canary-target-group');
    if (group.TargetGroupArn === stable.TargetGroupArn) {
        throw new errors/* PlanError */.W6(`The canary target group must differ from the stable one (both are ${stable.TargetGroupName})`, 'canary-target-group');
    }
    if (group.VpcId !== stable.VpcId) {
        throw why(`is in ${group.VpcId}, the stable group ${stable.TargetGroupName} in ${stable.VpcId}: both must be in one VPC`);
    }
    if (group.TargetType !== 'ip') {
        throw why(`has targets of type ${group.TargetType}; the canary's ECS tasks (awsvpc) register by IP`);
    }
    const elsewhere = (group.LoadBalancerArns ?? []).filter((lb) => !stable.LoadBalancerArns?.includes(lb));
    if (elsewhere.length)
        throw why(`is used by another load balancer (${elsewhere.join(', ')})`);
    return { name: group.TargetGroupName, arn: group.TargetGroupArn, group };
}
const listenerName = (l) => `${l.Protocol}:${l.Port}`;
/** The split's name as the report shows it after its type: `HTTP:80 (default action)`, `HTTP:80 priority 10`. */
const splitNameOf = (r, l) => r.IsDefault ? `${listenerName(l)} (default action)` : `${listenerName(l)} priority ${r.Priority}`;
/** The split in a sentence: `listener HTTP:80 (default action)`, `listener rule HTTP:80 priority 10`. */
const describeSplit = (state) => `${state.where.rule ? 'listener rule' : 'listener'} ${state.splitName}`;
const ruleName = (r, l) => r.IsDefault ? `default action of listener ${listenerName(l)}` : `rule ${r.Priority} of listener ${listenerName(l)}`;
function fromRule(rule, listener, rules, all) {
    const base = { listener, rules, all };
    if (rule.IsDefault) {
        const read = { arn: listener.ListenerArn, actions: listener.DefaultActions ?? rule.Actions ?? [], conditions: [] };
        return { ...base, where: { listener: listener.ListenerArn }, splitName: splitNameOf(rule, listener), read };
    }
    const read = {
        arn: rule.RuleArn,
        actions: rule.Actions ?? [],
        conditions: rule.Conditions ?? [],
        priority: Number(rule.Priority),
    };
    return {
        ...base,
        where: { listener: listener.ListenerArn, rule: rule.RuleArn },
        splitName: splitNameOf(rule, listener),
        read,
    };
}
/** The split the listener-rule input names, or else the one forward of the load balancer that includes the stable group. */
async function locate(api, s, stable) {
    const input = 'listener-rule';
    const ref = s.listenerRule;
    if (ref && settings/* RULE_ARN */.Br.test(ref)) {
        const rule = await api.rule(ref);
        if (!rule)
            throw new errors/* PlanError */.W6(`Listener rule ${ref} does not exist`, input);
        const listenerArn = ref.replace(':listener-rule/', ':listener/').replace(/\/[^/]+$/, '');
        const listener = await api.listener(listenerArn);
        if (!listener)
            throw new errors/* PlanError */.W6(`The listener of rule ${ref} does not exist`, input);
        return fromRule(rule, listener);
    }
    if (ref && settings/* LISTENER_ARN */.FW.test(ref)) {
        const listener = await api.listener(ref);
        if (!listener)
            throw new errors/* PlanError */.W6(`Listener ${ref} does not exist`, input);
        const read = { arn: listener.ListenerArn, actions: listener.DefaultActions ?? [], conditions: [] };
        return {
            where: { listener: ref },
            splitName: `${listenerName(listener)} (default action)`,
            read,
            listener,
        };
    }
    const all = (await Promise.all((stable.LoadBalancerArns ?? []).map(async (lb) => {
        const listeners = await api.listeners(lb);
        return Promise.all(listeners.map(async (listener) => ({ listener, rules: await api.rules(listener.ListenerArn) })));
    }))).flat();
    const found = all.flatMap(({ listener, rules }) => rules.filter((r) => includes(r.Actions, stable)).map((rule) => ({ rule, listener, rules })));
    if (found.length === 1)
        return fromRule(found[0].rule, found[0].listener, found[0].rules, all);
    const list = found
        .map(({ rule, listener }) => rule.IsDefault
        ? `${listener.ListenerArn} (port ${listener.Port}, default action)`
        : `${rule.RuleArn} (port ${listener.Port}, priority ${rule.Priority})`)
        .join('; ');
    const why = found.length
        ? `${found.length} forwards of the load balancer include the stable target group ${stable.TargetGroupName}: ${list}; name the one that holds the split (a rule's ARN, or a listener's ARN for its default action)`
        : `No listener rule or default action of the load balancer forwards to the stable target group ${stable.TargetGroupName}`;
    throw new errors/* PlanError */.W6(why, input);
}
const includes = (actions, group) => (forwardOf(actions) ?? []).some((f) => f.group === group.TargetGroupArn);
function checkForward(actions, split, stable, canaryArn) {
    const input = 'listener-rule';
    const forward = forwardOf(actions);
    if (!forward) {
        const last = actions.find((a) => a.Type === 'redirect' || a.Type === 'fixed-response')?.Type ?? 'no forward';
        throw new errors/* PlanError */.W6(`The ${split} is a ${last} action; this action only manages forward actions`, input);
    }
    if (!forward.some((f) => f.group === stable.arn)) {
        throw new errors/* PlanError */.W6(`The ${split} does not forward to the stable target group ${stable.name}`, 'stable-target-group');
    }
    const foreign = forward.filter((f) => f.group !== stable.arn && f.group !== canaryArn);
    const names = foreign.map((f) => nameOf(f.group)).join(', ');
    const why = `The ${split} also forwards to ${names}; this action only manages a split between the stable and canary target groups`;
    // Only an error when this run writes the split.
    return { forward, foreign: foreign.length ? { why, input } : undefined };
}
/** The stable service's loadBalancers entry for the stable group: how the canary service registers. */
function registration(stable, group, operation, name) {
    const entry = groupsOf(stable).find((lb) => lb.targetGroupArn === group.arn);
    if (!entry && operation === 'deploy') {
        throw new errors/* PlanError */.W6(`ECS service ${name} is not registered in the stable target group ${group.name} (its loadBalancers)`, 'stable-target-group');
    }
    return {
        containerName: entry?.containerName ?? '',
        containerPort: entry?.containerPort ?? 0,
        healthCheckGracePeriodSeconds: stable?.healthCheckGracePeriodSeconds,
    };
}
function checkCanaryService(operation, canary, name, group) {
    if (operation !== 'deploy' || !canary)
        return;
    if (!group.arn || !groupsOf(canary).some((lb) => lb.targetGroupArn === group.arn)) {
        throw new errors/* PlanError */.W6(`ECS service ${name} exists but is not registered in the canary target group ${group.name} (its loadBalancers), so its tasks could never receive this load balancer's traffic; use a new canary-service name or delete that service`, 'canary-service');
    }
}
const CONFIG_KEYS = [
    'Protocol',
    'ProtocolVersion',
    'Port',
    'VpcId',
    'IpAddressType',
    'HealthCheckProtocol',
    'HealthCheckPort',
    'HealthCheckEnabled',
    'HealthCheckPath',
    'HealthCheckIntervalSeconds',
    'HealthCheckTimeoutSeconds',
    'HealthyThresholdCount',
    'UnhealthyThresholdCount',
    'Matcher',
];
function configOf(group) {
    const config = {};
    for (const key of CONFIG_KEYS)
        if (group[key] !== undefined)
            config[key] = group[key];
    return config;
}
const copied = (attributes) => Object.fromEntries(alb_state/* COPIED_ATTRIBUTES */.t1.filter((k) => k in attributes).map((k) => [k, attributes[k]]));
/** The canary's share (percent) of a forward, 0 when it has no weight at all. */
function share(forward, canaryArn) {
    const total = forward.reduce((n, f) => n + f.weight, 0);
    return total === 0 ? 0 : Math.round((weightOf(forward, canaryArn) * 100) / total);
}
/** The stable service and group, then the split, the canary group and (deploy) the stable group's attributes side by side. */
async function readCore(api, s, names, operation, ecs, opts) {
    const services = await ecs.services;
    const stableService = services.get(names.stable);
    checkDeployment(stableService, names.stable, operation);
    const ref = stableGroupRef(s, stableService, names.stable);
    const prefetched = await bothByArn(api, ref, services.get(names.canary));
    const stableTg = await stableGroup(api, ref, prefetched);
    const stableRef = { arn: stableTg.TargetGroupArn, name: stableTg.TargetGroupName };
    // When several fail, the split's error (the input it names comes first) is the one reported.
    const canaryRead = read_canaryGroup(api, s, stableTg, prefetched);
    // Only a deploy copies the stable group's attributes (to a canary group it creates, or one that lacks them).
    const attributesRead = operation === 'deploy' ? api.attributes(stableRef.arn) : Promise.resolve({});
    // The canary group's tag and attributes, beside the split's listeners and rules rather than after them.
    const factsRead = Promise.all([canaryRead, attributesRead]).then(([canary, attributes]) => canary.arn !== undefined && (operation === 'deploy' || opts.deleteCanary)
        ? canaryGroupFacts(api, canary.arn, operation, attributes)
        : undefined);
    // When several fail, the split's error (the input it names comes first) is the one reported.
    const [located, canary, attributes, canaryFacts] = await Promise.allSettled([
        locate(api, s, stableTg),
        canaryRead,
        attributesRead,
        factsRead,
    ]);
    for (const read of [located, canary, attributes, canaryFacts])
        if (read.status === 'rejected')
            throw read.reason;
    const value = (read) => read.value;
    checkCanaryService(operation, services.get(names.canary), names.canary, value(canary));
    return {
        stableService,
        stableTg,
        stableRef,
        located: value(located),
        canary: value(canary),
        attributes: value(attributes),
        canaryFacts: value(canaryFacts),
    };
}
/** What promote, rollback and a preview need besides: the preview rule, the other forwards, the load balancer's DNS. */
async function readExtras(api, core, operation, opts) {
    const { located, canary } = core;
    const scalesDown = operation === 'rollback' || operation === 'promote';
    const rules = once(async () => located.rules ?? api.rules(located.where.listener));
    const everyListener = async () => located.all ??
        Promise.all((await api.listeners(located.listener.LoadBalancerArn)).map(async (listener) => ({
            listener,
            rules: listener.ListenerArn === located.where.listener ? await rules() : await api.rules(listener.ListenerArn),
        })));
    const [preview, listeners, lb] = await Promise.all([
        scalesDown || opts.preview ? previewFacts(api, rules, canary.arn, opts.previewName, located) : undefined,
        scalesDown && canary.arn ? everyListener() : undefined,
        opts.preview ? api.loadBalancer(located.listener.LoadBalancerArn) : undefined,
    ]);
    const others = listeners && otherForwards(listeners, located, preview?.previewRule?.arn, canary.arn);
    return { preview, others, canaryFacts: core.canaryFacts, dns: lb?.DNSName };
}
/** The rules and default actions other than the split and the preview rule that forward to the canary group. */
function otherForwards(listeners, located, previewArn, canaryArn) {
    const isSplit = (r, listener) => r.IsDefault
        ? located.where.rule === undefined && listener.ListenerArn === located.where.listener
        : r.RuleArn === located.where.rule;
    return listeners.flatMap(({ listener, rules }) => rules
        .filter((r) => !isSplit(r, listener) && r.RuleArn !== previewArn)
        .map((r) => ({ name: ruleName(r, listener), forward: forwardOf(r.Actions) ?? [] }))
        .filter((r) => r.forward.some((f) => f.group === canaryArn)));
}
async function readAlb(api, s, names, operation, ecs, opts) {
    const core = await readCore(api, s, names, operation, ecs, opts);
    const { located, canary, stableRef } = core;
    const { forward, foreign } = checkForward(located.read.actions, describeSplit(located), stableRef, canary.arn);
    const reg = registration(core.stableService, stableRef, operation, names.stable);
    const previewName = `preview-${names.canary}`;
    const { preview, others, canaryFacts, dns } = await readExtras(api, core, operation, { ...opts, previewName });
    return {
        where: located.where,
        splitName: located.splitName,
        actions: writableActions(located.read.actions),
        conditions: writableConditions(located.read.conditions),
        stable: { ...stableRef, config: configOf(core.stableTg), attributes: copied(core.attributes) },
        canary: canary.arn ? { arn: canary.arn, name: canary.name } : { name: canary.name },
        forward,
        registration: reg,
        foreign,
        weights: (0,weights/* toPercent */.BY)(weightOf(forward, stableRef.arn), weightOf(forward, canary.arn)),
        routeId: located.read.arn,
        canaryEndpointArn: canary.arn,
        routeInput: 'listener-rule',
        otherRoutes: others?.map((r) => ({ name: r.name, canaryWeight: share(r.forward, canary.arn) })),
        canaryElsewhere: others?.map((r) => r.name),
        previewRouteArn: preview?.previewRule?.arn,
        previewRule: preview?.previewRule,
        previewName,
        priorities: preview?.priorities ?? [],
        weightedPriority: located.read.priority,
        canaryGroupOurs: canaryFacts?.ours,
        canaryAttributesDiffer: canaryFacts?.differ,
        entry: { dns, port: located.listener.Port, protocol: located.listener.Protocol },
        stableService: core.stableService,
    };
}
/** Whether this action created the canary group, and (deploy) which of the stable group's attributes it lacks. */
async function canaryGroupFacts(api, arn, operation, stable) {
    const tags = (await api.tags([arn])).get(arn);
    if (!ours(tags) || operation !== 'deploy')
        return { ours: ours(tags) };
    const current = await api.attributes(arn);
    const wanted = copied(stable);
    const differ = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => current[k] !== v));
    return { ours: true, differ: Object.keys(differ).length ? differ : undefined };
}
/** The preview rule of this canary (a rule forwarding only to its group, tagged with its name) and the priorities. */
async function previewFacts(api, rules, canaryArn, previewName, located) {
    const listed = await rules();
    const priorities = listed.filter((r) => !r.IsDefault).map((r) => Number(r.Priority));
    const candidates = listed.filter((r) => {
        const forward = forwardOf(r.Actions) ?? [];
        return !r.IsDefault && r.RuleArn !== located.where.rule && forward.length === 1 && forward[0].group === canaryArn;
    });
    const tags = candidates.length ? await api.tags(candidates.map((r) => r.RuleArn)) : new Map();
    const found = candidates.find((r) => tags.get(r.RuleArn)?.[alb_state/* PREVIEW_TAG */.e2] === previewName);
    return {
        priorities,
        previewRule: found && {
            arn: found.RuleArn,
            priority: Number(found.Priority),
            conditions: writableConditions(found.Conditions),
            actions: writableActions(found.Actions),
            forward: forwardOf(found.Actions) ?? [],
        },
    };
}

;// CONCATENATED MODULE: ./src/traffic/alb/index.ts
// The ALB provider: a listener rule (or a listener's default action) of an Application Load Balancer whose forward
// action splits traffic between the stable and canary target groups; ECS registers each service's tasks in its group
// (the services' loadBalancers). Loaded (with its SDK client) only when traffic-provider is alb.






class AlbProvider {
    s;
    settings;
    api;
    name = 'ALB';
    planner;
    executors;
    last;
    constructor(s, settings, api) {
        this.s = s;
        this.settings = settings;
        this.api = api;
        this.planner = new AlbPlanner({ waitForMinutes: settings.waitForMinutes, previewPriority: s.previewPriority });
        this.executors = albExecutors(api);
    }
    async read(operation, ecs) {
        const names = { stable: this.settings.stableService, canary: this.settings.canaryService };
        this.last = await readAlb(this.api, this.s, names, operation, ecs, {
            preview: this.settings.preview !== undefined,
            deleteCanary: this.settings.deleteCanary,
        });
        return this.last;
    }
    view(region) {
        const console = `https://${region}.console.aws.amazon.com/ec2/home?region=${region}`;
        const stable = this.last?.stable.name ?? this.s.stableTargetGroup ?? 'stable target group';
        const canary = this.last?.canary.name ?? this.s.canaryTargetGroup ?? 'canary target group';
        const links = {
            'target group': `${console}#TargetGroups:`,
            'listener rule': `${console}#LoadBalancers:`,
            listener: `${console}#LoadBalancers:`,
        };
        return {
            label: this.name,
            endpointType: 'target group',
            stableEndpoint: stable,
            canaryEndpoint: canary,
            entry: this.last ? describeSplit(this.last) : 'the load balancer',
            endpointOutput: 'canary-target-group-arn',
            previewCurl: (p) => {
                const entry = this.last?.entry;
                if (!entry?.dns)
                    return undefined;
                const scheme = entry.protocol === 'HTTPS' ? 'https' : 'http';
                const port = entry.port && entry.port !== (scheme === 'https' ? 443 : 80) ? `:${entry.port}` : '';
                return `curl -H '${p.header}: ${p.value}' ${scheme}://${entry.dns}${port}/`;
            },
            link: (r) => links[r.type],
        };
    }
}
function createAlbProvider(s, settings, config) {
    return new AlbProvider(s, settings, new AlbApi((0,clients/* withErrorContext */.mO)(new dist_cjs/* ElasticLoadBalancingV2Client */.MlD(config), 'Elastic Load Balancing')));
}


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


/***/ })

};
