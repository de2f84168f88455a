// Planning depends on routing only through the TrafficRouter interface: a router that is not App Mesh plugs in.
import type { Service } from '@aws-sdk/client-ecs';
import { buildPlan } from '../../src/plan/index.js';
import type { Change } from '../../src/plan/types.js';
import type { Weights } from '../../src/plan/weights.js';
import type { ListenerHint, TrafficRouter, TrafficState } from '../../src/traffic/router.js';
import { mockSettings } from '../support/mockWorld.js';

/** A router over some other service (say VPC Lattice target-group weights), as plain data. */
class FakeLatticeRouter implements TrafficRouter {
  readonly name = 'fake lattice';
  readonly asked: string[] = [];
  async read(): Promise<TrafficState> {
    return { weights: { stable: 80, canary: 20 }, routeId: 'arn:aws:vpc-lattice:listener/rule/1' };
  }
  planWeights(state: TrafficState, target: Weights, listener?: ListenerHint): Change[] {
    this.asked.push(`weights ${state.weights?.canary} → ${target.canary}${listener ? ` on ${listener.protocol}:${listener.port}` : ''}`);
    return [{ kind: 'route', resource: 'listener rule 1', action: 'update', after: `canary ${target.canary}`, traffic: true, run: async () => {} }];
  }
  planEntryPoint(): Change[] {
    this.asked.push('entry point');
    return [];
  }
}

const healthyCanary: Service = {
  serviceName: 'color-canary',
  taskDefinition: 'arn:aws:ecs:us-east-1:111122223333:task-definition/color-canary:3',
  desiredCount: 1,
  runningCount: 1,
  deployments: [{ id: 'd', status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 1, desiredCount: 1 }],
};

test('shift plans its weight change through whatever router it is given', async () => {
  const router = new FakeLatticeRouter();
  const plan = buildPlan(mockSettings({ operation: 'shift', 'canary-weight': '60' }), { operation: 'shift', canaryService: healthyCanary, traffic: await router.read() }, router);
  expect(router.asked).toEqual(['weights 20 → 60']);
  expect(plan.changes.map((c) => c.resource)).toEqual(['listener rule 1']);
  expect(plan.weights).toEqual({ before: { stable: 80, canary: 20 }, after: { stable: 40, canary: 60 } });
  expect(plan.routeArn).toBe('arn:aws:vpc-lattice:listener/rule/1');
});

test('rollback sends weight back to stable through the router, then scales the canary to 0', async () => {
  const router = new FakeLatticeRouter();
  const plan = buildPlan(mockSettings({ operation: 'rollback', 'canary-weight': '' }), { operation: 'rollback', canaryService: healthyCanary, traffic: await router.read() }, router);
  expect(router.asked).toEqual(['weights 20 → 0']);
  expect(plan.changes.map((c) => `${c.action} ${c.resource}`)).toEqual(['update listener rule 1', 'scale ECS service color-canary']);
});
