/**
 * Turning a section hit into what a reader sees: the link that lands on the
 * section with the term highlighted, the heading path, and an excerpt with
 * the whole term in one mark.
 */
import type { Folder } from './fold.ts';
import type { SearchableReport, SectionHit } from './engine.ts';

/** Query parameter that carries the search to the report page, which highlights it. */
export const HIGHLIGHT_PARAM = 'highlight';

export interface Excerpt {
  before: string;
  match: string;
  after: string;
}

/** Link to a section that opens it with the query highlighted. */
export function sectionLink(report: SearchableReport, section: number, query: string): string {
  const id = report.sections[section]?.id;
  const separator = report.url.includes('?') ? '&' : '?';
  const highlighted = `${report.url}${separator}${HIGHLIGHT_PARAM}=${encodeURIComponent(query.trim())}`;
  return id ? `${highlighted}#${encodeURIComponent(id)}` : highlighted;
}

/** Where, in the source text, the folded characters [start, start + length) came from. */
export function sourceRange(text: string, start: number, length: number, folder: Folder): [number, number] {
  const folded = folder.foldWithSource(text);
  const last = Math.min(start + length, folded.characters.length) - 1;
  return [folded.sourceStart[start] ?? 0, folded.sourceEnd[last] ?? text.length];
}

/**
 * An excerpt around the section's first occurrence of the first query word:
 * some context before, the term whole, more context after, white space
 * collapsed, cut at the text's edges with an ellipsis.
 */
export function excerptFor(
  report: SearchableReport,
  hit: SectionHit,
  wordLengths: readonly number[],
  folder: Folder,
  context = { before: 28, after: 56 },
): Excerpt {
  const text = report.sections[hit.section]?.text ?? '';
  const wordIndex = hit.starts.findIndex((starts) => starts.length > 0);
  const start = hit.starts[wordIndex]?.[0] ?? 0;
  const [from, to] = sourceRange(text, start, wordLengths[wordIndex] ?? 1, folder);
  const collapse = (value: string) => value.replace(/\s+/gu, ' ');
  const beforeStart = Math.max(0, from - context.before);
  const afterEnd = Math.min(text.length, to + context.after);
  return {
    before: (beforeStart > 0 ? '…' : '') + collapse(text.slice(beforeStart, from)).trimStart(),
    match: collapse(text.slice(from, to)),
    after: collapse(text.slice(to, afterEnd)).trimEnd() + (afterEnd < text.length ? '…' : ''),
  };
}
