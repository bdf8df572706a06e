import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * A heading that opens with a section number in the Latin form some series
 * print ("No. 1 2021 年全球治理的特点") gets that number in a
 * `span.section-number`, so it can be set apart from the title. Done here,
 * from the heading's text, so a report stays text: no markup in the MDX.
 */
const SECTION_NUMBER = /^(No\.\s*\d+)\s+(?=\S)/;

export function rehypeSectionNumbers() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (!/^h[2-6]$/.test(node.tagName)) return;
      const first = node.children[0];
      if (first?.type !== 'text') return;
      const match = SECTION_NUMBER.exec(first.value);
      if (!match) return;
      node.children.splice(
        0,
        1,
        { type: 'element', tagName: 'span', properties: { className: ['section-number'] }, children: [{ type: 'text', value: match[1]! }] },
        { type: 'text', value: ` ${first.value.slice(match[0].length)}` },
      );
    });
  };
}
