export const id = 356;
export const ids = [356];
export const modules = {

/***/ 3487:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.resolveHttpAuthSchemeConfig = exports.defaultAppMeshHttpAuthSchemeProvider = exports.defaultAppMeshHttpAuthSchemeParametersProvider = void 0;
const httpAuthSchemes_1 = __webpack_require__(7523);
const client_1 = __webpack_require__(2658);
const defaultAppMeshHttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: (0, client_1.getSmithyContext)(context).operation,
        region: await (0, client_1.normalizeProvider)(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
exports.defaultAppMeshHttpAuthSchemeParametersProvider = defaultAppMeshHttpAuthSchemeParametersProvider;
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "appmesh",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultAppMeshHttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
exports.defaultAppMeshHttpAuthSchemeProvider = defaultAppMeshHttpAuthSchemeProvider;
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = (0, httpAuthSchemes_1.resolveAwsSdkSigV4Config)(config);
    return Object.assign(config_0, {
        authSchemePreference: (0, client_1.normalizeProvider)(config.authSchemePreference ?? []),
    });
};
exports.resolveHttpAuthSchemeConfig = resolveHttpAuthSchemeConfig;


/***/ }),

/***/ 7222:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.bdd = void 0;
const endpoints_1 = __webpack_require__(2085);
const k = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = { [k]: "Endpoint" }, h = { [k]: d }, i = {}, j = [{ [k]: "Region" }];
const _data = {
    conditions: [
        [c, [g]],
        [c, j],
        ["aws.partition", j, d],
        [e, [{ [k]: "UseFIPS" }, b]],
        [e, [{ [k]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [h, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [h, "supportsFIPS"] }, b]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [g, i],
        ["https://appmesh-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://appmesh-fips.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://appmesh.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://appmesh.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 12, 3,
    1, 4, r + 11,
    2, 5, r + 11,
    3, 8, 6,
    4, 7, r + 10,
    5, r + 8, r + 9,
    4, 10, 9,
    6, r + 6, r + 7,
    5, 11, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 13,
    4, r + 2, r + 3,
]);
exports.bdd = endpoints_1.BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);


/***/ }),

/***/ 9129:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.defaultEndpointResolver = void 0;
const client_1 = __webpack_require__(5152);
const endpoints_1 = __webpack_require__(2085);
const bdd_1 = __webpack_require__(7222);
const cache = new endpoints_1.EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => (0, endpoints_1.decideEndpoint)(bdd_1.bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
exports.defaultEndpointResolver = defaultEndpointResolver;
endpoints_1.customEndpointFunctions.aws = client_1.awsEndpointFunctions;


/***/ }),

/***/ 9356:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



var client$1 = __webpack_require__(5152);
var core = __webpack_require__(402);
var client = __webpack_require__(2658);
var config = __webpack_require__(7291);
var endpoints = __webpack_require__(2085);
var protocols = __webpack_require__(3422);
var retry = __webpack_require__(3609);
var schema = __webpack_require__(6890);
var httpAuthSchemeProvider = __webpack_require__(3487);
var runtimeConfig = __webpack_require__(3198);
var schemas_0 = __webpack_require__(2936);
var errors = __webpack_require__(2300);
var AppMeshServiceException = __webpack_require__(5545);

const resolveClientEndpointParameters = (options) => {
    return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "appmesh",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};

const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign(client$1.getAwsRegionExtensionConfiguration(runtimeConfig), client.getDefaultExtensionConfiguration(runtimeConfig), protocols.getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, client$1.resolveAwsRegionExtensionConfiguration(extensionConfiguration), client.resolveDefaultRuntimeConfig(extensionConfiguration), protocols.resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

class AppMeshClient extends client.Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = runtimeConfig.getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = resolveClientEndpointParameters(_config_0);
        const _config_2 = client$1.resolveUserAgentConfig(_config_1);
        const _config_3 = retry.resolveRetryConfig(_config_2);
        const _config_4 = config.resolveRegionConfig(_config_3);
        const _config_5 = client$1.resolveHostHeaderConfig(_config_4);
        const _config_6 = endpoints.resolveEndpointConfig(_config_5);
        const _config_7 = httpAuthSchemeProvider.resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use(schema.getSchemaSerdePlugin(this.config));
        this.middlewareStack.use(client$1.getUserAgentPlugin(this.config));
        this.middlewareStack.use(retry.getRetryPlugin(this.config));
        this.middlewareStack.use(protocols.getContentLengthPlugin(this.config));
        this.middlewareStack.use(client$1.getHostHeaderPlugin(this.config));
        this.middlewareStack.use(client$1.getLoggerPlugin(this.config));
        this.middlewareStack.use(client$1.getRecursionDetectionPlugin(this.config));
        this.middlewareStack.use(core.getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
            httpAuthSchemeParametersProvider: httpAuthSchemeProvider.defaultAppMeshHttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new core.DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use(core.getHttpSigningPlugin(this.config));
    }
    destroy() {
        super.destroy();
    }
}

class CreateGatewayRouteCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "CreateGatewayRoute", {})
    .n("AppMeshClient", "CreateGatewayRouteCommand")
    .sc(schemas_0.CreateGatewayRoute$)
    .build() {
}

class CreateMeshCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "CreateMesh", {})
    .n("AppMeshClient", "CreateMeshCommand")
    .sc(schemas_0.CreateMesh$)
    .build() {
}

class CreateRouteCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "CreateRoute", {})
    .n("AppMeshClient", "CreateRouteCommand")
    .sc(schemas_0.CreateRoute$)
    .build() {
}

class CreateVirtualGatewayCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "CreateVirtualGateway", {})
    .n("AppMeshClient", "CreateVirtualGatewayCommand")
    .sc(schemas_0.CreateVirtualGateway$)
    .build() {
}

class CreateVirtualNodeCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "CreateVirtualNode", {})
    .n("AppMeshClient", "CreateVirtualNodeCommand")
    .sc(schemas_0.CreateVirtualNode$)
    .build() {
}

class CreateVirtualRouterCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "CreateVirtualRouter", {})
    .n("AppMeshClient", "CreateVirtualRouterCommand")
    .sc(schemas_0.CreateVirtualRouter$)
    .build() {
}

class CreateVirtualServiceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "CreateVirtualService", {})
    .n("AppMeshClient", "CreateVirtualServiceCommand")
    .sc(schemas_0.CreateVirtualService$)
    .build() {
}

class DeleteGatewayRouteCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "DeleteGatewayRoute", {})
    .n("AppMeshClient", "DeleteGatewayRouteCommand")
    .sc(schemas_0.DeleteGatewayRoute$)
    .build() {
}

class DeleteMeshCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "DeleteMesh", {})
    .n("AppMeshClient", "DeleteMeshCommand")
    .sc(schemas_0.DeleteMesh$)
    .build() {
}

class DeleteRouteCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "DeleteRoute", {})
    .n("AppMeshClient", "DeleteRouteCommand")
    .sc(schemas_0.DeleteRoute$)
    .build() {
}

class DeleteVirtualGatewayCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "DeleteVirtualGateway", {})
    .n("AppMeshClient", "DeleteVirtualGatewayCommand")
    .sc(schemas_0.DeleteVirtualGateway$)
    .build() {
}

class DeleteVirtualNodeCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "DeleteVirtualNode", {})
    .n("AppMeshClient", "DeleteVirtualNodeCommand")
    .sc(schemas_0.DeleteVirtualNode$)
    .build() {
}

class DeleteVirtualRouterCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "DeleteVirtualRouter", {})
    .n("AppMeshClient", "DeleteVirtualRouterCommand")
    .sc(schemas_0.DeleteVirtualRouter$)
    .build() {
}

class DeleteVirtualServiceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "DeleteVirtualService", {})
    .n("AppMeshClient", "DeleteVirtualServiceCommand")
    .sc(schemas_0.DeleteVirtualService$)
    .build() {
}

class DescribeGatewayRouteCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "DescribeGatewayRoute", {})
    .n("AppMeshClient", "DescribeGatewayRouteCommand")
    .sc(schemas_0.DescribeGatewayRoute$)
    .build() {
}

class DescribeMeshCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "DescribeMesh", {})
    .n("AppMeshClient", "DescribeMeshCommand")
    .sc(schemas_0.DescribeMesh$)
    .build() {
}

class DescribeRouteCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "DescribeRoute", {})
    .n("AppMeshClient", "DescribeRouteCommand")
    .sc(schemas_0.DescribeRoute$)
    .build() {
}

class DescribeVirtualGatewayCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "DescribeVirtualGateway", {})
    .n("AppMeshClient", "DescribeVirtualGatewayCommand")
    .sc(schemas_0.DescribeVirtualGateway$)
    .build() {
}

class DescribeVirtualNodeCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "DescribeVirtualNode", {})
    .n("AppMeshClient", "DescribeVirtualNodeCommand")
    .sc(schemas_0.DescribeVirtualNode$)
    .build() {
}

class DescribeVirtualRouterCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "DescribeVirtualRouter", {})
    .n("AppMeshClient", "DescribeVirtualRouterCommand")
    .sc(schemas_0.DescribeVirtualRouter$)
    .build() {
}

class DescribeVirtualServiceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "DescribeVirtualService", {})
    .n("AppMeshClient", "DescribeVirtualServiceCommand")
    .sc(schemas_0.DescribeVirtualService$)
    .build() {
}

class ListGatewayRoutesCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "ListGatewayRoutes", {})
    .n("AppMeshClient", "ListGatewayRoutesCommand")
    .sc(schemas_0.ListGatewayRoutes$)
    .build() {
}

class ListMeshesCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "ListMeshes", {})
    .n("AppMeshClient", "ListMeshesCommand")
    .sc(schemas_0.ListMeshes$)
    .build() {
}

class ListRoutesCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "ListRoutes", {})
    .n("AppMeshClient", "ListRoutesCommand")
    .sc(schemas_0.ListRoutes$)
    .build() {
}

class ListTagsForResourceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "ListTagsForResource", {})
    .n("AppMeshClient", "ListTagsForResourceCommand")
    .sc(schemas_0.ListTagsForResource$)
    .build() {
}

class ListVirtualGatewaysCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "ListVirtualGateways", {})
    .n("AppMeshClient", "ListVirtualGatewaysCommand")
    .sc(schemas_0.ListVirtualGateways$)
    .build() {
}

class ListVirtualNodesCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "ListVirtualNodes", {})
    .n("AppMeshClient", "ListVirtualNodesCommand")
    .sc(schemas_0.ListVirtualNodes$)
    .build() {
}

class ListVirtualRoutersCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "ListVirtualRouters", {})
    .n("AppMeshClient", "ListVirtualRoutersCommand")
    .sc(schemas_0.ListVirtualRouters$)
    .build() {
}

class ListVirtualServicesCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "ListVirtualServices", {})
    .n("AppMeshClient", "ListVirtualServicesCommand")
    .sc(schemas_0.ListVirtualServices$)
    .build() {
}

class TagResourceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "TagResource", {})
    .n("AppMeshClient", "TagResourceCommand")
    .sc(schemas_0.TagResource$)
    .build() {
}

class UntagResourceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "UntagResource", {})
    .n("AppMeshClient", "UntagResourceCommand")
    .sc(schemas_0.UntagResource$)
    .build() {
}

class UpdateGatewayRouteCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "UpdateGatewayRoute", {})
    .n("AppMeshClient", "UpdateGatewayRouteCommand")
    .sc(schemas_0.UpdateGatewayRoute$)
    .build() {
}

class UpdateMeshCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "UpdateMesh", {})
    .n("AppMeshClient", "UpdateMeshCommand")
    .sc(schemas_0.UpdateMesh$)
    .build() {
}

class UpdateRouteCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "UpdateRoute", {})
    .n("AppMeshClient", "UpdateRouteCommand")
    .sc(schemas_0.UpdateRoute$)
    .build() {
}

class UpdateVirtualGatewayCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "UpdateVirtualGateway", {})
    .n("AppMeshClient", "UpdateVirtualGatewayCommand")
    .sc(schemas_0.UpdateVirtualGateway$)
    .build() {
}

class UpdateVirtualNodeCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "UpdateVirtualNode", {})
    .n("AppMeshClient", "UpdateVirtualNodeCommand")
    .sc(schemas_0.UpdateVirtualNode$)
    .build() {
}

class UpdateVirtualRouterCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "UpdateVirtualRouter", {})
    .n("AppMeshClient", "UpdateVirtualRouterCommand")
    .sc(schemas_0.UpdateVirtualRouter$)
    .build() {
}

class UpdateVirtualServiceCommand extends client.Command
    .classBuilder()
    .ep(commonParams)
    .m(function (Command, cs, config, o) {
    return [endpoints.getEndpointPlugin(config, Command.getEndpointParameterInstructions())];
})
    .s("AppMesh", "UpdateVirtualService", {})
    .n("AppMeshClient", "UpdateVirtualServiceCommand")
    .sc(schemas_0.UpdateVirtualService$)
    .build() {
}

const paginateListGatewayRoutes = core.createPaginator(AppMeshClient, ListGatewayRoutesCommand, "nextToken", "nextToken", "limit");

const paginateListMeshes = core.createPaginator(AppMeshClient, ListMeshesCommand, "nextToken", "nextToken", "limit");

const paginateListRoutes = core.createPaginator(AppMeshClient, ListRoutesCommand, "nextToken", "nextToken", "limit");

const paginateListTagsForResource = core.createPaginator(AppMeshClient, ListTagsForResourceCommand, "nextToken", "nextToken", "limit");

const paginateListVirtualGateways = core.createPaginator(AppMeshClient, ListVirtualGatewaysCommand, "nextToken", "nextToken", "limit");

const paginateListVirtualNodes = core.createPaginator(AppMeshClient, ListVirtualNodesCommand, "nextToken", "nextToken", "limit");

const paginateListVirtualRouters = core.createPaginator(AppMeshClient, ListVirtualRoutersCommand, "nextToken", "nextToken", "limit");

const paginateListVirtualServices = core.createPaginator(AppMeshClient, ListVirtualServicesCommand, "nextToken", "nextToken", "limit");

const commands = {
    CreateGatewayRouteCommand,
    CreateMeshCommand,
    CreateRouteCommand,
    CreateVirtualGatewayCommand,
    CreateVirtualNodeCommand,
    CreateVirtualRouterCommand,
    CreateVirtualServiceCommand,
    DeleteGatewayRouteCommand,
    DeleteMeshCommand,
    DeleteRouteCommand,
    DeleteVirtualGatewayCommand,
    DeleteVirtualNodeCommand,
    DeleteVirtualRouterCommand,
    DeleteVirtualServiceCommand,
    DescribeGatewayRouteCommand,
    DescribeMeshCommand,
    DescribeRouteCommand,
    DescribeVirtualGatewayCommand,
    DescribeVirtualNodeCommand,
    DescribeVirtualRouterCommand,
    DescribeVirtualServiceCommand,
    ListGatewayRoutesCommand,
    ListMeshesCommand,
    ListRoutesCommand,
    ListTagsForResourceCommand,
    ListVirtualGatewaysCommand,
    ListVirtualNodesCommand,
    ListVirtualRoutersCommand,
    ListVirtualServicesCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UpdateGatewayRouteCommand,
    UpdateMeshCommand,
    UpdateRouteCommand,
    UpdateVirtualGatewayCommand,
    UpdateVirtualNodeCommand,
    UpdateVirtualRouterCommand,
    UpdateVirtualServiceCommand,
};
const paginators = {
    paginateListGatewayRoutes,
    paginateListMeshes,
    paginateListRoutes,
    paginateListTagsForResource,
    paginateListVirtualGateways,
    paginateListVirtualNodes,
    paginateListVirtualRouters,
    paginateListVirtualServices,
};
class AppMesh extends AppMeshClient {
}
client.createAggregatedClient(commands, AppMesh, { paginators });

const EgressFilterType = {
    ALLOW_ALL: "ALLOW_ALL",
    DROP_ALL: "DROP_ALL",
};
const IpPreference = {
    IPv4_ONLY: "IPv4_ONLY",
    IPv4_PREFERRED: "IPv4_PREFERRED",
    IPv6_ONLY: "IPv6_ONLY",
    IPv6_PREFERRED: "IPv6_PREFERRED",
};
const MeshStatusCode = {
    ACTIVE: "ACTIVE",
    DELETED: "DELETED",
    INACTIVE: "INACTIVE",
};
const VirtualGatewayPortProtocol = {
    GRPC: "grpc",
    HTTP: "http",
    HTTP2: "http2",
};
const VirtualGatewayListenerTlsMode = {
    DISABLED: "DISABLED",
    PERMISSIVE: "PERMISSIVE",
    STRICT: "STRICT",
};
const VirtualGatewayStatusCode = {
    ACTIVE: "ACTIVE",
    DELETED: "DELETED",
    INACTIVE: "INACTIVE",
};
const DefaultGatewayRouteRewrite = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const HttpMethod = {
    CONNECT: "CONNECT",
    DELETE: "DELETE",
    GET: "GET",
    HEAD: "HEAD",
    OPTIONS: "OPTIONS",
    PATCH: "PATCH",
    POST: "POST",
    PUT: "PUT",
    TRACE: "TRACE",
};
const GatewayRouteStatusCode = {
    ACTIVE: "ACTIVE",
    DELETED: "DELETED",
    INACTIVE: "INACTIVE",
};
const PortProtocol = {
    GRPC: "grpc",
    HTTP: "http",
    HTTP2: "http2",
    TCP: "tcp",
};
const DurationUnit = {
    MS: "ms",
    S: "s",
};
const ListenerTlsMode = {
    DISABLED: "DISABLED",
    PERMISSIVE: "PERMISSIVE",
    STRICT: "STRICT",
};
const DnsResponseType = {
    ENDPOINTS: "ENDPOINTS",
    LOADBALANCER: "LOADBALANCER",
};
const VirtualNodeStatusCode = {
    ACTIVE: "ACTIVE",
    DELETED: "DELETED",
    INACTIVE: "INACTIVE",
};
const VirtualRouterStatusCode = {
    ACTIVE: "ACTIVE",
    DELETED: "DELETED",
    INACTIVE: "INACTIVE",
};
const GrpcRetryPolicyEvent = {
    CANCELLED: "cancelled",
    DEADLINE_EXCEEDED: "deadline-exceeded",
    INTERNAL: "internal",
    RESOURCE_EXHAUSTED: "resource-exhausted",
    UNAVAILABLE: "unavailable",
};
const TcpRetryPolicyEvent = {
    CONNECTION_ERROR: "connection-error",
};
const HttpScheme = {
    HTTP: "http",
    HTTPS: "https",
};
const RouteStatusCode = {
    ACTIVE: "ACTIVE",
    DELETED: "DELETED",
    INACTIVE: "INACTIVE",
};
const VirtualServiceStatusCode = {
    ACTIVE: "ACTIVE",
    DELETED: "DELETED",
    INACTIVE: "INACTIVE",
};

exports.$Command = client.Command;
exports.__Client = client.Client;
exports.AppMeshServiceException = AppMeshServiceException.AppMeshServiceException;
exports.AppMesh = AppMesh;
exports.AppMeshClient = AppMeshClient;
exports.CreateGatewayRouteCommand = CreateGatewayRouteCommand;
exports.CreateMeshCommand = CreateMeshCommand;
exports.CreateRouteCommand = CreateRouteCommand;
exports.CreateVirtualGatewayCommand = CreateVirtualGatewayCommand;
exports.CreateVirtualNodeCommand = CreateVirtualNodeCommand;
exports.CreateVirtualRouterCommand = CreateVirtualRouterCommand;
exports.CreateVirtualServiceCommand = CreateVirtualServiceCommand;
exports.DefaultGatewayRouteRewrite = DefaultGatewayRouteRewrite;
exports.DeleteGatewayRouteCommand = DeleteGatewayRouteCommand;
exports.DeleteMeshCommand = DeleteMeshCommand;
exports.DeleteRouteCommand = DeleteRouteCommand;
exports.DeleteVirtualGatewayCommand = DeleteVirtualGatewayCommand;
exports.DeleteVirtualNodeCommand = DeleteVirtualNodeCommand;
exports.DeleteVirtualRouterCommand = DeleteVirtualRouterCommand;
exports.DeleteVirtualServiceCommand = DeleteVirtualServiceCommand;
exports.DescribeGatewayRouteCommand = DescribeGatewayRouteCommand;
exports.DescribeMeshCommand = DescribeMeshCommand;
exports.DescribeRouteCommand = DescribeRouteCommand;
exports.DescribeVirtualGatewayCommand = DescribeVirtualGatewayCommand;
exports.DescribeVirtualNodeCommand = DescribeVirtualNodeCommand;
exports.DescribeVirtualRouterCommand = DescribeVirtualRouterCommand;
exports.DescribeVirtualServiceCommand = DescribeVirtualServiceCommand;
exports.DnsResponseType = DnsResponseType;
exports.DurationUnit = DurationUnit;
exports.EgressFilterType = EgressFilterType;
exports.GatewayRouteStatusCode = GatewayRouteStatusCode;
exports.GrpcRetryPolicyEvent = GrpcRetryPolicyEvent;
exports.HttpMethod = HttpMethod;
exports.HttpScheme = HttpScheme;
exports.IpPreference = IpPreference;
exports.ListGatewayRoutesCommand = ListGatewayRoutesCommand;
exports.ListMeshesCommand = ListMeshesCommand;
exports.ListRoutesCommand = ListRoutesCommand;
exports.ListTagsForResourceCommand = ListTagsForResourceCommand;
exports.ListVirtualGatewaysCommand = ListVirtualGatewaysCommand;
exports.ListVirtualNodesCommand = ListVirtualNodesCommand;
exports.ListVirtualRoutersCommand = ListVirtualRoutersCommand;
exports.ListVirtualServicesCommand = ListVirtualServicesCommand;
exports.ListenerTlsMode = ListenerTlsMode;
exports.MeshStatusCode = MeshStatusCode;
exports.PortProtocol = PortProtocol;
exports.RouteStatusCode = RouteStatusCode;
exports.TagResourceCommand = TagResourceCommand;
exports.TcpRetryPolicyEvent = TcpRetryPolicyEvent;
exports.UntagResourceCommand = UntagResourceCommand;
exports.UpdateGatewayRouteCommand = UpdateGatewayRouteCommand;
exports.UpdateMeshCommand = UpdateMeshCommand;
exports.UpdateRouteCommand = UpdateRouteCommand;
exports.UpdateVirtualGatewayCommand = UpdateVirtualGatewayCommand;
exports.UpdateVirtualNodeCommand = UpdateVirtualNodeCommand;
exports.UpdateVirtualRouterCommand = UpdateVirtualRouterCommand;
exports.UpdateVirtualServiceCommand = UpdateVirtualServiceCommand;
exports.VirtualGatewayListenerTlsMode = VirtualGatewayListenerTlsMode;
exports.VirtualGatewayPortProtocol = VirtualGatewayPortProtocol;
exports.VirtualGatewayStatusCode = VirtualGatewayStatusCode;
exports.VirtualNodeStatusCode = VirtualNodeStatusCode;
exports.VirtualRouterStatusCode = VirtualRouterStatusCode;
exports.VirtualServiceStatusCode = VirtualServiceStatusCode;
exports.paginateListGatewayRoutes = paginateListGatewayRoutes;
exports.paginateListMeshes = paginateListMeshes;
exports.paginateListRoutes = paginateListRoutes;
exports.paginateListTagsForResource = paginateListTagsForResource;
exports.paginateListVirtualGateways = paginateListVirtualGateways;
exports.paginateListVirtualNodes = paginateListVirtualNodes;
exports.paginateListVirtualRouters = paginateListVirtualRouters;
exports.paginateListVirtualServices = paginateListVirtualServices;
Object.prototype.hasOwnProperty.call(schemas_0, '__proto__') &&
    !Object.prototype.hasOwnProperty.call(exports, '__proto__') &&
    Object.defineProperty(exports, '__proto__', {
        enumerable: true,
        value: schemas_0['__proto__']
    });

Object.keys(schemas_0).forEach(function (k) {
    if (k !== 'default' && !Object.prototype.hasOwnProperty.call(exports, k)) exports[k] = schemas_0[k];
});
Object.prototype.hasOwnProperty.call(errors, '__proto__') &&
    !Object.prototype.hasOwnProperty.call(exports, '__proto__') &&
    Object.defineProperty(exports, '__proto__', {
        enumerable: true,
        value: errors['__proto__']
    });

Object.keys(errors).forEach(function (k) {
    if (k !== 'default' && !Object.prototype.hasOwnProperty.call(exports, k)) exports[k] = errors[k];
});


/***/ }),

/***/ 5545:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.AppMeshServiceException = exports.__ServiceException = void 0;
const client_1 = __webpack_require__(2658);
Object.defineProperty(exports, "__ServiceException", ({ enumerable: true, get: function () { return client_1.ServiceException; } }));
class AppMeshServiceException extends client_1.ServiceException {
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, AppMeshServiceException.prototype);
    }
}
exports.AppMeshServiceException = AppMeshServiceException;


/***/ }),

/***/ 2300:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TooManyTagsException = exports.ResourceInUseException = exports.LimitExceededException = exports.ConflictException = exports.TooManyRequestsException = exports.ServiceUnavailableException = exports.NotFoundException = exports.InternalServerErrorException = exports.ForbiddenException = exports.BadRequestException = void 0;
const AppMeshServiceException_1 = __webpack_require__(5545);
class BadRequestException extends AppMeshServiceException_1.AppMeshServiceException {
    name = "BadRequestException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "BadRequestException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, BadRequestException.prototype);
    }
}
exports.BadRequestException = BadRequestException;
class ForbiddenException extends AppMeshServiceException_1.AppMeshServiceException {
    name = "ForbiddenException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ForbiddenException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ForbiddenException.prototype);
    }
}
exports.ForbiddenException = ForbiddenException;
class InternalServerErrorException extends AppMeshServiceException_1.AppMeshServiceException {
    name = "InternalServerErrorException";
    $fault = "server";
    $retryable = {};
    constructor(opts) {
        super({
            name: "InternalServerErrorException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, InternalServerErrorException.prototype);
    }
}
exports.InternalServerErrorException = InternalServerErrorException;
class NotFoundException extends AppMeshServiceException_1.AppMeshServiceException {
    name = "NotFoundException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NotFoundException.prototype);
    }
}
exports.NotFoundException = NotFoundException;
class ServiceUnavailableException extends AppMeshServiceException_1.AppMeshServiceException {
    name = "ServiceUnavailableException";
    $fault = "server";
    $retryable = {};
    constructor(opts) {
        super({
            name: "ServiceUnavailableException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, ServiceUnavailableException.prototype);
    }
}
exports.ServiceUnavailableException = ServiceUnavailableException;
class TooManyRequestsException extends AppMeshServiceException_1.AppMeshServiceException {
    name = "TooManyRequestsException";
    $fault = "client";
    $retryable = {
        throttling: true,
    };
    constructor(opts) {
        super({
            name: "TooManyRequestsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TooManyRequestsException.prototype);
    }
}
exports.TooManyRequestsException = TooManyRequestsException;
class ConflictException extends AppMeshServiceException_1.AppMeshServiceException {
    name = "ConflictException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ConflictException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ConflictException.prototype);
    }
}
exports.ConflictException = ConflictException;
class LimitExceededException extends AppMeshServiceException_1.AppMeshServiceException {
    name = "LimitExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "LimitExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, LimitExceededException.prototype);
    }
}
exports.LimitExceededException = LimitExceededException;
class ResourceInUseException extends AppMeshServiceException_1.AppMeshServiceException {
    name = "ResourceInUseException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ResourceInUseException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ResourceInUseException.prototype);
    }
}
exports.ResourceInUseException = ResourceInUseException;
class TooManyTagsException extends AppMeshServiceException_1.AppMeshServiceException {
    name = "TooManyTagsException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TooManyTagsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TooManyTagsException.prototype);
    }
}
exports.TooManyTagsException = TooManyTagsException;


/***/ }),

/***/ 3198:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getRuntimeConfig = void 0;
const tslib_1 = __webpack_require__(1860);
const package_json_1 = tslib_1.__importDefault(__webpack_require__(7684));
const client_1 = __webpack_require__(5152);
const httpAuthSchemes_1 = __webpack_require__(7523);
const credential_provider_node_1 = __webpack_require__(5861);
const client_2 = __webpack_require__(2658);
const config_1 = __webpack_require__(7291);
const retry_1 = __webpack_require__(3609);
const serde_1 = __webpack_require__(2430);
const node_http_handler_1 = __webpack_require__(1279);
const runtimeConfig_shared_1 = __webpack_require__(9591);
const getRuntimeConfig = (config) => {
    (0, client_2.emitWarningIfUnsupportedVersion)(process.version);
    const defaultsMode = (0, config_1.resolveDefaultsModeConfig)(config);
    const defaultConfigProvider = () => defaultsMode().then(client_2.loadConfigsForDefaultMode);
    const clientSharedValues = (0, runtimeConfig_shared_1.getRuntimeConfig)(config);
    (0, client_1.emitWarningIfUnsupportedVersion)(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? (0, config_1.loadConfig)(httpAuthSchemes_1.NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? serde_1.calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? credential_provider_node_1.defaultProvider,
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? (0, client_1.createDefaultUserAgentProvider)({ serviceId: clientSharedValues.serviceId, clientVersion: package_json_1.default.version }),
        maxAttempts: config?.maxAttempts ?? (0, config_1.loadConfig)(retry_1.NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? (0, config_1.loadConfig)(config_1.NODE_REGION_CONFIG_OPTIONS, { ...config_1.NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: node_http_handler_1.NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            (0, config_1.loadConfig)({
                ...retry_1.NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || retry_1.DEFAULT_RETRY_MODE,
            }, config),
        sha256: config?.sha256 ?? serde_1.Hash.bind(null, "sha256"),
        streamCollector: config?.streamCollector ?? node_http_handler_1.streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? (0, config_1.loadConfig)(config_1.NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? (0, config_1.loadConfig)(config_1.NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? (0, config_1.loadConfig)(client_1.NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};
exports.getRuntimeConfig = getRuntimeConfig;


/***/ }),

/***/ 9591:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getRuntimeConfig = void 0;
const httpAuthSchemes_1 = __webpack_require__(7523);
const protocols_1 = __webpack_require__(7288);
const client_1 = __webpack_require__(2658);
const protocols_2 = __webpack_require__(3422);
const serde_1 = __webpack_require__(2430);
const httpAuthSchemeProvider_1 = __webpack_require__(3487);
const endpointResolver_1 = __webpack_require__(9129);
const schemas_0_1 = __webpack_require__(2936);
const getRuntimeConfig = (config) => {
    return {
        apiVersion: "2019-01-25",
        base64Decoder: config?.base64Decoder ?? serde_1.fromBase64,
        base64Encoder: config?.base64Encoder ?? serde_1.toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? endpointResolver_1.defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? httpAuthSchemeProvider_1.defaultAppMeshHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new httpAuthSchemes_1.AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new client_1.NoOpLogger(),
        protocol: config?.protocol ?? protocols_1.AwsRestJsonProtocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.appmesh",
            errorTypeRegistries: schemas_0_1.errorTypeRegistries,
            version: "2019-01-25",
            serviceTarget: "AppMesh",
        },
        serviceId: config?.serviceId ?? "App Mesh",
        urlParser: config?.urlParser ?? protocols_2.parseUrl,
        utf8Decoder: config?.utf8Decoder ?? serde_1.fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? serde_1.toUtf8,
    };
};
exports.getRuntimeConfig = getRuntimeConfig;


/***/ }),

/***/ 2936:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DescribeRouteInput$ = exports.DescribeMeshOutput$ = exports.DescribeMeshInput$ = exports.DescribeGatewayRouteOutput$ = exports.DescribeGatewayRouteInput$ = exports.DeleteVirtualServiceOutput$ = exports.DeleteVirtualServiceInput$ = exports.DeleteVirtualRouterOutput$ = exports.DeleteVirtualRouterInput$ = exports.DeleteVirtualNodeOutput$ = exports.DeleteVirtualNodeInput$ = exports.DeleteVirtualGatewayOutput$ = exports.DeleteVirtualGatewayInput$ = exports.DeleteRouteOutput$ = exports.DeleteRouteInput$ = exports.DeleteMeshOutput$ = exports.DeleteMeshInput$ = exports.DeleteGatewayRouteOutput$ = exports.DeleteGatewayRouteInput$ = exports.CreateVirtualServiceOutput$ = exports.CreateVirtualServiceInput$ = exports.CreateVirtualRouterOutput$ = exports.CreateVirtualRouterInput$ = exports.CreateVirtualNodeOutput$ = exports.CreateVirtualNodeInput$ = exports.CreateVirtualGatewayOutput$ = exports.CreateVirtualGatewayInput$ = exports.CreateRouteOutput$ = exports.CreateRouteInput$ = exports.CreateMeshOutput$ = exports.CreateMeshInput$ = exports.CreateGatewayRouteOutput$ = exports.CreateGatewayRouteInput$ = exports.ClientPolicyTls$ = exports.ClientPolicy$ = exports.BackendDefaults$ = exports.AwsCloudMapServiceDiscovery$ = exports.AwsCloudMapInstanceAttribute$ = exports.errorTypeRegistries = exports.TooManyTagsException$ = exports.TooManyRequestsException$ = exports.ServiceUnavailableException$ = exports.ResourceInUseException$ = exports.NotFoundException$ = exports.LimitExceededException$ = exports.InternalServerErrorException$ = exports.ForbiddenException$ = exports.ConflictException$ = exports.BadRequestException$ = exports.AppMeshServiceException$ = void 0;
exports.Listener$ = exports.JsonFormatRef$ = exports.HttpTimeout$ = exports.HttpRouteMatch$ = exports.HttpRouteHeader$ = exports.HttpRouteAction$ = exports.HttpRoute$ = exports.HttpRetryPolicy$ = exports.HttpQueryParameter$ = exports.HttpPathMatch$ = exports.HttpGatewayRouteRewrite$ = exports.HttpGatewayRoutePrefixRewrite$ = exports.HttpGatewayRoutePathRewrite$ = exports.HttpGatewayRouteMatch$ = exports.HttpGatewayRouteHeader$ = exports.HttpGatewayRouteAction$ = exports.HttpGatewayRoute$ = exports.HealthCheckPolicy$ = exports.GrpcTimeout$ = exports.GrpcRouteMetadata$ = exports.GrpcRouteMatch$ = exports.GrpcRouteAction$ = exports.GrpcRoute$ = exports.GrpcRetryPolicy$ = exports.GrpcGatewayRouteRewrite$ = exports.GrpcGatewayRouteMetadata$ = exports.GrpcGatewayRouteMatch$ = exports.GrpcGatewayRouteAction$ = exports.GrpcGatewayRoute$ = exports.GatewayRouteVirtualService$ = exports.GatewayRouteTarget$ = exports.GatewayRouteStatus$ = exports.GatewayRouteSpec$ = exports.GatewayRouteRef$ = exports.GatewayRouteHostnameRewrite$ = exports.GatewayRouteHostnameMatch$ = exports.GatewayRouteData$ = exports.FileAccessLog$ = exports.EgressFilter$ = exports.Duration$ = exports.DnsServiceDiscovery$ = exports.DescribeVirtualServiceOutput$ = exports.DescribeVirtualServiceInput$ = exports.DescribeVirtualRouterOutput$ = exports.DescribeVirtualRouterInput$ = exports.DescribeVirtualNodeOutput$ = exports.DescribeVirtualNodeInput$ = exports.DescribeVirtualGatewayOutput$ = exports.DescribeVirtualGatewayInput$ = exports.DescribeRouteOutput$ = void 0;
exports.UntagResourceInput$ = exports.TlsValidationContextSdsTrust$ = exports.TlsValidationContextFileTrust$ = exports.TlsValidationContextAcmTrust$ = exports.TlsValidationContext$ = exports.TcpTimeout$ = exports.TcpRouteMatch$ = exports.TcpRouteAction$ = exports.TcpRoute$ = exports.TagResourceOutput$ = exports.TagResourceInput$ = exports.TagRef$ = exports.SubjectAlternativeNames$ = exports.SubjectAlternativeNameMatchers$ = exports.RouteStatus$ = exports.RouteSpec$ = exports.RouteRef$ = exports.RouteData$ = exports.ResourceMetadata$ = exports.QueryParameterMatch$ = exports.PortMapping$ = exports.OutlierDetection$ = exports.MeshStatus$ = exports.MeshSpec$ = exports.MeshServiceDiscovery$ = exports.MeshRef$ = exports.MeshData$ = exports.MatchRange$ = exports.Logging$ = exports.ListVirtualServicesOutput$ = exports.ListVirtualServicesInput$ = exports.ListVirtualRoutersOutput$ = exports.ListVirtualRoutersInput$ = exports.ListVirtualNodesOutput$ = exports.ListVirtualNodesInput$ = exports.ListVirtualGatewaysOutput$ = exports.ListVirtualGatewaysInput$ = exports.ListTagsForResourceOutput$ = exports.ListTagsForResourceInput$ = exports.ListRoutesOutput$ = exports.ListRoutesInput$ = exports.ListMeshesOutput$ = exports.ListMeshesInput$ = exports.ListGatewayRoutesOutput$ = exports.ListGatewayRoutesInput$ = exports.ListenerTlsValidationContext$ = exports.ListenerTlsSdsCertificate$ = exports.ListenerTlsFileCertificate$ = exports.ListenerTlsAcmCertificate$ = exports.ListenerTls$ = void 0;
exports.VirtualRouterListener$ = exports.VirtualRouterData$ = exports.VirtualNodeTcpConnectionPool$ = exports.VirtualNodeStatus$ = exports.VirtualNodeSpec$ = exports.VirtualNodeServiceProvider$ = exports.VirtualNodeRef$ = exports.VirtualNodeHttpConnectionPool$ = exports.VirtualNodeHttp2ConnectionPool$ = exports.VirtualNodeGrpcConnectionPool$ = exports.VirtualNodeData$ = exports.VirtualGatewayTlsValidationContextSdsTrust$ = exports.VirtualGatewayTlsValidationContextFileTrust$ = exports.VirtualGatewayTlsValidationContextAcmTrust$ = exports.VirtualGatewayTlsValidationContext$ = exports.VirtualGatewayStatus$ = exports.VirtualGatewaySpec$ = exports.VirtualGatewayRef$ = exports.VirtualGatewayPortMapping$ = exports.VirtualGatewayLogging$ = exports.VirtualGatewayListenerTlsValidationContext$ = exports.VirtualGatewayListenerTlsSdsCertificate$ = exports.VirtualGatewayListenerTlsFileCertificate$ = exports.VirtualGatewayListenerTlsAcmCertificate$ = exports.VirtualGatewayListenerTls$ = exports.VirtualGatewayListener$ = exports.VirtualGatewayHttpConnectionPool$ = exports.VirtualGatewayHttp2ConnectionPool$ = exports.VirtualGatewayHealthCheckPolicy$ = exports.VirtualGatewayGrpcConnectionPool$ = exports.VirtualGatewayFileAccessLog$ = exports.VirtualGatewayData$ = exports.VirtualGatewayClientPolicyTls$ = exports.VirtualGatewayClientPolicy$ = exports.VirtualGatewayBackendDefaults$ = exports.UpdateVirtualServiceOutput$ = exports.UpdateVirtualServiceInput$ = exports.UpdateVirtualRouterOutput$ = exports.UpdateVirtualRouterInput$ = exports.UpdateVirtualNodeOutput$ = exports.UpdateVirtualNodeInput$ = exports.UpdateVirtualGatewayOutput$ = exports.UpdateVirtualGatewayInput$ = exports.UpdateRouteOutput$ = exports.UpdateRouteInput$ = exports.UpdateMeshOutput$ = exports.UpdateMeshInput$ = exports.UpdateGatewayRouteOutput$ = exports.UpdateGatewayRouteInput$ = exports.UntagResourceOutput$ = void 0;
exports.DescribeVirtualRouter$ = exports.DescribeVirtualNode$ = exports.DescribeVirtualGateway$ = exports.DescribeRoute$ = exports.DescribeMesh$ = exports.DescribeGatewayRoute$ = exports.DeleteVirtualService$ = exports.DeleteVirtualRouter$ = exports.DeleteVirtualNode$ = exports.DeleteVirtualGateway$ = exports.DeleteRoute$ = exports.DeleteMesh$ = exports.DeleteGatewayRoute$ = exports.CreateVirtualService$ = exports.CreateVirtualRouter$ = exports.CreateVirtualNode$ = exports.CreateVirtualGateway$ = exports.CreateRoute$ = exports.CreateMesh$ = exports.CreateGatewayRoute$ = exports.VirtualServiceProvider$ = exports.VirtualNodeConnectionPool$ = exports.VirtualGatewayTlsValidationContextTrust$ = exports.VirtualGatewayListenerTlsValidationContextTrust$ = exports.VirtualGatewayListenerTlsCertificate$ = exports.VirtualGatewayConnectionPool$ = exports.VirtualGatewayClientTlsCertificate$ = exports.VirtualGatewayAccessLog$ = exports.TlsValidationContextTrust$ = exports.ServiceDiscovery$ = exports.LoggingFormat$ = exports.ListenerTlsValidationContextTrust$ = exports.ListenerTlsCertificate$ = exports.ListenerTimeout$ = exports.HeaderMatchMethod$ = exports.GrpcRouteMetadataMatchMethod$ = exports.GrpcMetadataMatchMethod$ = exports.ClientTlsCertificate$ = exports.Backend$ = exports.AccessLog$ = exports.WeightedTarget$ = exports.VirtualServiceStatus$ = exports.VirtualServiceSpec$ = exports.VirtualServiceRef$ = exports.VirtualServiceData$ = exports.VirtualServiceBackend$ = exports.VirtualRouterStatus$ = exports.VirtualRouterSpec$ = exports.VirtualRouterServiceProvider$ = exports.VirtualRouterRef$ = void 0;
exports.UpdateVirtualService$ = exports.UpdateVirtualRouter$ = exports.UpdateVirtualNode$ = exports.UpdateVirtualGateway$ = exports.UpdateRoute$ = exports.UpdateMesh$ = exports.UpdateGatewayRoute$ = exports.UntagResource$ = exports.TagResource$ = exports.ListVirtualServices$ = exports.ListVirtualRouters$ = exports.ListVirtualNodes$ = exports.ListVirtualGateways$ = exports.ListTagsForResource$ = exports.ListRoutes$ = exports.ListMeshes$ = exports.ListGatewayRoutes$ = exports.DescribeVirtualService$ = void 0;
const _ACMIA = "AwsCloudMapInstanceAttribute";
const _ACMIAw = "AwsCloudMapInstanceAttributes";
const _ACMSD = "AwsCloudMapServiceDiscovery";
const _AL = "AccessLog";
const _B = "Backends";
const _BD = "BackendDefaults";
const _BRE = "BadRequestException";
const _Ba = "Backend";
const _CE = "ConflictException";
const _CGR = "CreateGatewayRoute";
const _CGRI = "CreateGatewayRouteInput";
const _CGRO = "CreateGatewayRouteOutput";
const _CM = "CreateMesh";
const _CMI = "CreateMeshInput";
const _CMO = "CreateMeshOutput";
const _CP = "ClientPolicy";
const _CPT = "ClientPolicyTls";
const _CR = "CreateRoute";
const _CRI = "CreateRouteInput";
const _CRO = "CreateRouteOutput";
const _CTC = "ClientTlsCertificate";
const _CVG = "CreateVirtualGateway";
const _CVGI = "CreateVirtualGatewayInput";
const _CVGO = "CreateVirtualGatewayOutput";
const _CVN = "CreateVirtualNode";
const _CVNI = "CreateVirtualNodeInput";
const _CVNO = "CreateVirtualNodeOutput";
const _CVR = "CreateVirtualRouter";
const _CVRI = "CreateVirtualRouterInput";
const _CVRO = "CreateVirtualRouterOutput";
const _CVS = "CreateVirtualService";
const _CVSI = "CreateVirtualServiceInput";
const _CVSO = "CreateVirtualServiceOutput";
const _D = "Duration";
const _DGR = "DeleteGatewayRoute";
const _DGRI = "DeleteGatewayRouteInput";
const _DGRIe = "DescribeGatewayRouteInput";
const _DGRO = "DeleteGatewayRouteOutput";
const _DGROe = "DescribeGatewayRouteOutput";
const _DGRe = "DescribeGatewayRoute";
const _DM = "DeleteMesh";
const _DMI = "DeleteMeshInput";
const _DMIe = "DescribeMeshInput";
const _DMO = "DeleteMeshOutput";
const _DMOe = "DescribeMeshOutput";
const _DMe = "DescribeMesh";
const _DR = "DeleteRoute";
const _DRI = "DeleteRouteInput";
const _DRIe = "DescribeRouteInput";
const _DRO = "DeleteRouteOutput";
const _DROe = "DescribeRouteOutput";
const _DRe = "DescribeRoute";
const _DSD = "DnsServiceDiscovery";
const _DVG = "DeleteVirtualGateway";
const _DVGI = "DeleteVirtualGatewayInput";
const _DVGIe = "DescribeVirtualGatewayInput";
const _DVGO = "DeleteVirtualGatewayOutput";
const _DVGOe = "DescribeVirtualGatewayOutput";
const _DVGe = "DescribeVirtualGateway";
const _DVN = "DeleteVirtualNode";
const _DVNI = "DeleteVirtualNodeInput";
const _DVNIe = "DescribeVirtualNodeInput";
const _DVNO = "DeleteVirtualNodeOutput";
const _DVNOe = "DescribeVirtualNodeOutput";
const _DVNe = "DescribeVirtualNode";
const _DVR = "DeleteVirtualRouter";
const _DVRI = "DeleteVirtualRouterInput";
const _DVRIe = "DescribeVirtualRouterInput";
const _DVRO = "DeleteVirtualRouterOutput";
const _DVROe = "DescribeVirtualRouterOutput";
const _DVRe = "DescribeVirtualRouter";
const _DVS = "DeleteVirtualService";
const _DVSI = "DeleteVirtualServiceInput";
const _DVSIe = "DescribeVirtualServiceInput";
const _DVSO = "DeleteVirtualServiceOutput";
const _DVSOe = "DescribeVirtualServiceOutput";
const _DVSe = "DescribeVirtualService";
const _EF = "EgressFilter";
const _FAL = "FileAccessLog";
const _FE = "ForbiddenException";
const _GGR = "GrpcGatewayRoute";
const _GGRA = "GrpcGatewayRouteAction";
const _GGRM = "GrpcGatewayRouteMatch";
const _GGRML = "GrpcGatewayRouteMetadataList";
const _GGRMr = "GrpcGatewayRouteMetadata";
const _GGRR = "GrpcGatewayRouteRewrite";
const _GMMM = "GrpcMetadataMatchMethod";
const _GR = "GrpcRoute";
const _GRA = "GrpcRouteAction";
const _GRD = "GatewayRouteData";
const _GRHM = "GatewayRouteHostnameMatch";
const _GRHR = "GatewayRouteHostnameRewrite";
const _GRL = "GatewayRouteList";
const _GRM = "GrpcRouteMatch";
const _GRML = "GrpcRouteMetadataList";
const _GRMMM = "GrpcRouteMetadataMatchMethod";
const _GRMr = "GrpcRouteMetadata";
const _GRP = "GrpcRetryPolicy";
const _GRR = "GatewayRouteRef";
const _GRS = "GatewayRouteSpec";
const _GRSa = "GatewayRouteStatus";
const _GRT = "GatewayRouteTarget";
const _GRVS = "GatewayRouteVirtualService";
const _GT = "GrpcTimeout";
const _HCP = "HealthCheckPolicy";
const _HGR = "HttpGatewayRoute";
const _HGRA = "HttpGatewayRouteAction";
const _HGRH = "HttpGatewayRouteHeader";
const _HGRHt = "HttpGatewayRouteHeaders";
const _HGRM = "HttpGatewayRouteMatch";
const _HGRPR = "HttpGatewayRoutePathRewrite";
const _HGRPRt = "HttpGatewayRoutePrefixRewrite";
const _HGRR = "HttpGatewayRouteRewrite";
const _HMM = "HeaderMatchMethod";
const _HPM = "HttpPathMatch";
const _HQP = "HttpQueryParameter";
const _HQPt = "HttpQueryParameters";
const _HR = "HttpRoute";
const _HRA = "HttpRouteAction";
const _HRH = "HttpRouteHeader";
const _HRHt = "HttpRouteHeaders";
const _HRM = "HttpRouteMatch";
const _HRP = "HttpRetryPolicy";
const _HT = "HttpTimeout";
const _ISEE = "InternalServerErrorException";
const _JF = "JsonFormat";
const _JFR = "JsonFormatRef";
const _L = "Listener";
const _LEE = "LimitExceededException";
const _LF = "LoggingFormat";
const _LGR = "ListGatewayRoutes";
const _LGRI = "ListGatewayRoutesInput";
const _LGRO = "ListGatewayRoutesOutput";
const _LM = "ListMeshes";
const _LMI = "ListMeshesInput";
const _LMO = "ListMeshesOutput";
const _LR = "ListRoutes";
const _LRI = "ListRoutesInput";
const _LRO = "ListRoutesOutput";
const _LT = "ListenerTls";
const _LTAC = "ListenerTlsAcmCertificate";
const _LTC = "ListenerTlsCertificate";
const _LTFC = "ListenerTlsFileCertificate";
const _LTFR = "ListTagsForResource";
const _LTFRI = "ListTagsForResourceInput";
const _LTFRO = "ListTagsForResourceOutput";
const _LTSC = "ListenerTlsSdsCertificate";
const _LTVC = "ListenerTlsValidationContext";
const _LTVCT = "ListenerTlsValidationContextTrust";
const _LTi = "ListenerTimeout";
const _LVG = "ListVirtualGateways";
const _LVGI = "ListVirtualGatewaysInput";
const _LVGO = "ListVirtualGatewaysOutput";
const _LVN = "ListVirtualNodes";
const _LVNI = "ListVirtualNodesInput";
const _LVNO = "ListVirtualNodesOutput";
const _LVR = "ListVirtualRouters";
const _LVRI = "ListVirtualRoutersInput";
const _LVRO = "ListVirtualRoutersOutput";
const _LVS = "ListVirtualServices";
const _LVSI = "ListVirtualServicesInput";
const _LVSO = "ListVirtualServicesOutput";
const _Li = "Listeners";
const _Lo = "Logging";
const _MD = "MeshData";
const _ML = "MeshList";
const _MR = "MatchRange";
const _MRe = "MeshRef";
const _MS = "MeshSpec";
const _MSD = "MeshServiceDiscovery";
const _MSe = "MeshStatus";
const _NFE = "NotFoundException";
const _OD = "OutlierDetection";
const _PM = "PortMapping";
const _QPM = "QueryParameterMatch";
const _RD = "RouteData";
const _RIUE = "ResourceInUseException";
const _RL = "RouteList";
const _RM = "ResourceMetadata";
const _RR = "RouteRef";
const _RS = "RouteSpec";
const _RSo = "RouteStatus";
const _SAN = "SubjectAlternativeNames";
const _SANM = "SubjectAlternativeNameMatchers";
const _SD = "ServiceDiscovery";
const _SUE = "ServiceUnavailableException";
const _TL = "TagList";
const _TMRE = "TooManyRequestsException";
const _TMTE = "TooManyTagsException";
const _TR = "TagRef";
const _TRA = "TcpRouteAction";
const _TRI = "TagResourceInput";
const _TRM = "TcpRouteMatch";
const _TRO = "TagResourceOutput";
const _TRa = "TagResource";
const _TRc = "TcpRoute";
const _TT = "TcpTimeout";
const _TVC = "TlsValidationContext";
const _TVCAT = "TlsValidationContextAcmTrust";
const _TVCFT = "TlsValidationContextFileTrust";
const _TVCST = "TlsValidationContextSdsTrust";
const _TVCT = "TlsValidationContextTrust";
const _UGR = "UpdateGatewayRoute";
const _UGRI = "UpdateGatewayRouteInput";
const _UGRO = "UpdateGatewayRouteOutput";
const _UM = "UpdateMesh";
const _UMI = "UpdateMeshInput";
const _UMO = "UpdateMeshOutput";
const _UR = "UntagResource";
const _URI = "UntagResourceInput";
const _URIp = "UpdateRouteInput";
const _URO = "UntagResourceOutput";
const _UROp = "UpdateRouteOutput";
const _URp = "UpdateRoute";
const _UVG = "UpdateVirtualGateway";
const _UVGI = "UpdateVirtualGatewayInput";
const _UVGO = "UpdateVirtualGatewayOutput";
const _UVN = "UpdateVirtualNode";
const _UVNI = "UpdateVirtualNodeInput";
const _UVNO = "UpdateVirtualNodeOutput";
const _UVR = "UpdateVirtualRouter";
const _UVRI = "UpdateVirtualRouterInput";
const _UVRO = "UpdateVirtualRouterOutput";
const _UVS = "UpdateVirtualService";
const _UVSI = "UpdateVirtualServiceInput";
const _UVSO = "UpdateVirtualServiceOutput";
const _VGAL = "VirtualGatewayAccessLog";
const _VGBD = "VirtualGatewayBackendDefaults";
const _VGCP = "VirtualGatewayClientPolicy";
const _VGCPT = "VirtualGatewayClientPolicyTls";
const _VGCPi = "VirtualGatewayConnectionPool";
const _VGCTC = "VirtualGatewayClientTlsCertificate";
const _VGD = "VirtualGatewayData";
const _VGFAL = "VirtualGatewayFileAccessLog";
const _VGGCP = "VirtualGatewayGrpcConnectionPool";
const _VGHCP = "VirtualGatewayHealthCheckPolicy";
const _VGHCPi = "VirtualGatewayHttp2ConnectionPool";
const _VGHCPir = "VirtualGatewayHttpConnectionPool";
const _VGL = "VirtualGatewayListener";
const _VGLT = "VirtualGatewayListenerTls";
const _VGLTAC = "VirtualGatewayListenerTlsAcmCertificate";
const _VGLTC = "VirtualGatewayListenerTlsCertificate";
const _VGLTFC = "VirtualGatewayListenerTlsFileCertificate";
const _VGLTSC = "VirtualGatewayListenerTlsSdsCertificate";
const _VGLTVC = "VirtualGatewayListenerTlsValidationContext";
const _VGLTVCT = "VirtualGatewayListenerTlsValidationContextTrust";
const _VGLi = "VirtualGatewayLogging";
const _VGLir = "VirtualGatewayList";
const _VGLirt = "VirtualGatewayListeners";
const _VGPM = "VirtualGatewayPortMapping";
const _VGR = "VirtualGatewayRef";
const _VGS = "VirtualGatewaySpec";
const _VGSi = "VirtualGatewayStatus";
const _VGTVC = "VirtualGatewayTlsValidationContext";
const _VGTVCAT = "VirtualGatewayTlsValidationContextAcmTrust";
const _VGTVCFT = "VirtualGatewayTlsValidationContextFileTrust";
const _VGTVCST = "VirtualGatewayTlsValidationContextSdsTrust";
const _VGTVCT = "VirtualGatewayTlsValidationContextTrust";
const _VNCP = "VirtualNodeConnectionPool";
const _VND = "VirtualNodeData";
const _VNGCP = "VirtualNodeGrpcConnectionPool";
const _VNHCP = "VirtualNodeHttp2ConnectionPool";
const _VNHCPi = "VirtualNodeHttpConnectionPool";
const _VNL = "VirtualNodeList";
const _VNR = "VirtualNodeRef";
const _VNS = "VirtualNodeSpec";
const _VNSP = "VirtualNodeServiceProvider";
const _VNSi = "VirtualNodeStatus";
const _VNTCP = "VirtualNodeTcpConnectionPool";
const _VRD = "VirtualRouterData";
const _VRL = "VirtualRouterListener";
const _VRLi = "VirtualRouterList";
const _VRLir = "VirtualRouterListeners";
const _VRR = "VirtualRouterRef";
const _VRS = "VirtualRouterSpec";
const _VRSP = "VirtualRouterServiceProvider";
const _VRSi = "VirtualRouterStatus";
const _VSB = "VirtualServiceBackend";
const _VSD = "VirtualServiceData";
const _VSL = "VirtualServiceList";
const _VSP = "VirtualServiceProvider";
const _VSR = "VirtualServiceRef";
const _VSS = "VirtualServiceSpec";
const _VSSi = "VirtualServiceStatus";
const _WT = "WeightedTarget";
const _WTe = "WeightedTargets";
const _a = "attributes";
const _aCM = "awsCloudMap";
const _aL = "accessLog";
const _ac = "action";
const _acm = "acm";
const _ar = "arn";
const _b = "backends";
const _bD = "backendDefaults";
const _bED = "baseEjectionDuration";
const _c = "client";
const _cA = "createdAt";
const _cAA = "certificateAuthorityArns";
const _cAe = "certificateArn";
const _cC = "certificateChain";
const _cP = "clientPolicy";
const _cPo = "connectionPool";
const _cT = "clientToken";
const _ce = "certificate";
const _d = "dns";
const _dP = "defaultPrefix";
const _dTH = "defaultTargetHostname";
const _e = "error";
const _eF = "egressFilter";
const _en = "enforce";
const _end = "end";
const _ex = "exact";
const _f = "format";
const _fi = "file";
const _g = "grpc";
const _gR = "gatewayRoute";
const _gRE = "grpcRetryEvents";
const _gRN = "gatewayRouteName";
const _gRa = "gatewayRoutes";
const _gRr = "grpcRoute";
const _h = "hostname";
const _hC = "healthCheck";
const _hE = "httpError";
const _hQ = "httpQuery";
const _hR = "httpRoute";
const _hRE = "httpRetryEvents";
const _hRt = "http2Route";
const _hT = "healthyThreshold";
const _he = "headers";
const _ht = "http";
const _htt = "http2";
const _i = "invert";
const _iM = "intervalMillis";
const _iP = "ipPreference";
const _id = "idle";
const _in = "interval";
const _j = "json";
const _k = "key";
const _l = "limit";
const _lUA = "lastUpdatedAt";
const _li = "listeners";
const _lo = "logging";
const _m = "message";
const _mC = "maxConnections";
const _mEP = "maxEjectionPercent";
const _mN = "meshName";
const _mNe = "methodName";
const _mO = "meshOwner";
const _mPR = "maxPendingRequests";
const _mR = "maxRetries";
const _mRa = "maxRequests";
const _mSE = "maxServerErrors";
const _ma = "match";
const _me = "mesh";
const _mes = "meshes";
const _met = "metadata";
const _meth = "method";
const _mo = "mode";
const _n = "name";
const _nN = "namespaceName";
const _nT = "nextToken";
const _oD = "outlierDetection";
const _p = "ports";
const _pK = "privateKey";
const _pM = "portMapping";
const _pR = "perRequest";
const _pRT = "perRetryTimeout";
const _pa = "path";
const _po = "port";
const _pr = "priority";
const _pre = "prefix";
const _pro = "protocol";
const _prov = "provider";
const _qP = "queryParameters";
const _r = "route";
const _rA = "resourceArn";
const _rN = "routeName";
const _rO = "resourceOwner";
const _rP = "retryPolicy";
const _rT = "responseType";
const _ra = "range";
const _re = "rewrite";
const _reg = "regex";
const _ro = "routes";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.appmesh";
const _sAN = "subjectAlternativeNames";
const _sD = "serviceDiscovery";
const _sN = "serviceName";
const _sNe = "secretName";
const _sc = "scheme";
const _sd = "sds";
const _se = "server";
const _sp = "spec";
const _st = "status";
const _sta = "start";
const _su = "suffix";
const _t = "tls";
const _tK = "tagKeys";
const _tM = "timeoutMillis";
const _tR = "tcpRoute";
const _tRE = "tcpRetryEvents";
const _ta = "tags";
const _tar = "target";
const _tc = "tcp";
const _te = "text";
const _ti = "timeout";
const _tr = "trust";
const _ty = "type";
const _u = "unit";
const _uT = "unhealthyThreshold";
const _ui = "uid";
const _v = "value";
const _vG = "virtualGateway";
const _vGN = "virtualGatewayName";
const _vGi = "virtualGateways";
const _vN = "virtualNode";
const _vNN = "virtualNodeName";
const _vNi = "virtualNodes";
const _vR = "virtualRouter";
const _vRN = "virtualRouterName";
const _vRi = "virtualRouters";
const _vS = "virtualService";
const _vSN = "virtualServiceName";
const _vSi = "virtualServices";
const _va = "validation";
const _ve = "version";
const _w = "weight";
const _wT = "weightedTargets";
const n0 = "com.amazonaws.appmesh";
const schema_1 = __webpack_require__(6890);
const AppMeshServiceException_1 = __webpack_require__(5545);
const errors_1 = __webpack_require__(2300);
const _s_registry = schema_1.TypeRegistry.for(_s);
exports.AppMeshServiceException$ = [-3, _s, "AppMeshServiceException", 0, [], []];
_s_registry.registerError(exports.AppMeshServiceException$, AppMeshServiceException_1.AppMeshServiceException);
const n0_registry = schema_1.TypeRegistry.for(n0);
exports.BadRequestException$ = [-3, n0, _BRE,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(exports.BadRequestException$, errors_1.BadRequestException);
exports.ConflictException$ = [-3, n0, _CE,
    { [_e]: _c, [_hE]: 409 },
    [_m],
    [0]
];
n0_registry.registerError(exports.ConflictException$, errors_1.ConflictException);
exports.ForbiddenException$ = [-3, n0, _FE,
    { [_e]: _c, [_hE]: 403 },
    [_m],
    [0]
];
n0_registry.registerError(exports.ForbiddenException$, errors_1.ForbiddenException);
exports.InternalServerErrorException$ = [-3, n0, _ISEE,
    { [_e]: _se, [_hE]: 500 },
    [_m],
    [0]
];
n0_registry.registerError(exports.InternalServerErrorException$, errors_1.InternalServerErrorException);
exports.LimitExceededException$ = [-3, n0, _LEE,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(exports.LimitExceededException$, errors_1.LimitExceededException);
exports.NotFoundException$ = [-3, n0, _NFE,
    { [_e]: _c, [_hE]: 404 },
    [_m],
    [0]
];
n0_registry.registerError(exports.NotFoundException$, errors_1.NotFoundException);
exports.ResourceInUseException$ = [-3, n0, _RIUE,
    { [_e]: _c, [_hE]: 409 },
    [_m],
    [0]
];
n0_registry.registerError(exports.ResourceInUseException$, errors_1.ResourceInUseException);
exports.ServiceUnavailableException$ = [-3, n0, _SUE,
    { [_e]: _se, [_hE]: 503 },
    [_m],
    [0]
];
n0_registry.registerError(exports.ServiceUnavailableException$, errors_1.ServiceUnavailableException);
exports.TooManyRequestsException$ = [-3, n0, _TMRE,
    { [_e]: _c, [_hE]: 429 },
    [_m],
    [0]
];
n0_registry.registerError(exports.TooManyRequestsException$, errors_1.TooManyRequestsException);
exports.TooManyTagsException$ = [-3, n0, _TMTE,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(exports.TooManyTagsException$, errors_1.TooManyTagsException);
exports.errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
exports.AwsCloudMapInstanceAttribute$ = [3, n0, _ACMIA,
    0,
    [_k, _v],
    [0, 0], 2
];
exports.AwsCloudMapServiceDiscovery$ = [3, n0, _ACMSD,
    0,
    [_nN, _sN, _a, _iP],
    [0, 0, () => AwsCloudMapInstanceAttributes, 0], 2
];
exports.BackendDefaults$ = [3, n0, _BD,
    0,
    [_cP],
    [() => exports.ClientPolicy$]
];
exports.ClientPolicy$ = [3, n0, _CP,
    0,
    [_t],
    [() => exports.ClientPolicyTls$]
];
exports.ClientPolicyTls$ = [3, n0, _CPT,
    0,
    [_va, _en, _p, _ce],
    [() => exports.TlsValidationContext$, 2, 64 | 1, () => exports.ClientTlsCertificate$], 1
];
exports.CreateGatewayRouteInput$ = [3, n0, _CGRI,
    0,
    [_gRN, _mN, _vGN, _sp, _ta, _cT, _mO],
    [0, [0, 1], [0, 1], () => exports.GatewayRouteSpec$, () => TagList, [0, 4], [0, { [_hQ]: _mO }]], 4
];
exports.CreateGatewayRouteOutput$ = [3, n0, _CGRO,
    0,
    [_gR],
    [[() => exports.GatewayRouteData$, 16]], 1
];
exports.CreateMeshInput$ = [3, n0, _CMI,
    0,
    [_mN, _sp, _ta, _cT],
    [0, () => exports.MeshSpec$, () => TagList, [0, 4]], 1
];
exports.CreateMeshOutput$ = [3, n0, _CMO,
    0,
    [_me],
    [[() => exports.MeshData$, 16]], 1
];
exports.CreateRouteInput$ = [3, n0, _CRI,
    0,
    [_rN, _mN, _vRN, _sp, _ta, _cT, _mO],
    [0, [0, 1], [0, 1], () => exports.RouteSpec$, () => TagList, [0, 4], [0, { [_hQ]: _mO }]], 4
];
exports.CreateRouteOutput$ = [3, n0, _CRO,
    0,
    [_r],
    [[() => exports.RouteData$, 16]], 1
];
exports.CreateVirtualGatewayInput$ = [3, n0, _CVGI,
    0,
    [_vGN, _mN, _sp, _ta, _cT, _mO],
    [0, [0, 1], () => exports.VirtualGatewaySpec$, () => TagList, [0, 4], [0, { [_hQ]: _mO }]], 3
];
exports.CreateVirtualGatewayOutput$ = [3, n0, _CVGO,
    0,
    [_vG],
    [[() => exports.VirtualGatewayData$, 16]], 1
];
exports.CreateVirtualNodeInput$ = [3, n0, _CVNI,
    0,
    [_vNN, _mN, _sp, _ta, _cT, _mO],
    [0, [0, 1], () => exports.VirtualNodeSpec$, () => TagList, [0, 4], [0, { [_hQ]: _mO }]], 3
];
exports.CreateVirtualNodeOutput$ = [3, n0, _CVNO,
    0,
    [_vN],
    [[() => exports.VirtualNodeData$, 16]], 1
];
exports.CreateVirtualRouterInput$ = [3, n0, _CVRI,
    0,
    [_vRN, _mN, _sp, _ta, _cT, _mO],
    [0, [0, 1], () => exports.VirtualRouterSpec$, () => TagList, [0, 4], [0, { [_hQ]: _mO }]], 3
];
exports.CreateVirtualRouterOutput$ = [3, n0, _CVRO,
    0,
    [_vR],
    [[() => exports.VirtualRouterData$, 16]], 1
];
exports.CreateVirtualServiceInput$ = [3, n0, _CVSI,
    0,
    [_vSN, _mN, _sp, _ta, _cT, _mO],
    [0, [0, 1], () => exports.VirtualServiceSpec$, () => TagList, [0, 4], [0, { [_hQ]: _mO }]], 3
];
exports.CreateVirtualServiceOutput$ = [3, n0, _CVSO,
    0,
    [_vS],
    [[() => exports.VirtualServiceData$, 16]], 1
];
exports.DeleteGatewayRouteInput$ = [3, n0, _DGRI,
    0,
    [_gRN, _mN, _vGN, _mO],
    [[0, 1], [0, 1], [0, 1], [0, { [_hQ]: _mO }]], 3
];
exports.DeleteGatewayRouteOutput$ = [3, n0, _DGRO,
    0,
    [_gR],
    [[() => exports.GatewayRouteData$, 16]], 1
];
exports.DeleteMeshInput$ = [3, n0, _DMI,
    0,
    [_mN],
    [[0, 1]], 1
];
exports.DeleteMeshOutput$ = [3, n0, _DMO,
    0,
    [_me],
    [[() => exports.MeshData$, 16]], 1
];
exports.DeleteRouteInput$ = [3, n0, _DRI,
    0,
    [_rN, _mN, _vRN, _mO],
    [[0, 1], [0, 1], [0, 1], [0, { [_hQ]: _mO }]], 3
];
exports.DeleteRouteOutput$ = [3, n0, _DRO,
    0,
    [_r],
    [[() => exports.RouteData$, 16]], 1
];
exports.DeleteVirtualGatewayInput$ = [3, n0, _DVGI,
    0,
    [_vGN, _mN, _mO],
    [[0, 1], [0, 1], [0, { [_hQ]: _mO }]], 2
];
exports.DeleteVirtualGatewayOutput$ = [3, n0, _DVGO,
    0,
    [_vG],
    [[() => exports.VirtualGatewayData$, 16]], 1
];
exports.DeleteVirtualNodeInput$ = [3, n0, _DVNI,
    0,
    [_vNN, _mN, _mO],
    [[0, 1], [0, 1], [0, { [_hQ]: _mO }]], 2
];
exports.DeleteVirtualNodeOutput$ = [3, n0, _DVNO,
    0,
    [_vN],
    [[() => exports.VirtualNodeData$, 16]], 1
];
exports.DeleteVirtualRouterInput$ = [3, n0, _DVRI,
    0,
    [_vRN, _mN, _mO],
    [[0, 1], [0, 1], [0, { [_hQ]: _mO }]], 2
];
exports.DeleteVirtualRouterOutput$ = [3, n0, _DVRO,
    0,
    [_vR],
    [[() => exports.VirtualRouterData$, 16]], 1
];
exports.DeleteVirtualServiceInput$ = [3, n0, _DVSI,
    0,
    [_vSN, _mN, _mO],
    [[0, 1], [0, 1], [0, { [_hQ]: _mO }]], 2
];
exports.DeleteVirtualServiceOutput$ = [3, n0, _DVSO,
    0,
    [_vS],
    [[() => exports.VirtualServiceData$, 16]], 1
];
exports.DescribeGatewayRouteInput$ = [3, n0, _DGRIe,
    0,
    [_gRN, _mN, _vGN, _mO],
    [[0, 1], [0, 1], [0, 1], [0, { [_hQ]: _mO }]], 3
];
exports.DescribeGatewayRouteOutput$ = [3, n0, _DGROe,
    0,
    [_gR],
    [[() => exports.GatewayRouteData$, 16]], 1
];
exports.DescribeMeshInput$ = [3, n0, _DMIe,
    0,
    [_mN, _mO],
    [[0, 1], [0, { [_hQ]: _mO }]], 1
];
exports.DescribeMeshOutput$ = [3, n0, _DMOe,
    0,
    [_me],
    [[() => exports.MeshData$, 16]], 1
];
exports.DescribeRouteInput$ = [3, n0, _DRIe,
    0,
    [_rN, _mN, _vRN, _mO],
    [[0, 1], [0, 1], [0, 1], [0, { [_hQ]: _mO }]], 3
];
exports.DescribeRouteOutput$ = [3, n0, _DROe,
    0,
    [_r],
    [[() => exports.RouteData$, 16]], 1
];
exports.DescribeVirtualGatewayInput$ = [3, n0, _DVGIe,
    0,
    [_vGN, _mN, _mO],
    [[0, 1], [0, 1], [0, { [_hQ]: _mO }]], 2
];
exports.DescribeVirtualGatewayOutput$ = [3, n0, _DVGOe,
    0,
    [_vG],
    [[() => exports.VirtualGatewayData$, 16]], 1
];
exports.DescribeVirtualNodeInput$ = [3, n0, _DVNIe,
    0,
    [_vNN, _mN, _mO],
    [[0, 1], [0, 1], [0, { [_hQ]: _mO }]], 2
];
exports.DescribeVirtualNodeOutput$ = [3, n0, _DVNOe,
    0,
    [_vN],
    [[() => exports.VirtualNodeData$, 16]], 1
];
exports.DescribeVirtualRouterInput$ = [3, n0, _DVRIe,
    0,
    [_vRN, _mN, _mO],
    [[0, 1], [0, 1], [0, { [_hQ]: _mO }]], 2
];
exports.DescribeVirtualRouterOutput$ = [3, n0, _DVROe,
    0,
    [_vR],
    [[() => exports.VirtualRouterData$, 16]], 1
];
exports.DescribeVirtualServiceInput$ = [3, n0, _DVSIe,
    0,
    [_vSN, _mN, _mO],
    [[0, 1], [0, 1], [0, { [_hQ]: _mO }]], 2
];
exports.DescribeVirtualServiceOutput$ = [3, n0, _DVSOe,
    0,
    [_vS],
    [[() => exports.VirtualServiceData$, 16]], 1
];
exports.DnsServiceDiscovery$ = [3, n0, _DSD,
    0,
    [_h, _rT, _iP],
    [0, 0, 0], 1
];
exports.Duration$ = [3, n0, _D,
    0,
    [_v, _u],
    [1, 0]
];
exports.EgressFilter$ = [3, n0, _EF,
    0,
    [_ty],
    [0], 1
];
exports.FileAccessLog$ = [3, n0, _FAL,
    0,
    [_pa, _f],
    [0, () => exports.LoggingFormat$], 1
];
exports.GatewayRouteData$ = [3, n0, _GRD,
    0,
    [_mN, _gRN, _vGN, _sp, _met, _st],
    [0, 0, 0, () => exports.GatewayRouteSpec$, () => exports.ResourceMetadata$, () => exports.GatewayRouteStatus$], 6
];
exports.GatewayRouteHostnameMatch$ = [3, n0, _GRHM,
    0,
    [_ex, _su],
    [0, 0]
];
exports.GatewayRouteHostnameRewrite$ = [3, n0, _GRHR,
    0,
    [_dTH],
    [0]
];
exports.GatewayRouteRef$ = [3, n0, _GRR,
    0,
    [_mN, _gRN, _vGN, _mO, _rO, _ar, _ve, _cA, _lUA],
    [0, 0, 0, 0, 0, 0, 1, 4, 4], 9
];
exports.GatewayRouteSpec$ = [3, n0, _GRS,
    0,
    [_pr, _hR, _hRt, _gRr],
    [1, () => exports.HttpGatewayRoute$, () => exports.HttpGatewayRoute$, () => exports.GrpcGatewayRoute$]
];
exports.GatewayRouteStatus$ = [3, n0, _GRSa,
    0,
    [_st],
    [0], 1
];
exports.GatewayRouteTarget$ = [3, n0, _GRT,
    0,
    [_vS, _po],
    [() => exports.GatewayRouteVirtualService$, 1], 1
];
exports.GatewayRouteVirtualService$ = [3, n0, _GRVS,
    0,
    [_vSN],
    [0], 1
];
exports.GrpcGatewayRoute$ = [3, n0, _GGR,
    0,
    [_ma, _ac],
    [() => exports.GrpcGatewayRouteMatch$, () => exports.GrpcGatewayRouteAction$], 2
];
exports.GrpcGatewayRouteAction$ = [3, n0, _GGRA,
    0,
    [_tar, _re],
    [() => exports.GatewayRouteTarget$, () => exports.GrpcGatewayRouteRewrite$], 1
];
exports.GrpcGatewayRouteMatch$ = [3, n0, _GGRM,
    0,
    [_sN, _h, _met, _po],
    [0, () => exports.GatewayRouteHostnameMatch$, () => GrpcGatewayRouteMetadataList, 1]
];
exports.GrpcGatewayRouteMetadata$ = [3, n0, _GGRMr,
    0,
    [_n, _i, _ma],
    [0, 2, () => exports.GrpcMetadataMatchMethod$], 1
];
exports.GrpcGatewayRouteRewrite$ = [3, n0, _GGRR,
    0,
    [_h],
    [() => exports.GatewayRouteHostnameRewrite$]
];
exports.GrpcRetryPolicy$ = [3, n0, _GRP,
    0,
    [_pRT, _mR, _hRE, _tRE, _gRE],
    [() => exports.Duration$, 1, 64 | 0, 64 | 0, 64 | 0], 2
];
exports.GrpcRoute$ = [3, n0, _GR,
    0,
    [_ac, _ma, _rP, _ti],
    [() => exports.GrpcRouteAction$, () => exports.GrpcRouteMatch$, () => exports.GrpcRetryPolicy$, () => exports.GrpcTimeout$], 2
];
exports.GrpcRouteAction$ = [3, n0, _GRA,
    0,
    [_wT],
    [() => WeightedTargets], 1
];
exports.GrpcRouteMatch$ = [3, n0, _GRM,
    0,
    [_sN, _mNe, _met, _po],
    [0, 0, () => GrpcRouteMetadataList, 1]
];
exports.GrpcRouteMetadata$ = [3, n0, _GRMr,
    0,
    [_n, _i, _ma],
    [0, 2, () => exports.GrpcRouteMetadataMatchMethod$], 1
];
exports.GrpcTimeout$ = [3, n0, _GT,
    0,
    [_pR, _id],
    [() => exports.Duration$, () => exports.Duration$]
];
exports.HealthCheckPolicy$ = [3, n0, _HCP,
    0,
    [_tM, _iM, _pro, _hT, _uT, _po, _pa],
    [1, 1, 0, 1, 1, 1, 0], 5
];
exports.HttpGatewayRoute$ = [3, n0, _HGR,
    0,
    [_ma, _ac],
    [() => exports.HttpGatewayRouteMatch$, () => exports.HttpGatewayRouteAction$], 2
];
exports.HttpGatewayRouteAction$ = [3, n0, _HGRA,
    0,
    [_tar, _re],
    [() => exports.GatewayRouteTarget$, () => exports.HttpGatewayRouteRewrite$], 1
];
exports.HttpGatewayRouteHeader$ = [3, n0, _HGRH,
    0,
    [_n, _i, _ma],
    [0, 2, () => exports.HeaderMatchMethod$], 1
];
exports.HttpGatewayRouteMatch$ = [3, n0, _HGRM,
    0,
    [_pre, _pa, _qP, _meth, _h, _he, _po],
    [0, () => exports.HttpPathMatch$, () => HttpQueryParameters, 0, () => exports.GatewayRouteHostnameMatch$, () => HttpGatewayRouteHeaders, 1]
];
exports.HttpGatewayRoutePathRewrite$ = [3, n0, _HGRPR,
    0,
    [_ex],
    [0]
];
exports.HttpGatewayRoutePrefixRewrite$ = [3, n0, _HGRPRt,
    0,
    [_dP, _v],
    [0, 0]
];
exports.HttpGatewayRouteRewrite$ = [3, n0, _HGRR,
    0,
    [_pre, _pa, _h],
    [() => exports.HttpGatewayRoutePrefixRewrite$, () => exports.HttpGatewayRoutePathRewrite$, () => exports.GatewayRouteHostnameRewrite$]
];
exports.HttpPathMatch$ = [3, n0, _HPM,
    0,
    [_ex, _reg],
    [0, 0]
];
exports.HttpQueryParameter$ = [3, n0, _HQP,
    0,
    [_n, _ma],
    [0, () => exports.QueryParameterMatch$], 1
];
exports.HttpRetryPolicy$ = [3, n0, _HRP,
    0,
    [_pRT, _mR, _hRE, _tRE],
    [() => exports.Duration$, 1, 64 | 0, 64 | 0], 2
];
exports.HttpRoute$ = [3, n0, _HR,
    0,
    [_ma, _ac, _rP, _ti],
    [() => exports.HttpRouteMatch$, () => exports.HttpRouteAction$, () => exports.HttpRetryPolicy$, () => exports.HttpTimeout$], 2
];
exports.HttpRouteAction$ = [3, n0, _HRA,
    0,
    [_wT],
    [() => WeightedTargets], 1
];
exports.HttpRouteHeader$ = [3, n0, _HRH,
    0,
    [_n, _i, _ma],
    [0, 2, () => exports.HeaderMatchMethod$], 1
];
exports.HttpRouteMatch$ = [3, n0, _HRM,
    0,
    [_pre, _pa, _qP, _meth, _sc, _he, _po],
    [0, () => exports.HttpPathMatch$, () => HttpQueryParameters, 0, 0, () => HttpRouteHeaders, 1]
];
exports.HttpTimeout$ = [3, n0, _HT,
    0,
    [_pR, _id],
    [() => exports.Duration$, () => exports.Duration$]
];
exports.JsonFormatRef$ = [3, n0, _JFR,
    0,
    [_k, _v],
    [0, 0], 2
];
exports.Listener$ = [3, n0, _L,
    0,
    [_pM, _t, _hC, _ti, _oD, _cPo],
    [() => exports.PortMapping$, () => exports.ListenerTls$, () => exports.HealthCheckPolicy$, () => exports.ListenerTimeout$, () => exports.OutlierDetection$, () => exports.VirtualNodeConnectionPool$], 1
];
exports.ListenerTls$ = [3, n0, _LT,
    0,
    [_mo, _ce, _va],
    [0, () => exports.ListenerTlsCertificate$, () => exports.ListenerTlsValidationContext$], 2
];
exports.ListenerTlsAcmCertificate$ = [3, n0, _LTAC,
    0,
    [_cAe],
    [0], 1
];
exports.ListenerTlsFileCertificate$ = [3, n0, _LTFC,
    0,
    [_cC, _pK],
    [0, 0], 2
];
exports.ListenerTlsSdsCertificate$ = [3, n0, _LTSC,
    0,
    [_sNe],
    [0], 1
];
exports.ListenerTlsValidationContext$ = [3, n0, _LTVC,
    0,
    [_tr, _sAN],
    [() => exports.ListenerTlsValidationContextTrust$, () => exports.SubjectAlternativeNames$], 1
];
exports.ListGatewayRoutesInput$ = [3, n0, _LGRI,
    0,
    [_mN, _vGN, _nT, _l, _mO],
    [[0, 1], [0, 1], [0, { [_hQ]: _nT }], [1, { [_hQ]: _l }], [0, { [_hQ]: _mO }]], 2
];
exports.ListGatewayRoutesOutput$ = [3, n0, _LGRO,
    0,
    [_gRa, _nT],
    [() => GatewayRouteList, 0], 1
];
exports.ListMeshesInput$ = [3, n0, _LMI,
    0,
    [_nT, _l],
    [[0, { [_hQ]: _nT }], [1, { [_hQ]: _l }]]
];
exports.ListMeshesOutput$ = [3, n0, _LMO,
    0,
    [_mes, _nT],
    [() => MeshList, 0], 1
];
exports.ListRoutesInput$ = [3, n0, _LRI,
    0,
    [_mN, _vRN, _nT, _l, _mO],
    [[0, 1], [0, 1], [0, { [_hQ]: _nT }], [1, { [_hQ]: _l }], [0, { [_hQ]: _mO }]], 2
];
exports.ListRoutesOutput$ = [3, n0, _LRO,
    0,
    [_ro, _nT],
    [() => RouteList, 0], 1
];
exports.ListTagsForResourceInput$ = [3, n0, _LTFRI,
    0,
    [_rA, _nT, _l],
    [[0, { [_hQ]: _rA }], [0, { [_hQ]: _nT }], [1, { [_hQ]: _l }]], 1
];
exports.ListTagsForResourceOutput$ = [3, n0, _LTFRO,
    0,
    [_ta, _nT],
    [() => TagList, 0], 1
];
exports.ListVirtualGatewaysInput$ = [3, n0, _LVGI,
    0,
    [_mN, _nT, _l, _mO],
    [[0, 1], [0, { [_hQ]: _nT }], [1, { [_hQ]: _l }], [0, { [_hQ]: _mO }]], 1
];
exports.ListVirtualGatewaysOutput$ = [3, n0, _LVGO,
    0,
    [_vGi, _nT],
    [() => VirtualGatewayList, 0], 1
];
exports.ListVirtualNodesInput$ = [3, n0, _LVNI,
    0,
    [_mN, _nT, _l, _mO],
    [[0, 1], [0, { [_hQ]: _nT }], [1, { [_hQ]: _l }], [0, { [_hQ]: _mO }]], 1
];
exports.ListVirtualNodesOutput$ = [3, n0, _LVNO,
    0,
    [_vNi, _nT],
    [() => VirtualNodeList, 0], 1
];
exports.ListVirtualRoutersInput$ = [3, n0, _LVRI,
    0,
    [_mN, _nT, _l, _mO],
    [[0, 1], [0, { [_hQ]: _nT }], [1, { [_hQ]: _l }], [0, { [_hQ]: _mO }]], 1
];
exports.ListVirtualRoutersOutput$ = [3, n0, _LVRO,
    0,
    [_vRi, _nT],
    [() => VirtualRouterList, 0], 1
];
exports.ListVirtualServicesInput$ = [3, n0, _LVSI,
    0,
    [_mN, _nT, _l, _mO],
    [[0, 1], [0, { [_hQ]: _nT }], [1, { [_hQ]: _l }], [0, { [_hQ]: _mO }]], 1
];
exports.ListVirtualServicesOutput$ = [3, n0, _LVSO,
    0,
    [_vSi, _nT],
    [() => VirtualServiceList, 0], 1
];
exports.Logging$ = [3, n0, _Lo,
    0,
    [_aL],
    [() => exports.AccessLog$]
];
exports.MatchRange$ = [3, n0, _MR,
    0,
    [_sta, _end],
    [1, 1], 2
];
exports.MeshData$ = [3, n0, _MD,
    0,
    [_mN, _sp, _met, _st],
    [0, () => exports.MeshSpec$, () => exports.ResourceMetadata$, () => exports.MeshStatus$], 4
];
exports.MeshRef$ = [3, n0, _MRe,
    0,
    [_mN, _mO, _rO, _ar, _ve, _cA, _lUA],
    [0, 0, 0, 0, 1, 4, 4], 7
];
exports.MeshServiceDiscovery$ = [3, n0, _MSD,
    0,
    [_iP],
    [0]
];
exports.MeshSpec$ = [3, n0, _MS,
    0,
    [_eF, _sD],
    [() => exports.EgressFilter$, () => exports.MeshServiceDiscovery$]
];
exports.MeshStatus$ = [3, n0, _MSe,
    0,
    [_st],
    [0]
];
exports.OutlierDetection$ = [3, n0, _OD,
    0,
    [_mSE, _in, _bED, _mEP],
    [1, () => exports.Duration$, () => exports.Duration$, 1], 4
];
exports.PortMapping$ = [3, n0, _PM,
    0,
    [_po, _pro],
    [1, 0], 2
];
exports.QueryParameterMatch$ = [3, n0, _QPM,
    0,
    [_ex],
    [0]
];
exports.ResourceMetadata$ = [3, n0, _RM,
    0,
    [_ar, _ve, _ui, _cA, _lUA, _mO, _rO],
    [0, 1, 0, 4, 4, 0, 0], 7
];
exports.RouteData$ = [3, n0, _RD,
    0,
    [_mN, _vRN, _rN, _sp, _met, _st],
    [0, 0, 0, () => exports.RouteSpec$, () => exports.ResourceMetadata$, () => exports.RouteStatus$], 6
];
exports.RouteRef$ = [3, n0, _RR,
    0,
    [_mN, _vRN, _rN, _mO, _rO, _ar, _ve, _cA, _lUA],
    [0, 0, 0, 0, 0, 0, 1, 4, 4], 9
];
exports.RouteSpec$ = [3, n0, _RS,
    0,
    [_pr, _hR, _tR, _hRt, _gRr],
    [1, () => exports.HttpRoute$, () => exports.TcpRoute$, () => exports.HttpRoute$, () => exports.GrpcRoute$]
];
exports.RouteStatus$ = [3, n0, _RSo,
    0,
    [_st],
    [0], 1
];
exports.SubjectAlternativeNameMatchers$ = [3, n0, _SANM,
    0,
    [_ex],
    [64 | 0], 1
];
exports.SubjectAlternativeNames$ = [3, n0, _SAN,
    0,
    [_ma],
    [() => exports.SubjectAlternativeNameMatchers$], 1
];
exports.TagRef$ = [3, n0, _TR,
    0,
    [_k, _v],
    [0, 0], 2
];
exports.TagResourceInput$ = [3, n0, _TRI,
    0,
    [_rA, _ta],
    [[0, { [_hQ]: _rA }], () => TagList], 2
];
exports.TagResourceOutput$ = [3, n0, _TRO,
    0,
    [],
    []
];
exports.TcpRoute$ = [3, n0, _TRc,
    0,
    [_ac, _ti, _ma],
    [() => exports.TcpRouteAction$, () => exports.TcpTimeout$, () => exports.TcpRouteMatch$], 1
];
exports.TcpRouteAction$ = [3, n0, _TRA,
    0,
    [_wT],
    [() => WeightedTargets], 1
];
exports.TcpRouteMatch$ = [3, n0, _TRM,
    0,
    [_po],
    [1]
];
exports.TcpTimeout$ = [3, n0, _TT,
    0,
    [_id],
    [() => exports.Duration$]
];
exports.TlsValidationContext$ = [3, n0, _TVC,
    0,
    [_tr, _sAN],
    [() => exports.TlsValidationContextTrust$, () => exports.SubjectAlternativeNames$], 1
];
exports.TlsValidationContextAcmTrust$ = [3, n0, _TVCAT,
    0,
    [_cAA],
    [64 | 0], 1
];
exports.TlsValidationContextFileTrust$ = [3, n0, _TVCFT,
    0,
    [_cC],
    [0], 1
];
exports.TlsValidationContextSdsTrust$ = [3, n0, _TVCST,
    0,
    [_sNe],
    [0], 1
];
exports.UntagResourceInput$ = [3, n0, _URI,
    0,
    [_rA, _tK],
    [[0, { [_hQ]: _rA }], 64 | 0], 2
];
exports.UntagResourceOutput$ = [3, n0, _URO,
    0,
    [],
    []
];
exports.UpdateGatewayRouteInput$ = [3, n0, _UGRI,
    0,
    [_gRN, _mN, _vGN, _sp, _cT, _mO],
    [[0, 1], [0, 1], [0, 1], () => exports.GatewayRouteSpec$, [0, 4], [0, { [_hQ]: _mO }]], 4
];
exports.UpdateGatewayRouteOutput$ = [3, n0, _UGRO,
    0,
    [_gR],
    [[() => exports.GatewayRouteData$, 16]], 1
];
exports.UpdateMeshInput$ = [3, n0, _UMI,
    0,
    [_mN, _sp, _cT],
    [[0, 1], () => exports.MeshSpec$, [0, 4]], 1
];
exports.UpdateMeshOutput$ = [3, n0, _UMO,
    0,
    [_me],
    [[() => exports.MeshData$, 16]], 1
];
exports.UpdateRouteInput$ = [3, n0, _URIp,
    0,
    [_rN, _mN, _vRN, _sp, _cT, _mO],
    [[0, 1], [0, 1], [0, 1], () => exports.RouteSpec$, [0, 4], [0, { [_hQ]: _mO }]], 4
];
exports.UpdateRouteOutput$ = [3, n0, _UROp,
    0,
    [_r],
    [[() => exports.RouteData$, 16]], 1
];
exports.UpdateVirtualGatewayInput$ = [3, n0, _UVGI,
    0,
    [_vGN, _mN, _sp, _cT, _mO],
    [[0, 1], [0, 1], () => exports.VirtualGatewaySpec$, [0, 4], [0, { [_hQ]: _mO }]], 3
];
exports.UpdateVirtualGatewayOutput$ = [3, n0, _UVGO,
    0,
    [_vG],
    [[() => exports.VirtualGatewayData$, 16]], 1
];
exports.UpdateVirtualNodeInput$ = [3, n0, _UVNI,
    0,
    [_vNN, _mN, _sp, _cT, _mO],
    [[0, 1], [0, 1], () => exports.VirtualNodeSpec$, [0, 4], [0, { [_hQ]: _mO }]], 3
];
exports.UpdateVirtualNodeOutput$ = [3, n0, _UVNO,
    0,
    [_vN],
    [[() => exports.VirtualNodeData$, 16]], 1
];
exports.UpdateVirtualRouterInput$ = [3, n0, _UVRI,
    0,
    [_vRN, _mN, _sp, _cT, _mO],
    [[0, 1], [0, 1], () => exports.VirtualRouterSpec$, [0, 4], [0, { [_hQ]: _mO }]], 3
];
exports.UpdateVirtualRouterOutput$ = [3, n0, _UVRO,
    0,
    [_vR],
    [[() => exports.VirtualRouterData$, 16]], 1
];
exports.UpdateVirtualServiceInput$ = [3, n0, _UVSI,
    0,
    [_vSN, _mN, _sp, _cT, _mO],
    [[0, 1], [0, 1], () => exports.VirtualServiceSpec$, [0, 4], [0, { [_hQ]: _mO }]], 3
];
exports.UpdateVirtualServiceOutput$ = [3, n0, _UVSO,
    0,
    [_vS],
    [[() => exports.VirtualServiceData$, 16]], 1
];
exports.VirtualGatewayBackendDefaults$ = [3, n0, _VGBD,
    0,
    [_cP],
    [() => exports.VirtualGatewayClientPolicy$]
];
exports.VirtualGatewayClientPolicy$ = [3, n0, _VGCP,
    0,
    [_t],
    [() => exports.VirtualGatewayClientPolicyTls$]
];
exports.VirtualGatewayClientPolicyTls$ = [3, n0, _VGCPT,
    0,
    [_va, _en, _p, _ce],
    [() => exports.VirtualGatewayTlsValidationContext$, 2, 64 | 1, () => exports.VirtualGatewayClientTlsCertificate$], 1
];
exports.VirtualGatewayData$ = [3, n0, _VGD,
    0,
    [_mN, _vGN, _sp, _met, _st],
    [0, 0, () => exports.VirtualGatewaySpec$, () => exports.ResourceMetadata$, () => exports.VirtualGatewayStatus$], 5
];
exports.VirtualGatewayFileAccessLog$ = [3, n0, _VGFAL,
    0,
    [_pa, _f],
    [0, () => exports.LoggingFormat$], 1
];
exports.VirtualGatewayGrpcConnectionPool$ = [3, n0, _VGGCP,
    0,
    [_mRa],
    [1], 1
];
exports.VirtualGatewayHealthCheckPolicy$ = [3, n0, _VGHCP,
    0,
    [_tM, _iM, _pro, _hT, _uT, _po, _pa],
    [1, 1, 0, 1, 1, 1, 0], 5
];
exports.VirtualGatewayHttp2ConnectionPool$ = [3, n0, _VGHCPi,
    0,
    [_mRa],
    [1], 1
];
exports.VirtualGatewayHttpConnectionPool$ = [3, n0, _VGHCPir,
    0,
    [_mC, _mPR],
    [1, 1], 1
];
exports.VirtualGatewayListener$ = [3, n0, _VGL,
    0,
    [_pM, _hC, _t, _cPo],
    [() => exports.VirtualGatewayPortMapping$, () => exports.VirtualGatewayHealthCheckPolicy$, () => exports.VirtualGatewayListenerTls$, () => exports.VirtualGatewayConnectionPool$], 1
];
exports.VirtualGatewayListenerTls$ = [3, n0, _VGLT,
    0,
    [_mo, _ce, _va],
    [0, () => exports.VirtualGatewayListenerTlsCertificate$, () => exports.VirtualGatewayListenerTlsValidationContext$], 2
];
exports.VirtualGatewayListenerTlsAcmCertificate$ = [3, n0, _VGLTAC,
    0,
    [_cAe],
    [0], 1
];
exports.VirtualGatewayListenerTlsFileCertificate$ = [3, n0, _VGLTFC,
    0,
    [_cC, _pK],
    [0, 0], 2
];
exports.VirtualGatewayListenerTlsSdsCertificate$ = [3, n0, _VGLTSC,
    0,
    [_sNe],
    [0], 1
];
exports.VirtualGatewayListenerTlsValidationContext$ = [3, n0, _VGLTVC,
    0,
    [_tr, _sAN],
    [() => exports.VirtualGatewayListenerTlsValidationContextTrust$, () => exports.SubjectAlternativeNames$], 1
];
exports.VirtualGatewayLogging$ = [3, n0, _VGLi,
    0,
    [_aL],
    [() => exports.VirtualGatewayAccessLog$]
];
exports.VirtualGatewayPortMapping$ = [3, n0, _VGPM,
    0,
    [_po, _pro],
    [1, 0], 2
];
exports.VirtualGatewayRef$ = [3, n0, _VGR,
    0,
    [_mN, _vGN, _mO, _rO, _ar, _ve, _cA, _lUA],
    [0, 0, 0, 0, 0, 1, 4, 4], 8
];
exports.VirtualGatewaySpec$ = [3, n0, _VGS,
    0,
    [_li, _bD, _lo],
    [() => VirtualGatewayListeners, () => exports.VirtualGatewayBackendDefaults$, () => exports.VirtualGatewayLogging$], 1
];
exports.VirtualGatewayStatus$ = [3, n0, _VGSi,
    0,
    [_st],
    [0], 1
];
exports.VirtualGatewayTlsValidationContext$ = [3, n0, _VGTVC,
    0,
    [_tr, _sAN],
    [() => exports.VirtualGatewayTlsValidationContextTrust$, () => exports.SubjectAlternativeNames$], 1
];
exports.VirtualGatewayTlsValidationContextAcmTrust$ = [3, n0, _VGTVCAT,
    0,
    [_cAA],
    [64 | 0], 1
];
exports.VirtualGatewayTlsValidationContextFileTrust$ = [3, n0, _VGTVCFT,
    0,
    [_cC],
    [0], 1
];
exports.VirtualGatewayTlsValidationContextSdsTrust$ = [3, n0, _VGTVCST,
    0,
    [_sNe],
    [0], 1
];
exports.VirtualNodeData$ = [3, n0, _VND,
    0,
    [_mN, _vNN, _sp, _met, _st],
    [0, 0, () => exports.VirtualNodeSpec$, () => exports.ResourceMetadata$, () => exports.VirtualNodeStatus$], 5
];
exports.VirtualNodeGrpcConnectionPool$ = [3, n0, _VNGCP,
    0,
    [_mRa],
    [1], 1
];
exports.VirtualNodeHttp2ConnectionPool$ = [3, n0, _VNHCP,
    0,
    [_mRa],
    [1], 1
];
exports.VirtualNodeHttpConnectionPool$ = [3, n0, _VNHCPi,
    0,
    [_mC, _mPR],
    [1, 1], 1
];
exports.VirtualNodeRef$ = [3, n0, _VNR,
    0,
    [_mN, _vNN, _mO, _rO, _ar, _ve, _cA, _lUA],
    [0, 0, 0, 0, 0, 1, 4, 4], 8
];
exports.VirtualNodeServiceProvider$ = [3, n0, _VNSP,
    0,
    [_vNN],
    [0], 1
];
exports.VirtualNodeSpec$ = [3, n0, _VNS,
    0,
    [_sD, _li, _b, _bD, _lo],
    [() => exports.ServiceDiscovery$, () => Listeners, () => Backends, () => exports.BackendDefaults$, () => exports.Logging$]
];
exports.VirtualNodeStatus$ = [3, n0, _VNSi,
    0,
    [_st],
    [0], 1
];
exports.VirtualNodeTcpConnectionPool$ = [3, n0, _VNTCP,
    0,
    [_mC],
    [1], 1
];
exports.VirtualRouterData$ = [3, n0, _VRD,
    0,
    [_mN, _vRN, _sp, _met, _st],
    [0, 0, () => exports.VirtualRouterSpec$, () => exports.ResourceMetadata$, () => exports.VirtualRouterStatus$], 5
];
exports.VirtualRouterListener$ = [3, n0, _VRL,
    0,
    [_pM],
    [() => exports.PortMapping$], 1
];
exports.VirtualRouterRef$ = [3, n0, _VRR,
    0,
    [_mN, _vRN, _mO, _rO, _ar, _ve, _cA, _lUA],
    [0, 0, 0, 0, 0, 1, 4, 4], 8
];
exports.VirtualRouterServiceProvider$ = [3, n0, _VRSP,
    0,
    [_vRN],
    [0], 1
];
exports.VirtualRouterSpec$ = [3, n0, _VRS,
    0,
    [_li],
    [() => VirtualRouterListeners]
];
exports.VirtualRouterStatus$ = [3, n0, _VRSi,
    0,
    [_st],
    [0], 1
];
exports.VirtualServiceBackend$ = [3, n0, _VSB,
    0,
    [_vSN, _cP],
    [0, () => exports.ClientPolicy$], 1
];
exports.VirtualServiceData$ = [3, n0, _VSD,
    0,
    [_mN, _vSN, _sp, _met, _st],
    [0, 0, () => exports.VirtualServiceSpec$, () => exports.ResourceMetadata$, () => exports.VirtualServiceStatus$], 5
];
exports.VirtualServiceRef$ = [3, n0, _VSR,
    0,
    [_mN, _vSN, _mO, _rO, _ar, _ve, _cA, _lUA],
    [0, 0, 0, 0, 0, 1, 4, 4], 8
];
exports.VirtualServiceSpec$ = [3, n0, _VSS,
    0,
    [_prov],
    [() => exports.VirtualServiceProvider$]
];
exports.VirtualServiceStatus$ = [3, n0, _VSSi,
    0,
    [_st],
    [0], 1
];
exports.WeightedTarget$ = [3, n0, _WT,
    0,
    [_vN, _w, _po],
    [0, 1, 1], 2
];
var AwsCloudMapInstanceAttributes = [1, n0, _ACMIAw,
    0, () => exports.AwsCloudMapInstanceAttribute$
];
var Backends = [1, n0, _B,
    0, () => exports.Backend$
];
var CertificateAuthorityArns = (/* unused pure expression or super */ null && (64 | 0));
var GatewayRouteList = [1, n0, _GRL,
    0, () => exports.GatewayRouteRef$
];
var GrpcGatewayRouteMetadataList = [1, n0, _GGRML,
    0, () => exports.GrpcGatewayRouteMetadata$
];
var GrpcRetryPolicyEvents = (/* unused pure expression or super */ null && (64 | 0));
var GrpcRouteMetadataList = [1, n0, _GRML,
    0, () => exports.GrpcRouteMetadata$
];
var HttpGatewayRouteHeaders = [1, n0, _HGRHt,
    0, () => exports.HttpGatewayRouteHeader$
];
var HttpQueryParameters = [1, n0, _HQPt,
    0, () => exports.HttpQueryParameter$
];
var HttpRetryPolicyEvents = (/* unused pure expression or super */ null && (64 | 0));
var HttpRouteHeaders = [1, n0, _HRHt,
    0, () => exports.HttpRouteHeader$
];
var JsonFormat = [1, n0, _JF,
    0, () => exports.JsonFormatRef$
];
var Listeners = [1, n0, _Li,
    0, () => exports.Listener$
];
var MeshList = [1, n0, _ML,
    0, () => exports.MeshRef$
];
var PortSet = (/* unused pure expression or super */ null && (64 | 1));
var RouteList = [1, n0, _RL,
    0, () => exports.RouteRef$
];
var SubjectAlternativeNameList = (/* unused pure expression or super */ null && (64 | 0));
var TagKeyList = (/* unused pure expression or super */ null && (64 | 0));
var TagList = [1, n0, _TL,
    0, () => exports.TagRef$
];
var TcpRetryPolicyEvents = (/* unused pure expression or super */ null && (64 | 0));
var VirtualGatewayCertificateAuthorityArns = (/* unused pure expression or super */ null && (64 | 0));
var VirtualGatewayList = [1, n0, _VGLir,
    0, () => exports.VirtualGatewayRef$
];
var VirtualGatewayListeners = [1, n0, _VGLirt,
    0, () => exports.VirtualGatewayListener$
];
var VirtualNodeList = [1, n0, _VNL,
    0, () => exports.VirtualNodeRef$
];
var VirtualRouterList = [1, n0, _VRLi,
    0, () => exports.VirtualRouterRef$
];
var VirtualRouterListeners = [1, n0, _VRLir,
    0, () => exports.VirtualRouterListener$
];
var VirtualServiceList = [1, n0, _VSL,
    0, () => exports.VirtualServiceRef$
];
var WeightedTargets = [1, n0, _WTe,
    0, () => exports.WeightedTarget$
];
exports.AccessLog$ = [4, n0, _AL,
    0,
    [_fi],
    [() => exports.FileAccessLog$]
];
exports.Backend$ = [4, n0, _Ba,
    0,
    [_vS],
    [() => exports.VirtualServiceBackend$]
];
exports.ClientTlsCertificate$ = [4, n0, _CTC,
    0,
    [_fi, _sd],
    [() => exports.ListenerTlsFileCertificate$, () => exports.ListenerTlsSdsCertificate$]
];
exports.GrpcMetadataMatchMethod$ = [4, n0, _GMMM,
    0,
    [_ex, _reg, _ra, _pre, _su],
    [0, 0, () => exports.MatchRange$, 0, 0]
];
exports.GrpcRouteMetadataMatchMethod$ = [4, n0, _GRMMM,
    0,
    [_ex, _reg, _ra, _pre, _su],
    [0, 0, () => exports.MatchRange$, 0, 0]
];
exports.HeaderMatchMethod$ = [4, n0, _HMM,
    0,
    [_ex, _reg, _ra, _pre, _su],
    [0, 0, () => exports.MatchRange$, 0, 0]
];
exports.ListenerTimeout$ = [4, n0, _LTi,
    0,
    [_tc, _ht, _htt, _g],
    [() => exports.TcpTimeout$, () => exports.HttpTimeout$, () => exports.HttpTimeout$, () => exports.GrpcTimeout$]
];
exports.ListenerTlsCertificate$ = [4, n0, _LTC,
    0,
    [_acm, _fi, _sd],
    [() => exports.ListenerTlsAcmCertificate$, () => exports.ListenerTlsFileCertificate$, () => exports.ListenerTlsSdsCertificate$]
];
exports.ListenerTlsValidationContextTrust$ = [4, n0, _LTVCT,
    0,
    [_fi, _sd],
    [() => exports.TlsValidationContextFileTrust$, () => exports.TlsValidationContextSdsTrust$]
];
exports.LoggingFormat$ = [4, n0, _LF,
    0,
    [_te, _j],
    [0, () => JsonFormat]
];
exports.ServiceDiscovery$ = [4, n0, _SD,
    0,
    [_d, _aCM],
    [() => exports.DnsServiceDiscovery$, () => exports.AwsCloudMapServiceDiscovery$]
];
exports.TlsValidationContextTrust$ = [4, n0, _TVCT,
    0,
    [_acm, _fi, _sd],
    [() => exports.TlsValidationContextAcmTrust$, () => exports.TlsValidationContextFileTrust$, () => exports.TlsValidationContextSdsTrust$]
];
exports.VirtualGatewayAccessLog$ = [4, n0, _VGAL,
    0,
    [_fi],
    [() => exports.VirtualGatewayFileAccessLog$]
];
exports.VirtualGatewayClientTlsCertificate$ = [4, n0, _VGCTC,
    0,
    [_fi, _sd],
    [() => exports.VirtualGatewayListenerTlsFileCertificate$, () => exports.VirtualGatewayListenerTlsSdsCertificate$]
];
exports.VirtualGatewayConnectionPool$ = [4, n0, _VGCPi,
    0,
    [_ht, _htt, _g],
    [() => exports.VirtualGatewayHttpConnectionPool$, () => exports.VirtualGatewayHttp2ConnectionPool$, () => exports.VirtualGatewayGrpcConnectionPool$]
];
exports.VirtualGatewayListenerTlsCertificate$ = [4, n0, _VGLTC,
    0,
    [_acm, _fi, _sd],
    [() => exports.VirtualGatewayListenerTlsAcmCertificate$, () => exports.VirtualGatewayListenerTlsFileCertificate$, () => exports.VirtualGatewayListenerTlsSdsCertificate$]
];
exports.VirtualGatewayListenerTlsValidationContextTrust$ = [4, n0, _VGLTVCT,
    0,
    [_fi, _sd],
    [() => exports.VirtualGatewayTlsValidationContextFileTrust$, () => exports.VirtualGatewayTlsValidationContextSdsTrust$]
];
exports.VirtualGatewayTlsValidationContextTrust$ = [4, n0, _VGTVCT,
    0,
    [_acm, _fi, _sd],
    [() => exports.VirtualGatewayTlsValidationContextAcmTrust$, () => exports.VirtualGatewayTlsValidationContextFileTrust$, () => exports.VirtualGatewayTlsValidationContextSdsTrust$]
];
exports.VirtualNodeConnectionPool$ = [4, n0, _VNCP,
    0,
    [_tc, _ht, _htt, _g],
    [() => exports.VirtualNodeTcpConnectionPool$, () => exports.VirtualNodeHttpConnectionPool$, () => exports.VirtualNodeHttp2ConnectionPool$, () => exports.VirtualNodeGrpcConnectionPool$]
];
exports.VirtualServiceProvider$ = [4, n0, _VSP,
    0,
    [_vN, _vR],
    [() => exports.VirtualNodeServiceProvider$, () => exports.VirtualRouterServiceProvider$]
];
exports.CreateGatewayRoute$ = [9, n0, _CGR,
    { [_ht]: ["PUT", "/v20190125/meshes/{meshName}/virtualGateway/{virtualGatewayName}/gatewayRoutes", 200] }, () => exports.CreateGatewayRouteInput$, () => exports.CreateGatewayRouteOutput$
];
exports.CreateMesh$ = [9, n0, _CM,
    { [_ht]: ["PUT", "/v20190125/meshes", 200] }, () => exports.CreateMeshInput$, () => exports.CreateMeshOutput$
];
exports.CreateRoute$ = [9, n0, _CR,
    { [_ht]: ["PUT", "/v20190125/meshes/{meshName}/virtualRouter/{virtualRouterName}/routes", 200] }, () => exports.CreateRouteInput$, () => exports.CreateRouteOutput$
];
exports.CreateVirtualGateway$ = [9, n0, _CVG,
    { [_ht]: ["PUT", "/v20190125/meshes/{meshName}/virtualGateways", 200] }, () => exports.CreateVirtualGatewayInput$, () => exports.CreateVirtualGatewayOutput$
];
exports.CreateVirtualNode$ = [9, n0, _CVN,
    { [_ht]: ["PUT", "/v20190125/meshes/{meshName}/virtualNodes", 200] }, () => exports.CreateVirtualNodeInput$, () => exports.CreateVirtualNodeOutput$
];
exports.CreateVirtualRouter$ = [9, n0, _CVR,
    { [_ht]: ["PUT", "/v20190125/meshes/{meshName}/virtualRouters", 200] }, () => exports.CreateVirtualRouterInput$, () => exports.CreateVirtualRouterOutput$
];
exports.CreateVirtualService$ = [9, n0, _CVS,
    { [_ht]: ["PUT", "/v20190125/meshes/{meshName}/virtualServices", 200] }, () => exports.CreateVirtualServiceInput$, () => exports.CreateVirtualServiceOutput$
];
exports.DeleteGatewayRoute$ = [9, n0, _DGR,
    { [_ht]: ["DELETE", "/v20190125/meshes/{meshName}/virtualGateway/{virtualGatewayName}/gatewayRoutes/{gatewayRouteName}", 200] }, () => exports.DeleteGatewayRouteInput$, () => exports.DeleteGatewayRouteOutput$
];
exports.DeleteMesh$ = [9, n0, _DM,
    { [_ht]: ["DELETE", "/v20190125/meshes/{meshName}", 200] }, () => exports.DeleteMeshInput$, () => exports.DeleteMeshOutput$
];
exports.DeleteRoute$ = [9, n0, _DR,
    { [_ht]: ["DELETE", "/v20190125/meshes/{meshName}/virtualRouter/{virtualRouterName}/routes/{routeName}", 200] }, () => exports.DeleteRouteInput$, () => exports.DeleteRouteOutput$
];
exports.DeleteVirtualGateway$ = [9, n0, _DVG,
    { [_ht]: ["DELETE", "/v20190125/meshes/{meshName}/virtualGateways/{virtualGatewayName}", 200] }, () => exports.DeleteVirtualGatewayInput$, () => exports.DeleteVirtualGatewayOutput$
];
exports.DeleteVirtualNode$ = [9, n0, _DVN,
    { [_ht]: ["DELETE", "/v20190125/meshes/{meshName}/virtualNodes/{virtualNodeName}", 200] }, () => exports.DeleteVirtualNodeInput$, () => exports.DeleteVirtualNodeOutput$
];
exports.DeleteVirtualRouter$ = [9, n0, _DVR,
    { [_ht]: ["DELETE", "/v20190125/meshes/{meshName}/virtualRouters/{virtualRouterName}", 200] }, () => exports.DeleteVirtualRouterInput$, () => exports.DeleteVirtualRouterOutput$
];
exports.DeleteVirtualService$ = [9, n0, _DVS,
    { [_ht]: ["DELETE", "/v20190125/meshes/{meshName}/virtualServices/{virtualServiceName}", 200] }, () => exports.DeleteVirtualServiceInput$, () => exports.DeleteVirtualServiceOutput$
];
exports.DescribeGatewayRoute$ = [9, n0, _DGRe,
    { [_ht]: ["GET", "/v20190125/meshes/{meshName}/virtualGateway/{virtualGatewayName}/gatewayRoutes/{gatewayRouteName}", 200] }, () => exports.DescribeGatewayRouteInput$, () => exports.DescribeGatewayRouteOutput$
];
exports.DescribeMesh$ = [9, n0, _DMe,
    { [_ht]: ["GET", "/v20190125/meshes/{meshName}", 200] }, () => exports.DescribeMeshInput$, () => exports.DescribeMeshOutput$
];
exports.DescribeRoute$ = [9, n0, _DRe,
    { [_ht]: ["GET", "/v20190125/meshes/{meshName}/virtualRouter/{virtualRouterName}/routes/{routeName}", 200] }, () => exports.DescribeRouteInput$, () => exports.DescribeRouteOutput$
];
exports.DescribeVirtualGateway$ = [9, n0, _DVGe,
    { [_ht]: ["GET", "/v20190125/meshes/{meshName}/virtualGateways/{virtualGatewayName}", 200] }, () => exports.DescribeVirtualGatewayInput$, () => exports.DescribeVirtualGatewayOutput$
];
exports.DescribeVirtualNode$ = [9, n0, _DVNe,
    { [_ht]: ["GET", "/v20190125/meshes/{meshName}/virtualNodes/{virtualNodeName}", 200] }, () => exports.DescribeVirtualNodeInput$, () => exports.DescribeVirtualNodeOutput$
];
exports.DescribeVirtualRouter$ = [9, n0, _DVRe,
    { [_ht]: ["GET", "/v20190125/meshes/{meshName}/virtualRouters/{virtualRouterName}", 200] }, () => exports.DescribeVirtualRouterInput$, () => exports.DescribeVirtualRouterOutput$
];
exports.DescribeVirtualService$ = [9, n0, _DVSe,
    { [_ht]: ["GET", "/v20190125/meshes/{meshName}/virtualServices/{virtualServiceName}", 200] }, () => exports.DescribeVirtualServiceInput$, () => exports.DescribeVirtualServiceOutput$
];
exports.ListGatewayRoutes$ = [9, n0, _LGR,
    { [_ht]: ["GET", "/v20190125/meshes/{meshName}/virtualGateway/{virtualGatewayName}/gatewayRoutes", 200] }, () => exports.ListGatewayRoutesInput$, () => exports.ListGatewayRoutesOutput$
];
exports.ListMeshes$ = [9, n0, _LM,
    { [_ht]: ["GET", "/v20190125/meshes", 200] }, () => exports.ListMeshesInput$, () => exports.ListMeshesOutput$
];
exports.ListRoutes$ = [9, n0, _LR,
    { [_ht]: ["GET", "/v20190125/meshes/{meshName}/virtualRouter/{virtualRouterName}/routes", 200] }, () => exports.ListRoutesInput$, () => exports.ListRoutesOutput$
];
exports.ListTagsForResource$ = [9, n0, _LTFR,
    { [_ht]: ["GET", "/v20190125/tags", 200] }, () => exports.ListTagsForResourceInput$, () => exports.ListTagsForResourceOutput$
];
exports.ListVirtualGateways$ = [9, n0, _LVG,
    { [_ht]: ["GET", "/v20190125/meshes/{meshName}/virtualGateways", 200] }, () => exports.ListVirtualGatewaysInput$, () => exports.ListVirtualGatewaysOutput$
];
exports.ListVirtualNodes$ = [9, n0, _LVN,
    { [_ht]: ["GET", "/v20190125/meshes/{meshName}/virtualNodes", 200] }, () => exports.ListVirtualNodesInput$, () => exports.ListVirtualNodesOutput$
];
exports.ListVirtualRouters$ = [9, n0, _LVR,
    { [_ht]: ["GET", "/v20190125/meshes/{meshName}/virtualRouters", 200] }, () => exports.ListVirtualRoutersInput$, () => exports.ListVirtualRoutersOutput$
];
exports.ListVirtualServices$ = [9, n0, _LVS,
    { [_ht]: ["GET", "/v20190125/meshes/{meshName}/virtualServices", 200] }, () => exports.ListVirtualServicesInput$, () => exports.ListVirtualServicesOutput$
];
exports.TagResource$ = [9, n0, _TRa,
    { [_ht]: ["PUT", "/v20190125/tag", 200] }, () => exports.TagResourceInput$, () => exports.TagResourceOutput$
];
exports.UntagResource$ = [9, n0, _UR,
    { [_ht]: ["PUT", "/v20190125/untag", 200] }, () => exports.UntagResourceInput$, () => exports.UntagResourceOutput$
];
exports.UpdateGatewayRoute$ = [9, n0, _UGR,
    { [_ht]: ["PUT", "/v20190125/meshes/{meshName}/virtualGateway/{virtualGatewayName}/gatewayRoutes/{gatewayRouteName}", 200] }, () => exports.UpdateGatewayRouteInput$, () => exports.UpdateGatewayRouteOutput$
];
exports.UpdateMesh$ = [9, n0, _UM,
    { [_ht]: ["PUT", "/v20190125/meshes/{meshName}", 200] }, () => exports.UpdateMeshInput$, () => exports.UpdateMeshOutput$
];
exports.UpdateRoute$ = [9, n0, _URp,
    { [_ht]: ["PUT", "/v20190125/meshes/{meshName}/virtualRouter/{virtualRouterName}/routes/{routeName}", 200] }, () => exports.UpdateRouteInput$, () => exports.UpdateRouteOutput$
];
exports.UpdateVirtualGateway$ = [9, n0, _UVG,
    { [_ht]: ["PUT", "/v20190125/meshes/{meshName}/virtualGateways/{virtualGatewayName}", 200] }, () => exports.UpdateVirtualGatewayInput$, () => exports.UpdateVirtualGatewayOutput$
];
exports.UpdateVirtualNode$ = [9, n0, _UVN,
    { [_ht]: ["PUT", "/v20190125/meshes/{meshName}/virtualNodes/{virtualNodeName}", 200] }, () => exports.UpdateVirtualNodeInput$, () => exports.UpdateVirtualNodeOutput$
];
exports.UpdateVirtualRouter$ = [9, n0, _UVR,
    { [_ht]: ["PUT", "/v20190125/meshes/{meshName}/virtualRouters/{virtualRouterName}", 200] }, () => exports.UpdateVirtualRouterInput$, () => exports.UpdateVirtualRouterOutput$
];
exports.UpdateVirtualService$ = [9, n0, _UVS,
    { [_ht]: ["PUT", "/v20190125/meshes/{meshName}/virtualServices/{virtualServiceName}", 200] }, () => exports.UpdateVirtualServiceInput$, () => exports.UpdateVirtualServiceOutput$
];


/***/ }),

/***/ 1860:
/***/ ((module) => {

/******************************************************************************
Copyright (c) Microsoft Corporation.

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH
REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY
AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT,
INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM
LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR
OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR
PERFORMANCE OF THIS SOFTWARE.
***************************************************************************** */
/* global global, define, Symbol, Reflect, Promise, SuppressedError, Iterator */
var __extends;
var __assign;
var __rest;
var __decorate;
var __param;
var __esDecorate;
var __runInitializers;
var __propKey;
var __setFunctionName;
var __metadata;
var __awaiter;
var __generator;
var __exportStar;
var __values;
var __read;
var __spread;
var __spreadArrays;
var __spreadArray;
var __await;
var __asyncGenerator;
var __asyncDelegator;
var __asyncValues;
var __makeTemplateObject;
var __importStar;
var __importDefault;
var __classPrivateFieldGet;
var __classPrivateFieldSet;
var __classPrivateFieldIn;
var __createBinding;
var __addDisposableResource;
var __disposeResources;
var __rewriteRelativeImportExtension;
(function (factory) {
    var root = typeof global === "object" ? global : typeof self === "object" ? self : typeof this === "object" ? this : {};
    if (typeof define === "function" && define.amd) {
        define("tslib", ["exports"], function (exports) { factory(createExporter(root, createExporter(exports))); });
    }
    else if ( true && typeof module.exports === "object") {
        factory(createExporter(root, createExporter(module.exports)));
    }
    else {
        factory(createExporter(root));
    }
    function createExporter(exports, previous) {
        if (exports !== root) {
            if (typeof Object.create === "function") {
                Object.defineProperty(exports, "__esModule", { value: true });
            }
            else {
                exports.__esModule = true;
            }
        }
        return function (id, v) { return exports[id] = previous ? previous(id, v) : v; };
    }
})
(function (exporter) {
    var extendStatics = Object.setPrototypeOf ||
        ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
        function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };

    __extends = function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };

    __assign = Object.assign || function (t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p)) t[p] = s[p];
        }
        return t;
    };

    __rest = function (s, e) {
        var t = {};
        for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p) && e.indexOf(p) < 0)
            t[p] = s[p];
        if (s != null && typeof Object.getOwnPropertySymbols === "function")
            for (var i = 0, p = Object.getOwnPropertySymbols(s); i < p.length; i++) {
                if (e.indexOf(p[i]) < 0 && Object.prototype.propertyIsEnumerable.call(s, p[i]))
                    t[p[i]] = s[p[i]];
            }
        return t;
    };

    __decorate = function (decorators, target, key, desc) {
        var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
        if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
        else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
        return c > 3 && r && Object.defineProperty(target, key, r), r;
    };

    __param = function (paramIndex, decorator) {
        return function (target, key) { decorator(target, key, paramIndex); }
    };

    __esDecorate = function (ctor, descriptorIn, decorators, contextIn, initializers, extraInitializers) {
        function accept(f) { if (f !== void 0 && typeof f !== "function") throw new TypeError("Function expected"); return f; }
        var kind = contextIn.kind, key = kind === "getter" ? "get" : kind === "setter" ? "set" : "value";
        var target = !descriptorIn && ctor ? contextIn["static"] ? ctor : ctor.prototype : null;
        var descriptor = descriptorIn || (target ? Object.getOwnPropertyDescriptor(target, contextIn.name) : {});
        var _, done = false;
        for (var i = decorators.length - 1; i >= 0; i--) {
            var context = {};
            for (var p in contextIn) context[p] = p === "access" ? {} : contextIn[p];
            for (var p in contextIn.access) context.access[p] = contextIn.access[p];
            context.addInitializer = function (f) { if (done) throw new TypeError("Cannot add initializers after decoration has completed"); extraInitializers.push(accept(f || null)); };
            var result = (0, decorators[i])(kind === "accessor" ? { get: descriptor.get, set: descriptor.set } : descriptor[key], context);
            if (kind === "accessor") {
                if (result === void 0) continue;
                if (result === null || typeof result !== "object") throw new TypeError("Object expected");
                if (_ = accept(result.get)) descriptor.get = _;
                if (_ = accept(result.set)) descriptor.set = _;
                if (_ = accept(result.init)) initializers.unshift(_);
            }
            else if (_ = accept(result)) {
                if (kind === "field") initializers.unshift(_);
                else descriptor[key] = _;
            }
        }
        if (target) Object.defineProperty(target, contextIn.name, descriptor);
        done = true;
    };

    __runInitializers = function (thisArg, initializers, value) {
        var useValue = arguments.length > 2;
        for (var i = 0; i < initializers.length; i++) {
            value = useValue ? initializers[i].call(thisArg, value) : initializers[i].call(thisArg);
        }
        return useValue ? value : void 0;
    };

    __propKey = function (x) {
        return typeof x === "symbol" ? x : "".concat(x);
    };

    __setFunctionName = function (f, name, prefix) {
        if (typeof name === "symbol") name = name.description ? "[".concat(name.description, "]") : "";
        return Object.defineProperty(f, "name", { configurable: true, value: prefix ? "".concat(prefix, " ", name) : name });
    };

    __metadata = function (metadataKey, metadataValue) {
        if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(metadataKey, metadataValue);
    };

    __awaiter = function (thisArg, _arguments, P, generator) {
        function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
        return new (P || (P = Promise))(function (resolve, reject) {
            function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
            function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
            function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
            step((generator = generator.apply(thisArg, _arguments || [])).next());
        });
    };

    __generator = function (thisArg, body) {
        var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
        return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
        function verb(n) { return function (v) { return step([n, v]); }; }
        function step(op) {
            if (f) throw new TypeError("Generator is already executing.");
            while (g && (g = 0, op[0] && (_ = 0)), _) try {
                if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
                if (y = 0, t) op = [op[0] & 2, t.value];
                switch (op[0]) {
                    case 0: case 1: t = op; break;
                    case 4: _.label++; return { value: op[1], done: false };
                    case 5: _.label++; y = op[1]; op = [0]; continue;
                    case 7: op = _.ops.pop(); _.trys.pop(); continue;
                    default:
                        if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                        if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                        if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                        if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                        if (t[2]) _.ops.pop();
                        _.trys.pop(); continue;
                }
                op = body.call(thisArg, _);
            } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
            if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
        }
    };

    __exportStar = function(m, o) {
        for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(o, p)) __createBinding(o, m, p);
    };

    __createBinding = Object.create ? (function(o, m, k, k2) {
        if (k2 === undefined) k2 = k;
        var desc = Object.getOwnPropertyDescriptor(m, k);
        if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
            desc = { enumerable: true, get: function() { return m[k]; } };
        }
        Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
        if (k2 === undefined) k2 = k;
        o[k2] = m[k];
    });

    __values = function (o) {
        var s = typeof Symbol === "function" && Symbol.iterator, m = s && o[s], i = 0;
        if (m) return m.call(o);
        if (o && typeof o.length === "number") return {
            next: function () {
                if (o && i >= o.length) o = void 0;
                return { value: o && o[i++], done: !o };
            }
        };
        throw new TypeError(s ? "Object is not iterable." : "Symbol.iterator is not defined.");
    };

    __read = function (o, n) {
        var m = typeof Symbol === "function" && o[Symbol.iterator];
        if (!m) return o;
        var i = m.call(o), r, ar = [], e;
        try {
            while ((n === void 0 || n-- > 0) && !(r = i.next()).done) ar.push(r.value);
        }
        catch (error) { e = { error: error }; }
        finally {
            try {
                if (r && !r.done && (m = i["return"])) m.call(i);
            }
            finally { if (e) throw e.error; }
        }
        return ar;
    };

    /** @deprecated */
    __spread = function () {
        for (var ar = [], i = 0; i < arguments.length; i++)
            ar = ar.concat(__read(arguments[i]));
        return ar;
    };

    /** @deprecated */
    __spreadArrays = function () {
        for (var s = 0, i = 0, il = arguments.length; i < il; i++) s += arguments[i].length;
        for (var r = Array(s), k = 0, i = 0; i < il; i++)
            for (var a = arguments[i], j = 0, jl = a.length; j < jl; j++, k++)
                r[k] = a[j];
        return r;
    };

    __spreadArray = function (to, from, pack) {
        if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
            if (ar || !(i in from)) {
                if (!ar) ar = Array.prototype.slice.call(from, 0, i);
                ar[i] = from[i];
            }
        }
        return to.concat(ar || Array.prototype.slice.call(from));
    };

    __await = function (v) {
        return this instanceof __await ? (this.v = v, this) : new __await(v);
    };

    __asyncGenerator = function (thisArg, _arguments, generator) {
        if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
        var g = generator.apply(thisArg, _arguments || []), i, q = [];
        return i = Object.create((typeof AsyncIterator === "function" ? AsyncIterator : Object).prototype), verb("next"), verb("throw"), verb("return", awaitReturn), i[Symbol.asyncIterator] = function () { return this; }, i;
        function awaitReturn(f) { return function (v) { return Promise.resolve(v).then(f, reject); }; }
        function verb(n, f) { if (g[n]) { i[n] = function (v) { return new Promise(function (a, b) { q.push([n, v, a, b]) > 1 || resume(n, v); }); }; if (f) i[n] = f(i[n]); } }
        function resume(n, v) { try { step(g[n](v)); } catch (e) { settle(q[0][3], e); } }
        function step(r) { r.value instanceof __await ? Promise.resolve(r.value.v).then(fulfill, reject) : settle(q[0][2], r); }
        function fulfill(value) { resume("next", value); }
        function reject(value) { resume("throw", value); }
        function settle(f, v) { if (f(v), q.shift(), q.length) resume(q[0][0], q[0][1]); }
    };

    __asyncDelegator = function (o) {
        var i, p;
        return i = {}, verb("next"), verb("throw", function (e) { throw e; }), verb("return"), i[Symbol.iterator] = function () { return this; }, i;
        function verb(n, f) { i[n] = o[n] ? function (v) { return (p = !p) ? { value: __await(o[n](v)), done: false } : f ? f(v) : v; } : f; }
    };

    __asyncValues = function (o) {
        if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
        var m = o[Symbol.asyncIterator], i;
        return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function () { return this; }, i);
        function verb(n) { i[n] = o[n] && function (v) { return new Promise(function (resolve, reject) { v = o[n](v), settle(resolve, reject, v.done, v.value); }); }; }
        function settle(resolve, reject, d, v) { Promise.resolve(v).then(function(v) { resolve({ value: v, done: d }); }, reject); }
    };

    __makeTemplateObject = function (cooked, raw) {
        if (Object.defineProperty) { Object.defineProperty(cooked, "raw", { value: raw }); } else { cooked.raw = raw; }
        return cooked;
    };

    var __setModuleDefault = Object.create ? (function(o, v) {
        Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
        o["default"] = v;
    };

    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };

    __importStar = function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };

    __importDefault = function (mod) {
        return (mod && mod.__esModule) ? mod : { "default": mod };
    };

    __classPrivateFieldGet = function (receiver, state, kind, f) {
        if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
        if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
        return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
    };

    __classPrivateFieldSet = function (receiver, state, value, kind, f) {
        if (kind === "m") throw new TypeError("Private method is not writable");
        if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a setter");
        if (typeof state === "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot write private member to an object whose class did not declare it");
        return (kind === "a" ? f.call(receiver, value) : f ? f.value = value : state.set(receiver, value)), value;
    };

    __classPrivateFieldIn = function (state, receiver) {
        if (receiver === null || (typeof receiver !== "object" && typeof receiver !== "function")) throw new TypeError("Cannot use 'in' operator on non-object");
        return typeof state === "function" ? receiver === state : state.has(receiver);
    };

    __addDisposableResource = function (env, value, async) {
        if (value !== null && value !== void 0) {
            if (typeof value !== "object" && typeof value !== "function") throw new TypeError("Object expected.");
            var dispose, inner;
            if (async) {
                if (!Symbol.asyncDispose) throw new TypeError("Symbol.asyncDispose is not defined.");
                dispose = value[Symbol.asyncDispose];
            }
            if (dispose === void 0) {
                if (!Symbol.dispose) throw new TypeError("Symbol.dispose is not defined.");
                dispose = value[Symbol.dispose];
                if (async) inner = dispose;
            }
            if (typeof dispose !== "function") throw new TypeError("Object not disposable.");
            if (inner) dispose = function() { try { inner.call(this); } catch (e) { return Promise.reject(e); } };
            env.stack.push({ value: value, dispose: dispose, async: async });
        }
        else if (async) {
            env.stack.push({ async: true });
        }
        return value;
    };

    var _SuppressedError = typeof SuppressedError === "function" ? SuppressedError : function (error, suppressed, message) {
        var e = new Error(message);
        return e.name = "SuppressedError", e.error = error, e.suppressed = suppressed, e;
    };

    __disposeResources = function (env) {
        function fail(e) {
            env.error = env.hasError ? new _SuppressedError(e, env.error, "An error was suppressed during disposal.") : e;
            env.hasError = true;
        }
        var r, s = 0;
        function next() {
            while (r = env.stack.pop()) {
                try {
                    if (!r.async && s === 1) return s = 0, env.stack.push(r), Promise.resolve().then(next);
                    if (r.dispose) {
                        var result = r.dispose.call(r.value);
                        if (r.async) return s |= 2, Promise.resolve(result).then(next, function(e) { fail(e); return next(); });
                    }
                    else s |= 1;
                }
                catch (e) {
                    fail(e);
                }
            }
            if (s === 1) return env.hasError ? Promise.reject(env.error) : Promise.resolve();
            if (env.hasError) throw env.error;
        }
        return next();
    };

    __rewriteRelativeImportExtension = function (path, preserveJsx, extraExtensions, ignoreCase) {
        if (typeof path === "string" && /^\.\.?\//.test(path)) {
            if (extraExtensions) {
                for (var extension in extraExtensions) {
                    var suffix = path.slice(-extension.length);
                    if (suffix === extension || ignoreCase && suffix.toLowerCase() === extension.toLowerCase()) {
                        var output = extraExtensions[extension];
                        return output === extension ? path : path.slice(0, -extension.length) + output;
                    }
                }
            }
            return path.replace(/\.(tsx)$|((?:\.d)?)((?:\.[^./]+?)?)\.([cm]?)ts$/i, function (m, tsx, d, ext, cm) {
                return tsx ? preserveJsx ? ".jsx" : ".js" : d && (!ext || !cm) ? m : (d + ext + "." + cm.toLowerCase() + "js");
            });
        }
        return path;
    };

    exporter("__extends", __extends);
    exporter("__assign", __assign);
    exporter("__rest", __rest);
    exporter("__decorate", __decorate);
    exporter("__param", __param);
    exporter("__esDecorate", __esDecorate);
    exporter("__runInitializers", __runInitializers);
    exporter("__propKey", __propKey);
    exporter("__setFunctionName", __setFunctionName);
    exporter("__metadata", __metadata);
    exporter("__awaiter", __awaiter);
    exporter("__generator", __generator);
    exporter("__exportStar", __exportStar);
    exporter("__createBinding", __createBinding);
    exporter("__values", __values);
    exporter("__read", __read);
    exporter("__spread", __spread);
    exporter("__spreadArrays", __spreadArrays);
    exporter("__spreadArray", __spreadArray);
    exporter("__await", __await);
    exporter("__asyncGenerator", __asyncGenerator);
    exporter("__asyncDelegator", __asyncDelegator);
    exporter("__asyncValues", __asyncValues);
    exporter("__makeTemplateObject", __makeTemplateObject);
    exporter("__importStar", __importStar);
    exporter("__importDefault", __importDefault);
    exporter("__classPrivateFieldGet", __classPrivateFieldGet);
    exporter("__classPrivateFieldSet", __classPrivateFieldSet);
    exporter("__classPrivateFieldIn", __classPrivateFieldIn);
    exporter("__addDisposableResource", __addDisposableResource);
    exporter("__disposeResources", __disposeResources);
    exporter("__rewriteRelativeImportExtension", __rewriteRelativeImportExtension);
});

0 && (0);


/***/ }),

/***/ 7684:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"name":"@aws-sdk/client-app-mesh","description":"AWS SDK for JavaScript App Mesh Client for Node.js, Browser and React Native","version":"3.1048.0","scripts":{"build":"concurrently \'yarn:build:types\' \'yarn:build:es\' && yarn build:cjs","build:cjs":"node ../../scripts/compilation/inline client-app-mesh","build:es":"tsc -p tsconfig.es.json","build:include:deps":"yarn g:turbo run build -F=\\"$npm_package_name\\"","build:types":"tsc -p tsconfig.types.json","build:types:downlevel":"downlevel-dts dist-types dist-types/ts3.4","clean":"premove dist-cjs dist-es dist-types tsconfig.cjs.tsbuildinfo tsconfig.es.tsbuildinfo tsconfig.types.tsbuildinfo","extract:docs":"api-extractor run --local","generate:client":"node ../../scripts/generate-clients/single-service --solo app-mesh","test:index":"tsc --noEmit ./test/index-types.ts && node ./test/index-objects.spec.mjs"},"main":"./dist-cjs/index.js","types":"./dist-types/index.d.ts","module":"./dist-es/index.js","sideEffects":false,"dependencies":{"@aws-crypto/sha256-browser":"5.2.0","@aws-crypto/sha256-js":"5.2.0","@aws-sdk/core":"^3.974.11","@aws-sdk/credential-provider-node":"^3.972.42","@aws-sdk/types":"^3.973.8","@smithy/core":"^3.24.2","@smithy/fetch-http-handler":"^5.4.2","@smithy/node-http-handler":"^4.7.2","@smithy/types":"^4.14.1","tslib":"^2.6.2"},"devDependencies":{"@tsconfig/node20":"20.1.8","@types/node":"^20.14.8","concurrently":"7.0.0","downlevel-dts":"0.10.1","premove":"4.0.0","typescript":"~5.8.3"},"engines":{"node":">=20.0.0"},"typesVersions":{"<4.5":{"dist-types/*":["dist-types/ts3.4/*"]}},"files":["dist-*/**"],"author":{"name":"AWS SDK for JavaScript Team","url":"https://aws.amazon.com/javascript/"},"license":"Apache-2.0","browser":{"./dist-es/runtimeConfig":"./dist-es/runtimeConfig.browser"},"react-native":{"./dist-es/runtimeConfig":"./dist-es/runtimeConfig.native"},"homepage":"https://github.com/aws/aws-sdk-js-v3/tree/main/clients/client-app-mesh","repository":{"type":"git","url":"https://github.com/aws/aws-sdk-js-v3.git","directory":"clients/client-app-mesh"}}');

/***/ })

};
