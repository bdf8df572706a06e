import type { Root } from 'hast';
import { markText } from './mark-text.ts';

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
  return (tree: Root) => markText(tree, QUOTE_BREAK, () => [{ type: 'element', tagName: 'wbr', properties: {}, children: [] }]);
}
