import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/**
 * Stops the build when footnotes don't pair up.
 *
 * remark-gfm is forgiving in two ways that would publish a report silently
 * wrong: a reference `[^7]` without a definition is left as the literal text
 * "[^7]", and a definition nothing references is dropped from the page. Both
 * are an editor's mistake, so both are errors that name the file and line.
 */
export function remarkFootnoteIntegrity() {
  return (tree: Root, file: VFile) => {
    const defined = new Set<string>();
    const referenced = new Set<string>();
    visit(tree, (node) => {
      if (node.type === 'footnoteDefinition') defined.add(node.identifier);
      if (node.type === 'footnoteReference') referenced.add(node.identifier);
    });

    visit(tree, 'text', (node) => {
      const orphan = /\[\^([^\]\s]+)\]/.exec(node.value);
      if (orphan && !defined.has(orphan[1]!.toLowerCase())) {
        file.fail(`footnote reference [^${orphan[1]}] has no note: add a definition "[^${orphan[1]}]: …"`, node);
      }
    });

    visit(tree, 'footnoteDefinition', (node) => {
      if (!referenced.has(node.identifier)) {
        file.fail(`footnote [^${node.label ?? node.identifier}] is never referenced in the text`, node);
      }
    });
  };
}
