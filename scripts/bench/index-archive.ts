/**
 * One indexing run of the search benchmark, in a process of its own (the
 * benchmark measures the memory of this process and of Pagefind's, which it
 * starts, together): makes the synthetic archive report by report and
 * indexes it, ours or Pagefind's default; prints the milliseconds it took.
 *
 *   node scripts/bench/index-archive.ts ours|default <reports> <seed> <source dir> <out dir>
 */
import { corpusReports, readSourceText } from './corpus.ts';
import { buildDefault, buildOurs } from './indexes.ts';

const [which, reports, seed, sourceDir, outDir] = process.argv.slice(2);
if ((which !== 'ours' && which !== 'default') || !reports || !seed || !sourceDir || !outDir) {
  throw new Error('usage: index-archive.ts ours|default <reports> <seed> <source dir> <out dir>');
}
const source = readSourceText(sourceDir);
const corpus = corpusReports(source, Number(reports), Number(seed));
const started = performance.now();
if (which === 'ours') await buildOurs(corpus, Number(reports), outDir);
else await buildDefault(corpus, outDir);
console.log(JSON.stringify({ ms: performance.now() - started }));
