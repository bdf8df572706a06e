/**
 * Search styles for pages that did not ask for search up front: added with
 * the search code when a reader opens the dialog or lands from a result.
 * Imported as a string: a stylesheet imported by a client script would be
 * inlined into every page by Astro, bytes every reader pays for.
 */
import searchStyles from '../../styles/search.css?inline';

let adopted = false;

export function adoptSearchStyles() {
  if (adopted || document.querySelector('search-page')) return;
  const style = document.createElement('style');
  style.textContent = searchStyles;
  document.head.append(style);
  adopted = true;
}
