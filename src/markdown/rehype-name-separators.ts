import type { ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** A Han character and the separator after it, when another Han character follows: 约翰•|鲁杰. */
const BEFORE_SEPARATOR = /\p{Script=Han}[·•‧・](?=\p{Script=Han})/gu;

/**
 * The separator between the parts of a foreign name (约翰·鲁杰, clreq's
 * 间隔号, in whichever of ·•‧・ the source uses) never begins a line, as
 * browsers would let it: the character before it and the separator go in a
 * `<span class="nowrap">`. Only markup is added, the text stays the same.
 */
export function rehypeNameSeparators() {
  return (tree: Root) => {
    visit(tree, 'text', (text: Text, index, parent) => {
      if (index === undefined || !parent || (parent.type === 'element' && /^(code|pre)$/.test(parent.tagName))) return;
      const pieces: ElementContent[] = [];
      let from = 0;
      for (const match of text.value.matchAll(BEFORE_SEPARATOR)) {
        if (match.index > from) pieces.push({ type: 'text', value: text.value.slice(from, match.index) });
        pieces.push({ type: 'element', tagName: 'span', properties: { className: ['nowrap'] }, children: [{ type: 'text', value: match[0] }] });
        from = match.index + match[0].length;
      }
      if (pieces.length === 0) return;
      if (from < text.value.length) pieces.push({ type: 'text', value: text.value.slice(from) });
      parent.children.splice(index, 1, ...pieces);
      return [SKIP, index + pieces.length];
    });
  };
}
