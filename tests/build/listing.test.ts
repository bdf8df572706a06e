/**
 * Listing pages that scale: the home page shows the newest reports, a page
 * at a time, and every report is reachable by plain links (下一页 after
 * 下一页, or by year), each page saying where it stands. Checked on the site
 * as built (dist/), and on an archive of generated reports, large enough to
 * fill several pages, built once under a sub-path, where the feed must
 * carry only the newest reports and the sitemap split into several files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FEED_LENGTH, REPORTS_PER_PAGE } from '../../src/lib/listing.ts';
import { distDir } from '../helpers/built-site.ts';
import { builtPageUrls, feedItems, readSitemaps, xmlValues } from '../helpers/feeds.ts';
import { buildWithReports, validReport } from '../helpers/fixture-build.ts';
import { newestFirst, readReports, type PublishedReport } from '../helpers/front-matter.ts';
import { formatFindings, validateHtmlIn } from '../helpers/html-validation.ts';
import { checkSite, formatProblems } from '../helpers/link-check.ts';
import { builtListingRoutes, followListing, yearIndex, type ListingPage } from '../helpers/listing.ts';

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

interface Site {
  name: string;
  /** The output folder; the archive's exists once beforeAll has built it. */
  dir: () => string;
  base: string;
  reports: () => PublishedReport[];
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

const sites: Site[] = [
  { name: 'the site (dist/)', dir: () => distDir, base: '/', reports: () => readReports() },
  {
    name: `an archive of ${ARCHIVE_SIZE} reports under ${archiveBase}`,
    dir: () => archive.outDir,
    base: archiveBase,
    reports: () => readReports(archive.reportsDir),
  },
];

/** The address of page `n` of a listing whose first page is `first`. */
const pageAddress = (first: string, n: number) => (n === 1 ? first : `${first}page/${n}/`);

/** What each page of a listing of `slugs` must be: its address, reports and status line, its links before and after. */
function expectListing(pages: ListingPage[], first: string, slugs: string[]) {
  const last = Math.max(1, Math.ceil(slugs.length / REPORTS_PER_PAGE));
  expect(pages.map((page) => page.route)).toEqual(Array.from({ length: last }, (_, i) => pageAddress(first, i + 1)));
  pages.forEach((page, i) => {
    const n = i + 1;
    const where = page.route;
    expect(page.slugs, where).toEqual(slugs.slice(i * REPORTS_PER_PAGE, n * REPORTS_PER_PAGE));
    expect(page.status, where).toBe(`共 ${slugs.length.toLocaleString('zh-CN')} 篇，按出版时间由近及远排列。${last > 1 ? `第 ${n} 页，共 ${last} 页。` : ''}`);
    expect(page.prev, where).toBe(n > 1 ? pageAddress(first, n - 1) : undefined);
    expect([page.headPrev, page.headNext], where).toEqual([page.prev, page.next]);
    if (last === 1) {
      expect(page.pagerNumbers, `${where}: a listing on one page needs no pager`).toEqual([]);
      return;
    }
    // The first and the last page, and this one's neighbours, are a click away; the current one is marked.
    expect(page.pagerCurrent, where).toBe(String(n));
    const numbers = page.pagerNumbers.filter(({ text }) => text !== '…');
    for (const { text, href } of numbers) expect(href, `${where}: page ${text}`).toBe(pageAddress(first, Number(text)));
    const neighbours = [1, n - 1, n, n + 1, last].filter((k) => k >= 1 && k <= last).map(String);
    expect(numbers.map(({ text }) => text), where).toEqual(expect.arrayContaining(neighbours));
    expect(page.pagerNumbers.length, `${where}: the pager stays short however many pages there are`).toBeLessThanOrEqual(9);
  });
}

describe.each(sites)('listing pages of $name', (site) => {
  const slugsOf = (reports: PublishedReport[]) => newestFirst(reports).map((report) => report.slug);

  it(`pages from the home page by 下一页 through every report once, newest first, ${REPORTS_PER_PAGE} a page`, () => {
    const pages = followListing(site.base, site.dir(), site.base);
    expectListing(pages, site.base, slugsOf(site.reports()));
  });

  it('the home page lists only the newest reports, so its weight does not grow with the archive', () => {
    const [home] = followListing(site.base, site.dir(), site.base);
    expect(home!.slugs).toEqual(slugsOf(site.reports()).slice(0, REPORTS_PER_PAGE));
  });

  it('names every year with its number of reports, and each year’s pages list exactly its reports, newest first', () => {
    const reports = site.reports();
    const years = [...new Set(reports.map((report) => report.data.publication.year))].sort((a, b) => b - a);
    const [home] = followListing(site.base, site.dir(), site.base);
    expect(yearIndex(home!)).toEqual([
      { label: '全部', href: site.base, count: undefined, current: 'page' },
      ...years.map((year) => ({
        label: `${year}年`,
        href: `${site.base}years/${year}/`,
        count: reports.filter((report) => report.data.publication.year === year).length,
        current: undefined,
      })),
    ]);
    const visited = followListing(site.base, site.dir(), site.base).map((page) => page.route);
    for (const year of years) {
      const first = `${site.base}years/${year}/`;
      const pages = followListing(first, site.dir(), site.base);
      expectListing(pages, first, slugsOf(reports.filter((report) => report.data.publication.year === year)));
      pages.forEach((page, i) => {
        const marked = yearIndex(page).filter((entry) => entry.current !== undefined);
        expect(marked, page.route).toEqual([expect.objectContaining({ label: `${year}年`, current: i === 0 ? 'page' : 'true' })]);
      });
      visited.push(...pages.map((page) => page.route));
    }
    // No listing page is built that a reader cannot reach.
    expect(visited.sort()).toEqual(builtListingRoutes(site.dir(), site.base).sort());
  });
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
