import type { Author, Publication } from './report-schema.ts';

/**
 * "《国际问题研究》2023年第6期" for a journal article; "国际组织与多边动态
 * 2022年第3期" for a report series (series are not book titles, so no 《》).
 */
export function formatPublication(publication: Publication): string {
  const name = publication.type === 'article' ? `《${publication.name}》` : `${publication.name} `;
  const issue = publication.issue === undefined ? '' : `第${publication.issue}期`;
  return `${name}${publication.year}年${issue}`;
}

/**
 * "第16–34页" when the whole range is known. A range known at one end only
 * (the source printed just one page number) stays in the data for citations
 * but is not shown, since "至第34页" would read as a claim about the start.
 */
export function formatPages(publication: Publication): string | undefined {
  const { first, last } = publication.pages ?? {};
  if (first === undefined || last === undefined) return undefined;
  return first === last ? `第${first}页` : `第${first}–${last}页`;
}

/** Authors' names in printed order, whole, separated as Chinese typesetting does. */
export function formatAuthors(authors: readonly Author[]): string {
  return authors.map((author) => author.name).join('　');
}

/** A date "YYYY-MM-DD" as 2022年6月1日. */
export function formatChineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/**
 * The start of a text for a listing, cut at a sentence end when one falls
 * within the limit, so a teaser never stops mid-word. Adds "……" when cut.
 */
export function leadOf(text: string, maxChars = 120): string {
  const chars = Array.from(text.trim());
  if (chars.length <= maxChars) return chars.join('');
  const head = chars.slice(0, maxChars).join('');
  const lastStop = Math.max(head.lastIndexOf('。'), head.lastIndexOf('！'), head.lastIndexOf('？'));
  return lastStop >= maxChars / 2 ? head.slice(0, lastStop + 1) : `${head}……`;
}

/**
 * Sort key for listing newest first: year, then issue, then date. Reports
 * without an issue or date sort after those of the same year that have one.
 */
export function compareNewestFirst(a: Publication, b: Publication): number {
  return (
    b.year - a.year ||
    (b.issue ?? 0) - (a.issue ?? 0) ||
    (b.date ?? '').localeCompare(a.date ?? '')
  );
}

/**
 * The first paragraph of a report's MDX body as plain text, for listings of a
 * report that has no abstract: headings, footnote references and link syntax
 * are dropped, the words kept.
 */
export function firstParagraphOf(mdxBody: string): string | undefined {
  const paragraph = mdxBody
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .find((block) => block !== '' && !/^(#|\[\^|import |export |<)/.test(block));
  return paragraph
    ?.replace(/\[\^[^\]]+\]/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s*\n\s*/g, '');
}
