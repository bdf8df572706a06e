/**
 * The exact search, independent of where it runs: in the browser (inside a
 * worker, see src/scripts/search/worker.ts), in Node tests and in the
 * benchmark. tokens.ts explains the three indexes it reads; this module
 * decides, per query, which to read and in what order, so that the first
 * screen costs what it shows, not what the archive holds:
 *
 * - A word of one or two characters: its directory entries are its exact
 *   count in every report. The ranking and the totals come from one file.
 * - A longer word: the directory entries of its two rarest pairs bound its
 *   count in every report from above. The reports with the highest bounds
 *   are confirmed against their own text (which the results show anyway)
 *   until the next bound cannot beat the tenth confirmed report: the first
 *   screen is then exactly the top of the full ranking. The totals are
 *   confirmed from the index: Pagefind's positions of every pair, in every
 *   shard, after the first screen.
 * - Several words (all must occur in one section): the same, with bounds
 *   summed per report; the totals need Pagefind's positions and section
 *   marks (a one-character word, which Pagefind does not hold, is confirmed
 *   against the text of the reports the other words leave).
 * Confirming stops at `textBudget` reports' text. If that leaves the top
 * unsettled (many reports with bounds alike, as a common word has in a large
 * archive), the first screen is the best of the reports read, and the rest of
 * the ranking follows from the index without them; with less than a screen
 * found, the full ranking is computed from the index first.
 *
 * Reports are ranked by matches, most first: the report that dwells on the
 * term is the one the reader most likely wants. Ties keep archive order.
 */
import { BoundedCache } from './cache.ts';
import { bucketName, decodeEntries, type DirectoryBucket, type DirectoryEntry, type DirectoryShape } from './directory.ts';
import type { Folder } from './fold.ts';
import { SECTION_MARK, StandIns, indexCharacter, matchStarts, sectionStarts, tilesOf, type Lookup } from './tokens.ts';

/** A report as the index describes it, written at build time beside Pagefind's files. */
export interface SearchableReport {
  url: string;
  title: string;
  authors: string;
  sections: SearchableSection[];
}

export interface SearchableSection {
  /** Fragment id of the section's heading; null for the text before the first heading. */
  id: string | null;
  /** Headings from the top level down to this section's own. */
  path: string[];
  /** The section's text as the reader sees it (headings included). */
  text: string;
}

/** What the build writes beside the indexes for the engine (search/manifest.json). */
export interface SearchManifest {
  /** Pagefind version the index was written with; the engine refuses another. */
  pagefind: string;
  /** Punctuation and symbols of the index, in the order of their stand-ins (see tokens.ts). */
  punctuation: string;
  /** Traditional → Simplified entries whose result occurs in the index. */
  fold: Record<string, string>;
  /** Reports in the archive. */
  reports: number;
  /** Number of the first report of each Pagefind shard (shards.ts). */
  shards: number[];
  /** Buckets of the word directory (directory.ts). */
  directory: DirectoryShape;
}

/** Where the engine reads the index: fetched files in the browser, the file system in Node. */
export interface SearchSource {
  /** One bucket of the word directory, by name (directory.ts). */
  directory(bucket: string): Promise<DirectoryBucket>;
  /** A report's data, by number. */
  report(report: number): Promise<SearchableReport>;
  /** Every position of a Pagefind word, by report number, across all shards. */
  positions(word: string): Promise<Map<number, number[]>>;
}

export interface ParsedQuery {
  /** The query's words, folded, as code points. */
  words: string[][];
}

export interface SectionHit {
  /** Index of the section in its report. */
  section: number;
  /** Total occurrences of the query's words in the section. */
  matches: number;
  /** For each query word, the folded-character offsets where it starts in the section. */
  starts: number[][];
}

export interface ReportHit {
  /** The report's number in the archive. */
  report: number;
  matches: number;
  sections: SectionHit[];
}

export interface Totals {
  reports: number;
  sections: number;
  matches: number;
}

/** A report's place in the full ranking. */
interface Ranked {
  report: number;
  matches: number;
  sections: number;
}

export interface SearchSession {
  query: ParsedQuery;
  /** Reports from `offset` on, best first, each with its sections, read from its own text. */
  page(offset: number, limit: number): Promise<ReportHit[]>;
  /** Counts over every matching report; for some queries this takes longer than the first page. */
  totals(): Promise<Totals>;
  /** True once totals() would answer without further work. */
  readonly totalsReady: boolean;
}

/** Split a typed query into folded words; words that fold to nothing vanish. */
export function parseQuery(raw: string, folder: Folder): ParsedQuery {
  const words: string[][] = [];
  for (const piece of raw.split(/[\s\u0085\u180e\u200b\ufeff]+/u)) {
    const folded = folder.foldWithSource(piece).characters;
    if (folded.length > 0 && !words.some((word) => word.join('') === folded.join(''))) words.push(folded);
  }
  return { words };
}

/**
 * Where each query word occurs in one report, from the report's own text
 * (folded as the index was): the sections holding every word, in reading
 * order; none if some word is missing.
 */
export function sectionHits(report: SearchableReport, words: readonly (readonly string[])[], folder: Folder): SectionHit[] {
  const needles = words.map((word) => word.join(''));
  const hits: SectionHit[] = [];
  report.sections.forEach((section, index) => {
    const text = folder.fold(section.text);
    const starts = needles.map((needle) => occurrences(text, needle));
    if (starts.every((list) => list.length > 0)) {
      hits.push({ section: index, starts, matches: starts.reduce((sum, list) => sum + list.length, 0) });
    }
  });
  return hits;
}

/** Where `needle` starts in `text` (overlapping starts too), counted in code points as the folded characters are. */
export function occurrences(text: string, needle: string): number[] {
  const starts: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) starts.push(at);
  // Only characters outside the Basic Multilingual Plane take two UTF-16 units.
  if (starts.length === 0 || !/[\ud800-\udbff]/.test(text)) return starts;
  return starts.map((at) => [...text.slice(0, at)].length);
}

export interface EngineOptions {
  source: SearchSource;
  manifest: SearchManifest;
  folder: Folder;
  /** Reports whose text may be fetched to confirm a first screen before the index is asked instead. */
  textBudget?: number;
  /** Cache sizes: directory entries, Pagefind positions, reports. */
  cacheLimits?: Partial<CacheLimits>;
}

export interface CacheLimits {
  /** Numbers held from directory buckets (three per entry). */
  directory: number;
  /** Positions held from Pagefind. */
  positions: number;
  /** Reports' data held. */
  reports: number;
}

/** About 2 MB, 16 MB and 4 MB of the worker's memory. */
export const DEFAULT_CACHE_LIMITS: CacheLimits = { directory: 500_000, positions: 2_000_000, reports: 40 };

/** Adjacent pairs of a long word looked up in the directory for its bounds (a spread sample above this). */
const BOUNDING_PAIRS = 40;
/** Pairs of a very long word looked up in Pagefind; beyond, candidates are confirmed against their text. */
const MAX_INDEX_TILES = 32;
/** Reports' texts fetched at once when ranking by text. */
const TEXTS_AT_ONCE = 10;
/** Reports a query keeps described (its sections and excerpts' offsets) for its next pages. */
const CONFIRMED_PER_QUERY = 100;

export function createEngine({ source, manifest, folder, textBudget = 20, cacheLimits = {} }: EngineOptions) {
  const limits = { ...DEFAULT_CACHE_LIMITS, ...cacheLimits };
  const standIns = new StandIns(manifest.punctuation);
  const buckets = new BoundedCache<string, DirectoryBucket>(limits.directory, (bucket) =>
    Object.values(bucket).reduce((sum, list) => sum + list.length, 0),
  );
  const positionsCache = new BoundedCache<string, Map<number, number[]>>(limits.positions, (byReport) => {
    let size = 0;
    for (const list of byReport.values()) size += list.length;
    return size;
  });
  const reports = new BoundedCache<number, SearchableReport>(limits.reports);

  const loadReport = (report: number) => reports.get(report, () => source.report(report));
  const positionsOf = (word: string) => positionsCache.get(word, () => source.positions(word));

  async function entriesOf(word: string): Promise<DirectoryEntry[]> {
    const bucket = bucketName(word, manifest.directory);
    const files = await buckets.get(bucket, () => source.directory(bucket));
    return decodeEntries(files[word] ?? []);
  }

  /** Per report, the word's exact count (one or two characters) or an upper bound (longer). */
  async function wordBounds(word: readonly string[]): Promise<{ exact: boolean; byReport: Map<number, DirectoryEntry> }> {
    if (word.length <= 2) {
      const entries = await entriesOf(word.join(''));
      return { exact: true, byReport: new Map(entries.map((entry) => [entry.report, entry])) };
    }
    // Every occurrence of the word holds each of its adjacent pairs: the rarest bounds it best.
    const pairs = [...new Set(spread(adjacentPairs(word), BOUNDING_PAIRS))];
    const lists = (await Promise.all(pairs.map(entriesOf))).sort((a, b) => a.length - b.length);
    const [shortest, ...others] = lists;
    const otherMaps = others.map((list) => new Map(list.map((entry) => [entry.report, entry])));
    const byReport = new Map<number, DirectoryEntry>();
    for (const entry of shortest!) {
      let bound: DirectoryEntry | undefined = entry;
      for (const map of otherMaps) {
        const other = map.get(entry.report);
        if (!other) {
          bound = undefined;
          break;
        }
        bound = { report: entry.report, count: Math.min(bound.count, other.count), sections: Math.min(bound.sections, other.sections) };
      }
      if (bound) byReport.set(entry.report, bound);
    }
    return { exact: false, byReport };
  }

  /** Positions of a word's starts in each report, from Pagefind (tiles sampled above MAX_INDEX_TILES). */
  async function indexStarts(word: readonly string[]): Promise<{ complete: boolean; byReport: Map<number, number[]> }> {
    const { lookups, complete } = lookupsFor(word, MAX_INDEX_TILES);
    const distinct = [...new Set(lookups.map((lookup) => lookup.word))];
    const found = await Promise.all(distinct.map(positionsOf));
    const byWord = new Map(distinct.map((tile, k) => [tile, found[k]!]));
    const byReport = new Map<number, number[]>();
    const [rarest] = [...byWord.values()].sort((a, b) => a.size - b.size);
    for (const report of rarest?.keys() ?? []) {
      const positions = new Map<string, Set<number>>();
      for (const [tile, byTileReport] of byWord) positions.set(tile, new Set(byTileReport.get(report) ?? []));
      const starts = matchStarts(lookups, positions);
      if (starts.length > 0) byReport.set(report, starts);
    }
    return { complete, byReport };
  }

  function search(raw: string): SearchSession {
    const query = parseQuery(raw, folder);
    const indexed = query.words.map((word) => word.map((character) => indexCharacter(character, standIns)));
    // A character the index never saw: that word, and so the query, cannot occur.
    const impossible = query.words.length === 0 || indexed.some((word) => word.some((character) => character === undefined));
    const words = indexed as string[][];
    const hitsOf = async (report: number): Promise<ReportHit> => {
      const sections = sectionHits(await loadReport(report), query.words, folder);
      return { report, sections, matches: sections.reduce((sum, section) => sum + section.matches, 0) };
    };
    // The reports this query has described, for its next page and its totals.
    const described = new BoundedCache<number, ReportHit>(CONFIRMED_PER_QUERY);
    const confirm = (report: number) => described.get(report, () => hitsOf(report));

    /** Every report that may match, best bound first, and whether the bounds are exact counts. */
    const candidates = (async () => {
      if (impossible) return { exact: true, list: [] as Ranked[] };
      const perWord = await Promise.all(words.map(wordBounds));
      const [fewest, ...others] = [...perWord].sort((a, b) => a.byReport.size - b.byReport.size);
      const list: Ranked[] = [];
      for (const [report, first] of fewest!.byReport) {
        let matches = first.count;
        let sections = first.sections;
        let everywhere = true;
        for (const other of others) {
          const entry = other.byReport.get(report);
          if (!entry) {
            everywhere = false;
            break;
          }
          matches += entry.count;
          sections = Math.min(sections, entry.sections);
        }
        if (everywhere) list.push({ report, matches, sections });
      }
      list.sort(byRank);
      // One word of one or two characters: its counts are the answer.
      return { exact: words.length === 1 && perWord[0]!.exact, list };
    })();

    let ready = false;
    let ranking: Promise<Ranked[]> | undefined;
    /** The first screen's reports, when it was the best of those read rather than the top of the ranking. */
    let shownFirst: ReadonlySet<number> | undefined;
    /** The full ranking, computed on first need: the first screen does not wait for it. */
    const complete = () =>
      (ranking ??= (async () => {
        const { exact, list } = await candidates;
        let ranked: Ranked[];
        if (exact) ranked = list;
        else if (list.length <= textBudget) ranked = await rankFromText(list.map((candidate) => candidate.report), confirm);
        else ranked = await rankFromIndex(list);
        ready = true;
        return ranked;
      })());

    /** Ranks reports by their text: few candidates, or what the index cannot settle. */
    async function rankFromText(candidateReports: readonly number[], describe = hitsOf): Promise<Ranked[]> {
      const ranked: Ranked[] = [];
      // A few at a time, so that a long list never holds many reports' text at once.
      for (let k = 0; k < candidateReports.length; k += TEXTS_AT_ONCE) {
        for (const hit of await Promise.all(candidateReports.slice(k, k + TEXTS_AT_ONCE).map(describe))) {
          if (hit.matches > 0) ranked.push({ report: hit.report, matches: hit.matches, sections: hit.sections.length });
        }
      }
      return ranked.sort(byRank);
    }

    /** The full ranking from Pagefind's positions and section marks. */
    async function rankFromIndex(list: readonly Ranked[]): Promise<Ranked[]> {
      const candidateSet = new Set(list.map((candidate) => candidate.report));
      const [marks, ...perWord] = await Promise.all([
        positionsOf(SECTION_MARK),
        ...words.map((word) => (word.length === 1 ? Promise.resolve(undefined) : indexStarts(word))),
      ]);
      // Reports every word of two or more characters occurs in, per the index.
      let remaining = [...candidateSet];
      for (const starts of perWord) if (starts) remaining = remaining.filter((report) => starts.byReport.has(report));
      // What the index cannot settle (a one-character word, a sampled very long word) is settled by the text.
      if (perWord.some((starts) => !starts || !starts.complete)) return rankFromText(remaining);
      const ranked: Ranked[] = [];
      for (const report of remaining) {
        const starts = sectionStarts(marks!.get(report) ?? []);
        const counts = new Map<number, number[]>();
        perWord.forEach((byWord, wordIndex) => {
          for (const start of byWord!.byReport.get(report)!) {
            const section = sectionContaining(starts, start);
            let perSection = counts.get(section);
            if (!perSection) {
              perSection = words.map(() => 0);
              counts.set(section, perSection);
            }
            perSection[wordIndex]!++;
          }
        });
        let matches = 0;
        let sections = 0;
        for (const perSection of counts.values()) {
          if (perSection.some((count) => count === 0)) continue;
          sections++;
          matches += perSection.reduce((sum, count) => sum + count, 0);
        }
        if (sections > 0) ranked.push({ report, matches, sections });
      }
      return ranked.sort(byRank);
    }

    /**
     * The first screen: reports confirmed against their text in order of
     * their bounds, until the bounds show that no other report can rank above
     * the last one shown, which makes the screen exactly the top of the full
     * ranking. If `textBudget` texts do not settle it, and they hold a full
     * screen, the screen is the best of the reports read, and the full
     * ranking (the totals, the next pages) comes from the index after it; so
     * the first screen never costs more than the budget's texts, however
     * large the archive. Fewer than a screen: the full ranking first.
     */
    async function firstScreen(limit: number): Promise<ReportHit[]> {
      const { exact, list } = await candidates;
      if (exact) return pageOf(await complete(), 0, limit);
      const best: ReportHit[] = [];
      let next = 0;
      const settled = () => {
        if (best.length < limit) return next >= list.length;
        const last = best[limit - 1]!;
        const following = list[next];
        // Bounds never undercount: a candidate whose bound ranks below the last shown cannot rise above it.
        return !following || byRank(following, last) > 0;
      };
      while (!settled() && next < textBudget) {
        const batch = list.slice(next, Math.min(next + Math.max(1, limit - best.length), textBudget));
        next += batch.length;
        for (const hit of await Promise.all(batch.map((candidate) => confirm(candidate.report)))) {
          if (hit.matches > 0) best.push(hit);
        }
        best.sort(byRank);
      }
      if (!settled()) {
        if (best.length < limit) return pageOf(await complete(), 0, limit);
        const shown = best.slice(0, limit);
        shownFirst = new Set(shown.map((hit) => hit.report));
        return shown;
      }
      if (next >= list.length && !ranking) {
        // Every candidate was confirmed: the full ranking is known already.
        ranking = Promise.resolve(best.map((hit) => ({ report: hit.report, matches: hit.matches, sections: hit.sections.length })));
        ready = true;
      }
      return best.slice(0, limit);
    }

    /**
     * Reports after the first screen, in ranking order. A first screen that
     * was the best of the reports read (not the top of the ranking) is left
     * out of the ranking, so no report is shown twice or skipped.
     */
    let rest: Promise<readonly Ranked[]> | undefined;
    async function laterPage(offset: number, limit: number): Promise<ReportHit[]> {
      const shown = shownFirst;
      if (!shown) return pageOf(await complete(), offset, limit);
      rest ??= complete().then((ranked) => ranked.filter((entry) => !shown.has(entry.report)));
      return pageOf(await rest, offset - shown.size, limit);
    }

    async function pageOf(ranked: readonly Ranked[], offset: number, limit: number): Promise<ReportHit[]> {
      return Promise.all(ranked.slice(offset, offset + limit).map((entry) => confirm(entry.report)));
    }

    return {
      query,
      page: async (offset, limit) => (offset === 0 ? firstScreen(limit) : laterPage(offset, limit)),
      totals: async () => {
        const ranked = await complete();
        return {
          reports: ranked.length,
          sections: ranked.reduce((sum, entry) => sum + entry.sections, 0),
          matches: ranked.reduce((sum, entry) => sum + entry.matches, 0),
        };
      },
      get totalsReady() {
        return ready;
      },
    };
  }

  return {
    search,
    /** A report's data, through the engine's cache. */
    report: loadReport,
    /** What the worker's caches hold now (for tests and the benchmark). */
    cacheSizes: () => ({ directory: buckets.size, positions: positionsCache.size, reports: reports.size }),
  };
}

export type SearchEngine = ReturnType<typeof createEngine>;

/** The word's adjacent pairs, as directory words. */
function adjacentPairs(word: readonly string[]): string[] {
  return word.slice(0, -1).map((character, k) => character + word[k + 1]!);
}

/** Up to `limit` items spread evenly over a list, first and last included. */
function spread<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  return Array.from({ length: limit }, (_, k) => items[Math.round((k * (items.length - 1)) / (limit - 1))]!);
}

/** Most matches first, then archive order. */
function byRank(a: { report: number; matches: number }, b: { report: number; matches: number }): number {
  return b.matches - a.matches || a.report - b.report;
}

/**
 * The tiles of a word to look up in Pagefind; above `limit`, a spread
 * sample (first and last included), whose matches are then only candidates.
 */
export function lookupsFor(word: readonly string[], limit: number): { lookups: Lookup[]; complete: boolean } {
  const tiles = tilesOf(word);
  return { lookups: spread(tiles, limit), complete: tiles.length <= limit };
}

/** Index of the section whose mark is the last one before `position`. */
function sectionContaining(starts: readonly number[], position: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! < position) low = middle;
    else high = middle - 1;
  }
  return low;
}
