import { describe, expect, it } from 'vitest';
import { siteSitemap, sitemapEntryLimit, SITEMAP_ENTRY_LIMIT } from '../../src/integrations/sitemap.ts';
import { atListingAddress, compareListedNewestFirst, GAP, newest, pageNumbers, reportYears, type Listed } from '../../src/lib/listing.ts';
import type { Publication } from '../../src/lib/report-schema.ts';
import { listingPath } from '../../src/lib/site-url.ts';

const report = (id: string, year: number, issue?: number, date?: string): Listed => {
  const publication: Publication = { type: 'article', name: '某刊', year, ...(issue !== undefined && { issue }), ...(date !== undefined && { date }) };
  return { id, data: { publication } };
};

describe('listing order', () => {
  it('puts the newest first, and reports that tie in year, issue and date by slug, so every build agrees', () => {
    const reports = [report('b', 2022, 3), report('c', 2023, 1), report('a', 2022, 3), report('d', 2022, 4, '2022-12-01')];
    expect([...reports].sort(compareListedNewestFirst).map((r) => r.id)).toEqual(['c', 'd', 'a', 'b']);
    expect([...reports].reverse().sort(compareListedNewestFirst).map((r) => r.id)).toEqual(['c', 'd', 'a', 'b']);
  });
  it('takes the newest few without changing the list it is given', () => {
    const reports = [report('old', 2001), report('new', 2024), report('mid', 2010)];
    expect(newest(reports, 2).map((r) => r.id)).toEqual(['new', 'mid']);
    expect(newest(reports, 50)).toHaveLength(3);
    expect(reports.map((r) => r.id)).toEqual(['old', 'new', 'mid']);
  });
  it('counts the reports of each year, newest year first', () => {
    expect(reportYears([report('a', 2021), report('b', 2023), report('c', 2021)])).toEqual([
      { year: 2023, count: 1 },
      { year: 2021, count: 2 },
    ]);
  });
});

describe('pager numbers', () => {
  it('shows every page of a short listing', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });
  it('shows the first, the last and two either side of the current page, with gaps between', () => {
    expect(pageNumbers(6, 500)).toEqual([1, GAP, 4, 5, 6, 7, 8, GAP, 500]);
    expect(pageNumbers(1, 500)).toEqual([1, 2, 3, GAP, 500]);
    expect(pageNumbers(500, 500)).toEqual([1, GAP, 498, 499, 500]);
  });
  it('never puts a gap for a single page: it shows that page', () => {
    expect(pageNumbers(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(pageNumbers(4, 500)).toEqual([1, 2, 3, 4, 5, 6, GAP, 500]);
  });
  it('stays as short whatever the number of pages', () => {
    for (const last of [10, 100, 10_000]) {
      for (let current = 1; current <= last; current += Math.ceil(last / 37)) {
        expect(pageNumbers(current, last).length).toBeLessThanOrEqual(9);
      }
    }
  });
});

describe('listing addresses', () => {
  it('puts the first page at the listing’s own address and the others under page/N/, under the base', () => {
    expect(listingPath('/', 1)).toBe('/');
    expect(listingPath('/', 2)).toBe('/page/2/');
    expect(listingPath('/some/path/', 1, 2023)).toBe('/some/path/years/2023/');
    expect(listingPath('/some/path', 12, 2023)).toBe('/some/path/years/2023/page/12/');
  });
  it('moves a page made by Astro’s paginate() to those addresses, its links with it', () => {
    // What paginate() gives page 2 of 3 of a `[...page]` route under /docs/ for the year 2023.
    const fromAstro = {
      params: { year: '2023', page: '2' },
      props: {
        year: 2023,
        page: {
          data: ['x'],
          currentPage: 2,
          lastPage: 3,
          url: { current: '/docs/years/2023/2/', prev: '/docs/years/2023/', next: '/docs/years/2023/3/', first: '/docs/years/2023/', last: '/docs/years/2023/3/' },
        },
      },
    };
    const moved = atListingAddress(fromAstro, '/docs/', 2023);
    expect(moved.params).toEqual({ year: '2023', page: 'page/2' });
    expect(moved.props.page.url).toEqual({
      current: '/docs/years/2023/page/2/',
      prev: '/docs/years/2023/',
      next: '/docs/years/2023/page/3/',
      first: '/docs/years/2023/',
      last: '/docs/years/2023/page/3/',
    });
    expect(moved.props.page.data).toEqual(['x']);
    expect(moved.props.year).toBe(2023);
    const first = atListingAddress({ ...fromAstro, props: { ...fromAstro.props, page: { ...fromAstro.props.page, currentPage: 1 } } }, '/docs/', 2023);
    expect(first.params.page).toBeUndefined();
    expect([first.props.page.url.prev, first.props.page.url.first]).toEqual([undefined, undefined]);
  });
});

describe('sitemap files', () => {
  it('hold at most 45,000 pages each, below the protocol’s 50,000, unless the environment asks for fewer', () => {
    expect(SITEMAP_ENTRY_LIMIT).toBeLessThanOrEqual(50_000);
    expect(sitemapEntryLimit({})).toBe(SITEMAP_ENTRY_LIMIT);
    expect(sitemapEntryLimit({ SITEMAP_ENTRY_LIMIT: '25' })).toBe(25);
  });
  it('stop the build on a limit the protocol does not allow, naming the variable', () => {
    for (const value of ['0', '50001', '2.5', 'many']) {
      expect(() => sitemapEntryLimit({ SITEMAP_ENTRY_LIMIT: value }), value).toThrow(/SITEMAP_ENTRY_LIMIT=.*1 to 50000/);
    }
    expect(() => siteSitemap({ SITEMAP_ENTRY_LIMIT: '0' })).toThrow(/SITEMAP_ENTRY_LIMIT/);
  });
});
