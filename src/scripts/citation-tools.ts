/**
 * The citation and passage-link elements, loaded together on demand by
 * citation-loader.ts: most readers never cite, so they never download this.
 */
import './report-citation.ts';
import './passage-link.ts';
