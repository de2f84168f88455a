export const id = 898;
export const ids = [898];
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


/***/ })

};
