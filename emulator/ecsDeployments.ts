// Amazon ECS service deployments with the LINEAR, CANARY and BLUE_GREEN strategies, for services on Service Connect:
// what UpdateService starts when the service's deploymentConfiguration.strategy is one of them, and the calls that
// watch and steer it (ListServiceDeployments, DescribeServiceDeployments, DescribeServiceRevisions,
// ContinueServiceDeployment, StopServiceDeployment). A deployment walks the documented lifecycle stages: PRE_SCALE_UP,
// SCALE_UP (the new revision's tasks start beside the old ones and run after the rollout delay), POST_SCALE_UP,
// TEST_TRAFFIC_SHIFT (test traffic, the requests that match the client alias's testTrafficRules header, goes to the new
// revision), POST_TEST_TRAFFIC_SHIFT, then PRE_PRODUCTION_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT once per step
// (LINEAR: stepPercent each time, stepBakeTimeInMinutes between steps; CANARY: canaryPercent, canaryBakeTimeInMinutes,
// then the rest; BLUE_GREEN: all at once), POST_PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME (bakeTimeInMinutes), CLEAN_UP (the
// old tasks stop), SUCCESSFUL. A PAUSE hook holds the deployment at each visit of its stages with a hook
// AWAITING_ACTION until ContinueServiceDeployment (CONTINUE or ROLLBACK) or its timeout (timeoutConfiguration.action);
// PAUSE hooks at TEST_TRAFFIC_SHIFT or PRODUCTION_TRAFFIC_SHIFT are refused, as AWS documents; AWS_LAMBDA hooks are
// taken as SUCCEEDED (the emulator runs no Lambda). A deployment alarm in ALARM (alarms.enable and rollback) or new
// tasks that cannot start (an image in Ecs.crashingImages) roll it back: production and test traffic return to the old
// revision at once, the new tasks stop, ROLLBACK_SUCCESSFUL after the rollout delay. Emulated minutes last `minuteMs`
// (a test shortens them). serviceConnectTraffic() simulates requests through the service's Service Connect endpoint:
// to the new revision by its production weight, or by the test-traffic header; the answer is the task's image.
import { ACCOUNT, AwsError, clone, epochSeconds, newId, random } from './common.js';
import type { Deployment, Ecs, EcsService, Task } from './ecs.js';
import type { Emulator } from './server.js';

type Json = Record<string, any>;

export type ServiceDeploymentStatus =
  | 'PENDING'
  | 'SUCCESSFUL'
  | 'STOPPED'
  | 'STOP_REQUESTED'
  | 'IN_PROGRESS'
  | 'ROLLBACK_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED';

export type Stage =
  | 'RECONCILE_SERVICE'
  | 'PRE_SCALE_UP'
  | 'SCALE_UP'
  | 'POST_SCALE_UP'
  | 'TEST_TRAFFIC_SHIFT'
  | 'POST_TEST_TRAFFIC_SHIFT'
  | 'PRE_PRODUCTION_TRAFFIC_SHIFT'
  | 'PRODUCTION_TRAFFIC_SHIFT'
  | 'POST_PRODUCTION_TRAFFIC_SHIFT'
  | 'BAKE_TIME'
  | 'CLEAN_UP';

const STRATEGIES = ['LINEAR', 'CANARY', 'BLUE_GREEN'];
/** Stages a PAUSE hook may name; TEST_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT are for AWS_LAMBDA hooks only. */
const PAUSE_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
];
const ACTIVE: ServiceDeploymentStatus[] = [
  'PENDING',
  'IN_PROGRESS',
  'STOP_REQUESTED',
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
];

export interface ServiceRevision {
  arn: string;
  cluster: string;
  serviceName: string;
  taskDefinition: string;
  serviceConnectConfiguration?: Json;
  createdAt: number;
  /** The entry of the service's `deployments` (DescribeServices) that runs this revision. */
  ecsDeployment: Deployment;
}

interface HookRun {
  hookId: string;
  targetType: 'PAUSE' | 'AWS_LAMBDA';
  targetArn?: string;
  status: 'AWAITING_ACTION' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';
  expiresAt?: number;
  timeoutAction: 'ROLLBACK' | 'CONTINUE';
}

export interface ServiceDeploymentRecord {
  arn: string;
  cluster: string;
  serviceName: string;
  createdAt: number;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  stoppedAt?: number;
  status: ServiceDeploymentStatus;
  statusReason?: string;
  stage: Stage;
  /** The service's deploymentConfiguration when the deployment started. */
  config: Json;
  source: ServiceRevision;
  target: ServiceRevision;
  /** Production and test traffic to the target revision, percent. */
  weight: number;
  testWeight: number;
  /** Production shifts done (CANARY takes two). */
  shifts: number;
  /** Hooks of the current visit of the current stage. */
  hooks: HookRun[];
  /** When the current stage's own work (scale up, a bake, a rollback) is done. */
  readyAt: number;
  rollback?: { reason: string; startedAt: number; serviceRevisionArn: string };
  triggeredAlarms: string[];
}

export interface ServiceDeploymentsOptions {
  region: () => string;
  /** How long new tasks take to run, and a rollback to finish. */
  rolloutDelayMs: () => number;
}

export class ServiceDeployments {
  /** Deployments by ARN, in the order they started. */
  readonly deployments = new Map<string, ServiceDeploymentRecord>();
  readonly revisions = new Map<string, ServiceRevision>();
  /** How long an emulated minute lasts (hook timeouts, bake times). */
  minuteMs = 60_000;
  /** The state of a CloudWatch alarm (wired by the Emulator): deployment alarms roll a deployment back. */
  alarmState?: (name: string) => string | undefined;
  /** The current revision of each service (`cluster/name`) that ever had one of these deployments. */
  private current = new Map<string, ServiceRevision>();
  private ipCounter = 2;

  constructor(
    private readonly ecs: Ecs,
    private readonly opts: ServiceDeploymentsOptions,
  ) {}

  // --- test controls ----------------------------------------------------------------------------------------------

  /** The newest deployment of a service, whatever its status. */
  latest(cluster: string, service: string): ServiceDeploymentRecord | undefined {
    return [...this.deployments.values()].filter((d) => d.cluster === cluster && d.serviceName === service).at(-1);
  }

  /** The deployment of a service still under way (not finished), if any. */
  active(cluster: string, service: string): ServiceDeploymentRecord | undefined {
    const d = this.latest(cluster, service);
    return d && ACTIVE.includes(d.status) ? d : undefined;
  }

  // --- time -------------------------------------------------------------------------------------------------------

  /** Moves every deployment under way as far as it goes by `now`. */
  advance(now = Date.now()): void {
    for (const d of this.deployments.values()) if (ACTIVE.includes(d.status)) this.step(d, now);
  }

  private step(d: ServiceDeploymentRecord, now: number): void {
    for (let guard = 0; guard < 100; guard++) {
      if (!this.move(d, now)) return;
      d.updatedAt = now;
    }
  }

  /** One move of the deployment's state machine; false when it must wait (a hook, a timer) or has ended. */
  private move(d: ServiceDeploymentRecord, now: number): boolean {
    if (d.status === 'ROLLBACK_REQUESTED') {
      d.status = 'ROLLBACK_IN_PROGRESS';
      return true;
    }
    if (d.status === 'ROLLBACK_IN_PROGRESS') {
      if (now < d.readyAt) return false;
      this.finishRollback(d, now);
      return false;
    }
    if (d.status === 'STOP_REQUESTED') {
      d.status = 'STOPPED';
      d.stoppedAt = now;
      d.finishedAt = now;
      return false;
    }
    if (d.status === 'PENDING') {
      d.status = 'IN_PROGRESS';
      return true;
    }
    if (d.status !== 'IN_PROGRESS') return false;
    const alarm = this.firingAlarm(d);
    if (alarm) {
      d.triggeredAlarms = [alarm];
      this.startRollback(d, `Alarm ${alarm} is in ALARM state: the deployment is rolled back`, now);
      return true;
    }
    const waiting = d.hooks.find((h) => h.status === 'AWAITING_ACTION');
    if (waiting) {
      if (waiting.expiresAt === undefined || now < waiting.expiresAt) return false;
      waiting.status = 'TIMED_OUT';
      if (waiting.timeoutAction === 'ROLLBACK') {
        this.startRollback(
          d,
          `Lifecycle hook ${waiting.hookId} at ${d.stage} timed out (timeout action ROLLBACK)`,
          now,
        );
      }
      return true;
    }
    return this.nextStage(d, now);
  }

  private nextStage(d: ServiceDeploymentRecord, now: number): boolean {
    switch (d.stage) {
      case 'RECONCILE_SERVICE':
        return this.enter(d, 'PRE_SCALE_UP', now);
      case 'PRE_SCALE_UP':
        this.scaleUp(d, now);
        return this.enter(d, 'SCALE_UP', now, now + this.opts.rolloutDelayMs());
      case 'SCALE_UP': {
        if (now < d.readyAt) return false;
        const crash = this.crashing(d.target.taskDefinition);
        if (crash) {
          d.target.ecsDeployment.failedTasks += d.target.ecsDeployment.desiredCount;
          this.startRollback(d, `Tasks of the new revision failed to start: ${crash}`, now);
          return true;
        }
        const target = d.target.ecsDeployment;
        target.runningCount = target.desiredCount;
        target.pendingCount = 0;
        this.countRunning(d);
        return this.enter(d, 'POST_SCALE_UP', now);
      }
      case 'POST_SCALE_UP':
        d.testWeight = 100;
        return this.enter(d, 'TEST_TRAFFIC_SHIFT', now);
      case 'TEST_TRAFFIC_SHIFT':
        return this.enter(d, 'POST_TEST_TRAFFIC_SHIFT', now);
      case 'POST_TEST_TRAFFIC_SHIFT':
        return this.enter(d, 'PRE_PRODUCTION_TRAFFIC_SHIFT', now);
      case 'PRE_PRODUCTION_TRAFFIC_SHIFT': {
        const { weight, bakeMinutes } = this.nextShift(d);
        d.weight = weight;
        d.shifts += 1;
        return this.enter(d, 'PRODUCTION_TRAFFIC_SHIFT', now, now + (weight < 100 ? bakeMinutes * this.minuteMs : 0));
      }
      case 'PRODUCTION_TRAFFIC_SHIFT':
        if (now < d.readyAt) return false;
        return this.enter(d, d.weight < 100 ? 'PRE_PRODUCTION_TRAFFIC_SHIFT' : 'POST_PRODUCTION_TRAFFIC_SHIFT', now);
      case 'POST_PRODUCTION_TRAFFIC_SHIFT':
        return this.enter(d, 'BAKE_TIME', now, now + (d.config.bakeTimeInMinutes ?? 0) * this.minuteMs);
      case 'BAKE_TIME':
        if (now < d.readyAt) return false;
        return this.enter(d, 'CLEAN_UP', now);
      case 'CLEAN_UP':
        this.finish(d, now);
        return false;
    }
  }

  /** Enters a stage (again, for the steps of a traffic shift): its hooks start, PAUSE ones AWAITING_ACTION. */
  private enter(d: ServiceDeploymentRecord, stage: Stage, now: number, readyAt = now): boolean {
    d.stage = stage;
    d.readyAt = readyAt;
    d.hooks = ((d.config.lifecycleHooks ?? []) as Json[])
      .filter((h) => ((h.lifecycleStages ?? []) as string[]).includes(stage))
      .map((h) => {
        const timeout = h.timeoutConfiguration ?? {};
        const pause = h.targetType === 'PAUSE';
        return {
          hookId: `${pause ? 'ecs-pause' : 'ecs-lambda'}-${newId('', 43)}`,
          targetType: pause ? 'PAUSE' : 'AWS_LAMBDA',
          targetArn: pause ? undefined : h.hookTargetArn,
          status: pause ? 'AWAITING_ACTION' : 'SUCCEEDED',
          expiresAt: pause ? now + (timeout.timeoutInMinutes ?? 1440) * this.minuteMs : undefined,
          timeoutAction: timeout.action ?? 'ROLLBACK',
        };
      });
    return true;
  }

  /** The production weight after the next shift, and the bake before the one after it. */
  private nextShift(d: ServiceDeploymentRecord): { weight: number; bakeMinutes: number } {
    const c = d.config;
    if (c.strategy === 'LINEAR') {
      const step = c.linearConfiguration?.stepPercent ?? 10;
      return {
        weight: Math.min(100, Math.round((d.weight + step) * 10) / 10),
        bakeMinutes: c.linearConfiguration?.stepBakeTimeInMinutes ?? 6,
      };
    }
    if (c.strategy === 'CANARY' && d.shifts === 0)
      return {
        weight: c.canaryConfiguration?.canaryPercent ?? 5,
        bakeMinutes: c.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10,
      };
    return { weight: 100, bakeMinutes: 0 };
  }

  private firingAlarm(d: ServiceDeploymentRecord): string | undefined {
    const alarms = d.config.alarms;
    if (!alarms?.enable || !alarms.rollback || !this.alarmState) return undefined;
    return (alarms.alarmNames as string[]).find((name) => this.alarmState!(name) === 'ALARM');
  }

  private crashing(taskDefinition: string): string | undefined {
    const def = this.ecs.taskDefinition(taskDefinition);
    const c = ((def?.containerDefinitions ?? []) as Json[]).find((c) => this.ecs.crashingImages.has(c.image));
    return c && `essential container ${c.name} exited (image ${c.image} crashes on start)`;
  }

  private startRollback(d: ServiceDeploymentRecord, reason: string, now: number): void {
    d.status = 'ROLLBACK_REQUESTED';
    d.statusReason = reason;
    d.weight = 0;
    d.testWeight = 0;
    for (const h of d.hooks) if (h.status === 'AWAITING_ACTION') h.status = 'FAILED';
    d.rollback = { reason, startedAt: now, serviceRevisionArn: d.source.arn };
    d.readyAt = now + this.opts.rolloutDelayMs();
  }

  private finishRollback(d: ServiceDeploymentRecord, now: number): void {
    const service = this.service(d);
    if (service) {
      for (const task of this.tasksOf(d, d.target)) this.ecs.tasks.delete(task.id);
      service.taskDefinition = d.source.taskDefinition;
      this.settle(service, d.source);
      this.current.set(`${d.cluster}/${d.serviceName}`, d.source);
    }
    d.status = 'ROLLBACK_SUCCESSFUL';
    d.finishedAt = now;
  }

  private finish(d: ServiceDeploymentRecord, now: number): void {
    const service = this.service(d);
    if (service) {
      for (const task of this.tasksOf(d, d.source)) this.ecs.tasks.delete(task.id);
      this.settle(service, d.target);
    }
    d.status = 'SUCCESSFUL';
    d.statusReason = 'Service deployment completed successfully.';
    d.finishedAt = now;
  }

  /** The service runs `revision` alone: its deployment PRIMARY and COMPLETED. */
  private settle(service: EcsService, revision: ServiceRevision): void {
    const e = revision.ecsDeployment;
    e.status = 'PRIMARY';
    e.rolloutState = 'COMPLETED';
    e.rolloutStateReason = 'ECS deployment completed.';
    e.runningCount = e.desiredCount;
    e.pendingCount = 0;
    service.deployments = [e];
    service.runningCount = e.runningCount;
    service.pendingCount = 0;
  }

  // --- tasks ------------------------------------------------------------------------------------------------------

  private service(d: { cluster: string; serviceName: string }): EcsService | undefined {
    return this.ecs.services.get(d.cluster)?.get(d.serviceName);
  }

  /** The tasks a revision of the service runs (those of its entry in the service's deployments). */
  private tasksOf(d: { cluster: string; serviceName: string }, revision: ServiceRevision): Task[] {
    return [...this.ecs.tasks.values()].filter(
      (t) => t.cluster === d.cluster && t.service === d.serviceName && t.deploymentId === revision.ecsDeployment.id,
    );
  }

  /** The new revision's tasks start beside the old ones (pending until SCALE_UP ends). */
  private scaleUp(d: ServiceDeploymentRecord, _now: number): void {
    const def = this.ecs.taskDefinition(d.target.taskDefinition)!;
    const region = this.opts.region();
    for (let i = 0; i < d.target.ecsDeployment.desiredCount; i++) {
      const id = newId('', 32);
      this.ecs.tasks.set(id, {
        taskArn: `arn:aws:ecs:${region}:${ACCOUNT}:task/${d.cluster}/${id}`,
        id,
        cluster: d.cluster,
        service: d.serviceName,
        taskDefinitionArn: def.taskDefinitionArn,
        family: def.family,
        deploymentId: d.target.ecsDeployment.id,
        ip: `10.1.${Math.floor(this.ipCounter / 250)}.${(this.ipCounter++ % 250) + 2}`,
        az: `${region}${'ab'[this.ipCounter % 2]}`,
        latticeTargets: [],
        albTargets: [],
      });
    }
  }

  private countRunning(d: ServiceDeploymentRecord): void {
    const service = this.service(d);
    if (service) service.runningCount = [...this.ecs.tasks.values()].filter((t) => t.service === d.serviceName).length;
  }

  // --- the API ----------------------------------------------------------------------------------------------------

  /** Answers the calls of this module; undefined for the rest (and for UpdateService of a ROLLING service). */
  handle(operation: string, input: Json): unknown {
    this.advance();
    switch (operation) {
      case 'CreateService':
        if (input.deploymentConfiguration) this.checkConfiguration(input.deploymentConfiguration);
        return undefined;
      case 'UpdateService':
        return this.updateService(input);
      case 'ListServiceDeployments':
        return this.list(input);
      case 'DescribeServiceDeployments':
        return this.describe(input.serviceDeploymentArns as string[]);
      case 'DescribeServiceRevisions':
        return this.describeRevisions(input.serviceRevisionArns as string[]);
      case 'ContinueServiceDeployment':
        return this.continue(input);
      case 'StopServiceDeployment':
        return this.stop(input);
      default:
        return undefined;
    }
  }

  private clusterOf(ref: string | undefined): string {
    const name = (ref ?? 'default').replace(/^arn:.*:cluster\//, '');
    if (!this.ecs.clusters.has(name)) throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
    return name;
  }

  /** DeploymentConfiguration checks ECS makes for these strategies and their lifecycle hooks. */
  private checkConfiguration(c: Json): void {
    for (const hook of (c.lifecycleHooks ?? []) as Json[]) {
      const stages = (hook.lifecycleStages ?? []) as string[];
      if (stages.length === 0) throw invalid('A lifecycle hook must name at least one lifecycle stage.');
      if (hook.targetType === 'PAUSE') {
        const refused = stages.find((s) => !PAUSE_STAGES.includes(s));
        if (refused)
          throw invalid(
            `PAUSE hooks cannot be configured at ${refused}: TEST_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT are only valid for AWS_LAMBDA hooks.`,
          );
        if (hook.hookTargetArn) throw invalid('hookTargetArn is not applicable for PAUSE hooks.');
      } else if (!hook.hookTargetArn || !hook.roleArn) {
        throw invalid('An AWS_LAMBDA lifecycle hook needs hookTargetArn and roleArn.');
      }
    }
    const linear = c.linearConfiguration;
    if (linear) {
      if (c.strategy !== 'LINEAR') throw invalid('linearConfiguration is only valid with the LINEAR strategy.');
      const step = linear.stepPercent;
      if (step !== undefined && (step < 3 || step > 100 || Math.abs(step * 10 - Math.round(step * 10)) > 1e-9))
        throw invalid(`stepPercent must be a multiple of 0.1 from 3.0 to 100.0; got ${step}.`);
      const bake = linear.stepBakeTimeInMinutes;
      if (bake !== undefined && (bake < 0 || bake > 1440))
        throw invalid(`stepBakeTimeInMinutes must be from 0 to 1440; got ${bake}.`);
    }
    const canary = c.canaryConfiguration;
    if (canary) {
      if (c.strategy !== 'CANARY') throw invalid('canaryConfiguration is only valid with the CANARY strategy.');
      const p = canary.canaryPercent;
      if (p !== undefined && (p < 0.1 || p > 100)) throw invalid(`canaryPercent must be from 0.1 to 100.0; got ${p}.`);
    }
    if (c.strategy === 'BLUE_GREEN' && c.bakeTimeInMinutes === undefined)
      throw invalid('bakeTimeInMinutes is required with the BLUE_GREEN strategy.');
  }

  /** The primary deployment's Service Connect configuration, when it serves endpoints (client-server). */
  private serviceConnectOf(service: EcsService): Json | undefined {
    const primary = service.deployments.find((d) => d.status === 'PRIMARY') as Json | undefined;
    const sc = primary?.serviceConnectConfiguration;
    return sc?.enabled && (sc.services ?? []).length > 0 ? sc : undefined;
  }

  private updateService(input: Json): unknown {
    const cluster = this.clusterOf(input.cluster);
    const name = String(input.service).replace(/^arn:.*\//, '');
    const service = this.ecs.services.get(cluster)?.get(name);
    if (!service || service.status !== 'ACTIVE') return undefined; // ecs.ts answers
    const config = input.deploymentConfiguration ?? service.deploymentConfiguration ?? {};
    if (!STRATEGIES.includes(config.strategy)) return undefined; // ROLLING: ecs.ts deploys
    this.checkConfiguration(config);
    const controller = service.deploymentController?.type ?? 'ECS';
    if (controller !== 'ECS') throw invalid(`The ${config.strategy} strategy needs the ECS deployment controller.`);
    const connect = input.serviceConnectConfiguration ?? this.serviceConnectOf(service);
    const balanced = (service.loadBalancers ?? []).some((lb: Json) => lb.advancedConfiguration);
    if (!connect?.enabled && !balanced) {
      throw invalid(
        `The ${config.strategy} deployment strategy needs a load balancer with advancedConfiguration or a Service Connect configuration; service ${name} has neither.`,
      );
    }
    const def = input.taskDefinition ? this.ecs.taskDefinition(input.taskDefinition) : undefined;
    if (input.taskDefinition && !def) throw new AwsError('ClientException', 'TaskDefinition not found.');
    service.deploymentConfiguration = clone(config);
    if (input.desiredCount !== undefined) service.desiredCount = input.desiredCount;
    const changed =
      (def && def.taskDefinitionArn !== service.taskDefinition) ||
      input.forceNewDeployment === true ||
      (input.serviceConnectConfiguration !== undefined &&
        JSON.stringify(input.serviceConnectConfiguration) !== JSON.stringify(this.serviceConnectOf(service)));
    if (changed) this.start(service, cluster, def?.taskDefinitionArn ?? service.taskDefinition, connect);
    return { service: view(service) };
  }

  /** The revision a service runs now: the one its last deployment left, or one made for what it runs. */
  private currentRevision(service: EcsService, cluster: string): ServiceRevision {
    const key = `${cluster}/${service.serviceName}`;
    const known = this.current.get(key);
    const primary = service.deployments.find((d) => d.status === 'PRIMARY')!;
    if (known && known.ecsDeployment === primary) return known;
    const revision = this.revision(
      service,
      cluster,
      primary.taskDefinition,
      primary,
      (primary as Json).serviceConnectConfiguration,
    );
    this.current.set(key, revision);
    return revision;
  }

  private revision(
    service: EcsService,
    cluster: string,
    taskDefinition: string,
    ecsDeployment: Deployment,
    serviceConnectConfiguration?: Json,
  ): ServiceRevision {
    const arn = `arn:aws:ecs:${this.opts.region()}:${ACCOUNT}:service-revision/${cluster}/${service.serviceName}/${newId('', 19)}`;
    const revision = {
      arn,
      cluster,
      serviceName: service.serviceName,
      taskDefinition,
      serviceConnectConfiguration: serviceConnectConfiguration && clone(serviceConnectConfiguration),
      createdAt: Date.now(),
      ecsDeployment,
    };
    this.revisions.set(arn, revision);
    return revision;
  }

  /** A new service deployment from the current revision to `taskDefinition`; one under way is stopped first. */
  private start(service: EcsService, cluster: string, taskDefinition: string, connect: Json | undefined): void {
    const now = Date.now();
    const running = this.active(cluster, service.serviceName);
    if (running) {
      // A newer deployment replaces one under way: its new tasks stop and the old revision serves again.
      for (const task of this.tasksOf(running, running.target)) this.ecs.tasks.delete(task.id);
      this.settle(service, running.source);
      running.status = 'STOPPED';
      running.statusReason = 'Stopped: a newer service deployment started.';
      running.stoppedAt = now;
      running.finishedAt = now;
      running.weight = 0;
      running.testWeight = 0;
    }
    const source = this.currentRevision(service, cluster);
    source.ecsDeployment.status = 'ACTIVE';
    const ecsDeployment: Deployment = {
      id: newId('ecs-svc/', 19),
      status: 'PRIMARY',
      taskDefinition,
      desiredCount: service.desiredCount,
      pendingCount: service.desiredCount,
      runningCount: 0,
      failedTasks: 0,
      createdAt: epochSeconds(now),
      updatedAt: epochSeconds(now),
      launchType: source.ecsDeployment.launchType,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: 'ECS deployment in progress.',
      // Resolved here, never by ecs.ts's rollouts.
      readyAt: Number.POSITIVE_INFINITY,
    };
    if (connect) (ecsDeployment as Json).serviceConnectConfiguration = clone(connect);
    const target = this.revision(service, cluster, taskDefinition, ecsDeployment, connect);
    service.taskDefinition = taskDefinition;
    service.deployments = [ecsDeployment, source.ecsDeployment];
    service.pendingCount = service.desiredCount;
    const arn = `arn:aws:ecs:${this.opts.region()}:${ACCOUNT}:service-deployment/${cluster}/${service.serviceName}/${newId('', 21)}`;
    const deployment: ServiceDeploymentRecord = {
      arn,
      cluster,
      serviceName: service.serviceName,
      createdAt: now,
      startedAt: now,
      updatedAt: now,
      status: 'PENDING',
      stage: 'RECONCILE_SERVICE',
      config: clone(service.deploymentConfiguration),
      source,
      target,
      weight: 0,
      testWeight: 0,
      shifts: 0,
      hooks: [],
      readyAt: now,
      triggeredAlarms: [],
    };
    this.deployments.set(arn, deployment);
    service.currentServiceDeployment = arn;
    this.current.set(`${cluster}/${service.serviceName}`, target);
    this.step(deployment, now);
  }

  private find(arn: string): ServiceDeploymentRecord {
    const d = this.deployments.get(arn);
    if (!d) throw new AwsError('ServiceDeploymentNotFoundException', `Service deployment ${arn} not found.`);
    return d;
  }

  private continue(input: Json): unknown {
    const d = this.find(input.serviceDeploymentArn);
    if (d.status !== 'IN_PROGRESS')
      throw invalid(`Service deployment ${d.arn} is ${d.status}; only an IN_PROGRESS deployment can be continued.`);
    const hook = d.hooks.find((h) => h.hookId === input.hookId);
    if (!hook) throw invalid(`Service deployment ${d.arn} has no lifecycle hook ${input.hookId} at ${d.stage}.`);
    if (hook.status !== 'AWAITING_ACTION')
      throw invalid(`Lifecycle hook ${input.hookId} is ${hook.status}, not AWAITING_ACTION.`);
    const now = Date.now();
    if ((input.action ?? 'CONTINUE') === 'ROLLBACK') {
      hook.status = 'SUCCEEDED';
      this.startRollback(d, `Rolled back by ContinueServiceDeployment (ROLLBACK) at ${d.stage}`, now);
    } else {
      hook.status = 'SUCCEEDED';
    }
    this.step(d, now);
    return { serviceDeploymentArn: d.arn };
  }

  private stop(input: Json): unknown {
    const d = this.find(input.serviceDeploymentArn);
    if (d.status !== 'IN_PROGRESS' && d.status !== 'PENDING')
      throw new AwsError('ConflictException', `Service deployment ${d.arn} is ${d.status} and cannot be stopped.`);
    const now = Date.now();
    if ((input.stopType ?? 'ROLLBACK') === 'ROLLBACK') {
      this.startRollback(d, 'Rolled back by StopServiceDeployment (ROLLBACK)', now);
    } else {
      d.status = 'STOP_REQUESTED';
      d.statusReason = 'Stopped by StopServiceDeployment (ABORT): traffic stays as it was';
    }
    this.step(d, now);
    return { serviceDeploymentArn: d.arn };
  }

  private list(input: Json): unknown {
    const cluster = this.clusterOf(input.cluster);
    const name = String(input.service).replace(/^arn:.*\//, '');
    const service = this.ecs.services.get(cluster)?.get(name);
    if (!service) throw new AwsError('ServiceNotFoundException', 'Service not found.');
    const statuses = input.status as string[] | undefined;
    const after = input.createdAt?.after;
    const before = input.createdAt?.before;
    const found = [...this.deployments.values()]
      .filter((d) => d.cluster === cluster && d.serviceName === name)
      .filter((d) => !statuses?.length || statuses.includes(d.status))
      .filter(
        (d) =>
          (after === undefined || d.createdAt / 1000 >= after) &&
          (before === undefined || d.createdAt / 1000 <= before),
      )
      .reverse();
    return {
      serviceDeployments: found.map((d) => ({
        serviceDeploymentArn: d.arn,
        serviceArn: service.serviceArn,
        clusterArn: service.clusterArn,
        startedAt: epochSeconds(d.startedAt),
        createdAt: epochSeconds(d.createdAt),
        finishedAt: d.finishedAt === undefined ? undefined : epochSeconds(d.finishedAt),
        targetServiceRevisionArn: d.target.arn,
        status: d.status,
        statusReason: d.statusReason,
      })),
    };
  }

  private describe(arns: string[]): unknown {
    const found = arns.map((arn) => this.deployments.get(arn));
    return {
      serviceDeployments: found.filter((d): d is ServiceDeploymentRecord => !!d).map((d) => this.deploymentView(d)),
      failures: arns.filter((_, i) => !found[i]).map((arn) => ({ arn, reason: 'MISSING' })),
    };
  }

  private deploymentView(d: ServiceDeploymentRecord): Json {
    const region = this.opts.region();
    const ended = !ACTIVE.includes(d.status);
    const revision = (r: ServiceRevision, weight: number, testWeight: number) => {
      const isTarget = r === d.target;
      const gone = isTarget ? ended && d.status !== 'SUCCESSFUL' : d.status === 'SUCCESSFUL';
      const requested = gone ? 0 : r.ecsDeployment.desiredCount;
      const running = !isTarget || r.ecsDeployment.runningCount > 0 ? this.tasksOf(d, r).length : 0;
      return {
        arn: r.arn,
        requestedTaskCount: requested,
        runningTaskCount: running,
        pendingTaskCount: Math.max(0, requested - running),
        requestedTestTrafficWeight: testWeight,
        requestedProductionTrafficWeight: weight,
      };
    };
    const alarms = d.config.alarms;
    return {
      serviceDeploymentArn: d.arn,
      serviceArn: `arn:aws:ecs:${region}:${ACCOUNT}:service/${d.cluster}/${d.serviceName}`,
      clusterArn: `arn:aws:ecs:${region}:${ACCOUNT}:cluster/${d.cluster}`,
      createdAt: epochSeconds(d.createdAt),
      startedAt: epochSeconds(d.startedAt),
      updatedAt: epochSeconds(d.updatedAt),
      finishedAt: d.finishedAt === undefined ? undefined : epochSeconds(d.finishedAt),
      stoppedAt: d.stoppedAt === undefined ? undefined : epochSeconds(d.stoppedAt),
      sourceServiceRevisions: [revision(d.source, 100 - d.weight, 100 - d.testWeight)],
      targetServiceRevision: revision(d.target, d.weight, d.testWeight),
      status: d.status,
      statusReason: d.statusReason,
      // The model's ServiceDeploymentLifecycleStage has no PRE_PRODUCTION_TRAFFIC_SHIFT (a hook stage only).
      lifecycleStage: d.stage === 'PRE_PRODUCTION_TRAFFIC_SHIFT' ? 'PRODUCTION_TRAFFIC_SHIFT' : d.stage,
      lifecycleHookDetails: d.hooks.map((h) => ({
        hookId: h.hookId,
        targetType: h.targetType,
        targetArn: h.targetArn,
        status: h.status,
        expiresAt: h.expiresAt === undefined ? undefined : epochSeconds(h.expiresAt),
        timeoutAction: h.timeoutAction,
      })),
      deploymentConfiguration: clone(d.config),
      rollback: d.rollback && {
        reason: d.rollback.reason,
        startedAt: epochSeconds(d.rollback.startedAt),
        serviceRevisionArn: d.rollback.serviceRevisionArn,
      },
      deploymentCircuitBreaker: { status: d.config.deploymentCircuitBreaker?.enable ? 'MONITORING' : 'DISABLED' },
      alarms: {
        status: !alarms?.enable ? 'DISABLED' : d.triggeredAlarms.length ? 'TRIGGERED' : 'MONITORING',
        alarmNames: alarms?.alarmNames ?? [],
        triggeredAlarmNames: d.triggeredAlarms,
      },
    };
  }

  private describeRevisions(arns: string[]): unknown {
    const region = this.opts.region();
    const found = arns.map((arn) => this.revisions.get(arn));
    return {
      serviceRevisions: found
        .filter((r): r is ServiceRevision => !!r)
        .map((r) => ({
          serviceRevisionArn: r.arn,
          serviceArn: `arn:aws:ecs:${region}:${ACCOUNT}:service/${r.cluster}/${r.serviceName}`,
          clusterArn: `arn:aws:ecs:${region}:${ACCOUNT}:cluster/${r.cluster}`,
          taskDefinition: r.taskDefinition,
          launchType: r.ecsDeployment.launchType,
          serviceConnectConfiguration: r.serviceConnectConfiguration,
          containerImages: ((this.ecs.taskDefinition(r.taskDefinition)?.containerDefinitions ?? []) as Json[]).map(
            (c) => ({ containerName: c.name, image: c.image }),
          ),
          createdAt: epochSeconds(r.createdAt),
        })),
      failures: arns.filter((_, i) => !found[i]).map((arn) => ({ arn, reason: 'MISSING' })),
    };
  }
}

const invalid = (message: string) => new AwsError('InvalidParameterException', message);

/** The service as UpdateService answers it (no emulator-only members, no tags). */
function view(service: EcsService): Json {
  const out = clone(service) as Json;
  delete out.tags;
  out.deployments = (out.deployments as Deployment[]).map(({ readyAt: _readyAt, ...d }) => d);
  return out;
}

// --- traffic ------------------------------------------------------------------------------------------------------

export interface ServiceConnectTally {
  requests: number;
  failures: number;
  /** Answers by the image of the task's application container, e.g. { 'colorapp:green': 900, 'colorapp:blue': 100 }. */
  images: Record<string, number>;
  /** Answers by task-definition revision (`family:revision`). */
  revisions: Record<string, number>;
  /** Failure reasons, counted; `5xx` is an answer from a task running an image in `emulator.brokenImages`. */
  errors: Record<string, number>;
}

export interface ServiceConnectTrafficOptions {
  /** Request headers (names matched case-insensitively). */
  headers?: Record<string, string>;
  seed?: number;
}

let trafficRuns = 0;

/**
 * Sends `requests` simulated requests to a service's Service Connect endpoint (as a client in the namespace would):
 * during a deployment, a request carrying the test-traffic header of the new revision's client alias goes to the new
 * revision once test traffic has shifted, any other to the new revision with its production weight; otherwise to the
 * revision the service runs. A running task of that revision answers, uniformly; one running an image in
 * `brokenImages` answers 5xx (counted by the alarms tied to errors).
 */
export function serviceConnectTraffic(
  emu: Emulator,
  cluster: string,
  service: string,
  requests = 1000,
  opts: ServiceConnectTrafficOptions = {},
): ServiceConnectTally {
  emu.ecs.advance();
  emu.cloudWatch.evaluate();
  const tally: ServiceConnectTally = { requests, failures: 0, images: {}, revisions: {}, errors: {} };
  const next = random(opts.seed ?? ++trafficRuns);
  const headers = new Map(Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const deployments = emu.ecs.serviceDeployments;
  const fail = (reason: string) => {
    tally.failures++;
    tally.errors[reason] = (tally.errors[reason] ?? 0) + 1;
  };
  for (let i = 0; i < requests; i++) {
    const svc = emu.ecs.services.get(cluster)?.get(service);
    if (!svc) {
      fail(`service ${service} not found`);
      continue;
    }
    const d = deployments.active(cluster, service);
    let taskDefinition = svc.taskDefinition;
    if (d) {
      const test = d.testWeight > 0 && testTrafficMatches(d.target.serviceConnectConfiguration, headers);
      taskDefinition = test || next() * 100 < d.weight ? d.target.taskDefinition : d.source.taskDefinition;
    }
    // During a deployment, the tasks of the chosen revision (the new ones only once they run); else the service's.
    const revision = d && (taskDefinition === d.target.taskDefinition ? d.target : d.source);
    const tasks = [...emu.ecs.tasks.values()].filter(
      (t) =>
        t.cluster === cluster &&
        t.service === service &&
        (revision
          ? t.deploymentId === revision.ecsDeployment.id && revision.ecsDeployment.runningCount > 0
          : t.taskDefinitionArn === taskDefinition),
    );
    if (tasks.length === 0) {
      fail(`no running task of ${taskDefinition.slice(taskDefinition.lastIndexOf('/') + 1)}`);
      continue;
    }
    const task = tasks[Math.floor(next() * tasks.length)];
    const def = emu.ecs.taskDefinition(task.taskDefinitionArn)!;
    const containers = def.containerDefinitions as Json[];
    if (containers.some((c) => emu.brokenImages.has(c.image))) {
      fail('5xx');
      continue;
    }
    const app = containers.find((c) => c.name === 'app') ?? containers[0];
    tally.images[app.image] = (tally.images[app.image] ?? 0) + 1;
    const name = `${def.family}:${def.revision}`;
    tally.revisions[name] = (tally.revisions[name] ?? 0) + 1;
  }
  emu.cloudWatch.recordTraffic(tally);
  return tally;
}

/** Whether the request carries the test-traffic header of one of the revision's client aliases. */
function testTrafficMatches(connect: Json | undefined, headers: Map<string, string>): boolean {
  const aliases = ((connect?.services ?? []) as Json[]).flatMap((s) => (s.clientAliases ?? []) as Json[]);
  return aliases.some((a) => {
    const rule = a.testTrafficRules?.header;
    if (!rule?.name) return false;
    const value = headers.get(String(rule.name).toLowerCase());
    return value !== undefined && (rule.value?.exact === undefined || value === rule.value.exact);
  });
}
