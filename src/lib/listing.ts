/**
 * The listing pages (home page, years) and the feed: how many reports each
 * carries, in what order, and which page numbers a pager offers. Pure logic;
 * the pages are src/pages/[...page].astro and src/pages/years/[year]/[...page].astro,
 * the addresses src/lib/site-url.ts (`listingPath`).
 */
import { compareNewestFirst } from './publication.ts';
import type { Publication } from './report-schema.ts';
import { listingPageSegment, listingPath } from './site-url.ts';

/**
 * Reports on one listing page. 20, as CNKI lists by default, so a reader
 * scanning the archive sees what they are used to; a page then weighs about
 * 20 KB of HTML whatever the size of the archive, and 10,000 reports take
 * 500 pages, which the year index cuts to a few dozen for any one year.
 */
export const REPORTS_PER_PAGE = 20;

/**
 * Items in the feed (rss.xml): the newest reports only, so the file stays
 * about 35 KB however large the archive grows (about 0.7 KB an item). A
 * feed reader misses a report only if more than 50 appear between two of its
 * visits; older reports are on the listing pages and in the sitemap.
 */
export const FEED_LENGTH = 50;

/** What ordering a report needs: its slug (the collection entry's id) and publication. */
export interface Listed {
  id: string;
  data: { publication: Publication };
}

/**
 * Newest first (year, issue, date: see compareNewestFirst), and by slug
 * among reports that tie, so every build puts each report on the same page.
 */
export function compareListedNewestFirst(a: Listed, b: Listed): number {
  return compareNewestFirst(a.data.publication, b.data.publication) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The newest `count` reports, newest first. */
export function newest<T extends Listed>(reports: readonly T[], count: number): T[] {
  return [...reports].sort(compareListedNewestFirst).slice(0, count);
}

export interface YearCount {
  year: number;
  count: number;
}

/** Each year that has a report, newest first, with how many it has. */
export function reportYears(reports: readonly Listed[]): YearCount[] {
  const counts = new Map<number, number>();
  for (const { data } of reports) counts.set(data.publication.year, (counts.get(data.publication.year) ?? 0) + 1);
  return [...counts].map(([year, count]) => ({ year, count })).sort((a, b) => b.year - a.year);
}

/** A gap in a pager's numbers, written "…". */
export const GAP = 'gap';

/**
 * The page numbers a pager shows on page `current` of `last`: the first and
 * the last, and `radius` either side of the current one, with a gap where
 * numbers are left out (a gap never stands for a single number: that number
 * is shown instead). Its length is bounded, whatever `last` is.
 * `pageNumbers(6, 500)` → [1, GAP, 4, 5, 6, 7, 8, GAP, 500].
 */
export function pageNumbers(current: number, last: number, radius = 2): (number | typeof GAP)[] {
  const shown = new Set([1, last]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= last) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const numbers: (number | typeof GAP)[] = [];
  sorted.forEach((n, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && n - previous === 2) numbers.push(n - 1);
    else if (previous !== undefined && n - previous > 2) numbers.push(GAP);
    numbers.push(n);
  });
  return numbers;
}

/** One path of Astro's paginate() for a `[...page]` route, as much of it as is rewritten here. */
interface PaginatedPath {
  params: { page: string | undefined };
  props: { page: { currentPage: number; lastPage: number; url: Record<'current' | 'prev' | 'next' | 'first' | 'last', string | undefined> } };
}

/**
 * A path of Astro's paginate() moved to the site's listing addresses:
 * paginate() numbers a `[...page]` route's pages `/2/`, `/3/`; the site
 * publishes them at `page/2/`, `page/3/` (src/lib/site-url.ts, `listingPath`),
 * so that a year (`/years/2023/`) never reads as a page number. Both the
 * route's parameter and the page's `url` links follow.
 */
export function atListingAddress<P extends PaginatedPath>(path: P, base: string, year?: number): P {
  const { currentPage, lastPage } = path.props.page;
  const at = (page: number) => listingPath(base, page, year);
  const hasPrevious = currentPage > 1;
  const hasNext = currentPage < lastPage;
  const url = {
    current: at(currentPage),
    prev: hasPrevious ? at(currentPage - 1) : undefined,
    next: hasNext ? at(currentPage + 1) : undefined,
    first: hasPrevious ? at(1) : undefined,
    last: hasNext ? at(lastPage) : undefined,
  };
  return {
    ...path,
    params: { ...path.params, page: listingPageSegment(currentPage) },
    props: { ...path.props, page: { ...path.props.page, url } },
  };
}
