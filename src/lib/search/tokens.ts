/**
 * How folded text becomes Pagefind "words", and how a query is looked up.
 *
 * Pagefind indexes whitespace-separated words with their positions. Its
 * Chinese segmentation is not exact (see ../shared/notes/search-research.md),
 * so each report is handed to it as one custom record whose words we choose:
 * for every character c[j] of the report's folded text,
 *   - position 2j holds the unigram  c[j]
 *   - position 2j+1 holds the bigram BIGRAM_MARK + c[j] + c[j+1]
 * and every section starts with SECTION_MARK (one more closes the report), a
 * character no query can contain, so no match can run from one section into
 * the next and the mark's positions give section starts.
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

/*
 * Every index word is made of letters and digits only. Pagefind splits any
 * word holding another character into "compound parts" and indexes those
 * too; a part such as "中" or a mark alone would then be a prefix of our
 * bigrams, and Pagefind answers a word it lacks with its longest indexed
 * prefix: wrong positions, silently. So the marks and every punctuation mark
 * or symbol of the text are written as stand-ins: CJK Extension G
 * ideographs (U+30000–U+3134A), letters to Pagefind that the build refuses
 * to find in a report's own text.
 */
const RESERVED_FIRST = 0x30000;
const RESERVED_LAST = 0x3134a;

/** Starts every section in the token stream (reserved: never in a query). */
export const SECTION_MARK = String.fromCodePoint(RESERVED_LAST);
/** Starts every bigram word (reserved: never in a query). */
export const BIGRAM_MARK = String.fromCodePoint(RESERVED_LAST - 1);
/** How many distinct punctuation marks and symbols one index can hold. */
const STAND_IN_CAPACITY = RESERVED_LAST - 1 - RESERVED_FIRST;

/** What Pagefind keeps in a word as it is: letters and digits. */
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

export function isLetterOrDigit(character: string): boolean {
  return LETTER_OR_DIGIT.test(character);
}

/** A character of the range the index writes its stand-ins in. */
export function isReserved(character: string): boolean {
  const codePoint = character.codePointAt(0)!;
  return codePoint >= RESERVED_FIRST && codePoint <= RESERVED_LAST;
}

export class ReservedCharacterError extends Error {}

/**
 * Punctuation marks and symbols in the order they were first met; the k-th
 * is written as U+30000 + k. The order is saved in the manifest, so a query
 * maps its punctuation the same way.
 */
export class StandIns {
  readonly #byCharacter = new Map<string, string>();

  constructor(order: Iterable<string> = []) {
    for (const character of order) this.add(character);
  }

  add(character: string): string {
    let standIn = this.#byCharacter.get(character);
    if (standIn === undefined) {
      if (this.#byCharacter.size >= STAND_IN_CAPACITY) throw new Error('search index: too many distinct symbols');
      standIn = String.fromCodePoint(RESERVED_FIRST + this.#byCharacter.size);
      this.#byCharacter.set(character, standIn);
    }
    return standIn;
  }

  get(character: string): string | undefined {
    return this.#byCharacter.get(character);
  }

  /** The characters, in stand-in order (what the manifest saves). */
  order(): string {
    return [...this.#byCharacter.keys()].join('');
  }
}

/** The index character for a folded character of a query; undefined if the index cannot hold it. */
export function indexCharacter(character: string, standIns: StandIns): string | undefined {
  if (isReserved(character)) return undefined;
  return isLetterOrDigit(character) ? character : standIns.get(character);
}

/**
 * The token stream of one report, for Pagefind's `addCustomRecord`: its
 * sections' folded characters, in reading order. New punctuation is added to
 * `standIns`.
 */
export function tokenStream(sections: readonly (readonly string[])[], standIns: StandIns): string {
  const characters: string[] = [];
  const write = (character: string, at: number) => {
    // Pagefind splits words at white space; folded text has none, and must not.
    if (/\s/u.test(character)) throw new Error(`tokenStream: white space in folded text at ${at}`);
    if (isReserved(character)) {
      throw new ReservedCharacterError(
        `the text holds ${character} (U+${character.codePointAt(0)!.toString(16).toUpperCase()}), a character of the range the search index reserves for its own marks`,
      );
    }
    return isLetterOrDigit(character) ? character : standIns.add(character);
  };
  for (const section of sections) {
    characters.push(SECTION_MARK);
    section.forEach((character, at) => characters.push(write(character, at)));
  }
  // A closing mark gives the last character a successor like every other.
  characters.push(SECTION_MARK);
  const words: string[] = [];
  for (let j = 0; j < characters.length; j++) {
    // Every bigram word is exactly three letters, so none is a prefix of another.
    words.push(characters[j]!, BIGRAM_MARK + characters[j]! + (characters[j + 1] ?? SECTION_MARK));
  }
  return words.join(' ');
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
 * The index words whose positions prove that a query word occurs (`word` in
 * index characters, see indexCharacter). Above
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

/** Section starts (character positions of SECTION_MARK, the closing one included), from the mark's positions. */
export function sectionStarts(markPositions: Iterable<number>): number[] {
  return [...markPositions]
    .filter((position) => position % 2 === 0)
    .map((position) => position / 2)
    .sort((a, b) => a - b);
}
