/**
 * The import is not tuned to the two texts it was written against: each
 * published report that names its source, laid out again as a new extracted
 * text (other line widths, page breaks, running heads, page numbers; see
 * tests/helpers/relayout.ts), imports to the same body, removes exactly what
 * the new layout added, and loses nothing: the source read back through the
 * layout file the import wrote, by the fidelity test's own reader, is the
 * page the MDX renders to.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../../src/lib/import/import-report.ts';
import { squash } from '../../../src/lib/import/source-lines.ts';
import { reportMarkdownProcessor } from '../../../src/markdown/pipeline.ts';
import { readerText, selectAll, without } from '../../helpers/built-site.ts';
import { readReports } from '../../helpers/front-matter.ts';
import { readSource } from '../../helpers/pdf-source.ts';
import { relayout, type RelayoutOptions } from '../../helpers/relayout.ts';

const processor = await createMarkdownProcessor({ ...reportMarkdownProcessor.options, syntaxHighlight: false });
const dir = mkdtempSync(`${tmpdir()}/relayout-`);

const wrapped = (options: Partial<RelayoutOptions>): RelayoutOptions => ({
  style: 'wrapped',
  width: 60,
  noteWidth: 84,
  pageSize: 24,
  noteLines: 8,
  runningHeads: [],
  headOnFirstPage: false,
  blankLines: true,
  formFeeds: false,
  ...options,
});

const layouts = (report: ReturnType<typeof readReports>[number]): [string, RelayoutOptions][] => {
  const { title, publication } = report.data;
  const journal = publication.type === 'article' ? `《${publication.name}》${publication.year} 年第 ${publication.issue} 期` : `${publication.name} ${publication.year}年第${publication.issue}期`;
  const common: [string, RelayoutOptions][] = [
    ['30 characters a line, title and journal heads, page numbers at the bottom', wrapped({ width: 60, runningHeads: [title, journal], headOnFirstPage: true, pageNumbers: { at: 'bottom', first: 16 } })],
    ['25 characters a line, no blank lines, form feeds, numbers at the top', wrapped({ width: 50, noteWidth: 70, pageSize: 30, noteLines: 6, blankLines: false, formFeeds: true, runningHeads: [journal], pageNumbers: { at: 'top', first: 101 } })],
    ['40 characters a line, short pages, nothing added', wrapped({ width: 80, noteWidth: 100, pageSize: 14, noteLines: 5 })],
    ['22 characters a line, the title as head', wrapped({ width: 44, noteWidth: 64, pageSize: 26, noteLines: 7, runningHeads: [title], pageNumbers: { at: 'bottom', first: 3 } })],
    ['33 characters a line, small note areas: notes run on to the next page', wrapped({ width: 66, noteWidth: 80, pageSize: 20, noteLines: 3, runningHeads: [journal, title], pageNumbers: { at: 'top', first: 7 } })],
  ];
  if (report.body.includes('[^')) return common;
  const perLine = (options: Partial<RelayoutOptions>): RelayoutOptions => ({ ...wrapped({}), style: 'paragraph-per-line', blankLines: true, ...options });
  return [
    ...common,
    ['a paragraph per line, long pages', perLine({ pageSize: 1100 })],
    ['a paragraph per line, short pages, a head and numbers', perLine({ pageSize: 700, runningHeads: [journal], pageNumbers: { at: 'bottom', first: 1 } })],
  ];
};

describe.each(readReports().filter((report) => report.data.source))('$slug laid out again', (report) => {
  describe.each(layouts(report))('%s', (name, options) => {
    const { text, added } = relayout(report, options);
    const result = importReport(text, { source: 'sources/relaid.txt' });

    it('imports to the same body', () => {
      expect(result.body).toBe(report.body);
    });

    // The layout with small note areas makes notes run on to the next page.
    if (options.noteLines < 4 && report.body.includes('[^')) {
      it('finds the notes a page break split and records them in the layout', () => {
        expect(result.layout.noteContinuations.length).toBeGreaterThan(0);
      });
    }

    it('removes exactly the running heads and page numbers the layout added', () => {
      expect(new Map(result.removed.map((r) => [r.line, r.why]))).toEqual(added);
    });

    it('drafts the same front matter where the text prints it', () => {
      const { frontMatter } = result;
      expect(squash(frontMatter.title)).toBe(squash(report.data.title));
      expect(frontMatter.authors.map((a) => a.name)).toEqual(report.data.authors.map((a) => a.name));
      // The journal of an article is printed only in its running heads.
      const { type, name: series, year, issue } = report.data.publication;
      if (type === 'report' || options.runningHeads.some((head) => head.includes(series))) {
        expect(frontMatter.publication).toMatchObject({ type, name: series, year, issue });
      } else {
        expect(result.todos.map((todo) => todo.field)).toContain('publication.name');
      }
      expect(frontMatter.abstract).toBe(report.data.abstract);
      expect(frontMatter.notes).toEqual(report.data.notes);
      expect(frontMatter.teams).toEqual(report.data.teams);
      expect(frontMatter.responsibleEditor).toBe(report.data.responsibleEditor);
    });

    it('loses nothing: the text read through its layout file is the page', async () => {
      const file = `${dir}/${report.slug}-${name.replace(/\W+/g, '-')}.txt`;
      writeFileSync(file, text);
      const source = readSource(file, result.layout);
      const tree = fromHtml((await processor.render(result.body, { fileURL: new URL('file:///reports/test.md') })).code, { fragment: true });
      const notesSection = selectAll('section.footnotes', tree)[0];
      const page = readerText(notesSection ? without(tree, notesSection) : tree);
      expect(squash(page)).toBe(squash(source.body.map((line) => line.text).join('')));
      const items = notesSection ? selectAll('li', notesSection) : [];
      expect(items.map((item) => squash(readerText(item)))).toEqual(source.notes.map((note) => squash(note.lines.map((l) => l.text).join(''))));
    });
  });
});
