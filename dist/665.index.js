export const id = 665;
export const ids = [665,898];
export const modules = {

/***/ 9898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describePlan: () => (/* binding */ describePlan)
/* harmony export */ });
/** A plan as plain data, for the `plan` output and the dry-run log. */
function describePlan(plan) {
    return {
        operation: plan.operation,
        weights: plan.weights,
        changes: plan.changes.map(({ kind, resource, action, before, after }) => ({ kind, resource, action, before, after })),
        warnings: plan.warnings,
    };
}


/***/ }),

/***/ 665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   outputsOf: () => (/* binding */ outputsOf),
/* harmony export */   report: () => (/* binding */ report),
/* harmony export */   summaryMarkdown: () => (/* binding */ summaryMarkdown)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3218);
/* harmony import */ var _plan_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9898);
// Outputs and the job summary. Reads the Plan and the apply journal only, never AWS.


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
        plan: JSON.stringify((0,_plan_types_js__WEBPACK_IMPORTED_MODULE_1__.describePlan)(plan)),
    };
}
/** Pure: the job summary as markdown. */
function summaryMarkdown(o, failure) {
    const { settings, plan } = o;
    const { before, after } = plan.weights;
    const title = o.dryRun ? `Canary ${plan.operation} plan (dry run, nothing changed)` : `Canary ${plan.operation}${failure ? ' failed' : ''}`;
    const lines = [`## ${title}`, ''];
    lines.push('| virtual node | weight before | weight after |', '|---|---:|---:|');
    const effective = failure ? before : after;
    lines.push(`| ${settings.stable.virtualNode} (stable) | ${before ? `${before.stable}%` : '—'} | ${effective ? `${effective.stable}%` : '—'} |`);
    lines.push(`| ${settings.canary.virtualNode} (canary) | ${before ? `${before.canary}%` : '—'} | ${effective ? `${effective.canary}%` : '—'} |`);
    lines.push('');
    if (plan.changes.length === 0) {
        lines.push('Nothing to change: the mesh and services already match the inputs.');
    }
    else {
        const done = new Set(o.journal.map((e) => e.change));
        lines.push('| step | resource | change | result |', '|---|---|---|---|');
        for (const c of plan.changes) {
            const entry = o.journal.find((e) => e.change === c);
            const result = o.dryRun ? 'planned' : done.has(c) ? `done${entry?.outcome.detail ? `: \`${entry.outcome.detail}\`` : ''}` : c === failure?.failed ? '**failed**' : 'not run';
            lines.push(`| ${c.action} | ${c.resource} | ${c.before ? `${c.before} → ` : ''}${c.after} | ${result} |`);
        }
    }
    if (failure) {
        lines.push('', '### What happened', '', '```', failure.message, '```');
    }
    if (effective && !failure) {
        lines.push('', '```mermaid', `pie title Traffic for ${settings.virtualService ?? settings.route}`);
        lines.push(`  "${settings.stable.virtualNode}" : ${effective.stable}`, `  "${settings.canary.virtualNode}" : ${effective.canary}`, '```');
    }
    for (const w of plan.warnings)
        lines.push('', `> **Warning:** ${w}`);
    return lines.join('\n') + '\n';
}
async function report(o, failure) {
    const outputs = outputsOf(o);
    for (const [name, value] of Object.entries(outputs))
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
    const weights = o.plan.weights;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${o.dryRun ? 'Planned' : failure ? 'Unchanged' : 'Now'}: ${o.settings.stable.virtualNode} ${failure ? weights.before?.stable ?? '—' : weights.after.stable}% / ${o.settings.canary.virtualNode} ${failure ? weights.before?.canary ?? '—' : weights.after.canary}%`);
    if (process.env.GITHUB_STEP_SUMMARY) {
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(summaryMarkdown(o, failure)).write();
    }
}


/***/ })

};
