/**
 * Writes the search index for an archive of reports, one report at a time,
 * so that memory is bounded by a shard, never by the archive
 * (src/lib/search/tokens.ts explains the three indexes):
 *   pagefind/                        Pagefind's script and WebAssembly, shard 0's index
 *   pagefind/ids.json                shard 0's Pagefind page ids, in report order
 *   pagefind/s<k>/…                  shard k's index and ids.json (k ≥ 1)
 *   pagefind/words/c<n>.jsonz        the word directory's buckets: characters
 *   pagefind/words/p<n>.jsonz        … and pairs (directory-writer.ts)
 *   pagefind/reports/<n>.jsonz       report n's sections (url, title, headings, text)
 *   search/manifest.json             version, punctuation, fold table, shards, directory shape
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
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { reportWords } from '../../lib/search/directory.ts';
import type { SearchManifest, SearchableReport } from '../../lib/search/engine.ts';
import { createFolder } from '../../lib/search/fold.ts';
import { ShardPlan, SHARD_WORDS, shardDirectory, shardLanguage } from '../../lib/search/shards.ts';
import { ReservedCharacterError, StandIns, indexCharacters, streamLength, tokenStream } from '../../lib/search/tokens.ts';
import { DirectoryWriter } from './directory-writer.ts';
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
  await rm(pagefindDir, { recursive: true, force: true });
  await Promise.all([mkdir(join(pagefindDir, 'reports'), { recursive: true }), mkdir(dirname(manifestFile), { recursive: true })]);
  const directory = new DirectoryWriter(join(pagefindDir, 'words'), options.reports);
  await directory.open();

  const seen = new Set<string>();
  /** Every folded character of the archive (the fold table keeps the entries that lead to one). */
  const corpusCharacters = new Set<string>();
  const shardStarts: number[] = [];
  let reports = 0;
  let sections = 0;
  let characters = 0;

  // The open shard's Pagefind index.
  let index: pagefind.PagefindIndex | undefined;

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
    await directory.closeShard(reports);
    plan.close();
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

      directory.add(number, reportWords(indexed));
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
      const shape = await directory.finish();

      const fold: Record<string, string> = {};
      for (const [traditional, simplified] of table) if (corpusCharacters.has(simplified)) fold[traditional] = simplified;
      const manifest: SearchManifest = {
        pagefind: await pagefindVersion(pagefindDir),
        punctuation: standIns.order(),
        fold,
        reports,
        shards: shardStarts,
        directory: shape,
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

async function pagefindVersion(pagefindDir: string): Promise<string> {
  const entry = JSON.parse(await readFile(join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as { version: string };
  return entry.version;
}
