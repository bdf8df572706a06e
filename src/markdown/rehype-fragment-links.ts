import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/**
 * Stops the build when a link inside a report points at a `#section` that
 * the report does not have. Runs after the heading ids (rehype-slug) and the
 * footnote ids (remark-rehype) exist, so it checks the ids readers will
 * actually land on.
 */
export function rehypeFragmentLinks() {
  return (tree: Root, file: VFile) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node) => {
      const id = node.properties['id'];
      if (typeof id === 'string') ids.add(id);
    });
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a') return;
      const href = node.properties['href'];
      if (typeof href !== 'string' || !href.startsWith('#') || href === '#') return;
      let target: string;
      try {
        target = decodeURIComponent(href.slice(1));
      } catch {
        target = href.slice(1);
      }
      if (!ids.has(target)) {
        const known = [...ids].filter((id) => !/^fn(ref)?-/.test(id)).slice(0, 12).join(', ');
        file.fail(`link to "#${target}" points at no section of this report (ids here: ${known} …)`, node);
      }
    });
  };
}
