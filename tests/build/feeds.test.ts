/**
 * What crawlers and feed readers find: sitemap (by @astrojs/sitemap), the RSS
 * feed (by @astrojs/rss) and robots.txt, checked against the built pages and
 * the front matter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEED_LENGTH } from '../../src/lib/listing.ts';
import { distDir } from '../helpers/built-site.ts';
import { builtPageUrls, feedItems, readSitemaps, unescapeXml, xmlValues as all } from '../helpers/feeds.ts';
import { newestFirst, readReports, siteUrl } from '../helpers/front-matter.ts';

const read = (file: string) => readFileSync(`${distDir}${file}`, 'utf8');

describe('sitemap', () => {
  it('the index names sitemap-0.xml, sitemap-1.xml…, which together list every page once (404 left out)', () => {
    const { files, pagesPerFile } = readSitemaps(distDir);
    expect(files).toEqual(files.map((_, i) => new URL(`/sitemap-${i}.xml`, siteUrl).href));
    const urls = pagesPerFile.flat().sort();
    expect(urls).toEqual(builtPageUrls(distDir, new URL('/', siteUrl).href));
    for (const { slug } of readReports()) expect(urls).toContain(new URL(`/reports/${slug}/`, siteUrl).href);
    expect(urls.some((url) => url.includes('404'))).toBe(false);
  });
});

describe('RSS feed', () => {
  const feed = read('rss.xml');
  const items = feedItems(feed);
  const reports = newestFirst(readReports());

  it('is RSS 2.0 for the site, with a self link', () => {
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss version="2.0"/);
    expect(all(feed, 'link')[0]).toBe(new URL('/', siteUrl).href);
    expect(feed).toContain(`<atom:link href="${new URL('/rss.xml', siteUrl).href}" rel="self" type="application/rss+xml"/>`);
  });

  it(`has one item for each of the ${FEED_LENGTH} newest reports (all of them while there are fewer), newest first: title, address, authors whole, date where printed`, () => {
    expect(items).toHaveLength(Math.min(reports.length, FEED_LENGTH));
    items.forEach((item, i) => {
      const { slug, data } = reports[i]!;
      const url = new URL(`/reports/${slug}/`, siteUrl).href;
      expect(unescapeXml(all(item, 'title')[0]!)).toBe(data.title);
      expect(all(item, 'link')).toEqual([url]);
      expect(all(item, 'guid')).toEqual([url]);
      expect(all(item, 'dc:creator').map(unescapeXml)).toEqual(data.authors.map((a) => a.name));
      const date = data.publication.date;
      expect(all(item, 'pubDate')).toEqual(date ? [new Date(`${date}T00:00:00Z`).toUTCString()] : []);
      expect(all(item, 'description')[0]?.length).toBeGreaterThan(20);
    });
  });
});

describe('robots.txt', () => {
  it('allows crawling and names the sitemap by its full address', () => {
    const robots = read('robots.txt');
    expect(robots).toMatch(/^User-agent: \*\nAllow: \/\n/);
    const sitemap = /^Sitemap: (.+)$/m.exec(robots)?.[1];
    expect(sitemap).toBe(new URL('/sitemap-index.xml', siteUrl).href);
    expect(existsSync(`${distDir}sitemap-index.xml`)).toBe(true);
  });
});
