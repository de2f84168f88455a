// The ECS changes as data: register (unless reused), create or update the service, wait for its rollout, scale to 0.
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import {
  checkBeforeTraffic,
  planRollout,
  primaryDeployment,
  rolloutComplete,
  scaleToZero,
  type RolloutSpec,
} from '../../src/plan/ecs.js';
import type { TaskDefinitionInput } from '../../src/plan/taskDefinition.js';
import { ECS_KINDS } from '../../src/plan/types.js';
import type { Change } from '../../src/model.js';

const TD = 'arn:aws:ecs:us-east-1:111122223333:task-definition/color-canary';
const definition: TaskDefinitionInput = {
  family: 'color-canary',
  containerDefinitions: [{ name: 'app', image: 'colorapp:blue' }],
};

function service(
  taskDefinition: string,
  desired = 1,
  rolloutState: Deployment['rolloutState'] = 'COMPLETED',
  running = desired,
): Service {
  return {
    serviceName: 'color-canary',
    taskDefinition,
    desiredCount: desired,
    deployments: [{ id: 'ecs-svc/7', status: 'PRIMARY', rolloutState, desiredCount: desired, runningCount: running }],
  };
}

const spec = (over: Partial<RolloutSpec>): RolloutSpec => ({
  cluster: 'howto',
  serviceName: 'color-canary',
  desiredCount: 1,
  wait: true,
  waitForMinutes: 30,
  ...over,
});
const lines = (changes: { kind: string; action: string; before?: string; after: string }[]) =>
  changes.map((c) => `${c.kind} ${c.action}: ${c.before ? `${c.before} → ` : ''}${c.after}`);

describe('planRollout', () => {
  test('a new service: register, create with the registered ARN by ref, wait for the deployment create produces', () => {
    const create = { cluster: 'howto', serviceName: 'color-canary', desiredCount: 1 };
    const rollout = planRollout(spec({ definition, create, clonedFrom: 'color' }));
    expect(rollout.serviceChanges).toBe(true);
    expect(lines(rollout.changes)).toEqual([
      `${ECS_KINDS.register} register: new revision: app=colorapp:blue`,
      `${ECS_KINDS.create} create: 1 task(s), cloned from color`,
      `${ECS_KINDS.wait} wait: rollout COMPLETED with 1 task(s) running (at most 30 min)`,
    ]);
    expect(rollout.changes[0]).toMatchObject({
      resource: { type: 'task definition', name: 'color-canary' },
      request: definition,
      moves: 'none',
    });
    expect(rollout.changes[1]).toMatchObject({
      request: { ...create, taskDefinition: { $ref: 'taskDefinitionArn' } },
      moves: 'capacity',
    });
    expect(rollout.changes[2].request).toEqual({
      cluster: 'howto',
      service: 'color-canary',
      deploymentId: { $ref: 'deployment:color-canary' },
      timeoutMinutes: 30,
      taskDefinition: { $ref: 'taskDefinitionArn' },
      desiredCount: 1,
    });
  });

  test('an existing service with a new revision: update, saying how to go back', () => {
    const rollout = planRollout(spec({ definition, service: service(`${TD}:3`) }));
    expect(lines(rollout.changes)).toEqual([
      `${ECS_KINDS.register} register: new revision: app=colorapp:blue`,
      `${ECS_KINDS.update} update: color-canary:3 × 1 → the new revision × 1`,
      `${ECS_KINDS.wait} wait: rollout COMPLETED with 1 task(s) running (at most 30 min)`,
    ]);
    expect(rollout.changes[1].request).toEqual({
      cluster: 'howto',
      service: 'color-canary',
      taskDefinition: { $ref: 'taskDefinitionArn' },
      desiredCount: 1,
      ifTaskDefinition: `${TD}:3`,
    });
    expect(rollout.changes[2].request).toMatchObject({ previousTaskDefinition: `${TD}:3` });
    expect(rollout.changes[1].leftBehind).toBe(
      `ECS service color-canary now deploys the new revision (it ran color-canary:3; to go back: aws ecs update-service --cluster howto --service color-canary --task-definition ${TD}:3)`,
    );
  });

  test('a reused revision is named by its ARN, with no registration', () => {
    const rollout = planRollout(spec({ reusedArn: `${TD}:4`, service: service(`${TD}:3`), desiredCount: 2 }));
    expect(lines(rollout.changes)).toEqual([
      `${ECS_KINDS.update} update: color-canary:3 × 1 → color-canary:4 × 2`,
      `${ECS_KINDS.wait} wait: rollout COMPLETED with 2 task(s) running (at most 30 min)`,
    ]);
    expect(rollout.changes[0].request).toMatchObject({ taskDefinition: `${TD}:4`, desiredCount: 2 });
  });

  test('a service already running the reused revision at the desired count changes nothing', () => {
    const rollout = planRollout(spec({ reusedArn: `${TD}:4`, service: service(`${TD}:4`) }));
    expect(rollout).toEqual({ changes: [], serviceChanges: false });
  });

  test('a rollout still in progress is waited for by its own deployment ID', () => {
    const rollout = planRollout(spec({ reusedArn: `${TD}:4`, service: service(`${TD}:4`, 1, 'IN_PROGRESS', 0) }));
    expect(rollout.serviceChanges).toBe(false);
    expect(rollout.changes.map((c) => c.kind)).toEqual([ECS_KINDS.wait]);
    expect(rollout.changes[0].request).toMatchObject({ deploymentId: 'ecs-svc/7' });
  });

  test('without wait-for-service-stability there is no wait', () => {
    const rollout = planRollout(spec({ definition, service: service(`${TD}:3`), wait: false }));
    expect(rollout.changes.map((c) => c.kind)).toEqual([ECS_KINDS.register, ECS_KINDS.update]);
  });
});

describe('checkBeforeTraffic', () => {
  const rollout = planRollout(spec({ definition, service: service(`${TD}:3`) })).changes;
  const step = (kind: string, moves: Change['moves'], action: Change['action'] = 'update'): Change => ({
    kind,
    resource: { type: 'split', name: kind },
    action,
    after: kind,
    request: {},
    moves,
  });
  const kinds = (changes: Change[]) => changes.map((c) => c.kind);

  test("goes right before the first traffic change after the last wait, with the wait's revision and count", () => {
    const changes = [
      step('drain', 'traffic'),
      ...rollout,
      step('join at 0', 'traffic'),
      step('targets healthy', 'none', 'wait'),
      step('weights', 'traffic'),
      step('entry', 'traffic'),
    ];
    const checked = checkBeforeTraffic(changes, 'howto', 'color-canary');
    expect(kinds(checked)).toEqual([
      'drain',
      ECS_KINDS.register,
      ECS_KINDS.update,
      ECS_KINDS.wait,
      'join at 0',
      'targets healthy',
      ECS_KINDS.check,
      'weights',
      'entry',
    ]);
    expect(checked[6].request).toEqual({
      cluster: 'howto',
      service: 'color-canary',
      taskDefinition: { $ref: 'taskDefinitionArn' },
      desiredCount: 1,
    });
  });

  test.each([
    ['no rollout wait (wait-for-service-stability off, or nothing to roll out)', [step('weights', 'traffic')]],
    ['no traffic change after the wait (a dark launch without preview)', [...rollout, step('route', 'none')]],
  ])('adds nothing with %s', (_name, changes) => {
    expect(checkBeforeTraffic(changes, 'howto', 'color-canary')).toEqual(changes);
  });
});

describe('scaleToZero', () => {
  test('scales a running canary to 0 and says what it leaves', () => {
    const [change] = scaleToZero('howto', service(`${TD}:4`, 2), 'the service and its endpoint');
    expect(change).toEqual({
      kind: ECS_KINDS.update,
      resource: { type: 'ECS service', name: 'color-canary' },
      action: 'scale',
      before: '2 task(s)',
      after: '0 tasks (the service and its endpoint stay for the next canary)',
      request: { cluster: 'howto', service: 'color-canary', desiredCount: 0, ifTaskDefinition: `${TD}:4` },
      moves: 'capacity',
      leftBehind: 'ECS service color-canary scaled to 0 (it had 2)',
    });
  });

  test.each([
    ['no service', undefined],
    ['a service already at 0', service(`${TD}:4`, 0)],
  ])('plans nothing for %s', (_name, s) => expect(scaleToZero('howto', s, 'x')).toEqual([]));
});

test.each<[string, Deployment[], boolean]>([
  [
    'COMPLETED, all running',
    [{ status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 2, desiredCount: 2 }],
    true,
  ],
  ['COMPLETED, one short', [{ status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 1, desiredCount: 2 }], false],
  ['IN_PROGRESS', [{ status: 'PRIMARY', rolloutState: 'IN_PROGRESS', runningCount: 2, desiredCount: 2 }], false],
  ['no rolloutState, one deployment', [{ status: 'PRIMARY', runningCount: 1, desiredCount: 1 }], true],
  [
    'no rolloutState, two deployments',
    [{ status: 'PRIMARY', runningCount: 1, desiredCount: 1 }, { status: 'ACTIVE' }],
    false,
  ],
  ['no PRIMARY', [{ status: 'ACTIVE', rolloutState: 'COMPLETED', runningCount: 1, desiredCount: 1 }], false],
])('rolloutComplete: %s', (_n, deployments, expected) => expect(rolloutComplete({ deployments })).toBe(expected));

test('primaryDeployment', () => {
  expect(primaryDeployment(service(`${TD}:4`))?.id).toBe('ecs-svc/7');
  expect(primaryDeployment(undefined)).toBeUndefined();
});
