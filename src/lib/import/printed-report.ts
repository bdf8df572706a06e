/**
 * What `npm run import` prints for the editor: each line it removed and why,
 * each place it was unsure of, each front-matter field to fill in, by source
 * line number, so the editor checks exactly those.
 */
import type { ImportedReport } from './import-report.ts';

export function formatImportReport(result: ImportedReport, files: { source: string; report: string; layout: string }): string {
  const out: string[] = [`Imported ${files.source}`, `  → ${files.report}`, `  → ${files.layout}`, ''];
  const number = (line: number) => `line ${String(line).padStart(5)}`;

  out.push(`Removed: ${result.removed.length} line${result.removed.length === 1 ? '' : 's'} the PDF added (recorded in the layout file).`);
  for (const removed of result.removed) out.push(`  ${number(removed.line)}  ${removed.why}: "${removed.text}"`);
  out.push('');

  const uncertain = result.findings.filter((finding) => finding.kind === 'uncertain');
  out.push(`Check: ${uncertain.length} place${uncertain.length === 1 ? '' : 's'} the import was unsure of.`);
  for (const finding of uncertain) out.push(`  ${number(finding.line)}  ${finding.message}`);
  out.push('');

  out.push(`Front matter: ${result.todos.length} field${result.todos.length === 1 ? '' : 's'} to fill in or check (marked # TODO(editor) in the file).`);
  for (const todo of result.todos) out.push(`  ${todo.field}: ${todo.message}`);
  out.push('');
  out.push('Next: read the report with `npm start`, fix what the lists above point to, then `npm test` (the fidelity test compares the page with the source).');
  return out.join('\n');
}
