/**
 * <site-search>: opens search from anywhere. "/" (outside text fields) and
 * Ctrl/⌘+K open the dialog, or focus the search page's own box when the
 * reader is already on it. The dialog and the search code load on first use
 * only. A report opened from a result (?highlight=…) loads the highlighter.
 */
class SiteSearch extends HTMLElement {
  #open: Promise<() => void> | undefined;

  connectedCallback() {
    this.querySelector('.site-search-open')!.addEventListener('click', (event) => {
      const click = event as MouseEvent;
      if (click.ctrlKey || click.metaKey || click.shiftKey || click.button !== 0) return;
      event.preventDefault();
      this.open();
    });
    document.addEventListener('keydown', (event) => {
      const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]');
      const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
      const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
      if (!slash && !commandK) return;
      event.preventDefault();
      this.open();
    });
  }

  open() {
    const pageInput = document.querySelector<HTMLInputElement>('search-page input[type="search"]');
    if (pageInput) {
      pageInput.focus();
      pageInput.select();
      return;
    }
    this.#open ??= import('./search/dialog.ts').then(({ createSearchDialog }) => createSearchDialog(this));
    void this.#open.then((open) => open());
  }
}

customElements.define('site-search', SiteSearch);

const highlight = new URLSearchParams(location.search).get('highlight');
if (highlight) void import('./search/highlight-terms.ts').then(({ highlightTerms }) => highlightTerms(highlight));
