/**
 * A text extracted from a PDF turned into a report: its MDX file (front
 * matter drafted, paragraphs restored, notes numbered and placed, outline
 * found) and its layout file (the body's lines and what the PDF added), with
 * the list of what was removed and every place the import was unsure of.
 *
 * The import checks itself before it returns: every line of the source is on
 * the page (body, note, front or back matter) or listed as removed, and the
 * MDX it wrote, parsed as the build parses it, shows exactly the characters
 * of the body and of every note. A failure there is a bug of the import, and
 * it stops rather than write a report that drops text.
 */
import { formatPublication } from '../publication.ts';
import type { Report } from '../report-schema.ts';
import { formatSourceLayout, type RemovedLine, type SourceLayout } from '../source-layout.ts';
import { sortFindings, type Finding } from './findings.ts';
import { collectFootnotes, resolveMarkers, withReferences, type SourceNote } from './footnotes.ts';
import { draftFrontMatter, readFront, writeFrontMatter, type MatterNote } from './front-matter.ts';
import { writeBody, type WrittenNote } from './mdx.ts';
import { readMdxText } from './mdx-text.ts';
import { findOutline, headingKind, mayBeHeadingAfter } from './outline.ts';
import {
  isPageNumber,
  pageBreaksFromBlankRuns,
  parseIssueLine,
  repeatedShortLines,
  runningHeadReason,
  titleKey,
  type IssueLine,
  type RunningHeadContext,
} from './page-artifacts.ts';
import { findRegions, ImportError } from './regions.ts';
import { buildParagraphs, detectLayout, joinLines, type BodyLine, type Paragraph } from './rejoin.ts';
import { isBlank, MARKER_ONLY, NOTE_REFERENCE, NOTE_START, readSourceLines, squash, type SourceLine } from './source-lines.ts';

export { ImportError };

export interface ImportOptions {
  /** The source text's path relative to content/, as the report's `source:` names it: `sources/<name>.txt`. */
  source: string;
}

export interface ImportedReport {
  /** The report file: front matter and body. */
  mdx: string;
  /** The MDX body alone (after the front matter). */
  body: string;
  frontMatter: Report;
  layout: SourceLayout;
  /** The layout file's text (content/sources/<name>.layout.yaml). */
  layoutYaml: string;
  /** Lines the PDF added, removed from the report, in source order. */
  removed: RemovedLine[];
  /** Places the import was unsure of, in source order. */
  findings: Finding[];
  /** Front-matter fields to fill in or check, by field. */
  todos: { field: string; message: string }[];
}

/** A paragraph about the report as a whole, printed in the body before the first section: 本文系…/本文已发表于…. */
const REPORT_NOTE = /^本文(?:系|为|是|已|曾|原|于)/;

export function importReport(text: string, options: ImportOptions): ImportedReport {
  const findings: Finding[] = [];
  const lines = readSourceLines(text);
  if (!lines.some((line) => !isBlank(line))) throw new ImportError('the text is empty');
  const byNumber = (n: number) => lines[n - 1]!;

  const repeated = repeatedShortLines(lines, (line) => NOTE_START.test(line.raw));
  const layout = detectLayout(lines.filter((line) => !NOTE_START.test(line.raw)));
  const bodyWidth = layout.kind === 'wrapped' ? layout.width : undefined;
  const footnotes = collectFootnotes(
    lines,
    {
      ...(bodyWidth === undefined ? {} : { bodyWidth }),
      endsBlock: (line) => isPageNumber(line) || parseIssueLine(line.text) !== undefined || repeated.has(line.text),
    },
    findings,
  );
  const isNoteLine = (line: SourceLine) => footnotes.noteLines.has(line.number);
  const regions = findRegions(lines, layout, isNoteLine, repeated);
  const [bodyFirst, bodyLast] = regions.body;

  const front = lines.filter((line) => line.number < bodyFirst && !isBlank(line) && !isNoteLine(line) && !MARKER_ONLY.test(line.text));
  const reading = readFront(front, regions.abstract, (line) => repeated.has(line.text) || parseIssueLine(line.text)?.journal === true);

  // What the pages added inside the body and after it.
  const removed = new Map<number, RemovedLine>();
  const remove = (line: SourceLine, why: string) => removed.set(line.number, { line: line.number, text: line.text, why });
  const heads = { ...(reading.titleLine ? { title: titleKey(reading.titleLine.text) } : {}), repeated };
  const artifacts = pageArtifacts(lines.filter((line) => line.number >= bodyFirst && !isBlank(line) && !isNoteLine(line)), heads);
  for (const artifact of artifacts.removed) removed.set(artifact.line, artifact);

  const inBody = (line: SourceLine) => line.number >= bodyFirst && line.number <= bodyLast;
  const markers = resolveMarkers(lines, footnotes, (line) => inBody(line) && !removed.has(line.number), findings);
  for (const number of markers.strayLines) remove(byNumber(number), 'stray note marker with no note on its page');
  for (const [number, resolved] of markers.byLine) {
    const line = byNumber(number);
    if (!inBody(line) && resolved.some((n) => n !== undefined)) {
      remove(line, 'note marker outside the body');
      findings.push({ line: number, kind: 'uncertain', message: 'a note marker outside the body: removed, so its note has no reference until you place one' });
    }
  }

  const bodyLines = bodyLinesOf(lines.filter(inBody), (line) => isNoteLine(line) || removed.has(line.number), markers.byLine);

  // A heading fits on a line of the column (wrapped texts).
  const isHeading = (lineText: string, previous?: string) => mayBeHeadingAfter(lineText, previous, bodyWidth);
  const paragraphs = buildParagraphs(bodyLines, layout, isHeading, findings);
  const { body: bodyParagraphs, reportNotes } = separateReportNotes(paragraphs, findings);
  const blocks = findOutline(bodyParagraphs, findings, bodyWidth);

  const numbered = footnotes.blocks.flatMap((block) => block.notes).filter((note) => note.number !== undefined);
  const notes: WrittenNote[] = numbered.map((note) => ({ number: note.number!, text: noteText(note, findings) }));
  const titleNotes: MatterNote[] = footnotes.blocks
    .flatMap((block) => block.notes)
    .filter((note) => note.mark !== undefined)
    .map((note) => ({ mark: note.mark!, text: noteText(note, findings), lines: note.parts.map((part) => part.line) }));

  const back = lines.filter((line) => line.number > bodyLast && !isBlank(line) && !isNoteLine(line) && !removed.has(line.number));
  const draft = draftFrontMatter(
    {
      front,
      back,
      ...(regions.abstract ? { abstract: regions.abstract } : {}),
      notes: [...titleNotes, ...reportNotes].sort((a, b) => a.lines[0]!.number - b.lines[0]!.number),
      ...(artifacts.issue ? { issueFromHeads: artifacts.issue } : {}),
      pageNumbers: artifacts.pageNumbers,
      source: options.source,
    },
    reading,
    findings,
  );
  for (const line of draft.removed) removed.set(line.line, line);

  const body = writeBody(blocks, notes);
  const sortedRemoved = [...removed.values()].sort((a, b) => a.line - b.line);
  const layoutFile: SourceLayout = {
    body: [bodyFirst, bodyLast],
    matterInBody: reportNotes.flatMap((note) => note.lines.map((line) => line.number)),
    removed: sortedRemoved,
    noteContinuations: footnotes.continuations,
  };
  // Headings the outline found without a number (专题序言): the outline test
  // cannot recognise them by their numbering, so the layout names them.
  const unnumberedHeadings = blocks.flatMap((block) => {
    if (block.kind !== 'heading') return [];
    const first = block.paragraphs[0]!.lines[0]!.line;
    return headingKind(first.text) === undefined ? [{ line: first.number, level: block.level === 2 ? (2 as const) : (3 as const) }] : [];
  });
  if (unnumberedHeadings.length > 0) layoutFile.unnumberedHeadings = unnumberedHeadings;
  const sourceName = options.source.split('/').at(-1)!;

  accountForEveryCharacter({ lines, removed, isNoteLine, bodyLines: bodyParagraphs.flatMap((p) => p.lines), matter: draft.matterLines, body, notes: numbered });
  const matterFindings = matterShownDifferently(lines, draft.matterLines, draft.report);

  return {
    mdx: `${writeFrontMatter(draft)}${body}`,
    body,
    frontMatter: draft.report,
    layout: layoutFile,
    layoutYaml: formatSourceLayout(layoutFile, sourceName, lines.map((line) => line.text)),
    removed: sortedRemoved,
    findings: sortFindings([...findings, ...matterFindings]),
    todos: [...draft.todos].map(([field, message]) => ({ field, message })),
  };
}

/**
 * Page numbers and running heads among the lines from the body on, the
 * numbers printed, and the journal line the heads repeat.
 */
function pageArtifacts(lines: readonly SourceLine[], heads: RunningHeadContext): { removed: RemovedLine[]; pageNumbers: number[]; issue?: IssueLine } {
  const removed: RemovedLine[] = [];
  const pageNumbers: number[] = [];
  let issue: IssueLine | undefined;
  for (const line of lines) {
    const why = isPageNumber(line) ? 'page number' : runningHeadReason(line, heads);
    if (!why) continue;
    removed.push({ line: line.number, text: line.text, why });
    if (why === 'page number') pageNumbers.push(Number(line.text));
    const journal = parseIssueLine(line.text);
    if (journal?.journal) issue ??= journal;
  }
  return { removed, pageNumbers, ...(issue ? { issue } : {}) };
}

/**
 * The body's lines with their note references, each marked when a page
 * break lies before it (a footnote block, a removed line, a form feed, a
 * page's indented first line, a long run of blank lines).
 */
function bodyLinesOf(lines: readonly SourceLine[], isNotBody: (line: SourceLine) => boolean, markers: ReadonlyMap<number, (number | undefined)[]>): BodyLine[] {
  const blankRunBreaks = pageBreaksFromBlankRuns(lines);
  const bodyLines: BodyLine[] = [];
  let pageBreak = false;
  for (const line of lines) {
    if (isBlank(line)) continue;
    if (isNotBody(line)) {
      pageBreak = true;
      continue;
    }
    pageBreak ||= line.formFeed || line.pageStartIndent || blankRunBreaks.has(line.number);
    bodyLines.push({ line, text: withReferences(line.text, markers.get(line.number)), pageBreakBefore: pageBreak && bodyLines.length > 0 });
    pageBreak = false;
  }
  return bodyLines;
}

function noteText(note: SourceNote, findings: Finding[]): string {
  return joinLines(note.parts, findings);
}

/**
 * Paragraphs such as 本文已发表于… before the first heading after the
 * opening: notes on the report as a whole, shown under the header, not body.
 */
function separateReportNotes(paragraphs: readonly Paragraph[], findings: Finding[]): { body: Paragraph[]; reportNotes: MatterNote[] } {
  const body: Paragraph[] = [];
  const reportNotes: MatterNote[] = [];
  paragraphs.forEach((paragraph, i) => {
    const sentences = paragraph.text.match(/[。！？]/g)?.length ?? 0;
    const early = i < 6;
    if (early && REPORT_NOTE.test(paragraph.text) && sentences === 1 && /[。！？][）)]?$/.test(paragraph.text)) {
      findings.push({ line: paragraph.lines[0]!.line.number, kind: 'uncertain', message: `a note on the report as a whole: moved to the front matter (notes), shown under the header ("${paragraph.text.slice(0, 16)}…")` });
      reportNotes.push({ text: paragraph.text, lines: paragraph.lines.map((l) => l.line) });
      return;
    }
    body.push(paragraph);
  });
  return { body, reportNotes };
}

export interface Accounting {
  lines: readonly SourceLine[];
  removed: ReadonlyMap<number, RemovedLine>;
  isNoteLine: (line: SourceLine) => boolean;
  bodyLines: readonly BodyLine[];
  matter: readonly number[];
  body: string;
  notes: readonly SourceNote[];
}

/**
 * The import's promise, checked: every non-blank line of the source is
 * removed (and listed), a note's, the body's or front/back matter; and the
 * MDX, read as the build reads it, shows the body's and each note's text
 * character for character.
 */
export function accountForEveryCharacter(accounting: Accounting): void {
  const { lines, removed, isNoteLine, bodyLines, matter, body, notes } = accounting;
  const body_ = new Set(bodyLines.map((line) => line.line.number));
  const matter_ = new Set(matter);
  const lost = lines.filter((line) => !isBlank(line) && !removed.has(line.number) && !isNoteLine(line) && !body_.has(line.number) && !matter_.has(line.number));
  if (lost.length > 0) {
    throw new Error(`import bug: line ${lost.map((line) => `${line.number} ("${line.text}")`).join(', ')} would be neither on the page nor listed as removed`);
  }
  const written = readMdxText(body);
  if (written.problems.length > 0) throw new Error(`import bug: the MDX written would not show the text as is: ${written.problems.join('; ')}`);
  const expected = squash(bodyLines.map((line) => line.text.replace(NOTE_REFERENCE, '[^$1]')).join(''));
  const actual = squash(written.blocks.join(''));
  if (expected !== actual) throw new Error(`import bug: the body written differs from the source ${firstDifference(expected, actual)}`);
  for (const note of notes) {
    const source = squash(note.parts.map((part) => part.text).join(''));
    const shown = squash(written.notes.get(String(note.number)) ?? '');
    if (source !== shown) throw new Error(`import bug: note ${note.number} (line ${note.parts[0]!.line.number}) differs from the source ${firstDifference(source, shown)}`);
  }
}

function firstDifference(expected: string, actual: string): string {
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i++;
  return `after "${expected.slice(Math.max(0, i - 20), i)}": source "${expected.slice(i, i + 20)}", written "${actual.slice(i, i + 20)}"`;
}

/**
 * Front and back matter lines whose text the page will not show as printed
 * (the header has its own labels, such as 〔提要〕): each listed for the editor.
 */
function matterShownDifferently(lines: readonly SourceLine[], matter: readonly number[], report: Report): Finding[] {
  const shown = squash(
    [
      formatPublication(report.publication),
      report.publication.printedDate ?? '',
      report.title,
      ...(report.notes ?? []).map((note) => note.mark ?? ''),
      report.authorsLabel ?? '作者',
      report.authors.map((author) => author.name).join(''),
      report.publication.publisher ?? '',
      ...(report.publication.imprint ?? []),
      report.abstract ? `〔提要〕${report.abstract}` : '',
      ...(report.notes ?? []).map((note) => `${note.mark ?? ''}${note.text}`),
      report.responsibleEditor ? `【责任编辑：${report.responsibleEditor}】` : '',
      ...(report.teams ?? []).map((team) => `${team.name}${team.members.join('')}`),
    ].join('\n'),
  );
  return matter
    .map((number) => lines[number - 1]!)
    .filter((line) => !NOTE_START.test(line.raw) && !shown.includes(squash(line.text)))
    .map((line) => ({ line: line.number, kind: 'uncertain' as const, message: `the page will not show this line exactly as printed ("${line.text}")` }));
}
