/**
 * Where the body of an extracted text runs: after the front matter (masthead,
 * title, authors, abstract) and before the back matter (责任编辑, team lists).
 * The body starts at the first line of prose outside the abstract (or the
 * heading just above it) and ends at the last line that is not back matter,
 * a footnote or a page artifact.
 */
import { mayBeHeading } from './outline.ts';
import { parseIssueLine } from './page-artifacts.ts';
import type { TextLayout } from './rejoin.ts';
import { displayWidth, isBlank, LONE_NUMBER, MARKER_ONLY, type SourceLine } from './source-lines.ts';

/** `〔提   要〕`, `【摘要】`, `内容提要：`… at a line's start. */
export const ABSTRACT_LABEL = /^[〔【[(（]?\s*(?:内\s*容\s*)?(?:提\s*要|摘\s*要)\s*(?:[〕】\])）]\s*[:：]?|[:：])\s*/u;

/** Another labelled line of the front matter: `〔关键词〕…`, `【作者简介】…`. */
const LABELLED = /^[〔【[]\s*[\p{Script=Han}\s]{2,10}\s*[〕】\]]/u;

/** `【责任编辑：李静】`. */
export const EDITOR_LINE = /^[【〔[]?\s*责任编辑\s*[:：]\s*(.+?)\s*[】〕\]]?$/u;

const NAME_TOKENS = /^[\p{Script=Han}·•]{1,4}(?:[ \t\u3000]+[\p{Script=Han}·•]{1,4})*$/u;

/**
 * The names on a line of names, as printed: `任 琳 苏山岳` → 任琳, 苏山岳. A
 * two-character name is often spaced out to the width of a three-character
 * one, so single characters next to each other make one name.
 */
export function namesOf(text: string): string[] | undefined {
  if (!NAME_TOKENS.test(text)) return undefined;
  const names: string[] = [];
  let pending = '';
  for (const token of text.split(/[ \t\u3000]+/)) {
    if (Array.from(token).length === 1) {
      pending += token;
      continue;
    }
    if (pending) names.push(pending);
    pending = '';
    names.push(token);
  }
  if (pending) names.push(pending);
  return names;
}

/** A line listing team members: whole names (two to four characters), two or more unless `single` allows one. */
export const isMembersLine = (text: string, single = false): boolean => {
  const tokens = text.split(/[ \t\u3000]+/);
  return NAME_TOKENS.test(text) && tokens.length >= (single ? 1 : 2) && tokens.every((t) => Array.from(t).length >= 2);
};

/** A team's name above its members: a short run of Han characters. */
export const isTeamName = (text: string): boolean => /^[\p{Script=Han}]{2,16}$/u.test(text) && !isMembersLine(text);

export interface Abstract {
  lines: SourceLine[];
}

/**
 * The abstract that starts on `lines[start]`: in a wrapped text every line up
 * to the first one short of the abstract's own (indented) column; otherwise
 * the one line.
 */
export function abstractFrom(lines: readonly SourceLine[], start: number, layout: TextLayout, skip: (line: SourceLine) => boolean): Abstract {
  const taken = [lines[start]!];
  if (layout.kind !== 'wrapped') return { lines: taken };
  const following = lines.slice(start + 1).filter((line) => !isBlank(line) && !skip(line) && !MARKER_ONLY.test(line.text));
  // The abstract's own column, often narrower than the body's: its first lines.
  const second = following[0] ? displayWidth(following[0].text) : 0;
  const column = Math.max(displayWidth(lines[start]!.text), second < layout.width - 2 ? second : 0);
  let previous = lines[start]!;
  for (const line of following) {
    if (displayWidth(previous.text) < column - 3) break;
    if (ABSTRACT_LABEL.test(line.text) || LABELLED.test(line.text)) break;
    const width = displayWidth(line.text);
    if (width > column + 2) {
      // Wider than the abstract: body text. A full body line goes on a
      // paragraph whose (indented) first line was taken for the abstract's.
      if (width >= layout.width - 2 && taken.length > 1) taken.pop();
      break;
    }
    taken.push(line);
    previous = line;
  }
  return { lines: taken };
}

/** A line of running text: long, with Chinese punctuation. */
const isProse = (text: string) => displayWidth(text) >= 20 && /[，。；！？]/.test(text) && !parseIssueLine(text);

/**
 * In a wrapped text, a line as wide as the column (less the indent) with a
 * full line after it: body text, even without punctuation.
 */
function startsWrappedParagraph(lines: readonly SourceLine[], i: number, layout: TextLayout, skip: (line: SourceLine) => boolean): boolean {
  if (layout.kind !== 'wrapped' || displayWidth(lines[i]!.text) < layout.width - 6 || namesOf(lines[i]!.text)) return false;
  const next = lines.slice(i + 1).find((line) => !isBlank(line) && !skip(line));
  return next !== undefined && displayWidth(next.text) >= layout.width - 2;
}

export interface Regions {
  /** First and last line of the body. */
  body: [number, number];
  abstract?: Abstract;
}

/**
 * The body's first and last lines. `skip` says which lines are not text of
 * their own here: footnote lines.
 */
export function findRegions(lines: readonly SourceLine[], layout: TextLayout, skip: (line: SourceLine) => boolean, repeated: ReadonlySet<string>): Regions {
  let abstract: Abstract | undefined;
  let start: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line) || skip(line) || MARKER_ONLY.test(line.text)) continue;
    if (!abstract && ABSTRACT_LABEL.test(line.text)) {
      abstract = abstractFrom(lines, i, layout, skip);
      i = abstract.lines.at(-1)!.number - 1;
      continue;
    }
    if (LABELLED.test(line.text)) continue;
    if (isProse(line.text) || startsWrappedParagraph(lines, i, layout, skip)) {
      start = i;
      break;
    }
  }
  if (start === undefined) throw new ImportError('no paragraph of running text found: is this a text extracted from a report?');
  start = headingsAbove(lines, start, (line) => skip(line) || repeated.has(line.text));

  let end = lines.length - 1;
  while (end > start) {
    const line = lines[end]!;
    const text = line.text;
    if (isBlank(line) || skip(line) || LONE_NUMBER.test(text) || parseIssueLine(text) || repeated.has(text) || EDITOR_LINE.test(text)) {
      end--;
      continue;
    }
    const team = teamAbove(lines, end, skip);
    if (team !== undefined) {
      end = team - 1;
      continue;
    }
    break;
  }
  return { body: [lines[start]!.number, lines[end]!.number], ...(abstract ? { abstract } : {}) };
}

/** Headings right above the first paragraph (no more than the usual gap between lines) belong to the body. */
function headingsAbove(lines: readonly SourceLine[], start: number, skip: (line: SourceLine) => boolean): number {
  let first = start;
  for (;;) {
    let i = first - 1;
    let blanks = 0;
    while (i >= 0 && (isBlank(lines[i]!) || skip(lines[i]!))) {
      if (isBlank(lines[i]!)) blanks++;
      i--;
    }
    const line = lines[i];
    // A line of names (or a single short name) above the text is the byline, not a heading.
    const names = namesOf(line?.text ?? '');
    const byline = names !== undefined && (names.length > 1 || Array.from(line!.text).length <= 3);
    const titleWithMark = /[*＊]$/.test(line?.text ?? '');
    if (!line || blanks > 1 || !mayBeHeading(line.text) || byline || titleWithMark || parseIssueLine(line.text)) return first;
    first = i;
  }
}

/** The index of a team's name line when `lines[end]` is the last line of its member list. */
function teamAbove(lines: readonly SourceLine[], end: number, skip: (line: SourceLine) => boolean): number | undefined {
  let i = end;
  let lists = 0;
  let lines_ = 0;
  for (; i >= 0; i--) {
    const line = lines[i]!;
    if (isBlank(line) || skip(line)) continue;
    // The last line of a list may hold a single name.
    if (!isMembersLine(line.text, lines_ === 0)) break;
    lines_++;
    if (isMembersLine(line.text)) lists++;
  }
  const name = lines[i];
  return lists > 0 && name && isTeamName(name.text) ? i : undefined;
}

/** Input the import cannot read as a report: the message names the problem. */
export class ImportError extends Error {}
