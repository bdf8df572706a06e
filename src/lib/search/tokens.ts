/**
 * How folded text becomes Pagefind "words", and how a query is looked up.
 *
 * Pagefind indexes whitespace-separated words with their positions. Its
 * Chinese segmentation is not exact (see ../shared/notes/search-research.md),
 * so each report is handed to it as one custom record whose words we choose:
 * for every character c[j] of the report's folded text,
 *   - position 2j holds the unigram  c[j]
 *   - position 2j+1 holds the bigram BIGRAM_MARK + c[j] + c[j+1]
 * and every section starts with SECTION_MARK, a character no query can
 * contain (folding drops private-use characters), so no match can run from
 * one section into the next and the marker's positions give section starts.
 *
 * A one-character query looks up its unigram. A longer query looks up the
 * bigrams that tile it (offsets 0, 2, 4 … and n-2): the text holds the query
 * at j exactly when every tile's bigram sits at 2(j + offset) + 1. Bigrams
 * are rare compared with single characters, so a query fetches a small part of
 * the index, and the test is exact: no segmenter, no guessing.
 *
 * The bigram mark keeps unigrams from being prefixes of bigrams: Pagefind
 * extends every query word to the indexed words it prefixes, and "的" would
 * otherwise pull in every "的X".
 */

/** Starts every section in the token stream (private use: never in a query). */
export const SECTION_MARK = '\uE000';
/** Starts every bigram word (private use: never in a query). */
export const BIGRAM_MARK = '\uE001';

/** What Pagefind keeps in a word without being told: letters and digits. */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

export function isLetterOrDigit(character: string): boolean {
  return LETTER_OR_DIGIT.test(character);
}

export interface TokenStream {
  /** Space-separated words for Pagefind's `addCustomRecord`. */
  content: string;
  /** Characters Pagefind must keep in words (punctuation, symbols, the marks). */
  punctuation: Set<string>;
}

/** The token stream of one report: its sections' folded characters, in reading order. */
export function tokenStream(sections: readonly (readonly string[])[]): TokenStream {
  const characters: string[] = [];
  for (const section of sections) characters.push(SECTION_MARK, ...section);
  const words: string[] = [];
  const punctuation = new Set<string>([SECTION_MARK, BIGRAM_MARK]);
  for (let j = 0; j < characters.length; j++) {
    const character = characters[j]!;
    const next = characters[j + 1];
    if (!isLetterOrDigit(character)) punctuation.add(character);
    words.push(character);
    // The last character of a section is followed by the next section's mark:
    // its bigram holds the character alone, which no query bigram can equal.
    words.push(BIGRAM_MARK + character + (next === undefined || next === SECTION_MARK ? '' : next));
  }
  return { content: words.join(' '), punctuation };
}

export interface Lookup {
  /** The Pagefind word to search for. */
  word: string;
  /** Where in the query its first character sits. */
  offset: number;
  /** Position parity in the stream: 0 for unigrams, 1 for bigrams. */
  parity: 0 | 1;
}

/**
 * The index words whose positions prove that a query word occurs. Above
 * `limit` lookups, a spread sample is taken (first and last included): the
 * positions then yield candidates that must be confirmed against the text.
 */
export function lookupsFor(word: readonly string[], limit = 16): { lookups: Lookup[]; complete: boolean } {
  if (word.length === 0) return { lookups: [], complete: true };
  if (word.length === 1) return { lookups: [{ word: word[0]!, offset: 0, parity: 0 }], complete: true };
  const offsets: number[] = [];
  for (let offset = 0; offset + 1 < word.length; offset += 2) offsets.push(offset);
  if (word.length % 2 === 1) offsets.push(word.length - 2);
  let chosen = offsets;
  if (offsets.length > limit) {
    chosen = [];
    for (let k = 0; k < limit; k++) chosen.push(offsets[Math.round((k * (offsets.length - 1)) / (limit - 1))]!);
  }
  const lookups = [...new Set(chosen)].map(
    (offset): Lookup => ({ word: BIGRAM_MARK + word[offset]! + word[offset + 1]!, offset, parity: 1 }),
  );
  return { lookups, complete: chosen === offsets };
}

/**
 * Character positions j at which every lookup sits where it must.
 * `positions` maps each lookup word to its positions in one report.
 */
export function matchStarts(
  lookups: readonly Lookup[],
  positions: ReadonlyMap<string, ReadonlySet<number>>,
): number[] {
  if (lookups.length === 0) return [];
  const sets = lookups.map((lookup) => positions.get(lookup.word) ?? new Set<number>());
  let rarest = 0;
  sets.forEach((set, k) => {
    if (set.size < sets[rarest]!.size) rarest = k;
  });
  const anchor = lookups[rarest]!;
  const starts: number[] = [];
  for (const position of sets[rarest]!) {
    if (position % 2 !== anchor.parity) continue;
    const start = (position - anchor.parity) / 2 - anchor.offset;
    if (start < 0) continue;
    if (lookups.every((lookup, k) => sets[k]!.has(2 * (start + lookup.offset) + lookup.parity))) starts.push(start);
  }
  return starts.sort((a, b) => a - b);
}

/** Section starts (character positions of SECTION_MARK), from the mark's positions. */
export function sectionStarts(markPositions: Iterable<number>): number[] {
  return [...markPositions]
    .filter((position) => position % 2 === 0)
    .map((position) => position / 2)
    .sort((a, b) => a - b);
}
