// Whether requests follow the route's weights yet: a virtual service (when one is named) sends them through the
// router only once its provider is that router. Until then the canary gets no request, whatever the route holds.
import type { VirtualServiceData } from '@aws-sdk/client-app-mesh';
import type { Weights } from '../../model.js';
import type { AppMeshSettings } from './settings.js';

type Names = Pick<AppMeshSettings, 'virtualService' | 'virtualRouter' | 'stableNode'>;

export function routesThroughRouter(s: Names, vs: VirtualServiceData | undefined): boolean {
  return !s.virtualService || vs?.spec?.provider?.virtualRouter?.virtualRouterName === s.virtualRouter;
}

/** The split a virtual service provided by a virtual node gives: all on stable when that node is stable's. */
export function providerWeights(s: Names, vs: VirtualServiceData | undefined): Weights | undefined {
  return vs?.spec?.provider?.virtualNode?.virtualNodeName === s.stableNode ? { stable: 100, canary: 0 } : undefined;
}
