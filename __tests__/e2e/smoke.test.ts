// Runs the bundled dist/index.js as the runner does, with INPUT_* variables (dashes kept).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

function runAction(inputs: Record<string, string>) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  // Any AWS call would go here and fail to connect: a bad input must never get that far.
  env.AWS_ENDPOINT_URL = 'http://127.0.0.1:9';
  return spawnSync(process.execPath, [dist], { env, encoding: 'utf8', timeout: 20_000 });
}

test('a bad canary-weight fails with one ::error:: naming the input, exit code 1', () => {
  const result = runAction({
    mesh: 'm',
    'virtual-router': 'r',
    route: 'rt',
    'stable-virtual-node': 'a',
    'canary-virtual-node': 'b',
    'stable-service': 's',
    'canary-service': 'c',
    image: 'app:2',
    'canary-weight': '150',
  });
  expect(result.status).toBe(1);
  const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error::'));
  expect(errors).toEqual([`::error::Input 'canary-weight' must be a whole number from 0 to 100; got "150"`]);
  // The only line carrying the secret is the mask command, which the runner consumes and never shows.
  const leaks = (result.stdout + result.stderr).split('\n').filter((l) => l.includes('wJalrXUtnFEMI'));
  expect(leaks).toEqual(['::add-mask::wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']);
});
