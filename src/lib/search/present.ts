/**
 * Turning a section hit into what a reader sees: the link that lands on the
 * section with the term highlighted, the heading path, and an excerpt with
 * every occurrence of the term marked whole.
 */
import type { Folder } from './fold.ts';
import { occurrences, type ParsedQuery, type ReportHit, type SearchableReport, type SectionHit, type Totals } from './engine.ts';

/** Query parameter that carries the search to the report page, which highlights it. */
export const HIGHLIGHT_PARAM = 'highlight';

/** A run of text, marked where it is an occurrence of a query word. */
export interface MarkedText {
  text: string;
  marked: boolean;
}

/** An excerpt of a section: its runs in order, every occurrence of a query word marked. */
export type Excerpt = MarkedText[];

/** Link to a section that opens it with the query highlighted. */
export function sectionLink(report: SearchableReport, section: number, query: string): string {
  const id = report.sections[section]?.id;
  const highlighted = reportLink(report, query);
  return id ? `${highlighted}#${encodeURIComponent(id)}` : highlighted;
}

/** Link to the top of a report that opens it with the query highlighted. */
export function reportLink(report: SearchableReport, query: string): string {
  const separator = report.url.includes('?') ? '&' : '?';
  // toWellFormed: a lone surrogate pasted into the box cannot be percent-encoded.
  return `${report.url}${separator}${HIGHLIGHT_PARAM}=${encodeURIComponent(query.trim().toWellFormed())}`;
}

/** Where, in the source text, each range [start, start + length) of folded characters came from. */
function sourceRanges(text: string, folded: readonly (readonly [start: number, length: number])[], folder: Folder): [number, number][] {
  const { characters, sourceStart, sourceEnd } = folder.foldWithSource(text);
  return folded.map(([start, length]) => {
    const last = Math.min(start + length, characters.length) - 1;
    return [sourceStart[start] ?? 0, sourceEnd[last] ?? text.length];
  });
}

/** Source ranges of every start of every word, in text order, overlapping ones joined. */
function occurrenceRanges(text: string, starts: readonly (readonly number[])[], wordLengths: readonly number[], folder: Folder): [number, number][] {
  const folded = starts.flatMap((list, word) => list.map((start) => [start, wordLengths[word] ?? 1] as const));
  const ranges = sourceRanges(text, folded, folder).sort((a, b) => a[0] - b[0]);
  const joined: [number, number][] = [];
  for (const [from, to] of ranges) {
    const last = joined.at(-1);
    if (last && from < last[1]) last[1] = Math.max(last[1], to);
    else joined.push([from, to]);
  }
  return joined;
}

/** `text` cut into runs at the given source ranges (sorted, not overlapping), those marked. */
function markRuns(text: string, ranges: readonly (readonly [number, number])[]): MarkedText[] {
  const runs: MarkedText[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (from > at) runs.push({ text: text.slice(at, from), marked: false });
    runs.push({ text: text.slice(from, to), marked: true });
    at = to;
  }
  if (at < text.length) runs.push({ text: text.slice(at), marked: false });
  return runs;
}

/**
 * A heading with every occurrence of the query's words in it marked (the
 * heading of a section found by its heading alone shows why it was found).
 */
export function markedHeading(heading: string, words: readonly (readonly string[])[], folder: Folder): MarkedText[] {
  const folded = folder.fold(heading);
  const starts = words.map((word) => occurrences(folded, word.join('')));
  return markRuns(heading, occurrenceRanges(heading, starts, words.map((word) => word.length), folder));
}

/**
 * An excerpt of a section's text after its heading (which the results print
 * just above it): some context before the first occurrence of a query word,
 * more after, every occurrence inside marked whole, white space collapsed,
 * cut at the text's edges with an ellipsis. A section whose only occurrences
 * are in its heading shows the opening of its text.
 */
export function excerptFor(
  report: SearchableReport,
  hit: SectionHit,
  wordLengths: readonly number[],
  folder: Folder,
  context = { before: 28, after: 56 },
): Excerpt {
  const section = report.sections[hit.section];
  const text = section?.text ?? '';
  // A section's text starts with its heading's line (src/lib/search/sections.ts).
  const headingEnd = section?.id == null ? 0 : text.includes('\n') ? text.indexOf('\n') + 1 : text.length;
  const ranges = occurrenceRanges(text, hit.starts, wordLengths, folder).filter(([from]) => from >= headingEnd);
  const first = ranges[0];
  let start = first ? Math.max(headingEnd, first[0] - context.before) : headingEnd;
  let end = Math.min(text.length, (first ? first[1] : headingEnd) + context.after);
  // An occurrence the cut would split is shown whole.
  for (const [from, to] of ranges) if (from < end && to > end) end = to;
  // Never cut a character written as a surrogate pair in two.
  if (/[\udc00-\udfff]/.test(text[start] ?? '')) start--;
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? '')) end++;
  const inside = ranges.filter(([from]) => from < end).map(([from, to]) => [from - start, to - start] as const);
  const runs = markRuns(text.slice(start, end), inside).map((run) => ({ ...run, text: run.text.replace(/\s+/gu, ' ') }));
  if (runs.length > 0) {
    const head = runs[0]!;
    if (!head.marked) head.text = head.text.trimStart();
    const tail = runs.at(-1)!;
    if (!tail.marked) tail.text = tail.text.trimEnd();
  }
  if (start > headingEnd) runs.unshift({ text: '…', marked: false });
  if (end < text.length) runs.push({ text: '…', marked: false });
  return runs.filter((run) => run.text !== '');
}

export interface PresentedSection {
  href: string;
  /** Heading path, top level first; empty for the text before the first heading. */
  path: string[];
  /** The section's own heading (the path's last), with the query's words in it marked. */
  heading: MarkedText[];
  matches: number;
  excerpt: Excerpt;
}

export interface PresentedReport {
  url: string;
  /** The report's address with the query to highlight. */
  href: string;
  title: string;
  authors: string;
  matches: number;
  sections: PresentedSection[];
}

export interface PresentedResults {
  query: string;
  reports: PresentedReport[];
  /** Totals over every matching report, shown or not yet (while `counting`: over those found so far). */
  totalReports: number;
  totalSections: number;
  totalMatches: number;
  /** Reports ranked before these: 0 for the first screen, 10 for the next… */
  offset: number;
  /** True while the totals are still being counted (they follow in a message of their own). */
  counting: boolean;
}

/** One page of an answer: reports ranked from `offset` on, and the totals if they are known yet. */
export interface ResultsPage {
  query: ParsedQuery;
  offset: number;
  hits: readonly ReportHit[];
  /** Undefined while they are being counted. */
  totals?: Totals | undefined;
}

/** A page of results as the reader sees them: links, heading paths and excerpts. */
export async function presentResults(
  page: ResultsPage,
  query: string,
  loadReport: (report: number) => Promise<SearchableReport>,
  folder: Folder,
): Promise<PresentedResults> {
  const wordLengths = page.query.words.map((word) => word.length);
  const reports = await Promise.all(
    page.hits.map(async (hit): Promise<PresentedReport> => {
      const report = await loadReport(hit.report);
      return {
        url: report.url,
        href: reportLink(report, query),
        title: report.title,
        authors: report.authors,
        matches: hit.matches,
        sections: hit.sections.map((section) => {
          const path = report.sections[section.section]?.path ?? [];
          return {
            href: sectionLink(report, section.section, query),
            path,
            heading: path.length > 0 ? markedHeading(path.at(-1)!, page.query.words, folder) : [],
            matches: section.matches,
            excerpt: excerptFor(report, section, wordLengths, folder),
          };
        }),
      };
    }),
  );
  const shown = {
    reports: page.offset + reports.length,
    sections: reports.reduce((sum, report) => sum + report.sections.length, 0),
    matches: reports.reduce((sum, report) => sum + report.matches, 0),
  };
  const totals = page.totals ?? shown;
  return {
    query,
    reports,
    totalReports: totals.reports,
    totalSections: totals.sections,
    totalMatches: totals.matches,
    offset: page.offset,
    counting: page.totals === undefined,
  };
}
