// AWS Cloud Map (servicediscovery): namespaces, services and the instances ECS registers for running tasks.
import { ACCOUNT, AwsError, clone, epochSeconds, newId } from './common.js';

export interface Namespace {
  Id: string;
  Arn: string;
  Name: string;
  Type: 'DNS_PRIVATE' | 'DNS_PUBLIC' | 'HTTP';
  CreateDate: number;
}

export interface CloudMapService {
  Id: string;
  Arn: string;
  Name: string;
  NamespaceId: string;
  CreateDate: number;
}

export interface Instance {
  Id: string;
  Attributes: Record<string, string>;
}

export class CloudMap {
  namespaces = new Map<string, Namespace>();
  services = new Map<string, CloudMapService>();
  /** Instances by service id. */
  instances = new Map<string, Map<string, Instance>>();

  constructor(private readonly region: string) {}

  createNamespace(name: string, type: Namespace['Type'] = 'DNS_PRIVATE'): Namespace {
    const id = newId('ns-', 16);
    const ns: Namespace = {
      Id: id,
      Arn: `arn:aws:servicediscovery:${this.region}:${ACCOUNT}:namespace/${id}`,
      Name: name,
      Type: type,
      CreateDate: epochSeconds(),
    };
    this.namespaces.set(id, ns);
    return ns;
  }

  createService(namespaceId: string, name: string): CloudMapService {
    const id = newId('srv-', 16);
    const svc: CloudMapService = {
      Id: id,
      Arn: `arn:aws:servicediscovery:${this.region}:${ACCOUNT}:service/${id}`,
      Name: name,
      NamespaceId: namespaceId,
      CreateDate: epochSeconds(),
    };
    this.services.set(id, svc);
    this.instances.set(id, new Map());
    return svc;
  }

  serviceByArn(arn: string): CloudMapService | undefined {
    return [...this.services.values()].find((s) => s.Arn === arn);
  }

  serviceByName(namespaceName: string, serviceName: string): CloudMapService | undefined {
    const ns = [...this.namespaces.values()].find((n) => n.Name === namespaceName);
    return ns && [...this.services.values()].find((s) => s.NamespaceId === ns.Id && s.Name === serviceName);
  }

  register(serviceId: string, instanceId: string, attributes: Record<string, string>): void {
    this.instances.get(serviceId)?.set(instanceId, { Id: instanceId, Attributes: { ...attributes } });
  }

  deregister(serviceId: string, instanceId: string): void {
    this.instances.get(serviceId)?.delete(instanceId);
  }

  /** DiscoverInstances semantics: healthy instances whose attributes match every query parameter. */
  discover(namespaceName: string, serviceName: string, query: Record<string, string> = {}): Instance[] {
    const svc = this.serviceByName(namespaceName, serviceName);
    if (!svc) return [];
    return [...this.instances.get(svc.Id)!.values()].filter(
      (i) =>
        i.Attributes.AWS_INIT_HEALTH_STATUS !== 'UNHEALTHY' &&
        Object.entries(query).every(([k, v]) => i.Attributes[k] === v),
    );
  }

  handle(operation: string, input: Record<string, unknown>): unknown {
    switch (operation) {
      case 'ListNamespaces':
        return { Namespaces: [...this.namespaces.values()].map(clone) };
      case 'GetNamespace': {
        const ns = this.namespaces.get(input.Id as string);
        if (!ns) throw new AwsError('NamespaceNotFound', `Namespace ${input.Id} not found`);
        return { Namespace: clone(ns) };
      }
      case 'ListServices':
        return { Services: [...this.services.values()].map(clone) };
      case 'GetService': {
        const svc = this.services.get(input.Id as string);
        if (!svc) throw new AwsError('ServiceNotFound', `Service ${input.Id} not found`);
        return { Service: clone(svc) };
      }
      case 'ListInstances': {
        const instances = this.instances.get(input.ServiceId as string);
        if (!instances) throw new AwsError('ServiceNotFound', `Service ${input.ServiceId} not found`);
        return { Instances: [...instances.values()].map(clone) };
      }
      case 'DiscoverInstances': {
        const found = this.discover(
          input.NamespaceName as string,
          input.ServiceName as string,
          (input.QueryParameters ?? {}) as Record<string, string>,
        );
        return {
          Instances: found.map((i) => ({
            InstanceId: i.Id,
            NamespaceName: input.NamespaceName,
            ServiceName: input.ServiceName,
            HealthStatus: 'HEALTHY',
            Attributes: clone(i.Attributes),
          })),
        };
      }
      default:
        throw new AwsError(
          'UnknownOperationException',
          `The emulator does not implement servicediscovery ${operation}`,
        );
    }
  }
}
