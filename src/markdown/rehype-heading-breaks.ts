import type { ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { cutAt, wordBoundaries } from '../lib/line-breaks.ts';

const HEADING = /^h[1-6]$/;

/**
 * A heading that wraps on a phone breaks between words, never inside one:
 * headings set `word-break: keep-all` (report.css), so Chinese characters
 * do not break apart, and an empty `<span>` marks each place between two
 * words where a long run may break (src/lib/line-breaks.ts says which).
 * report.css gives it a zero-width space as generated content, a break
 * opportunity that is no part of the text; no class, as it may come often.
 * (A `<wbr>` would say the same, but MDX writes it `<wbr/>`, which the HTML
 * gate refuses.) The heading's text, its id and its entry in the contents
 * stay the same.
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
          return k === 0 ? [text] : [{ type: 'element', tagName: 'span', properties: {}, children: [] }, text];
        });
        parent.children.splice(index, 1, ...replacement);
        return [SKIP, index + replacement.length];
      });
      return SKIP;
    });
  };
}
