/**
 * Every report's <head>: canonical URL, link previews (Open Graph, Twitter),
 * Highwire Press `citation_*`, Dublin Core and JSON-LD — each value compared
 * with the front matter read from content/reports (not with a copy of the
 * output).
 */
import { describe, expect, it } from 'vitest';
import { firstParagraphOf } from '../../src/lib/publication.ts';
import { builtPage, select, toString } from '../helpers/built-site.ts';
import { readReports, siteUrl } from '../helpers/front-matter.ts';
import { jsonLdOf, linkHref, metaValue, metaValues } from '../helpers/head-meta.ts';

describe.each(readReports())('$slug <head> metadata', ({ slug, data, body }) => {
  const page = builtPage(`/reports/${slug}/`);
  const url = new URL(`/reports/${slug}/`, siteUrl).href;
  const { publication } = data;
  const description = metaValue(page, 'description');
  const names = data.authors.map((author) => author.name);

  it('has a canonical URL on the configured site, and a description from the abstract or first paragraph', () => {
    expect(linkHref(page, 'canonical')).toBe(url);
    const summary = data.abstract ?? firstParagraphOf(body) ?? '';
    expect(description.length).toBeGreaterThan(20);
    expect(summary.startsWith(description.replace(/……$/, ''))).toBe(true);
  });

  it('has Open Graph and Twitter card tags for a link preview', () => {
    expect(metaValue(page, 'og:type')).toBe('article');
    expect(metaValue(page, 'og:title')).toBe(data.title);
    expect(metaValue(page, 'og:description')).toBe(description);
    expect(metaValue(page, 'og:site_name')).toBe(toString(select('.site-title', page)!));
    expect(metaValue(page, 'og:url')).toBe(url);
    expect(metaValue(page, 'og:locale')).toBe(data.lang.replace('-', '_'));
    // X takes a card's title and description from og:title and og:description.
    expect(metaValue(page, 'twitter:card')).toBe('summary');
    expect(metaValues(page, 'article:published_time')).toEqual(publication.date ? [publication.date] : []);
  });

  it('has Highwire Press citation tags: title, each author whole, date, venue, pages where known, language, URL', () => {
    expect(metaValue(page, 'citation_title')).toBe(data.title);
    expect(metaValues(page, 'citation_author')).toEqual(names);
    expect(metaValues(page, 'citation_author_institution')).toEqual(data.authors.flatMap((a) => (a.affiliation ? [a.affiliation] : [])));
    expect(metaValue(page, 'citation_publication_date')).toBe(publication.date?.replaceAll('-', '/') ?? String(publication.year));
    if (publication.type === 'article') {
      expect(metaValue(page, 'citation_journal_title')).toBe(publication.name);
      expect(metaValues(page, 'citation_issue')).toEqual(publication.issue === undefined ? [] : [String(publication.issue)]);
    } else {
      expect(metaValues(page, 'citation_journal_title')).toEqual([]);
      expect(metaValues(page, 'citation_technical_report_institution')).toEqual(publication.publisher ? [publication.publisher] : []);
      expect(metaValue(page, 'citation_technical_report_number')).toContain(publication.name);
    }
    expect(metaValues(page, 'citation_firstpage')).toEqual(publication.pages?.first === undefined ? [] : [String(publication.pages.first)]);
    expect(metaValues(page, 'citation_lastpage')).toEqual(publication.pages?.last === undefined ? [] : [String(publication.pages.last)]);
    expect(metaValue(page, 'citation_language')).toBe(data.lang);
    expect(metaValue(page, 'citation_abstract_html_url')).toBe(url);
  });

  it('has Dublin Core elements', () => {
    expect(linkHref(page, 'schema.DC')).toBe('http://purl.org/dc/elements/1.1/');
    expect(metaValue(page, 'DC.title')).toBe(data.title);
    expect(metaValues(page, 'DC.creator')).toEqual(names);
    expect(metaValue(page, 'DC.date')).toBe(publication.date ?? String(publication.year));
    expect(metaValue(page, 'DC.language')).toBe(data.lang);
    expect(metaValue(page, 'DC.identifier')).toBe(url);
    expect(metaValues(page, 'DC.publisher')).toEqual(publication.publisher ? [publication.publisher] : []);
    expect(metaValue(page, 'DC.source')).toContain(publication.name);
    expect(metaValue(page, 'DC.description')).toBe(description);
  });

  it(`has JSON-LD: a ${publication.type === 'article' ? 'ScholarlyArticle' : 'Report'} with the front matter's facts`, () => {
    const ld = jsonLdOf(page);
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe(publication.type === 'article' ? 'ScholarlyArticle' : 'Report');
    expect(ld['headline']).toBe(data.title);
    expect(ld['url']).toBe(url);
    expect(ld['datePublished']).toBe(publication.date ?? String(publication.year));
    expect(ld['inLanguage']).toBe(data.lang);
    expect(ld['description']).toBe(description);
    const authors = ld['author'] as { '@type': string; name: string; affiliation?: { name: string } }[];
    expect(authors.map((a) => a.name)).toEqual(names);
    expect(authors.map((a) => a.affiliation?.name)).toEqual(data.authors.map((a) => a.affiliation));
    const partOf = ld['isPartOf'] as Record<string, unknown>;
    if (publication.type === 'article') {
      expect(partOf).toMatchObject({ '@type': 'PublicationIssue', issueNumber: String(publication.issue) });
      expect(partOf['isPartOf']).toEqual({ '@type': 'Periodical', name: publication.name });
      expect(ld['pageEnd']).toBe(publication.pages?.last === undefined ? undefined : String(publication.pages.last));
      expect(ld['pageStart']).toBe(publication.pages?.first === undefined ? undefined : String(publication.pages.first));
    } else {
      expect(partOf).toEqual({ '@type': 'CreativeWorkSeries', name: publication.name });
      expect((ld['publisher'] as { name: string } | undefined)?.name).toBe(publication.publisher);
    }
  });
});

describe('pages other than reports', () => {
  it('the home page is canonical at the site root and describes itself as a website', () => {
    const home = builtPage('/');
    expect(linkHref(home, 'canonical')).toBe(new URL('/', siteUrl).href);
    expect(metaValue(home, 'og:type')).toBe('website');
    expect(metaValue(home, 'og:url')).toBe(new URL('/', siteUrl).href);
  });
  it('the 404 page, served at any address, has no canonical URL and is not indexed', () => {
    const missing = builtPage('/404.html');
    expect(linkHref(missing, 'canonical')).toBeUndefined();
    expect(metaValues(missing, 'og:url')).toEqual([]);
    expect(metaValue(missing, 'robots')).toBe('noindex');
  });
  it('every page announces the feed and the sitemap', () => {
    for (const route of ['/', '/404.html', ...readReports().map((r) => `/reports/${r.slug}/`)]) {
      const page = builtPage(route);
      expect(linkHref(page, 'alternate'), route).toBe('/rss.xml');
      expect(linkHref(page, 'sitemap'), route).toBe('/sitemap-index.xml');
    }
  });
});
