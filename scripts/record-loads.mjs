// `node --import ./scripts/record-loads.mjs entry.js` (or NODE_OPTIONS=--import=…): appends the URL of every file
// Node loads, ESM or CommonJS, import() or require(), the entry point included, to the file RECORD_LOADS_FILE names,
// one a line, each once, as it is loaded (a process.exit() loses nothing). scripts/loadedBytes.ts sums their sizes.
//
// On a Node with module.registerHooks (≥ 22.15, 23.5) one in-thread load hook sees both module systems. On an older one
// an off-thread ESM load hook (module.register) records the ESM loads and a wrap of the CommonJS `.js` loader the
// require() calls.
import { appendFileSync } from 'node:fs';
import Module from 'node:module';
import { pathToFileURL } from 'node:url';

const out = process.env.RECORD_LOADS_FILE;
if (!out) throw new Error('record-loads.mjs: set RECORD_LOADS_FILE to the file to record loaded URLs in');
const seen = new Set();
const record = (url) => {
  if (!url.startsWith('file:') || seen.has(url)) return;
  seen.add(url);
  appendFileSync(out, `${url}\n`);
};

if (Module.registerHooks) {
  Module.registerHooks({
    load(url, context, nextLoad) {
      record(url);
      return nextLoad(url, context);
    },
  });
} else {
  const hooks = `import { appendFileSync } from 'node:fs';
    const seen = new Set();
    export async function load(url, context, nextLoad) {
      if (url.startsWith('file:') && !seen.has(url)) {
        seen.add(url);
        appendFileSync(${JSON.stringify(out)}, url + '\\n');
      }
      return nextLoad(url, context);
    }`;
  Module.register(`data:text/javascript,${encodeURIComponent(hooks)}`);
  const js = Module._extensions['.js'];
  Module._extensions['.js'] = function (module, filename) {
    record(pathToFileURL(filename).href);
    return js.call(this, module, filename);
  };
}
