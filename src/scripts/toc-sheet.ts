/**
 * The contents as a sheet on narrower screens, built the first time a reader
 * taps the contents bar (report-toc.ts loads this module then). A modal
 * <dialog> rising from the bottom: focus stays inside, Esc, the close button
 * or a tap outside closes it, and choosing an entry closes it and follows
 * the link, landing at the heading below the bar. The contents list itself
 * moves into the sheet while it is open and back into the page after, so
 * there is one list, and the current-section mark stays on it.
 */
import closeStyles from '../styles/sheet-close.css?inline';
import sheetStyles from '../styles/toc-sheet.css?inline';

function build(): { dialog: HTMLDialogElement; body: HTMLElement } {
  const dialog = document.createElement('dialog');
  dialog.className = 'toc-sheet';
  dialog.setAttribute('aria-labelledby', 'toc-sheet-title');
  // The body fills the dialog, so a click on the dialog itself is on its backdrop.
  dialog.innerHTML = `<div class="toc-sheet-body"><div class="toc-sheet-head">
    <h2 id="toc-sheet-title" class="toc-sheet-title">目录</h2>
    <button type="button" class="toc-sheet-close sheet-close" aria-label="关闭目录">×</button></div></div>`;
  return { dialog, body: dialog.querySelector('.toc-sheet-body')! };
}

function createSheet(host: HTMLElement): () => void {
  const style = document.createElement('style');
  style.textContent = sheetStyles + closeStyles;
  document.head.append(style);
  const nav = host.querySelector('nav')!;
  const home = nav.parentElement!;
  const { dialog, body } = build();
  host.append(dialog);

  dialog.querySelector('.toc-sheet-close')!.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    // An entry chosen: the sheet closes and the link's own jump follows.
    if (target === dialog || target?.closest('a[href^="#"]')) dialog.close();
  });
  dialog.addEventListener('close', () => home.append(nav));

  return () => {
    if (dialog.open) return;
    body.append(nav);
    dialog.showModal();
    // Start at the section being read: in view in the sheet, and focused.
    // Scrolled by hand: focus() would scroll the page behind the sheet too.
    const current = nav.querySelector<HTMLElement>('a[aria-current="true"]');
    if (!current) return;
    const { top, bottom } = current.getBoundingClientRect();
    const sheet = dialog.getBoundingClientRect();
    if (bottom > sheet.bottom) dialog.scrollTop += top - sheet.top - sheet.height / 2;
    current.focus({ preventScroll: true });
  };
}

const host = document.querySelector<HTMLElement & { openSheet?: () => void }>('report-toc');
if (host) host.openSheet = createSheet(host);
