// AWS App Mesh: meshes, virtual nodes, virtual routers, routes and virtual services, with metadata versions.
import { ACCOUNT, AwsError, clone, epochSeconds, newId, notFound } from './common.js';

type Spec = Record<string, any>;

interface Metadata {
  arn: string;
  createdAt: number;
  lastUpdatedAt: number;
  meshOwner: string;
  resourceOwner: string;
  uid: string;
  version: number;
}

export interface Resource {
  name: string;
  spec: Spec;
  metadata: Metadata;
  /** Routes only: their router. */
  router?: string;
}

export interface Mesh {
  name: string;
  owner: string;
  spec: Spec;
  metadata: Metadata;
  virtualNodes: Map<string, Resource>;
  virtualRouters: Map<string, Resource>;
  routes: Map<string, Resource>; // key `${router}/${route}`
  virtualServices: Map<string, Resource>;
}

const KINDS = {
  VirtualNode: { map: 'virtualNodes', nameKey: 'virtualNodeName', dataKey: 'virtualNode', arnPart: 'virtualNode' },
  VirtualRouter: {
    map: 'virtualRouters',
    nameKey: 'virtualRouterName',
    dataKey: 'virtualRouter',
    arnPart: 'virtualRouter',
  },
  Route: { map: 'routes', nameKey: 'routeName', dataKey: 'route', arnPart: 'route' },
  VirtualService: {
    map: 'virtualServices',
    nameKey: 'virtualServiceName',
    dataKey: 'virtualService',
    arnPart: 'virtualService',
  },
} as const;
type Kind = keyof typeof KINDS;

export class AppMesh {
  meshes = new Map<string, Mesh>();

  constructor(private readonly region: string) {}

  private metadata(arn: string, owner: string): Metadata {
    const now = epochSeconds();
    return {
      arn,
      createdAt: now,
      lastUpdatedAt: now,
      meshOwner: owner,
      resourceOwner: owner,
      uid: newId('', 32),
      version: 1,
    };
  }

  createMesh(name: string, spec: Spec = {}, owner = ACCOUNT): Mesh {
    if (this.meshes.has(name)) throw new AwsError('ConflictException', `Mesh ${name} already exists`);
    const mesh: Mesh = {
      name,
      owner,
      spec,
      metadata: this.metadata(`arn:aws:appmesh:${this.region}:${owner}:mesh/${name}`, owner),
      virtualNodes: new Map(),
      virtualRouters: new Map(),
      routes: new Map(),
      virtualServices: new Map(),
    };
    this.meshes.set(name, mesh);
    return mesh;
  }

  mesh(name: string, owner?: string): Mesh {
    const mesh = this.meshes.get(name);
    if (!mesh || (owner !== undefined && owner !== mesh.owner))
      throw notFound(`Mesh ${name}${owner ? ` owned by ${owner}` : ''} not found`);
    return mesh;
  }

  private arn(mesh: Mesh, kind: Kind, name: string, router?: string): string {
    const base = `${mesh.metadata.arn}/`;
    return kind === 'Route' ? `${base}virtualRouter/${router}/route/${name}` : `${base}${KINDS[kind].arnPart}/${name}`;
  }

  /** The describe shape of a resource, e.g. VirtualNodeData. */
  private data(mesh: Mesh, kind: Kind, r: Resource): Record<string, unknown> {
    const out: Record<string, unknown> = {
      meshName: mesh.name,
      [KINDS[kind].nameKey]: r.name,
      spec: clone(r.spec),
      metadata: clone(r.metadata),
      status: { status: 'ACTIVE' },
    };
    if (kind === 'Route') out.virtualRouterName = r.router;
    return out;
  }

  /** Semantic checks App Mesh makes beyond the model's shapes. */
  private check(mesh: Mesh, kind: Kind, spec: Spec): void {
    if (kind === 'Route') {
      const section = spec.httpRoute ?? spec.http2Route ?? spec.grpcRoute ?? spec.tcpRoute;
      if (!section)
        throw new AwsError(
          'BadRequestException',
          'Route spec must contain one of httpRoute, http2Route, grpcRoute, tcpRoute',
        );
      const targets: { virtualNode: string; weight: number }[] = section.action.weightedTargets;
      for (const t of targets) {
        if (!mesh.virtualNodes.has(t.virtualNode))
          throw new AwsError(
            'BadRequestException',
            `Virtual node ${t.virtualNode} referenced by the route does not exist`,
          );
      }
      const total = targets.reduce((sum, t) => sum + t.weight, 0);
      if (total > 100)
        throw new AwsError(
          'BadRequestException',
          `The total weight of the weighted targets must be at most 100; got ${total}`,
        );
    }
    if (kind === 'VirtualService') {
      const router = spec.provider?.virtualRouter?.virtualRouterName;
      const node = spec.provider?.virtualNode?.virtualNodeName;
      if (router && !mesh.virtualRouters.has(router)) throw notFound(`Virtual router ${router} not found`);
      if (node && !mesh.virtualNodes.has(node)) throw notFound(`Virtual node ${node} not found`);
    }
  }

  put(
    meshName: string,
    kind: Kind,
    name: string,
    spec: Spec,
    opts: { router?: string; create: boolean; owner?: string },
  ): Record<string, unknown> {
    const mesh = this.mesh(meshName, opts.owner);
    const map = mesh[KINDS[kind].map] as Map<string, Resource>;
    if (kind === 'Route' && !mesh.virtualRouters.has(opts.router!))
      throw notFound(`Virtual router ${opts.router} not found`);
    const key = kind === 'Route' ? `${opts.router}/${name}` : name;
    const existing = map.get(key);
    if (opts.create && existing)
      throw new AwsError('ConflictException', `${kind} ${name} already exists in mesh ${meshName}`);
    if (!opts.create && !existing) throw notFound(`${kind} ${name} not found in mesh ${meshName}`);
    this.check(mesh, kind, spec);
    let resource: Resource;
    if (existing) {
      existing.spec = clone(spec);
      existing.metadata.version += 1;
      existing.metadata.lastUpdatedAt = epochSeconds();
      resource = existing;
    } else {
      resource = {
        name,
        spec: clone(spec),
        metadata: this.metadata(this.arn(mesh, kind, name, opts.router), mesh.owner),
        router: opts.router,
      };
      map.set(key, resource);
    }
    return this.data(mesh, kind, resource);
  }

  get(
    meshName: string,
    kind: Kind,
    name: string,
    opts: { router?: string; owner?: string } = {},
  ): Record<string, unknown> {
    const mesh = this.mesh(meshName, opts.owner);
    const map = mesh[KINDS[kind].map] as Map<string, Resource>;
    const resource = map.get(kind === 'Route' ? `${opts.router}/${name}` : name);
    if (!resource || (kind === 'Route' && !mesh.virtualRouters.has(opts.router!)))
      throw notFound(`${kind} ${name} not found in mesh ${meshName}`);
    return this.data(mesh, kind, resource);
  }

  /** Tags by resource ARN (given on create, or by TagResource). */
  readonly tags = new Map<string, { key: string; value: string }[]>();

  private tagOperation(operation: string, input: Record<string, any>): unknown {
    const arn = String(input.resourceArn);
    if (operation === 'ListTagsForResource') return { tags: this.tags.get(arn) ?? [] };
    if (operation === 'TagResource') {
      const kept = (this.tags.get(arn) ?? []).filter((t) => !input.tags.some((n: { key: string }) => n.key === t.key));
      this.tags.set(arn, [...kept, ...input.tags]);
      return {};
    }
    throw new AwsError('BadRequestException', `The emulator does not implement App Mesh ${operation}`);
  }

  handle(operation: string, input: Record<string, any>): unknown {
    if (/^(ListTagsForResource|TagResource)$/.test(operation)) return this.tagOperation(operation, input);
    const owner = input.meshOwner as string | undefined;
    const match =
      /^(Create|Describe|Update|Delete|List)(VirtualNode|VirtualRouter|Route|VirtualService|Mesh)e?s?$/.exec(operation);
    if (!match) throw new AwsError('BadRequestException', `The emulator does not implement App Mesh ${operation}`);
    const [, verb, kindName] = match;
    if (kindName === 'Mesh') {
      if (verb === 'Describe') {
        const mesh = this.mesh(input.meshName, owner);
        return {
          mesh: {
            meshName: mesh.name,
            spec: clone(mesh.spec),
            metadata: clone(mesh.metadata),
            status: { status: 'ACTIVE' },
          },
        };
      }
      if (verb === 'List')
        return {
          meshes: [...this.meshes.values()].map((m) => ({
            meshName: m.name,
            arn: m.metadata.arn,
            meshOwner: m.owner,
            resourceOwner: m.owner,
            version: m.metadata.version,
          })),
        };
      if (verb === 'Create') {
        const mesh = this.createMesh(input.meshName, input.spec ?? {});
        return {
          mesh: {
            meshName: mesh.name,
            spec: clone(mesh.spec),
            metadata: clone(mesh.metadata),
            status: { status: 'ACTIVE' },
          },
        };
      }
      throw new AwsError('BadRequestException', `The emulator does not implement App Mesh ${operation}`);
    }
    const kind = kindName as Kind;
    const { nameKey, dataKey, map } = KINDS[kind];
    const router = input.virtualRouterName as string | undefined;
    switch (verb) {
      case 'Create':
      case 'Update': {
        const data = this.put(input.meshName, kind, input[nameKey], input.spec, {
          router,
          create: verb === 'Create',
          owner,
        });
        const arn = (data.metadata as { arn: string }).arn;
        if (verb === 'Create' && input.tags?.length) this.tags.set(arn, input.tags);
        return { [dataKey]: data };
      }
      case 'Describe':
        return { [dataKey]: this.get(input.meshName, kind, input[nameKey], { router, owner }) };
      case 'Delete': {
        const data = this.get(input.meshName, kind, input[nameKey], { router, owner });
        const mesh = this.mesh(input.meshName, owner);
        (mesh[map] as Map<string, Resource>).delete(kind === 'Route' ? `${router}/${input[nameKey]}` : input[nameKey]);
        return { [dataKey]: data };
      }
      case 'List': {
        const mesh = this.mesh(input.meshName, owner);
        const items = [...(mesh[map] as Map<string, Resource>).values()].filter(
          (r) => kind !== 'Route' || r.router === router,
        );
        return {
          [`${dataKey}s`]: items.map((r) => ({
            meshName: mesh.name,
            [nameKey]: r.name,
            arn: r.metadata.arn,
            version: r.metadata.version,
            meshOwner: mesh.owner,
            resourceOwner: mesh.owner,
            createdAt: r.metadata.createdAt,
            lastUpdatedAt: r.metadata.lastUpdatedAt,
            ...(kind === 'Route' ? { virtualRouterName: router } : {}),
          })),
        };
      }
    }
    throw new AwsError('BadRequestException', `The emulator does not implement App Mesh ${operation}`);
  }

  /** For the traffic simulation and inspection. */
  resource(meshName: string, kind: Kind, name: string, router?: string): Resource | undefined {
    const mesh = this.meshes.get(meshName);
    return mesh && (mesh[KINDS[kind].map] as Map<string, Resource>).get(kind === 'Route' ? `${router}/${name}` : name);
  }

  routesOf(meshName: string, router: string): Resource[] {
    const mesh = this.meshes.get(meshName);
    return mesh ? [...mesh.routes.values()].filter((r) => r.router === router) : [];
  }
}
