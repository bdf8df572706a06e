import { dateParts, pageRange, type CitationRecord } from './record.ts';

/**
 * CSL-JSON, the item format of Citation Style Language processors (Zotero,
 * Pandoc, citeproc-js): an array holding one item. Names are `literal`, the
 * CSL way to say "a name not to be split or re-ordered". `page` only when both
 * ends are known; `page-first` whenever the first is. No `accessed`: a file
 * built once cannot know when a reader uses it.
 */
export interface CslName {
  literal: string;
}

export interface CslItem {
  id: string;
  type: 'article-journal' | 'report';
  title: string;
  author: CslName[];
  issued: { 'date-parts': number[][] };
  'container-title'?: string;
  'collection-title'?: string;
  issue?: string;
  number?: string;
  page?: string;
  'page-first'?: string;
  publisher?: string;
  language: string;
  abstract?: string;
  URL: string;
}

export function cslItem(record: CitationRecord): CslItem {
  const range = pageRange(record);
  const issue = record.issue?.toString();
  return {
    id: record.id,
    type: record.type === 'article' ? 'article-journal' : 'report',
    title: record.title,
    author: record.authors.map((name) => ({ literal: name })),
    issued: { 'date-parts': [dateParts(record)] },
    ...(record.type === 'article'
      ? { 'container-title': record.container, ...(issue && { issue }) }
      : { 'collection-title': record.container, ...(issue && { number: issue }) }),
    ...(range && { page: range.first === range.last ? `${range.first}` : `${range.first}-${range.last}` }),
    ...(record.firstPage !== undefined && { 'page-first': String(record.firstPage) }),
    ...(record.publisher && { publisher: record.publisher }),
    language: record.language,
    ...(record.abstract && { abstract: record.abstract }),
    URL: record.url,
  };
}

export function formatCslJson(record: CitationRecord): string {
  return `${JSON.stringify([cslItem(record)], null, 2)}\n`;
}
