/**
 * <search-page>: the search page at /search/. The query lives in ?q=, so a
 * search can be shared as a link and Back returns to earlier results. Typing
 * replaces the current history entry; submitting (Enter) adds one.
 */
import { SITE_NAME } from '../lib/site.ts';
import { arrowNavigation, resultsView } from './search/render.ts';

class SearchPage extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form')!;
    const input = this.querySelector<HTMLInputElement>('input[type="search"]')!;
    const results = this.querySelector<HTMLElement>('#search-results')!;
    const view = resultsView(results, 2);
    let timer: number | undefined;

    const queryInUrl = () => new URL(location.href).searchParams.get('q') ?? '';
    const writeUrl = (query: string, push: boolean) => {
      const url = new URL(location.href);
      if (query === '') url.searchParams.delete('q');
      else url.searchParams.set('q', query);
      if (url.href === location.href) return;
      history[push ? 'pushState' : 'replaceState'](null, '', url);
    };
    const run = (query: string) => {
      document.title = query.trim() ? `${query.trim()} – 搜索 | ${SITE_NAME}` : `搜索 | ${SITE_NAME}`;
      return view.show(query);
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      window.clearTimeout(timer);
      writeUrl(input.value, true);
      void run(input.value);
    });
    input.addEventListener('input', () => {
      window.clearTimeout(timer);
      view.queryChanged();
      timer = window.setTimeout(() => {
        writeUrl(input.value, false);
        void run(input.value);
      }, 200);
    });
    window.addEventListener('popstate', () => {
      input.value = queryInUrl();
      void run(input.value);
    });
    arrowNavigation(input, results);

    input.value = queryInUrl();
    if (input.value) void run(input.value);
    else input.focus();
  }
}

customElements.define('search-page', SearchPage);
