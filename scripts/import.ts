/**
 * Turns a text extracted from a report's PDF into a report ready to build.
 *
 *   npm run import -- <extracted.txt> [--slug <slug>] [--force]
 *
 * Writes content/reports/<slug>.mdx and, beside the source text in
 * content/sources/, its layout file (<name>.layout.yaml: what the PDF added,
 * which the fidelity test reads). A text from elsewhere is first copied into
 * content/sources/, where it stays as the report's provenance. Prints every
 * line it removed and every place it was unsure of, by source line number.
 *
 * It refuses to overwrite an existing report or layout unless `--force`, and
 * exits non-zero with a message naming the file and the problem on input it
 * cannot read. The work itself is src/lib/import/ (see import-report.ts).
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ImportError, importReport } from '../src/lib/import/import-report.ts';
import { formatImportReport } from '../src/lib/import/printed-report.ts';
import { layoutPathFor } from '../src/lib/source-layout.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function fail(message: string): never {
  console.error(`npm run import: ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { slug: { type: 'string' }, force: { type: 'boolean', default: false } } });
} catch (error) {
  fail(`${(error as Error).message}\nusage: npm run import -- <extracted.txt> [--slug <slug>] [--force]`);
}
const { values, positionals } = parsed;
if (positionals.length !== 1) fail('usage: npm run import -- <extracted.txt> [--slug <slug>] [--force]');

const input = resolve(process.env['INIT_CWD'] ?? process.cwd(), positionals[0]!);
if (!input.endsWith('.txt')) fail(`${positionals[0]}: expected a text file ending in .txt`);
if (!existsSync(input)) fail(`${positionals[0]}: no such file`);

let text: string;
try {
  text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(input));
} catch {
  fail(`${positionals[0]}: not UTF-8 text (save the extracted text as UTF-8 and try again)`);
}
if (text.includes('\u0000')) fail(`${positionals[0]}: a binary file, not extracted text`);

const name = basename(input);
const slug = values.slug ?? name.replace(/\.txt$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
if (!SLUG.test(slug)) fail(`--slug ${slug}: a slug is lower-case letters, digits and single hyphens (it becomes the URL /reports/<slug>/)`);

const sourceFile = `${root}content/sources/${name}`;
const reportFile = `${root}content/reports/${slug}.mdx`;
const layoutFile = `${root}${layoutPathFor(`content/sources/${name}`)}`;
const shown = (file: string) => relative(root, file);

if (!values.force) {
  if (existsSync(reportFile)) fail(`${shown(reportFile)} exists: choose another --slug, or add --force to replace it`);
  if (existsSync(layoutFile)) fail(`${shown(layoutFile)} exists (this source was imported before): add --force to replace it`);
  if (resolve(sourceFile) !== input && existsSync(sourceFile) && readFileSync(sourceFile, 'utf8') !== text) {
    fail(`${shown(sourceFile)} exists with other text: rename the file you import, or add --force to replace it`);
  }
}

let result;
try {
  result = importReport(text, { source: `sources/${name}` });
} catch (error) {
  if (error instanceof ImportError) fail(`${positionals[0]}: ${error.message}`);
  throw error;
}

if (resolve(sourceFile) !== input) copyFileSync(input, sourceFile);
writeFileSync(reportFile, result.mdx);
writeFileSync(layoutFile, result.layoutYaml);
console.log(formatImportReport(result, { source: shown(sourceFile), report: shown(reportFile), layout: shown(layoutFile) }));
