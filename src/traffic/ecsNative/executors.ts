// Executors of the ECS-native change kinds. Each one reads the deployment again right before acting and refuses when
// it is not where the plan left it; a continue acts only on a deployment paused at exactly the weight planned, with
// the new revision's tasks all running, and then waits for the next pause at exactly the weight planned. Weight
// reported is the weight ECS answers (requestedProductionTrafficWeight). A deployment ECS rolled back (an alarm, the
// hook's timeout, tasks that do not start) stops the run with ECS's reason and the weight it left.
import * as core from '@actions/core';
import type { DeploymentConfiguration, ECSClient } from '@aws-sdk/client-ecs';
import { describeServices, updateService } from '../../aws/ecsServices.js';
import { CONSISTENCY_WINDOW_MS, isRetryable, pollDelayMs } from '../../aws/poll.js';
import { ConcurrentModificationError, errorMessage } from '../../errors.js';
import { type Executor, type ExecutorContext, executor } from '../../executor.js';
import { type Outcome, REFS, type Undo } from '../../model.js';
import { shortTaskDefinition } from '../../plan/taskDefinition.js';
import { weightsFor } from '../../plan/weights.js';
import type { EcsNativeApi } from './api.js';
import { viewOf } from './read.js';
import { DEPLOYMENT_ARN, type DeploymentView, isOurHook, NATIVE_KINDS as K, UNDER_WAY } from './state.js';

interface StartRequest {
  cluster: string;
  service: string;
  taskDefinition: string;
  deploymentConfiguration: DeploymentConfiguration;
  serviceConnectConfiguration?: unknown;
  /** The revision the service ran when the plan read it: the start is refused if it runs another one by now. */
  ifTaskDefinition?: string;
}

interface DeploymentRequest {
  deploymentArn: string;
  taskDefinition: string;
  timeoutMinutes: number;
}

interface WaitRequest extends DeploymentRequest {
  weight: number;
}

interface ContinueRequest extends DeploymentRequest {
  from: number;
  to: number;
}

/** ECS ended or rolled back the deployment on its own: what it says, and the weight it left. */
function endedByEcs(d: DeploymentView, doing: string): ConcurrentModificationError {
  const alarms = d.triggeredAlarms.length ? ` (alarm ${d.triggeredAlarms.join(', ')})` : '';
  const why = d.rollbackReason ?? d.statusReason ?? 'no reason given';
  return new ConcurrentModificationError(
    `ECS ${d.status.startsWith('ROLLBACK') ? 'rolled back' : 'ended'} service deployment ${d.arn} while this run was ${doing}: ${d.status}${alarms}: ${why}. The new revision has ${d.target.weight} % of production traffic`,
    { weightsNow: weightsFor(d.target.weight) },
  );
}

const running = (d: DeploymentView) => `${d.target.running}/${d.target.requested} new task(s) running`;

export class NativeExecutors {
  constructor(
    private readonly api: EcsNativeApi,
    private readonly ecs: ECSClient,
  ) {}

  /** The deployment as ECS answers now (its new revision's task definition known from the plan). */
  private async read(arn: string, taskDefinition: string): Promise<DeploymentView | 'retry'> {
    try {
      const d = await this.api.describeDeployment(arn);
      if (!d) throw new Error(`Service deployment ${arn} cannot be described (ECS answers it is MISSING)`);
      return viewOf(d, taskDefinition, true);
    } catch (err) {
      if (isRetryable(err)) return 'retry';
      throw err;
    }
  }

  /**
   * Polls until `done` says the deployment is where it should be; fails when ECS ends or rolls it back, or on timeout.
   */
  private async until(
    r: DeploymentRequest,
    ctx: ExecutorContext,
    doing: string,
    done: (d: DeploymentView) => boolean | Promise<boolean>,
  ): Promise<DeploymentView> {
    const start = Date.now();
    const deadline = start + r.timeoutMinutes * 60_000;
    let last: DeploymentView | undefined;
    for (;;) {
      const d = await this.read(r.deploymentArn, r.taskDefinition);
      if (d !== 'retry') {
        last = d;
        if (await done(d)) return d;
        if (d.status !== 'IN_PROGRESS' && d.status !== 'PENDING') throw endedByEcs(d, doing);
        core.info(
          `${shortTaskDefinition(r.taskDefinition)}: ${d.status}, ${d.target.weight} %, ${running(d)}${d.pause ? ', paused' : ''} (${Math.round((Date.now() - start) / 1000)}s, ${doing})`,
        );
      }
      if (Date.now() >= deadline) {
        const where = last ? `${last.status}, ${last.target.weight} %, ${running(last)}` : 'not readable';
        throw new Error(
          `Service deployment ${r.deploymentArn} was not done ${doing} within ${r.timeoutMinutes} minute(s) (wait-for-minutes): ${where}. Nothing more was continued; rerun to go on`,
        );
      }
      await ctx.sleep(Math.min(pollDelayMs(Date.now() - start), Math.max(0, deadline - Date.now())));
    }
  }

  async start(r: StartRequest, ctx: ExecutorContext): Promise<Outcome> {
    const { ifTaskDefinition, ...input } = r;
    const service = (await describeServices(this.ecs, r.cluster, [r.service])).get(r.service);
    const underWay = await this.api.listDeployments(r.cluster, r.service, UNDER_WAY);
    if (service?.taskDefinition !== ifTaskDefinition || underWay.length > 0) {
      const now = underWay[0]
        ? `deployment ${underWay[0].serviceDeploymentArn} (${underWay[0].status}) started since`
        : `it now runs ${shortTaskDefinition(service?.taskDefinition)}`;
      throw new ConcurrentModificationError(
        `ECS service ${r.service} changed since this run read it: ${now}. Another run or person is deploying it; nothing was written, so their change stands`,
      );
    }
    const updated = await updateService(this.ecs, input as Parameters<typeof updateService>[1]);
    const arn = updated.currentServiceDeployment ?? (await this.findStarted(r, ctx));
    core.info(`Service deployment ${arn} of ${shortTaskDefinition(r.taskDefinition)} started`);
    return {
      detail: `service deployment ${arn}`,
      produces: { [DEPLOYMENT_ARN]: arn, [REFS.routeArn]: arn },
      service: {
        name: r.service,
        taskDefinition: updated.taskDefinition,
        running: updated.runningCount ?? 0,
        desired: updated.desiredCount ?? 0,
      },
      leftBehind: `ECS service ${r.service} deploys ${shortTaskDefinition(r.taskDefinition)} (service deployment ${arn}, ECS's LINEAR strategy, paused; roll back with operation: rollback, or aws ecs stop-service-deployment --stop-type ROLLBACK --service-deployment-arn ${arn})`,
    };
  }

  /** The deployment this run's UpdateService started, when ECS's answer did not name it (reads can lag writes). */
  private async findStarted(r: StartRequest, ctx: ExecutorContext): Promise<string> {
    const start = Date.now();
    for (;;) {
      for (const brief of await this.api.listDeployments(r.cluster, r.service, UNDER_WAY)) {
        const td = await this.api.revisionTaskDefinition(brief.targetServiceRevisionArn ?? '');
        if (td === r.taskDefinition && brief.serviceDeploymentArn) return brief.serviceDeploymentArn;
      }
      if (Date.now() - start >= CONSISTENCY_WINDOW_MS)
        throw new Error(`ECS shows no service deployment of ${shortTaskDefinition(r.taskDefinition)} on ${r.service}`);
      await ctx.sleep(pollDelayMs(Date.now() - start));
    }
  }

  /** Until the deployment is paused at `weight` with the new revision's tasks all running. */
  async waitPaused(r: WaitRequest, ctx: ExecutorContext): Promise<Outcome> {
    const d = await this.until(r, ctx, `pausing at ${r.weight} % with the new revision running`, (d) => {
      if (d.target.weight > r.weight) throw pastWeight(d, r.weight);
      return d.status === 'IN_PROGRESS' && !!d.pause && d.target.weight === r.weight && fullyRunning(d);
    });
    return {
      detail: `paused at ${d.target.weight} %, ${running(d)}`,
      weights: weightsFor(d.target.weight),
      produces: { [REFS.routeArn]: d.arn },
    };
  }

  /** One step: only from a pause at exactly `from`, with the new tasks running; done at the next pause at `to`. */
  async continue(r: ContinueRequest, ctx: ExecutorContext): Promise<Outcome> {
    const now = await this.read(r.deploymentArn, r.taskDefinition);
    if (now === 'retry')
      throw new Error(`ECS answered with a retryable error reading ${r.deploymentArn}: not continued`);
    if (now.status !== 'IN_PROGRESS') throw endedByEcs(now, `about to continue to ${r.to} %`);
    if (!now.pause || now.target.weight !== r.from || !fullyRunning(now)) {
      throw new ConcurrentModificationError(
        `Service deployment ${r.deploymentArn} is not paused at ${r.from} % with its new tasks running (${now.target.weight} %, ${running(now)}${now.pause ? ', paused' : ', not paused'}): another run or person is acting on it. Nothing was continued`,
        { weightsNow: weightsFor(now.target.weight) },
      );
    }
    await this.api.continueDeployment(r.deploymentArn, now.pause.hookId, 'CONTINUE');
    const sent = `Service deployment ${r.deploymentArn} was continued from ${r.from} % toward ${r.to} %`;
    return this.stepped(r, ctx, now.pause.hookId).catch((err) => notSeenThrough(err, sent, rollbackUndo(r)));
  }

  /** A continued step, seen through: the deployment at `to`, paused by the next hook (or at 100 %). */
  private async stepped(r: ContinueRequest, ctx: ExecutorContext, hookId: string): Promise<Outcome> {
    const d = await this.until(r, ctx, `stepping to ${r.to} %`, (d) => {
      if (d.target.weight > r.to) throw pastWeight(d, r.to);
      const reached = d.target.weight === r.to;
      // At 100 % no pause follows: the deployment bakes, cleans up and ends SUCCESSFUL on its own.
      return reached && (r.to === 100 ? true : d.pause !== undefined && d.pause.hookId !== hookId);
    });
    return {
      detail: `${d.target.weight} % on ${shortTaskDefinition(r.taskDefinition)}${r.to < 100 ? ', paused again' : ''}`,
      weights: weightsFor(d.target.weight),
      undo: rollbackUndo(r),
    };
  }

  /** Promote: every pause continued, in turn, until ECS says SUCCESSFUL. */
  async finish(r: DeploymentRequest & { from: number }, ctx: ExecutorContext): Promise<Outcome> {
    let weight = r.from;
    let continued: string | undefined;
    const finished = this.until(r, ctx, 'finishing (every step continued)', async (d) => {
      if (d.status === 'SUCCESSFUL') return true;
      if (d.target.weight < weight) throw endedByEcs(d, 'finishing');
      weight = d.target.weight;
      if (d.pause && d.pause.hookId !== continued && fullyRunning(d)) {
        await this.api.continueDeployment(r.deploymentArn, d.pause.hookId, 'CONTINUE');
        continued = d.pause.hookId;
        core.info(`Continued ${r.deploymentArn} from ${d.target.weight} %`);
      }
      return false;
    });
    try {
      await finished;
    } catch (err) {
      if (continued === undefined) throw err;
      return notSeenThrough(err, `Service deployment ${r.deploymentArn} was continued from ${weight} %`);
    }
    return { detail: 'deployment SUCCESSFUL: the new revision takes all traffic', weights: weightsFor(0) };
  }

  /** Rollback: ROLLBACK through the awaiting hook, else StopServiceDeployment; done at ROLLBACK_SUCCESSFUL. */
  async rollback(r: { deploymentArn: string; timeoutMinutes: number }, ctx: ExecutorContext): Promise<Outcome> {
    const d = await this.api.describeDeployment(r.deploymentArn);
    if (!d) throw new Error(`Service deployment ${r.deploymentArn} cannot be described: not rolled back`);
    const now = viewOf(d, undefined, true);
    if (now.status === 'SUCCESSFUL')
      throw new Error(
        `Service deployment ${r.deploymentArn} ended SUCCESSFUL before this rollback: the new revision stays`,
      );
    if (now.status !== 'IN_PROGRESS' && now.status !== 'PENDING') return this.rolledBack(r, ctx);
    if (now.pause) await this.api.continueDeployment(r.deploymentArn, now.pause.hookId, 'ROLLBACK');
    else await this.api.stopDeployment(r.deploymentArn);
    const sent = `Service deployment ${r.deploymentArn} was sent to ROLLBACK`;
    return this.rolledBack(r, ctx).catch((err) => notSeenThrough(err, sent));
  }

  /** Once the deployment has ended: ROLLBACK_SUCCESSFUL, all traffic on the revision from before. */
  private async rolledBack(r: { deploymentArn: string; timeoutMinutes: number }, ctx: ExecutorContext) {
    const done = await this.untilEnded({ ...r, taskDefinition: '' }, ctx, 'rolling back');
    if (done.status !== 'ROLLBACK_SUCCESSFUL')
      throw new Error(
        `Service deployment ${r.deploymentArn} ended ${done.status} (${done.statusReason ?? 'no reason given'}), not ROLLBACK_SUCCESSFUL: the new revision has ${done.target.weight} %`,
      );
    return { detail: `ROLLBACK_SUCCESSFUL: ${done.rollbackReason ?? 'rolled back'}`, weights: weightsFor(0) };
  }

  /** Until the deployment has ended, whatever the end (rolling back is not an end). */
  private async untilEnded(r: DeploymentRequest, ctx: ExecutorContext, doing: string): Promise<DeploymentView> {
    const start = Date.now();
    const deadline = start + r.timeoutMinutes * 60_000;
    for (;;) {
      const d = await this.read(r.deploymentArn, r.taskDefinition);
      if (d !== 'retry' && !UNDER_WAY.includes(d.status)) return d;
      if (Date.now() >= deadline)
        throw new Error(
          `Service deployment ${r.deploymentArn} did not end ${doing} within ${r.timeoutMinutes} minute(s) (wait-for-minutes)${d === 'retry' ? '' : `: ${d.status}`}`,
        );
      await ctx.sleep(Math.min(pollDelayMs(Date.now() - start), Math.max(0, deadline - Date.now())));
    }
  }

  /** The service's deploymentConfiguration without this action's PAUSE hook, read again now; nothing if it has none. */
  async removeHook(r: { cluster: string; service: string }): Promise<Outcome> {
    const service = (await describeServices(this.ecs, r.cluster, [r.service])).get(r.service);
    const config = service?.deploymentConfiguration;
    if (!config?.lifecycleHooks?.some(isOurHook)) return { detail: 'no PAUSE hook of this action left' };
    const underWay = await this.api.listDeployments(r.cluster, r.service, UNDER_WAY);
    if (underWay.length > 0)
      throw new ConcurrentModificationError(
        `ECS service ${r.service} has a deployment under way again (${underWay[0].serviceDeploymentArn}): its PAUSE hook is left as it is`,
      );
    const lifecycleHooks = config.lifecycleHooks.filter((h) => !isOurHook(h));
    await updateService(this.ecs, {
      cluster: r.cluster,
      service: r.service,
      deploymentConfiguration: { ...config, lifecycleHooks },
    });
    return { detail: `PAUSE hook removed; strategy ${config.strategy} kept` };
  }
}

/**
 * A write ECS accepted whose end this run could not see (a read failed, the wait timed out or went past its weight):
 * unless ECS itself said where the deployment is (it ended or rolled it back), the weight in effect is not confirmed.
 */
function notSeenThrough(err: unknown, sent: string, undo?: Undo): Outcome {
  if (err instanceof ConcurrentModificationError) throw err;
  return {
    ...(undo ? { undo } : {}),
    unconfirmed: `${sent}, but following it failed (${errorMessage(err)}): the weight in effect is not confirmed; check the service deployment before retrying`,
  };
}

/** The deployment is past the weight this step was to stop at: never expected, since every weight is a step. */
function pastWeight(d: DeploymentView, weight: number): Error {
  return new Error(
    `Service deployment ${d.arn} is at ${d.target.weight} %, past the ${weight} % this run asked for: ECS did not pause where this action's hook should have held it. Check its deploymentConfiguration`,
  );
}

const fullyRunning = (d: DeploymentView) => d.target.requested > 0 && d.target.running >= d.target.requested;

/** The undo of a continued step: rolling the deployment back (never run: continued steps stand). */
const rollbackUndo = (r: DeploymentRequest) => ({
  kind: K.rollback,
  request: { deploymentArn: r.deploymentArn, timeoutMinutes: r.timeoutMinutes },
  describe: `service deployment ${r.deploymentArn} rolled back`,
});

export function nativeExecutors(api: EcsNativeApi, ecs: ECSClient): Record<string, Executor> {
  const x = new NativeExecutors(api, ecs);
  return {
    [K.start]: executor((r: StartRequest, ctx) => x.start(r, ctx)),
    [K.waitPaused]: executor((r: WaitRequest, ctx) => x.waitPaused(r, ctx)),
    [K.continue]: executor((r: ContinueRequest, ctx) => x.continue(r, ctx)),
    [K.finish]: executor((r: DeploymentRequest & { from: number }, ctx) => x.finish(r, ctx)),
    [K.rollback]: executor((r: { deploymentArn: string; timeoutMinutes: number }, ctx) => x.rollback(r, ctx)),
    [K.removeHook]: executor((r: { cluster: string; service: string }) => x.removeHook(r)),
  };
}
