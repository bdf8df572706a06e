import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { sectionLinkLabel } from '../lib/heading-ids.ts';

const HEADING = /^h[2-6]$/;

/**
 * Gives every section heading a visible link to itself, so a reader can copy
 * a link to the section. Done at build time (no script patches the DOM) and
 * placed beside the heading rather than inside it, so the heading's own text
 * — which feeds the table of contents and the slug — stays clean.
 *
 * `<div class="heading"><h2 id="…">…</h2><a class="heading-link" …>#</a><button class="heading-cite" …></button></div>`
 *
 * The link is labelled for assistive technology and hidden from the search
 * index so a "#" never shows up in an excerpt.
 *
 * The button cites the section (src/scripts/report-citation.ts copies the
 * report's reference with the heading and the section's URL). It has no text
 * of its own: its label comes from CSS and aria-label, so it never enters the
 * report's text, a search excerpt, a copied passage or a text-fragment match.
 */
export function rehypeHeadingLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!HEADING.test(node.tagName) || index === undefined || !parent) return;
      const id = node.properties['id'];
      if (typeof id !== 'string' || id === '') return;

      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['heading-link'],
          href: `#${id}`,
          ariaLabel: sectionLinkLabel(toString(node)),
          dataPagefindIgnore: '',
        },
        // The aria-label names the link, so the "#" itself is never read out.
        children: [{ type: 'text', value: '#' }],
      };
      const cite: Element = {
        type: 'element',
        tagName: 'button',
        properties: {
          type: 'button',
          className: ['heading-cite'],
          ariaLabel: `引用本节：${toString(node).trim()}`,
        },
        children: [],
      };
      const wrapper: ElementContent = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading'] },
        children: [node, link, cite],
      };
      parent.children[index] = wrapper;
      return SKIP;
    });
  };
}
