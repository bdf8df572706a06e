/**
 * The authors' outline, found in the paragraphs: `No. 1` followed by its
 * title, `一、…`, `（一）…`, and an unnumbered short line standing before
 * the text it introduces (专题序言). Levels follow the numbering in that
 * order of rank: the highest kind present is `##`, the next `###`.
 */
import type { Finding } from './findings.ts';
import type { Paragraph } from './rejoin.ts';
import { displayWidth, endsSentence } from './source-lines.ts';

export type HeadingKind = 'no' | 'numeral' | 'parenthesized';

const KINDS: readonly HeadingKind[] = ['no', 'numeral', 'parenthesized'];

const NO_LINE = /^No\.\s*\d{1,3}$/;
const NUMERAL = /^[一二三四五六七八九十]{1,3}、\S/;
const PARENTHESIZED = /^[（(][一二三四五六七八九十]{1,3}[）)]\s*\S/;

/** The numbering a line starts with, if it is one of the outline's. */
export function headingKind(text: string): HeadingKind | undefined {
  if (NO_LINE.test(text)) return 'no';
  if (NUMERAL.test(text)) return 'numeral';
  if (PARENTHESIZED.test(text)) return 'parenthesized';
  return undefined;
}

/** A heading is a line of its own: shorter than this (in half-ems), and no sentence end. */
const HEADING_WIDTH = 80;
const UNNUMBERED_WIDTH = 32;

/** A short line with no punctuation: the look of an unnumbered heading. */
function unnumbered(text: string): boolean {
  return displayWidth(text) <= UNNUMBERED_WIDTH && /\p{Script=Han}/u.test(text) && !/[，。；！？、,.;!?“”]/u.test(text);
}

/**
 * Whether a line may stand alone as a heading. `maxWidth` is the most a
 * heading may take: less than a full line of a wrapped text.
 */
export function mayBeHeading(text: string, maxWidth = HEADING_WIDTH): boolean {
  if (endsSentence(text) || displayWidth(text) > maxWidth) return false;
  return headingKind(text) !== undefined || unnumbered(text);
}

/** The title after a `No. 1` line: a line of its own with no sentence end. */
export function mayBeTitle(text: string, maxWidth = HEADING_WIDTH): boolean {
  return !endsSentence(text) && displayWidth(text) <= maxWidth && headingKind(text) === undefined && /\p{Script=Han}/u.test(text);
}

/** `mayBeHeading`, or the title after a `No. 1` line. */
export function mayBeHeadingAfter(text: string, previous: string | undefined, maxWidth = HEADING_WIDTH): boolean {
  return mayBeHeading(text, maxWidth) || (previous !== undefined && headingKind(previous) === 'no' && mayBeTitle(text, maxWidth));
}

export type Block =
  | { kind: 'heading'; level: number; text: string; number?: string; paragraphs: Paragraph[] }
  | { kind: 'paragraph'; paragraph: Paragraph };

/** Paragraphs as headings and paragraphs, each heading at its level. */
export function findOutline(paragraphs: readonly Paragraph[], findings: Finding[], maxWidth = HEADING_WIDTH): Block[] {
  const single = (p: Paragraph | undefined) => (p && p.lines.length === 1 ? p.lines[0]!.line.text : undefined);
  const present = new Set<HeadingKind>();
  for (const p of paragraphs) {
    const text = single(p);
    const kind = text === undefined ? undefined : headingKind(text);
    if (kind && mayBeHeading(text!, maxWidth)) present.add(kind);
  }
  const ranked = KINDS.filter((kind) => present.has(kind));
  const levelOf = (kind: HeadingKind) => 2 + ranked.indexOf(kind);

  const blocks: Block[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    const text = single(paragraph);
    const kind = text === undefined ? undefined : headingKind(text);
    if (text !== undefined && kind === 'no') {
      const title = paragraphs[i + 1];
      const titleText = single(title);
      if (title && titleText !== undefined && mayBeTitle(titleText, maxWidth)) {
        blocks.push({ kind: 'heading', level: levelOf(kind), number: paragraph.text, text: title.text, paragraphs: [paragraph, title] });
        i++;
        continue;
      }
      findings.push({ line: paragraph.lines[0]!.line.number, kind: 'uncertain', message: `"${text}" has no title line after it: written as a heading on its own` });
      blocks.push({ kind: 'heading', level: levelOf(kind), text: paragraph.text, paragraphs: [paragraph] });
      continue;
    }
    if (text !== undefined && kind !== undefined && mayBeHeading(text, maxWidth)) {
      blocks.push({ kind: 'heading', level: levelOf(kind), text: paragraph.text, paragraphs: [paragraph] });
      continue;
    }
    // A numbered heading longer than a line, wrapped onto a second one: no sentence in it.
    const wrappedKind = paragraph.lines.length === 2 ? headingKind(paragraph.lines[0]!.line.text) : undefined;
    if (wrappedKind && wrappedKind !== 'no' && !/[。！？]/.test(paragraph.text) && !endsSentence(paragraph.text) && displayWidth(paragraph.text) <= 2 * maxWidth) {
      present.add(wrappedKind);
      findings.push({ line: paragraph.lines[0]!.line.number, kind: 'uncertain', message: `a numbered heading over two lines: joined into one heading ("${paragraph.text}")` });
      blocks.push({ kind: 'heading', level: levelOf(wrappedKind), text: paragraph.text, paragraphs: [paragraph] });
      continue;
    }
    const next = paragraphs[i + 1];
    if (text !== undefined && mayBeHeading(text, maxWidth) && next && !mayBeHeading(next.lines[0]!.line.text, maxWidth)) {
      findings.push({
        line: paragraph.lines[0]!.line.number,
        kind: 'uncertain',
        message: `an unnumbered short line before a paragraph: written as a top-level heading ("${text}")`,
      });
      blocks.push({ kind: 'heading', level: 2, text: paragraph.text, paragraphs: [paragraph] });
      continue;
    }
    blocks.push({ kind: 'paragraph', paragraph });
  }
  return blocks;
}
