/**
 * Folding: the one definition of "the same text" for search. A query matches
 * a section when the folded section text contains the folded query. Folding
 * works code point by code point, so every folded character can be traced
 * back to the character of the page it came from (for highlights), and the
 * index (at build time) and the query (in the browser) fold identically.
 *
 * Per code point, in order:
 * - white space disappears (matches ignore white space, as the issue asks);
 * - NFKC compatibility folding: full-width Ｇ２０ becomes G20, ① becomes 1;
 * - lower case: WTO and wto are the same;
 * - combining marks are dropped (é and e are the same), as Pagefind's own
 *   query normalisation does, so the two can never disagree;
 * - Traditional characters become Simplified through a character table
 *   derived from OpenCC at build time (多邊主義 → 多边主义); the browser gets
 *   only the entries whose result occurs in the indexed text.
 * Private-use characters, lone surrogates and control characters are dropped
 * too: they carry no text a reader could type or see.
 */

/** Traditional → Simplified, one character to one character. */
export type CharacterTable = ReadonlyMap<string, string>;

export interface FoldedText {
  /** The folded text, one code point per entry. */
  characters: string[];
  /** For each folded character, the UTF-16 offset in the source of the code point it came from. */
  sourceStart: number[];
  /** For each folded character, the UTF-16 offset in the source just after that code point. */
  sourceEnd: number[];
}

/** Unicode white space as Rust (Pagefind's indexer) splits on it, plus zero-width spaces and joiners. */
const WHITE_SPACE = /^[\s\u0085\u180e\u200b\u200c\u200d\u2060\ufeff]$/u;
const DROPPED = /[\p{M}\p{Co}\p{Cs}\p{Cc}]/gu;

export function createFolder(table: CharacterTable) {
  const cache = new Map<string, string>();

  function foldCodePoint(codePoint: string): string {
    const cached = cache.get(codePoint);
    if (cached !== undefined) return cached;
    let folded = '';
    if (!WHITE_SPACE.test(codePoint)) {
      const compatible = codePoint.normalize('NFKC').toLowerCase().normalize('NFD').replace(DROPPED, '');
      for (const character of compatible.normalize('NFC')) {
        if (WHITE_SPACE.test(character)) continue;
        folded += table.get(character) ?? character;
      }
    }
    cache.set(codePoint, folded);
    return folded;
  }

  /** Fold a text, keeping where each folded character came from. */
  function foldWithSource(source: string): FoldedText {
    const characters: string[] = [];
    const sourceStart: number[] = [];
    const sourceEnd: number[] = [];
    let index = 0;
    for (const codePoint of source) {
      const end = index + codePoint.length;
      for (const character of foldCodePoint(codePoint)) {
        characters.push(character);
        sourceStart.push(index);
        sourceEnd.push(end);
      }
      index = end;
    }
    return { characters, sourceStart, sourceEnd };
  }

  function fold(source: string): string {
    let text = '';
    for (const codePoint of source) text += foldCodePoint(codePoint);
    return text;
  }

  return { fold, foldWithSource };
}

export type Folder = ReturnType<typeof createFolder>;
