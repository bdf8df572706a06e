/**
 * Search benchmark: our exact search and Pagefind's default, side by side in
 * one run, over the same synthetic archive made from the real reports'
 * paragraphs (issue 3, "Benchmark").
 *
 *   npm run bench:search                       100 reports
 *   npm run bench:search -- --reports 1000     the archive-scale run
 *   options: --seed N (default 1), --fresh (rebuild corpus and indexes)
 *
 * Per query: section precision/recall against substring truth computed from
 * the synthetic text, and a cold query in Chromium (fresh context; bytes as a
 * static host sends them, wall time including Pagefind's start-up). Then
 * index size and indexing time. Corpora and indexes live in
 * node_modules/.cache/bench-search/ and are reused while the corpus, the
 * indexing code and Pagefind's version are unchanged.
 *
 * Targets at 1,000 reports: exact (100%/100%); cold query ≤ 1.5× default's
 * bytes and under 1 s. The figures are printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { projectRoot } from '../tests/helpers/built-site.ts';
import { launchBrowser, serveDist } from '../tests/helpers/static-site.ts';
import { coldQueryDefault, coldQueryOurs, defaultAnswers, type ColdQuery } from './bench/browser.ts';
import { corpusCharacters, generateCorpus, readSourceText, type SyntheticReport } from './bench/corpus.ts';
import { buildDefault, buildOurs, indexSize, type IndexSize } from './bench/indexes.ts';
import { openSearchEngine } from '../tests/helpers/search.ts';
import { groundTruth, score, sectionKey, type Score, type SectionKey } from './bench/precision.ts';

/** The issue's queries: the targets are judged on these. */
const TARGET_QUERIES = ['多边主义', '中国', '的', '人类命运共同体', 'WTO'];
/** Also shown: a Traditional query and a two-word one (exactness is judged on them too). */
const QUERIES = [...TARGET_QUERIES, '多邊主義', '多边主义 联合国'];
const TARGET = { reports: 1000, bytesRatio: 1.5, ms: 1000 };
/** Base path of our bundle in the bench site (what BASE_URL is on a sub-path deploy). */
const OURS_BASE = '/ours/';
const DEFAULT_BASE = '/default/';

const { values: options } = parseArgs({
  options: {
    reports: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    fresh: { type: 'boolean', default: false },
  },
});
const reportCount = Number(options.reports);
const seed = Number(options.seed);
if (!Number.isInteger(reportCount) || reportCount < 1) throw new Error(`--reports must be a positive whole number, not ${options.reports}`);
if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not ${options.seed}`);

const searchData = join(projectRoot, 'dist', 'search', 'reports');
if (!existsSync(searchData)) {
  console.log('dist/search/reports is missing: building the site for the source paragraphs…');
  const built = spawnSync('npx', ['astro', 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// ---- corpus and indexes, reused while nothing they depend on changed ----

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);
const sourcesOf = (dir: string) =>
  readdirSync(join(projectRoot, dir))
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => readFileSync(join(projectRoot, dir, file), 'utf8'))
    .join('\0');
const pagefindVersion = (JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }).version;

const source = readSourceText(searchData);
const keys = {
  corpus: hash(JSON.stringify(source), readFileSync(join(projectRoot, 'scripts', 'bench', 'corpus.ts'), 'utf8'), String(reportCount), String(seed)),
  ours: '',
  default: '',
};
keys.ours = hash(keys.corpus, pagefindVersion, sourcesOf('src/lib/search'), sourcesOf('src/integrations/search'));
keys.default = hash(keys.corpus, pagefindVersion);

interface BuildRecord {
  keys: typeof keys;
  oursMs?: number;
  defaultMs?: number;
}

const benchDir = join(projectRoot, 'node_modules', '.cache', 'bench-search', `r${reportCount}-s${seed}`);
mkdirSync(benchDir, { recursive: true });
const recordFile = join(benchDir, 'build.json');
const previous: Partial<BuildRecord> = !options.fresh && existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, 'utf8')) as BuildRecord) : {};
const record: BuildRecord = { keys };
const reused: string[] = [];

const corpusFile = join(benchDir, 'corpus.json');
let corpus: SyntheticReport[];
if (previous.keys?.corpus === keys.corpus && existsSync(corpusFile)) {
  corpus = JSON.parse(readFileSync(corpusFile, 'utf8')) as SyntheticReport[];
  reused.push('corpus');
} else {
  corpus = generateCorpus(source, reportCount, seed);
  writeFileSync(corpusFile, JSON.stringify(corpus));
}
const { sections: sectionCount, characters } = corpusCharacters(corpus);
console.log(
  `Corpus: ${reportCount} reports, ${sectionCount} sections, ${(characters / 1e6).toFixed(1)} M characters (without white space), ` +
    `from ${source.paragraphs.length} source paragraphs, seed ${seed}\n  ${benchDir}`,
);

const oursDir = join(benchDir, 'ours');
const defaultDir = join(benchDir, 'default');
const saveRecord = () => writeFileSync(recordFile, JSON.stringify(record, null, 2));
if (previous.keys?.ours === keys.ours && previous.oursMs !== undefined && existsSync(join(oursDir, 'search', 'manifest.json'))) {
  record.oursMs = previous.oursMs;
  reused.push('ours');
} else {
  console.log('Indexing: ours…');
  record.oursMs = await buildOurs(corpus, oursDir);
}
saveRecord();
if (previous.keys?.default === keys.default && previous.defaultMs !== undefined && existsSync(join(defaultDir, 'pagefind', 'pagefind-entry.json'))) {
  record.defaultMs = previous.defaultMs;
  reused.push('default');
} else {
  console.log("Indexing: Pagefind's default…");
  record.defaultMs = await buildDefault(corpus, defaultDir);
}
saveRecord();
if (reused.length > 0) console.log(`Reused from an earlier run (same corpus and code; --fresh rebuilds): ${reused.join(', ')}`);

// ---- precision and recall ----

const truth = groundTruth(corpus, QUERIES);
const { engine, loadReport } = await openSearchEngine(oursDir);
const oursScores = new Map<string, Score>();
for (const query of QUERIES) {
  const outcome = await engine.search(query);
  const returned = new Set<SectionKey>();
  for (const hit of outcome.reports) {
    const { url } = await loadReport(hit.id);
    for (const section of hit.sections) returned.add(sectionKey(url, section.section));
  }
  oursScores.set(query, score(returned, truth.get(query)!));
}

// The bench site: a zh-CN page to search from, both bundles, our worker.
writeFileSync(
  join(benchDir, 'index.html'),
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>搜索基准</title></head><body><main>搜索基准</main></body></html>',
);
await build({
  entryPoints: [join(projectRoot, 'src', 'scripts', 'search', 'worker.ts')],
  outfile: join(benchDir, 'worker', 'search-worker.js'),
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2022',
  define: { 'import.meta.env.BASE_URL': JSON.stringify(OURS_BASE) },
  logLevel: 'error',
});

const server = await serveDist(benchDir);
const site = { root: benchDir, url: server.url };
const browser = await launchBrowser();
const cold = new Map<string, { ours: ColdQuery; default: ColdQuery }>();
// Times depend on what else the machine runs: the load is printed beside them.
let loadBefore = 0;
let loadAfter = 0;
const defaultScores = new Map<string, Score>();
try {
  const oursWorker = '/worker/search-worker.js';
  const defaultPagefind = `${DEFAULT_BASE}pagefind/pagefind.js`;
  const pages = new Map(corpus.map((report) => [report.url, report]));
  for (const [query, answer] of await defaultAnswers(browser, site, defaultPagefind, QUERIES)) {
    const returned = new Set<SectionKey>();
    for (const result of answer.results) {
      // Pagefind puts its bundle's base path in front of the URLs it was given.
      const report = pages.get(withoutBase(result.url));
      if (!report) throw new Error(`Pagefind's default returned ${result.url}, which is not in the corpus`);
      // A result's sub-results are its sections; one without an anchor is the text before the first heading.
      const urls = result.subResults.length > 0 ? result.subResults : [result.url];
      for (const url of urls) {
        const hash = url.includes('#') ? decodeURIComponent(url.slice(url.indexOf('#') + 1)) : null;
        const index = hash === null ? 0 : report.sections.findIndex((section) => section.id === hash);
        if (index < 0) throw new Error(`Pagefind's default sub-result ${url} names no section of ${report.url}`);
        returned.add(sectionKey(report.url, index));
      }
    }
    defaultScores.set(query, score(returned, truth.get(query)!));
  }
  console.log('Cold queries in Chromium…');
  loadBefore = loadavg()[0]!;
  for (const query of QUERIES) {
    cold.set(query, {
      ours: await coldQueryOurs(browser, site, oursWorker, query),
      default: await coldQueryDefault(browser, site, defaultPagefind, query),
    });
  }
  loadAfter = loadavg()[0]!;
} finally {
  await browser.close();
  await server.close();
}

// ---- the report ----

const percent = (value: number) => (Number.isNaN(value) ? '—' : `${(value * 100).toFixed(value === 1 ? 0 : 1)}%`);
const pr = (s: Score) => `${percent(s.precision)} / ${percent(s.recall)}`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)}`;
const ms = (value: number) => `${Math.round(value)}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const rows = QUERIES.map((query) => {
  const relevant = truth.get(query)!.size;
  const { ours, default: theirs } = cold.get(query)!;
  return {
    query,
    'truth (sections)': String(relevant),
    'ours P / R': pr(oursScores.get(query)!),
    'default P / R': pr(defaultScores.get(query)!),
    'ours KB': kb(ours.bytes),
    'ours ms': ms(ours.ms),
    'default KB': kb(theirs.bytes),
    'default ms': ms(theirs.ms),
    'bytes ours/default': `${(ours.bytes / theirs.bytes).toFixed(2)}×`,
  };
});
const sizes: Record<'ours' | 'default', IndexSize> = { ours: indexSize(oursDir), default: indexSize(defaultDir) };

console.log(`\nSearch benchmark: ${reportCount} reports, ${sectionCount} sections; cold queries in Chromium, fresh context each`);
console.log(`(1-minute load average ${loadBefore.toFixed(1)} before the cold queries, ${loadAfter.toFixed(1)} after, on ${availableParallelism()} cores)`);
printTable(rows);
console.log('');
printTable([
  {
    index: 'ours',
    'indexing time': `${(record.oursMs! / 1000).toFixed(1)} s`,
    'on disk, total': mb(sizes.ours.total),
    'on disk, data (without Pagefind JS/CSS/wasm)': mb(sizes.ours.data),
    files: String(sizes.ours.files),
  },
  {
    index: "Pagefind's default",
    'indexing time': `${(record.defaultMs! / 1000).toFixed(1)} s`,
    'on disk, total': mb(sizes.default.total),
    'on disk, data (without Pagefind JS/CSS/wasm)': mb(sizes.default.data),
    files: String(sizes.default.files),
  },
]);

console.log('\nWhat each cold query fetched (KB as sent; ours | default):');
for (const query of QUERIES) {
  const { ours, default: theirs } = cold.get(query)!;
  console.log(`  ${query}`);
  console.log(`    ours:    ${ours.summary}; ${describeFiles(ours)}`);
  console.log(`    default: ${theirs.summary}; ${describeFiles(theirs)}`);
}

const allExact = QUERIES.every((query) => {
  const s = oursScores.get(query)!;
  return s.precision === 1 && s.recall === 1;
});
const withinBytes = TARGET_QUERIES.filter((query) => cold.get(query)!.ours.bytes <= TARGET.bytesRatio * cold.get(query)!.default.bytes);
const withinTime = TARGET_QUERIES.filter((query) => cold.get(query)!.ours.ms < TARGET.ms);
const scale = reportCount === TARGET.reports ? '' : ` (targets are set for ${TARGET.reports} reports; this run has ${reportCount})`;
console.log(`\nTargets${scale}:`);
console.log(`  exact, 100% precision and recall on every query: ${allExact ? 'met' : 'NOT met'}`);
console.log(`  cold query ≤ ${TARGET.bytesRatio}× default's bytes (the issue's ${TARGET_QUERIES.length} queries): ${verdict(withinBytes)}`);
console.log(`  cold query < ${TARGET.ms} ms (the issue's ${TARGET_QUERIES.length} queries): ${verdict(withinTime)}`);

function withoutBase(url: string): string {
  return url.startsWith(DEFAULT_BASE) ? `/${url.slice(DEFAULT_BASE.length)}` : url;
}

function verdict(passing: string[]): string {
  if (passing.length === TARGET_QUERIES.length) return 'met for all';
  return `NOT met for ${TARGET_QUERIES.filter((query) => !passing.includes(query)).join(', ')}`;
}

/** Fetched files grouped by kind, largest first. */
function describeFiles(query: ColdQuery): string {
  const groups = new Map<string, { count: number; bytes: number }>();
  for (const file of query.files) {
    const kind = fileKind(file.path);
    const group = groups.get(kind) ?? { count: 0, bytes: 0 };
    group.count++;
    group.bytes += file.bytes;
    groups.set(kind, group);
  }
  return [...groups]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([kind, group]) => `${kind} ${group.count > 1 ? `${group.count}× ` : ''}${kb(group.bytes)}`)
    .join(', ');
}

function fileKind(path: string): string {
  if (path.endsWith('.pf_index')) return 'pf_index';
  if (path.endsWith('.pf_fragment')) return 'pf_fragment';
  if (path.endsWith('.pf_meta')) return 'pf_meta';
  if (path.endsWith('.pagefind')) return 'wasm';
  if (path.includes('/search/reports/')) return 'report data';
  return path.slice(path.lastIndexOf('/') + 1);
}

function printTable(table: Record<string, string>[]) {
  const columns = Object.keys(table[0]!);
  // Han characters take two columns in a terminal.
  const width = (text: string) => [...text].reduce((sum, c) => sum + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(c) ? 2 : 1), 0);
  const pad = (text: string, size: number, right: boolean) => (right ? ' '.repeat(size - width(text)) + text : text + ' '.repeat(size - width(text)));
  const sizes = columns.map((column) => Math.max(width(column), ...table.map((row) => width(row[column]!))));
  const line = (cells: string[]) => `| ${cells.map((cell, k) => pad(cell, sizes[k]!, k > 0)).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${sizes.map((size, k) => (k > 0 ? `${'-'.repeat(size + 1)}:` : '-'.repeat(size + 2))).join('|')}|`);
  for (const row of table) console.log(line(columns.map((column) => row[column]!)));
}
