import { defineConfig } from 'vitest/config';
import { addedReportSite } from './tests/helpers/added-report-site.ts';

/**
 * Build tests that make builds of their own (fixture reports, a sub-path
 * deploy) or read no build at all: they run once, not again on the site with
 * an added report.
 */
const testsOfTheirOwnBuilds = [
  'tests/build/broken-content.test.ts',
  'tests/build/dependencies.test.ts',
  'tests/build/links-sub-path.test.ts',
  'tests/build/listing-archive.test.ts',
  'tests/build/sub-path.test.ts',
];

/** Checks that the project below really reads the site with the added report. */
const addedReportTest = 'tests/build/added-report.test.ts';

/**
 * Three kinds of tests, run by `npm test` after `astro build`:
 * - unit:  pure logic in src/lib and src/markdown, no build needed;
 * - build: the built site in dist/ (fidelity, outline, notes, anchors) and
 *          fixture builds proving broken content stops the build; the tests
 *          of dist/ run a second time on a copy of the site with one more
 *          report (tests/helpers/added-report-site.ts), so adding a report
 *          never needs a test edit;
 * - e2e:   the built site served on localhost, driven in Debian's Chromium.
 */
export default defineConfig({
  test: {
    // Two test files at a time: most of a browser test is waiting (for the
    // page, for the browser), and a build test spends its time in a child
    // process, so two lanes keep a 2-core machine busy without crowding it.
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          exclude: [addedReportTest],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'build (added report)',
          include: ['tests/build/**/*.test.ts'],
          exclude: testsOfTheirOwnBuilds,
          setupFiles: ['tests/helpers/added-report-setup.ts'],
          env: { SITE_DIST: addedReportSite.dist, CONTENT_DIR: addedReportSite.content },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A poll waits for what a reader would wait for (a hash to change, a
          // note to open) and returns as soon as it holds; Vitest's default of
          // 1 s is shorter than one busy frame of a long report on a loaded
          // 2-core machine (CI once failed there with the page right), so a
          // poll fails only when the thing never happens.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
