// The one list of traffic providers (after Flagger's pkg/router factory): each entry says its id, inputs, settings
// reader, outputs and deployment shape, and loads its module — with its AWS SDK client — only when a run chooses it.
// Nothing outside src/traffic/ names a provider: the inputs, the run, the report and the IAM generator read this list.
// A new provider is its folder under src/traffic/ and one line here.
import type { ProviderEntry } from './provider.js';
import { appMesh } from './appMesh/entry.js';
import { vpcLattice } from './vpcLattice/entry.js';
import { ecsNative } from './ecsNative/entry.js';
import { alb } from './alb/entry.js';

export const PROVIDERS: readonly ProviderEntry[] = [appMesh, vpcLattice, alb, ecsNative];

/** The entry of a provider id, from `registry` (tests add their own providers to a copy of the list). */
export function findProvider(id: string, registry: readonly ProviderEntry[] = PROVIDERS): ProviderEntry {
  const entry = registry.find((p) => p.id === id);
  if (!entry) throw new Error(`No traffic provider ${id}: one of ${registry.map((p) => p.id).join(', ')}`);
  return entry;
}

/** Every provider-specific output name, each provider's own first. */
export const providerOutputs = (registry: readonly ProviderEntry[] = PROVIDERS): string[] => [
  ...new Set(registry.flatMap((p) => p.outputs)),
];
