// The one-service double in a registry of its own: tests choose it with `traffic-provider: revision-double`.
import { providerEntry } from '../../../src/traffic/provider.js';

export interface RevisionDoubleSettings {
  readonly provider: 'revision-double';
}

export const revisionDouble = providerEntry<RevisionDoubleSettings>({
  id: 'revision-double',
  label: 'Revision double',
  inputs: [],
  outputs: [],
  shape: 'one-service',
  readSettings: () => ({ provider: 'revision-double' }),
  iam: { folder: '__tests__/support/revisionDouble/', sdk: {}, statements: () => [] },
  load: async () => (await import('./index.js')).createRevisionDouble,
});
