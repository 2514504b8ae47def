import { defineConfig } from 'vitest/config';

/** `npm run test:long`: the long reliability runs (e.g. 200 crash-loop iterations), kept out of `npm test`. */
export default defineConfig({
  test: {
    include: ['src/**/*.long.test.ts', 'test/**/*.long.test.ts'],
    environment: 'node',
    testTimeout: 60 * 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
