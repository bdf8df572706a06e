import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { displayPath } from '../lib/content-paths.ts';

/**
 * A report is content, not code. MDX is a programming language: a report file
 * could import modules, compute `{expressions}`, render components and put
 * `<script>` in every reader's browser. None of that belongs in someone
 * else's scholarship, so the build refuses it, naming the file, line and
 * column of each occurrence and how to write the text literally instead.
 *
 * Refused: `import`/`export`; `{…}` expressions (in text or in attributes);
 * JSX components (capitalised, dotted, or `<>` fragments) unless listed in
 * ALLOWED_COMPONENTS; HTML elements outside CONTENT_ELEMENTS (so `<script>`,
 * `<style>`, `<iframe>`, `<object>`, `<embed>`, forms…); any `on…=` event
 * attribute; `javascript:` (and `vbscript:`) addresses in links, images and
 * attributes. Plain HTML markup for text (`<span class="…">`, `<sup>`…) stays
 * allowed: report 000 numbers its headings that way.
 */

/**
 * JSX components a report may use, by name. Empty: no report needs one. A
 * component is code the site runs; adding one here is a decision to review.
 */
export const ALLOWED_COMPONENTS: ReadonlySet<string> = new Set<string>();

/** Lowercase HTML elements that are markup for text and run nothing. */
export const CONTENT_ELEMENTS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del',
  'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i',
  'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span',
  'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
  'var', 'wbr',
]);

export interface CodeInReport {
  line: number;
  column: number;
  /** What was found, and why it is refused. */
  what: string;
  /** How to write it so the text shows as written. */
  instead: string;
}

/** `javascript:` and the like, as a browser reads them (case and embedded whitespace ignored). */
export function isScriptUrl(url: string): boolean {
  const scheme = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return scheme.startsWith('javascript:') || scheme.startsWith('vbscript:');
}

type Position = NonNullable<Root['position']>;

const shorten = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Every piece of code in a report's MDX tree, in document order. */
export function findCodeInReport(tree: Root): CodeInReport[] {
  const found: CodeInReport[] = [];
  const add = (at: Position | undefined, what: string, instead: string) =>
    found.push({ line: at?.start.line ?? 0, column: at?.start.column ?? 0, what, instead });

  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm': {
        const keyword = node.value.trimStart().startsWith('export') ? 'export' : 'import';
        const literal = `&#${keyword.charCodeAt(0)};${keyword.slice(1)} …`;
        add(node.position, `"${shorten(node.value.split('\n')[0]!)}" is JavaScript (${keyword})`, `to show the line as text, write it as "${literal}" instead`);
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        add(node.position, `{${shorten(node.value)}} is a JavaScript expression`, `to show the braces as text, write it as "\\{${shorten(node.value, 20)}}" instead`);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, add);
        break;
      case 'html':
        add(node.position, `raw HTML "${shorten(node.value)}"`, 'to show it as text, write "<" as "\\<" instead');
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (isScriptUrl(node.url)) add(node.position, `the address "${shorten(node.url)}" runs code`, 'link to a web address (https://…) instead, or write the address as plain text');
        break;
    }
  });
  return found;
}

type Add = (at: Position | undefined, what: string, instead: string) => void;

function checkElement(node: MdxJsxFlowElement | MdxJsxTextElement, add: Add) {
  const name = node.name;
  if (name === null) {
    add(node.position, '<>…</> is a JSX fragment', 'to show it as text, write it as "\\<>" instead');
    return;
  }
  const tag = `<${name}>`;
  const asText = `to show the tag as text, write it as "\\${tag}" instead`;
  const isComponent = /^[^a-z]|[.:]/.test(name);
  if (isComponent && !ALLOWED_COMPONENTS.has(name)) {
    add(node.position, `${tag} is a component, and a report may use none (see src/markdown/remark-content-not-code.ts)`, asText);
    return;
  }
  if (!isComponent && !CONTENT_ELEMENTS.has(name)) {
    add(node.position, `${tag} is not markup for text: it can run code or change the page`, asText);
    return;
  }
  for (const attribute of node.attributes) {
    const at = attribute.position ?? node.position;
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      add(at, `{${shorten(attribute.value)}} on ${tag} is a JavaScript expression`, `remove it; ${asText}`);
    } else if (/^on/i.test(attribute.name)) {
      add(at, `${attribute.name}= on ${tag} is an event handler: it runs code`, `remove it; ${asText}`);
    } else if (attribute.value !== null && typeof attribute.value === 'object') {
      add(at, `${attribute.name}={${shorten(attribute.value.value)}} on ${tag} is a JavaScript expression`, `write the value in quotes instead, ${attribute.name}="…"`);
    } else if (typeof attribute.value === 'string' && isScriptUrl(attribute.value)) {
      add(at, `${attribute.name}="${shorten(attribute.value)}" on ${tag} runs code`, 'use a web address (https://…) instead, or write the address as plain text');
    }
  }
}

/** The refusals as one message: a line per occurrence, "<file>:<line>:<column> <what> — <how to write it instead>". */
export function formatCodeInReport(file: string, found: readonly CodeInReport[]): string {
  const lines = found.map(({ line, column, what, instead }) => `${file}:${line}:${column} ${what} — ${instead}.`);
  const intro = 'A report is content, not code: the build refuses what would run or render as code.';
  return [intro, ...lines].join('\n');
}

export class CodeInReportError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, first: CodeInReport) {
    super(message);
    this.name = 'CodeInReportError';
    this.line = first.line;
    this.column = first.column;
  }
}

/** The remark plugin: stops the build on the first report that contains code, listing all of it. */
export function remarkContentNotCode() {
  return (tree: Root, file: VFile) => {
    const found = findCodeInReport(tree);
    if (found.length > 0) throw new CodeInReportError(formatCodeInReport(displayPath(file.path), found), found[0]!);
  };
}
