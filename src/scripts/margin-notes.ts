/**
 * Notes in the margin beside the text, on screens with room for them
 * (report.css): after each note's first reference, a <margin-note> holding a
 * copy of the note, which margin-notes.css floats out into the margin column
 * beside that line, as Tufte CSS places its sidenotes. Floats that crowd
 * stack one below the other (clear), so notes never overlap and stay in
 * order; the browser keeps them beside their lines through every reflow
 * (resizing, fonts), with no script measuring anything. Pointing at or
 * focusing a reference lights up its note, and the other way round (CSS).
 *
 * The copies are made here rather than sent in the page (a reader on a phone
 * would download every note twice). They are for the eye only: aria-hidden
 * (the note list, which each reference links to, is what screen readers
 * read, once), links out of the Tab order, kept out of the search index, and
 * the text lives in a shadow root, so text walkers over the report (the
 * search highlighter, innerText, the passage link) never meet it a second
 * time. Loaded by footnote-loader.ts where the margin is shown, with its styles.
 */
import marginStyles from '../styles/margin-notes.css?inline';

/** A copy of note `source` (an item of the note list): numbered, without back-links or ids. */
function marginCopy(source: Element, number: string): DocumentFragment {
  const copy = document.createDocumentFragment();
  for (const child of source.children) {
    const paragraph = document.createElement('span');
    paragraph.part.add('paragraph');
    paragraph.append(...(child.cloneNode(true) as Element).childNodes);
    copy.append(paragraph);
  }
  copy.querySelectorAll('[data-footnote-backref]').forEach((backref) => backref.remove());
  copy.querySelectorAll('[id]').forEach((element) => element.removeAttribute('id'));
  for (const link of copy.querySelectorAll('a')) {
    link.part.add('link');
    // Clickable, but not a Tab stop: keyboard readers reach the note in the list.
    link.tabIndex = -1;
  }
  const label = document.createElement('span');
  label.part.add('number');
  label.textContent = number;
  (copy.firstElementChild ?? copy).prepend(label);
  return copy;
}

const style = document.createElement('style');
style.textContent = marginStyles;
document.head.append(style);

const placed = new Set<string>();
for (const ref of document.querySelectorAll<HTMLAnchorElement>('a[data-footnote-ref]')) {
  const id = decodeURIComponent(ref.hash.slice(1));
  const source = document.getElementById(id);
  // A note cited twice stands beside its first reference.
  if (!source || placed.has(id)) continue;
  placed.add(id);
  const note = document.createElement('margin-note');
  note.dataset['note'] = id;
  note.setAttribute('aria-hidden', 'true');
  note.setAttribute('data-pagefind-ignore', '');
  note.attachShadow({ mode: 'open' }).append(marginCopy(source, ref.textContent?.trim() ?? ''));
  // Beside the line: right after the reference, where it runs in a paragraph
  // or a list. A heading, table or quotation lays out its own box (a float
  // in it would keep to that box): there the note stands at the top of it.
  const body = ref.closest('.report-body');
  let top: Element = ref;
  while (top.parentElement && top.parentElement !== body) top = top.parentElement;
  if (ref.closest('h2, h3, h4, h5, h6, table, blockquote, figure, dl') && top !== ref) top.before(note);
  else (ref.closest('sup') ?? ref).after(note);
}
