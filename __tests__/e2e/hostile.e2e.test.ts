// Hostile values render inert. Text that reaches the job summary, the pull-request comment and the log from the
// inputs (an image reference, alarm names), from the task-definition file (an image) or from AWS (an alarm's state
// reason, an error message) may hold HTML, table pipes, @mentions, markdown links and images, and newlines followed
// by workflow commands. Through the bundled action on the emulator, on a pull_request event: none of it may open a
// tag or comment, break a table's columns, ping anyone, render a link or image, or start a workflow command. What
// validation refuses (a container name with a newline or markup) is refused naming the input.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Emulator } from '../../emulator/server.js';
import { SAMPLE, sampleInputs, seedHowtoEcsBasics } from '../../emulator/fixture.js';
import { FakeGitHub } from '../support/fakeGitHub.js';
import { type ActionRun, runAction } from '../../emulator/runAction.js';

const PR = 9;
const MARKER = `<!-- ecs-mesh-canary: ${SAMPLE.cluster}/${SAMPLE.canaryService} -->`;
const ESCAPED_MENTION = '@\u200bocto-team';

/** Printable ASCII without spaces: what the `image` input and a file's image accept, and what ECS takes. */
const FILE_IMAGE = 'registry.example.com/app:<img/src=x>|@octo-team<!--x-->![pwn](https://evil.example/i.png)';
const INPUT_IMAGE = 'registry.example.com/app:`v2`|</td><img/src=x>|@octo-team[pwn](https://evil.example/l)';
/** Alarm names may hold anything but control characters (and no comma: the input's separator). */
const ALARM = '<img src=x onerror=alert(1)> | @octo-team <!-- ![pwn](https://evil.example/a.png) `tick';
/** From AWS, so not validated: newlines and all. */
const REASON =
  'Threshold Crossed <img src=x> | @octo-team <!--\n::warning::PWNED by an alarm reason\n::add-mask::PWNED\n| a | b |\n![pwn](https://evil.example/r.png)';
const FAULT =
  'User <img src=x> is not authorized | @octo-team <!-- hidden -->\n::warning::PWNED by an AWS error\n::add-mask::PWNED\n![pwn](https://evil.example/f.png)';

const dir = mkdtempSync(path.join(tmpdir(), 'hostile-'));
const v2 = () => JSON.parse(readFileSync(SAMPLE.v2TaskDefinition, 'utf8'));
function taskDefinition(name: string, change: (app: Record<string, unknown>) => void): string {
  const def = v2();
  change(def.containerDefinitions.find((c: { name: string }) => c.name === 'app'));
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(def, null, 2));
  return file;
}
const files = {
  hostileImage: taskDefinition('hostile-image.json', (app) => {
    app.image = FILE_IMAGE;
  }),
  newlineName: taskDefinition('newline-name.json', (app) => {
    app.name = 'app\n::warning::PWNED by a container name';
  }),
  markupName: taskDefinition('markup-name.json', (app) => {
    app.name = '<img src=x>@octo-team';
  }),
};

/** Runner commands the action emits itself. */
const COMMANDS = /^::(group|endgroup|error|warning|notice|debug|add-mask)( [^:]*)?::/;
/** A command whose text begins with a payload planted in a value. */
const PLANTED = /^::[a-z-]+( [^:]*)?::PWNED/;

/** Lines of a markdown document that open HTML: a tag, a closing tag or a comment. */
const htmlIn = (text: string) => text.split('\n').filter((l) => /<[A-Za-z/!?]/.test(l));

/** Table rows whose cell count differs from their header's (GFM: a pipe after a backslash does not split). */
function brokenRows(markdown: string): string[] {
  const cells = (row: string) =>
    row
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split(/(?<!\\)\|/).length;
  const broken: string[] = [];
  let header: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.trimStart().startsWith('|')) {
      header = undefined;
      continue;
    }
    if (header === undefined) header = cells(line);
    else if (cells(line) !== header) broken.push(line);
  }
  return broken;
}

let emu: Emulator;
let github: FakeGitHub;
const runs: Record<string, ActionRun> = {};
/** The PR comment as each run left it. */
const comments: Record<string, string> = {};

beforeAll(async () => {
  emu = await Emulator.start({ region: 'ap-northeast-1', rolloutDelayMs: 100 });
  seedHowtoEcsBasics(emu);
  emu.cloudWatch.putMetricAlarm(ALARM, { state: 'OK', reason: 'Threshold not crossed' });
  github = await new FakeGitHub().start();
});
afterAll(async () => {
  await github.stop();
  await emu.stop();
});

const run = (inputs: Record<string, string>) =>
  runAction(sampleInputs({ 'github-token': 'ghs_fake_token', ...inputs }), {
    env: { ...emu.env(), GITHUB_API_URL: github.url },
    eventName: 'pull_request',
    event: { pull_request: { number: PR } },
  });
const comment = () => github.comments.get(PR)?.[0]?.body ?? '';

describe('hostile values reach the summary, the PR comment and the log', () => {
  test('a file whose app image holds markup: deploy at 20 %', async () => {
    const result = await run({ 'task-definition': files.hostileImage, 'canary-weight': '20' });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.summary).toContain('&lt;img/src=x&gt;\\|@\u200bocto-team&lt;!--x--&gt;');
    runs['deploy, image from the file'] = result;
    comments['deploy, image from the file'] = comment();
  });

  test('an image input with markup, walked under an alarm named with markup whose reason has newlines', async () => {
    emu.cloudWatch.setStateWhen(ALARM, 'ALARM', REASON, { canaryWeightAtLeast: 50 });
    const result = await run({
      'task-definition': SAMPLE.v2TaskDefinition,
      image: INPUT_IMAGE,
      steps: '10,50',
      'step-minutes': '0.02',
      alarms: ALARM,
    });
    expect(result.status).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(`CloudWatch alarm ${ALARM} is ALARM (${REASON}) at step 2 (50 %)`);
    expect(result.summary).toContain('&lt;img src=x onerror=alert(1)&gt; \\| @\u200bocto-team');
    expect(comment()).toContain('Rolled back: alarm &lt;img src=x onerror=alert(1)&gt;');
    runs['progressive deploy rolled back by the alarm'] = result;
    comments['progressive deploy rolled back by the alarm'] = comment();
  });

  test('an AWS error message with markup and newlines fails a deploy', async () => {
    emu.inject({ service: 'ecs', operation: 'UpdateService', error: 'AccessDeniedException', message: FAULT });
    const result = await run({ 'task-definition': SAMPLE.v2TaskDefinition, image: 'colorapp:v3' });
    expect(result.status).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(FAULT);
    expect(result.summary).toContain('User &lt;img src=x&gt; is not authorized \\| @\u200bocto-team');
    expect(comment()).toContain('User &lt;img src=x&gt; is not authorized');
    runs['failed deploy'] = result;
    comments['failed deploy'] = comment();
  });

  test('the same message stops a run while reading the state', async () => {
    emu.inject({ service: 'ecs', operation: 'DescribeServices', error: 'AccessDeniedException', message: FAULT });
    const result = await run({ operation: 'rollback' });
    expect(result.status).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.summary).toContain('stopped before any change');
    expect(result.summary).toContain('User &lt;img src=x&gt; is not authorized');
    expect(comment()).toContain('stopped before any change');
    runs['stopped rollback'] = result;
    comments['stopped rollback'] = comment();
  });

  test('one comment on the pull request, kept by its marker', () => {
    expect(github.comments.get(PR)).toHaveLength(1);
    expect(comment().startsWith(`${MARKER}\n`)).toBe(true);
  });
});

describe('and render inert', () => {
  /** Each run's job summary, and the PR comment as it left it (without the marker, the comment's own HTML). */
  const documents = () => [
    ...Object.entries(runs).map(([name, r]) => [`${name}: summary`, r.summary]),
    ...Object.entries(comments).map(([name, body]) => [`${name}: PR comment`, body.replace(`${MARKER}\n`, '')]),
  ];

  /** Per document, what `find` finds in it; documents where it finds nothing are left out. */
  const found = (find: (text: string) => string[]) =>
    Object.fromEntries(documents().flatMap(([name, text]) => (find(text).length ? [[name, find(text)]] : [])));

  test('no HTML: no tag, closing tag or comment (the PR comment has only its own marker)', () => {
    expect(documents()).toHaveLength(8);
    expect(found(htmlIn)).toEqual({});
  });

  test('every table row has as many cells as its header', () => {
    expect(found(brokenRows)).toEqual({});
    expect(runs['progressive deploy rolled back by the alarm'].summary).toMatch(/\| 2 \/ 2 \| 50 % \|/);
  });

  test('no @mention: a zero-width space follows every @ of a value', () => {
    expect(found((text) => text.match(/@octo-team/g) ?? [])).toEqual({});
    expect(runs['deploy, image from the file'].summary).toContain(ESCAPED_MENTION);
    for (const body of Object.values(comments).slice(1)) expect(body).toContain(ESCAPED_MENTION);
  });

  test('no markdown link or image from a value', () => {
    expect(found((text) => text.match(/\[pwn\]\([^)]*\)/g) ?? [])).toEqual({});
  });

  test('no workflow command from a value: stdout and stderr start only the commands the action emits', () => {
    const commands = (r: ActionRun) => `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.startsWith('::'));
    const bad = Object.entries(runs).flatMap(([name, r]) => {
      const lines = commands(r).filter((l) => !COMMANDS.test(l) || PLANTED.test(l));
      return lines.length ? [[name, lines]] : [];
    });
    expect(Object.fromEntries(bad)).toEqual({});
  });
});

describe('what validation refuses, it refuses naming the input, and nothing it holds starts a command', () => {
  const refused: [string, Record<string, string>, string][] = [
    ['container-name with a newline', { 'container-name': 'app\n::warning::PWNED by an input' }, 'container-name'],
    ['a file whose container name has a newline', { 'task-definition': files.newlineName }, 'task-definition'],
    ['a file whose container name has markup', { 'task-definition': files.markupName }, 'task-definition'],
    ['an image with a space', { image: 'colorapp:<img src=x>' }, 'image'],
    ['an image with a newline', { image: 'colorapp:v2\n::warning::PWNED by an image' }, 'image'],
    ['an alarm name with a control character', { steps: '10,50', alarms: `${ALARM}\u0007` }, 'alarms'],
  ];
  test.each(refused)('%s', async (_, inputs, input) => {
    const before = emu.log.length;
    const result = await run({ 'task-definition': SAMPLE.v2TaskDefinition, ...inputs });
    expect(result.status).toBe(1);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(`Input '${input}' `);
    expect(emu.log.length).toBe(before);
    const lines = `${result.stdout}\n${result.stderr}`.split('\n').filter((l) => l.startsWith('::'));
    expect(lines.filter((l) => !COMMANDS.test(l) || PLANTED.test(l))).toEqual([]);
  });
});
