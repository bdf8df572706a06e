/**
 * Loads the footnote preview (footnote-previews.ts) only when a reader
 * reaches for a note: pointing at, pressing or focusing a reference or a
 * back-link. Pointing comes before the click, so the code is usually there
 * when the click arrives; a click that comes first waits for it and is then
 * replayed, and a reference focused by the keyboard before it arrived is
 * opened once it is there (footnote-previews.ts).
 */
// Not a worker: `?worker&url` makes Vite bundle footnote-previews.ts and its
// imports into one ES module file and give its address (base path included).
import previewsUrl from './footnote-previews.ts?worker&url';

const REFERENCE = 'a[data-footnote-ref]';
const NOTE_LINKS = `${REFERENCE}, a[data-footnote-backref]`;

// Its twins are in citation-loader.ts and site-search.ts: a module they all
// imported would become a shared chunk, a request of its own on every page.
let loading: Promise<unknown> | undefined;
const load = () =>
  (loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = previewsUrl;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  }));
const closest = (event: Event, selector: string) =>
  event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(selector) : null;

for (const type of ['pointerover', 'pointerdown', 'focusin']) {
  document.addEventListener(type, (event) => {
    if (closest(event, NOTE_LINKS)) void load();
  });
}
document.addEventListener('click', (event) => {
  const reference = closest(event, REFERENCE);
  if (!reference || customElements.get('footnote-previews')) return;
  // The preview replaces the jump to the note list, as it will once loaded.
  event.preventDefault();
  void load().then(() => reference.click());
});
