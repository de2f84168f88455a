// Runs the action in this process — main.ts's run(), the same entry dist/index.js calls — with the runner's
// environment (INPUT_<NAME>, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), and answers as runAction does for dist/index.js in a
// subprocess. For suites that run the action hundreds of times (the fault drills), where a Node start and a bundle
// load per run would dominate; the e2e suites keep running the bundle itself.
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readOutputs } from '../../emulator/outputs.js';
import { type ActionRun, errorLines, inputEnv, ROOT } from '../../emulator/runAction.js';
import { run } from '../../src/main.js';

// One set of files for the whole process: @actions/core resolves the summary file once and keeps it.
const dir = mkdtempSync(path.join(tmpdir(), 'in-process-'));
const files = { output: path.join(dir, 'output'), summary: path.join(dir, 'summary'), event: path.join(dir, 'event') };

export async function runInProcess(
  inputs: Record<string, string>,
  opts: { env?: Record<string, string> } = {},
): Promise<ActionRun> {
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, '{}');
  const saved = process.env;
  process.env = {
    PATH: saved.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ROOT,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'octo-org/color-app',
    GITHUB_RUN_ID: '1',
    ...inputEnv(inputs),
    ...opts.env,
  };
  let stdout = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const started = Date.now();
  try {
    // Polls (rollouts, target health) wait at most 25 ms: the emulator's rollouts take 100 ms, not minutes.
    await run({ sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 25))) });
  } finally {
    write.mockRestore();
    process.env = saved;
  }
  const status = process.exitCode === 1 ? 1 : 0;
  process.exitCode = undefined;
  return {
    status,
    stdout,
    stderr: '',
    outputs: readOutputs(files.output),
    summary: readFileSync(files.summary, 'utf8'),
    errors: errorLines(stdout),
    ms: Date.now() - started,
  };
}
