export const id = 201;
export const ids = [201];
export const modules = {

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_ATTEMPTS: () => (/* binding */ MAX_ATTEMPTS),
/* harmony export */   createClients: () => (/* binding */ createClients)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);
/* harmony import */ var _aws_sdk_client_app_mesh__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9356);
/* harmony import */ var _aws_sdk_client_app_mesh__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_aws_sdk_client_app_mesh__WEBPACK_IMPORTED_MODULE_1__);
// The one place AWS clients are made. Region comes from AWS_REGION (or AWS_DEFAULT_REGION), credentials from the
// standard provider chain, endpoints from the SDK's own AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> handling.


/** Survives at least two consecutive throttles per call; adaptive mode also slows down under throttling. */
const MAX_ATTEMPTS = 5;
function createClients(env = process.env) {
    const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
    if (!region) {
        throw new Error('No AWS region: set AWS_REGION (aws-actions/configure-aws-credentials does this for you)');
    }
    const config = { region, retryMode: 'adaptive', maxAttempts: MAX_ATTEMPTS, customUserAgent: 'ecs-mesh-canary' };
    return { ecs: new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .ECSClient */ .Zgc(config), appMesh: new _aws_sdk_client_app_mesh__WEBPACK_IMPORTED_MODULE_1__.AppMeshClient(config), region };
}


/***/ })

};
