// Pure: the canary virtual node's spec, and the traffic-isolation check between stable and canary Cloud Map filters.
import type {
  AwsCloudMapInstanceAttribute,
  AwsCloudMapServiceDiscovery,
  VirtualNodeSpec,
} from '@aws-sdk/client-app-mesh';
import { PlanError } from '../../errors.js';
import type { CloudMapAttribute } from './settings.js';
import { canonical } from '../../plan/taskDefinition.js';

/** Attributes ECS registers in Cloud Map for every task of a service. */
export interface TaskAttributes {
  ECS_SERVICE_NAME: string;
  ECS_TASK_DEFINITION_FAMILY: string;
  ECS_CLUSTER_NAME: string;
}

/** Attributes ECS also registers whose values stable and canary tasks share (same cluster, subnets, region). */
const SHARED_KEYS = new Set([
  'AVAILABILITY_ZONE',
  'REGION',
  'AWS_INSTANCE_IPV4',
  'AWS_INIT_HEALTH_STATUS',
  'ECS_CLUSTER_NAME',
]);

export function cloudMapOf(spec: VirtualNodeSpec | undefined, nodeName: string): AwsCloudMapServiceDiscovery {
  const cloudMap = spec?.serviceDiscovery?.awsCloudMap;
  if (!cloudMap) {
    const kind = spec?.serviceDiscovery?.dns ? 'DNS' : 'no';
    throw new PlanError(
      `Cloud Map discovery required: virtual node ${nodeName} uses ${kind} service discovery, so its endpoints cannot be told apart from the canary's. Switch it to AWS Cloud Map (awsCloudMap with namespaceName and serviceName)`,
      'stable-virtual-node',
    );
  }
  return cloudMap;
}

/** The stable node's spec with only the Cloud Map attribute filter replaced. */
export function canaryNodeSpec(
  stable: VirtualNodeSpec,
  stableName: string,
  attributes: readonly CloudMapAttribute[],
): VirtualNodeSpec {
  const cloudMap = cloudMapOf(stable, stableName);
  const spec = structuredClone(stable);
  spec.serviceDiscovery = {
    awsCloudMap: { ...cloudMap, attributes: attributes.map((a) => ({ key: a.key, value: a.value })) },
  };
  return spec;
}

/** Whether a Cloud Map attribute filter can select a task with these ECS-registered attributes. */
export function filterMatches(
  filter: readonly AwsCloudMapInstanceAttribute[] | undefined,
  task: TaskAttributes,
): boolean {
  return (filter ?? []).every(({ key, value }) => {
    if (key === undefined) return true;
    if (key in task && !SHARED_KEYS.has(key)) return task[key as keyof TaskAttributes] === value;
    if (key === 'ECS_CLUSTER_NAME') return task.ECS_CLUSTER_NAME === value;
    // Shared keys (AZ, region, …) can match either side; any other key is never registered by ECS.
    return SHARED_KEYS.has(key);
  });
}

export interface IsolationInput {
  stableNode: string;
  stableSpec: VirtualNodeSpec;
  canaryAttributes: readonly CloudMapAttribute[];
  stableTasks: TaskAttributes;
  canaryTasks: TaskAttributes;
}

/**
 * Before any write: the stable node must not select canary tasks (else the canary gets traffic through the stable
 * target whatever the weights say), and the canary node must select the canary tasks and only them.
 */
export function checkIsolation(input: IsolationInput): void {
  const stableMap = cloudMapOf(input.stableSpec, input.stableNode);
  if (filterMatches(stableMap.attributes, input.canaryTasks)) {
    const suggested = [
      ...(stableMap.attributes ?? []).filter((a) => a.key !== 'ECS_SERVICE_NAME'),
      {
        key: 'ECS_SERVICE_NAME',
        value: input.stableTasks.ECS_SERVICE_NAME,
      },
    ];
    const filter = JSON.stringify({ awsCloudMap: { ...stableMap, attributes: suggested } });
    throw new PlanError(
      `Traffic isolation: the Cloud Map filter of virtual node ${input.stableNode} (${describeFilter(stableMap.attributes)}) also selects the canary's tasks, so the canary would get traffic through the stable target whatever the weights say. Add an attribute that only stable tasks carry; for example set its serviceDiscovery to ${filter}`,
      'stable-virtual-node',
    );
  }
  if (!filterMatches(input.canaryAttributes, input.canaryTasks)) {
    throw new PlanError(
      `The canary filter (${describeFilter(input.canaryAttributes)}) does not select the canary's tasks, which ECS registers with ${describeFilter(asList(input.canaryTasks))}`,
      'cloud-map-attributes',
    );
  }
  if (filterMatches(input.canaryAttributes, input.stableTasks)) {
    throw new PlanError(
      `The canary filter (${describeFilter(input.canaryAttributes)}) also selects the stable tasks (${describeFilter(asList(input.stableTasks))}); use an attribute only canary tasks carry, such as ECS_SERVICE_NAME=${input.canaryTasks.ECS_SERVICE_NAME}`,
      'cloud-map-attributes',
    );
  }
}

function asList(task: TaskAttributes): CloudMapAttribute[] {
  return Object.entries(task).map(([key, value]) => ({ key, value }));
}

function describeFilter(attributes: readonly AwsCloudMapInstanceAttribute[] | undefined): string {
  if (!attributes?.length) return 'no attributes';
  return attributes.map((a) => `${a.key}=${a.value}`).join(', ');
}

export function sameNodeSpec(a: VirtualNodeSpec | undefined, b: VirtualNodeSpec | undefined): boolean {
  return canonical(a) === canonical(b);
}

/** `mesh/<mesh>/virtualNode/<node>` for meshes of this account, the full ARN for shared meshes. */
export function envoyResourceArn(opts: {
  mesh: string;
  meshOwner?: string;
  node: string;
  stableNodeArn: string;
}): string {
  if (!opts.meshOwner) return `mesh/${opts.mesh}/virtualNode/${opts.node}`;
  return opts.stableNodeArn.replace(/virtualNode\/[^/]+$/, `virtualNode/${opts.node}`);
}
