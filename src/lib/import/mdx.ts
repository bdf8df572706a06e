/**
 * Writing a report's text as MDX that renders literally: every character of
 * the source shows as itself, whatever Markdown or MDX would make of it.
 *
 * - `{` `}` start MDX expressions and `<` JSX (the build refuses both in a
 *   report): written `\{` `\}` and `&lt;`.
 * - `*` `_` `` ` `` `[` `]` `\` `~~` and a character reference (`&amp;`)
 *   would become emphasis, code, links or other characters: escaped. An
 *   underscore inside a word cannot start emphasis and stays as it is, so
 *   URLs keep their underscores and show no `\_`.
 * - At a paragraph's start, `#`, `>`, `-`/`+` and `1.` would make a heading,
 *   a quote or a list: escaped.
 * - Every URL is an explicit link `[url](url)`, so a trailing 。 or full stop
 *   never joins the address.
 */
import type { Block } from './outline.ts';
import { NOTE_REFERENCE } from './source-lines.ts';

/** A URL in running text: up to a space or Chinese punctuation; trailing punctuation is not part of it. */
const URL = /(?:https?:\/\/|www\.)[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff“”‘’<>\ue000-\uf8ff]+/gu;
const URL_TRAILING = /[.,;:!?'")\]}]+$/;

/** The URL without the punctuation that closes the sentence around it (a `)` stays when it closes a `(` of the URL). */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const trailing = URL_TRAILING.exec(url)?.[0];
    if (!trailing) return url;
    const char = trailing.slice(-1);
    if (char === ')' && count(url, '(') >= count(url, ')')) return url;
    url = url.slice(0, -1);
  }
}

const count = (text: string, char: string) => text.split(char).length - 1;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Escapes text so that MDX shows it as written (see the module comment). */
export function escapeText(text: string, { blockStart = false } = {}): string {
  let out = '';
  const chars = Array.from(text);
  chars.forEach((char, i) => {
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    switch (char) {
      case '\\':
      case '*':
      case '`':
      case '[':
      case ']':
      case '{':
      case '}':
        out += `\\${char}`;
        return;
      case '<':
        out += '&lt;';
        return;
      case '_':
        out += WORD_CHAR.test(before) && WORD_CHAR.test(after) ? '_' : '\\_';
        return;
      case '~':
        out += before === '~' || after === '~' ? '\\~' : '~';
        return;
      case '&':
        out += /^&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.test(chars.slice(i, i + 34).join('')) ? '&amp;' : '&';
        return;
      default:
        out += char;
    }
  });
  return blockStart ? escapeBlockStart(out) : out;
}

/** What would turn a paragraph into another block at its start: a heading, quote, list item or rule. */
function escapeBlockStart(text: string): string {
  if (/^(?:#{1,6}|>|[-+=])(?:\s|$)/.test(text) || /^>/.test(text) || /^#{1,6}$/.test(text)) return `\\${text}`;
  const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(text);
  if (ordered) return `${ordered[1]}\\${text.slice(ordered[1]!.length)}`;
  return text;
}

/** A link destination: parentheses and backslashes escaped, a scheme added to a bare www. address. */
function destination(url: string): string {
  const href = url.startsWith('www.') ? `http://${url}` : url;
  return href.replace(/[\\()]/g, (char) => `\\${char}`);
}

/**
 * One paragraph, heading or note of text as MDX: references (`noteReference`)
 * as `[^N]`, URLs as links, everything else escaped.
 */
export function writeInline(text: string, { blockStart = false } = {}): string {
  let out = '';
  let last = 0;
  const pieces: { at: number; end: number; mdx: string }[] = [];
  for (const match of text.matchAll(NOTE_REFERENCE)) {
    pieces.push({ at: match.index, end: match.index + match[0].length, mdx: `[^${match[1]}]` });
  }
  for (const match of text.matchAll(URL)) {
    const url = trimUrl(match[0]);
    if (url.length < 8) continue;
    pieces.push({ at: match.index, end: match.index + url.length, mdx: `[${escapeText(url)}](${destination(url)})` });
  }
  pieces.sort((a, b) => a.at - b.at);
  for (const piece of pieces) {
    out += escapeText(text.slice(last, piece.at), { blockStart: blockStart && last === 0 && piece.at > 0 });
    out += piece.mdx;
    last = piece.end;
  }
  out += escapeText(text.slice(last), { blockStart: blockStart && last === 0 });
  return out;
}

/** How `No. 1` before a heading's title is marked up: the site styles the number apart from the title. */
/** A heading's section number (No. 1) is written as text; the pipeline sets it apart (rehype-section-numbers.ts). */
export const sectionNumber = (number: string): string => escapeText(number);

export interface WrittenNote {
  number: number;
  text: string;
}

/** The MDX body: headings and paragraphs, then the notes, each block separated by a blank line. */
export function writeBody(blocks: readonly Block[], notes: readonly WrittenNote[]): string {
  const parts = blocks.map((block) => {
    if (block.kind === 'paragraph') return writeInline(block.paragraph.text, { blockStart: true });
    const number = block.number === undefined ? '' : `${sectionNumber(block.number)} `;
    return `${'#'.repeat(block.level)} ${number}${writeInline(block.text)}`;
  });
  for (const note of notes) parts.push(`[^${note.number}]: ${writeInline(note.text, { blockStart: true })}`);
  return `\n${parts.join('\n\n')}\n`;
}
