/**
 * A built report page, cut into the sections search reports on. Read from
 * the HTML the reader gets, so the index holds exactly what is on the page:
 * the part of `[data-pagefind-body]` not marked `data-pagefind-ignore`.
 *
 * A section starts at every h2–h6 with an id and runs to the next one; its
 * heading text is part of it. The text before the first such heading (title,
 * authors, venue) is a section of its own, linked to the top of the page.
 * The notes are the section under their heading 注释.
 */
import type { Element, ElementContent, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { SearchableReport, SearchableSection } from './engine.ts';

const SECTION_HEADING = /^h[2-6]$/;
const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript']);

export class ReportPageError extends Error {}

export function searchableReport(page: Root, url: string): SearchableReport {
  const body = select('[data-pagefind-body]', page);
  if (!body) throw new ReportPageError(`${url}: no element with data-pagefind-body, so nothing to index`);
  const title = select('h1', body);
  if (!title) throw new ReportPageError(`${url}: no <h1> title inside data-pagefind-body`);
  const authors = selectAll('.report-authors .author', body).map((author) => toString(author).trim());

  const sections: SearchableSection[] = [{ id: null, path: [], text: '' }];
  const openHeadings: { level: number; text: string }[] = [];

  const visit = (node: ElementContent) => {
    if (node.type === 'text') {
      sections.at(-1)!.text += node.value;
      return;
    }
    if (node.type !== 'element' || NOT_TEXT.has(node.tagName)) return;
    if (node.properties.dataPagefindIgnore !== undefined) return;
    if (SECTION_HEADING.test(node.tagName) && typeof node.properties.id === 'string') {
      const level = Number(node.tagName.slice(1));
      const text = toString(node).trim();
      while (openHeadings.length > 0 && openHeadings.at(-1)!.level >= level) openHeadings.pop();
      openHeadings.push({ level, text });
      sections.push({ id: node.properties.id, path: openHeadings.map((heading) => heading.text), text: '' });
    }
    for (const child of node.children) visit(child);
    // Blocks end in white space, as the page shows them on separate lines.
    if (isBlock(node)) sections.at(-1)!.text += '\n';
  };
  for (const child of (body as Element).children) visit(child);

  return {
    url,
    // The title's own mark (a <sup> pointing at its note) is not part of the title.
    title: title.children.map((child) => (child.type === 'element' && child.tagName === 'sup' ? '' : toString(child))).join('').trim(),
    authors: authors.join('、'),
    sections: sections.filter((section) => section.id !== null || section.text.trim() !== ''),
  };
}

// wbr: a break opportunity inside a heading or URL is no white space in the text.
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'em', 'i', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

function isBlock(node: Element): boolean {
  return !INLINE.has(node.tagName);
}
