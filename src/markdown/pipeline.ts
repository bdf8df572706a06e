import { unified } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { withLocatedErrors } from './located-errors.ts';
import { rehypeBackrefsOutOfSearch } from './rehype-backrefs-out-of-search.ts';
import { rehypeFragmentLinks } from './rehype-fragment-links.ts';
import { rehypeHeadingLinks } from './rehype-heading-links.ts';
import { rehypeHyphenatedNumbers } from './rehype-hyphenated-numbers.ts';
import { rehypeHeadingBreaks } from './rehype-heading-breaks.ts';
import { rehypeNameSeparators } from './rehype-name-separators.ts';
import { rehypeNoteRefs } from './rehype-note-refs.ts';
import { rehypeQuoteBreaks } from './rehype-quote-breaks.ts';
import { rehypeSectionNumbers } from './rehype-section-numbers.ts';
import { remarkContentNotCode } from './remark-content-not-code.ts';
import { remarkFootnoteIntegrity } from './remark-footnote-integrity.ts';
import { rehypeUrlLinks } from './rehype-url-links.ts';

/**
 * The one place that says how a report's Markdown becomes HTML.
 *
 * Astro 7's default Markdown processor does not run remark/rehype plugins, so
 * reports go through `@astrojs/markdown-remark`'s unified processor, which MDX
 * inherits. In order:
 *
 * 1. remark-gfm — footnotes and tables. Added here rather than through the
 *    processor's `gfm` switch so its options are ours: `singleTilde: false`
 *    because "2020 ~ 2021" is a range, never strikethrough.
 * 2. remarkContentNotCode — a report is content, not code: `<script>`,
 *    `{expressions}`, `import`, components, `on…=` handlers and `javascript:`
 *    links stop the build, each named by line with how to write it as text.
 * 3. remarkFootnoteIntegrity — a reference without a note, or a note without
 *    a reference, stops the build (remark-gfm would publish both silently).
 * 4. remark-rehype — footnotes labelled in Chinese, ids without the
 *    `user-content-` prefix so links to a note read `#fn-12`.
 * 5. rehype-slug — heading ids from the heading text; Chinese stays Chinese,
 *    so a shared link says where it goes. Astro keeps ids that are already set.
 * 6. rehypeSectionNumbers — a heading's leading "No. 1" set apart in a
 *    span, so the report itself needs no markup for it.
 * 7. rehypeHeadingLinks — a labelled "#" link beside every heading.
 * 8. rehypeFragmentLinks — a `#fragment` link to nothing stops the build.
 * 9. rehypeUrlLinks — marks links that show their own address, so print
 *    adds the address only to the others.
 * 10. rehypeBackrefsOutOfSearch — the notes' ↩ back-links stay out of the
 *    search index, like the heading links.
 * 11. rehypeHeadingBreaks, rehypeNoteRefs, rehypeNameSeparators,
 *    rehypeQuoteBreaks — typesetting (W3C clreq): a heading breaks between
 *    words only; a note reference after 。，” is drawn in the blank half of
 *    that mark, and one ending a paragraph keeps two characters with it; the
 *    · in 约翰·鲁杰 never begins a line; a line may break where a Chinese
 *    quote meets Latin text (界”|(B3W)). Markup only, no text, after every
 *    step that reads the text.
 *
 * SmartyPants is off: it rewrites quotes, dashes and dots, and the text of a
 * report must stay exactly what its authors wrote.
 *
 * Every error rendering a report's MDX, MDX's own parse errors included,
 * starts with "<file>:<line>:<column>" (located-errors.ts).
 */
export const reportMarkdownProcessor = withLocatedErrors(unified({
  gfm: false,
  smartypants: false,
  remarkPlugins: [[remarkGfm, { singleTilde: false }], remarkContentNotCode, remarkFootnoteIntegrity],
  remarkRehype: {
    clobberPrefix: '',
    footnoteLabel: '注释',
    footnoteLabelTagName: 'h2',
    footnoteLabelProperties: { className: ['footnotes-heading'] },
    // A back-link stands in its note's list item, which says the note's
    // number; a note cited twice says which citation each link returns to.
    footnoteBackLabel: (_note: number, citation: number) => (citation > 1 ? `返回正文（第 ${citation} 处引用）` : '返回正文'),
  },
  rehypePlugins: [
    rehypeSlug,
    rehypeSectionNumbers,
    rehypeHeadingLinks,
    rehypeFragmentLinks,
    rehypeUrlLinks,
    rehypeBackrefsOutOfSearch,
    rehypeHeadingBreaks,
    rehypeNoteRefs,
    rehypeNameSeparators,
    rehypeQuoteBreaks,
    rehypeHyphenatedNumbers,
  ],
}));
