// Amazon ECS: clusters, task-definition families and revisions, services whose deployments roll out after a delay,
// and tasks registered in Cloud Map with the attributes ECS sets, and in VPC Lattice target groups (as IP targets on
// the container port of the named port mapping) when the deployment has vpcLatticeConfigurations. A task whose Envoy
// names a virtual node that does not exist never becomes healthy, so its rollout fails (and the circuit breaker rolls
// it back when enabled). A task without Envoy (an app-only task definition, as behind Lattice) needs no App Mesh.
// A service with `loadBalancers` (an ALB target group, a container and its port) is refused when its group has no
// load balancer, as ECS refuses it; its tasks are registered in the group (their IP on the container port) and
// deregistered when they stop, and its rollouts complete as ECS's do for load-balanced services: the new tasks start
// beside the old ones, and only once every new task's targets are `healthy` do the old tasks stop.
import type { AppMesh } from './appMesh.js';
import type { CloudMap } from './cloudMap.js';
import { ACCOUNT, AwsError, clone, epochSeconds, newId } from './common.js';
import type { Elbv2 } from './elbv2.js';
import type { Lattice } from './lattice.js';
import { ServiceDeployments } from './ecsDeployments.js';

type Json = Record<string, any>;

export interface VpcLatticeConfiguration {
  roleArn: string;
  targetGroupArn: string;
  portName: string;
}

/** An entry of a service's `loadBalancers`: an ALB target group, and the container and port its tasks register. */
export interface LoadBalancerEntry {
  targetGroupArn?: string;
  loadBalancerName?: string;
  containerName: string;
  containerPort: number;
}

export interface Deployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  launchType?: string;
  /** As on AWS, DescribeServices shows these on the deployments only, not on the service. */
  vpcLatticeConfigurations?: VpcLatticeConfiguration[];
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
  /** Emulator only: when the rollout resolves (ms since epoch). */
  readyAt: number;
}

export interface Task {
  taskArn: string;
  id: string;
  cluster: string;
  service: string;
  taskDefinitionArn: string;
  family: string;
  deploymentId: string;
  ip: string;
  az: string;
  /** The VPC Lattice targets ECS registered for the task. */
  latticeTargets: { targetGroupArn: string; port: number }[];
  /** The ALB targets ECS registered for the task (its service's loadBalancers). */
  albTargets: { targetGroupArn: string; port: number }[];
}

export interface EcsService extends Json {
  serviceName: string;
  serviceArn: string;
  clusterArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  deployments: Deployment[];
  tags?: { key: string; value: string }[];
  loadBalancers?: LoadBalancerEntry[];
}

export interface EcsOptions {
  region: string;
  appMesh: AppMesh;
  cloudMap: CloudMap;
  /** Where tasks of services with vpcLatticeConfigurations are registered. */
  lattice?: Lattice;
  /** Where tasks of services with loadBalancers are registered (ALB target groups). */
  elbv2?: Elbv2;
  /** How long a new deployment stays IN_PROGRESS. */
  rolloutDelayMs: () => number;
}

const READ_ONLY = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
];

export class Ecs {
  clusters = new Map<string, { clusterArn: string; clusterName: string }>();
  taskDefinitions = new Map<string, Json[]>(); // family → revisions (index = revision - 1)
  taskDefinitionTags = new Map<string, { key: string; value: string }[]>();
  services = new Map<string, Map<string, EcsService>>(); // cluster → name → service
  tasks = new Map<string, Task>();
  /** Images whose containers crash on start (a broken build), so their tasks never become healthy. */
  crashingImages = new Set<string>();
  /** Images whose tasks run but fail their ALB target groups' health checks (a wrong health check path, say). */
  albUnhealthyImages = new Set<string>();
  /**
   * Services (by name) whose rollouts are held: their deployments stay IN_PROGRESS, whatever the rollout delay, until
   * the name is removed; then they resolve at the next request. A test ends a rollout when it chooses, not by timing.
   */
  heldRollouts = new Set<string>();
  /**
   * Services (by name) whose next N DescribeServices answer stale, as ECS's eventual consistency lets it: the service
   * as it was before its last CreateService, UpdateService or DeleteService (its previous deployments; MISSING when
   * that write created it). Only the answers change, not the state. A read counts only once the service was written.
   */
  staleReads = new Map<string, number>();
  /** Each service (by `cluster/name`) as it was before its last write, undefined when that write created it. */
  private beforeLastWrite = new Map<string, EcsService | undefined>();
  private ipCounter = 10;
  /** Service deployments of the LINEAR, CANARY and BLUE_GREEN strategies, and their calls (ecsDeployments.ts). */
  readonly serviceDeployments = new ServiceDeployments(this, {
    region: () => this.opts.region,
    rolloutDelayMs: () => this.opts.rolloutDelayMs(),
  });

  constructor(private readonly opts: EcsOptions) {}

  createCluster(name: string): void {
    this.clusters.set(name, {
      clusterName: name,
      clusterArn: `arn:aws:ecs:${this.opts.region}:${ACCOUNT}:cluster/${name}`,
    });
    this.services.set(name, new Map());
  }

  private cluster(ref: string | undefined): string {
    const name = (ref ?? 'default').replace(/^arn:.*:cluster\//, '');
    if (!this.clusters.has(name)) throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
    return name;
  }

  registerTaskDefinition(input: Json): Json {
    const def = clone(input);
    for (const key of READ_ONLY) delete def[key];
    const tags = def.tags;
    delete def.tags;
    const names = (def.containerDefinitions as Json[]).map((c) => c.name);
    if (new Set(names).size !== names.length) throw new AwsError('ClientException', 'Container names must be unique.');
    for (const c of def.containerDefinitions as Json[]) {
      for (const d of c.dependsOn ?? []) {
        if (!names.includes(d.containerName)) {
          throw new AwsError(
            'ClientException',
            `Container ${c.name} depends on ${d.containerName}, which is not in the task definition.`,
          );
        }
      }
    }
    if (def.proxyConfiguration && !names.includes(def.proxyConfiguration.containerName)) {
      throw new AwsError(
        'ClientException',
        `The proxy configuration names container ${def.proxyConfiguration.containerName}, which is not in the task definition.`,
      );
    }
    if ((def.requiresCompatibilities ?? []).includes('FARGATE') && def.networkMode !== 'awsvpc') {
      throw new AwsError('ClientException', 'Fargate only supports network mode awsvpc.');
    }
    const revisions = this.taskDefinitions.get(def.family) ?? [];
    const revision = revisions.length + 1;
    const stored = {
      ...def,
      taskDefinitionArn: `arn:aws:ecs:${this.opts.region}:${ACCOUNT}:task-definition/${def.family}:${revision}`,
      revision,
      status: 'ACTIVE',
      compatibilities: ['EC2', 'FARGATE'],
      requiresAttributes: [{ name: 'ecs.capability.task-eni' }],
      registeredAt: epochSeconds(),
      registeredBy: `arn:aws:iam::${ACCOUNT}:user/ci`,
    };
    revisions.push(stored);
    this.taskDefinitions.set(def.family, revisions);
    if (tags?.length) this.taskDefinitionTags.set(stored.taskDefinitionArn, tags);
    return stored;
  }

  taskDefinition(ref: string): Json | undefined {
    const name = ref.replace(/^arn:.*:task-definition\//, '');
    const [family, rev] = name.split(':');
    const revisions = this.taskDefinitions.get(family);
    if (!revisions) return undefined;
    if (rev) return revisions[Number(rev) - 1];
    return [...revisions].reverse().find((r) => r.status === 'ACTIVE');
  }

  /**
   * Another writer's deploy of a service (a race driven by a test): a new revision of its task definition, a copy or
   * with `image` on the `app` container, then UpdateService. Returns the new revision's ARN.
   */
  deployAnother(cluster: string, serviceName: string, image?: string): string {
    const service = this.services.get(cluster)!.get(serviceName)!;
    const {
      taskDefinitionArn: _arn,
      revision: _rev,
      status: _status,
      ...input
    } = this.taskDefinition(service.taskDefinition)!;
    const containerDefinitions = (input.containerDefinitions as Json[]).map((c) =>
      image && c.name === 'app' ? { ...c, image } : c,
    );
    const arn = this.registerTaskDefinition({ ...input, containerDefinitions }).taskDefinitionArn as string;
    this.handle('UpdateService', { cluster, service: serviceName, taskDefinition: arn });
    return arn;
  }

  /** Moves every deployment whose rollout delay has passed (and whose rollout is not held) to its end state. */
  advance(now = Date.now()): void {
    this.serviceDeployments.advance(now);
    for (const [cluster, services] of this.services) {
      for (const service of services.values()) {
        if (this.heldRollouts.has(service.serviceName)) continue;
        const primary = service.deployments.find((d) => d.status === 'PRIMARY');
        if (primary?.rolloutState !== 'IN_PROGRESS' || primary.readyAt > now) continue;
        this.resolve(cluster, service, primary, now);
      }
    }
  }

  /** Why tasks of this definition cannot become healthy, if they cannot. */
  private unhealthyReason(def: Json): string | undefined {
    const crashing = (def.containerDefinitions as Json[]).find((c) => this.crashingImages.has(c.image));
    if (crashing) return `Essential container ${crashing.name} exited (image ${crashing.image} crashes on start)`;
    if (def.proxyConfiguration?.type !== 'APPMESH') return undefined;
    const envoy = (def.containerDefinitions as Json[]).find((c) => c.name === def.proxyConfiguration.containerName);
    const arn = (envoy?.environment as Json[] | undefined)?.find((e) => e.name === 'APPMESH_RESOURCE_ARN')?.value as
      | string
      | undefined;
    const match = arn && /mesh\/([^/]+)\/virtualNode\/([^/]+)$/.exec(arn);
    if (!match) return 'Envoy has no valid APPMESH_RESOURCE_ARN';
    if (!this.opts.appMesh.resource(match[1], 'VirtualNode', match[2])) {
      return `Envoy health check failed: virtual node ${match[2]} does not exist in mesh ${match[1]}`;
    }
    return undefined;
  }

  private resolve(cluster: string, service: EcsService, primary: Deployment, now: number): void {
    const def = this.taskDefinition(primary.taskDefinition)!;
    let reason = this.unhealthyReason(def);
    primary.updatedAt = epochSeconds(now);
    if (!reason && this.balanced(service)) {
      // As ECS does for a load-balanced service: the new tasks start beside the old ones; the old ones stop only once
      // every new task is healthy in its target groups.
      const health = this.startBeside(cluster, service, primary, def);
      if (health === 'pending') return;
      if (health === 'healthy') {
        for (const task of this.tasksOf(cluster, service))
          if (task.deploymentId !== primary.id) this.stopTask(service, task);
        this.complete(service, primary);
        return;
      }
      reason = health.unhealthy;
      for (const task of this.tasksOf(cluster, service))
        if (task.deploymentId === primary.id) this.stopTask(service, task);
      primary.runningCount = 0;
    }
    if (!reason) {
      this.replaceTasks(cluster, service, primary);
      this.complete(service, primary);
      return;
    }
    primary.failedTasks += primary.desiredCount;
    const breaker = service.deploymentConfiguration?.deploymentCircuitBreaker;
    if (!breaker?.enable) return; // ECS keeps retrying: the rollout stays IN_PROGRESS
    primary.rolloutState = 'FAILED';
    primary.rolloutStateReason = `ECS deployment circuit breaker: tasks failed to start. ${reason}`;
    const previous = service.deployments.find((d) => d.status === 'ACTIVE');
    if (breaker.rollback && previous) {
      // The failed deployment goes away; a new PRIMARY deployment brings back the previous task definition.
      service.taskDefinition = previous.taskDefinition;
      const rollback = this.deployment(
        previous.taskDefinition,
        service.desiredCount,
        now,
        previous.vpcLatticeConfigurations,
      );
      rollback.rolloutStateReason = `ECS deployment circuit breaker: rolling back to deploymentId ${previous.id}.`;
      service.deployments = [rollback, previous];
    }
  }

  private complete(service: EcsService, primary: Deployment): void {
    primary.rolloutState = 'COMPLETED';
    primary.rolloutStateReason = 'ECS deployment completed.';
    service.deployments = [primary];
    service.runningCount = primary.runningCount;
    service.pendingCount = 0;
  }

  private tasksOf(cluster: string, service: EcsService): Task[] {
    return [...this.tasks.values()].filter((t) => t.cluster === cluster && t.service === service.serviceName);
  }

  /** Whether ECS registers the service's tasks in ALB target groups (and so waits for their health). */
  private balanced(service: EcsService): boolean {
    return this.opts.elbv2 !== undefined && (service.loadBalancers ?? []).some((lb) => lb.targetGroupArn);
  }

  /**
   * Starts the primary deployment's missing tasks (the others keep running) and tells how its tasks' targets are:
   * all `healthy`, one `unhealthy` (why), or still on the way.
   */
  private startBeside(
    cluster: string,
    service: EcsService,
    primary: Deployment,
    def: Json,
  ): 'healthy' | 'pending' | { unhealthy: string } {
    const own = this.tasksOf(cluster, service).filter((t) => t.deploymentId === primary.id);
    for (let i = own.length; i < primary.desiredCount; i++) own.push(this.startTask(cluster, service, def, primary));
    primary.runningCount = primary.desiredCount;
    primary.pendingCount = 0;
    service.runningCount = this.tasksOf(cluster, service).length;
    const elbv2 = this.opts.elbv2!;
    const used = elbv2.usage();
    let pending = false;
    for (const task of own) {
      for (const target of task.albTargets) {
        const group = elbv2.findTargetGroup(target.targetGroupArn);
        const registered = group?.targets.get(`${task.ip}:${target.port}`);
        const state = group && registered ? elbv2.targetHealth(group, registered, used).State : 'unused';
        if (state === 'unhealthy') {
          return { unhealthy: `Task ${task.id} failed the health checks of target group ${group!.name}` };
        }
        if (state !== 'healthy') pending = true;
      }
    }
    return pending ? 'pending' : 'healthy';
  }

  /**
   * Brings the service's tasks to the primary deployment's desired count: tasks of other deployments stop, tasks of the
   * primary keep running (scaling in place keeps their IPs and Lattice targets), missing ones start.
   */
  private replaceTasks(cluster: string, service: EcsService, primary: Deployment): void {
    const tasks = [...this.tasks.values()].filter((t) => t.cluster === cluster && t.service === service.serviceName);
    const kept = tasks.filter((t) => t.deploymentId === primary.id).slice(0, primary.desiredCount);
    for (const task of tasks) if (!kept.includes(task)) this.stopTask(service, task);
    const def = this.taskDefinition(primary.taskDefinition)!;
    for (let i = kept.length; i < primary.desiredCount; i++) this.startTask(cluster, service, def, primary);
    primary.runningCount = primary.desiredCount;
    primary.pendingCount = 0;
  }

  private startTask(cluster: string, service: EcsService, def: Json, deployment: Deployment): Task {
    const id = newId('', 32);
    const az = `${this.opts.region}${'ab'[this.ipCounter % 2]}`;
    const task: Task = {
      taskArn: `arn:aws:ecs:${this.opts.region}:${ACCOUNT}:task/${cluster}/${id}`,
      id,
      cluster,
      service: service.serviceName,
      taskDefinitionArn: def.taskDefinitionArn,
      family: def.family,
      deploymentId: deployment.id,
      ip: `10.0.${64 + Math.floor(this.ipCounter / 250)}.${(this.ipCounter++ % 250) + 2}`,
      az,
      latticeTargets: [],
      albTargets: [],
    };
    this.tasks.set(id, task);
    this.registerInLattice(task, def, deployment, Math.min(Date.now(), deployment.readyAt));
    this.registerInAlb(task, service, def, Math.min(Date.now(), deployment.readyAt));
    for (const registry of service.serviceRegistries ?? []) {
      const cm = this.opts.cloudMap.serviceByArn(registry.registryArn);
      if (!cm) continue;
      this.opts.cloudMap.register(cm.Id, id, {
        AWS_INSTANCE_IPV4: task.ip,
        AWS_INIT_HEALTH_STATUS: 'HEALTHY',
        AVAILABILITY_ZONE: az,
        REGION: this.opts.region,
        ECS_CLUSTER_NAME: cluster,
        ECS_SERVICE_NAME: service.serviceName,
        ECS_TASK_DEFINITION_FAMILY: def.family,
      });
    }
    return task;
  }

  /** ECS registers the task in each ALB target group of its service's loadBalancers: its IP on the container port. */
  private registerInAlb(task: Task, service: EcsService, def: Json, at: number): void {
    const elbv2 = this.opts.elbv2;
    if (!elbv2) return;
    const failing = (def.containerDefinitions as Json[]).some((c) => this.albUnhealthyImages.has(c.image));
    for (const lb of service.loadBalancers ?? []) {
      if (!lb.targetGroupArn || !elbv2.findTargetGroup(lb.targetGroupArn)) continue; // deleted since
      elbv2.registerTask(lb.targetGroupArn, { ip: task.ip, port: lb.containerPort, taskId: task.id, at });
      if (failing) elbv2.markUnhealthy(lb.targetGroupArn, task.ip, lb.containerPort);
      task.albTargets.push({ targetGroupArn: lb.targetGroupArn, port: lb.containerPort });
    }
  }

  /** The checks ECS makes of a service's loadBalancers (ALB target groups) when a deployment starts. */
  private checkLoadBalancers(def: Json, entries: LoadBalancerEntry[] | undefined): void {
    const elbv2 = this.opts.elbv2;
    for (const entry of entries ?? []) {
      const container = (def.containerDefinitions as Json[]).find((c) => c.name === entry.containerName);
      const ports = ((container?.portMappings ?? []) as Json[]).map((p) => p.containerPort);
      if (!container || !ports.includes(entry.containerPort)) {
        throw new AwsError(
          'InvalidParameterException',
          `The container ${entry.containerName} did not have a container port ${entry.containerPort} defined.`,
        );
      }
      if (!elbv2 || !entry.targetGroupArn) continue;
      const group = elbv2.findTargetGroup(entry.targetGroupArn);
      if (!group || group.arn !== entry.targetGroupArn) {
        throw new AwsError(
          'InvalidParameterException',
          `Unable to describe target group ${entry.targetGroupArn}: it does not exist.`,
        );
      }
      if (!elbv2.usage().has(group.arn)) {
        throw new AwsError(
          'InvalidParameterException',
          `The target group with targetGroupArn ${group.arn} does not have an associated load balancer.`,
        );
      }
      if (def.networkMode === 'awsvpc' && group.targetType !== 'ip') {
        throw new AwsError(
          'InvalidParameterException',
          `The provided target group ${group.arn} has target type ${group.targetType}, which is incompatible with the awsvpc network mode specified in the task definition.`,
        );
      }
    }
  }

  /** `at`: when the task started (ECS registers it then; the emulator starts tasks when it is next asked). */
  private registerInLattice(task: Task, def: Json, deployment: Deployment, at: number): void {
    const lattice = this.opts.lattice;
    if (!lattice) return;
    const images = (def.containerDefinitions as Json[]).map((c) => c.image as string);
    for (const config of deployment.vpcLatticeConfigurations ?? []) {
      const port = this.portNamed(def, config.portName)?.containerPort as number;
      if (!lattice.findTargetGroup(config.targetGroupArn)) continue; // deleted since: ECS cannot register the task
      lattice.register(config.targetGroupArn, { id: task.ip, port, taskId: task.id, images, at });
      task.latticeTargets.push({ targetGroupArn: config.targetGroupArn, port });
    }
  }

  private portNamed(def: Json, name: string): Json | undefined {
    return (def.containerDefinitions as Json[])
      .flatMap((c) => (c.portMappings ?? []) as Json[])
      .find((p) => p.name === name);
  }

  /** The checks ECS makes of vpcLatticeConfigurations against the task definition when a deployment starts. */
  private checkLattice(def: Json, configs: VpcLatticeConfiguration[] | undefined): void {
    for (const config of configs ?? []) {
      if (def.networkMode !== 'awsvpc') {
        throw new AwsError(
          'InvalidParameterException',
          'vpcLatticeConfigurations require a task definition with networkMode awsvpc.',
        );
      }
      if (!this.portNamed(def, config.portName)) {
        throw new AwsError(
          'InvalidParameterException',
          `The portName ${config.portName} in vpcLatticeConfigurations does not match the name of a port mapping ` +
            `in task definition ${def.family}:${def.revision}.`,
        );
      }
      const group = this.opts.lattice?.findTargetGroup(config.targetGroupArn);
      if (this.opts.lattice && !group) {
        throw new AwsError(
          'InvalidParameterException',
          `VPC Lattice target group ${config.targetGroupArn} does not exist.`,
        );
      }
      if (group && group.type !== 'IP') {
        throw new AwsError('InvalidParameterException', `VPC Lattice target group ${group.name} must be of type IP.`);
      }
    }
  }

  /** DeleteService: refused while tasks are desired unless forced; the service goes away with its tasks. */
  private deleteService(input: Json): EcsService {
    const cluster = this.cluster(input.cluster);
    const name = String(input.service).replace(/^arn:.*\//, '');
    const service = this.services.get(cluster)?.get(name);
    if (!service) throw new AwsError('ServiceNotFoundException', `Service not found: ${name}`);
    if (service.desiredCount > 0 && !input.force) {
      throw new AwsError('InvalidParameterException', 'The service cannot be stopped while it is scaled above 0.');
    }
    for (const task of [...this.tasks.values()].filter((t) => t.cluster === cluster && t.service === name)) {
      this.stopTask(service, task);
    }
    this.services.get(cluster)!.delete(name);
    return { ...service, status: 'DRAINING', desiredCount: 0 };
  }

  private stopTask(service: EcsService, task: Task): void {
    this.tasks.delete(task.id);
    for (const target of task.latticeTargets) {
      this.opts.lattice?.deregister(target.targetGroupArn, task.ip, target.port);
    }
    for (const target of task.albTargets) this.opts.elbv2?.deregisterTask(target.targetGroupArn, task.ip, target.port);
    for (const registry of service.serviceRegistries ?? []) {
      const cm = this.opts.cloudMap.serviceByArn(registry.registryArn);
      if (cm) this.opts.cloudMap.deregister(cm.Id, task.id);
    }
  }

  private deployment(
    taskDefinition: string,
    desiredCount: number,
    now = Date.now(),
    lattice?: VpcLatticeConfiguration[],
  ): Deployment {
    return {
      id: newId('ecs-svc/', 19),
      status: 'PRIMARY',
      taskDefinition,
      desiredCount,
      pendingCount: desiredCount,
      runningCount: 0,
      failedTasks: 0,
      createdAt: epochSeconds(now),
      updatedAt: epochSeconds(now),
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: 'ECS deployment ecs-svc in progress.',
      readyAt: now + this.opts.rolloutDelayMs(),
      ...(lattice?.length ? { vpcLatticeConfigurations: clone(lattice) } : {}),
    };
  }

  /** Creates a service whose tasks already run (for seeding fixtures). */
  seedService(cluster: string, input: Json): EcsService {
    const service = this.createService({ ...input, cluster });
    this.resolve(cluster, service, service.deployments[0], Date.now());
    if (this.balanced(service) && service.deployments[0].rolloutState === 'IN_PROGRESS') {
      // Seeded tasks have passed their health checks already (their groups must be in use by a listener).
      for (const lb of service.loadBalancers ?? [])
        if (lb.targetGroupArn) this.opts.elbv2!.markHealthy(lb.targetGroupArn);
      this.resolve(cluster, service, service.deployments[0], Date.now());
    }
    return service;
  }

  private createService(input: Json): EcsService {
    const cluster = this.cluster(input.cluster);
    const services = this.services.get(cluster)!;
    const existing = services.get(input.serviceName);
    if (existing && existing.status !== 'INACTIVE') {
      throw new AwsError('InvalidParameterException', 'Creation of service was not idempotent.');
    }
    const def = this.taskDefinition(input.taskDefinition);
    if (!def) throw new AwsError('ClientException', 'TaskDefinition not found.');
    if (def.networkMode === 'awsvpc' && !input.networkConfiguration?.awsvpcConfiguration) {
      throw new AwsError(
        'InvalidParameterException',
        "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
      );
    }
    for (const registry of input.serviceRegistries ?? []) {
      if (!this.opts.cloudMap.serviceByArn(registry.registryArn)) {
        throw new AwsError('InvalidParameterException', `Service registry ${registry.registryArn} does not exist.`);
      }
    }
    this.checkLattice(def, input.vpcLatticeConfigurations);
    this.checkLoadBalancers(def, input.loadBalancers);
    const deployment = this.deployment(
      def.taskDefinitionArn,
      input.desiredCount ?? 0,
      Date.now(),
      input.vpcLatticeConfigurations,
    );
    deployment.launchType = input.launchType;
    const service: EcsService = {
      ...clone(input),
      serviceName: input.serviceName,
      serviceArn: `arn:aws:ecs:${this.opts.region}:${ACCOUNT}:service/${cluster}/${input.serviceName}`,
      clusterArn: this.clusters.get(cluster)!.clusterArn,
      status: 'ACTIVE',
      taskDefinition: def.taskDefinitionArn,
      desiredCount: input.desiredCount ?? 0,
      runningCount: 0,
      pendingCount: input.desiredCount ?? 0,
      schedulingStrategy: input.schedulingStrategy ?? 'REPLICA',
      deploymentConfiguration: input.deploymentConfiguration ?? {
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        deploymentCircuitBreaker: { enable: false, rollback: false },
      },
      deployments: [deployment],
      createdAt: epochSeconds(),
      platformVersion: input.launchType === 'FARGATE' ? (input.platformVersion ?? 'LATEST') : undefined,
    };
    delete service.cluster;
    delete service.clientToken;
    delete service.vpcLatticeConfigurations;
    services.set(input.serviceName, service);
    return service;
  }

  private updateService(input: Json): EcsService {
    const cluster = this.cluster(input.cluster);
    const service = this.services.get(cluster)!.get(input.service.replace(/^arn:.*\//, ''));
    if (!service) throw new AwsError('ServiceNotFoundException', 'Service not found.');
    if (service.status !== 'ACTIVE') throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.');
    if (input.desiredCount !== undefined) service.desiredCount = input.desiredCount;
    if (input.deploymentConfiguration) service.deploymentConfiguration = input.deploymentConfiguration;
    const def = input.taskDefinition ? this.taskDefinition(input.taskDefinition) : undefined;
    if (input.taskDefinition && !def) throw new AwsError('ClientException', 'TaskDefinition not found.');
    const current = service.deployments.find((d) => d.status === 'PRIMARY');
    const lattice = (input.vpcLatticeConfigurations ?? current?.vpcLatticeConfigurations) as
      | VpcLatticeConfiguration[]
      | undefined;
    if (def || input.vpcLatticeConfigurations) {
      this.checkLattice(def ?? this.taskDefinition(service.taskDefinition)!, lattice);
    }
    if (def || input.loadBalancers) {
      this.checkLoadBalancers(
        def ?? this.taskDefinition(service.taskDefinition)!,
        input.loadBalancers ?? service.loadBalancers,
      );
    }
    if (input.loadBalancers) service.loadBalancers = clone(input.loadBalancers);
    if (def || input.forceNewDeployment || input.vpcLatticeConfigurations || input.loadBalancers) {
      const next = this.deployment(
        def?.taskDefinitionArn ?? service.taskDefinition,
        service.desiredCount,
        Date.now(),
        lattice,
      );
      service.taskDefinition = next.taskDefinition;
      service.deployments = [
        next,
        ...service.deployments.filter((d) => d.status === 'PRIMARY').map((d) => ({ ...d, status: 'ACTIVE' as const })),
      ];
      service.pendingCount = service.desiredCount;
    } else if (input.desiredCount !== undefined) {
      // Scaling without a new task definition: the primary deployment grows or shrinks in place.
      const primary = service.deployments.find((d) => d.status === 'PRIMARY')!;
      primary.desiredCount = service.desiredCount;
      if (primary.rolloutState === 'COMPLETED') this.replaceTasks(cluster, service, primary);
      service.runningCount = primary.runningCount;
    }
    return service;
  }

  /** Runs a write of a service, remembering the service as it was before (for staleReads) once the write succeeded. */
  private written<T>(clusterRef: string | undefined, ref: string, write: () => T): T {
    const cluster = this.cluster(clusterRef);
    const name = String(ref).replace(/^arn:.*\//, '');
    const current = this.services.get(cluster)!.get(name);
    const before = current && (clone(current) as EcsService);
    const out = write();
    this.beforeLastWrite.set(`${cluster}/${name}`, before);
    return out;
  }

  /** The service a DescribeServices answers: as it is, or as it was before its last write while staleReads says so. */
  private answered(cluster: string, name: string): EcsService | undefined {
    const key = `${cluster}/${name}`;
    const stale = this.staleReads.get(name) ?? 0;
    if (stale <= 0 || !this.beforeLastWrite.has(key)) return this.services.get(cluster)!.get(name);
    if (stale === 1) this.staleReads.delete(name);
    else this.staleReads.set(name, stale - 1);
    return this.beforeLastWrite.get(key);
  }

  private view(service: EcsService, includeTags: boolean): Json {
    const out = clone(service) as Json;
    if (!includeTags) delete out.tags;
    out.deployments = (out.deployments as Deployment[]).map(({ readyAt: _readyAt, ...d }) => d);
    return out;
  }

  handle(operation: string, input: Json): unknown {
    this.advance();
    const deployments = this.serviceDeployments.handle(operation, input);
    if (deployments !== undefined) return deployments;
    switch (operation) {
      case 'CreateCluster':
        this.createCluster(input.clusterName ?? 'default');
        return { cluster: { ...this.clusters.get(input.clusterName ?? 'default'), status: 'ACTIVE' } };
      case 'DescribeClusters': {
        const names: string[] = input.clusters ?? ['default'];
        return {
          clusters: names
            .filter((n) => this.clusters.has(n.replace(/^arn:.*\//, '')))
            .map((n) => ({ ...this.clusters.get(n.replace(/^arn:.*\//, '')), status: 'ACTIVE' })),
          failures: names
            .filter((n) => !this.clusters.has(n.replace(/^arn:.*\//, '')))
            .map((n) => ({ arn: n, reason: 'MISSING' })),
        };
      }
      case 'RegisterTaskDefinition': {
        const taskDefinition = this.registerTaskDefinition(input);
        return { taskDefinition, tags: input.tags };
      }
      case 'DescribeTaskDefinition': {
        const taskDefinition = this.taskDefinition(input.taskDefinition);
        if (!taskDefinition) throw new AwsError('ClientException', 'Unable to describe task definition.');
        const tags = (input.include ?? []).includes('TAGS')
          ? (this.taskDefinitionTags.get(taskDefinition.taskDefinitionArn) ?? [])
          : undefined;
        return { taskDefinition, tags };
      }
      case 'DeregisterTaskDefinition': {
        const taskDefinition = this.taskDefinition(input.taskDefinition);
        if (!taskDefinition || !String(input.taskDefinition).match(/:\d+$/)) {
          throw new AwsError('ClientException', 'The specified task definition does not exist.');
        }
        taskDefinition.status = 'INACTIVE';
        return { taskDefinition };
      }
      case 'ListTaskDefinitions': {
        const arns = [...this.taskDefinitions.values()]
          .flat()
          .filter((t) => !input.familyPrefix || t.family.startsWith(input.familyPrefix))
          .map((t) => t.taskDefinitionArn);
        return { taskDefinitionArns: arns };
      }
      case 'CreateService':
        return this.written(input.cluster, input.serviceName, () => ({
          service: this.view(this.createService(input), true),
        }));
      case 'UpdateService':
        return this.written(input.cluster, input.service, () => ({
          service: this.view(this.updateService(input), false),
        }));
      case 'DeleteService':
        return this.written(input.cluster, input.service, () => ({
          service: this.view(this.deleteService(input), false),
        }));
      case 'DescribeServices': {
        const cluster = this.cluster(input.cluster);
        const names = (input.services as string[]).map((s) => s.replace(/^arn:.*\//, ''));
        const services = new Map(names.map((n) => [n, this.answered(cluster, n)]));
        const includeTags = (input.include ?? []).includes('TAGS');
        return {
          services: names.filter((n) => services.get(n)).map((n) => this.view(services.get(n)!, includeTags)),
          failures: names
            .filter((n) => !services.get(n))
            .map((n) => ({
              arn: `arn:aws:ecs:${this.opts.region}:${ACCOUNT}:service/${cluster}/${n}`,
              reason: 'MISSING',
            })),
        };
      }
      case 'ListServices': {
        const cluster = this.cluster(input.cluster);
        return { serviceArns: [...this.services.get(cluster)!.values()].map((s) => s.serviceArn) };
      }
      case 'ListTasks': {
        const cluster = this.cluster(input.cluster);
        const tasks = [...this.tasks.values()].filter(
          (t) => t.cluster === cluster && (!input.serviceName || t.service === input.serviceName),
        );
        return { taskArns: tasks.map((t) => t.taskArn) };
      }
      case 'DescribeTasks': {
        const ids = (input.tasks as string[]).map((t) => t.replace(/^arn:.*\//, ''));
        const tasks = ids.flatMap((id) => (this.tasks.has(id) ? [this.tasks.get(id)!] : []));
        return {
          tasks: tasks.map((t) => ({
            taskArn: t.taskArn,
            clusterArn: this.clusters.get(t.cluster)!.clusterArn,
            taskDefinitionArn: t.taskDefinitionArn,
            group: `service:${t.service}`,
            lastStatus: 'RUNNING',
            desiredStatus: 'RUNNING',
            healthStatus: 'HEALTHY',
            availabilityZone: t.az,
            attachments: [eni(t)],
          })),
          failures: ids.filter((id) => !this.tasks.has(id)).map((id) => ({ arn: id, reason: 'MISSING' })),
        };
      }
      default:
        throw new AwsError('UnknownOperationException', `The emulator does not implement ECS ${operation}`);
    }
  }
}

/** The task's network interface as DescribeTasks shows it (awsvpc), with the private IP Lattice targets use. */
function eni(task: Task): Json {
  return {
    id: task.id.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
    type: 'ElasticNetworkInterface',
    status: 'ATTACHED',
    details: [
      { name: 'networkInterfaceId', value: `eni-${task.id.slice(0, 17)}` },
      { name: 'privateIPv4Address', value: task.ip },
    ],
  };
}
