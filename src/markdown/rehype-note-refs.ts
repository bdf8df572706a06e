import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { splitBeforeLast } from '../lib/line-breaks.ts';

/** Full-width punctuation that Simplified Chinese fonts draw in the left half of its square (W3C clreq), leaving the right half blank. */
const LEFT_HALF_PUNCTUATION = /[，。、：；！？”’）》」』】〕〉]$/u;

const isNoteRef = (node: ElementContent): node is Element =>
  node.type === 'element' &&
  node.tagName === 'sup' &&
  node.children.some((child) => child.type === 'element' && child.properties['dataFootnoteRef'] !== undefined);

const isBlank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';

/**
 * Markup the typesetting of footnote references needs; the rest of their
 * line breaking is CSS alone (report.css says how).
 *
 * - A reference after punctuation drawn in the left half of its square
 *   (。，” …) is `<sup class="tuck">`: it is drawn in that blank half, so the
 *   mark and its note number take little more room than the mark alone. One
 *   after a Han character or a letter, which fill their square, is not.
 * - A reference that ends a paragraph takes the last two characters with it
 *   into a `<span class="nowrap">`, so the paragraph's last line never holds
 *   one character alone (`text-wrap: pretty` does this for other
 *   paragraphs, but gives up before an unbreakable 效”。45).
 *
 * Only markup is added: the text, the search index and every copy of the
 * text stay the same.
 */
export function rehypeNoteRefs() {
  return (tree: Root) => {
    visit(tree, 'element', (parent) => {
      parent.children.forEach((child, k) => {
        const before = parent.children[k - 1];
        if (isNoteRef(child) && before?.type === 'text' && LEFT_HALF_PUNCTUATION.test(before.value)) child.properties['className'] = ['tuck'];
      });

      if (parent.tagName !== 'p') return;
      let end = parent.children.length;
      while (end > 0 && isBlank(parent.children[end - 1]!)) end--;
      let first = end;
      while (first > 0 && isNoteRef(parent.children[first - 1]!)) first--;
      const before = parent.children[first - 1];
      if (first === end || before?.type !== 'text') return;
      const [head, tail] = splitBeforeLast(before.value, 2);
      const kept: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['nowrap'] },
        children: [{ type: 'text', value: tail }, ...parent.children.slice(first, end)],
      };
      parent.children.splice(first - 1, end - first + 1, ...(head ? [{ type: 'text' as const, value: head }] : []), kept);
    });
  };
}
