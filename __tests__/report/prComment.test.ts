// The pull-request comment: one per PR and canary service, found again by its marker and updated in place.
import { jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { marker, pullRequestOf, runUrl, upsertComment, type IssuesOctokit } from '../../src/report/prComment.js';

const BOT = 'github-actions[bot]';

/** Issues API over a list of comments; a created comment is written by GITHUB_TOKEN's bot. */
function fakeOctokit() {
  const comments: { id: number; body?: string; user?: { login: string } }[] = [
    { id: 1, body: 'LGTM', user: { login: 'reviewer' } },
  ];
  const octokit = {
    paginate: jest.fn(async () => comments.map((c) => ({ ...c }))),
    rest: {
      issues: {
        listComments: {},
        createComment: jest.fn(async ({ body }: { body: string }) => {
          comments.push({ id: comments.length + 1, body, user: { login: BOT } });
          return { data: comments.at(-1)! };
        }),
        updateComment: jest.fn(async ({ comment_id, body }: { comment_id: number; body: string }) => {
          comments.find((c) => c.id === comment_id)!.body = body;
          return { data: { id: comment_id, body } };
        }),
      },
      users: { getAuthenticated: jest.fn(async () => ({ data: { login: BOT } })) },
    },
  };
  return { octokit, api: octokit as unknown as IssuesOctokit, comments };
}

const pr = { owner: 'octo-org', repo: 'color-app', number: 7 };
const mark = marker({ cluster: 'howto', canary: { service: 'color-canary' } });

test('the marker is a hidden comment naming cluster and canary service', () => {
  expect(mark).toBe('<!-- ecs-mesh-canary: howto/color-canary -->');
});

test('is created once, then updated in place, never duplicated', async () => {
  const { octokit, api, comments } = fakeOctokit();
  expect(await upsertComment(api, pr, mark, 'canary at 10 %')).toBe('created');
  expect(await upsertComment(api, pr, mark, 'canary at 50 %')).toBe('updated');
  expect(await upsertComment(api, pr, mark, 'canary at 100 %')).toBe('updated');
  expect(octokit.rest.issues.createComment).toHaveBeenCalledTimes(1);
  expect(octokit.rest.issues.createComment).toHaveBeenCalledWith({
    owner: 'octo-org',
    repo: 'color-app',
    issue_number: 7,
    body: `${mark}\ncanary at 10 %`,
  });
  expect(octokit.rest.issues.updateComment).toHaveBeenLastCalledWith({
    owner: 'octo-org',
    repo: 'color-app',
    comment_id: 2,
    body: `${mark}\ncanary at 100 %`,
  });
  expect(comments.map((c) => c.body)).toEqual(['LGTM', `${mark}\ncanary at 100 %`]);
});

test("someone else's comment that carries the marker is not taken over", async () => {
  const { api, comments } = fakeOctokit();
  comments.push({ id: 2, body: `${mark}\nlooks like the bot`, user: { login: 'mallory' } });
  expect(await upsertComment(api, pr, mark, 'canary at 10 %')).toBe('created');
  expect(comments.map((c) => c.body)).toEqual(['LGTM', `${mark}\nlooks like the bot`, `${mark}\ncanary at 10 %`]);
});

test('another canary service in the same PR gets its own comment', async () => {
  const { api, comments } = fakeOctokit();
  await upsertComment(api, pr, mark, 'a');
  await upsertComment(api, pr, marker({ cluster: 'howto', canary: { service: 'front-canary' } }), 'b');
  expect(comments).toHaveLength(3);
});

test('runUrl: the run of this workflow, when the runner says which', () => {
  expect(runUrl({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '42' })).toBe('https://github.com/o/r/actions/runs/42');
  expect(runUrl({ GITHUB_SERVER_URL: 'https://ghe.example', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '42' })).toBe(
    'https://ghe.example/o/r/actions/runs/42',
  );
  expect(runUrl({})).toBeUndefined();
});

describe('pullRequestOf', () => {
  test('the PR number comes from the pull_request event; other events have none', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'event-'));
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 42 } }));
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'o/r' };
    expect(pullRequestOf(env)).toEqual({ owner: 'o', repo: 'r', number: 42 });
    expect(pullRequestOf({ ...env, GITHUB_EVENT_NAME: 'pull_request_target' })).toEqual({
      owner: 'o',
      repo: 'r',
      number: 42,
    });
    expect(pullRequestOf({ ...env, GITHUB_EVENT_NAME: 'workflow_dispatch' })).toBeUndefined();
    expect(pullRequestOf({ ...env, GITHUB_REPOSITORY: undefined })).toBeUndefined();
  });
});
