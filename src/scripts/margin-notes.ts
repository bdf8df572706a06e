/**
 * <margin-notes>: on screens with room for a third column (report.css), each
 * footnote stands in the margin beside the line that cites it, numbered, as
 * in Tufte's and Distill's layouts; notes that crowd are pushed down, never
 * overlapping (src/lib/margin-notes.ts). Pointing at or focusing a reference
 * highlights its note, and pointing at a note highlights its references.
 *
 * The notes are copies of the note list at the end, made here rather than
 * sent in the page (a reader on a phone would download every note twice).
 * They are for the eye only: the element is aria-hidden (the note list,
 * which each reference links to, is what screen readers read, once), its
 * links are out of the Tab order, and the copies live in a shadow root, so
 * text walkers over the report (the search highlighter, innerText, the
 * passage link) never meet the text a second time. Loaded by
 * footnote-loader.ts when the column is shown, with its styles.
 */
import { stackNotes } from '../lib/margin-notes.ts';
import marginStyles from '../styles/margin-notes.css?inline';

const REFERENCE = 'a[data-footnote-ref]';
/** Space between two notes pushed together, in px. */
const GAP = 12;
const PAIRED = 'is-paired';

interface Placed {
  id: string;
  /** The first reference to the note: where it stands. */
  ref: HTMLAnchorElement;
  note: HTMLElement;
}

const noteId = (ref: HTMLAnchorElement) => decodeURIComponent(ref.hash.slice(1));
const closestReference = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<HTMLAnchorElement>(REFERENCE) : null;

/** A copy of note `source` (an item of the note list) for the margin: numbered, without back-links or ids. */
function marginCopy(source: Element, number: string): HTMLElement {
  const note = document.createElement('div');
  note.className = 'note';
  for (const child of source.children) {
    const copy = child.cloneNode(true) as Element;
    copy.querySelectorAll('[data-footnote-backref]').forEach((backref) => backref.remove());
    copy.querySelectorAll('[id]').forEach((element) => element.removeAttribute('id'));
    copy.removeAttribute('id');
    // Clickable, but not a Tab stop: keyboard readers reach the note in the list.
    copy.querySelectorAll('a').forEach((link) => (link.tabIndex = -1));
    note.append(copy);
  }
  const label = document.createElement('span');
  label.className = 'number';
  label.textContent = number;
  (note.firstElementChild ?? note).prepend(label);
  return note;
}

class MarginNotes extends HTMLElement {
  #placed: Placed[] = [];
  #refsByNote = new Map<string, HTMLAnchorElement[]>();
  #observer = new ResizeObserver(() => this.#place());
  #pointed: string | undefined;
  #focused: string | undefined;
  #paired: string | undefined;

  connectedCallback(): void {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = marginStyles;
    this.#placed = [];
    this.#refsByNote.clear();
    for (const ref of document.querySelectorAll<HTMLAnchorElement>(REFERENCE)) {
      const id = noteId(ref);
      const refs = this.#refsByNote.get(id);
      // A note cited twice stands beside its first reference.
      if (refs) {
        refs.push(ref);
        continue;
      }
      const source = document.getElementById(id);
      if (!source) continue;
      this.#refsByNote.set(id, [ref]);
      const note = marginCopy(source, ref.textContent?.trim() ?? '');
      note.dataset['note'] = id;
      this.#placed.push({ id, ref, note });
    }
    root.replaceChildren(style, ...this.#placed.map(({ note }) => note));
    this.#place();

    // The column changes size with the window and with the text beside it
    // (the row's height), so one observer hears every reflow that moves a
    // reference; fonts arriving late reflow the notes themselves.
    this.#observer.observe(this);
    void document.fonts.ready.then(() => this.#place());
    document.addEventListener('pointerover', this.#onPointer);
    document.addEventListener('focusin', this.#onFocus);
    document.addEventListener('focusout', this.#onFocus);
  }

  disconnectedCallback(): void {
    this.#observer.disconnect();
    document.removeEventListener('pointerover', this.#onPointer);
    document.removeEventListener('focusin', this.#onFocus);
    document.removeEventListener('focusout', this.#onFocus);
  }

  /** Each note beside its reference's line, pushed down below the one before when they crowd. */
  #place(): void {
    const column = this.getBoundingClientRect();
    if (column.width === 0) return; // Not shown: the screen is too narrow.
    const tops = stackNotes(
      this.#placed.map(({ ref, note }) => ({ anchor: this.#lineTop(ref) - column.top, height: note.offsetHeight })),
      { gap: GAP, end: column.height },
    );
    this.#placed.forEach(({ note }, k) => {
      const top = `${Math.round(tops[k]!)}px`;
      // Unchanged places are left alone: rewriting them would count as movement.
      if (note.style.insetBlockStart !== top) note.style.insetBlockStart = top;
    });
  }

  /**
   * The top of the cited line's text: the reference is a raised, smaller
   * figure, so its line is read from the text it follows (or, at the start
   * of a paragraph, from the reference).
   */
  #lineTop(ref: HTMLAnchorElement): number {
    const sup = ref.closest('sup') ?? ref;
    const before = sup.previousSibling;
    if (before instanceof Text && before.length > 0) {
      const range = document.createRange();
      range.setStart(before, before.length - 1);
      range.setEnd(before, before.length);
      const rect = range.getBoundingClientRect();
      if (rect.height > 0) return rect.top;
    }
    return ref.getBoundingClientRect().top;
  }

  // Pointing: a reference in the text, or a note in the margin (events from
  // inside the shadow root reach the document retargeted to this element).
  #onPointer = (event: PointerEvent): void => {
    const ref = closestReference(event.target);
    let id = ref ? noteId(ref) : undefined;
    if (!ref && event.target === this) {
      const note = event.composedPath()[0];
      id = note instanceof Element ? (note.closest<HTMLElement>('.note')?.dataset['note'] ?? undefined) : undefined;
    }
    this.#pointed = id;
    this.#pair();
  };

  #onFocus = (event: FocusEvent): void => {
    const ref = event.type === 'focusin' ? closestReference(event.target) : null;
    this.#focused = ref ? noteId(ref) : undefined;
    this.#pair();
  };

  /** Highlights together the note pointed at (or else focused) and its references. */
  #pair(): void {
    const id = this.#pointed ?? this.#focused;
    if (id === this.#paired) return;
    this.#mark(this.#paired, false);
    this.#mark(id, true);
    this.#paired = id;
  }

  #mark(id: string | undefined, on: boolean): void {
    if (id === undefined) return;
    this.#placed.find((placed) => placed.id === id)?.note.classList.toggle(PAIRED, on);
    for (const ref of this.#refsByNote.get(id) ?? []) ref.classList.toggle(PAIRED, on);
  }
}

customElements.define('margin-notes', MarginNotes);
