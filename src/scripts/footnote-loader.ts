/**
 * Loads the footnotes' code only where and when it is used.
 *
 * Where the screen has room for the margin column (report.css decides), the
 * notes stand beside the text: their code (margin-notes.ts) loads with the
 * reader's first move, and a reference stays a plain link to its note in
 * the list. Elsewhere a reference opens a preview in place (footnote-previews.ts),
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
import { loadModule } from './load-module.ts';
import { notesBesideText as besideText } from './notes-beside-text.ts';

const REFERENCE = 'a[data-footnote-ref]';
const NOTE_LINKS = `${REFERENCE}, a[data-footnote-backref]`;

const closest = (event: Event, selector: string) =>
  event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(selector) : null;

// A report without notes loads this script too (with the page's others, see
// ReportLayout.astro) and does nothing.
if (document.querySelector(REFERENCE)) {
  // The reader's first move (pointer, touch, focus, scroll) brings the notes
  // beside the text where the page is wide enough, and reaching for a note
  // brings the preview elsewhere: opening a report costs nothing for either.
  for (const type of ['pointerover', 'pointerdown', 'focusin', 'scroll']) {
    document.addEventListener(type, (event) => {
      if (besideText()) void loadModule(marginNotesUrl);
      else if (closest(event, NOTE_LINKS)) void loadModule(previewsUrl);
    });
  }
  document.addEventListener('click', (event) => {
    const reference = closest(event, REFERENCE);
    if (!reference || besideText() || customElements.get('footnote-previews')) return;
    // The preview replaces the jump to the note list, as it will once loaded.
    event.preventDefault();
    void loadModule(previewsUrl).then(() => reference.click());
  });
}
