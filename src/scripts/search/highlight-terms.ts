/**
 * On a report opened from search (?highlight=…): marks every occurrence of
 * the query's words in the report, exactly as search counted them (same
 * folding), and offers a bar to step to the previous and next occurrence.
 * Loaded only when the parameter is present.
 */
import type { SearchManifest } from '../../lib/search/engine.ts';
import { parseQuery } from '../../lib/search/engine.ts';
import { createFolder } from '../../lib/search/fold.ts';
import { HIGHLIGHT_PARAM } from '../../lib/search/present.ts';
import { adoptSearchStyles } from './styles.ts';

interface Piece {
  node: Text;
  start: number;
  end: number;
}

function textNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('[data-pagefind-ignore], script, style, template')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

export async function highlightTerms(query: string) {
  const root = document.querySelector('[data-pagefind-body]');
  if (!root || query.trim() === '') return;
  let table = new Map<string, string>();
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}search/manifest.json`);
    if (response.ok) table = new Map(Object.entries(((await response.json()) as SearchManifest).fold));
  } catch {
    // Without the table, Simplified queries still highlight; Traditional ones may not.
  }
  const folder = createFolder(table);
  const words = parseQuery(query, folder).words;

  // The folded text of the report, each character traced to its text node.
  const characters: string[] = [];
  const origin: Piece[] = [];
  for (const node of textNodes(root)) {
    const folded = folder.foldWithSource(node.data);
    folded.characters.forEach((character, k) => {
      characters.push(character);
      origin.push({ node, start: folded.sourceStart[k]!, end: folded.sourceEnd[k]! });
    });
  }
  const occurrences: [number, number][] = [];
  for (const word of words) {
    for (let start = 0; start + word.length <= characters.length; start++) {
      if (word.every((character, k) => characters[start + k] === character)) occurrences.push([start, start + word.length]);
    }
  }
  occurrences.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // Words of one query can overlap (多边主义 inside 真正的多边主义): one mark covers both,
  // as marks cannot nest across each other.
  const places: [number, number][] = [];
  for (const [from, to] of occurrences) {
    const last = places.at(-1);
    if (last && from < last[1]) last[1] = Math.max(last[1], to);
    else places.push([from, to]);
  }
  if (places.length === 0) return;

  // Wrap each place, last first so offsets stay valid: in one mark where
  // its text nodes are apart only by whole elements (a heading's empty
  // line-break marker), else node piece by node piece.
  const marks: HTMLElement[][] = places.map(() => []);
  const wrap = (hit: number, from: Piece, to: Piece) => {
    const range = document.createRange();
    range.setStart(from.node, from.start);
    range.setEnd(to.node, to.end);
    const mark = document.createElement('mark');
    mark.className = 'search-hit';
    range.surroundContents(mark);
    marks[hit]!.unshift(mark);
  };
  for (let hit = places.length - 1; hit >= 0; hit--) {
    const [from, to] = places[hit]!;
    try {
      wrap(hit, origin[from]!, origin[to - 1]!);
      continue;
    } catch {
      // An element only partly inside the occurrence: one mark per text node.
    }
    const pieces: Piece[] = [];
    for (let k = from; k < to; k++) {
      const { node, start, end } = origin[k]!;
      const last = pieces.at(-1);
      if (last && last.node === node && last.end === start) last.end = end;
      else pieces.push({ node, start, end });
    }
    for (const piece of pieces.reverse()) wrap(hit, piece, piece);
  }
  showNavigator(query.trim(), marks);
}

function showNavigator(query: string, hits: HTMLElement[][]) {
  adoptSearchStyles();
  const bar = document.createElement('div');
  bar.className = 'search-hits';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', '搜索词导航');
  const label = document.createElement('span');
  label.className = 'search-hits-label';
  const status = document.createElement('span');
  status.setAttribute('aria-live', 'polite');
  const button = (text: string, ariaLabel: string) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.textContent = text;
    element.setAttribute('aria-label', ariaLabel);
    return element;
  };
  const previous = button('↑', '上一处');
  const next = button('↓', '下一处');
  const clear = button('×', '清除高亮');
  label.textContent = `“${query}”`;
  bar.append(label, status, previous, next, clear);
  document.body.append(bar);

  let current = -1;
  const select = (index: number, scroll: boolean) => {
    hits[current]?.forEach((mark) => mark.classList.remove('current'));
    current = (index + hits.length) % hits.length;
    hits[current]!.forEach((mark) => mark.classList.add('current'));
    status.textContent = `第 ${current + 1} / ${hits.length} 处`;
    if (scroll) hits[current]![0]!.scrollIntoView({ block: 'center' });
  };
  previous.addEventListener('click', () => select(current - 1, true));
  next.addEventListener('click', () => select(current + 1, true));
  clear.addEventListener('click', () => {
    for (const mark of hits.flat()) mark.replaceWith(...mark.childNodes);
    bar.remove();
    const url = new URL(location.href);
    url.searchParams.delete(HIGHLIGHT_PARAM);
    history.replaceState(history.state, '', url);
  });

  // Start at the first occurrence in the section the link pointed to.
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  const first = target
    ? hits.findIndex((marks) => target.compareDocumentPosition(marks[0]!) & Node.DOCUMENT_POSITION_FOLLOWING)
    : 0;
  const start = Math.max(0, first);
  const box = hits[start]![0]!.getBoundingClientRect();
  select(start, box.top < 0 || box.bottom > window.innerHeight);
}
