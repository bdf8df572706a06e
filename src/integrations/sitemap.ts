/**
 * The sitemap, by @astrojs/sitemap: `sitemap-index.xml` names
 * `sitemap-0.xml`, `sitemap-1.xml`…, each with at most SITEMAP_ENTRY_LIMIT
 * pages (404 left out), every address under the deploy's base.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';

/** The sitemap protocol's limit on URLs in one file (sitemaps.org). */
const PROTOCOL_URL_LIMIT = 50_000;

/**
 * Pages per sitemap file. The protocol allows 50,000 URLs and 50 MB per
 * file; a page's entry here is about 100 bytes, so the URL count is the
 * bound that matters, and 45,000 (the integration's own default, stated
 * here so nobody has to look it up) keeps a margin below it.
 */
export const SITEMAP_ENTRY_LIMIT = 45_000;

/**
 * The entry limit for this build: SITEMAP_ENTRY_LIMIT, or the environment's
 * `SITEMAP_ENTRY_LIMIT`, which lets a test with a few dozen pages see the
 * sitemap split into several files. A value the protocol does not allow stops
 * the build.
 */
export function sitemapEntryLimit(env: Record<string, string | undefined>): number {
  const value = env['SITEMAP_ENTRY_LIMIT'];
  if (value === undefined || value === '') return SITEMAP_ENTRY_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > PROTOCOL_URL_LIMIT) {
    throw new Error(`SITEMAP_ENTRY_LIMIT=${value}: expected a whole number of pages per sitemap file, from 1 to ${PROTOCOL_URL_LIMIT} (the sitemap protocol's limit)`);
  }
  return limit;
}

export function siteSitemap(env: Record<string, string | undefined> = process.env): AstroIntegration {
  return sitemap({ entryLimit: sitemapEntryLimit(env) });
}
