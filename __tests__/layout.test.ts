// What users run (scripts/: demo, playground, bench, …) and the emulator they run it on (emulator/) stand on their
// own: nothing there imports from __tests__/, nor reads a file there at run time (new URL('…', import.meta.url)).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TESTS = path.join(ROOT, '__tests__');

/** The specifiers a module imports (static, side-effect, re-export, dynamic) and the URLs it builds on its own. */
function specifiersOf(source: string): string[] {
  const patterns = [
    /\bfrom\s*['"]([^'"]+)['"]/g,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]/g,
    /\bnew URL\(\s*['"`]([^'"`]+)['"`]\s*,\s*import\.meta\.url/g,
  ];
  return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]));
}

/** The specifiers of `file` that resolve into __tests__/. */
function intoTests(file: string): string[] {
  return specifiersOf(readFileSync(file, 'utf8')).filter((spec) => {
    if (!spec.startsWith('.')) return false;
    const target = path.resolve(path.dirname(file), spec.replace(/\$\{.*$/, ''));
    return target === TESTS || target.startsWith(`${TESTS}${path.sep}`);
  });
}

const modules = ['scripts', 'emulator'].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mjs)$/.test(f) && !f.split(path.sep).includes('node_modules'))
    .map((f) => path.join(dir, f)),
);

describe('scripts/ and emulator/', () => {
  test('hold the modules users run', () => {
    expect(modules).toEqual(
      expect.arrayContaining([path.join('scripts', 'demo.ts'), path.join('emulator', 'server.ts')]),
    );
  });

  test.each(modules)('%s imports nothing from __tests__/', (file) => {
    expect(intoTests(path.join(ROOT, file))).toEqual([]);
  });
});

test('the check sees every kind of import', () => {
  const source = [
    "import { a } from '../__tests__/a.js';",
    "import type { B } from './b.js';",
    "export { c } from './c.js';",
    "import './d.js';",
    "const e = await import('./e.js');",
    "const f = new URL('./f/', import.meta.url);",
  ].join('\n');
  expect(specifiersOf(source).sort()).toEqual(['../__tests__/a.js', './b.js', './c.js', './d.js', './e.js', './f/']);
});
