/**
 * Turning a section hit into what a reader sees: the link that lands on the
 * section with the term highlighted, the heading path, and an excerpt with
 * the whole term in one mark.
 */
import type { Folder } from './fold.ts';
import type { ParsedQuery, ReportHit, SearchableReport, SectionHit, Totals } from './engine.ts';

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
  // toWellFormed: a lone surrogate pasted into the box cannot be percent-encoded.
  const highlighted = `${report.url}${separator}${HIGHLIGHT_PARAM}=${encodeURIComponent(query.trim().toWellFormed())}`;
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
  let beforeStart = Math.max(0, from - context.before);
  let afterEnd = Math.min(text.length, to + context.after);
  // Never cut a character written as a surrogate pair in two.
  if (/[\udc00-\udfff]/.test(text[beforeStart] ?? '')) beforeStart--;
  if (/[\ud800-\udbff]/.test(text[afterEnd - 1] ?? '')) afterEnd++;
  return {
    before: (beforeStart > 0 ? '…' : '') + collapse(text.slice(beforeStart, from)).trimStart(),
    match: collapse(text.slice(from, to)),
    after: collapse(text.slice(to, afterEnd)).trimEnd() + (afterEnd < text.length ? '…' : ''),
  };
}

export interface PresentedSection {
  href: string;
  /** Heading path, top level first; empty for the text before the first heading. */
  path: string[];
  matches: number;
  excerpt: Excerpt;
}

export interface PresentedReport {
  url: string;
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
        title: report.title,
        authors: report.authors,
        matches: hit.matches,
        sections: hit.sections.map((section) => ({
          href: sectionLink(report, section.section, query),
          path: report.sections[section.section]?.path ?? [],
          matches: section.matches,
          excerpt: excerptFor(report, section, wordLengths, folder),
        })),
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
