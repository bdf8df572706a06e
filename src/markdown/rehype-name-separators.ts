import type { Root } from 'hast';
import { markText, nowrapSpan } from './mark-text.ts';

/** A Han character and the separator after it, when another Han character follows: 约翰•|鲁杰. */
const BEFORE_SEPARATOR = /\p{Script=Han}[·•‧・](?=\p{Script=Han})/gu;

/**
 * The separator between the parts of a foreign name (约翰·鲁杰, clreq's
 * 间隔号, in whichever of ·•‧・ the source uses) never begins a line, as
 * browsers would let it: the character before it and the separator go in a
 * `<span class="nowrap">`. Only markup is added, the text stays the same.
 */
export function rehypeNameSeparators() {
  return (tree: Root) =>
    markText(tree, BEFORE_SEPARATOR, (match) => [nowrapSpan(match)]);
}
