// The README's reference section (inputs, defaults, outputs) is generated from action.yml, so the two cannot drift:
// `npm run docs` rewrites it, and a test fails when README.md and action.yml disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const START = '<!-- reference:start (generated from action.yml by npm run docs) -->';
export const END = '<!-- reference:end -->';

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();

export function renderReference(actionYml: string): string {
  const action = parse(actionYml) as ActionYml;
  const lines = ['### Inputs', '', '| input | required | default | description |', '|---|---|---|---|'];
  for (const [name, input] of Object.entries(action.inputs)) {
    const fallback = input.default === undefined || input.default === '' ? '' : `\`${input.default}\``;
    lines.push(`| \`${name}\` | ${input.required ? 'yes' : 'no'} | ${fallback} | ${cell(input.description)} |`);
  }
  lines.push('', '### Outputs', '', '| output | description |', '|---|---|');
  for (const [name, output] of Object.entries(action.outputs)) lines.push(`| \`${name}\` | ${cell(output.description)} |`);
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
