import { formatPublication } from './publication.ts';
import { seriesDesignation, type CitationRecord } from './citation/record.ts';

/**
 * Metadata in <head> that lets scholarly search engines and reference
 * managers read a report as a citable work, all from the citation record
 * (itself from the front matter):
 * - Highwire Press `citation_*` tags, read by Google Scholar and Zotero;
 * - Dublin Core (`DC.*`), read by library harvesters;
 * - JSON-LD (schema.org `ScholarlyArticle` for a journal article, `Report` for a report).
 * Names stay whole throughout.
 */
export type MetaTag = readonly [name: string, content: string];

/** `2022-06-01` → `2022/06/01`; the year alone when no date is known (Google Scholar's two accepted forms). */
function highwireDate(record: CitationRecord): string {
  return record.date ? record.date.replaceAll('-', '/') : String(record.year);
}

export function highwireTags(record: CitationRecord): MetaTag[] {
  const tags: (MetaTag | undefined)[] = [
    ['citation_title', record.title],
    ...record.authors.flatMap((name, i): MetaTag[] => {
      const affiliation = record.affiliations[i];
      // An institution tag belongs to the author tag just before it.
      return affiliation ? [['citation_author', name], ['citation_author_institution', affiliation]] : [['citation_author', name]];
    }),
    ['citation_publication_date', highwireDate(record)],
    ...(record.type === 'article'
      ? [
          ['citation_journal_title', record.container] as const,
          record.issue === undefined ? undefined : (['citation_issue', String(record.issue)] as const),
        ]
      : [
          record.publisher === undefined ? undefined : (['citation_technical_report_institution', record.publisher] as const),
          ['citation_technical_report_number', seriesDesignation(record)] as const,
        ]),
    record.firstPage === undefined ? undefined : ['citation_firstpage', String(record.firstPage)],
    record.lastPage === undefined ? undefined : ['citation_lastpage', String(record.lastPage)],
    record.publisher === undefined ? undefined : ['citation_publisher', record.publisher],
    ['citation_language', record.language],
    ['citation_abstract_html_url', record.url],
  ];
  return tags.filter((tag): tag is MetaTag => tag !== undefined);
}

export function dublinCoreTags(record: CitationRecord, description: string | undefined): MetaTag[] {
  const tags: (MetaTag | undefined)[] = [
    ['DC.title', record.title],
    ...record.authors.map((name): MetaTag => ['DC.creator', name]),
    ['DC.date', record.date ?? String(record.year)],
    ['DC.type', 'Text'],
    ['DC.language', record.language],
    record.publisher === undefined ? undefined : ['DC.publisher', record.publisher],
    ['DC.source', formatPublication({ type: record.type, name: record.container, year: record.year, issue: record.issue })],
    ['DC.identifier', record.url],
    description === undefined ? undefined : ['DC.description', description],
  ];
  return tags.filter((tag): tag is MetaTag => tag !== undefined);
}

export function jsonLd(record: CitationRecord, description: string | undefined): Record<string, unknown> {
  const authors = record.authors.map((name, i) => {
    const affiliation = record.affiliations[i];
    return { '@type': 'Person', name, ...(affiliation && { affiliation: { '@type': 'Organization', name: affiliation } }) };
  });
  const common = {
    '@context': 'https://schema.org',
    '@type': record.type === 'article' ? 'ScholarlyArticle' : 'Report',
    url: record.url,
    headline: record.title,
    author: authors,
    datePublished: record.date ?? String(record.year),
    inLanguage: record.language,
    ...(description && { description }),
    ...(record.publisher && { publisher: { '@type': 'Organization', name: record.publisher } }),
  };
  if (record.type === 'article') {
    const periodical = { '@type': 'Periodical', name: record.container };
    return {
      ...common,
      isPartOf:
        record.issue === undefined
          ? periodical
          : { '@type': 'PublicationIssue', issueNumber: String(record.issue), datePublished: String(record.year), isPartOf: periodical },
      ...(record.firstPage !== undefined && { pageStart: String(record.firstPage) }),
      ...(record.lastPage !== undefined && { pageEnd: String(record.lastPage) }),
    };
  }
  return {
    ...common,
    isPartOf: { '@type': 'CreativeWorkSeries', name: record.container },
    reportNumber: seriesDesignation(record),
  };
}

/** JSON for a <script> element: `<` escaped so no string in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
