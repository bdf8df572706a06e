/**
 * Ids that the Markdown pipeline gives the footnotes (see
 * src/markdown/pipeline.ts, `clobberPrefix: ''`): the heading of the note list,
 * each note and each reference. Shared by the layout, the client script and
 * the tests so they cannot drift apart.
 */
export const FOOTNOTES_HEADING_ID = 'footnote-label';
export const footnoteId = (n: number | string): string => `fn-${n}`;
export const footnoteRefId = (n: number | string): string => `fnref-${n}`;
