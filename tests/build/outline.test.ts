/**
 * The outline as the authors wrote it, with ids and self-links on every
 * heading, a server-built table of contents, and notes that link both ways.
 */
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { builtPage, distDir, mustSelect, select, selectAll, toString } from '../helpers/built-site.ts';
import { readReports, readSourcedReports } from '../helpers/front-matter.ts';
import { followListing } from '../helpers/listing.ts';
import { collapse } from '../helpers/pdf-source.ts';
import type { SourceLayout } from '../../src/lib/source-layout.ts';

/**
 * Heading lines of the source by the numbering the authors used, and the
 * level each must have; headings without a number are named in the source's
 * layout file (`unnumberedHeadings`).
 */
function expectedOutline(lines: { lineNumber: number; text: string }[], layout: SourceLayout): { level: number; text: string }[] {
  const unnumbered = new Map((layout.unnumberedHeadings ?? []).map((heading) => [heading.line, heading.level]));
  const outline: { level: number; text: string }[] = [];
  lines.forEach((line, i) => {
    const text = line.text;
    if (unnumbered.has(line.lineNumber)) outline.push({ level: unnumbered.get(line.lineNumber)!, text });
    else if (/^No\. \d+$/.test(text)) outline.push({ level: 2, text: `${text} ${lines[i + 1]!.text}` });
    else if (/^[一二三四五六七八九十]+、/.test(text) && text.length < 40) outline.push({ level: 2, text });
    else if (/^[（(][一二三四五六七八九十]+[）)]/.test(text) && text.length < 40) outline.push({ level: 3, text });
  });
  return outline;
}

describe.each(readSourcedReports())('$slug outline and navigation', (report) => {
  const { source } = report;
  const footnotes = source.notes.length;
  const page = builtPage(`/reports/${report.slug}/`);
  const text = mustSelect('.report-body', page);
  const headings = selectAll('h2, h3', text).filter((h) => h.properties['id'] !== 'footnote-label');

  it('has the headings of the source at their levels, in order', () => {
    const expected = expectedOutline(source.body, report.layout);
    expect(expected.length, 'headings recognised in the source').toBeGreaterThan(0);
    expect(headings.map((h) => ({ level: Number(h.tagName[1]), text: collapse(toString(h)) }))).toEqual(expected);
  });

  it('gives every heading a readable Chinese id and a labelled link to itself', () => {
    const slugger = new GithubSlugger();
    for (const heading of headings) {
      const id = String(heading.properties['id']);
      expect(id).toBe(slugger.slug(toString(heading)));
      expect(id).toMatch(/\p{Script=Han}/u);
      const link = select(`a.heading-link[href="#${id}"]`, page);
      expect(link, `self-link for ${id}`).toBeDefined();
      expect(String(link!.properties['ariaLabel'])).toContain(collapse(toString(heading)));
      expect(link!.properties['dataPagefindIgnore']).toBeDefined();
    }
    const ids = selectAll('[id]', page).map((el) => String(el.properties['id']));
    expect(new Set(ids).size, 'ids are unique on the page').toBe(ids.length);
  });

  it('lists every section in a table of contents built on the server', () => {
    const toc = mustSelect('report-toc nav', page);
    const targets = selectAll('a', toc).map((a) => decodeURIComponent(String(a.properties['href'])));
    const sections = headings.map((h) => `#${String(h.properties['id'])}`);
    expect(targets.slice(0, sections.length)).toEqual(sections);
    for (const target of targets) expect(select(`[id="${target.slice(1)}"]`, page), target).toBeDefined();
  });

  it('links each footnote reference to its note and back, labelled in Chinese', () => {
    const refs = selectAll('a[data-footnote-ref]', text);
    expect(refs.map((r) => toString(r))).toEqual(Array.from({ length: footnotes }, (_, i) => String(i + 1)));
    if (footnotes === 0) {
      expect(select('section.footnotes', page)).toBeUndefined();
      return;
    }
    expect(toString(mustSelect('#footnote-label', page))).toBe('注释');
    refs.forEach((ref, i) => {
      const n = i + 1;
      expect(ref.properties['href']).toBe(`#fn-${n}`);
      expect(ref.properties['id']).toBe(`fnref-${n}`);
      const back = mustSelect(`#fn-${n} a[data-footnote-backref]`, page);
      expect(back.properties['href']).toBe(`#fnref-${n}`);
      expect(String(back.properties['ariaLabel'])).toMatch(/^返回正文/);
    });
    expect(toString(page)).not.toMatch(/Footnotes|Back to reference/);
  });

  it('writes every URL as a link whose target is exactly its text', () => {
    for (const link of selectAll('a[href^="http"]', text)) {
      const href = String(link.properties['href']);
      expect(toString(link)).toBe(href);
      expect(href).not.toMatch(/[。，、；）\\]$|\\/);
    }
    expect(toString(text)).not.toContain('\\_');
  });
});

describe('site pages', () => {
  it('lists every report on the listing pages with authors, publication and the start of its abstract', () => {
    const cards = followListing('/', distDir).flatMap((page) => selectAll('.report-card', page.tree));
    const published = readReports();
    expect(cards).toHaveLength(published.length);
    for (const report of published) {
      const card = cards.find((c) => select(`a[href="/reports/${report.slug}/"]`, c));
      expect(card, report.slug).toBeDefined();
      const reportPage = builtPage(`/reports/${report.slug}/`);
      expect(toString(mustSelect('h2', card!))).toBe(toString(mustSelect('h1.report-title', reportPage)).replace(/\*$/, ''));
      expect(select('.meta', card!)).toBeDefined();
      if (report.data.abstract) {
        // The card opens with the abstract's first sentences, cut short with …… where it must be.
        const lead = toString(mustSelect('.lead', card!)).replace(/……$/, '');
        expect(lead.length, report.slug).toBeGreaterThan(20);
        expect(report.data.abstract.startsWith(lead), report.slug).toBe(true);
      }
    }
  });

  it('has a 404 page in Chinese', () => {
    const notFound = builtPage('/404.html');
    expect(toString(mustSelect('h1', notFound))).toBe('页面未找到');
    expect(mustSelect('html', notFound).properties['lang']).toBe('zh-CN');
  });

  it('marks every page as Chinese and needs no web font', () => {
    for (const route of ['/', ...readReports().map((r) => `/reports/${r.slug}/`)]) {
      const page = builtPage(route);
      expect(mustSelect('html', page).properties['lang']).toBe('zh-CN');
      expect(selectAll('link[rel="preload"][as="font"], link[href*="fonts."]', page)).toHaveLength(0);
    }
  });
});
