/**
 * A deploy under a sub-path with its own site URL, as the README's Deploy
 * section says to build it: `astro build --base /some/path/` with SITE_URL
 * set. Built once into node_modules/.cache (dist/ untouched); every address
 * the site writes must carry the base: pages, assets, feed entries, sitemap,
 * canonical and link-preview URLs, citations and their files.
 * (Whether every link resolves is the link checker's job, not this file's.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPage, mustSelect, selectAll, toString } from '../helpers/built-site.ts';
import { buildSiteWithFlags, type FixtureBuild } from '../helpers/fixture-build.ts';
import { readReports } from '../helpers/front-matter.ts';
import { bibtexFields, jsonLdOf, linkHref, metaValue } from '../helpers/head-meta.ts';

const base = '/some/path/';
const site = 'https://mirror.example.net';
const siteRoot = `${site}${base}`;

let build: FixtureBuild & { outDir: string };
beforeAll(() => {
  const built = buildSiteWithFlags('cite-sub-path', ['--base', base], { SITE_URL: site });
  if (built.status !== 0) throw new Error(`the sub-path build failed:\n${built.output}`);
  build = { ...built, outDir: `${built.outDir}/` };
});

const read = (file: string) => readFileSync(`${build.outDir}${file}`, 'utf8');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

describe(`a build with --base ${base} and SITE_URL=${site}`, () => {
  it('writes every root-relative address in every page under the base', () => {
    const files = htmlFiles(build.outDir);
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const page = builtPage(`/${relative(build.outDir, file)}`, build.outDir);
      const addresses = selectAll('[href], [src]', page).map((el) => String(el.properties['href'] ?? el.properties['src']));
      expect(addresses.length).toBeGreaterThan(3);
      for (const address of addresses) {
        if (address.startsWith('/')) expect(address.startsWith(base), `${relative(build.outDir, file)}: ${address}`).toBe(true);
        if (/^https?:/.test(address) && address.startsWith(site)) expect(address.startsWith(siteRoot), address).toBe(true);
      }
    }
  });

  it('gives every report canonical, link-preview, Highwire, Dublin Core and JSON-LD URLs under the base', () => {
    for (const { slug } of readReports()) {
      const url = `${siteRoot}reports/${slug}/`;
      const page = builtPage(`/reports/${slug}/`, build.outDir);
      expect(linkHref(page, 'canonical')).toBe(url);
      expect(metaValue(page, 'og:url')).toBe(url);
      expect(metaValue(page, 'citation_abstract_html_url')).toBe(url);
      expect(metaValue(page, 'DC.identifier')).toBe(url);
      expect(jsonLdOf(page)['url']).toBe(url);
    }
  });

  it('puts the base into citations, their files and the links to them', () => {
    for (const { slug } of readReports()) {
      const url = `${siteRoot}reports/${slug}/`;
      const page = builtPage(`/reports/${slug}/`, build.outDir);
      expect(toString(mustSelect('#cite-gbt-online', page))).toContain(`. ${url}.`);
      expect(toString(mustSelect('#cite-apa', page)).endsWith(url)).toBe(true);
      expect(mustSelect('report-citation', page).properties['dataUrl']).toBe(url);
      expect(mustSelect('passage-link', page).properties['dataUrl']).toBe(url);
      // The on-demand code is fetched by an inline loader, under the base too.
      const loader = selectAll('script:not([src])', page).map((script) => toString(script)).find((code) => code.includes('citation-tools'));
      expect(loader).toMatch(new RegExp(`\`${base}_astro/citation-tools-[\\w-]+\\.js\``));
      const files = selectAll('.cite-files a', page).map((a) => String(a.properties['href']));
      expect(files).toEqual(['bib', 'ris', 'json'].map((ext) => `${base}reports/${slug}/citation.${ext}`));
      expect(bibtexFields(read(`reports/${slug}/citation.bib`))['url']).toBe(url);
      expect(read(`reports/${slug}/citation.ris`)).toContain(`UR  - ${url}\r\n`);
      expect(JSON.parse(read(`reports/${slug}/citation.json`))[0].URL).toBe(url);
    }
  });

  it('lists sitemap, feed entries and robots.txt addresses under the base', () => {
    expect(read('sitemap-index.xml')).toContain(`<loc>${siteRoot}sitemap-0.xml</loc>`);
    const pages = [...read('sitemap-0.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    expect(pages).toContain(siteRoot);
    for (const { slug } of readReports()) expect(pages).toContain(`${siteRoot}reports/${slug}/`);
    for (const page of pages) expect(page.startsWith(siteRoot), page).toBe(true);

    const feed = read('rss.xml');
    const links = [...feed.matchAll(/<link>([^<]*)<\/link>/g)].map((m) => m[1]!);
    expect(links[0]).toBe(siteRoot);
    expect(links.slice(1).sort()).toEqual(readReports().map(({ slug }) => `${siteRoot}reports/${slug}/`).sort());
    expect(feed).toContain(`<atom:link href="${siteRoot}rss.xml"`);

    expect(read('robots.txt')).toContain(`Sitemap: ${siteRoot}sitemap-index.xml\n`);
  });
});
