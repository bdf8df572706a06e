import { pageRange, type CitationRecord } from './record.ts';

/**
 * A BibTeX entry (also read by biblatex, Zotero, JabRef): `@article` for a
 * journal article, `@techreport` for an institute's report, whose series
 * name goes in `type` and its issue in `number`.
 *
 * Every author is braced whole, `{卢静} and {张甲英}`: BibTeX would otherwise
 * try to split a name into family and given parts. The title is double-braced
 * so styles keep its case. TeX's special characters are escaped (`~` is a
 * non-breaking space to TeX, and "2020 ~ 2021" must keep its tilde). Pages are
 * written as a range only when both ends are known. No access date: a file
 * built once cannot know when a reader will use it (the page's copy buttons
 * fill in the reader's date).
 */
const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

export function escapeTex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (char) => TEX_SPECIALS[char] ?? char);
}

export function formatBibtex(record: CitationRecord): string {
  const range = pageRange(record);
  const fields: [string, string | undefined][] = [
    ['author', record.authors.map((name) => `{${escapeTex(name)}}`).join(' and ')],
    ['title', `{${escapeTex(record.title)}}`],
    ...(record.type === 'article'
      ? ([
          ['journal', escapeTex(record.container)],
          ['number', record.issue?.toString()],
        ] as [string, string | undefined][])
      : ([
          ['institution', record.publisher && escapeTex(record.publisher)],
          ['type', escapeTex(record.container)],
          ['number', record.issue?.toString()],
        ] as [string, string | undefined][])),
    ['year', String(record.year)],
    ['date', record.date],
    ['pages', range && (range.first === range.last ? `${range.first}` : `${range.first}--${range.last}`)],
    ['language', record.language],
    ['url', record.url],
    ['abstract', record.abstract && escapeTex(record.abstract)],
  ];
  const body = fields
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([name, value]) => `  ${name} = {${value}}`)
    .join(',\n');
  return `@${record.type === 'article' ? 'article' : 'techreport'}{${record.id},\n${body}\n}\n`;
}
