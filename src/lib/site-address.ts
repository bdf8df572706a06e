/**
 * The address the site is served from (astro.config.mjs `site`): canonical
 * URLs, citations, the feed and the sitemap are absolute. `SITE_URL` sets it
 * for a deploy (README, Deploy). Build-time only: it reads the environment,
 * so no browser script may import it (SITE_NAME and the like are in site.ts).
 */
export const SITE_URL: string = process.env['SITE_URL'] ?? 'https://reports.example.org';
