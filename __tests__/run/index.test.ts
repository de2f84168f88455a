// Every way a run ends writes a report: here, an error before any phase (no AWS region), which no phase expects.
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleInputs } from '../../emulator/fixture.js';
import { errorMessage } from '../../src/errors.js';
import { readSettings } from '../../src/inputs.js';
import { execute } from '../../src/run/index.js';

const summary = path.join(mkdtempSync(path.join(tmpdir(), 'run-')), 'summary.md');
const savedEnv = { ...process.env };
beforeEach(() => jest.spyOn(process.stdout, 'write').mockImplementation(() => true));
afterEach(() => {
  jest.restoreAllMocks();
  process.env = savedEnv;
});

test('an error before any phase still writes the summary, once', async () => {
  writeFileSync(summary, '');
  process.env = { ...savedEnv, GITHUB_STEP_SUMMARY: summary };
  delete process.env.AWS_REGION;
  delete process.env.AWS_DEFAULT_REGION;
  const inputs = sampleInputs({ operation: 'shift', 'canary-weight': '10', 'pr-comment': 'false' });
  const error = await execute(readSettings((n) => inputs[n] ?? '')).then(
    () => '',
    (err) => errorMessage(err),
  );
  expect(error).toMatch(/^No AWS region/);
  const text = readFileSync(summary, 'utf8');
  expect(text.split('\n')[0]).toBe('## Canary shift stopped before any change');
  expect(text.match(/## Canary/g)).toHaveLength(1);
  expect(text).toContain('No AWS region: set AWS_REGION');
});
