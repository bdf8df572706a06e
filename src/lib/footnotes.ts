/**
 * The id the Markdown pipeline gives the heading of the note list (see
 * src/markdown/pipeline.ts, `clobberPrefix: ''`; notes are `fn-N`, references
 * `fnref-N`). The layout uses it to leave the note list out of the authors'
 * outline and to know whether a report has notes at all.
 */
export const FOOTNOTES_HEADING_ID = 'footnote-label';
