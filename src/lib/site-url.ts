/**
 * Addresses of pages and files, built from the deploy's base path and site
 * URL (astro.config: `site`, `--base`). Every link the site writes goes
 * through here, so a deploy under a sub-path (`/some/path/`) never produces an
 * address that points outside it.
 */

/**
 * `base` + `path` with exactly one slash between them, whether or not the base
 * (import.meta.env.BASE_URL, with or without its trailing slash) ends in one.
 * `withBase('/docs', 'reports/a/')` → `/docs/reports/a/`; `withBase('/', '')` → `/`.
 */
export function withBase(base: string, path: string): string {
  const head = base.replace(/\/+$/, '');
  const tail = path.replace(/^\/+/, '');
  return `${head}/${tail}`;
}

/** An absolute URL on the site: `absoluteUrl(site, '/docs/reports/a/')`. */
export function absoluteUrl(site: URL | string, pathWithBase: string): string {
  return new URL(pathWithBase, site).href;
}

/** Path of a report page (with the base): `/docs/reports/<slug>/`. */
export function reportPath(base: string, slug: string): string {
  return withBase(base, `reports/${slug}/`);
}

/** Formats a citation file is offered in, and the file each is published as. */
export const citationDownloads = {
  bib: { label: 'BibTeX', contentType: 'application/x-bibtex; charset=utf-8' },
  ris: { label: 'RIS', contentType: 'application/x-research-info-systems; charset=utf-8' },
  json: { label: 'CSL-JSON', contentType: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
} as const;
export type CitationFormat = keyof typeof citationDownloads;

/** Path of a report's citation file (with the base): `/docs/reports/<slug>/citation.bib`. */
export function citationPath(base: string, slug: string, format: CitationFormat): string {
  return withBase(base, `reports/${slug}/citation.${format}`);
}

/** A day as YYYY-MM-DD in the time zone of whoever runs this (the reader, in a browser). */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The path segment of page `page` of a listing, as the `[...page]` routes
 * take it: none for the first page (it lives at the listing's own address),
 * `page/2` for the second.
 */
export function listingPageSegment(page: number): string | undefined {
  return page > 1 ? `page/${page}` : undefined;
}

/**
 * Path of page `page` of a listing (with the base): every report at
 * `/`, `/page/2/`…; one year's at `/years/2023/`, `/years/2023/page/2/`….
 */
export function listingPath(base: string, page: number, year?: number): string {
  const listing = year === undefined ? '' : `years/${year}/`;
  const segment = listingPageSegment(page);
  return withBase(base, segment === undefined ? listing : `${listing}${segment}/`);
}
