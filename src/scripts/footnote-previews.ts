/**
 * <footnote-previews>: opens a footnote's text in place when its reference is
 * clicked, tapped or focused, so the reader need not leave the sentence.
 * Esc (or a click elsewhere, or moving focus on) closes it and returns focus
 * to the reference. The preview sits in the DOM right after the reference, so
 * Tab moves into it and links inside stay clickable. The note list at the end
 * of the report, with its back-links, stays as it is.
 *
 * The preview stays on screen: below the reference's line, or above it when
 * there is more room there. On phones (footnote-preview.css decides) it is a
 * sheet along the bottom of the screen with a close button; a tap moves focus
 * into it, and the page scrolls the reference clear of it if it covered it.
 * Where the notes stand in the margin beside the text (margin-notes.ts), no
 * preview opens: a reference is the plain link to its note in the list.
 *
 * Loaded on first use by footnote-loader.ts, with its styles.
 */
import previewStyles from '../styles/footnote-preview.css?inline';
import closeStyles from '../styles/sheet-close.css?inline';
import { notesBesideText } from './notes-beside-text.ts';

const REF_SELECTOR = 'a[data-footnote-ref]';
/** Space between the reference's line and the preview, in px. */
const GAP = 6;

class FootnotePreviews extends HTMLElement {
  #preview: HTMLElement = document.createElement('span');
  #openRef: HTMLAnchorElement | undefined;
  #refocusing = false;
  /** The reference a back-link in the note list is leading to, until focus arrives there. */
  #returningTo: string | undefined;

  connectedCallback(): void {
    this.#preview.className = 'footnote-preview';
    this.#preview.id = 'footnote-preview';
    this.#preview.setAttribute('role', 'note');
    this.#preview.tabIndex = -1;

    this.addEventListener('click', this.#onClick);
    this.addEventListener('focusin', this.#onFocusIn);
    this.addEventListener('focusout', this.#onFocusOut);
    document.addEventListener('keydown', this.#onKeyDown);
    document.addEventListener('click', this.#onDocumentClick);
    addEventListener('resize', this.#onResize);

    if (!document.getElementById('footnote-preview-styles')) {
      const style = document.createElement('style');
      style.id = 'footnote-preview-styles';
      style.textContent = previewStyles + closeStyles;
      document.head.append(style);
    }
    // The keyboard reached a reference before this code arrived (its focus is
    // what loaded it): open that note now, unless the reader came to the
    // reference by its back-link (the address then names it).
    const focused = document.activeElement;
    if (focused instanceof HTMLAnchorElement && this.contains(focused) && location.hash !== `#${focused.id}`) {
      focused.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    }
  }

  disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onKeyDown);
    document.removeEventListener('click', this.#onDocumentClick);
    removeEventListener('resize', this.#onResize);
  }

  #refFrom(target: EventTarget | null): HTMLAnchorElement | undefined {
    return target instanceof Element ? (target.closest<HTMLAnchorElement>(REF_SELECTOR) ?? undefined) : undefined;
  }

  #onClick = (event: MouseEvent): void => {
    const backref = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-footnote-backref]') : null;
    if (backref) this.#returningTo = decodeURIComponent(backref.hash.slice(1));
    const ref = this.#refFrom(event.target);
    if (!ref || notesBesideText()) return;
    // The preview replaces the jump to the note list; the list is one link away inside it.
    event.preventDefault();
    this.#open(ref);
    // A tap or click on a phone: the sheet takes focus, so a screen reader reads the note.
    if (this.#isSheet()) this.#preview.focus({ preventScroll: true });
  };

  #onFocusIn = (event: FocusEvent): void => {
    const ref = this.#refFrom(event.target);
    const returning = this.#returningTo;
    this.#returningTo = undefined;
    // Only keyboard focus opens a note here (clicks and taps open it in
    // #onClick). Following a back-link also focuses the reference (by mouse
    // or by Enter), and the reader who just read the note should not get it
    // again over the text.
    if (ref && !this.#refocusing && ref.id !== returning && ref.matches(':focus-visible') && !notesBesideText()) this.#open(ref);
  };

  #onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (!this.#openRef) return;
    if (next instanceof Node && (this.#preview.contains(next) || this.#openRef.contains(next))) return;
    // Focus left to another reference: #onFocusIn opens that one instead.
    if (this.#refFrom(next)) return;
    this.#close();
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this.#closeToReference();
  };

  /** Closes the preview and gives focus back to its reference (Esc, the close button). */
  #closeToReference(): void {
    const ref = this.#openRef;
    if (!ref) return;
    this.#close();
    this.#refocusing = true;
    ref.focus();
    this.#refocusing = false;
  }

  #onDocumentClick = (event: MouseEvent): void => {
    if (!this.#openRef || !(event.target instanceof Node)) return;
    if (this.#preview.contains(event.target) || this.#refFrom(event.target)) return;
    this.#close();
  };

  #onResize = (): void => {
    if (!this.#openRef) return;
    // Grown wide enough for the notes beside the text: they show it now.
    if (notesBesideText()) this.#close();
    else this.#position(this.#openRef);
  };

  #open(ref: HTMLAnchorElement): void {
    if (this.#openRef === ref) return;
    const note = document.getElementById(decodeURIComponent(ref.hash.slice(1)));
    if (!note) return; // No note to show: let the link behave as a link.
    this.#close();

    const number = ref.textContent?.trim() ?? '';
    const heading = document.createElement('span');
    heading.className = 'footnote-preview-heading';
    const jump = document.createElement('a');
    jump.href = ref.hash;
    jump.textContent = `注释 ${number}`;
    // Shown on the phone's sheet only (footnote-preview.css), where no text is left to tap beside it.
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'footnote-preview-close sheet-close';
    close.setAttribute('aria-label', '关闭注释');
    close.textContent = '×';
    close.addEventListener('click', () => this.#closeToReference());
    heading.append(jump, close);

    const body = document.createElement('span');
    body.className = 'footnote-preview-body';
    for (const child of note.children) {
      const copy = child.cloneNode(true) as Element;
      copy.querySelectorAll('[data-footnote-backref]').forEach((backref) => backref.remove());
      copy.removeAttribute('id');
      const line = document.createElement('span');
      line.className = 'footnote-preview-paragraph';
      line.append(...copy.childNodes);
      body.append(line);
    }

    this.#preview.replaceChildren(heading, body);
    this.#preview.setAttribute('aria-label', `注释 ${number}`);
    const sup = ref.closest('sup') ?? ref;
    sup.after(this.#preview);
    ref.setAttribute('aria-expanded', 'true');
    ref.setAttribute('aria-controls', this.#preview.id);
    this.#openRef = ref;
    this.#position(ref);
  }

  #close(): void {
    if (!this.#openRef) return;
    this.#openRef.setAttribute('aria-expanded', 'false');
    this.#openRef = undefined;
    this.#preview.remove();
  }

  /** The preview is the sheet along the bottom of a phone's screen (its styles make it fixed there). */
  #isSheet(): boolean {
    return getComputedStyle(this.#preview).position === 'fixed';
  }

  /**
   * Across the text column, below the reference's line or, when there is more
   * room above it, above; never further than the screen: a note taller than
   * the room scrolls inside. On a phone's sheet, the reference is kept in view
   * above it.
   */
  #position(ref: HTMLAnchorElement): void {
    const style = this.#preview.style;
    style.insetBlockStart = '';
    style.maxBlockSize = '';
    const anchor = ref.getBoundingClientRect();
    if (this.#isSheet()) {
      const covered = anchor.bottom + GAP - this.#preview.getBoundingClientRect().top;
      if (covered > 0) scrollBy({ top: covered, behavior: 'instant' });
      return;
    }
    // The top of the screen is under the sticky header (and the contents bar):
    // what the page keeps clear for a heading reached by a link.
    const covered = parseFloat(getComputedStyle(document.documentElement).scrollPaddingBlockStart) || 0;
    const below = innerHeight - anchor.bottom - 2 * GAP;
    const above = anchor.top - covered - 2 * GAP;
    const height = this.#preview.offsetHeight;
    const flip = height > below && above > below;
    if (height > Math.max(below, above)) style.maxBlockSize = `${Math.max(below, above)}px`;
    const top = flip ? anchor.top - GAP - Math.min(height, above) : anchor.bottom + GAP;
    style.insetBlockStart = `${top - this.getBoundingClientRect().top}px`;
  }
}

customElements.define('footnote-previews', FootnotePreviews);
