/**
 * Reads a text extracted from a PDF (the provenance in content/sources/) into
 * what a faithful report must contain: the body lines in reading order with
 * every per-page footnote marker resolved to its note's number in the whole
 * text, the notes themselves, and the lines that belong to the front or back
 * matter. It is deliberately independent of the MDX files: the fidelity test
 * compares this reading of the source with the built HTML.
 *
 * What the PDF added (running heads, page numbers, a stray marker), and the
 * lines that finish a note a page break split, are named line by line in the
 * source's layout file (src/lib/source-layout.ts), so nothing is dropped or
 * moved by a guess.
 */
import { readFileSync } from 'node:fs';
import type { SourceLayout } from '../../src/lib/source-layout.ts';

export interface SourceLine {
  lineNumber: number;
  /** The line without surrounding whitespace; footnote markers rewritten as [^N]. */
  text: string;
  /** Whether the source line ended in whitespace (a word break at the line join). */
  trailingSpace: boolean;
}

export interface SourceNote {
  number: number;
  /** The mark for notes on the title (`*`), which are front matter, not numbered notes. */
  mark?: string;
  lines: SourceLine[];
}

export interface SourceReading {
  body: SourceLine[];
  notes: SourceNote[];
  /** Front and back matter lines (title, authors, abstract, team lists, title notes…). */
  matter: SourceLine[];
}

const NOTE_START = /^\s*(?:\[(\d+)\]|(\*))\u3000/;
/** In these texts a new page's body starts with a line indented by one space. */
const PAGE_START = /^ \S/;
const MARKER = /\[(\d+)\]/g;

export function readSource(path: string, layout: SourceLayout): SourceReading {
  const rawLines = readFileSync(path, 'utf8').split('\n');
  const artifacts = new Set(layout.removed.map((removed) => removed.line));
  const continuations = new Set(layout.noteContinuations);
  const matterInBody = new Set(layout.matterInBody);
  const [bodyFirst, bodyLast] = layout.body;

  const body: (SourceLine & { pageMarkers: { perPage: number; index: number }[] })[] = [];
  const notes: SourceNote[] = [];
  const matter: SourceLine[] = [];
  const line = (lineNumber: number, text: string, raw: string): SourceLine => ({
    lineNumber,
    text,
    trailingSpace: /\s$/.test(raw),
  });

  // Notes of the footnote block being read, by their per-page number.
  let pageNotes = new Map<number, SourceNote>();
  let inNoteBlock = false;
  let currentNote: SourceNote | undefined;
  // Body markers waiting for the footnote block of their page.
  let pending: { perPage: number; bodyIndex: number; index: number; lineNumber: number }[] = [];
  const unresolved: string[] = [];

  const resolvePending = () => {
    for (const marker of pending) {
      const note = pageNotes.get(marker.perPage);
      if (!note) {
        unresolved.push(`line ${marker.lineNumber}: [${marker.perPage}] has no note on its page`);
        continue;
      }
      const target = body[marker.bodyIndex]!;
      target.pageMarkers[marker.index]!.perPage = note.number;
    }
    pending = [];
  };

  rawLines.forEach((raw, i) => {
    const lineNumber = i + 1;
    if (artifacts.has(lineNumber) || raw.trim() === '') return;
    // The rest of the previous page's last note, which a page break split (the layout says where).
    if (continuations.has(lineNumber)) {
      notes.at(-1)!.lines.push(line(lineNumber, raw.trim(), raw));
      return;
    }
    const inBody = lineNumber >= bodyFirst && lineNumber <= bodyLast;

    const noteStart = NOTE_START.exec(raw);
    if (noteStart) {
      if (!inNoteBlock) pageNotes = new Map();
      inNoteBlock = true;
      const text = raw.slice(noteStart[0].length).trim();
      if (noteStart[2]) {
        currentNote = { number: 0, mark: noteStart[2], lines: [line(lineNumber, text, raw)] };
      } else {
        currentNote = { number: notes.filter((n) => !n.mark).length + 1, lines: [line(lineNumber, text, raw)] };
        pageNotes.set(Number(noteStart[1]), currentNote);
      }
      notes.push(currentNote);
      return;
    }
    if (inNoteBlock && !PAGE_START.test(raw)) {
      currentNote!.lines.push(line(lineNumber, raw.trim(), raw));
      return;
    }
    if (inNoteBlock) {
      // The footnote block ended with its page: its markers are now resolvable.
      inNoteBlock = false;
      resolvePending();
    }

    if (!inBody || matterInBody.has(lineNumber)) {
      matter.push(line(lineNumber, raw.trim(), raw));
      return;
    }
    const text = raw.trim();
    const pageMarkers: { perPage: number; index: number }[] = [];
    for (const match of text.matchAll(MARKER)) {
      const index = pageMarkers.length;
      pageMarkers.push({ perPage: Number(match[1]), index });
      pending.push({ perPage: Number(match[1]), bodyIndex: body.length, index, lineNumber });
    }
    body.push({ ...line(lineNumber, text, raw), pageMarkers });
  });
  if (inNoteBlock) resolvePending();
  if (pending.length > 0) unresolved.push(...pending.map((m) => `line ${m.lineNumber}: [${m.perPage}] has no note`));
  if (unresolved.length > 0) throw new Error(`source ${path}: ${unresolved.join('; ')}`);

  const numberedBody = body.map(({ pageMarkers, ...rest }) => {
    let k = 0;
    return { ...rest, text: rest.text.replace(MARKER, () => `[^${pageMarkers[k++]!.perPage}]`) };
  });
  // Title notes (marked `*`) are front matter on the page.
  const titleNotes = notes.filter((n) => n.mark);
  return {
    body: numberedBody,
    notes: notes.filter((n) => !n.mark),
    matter: [...matter, ...titleNotes.flatMap((n) => n.lines)],
  };
}

/** Text with every kind of whitespace removed: the PDF's line and page breaks carry none of the text. */
export const squash = (text: string): string => text.replace(/[\s\u3000]+/g, '');

/** Runs of whitespace as one space, as HTML renders them. */
export const collapse = (text: string): string => text.replace(/[\s\u3000]+/g, ' ').trim();
