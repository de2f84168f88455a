export const id = 441;
export const ids = [441];
export const modules = {

/***/ 5441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commentOnPullRequest: () => (/* binding */ commentOnPullRequest),
/* harmony export */   runUrl: () => (/* binding */ runUrl)
/* harmony export */ });
/* unused harmony exports ACTIONS_BOT, marker, upsertComment, pullRequestOf */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3449);
// One comment per pull request and canary service, found again by a hidden marker and updated in place. Missing
// permissions or no token give a warning, never a failure: the deploy itself already happened.



/** The identity GitHub gives GITHUB_TOKEN's comments. */
const ACTIONS_BOT = 'github-actions[bot]';
/** The token's own login (a personal or app token), and always GITHUB_TOKEN's bot identity. */
async function authorsOf(octokit) {
    try {
        return [ACTIONS_BOT, (await octokit.rest.users.getAuthenticated()).data.login];
    }
    catch {
        return [ACTIONS_BOT];
    }
}
function marker(settings) {
    return `<!-- ecs-mesh-canary: ${settings.cluster}/${settings.canary.service} -->`;
}
/** Creates the comment on the first run for a PR, updates that same comment afterwards. */
async function upsertComment(octokit, pr, mark, body, authors = [ACTIONS_BOT]) {
    const text = `${mark}\n${body}`;
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner: pr.owner,
        repo: pr.repo,
        issue_number: pr.number,
        per_page: 100,
    });
    // Only a comment this identity wrote is ours to update: anyone can paste the marker into theirs.
    const mine = comments.find((c) => c.body?.includes(mark) && authors.includes(c.user?.login ?? ''));
    if (mine) {
        await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: mine.id, body: text });
        return 'updated';
    }
    await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body: text });
    return 'created';
}
/**
 * The pull request of this run, from the runner's event (GITHUB_EVENT_NAME/PATH); undefined for other events. Read
 * without @actions/github, which loads only when there is a pull request to comment on.
 */
function pullRequestOf(env = process.env) {
    const event = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .envEvent */ .OI)(env);
    if (!['pull_request', 'pull_request_target'].includes(event.name ?? ''))
        return undefined;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    return owner && repo && event.pullRequest !== undefined ? { owner, repo, number: event.pullRequest } : undefined;
}
/** The URL of this workflow run, when the runner says which it is. */
function runUrl(env = process.env) {
    const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
    return repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}
async function commentOnPullRequest(settings, body) {
    const pr = pullRequestOf();
    if (!pr)
        return;
    if (!settings.githubToken) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e('No github-token: the pull-request comment was skipped.');
        return;
    }
    try {
        const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
        const octokit = getOctokit(settings.githubToken);
        const result = await upsertComment(octokit, pr, marker(settings), body, await authorsOf(octokit));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Pull request #${pr.number}: comment ${result}.`);
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not comment on pull request #${pr.number} (the workflow needs permissions: pull-requests: write): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
    }
}


/***/ })

};
