// App Mesh's part of the IAM policy (npm run iam-policy): the mesh's nodes, router, routes and virtual service, in
// the mesh owner's account.
import { type IamFacts, noResourceRule, type ProviderIam, type Statement, sorted } from '../iam.js';
import type { AppMeshSettings } from './settings.js';

function appMeshStatements(c: IamFacts, s: AppMeshSettings, commands: readonly string[]): Statement[] {
  const owner = s.meshOwner ?? c.account;
  const mesh = `arn:${c.partition}:appmesh:${c.region}:${owner}:mesh/${s.mesh}`;
  const node = (name: string) => `${mesh}/virtualNode/${name}`;
  const router = `${mesh}/virtualRouter/${s.virtualRouter}`;
  const previewRoute = 'previewRoute' in s && typeof s.previewRoute === 'string' ? [s.previewRoute] : [];
  const routes = [s.route, ...previewRoute].map((r) => `${router}/route/${r}`);
  const virtualService = s.virtualService ? [`${mesh}/virtualService/${s.virtualService}`] : [];
  let actions = commands.filter((a) => a.startsWith('appmesh:'));
  if (!s.virtualService) {
    const left = actions.filter((a) => a.endsWith('VirtualService'));
    actions = actions.filter((a) => !left.includes(a));
    if (left.length)
      c.notes.push(`no virtual-service given: ${left.join(', ')} left out (the action then never calls them)`);
  }
  const pick = (test: RegExp) => actions.filter((a) => test.test(a.slice('appmesh:'.length)));
  const reads = pick(/^(Describe|List)/);
  const nodeWrites = pick(/^(Create|Update|Delete)VirtualNode$/);
  const routerWrites = pick(/^(Create|Update)VirtualRouter$/);
  const routeWrites = pick(/^(Create|Update|Delete)Route$/);
  const serviceWrites = pick(/^(Create|Update)VirtualService$/);
  noResourceRule(
    actions.filter((a) => ![reads, nodeWrites, routerWrites, routeWrites, serviceWrites].flat().includes(a)),
    'src/traffic/appMesh/iam.ts',
  );
  // The action creates nodes and routes with its tag: appmesh:TagResource on them (docs/iam-policy.json lists it too).
  for (const writes of [nodeWrites, routeWrites])
    if (writes.some((a) => a.startsWith('appmesh:Create'))) writes.push('appmesh:TagResource');
  if (s.meshOwner && s.meshOwner !== c.account)
    c.notes.push(
      `App Mesh resources are in the mesh owner's account ${s.meshOwner}, which must share the mesh with ${c.account}`,
    );
  if (nodeWrites.length)
    c.notes.push(
      "the canary virtual node copies the stable node's spec: if that spec has backends, add their virtual services' ARNs to CanaryVirtualNode",
    );
  // Reading every route of the router (ListRoutes, then DescribeRoute on each) needs them all; writes stay on the named.
  const readRoutes = actions.includes('appmesh:ListRoutes') ? [`${router}/route/*`] : routes;
  return [
    {
      Sid: 'MeshReads',
      Effect: 'Allow',
      Action: sorted(reads),
      Resource: [mesh, node(s.stableNode), node(s.canaryNode), router, ...readRoutes, ...virtualService],
    },
    { Sid: 'CanaryVirtualNode', Effect: 'Allow', Action: sorted(nodeWrites), Resource: node(s.canaryNode) },
    { Sid: 'VirtualRouter', Effect: 'Allow', Action: sorted(routerWrites), Resource: router },
    // A route's weighted targets name the nodes: App Mesh checks the write against them too.
    {
      Sid: 'RoutesToStableAndCanary',
      Effect: 'Allow',
      Action: sorted(routeWrites),
      Resource: [...routes, node(s.stableNode), node(s.canaryNode)],
    },
    // The provider it is pointed at (the router; the stable node when a failed run restores it) is checked too.
    {
      Sid: 'VirtualServiceProvider',
      Effect: 'Allow',
      Action: sorted(serviceWrites),
      Resource: [...virtualService, router, node(s.stableNode)],
    },
  ];
}

export const appMeshIam: ProviderIam<AppMeshSettings> = {
  folder: 'src/traffic/appMesh/',
  sdk: { '@aws-sdk/client-app-mesh': 'appmesh' },
  statements: appMeshStatements,
};
