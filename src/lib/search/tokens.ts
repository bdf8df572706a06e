/**
 * How folded text becomes index words, and how a query is looked up.
 *
 * The archive is indexed three ways, each for what it answers cheaply:
 *
 * 1. The word directory (directory.ts): for every character and every pair
 *    of adjacent characters of a section, the reports holding it, how often
 *    and in how many sections. A word of one or two characters is answered
 *    from it alone, exactly; for a longer word, the smallest count of its
 *    adjacent pairs bounds its count in each report. One small file per
 *    lookup, whatever the number of shards.
 * 2. Pagefind: the positions of every pair, report by report, so a longer
 *    word is confirmed exactly (below). Pagefind's Chinese segmentation is
 *    not exact (../shared/notes/search-research.md), so each report is handed
 *    to it as one custom record whose words we choose:
 *      - every section starts with SECTION_MARK, a character no query can
 *        contain (one more closes the report): no match can run from one
 *        section into the next, and the mark's positions give section starts;
 *      - every character c[j] after it is the word c[j] + c[j+1], the next
 *        character of the section or the mark after its last one.
 *    So the word at position p starts with the p-th character of the stream
 *    [mark, section 1…, mark, section 2…, mark]. A word of n ≥ 2 characters
 *    looks up the pairs that tile it (offsets 0, 2, 4 … and n-2): the text
 *    holds the word at p exactly when every tile sits at p + its offset.
 *    Every index word is two characters long except the mark, so none is a
 *    prefix of another: Pagefind extends every query word to the indexed
 *    words it prefixes, and "的" would otherwise pull in every "的X". Single
 *    characters are not Pagefind words at all: the directory counts them,
 *    and their positions (1.2 million for 的 in 1,000 reports) would double
 *    the index and make Pagefind return every one of them.
 * 3. Each report's own text (pagefind/reports/), which a result needs anyway
 *    for its excerpts: the reports shown are described from it, with the
 *    same folding, so what a reader sees is exact by construction.
 *
 * Pagefind's behaviour forces more of the design:
 * - Its indexer keeps every record in memory and its writing step grows
 *   faster than the records (about n^1.4): the archive is indexed in shards
 *   of bounded size (shards.ts), one after another, each its own Pagefind
 *   index under its own language code, so their page ids never collide.
 * - `search()` returns every position of a word in every report of a shard,
 *   and cannot be asked for the first ten reports; merged indexes are all
 *   searched, one index chunk each, so a lookup costs more with every
 *   shard. The first screen therefore comes from the directory and the
 *   reports' text, and Pagefind's positions complete the totals of longer
 *   words and the sections of several-word queries after it (engine.ts).
 */

/*
 * Every index word is made of letters and digits only. Pagefind splits any
 * word holding another character into "compound parts" and indexes those
 * too; a part such as "中" or a mark alone would then be a prefix of our
 * pairs, and Pagefind answers a word it lacks with its longest indexed
 * prefix: wrong positions, silently. So the mark and every punctuation mark
 * or symbol of the text are written as stand-ins: CJK Extension G
 * ideographs (U+30000–U+3134A), letters to Pagefind that the build refuses
 * to find in a report's own text.
 */
const RESERVED_FIRST = 0x30000;
const RESERVED_LAST = 0x3134a;

/** Starts every section in the token stream (reserved: never in a query). */
export const SECTION_MARK = String.fromCodePoint(RESERVED_LAST);
/** How many distinct punctuation marks and symbols one index can hold. */
const STAND_IN_CAPACITY = RESERVED_LAST - RESERVED_FIRST;

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
 * A report's sections in index characters: folded characters, punctuation
 * as stand-ins (new ones are added to `standIns`). Refuses what would shift
 * Pagefind's positions or be mistaken for a mark.
 */
export function indexCharacters(sections: readonly (readonly string[])[], standIns: StandIns): string[][] {
  return sections.map((section) =>
    section.map((character, at) => {
      // Pagefind splits words at white space; folded text has none, and must not.
      if (/\s/u.test(character)) throw new Error(`indexCharacters: white space in folded text at ${at}`);
      if (isReserved(character)) {
        throw new ReservedCharacterError(
          `the text holds ${character} (U+${character.codePointAt(0)!.toString(16).toUpperCase()}), a character of the range the search index reserves for its own marks`,
        );
      }
      return isLetterOrDigit(character) ? character : standIns.add(character);
    }),
  );
}

/** The token stream of one report, for Pagefind's `addCustomRecord` (sections in index characters). */
export function tokenStream(sections: readonly (readonly string[])[]): string {
  const words: string[] = [];
  for (const section of sections) {
    words.push(SECTION_MARK);
    section.forEach((character, k) => words.push(character + (section[k + 1] ?? SECTION_MARK)));
  }
  // A closing mark, so the last section ends like every other.
  words.push(SECTION_MARK);
  return words.join(' ');
}

/** The number of Pagefind words tokenStream writes for these sections (what a shard's size is counted in). */
export function streamLength(sections: readonly (readonly string[])[]): number {
  return sections.reduce((sum, section) => sum + section.length + 1, 1);
}

export interface Lookup {
  /** The Pagefind word (a pair of index characters). */
  word: string;
  /** Where in the query word its first character sits. */
  offset: number;
}

/** The pairs that tile a word of two or more index characters: offsets 0, 2, 4 … and n-2. */
export function tilesOf(word: readonly string[]): Lookup[] {
  if (word.length < 2) return [];
  const offsets: number[] = [];
  for (let offset = 0; offset + 1 < word.length; offset += 2) offsets.push(offset);
  if (word.length % 2 === 1) offsets.push(word.length - 2);
  return offsets.map((offset) => ({ word: word[offset]! + word[offset + 1]!, offset }));
}

/**
 * Stream positions at which every lookup sits where it must: where the word
 * starts (if the lookups tile it whole) or may start (if they are some of
 * its tiles). `positions` maps each lookup word to its positions in one report.
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
    const start = position - anchor.offset;
    if (start < 0) continue;
    if (lookups.every((lookup, k) => sets[k]!.has(start + lookup.offset))) starts.push(start);
  }
  return starts.sort((a, b) => a - b);
}

/** Section starts (stream positions of SECTION_MARK, the closing one included), in order. */
export function sectionStarts(markPositions: Iterable<number>): number[] {
  return [...markPositions].sort((a, b) => a - b);
}
