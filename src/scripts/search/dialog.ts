/**
 * The search dialog, built on first use: a modal <dialog> with a search box,
 * the results (id="search-results", aria-busy while searching) and a link to
 * the same search on the search page.
 */
import { arrowNavigation, resultsView } from './render.ts';
import { adoptSearchStyles } from './styles.ts';

const searchPage = `${import.meta.env.BASE_URL}search/`;
const hint = '精确匹配：找到与输入完全相同的文字（简繁体、全半角、大小写视为相同）；以空格分隔多个词，须同时出现在同一节中。';

function build(): HTMLDialogElement {
  const dialog = document.createElement('dialog');
  dialog.className = 'search-dialog';
  dialog.setAttribute('aria-labelledby', 'search-dialog-title');
  dialog.innerHTML = `
    <div class="search-dialog-head">
      <h2 id="search-dialog-title" class="search-dialog-title">搜索报告</h2>
      <button type="button" class="search-dialog-close" aria-label="关闭搜索">×</button>
    </div>
    <form class="search-form" method="get" role="search">
      <label class="visually-hidden" for="search-dialog-input">搜索词</label>
      <input id="search-dialog-input" class="search-input" type="search" name="q" autocomplete="off" spellcheck="false"
        enterkeyhint="search" placeholder="输入要查找的词，如 多边主义" aria-describedby="search-dialog-hint">
      <button type="submit" class="search-submit">搜索</button>
    </form>
    <p id="search-dialog-hint" class="search-hint"></p>
    <div id="search-results" class="search-results" aria-live="polite"></div>
    <p class="search-dialog-page"><a class="search-dialog-page-link">在搜索页中打开</a></p>`;
  dialog.querySelector('.search-hint')!.textContent = hint;
  dialog.querySelector('form')!.action = searchPage;
  dialog.querySelector<HTMLAnchorElement>('.search-dialog-page-link')!.href = searchPage;
  return dialog;
}

/** Creates the dialog inside `host`, wires it, and returns a function that opens it. */
export function createSearchDialog(host: HTMLElement): () => void {
  adoptSearchStyles();
  const dialog = build();
  host.append(dialog);
  const input = dialog.querySelector<HTMLInputElement>('input')!;
  const results = dialog.querySelector<HTMLElement>('#search-results')!;
  const pageLink = dialog.querySelector<HTMLAnchorElement>('.search-dialog-page-link')!;
  const view = resultsView(results, 3);
  let timer: number | undefined;

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
    window.clearTimeout(timer);
    void view.show(input.value);
  });
  input.addEventListener('input', () => {
    const page = new URL(pageLink.href);
    page.searchParams.set('q', input.value);
    pageLink.href = page.href;
    window.clearTimeout(timer);
    view.queryChanged();
    timer = window.setTimeout(() => void view.show(input.value), 200);
  });
  arrowNavigation(input, results);

  return () => {
    if (!dialog.open) dialog.showModal();
    input.focus();
  };
}
