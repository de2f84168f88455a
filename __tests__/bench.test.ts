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

/** A docs/bench.md row, by the start of its label. */
function line(label: string): string {
  const found = bench.split('\n').find((l) => l.startsWith(`| ${label}`));
  if (!found) throw new Error(`docs/bench.md has no row "${label}": run npm run bench (or npm run bench:sizes)`);
  return found;
}

/** The value column of a docs/bench.md row, by the start of its label. */
const row = (label: string) => line(label).split('|').at(-2)!.trim();

const show = (n: number) => `${n.toLocaleString('en-US')} (${(n / 1e6).toFixed(2)} MB)`;

const PROVIDERS = ['app-mesh', 'vpc-lattice', 'alb', 'ecs-native'];
/** The AWS client each traffic layer has of its own (ecs-native has none: ECS's client is every provider's). */
const TRAFFIC_CLIENT: Record<string, string> = {
  'app-mesh': 'appmesh',
  'vpc-lattice': 'vpclattice',
  alb: 'elasticloadbalancingv2',
};

/** The dist/ chunks that hold the AWS SDK client of `service`: its smithy namespace, `com.amazonaws.<service>`. */
const chunksOf = (service: string) =>
  readdirSync(dist).filter(
    (f) => /^\d+\.index\.js$/.test(f) && read(`dist/${f}`).includes(`"com.amazonaws.${service}"`),
  );

/** The files a first deploy on `provider` loaded (`index.js, 212` names dist/index.js and 212.index.js), its value. */
function loaded(provider: string): { files: string[]; value: string } {
  const found = line(`JS loaded by a deploy, ${provider} (`);
  const list = /\(([^)]*)\) \|/.exec(found)![1];
  const files = list.split(', ').map((f) => (f === 'index.js' ? f : `${f}.index.js`));
  return { files, value: row(`JS loaded by a deploy, ${provider} (`) };
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
    expect(row('dist/*.js bytes (this action)')).toBe(show(js));
    expect(row('dist/ bytes with licenses.txt (this action)')).toBe(show(all));
    const anchor = /^([\d,]+) /.exec(row('index.js bytes (amazon-ecs-deploy-task-definition'))?.[1];
    for (const provider of PROVIDERS) {
      const { files, value } = loaded(provider);
      const sum = files.reduce((n, f) => n + statSync(new URL(f, dist)).size, 0);
      expect(value).toBe(show(sum));
      expect(sum).toBeGreaterThan(0);
      expect(sum).toBeLessThan(js);
      if (anchor) {
        const ratio = row(`ratio, JS loaded by a deploy on ${provider}`);
        expect(ratio).toBe((sum / Number(anchor.replace(/,/g, ''))).toFixed(2));
      }
    }
  });

  test("a deploy loads index.js, the ECS client's chunk and its own provider's client chunk, not another's", () => {
    const clientChunks = Object.fromEntries(
      ['ecs', ...Object.values(TRAFFIC_CLIENT)].map((service) => [service, chunksOf(service)]),
    );
    for (const chunks of Object.values(clientChunks)) expect(chunks).toHaveLength(1);
    for (const provider of PROVIDERS) {
      const { files } = loaded(provider);
      expect(files[0]).toBe('index.js');
      expect(files).toContain(clientChunks.ecs[0]);
      for (const [p, service] of Object.entries(TRAFFIC_CLIENT))
        if (p === provider) expect(files).toContain(clientChunks[service][0]);
        else expect(files).not.toContain(clientChunks[service][0]);
    }
  });

  test('measures both providers', () => {
    for (const provider of ['App Mesh', 'VPC Lattice'])
      for (const operation of ['deploy (first canary)', 'shift 20 → 50'])
        expect(bench).toContain(`| ${provider} | ${operation} |`);
  });
});
