// One wording for changes and failures, and the one escaping helper for every value that reaches markdown.
import { code, changeLine, failureLines, md, oneLine, transition, type FailureReport } from '../src/render.js';
import type { Change } from '../src/model.js';

describe('md', () => {
  test.each([
    ['an HTML comment', 'x <!-- hidden --> y', 'x &lt;!-- hidden --&gt; y'],
    ['a tag', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['an entity', '&lt;', '&amp;lt;'],
    ['a table pipe', 'a | b', 'a \\| b'],
    ['a mention', 'ping @octo-org/team', 'ping @\u200bocto-org/team'],
    ['bidi overrides and isolates', 'a\u202eb\u2066c\u2069d\u202ae', 'abcde'],
    ['undefined', undefined, ''],
    ['a number', 20, '20'],
  ])('%s is inert', (_name, value, expected) => expect(md(value)).toBe(expected));

  test.each([
    ['\\n', 'line 1\nline 2'],
    ['\\r\\n', 'line 1\r\nline 2'],
    // CommonMark ends a line at a carriage return that no line feed follows, too.
    ['a lone \\r', 'line 1\rline 2'],
  ])('a value never spans lines: %s is flattened', (_name, value) => {
    expect(md(value)).not.toMatch(/[\r\n]/);
    expect(md(value)).toBe('line 1 line 2');
  });
});

test('code() wraps a value in backticks it cannot close early', () => {
  // Inside a code span nothing is markup: `<c>` shows as typed, so it is not turned into entities.
  expect(code('a`b <c>')).toBe("`a'b <c>`");
});

test('oneLine() keeps a value on one log line, so no newline can start a workflow command', () => {
  expect(oneLine('a\n::error::b\r\nc\rd')).toBe('a ⏎ ::error::b ⏎ c ⏎ d');
});

const change = (over: Partial<Change> = {}): Change => ({
  kind: 'appmesh.set-route-weights',
  resource: { type: 'route', name: 'color-route' },
  action: 'update',
  after: 'stable 70 / canary 30',
  request: {},
  moves: 'traffic',
  ...over,
});

test('changeLine and transition', () => {
  expect(changeLine(change({ before: 'stable 80 / canary 20' }))).toBe(
    'update route color-route: stable 80 / canary 20 → stable 70 / canary 30',
  );
  expect(transition(change())).toBe('stable 70 / canary 30');
});

describe('failureLines', () => {
  const report = (over: Partial<FailureReport> = {}): FailureReport => ({
    failed: change({
      kind: 'ecs.wait-for-rollout',
      resource: { type: 'ECS service', name: 'color-canary' },
      action: 'wait',
    }),
    reason: 'Rollout of color-canary FAILED',
    restored: [],
    kept: [],
    notRestored: [],
    leftBehind: [],
    undone: [],
    ...over,
  });

  test('nothing restored, kept or lost: traffic was not changed', () => {
    expect(failureLines(report())).toEqual([
      'wait ECS service color-canary failed: Rollout of color-canary FAILED',
      'Traffic was not changed by this run.',
    ]);
  });

  test('every part in its own sentence, in order', () => {
    const lines = failureLines(
      report({
        restored: [
          'route color-route weights back to stable 80 / canary 20',
          'virtual service v provider back to virtual node n',
        ],
        kept: ['route color-route stays at stable 100 / canary 0 (why)'],
        notRestored: ['forward action back to stable 90 / canary 10 (Throttled)'],
        leftBehind: ['task definition arn:td:2', 'ECS service color-canary now deploys the new revision'],
      }),
    );
    expect(lines).toEqual([
      'wait ECS service color-canary failed: Rollout of color-canary FAILED',
      'Traffic restored: route color-route weights back to stable 80 / canary 20; virtual service v provider back to virtual node n.',
      'Kept on purpose: route color-route stays at stable 100 / canary 0 (why).',
      'COULD NOT RESTORE (fix by hand): forward action back to stable 90 / canary 10 (Throttled).',
      'Left behind: task definition arn:td:2; ECS service color-canary now deploys the new revision.',
    ]);
  });

  test('only a kept change still says nothing about "not changed"', () => {
    expect(failureLines(report({ kept: ['x'] }))).not.toContain('Traffic was not changed by this run.');
  });

  test('a failed change that was sent but not confirmed never says "not changed"', () => {
    expect(failureLines(report({ unconfirmed: true }))).not.toContain('Traffic was not changed by this run.');
  });
});
