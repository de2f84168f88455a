export const id = 929;
export const ids = [929];
export const modules = {

/***/ 5929:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Alarms: () => (/* binding */ Alarms)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4085);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(201);
// CloudWatch alarms: read the named metric and composite alarms in one call. Loaded only when `alarms` is set.



class Alarms {
    names;
    client;
    constructor(config, names) {
        this.names = names;
        this.client = (0,_clients_js__WEBPACK_IMPORTED_MODULE_1__/* .withErrorContext */ .mO)(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__/* .CloudWatchClient */ .WBn(config), 'CloudWatch');
    }
    /** Every named alarm's state; a name CloudWatch does not know is an input error, never "no alarm". */
    async read() {
        const found = [];
        for (let i = 0; i < this.names.length; i += 100) {
            const AlarmNames = this.names.slice(i, i + 100);
            let NextToken;
            do {
                const command = new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__/* .DescribeAlarmsCommand */ .zWD({
                    AlarmNames,
                    AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                    NextToken,
                });
                const out = await this.client.send(command);
                for (const a of out.MetricAlarms ?? [])
                    found.push(state(a, 'metric'));
                for (const a of out.CompositeAlarms ?? [])
                    found.push(state(a, 'composite'));
                NextToken = out.NextToken;
            } while (NextToken);
        }
        const missing = this.names.filter((n) => !found.some((a) => a.name === n));
        if (missing.length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PlanError */ .W6(`CloudWatch alarm(s) ${missing.join(', ')} do not exist in this account and region`, 'alarms');
        }
        return found;
    }
}
function state(a, type) {
    return {
        name: a.AlarmName ?? '',
        type,
        state: (a.StateValue ?? 'INSUFFICIENT_DATA'),
        reason: a.StateReason,
    };
}


/***/ })

};
