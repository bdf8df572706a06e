import type { ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/**
 * Where a Chinese quote meets Latin text, the places a line may break:
 * after a closing quote that follows a Han character (界”|(B3W)), and before
 * an opening quote that precedes one (B3W|“重建). W3C clreq allows both: a
 * closing quote only may not begin a line, an opening one not end it. Browsers
 * find neither, because Unicode line breaking (UAX #14, LB19) treats “”‘’ as
 * quotes of either direction and breaks beside them only between two East
 * Asian characters; the unbreakable run then leaves the line before it
 * stretched wide (17 % on a phone). A `<wbr>` marks each place; the text stays
 * the same.
 */
const QUOTE_BREAK = /(?<=\p{Script=Han}[”’])(?=[\p{Script=Latin}\p{Nd}([])|(?<=[\p{Script=Latin}\p{Nd})\]])(?=[“‘]\p{Script=Han})/gu;

export function rehypeQuoteBreaks() {
  return (tree: Root) => {
    visit(tree, 'text', (text: Text, index, parent) => {
      if (index === undefined || !parent || (parent.type === 'element' && /^(code|pre)$/.test(parent.tagName))) return;
      const pieces: ElementContent[] = [];
      let from = 0;
      for (const match of text.value.matchAll(QUOTE_BREAK)) {
        pieces.push({ type: 'text', value: text.value.slice(from, match.index) });
        pieces.push({ type: 'element', tagName: 'wbr', properties: {}, children: [] });
        from = match.index;
      }
      if (pieces.length === 0) return;
      pieces.push({ type: 'text', value: text.value.slice(from) });
      parent.children.splice(index, 1, ...pieces);
      return [SKIP, index + pieces.length];
    });
  };
}
