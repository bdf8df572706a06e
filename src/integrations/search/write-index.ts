/**
 * Writes the search index for a set of reports: Pagefind's bundle (one
 * custom record per report, words chosen by src/lib/search/tokens.ts) and,
 * beside it, what the exact engine needs that Pagefind does not keep:
 *   <outDir>/pagefind/…                 Pagefind's own files
 *   <outDir>/search/manifest.json       version, punctuation, fold table
 *   <outDir>/search/reports/<id>.json   each report's sections, by Pagefind id
 * Used by the Astro integration (the site) and by the search benchmark
 * (synthetic archives), so both measure the same thing.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { SearchManifest, SearchableReport } from '../../lib/search/engine.ts';
import { createFolder } from '../../lib/search/fold.ts';
import { ReservedCharacterError, StandIns, tokenStream } from '../../lib/search/tokens.ts';
import { traditionalToSimplified } from './traditional-to-simplified.ts';

/** Pagefind's language for the records: none, so it neither segments nor stems our words. */
const RECORD_LANGUAGE = 'und';

export const PAGEFIND_DIR = 'pagefind';
export const SEARCH_DATA_DIR = 'search';

export class SearchIndexError extends Error {}

export interface WrittenIndex {
  reports: number;
  sections: number;
  characters: number;
}

export async function writeSearchIndex(reports: readonly SearchableReport[], outDir: string): Promise<WrittenIndex> {
  const table = traditionalToSimplified();
  const folder = createFolder(table);
  const standIns = new StandIns();
  const seen = new Set<string>();
  const corpusCharacters = new Set<string>();
  const records: { url: string; content: string }[] = [];
  let characters = 0;
  for (const report of reports) {
    if (seen.has(report.url)) throw new SearchIndexError(`Two reports share the URL ${report.url}`);
    seen.add(report.url);
    const folded = report.sections.map((section) => folder.foldWithSource(section.text).characters);
    let content: string;
    try {
      content = tokenStream(folded, standIns);
    } catch (error) {
      if (error instanceof ReservedCharacterError) throw new SearchIndexError(`${report.url}: ${error.message}`);
      throw error;
    }
    for (const section of folded) for (const character of section) corpusCharacters.add(character);
    characters += folded.reduce((sum, section) => sum + section.length, 0);
    records.push({ url: report.url, content });
  }

  const pagefindDir = join(outDir, PAGEFIND_DIR);
  const { index, errors } = await pagefind.createIndex();
  if (!index) throw new SearchIndexError(`Pagefind could not create an index: ${errors.join('; ')}`);
  try {
    for (const record of records) {
      const added = await index.addCustomRecord({ url: record.url, content: record.content, language: RECORD_LANGUAGE });
      if (added.errors.length > 0) throw new SearchIndexError(`Pagefind refused ${record.url}: ${added.errors.join('; ')}`);
    }
    await rm(pagefindDir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: pagefindDir });
    if (written.errors.length > 0) throw new SearchIndexError(`Pagefind could not write its files: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }

  const ids = await fragmentIdsByUrl(pagefindDir);
  const dataDir = join(outDir, SEARCH_DATA_DIR, 'reports');
  await mkdir(dataDir, { recursive: true });
  for (const report of reports) {
    const id = ids.get(report.url);
    if (!id) throw new SearchIndexError(`Pagefind wrote no record for ${report.url}`);
    await writeFile(join(dataDir, `${id}.json`), JSON.stringify(report));
  }
  const fold: Record<string, string> = {};
  for (const [traditional, simplified] of table) if (corpusCharacters.has(simplified)) fold[traditional] = simplified;
  const manifest: SearchManifest = { pagefind: await pagefindVersion(pagefindDir), punctuation: standIns.order(), fold };
  await writeFile(join(outDir, SEARCH_DATA_DIR, 'manifest.json'), JSON.stringify(manifest));

  return { reports: reports.length, sections: reports.reduce((sum, report) => sum + report.sections.length, 0), characters };
}

/** Pagefind names a record by its fragment; read the fragments back to learn which is which. */
async function fragmentIdsByUrl(pagefindDir: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const fragmentDir = join(pagefindDir, 'fragment');
  for (const file of await readdir(fragmentDir)) {
    const raw = gunzipSync(await readFile(join(fragmentDir, file))).toString('utf8');
    const json = JSON.parse(raw.replace(/^pagefind_dcd/, '')) as Record<string, unknown>;
    const name = file.replace(/\.pf_fragment$/, '');
    if (typeof json.url === 'string') ids.set(json.url, name);
    else for (const [id, fragment] of Object.entries(json)) ids.set((fragment as { url: string }).url, id);
  }
  return ids;
}

async function pagefindVersion(pagefindDir: string): Promise<string> {
  const entry = JSON.parse(await readFile(join(pagefindDir, 'pagefind-entry.json'), 'utf8')) as { version: string };
  return entry.version;
}
