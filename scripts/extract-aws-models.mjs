#!/usr/bin/env node
// Copies the official AWS API models the emulator validates requests against out of botocore's data directory
// (data/<service>/<version>/service-2.json.gz), dropping only documentation. Run again to refresh them:
//   node scripts/extract-aws-models.mjs [botocore-data-dir]
// Without an argument it asks the local python3 where botocore is installed (pip install botocore).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const SERVICES = [
  ['ecs', '2014-11-13'],
  ['appmesh', '2019-01-25'],
  ['servicediscovery', '2017-03-14'],
  ['vpc-lattice', '2022-11-30'],
  ['cloudwatch', '2010-08-01'],
  ['elbv2', '2015-12-01'],
];
const DROP = new Set(['documentation', 'documentationUrl', 'examples', 'deprecatedMessage']);

function botocoreData() {
  const script = 'import botocore, os; print(os.path.dirname(botocore.__file__)); print(botocore.__version__)';
  const [dir, version] = execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim().split('\n');
  console.log(`botocore ${version} at ${dir}`);
  return `${dir}/data`;
}

const strip = (value) =>
  Array.isArray(value)
    ? value.map(strip)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([k]) => !DROP.has(k))
            .map(([k, v]) => [k, strip(v)]),
        )
      : value;

const data = process.argv[2] ?? botocoreData();
for (const [service, version] of SERVICES) {
  const model = JSON.parse(
    gunzipSync(readFileSync(`${data}/${service}/${version}/service-2.json.gz`)).toString('utf8'),
  );
  const out = new URL(`../emulator/models/${service}.json`, import.meta.url);
  writeFileSync(out, `${JSON.stringify(strip(model))}\n`);
  const counts = `${Object.keys(model.operations).length} operations, ${Object.keys(model.shapes).length} shapes`;
  console.log(`${service} ${version}: ${counts}`);
}
