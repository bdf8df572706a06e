import type { ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Replaces every match of `pattern` (global) in the tree's text, outside code,
 * with the nodes `mark` makes of it: the typesetting plugins add markup this
 * way (a span around a match, a <wbr> at an empty match) and never change
 * the text itself, except where `mark` puts it back.
 */
export function markText(tree: Root, pattern: RegExp, mark: (match: string) => ElementContent[]): void {
  visit(tree, 'text', (text: Text, index, parent) => {
    if (index === undefined || !parent || (parent.type === 'element' && /^(code|pre)$/.test(parent.tagName))) return;
    const pieces: ElementContent[] = [];
    let from = 0;
    for (const match of text.value.matchAll(pattern)) {
      if (match.index > from) pieces.push({ type: 'text', value: text.value.slice(from, match.index) });
      pieces.push(...mark(match[0]));
      from = match.index + match[0].length;
    }
    if (pieces.length === 0) return;
    if (from < text.value.length) pieces.push({ type: 'text', value: text.value.slice(from) });
    parent.children.splice(index, 1, ...pieces);
    return [SKIP, index + pieces.length];
  });
}
