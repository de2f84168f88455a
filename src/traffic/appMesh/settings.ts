// The App Mesh provider's own inputs, read and validated before any AWS call. No AWS SDK import.
import type { Inputs } from '../../inputTools.js';

export interface CloudMapAttribute {
  key: string;
  value: string;
}

export interface AppMeshSettings {
  readonly provider: 'app-mesh';
  readonly mesh: string;
  readonly meshOwner?: string;
  readonly virtualRouter: string;
  readonly route: string;
  readonly virtualService?: string;
  readonly stableNode: string;
  readonly canaryNode: string;
  /** Set only when the user gave `envoy-image`: an existing Envoy container keeps its image otherwise. */
  readonly envoyImage?: string;
  readonly appPorts?: readonly number[];
  /** Cloud Map attribute filter of the canary virtual node. */
  readonly cloudMapAttributes: readonly CloudMapAttribute[];
  /** The route that sends preview-header requests to the canary. */
  readonly previewRoute: string;
}

export const APP_MESH_INPUTS = [
  'mesh',
  'mesh-owner',
  'virtual-router',
  'route',
  'virtual-service',
  'stable-virtual-node',
  'canary-virtual-node',
  'envoy-image',
  'app-ports',
  'cloud-map-attributes',
  'preview-route',
] as const;

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;
const NAME_RULE = 'a name of 1-255 letters, digits, dots, dashes or underscores';
const ATTRIBUTE_KEY = /^[!-~]{1,255}$/;
const ATTRIBUTE_VALUE = /^[!-~]([ \t!-~]{0,1022}[!-~])?$/;

export function readAppMeshSettings(inputs: Inputs, canaryService: string): AppMeshSettings {
  const stableNode = inputs.required('stable-virtual-node', NAME, NAME_RULE);
  const canaryNode = inputs.required('canary-virtual-node', NAME, NAME_RULE);
  if (stableNode && stableNode === canaryNode) {
    inputs.fail('canary-virtual-node', `must differ from stable-virtual-node (both are "${stableNode}")`);
  }
  return {
    provider: 'app-mesh',
    mesh: inputs.required('mesh', NAME, NAME_RULE),
    meshOwner: inputs.optional('mesh-owner', /^\d{12}$/, 'a 12-digit AWS account ID'),
    virtualRouter: inputs.required('virtual-router', NAME, NAME_RULE),
    route: inputs.required('route', NAME, NAME_RULE),
    virtualService: inputs.optional('virtual-service', NAME, 'a virtual service name'),
    stableNode,
    canaryNode,
    envoyImage: inputs.optional('envoy-image', /^\S{1,1024}$/, 'a container image reference without spaces'),
    appPorts: parseAppPorts(inputs),
    cloudMapAttributes: parseAttributes(inputs) ?? [{ key: 'ECS_SERVICE_NAME', value: canaryService }],
    previewRoute: inputs.optional('preview-route', NAME, NAME_RULE) ?? `${inputs.read('route')}-preview`,
  };
}

function parseAppPorts(inputs: Inputs): number[] | undefined {
  const raw = inputs.read('app-ports');
  if (raw === '') return undefined;
  const parts = raw.split(',').map((p) => p.trim());
  const ports = parts.map(Number);
  if (parts.some((p) => !/^\d+$/.test(p)) || ports.some((p) => p < 1 || p > 65535)) {
    return inputs.fail('app-ports', `must be a comma-separated list of port numbers from 1 to 65535; got "${raw}"`);
  }
  const reserved = ports.filter((p) => [9901, 15000, 15001].includes(p));
  if (reserved.length > 0) {
    return inputs.fail(
      'app-ports',
      `must not include Envoy's own ports (9901, 15000, 15001); got ${reserved.join(', ')}`,
    );
  }
  return [...new Set(ports)];
}

function parseAttributes(inputs: Inputs): CloudMapAttribute[] | undefined {
  const raw = inputs.read('cloud-map-attributes');
  if (raw === '') return undefined;
  const attributes: CloudMapAttribute[] = [];
  for (const [index, line] of raw.split(/\r?\n/).entries()) {
    const text = line.trim();
    if (text === '') continue;
    const eq = text.indexOf('=');
    const key = eq < 0 ? '' : text.slice(0, eq).trim();
    const value = eq < 0 ? '' : text.slice(eq + 1).trim();
    if (!ATTRIBUTE_KEY.test(key) || !ATTRIBUTE_VALUE.test(value)) {
      const what = 'must be KEY=VALUE lines (printable ASCII, no spaces in the key)';
      return inputs.fail('cloud-map-attributes', `${what}; line ${index + 1} is "${text}"`);
    }
    if (attributes.some((a) => a.key === key)) return inputs.fail('cloud-map-attributes', `names the key ${key} twice`);
    attributes.push({ key, value });
  }
  if (attributes.length === 0) return inputs.fail('cloud-map-attributes', 'has no KEY=VALUE line');
  if (attributes.length > 10) {
    return inputs.fail('cloud-map-attributes', `may have at most 10 attributes; got ${attributes.length}`);
  }
  return attributes;
}
