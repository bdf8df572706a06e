/** Loaded by site-search.ts on a report opened from a result (?highlight=…). */
import { highlightTerms } from './highlight-terms.ts';

const query = new URLSearchParams(location.search).get('highlight');
if (query) void highlightTerms(query);
