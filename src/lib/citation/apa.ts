import { pageRange, seriesDesignation, type CitationRecord } from './record.ts';

/**
 * References in APA Style, 7th edition (Publication Manual, ch. 9–10):
 * - journal article (10.1): `Author, A., & Author, B. (Year). Title. *Journal*, *volume*(issue), pages. URL`
 *   A journal without volumes gives its issue alone, `*国际问题研究*, (6)`.
 * - report (10.4): `Author. (Year). *Title* (Report No.). Publisher. URL` — the
 *   series issue (`国际组织与多边动态 2022年第3期`) stands as the report number.
 * - authors (9.8): up to 20 listed, commas between, `&` before the last (with
 *   a comma even for two); 21 or more: the first 19, an ellipsis, the last.
 * - pages: an en-dash range, only when both ends are known (the source of
 *   report 001 prints only its last page).
 * - no retrieval date: APA 7 gives one only for pages designed to change.
 *
 * Names stay as printed. APA inverts Latin names to `Family, F.`; a Chinese
 * name is already family-first and is written whole, as Chinese journals that
 * use APA do; the front matter never splits a name, so Latin names are written
 * whole too rather than guessed at. Titles stay in the original language (APA
 * would add a bracketed English translation, which the front matter does not have).
 *
 * The result is rich text: APA italicises the journal and volume, or the
 * report title. `plainText` drops the italics for the clipboard.
 */
export type RichText = (string | { italic: string })[];

const MAX_LISTED_AUTHORS = 20;

export function apaAuthors(names: readonly string[]): string {
  if (names.length === 1) return names[0] ?? '';
  if (names.length > MAX_LISTED_AUTHORS) {
    return `${names.slice(0, MAX_LISTED_AUTHORS - 1).join(', ')}, . . . ${names.at(-1)}`;
  }
  return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
}

/** Ends an element with a full stop unless it already ends with terminal punctuation. */
function closed(text: string): string {
  return /[.?!。？！]$/.test(text) ? text : `${text}.`;
}

export function formatApa(record: CitationRecord, options: { url: string }): RichText {
  const head = `${closed(apaAuthors(record.authors))} (${record.year}). `;
  const range = pageRange(record);
  if (record.type === 'article') {
    const issue = record.issue === undefined ? '' : `, (${record.issue})`;
    const pages = range ? `, ${range.first === range.last ? range.first : `${range.first}–${range.last}`}` : '';
    return [`${head}${closed(record.title)} `, { italic: record.container }, `${issue}${pages}. ${options.url}`];
  }
  const publisher = record.publisher ? ` ${closed(record.publisher)}` : '';
  return [head, { italic: record.title }, ` (${seriesDesignation(record)}).${publisher} ${options.url}`];
}

export function plainText(text: RichText): string {
  return text.map((part) => (typeof part === 'string' ? part : part.italic)).join('');
}
