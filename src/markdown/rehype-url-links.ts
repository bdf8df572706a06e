import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * Marks links whose text is their own address (`[https://…](https://…)`, as
 * the notes cite sources) with `data-url-text`, so the print stylesheet
 * prints the address only after links that don't already show it.
 */
export function rehypeUrlLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a') return;
      const href = node.properties['href'];
      if (typeof href === 'string' && /^https?:/.test(href) && toString(node).trim() === href) {
        node.properties['dataUrlText'] = '';
      }
    });
  };
}
