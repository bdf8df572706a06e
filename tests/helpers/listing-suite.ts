/**
 * What every listing of reports must be (home page, 下一页 after 下一页, the
 * years): shared by the test of the site as built (tests/build/listing.test.ts)
 * and of a generated archive built on its own (listing-archive.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { REPORTS_PER_PAGE } from '../../src/lib/listing.ts';
import { newestFirst, type PublishedReport } from './front-matter.ts';
import { builtListingRoutes, followListing, yearIndex, type ListingPage } from './listing.ts';

export interface ListingSite {
  name: string;
  /** The output folder; the archive's exists once beforeAll has built it. */
  dir: () => string;
  base: string;
  reports: () => PublishedReport[];
}

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

export function describeListingPages(site: ListingSite): void {
  describe(`listing pages of ${site.name}`, () => {
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
}
