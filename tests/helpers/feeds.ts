/**
 * What crawlers and feed readers are given, read from a built site: the
 * values of XML elements, the feed's items, and the URL of every built page
 * (what the sitemap must list).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The text of every `<tag>` in `xml`, in order, as written (escaped). */
export const xmlValues = (xml: string, tag: string): string[] =>
  [...xml.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);

export const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

/** The inside of each `<item>` of an RSS feed, in order. */
export const feedItems = (feed: string): string[] => [...feed.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);

/** Every HTML page built into `dir` except 404, as the absolute URL it is served at under `siteRoot` (site + base). */
export function builtPageUrls(dir: string, siteRoot: string): string[] {
  const urls: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html') {
        const route = relative(dir, folder);
        urls.push(new URL(route === '' ? '' : `${route}/`, siteRoot).href);
      }
    }
  };
  walk(dir);
  return urls.sort();
}

export interface Sitemaps {
  /** The sitemap files the index names, as absolute URLs, in order. */
  files: string[];
  /** The page URLs each of those files lists. */
  pagesPerFile: string[][];
}

/**
 * The sitemap index built into `dir` (`sitemap-index.xml`) and each sitemap
 * file it names, read from `dir` by its name.
 */
export function readSitemaps(dir: string): Sitemaps {
  const files = xmlValues(readFileSync(join(dir, 'sitemap-index.xml'), 'utf8'), 'loc');
  const pagesPerFile = files.map((url) => xmlValues(readFileSync(join(dir, new URL(url).pathname.split('/').at(-1)!), 'utf8'), 'loc'));
  return { files, pagesPerFile };
}
