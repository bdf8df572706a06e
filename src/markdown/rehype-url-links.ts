import type { ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { urlPieces } from '../lib/url-breaks.ts';

/**
 * Links whose text is their own address (`[https://…](https://…)`, as the
 * notes cite sources):
 * - marked `data-url-text`, so the print stylesheet prints the address only
 *   after links that don't already show it;
 * - given places where a line may break (src/lib/url-breaks.ts): a `<wbr>`
 *   between the pieces, HTML's own break opportunity, which adds no
 *   character: the address's text stays exactly itself for copying, search
 *   and the fidelity test.
 */
export function rehypeUrlLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a') return;
      const href = node.properties['href'];
      if (typeof href !== 'string' || !/^https?:/.test(href) || toString(node).trim() !== href) return;
      node.properties['dataUrlText'] = '';
      if (node.children.length !== 1 || node.children[0]!.type !== 'text') return;
      node.children = urlPieces(href).flatMap((piece, index): ElementContent[] => [
        ...(index > 0 ? [urlBreak()] : []),
        { type: 'text', value: piece },
      ]);
    });
  };
}

function urlBreak(): ElementContent {
  return { type: 'element', tagName: 'wbr', properties: {}, children: [] };
}
