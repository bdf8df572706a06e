/**
 * Loads the footnotes' code only where and when it is used.
 *
 * Where the screen has room for the margin column (report.css shows it), the
 * notes stand beside the text: their code (margin-notes.ts) loads as soon as
 * the column is shown, and a reference stays a plain link to its note in the
 * list. Elsewhere a reference opens a preview in place (footnote-previews.ts),
 * loaded when a reader reaches for a note: pointing at, pressing or focusing
 * a reference or a back-link. Pointing comes before the click, so the code is
 * usually there when the click arrives; a click that comes first waits for it
 * and is then replayed, and a reference focused by the keyboard before it
 * arrived is opened once it is there (footnote-previews.ts).
 */
// Not workers: `?worker&url` makes Vite bundle each entry and its imports
// into one ES module file and give its address (base path included).
import marginNotesUrl from './margin-notes.ts?worker&url';
import previewsUrl from './footnote-previews.ts?worker&url';

const REFERENCE = 'a[data-footnote-ref]';
const NOTE_LINKS = `${REFERENCE}, a[data-footnote-backref]`;

// Its twins are in citation-loader.ts and site-search.ts: a module they all
// imported would become a shared chunk, a request of its own on every page.
const loading = new Map<string, Promise<unknown>>();
const load = (url: string) => {
  let loaded = loading.get(url);
  if (!loaded) {
    loaded = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = url;
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
    loading.set(url, loaded);
  }
  return loaded;
};
const closest = (event: Event, selector: string) =>
  event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(selector) : null;

const margin = document.querySelector('margin-notes');
const besideText = () => (margin?.clientWidth ?? 0) > 0;
if (margin) {
  // Shown at load, or once the window grows wide enough.
  new ResizeObserver((_, observer) => {
    if (!besideText()) return;
    observer.disconnect();
    void load(marginNotesUrl);
  }).observe(margin);
}

for (const type of ['pointerover', 'pointerdown', 'focusin']) {
  document.addEventListener(type, (event) => {
    if (!besideText() && closest(event, NOTE_LINKS)) void load(previewsUrl);
  });
}
document.addEventListener('click', (event) => {
  const reference = closest(event, REFERENCE);
  if (!reference || besideText() || customElements.get('footnote-previews')) return;
  // The preview replaces the jump to the note list, as it will once loaded.
  event.preventDefault();
  void load(previewsUrl).then(() => reference.click());
});
