#!/usr/bin/env node
// Copies the official AWS API models the emulator validates requests against out of Debian's python3-botocore
// package (apt-get install python3-botocore), dropping only documentation. Run again to refresh them.
import { readFileSync, writeFileSync } from 'node:fs';

const BOTOCORE = process.argv[2] ?? '/usr/lib/python3/dist-packages/botocore/data';
const SERVICES = [
  ['ecs', '2014-11-13'],
  ['appmesh', '2019-01-25'],
  ['servicediscovery', '2017-03-14'],
];
const DROP = new Set(['documentation', 'documentationUrl', 'examples', 'deprecatedMessage']);
const strip = (value) =>
  Array.isArray(value)
    ? value.map(strip)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).filter(([k]) => !DROP.has(k)).map(([k, v]) => [k, strip(v)]))
      : value;

for (const [service, version] of SERVICES) {
  const model = JSON.parse(readFileSync(`${BOTOCORE}/${service}/${version}/service-2.json`, 'utf8'));
  const out = new URL(`../__tests__/emulator/models/${service}.json`, import.meta.url);
  writeFileSync(out, JSON.stringify(strip(model)) + '\n');
  console.log(`${service} ${version}: ${Object.keys(model.operations).length} operations, ${Object.keys(model.shapes).length} shapes`);
}
