/**
 * Restoring the text the PDF wrapped: lines joined back into paragraphs, with
 * no space between Chinese characters, the space kept between Latin words,
 * and URLs that the line width broke joined whole.
 *
 * Two layouts occur in extracted texts:
 * - `wrapped`: every printed line is a line of text (journal articles). A
 *   paragraph's first line is indented two characters and its last line is
 *   short; every other line fills the column. Those widths are what tell
 *   where a paragraph ends, since the extractor drops the indent.
 * - `paragraph-per-line`: the extractor already joined the lines of a
 *   paragraph (institute reports); only a page break splits a paragraph, and
 *   then the line before the break does not end a sentence.
 */
import { displayWidth, endsSentence, isCjk, type SourceLine } from './source-lines.ts';
import type { Finding } from './findings.ts';
import { headingKind } from './outline.ts';

export type TextLayout = { kind: 'wrapped'; width: number } | { kind: 'paragraph-per-line' };

/** Lines this wide or wider (in half-ems) are the lines a layout is measured on. */
const MEASURED_WIDTH = 16;

/**
 * The column width of a wrapped text: the most common width of its longer
 * lines, give or take the squeeze of punctuation. A text whose lines mostly
 * share no width has one line per paragraph.
 */
export function detectLayout(lines: readonly SourceLine[]): TextLayout {
  const widths = lines.map((line) => displayWidth(line.text)).filter((width) => width >= MEASURED_WIDTH);
  if (widths.length < 8) return { kind: 'paragraph-per-line' };
  const counts = new Map<number, number>();
  for (const width of widths) counts.set(width, (counts.get(width) ?? 0) + 1);
  let best = 0;
  let bestShare = 0;
  for (const width of counts.keys()) {
    // A full line may come out a little narrower or wider than the column.
    let near = 0;
    for (let w = width - 2; w <= width + 2; w++) near += counts.get(w) ?? 0;
    if (near > bestShare || (near === bestShare && width > best)) {
      best = width;
      bestShare = near;
    }
  }
  if (bestShare / widths.length < 0.35) return { kind: 'paragraph-per-line' };
  // The most common exact width within that band is the column.
  let column = best;
  for (let w = best - 2; w <= best + 2; w++) if ((counts.get(w) ?? 0) > (counts.get(column) ?? 0)) column = w;
  return { kind: 'wrapped', width: column };
}

/** A URL running to the end of a text, not yet closed by a space or Chinese punctuation. */
const URL_AT_END = /(?:https?:\/\/|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]*$/u;
const URL_CONTINUES = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;
/** Full-width punctuation carries its own spacing: a space beside it is the extractor's. */
const FULL_WIDTH_PUNCTUATION = /[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;
const ENDS_WITH_MARKER = /(?:\[\d{1,3}\]|\uE001)$/;

/** Whether a line stops inside a URL that goes on on the next line (no space ends it). */
export function endsInsideUrl(text: string, trailingSpace: boolean): boolean {
  return !trailingSpace && URL_AT_END.test(text);
}

export interface Join {
  /** What goes between the two lines: nothing, or one space. */
  separator: '' | ' ';
  /** Why this join may be wrong, for the editor. */
  doubt?: string;
}

/**
 * What separates two lines of one paragraph or note when they are joined.
 * `previous.text` is the text so far (a footnote block's prefix already
 * cut); `trailingSpace` whether the extractor left a space at the end of
 * the line before.
 */
export function joinOf(previous: { text: string; trailingSpace: boolean }, next: string): Join {
  const last = previous.text.slice(-1);
  const first = next.charAt(0);
  if (endsInsideUrl(previous.text, previous.trailingSpace) && URL_CONTINUES.test(next)) return { separator: '' };
  // The extractor keeps the space that stood where the line broke: a word
  // space, except between Chinese characters, beside full-width punctuation
  // and after a note marker (the marker's own spacing).
  if (previous.trailingSpace) {
    const between = (isCjk(last) && isCjk(first)) || FULL_WIDTH_PUNCTUATION.test(last) || FULL_WIDTH_PUNCTUATION.test(first);
    return { separator: between || ENDS_WITH_MARKER.test(previous.text) ? '' : ' ' };
  }
  if (/[A-Za-z]/.test(last) && /[A-Za-z]/.test(first)) {
    return {
      separator: ' ',
      doubt: `a Latin word ends the line and another starts the next with no space between them: joined with a space ("${previous.text.slice(-12)} ${next.slice(0, 12)}")`,
    };
  }
  if (last === '-' && /[A-Za-z]/.test(first)) {
    return { separator: '', doubt: `a line ends in a hyphen: kept, joined without a space ("${previous.text.slice(-12)}${next.slice(0, 12)}")` };
  }
  // Chinese text, or a word the extractor split: nothing between.
  return { separator: '' };
}

/** Lines joined into one text, recording every doubtful join by the line it follows. */
export function joinLines(
  parts: readonly { text: string; line: SourceLine }[],
  findings: Finding[],
): string {
  let text = '';
  parts.forEach((part, i) => {
    if (i === 0) {
      text = part.text;
      return;
    }
    const previous = parts[i - 1]!;
    // The text so far, not the previous line alone: a URL may run over three lines.
    const join = joinOf({ text, trailingSpace: previous.line.trailingSpace }, part.text);
    if (join.doubt) findings.push({ line: previous.line.number, kind: 'uncertain', message: join.doubt });
    text += join.separator + part.text;
  });
  return text;
}

/** A body line on its way into a paragraph: the source line and its text with note references rewritten. */
export interface BodyLine {
  line: SourceLine;
  /** The text as it will be published: per-page markers already rewritten as `[^N]`. */
  text: string;
  /** A page break lies between this line and the previous body line. */
  pageBreakBefore: boolean;
}

export interface Paragraph {
  lines: BodyLine[];
  text: string;
}

/**
 * Whether a line could be a heading (short, no sentence end; the title after
 * a `No. 1` line too), given the line before it. Decided finally in outline.ts.
 */
export type HeadingTest = (text: string, previous?: string) => boolean;

/**
 * Body lines grouped into paragraphs and joined. `isHeading` says which lines
 * may stand alone as headings, so a paragraph ends before and after them.
 */
export function buildParagraphs(
  lines: readonly BodyLine[],
  layout: TextLayout,
  isHeading: HeadingTest,
  findings: Finding[],
): Paragraph[] {
  const groups: BodyLine[][] = [];
  let current: BodyLine[] = [];
  lines.forEach((line, k) => {
    current.push(line);
    const next = lines[k + 1];
    const ends =
      next === undefined ||
      (layout.kind === 'wrapped'
        ? endsWrappedParagraph(current, lines[k - current.length], next, lines[k + 2], layout.width, isHeading, findings)
        : endsLineParagraph(line, next, lines[k - 1], isHeading, findings));
    if (ends) {
      groups.push(current);
      current = [];
    }
  });
  return groups.map((group) => ({
    lines: group,
    text: joinLines(
      group.map((l) => ({ text: l.text, line: l.line })),
      findings,
    ),
  }));
}

/** A paragraph's first line is indented by two characters (four half-ems). */
const INDENT = 4;

function endsWrappedParagraph(
  paragraph: readonly BodyLine[],
  before: BodyLine | undefined,
  next: BodyLine,
  afterNext: BodyLine | undefined,
  column: number,
  isHeading: HeadingTest,
  findings: Finding[],
): boolean {
  const line = paragraph.at(-1)!;
  const text = line.line.text;
  const previous = paragraph.length > 1 ? undefined : before?.line.text;
  const width = displayWidth(text);
  const nextWidth = displayWidth(next.line.text);
  // A heading as wide as a line: one of its own only if the next line starts a paragraph (indented) or is a heading.
  const standsAlone =
    width <= column - 8 || (nextWidth >= column - INDENT - 3 && nextWidth < column - 2) || headingKind(next.line.text) !== undefined;
  if (paragraph.length === 1 && isHeading(text, previous) && standsAlone) return true;
  if (isHeading(next.line.text, text) && endsSentence(text)) return true;
  const capacity = paragraph.length === 1 ? column - INDENT : column;
  // Two characters or more short of the column, and not because the next
  // line's first word would not have fitted: the paragraph ends here.
  if (capacity - width >= 4 && !firstWordWouldNotFit(line, next.line.text, capacity)) {
    if (!endsSentence(text) && headingKind(paragraph[0]!.line.text) === undefined) {
      findings.push({
        line: line.line.number,
        kind: 'uncertain',
        message: `a short line that does not end a sentence: read as the end of a paragraph ("…${text.slice(-10)}")`,
      });
    }
    return true;
  }
  if (!endsSentence(text)) return false;
  // The line is full and ends a sentence: the next line says whether a new
  // paragraph starts (indented, so narrower than the column) or this one goes on.
  // A next line cut short by a word that would not fit is as good as full.
  if (nextWidth >= column - 2 || (afterNext && firstWordWouldNotFit(next, afterNext.line.text, column))) return false;
  // Indented, or a remark wholly in brackets: a paragraph of its own.
  if (nextWidth >= column - INDENT - 3 || /^[（(].*[）)]$/.test(next.line.text)) return true;
  findings.push({
    line: next.line.number,
    kind: 'uncertain',
    message: `the line before fills the column and ends a sentence, this short line may be a paragraph of its own: joined to it ("${next.line.text.slice(0, 12)}…")`,
  });
  return false;
}

/**
 * What a line cannot be broken inside at its start, when wider than a
 * character: a Latin word or number, or opening quotes or brackets with the
 * character they open.
 */
const LEADING_WORD = /^(?:[“‘(（《「『]*[A-Za-z0-9][\w.\-/:%'’,]*|[“‘(（《「『]+.)/u;

/**
 * Whether the next line's first word (with the space before it and the
 * punctuation it carries) would have overflowed this line: then the line
 * ended early for that word, not for a paragraph's end.
 */
function firstWordWouldNotFit(line: BodyLine, next: string, capacity: number): boolean {
  const word = LEADING_WORD.exec(next)?.[0];
  if (word === undefined) return false;
  const space = line.line.trailingSpace ? 1 : 0;
  const punctuation = /^[，。、；：？！”’）》」』,.;:?!)]/u.test(next.slice(word.length)) ? 1 : 0;
  return displayWidth(line.line.text) + space + displayWidth(word) + punctuation > capacity - 2;
}

function endsLineParagraph(line: BodyLine, next: BodyLine, before: BodyLine | undefined, isHeading: HeadingTest, findings: Finding[]): boolean {
  const text = line.line.text;
  if (endsSentence(text)) return true;
  // A paragraph that a page break split: the line before the break stops
  // mid-sentence, even when that leaves a short line (unless a numbered heading stands there).
  if (next.pageBreakBefore && headingKind(text) === undefined && headingKind(next.line.text) === undefined && headingKind(before?.line.text ?? '') !== 'no') {
    return false;
  }
  if (isHeading(text, before?.line.text) || isHeading(next.line.text, text)) return true;
  findings.push({
    line: line.line.number,
    kind: 'uncertain',
    message: `the line does not end a sentence but no page break follows: the next line starts a new paragraph ("…${text.slice(-10)}")`,
  });
  return true;
}
