/**
 * The listing pages of a built site read as a reader uses them: the reports
 * each lists, where it says it stands, and the links to the pages before and
 * after it, followed from the first page to the last.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'hast';
import { builtPage, mustSelect, select, selectAll, toString } from './built-site.ts';
import { linkHref } from './head-meta.ts';

export interface ListingPage {
  /** The page's address (with the base), e.g. `/page/2/`. */
  route: string;
  tree: Root;
  /** The slug of each report the page lists, in order. */
  slugs: string[];
  /** The line under the heading: 共 N 篇…. */
  status: string;
  /** The pager's 上一页 / 下一页 links, and the <head>'s rel=prev / rel=next. */
  prev: string | undefined;
  next: string | undefined;
  headPrev: string | undefined;
  headNext: string | undefined;
  /** The pager's page numbers in order, each with its link ("…" for a gap, without one), and the one marked aria-current="page". */
  pagerNumbers: { text: string; href: string | undefined }[];
  pagerCurrent: string | undefined;
}

/** A listing page of the site built for `base` into `dir`, by its address. */
export function readListingPage(route: string, dir: string, base = '/'): ListingPage {
  const tree = builtPage(`/${route.slice(base.length)}`, dir);
  const main = mustSelect('main', tree);
  const reportLink = new RegExp(`^${base}reports/([^/]+)/$`);
  const slugs = selectAll('.report-card h2 a', main).map((a) => {
    const href = String(a.properties['href']);
    const slug = reportLink.exec(href)?.[1];
    if (!slug) throw new Error(`${route}: a report card links to ${href}, not to a report under ${base}`);
    return slug;
  });
  const pager = select('nav[aria-label="分页"]', main);
  const href = (selector: string) => {
    const link = pager && select(selector, pager);
    return link ? String(link.properties['href']) : undefined;
  };
  return {
    route,
    tree,
    slugs,
    status: toString(mustSelect('.count', main)),
    prev: href('a[rel="prev"]'),
    next: href('a[rel="next"]'),
    headPrev: linkHref(tree, 'prev'),
    headNext: linkHref(tree, 'next'),
    pagerNumbers: pager
      ? selectAll('li', pager)
          .filter((item) => !select('a[rel]', item))
          .map((item) => {
            const link = select('a', item);
            return { text: toString(item).trim(), href: link ? String(link.properties['href']) : undefined };
          })
      : [],
    pagerCurrent: pager ? toString(mustSelect('a[aria-current="page"]', pager)) : undefined,
  };
}

/**
 * A listing followed from its first page by each page's 下一页 link, as a
 * reader pages through it, until a page has none. Stops with an error on a
 * page visited twice (a loop).
 */
export function followListing(firstRoute: string, dir: string, base = '/'): ListingPage[] {
  const pages: ListingPage[] = [];
  for (let route: string | undefined = firstRoute; route !== undefined; route = pages.at(-1)!.next) {
    if (pages.some((page) => page.route === route)) throw new Error(`the listing loops back to ${route}`);
    pages.push(readListingPage(route, dir, base));
  }
  return pages;
}

/** The year index of a listing page: each year's link and the count beside it. */
export function yearIndex(page: ListingPage): { label: string; href: string; count: number | undefined; current: string | undefined }[] {
  const nav = mustSelect('nav[aria-label="按年份浏览"]', page.tree);
  return selectAll('li', nav).map((item) => {
    const link = mustSelect('a', item);
    const count = select('.year-count', item);
    return {
      label: toString(link),
      href: String(link.properties['href']),
      count: count ? Number(/^(\d+) 篇$/.exec(toString(count))?.[1]) : undefined,
      current: link.properties['ariaCurrent'] === undefined ? undefined : String(link.properties['ariaCurrent']),
    };
  });
}

/**
 * Every listing page built into `dir` (its index.html, `page/N/`, `years/Y/`,
 * `years/Y/page/N/`), as addresses under `base`.
 */
export function builtListingRoutes(dir: string, base = '/'): string[] {
  const numbered = (folder: string) =>
    existsSync(join(dir, folder, 'page')) ? readdirSync(join(dir, folder, 'page')).map((n) => `${folder}page/${n}/`) : [];
  const years = existsSync(join(dir, 'years')) ? readdirSync(join(dir, 'years')).map((year) => `years/${year}/`) : [];
  return ['', ...numbered(''), ...years.flatMap((year) => [year, ...numbered(year)])].map((route) => `${base}${route}`);
}
