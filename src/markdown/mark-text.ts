import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { matchPieces } from '../lib/line-breaks.ts';

/**
 * Replaces every match of `pattern` (global) in the tree's text, outside code,
 * with the nodes `mark` makes of it: the typesetting plugins add markup this
 * way (a span around a match, a <wbr> at an empty match) and never change
 * the text itself, except where `mark` puts it back.
 */
export function markText(tree: Root, pattern: RegExp, mark: (match: string) => ElementContent[]): void {
  visit(tree, 'text', (text: Text, index, parent) => {
    if (index === undefined || !parent || (parent.type === 'element' && /^(code|pre)$/.test(parent.tagName))) return;
    const pieces = matchPieces(text.value, pattern);
    if (!pieces.some((piece) => piece.matched)) return;
    const nodes = pieces.flatMap((piece): ElementContent[] => (piece.matched ? mark(piece.text) : [{ type: 'text', value: piece.text }]));
    parent.children.splice(index, 1, ...nodes);
    return [SKIP, index + nodes.length];
  });
}

/** `text` kept on one line: `<span class="nowrap">` (report.css). */
export function nowrapSpan(text: string): Element {
  return { type: 'element', tagName: 'span', properties: { className: ['nowrap'] }, children: [{ type: 'text', value: text }] };
}
