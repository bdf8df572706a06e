/**
 * Links to a passage: text fragments (`#:~:text=`, URL Fragment Text
 * Directives, WICG) built from a reader's selection. Pure logic: the browser
 * side (src/scripts/passage-link.ts) hands in the text of the blocks where
 * the selection starts and ends and the offsets into them.
 *
 * Browsers match a text directive only on word boundaries, and for Chinese
 * they find the words with a dictionary (ICU), not at spaces. A selection that
 * starts or ends inside a word would never match, so both ends are first
 * widened to whole words with `Intl.Segmenter` (the same ICU segmentation).
 *
 * A long passage is named by its first and last words (`textStart,textEnd`);
 * a few words before and after it (`prefix-,` and `,-suffix`) pin it down
 * when the same words occur elsewhere on the page.
 */

/** Characters of text that name a passage's start or end when the passage is too long to quote whole. */
const EDGE_CHARS = 16;
/** A passage up to this long is quoted whole. */
const WHOLE_CHARS = 48;
/** Context before and after the passage. */
const CONTEXT_CHARS = 8;

export interface TextDirective {
  textStart: string;
  textEnd?: string | undefined;
  prefix?: string | undefined;
  suffix?: string | undefined;
}

export interface PassageSelection {
  /** Text of the block (paragraph, heading, list item) where the selection starts. */
  startBlock: string;
  /** UTF-16 offset into startBlock where the selection starts. */
  startOffset: number;
  /** Text of the block where it ends; the same string as startBlock for a selection inside one block. */
  endBlock: string;
  /** UTF-16 offset into endBlock where the selection ends (exclusive). */
  endOffset: number;
  /** Whether both ends are in one block. */
  sameBlock: boolean;
}

interface Word {
  start: number;
  end: number;
}

export type Segment = (text: string) => Iterable<{ index: number; segment: string }>;

/** Word segmentation as browsers do it: `Intl.Segmenter` for the page's language. */
export function wordSegmenter(locale: string): Segment {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  return (text) => segmenter.segment(text);
}

function wordsOf(text: string, segment: Segment): Word[] {
  return Array.from(segment(text), (s) => ({ start: s.index, end: s.index + s.segment.length }));
}

/** Start of the word containing `offset` (or `offset` itself at a boundary). */
function wordStartAt(words: Word[], offset: number): number {
  return words.find((w) => w.start <= offset && offset < w.end)?.start ?? offset;
}

/** End of the word containing the character before `offset`. */
function wordEndAt(words: Word[], offset: number): number {
  return words.find((w) => w.start < offset && offset <= w.end)?.end ?? offset;
}

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/** Runs of whitespace read as one space, as the browser's matching does. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text directive for a selection, or undefined when it selects no words.
 * Both ends snap outward to word boundaries; leading and trailing space is dropped.
 */
export function passageDirective(selection: PassageSelection, segment: Segment): TextDirective | undefined {
  const startWords = wordsOf(selection.startBlock, segment);
  const endWords = selection.sameBlock ? startWords : wordsOf(selection.endBlock, segment);
  const { startBlock, endBlock } = selection;

  let start = wordStartAt(startWords, selection.startOffset);
  let end = wordEndAt(endWords, selection.endOffset);
  while (start < startBlock.length && isSpace(startBlock[start])) start++;
  while (end > 0 && isSpace(endBlock[end - 1])) end--;
  if (selection.sameBlock ? end <= start : start >= startBlock.length || end <= 0) return undefined;

  const prefix = collapse(startBlock.slice(wordStartAt(startWords, Math.max(0, start - CONTEXT_CHARS)), start));
  const suffix = collapse(endBlock.slice(end, wordEndAt(endWords, Math.min(endBlock.length, end + CONTEXT_CHARS))));
  const context = { ...(prefix && { prefix }), ...(suffix && { suffix }) };

  if (selection.sameBlock && end - start <= WHOLE_CHARS) {
    return { textStart: collapse(startBlock.slice(start, end)), ...context };
  }
  // Long or spanning blocks: the first words from the start, the last words up to the end.
  const startLimit = selection.sameBlock ? end : startBlock.length;
  const textStart = startBlock.slice(start, Math.min(startLimit, wordEndAt(startWords, start + EDGE_CHARS)));
  const endFloor = selection.sameBlock ? start + textStart.length : 0;
  const textEnd = endBlock.slice(Math.max(endFloor, wordStartAt(endWords, end - EDGE_CHARS)), end);
  return { textStart: collapse(textStart), textEnd: collapse(textEnd), ...context };
}

/**
 * Percent-encodes one part of a directive. Beyond encodeURIComponent, `-` is
 * encoded too: with `&` and `,` (which encodeURIComponent already encodes) it
 * is part of the directive's own syntax (`prefix-,start,end,-suffix`).
 */
export function encodeDirectivePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** `text=prefix-,start,end,-suffix`, each part encoded. */
export function textDirectiveString(directive: TextDirective): string {
  const parts = [
    directive.prefix && `${encodeDirectivePart(directive.prefix)}-`,
    encodeDirectivePart(directive.textStart),
    directive.textEnd && encodeDirectivePart(directive.textEnd),
    directive.suffix && `-${encodeDirectivePart(directive.suffix)}`,
  ].filter((part): part is string => Boolean(part));
  return `text=${parts.join(',')}`;
}

/**
 * The link to a passage: the page, the enclosing section's id as the
 * fragment (where a browser without text fragments, or a passage since
 * changed, still lands), then the directive. Without a directive (the
 * copying browser cannot make one), the section link alone.
 */
export function passageUrl(pageUrl: string, sectionId: string | undefined, directive: TextDirective | undefined): string {
  const base = pageUrl.replace(/#.*$/, '');
  const fragment = sectionId ? encodeURIComponent(sectionId) : '';
  if (!directive) return fragment ? `${base}#${fragment}` : base;
  return `${base}#${fragment}:~:${textDirectiveString(directive)}`;
}

/** The element id in a fragment that may carry a directive: `#一、引言:~:text=…` → `一、引言`. */
export function fragmentId(hash: string): string {
  const fragment = hash.replace(/^#/, '').split(':~:')[0] ?? '';
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
