import type { Deployment } from '@aws-sdk/client-ecs';
import { pollDelayMs, rolloutComplete } from '../../src/aws/ecsServices.js';

test.each([
  [0, 1000],
  [5_000, 1000],
  [20_000, 2000],
  [45_000, 4500],
  [600_000, 5000],
])('after %i ms of waiting the next poll comes in %i ms', (elapsed, delay) => expect(pollDelayMs(elapsed)).toBe(delay));

test.each<[string, Deployment[], boolean]>([
  ['COMPLETED, all running', [{ status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 2, desiredCount: 2 }], true],
  ['COMPLETED, one short', [{ status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 1, desiredCount: 2 }], false],
  ['IN_PROGRESS', [{ status: 'PRIMARY', rolloutState: 'IN_PROGRESS', runningCount: 2, desiredCount: 2 }], false],
  ['no rolloutState, one deployment', [{ status: 'PRIMARY', runningCount: 1, desiredCount: 1 }], true],
  ['no rolloutState, two deployments', [{ status: 'PRIMARY', runningCount: 1, desiredCount: 1 }, { status: 'ACTIVE' }], false],
  ['no PRIMARY', [{ status: 'ACTIVE', rolloutState: 'COMPLETED', runningCount: 1, desiredCount: 1 }], false],
])('rolloutComplete: %s', (_n, deployments, expected) => expect(rolloutComplete({ deployments })).toBe(expected));
