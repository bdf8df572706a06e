/**
 * Reads an MDX body back the way the build parses it (the MDX parser with
 * remark-gfm, `singleTilde: false` as in src/markdown/pipeline.ts) and
 * returns the text a reader will see: each heading and paragraph, and each
 * note. Anything that would not show as plain text (emphasis, code, an
 * expression, raw HTML other than the section number) is a problem: the
 * import's own check uses this to prove that what it wrote shows the source.
 */
import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';

interface MdxNode {
  type: string;
  value?: string;
  name?: string | null;
  identifier?: string;
  children?: MdxNode[];
}

export interface MdxText {
  /** Headings and paragraphs in order; references written `[^N]`. */
  blocks: string[];
  /** Each note's text by its label. */
  notes: Map<string, string>;
  /** What would not render as the plain text written. */
  problems: string[];
}

const parser = createProcessor({ format: 'mdx', remarkPlugins: [[remarkGfm, { singleTilde: false }]] });

export function readMdxText(mdx: string): MdxText {
  const tree = parser.parse(mdx) as MdxNode;
  const result: MdxText = { blocks: [], notes: new Map(), problems: [] };
  for (const node of tree.children ?? []) {
    if (node.type === 'heading' || node.type === 'paragraph') result.blocks.push(inline(node, result.problems));
    else if (node.type === 'footnoteDefinition') {
      const paragraphs = node.children ?? [];
      if (paragraphs.length !== 1 || paragraphs[0]!.type !== 'paragraph') result.problems.push(`note ${node.identifier} is not one paragraph`);
      result.notes.set(node.identifier ?? '', paragraphs.map((p) => inline(p, result.problems)).join(''));
    } else result.problems.push(`a ${node.type} block`);
  }
  return result;
}

function inline(node: MdxNode, problems: string[]): string {
  return (node.children ?? [])
    .map((child) => {
      switch (child.type) {
        case 'text':
          return child.value ?? '';
        case 'footnoteReference':
          return `[^${child.identifier}]`;
        case 'link':
          return inline(child, problems);
        case 'mdxJsxTextElement':
          if (child.name !== 'span') problems.push(`an element <${child.name}>`);
          return inline(child, problems);
        default:
          problems.push(`${child.type} "${child.value ?? inline(child, problems)}"`);
          return child.value ?? '';
      }
    })
    .join('');
}
