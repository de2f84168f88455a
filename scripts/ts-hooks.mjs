// Module hooks that let Node run the TypeScript scripts in this folder (`node --import ./scripts/ts.mjs x.ts`):
// a `.js` import from a `.ts` file resolves to the `.ts` beside it, and `.ts` files are transpiled one by one with
// the project's own TypeScript (no type check; `npm run lint` does that). The emulator, the demo and the playground
// run this way on the Node that runs npm, without a bundler in the install.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const options = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2023,
  inlineSourceMap: true,
  inlineSources: true,
};

export async function resolve(specifier, context, nextResolve) {
  if (context.parentURL?.endsWith('.ts') && /^\.\.?\//.test(specifier) && specifier.endsWith('.js')) {
    const url = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
    if (existsSync(fileURLToPath(url))) return { url: url.href, format: 'module', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const fileName = fileURLToPath(url);
  const { outputText } = ts.transpileModule(await readFile(fileName, 'utf8'), { fileName, compilerOptions: options });
  return { format: 'module', source: outputText, shortCircuit: true };
}
