import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Footnote back-links (↩) are navigation, not text: keep them out of the
 * search index and its excerpts, as the heading "#" links are. remark-rehype
 * also gives each one a class repeating its `data-footnote-backref`
 * attribute; the styles and scripts select the attribute, so the class goes
 * (a report carries dozens of notes).
 */
export function rehypeBackrefsOutOfSearch() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a' || node.properties.dataFootnoteBackref === undefined) return;
      node.properties.dataPagefindIgnore = '';
      const classes = Array.isArray(node.properties.className) ? node.properties.className.filter((name) => name !== 'data-footnote-backref') : [];
      if (classes.length > 0) node.properties.className = classes;
      else delete node.properties.className;
    });
  };
}
