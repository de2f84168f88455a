// `node --import ./scripts/ts.mjs scripts/demo.ts`: registers ts-hooks.mjs, then Node runs the TypeScript file.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
