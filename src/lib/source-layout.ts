import { z } from 'astro/zod';
import { Document, isMap, isPair, isScalar, isSeq, parse } from 'yaml';

/**
 * How a source text extracted from a PDF (content/sources/<name>.txt) is laid
 * out, kept beside it as content/sources/<name>.layout.yaml: which lines the
 * PDF added and where the body runs. `npm run import` writes it; the editor
 * checks it; the fidelity test reads it to compare the published report with
 * its source, so a report is checked with no test configuration of its own.
 *
 * Line numbers are 1-based and refer to the source text, which never changes
 * (it is the provenance). Each removed line also records its text, so a
 * layout that no longer fits its source (an edited or replaced text) is
 * caught instead of silently removing the wrong line.
 */

const lineNumber = z.int().positive();

export const removedLineSchema = z.strictObject({
  /** The line's number in the source text. */
  line: lineNumber,
  /** The line's text without surrounding white space, exactly as in the source. */
  text: z.string().min(1),
  /** What the PDF put there: a running head, a page number, a stray note marker… */
  why: z.string().trim().min(1),
});

export const sourceLayoutSchema = z
  .strictObject({
    /** First and last line of the body: headings and paragraphs, with the footnote blocks inside it. */
    body: z.tuple([lineNumber, lineNumber]),
    /** Lines inside the body range that are front or back matter (shown outside the body, e.g. a note under the header). */
    matterInBody: z.array(lineNumber).default([]),
    /** Lines the PDF added, never part of the report. */
    removed: z.array(removedLineSchema).default([]),
    /**
     * Lines at the top of a page's footnote block, before its first `[n]`,
     * that finish the previous page's last note: a note a page break split.
     */
    noteContinuations: z.array(lineNumber).default([]),
    /**
     * Body lines that are headings though they carry no number (一、, （一）,
     * No. 1), e.g. 专题序言, with their level: 2 for the top of the outline, 3 below.
     */
    unnumberedHeadings: z.array(z.strictObject({ line: lineNumber, level: z.union([z.literal(2), z.literal(3)]) })).optional(),
  })
  .refine((layout) => layout.body[0] <= layout.body[1], { error: 'body: the first line is after the last', path: ['body'] });

export type SourceLayout = z.infer<typeof sourceLayoutSchema>;
export type RemovedLine = z.infer<typeof removedLineSchema>;

export class SourceLayoutError extends Error {}

/** The layout file of a source text: `sources/x.txt` → `sources/x.layout.yaml`. */
export function layoutPathFor(sourcePath: string): string {
  if (!sourcePath.endsWith('.txt')) throw new SourceLayoutError(`${sourcePath}: a source text must end in .txt`);
  return sourcePath.replace(/\.txt$/, '.layout.yaml');
}

/**
 * Reads a layout file's text and checks it against its source text: every
 * line number exists, and every removed line still holds the text recorded.
 * `file` names the layout in error messages.
 */
export function parseSourceLayout(yamlText: string, sourceText: string, file: string): SourceLayout {
  const parsed = sourceLayoutSchema.safeParse(parse(yamlText) ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new SourceLayoutError(`${file}: ${problems.join('; ')}`);
  }
  const layout = parsed.data;
  const lines = sourceText.split('\n');
  const problems: string[] = [];
  const exists = (n: number, what: string) => {
    if (n > lines.length) problems.push(`${what} line ${n} is past the end of the source (${lines.length} lines)`);
  };
  exists(layout.body[0], 'body');
  exists(layout.body[1], 'body');
  for (const n of layout.matterInBody) exists(n, 'matterInBody');
  for (const n of layout.noteContinuations) exists(n, 'noteContinuations');
  for (const heading of layout.unnumberedHeadings ?? []) exists(heading.line, 'unnumberedHeadings');
  for (const removed of layout.removed) {
    exists(removed.line, 'removed');
    const actual = lines[removed.line - 1]?.trim();
    if (actual !== undefined && actual !== removed.text) {
      problems.push(`removed line ${removed.line} is recorded as "${removed.text}" but the source has "${actual}"`);
    }
  }
  if (problems.length > 0) throw new SourceLayoutError(`${file}: ${problems.join('; ')}`);
  return layout;
}

/**
 * The layout as YAML, with a header saying what the file is for. Given the
 * source's lines, comments quote where the body starts and ends and what
 * each front or back matter line inside it is, so the editor can check the
 * numbers without counting lines.
 */
export function formatSourceLayout(layout: SourceLayout, sourceName: string, sourceLines?: readonly string[]): string {
  // Empty lists of matter and note continuations are the default: left out.
  const { matterInBody, noteContinuations, unnumberedHeadings, ...rest } = layout;
  const doc = new Document({
    body: rest.body,
    ...(matterInBody.length > 0 ? { matterInBody } : {}),
    removed: rest.removed,
    ...(noteContinuations.length > 0 ? { noteContinuations } : {}),
    ...(unnumberedHeadings && unnumberedHeadings.length > 0 ? { unnumberedHeadings } : {}),
  });
  doc.commentBefore = [
    ` How ${sourceName} is laid out: where the body runs and which lines`,
    ' the PDF added (removed from the report). Line numbers refer to that file.',
    ' Written by `npm run import`, checked by the editor, read by the fidelity',
    ' test (tests/build/fidelity.test.ts).',
  ].join('\n');
  const quote = (n: number) => sourceLines?.[n - 1]?.trim() ?? '';
  const start = (text: string) => (Array.from(text).length > 10 ? `${Array.from(text).slice(0, 10).join('')}…` : text);
  const end = (text: string) => (Array.from(text).length > 10 ? `…${Array.from(text).slice(-10).join('')}` : text);
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      if (isSeq(pair.value)) pair.value.flow = pair.key.value !== 'removed' || pair.value.items.length === 0;
      if (!sourceLines) continue;
      if (pair.key.value === 'body') {
        pair.key.commentBefore = ` ${start(quote(layout.body[0]))} to ${end(quote(layout.body[1]))}`;
      }
      if (pair.key.value === 'noteContinuations') {
        pair.key.commentBefore = noteContinuations.map((n) => ` line ${n}: ${start(quote(n))} (the rest of a note split by a page break)`).join('\n');
      }
      if (pair.key.value === 'unnumberedHeadings') {
        pair.key.commentBefore = (unnumberedHeadings ?? []).map((h) => ` line ${h.line}: ${start(quote(h.line))} (a heading without a number, level ${h.level})`).join('\n');
      }
      if (pair.key.value === 'matterInBody') {
        pair.key.commentBefore = matterInBody.map((n) => ` line ${n}: ${start(quote(n))} (front or back matter)`).join('\n');
      }
    }
    const removed = doc.contents.get('removed', true);
    if (isSeq(removed)) for (const item of removed.items) if (isMap(item)) item.flow = true;
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
