// One comment per pull request and canary service, found again by a hidden marker and updated in place. Missing
// permissions or no token give a warning, never a failure: the deploy itself already happened.
import * as core from '@actions/core';
import { errorMessage } from '../errors.js';
import { envEvent, type Settings } from '../inputs.js';

interface Comment {
  id: number;
  body?: string;
  user?: { login?: string } | null;
}

/** The identity GitHub gives GITHUB_TOKEN's comments. */
export const ACTIONS_BOT = 'github-actions[bot]';

/** The slice of Octokit this module uses. */
export interface IssuesOctokit {
  paginate<T>(method: unknown, params: object): Promise<T[]>;
  rest: {
    issues: {
      listComments: unknown;
      createComment(params: {
        owner: string;
        repo: string;
        issue_number: number;
        body: string;
      }): Promise<{ data: Comment }>;
      updateComment(params: {
        owner: string;
        repo: string;
        comment_id: number;
        body: string;
      }): Promise<{ data: Comment }>;
    };
    users: { getAuthenticated(): Promise<{ data: { login: string } }> };
  };
}

/** The token's own login (a personal or app token), and always GITHUB_TOKEN's bot identity. */
async function authorsOf(octokit: IssuesOctokit): Promise<string[]> {
  try {
    return [ACTIONS_BOT, (await octokit.rest.users.getAuthenticated()).data.login];
  } catch {
    return [ACTIONS_BOT];
  }
}

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

export function marker(settings: Pick<Settings, 'cluster' | 'canary'>): string {
  return `<!-- ecs-mesh-canary: ${settings.cluster}/${settings.canary.service} -->`;
}

/** Creates the comment on the first run for a PR, updates that same comment afterwards. */
export async function upsertComment(
  octokit: IssuesOctokit,
  pr: PullRequestRef,
  mark: string,
  body: string,
  authors: string[] = [ACTIONS_BOT],
): Promise<'created' | 'updated'> {
  const text = `${mark}\n${body}`;
  const comments = await octokit.paginate<Comment>(octokit.rest.issues.listComments, {
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
export function pullRequestOf(env: NodeJS.ProcessEnv = process.env): PullRequestRef | undefined {
  const event = envEvent(env);
  if (!['pull_request', 'pull_request_target'].includes(event.name ?? '')) return undefined;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  return owner && repo && event.pullRequest !== undefined ? { owner, repo, number: event.pullRequest } : undefined;
}

/** The URL of this workflow run, when the runner says which it is. */
export function runUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}

export async function commentOnPullRequest(settings: Settings, body: string): Promise<void> {
  const pr = pullRequestOf();
  if (!pr) return;
  if (!settings.githubToken) {
    core.warning('No github-token: the pull-request comment was skipped.');
    return;
  }
  try {
    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(settings.githubToken) as unknown as IssuesOctokit;
    const result = await upsertComment(octokit, pr, marker(settings), body, await authorsOf(octokit));
    core.info(`Pull request #${pr.number}: comment ${result}.`);
  } catch (err) {
    core.warning(
      `Could not comment on pull request #${pr.number} (the workflow needs permissions: pull-requests: write): ${errorMessage(err)}`,
    );
  }
}
