// The bundled action (dist/index.js) against the emulator seeded with howto-ecs-basics, run as the GitHub runner runs
// it. Traffic is checked by simulating requests through the mesh.
import { spawnSync } from 'node:child_process';
import { Emulator } from '../../emulator/server.js';
import { SAMPLE, sampleInputs, seedHowtoEcsBasics } from '../../emulator/fixture.js';
import { FakeGitHub } from '../support/fakeGitHub.js';
import { MACHINE_NODE, NODE24, runAction } from '../../emulator/runAction.js';

let emu: Emulator;
beforeAll(async () => {
  emu = await Emulator.start({ region: 'ap-northeast-1', rolloutDelayMs: 300 });
  seedHowtoEcsBasics(emu);
});
afterAll(() => emu.stop());

const run = (inputs: Record<string, string>, node = NODE24) =>
  runAction(sampleInputs(inputs), { env: emu.env(), node });
const deployInputs = { 'task-definition': SAMPLE.v2TaskDefinition, image: 'colorapp:blue', 'canary-weight': '20' };
const traffic = () => emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 1000);
const share = (t: { colors: Record<string, number>; requests: number }, color: string) =>
  (t.colors[color] ?? 0) / t.requests;

const runtime = spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout.trim();

test('App Mesh no longer reachable: the error names the service, the call and its end of support', async () => {
  emu.inject({
    service: 'appmesh',
    operation: 'DescribeRoute',
    error: 'AccessDeniedException',
    message: 'User is not authorized',
  });
  const result = await run({ operation: 'rollback' });
  expect(result.status).toBe(1);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(
    /^App Mesh DescribeRoute: User is not authorized \(AWS ended App Mesh on 2026-09-30.*Leaving App Mesh for VPC Lattice/,
  );
});

describe(`a canary of the sample, step by step (bundled action on the GitHub runtime, Node 24: here ${runtime})`, () => {
  test('deploy at 20 %: about a fifth of the answers are blue, none fail', async () => {
    const result = await run(deployInputs);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.outputs).toMatchObject({
      'stable-weight': '80',
      'canary-weight': '20',
      'previous-canary-weight': '',
    });
    expect(result.outputs['task-definition-arn']).toMatch(/task-definition\/howto-ecs-basics-color-v2:1$/);
    expect(result.outputs['canary-virtual-node-arn']).toMatch(
      /mesh\/howto-ecs-basics\/virtualNode\/howto-ecs-basics-color-v2-node$/,
    );
    expect(result.outputs['route-arn']).toMatch(
      /virtualRouter\/howto-ecs-basics-color-router\/route\/howto-ecs-basics-color-route$/,
    );
    const t = traffic();
    expect(t.failures).toBe(0);
    expect(share(t, 'blue')).toBeGreaterThan(0.16);
    expect(share(t, 'blue')).toBeLessThan(0.24);
    expect((t.colors.green ?? 0) + (t.colors.blue ?? 0)).toBe(1000);
    expect(result.stdout).toContain('::group::Apply');
    expect(result.stdout).toMatch(/color-v2: rollout COMPLETED, 1\/1 running/);
  });

  test('the same deploy again writes nothing', async () => {
    const before = emu.log.length;
    const result = await run(deployInputs);
    expect(result.status).toBe(0);
    expect(emu.log.slice(before).filter((r) => !/^(Describe|List|Get)/.test(r.operation))).toEqual([]);
    expect(result.outputs['previous-canary-weight']).toBe('20');
  });

  test('shift to 50 %: one route write, four calls in all', async () => {
    const before = emu.log.length;
    const result = await run({ operation: 'shift', 'canary-weight': '50' });
    expect(result.status).toBe(0);
    expect(
      emu.log
        .slice(before)
        .map((r) => r.operation)
        .sort(),
    ).toEqual(['DescribeRoute', 'DescribeRoute', 'DescribeServices', 'UpdateRoute']);
    expect(result.outputs).toMatchObject({ 'previous-canary-weight': '20', 'canary-weight': '50' });
    const t = traffic();
    expect(t.failures).toBe(0);
    expect(share(t, 'blue')).toBeGreaterThan(0.45);
    expect(share(t, 'blue')).toBeLessThan(0.55);
  });

  test('injected throttling (two in a row on every route call) is survived', async () => {
    for (const operation of ['DescribeRoute', 'UpdateRoute'])
      emu.inject({ operation, error: 'TooManyRequestsException', times: 2 });
    emu.inject({ operation: 'DescribeServices', error: 'ThrottlingException', times: 2 });
    const result = await run({ operation: 'shift', 'canary-weight': '30' });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(emu.faults).toEqual([]);
    expect(share(traffic(), 'blue')).toBeGreaterThan(0.25);
  });

  test('a canary image that crashes: its weight is taken away before the rollout and stays at 0, exit code 1', async () => {
    emu.ecs.crashingImages.add('colorapp:broken');
    const logStart = emu.log.length;
    const result = await run({ ...deployInputs, image: 'colorapp:broken', 'canary-weight': '90' });
    expect(result.status).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /wait ECS service color-v2 failed: Deployment .* was rolled back by ECS \(deployment circuit breaker\)/,
    );
    expect(result.errors[0]).toMatch(
      /Kept on purpose: route howto-ecs-basics-color-route stays at stable 100 \/ canary 0/,
    );
    const writes = emu.log
      .slice(logStart)
      .filter((r) => !/^(Describe|List|Get)/.test(r.operation))
      .map((r) => r.operation);
    expect(writes).toEqual(['RegisterTaskDefinition', 'UpdateRoute', 'UpdateService']);
    expect(result.outputs['canary-weight']).toBe('0'); // outputs say what the run left, like the summary
    expect(result.summary).toContain('| canary | 30 % | 0 % |');
    const after = traffic();
    expect(after.failures).toBe(0);
    expect(after.colors).toEqual({ green: 1000 });
  });

  test('a bad input fails with one ::error:: naming it and makes no AWS call', async () => {
    const before = emu.log.length;
    const result = await run({ operation: 'shift', 'canary-weight': '120' });
    expect(result.status).toBe(1);
    expect(result.errors).toEqual([`Input 'canary-weight' must be a whole number from 0 to 100; got "120"`]);
    expect(emu.log.length).toBe(before);
  });
});

test(`the bundled action also runs on this machine's Node.js`, async () => {
  const local = await Emulator.start({ rolloutDelayMs: 100 });
  seedHowtoEcsBasics(local);
  try {
    const result = await runAction(sampleInputs({ ...deployInputs, 'canary-weight': '10' }), {
      env: local.env(),
      node: MACHINE_NODE,
    });
    expect(result.status).toBe(0);
    expect(result.outputs['canary-weight']).toBe('10');
    expect(local.traffic(SAMPLE.mesh, SAMPLE.virtualService, 1000).failures).toBe(0);
  } finally {
    await local.stop();
  }
});

describe('on pull_request events', () => {
  let github: FakeGitHub;
  let local: Emulator;
  beforeAll(async () => {
    github = await new FakeGitHub().start();
    local = await Emulator.start({ rolloutDelayMs: 100 });
    seedHowtoEcsBasics(local);
  });
  afterAll(async () => {
    await github.stop();
    await local.stop();
  });
  const onPr = (inputs: Record<string, string>, token = 'ghs_fake_token') =>
    runAction(sampleInputs({ ...deployInputs, ...inputs, 'github-token': token }), {
      env: { ...local.env(), GITHUB_API_URL: github.url },
      eventName: 'pull_request',
      event: { pull_request: { number: 7 } },
    });

  test('one comment is kept on the pull request: created by the first deploy, updated by the next', async () => {
    const first = await onPr({ 'canary-weight': '10' });
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Pull request #7: comment created.');
    const second = await onPr({ 'canary-weight': '30' });
    expect(second.stdout).toContain('Pull request #7: comment updated.');
    const comments = github.comments.get(7)!;
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('<!-- ecs-mesh-canary: howto-ecs-basics/color-v2 -->');
    expect(comments[0].body).toContain('Canary deploy: 30 % of traffic to howto-ecs-basics-color-v2-node');
    expect(comments[0].body).toContain('(canary was 10 %)');
    expect(comments[0].body).toContain('[Run details](https://github.com/octo-org/color-app/actions/runs/1)');
  });

  test('a comment someone else wrote with the marker is left alone', async () => {
    const marker = '<!-- ecs-mesh-canary: howto-ecs-basics/color-v2 -->';
    github.comments.set(8, [{ id: 1, body: `${marker}\nplanted`, user: { login: 'mallory' } }]);
    const run = await runAction(
      sampleInputs({ ...deployInputs, 'canary-weight': '30', 'github-token': 'ghs_fake_token' }),
      {
        env: { ...local.env(), GITHUB_API_URL: github.url },
        eventName: 'pull_request',
        event: { pull_request: { number: 8 } },
      },
    );
    expect(run.stdout).toContain('Pull request #8: comment created.');
    const comments = github.comments.get(8)!;
    expect(comments.map((c) => c.user.login)).toEqual(['mallory', 'github-actions[bot]']);
    expect(comments[0].body).toBe(`${marker}\nplanted`);
  });

  test('a token without permission gives a warning, and the deploy still succeeds', async () => {
    github.forceStatus = 403;
    try {
      const run = await onPr({ 'canary-weight': '30' });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(
        /::warning::Could not comment on pull request #7 \(the workflow needs permissions: pull-requests: write\)/,
      );
    } finally {
      github.forceStatus = undefined;
    }
  });

  test('pr-comment: false makes no GitHub call', async () => {
    const before = github.requests.length;
    const run = await onPr({ 'canary-weight': '30', 'pr-comment': 'false' });
    expect(run.status).toBe(0);
    expect(github.requests.length).toBe(before);
  });
});
