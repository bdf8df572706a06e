/**
 * <report-toc>: marks the table-of-contents link of the section being read
 * with aria-current. The list itself is rendered on the server; this only
 * watches which heading was last scrolled past the top of the viewport.
 */
class ReportToc extends HTMLElement {
  #observer: IntersectionObserver | undefined;

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
    update();
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
  }
}

customElements.define('report-toc', ReportToc);
