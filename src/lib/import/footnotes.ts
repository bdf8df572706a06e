/**
 * Per-page footnotes, as a PDF prints them, turned into the notes of one
 * report: collected from the footnote blocks at the page bottoms (a note's
 * text whole even where a page break split it), numbered 1…N in reading
 * order, and every marker in the body (`[n]`, restarting on each page)
 * resolved to the note of its own page.
 */
import type { Finding } from './findings.ts';
import { endsInsideUrl } from './rejoin.ts';
import { displayWidth, endsNote, isBlank, MARKER, MARKER_ONLY, NOTE_START, noteReference, type SourceLine } from './source-lines.ts';

export interface NotePart {
  /** The text the line contributes: the first line without its `[n]　` prefix. */
  text: string;
  line: SourceLine;
}

export interface SourceNote {
  /** The mark of a note on the title (`*`); numbered notes have none. */
  mark?: string;
  /** The number the page prints; numbering restarts on every page. */
  perPage?: number;
  /** The note's number in the whole report, 1…N in reading order (numbered notes only). */
  number?: number;
  parts: NotePart[];
  /** Some marker in the body refers to it. */
  referenced: boolean;
}

export interface FootnoteBlock {
  notes: SourceNote[];
  /** Line where the block's first note starts. */
  firstLine: number;
}

export interface FootnoteOptions {
  /** The body's column width when the text is wrapped: footnotes, set smaller, run wider. */
  bodyWidth?: number;
  /** Lines that end a footnote block whatever else they look like: page numbers, running heads. */
  endsBlock: (line: SourceLine) => boolean;
}

export interface Footnotes {
  blocks: FootnoteBlock[];
  /** Every line that belongs to a note, its first line included. */
  noteLines: Set<number>;
  /** Lines that finish a note a page break split, before the next page's block. */
  continuations: number[];
}

/** Mostly Latin letters: a citation's line, where the body of a Chinese report is Chinese. */
const mostlyLatin = (text: string) => (text.match(/[A-Za-z]/g)?.length ?? 0) > Array.from(text).length * 0.7;

/** Footnote lines run this much wider than a body line can. */
const WIDER_THAN_BODY = 6;

/**
 * The footnote blocks of a text. A block is a run of notes, each starting
 * `[n]　` or `*　`; a note goes on over the lines that follow until the next
 * note, a page's first line (indented one space), a form feed, a page number
 * or running head, or a line that cannot be part of it.
 */
export function collectFootnotes(lines: readonly SourceLine[], options: FootnoteOptions, findings: Finding[]): Footnotes {
  const blocks: FootnoteBlock[] = [];
  const noteLines = new Set<number>();
  const continuations: number[] = [];
  let open: FootnoteBlock | undefined;
  let note: SourceNote | undefined;
  // Body lines since the last block: where the rest of a note split by a page break sits.
  let sinceBlock: SourceLine[] = [];
  // Note text, not body: wider than the body's column (notes are set smaller).
  const wide = (line: SourceLine) => options.bodyWidth !== undefined && displayWidth(line.text) > options.bodyWidth + WIDER_THAN_BODY;

  for (const line of lines) {
    if (isBlank(line)) continue;
    const start = NOTE_START.exec(line.raw);
    if (start) {
      if (!open) {
        const carried = blocks.at(-1)?.notes.at(-1);
        if (carried) {
          const rest = restOfSplitNote(sinceBlock, carried, wide);
          for (const part of rest) {
            carried.parts.push({ text: part.text, line: part });
            noteLines.add(part.number);
            continuations.push(part.number);
          }
          if (rest.length > 0) {
            findings.push({
              line: rest[0]!.number,
              kind: 'uncertain',
              message: `read as the rest of the note that starts on line ${carried.parts[0]!.line.number}, split by a page break (${rest.length} line${rest.length > 1 ? 's' : ''} before the next footnote block)`,
            });
          }
        }
        open = { notes: [], firstLine: line.number };
        blocks.push(open);
      }
      note = {
        ...(start[2] ? { mark: start[2] } : { perPage: Number(start[1]) }),
        parts: [{ text: line.raw.slice(start[0].length).trim(), line }],
        referenced: false,
      };
      open.notes.push(note);
      noteLines.add(line.number);
      continue;
    }
    if (open && note) {
      const last = note.parts.at(-1)!;
      const boundary = line.pageStartIndent || line.formFeed || options.endsBlock(line);
      const soFar = note.parts.map((part) => part.text).join('');
      if (!boundary && (!endsNote(last.text) || endsInsideUrl(soFar, last.line.trailingSpace) || wide(line))) {
        note.parts.push({ text: line.text, line });
        noteLines.add(line.number);
        continue;
      }
      if (!boundary) {
        findings.push({
          line: line.number,
          kind: 'uncertain',
          message: `follows a footnote block without the indent that starts a page: read as body text, not as more of the note on line ${note.parts[0]!.line.number}`,
        });
      }
      open = undefined;
      note = undefined;
      sinceBlock = [];
    }
    if (!options.endsBlock(line)) sinceBlock.push(line);
  }
  numberNotes(blocks);
  return { blocks, noteLines, continuations };
}

/**
 * The lines just before a footnote block that finish the previous page's
 * last note: the note area of a page starts with what the page before could
 * not hold. They are there when that note stops mid-sentence, or when the
 * lines run wider than the body's column (set in the smaller note type).
 */
function restOfSplitNote(sinceBlock: readonly SourceLine[], carried: SourceNote, wide: (line: SourceLine) => boolean): SourceLine[] {
  const lastLine = sinceBlock.length - 1;
  const candidate = sinceBlock[lastLine];
  if (!candidate || candidate.pageStartIndent) return [];
  const lastPart = carried.parts.at(-1)!;
  // A URL at the end is a sign only when the line before the block goes on
  // with the address: a whole URL ends a note as often as a broken one.
  const soFar = carried.parts.map((part) => part.text).join('');
  const urlGoesOn = endsInsideUrl(soFar, lastPart.line.trailingSpace) && /^[A-Za-z0-9][\w.\-~%?=&#+:]*\//.test(candidate.text);
  const unfinished = !endsNote(lastPart.text) || urlGoesOn;
  const before = sinceBlock[lastLine - 1];
  if (!unfinished && !wide(candidate) && !(before && wide(before))) return [];
  let from = lastLine;
  const noteLike = (line: SourceLine) => (wide(line) || mostlyLatin(line.text)) && !line.pageStartIndent;
  while (from > 0 && noteLike(sinceBlock[from - 1]!)) from--;
  // A page always keeps a body line: the first one is never note text.
  if (from === 0) from = 1;
  return sinceBlock.slice(from);
}

/** Numbered notes get 1…N in reading order; notes on the title keep their mark. */
function numberNotes(blocks: readonly FootnoteBlock[]): void {
  let number = 0;
  for (const block of blocks) for (const note of block.notes) if (note.mark === undefined) note.number = ++number;
}

/** Where a per-page marker in the body points. */
export interface ResolvedMarkers {
  /** For each body line, the report-wide note number of each marker on it, in order; undefined for a stray marker. */
  byLine: Map<number, (number | undefined)[]>;
  /** Lines that are nothing but a marker with no note on their page: the PDF's stray marks. */
  strayLines: number[];
}

/**
 * Resolves every marker of the body against the footnote block of its page:
 * the markers met since the previous block belong to the next block. A line
 * that is only a marker (`isMarkerLine` lines outside the body included) is a
 * reference placed on a line of its own when its page has that note, and a
 * stray mark of the PDF when it does not.
 */
export function resolveMarkers(
  lines: readonly SourceLine[],
  footnotes: Footnotes,
  isBodyLine: (line: SourceLine) => boolean,
  findings: Finding[],
): ResolvedMarkers {
  const byLine = new Map<number, (number | undefined)[]>();
  const strayLines: number[] = [];
  const blockAt = new Map(footnotes.blocks.map((block) => [block.firstLine, block]));
  let pending: { line: SourceLine; index: number; perPage: number }[] = [];

  const settle = (block: FootnoteBlock | undefined) => {
    for (const marker of pending) {
      const note = block?.notes.find((n) => n.perPage === marker.perPage);
      const numbers = byLine.get(marker.line.number)!;
      if (note) {
        note.referenced = true;
        numbers[marker.index] = note.number;
      } else if (MARKER_ONLY.test(marker.line.text)) {
        strayLines.push(marker.line.number);
      } else {
        findings.push({
          line: marker.line.number,
          kind: 'uncertain',
          message: `[${marker.perPage}] has no note on its page: kept as written`,
        });
      }
    }
    pending = [];
  };

  for (const line of lines) {
    const block = blockAt.get(line.number);
    if (block) settle(block);
    if (footnotes.noteLines.has(line.number) || isBlank(line)) continue;
    const markerOnly = MARKER_ONLY.test(line.text);
    if (!isBodyLine(line) && !markerOnly) continue;
    const matches = [...line.text.matchAll(MARKER)];
    if (matches.length === 0) continue;
    byLine.set(line.number, matches.map(() => undefined));
    matches.forEach((match, index) => pending.push({ line, index, perPage: Number(match[1]) }));
  }
  settle(undefined);

  for (const block of footnotes.blocks) {
    for (const note of block.notes) {
      if (note.mark === undefined && !note.referenced) {
        findings.push({
          line: note.parts[0]!.line.number,
          kind: 'uncertain',
          message: `note [${note.perPage}] is referenced nowhere on its page: written as note ${note.number} without a reference, and the build stops until its reference is placed`,
        });
      }
    }
  }
  return { byLine, strayLines };
}

/** A body line's text with each resolved marker replaced by a reference; strays stay as written. */
export function withReferences(text: string, numbers: readonly (number | undefined)[] | undefined): string {
  if (!numbers) return text;
  let index = 0;
  return text.replace(MARKER, (marker) => {
    const number = numbers[index++];
    return number === undefined ? marker : noteReference(number);
  });
}
