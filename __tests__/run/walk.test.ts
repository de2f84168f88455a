// A walk of steps in-process against the emulator, for what must hold when something breaks mid-walk: a gate that
// cannot be read never approves a step (the canary is rolled back), and a step that cannot be read or planned still
// ends with a job summary and outputs that say where the walk stopped.
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SAMPLE, sampleInputs, seedHowtoEcsBasics } from '../../emulator/fixture.js';
import { readOutputs } from '../../emulator/outputs.js';
import { Emulator, type Fault } from '../../emulator/server.js';
import { errorMessage } from '../../src/errors.js';
import { readSettings } from '../../src/inputs.js';
import { execute } from '../../src/run/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'walk-'));
const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary.md') };
const savedEnv = { ...process.env };
let emu: Emulator;

beforeEach(async () => {
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  emu = await Emulator.start({ region: 'ap-northeast-1', rolloutDelayMs: 0 });
  seedHowtoEcsBasics(emu);
  emu.cloudWatch.putMetricAlarm('color-5xx', { state: 'OK', reason: 'no 5xx' });
  process.env = { ...savedEnv, ...emu.env(), GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary };
  delete process.env.GITHUB_EVENT_NAME;
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
});
afterEach(async () => {
  jest.restoreAllMocks();
  process.env = savedEnv;
  await emu.stop();
});

/** A walk 10 → 50 % under color-5xx whose first bake pause injects `fault`; the run's error, outputs and summary. */
async function walkWith(fault: Omit<Fault, 'times'>) {
  const inputs = sampleInputs({
    'task-definition': SAMPLE.v2TaskDefinition,
    image: 'colorapp:blue',
    steps: '10,50',
    'step-minutes': '0.01',
    alarms: 'color-5xx',
    'pr-comment': 'false',
  });
  let injected = false;
  const sleep = async () => {
    if (!injected) emu.inject({ ...fault, times: 100 });
    injected = true;
  };
  const error = await execute(
    readSettings((n) => inputs[n] ?? ''),
    { sleep },
  ).then(
    () => '',
    (err) => errorMessage(err),
  );
  return { error, outputs: readOutputs(files.output), summary: readFileSync(files.summary, 'utf8') };
}

const canaryShare = () => (emu.traffic(SAMPLE.mesh, SAMPLE.virtualService, 1000).nodes[SAMPLE.canaryNode] ?? 0) / 1000;

test('alarms that cannot be read during a bake roll the canary back: nothing watches it otherwise', async () => {
  const { error, outputs, summary } = await walkWith({ operation: 'DescribeAlarms', error: 'ExpiredTokenException' });
  expect(error).toMatch(
    /^CloudWatch alarm color-5xx is INSUFFICIENT_DATA \(the alarms could not be read: .*\) at step 1 \(10 %\): the canary was rolled back$/,
  );
  expect(canaryShare()).toBe(0);
  expect([outputs['stable-weight'], outputs['canary-weight']]).toEqual(['100', '0']);
  expect(summary.split('\n')[0]).toBe('## Canary rolled back: alarm color-5xx fired at step 1 of 2 (10 %)');
});

test('a step that cannot be read stops the walk with a summary and outputs of where it stands', async () => {
  const { error, outputs, summary } = await walkWith({ operation: 'DescribeRoute', error: 'AccessDeniedException' });
  expect(error).toMatch(/^The walk stopped at 10 %: App Mesh DescribeRoute: /);
  expect(canaryShare()).toBeCloseTo(0.1, 1);
  expect([outputs['stable-weight'], outputs['canary-weight']]).toEqual(['90', '10']);
  expect(summary.split('\n')[0]).toBe('## Canary walk stopped at 10 %: nothing more was changed');
  expect(summary).toContain('The walk stopped at 10 %: App Mesh DescribeRoute: ');
});
