// The provider factory: picks the provider the inputs name and loads its module (and its SDK client) only then.
import type { ClientConfig } from '../aws/clients.js';
import type { Settings } from '../inputs.js';
import type { TrafficProvider } from './provider.js';

export async function loadProvider(settings: Settings, config: ClientConfig): Promise<TrafficProvider> {
  const traffic = settings.traffic;
  switch (traffic.provider) {
    case 'app-mesh':
      return (await import('./appMesh/index.js')).createAppMeshProvider(traffic, settings, config);
    case 'vpc-lattice':
      return (await import('./vpcLattice/index.js')).createLatticeProvider(traffic, settings, config);
  }
}
