import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Footnote back-links (↩) are navigation, not text: keep them out of the
 * search index and its excerpts, as the heading "#" links are.
 */
export function rehypeBackrefsOutOfSearch() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'a' && node.properties.dataFootnoteBackref !== undefined) node.properties.dataPagefindIgnore = '';
    });
  };
}
