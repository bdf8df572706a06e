import type { CitationRecord } from './record.ts';

/**
 * An RIS record (EndNote, Zotero, Mendeley, NoteExpress): `TY  - JOUR` for a
 * journal article, `RPRT` for a report (series title in T3, its issue in IS).
 * One `AU` line per author with the name whole: RIS reads `Family, Given`
 * only when a comma says so, and a Chinese name has none. SP and EP each
 * carry the page where known (report 001: EP 34 alone). Lines end in CRLF as
 * the format specifies; the record ends with `ER  - `.
 * No access date (Y2): a file built once cannot know when a reader uses it.
 */
export function formatRis(record: CitationRecord): string {
  const tags: [string, string | number | undefined][] = [
    ['TY', record.type === 'article' ? 'JOUR' : 'RPRT'],
    ...record.authors.map((name): [string, string] => ['AU', name]),
    ['TI', record.title],
    [record.type === 'article' ? 'T2' : 'T3', record.container],
    ['PY', record.year],
    ['DA', record.date?.replaceAll('-', '/')],
    ['IS', record.issue],
    ['SP', record.firstPage],
    ['EP', record.lastPage],
    ['PB', record.publisher],
    ['LA', record.language],
    ['AB', record.abstract],
    ['UR', record.url],
    ['ID', record.id],
  ];
  const lines = tags
    .filter((tag): tag is [string, string | number] => tag[1] !== undefined)
    .map(([tag, value]) => `${tag}  - ${String(value).replace(/\s*\n\s*/g, ' ')}`);
  return [...lines, 'ER  - ', ''].join('\r\n');
}
