/**
 * Lays a published report out again as a new "text extracted from a PDF",
 * the way the texts in content/sources/ are laid out but with other line
 * widths, page breaks, running heads and page numbers, so a test can show
 * that the import is not tuned to the two texts it was written against.
 *
 * Independent of the import: it reads the report's MDX with its own few
 * rules and breaks lines itself, as a typesetter would (no line starts with
 * closing punctuation or ends with an opening one, a Latin word is never
 * split, a URL may be split anywhere).
 *
 * The layout of the sources, reproduced:
 * - `wrapped` (journal articles): every printed line a line of text, a
 *   paragraph's first line two characters narrower (its indent), footnote
 *   blocks `[n]　…` at each page's bottom numbered from 1 on every page, set
 *   wider than the body; a page after a footnote block starts with a line
 *   indented by one space; a note too long for its page goes on at the top
 *   of the next page's note area.
 * - `paragraph-per-line` (institute reports): one line per paragraph, a
 *   blank line between paragraphs, three between pages; a paragraph that a
 *   page break splits stops mid-sentence.
 */
import type { Report } from '../../src/lib/report-schema.ts';
import type { PublishedReport } from './front-matter.ts';

export interface RelayoutOptions {
  style: 'wrapped' | 'paragraph-per-line';
  /** Body column in half-ems (a Han character takes 2). */
  width: number;
  /** Note column in half-ems: notes are set smaller, so more fits. */
  noteWidth: number;
  /** Wrapped: body lines per page. Paragraph per line: characters per page. */
  pageSize: number;
  /** Note lines a page holds; a longer last note goes on on the next page. */
  noteLines: number;
  /** Running heads printed at the top of the pages in turn, the first page included when `headOnFirstPage`. */
  runningHeads: string[];
  headOnFirstPage: boolean;
  /** Page numbers at the top or bottom of every page, counting from `first`. */
  pageNumbers?: { at: 'top' | 'bottom'; first: number };
  /** A blank line after every line (the article source has them). */
  blankLines: boolean;
  /** A form feed before every page but the first. */
  formFeeds: boolean;
}

export interface RelaidText {
  text: string;
  /** What the layout added, by line number: `running head` or `page number`. */
  added: Map<number, string>;
}

type Item = { kind: 'heading'; text: string; number?: string } | { kind: 'paragraph'; text: string };

/** A reference to note N inside a paragraph until its page is known. */
const REF = /\u0001(\d+)\u0002/g;

/** The report's MDX body as headings, paragraphs and notes of plain text. */
function readBody(body: string): { items: Item[]; notes: Map<number, string> } {
  const items: Item[] = [];
  const notes = new Map<number, string>();
  const plain = (mdx: string) =>
    mdx
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1')
      .replace(/\\(.)/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&amp;/g, '&');
  for (const block of body.trim().split(/\n{2,}/)) {
    const note = /^\[\^(\d+)\]: ([\s\S]*)$/.exec(block);
    const heading = /^#{2,4} (?:(No\. \d+) )?(.*)$/.exec(block);
    if (note) notes.set(Number(note[1]), plain(note[2]!));
    else if (heading) items.push({ kind: 'heading', text: plain(heading[2]!), ...(heading[1] ? { number: heading[1] } : {}) });
    else items.push({ kind: 'paragraph', text: plain(block.replace(/\[\^(\d+)\]/g, '\u0001$1\u0002')) });
  }
  return { items, notes };
}

const FULL = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’—…·•]/u;
/** A note reference is a small superscript: about half a character. */
const widthOf = (text: string) => Array.from(text.replace(REF, '^')).reduce((w, c) => w + (FULL.test(c) ? 2 : 1), 0);
const CLOSING = /^[，。、；：？！”’）》」』…,.;:?!)\]]$/u;
const OPENING = /^[“‘（《「『(\[]$/u;

interface Unit {
  text: string;
  /** Spaces after it: kept at a line's end, as the extractor keeps them. */
  space: string;
}

/** Text cut into what a line may not break inside, with closing and opening punctuation kept with their neighbours. */
function unitsOf(text: string): Unit[] {
  const tokens = text.match(/\u0001\d+\u0002|https?:\/\/[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff“”‘’\u0001]+|[A-Za-z0-9][A-Za-z0-9.,:;'’\-/_?=&%#()!@+]*| +|./gsu) ?? [];
  const units: Unit[] = [];
  let opening = '';
  for (const token of tokens) {
    const last = units.at(-1);
    if (/^ +$/.test(token)) {
      if (last) last.space += token;
      continue;
    }
    if (/^https?:\/\//.test(token)) {
      // A URL breaks after a / . - _ ? = or &, never inside its scheme.
      const [, scheme, rest] = /^(https?:\/\/)(.*)$/s.exec(token)!;
      const pieces = rest!.match(/[^/.\-_?=&]*[/.\-_?=&]?/g)!.filter(Boolean);
      pieces[0] = scheme + (pieces[0] ?? '');
      for (const piece of pieces) units.push({ text: opening + piece, space: '' }), (opening = '');
      continue;
    }
    if (last && !last.space && (CLOSING.test(token) || token.startsWith('\u0001'))) {
      last.text += token;
      continue;
    }
    if (OPENING.test(token)) {
      opening += token;
      continue;
    }
    units.push({ text: opening + token, space: '' });
    opening = '';
  }
  if (opening) units.push({ text: opening, space: '' });
  return units;
}

/**
 * The width a unit takes at a line's end: closing punctuation after it is
 * compressed into half a character, as Chinese typesetting does.
 */
const fitWidth = (text: string) => {
  const closers = /[，。、；：？！”’）》」』…]+$/u.exec(text.replace(REF, ''))?.[0] ?? '';
  return closers ? widthOf(text) - widthOf(closers) + 1 : widthOf(text);
};

/** Lines of at most `capacity(i)` half-ems for line i. */
function wrap(text: string, capacity: (line: number) => number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  let space = '';
  for (const unit of unitsOf(text)) {
    if (line && width + space.length + fitWidth(unit.text) > capacity(lines.length)) {
      lines.push(line + space);
      line = '';
      width = 0;
      space = '';
    }
    line += space + unit.text;
    width += space.length + widthOf(unit.text);
    space = unit.space;
  }
  if (line) lines.push(line);
  return lines;
}

/** How the front matter is printed before the body. */
function frontLines(data: Report, options: RelayoutOptions): string[] {
  const marked = (data.notes ?? []).some((note) => note.mark);
  const names = (spacing: string) => data.authors.map((a) => (Array.from(a.name).length === 2 ? Array.from(a.name).join(spacing) : a.name));
  if (data.publication.type === 'article') {
    return [
      `${data.title}${marked ? ' *' : ''}`,
      `    ${names('  ').join('   ')}`,
      ...(data.abstract ? wrap(`〔提   要〕${data.abstract}`, () => options.width - 4) : []),
    ];
  }
  const { publication } = data;
  const printed = publication.printedDate ? (/^(.+?) (\d{4})$/.exec(publication.printedDate)?.slice(1) ?? [publication.printedDate]) : [];
  return [
    ...printed,
    publication.name,
    `${publication.year}年第${publication.issue}期`,
    data.title,
    ...(publication.publisher?.split(/(?<=\)) /) ?? []),
    ...(data.authorsLabel ? [data.authorsLabel] : []),
    names(' ').join(' '),
    ...(publication.imprint ?? []),
  ];
}

function backLines(data: Report): string[] {
  return [
    ...(data.responsibleEditor ? [`【责任编辑：${data.responsibleEditor}】`] : []),
    ...(data.teams ?? []).flatMap((team) => [team.name, ...chunks(team.members, 4).map((members) => members.join(' '))]),
  ];
}

const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/** Collects the text line by line, numbering what the layout adds. */
class Output {
  readonly lines: string[] = [];
  readonly added = new Map<number, string>();
  readonly blankLines: boolean;
  constructor(blankLines: boolean) {
    this.blankLines = blankLines;
  }
  line(text: string, added?: string) {
    this.lines.push(text);
    if (added) this.added.set(this.lines.length, added);
    if (this.blankLines) this.lines.push('');
  }
  blank(count: number) {
    for (let i = 0; i < count; i++) this.lines.push('');
  }
}

export function relayout(report: PublishedReport, options: RelayoutOptions): RelaidText {
  const { items, notes } = readBody(report.body);
  const data = report.data;
  // A note on the report as a whole, unmarked, is printed as a paragraph after the first one.
  const reportNotes = (data.notes ?? []).filter((note) => !note.mark).map((note): Item => ({ kind: 'paragraph', text: note.text }));
  const firstParagraph = items.findIndex((item) => item.kind === 'paragraph');
  items.splice(firstParagraph + 1, 0, ...reportNotes);
  const titleNotes = (data.notes ?? []).filter((note) => note.mark);
  const out = new Output(options.blankLines);
  const head = (page: number) => options.runningHeads[(page - (options.headOnFirstPage ? 0 : 1)) % options.runningHeads.length]!;
  const pageNumber = (page: number, at: 'top' | 'bottom') => {
    if (options.pageNumbers?.at === at) out.line(String(options.pageNumbers.first + page), 'page number');
  };
  const pageTop = (page: number) => {
    if (options.formFeeds && page > 0) out.lines.push('\f');
    pageNumber(page, 'top');
    if (options.runningHeads.length > 0 && (page > 0 || options.headOnFirstPage)) out.line(`${page === 0 ? ' ' : ''}${head(page)}`, 'running head');
  };

  if (options.style === 'paragraph-per-line') {
    if (notes.size > 0) throw new Error('relayout: one paragraph per line is for reports without footnotes');
    pageTop(0);
    for (const line of frontLines(data, options)) out.line(line);
    let page = 0;
    let room = options.pageSize;
    const newPage = () => {
      pageNumber(page, 'bottom');
      out.blank(3);
      page++;
      pageTop(page);
      room = options.pageSize;
    };
    newPage();
    for (const item of items) {
      const lines = item.kind === 'heading' && item.number ? [item.number, item.text] : [item.text];
      // A heading is never split: it starts the next page when it does not fit.
      if (item.kind === 'heading' && lines.join('').length > room) newPage();
      for (let text of lines) {
        while (Array.from(text).length > room) {
          const cut = cutPoint(text, room);
          if (cut <= 0) break;
          out.line(text.slice(0, cut));
          text = text.slice(cut);
          newPage();
        }
        out.line(text);
        room -= Array.from(text).length;
      }
    }
    for (const line of backLines(data)) out.line(line);
    pageNumber(page, 'bottom');
    return { text: out.lines.join('\n'), added: out.added };
  }

  // Wrapped: body lines first, then pages of them with their notes.
  const body: string[] = [];
  for (const item of items) {
    // A heading longer than the column goes on on a second line.
    if (item.kind === 'heading') body.push(...(item.number ? [item.number] : []), ...wrap(item.text, () => options.width));
    else body.push(...wrap(item.text, (i) => (i === 0 ? options.width - 4 : options.width)));
  }
  const pages = chunks(body, options.pageSize);
  const refsOn = pages.map((lines) => [...lines.join('').matchAll(REF)].map((m) => Number(m[1])));
  let carried: string[] = [];
  pages.forEach((lines, page) => {
    pageTop(page);
    if (page === 0) for (const line of frontLines(data, options)) out.line(line);
    const perPage = new Map(refsOn[page]!.map((note, i) => [note, i + 1]));
    lines.forEach((line, i) => {
      const text = line.replace(REF, (_, note: string) => `[${perPage.get(Number(note))}]`);
      out.line(i === 0 && page > 0 ? ` ${text}` : text);
    });
    if (page === pages.length - 1) for (const line of backLines(data)) out.line(line);
    const area: string[][] = [];
    if (page === 0) for (const note of titleNotes) area.push(wrap(`${note.mark}　${note.text}`, () => options.noteWidth));
    for (const [note, k] of perPage) area.push(wrap(`[${k}]　${notes.get(note)}`, () => options.noteWidth));
    const noteArea = [...carried, ...area.flat()];
    carried = [];
    // A last note the page cannot hold goes on on the next page, if that page has notes of its own.
    const over = noteArea.length - options.noteLines;
    const last = area.at(-1);
    if (over >= 1 && last && last.length > over && (refsOn[page + 1]?.length ?? 0) > 0) carried = noteArea.splice(noteArea.length - over);
    for (const line of noteArea) out.line(line);
    pageNumber(page, 'bottom');
  });
  return { text: out.lines.join('\n'), added: out.added };
}

/** Where a page break may split a paragraph: not right after a sentence end, not inside a word or marker. */
function cutPoint(text: string, room: number): number {
  const chars = Array.from(text);
  for (let cut = room; cut > 1; cut--) {
    const before = chars[cut - 1]!;
    const after = chars[cut]!;
    // A space at the break stays at the end of the line, as the extractor keeps it.
    if (after === ' ') return chars.slice(0, cut + 1).join('').length;
    const inWord = /[A-Za-z0-9\]\u0002]/.test(before) && /[A-Za-z0-9[\u0001]/.test(after);
    if (/[。！？；：”’）》\])]/.test(before) || inWord || CLOSING.test(after)) continue;
    return chars.slice(0, cut).join('').length;
  }
  return 0;
}
