/**
 * <report-toc>: marks the table-of-contents link of the section being read
 * with aria-current. The list itself is rendered on the server; this only
 * watches which heading was last scrolled past the top of the viewport.
 */
class ReportToc extends HTMLElement {
  #observer: IntersectionObserver | undefined;
  #onScroll: (() => void) | undefined;

  connectedCallback(): void {
    const links = new Map<string, HTMLAnchorElement>();
    for (const link of this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      links.set(decodeURIComponent(link.hash.slice(1)), link);
    }
    const headings = [...links.keys()]
      .map((id) => document.getElementById(id))
      .filter((el): el is HTMLElement => el !== null);
    if (headings.length === 0) return;

    let current: HTMLAnchorElement | undefined;
    const mark = (id: string | undefined) => {
      const link = id === undefined ? undefined : links.get(id);
      if (link === current) return;
      current?.removeAttribute('aria-current');
      link?.setAttribute('aria-current', 'true');
      current = link;
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
