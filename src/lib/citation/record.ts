import { formatPublication } from '../publication.ts';
import type { Report } from '../report-schema.ts';
import { absoluteUrl, reportPath } from '../site-url.ts';

/**
 * What every citation format is made from: a report's front matter (the one
 * source of truth) plus the address it is published at. The formatters in this
 * folder are pure functions of this record, so the page, the downloads and the
 * metadata in <head> can never disagree.
 */
export interface CitationRecord {
  /** The report's slug: BibTeX key and CSL id. */
  id: string;
  type: 'article' | 'report';
  title: string;
  /** Whole names in printed order; never split into family and given name. */
  authors: string[];
  /** Affiliation of each author, where the source gives one (same order as `authors`). */
  affiliations: (string | undefined)[];
  /** Journal (article) or series (report). */
  container: string;
  year: number;
  issue?: number | undefined;
  /** YYYY-MM-DD, where the source prints a date. */
  date?: string | undefined;
  publisher?: string | undefined;
  /** First and last page, each only where known. */
  firstPage?: number | undefined;
  lastPage?: number | undefined;
  /** BCP 47 tag. */
  language: string;
  abstract?: string | undefined;
  /** Canonical address of the report page. */
  url: string;
}

export function citationRecord(id: string, report: Report, url: string): CitationRecord {
  const { publication } = report;
  return {
    id,
    type: publication.type,
    title: report.title,
    authors: report.authors.map((author) => author.name),
    affiliations: report.authors.map((author) => author.affiliation),
    container: publication.name,
    year: publication.year,
    issue: publication.issue,
    date: publication.date,
    publisher: publication.publisher,
    firstPage: publication.pages?.first,
    lastPage: publication.pages?.last,
    language: report.lang,
    abstract: report.abstract,
    url,
  };
}

/**
 * The page range, only when both ends are known: a range with one end missing
 * would make a reader guess the other (report 001's source prints only its last
 * page, 34), so formats that write a range leave the pages out instead. Formats
 * with separate first/last fields (RIS SP/EP, Highwire) carry the known end.
 */
export function pageRange(record: CitationRecord): { first: number; last: number } | undefined {
  const { firstPage: first, lastPage: last } = record;
  return first === undefined || last === undefined ? undefined : { first, last };
}

/** Whether a name is written in Han characters (a Chinese name, written whole, family name first). */
export function isHanName(name: string): boolean {
  return /\p{Script=Han}/u.test(name);
}

/**
 * A report's place in its series as the series prints it, e.g.
 * "国际组织与多边动态 2022年第3期"; the report number of GB/T 7714 and APA.
 */
export function seriesDesignation(record: CitationRecord): string {
  return formatPublication({ type: 'report', name: record.container, year: record.year, issue: record.issue });
}

/** `2023-06-01` → `[2023, 6, 1]`; the year alone when no date is known. */
export function dateParts(record: CitationRecord): number[] {
  return record.date ? record.date.split('-').map(Number) : [record.year];
}

/** The record of a published report, at its address under the deploy's site URL and base path. */
export function publishedRecord(id: string, report: Report, deploy: { site: URL | string | undefined; base: string }): CitationRecord {
  if (deploy.site === undefined) throw new Error('astro.config has no `site`: citations need the absolute address of each report (set SITE_URL)');
  return citationRecord(id, report, absoluteUrl(deploy.site, reportPath(deploy.base, id)));
}
