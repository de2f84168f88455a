// What a user sees: the job summary for a deploy and for a failure, and the pull-request comment upsert.
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execute } from '../src/pipeline.js';
import { marker, pullRequestOf, upsertComment, type IssuesOctokit } from '../src/prComment.js';
import { MockWorld, REGION, mockSettings } from './support/mockWorld.js';


let world: MockWorld;
// @actions/core remembers the summary file it first wrote to, so every test here shares one.
const dir = mkdtempSync(path.join(tmpdir(), 'summary-'));
const summaryFile = path.join(dir, 'summary.md');
beforeEach(() => {
  world = new MockWorld();
  writeFileSync(summaryFile, '');
  writeFileSync(path.join(dir, 'output'), '');
  Object.assign(process.env, { AWS_REGION: REGION, AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'x', GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: path.join(dir, 'output') });
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  world.reset();
  jest.restoreAllMocks();
});

const run = (over: Record<string, string> = {}) => execute(mockSettings(over), { sleep: async () => {} });
const summary = () => readFileSync(summaryFile, 'utf8');

test('deploy summary: weights, task definition, services, changes with console links, traffic pie', async () => {
  await run();
  const md = summary();
  expect(md).toContain('## Canary deploy: 20 % of traffic to howto-ecs-basics-color-v2-node');
  expect(md).toContain(`| [howto-ecs-basics-color-node](https://${REGION}.console.aws.amazon.com/appmesh/meshes/howto-ecs-basics/virtual-nodes/howto-ecs-basics-color-node?region=${REGION}) | stable | — | 80 % |`);
  expect(md).toContain('| canary | — | 20 % |');
  expect(md).toContain(`Task definition: [howto-ecs-basics-color-canary:1](https://${REGION}.console.aws.amazon.com/ecs/v2/task-definitions/howto-ecs-basics-color-canary/1/containers?region=${REGION})`);
  expect(md).toContain(`| [color-canary](https://${REGION}.console.aws.amazon.com/ecs/v2/clusters/howto/services/color-canary/health?region=${REGION}) | canary | howto-ecs-basics-color-canary:1 | 1 / 1 |`);
  expect(md).toContain('| [color](');
  expect(md).toMatch(/\| create \| \[virtual node howto-ecs-basics-color-v2-node\]\(.*\) \| stable node's spec, Cloud Map filter ECS_SERVICE_NAME=color-canary \| ✅/);
  expect(md).toMatch(/\| update \| \[virtual service color.howto-ecs-basics.mesh.local\]\(.*virtual-services\/color.howto-ecs-basics.mesh.local.*\) \| provider virtual node howto-ecs-basics-color-node → provider virtual router color-router \| ✅ \|/);
  expect(md).toContain('```mermaid\npie showData title Traffic of color.howto-ecs-basics.mesh.local\n  "howto-ecs-basics-color-node (stable)" : 80\n  "howto-ecs-basics-color-v2-node (canary)" : 20\n```');
});

test('failure summary: what failed, what was restored, what was left behind', async () => {
  await run({ 'virtual-service': '' });
  writeFileSync(summaryFile, '');
  world.faults.push({ command: 'UpdateVirtualService', error: 'AccessDeniedException' });
  await expect(run({ 'canary-weight': '40', image: 'colorapp:purple' })).rejects.toThrow();
  const md = summary();
  expect(md).toContain('## Canary deploy failed');
  // The canary's weight was taken away for the rollout; the last route write is undone, the drain is kept.
  expect(md).toContain('| canary | 20 % | 0 % |');
  expect(md).toMatch(/\| update \| \[virtual service .*\]\(.*\) \| .* \| ❌ failed \|/);
  expect(md).toContain('Restored: route color-route weights back to stable 100 / canary 0.');
  expect(md).toContain('Kept on purpose: route color-route stays at stable 100 / canary 0 while the canary rolls out');
  expect(md).toContain('Left behind:\n- task definition arn:aws:ecs:');
  expect(md).toContain('- ECS service color-canary now deploys howto-ecs-basics-color-canary:2 (it ran howto-ecs-basics-color-canary:1');
  expect(md).not.toContain('mermaid');
});

test('a run stopped while planning says so in the summary, with the reason', async () => {
  world.nodes.set('howto-ecs-basics-color-node', world.node('howto-ecs-basics-color-node', []));
  await expect(run()).rejects.toThrow(/Traffic isolation/);
  const md = summary();
  expect(md).toContain('## Canary deploy stopped before any change');
  expect(md).toContain('Traffic isolation: the Cloud Map filter of virtual node howto-ecs-basics-color-node (no attributes) also selects the canary');
  expect(md).toContain('Nothing was changed in ECS or App Mesh.');
});

test('dry run summary says nothing was changed and shows the planned split', async () => {
  await run({ 'dry-run': 'true' });
  const md = summary();
  expect(md).toContain('## Canary deploy plan (dry run: nothing was changed)');
  expect(md).toContain('| planned change | resource | before → after | result |');
  expect(md).toContain('pie showData title Traffic of color.howto-ecs-basics.mesh.local (planned)');
  expect(world.writes()).toEqual([]);
});

describe('pull-request comment', () => {
  function fakeOctokit() {
    const comments: { id: number; body?: string }[] = [{ id: 1, body: 'LGTM' }];
    const octokit = {
      paginate: jest.fn(async () => comments.map((c) => ({ ...c }))),
      rest: {
        issues: {
          listComments: {},
          createComment: jest.fn(async ({ body }: { body: string }) => {
            comments.push({ id: comments.length + 1, body });
            return { data: comments.at(-1)! };
          }),
          updateComment: jest.fn(async ({ comment_id, body }: { comment_id: number; body: string }) => {
            comments.find((c) => c.id === comment_id)!.body = body;
            return { data: { id: comment_id, body } };
          }),
        },
      },
    };
    return { octokit, comments };
  }
  const pr = { owner: 'octo-org', repo: 'color-app', number: 7 };
  const mark = marker({ cluster: 'howto', canary: { service: 'color-canary', virtualNode: 'n' } });

  test('is created once, then updated in place, never duplicated', async () => {
    const { octokit, comments } = fakeOctokit();
    expect(await upsertComment(octokit as unknown as IssuesOctokit, pr, mark, 'canary at 10 %')).toBe('created');
    expect(await upsertComment(octokit as unknown as IssuesOctokit, pr, mark, 'canary at 50 %')).toBe('updated');
    expect(await upsertComment(octokit as unknown as IssuesOctokit, pr, mark, 'canary at 100 %')).toBe('updated');
    expect(octokit.rest.issues.createComment).toHaveBeenCalledTimes(1);
    expect(octokit.rest.issues.createComment).toHaveBeenCalledWith({ owner: 'octo-org', repo: 'color-app', issue_number: 7, body: `${mark}\ncanary at 10 %` });
    expect(octokit.rest.issues.updateComment).toHaveBeenLastCalledWith({ owner: 'octo-org', repo: 'color-app', comment_id: 2, body: `${mark}\ncanary at 100 %` });
    expect(comments.map((c) => c.body)).toEqual(['LGTM', `${mark}\ncanary at 100 %`]);
  });

  test('another canary service in the same PR gets its own comment', async () => {
    const { octokit, comments } = fakeOctokit();
    await upsertComment(octokit as unknown as IssuesOctokit, pr, mark, 'a');
    await upsertComment(octokit as unknown as IssuesOctokit, pr, marker({ cluster: 'howto', canary: { service: 'front-canary', virtualNode: 'n' } }), 'b');
    expect(comments).toHaveLength(3);
  });

  test('the PR number comes from the pull_request event; other events have none', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'event-'));
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 42 } }));
    expect(pullRequestOf({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'o/r' })).toEqual({ owner: 'o', repo: 'r', number: 42 });
    expect(pullRequestOf({ GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: 'o/r' })).toBeUndefined();
  });
});
