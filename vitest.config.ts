import { defineConfig } from 'vitest/config';

/**
 * Three kinds of tests, run by `npm test` after `astro build`:
 * - unit:  pure logic in src/lib and src/markdown, no build needed;
 * - build: the built site in dist/ (fidelity, outline, notes, anchors) and
 *          fixture builds proving broken content stops the build;
 * - e2e:   the built site served on localhost, driven in Debian's Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
