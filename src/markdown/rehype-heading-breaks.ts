import type { ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { cutAt, wordBoundaries } from '../lib/line-breaks.ts';

const HEADING = /^h[1-6]$/;

/**
 * A heading that wraps on a phone breaks between words, never inside one:
 * headings set `word-break: keep-all` (report.css), so Chinese characters
 * do not break apart, and a `<wbr>` marks each place between two words
 * where a long run may break (src/lib/line-breaks.ts says which): a break
 * opportunity that is no part of the text, so the heading's text, its id and
 * its entry in the contents stay the same.
 */
export function rehypeHeadingBreaks() {
  return (tree: Root) => {
    visit(tree, 'element', (heading) => {
      if (!HEADING.test(heading.tagName)) return;
      visit(heading, 'text', (text: Text, index, parent) => {
        if (index === undefined || !parent) return;
        const pieces = cutAt(text.value, wordBoundaries(text.value));
        if (pieces.length === 1) return;
        const replacement = pieces.flatMap((piece, k): ElementContent[] => {
          const text: ElementContent = { type: 'text', value: piece };
          return k === 0 ? [text] : [{ type: 'element', tagName: 'wbr', properties: {}, children: [] }, text];
        });
        parent.children.splice(index, 1, ...replacement);
        return [SKIP, index + replacement.length];
      });
      return SKIP;
    });
  };
}
