// The ECS calls of ECS-native deployments: list and describe a service's deployments, the task definition of a
// service revision and its tags, continue or stop a deployment. The only module of the provider that sends commands
// of its own; services are described and updated through src/aws/ecsServices.ts.
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeTaskDefinitionCommand,
  ListServiceDeploymentsCommand,
  StopServiceDeploymentCommand,
  type ECSClient,
  type ServiceDeployment,
  type ServiceDeploymentBrief,
  type Tag,
} from '@aws-sdk/client-ecs';
import type { DeploymentStatus } from './state.js';

export class EcsNativeApi {
  constructor(readonly client: ECSClient) {}

  /** The service's deployments with one of `status`, newest first. */
  async listDeployments(
    cluster: string,
    service: string,
    status: readonly DeploymentStatus[],
  ): Promise<ServiceDeploymentBrief[]> {
    const found: ServiceDeploymentBrief[] = [];
    let nextToken: string | undefined;
    do {
      const out = await this.client.send(
        new ListServiceDeploymentsCommand({ cluster, service, status: [...status], nextToken }),
      );
      found.push(...(out.serviceDeployments ?? []));
      nextToken = out.nextToken;
    } while (nextToken);
    return found.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0));
  }

  async describeDeployment(serviceDeploymentArn: string): Promise<ServiceDeployment | undefined> {
    const out = await this.client.send(
      new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [serviceDeploymentArn] }),
    );
    return out.serviceDeployments?.[0];
  }

  /** The task definition a service revision runs. */
  async revisionTaskDefinition(serviceRevisionArn: string): Promise<string | undefined> {
    const out = await this.client.send(
      new DescribeServiceRevisionsCommand({ serviceRevisionArns: [serviceRevisionArn] }),
    );
    return out.serviceRevisions?.[0]?.taskDefinition;
  }

  /** A task definition (an ARN, or a family's newest revision) and its tags; undefined when ECS does not know it. */
  async taskDefinitionWithTags(taskDefinition: string): Promise<{ arn: string; tags: Tag[] } | undefined> {
    try {
      const out = await this.client.send(new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }));
      const arn = out.taskDefinition?.taskDefinitionArn;
      return arn ? { arn, tags: out.tags ?? [] } : undefined;
    } catch (err) {
      // ECS answers ClientException ("Unable to describe task definition") for one it does not have.
      if ((err as { name?: string }).name === 'ClientException') return undefined;
      throw err;
    }
  }

  async continueDeployment(serviceDeploymentArn: string, hookId: string, action: 'CONTINUE' | 'ROLLBACK') {
    await this.client.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn, hookId, action }));
  }

  async stopDeployment(serviceDeploymentArn: string) {
    await this.client.send(new StopServiceDeploymentCommand({ serviceDeploymentArn, stopType: 'ROLLBACK' }));
  }
}
