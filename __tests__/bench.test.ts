// The README's performance figures come from docs/bench.md, which npm run bench writes: every number the README's
// bench paragraph states is one docs/bench.md states, and docs/bench.md's sizes are those of dist/ as it is. Fast: the
// bench itself is not run here (npm run bench takes minutes; npm run bench:sizes redoes only the sizes, in a second).
import { readdirSync, readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');
const bench = read('docs/bench.md');

/** The README's bullet on npm run bench, up to the next bullet. */
function benchParagraph(): string {
  const readme = read('README.md');
  const start = readme.indexOf('- `npm run bench`');
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf('\n- ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** Every number a text states, as written (`11.2`, `2,281,233`, `0.72`), version numbers such as v2.6.3 aside. */
const numbers = (text: string) =>
  [...text.replace(/\bv\d+(\.\d+)+\b/g, '').matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0]);

/** Whether `text` states `n` as a number of its own (not as a part of a longer one). */
const states = (text: string, n: string) =>
  new RegExp(`(?<![\\d.,])${n.replace(/[.]/g, '\\.')}(?![\\d]|[.,]\\d)`).test(text);

const dist = new URL('dist/', root);
const bytesOf = (filter: (f: string) => boolean) =>
  readdirSync(dist)
    .filter(filter)
    .reduce((sum, f) => sum + statSync(new URL(f, dist)).size, 0);

/** The value column of a docs/bench.md row, by the start of its label. */
function row(label: string): string {
  const line = bench.split('\n').find((l) => l.startsWith(`| ${label}`));
  if (!line) throw new Error(`docs/bench.md has no row "${label}": run npm run bench`);
  return line.split('|').at(-2)!.trim();
}

describe('docs/bench.md and the README', () => {
  test("every number in the README's bench paragraph is one docs/bench.md states", () => {
    const paragraph = benchParagraph();
    const stated = numbers(paragraph);
    expect(stated.length).toBeGreaterThan(8);
    expect(stated.filter((n) => !states(bench, n))).toEqual([]);
    expect(paragraph).toContain('](docs/bench.md)');
  });

  test('its sizes are those of dist/ as it is (npm run bench:sizes after a build changed them)', () => {
    const js = bytesOf((f) => f.endsWith('.js'));
    const all = bytesOf(() => true);
    const show = (n: number) => `${n.toLocaleString('en-US')} (${(n / 1e6).toFixed(2)} MB)`;
    expect(row('dist/*.js bytes (this action)')).toBe(show(js));
    expect(row('dist/ bytes with licenses.txt (this action)')).toBe(show(all));
    const anchor = /^([\d,]+) /.exec(row('dist/*.js bytes (amazon-ecs-deploy-task-definition)'))?.[1];
    if (anchor) {
      const anchorBytes = Number(anchor.replace(/,/g, ''));
      expect(row('size ratio, JS')).toBe((js / anchorBytes).toFixed(2));
      expect(row('size ratio, whole dist/')).toBe((all / anchorBytes).toFixed(2));
    }
  });

  test('measures both providers', () => {
    for (const provider of ['App Mesh', 'VPC Lattice'])
      for (const operation of ['deploy (first canary)', 'shift 20 → 50'])
        expect(bench).toContain(`| ${provider} | ${operation} |`);
  });
});
