import { isHanName, pageRange, seriesDesignation, type CitationRecord } from './record.ts';

/**
 * References in GB/T 7714—2015《信息与文献 参考文献著录规则》, the form
 * Chinese journals require.
 *
 * Patterns followed (clause numbers of the standard):
 * - 4.4 / 8.8, serial contributions:
 *   `主要责任者. 题名[J]. 刊名, 年, 卷(期): 起页-止页.` — after the standard's
 *   journal examples such as `李炳穆. 韩国图书馆法[J/OL]. 图书情报工作, 2008, 52(6): 6-12[2013-10-25]. http://….`
 *   A journal without volumes (国际问题研究) is written `年(期)`: `2023(6)`.
 * - 4.1, monographs and reports:
 *   `主要责任者. 题名: 其他题名信息[R]. 出版地: 出版者, 出版年.` — after the
 *   report example `… Guidelines for handling excavated acid-producing materials: PB 91-194001[R]. Springfield: …, 1990.`,
 *   whose report number stands as 其他题名信息; here the series issue
 *   (`国际组织与多边动态 2022年第3期`) takes that place. An unknown place of
 *   publication is written `[出版地不详]` (8.4.1.3); an online resource may omit it.
 * - 8.1.2, authors: up to three written in full; beyond three, the first three
 *   then `, 等` (Chinese names) or `, et al.` (names in Latin script), the
 *   language of the names deciding. Chinese names are written whole, as
 *   printed. Latin names are written as the front matter gives them: the
 *   standard's `KANAMORI H` form needs a family/given split the data does
 *   not make, and guessing it would misname people.
 * - 8.8, pages: `起页-止页` only when both ends are known. Report 001's source
 *   prints only its last page (34): no range is written, rather than one with
 *   an invented start.
 *
 * Print and online. The issue asks for `[J]`/`[R]` plus `[引用日期]` and URL;
 * the standard gives a reference read online the carrier code as well
 * (`[J/OL]`, `[R/OL]`, 4.4 and 4.1 examples) with the access date after the
 * pages and the address last. Both are offered, each exactly as the standard
 * has it: the print form (`[J]`, `[R]`) cites the journal or series issue
 * itself, and the online form (`[J/OL]`, `[R/OL]`, `[引用日期]`, URL) cites the
 * copy on this site. For an online report the place of publication is omitted
 * (8.4.1.3 allows it for online resources), after the pattern
 * `赵耀东. 新时代的工业工程师[M/OL]. 台北: 天下文化出版社, 1998[1998-09-26]. http://….`.
 *
 * A section. The standard has no element for a part of an article; the part
 * cited takes the place the standard gives the cited location (引文页码,
 * `出版年: 引文页码` in 4.1), after a colon, and the URL points at the section:
 * `卢静, 张甲英. 走向真正的多边主义[J/OL]. 国际问题研究, 2023(6): 一、多边主义遭遇挑战[2024-05-01]. https://…/#一多边主义遭遇挑战.`
 * A URL ends with the full stop that closes every reference, as in the
 * standard's examples.
 */
export interface Gbt7714Options {
  /** Cite the copy on this site: carrier code OL, access date (YYYY-MM-DD) and address. */
  online?: { accessed: string; url: string };
  /** The heading of the section cited (online form only: its URL is the section's). */
  section?: string;
}

const MAX_NAMED_AUTHORS = 3;

/** `卢静, 张甲英`; more than three: `袁训来, 陈哲, 肖书海, 等`. */
export function gbtAuthors(names: readonly string[]): string {
  if (names.length <= MAX_NAMED_AUTHORS) return names.join(', ');
  const others = isHanName(names[0] ?? '') ? '等' : 'et al.';
  return [...names.slice(0, MAX_NAMED_AUTHORS), others].join(', ');
}

/** Adds the closing full stop unless the text already ends with one. */
function closed(text: string): string {
  return /[.。]$/.test(text) ? text : `${text}.`;
}

export function formatGbt7714(record: CitationRecord, options: Gbt7714Options = {}): string {
  const { online, section } = options;
  if (section !== undefined && !online) throw new Error('a section is cited in the online form, whose URL points at it');
  const carrier = online ? '/OL' : '';
  const range = pageRange(record);
  // Where the standard puts the cited location: the section when one is cited, else the page range.
  const locator = section ?? (range && (range.first === range.last ? `${range.first}` : `${range.first}-${range.last}`));
  const located = locator === undefined ? '' : `: ${locator}`;
  const accessed = online ? `[${online.accessed}]` : '';
  const address = online ? `. ${online.url}` : '';
  const authors = closed(gbtAuthors(record.authors));

  if (record.type === 'article') {
    const issue = record.issue === undefined ? '' : `(${record.issue})`;
    return closed(`${authors} ${record.title}[J${carrier}]. ${record.container}, ${record.year}${issue}${located}${accessed}${address}`);
  }
  const publisher = record.publisher ?? '[出版者不详]';
  const place = online ? '' : '[出版地不详]: ';
  return closed(
    `${authors} ${record.title}: ${seriesDesignation(record)}[R${carrier}]. ${place}${publisher}, ${record.year}${located}${accessed}${address}`,
  );
}
