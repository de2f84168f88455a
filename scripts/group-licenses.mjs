#!/usr/bin/env node
// Rewrites the licenses.txt ncc writes (one block per bundled package: name, license id, text) so that packages with
// the same license text share one copy of it. Every package and every distinct text stays.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2] ?? 'dist/licenses.txt';
const lines = readFileSync(file, 'utf8').split('\n');
const NAME = /^@?[a-z0-9][a-z0-9._-]*(\/[a-z0-9._-]+)?$/;
const LICENSE = /^\(?[A-Za-z0-9.+-]+( (OR|AND) [A-Za-z0-9.+-]+)*\)?$/;
const starts = lines
  .map((_line, i) => i)
  .filter((i) => NAME.test(lines[i]) && LICENSE.test(lines[i + 1] ?? '') && (i === 0 || lines[i - 1] === ''));

const groups = new Map(); // license id + text → package names
starts.forEach((start, k) => {
  const end = k + 1 < starts.length ? starts[k + 1] : lines.length;
  const text = lines
    .slice(start + 2, end)
    .join('\n')
    .trim();
  const key = `${lines[start + 1]}\n${text}`;
  groups.set(key, [...(groups.get(key) ?? []), lines[start]]);
});

const out = ['Third-party packages bundled in this folder, grouped by identical license text.', ''];
for (const [key, names] of groups) out.push(names.join('\n'), key, '', '');
writeFileSync(file, out.join('\n'));
console.log(`${file}: ${starts.length} packages, ${groups.size} distinct license texts`);
