// The README's reference section (inputs, defaults, outputs) is generated from action.yml, so the two cannot drift:
// `npm run docs` rewrites it, and a test fails when README.md and action.yml disagree. Inputs are grouped by the
// providers their description names — "(App Mesh) …", "(VPC Lattice, ALB) …", by the labels of the registry — after the
// inputs every run reads; an input of two providers is in the table of each.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { PROVIDERS } from '../src/traffic/registry.js';

export const START = '<!-- reference:start (generated from action.yml by npm run docs) -->';
export const END = '<!-- reference:end -->';

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

/** Provider groups, in the order the reference shows them: the label a description starts with, and the provider. */
export const PROVIDER_GROUPS = PROVIDERS.map((p) => ({ label: p.label, provider: p.id }));

/** Markdown table cell: one line, pipes escaped, and `<…>` kept as text rather than read as an HTML tag. */
const cell = (s: string) =>
  s
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, ' ')
    .trim();

/**
 * The provider labels a description starts with, e.g. `App Mesh` for "(App Mesh) Mesh name", `VPC Lattice` and `ALB`
 * for "(VPC Lattice, ALB) …", and the rest; none for an input every provider reads.
 */
export function providerOf(description: string): { labels: string[]; text: string } {
  const m = /^\(([^)]+)\) /.exec(description);
  const labels = m ? m[1].split(', ') : [];
  if (m && labels.every((l) => PROVIDER_GROUPS.some((g) => g.label === l))) {
    return { labels, text: description.slice(m[0].length) };
  }
  return { labels: [], text: description };
}

/** `yes`, `no`, or the provider it is required with ("Required with traffic-provider: X" in its description). */
function requiredCell(input: { description: string; required?: boolean }): string {
  if (input.required) return 'yes';
  const withProvider = /required with traffic-provider: ([a-z-]+)/i.exec(input.description);
  return withProvider ? `with \`${withProvider[1]}\`` : 'no';
}

function inputTable(heading: string, inputs: [string, ActionYml['inputs'][string]][]): string[] {
  const lines = [heading, '', '| input | required | default | description |', '|---|---|---|---|'];
  for (const [name, input] of inputs) {
    const fallback = input.default === undefined || input.default === '' ? '' : `\`${input.default}\``;
    lines.push(`| \`${name}\` | ${requiredCell(input)} | ${fallback} | ${cell(providerOf(input.description).text)} |`);
  }
  return [...lines, ''];
}

export function renderReference(actionYml: string): string {
  const action = parse(actionYml) as ActionYml;
  const inputs = Object.entries(action.inputs);
  const lines = inputTable(
    '### Inputs',
    inputs.filter(([, i]) => providerOf(i.description).labels.length === 0),
  );
  for (const { label, provider } of PROVIDER_GROUPS) {
    const own = inputs.filter(([, i]) => providerOf(i.description).labels.includes(label));
    if (own.length) lines.push(...inputTable(`### ${label} inputs (\`traffic-provider: ${provider}\`)`, own));
  }
  lines.push('### Outputs', '', '| output | description |', '|---|---|');
  for (const [name, output] of Object.entries(action.outputs))
    lines.push(`| \`${name}\` | ${cell(output.description)} |`);
  return lines.join('\n');
}

export function referenceSection(readme: string): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  return start < 0 || end < start ? undefined : readme.slice(start + START.length, end).trim();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = new URL('../', import.meta.url);
  const readmePath = new URL('README.md', root);
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
  const generated = renderReference(readFileSync(new URL('action.yml', root), 'utf8'));
  writeFileSync(readmePath, `${readme.slice(0, start + START.length)}\n${generated}\n${readme.slice(end)}`);
  console.log('README.md reference section regenerated from action.yml');
}
