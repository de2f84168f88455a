/**
 * npm run test:unit: every suite that needs neither a built dist/ nor a subprocess (no build, no lint), in seconds.
 * npm test runs these and the ones left out here.
 */
import base from './jest.config.js';

export default {
  ...base,
  testPathIgnorePatterns: [
    '/node_modules/',
    // dist/index.js run as the runner does, against the emulator (smoke.test.ts too): minutes in all
    '<rootDir>/__tests__/e2e/',
    // npm run emulator, action and traffic as processes (~50 s)
    '<rootDir>/__tests__/playground\\.test\\.ts$',
    // dist/index.js run on each provider for the IAM policy (~20 s)
    '<rootDir>/__tests__/iamPolicy\\.test\\.ts$',
    // dist/licenses.txt, and an ncc build of src/ when the build's stats are not at hand
    '<rootDir>/__tests__/licenses\\.test\\.ts$',
    // the sizes of dist/ as built
    '<rootDir>/__tests__/bench\\.test\\.ts$',
  ],
};
