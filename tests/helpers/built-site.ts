/** Reads pages of the built site (dist/) as HTML trees for the build-output tests. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/**
 * The built site the build-output tests read: dist/, or the build named by
 * `SITE_DIST` (the site with one more report, see vitest.config.ts).
 */
export const distDir: string = process.env['SITE_DIST'] ?? `${projectRoot}dist/`;

/** A built page as an HTML tree; `dir` is another build's output (default dist/). */
export function builtPage(route: string, dir: string = distDir): Root {
  const file = `${dir}${route.replace(/^\//, '')}${route.endsWith('/') ? 'index.html' : ''}`;
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: the build-output tests read dist/, run "npm run build" first (npm test does)`);
  }
  return fromHtml(readFileSync(file, 'utf8'));
}

export function mustSelect(selector: string, tree: Root | Element): Element {
  const found = select(selector, tree);
  if (!found) throw new Error(`no element matches ${selector}`);
  return found;
}

export { select, selectAll, toString };

/**
 * The text a reader sees in an element, with block boundaries as newlines,
 * footnote references written `[^N]`, and what the build added for
 * navigation (heading "#" links, footnote back-links) left out.
 */
export function readerText(node: Root | Element): string {
  const parts: string[] = [];
  const walk = (n: Root | Element | Root['children'][number]) => {
    if (n.type === 'text') {
      parts.push(n.value);
      return;
    }
    if (n.type !== 'element' && n.type !== 'root') return;
    if (n.type === 'element') {
      const cls = n.properties['className'];
      const classes = Array.isArray(cls) ? cls.map(String) : [];
      if (classes.includes('heading-link') || n.properties['dataFootnoteBackref'] !== undefined) return;
      if (n.properties['dataFootnoteRef'] !== undefined) {
        parts.push(`[^${toString(n).trim()}]`);
        return;
      }
      if (['script', 'style', 'template'].includes(n.tagName)) return;
    }
    const block = n.type === 'element' && /^(p|h[1-6]|li|div|section|header|footer|aside|ol|ul|nav|article)$/.test(n.tagName);
    if (block) parts.push('\n');
    for (const child of n.children) walk(child);
    if (block) parts.push('\n');
  };
  walk(node);
  return parts.join('');
}

/** A copy of `tree` with `node` (and its subtree) left out. */
export function without<T extends Root | Element>(tree: T, node: Element): T {
  const prune = (n: Root | Element): Root | Element => ({
    ...n,
    children: n.children
      .filter((child) => child !== node)
      .map((child) => (child.type === 'element' ? (prune(child) as Element) : child)),
  } as Root | Element);
  return prune(tree) as T;
}
