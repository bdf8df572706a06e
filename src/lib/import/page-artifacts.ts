/**
 * What the PDF's pages added to the text: running heads, page numbers and
 * page breaks. Found from the text's own structure, never from a list of
 * known strings: a running head is a short line that repeats at the page
 * tops or repeats the title or the journal line; a page number is a number
 * alone on its line between body lines.
 */
import { displayWidth, endsSentence, isBlank, LONE_NUMBER, squash, type SourceLine } from './source-lines.ts';

export interface IssueLine {
  /** The journal or series name; a journal's is printed in 《》. */
  name: string;
  journal: boolean;
  year: number;
  issue: number;
}

const ISSUE_AT_END = /^(.*?)\s*(\d{4})\s*年\s*第\s*(\d{1,3})\s*期$/u;
const ISSUE_PREFIX = /^(?:《([^》]+)》|([\p{Script=Han}A-Za-z ]{0,24}))$/u;

/**
 * `《国际问题研究》2023 年第 6 期`, `国际组织与多边动态 2022年第3期` or a bare
 * `2022年第3期`: the journal or series, year and issue.
 */
export function parseIssueLine(text: string): IssueLine | undefined {
  const match = ISSUE_AT_END.exec(text.trim());
  if (!match) return undefined;
  const prefix = ISSUE_PREFIX.exec(match[1]!);
  if (!prefix) return undefined;
  return {
    name: (prefix[1] ?? prefix[2] ?? '').trim(),
    journal: prefix[1] !== undefined,
    year: Number(match[2]),
    issue: Number(match[3]),
  };
}

/** A title compared as the running heads print it: no spaces, no note mark. */
export const titleKey = (text: string): string => squash(text).replace(/[*＊]+$/, '');

/** A running head is short: half a line of body text at most. */
const HEAD_WIDTH = 60;

/**
 * Short lines that occur three times or more (outside the notes): what a
 * PDF repeats at the top of its pages. Text repeats that rarely in prose.
 */
export function repeatedShortLines(lines: readonly SourceLine[], isNoteLine: (line: SourceLine) => boolean): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (isBlank(line) || isNoteLine(line) || LONE_NUMBER.test(line.text)) continue;
    if (displayWidth(line.text) > HEAD_WIDTH || endsSentence(line.text)) continue;
    counts.set(line.text, (counts.get(line.text) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count >= 3).map(([text]) => text));
}

export interface RunningHeadContext {
  /** `titleKey` of the report's title, once known. */
  title?: string;
  repeated: ReadonlySet<string>;
}

/** Why a line inside the body is a running head, or undefined when it is not one. */
export function runningHeadReason(line: SourceLine, context: RunningHeadContext): string | undefined {
  if (displayWidth(line.text) > HEAD_WIDTH) return undefined;
  if (context.title !== undefined && titleKey(line.text) === context.title) return 'running head';
  if (parseIssueLine(line.text)) return 'running head';
  if (context.repeated.has(line.text)) return 'running head';
  return undefined;
}

/** Whether a line is a page number: a number alone on its line. Only asked of lines inside the body. */
export const isPageNumber = (line: SourceLine): boolean => LONE_NUMBER.test(line.text);

/**
 * Lines that follow an unusually long run of blank lines: where a text that
 * separates its lines or paragraphs by one blank line marks a page break.
 */
export function pageBreaksFromBlankRuns(lines: readonly SourceLine[]): Set<number> {
  const runs: { length: number; next: number }[] = [];
  let blanks = 0;
  let seenText = false;
  for (const line of lines) {
    if (isBlank(line)) {
      blanks++;
      continue;
    }
    if (seenText) runs.push({ length: blanks, next: line.number });
    seenText = true;
    blanks = 0;
  }
  const counts = new Map<number, number>();
  for (const run of runs) counts.set(run.length, (counts.get(run.length) ?? 0) + 1);
  const usual = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 1;
  return new Set(runs.filter((run) => run.length >= Math.max(usual + 2, 2)).map((run) => run.next));
}
