/**
 * The exact search, independent of where it runs: in the browser (inside a
 * worker, see src/scripts/search/worker.ts), in Node tests and in the
 * benchmark. Pagefind answers "where does this index word sit?"; this module
 * turns those positions into exact matches per section (tokens.ts explains
 * why that is exact), groups them by report and orders them.
 */
import type { Folder } from './fold.ts';
import { SECTION_MARK, StandIns, indexCharacter, lookupsFor, matchStarts, sectionStarts } from './tokens.ts';

/** The part of Pagefind's browser API this engine uses. */
export interface PagefindLike {
  search(term: string): Promise<{ results: { id: string; words: number[] }[] } | null>;
}

/** A report as the index describes it, written at build time next to Pagefind's files. */
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

/** What the build writes beside the Pagefind bundle for the engine. */
export interface SearchManifest {
  /** Pagefind version the index was written with; the engine refuses another. */
  pagefind: string;
  /** Punctuation and symbols of the index, in the order of their stand-ins (see tokens.ts). */
  punctuation: string;
  /** Traditional → Simplified entries whose result occurs in the index. */
  fold: Record<string, string>;
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
  /** Pagefind's id of the report's record (also the name of its data file). */
  id: string;
  matches: number;
  sections: SectionHit[];
}

export interface SearchOutcome {
  query: ParsedQuery;
  reports: ReportHit[];
  sections: number;
  matches: number;
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

export interface EngineOptions {
  pagefind: PagefindLike;
  manifest: SearchManifest;
  folder: Folder;
  /** Load the data file of a report (only needed to confirm very long words). */
  loadReport(id: string): Promise<SearchableReport>;
}

type Positions = Map<string, Set<number>>;

export function createEngine({ pagefind, manifest, folder, loadReport }: EngineOptions) {
  const standIns = new StandIns(manifest.punctuation);
  const positionsCache = new Map<string, Promise<Map<string, Set<number>>>>();

  /** Positions of one index word, per report id. */
  function positionsOf(word: string): Promise<Map<string, Set<number>>> {
    let cached = positionsCache.get(word);
    if (!cached) {
      cached = pagefind.search(word).then((response) => {
        const byReport = new Map<string, Set<number>>();
        for (const result of response?.results ?? []) byReport.set(result.id, new Set(result.words));
        return byReport;
      });
      positionsCache.set(word, cached);
    }
    return cached;
  }

  async function occurrences(word: string[]): Promise<Map<string, number[]>> {
    const found = new Map<string, number[]>();
    const indexed = word.map((character) => indexCharacter(character, standIns));
    // A character the index never saw: the word cannot occur.
    if (indexed.some((character) => character === undefined)) return found;
    const { lookups, complete } = lookupsFor(indexed as string[]);
    const byWord = await Promise.all(lookups.map((lookup) => positionsOf(lookup.word)));
    const candidates = reportsInAll(byWord);
    for (const id of candidates) {
      const positions: Positions = new Map(lookups.map((lookup, k) => [lookup.word, byWord[k]!.get(id)!]));
      const starts = matchStarts(lookups, positions);
      if (starts.length > 0) found.set(id, starts);
    }
    if (!complete) await confirmAgainstText(word, found);
    return found;
  }

  /** For words too long to look up every tile: check each candidate in the report's own text. */
  async function confirmAgainstText(word: string[], found: Map<string, number[]>) {
    for (const [id, starts] of found) {
      const report = await loadReport(id);
      // The same stream the index was built from: a mark before each section.
      const stream: string[] = [];
      for (const section of report.sections) stream.push(SECTION_MARK, ...folder.foldWithSource(section.text).characters);
      const confirmed = starts.filter((start) => word.every((character, k) => stream[start + k] === character));
      if (confirmed.length > 0) found.set(id, confirmed);
      else found.delete(id);
    }
  }

  async function search(raw: string): Promise<SearchOutcome> {
    const query = parseQuery(raw, folder);
    if (query.words.length === 0) return { query, reports: [], sections: 0, matches: 0 };
    const [marks, ...perWord] = await Promise.all([positionsOf(SECTION_MARK), ...query.words.map(occurrences)]);
    const reports: ReportHit[] = [];
    for (const id of reportsInAll(perWord)) {
      const starts = sectionStarts(marks!.get(id) ?? []);
      const sections = new Map<number, SectionHit>();
      perWord.forEach((byReport, wordIndex) => {
        for (const start of byReport.get(id)!) {
          const section = sectionContaining(starts, start);
          let hit = sections.get(section);
          if (!hit) {
            hit = { section, matches: 0, starts: query.words.map(() => []) };
            sections.set(section, hit);
          }
          hit.starts[wordIndex]!.push(start - starts[section]! - 1);
          hit.matches++;
        }
      });
      // Every word must occur in the section itself (AND), not just somewhere in the report.
      const matching = [...sections.values()]
        .filter((hit) => hit.starts.every((list) => list.length > 0))
        .sort((a, b) => a.section - b.section);
      if (matching.length === 0) continue;
      reports.push({ id, sections: matching, matches: matching.reduce((sum, hit) => sum + hit.matches, 0) });
    }
    // Most matches first: the report that dwells on the term is the one the
    // reader most likely wants. Within a report, sections keep reading order,
    // so the heading paths read like its outline. Ties keep index order
    // (newest report first, as the index is written).
    reports.sort((a, b) => b.matches - a.matches);
    return {
      query,
      reports,
      sections: reports.reduce((sum, report) => sum + report.sections.length, 0),
      matches: reports.reduce((sum, report) => sum + report.matches, 0),
    };
  }

  return { search };
}

function reportsInAll(maps: readonly Map<string, unknown>[]): string[] {
  if (maps.length === 0) return [];
  const [first, ...rest] = [...maps].sort((a, b) => a.size - b.size);
  return [...first!.keys()].filter((id) => rest.every((map) => map.has(id)));
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
