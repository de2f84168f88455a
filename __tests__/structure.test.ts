// The structure the architecture promises, checked on the source: no import circle among src/ files, and nothing
// outside src/traffic/ names a provider, its inputs, outputs or types (the registry lists them once).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = new URL('../', import.meta.url);
const filesUnder = (dir: string): string[] =>
  readdirSync(new URL(dir, ROOT), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(`${dir}${e.name}/`) : e.name.endsWith('.ts') ? [`${dir}${e.name}`] : [],
  );
const read = (file: string) => readFileSync(new URL(file, ROOT), 'utf8');

/** Static imports (type imports included) of each src/ file, as src/ paths; dynamic import() is left out. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of filesUnder('src/')) {
    const specs = [...read(file).matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)].map((m) => m[1]);
    graph.set(
      file,
      specs.map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)).replace(/\.js$/, '.ts')),
    );
  }
  return graph;
}

/** Every circle found by a depth-first walk, each as the files along it. */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const walk = (file: string, trail: string[]) => {
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...trail.slice(trail.indexOf(next)), next]);
      else if (!state.has(next)) walk(next, [...trail, next]);
    }
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) walk(file, [file]);
  return found;
}

test('no import circle among src/ files', () => {
  const graph = importGraph();
  expect(graph.size).toBeGreaterThan(40);
  expect(circles(graph)).toEqual([]);
});

test('the circle finder finds a circle', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
  ]);
  expect(circles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
});

test('outside src/traffic/, no code names a provider (comments may, as examples)', () => {
  const named = /app-?mesh|lattice|virtual ?node|target ?group/i;
  const hits = filesUnder('src/')
    .filter((f) => !f.startsWith('src/traffic/'))
    .flatMap((f) =>
      read(f)
        .split('\n')
        .map((line, i) => ({ where: `${f}:${i + 1}`, code: line.replace(/\/\/.*$|^\s*\/?\*.*$/, '') }))
        .filter(({ code }) => named.test(code))
        .map(({ where, code }) => `${where}: ${code.trim()}`),
    );
  expect(hits).toEqual([]);
});

test('planning imports no AWS client and no @actions/core', () => {
  for (const file of filesUnder('src/plan/')) {
    const values = [...read(file).matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
    expect([file, values.filter((s) => s.startsWith('@aws-sdk/') || s === '@actions/core')]).toEqual([file, []]);
  }
});
