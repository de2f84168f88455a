#!/usr/bin/env node
// node scripts/group-licenses.mjs STATS OUT: writes OUT (dist/licenses.txt), the license of every third-party package
// bundled in dist/, from the webpack stats ncc writes with --stats-out STATS. Packages with the same license text share
// one copy of it.
//
// Why not ncc's own --license file: ncc's license plugin collects packages per chunk *name*, writes one file per chunk
// under the same name, and every lazily loaded chunk is unnamed. The last chunk written wins: it held the packages of
// all unnamed chunks but none of the entry chunk's (@actions/core, @actions/exec, @actions/io, @actions/http-client,
// tunnel, undici). It also keeps one package per name (two versions of @actions/http-client are bundled) and leaves the
// text empty for packages that ship no license file. Here, the packages are the folders under node_modules/ of every
// module the stats place in a chunk, each with its name, version and license id from its package.json, and its text
// from its own LICENSE*, LICENCE*, COPYING* and NOTICE* files. A package that ships none (a few @aws-sdk packages) gets
// the text of a bundled package from the same repository with the same license id, and says so; when there is none
// the build fails rather than list a package without its license.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const RULE = '='.repeat(80);
export const SUBRULE = '-'.repeat(80);
const LICENSE_FILE = /^(licen[cs]e|copying|notice)([.\-_].*)?$/i;

/** The folders `…/node_modules/<name>` (scoped or not) holding a module that the stats place in a chunk. */
export function bundledPackageDirs(stats) {
  const dirs = new Set();
  const visit = (module) => {
    const file = module.nameForCondition ?? '';
    const at = file.lastIndexOf('/node_modules/');
    if (at >= 0) {
      const rest = file.slice(at + '/node_modules/'.length).split('/');
      dirs.add(file.slice(0, at) + '/node_modules/' + rest.slice(0, rest[0].startsWith('@') ? 2 : 1).join('/'));
    }
    for (const inner of module.modules ?? []) visit(inner);
  };
  for (const module of stats.modules ?? []) if ((module.chunks ?? []).length > 0) visit(module);
  return [...dirs];
}

/** The license id of a package.json: `license`, or the old `license: {type}` / `licenses: [{type}]` forms. */
export function licenseId(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ');
  return 'UNKNOWN';
}

/** `owner/name` of a package's repository, when it names one. */
function repositoryOf(pkg) {
  const url = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? '');
  return /github\.com[/:]([^/]+\/[^/.#]+)/.exec(url)?.[1] ?? (/^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(url)?.[1] || '');
}

/** The license files at the top of a package folder, LICENSE first, NOTICE last, and their text. */
function licenseText(dir) {
  const files = readdirSync(dir)
    .filter((f) => LICENSE_FILE.test(f) && statSync(path.join(dir, f)).isFile())
    .sort((a, b) => Number(/^notice/i.test(a)) - Number(/^notice/i.test(b)) || a.localeCompare(b));
  const texts = files.map((f) => readFileSync(path.join(dir, f), 'utf8').replace(/\r\n/g, '\n').trim());
  return texts.filter(Boolean).join('\n\n');
}

/** Every bundled package: name, version, license id, repository, its text, and where the text came from. */
export function bundledPackages(stats) {
  const packages = bundledPackageDirs(stats).map((dir) => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return {
      name: pkg.name,
      version: pkg.version,
      license: licenseId(pkg),
      repository: repositoryOf(pkg),
      text: licenseText(dir),
      note: '',
    };
  });
  packages.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version, 'en', { numeric: true }));
  for (const p of packages.filter((q) => !q.text)) {
    const sibling = packages.find(
      (q) => q.text && !q.note && q.repository && q.repository === p.repository && q.license === p.license,
    );
    if (!sibling)
      throw new Error(
        `${p.name}@${p.version} (${p.license}) ships no license file, and no bundled package of its repository does`,
      );
    p.text = sibling.text;
    p.note = `no license file in the package: the text of ${sibling.name}, of the same repository ${p.repository}`;
  }
  return packages;
}

/** licenses.txt: a header, then one block per distinct text: its packages (`name version (license)`), the text. */
export function renderLicenses(packages) {
  const groups = new Map();
  for (const p of packages) groups.set(p.text, [...(groups.get(p.text) ?? []), p]);
  const out = [
    `Third-party packages bundled in this folder: ${packages.length} packages, ${groups.size} distinct license texts.`,
    'Each block lists the packages (name, version, license) that share the license text below it.',
  ];
  for (const [text, members] of groups) {
    out.push('', RULE);
    for (const p of members) out.push(`${p.name} ${p.version} (${p.license}${p.note ? `; ${p.note}` : ''})`);
    out.push(SUBRULE, text);
  }
  return out.join('\n') + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [statsFile = '.build/ncc-stats.json', outFile = 'dist/licenses.txt'] = process.argv.slice(2);
  const packages = bundledPackages(JSON.parse(readFileSync(statsFile, 'utf8')));
  writeFileSync(outFile, renderLicenses(packages));
  console.log(`${outFile}: ${packages.length} packages, ${new Set(packages.map((p) => p.text)).size} license texts`);
}
