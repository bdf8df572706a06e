/**
 * Listing pages that scale, on an archive of generated reports large enough
 * to fill several pages, built once under a sub-path: the listing pages as on
 * the site (tests/helpers/listing-suite.ts), the feed carrying only the
 * newest reports, the sitemap split into several files. It makes its own
 * build, so it runs once (testsOfTheirOwnBuilds in vitest.config.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FEED_LENGTH, REPORTS_PER_PAGE } from '../../src/lib/listing.ts';
import { builtPageUrls, feedItems, readSitemaps, xmlValues } from '../helpers/feeds.ts';
import { buildWithReports, validReport } from '../helpers/fixture-build.ts';
import { newestFirst, readReports } from '../helpers/front-matter.ts';
import { formatFindings, validateHtmlIn } from '../helpers/html-validation.ts';
import { checkSite, formatProblems } from '../helpers/link-check.ts';
import { builtListingRoutes } from '../helpers/listing.ts';
import { describeListingPages } from '../helpers/listing-suite.ts';

/**
 * `count` small reports spread over three years, several sharing a year,
 * issue and date (so their order falls to the slug), as an editor's archive
 * would have them.
 */
function generatedArchive(count: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => {
      const n = i + 1;
      const year = 2021 + (n % 3);
      const issue = 1 + (n % 4);
      const text = validReport
        .replace('title: 测试报告', `title: 测试报告之${n}`)
        .replace('year: 2023', `year: ${year}`)
        .replace('issue: 1', `issue: ${issue}`)
        .replace('date: "2023-03-01"', `date: "${year}-0${issue}-01"`);
      return [`report-${String(n).padStart(3, '0')}.mdx`, text];
    }),
  );
}

// Three pages and a bit of every report; a year with more than a page; more reports than the feed carries.
const ARCHIVE_SIZE = 3 * REPORTS_PER_PAGE + 1;
const archiveBase = '/archive/';
const archiveSite = 'https://archive.example.net';
// Small enough that the archive's pages fill several sitemap files.
const SITEMAP_ENTRY_LIMIT = 25;

const archive = { outDir: '', reportsDir: '' };
beforeAll(() => {
  const build = buildWithReports('listing-archive', generatedArchive(ARCHIVE_SIZE), ['--base', archiveBase], {
    SITE_URL: archiveSite,
    SITEMAP_ENTRY_LIMIT: String(SITEMAP_ENTRY_LIMIT),
  });
  if (build.status !== 0) throw new Error(`the archive build failed:\n${build.output}`);
  Object.assign(archive, { outDir: `${build.outDir}/`, reportsDir: `${build.reportsDir}/` });
});

describeListingPages({
  name: `an archive of ${ARCHIVE_SIZE} reports under ${archiveBase}`,
  dir: () => archive.outDir,
  base: archiveBase,
  reports: () => readReports(archive.reportsDir),
});

describe(`an archive of ${ARCHIVE_SIZE} reports under ${archiveBase}`, () => {
  const siteRoot = `${archiveSite}${archiveBase}`;
  const reports = () => newestFirst(readReports(archive.reportsDir));

  it(`has a feed of the ${FEED_LENGTH} newest reports, newest first, and never more`, () => {
    const items = feedItems(readFileSync(join(archive.outDir, 'rss.xml'), 'utf8'));
    expect(ARCHIVE_SIZE).toBeGreaterThan(FEED_LENGTH);
    expect(items.map((item) => xmlValues(item, 'link')[0])).toEqual(
      reports()
        .slice(0, FEED_LENGTH)
        .map((report) => `${siteRoot}reports/${report.slug}/`),
    );
  });

  it(`splits the sitemap into files of at most ${SITEMAP_ENTRY_LIMIT} pages, named by the index, together listing every page once`, () => {
    const { files, pagesPerFile } = readSitemaps(archive.outDir);
    const pages = builtPageUrls(archive.outDir, siteRoot);
    expect(files).toEqual(Array.from({ length: Math.ceil(pages.length / SITEMAP_ENTRY_LIMIT) }, (_, i) => `${siteRoot}sitemap-${i}.xml`));
    expect(files.length).toBeGreaterThan(1);
    for (const listed of pagesPerFile) expect(listed.length).toBeLessThanOrEqual(SITEMAP_ENTRY_LIMIT);
    expect(pagesPerFile.flat().sort()).toEqual(pages);
  });

  it('has no broken link and no link outside the base, on any page, pager and year index included', () => {
    const report = checkSite(archive.outDir, { base: archiveBase, site: archiveSite });
    expect(report.pages.filter((page) => /^(page|years)\//.test(page)).length).toBeGreaterThan(3);
    expect(report.problems, formatProblems(report.problems)).toEqual([]);
  });

  it('has valid HTML on every listing page (the report pages are those of dist/, validated there)', async () => {
    const { files, findings } = await validateHtmlIn(archive.outDir, (file) => /^(index\.html|page\/|years\/)/.test(file));
    expect(files).toEqual(builtListingRoutes(archive.outDir, '').map((route) => `${route}index.html`).sort());
    expect(findings, formatFindings(findings)).toEqual([]);
  });
});
