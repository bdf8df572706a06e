/**
 * Loads the copy buttons' and passage link's code (citation-tools.ts) only
 * when a reader reaches for them: pressing or focusing a cite/copy button,
 * selecting text, or arriving by a passage link. What every reader downloads
 * stays a few hundred bytes. A click that arrives before the code is replayed
 * once it is there (still within the click's user activation, which the
 * clipboard needs).
 *
 * It also dates the online reference with the reader's today at once: the
 * page is built once and read for years, so the build day would be wrong in
 * nearly every copy (see report-citation.ts).
 */
// Not a worker: `?worker&url` makes Vite bundle citation-tools.ts and its
// imports into one ES module file and give its address (base path included).
import toolsUrl from './citation-tools.ts?worker&url';
import { localIsoDate } from '../lib/site-url.ts';
import { loadModule } from './load-module.ts';

// The reader's today, in the reader's time zone.
const today = localIsoDate(new Date());
for (const time of document.querySelectorAll<HTMLTimeElement>('time[data-accessed]')) {
  time.dateTime = today;
  time.textContent = today;
}

const TRIGGERS = 'button.heading-cite, button.cite-copy';
const load = () => loadModule(toolsUrl);
const trigger = (event: Event) => (event.target instanceof Element ? event.target.closest<HTMLElement>(TRIGGERS) : null);

for (const type of ['pointerdown', 'focusin']) {
  document.addEventListener(type, (event) => {
    if (trigger(event)) void load();
  });
}
document.addEventListener('click', (event) => {
  const button = trigger(event);
  if (button && !customElements.get('report-citation')) void load().then(() => button.click());
});
document.addEventListener('selectionchange', () => {
  if (getSelection()?.isCollapsed === false) void load();
});
if (location.hash.includes(':~:')) void load();
