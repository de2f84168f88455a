export const id = 931;
export const ids = [931];
export const modules = {

/***/ 8931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ApplyError: () => (/* binding */ ApplyError),
/* harmony export */   applyPlan: () => (/* binding */ applyPlan)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3218);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// Runs a plan's changes in order and journals each outcome. When a change fails, every traffic change made so far
// (route weights, virtual-service provider) is restored, newest first, and the error lists what was left behind.


class ApplyError extends Error {
    reason;
    failed;
    journal;
    restored;
    notRestored;
    leftBehind;
    constructor(reason, failed, journal, restored, notRestored, leftBehind) {
        super(composeMessage(reason, failed, restored, notRestored, leftBehind));
        this.reason = reason;
        this.failed = failed;
        this.journal = journal;
        this.restored = restored;
        this.notRestored = notRestored;
        this.leftBehind = leftBehind;
        this.name = 'ApplyError';
    }
}
function composeMessage(cause, failed, restored, notRestored, leftBehind) {
    const lines = [`${failed.action} ${failed.resource} failed: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(cause)}`];
    if (restored.length)
        lines.push(`Traffic restored: ${restored.join('; ')}.`);
    if (notRestored.length)
        lines.push(`COULD NOT RESTORE (fix by hand): ${notRestored.join('; ')}.`);
    if (!restored.length && !notRestored.length)
        lines.push('Traffic was not changed by this run.');
    if (leftBehind.length)
        lines.push(`Left behind: ${leftBehind.join('; ')}.`);
    return lines.join('\n');
}
const RESTORE_ATTEMPTS = 3;
async function applyPlan(plan, ctx) {
    const journal = [];
    for (const change of plan.changes) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`→ ${change.action} ${change.resource}${change.before ? `: ${change.before} → ${change.after}` : `: ${change.after}`}`);
        try {
            const outcome = (await change.run(ctx)) ?? {};
            journal.push({ change, outcome });
            if (outcome.detail)
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  ✓ ${outcome.detail}`);
        }
        catch (err) {
            const { restored, notRestored } = await restoreTraffic(journal, ctx);
            const leftBehind = journal.flatMap((e) => (e.outcome.leftBehind ? [e.outcome.leftBehind] : []));
            throw new ApplyError(err, change, journal, restored, notRestored, leftBehind);
        }
    }
    return { journal };
}
async function restoreTraffic(journal, ctx) {
    const restored = [];
    const notRestored = [];
    for (const { outcome } of [...journal].reverse()) {
        const restore = outcome.restore;
        if (!restore)
            continue;
        for (let attempt = 1;; attempt++) {
            try {
                await restore.run(ctx);
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`↺ restored ${restore.describe}`);
                restored.push(restore.describe);
                break;
            }
            catch (err) {
                if (attempt >= RESTORE_ATTEMPTS) {
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(`Could not restore ${restore.describe}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
                    notRestored.push(`${restore.describe} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)})`);
                    break;
                }
                await ctx.sleep(1000 * attempt);
            }
        }
    }
    return { restored, notRestored };
}


/***/ })

};
