import type { z } from 'astro/zod';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { reportSchema } from './report-schema.ts';

/**
 * Everything wrong with a report's front matter, each problem with the line
 * of the file it is on and the field it concerns, worded for an editor: one
 * sentence each, no schema jargon. The build stops on any (src/loaders/
 * reports.ts); checked here against the same schema the site is built with.
 */

export interface FrontMatterProblem {
  /** 1-based line in the report file. */
  line: number;
  /** The field, as a path: `title`, `publication.date`, `authors[0].name`; `front matter` for the block itself. */
  field: string;
  /** What is wrong and, where it helps, what to write. */
  message: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

/** The problems of a report file's text; none when its front matter is valid. */
export function frontMatterProblems(text: string): FrontMatterProblem[] {
  const block = FRONT_MATTER.exec(text);
  if (!block || block.index !== 0) {
    return [{ line: 1, field: 'front matter', message: 'missing: a report starts with its front matter between two lines of three dashes (---)' }];
  }
  const yaml = block[1]!;
  // The YAML starts on the line after the opening ---.
  const lineCounter = new LineCounter();
  // Read as Astro reads it (js-yaml: YAML 1.2 with timestamps and merge
  // keys), so an unquoted date is a Date here too and the schema asks for quotes.
  const document = parseDocument(yaml, { lineCounter, prettyErrors: false, customTags: ['timestamp'], merge: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + 1;
  const [syntaxError] = document.errors;
  if (syntaxError) {
    // Only the first: the errors after it are usually the same mistake seen again.
    const reason = syntaxError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return [{ line: lineAt(syntaxError.pos[0]), field: 'front matter', message: `not valid YAML (check the indentation and quotes): ${reason}` }];
  }
  const data: unknown = document.toJS() ?? {};
  const parsed = reportSchema.safeParse(data, { error: (issue) => describeIssue(issue) });
  if (parsed.success) return [];
  const found = parsed.error.issues.flatMap((issue) => {
    const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        line: lineAt(lineOf(document, [...path, key]).offset),
        field: fieldName([...path, key]),
        message: unknownKeyMessage(key, path),
      }));
    }
    const at = lineOf(document, path);
    // A missing field has no line of its own: the line of the field that
    // should hold it, or the front matter's first line for a top-level one.
    const line = at.whole || at.depth > 0 ? lineAt(at.offset) : 1;
    return [{ line, field: fieldName(path) || 'front matter', message: issue.message }];
  });
  return found.sort((a, b) => a.line - b.line);
}

/** The problems as an editor reads them: "<file>:<line> <field>: <what is wrong>." each. */
export function formatFrontMatterProblems(file: string, problems: readonly FrontMatterProblem[]): string {
  return problems.map(({ line, field, message }) => `${file}:${line} ${field}: ${message}.`).join('\n');
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i > 0 ? '.' : ''}${String(segment)}`)).join('');
}

/**
 * Where `path` is in the YAML: the offset of its key (or list item), or, when
 * the path does not exist (a missing field), of the deepest part that does.
 */
function lineOf(document: Document, path: readonly PropertyKey[]): { offset: number; depth: number; whole: boolean } {
  let node: Node | null = document.contents as Node | null;
  let offset = 0;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) return { offset, depth, whole: false };
      offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return { offset, depth, whole: false };
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return { offset, depth, whole: false };
    }
    depth += 1;
  }
  return { offset, depth, whole: true };
}

/** Schema parts, seen only as far as finding the fields an object may have. */
type SchemaPart = { shape?: Record<string, unknown>; element?: unknown; unwrap?: () => unknown } | undefined;

/** The fields the object at `path` may have, read from the schema itself. */
function knownFields(path: readonly PropertyKey[]): string[] {
  const unwrap = (part: SchemaPart): SchemaPart => {
    while (part?.unwrap) part = part.unwrap() as SchemaPart;
    return part;
  };
  let part = unwrap(reportSchema as unknown as SchemaPart);
  for (const segment of path) {
    part = unwrap((typeof segment === 'number' ? part?.element : part?.shape?.[String(segment)]) as SchemaPart);
  }
  return Object.keys(part?.shape ?? {});
}

function unknownKeyMessage(key: string, path: readonly PropertyKey[]): string {
  const likely = knownFields(path).find((field) => editDistance(field, key) <= 2);
  const hint = likely ? `did you mean "${likely}"? ` : '';
  return `not a field a report has (${hint}the fields are listed in src/lib/report-schema.ts)`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
};

function describeValue(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'string') return `text ("${value.length > 30 ? `${value.slice(0, 29)}…` : value}")`;
  if (typeof value === 'object') return 'a group of fields';
  return `${typeof value === 'number' ? 'the number' : String(typeof value)} ${String(value)}`;
}

/** The wording of a schema problem, where the schema gives none of its own. */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required, but missing';
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, found ${describeValue(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return 'is empty';
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}, found ${describeValue(issue.input)}`;
    default:
      return undefined;
  }
}
