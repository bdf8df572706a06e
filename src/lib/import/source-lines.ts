/**
 * A text extracted from a PDF, line by line, and the measures every import
 * step shares: how wide a line is on the printed page, whether a text ends a
 * sentence, where a note marker stands.
 *
 * Line numbers are 1-based and refer to the source text, which never changes:
 * every finding the import reports names the line an editor has to look at.
 */

export interface SourceLine {
  /** 1-based line number in the source text. */
  number: number;
  /** The line as extracted (without its line break or form feed). */
  raw: string;
  /** The line without surrounding white space. */
  text: string;
  /** The extractor kept a space at the end: a word break between Latin words. */
  trailingSpace: boolean;
  /**
   * Indented by exactly one space: in these extractions the first body line
   * of a page that follows a footnote block.
   */
  pageStartIndent: boolean;
  /** A form feed stood on this line: a page break before it. */
  formFeed: boolean;
}

export function readSourceLines(text: string): SourceLine[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, index) => {
      const raw = line.replace(/\f/g, '');
      return {
        number: index + 1,
        raw,
        text: raw.trim(),
        trailingSpace: /\S[ \t\u3000]+$/.test(raw),
        pageStartIndent: /^ \S/.test(raw),
        formFeed: line.includes('\f'),
      };
    });
}

export const isBlank = (line: SourceLine): boolean => line.text === '';

/**
 * Characters set on a full em in Chinese typesetting: Han, kana, hangul, CJK
 * and full-width punctuation, the curly quotes, dashes, ellipsis and middle
 * dots of Chinese text. Everything else (Latin letters, digits, ASCII
 * punctuation) takes about half an em.
 */
const FULL_WIDTH =
  /[\u1100-\u115f\u2e80-\u303f\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u2022\u{20000}-\u{3fffd}]/u;

/** Han, kana, CJK and full-width punctuation: text joined across a line break without a space. */
const CJK = /[\u2e80-\u303f\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2014\u2026\u{20000}-\u{3fffd}]/u;

export const isCjk = (char: string): boolean => CJK.test(char);

/** Width in half-ems: a Han character counts 2, a Latin letter or digit 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += FULL_WIDTH.test(char) ? 2 : 1;
  return width;
}

/** A per-page note marker in the body: `[3]`. */
export const MARKER = /\[(\d{1,3})\]/g;

/** The start of a note in a footnote block: `[3]　…` or, for a note on the title, `*　…`. */
export const NOTE_START = /^\s*(?:\[(\d{1,3})\]|(\*))\u3000/;

/**
 * A reference to note N inside text on its way to MDX, written `[^N]` only
 * at the end: private-use characters, so no escaping or joining step can
 * take it for text of the source.
 */
export const noteReference = (number: number): string => `\uE000${number}\uE001`;
export const NOTE_REFERENCE = /\uE000(\d+)\uE001/g;

/** A line that is nothing but a note marker. */
export const MARKER_ONLY = /^\[(\d{1,3})\]$/;

/** A page number on a line of its own. */
export const LONE_NUMBER = /^\d{1,4}$/;

const CLOSERS = /[”’」』）》〕】)\]"'\s]+$/u;
const TRAILING_MARKERS = /(?:(?:\[\d{1,3}\]|\uE000\d+\uE001)\s*)+$/;

/** The text without note markers and closing quotes or brackets at its end. */
function stripEnd(text: string): string {
  let rest = text.replace(TRAILING_MARKERS, '');
  for (;;) {
    const next = rest.replace(CLOSERS, '').replace(TRAILING_MARKERS, '');
    if (next === rest) return rest;
    rest = next;
  }
}

/**
 * Whether a body text ends where a paragraph may end: after 。！？；：…
 * (closing quotes, brackets and note markers may follow).
 */
export function endsSentence(text: string): boolean {
  return /[。！？；：…!?]$/.test(stripEnd(text));
}

/** Whether a note's text looks complete: it ends a sentence, or a citation with a full stop. */
export function endsNote(text: string): boolean {
  return /[。！？.!?]$/.test(stripEnd(text));
}

/** The text with every kind of white space removed: what the PDF's line and page breaks cannot change. */
export const squash = (text: string): string => text.replace(/[\s\u3000]+/g, '');
