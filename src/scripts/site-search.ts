/**
 * <site-search>: opens search from anywhere. "/" (outside text fields) and
 * Ctrl/⌘+K open the dialog, or focus the search page's own box when the
 * reader is already on it. The search code loads on first use only.
 */
class SiteSearch extends HTMLElement {
  #view: Promise<import('./search/render.ts').ResultsView> | undefined;
  #timer: number | undefined;

  connectedCallback() {
    const opener = this.querySelector<HTMLAnchorElement>('.site-search-open')!;
    const dialog = this.querySelector<HTMLDialogElement>('dialog');
    opener.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
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
    if (!dialog) return;
    const input = dialog.querySelector<HTMLInputElement>('input')!;
    const results = dialog.querySelector<HTMLElement>('#search-results')!;
    const pageLink = dialog.querySelector<HTMLAnchorElement>('.search-dialog-page-link')!;
    dialog.querySelector('.search-dialog-close')!.addEventListener('click', () => dialog.close());
    // Esc closes at once, even from the search box (where it would first only clear the text).
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      dialog.close();
    });
    // A click on the backdrop (outside the dialog's box) closes it.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    dialog.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      window.clearTimeout(this.#timer);
      void this.#show(input.value, results);
    });
    input.addEventListener('input', () => {
      const page = new URL(pageLink.href);
      page.searchParams.set('q', input.value);
      pageLink.href = page.href;
      window.clearTimeout(this.#timer);
      this.#timer = window.setTimeout(() => void this.#show(input.value, results), 200);
    });
    void import('./search/render.ts').then(({ arrowNavigation }) => arrowNavigation(input, results));
  }

  open() {
    const pageInput = document.querySelector<HTMLInputElement>('search-page input[type="search"]');
    if (pageInput) {
      pageInput.focus();
      pageInput.select();
      return;
    }
    const dialog = this.querySelector<HTMLDialogElement>('dialog');
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLInputElement>('input')!.focus();
  }

  async #show(query: string, results: HTMLElement) {
    this.#view ??= import('./search/render.ts').then(({ resultsView }) => resultsView(results, 3));
    await (await this.#view).show(query);
  }
}

customElements.define('site-search', SiteSearch);
