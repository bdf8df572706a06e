/**
 * <report-citation>: the copy buttons of the "引用本文" block and the
 * "引用" button beside every section heading.
 *
 * The access date ([引用日期]) is the reader's today. The page is built once
 * and read for years, so the date it was built on would be wrong in nearly
 * every copy: citation-loader.ts writes today's date (the reader's own
 * calendar) into the online reference as the page loads, and a section
 * citation is dated at the moment of copying. Without scripts the build date
 * stays, and the copy buttons are hidden (they could do nothing).
 *
 * A section citation is the report's online GB/T 7714 reference with the
 * heading and the section's URL put into a template the server rendered
 * (data-section-template; see src/lib/citation/gbt7714.ts): no formatter
 * is shipped to the browser.
 */
import { localIsoDate } from '../lib/site-url.ts';
import { copyToClipboard, flashCopied } from './clipboard.ts';

class ReportCitation extends HTMLElement {
  #status: HTMLElement | null = null;

  connectedCallback(): void {
    this.#status = this.querySelector('[role="status"]');
    this.addEventListener('click', this.#onCopyClick);
    document.addEventListener('click', this.#onSectionClick);
  }

  disconnectedCallback(): void {
    document.removeEventListener('click', this.#onSectionClick);
  }

  #onCopyClick = async (event: MouseEvent): Promise<void> => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-copy]') : null;
    const source = button && document.getElementById(button.dataset['copy'] ?? '');
    if (!button || !source) return;
    const text = (source.textContent ?? '').trim();
    const copied = await copyToClipboard(text, source.innerHTML.trim());
    flashCopied(button, copied);
    // "复制 APA 引文" → "已复制 APA 引文"
    this.#announce(copied ? `已${button.getAttribute('aria-label') ?? '复制'}。` : '浏览器未允许访问剪贴板，请选中引文后手动复制。');
  };

  #onSectionClick = async (event: MouseEvent): Promise<void> => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button.heading-cite') : null;
    const heading = button?.parentElement?.querySelector<HTMLElement>('h2[id], h3[id], h4[id], h5[id], h6[id]');
    if (!button || !heading) return;
    const citation = this.sectionCitation(heading);
    const copied = await copyToClipboard(citation);
    flashCopied(button, copied);
    const section = citation && heading.textContent?.trim();
    this.#announce(copied ? `已复制本节（${section}）的 GB/T 7714 引文。` : `浏览器未允许访问剪贴板。本节引文：${citation}`);
  };

  /** The report's online reference for one section, dated today. */
  sectionCitation(heading: HTMLElement): string {
    const template = this.dataset['sectionTemplate'] ?? '';
    const url = `${this.dataset['url'] ?? ''}#${heading.id}`;
    const values: Record<string, string> = {
      section: (heading.textContent ?? '').replace(/\s+/g, ' ').trim(),
      accessed: localIsoDate(new Date()),
      url,
    };
    return template.replace(/\{(section|accessed|url)\}/g, (_, key: string) => values[key] ?? '');
  }

  #announce(message: string): void {
    if (this.#status) this.#status.textContent = message;
  }
}

customElements.define('report-citation', ReportCitation);
