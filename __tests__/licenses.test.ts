// dist/licenses.txt names every third-party package the bundle holds, each with its license id and its full license
// text. "The bundle holds" comes from the webpack stats of the build (ncc --stats-out, kept out of dist/ in
// .build/ncc-stats.json by npm run build); when that file is missing or belongs to another build, ncc builds src/ into a
// temporary folder to get them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const KEPT_STATS = path.join(ROOT, '.build/ncc-stats.json');

interface StatsModule {
  nameForCondition?: string | null;
  chunks?: (string | number)[];
  modules?: StatsModule[];
}
interface Stats {
  assets: { name: string }[];
  modules: StatsModule[];
}

const jsFiles = (names: string[]) => names.filter((n) => n.endsWith('.js')).sort();

/** The stats of the build dist/ came from, or of a fresh build of src/ when those are not at hand. */
function bundleStats(): Stats {
  if (existsSync(KEPT_STATS)) {
    const kept = JSON.parse(readFileSync(KEPT_STATS, 'utf8')) as Stats;
    if (JSON.stringify(jsFiles(kept.assets.map((a) => a.name))) === JSON.stringify(jsFiles(readdirSync(DIST))))
      return kept;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'licenses-build-'));
  try {
    const ncc = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js');
    const stats = path.join(dir, 'stats.json');
    execFileSync(
      process.execPath,
      [ncc, 'build', 'src/index.ts', '-o', path.join(dir, 'dist'), '-m', '-q'].concat(['--stats-out', stats]),
      { cwd: ROOT, stdio: 'pipe' },
    );
    return JSON.parse(readFileSync(stats, 'utf8')) as Stats;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Bundled {
  id: string;
  dir: string;
  license: string;
}

/** `name version` of each package folder under node_modules/ holding a module of a chunk, with its folder. */
function bundledPackages(stats: Stats): Bundled[] {
  const dirs = new Set<string>();
  const visit = (m: StatsModule) => {
    const match = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(m.nameForCondition ?? '');
    if (match) dirs.add(match[1]);
    for (const inner of m.modules ?? []) visit(inner);
  };
  for (const m of stats.modules) if ((m.chunks ?? []).length > 0) visit(m);
  return [...dirs].map((dir) => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return { id: `${pkg.name} ${pkg.version}`, dir, license: String(pkg.license) };
  });
}

interface Listed {
  id: string;
  license: string;
  note?: string;
  text: string;
}

/** The packages dist/licenses.txt lists, each with the license text of its block. */
function listedPackages(file: string): Listed[] {
  const blocks = readFileSync(file, 'utf8')
    .split(`\n${'='.repeat(80)}\n`)
    .slice(1);
  return blocks.flatMap((block) => {
    const [head, ...text] = block.split(`\n${'-'.repeat(80)}\n`);
    expect(text).toHaveLength(1);
    return head.split('\n').map((line) => {
      const m = /^(\S+ \S+) \(([^;)]+)(?:; (.+))?\)$/.exec(line);
      if (!m) throw new Error(`not a package line of licenses.txt: ${line}`);
      return { id: m[1], license: m[2], note: m[3], text: text[0].trim() };
    });
  });
}

/** Words every copy of these licenses carries. */
const LICENSE_WORDS: Record<string, RegExp> = {
  MIT: /Permission is hereby granted, free of charge/,
  'Apache-2.0': /Apache License[\s\S]*Version 2\.0/,
  ISC: /Permission to use, copy, modify, and\/or distribute/,
  '0BSD': /Permission to use, copy, modify, and\/or distribute/,
};

const licenseFiles = (dir: string) =>
  readdirSync(dir).filter(
    (f) => /^(licen[cs]e|copying|notice)([.\-_].*)?$/i.test(f) && statSync(path.join(dir, f)).isFile(),
  );

describe('dist/licenses.txt', () => {
  let bundled: Bundled[];
  let listed: Listed[];
  beforeAll(() => {
    bundled = bundledPackages(bundleStats());
    listed = listedPackages(path.join(DIST, 'licenses.txt'));
  }, 180_000);

  test('lists exactly the packages of the bundle (name and version), each once', () => {
    expect(bundled.length).toBeGreaterThan(30);
    expect(listed.map((p) => p.id).sort()).toEqual(bundled.map((p) => p.id).sort());
  });

  test('includes the packages of the entry chunk that ncc --license leaves out', () => {
    const names = listed.map((p) => p.id.split(' ')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        '@actions/core',
        '@actions/exec',
        '@actions/io',
        '@actions/http-client',
        'tunnel',
        'undici',
      ]),
    );
  });

  test("gives each package its package.json license and its own license files' full text", () => {
    for (const p of bundled) {
      const entry = listed.find((l) => l.id === p.id)!;
      expect([p.id, entry.license]).toEqual([p.id, p.license]);
      const files = licenseFiles(p.dir);
      for (const f of files) {
        const own = readFileSync(path.join(p.dir, f), 'utf8').replace(/\r\n/g, '\n').trim();
        expect([p.id, f, entry.text.includes(own)]).toEqual([p.id, f, true]);
      }
      if (files.length === 0) expect([p.id, entry.note]).toEqual([p.id, expect.stringMatching(/^no license file/)]);
      else expect([p.id, entry.note]).toEqual([p.id, undefined]);
    }
  });

  test('no text is empty, and each is a text of the license its packages declare', () => {
    for (const p of listed) {
      expect([p.id, p.license in LICENSE_WORDS]).toEqual([p.id, true]);
      expect([p.id, LICENSE_WORDS[p.license].test(p.text)]).toEqual([p.id, true]);
    }
  });
});
