/**
 * Where Chinese text may break across lines, beyond what the browser knows.
 * Pure functions; the rehype steps in src/markdown/ and the report header
 * turn their answers into markup.
 */

const words = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });
const HAN = /\p{Script=Han}/u;

/** A run of Chinese this long or shorter fits any heading line, even on a small phone (12 characters or more). */
const SHORT_RUN = 8;

/**
 * Offsets in `text` between two words, where a heading set with
 * `word-break: keep-all` may break (src/markdown/rehype-heading-breaks.ts
 * marks them). Browsers otherwise
 * break Chinese between any two characters (W3C clreq allows it), so a heading
 * on a phone may part a word: 进/展. Words come from ICU's Chinese
 * dictionary through Intl.Segmenter, at build time: no script and no model
 * for the reader to download. BudouX's Simplified Chinese model was weighed
 * and cut these headings worse (多/边主义, C/PT/PP), and Chromium's
 * `word-break: auto-phrase` segments only Japanese.
 *
 * Only inside a run of Chinese longer than a short line (between spaces,
 * punctuation or Latin words, where the browser already breaks by its own
 * rules: no line begins with ：), and only between two words of two or more
 * characters: a word of one character stays with its neighbours, as the
 * dictionary's cuts around them are the least sure (共同|体, 联合|国 in
 * 以联合国为). A shorter run is kept whole, and costs no markup.
 */
export function wordBoundaries(text: string): number[] {
  const boundaries: number[] = [];
  let run: Intl.SegmentData[] = [];
  const closeRun = () => {
    if (run.reduce((length, word) => length + [...graphemes.segment(word.segment)].length, 0) > SHORT_RUN) {
      run.forEach((word, k) => {
        if (k > 0 && isLongWord(run[k - 1]!) && isLongWord(word)) boundaries.push(word.index);
      });
    }
    run = [];
  };
  for (const segment of words.segment(text)) {
    if (segment.isWordLike && HAN.test(segment.segment)) run.push(segment);
    else closeRun();
  }
  closeRun();
  return boundaries;
}

const isLongWord = ({ segment }: Intl.SegmentData) => [...graphemes.segment(segment)].length > 1;

/** `text` cut at `offsets` (ascending): the pieces, in order. */
export function cutAt(text: string, offsets: readonly number[]): string[] {
  return [0, ...offsets].map((start, k) => text.slice(start, offsets[k] ?? text.length));
}

/**
 * The text cut before its last `count` characters that are not punctuation
 * or white space (each a grapheme), so those and whatever follows them can be
 * kept on one line: `splitBeforeLast('不见疗效”。', 2)` is `['不见', '疗效”。']`.
 */
export function splitBeforeLast(text: string, count: number): [head: string, tail: string] {
  let cut = text.length;
  let found = 0;
  for (const { segment, index } of [...graphemes.segment(text)].reverse()) {
    if (found === count) break;
    cut = index;
    if (!/^[\p{P}\s]+$/u.test(segment)) found++;
  }
  return [text.slice(0, cut), text.slice(cut)];
}

/**
 * Numbers joined by hyphen-minus, as a date written 2021-12-01: browsers may
 * break a line after each hyphen (Unicode line breaking allows a break
 * between a hyphen and the digit after it), leaving "2021-" at the end of a
 * line on a 360 px phone. Such a group is kept on one line.
 */
export const HYPHENATED_NUMBER = /\d+(?:-\d+)+/g;

/**
 * `text` cut around each match of `pattern` (global): the pieces in order,
 * each match a piece marked `matched` (an empty match too, a place between
 * two pieces), with no empty piece between matches. Joined, the pieces are
 * `text` again. The typesetting steps mark the matched pieces up.
 */
export function matchPieces(text: string, pattern: RegExp): { text: string; matched: boolean }[] {
  const pieces: { text: string; matched: boolean }[] = [];
  let from = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > from) pieces.push({ text: text.slice(from, match.index), matched: false });
    pieces.push({ text: match[0], matched: true });
    from = match.index + match[0].length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from), matched: false });
  return pieces;
}
