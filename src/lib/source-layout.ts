import { z } from 'astro/zod';
import { parse, stringify } from 'yaml';

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

/** The layout as YAML, with a header saying what the file is for. */
export function formatSourceLayout(layout: SourceLayout, sourceName: string): string {
  const header = [
    `# How ${sourceName} is laid out: where the body runs and which lines the PDF`,
    '# added (removed from the report). Line numbers refer to that file. Written by',
    '# `npm run import`, checked by the editor, read by the fidelity test.',
  ].join('\n');
  return `${header}\n${stringify(layout, { flowCollectionPadding: false })}`;
}
