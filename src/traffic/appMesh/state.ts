// What the App Mesh provider reads, as plain data for its planner.
import type {
  RouteData,
  RouteSpec,
  VirtualNodeData,
  VirtualRouterData,
  VirtualServiceData,
} from '@aws-sdk/client-app-mesh';
import type { Ref } from '../../model.js';
import type { TrafficState } from '../provider.js';

export interface AppMeshState extends TrafficState {
  stableNode?: VirtualNodeData;
  canaryNode?: VirtualNodeData;
  router?: VirtualRouterData;
  route?: RouteData;
  virtualService?: VirtualServiceData;
  /** The weighted route's spec, as read or as this plan creates it (the preview route copies its match). */
  routeSpec?: RouteSpec;
  previewRoute?: RouteData;
  /** Why the route's weights cannot be written: it also names other nodes. */
  foreign?: string;
  /** Read for rollback with delete-canary: whether this action created the canary node (its tag). */
  canaryNodeOurs?: boolean;
  /** The route version the next write expects: as read, or what this plan's previous write will produce. */
  routeVersion?: number | Ref;
}

export const ROUTE_VERSION = 'appmesh.routeVersion';

export const APP_MESH_KINDS = {
  createNode: 'appmesh.create-virtual-node',
  updateNode: 'appmesh.update-virtual-node',
  createRouter: 'appmesh.create-virtual-router',
  createRoute: 'appmesh.create-route',
  setWeights: 'appmesh.set-route-weights',
  putRouteSpec: 'appmesh.put-route-spec',
  setProvider: 'appmesh.set-virtual-service-provider',
  createPreview: 'appmesh.create-preview-route',
  putPreview: 'appmesh.put-preview-route',
  deleteRoute: 'appmesh.delete-route',
  deleteNode: 'appmesh.delete-virtual-node',
} as const;

export const PREVIEW_ARN = 'previewRouteArn';
