/**
 * The "引用本文" block, the section cite buttons and the citation files of
 * every report, checked against the front matter read from content/reports.
 * The formatters' output itself is checked against the standards in
 * tests/unit/citation-*.test.ts; here: that the page and the files carry it,
 * from the right data, at the right addresses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatApa, plainText } from '../../src/lib/citation/apa.ts';
import { formatGbt7714 } from '../../src/lib/citation/gbt7714.ts';
import { citationRecord } from '../../src/lib/citation/record.ts';
import { builtPage, distDir, mustSelect, select, selectAll, toString } from '../helpers/built-site.ts';
import { readReports, siteUrl } from '../helpers/front-matter.ts';
import { bibtexFields, risTags } from '../helpers/head-meta.ts';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.each(readReports())('$slug citation', ({ slug, data }) => {
  const page = builtPage(`/reports/${slug}/`);
  const url = new URL(`/reports/${slug}/`, siteUrl).href;
  const record = citationRecord(slug, data, url);
  const { publication } = data;
  const names = data.authors.map((author) => author.name);
  const typeCode = publication.type === 'article' ? 'J' : 'R';
  const block = mustSelect('section.report-cite', page);

  it('is outside the article (apparatus, not text) and hidden from search', () => {
    expect(select('article section.report-cite', page)).toBeUndefined();
    expect(block.properties['dataPagefindIgnore']).toBeDefined();
    expect(toString(mustSelect('h2', block))).toBe('引用本文');
  });

  it(`gives the GB/T 7714 reference as published, [${typeCode}], with the authors whole`, () => {
    const text = collapse(toString(mustSelect('#cite-gbt', block)));
    expect(text).toBe(formatGbt7714(record));
    expect(text.startsWith(`${names.slice(0, 3).join(', ')}${names.length > 3 ? ', 等' : ''}. ${data.title}`)).toBe(true);
    expect(text).toContain(`[${typeCode}]. `);
    expect(text).toContain(`${publication.year}`);
    const pages = publication.pages;
    if (pages?.first === undefined || pages.last === undefined) expect(text).not.toMatch(/: \d+(-\d+)?\.$/);
    else expect(text).toContain(`: ${pages.first}-${pages.last}.`);
  });

  it(`gives the online GB/T 7714 reference, [${typeCode}/OL], with an access date and this page's URL`, () => {
    const online = mustSelect('#cite-gbt-online', block);
    const time = mustSelect('time[data-accessed]', online);
    const accessed = String(time.properties['dateTime']);
    expect(accessed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = collapse(toString(online));
    expect(text).toBe(formatGbt7714(record, { online: { accessed, url } }));
    expect(text).toContain(`[${typeCode}/OL]. `);
    expect(text).toContain(`[${accessed}]. ${url}.`);
  });

  it('gives the APA reference with its italics', () => {
    const apa = mustSelect('#cite-apa', block);
    const expected = formatApa(record, { url });
    expect(collapse(toString(apa))).toBe(plainText(expected));
    expect(selectAll('i', apa).map((i) => toString(i))).toEqual(expected.flatMap((part) => (typeof part === 'string' ? [] : [part.italic])));
  });

  it('has a copy button for each reference', () => {
    const buttons = selectAll('button.cite-copy', block);
    expect(buttons.map((b) => b.properties['dataCopy'])).toEqual(['cite-gbt', 'cite-gbt-online', 'cite-apa']);
    for (const button of buttons) expect(String(button.properties['ariaLabel'])).toMatch(/^复制/);
  });

  it('gives every section heading a labelled cite button and the page the template it fills', () => {
    const headings = selectAll('.report-body .heading > h2[id], .report-body .heading > h3[id]', page);
    expect(headings.length).toBeGreaterThan(3);
    for (const heading of headings) {
      const wrapper = select(`.heading:has(> [id="${String(heading.properties['id'])}"])`, page)!;
      const button = mustSelect('button.heading-cite', wrapper);
      expect(String(button.properties['ariaLabel'])).toBe(`引用本节：${toString(heading).trim()}`);
      expect(toString(button), 'no text of its own').toBe('');
    }
    const element = mustSelect('report-citation', block);
    expect(element.properties['dataUrl']).toBe(url);
    expect(element.properties['dataSectionTemplate']).toBe(
      formatGbt7714(record, { online: { accessed: '{accessed}', url: '{url}' }, section: '{section}' }),
    );
    expect(mustSelect('passage-link', page).properties['dataUrl']).toBe(url);
  });

  describe('files for reference managers', () => {
    const links = selectAll('.cite-files a', block);
    const file = (extension: string) => {
      const link = links.find((a) => String(a.properties['href']).endsWith(`.${extension}`));
      if (!link) throw new Error(`no .${extension} link`);
      expect(link.properties['href']).toBe(`/reports/${slug}/citation.${extension}`);
      expect(link.properties['download']).toBe(`${slug}.${extension}`);
      const path = `${distDir}reports/${slug}/citation.${extension}`;
      expect(existsSync(path), path).toBe(true);
      return readFileSync(path, 'utf8');
    };

    it('BibTeX: the right entry type, each author braced whole, title, venue, year, URL', () => {
      const bib = file('bib');
      expect(bib.startsWith(`@${publication.type === 'article' ? 'article' : 'techreport'}{${slug},`)).toBe(true);
      const fields = bibtexFields(bib);
      expect(fields['author']).toBe(names.map((n) => `{${n}}`).join(' and '));
      expect(fields['title']?.replace(/\\textasciitilde\{\}/g, '~')).toBe(`{${data.title}}`);
      expect(fields[publication.type === 'article' ? 'journal' : 'type']).toBe(publication.name);
      expect(fields['year']).toBe(String(publication.year));
      expect(fields['number']).toBe(publication.issue?.toString());
      expect(fields['url']).toBe(url);
      const pages = publication.pages;
      expect(fields['pages']).toBe(pages?.first !== undefined && pages.last !== undefined ? `${pages.first}--${pages.last}` : undefined);
    });

    it('RIS: type, one AU per author, title, venue, year, issue, known pages, URL', () => {
      const tags = risTags(file('ris'));
      const values = (tag: string) => tags.filter(([t]) => t === tag).map(([, v]) => v);
      expect(values('TY')).toEqual([publication.type === 'article' ? 'JOUR' : 'RPRT']);
      expect(values('AU')).toEqual(names);
      expect(values('TI')).toEqual([data.title]);
      expect(values(publication.type === 'article' ? 'T2' : 'T3')).toEqual([publication.name]);
      expect(values('PY')).toEqual([String(publication.year)]);
      expect(values('IS')).toEqual(publication.issue === undefined ? [] : [String(publication.issue)]);
      expect(values('SP')).toEqual(publication.pages?.first === undefined ? [] : [String(publication.pages.first)]);
      expect(values('EP')).toEqual(publication.pages?.last === undefined ? [] : [String(publication.pages.last)]);
      expect(values('UR')).toEqual([url]);
      expect(tags.at(-1)).toEqual(['ER', '']);
    });

    it('CSL-JSON: one item, literal names, venue, issued date, URL', () => {
      const [item, ...rest] = JSON.parse(file('json')) as Record<string, unknown>[];
      expect(rest).toEqual([]);
      expect(item).toMatchObject({
        id: slug,
        type: publication.type === 'article' ? 'article-journal' : 'report',
        title: data.title,
        author: names.map((literal) => ({ literal })),
        [publication.type === 'article' ? 'container-title' : 'collection-title']: publication.name,
        issued: { 'date-parts': [publication.date ? publication.date.split('-').map(Number) : [publication.year]] },
        language: data.lang,
        URL: url,
      });
    });
  });
});
