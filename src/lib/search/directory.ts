/**
 * The word directory: for every word of one or two index characters (a
 * character, or two adjacent characters of one section), the reports that
 * hold it, with its number of occurrences and of sections holding it.
 *
 * It answers what Pagefind cannot without returning every position of a
 * word in the archive: which reports hold 的 and how often, so the ten with
 * most matches are known from one small file (tokens.ts, header).
 *
 * The directory is split by word into buckets (a hash of the word picks
 * one), so a lookup fetches one file, whatever the archive's size, holding
 * the word's list and some others'. Characters and pairs have buckets of
 * their own: a character's list is long (的 is in every report), a pair's
 * mostly short, and a long query fetches a bucket for each of its pairs, so
 * pair buckets are kept small (about a thousand entries) and character
 * buckets large enough for the longest list. Within a bucket each word's
 * reports are in archive order, written as differences from the previous
 * one (small numbers, which compress well).
 */

/** One report holding a word. */
export interface DirectoryEntry {
  /** The report's number in the archive (its order, see shards.ts). */
  report: number;
  /** Occurrences of the word in the report. */
  count: number;
  /** Sections of the report holding the word. */
  sections: number;
}

/** One bucket file: each word's entries, flattened [report gap, count, sections, …]. */
export type DirectoryBucket = Record<string, number[]>;

/** How many buckets each kind of word is spread over (saved in the manifest). */
export interface DirectoryShape {
  characters: number;
  pairs: number;
}

/** Entries per pair bucket to aim for: a long query fetches one bucket per pair. */
const PAIR_ENTRIES_PER_BUCKET = 1024;
/** Entries per character bucket to aim for, or twice the archive's reports if more (the list of 的 is that long). */
const CHARACTER_ENTRIES_PER_BUCKET = 4096;

/** Buckets for a directory of so many entries of each kind over `reports` reports; at least one each. */
export function directoryShape(entries: DirectoryShape, reports: number): DirectoryShape {
  return {
    characters: Math.max(1, Math.ceil(entries.characters / Math.max(CHARACTER_ENTRIES_PER_BUCKET, 2 * reports))),
    pairs: Math.max(1, Math.ceil(entries.pairs / PAIR_ENTRIES_PER_BUCKET)),
  };
}

/** A bucket number for a word: FNV-1a over its UTF-16 code units, the same in Node and every browser. */
export function bucketOf(word: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < word.length; k++) {
    hash ^= word.charCodeAt(k);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/** One character (one code point: the stand-ins are two UTF-16 units), rather than a pair. */
export function isCharacter(word: string): boolean {
  return word.length === 1 || (word.length === 2 && word.codePointAt(0)! > 0xffff);
}

/** The name of the bucket file holding a word: `c<n>` for a character, `p<n>` for a pair. */
export function bucketName(word: string, shape: DirectoryShape): string {
  return isCharacter(word) ? `c${bucketOf(word, shape.characters)}` : `p${bucketOf(word, shape.pairs)}`;
}

/**
 * The directory words of one report (sections in index characters): each
 * character and each pair of adjacent characters within a section, with
 * occurrences and the number of sections holding it.
 */
export function reportWords(sections: readonly (readonly string[])[]): Map<string, { count: number; sections: number }> {
  const words = new Map<string, { count: number; sections: number; lastSection: number }>();
  const add = (word: string, section: number) => {
    let entry = words.get(word);
    if (!entry) {
      entry = { count: 0, sections: 0, lastSection: -1 };
      words.set(word, entry);
    }
    entry.count++;
    if (entry.lastSection !== section) {
      entry.sections++;
      entry.lastSection = section;
    }
  };
  sections.forEach((section, s) => {
    section.forEach((character, k) => {
      add(character, s);
      if (k + 1 < section.length) add(character + section[k + 1], s);
    });
  });
  const result = new Map<string, { count: number; sections: number }>();
  for (const [word, { count, sections: holding }] of words) result.set(word, { count, sections: holding });
  return result;
}

/** Flattens entries (in ascending report order) for a bucket file. */
export function encodeEntries(entries: readonly DirectoryEntry[]): number[] {
  const flat: number[] = [];
  let previous = 0;
  for (const { report, count, sections } of entries) {
    if (report < previous) throw new Error('encodeEntries: reports must be in ascending order');
    flat.push(report - previous, count, sections);
    previous = report;
  }
  return flat;
}

export function decodeEntries(flat: readonly number[]): DirectoryEntry[] {
  const entries: DirectoryEntry[] = [];
  let report = 0;
  for (let k = 0; k + 2 < flat.length; k += 3) {
    report += flat[k]!;
    entries.push({ report, count: flat[k + 1]!, sections: flat[k + 2]! });
  }
  return entries;
}
