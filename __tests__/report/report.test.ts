// What a user sees, from a RunRecord (settings, plan, journal, the provider's view): outputs, the job summary, the
// pull-request comment and the summary of a run that stopped before any change. Pure; no AWS.
import type { JournalEntry } from '../../src/apply.js';
import { providerContext, readSettings, type Settings } from '../../src/inputs.js';
import type { Plan } from '../../src/plan/types.js';
import type { Change, Outcome } from '../../src/model.js';
import type { FailureReport } from '../../src/render.js';
import { commentMarkdown, stoppedMarkdown, summaryMarkdown } from '../../src/report/markdown.js';
import { outputsOf, planJson } from '../../src/report/outputs.js';
import { type RunRecord, weightsNow } from '../../src/run/record.js';
import type { AppMeshApi } from '../../src/traffic/appMesh/api.js';
import { AppMeshProvider } from '../../src/traffic/appMesh/index.js';
import type { AppMeshSettings } from '../../src/traffic/appMesh/settings.js';
import type { LatticeApi } from '../../src/traffic/vpcLattice/api.js';
import { LatticeProvider } from '../../src/traffic/vpcLattice/index.js';
import type { LatticeSettings } from '../../src/traffic/vpcLattice/settings.js';

const REGION = 'ap-northeast-1';
const CONSOLE = `https://${REGION}.console.aws.amazon.com`;
const TD_ARN = 'arn:aws:ecs:ap-northeast-1:111122223333:task-definition/howto-ecs-basics-color-canary:4';
const NODE_ARN =
  'arn:aws:appmesh:ap-northeast-1:111122223333:mesh/howto-ecs-basics/virtualNode/howto-ecs-basics-color-v2-node';
const ROUTE_ARN =
  'arn:aws:appmesh:ap-northeast-1:111122223333:mesh/howto-ecs-basics/virtualRouter/color-router/route/color-route';

const INPUTS: Record<string, string> = {
  cluster: 'howto',
  mesh: 'howto-ecs-basics',
  'virtual-router': 'color-router',
  route: 'color-route',
  'virtual-service': 'color.howto-ecs-basics.mesh.local',
  'stable-virtual-node': 'howto-ecs-basics-color-node',
  'canary-virtual-node': 'howto-ecs-basics-color-v2-node',
  'stable-service': 'color',
  'canary-service': 'color-canary',
  image: 'colorapp:blue',
  'canary-weight': '20',
};
const settingsOf = (over: Record<string, string> = {}): Settings =>
  readSettings((n) => ({ ...INPUTS, ...over })[n] ?? '');
const meshView = (s: Settings) =>
  new AppMeshProvider(
    s.traffic as AppMeshSettings,
    { canaryService: s.canary.service, preview: false, deleteCanary: false },
    {} as AppMeshApi,
  ).view(REGION);

const CHANGES = {
  node: {
    kind: 'appmesh.create-virtual-node',
    resource: { type: 'virtual node', name: 'howto-ecs-basics-color-v2-node' },
    action: 'create',
    after: "stable node's spec, Cloud Map filter ECS_SERVICE_NAME=color-canary",
    request: {},
    moves: 'none',
  },
  register: {
    kind: 'ecs.register-task-definition',
    resource: { type: 'task definition', name: 'howto-ecs-basics-color-canary' },
    action: 'register',
    after: 'new revision: app=colorapp:blue',
    request: {
      family: 'howto-ecs-basics-color-canary',
      containerDefinitions: [
        { name: 'app', image: 'colorapp:blue', environment: [{ name: 'DB_PASSWORD', value: 'hunter2' }] },
      ],
    },
    moves: 'none',
  },
  service: {
    kind: 'ecs.create-service',
    resource: { type: 'ECS service', name: 'color-canary' },
    action: 'create',
    after: '1 task(s), cloned from color',
    request: {},
    moves: 'capacity',
  },
  route: {
    kind: 'appmesh.set-route-weights',
    resource: { type: 'route', name: 'color-route' },
    action: 'update',
    before: 'stable 100 / canary 0',
    after: 'stable 80 / canary 20',
    request: {},
    moves: 'traffic',
  },
} satisfies Record<string, Change>;

function deployPlan(): Plan {
  return {
    operation: 'deploy',
    provider: 'App Mesh',
    changes: [CHANGES.node, CHANGES.register, CHANGES.service, CHANGES.route],
    weights: { before: { stable: 100, canary: 0 }, after: { stable: 80, canary: 20 } },
    warnings: [],
    known: { routeArn: ROUTE_ARN },
    services: [
      {
        name: 'color',
        role: 'stable',
        taskDefinition: 'arn:aws:ecs:ap-northeast-1:111122223333:task-definition/howto-ecs-basics-color:1',
        running: 3,
        desired: 3,
      },
      { name: 'color-canary', role: 'canary', running: 0, desired: 0 },
    ],
  };
}

function journalOf(plan: Plan, count = 4): JournalEntry[] {
  const outcomes: Outcome[] = [
    { detail: NODE_ARN, produces: { canaryEndpointArn: NODE_ARN } },
    { detail: TD_ARN, produces: { taskDefinitionArn: TD_ARN }, leftBehind: `task definition ${TD_ARN}` },
    {
      detail: 'arn:aws:ecs:ap-northeast-1:111122223333:service/howto/color-canary',
      service: { name: 'color-canary', taskDefinition: TD_ARN, running: 1, desired: 1 },
    },
    { detail: 'version 4', weights: { stable: 80, canary: 20 }, produces: { routeArn: ROUTE_ARN } },
  ];
  return plan.changes.slice(0, count).map((change, i) => ({ change, request: change.request, outcome: outcomes[i] }));
}

function record(over: Partial<RunRecord> = {}): RunRecord {
  const settings = settingsOf();
  const plan = deployPlan();
  return { settings, plan, journal: journalOf(plan), dryRun: false, region: REGION, view: meshView(settings), ...over };
}

/** The run failed at the route write: the service was created and stays, nothing moved. */
function failed(over: Partial<FailureReport> = {}): RunRecord {
  const r = record();
  r.journal = journalOf(r.plan, 3);
  r.failure = {
    failed: r.plan.changes[3],
    reason: 'Route color-route changed while this run was working',
    restored: [],
    kept: [],
    notRestored: [],
    leftBehind: [`task definition ${TD_ARN}`],
    undone: [],
    ...over,
  };
  return r;
}

describe('outputsOf', () => {
  test('a deploy: what its changes produced, and the weights it left', () => {
    expect(outputsOf(record())).toEqual({
      'task-definition-arn': TD_ARN,
      'canary-virtual-node-arn': NODE_ARN,
      'canary-target-group-arn': '',
      'route-arn': ROUTE_ARN,
      'preview-route-arn': '',
      'stable-weight': '80',
      'canary-weight': '20',
      'previous-canary-weight': '0',
      plan: planJson(deployPlan()),
    });
  });

  test('the plan output is the plan with environment values redacted', () => {
    const plan = JSON.parse(outputsOf(record()).plan) as Plan;
    expect(plan.changes.map((c) => c.kind)).toEqual(deployPlan().changes.map((c) => c.kind));
    expect(plan.changes[1].request).toEqual({
      family: 'howto-ecs-basics-color-canary',
      containerDefinitions: [
        { name: 'app', image: 'colorapp:blue', environment: [{ name: 'DB_PASSWORD', value: '***' }] },
      ],
    });
    expect(outputsOf(record()).plan).not.toContain('hunter2');
  });

  test('a dry run: what was known before, and the planned weights', () => {
    const out = outputsOf(record({ journal: [], dryRun: true }));
    expect(out).toMatchObject({
      'task-definition-arn': '',
      'canary-virtual-node-arn': '',
      'route-arn': ROUTE_ARN,
      'stable-weight': '80',
      'canary-weight': '20',
    });
  });

  test('no route before the run: previous-canary-weight is empty', () => {
    const plan = { ...deployPlan(), weights: { after: { stable: 80, canary: 20 } } };
    expect(outputsOf(record({ plan }))['previous-canary-weight']).toBe('');
  });

  test('with VPC Lattice the endpoint goes to canary-target-group-arn', () => {
    const settings = readSettings(
      (n) =>
        ({
          ...INPUTS,
          'traffic-provider': 'vpc-lattice',
          'lattice-service': 'color',
          mesh: '',
          'virtual-router': '',
          route: '',
          'virtual-service': '',
          'stable-virtual-node': '',
          'canary-virtual-node': '',
        })[n] ?? '',
    );
    const view = new LatticeProvider(
      settings.traffic as LatticeSettings,
      providerContext(settings),
      {} as LatticeApi,
    ).view(REGION);
    const out = outputsOf(record({ settings, view }));
    expect(out['canary-target-group-arn']).toBe(NODE_ARN);
    expect(out['canary-virtual-node-arn']).toBe('');
    expect(summaryMarkdown(record({ settings, view }))).toContain(
      '| target group | role | weight before | weight now |',
    );
  });
});

describe('weightsNow after a failure', () => {
  test('counts the writes and the undos', () => {
    const r = failed();
    r.journal = journalOf(r.plan, 4);
    expect(weightsNow(r)).toEqual({ stable: 80, canary: 20 });
    r.failure!.undone = [{ weights: { stable: 100, canary: 0 } }];
    expect(weightsNow(r)).toEqual({ stable: 100, canary: 0 });
  });

  test('is the weights before when nothing moved, and the outputs say so', () => {
    expect(weightsNow(failed())).toEqual({ stable: 100, canary: 0 });
    expect(outputsOf(failed())).toMatchObject({ 'stable-weight': '100', 'canary-weight': '0' });
  });
});

describe('summaryMarkdown', () => {
  test('a deploy: headline, weights, task definition, services, changes with links and results, pie', () => {
    const md = summaryMarkdown(record());
    const mesh = `${CONSOLE}/appmesh/meshes/howto-ecs-basics`;
    expect(md).toContain('## Canary deploy: 20 % of traffic to howto-ecs-basics-color-v2-node\n');
    expect(md).toContain(
      `| [howto-ecs-basics-color-node](${mesh}/virtual-nodes/howto-ecs-basics-color-node?region=${REGION}) | stable | 100 % | 80 % |`,
    );
    expect(md).toContain('| canary | 0 % | 20 % |');
    expect(md).toContain(
      `Task definition: [howto-ecs-basics-color-canary:4](${CONSOLE}/ecs/v2/task-definitions/howto-ecs-basics-color-canary/4/containers?region=${REGION})`,
    );
    expect(md).toContain(
      `| [color-canary](${CONSOLE}/ecs/v2/clusters/howto/services/color-canary/health?region=${REGION}) | canary | howto-ecs-basics-color-canary:4 | 1 / 1 |`,
    );
    expect(md).toContain('| [color](');
    expect(md).toContain(
      '| register | task definition howto-ecs-basics-color-canary | new revision: app=colorapp:blue | ✅ `howto-ecs-basics-color-canary:4` |',
    );
    expect(md).toContain(
      `| update | [route color-route](${mesh}/virtual-routers/color-router/routes/color-route?region=${REGION}) | stable 100 / canary 0 → stable 80 / canary 20 | ✅ \`version 4\` |`,
    );
    expect(md).toContain(
      '```mermaid\npie showData title Traffic of color.howto-ecs-basics.mesh.local\n  "howto-ecs-basics-color-node (stable)" : 80\n  "howto-ecs-basics-color-v2-node (canary)" : 20\n```',
    );
  });

  test("an update's deployment detail is shown whole, not cut at the slash of its deployment ID", () => {
    // ecsExecutors reports an update as `deployment <id> of <family:revision>`; ECS deployment IDs are `ecs-svc/<n>`.
    const r = record();
    r.journal[2].outcome = {
      ...r.journal[2].outcome,
      detail: 'deployment ecs-svc/4771942358 of howto-ecs-basics-color-canary:4',
    };
    expect(summaryMarkdown(r)).toContain('| ✅ `deployment ecs-svc/4771942358 of howto-ecs-basics-color-canary:4` |');
  });

  test('a dry run says nothing was changed and shows what is planned', () => {
    const md = summaryMarkdown(record({ journal: [], dryRun: true }));
    expect(md).toContain('## Canary deploy plan (dry run: nothing was changed)');
    expect(md).toContain('| virtual node | role | weight before | planned |');
    expect(md).toContain('| planned change | resource | before → after | result |');
    expect(md.match(/^\| (create|register|update) .*\| planned \|$/gm)).toHaveLength(4);
    expect(md).toContain('pie showData title Traffic of color.howto-ecs-basics.mesh.local (planned)');
  });

  test('nothing to change says so', () => {
    expect(summaryMarkdown(record({ plan: { ...deployPlan(), changes: [] }, journal: [] }))).toContain(
      'Nothing to change: App Mesh and the services already match the inputs.',
    );
  });

  test('a failure: what failed, what did not run, what happened, and no pie', () => {
    const md = summaryMarkdown(failed({ restored: ['virtual service v provider back to virtual node n'] }));
    expect(md).toContain('## Canary deploy failed');
    expect(md).toMatch(/\| update \| \[route color-route\]\(.*\) \| .* \| ❌ failed \|/);
    expect(md).toContain('| create | [ECS service color-canary](');
    expect(md).toContain(
      '### What happened\n\n**update route color-route failed: Route color-route changed while this run was working**',
    );
    expect(md).toContain('Traffic restored: virtual service v provider back to virtual node n.');
    expect(md).toContain(`Left behind: task definition ${TD_ARN}.`);
    expect(md).toContain('| canary | 0 % | 0 % |');
    expect(md).not.toContain('mermaid');
  });

  test('a change after the failed one did not run', () => {
    const r = failed();
    r.journal = journalOf(r.plan, 1);
    r.failure!.failed = r.plan.changes[1];
    expect(summaryMarkdown(r)).toMatch(/\| create \| \[ECS service color-canary\]\(.*\) \| .* \| not run \|/);
  });

  test('warnings become GitHub alerts', () => {
    const plan = { ...deployPlan(), warnings: ['The task definition has no taskRoleArn'] };
    expect(summaryMarkdown(record({ plan }))).toContain('\n> [!WARNING]\n> The task definition has no taskRoleArn');
  });
});

describe('commentMarkdown', () => {
  test('the short form, with a link to the run', () => {
    const md = commentMarkdown(record(), 'https://github.com/o/r/actions/runs/1');
    expect(md).toBe(
      [
        '### 🐤 Canary deploy: 20 % of traffic to howto-ecs-basics-color-v2-node',
        '',
        '**Traffic:** howto-ecs-basics-color-node 80 % · howto-ecs-basics-color-v2-node 20 % (canary was 0 %)',
        '**Task definition:** `howto-ecs-basics-color-canary:4`',
        '**Services (running/desired):** color 3/3 · color-canary 1/1',
        '',
        '[Run details](https://github.com/o/r/actions/runs/1)',
        '',
      ].join('\n'),
    );
  });

  test('a failure quotes the reason and what was restored or kept, not what was left behind', () => {
    const md = commentMarkdown(failed({ kept: ['route r stays at stable 100 / canary 0 (why)'] }), undefined);
    expect(md).toContain('### ❌ Canary deploy failed');
    expect(md).toContain(
      '> update route color-route failed: Route color-route changed while this run was working\n> Kept on purpose: route r stays at stable 100 / canary 0 (why).',
    );
    expect(md).not.toContain('Left behind');
    expect(md).not.toContain('Run details');
  });
});

test('stoppedMarkdown: the reason, one paragraph per line, and that nothing changed', () => {
  const md = stoppedMarkdown(
    settingsOf(),
    "Traffic isolation: node <x> also selects the canary\nFix the filter (input 'stable-virtual-node')",
  );
  expect(md).toBe(
    "## Canary deploy stopped before any change\n\nTraffic isolation: node &lt;x&gt; also selects the canary\n\nFix the filter (input 'stable-virtual-node')\n\nNothing was changed in ECS or the traffic layer.\n",
  );
});

describe('hostile values render inert', () => {
  const HOSTILE = 'x <!-- hide --> <img src=x onerror=alert(1)> | @octo-org/admins\n## Fake heading\u202e';
  function hostileRecord(): RunRecord {
    const r = failed({ reason: HOSTILE, restored: [HOSTILE], leftBehind: [HOSTILE] });
    r.plan.warnings = [HOSTILE];
    r.plan.changes[2] = { ...r.plan.changes[2], after: HOSTILE };
    r.journal = journalOf(r.plan, 3);
    r.journal[1].outcome = { ...r.journal[1].outcome, detail: 'arn:x/`code` <b>' };
    r.failure!.failed = r.plan.changes[3];
    return r;
  }
  const unescapedPipes = (line: string) => (line.match(/(?<!\\)\|/g) ?? []).length;

  test.each<[string, (r: RunRecord) => string]>([
    ['summary', summaryMarkdown],
    ['comment', (r) => commentMarkdown(r, undefined)],
    ['stopped summary', (r) => stoppedMarkdown(r.settings, HOSTILE)],
  ])('%s: no tag, comment, mention or bidi control gets through', (_name, render) => {
    const md = render(hostileRecord());
    expect(md).toContain('&lt;!-- hide --&gt;');
    // Inside a code span `<` is literal text; anywhere else it must be escaped.
    expect(md.replace(/`[^`\n]*`/g, '')).not.toContain('<');
    expect(md).not.toMatch(/@(?!\u200b)/);
    expect(md).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  test.each<[string, (r: RunRecord) => string]>([
    ['summary', summaryMarkdown],
    ['comment', (r) => commentMarkdown(r, undefined)],
  ])('%s: a value stays on its line, so it cannot start a heading', (_name, render) => {
    expect(render(hostileRecord())).not.toMatch(/^## Fake heading/m);
  });

  test('summary: a carriage return in a value does not end its table row either', () => {
    const r = record();
    r.plan.changes[2] = { ...r.plan.changes[2], after: '1 task(s)\r## Fake heading' };
    r.journal = journalOf(r.plan);
    const row = summaryMarkdown(r)
      .split('\n')
      .find((l) => l.startsWith('| create | [ECS service'))!;
    expect(row).not.toMatch(/\r/);
  });

  test('summary: every table row keeps its columns', () => {
    const md = summaryMarkdown(hostileRecord());
    const rows = md.split('\n').filter((l) => l.startsWith('| create | [ECS service'));
    expect(rows).toHaveLength(1);
    expect(unescapedPipes(rows[0])).toBe(5);
    // A detail is shown in a code span its backticks cannot close.
    expect(md).toContain("| ✅ `arn:x/'code' <b>` |");
  });
});

describe('what a report says after promote and delete-canary', () => {
  test('a walk that auto-promoted is titled as promoted, not with the 0 % it ended at', () => {
    const r = record({
      progress: {
        steps: [10, 50],
        outcome: 'promoted',
        timeline: [
          { step: 1, weight: 10, startedAt: new Date(0), bakedMs: 1000, alarms: [] },
          { step: 2, weight: 50, startedAt: new Date(0), bakedMs: 1000, alarms: [] },
        ],
      },
    });
    r.plan.weights.after = { stable: 100, canary: 0 };
    expect(summaryMarkdown(r).split('\n')[0]).toBe(
      '## Canary promoted after 10 % → 50 %: color runs the new version, all traffic on howto-ecs-basics-color-node',
    );
  });

  test('rollback with delete-canary: the deleted endpoint is no output', () => {
    const remove: Change = {
      kind: 'appmesh.delete-virtual-node',
      resource: { type: 'virtual node', name: 'howto-ecs-basics-color-v2-node' },
      action: 'delete',
      after: 'deleted',
      request: {},
      moves: 'none',
    };
    const r = record();
    r.plan = { ...r.plan, operation: 'rollback', changes: [remove], known: { canaryEndpointArn: NODE_ARN } };
    r.journal = [{ change: remove, request: {}, outcome: { detail: 'deleted' } }];
    expect(outputsOf(r)['canary-virtual-node-arn']).toBe('');
    r.journal = [];
    expect(outputsOf(r)['canary-virtual-node-arn']).toBe(NODE_ARN);
  });
});

test('a traffic write sent but not read back leaves the weights unknown: no weight output, not the one written', () => {
  const r = failed();
  r.journal = journalOf(r.plan, 4);
  r.journal[3].outcome = { ...r.journal[3].outcome, unconfirmed: 'sent, not read back' };
  expect(weightsNow(r)).toBeUndefined();
  expect([outputsOf(r)['stable-weight'], outputsOf(r)['canary-weight']]).toEqual(['', '']);
  r.failure!.undone = [{ weights: { stable: 100, canary: 0 } }];
  expect(weightsNow(r)).toEqual({ stable: 100, canary: 0 });
  // A step sent and not seen through reports no weights of its own: the weights before it are unknown as well.
  r.failure!.undone = [];
  r.journal[3].outcome = { detail: 'continued', unconfirmed: 'sent, not seen through' };
  expect(weightsNow(r)).toBeUndefined();
});
