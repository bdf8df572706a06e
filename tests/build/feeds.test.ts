/**
 * What crawlers and feed readers find: sitemap (by @astrojs/sitemap), the RSS
 * feed (by @astrojs/rss) and robots.txt, checked against the built pages and
 * the front matter.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareNewestFirst } from '../../src/lib/publication.ts';
import { distDir } from '../helpers/built-site.ts';
import { readReports, siteUrl } from '../helpers/front-matter.ts';

const read = (file: string) => readFileSync(`${distDir}${file}`, 'utf8');
const all = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);
const unescapeXml = (text: string) => text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

/** Every built HTML page except 404, as the URL it is served at. */
function builtPageUrls(dir = distDir): string[] {
  const urls: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html') urls.push(new URL(`/${relative(dir, folder)}/`.replace(/\/+/g, '/'), siteUrl).href);
    }
  };
  walk(dir);
  return urls.sort();
}

describe('sitemap', () => {
  it('the index points at the sitemap file, which lists every page (404 left out)', () => {
    const index = read('sitemap-index.xml');
    const sitemaps = all(index, 'loc');
    expect(sitemaps).toEqual([new URL('/sitemap-0.xml', siteUrl).href]);
    const urls = all(read('sitemap-0.xml'), 'loc').sort();
    expect(urls).toEqual(builtPageUrls());
    for (const { slug } of readReports()) expect(urls).toContain(new URL(`/reports/${slug}/`, siteUrl).href);
    expect(urls.some((url) => url.includes('404'))).toBe(false);
  });
});

describe('RSS feed', () => {
  const feed = read('rss.xml');
  const items = [...feed.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);
  const reports = readReports().sort((a, b) => compareNewestFirst(a.data.publication, b.data.publication));

  it('is RSS 2.0 for the site, with a self link', () => {
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss version="2.0"/);
    expect(all(feed, 'link')[0]).toBe(new URL('/', siteUrl).href);
    expect(feed).toContain(`<atom:link href="${new URL('/rss.xml', siteUrl).href}" rel="self" type="application/rss+xml"/>`);
  });

  it('has one item per report, newest first: title, address, authors whole, date where printed', () => {
    expect(items).toHaveLength(reports.length);
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
