/**
 * <passage-link>: when the reader selects a passage of the report, a
 * "复制链接" button appears under the selection and copies a link that
 * reopens the page with that passage highlighted:
 *
 *   https://…/reports/<slug>/#<section-id>:~:text=<directive>
 *
 * The text directive (src/lib/text-fragment.ts) is read by browsers with text
 * fragments; the `#<section-id>` before it is where every other browser, or
 * a passage that has since changed, lands instead: the section enclosing the
 * selection (or the footnote, for a selection in a note). A browser without
 * text fragments copies the section link alone, and when it opens a link with
 * a directive this element scrolls to the section the directive is attached to.
 */
import { fragmentId, passageDirective, passageUrl, wordSegmenter } from '../lib/text-fragment.ts';
import { copyToClipboard, flashCopied } from './clipboard.ts';

/** Elements a text directive's start or end cannot cross (block boundaries). */
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, dd, dt, td, th, figcaption';
const SECTION_HEADINGS = 'h2[id], h3[id], h4[id], h5[id], h6[id]';
const supportsTextFragments = 'fragmentDirective' in document;

class PassageLink extends HTMLElement {
  #button: HTMLButtonElement | null = null;
  #scope: Element | null = null;
  #segment = wordSegmenter(document.documentElement.lang || 'zh-CN');
  #url: string | undefined;
  #pending: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    this.#button = this.querySelector('button');
    this.#scope = document.querySelector(this.dataset['scope'] ?? 'article');
    document.addEventListener('selectionchange', this.#onSelectionChange);
    // Pressing the button must not clear the selection it links to.
    this.#button?.addEventListener('mousedown', (event) => event.preventDefault());
    this.#button?.addEventListener('click', this.#onClick);
    if (!supportsTextFragments && location.hash.includes(':~:')) {
      document.getElementById(fragmentId(location.hash))?.scrollIntoView();
    }
    // Loaded on demand (citation-loader.ts), typically by the selection this button is for.
    this.#update();
  }

  disconnectedCallback(): void {
    document.removeEventListener('selectionchange', this.#onSelectionChange);
  }

  #onSelectionChange = (): void => {
    clearTimeout(this.#pending);
    // Selecting fires many events; work once the reader pauses.
    this.#pending = setTimeout(this.#update, 120);
  };

  #update = (): void => {
    const selection = getSelection();
    const range = selection && !selection.isCollapsed && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    this.#url = range && this.#linkFor(range);
    if (!range || !this.#url || !this.#button) {
      if (this.#button) this.#button.hidden = true;
      return;
    }
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    this.#button.hidden = false;
    const width = this.#button.offsetWidth;
    const left = Math.max(8, Math.min(last.right - width / 2, document.documentElement.clientWidth - width - 8));
    this.#button.style.insetBlockStart = `${last.bottom + scrollY + 6}px`;
    this.#button.style.insetInlineStart = `${left + scrollX}px`;
  };

  /** The link to the selected passage, or undefined for a selection outside the report text. */
  #linkFor(range: Range): string | undefined {
    const startBlock = this.#blockOf(range.startContainer);
    const endBlock = this.#blockOf(range.endContainer);
    if (!startBlock || !endBlock) return undefined;
    const section = this.#sectionOf(startBlock);
    if (!supportsTextFragments) return passageUrl(this.dataset['url'] ?? '', section, undefined);
    const directive = passageDirective(
      {
        startBlock: startBlock.textContent ?? '',
        startOffset: textOffset(startBlock, range.startContainer, range.startOffset),
        endBlock: endBlock.textContent ?? '',
        endOffset: textOffset(endBlock, range.endContainer, range.endOffset),
        sameBlock: startBlock === endBlock,
      },
      this.#segment,
    );
    return directive && passageUrl(this.dataset['url'] ?? '', section, directive);
  }

  #blockOf(node: Node): Element | undefined {
    const element = node instanceof Element ? node : node.parentElement;
    const block = element?.closest(BLOCKS);
    if (!block || !this.#scope?.contains(block) || block.closest('nav, [data-passage-link-ignore]')) return undefined;
    return block;
  }

  /** The id of the footnote holding the block, or of the last section heading at or before it. */
  #sectionOf(block: Element): string | undefined {
    const note = block.closest('li[id]');
    if (note) return note.id;
    if (block.matches(SECTION_HEADINGS)) return block.id;
    let found: string | undefined;
    for (const heading of this.#scope?.querySelectorAll(SECTION_HEADINGS) ?? []) {
      if (heading.compareDocumentPosition(block) & Node.DOCUMENT_POSITION_FOLLOWING) found = heading.id;
      else break;
    }
    return found;
  }

  #onClick = async (): Promise<void> => {
    const button = this.#button;
    if (!this.#url || !button) return;
    const copied = await copyToClipboard(this.#url);
    flashCopied(button, copied);
    button.textContent = copied ? '已复制链接' : '未能复制';
    setTimeout(() => (button.textContent = '复制链接'), 2000);
  };
}

/** Characters of text in `block` before (container, offset). */
function textOffset(block: Element, container: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(container, offset);
  return before.toString().length;
}

customElements.define('passage-link', PassageLink);
