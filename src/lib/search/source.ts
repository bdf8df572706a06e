/**
 * Where the engine's data comes from, for the search worker and for Node
 * (tests, benchmark) alike: the files write-index.ts writes, read through
 * injected I/O (fetch in the browser, the file system in Node), and
 * Pagefind's own script over the shards.
 *
 * Pagefind keeps every index chunk it has loaded for as long as its module
 * lives, in WebAssembly memory that nothing frees. So after it has served
 * `pagefindLimit` positions, the next lookup starts a fresh copy of the
 * module (its old memory goes with the old copy): the worker's memory stays
 * bounded however many queries a reader runs.
 */
import type { DirectoryBucket } from './directory.ts';
import type { SearchManifest, SearchSource, SearchableReport } from './engine.ts';
import { reportNumbers, shardDirectory, shardOfPage } from './shards.ts';

/** The part of Pagefind's module API the source uses. */
export interface PagefindModule {
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: { id: string; words: number[] }[] } | null>;
}

export interface SourceIO {
  /** The bytes of a file of the index, by its path under the Pagefind bundle (e.g. `words/p3.jsonz`). */
  read(path: string): Promise<Uint8Array>;
  /** Gunzips bytes. */
  gunzip(bytes: Uint8Array): Promise<Uint8Array>;
  /** The URL of the Pagefind bundle's root, ending in a slash. */
  pagefindRoot: string;
  /** Imports Pagefind's script (`generation` > 0: a fresh copy of the module). */
  importPagefind(url: string): Promise<PagefindModule>;
}

/** Positions Pagefind may serve before its module is replaced (about 30 MB of its memory). */
export const PAGEFIND_POSITION_LIMIT = 4_000_000;

const decoder = new TextDecoder();

export function createSource(manifest: SearchManifest, io: SourceIO, pagefindLimit = PAGEFIND_POSITION_LIMIT): SearchSource {
  async function readJson<T>(path: string): Promise<T> {
    let bytes = await io.read(path);
    // gzip's magic number; a host that already decompressed the file sends plain JSON.
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = await io.gunzip(bytes);
    return JSON.parse(decoder.decode(bytes)) as T;
  }

  let pagefind: Promise<PagefindModule> | undefined;
  let generation = 0;
  let served = 0;
  const ids = new Map<number, Promise<Map<string, number>>>();

  function startPagefind(): Promise<PagefindModule> {
    const url = `${io.pagefindRoot}pagefind.js${generation > 0 ? `?generation=${generation}` : ''}`;
    generation++;
    return (async () => {
      const module = await io.importPagefind(url);
      await module.init();
      // Shard 0 is the bundle's root, which init() loads; the others are merged in, all at once.
      const others = manifest.shards.slice(1).map((_, k) => module.mergeIndex(`${io.pagefindRoot}${shardDirectory(k + 1)}`));
      await Promise.all(others);
      return module;
    })();
  }

  function reportNumbersOf(shard: number): Promise<Map<string, number>> {
    let numbers = ids.get(shard);
    if (!numbers) {
      numbers = readJson<string[]>(`${shardDirectory(shard)}ids.json`).then((list) => reportNumbers(list, manifest.shards[shard]!));
      ids.set(shard, numbers);
    }
    return numbers;
  }

  return {
    directory: (bucket) => readJson<DirectoryBucket>(`words/${bucket}.jsonz`),
    report: (report) => readJson<SearchableReport>(`reports/${report}.jsonz`),
    async positions(word) {
      if (served > pagefindLimit) {
        pagefind = undefined;
        served = 0;
      }
      pagefind ??= startPagefind();
      const response = await (await pagefind).search(word);
      const byReport = new Map<number, number[]>();
      for (const result of response?.results ?? []) {
        const numbers = await reportNumbersOf(shardOfPage(result.id));
        const report = numbers.get(result.id);
        if (report === undefined) throw new Error(`Pagefind page ${result.id} is not in its shard's list`);
        byReport.set(report, result.words);
        served += result.words.length;
      }
      return byReport;
    },
  };
}
