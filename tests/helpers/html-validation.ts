/**
 * The "valid HTML" gate: html-validate over every HTML file in a folder, with
 * the project's configuration (.htmlvalidate.json at the root: the
 * recommended preset, and any rule turned off listed there with its reason).
 * `npx html-validate dist` runs the same check from the command line.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';

export interface HtmlFinding {
  /** The file, relative to the folder validated, with `/` separators. */
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

const validator = new HtmlValidate(new FileSystemConfigLoader());

/**
 * Every error and warning html-validate reports for the .html files under
 * `dir` (those `include` accepts, by their path relative to `dir`; all unless
 * told), file by file.
 */
export async function validateHtmlIn(dir: string, include: (file: string) => boolean = () => true): Promise<{ files: string[]; findings: HtmlFinding[] }> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && include(file.split(sep).join('/')))
    .sort();
  const findings: HtmlFinding[] = [];
  for (const file of files) {
    const report = await validator.validateFile(join(dir, file));
    for (const result of report.results) {
      for (const message of result.messages) {
        findings.push({
          file: relative(dir, result.filePath).split(sep).join('/'),
          line: message.line,
          column: message.column,
          rule: message.ruleId,
          message: message.message,
        });
      }
    }
  }
  return { files: files.map((file) => file.split(sep).join('/')), findings };
}

/** One line per finding, `file:line:column rule message`: for assertion messages. */
export function formatFindings(findings: HtmlFinding[]): string {
  return findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`).join('\n');
}
