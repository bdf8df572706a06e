/** Report pages opened from search carry ?highlight=…; only then is the highlighter loaded. */
const query = new URLSearchParams(location.search).get('highlight');
if (query) void import('./search/highlight-terms.ts').then(({ highlightTerms }) => highlightTerms(query));
