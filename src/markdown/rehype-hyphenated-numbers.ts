import type { Root } from 'hast';
import { HYPHENATED_NUMBER } from '../lib/line-breaks.ts';
import { markText, nowrapSpan } from './mark-text.ts';

/**
 * Numbers joined by hyphens (2021-12-01) never break across lines
 * (src/lib/line-breaks.ts says why): each goes in a `<span class="nowrap">`.
 * Only markup is added, the text stays the same. The report header does the
 * same for the front matter's text (ReportHeader.astro).
 */
export function rehypeHyphenatedNumbers() {
  return (tree: Root) =>
    markText(tree, HYPHENATED_NUMBER, (match) => [nowrapSpan(match)]);
}
