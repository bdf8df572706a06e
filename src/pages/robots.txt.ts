/**
 * robots.txt: everything may be crawled; the sitemap (written by
 * @astrojs/sitemap) is named with the deploy's full address. Crawlers read
 * robots.txt only at a host's root: under a sub-path deploy, copy this file
 * there (see README, Deploy).
 */
import type { APIRoute } from 'astro';
import { absoluteUrl, withBase } from '../lib/site-url.ts';

export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('astro.config has no `site`: robots.txt names the sitemap by its absolute address (set SITE_URL)');
  const sitemap = absoluteUrl(site, withBase(import.meta.env.BASE_URL, 'sitemap-index.xml'));
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
