/**
 * <report-toc>: marks the table-of-contents link of the section being read
 * with aria-current, and names that section in the contents bar of narrower
 * screens ("目录 · …"). The list itself is rendered on the server; this only
 * watches which heading was last scrolled past the top of the viewport.
 *
 * Where the contents are that bar, tapping it opens them as a sheet
 * (toc-sheet.ts), whose code loads the first time a reader reaches for it.
 */
// Not a worker: `?worker&url` makes Vite bundle toc-sheet.ts and its imports
// into one ES module file and give its address (base path included).
import sheetUrl from './toc-sheet.ts?worker&url';

// Its twins are in footnote-loader.ts, citation-loader.ts and site-search.ts:
// a module they all imported would become a shared chunk, a request of its own.
let loading: Promise<unknown> | undefined;
const loadSheet = () =>
  (loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = sheetUrl;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  }));

class ReportToc extends HTMLElement {
  /** Set by toc-sheet.ts once loaded. */
  openSheet?: () => void;
  #observer: IntersectionObserver | undefined;
  #onScroll: (() => void) | undefined;

  connectedCallback(): void {
    this.#watchSections();
    const summary = this.querySelector('summary');
    summary?.addEventListener('pointerdown', () => void loadSheet());
    summary?.addEventListener('click', (event) => {
      // The bar is what report.css makes sticky on narrower screens; on wide
      // ones the contents are always open beside the text.
      if (getComputedStyle(this.closest('.report-toc-column') ?? this).position !== 'sticky') return;
      event.preventDefault();
      void loadSheet().then(() => this.openSheet?.());
    });
  }

  #watchSections(): void {
    const links = new Map<string, HTMLAnchorElement>();
    for (const link of this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      links.set(decodeURIComponent(link.hash.slice(1)), link);
    }
    const headings = [...links.keys()]
      .map((id) => document.getElementById(id))
      .filter((el): el is HTMLElement => el !== null);
    if (headings.length === 0) return;

    const label = this.querySelector('.toc-current');
    let current: HTMLAnchorElement | undefined;
    const mark = (id: string | undefined) => {
      const link = id === undefined ? undefined : links.get(id);
      if (link === current) return;
      current?.removeAttribute('aria-current');
      link?.setAttribute('aria-current', 'true');
      current = link;
      if (label) label.textContent = link?.textContent ?? '';
    };

    // The section being read is the last heading above a line a third of the
    // way down the viewport; recomputed whenever a heading crosses that band.
    const update = () => {
      const line = innerHeight / 3;
      let active: string | undefined;
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top <= line) active = heading.id;
        else break;
      }
      mark(active ?? headings[0]?.id);
    };
    this.#observer = new IntersectionObserver(update, { rootMargin: '0px 0px -66% 0px' });
    for (const heading of headings) this.#observer.observe(heading);
    // An instant jump (scrollbar drag, a back-link, Home) can move past the
    // band without a heading crossing it: recompute once per frame on scroll.
    let queued = false;
    this.#onScroll = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        update();
      });
    };
    addEventListener('scroll', this.#onScroll, { passive: true });
    update();
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    if (this.#onScroll) removeEventListener('scroll', this.#onScroll);
  }
}

customElements.define('report-toc', ReportToc);
