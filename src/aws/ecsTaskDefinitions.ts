// ECS task definitions: describe (a revision or a family's latest) and register.
import {
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  type ECSClient,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { awsErrorName } from '../errors.js';
import type { TaskDefinitionInput } from '../plan/taskDefinition.js';

export async function describeTaskDefinition(ecs: ECSClient, arnOrFamily: string): Promise<TaskDefinition | undefined> {
  try {
    const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arnOrFamily }));
    return out.taskDefinition;
  } catch (err) {
    // ECS answers ClientException ("Unable to describe task definition") for a family or revision it does not have.
    if (awsErrorName(err) === 'ClientException') return undefined;
    throw err;
  }
}

export async function registerTaskDefinition(ecs: ECSClient, definition: TaskDefinitionInput): Promise<TaskDefinition> {
  const out = await ecs.send(new RegisterTaskDefinitionCommand(definition));
  if (!out.taskDefinition?.taskDefinitionArn) throw new Error('RegisterTaskDefinition returned no taskDefinitionArn');
  return out.taskDefinition;
}
