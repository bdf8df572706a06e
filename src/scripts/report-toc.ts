/**
 * <report-toc>: marks the table-of-contents link of the section being read
 * with aria-current, and names that section in the contents bar of narrower
 * screens ("目录 · …"). The list itself is rendered on the server; this only
 * watches which heading was last scrolled past a line a third of the way
 * down the viewport.
 *
 * Where the contents are that bar, tapping it opens them as a sheet
 * (toc-sheet.ts), whose code loads the first time a reader reaches for it.
 */
// Not a worker: `?worker&url` makes Vite bundle toc-sheet.ts and its imports
// into one ES module file and give its address (base path included).
import sheetUrl from './toc-sheet.ts?worker&url';
import { loadModule } from './load-module.ts';

const loadSheet = () => loadModule(sheetUrl);

class ReportToc extends HTMLElement {
  /** Set by toc-sheet.ts once loaded. */
  openSheet?: () => void;

  connectedCallback(): void {
    // Each entry with its heading, in reading order.
    const sections = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].flatMap((link) => {
      const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      return heading ? [{ link, heading }] : [];
    });
    const label = this.querySelector('.toc-current')!;
    let current: HTMLAnchorElement | undefined;
    // The section being read is the last heading above a line a third of the
    // way down the viewport. Recomputed once per frame while the page scrolls
    // (an instant jump, a scrollbar drag, Home included; a reflow that moves
    // the text scrolls it too, by scroll anchoring).
    const update = () => {
      let link = sections[0]?.link;
      for (const section of sections) {
        if (section.heading.getBoundingClientRect().top > innerHeight / 3) break;
        link = section.link;
      }
      if (link === current) return;
      current?.removeAttribute('aria-current');
      link?.setAttribute('aria-current', 'true');
      current = link;
      label.textContent = link ? `· ${link.textContent}` : '';
    };
    let queued = false;
    const onChange = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        update();
      });
    };
    // (A scroll event cannot be cancelled: the listener never delays scrolling.)
    addEventListener('scroll', onChange);
    update();

    const summary = this.querySelector('summary')!;
    summary.addEventListener('pointerdown', loadSheet);
    summary.addEventListener('click', (event) => {
      // The bar is what report.css makes sticky on narrower screens; on wide
      // ones the contents are always open beside the text.
      if (getComputedStyle(this.parentElement!).position !== 'sticky') return;
      event.preventDefault();
      void loadSheet().then(() => this.openSheet?.());
    });
  }
}

customElements.define('report-toc', ReportToc);
