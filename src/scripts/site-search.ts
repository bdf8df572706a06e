/**
 * <site-search>: opens search from anywhere. "/" (outside text fields) and
 * Ctrl/⌘+K open the dialog, or focus the search page's own box when the
 * reader is already on it. The dialog and the search code load on first use
 * only. A report opened from a result (?highlight=…) loads the highlighter.
 */
// Not workers: `?worker&url` makes Vite bundle each entry and its imports into
// one ES module file and give its address (base path included), so this
// script, which every page loads, needs no dynamic import and no preload helper.
import dialogUrl from './search/dialog-entry.ts?worker&url';
import highlightUrl from './search/highlight-entry.ts?worker&url';
import { loadModule } from './load-header-module.ts';

class SiteSearch extends HTMLElement {
  openDialog?: () => void;
  #loading: Promise<void> | undefined;

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
    this.#loading ??= loadModule(dialogUrl);
    void this.#loading.then(() => this.openDialog?.());
  }
}

customElements.define('site-search', SiteSearch);

if (new URLSearchParams(location.search).has('highlight')) void loadModule(highlightUrl);
