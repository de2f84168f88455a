// The ECS-native inputs through the action's input reader: the provider chosen by name (or by its own input), one
// service (canary-service refused), pause-timeout-minutes, and the linear step derived from the weights the run needs,
// with an input error before any AWS call when no step of at least 3 % reaches them.
import { InputError } from '../../../src/errors.js';
import { readSettings } from '../../../src/inputs.js';
import { stepFor } from '../../../src/traffic/ecsNative/settings.js';

const BASE = { 'traffic-provider': 'ecs-native', 'stable-service': 'color', image: 'colorapp:blue' };
const read = (inputs: Record<string, string>) =>
  readSettings(
    (name) => ({ ...BASE, ...inputs })[name] ?? '',
    '/tmp',
    () => ({}),
  );

function problems(inputs: Record<string, string>): string[] {
  try {
    read(inputs);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems.map((p) => `${p.input}: ${p.message}`);
  }
  throw new Error('expected an InputError');
}

test('stepFor: the largest whole step of at least 3 that divides every weight, 10 when none is needed', () => {
  expect(stepFor([10])).toBe(10);
  expect(stepFor([30])).toBe(30);
  expect(stepFor([10, 25, 50, 100])).toBe(5);
  expect(stepFor([4, 8])).toBe(4);
  expect(stepFor([6, 9])).toBe(3);
  expect(stepFor([0])).toBe(10);
  expect(stepFor([])).toBe(10);
  expect(stepFor([7])).toBe(7);
  expect(stepFor([2])).toBeUndefined();
  expect(stepFor([10, 15, 21])).toBeUndefined();
});

test('deploy: one service, the default pause timeout, the step of canary-weight', () => {
  const s = read({ 'canary-weight': '10' });
  expect(s.traffic).toEqual({ provider: 'ecs-native', pauseTimeoutMinutes: 1440, stepPercent: 10 });
  expect([s.stable.service, s.canary.service]).toEqual(['color', '']);
  expect(read({}).traffic).toMatchObject({ stepPercent: 10 });
  expect(read({ steps: '10,25,50,100' }).traffic).toMatchObject({ stepPercent: 5 });
  expect(read({ 'canary-weight': '0' }).traffic).toMatchObject({ stepPercent: 10 });
  expect(read({ 'pause-timeout-minutes': '60', 'canary-weight': '20' }).traffic).toEqual({
    provider: 'ecs-native',
    pauseTimeoutMinutes: 60,
    stepPercent: 20,
  });
});

test('pause-timeout-minutes alone chooses ecs-native', () => {
  const s = read({ 'traffic-provider': '', 'pause-timeout-minutes': '30' });
  expect(s.traffic.provider).toBe('ecs-native');
});

test.each([
  [{ 'canary-service': 'color-canary' }, 'canary-service', /is not used with traffic-provider: ecs-native/],
  [{ 'canary-weight': '2' }, 'canary-weight', /must be reachable by ECS's linear steps: .* no such step divides 2$/],
  [{ steps: '10,15,21' }, 'steps', /no such step divides 10, 15, 21$/],
  [{ operation: 'shift', 'canary-weight': '1' }, 'canary-weight', /no such step divides 1$/],
  [{ 'pause-timeout-minutes': '0' }, 'pause-timeout-minutes', /^must be a whole number from 1 to 20160; got "0"$/],
  [{ 'pause-timeout-minutes': '20161' }, 'pause-timeout-minutes', /from 1 to 20160; got "20161"$/],
  [{ 'pause-timeout-minutes': '1.5' }, 'pause-timeout-minutes', /got "1.5"$/],
  [{ 'lattice-service': 'color' }, 'lattice-service', /belongs to traffic-provider: vpc-lattice/],
  [{ mesh: 'howto-ecs-basics' }, 'mesh', /belongs to traffic-provider: app-mesh/],
])('%j is refused, naming %s', (inputs, input, message) => {
  const found = problems(inputs);
  expect(found).toHaveLength(1);
  expect(found[0].slice(0, input.length + 2)).toBe(`${input}: `);
  expect(found[0].slice(input.length + 2)).toMatch(message);
});

test('pause-timeout-minutes with another provider is refused by name', () => {
  const lattice = { 'traffic-provider': 'vpc-lattice', 'lattice-service': 'color', 'canary-service': 'color-canary' };
  expect(problems({ ...lattice, 'pause-timeout-minutes': '60' })).toEqual([
    'pause-timeout-minutes: belongs to traffic-provider: ecs-native (ECS-native), not to vpc-lattice; remove it',
  ]);
});

test('promote and rollback need no weight; desired-count and delete-canary are ignored with a warning', () => {
  expect(read({ operation: 'promote', 'canary-weight': '33' }).traffic).toMatchObject({ stepPercent: 10 });
  const s = read({ operation: 'rollback', 'desired-count': '3', 'delete-canary': 'true' });
  expect(s.ignored).toEqual([
    "Input 'desired-count' is not used with traffic-provider: ecs-native: the new revision runs as many tasks as the service; ignored",
    "Input 'delete-canary' is not used with traffic-provider: ecs-native: a rollback creates nothing to delete; ignored",
  ]);
});
