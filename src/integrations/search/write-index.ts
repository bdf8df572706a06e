/**
 * Writes the search index for an archive of reports, one report at a time,
 * so that memory is bounded by a shard, never by the archive
 * (src/lib/search/tokens.ts explains the three indexes):
 *   pagefind/                        Pagefind's script and WebAssembly, shard 0's index
 *   pagefind/ids.json                shard 0's Pagefind page ids, in report order
 *   pagefind/s<k>/…                  shard k's index and ids.json (k ≥ 1)
 *   pagefind/words/<b>.jsonz         bucket b of the word directory
 *   pagefind/reports/<n>.jsonz       report n's sections (url, title, headings, text)
 *   search/manifest.json             version, punctuation, fold table, shards, directory size
 * (all under the output directory). Everything the search worker reads but
 * the manifest is under pagefind/, the search index's one directory; the
 * manifest is also read by the highlighter on report pages.
 * `.jsonz` files are gzip-compressed JSON, as Pagefind stores its own files:
 * smaller on disk, and sent as they are (the worker decompresses them).
 * Pagefind's other output (fragments, its UI scripts and styles, its own
 * worker) is not written: the site's search never requests it.
 *
 * Used by the Astro integration (the site) and by the search benchmark
 * (synthetic archives), so both measure the same thing.
 */
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { bucketName, directoryShape, encodeEntries, isCharacter, reportWords, type DirectoryBucket, type DirectoryShape } from '../../lib/search/directory.ts';
import type { SearchManifest, SearchableReport } from '../../lib/search/engine.ts';
import { createFolder } from '../../lib/search/fold.ts';
import { ShardPlan, SHARD_WORDS, shardDirectory, shardLanguage } from '../../lib/search/shards.ts';
import { ReservedCharacterError, StandIns, indexCharacters, streamLength, tokenStream } from '../../lib/search/tokens.ts';
import { traditionalToSimplified } from './traditional-to-simplified.ts';

export const PAGEFIND_DIR = 'pagefind';
export const SEARCH_DATA_DIR = 'search';

/** Pagefind's files the site's search loads: its script, its WebAssembly, and each index. */
const PAGEFIND_RUNTIME = new Set(['pagefind.js', 'wasm.unknown.pagefind']);
const PAGEFIND_INDEX = /^(?:pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|index\/[^/]+\.pf_index)$/;

export class SearchIndexError extends Error {}

export interface WrittenIndex {
  reports: number;
  sections: number;
  characters: number;
  shards: number;
}

export interface WriterOptions {
  /** How many reports will be added (sizes the word directory's buckets). */
  reports: number;
  /** Pagefind words per shard at most (default SHARD_WORDS). */
  shardWords?: number;
}

export interface SearchIndexWriter {
  add(report: SearchableReport): Promise<void>;
  finish(): Promise<WrittenIndex>;
}

const gzipJson = (value: unknown) => gzipSync(JSON.stringify(value));

export async function createSearchIndexWriter(outDir: string, options: WriterOptions): Promise<SearchIndexWriter> {
  const table = traditionalToSimplified();
  const folder = createFolder(table);
  const standIns = new StandIns();
  const plan = new ShardPlan(options.shardWords ?? SHARD_WORDS);
  const pagefindDir = join(outDir, PAGEFIND_DIR);
  const manifestFile = join(outDir, SEARCH_DATA_DIR, 'manifest.json');
  const partialDir = join(pagefindDir, '.partial');
  await rm(pagefindDir, { recursive: true, force: true });
  await Promise.all(['reports', 'words', '.partial'].map((dir) => mkdir(join(pagefindDir, dir), { recursive: true })));
  await mkdir(dirname(manifestFile), { recursive: true });

  const seen = new Set<string>();
  /** Every folded character of the archive (the fold table keeps the entries that lead to one). */
  const corpusCharacters = new Set<string>();
  const shardStarts: number[] = [];
  let shape: DirectoryShape | undefined;
  /** Bucket files the partial directory has been written to. */
  const partials = new Set<string>();
  let reports = 0;
  let sections = 0;
  let characters = 0;

  // The open shard: its Pagefind index and its part of the word directory.
  let index: pagefind.PagefindIndex | undefined;
  let shardWords = new Map<string, number[]>();

  async function openShard() {
    const created = await pagefind.createIndex();
    if (!created.index) throw new SearchIndexError(`Pagefind could not create an index: ${created.errors.join('; ')}`);
    index = created.index;
    shardStarts.push(reports);
  }

  async function closeShard() {
    if (!index) return;
    const shard = shardStarts.length - 1;
    try {
      const { files, errors } = await index.getFiles();
      if (errors.length > 0) throw new SearchIndexError(`Pagefind could not write its files: ${errors.join('; ')}`);
      const ids: string[] = [];
      const shardDir = join(pagefindDir, shardDirectory(shard));
      for (const file of files) {
        if (file.path.startsWith('fragment/')) {
          // Pagefind names a page by a hash; its fragment says which report (we gave the number as its URL).
          const fragment = JSON.parse(gunzipSync(file.content).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string };
          ids[Number(fragment.url.replace(/^\//, '')) - shardStarts[shard]!] = file.path.slice('fragment/'.length).replace(/\.pf_fragment$/, '');
        } else if (PAGEFIND_INDEX.test(file.path) || (shard === 0 && PAGEFIND_RUNTIME.has(file.path))) {
          await mkdir(dirname(join(shardDir, file.path)), { recursive: true });
          await writeFile(join(shardDir, file.path), file.content);
        }
      }
      const expected = reports - shardStarts[shard]!;
      for (let k = 0; k < Math.max(expected, ids.length); k++) {
        if (!ids[k] || k >= expected) throw new SearchIndexError(`Pagefind's pages do not match the ${expected} reports of shard ${shard}`);
      }
      await writeFile(join(shardDir, 'ids.json'), JSON.stringify(ids));
    } finally {
      await index.deleteIndex();
      // Stops Pagefind's process: the next shard starts with its memory free.
      await pagefind.close();
      index = undefined;
    }
    await writeDirectoryPart();
    plan.close();
  }

  /** Appends the shard's directory entries to each bucket's partial file (merged by finish). */
  async function writeDirectoryPart() {
    if (!shape) {
      // Sized from the first shard, scaled to the whole archive.
      const entries = { characters: 0, pairs: 0 };
      for (const [word, flat] of shardWords) entries[isCharacter(word) ? 'characters' : 'pairs'] += flat.length / 3;
      const archive = Math.max(options.reports, reports);
      const scale = archive / Math.max(1, reports);
      shape = directoryShape({ characters: entries.characters * scale, pairs: entries.pairs * scale }, archive);
    }
    const parts = new Map<string, DirectoryBucket>();
    for (const [word, flat] of shardWords) {
      const bucket = bucketName(word, shape);
      let part = parts.get(bucket);
      if (!part) parts.set(bucket, (part = {}));
      part[word] = flat;
    }
    for (const [bucket, part] of parts) {
      await appendFile(join(partialDir, bucket), `${JSON.stringify(part)}\n`);
      partials.add(bucket);
    }
    shardWords = new Map();
  }

  return {
    async add(report) {
      if (seen.has(report.url)) throw new SearchIndexError(`Two reports share the URL ${report.url}`);
      seen.add(report.url);
      const folded = report.sections.map((section) => folder.foldWithSource(section.text).characters);
      let indexed: string[][];
      try {
        indexed = indexCharacters(folded, standIns);
      } catch (error) {
        if (error instanceof ReservedCharacterError) throw new SearchIndexError(`${report.url}: ${error.message}`);
        throw error;
      }
      const words = streamLength(indexed);
      if (plan.closesBefore(words)) await closeShard();
      if (!index) await openShard();
      const number = reports;
      const added = await index!.addCustomRecord({
        url: `/${number}`,
        content: tokenStream(indexed),
        language: shardLanguage(shardStarts.length - 1),
      });
      if (added.errors.length > 0) throw new SearchIndexError(`Pagefind refused ${report.url}: ${added.errors.join('; ')}`);
      plan.add(words);

      for (const [word, { count, sections: holding }] of reportWords(indexed)) {
        let flat = shardWords.get(word);
        if (!flat) shardWords.set(word, (flat = []));
        flat.push(number, count, holding);
      }
      await writeFile(join(pagefindDir, 'reports', `${number}.jsonz`), gzipJson(report));
      reports++;
      sections += report.sections.length;
      for (const section of folded) {
        characters += section.length;
        for (const character of section) corpusCharacters.add(character);
      }
    },

    async finish() {
      if (reports === 0) throw new SearchIndexError('no reports to index');
      await closeShard();
      await mergeDirectory(partialDir, join(pagefindDir, 'words'), shape!, partials);
      await rm(partialDir, { recursive: true, force: true });

      const fold: Record<string, string> = {};
      for (const [traditional, simplified] of table) if (corpusCharacters.has(simplified)) fold[traditional] = simplified;
      const manifest: SearchManifest = {
        pagefind: await pagefindVersion(pagefindDir),
        punctuation: standIns.order(),
        fold,
        reports,
        shards: shardStarts,
        directory: shape!,
      };
      await writeFile(manifestFile, JSON.stringify(manifest));
      return { reports, sections, characters, shards: shardStarts.length };
    },
  };
}

/** Writes the index for all `reports` (a list or a stream of known length). */
export async function writeSearchIndex(
  reports: Iterable<SearchableReport> | AsyncIterable<SearchableReport>,
  outDir: string,
  options: WriterOptions,
): Promise<WrittenIndex> {
  const writer = await createSearchIndexWriter(outDir, options);
  try {
    for await (const report of reports) await writer.add(report);
    return await writer.finish();
  } finally {
    // A failed build leaves no Pagefind process behind.
    await pagefind.close();
  }
}

/**
 * Each bucket's partial file holds one line per shard; words keep shard
 * order, so reports stay ascending. Every bucket is written, empty or not:
 * a word the archive lacks may lead to one no word fell into.
 */
async function mergeDirectory(partialDir: string, wordsDir: string, shape: DirectoryShape, written: ReadonlySet<string>) {
  const names = [
    ...Array.from({ length: shape.characters }, (_, bucket) => `c${bucket}`),
    ...Array.from({ length: shape.pairs }, (_, bucket) => `p${bucket}`),
  ];
  for (const bucket of names) {
    const merged = new Map<string, number[]>();
    const lines = written.has(bucket) ? (await readFile(join(partialDir, bucket), 'utf8')).split('\n').filter(Boolean) : [];
    for (const line of lines) {
      for (const [word, flat] of Object.entries(JSON.parse(line) as DirectoryBucket)) {
        const list = merged.get(word);
        if (list) list.push(...flat);
        else merged.set(word, flat);
      }
    }
    const file: DirectoryBucket = {};
    for (const [word, flat] of merged) {
      const entries = [];
      for (let k = 0; k < flat.length; k += 3) entries.push({ report: flat[k]!, count: flat[k + 1]!, sections: flat[k + 2]! });
      file[word] = encodeEntries(entries);
    }
    await writeFile(join(wordsDir, `${bucket}.jsonz`), gzipJson(file));
  }
}

async function pagefindVersion(pagefindDir: string): Promise<string> {
  const entry = JSON.parse(await readFile(join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as { version: string };
  return entry.version;
}
