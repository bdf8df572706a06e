/**
 * The reports the browser tests open, chosen from the content collection by
 * what a test needs (a report with notes, one without, the longest), never by
 * name, and what a test must know about each, read from its built page. A
 * report added, removed or replaced leaves the tests meaningful: they pick
 * again, and say what they need when no report has it.
 */
import { FOOTNOTES_HEADING_ID } from '../../src/lib/footnotes.ts';
import { builtPage, mustSelect, select, selectAll, toString } from './built-site.ts';
import { readReports } from './front-matter.ts';

export interface PickedReport {
  slug: string;
  title: string;
  /** The site path of the report page, `/reports/<slug>/`. */
  path: string;
  /** The section headings of the text (h2/h3, not the notes heading), in reading order. */
  headings: { id: string; text: string; level: number }[];
  /** How many numbered notes the report has (`#fn-1` … `#fn-N`). */
  notes: number;
  /** Numbers of the notes whose text holds a link to a web address, in order. */
  notesWithLinks: number[];
  /** Characters of the report's text (body and notes). */
  length: number;
  /** A run of four Chinese characters from the first paragraph: a search term that occurs in the report. */
  term: string;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function describeReport(slug: string, title: string): PickedReport {
  const path = `/reports/${slug}/`;
  const page = builtPage(path);
  const body = mustSelect('.report-body', page);
  const headings = selectAll('h2[id], h3[id]', body)
    .filter((heading) => heading.properties['id'] !== FOOTNOTES_HEADING_ID)
    .map((heading) => ({ id: String(heading.properties['id']), text: collapse(toString(heading)), level: Number(heading.tagName[1]) }));
  const notes = selectAll('section.footnotes li[id^="fn-"]', body);
  const firstParagraph = selectAll('p', body).find((p) => /\p{Script=Han}{4}/u.test(toString(p)));
  return {
    slug,
    title,
    path,
    headings,
    notes: notes.length,
    notesWithLinks: notes.flatMap((note, i) => (select('a[href^="http"]', note) ? [i + 1] : [])),
    length: toString(body).length,
    term: firstParagraph ? /\p{Script=Han}{4}/u.exec(toString(firstParagraph))![0] : '',
  };
}

let described: PickedReport[] | undefined;

/** Every published report, as the browser tests see it. */
export function publishedReports(): PickedReport[] {
  described ??= readReports().map(({ slug, data }) => describeReport(slug, data.title));
  if (described.length === 0) throw new Error('no report in the content collection: the browser tests need at least one');
  return described;
}

const most = (by: (report: PickedReport) => number) => (reports: PickedReport[]) =>
  reports.reduce((best, report) => (by(report) > by(best) ? report : best));

/** The report with the most notes: footnote previews, the notes list, the keyboard journey. */
export function reportWithMostNotes(): PickedReport {
  const report = most((r) => r.notes)(publishedReports());
  if (report.notes === 0) throw new Error('no report has notes: the footnote tests need one with at least one note');
  return report;
}

/** The report with the most section headings: the table of contents and landing on sections. */
export function reportWithMostSections(): PickedReport {
  return most((r) => r.headings.length)(publishedReports());
}

/** The report with the fewest notes (maybe none: a page without a notes section). */
export function reportWithFewestNotes(): PickedReport {
  return most((r) => -r.notes)(publishedReports());
}

/**
 * A few reports that differ in what a page must cope with: the most notes,
 * the fewest notes (maybe none, so no notes section), the longest text. For
 * checks worth making on more than one report but not on every one of an
 * archive of thousands (layout stability, the phone layout, accessibility).
 */
export function representativeReports(): PickedReport[] {
  const reports = publishedReports();
  const picked = [most((r) => r.notes)(reports), reportWithFewestNotes(), most((r) => r.length)(reports)];
  return [...new Set(picked)];
}

/** Note numbers to visit: an early one (the third, or fewer), one in the middle, the last. */
export function notesToVisit(report: PickedReport): { early: number; middle: number; last: number } {
  return { early: Math.min(3, report.notes), middle: Math.ceil(report.notes / 2), last: report.notes };
}
