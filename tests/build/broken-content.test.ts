/**
 * An editor's mistake never reaches readers: each of these stops a real
 * build with a message that names the file, the line and the problem. Every
 * kind of front-matter problem and of code in a report is checked in the unit
 * tests (front-matter-problems.test.ts, content-not-code.test.ts, through the
 * same schema and MDX processor); here, a few real builds show that such a
 * problem stops `astro build` and how it reads there. Front-matter problems
 * of several files are reported together, so one build checks them all.
 */
import { describe, expect, it } from 'vitest';
import { buildWithReports, validReport } from '../helpers/fixture-build.ts';

const FILE = 'broken-report.mdx';

/** Builds `reports` (file name → text); expects the build to stop and returns its output. */
function failedBuild(name: string, reports: Record<string, string>): string {
  const { status, output } = buildWithReports(name, reports);
  expect(status, output).not.toBe(0);
  // The editor is never sent into the built code (a stack trace through the build's own output).
  expect(output).not.toMatch(new RegExp(`^\\s+at .*/report-fixtures/${name}/dist/`, 'm'));
  return output;
}

/** The output line that starts with a report file at `line` (and `column`, where given). */
function lineFor(output: string, file: string, at: string): string {
  const line = output.split('\n').find((l) => new RegExp(`(^|/)${file}:${at}[ :]`).test(l));
  expect(line, `no line for ${file}:${at} in:\n${output}`).toBeDefined();
  return line!;
}

describe('broken content stops the build', () => {
  it('builds the valid fixture (so the failures below are caused by the one change each makes), with no warning', () => {
    const { status, output } = buildWithReports('valid', { 'good-report.mdx': validReport });
    expect(status, output).toBe(0);
    // Nothing a newcomer would take for a problem (vite.build.rolldownOptions.onwarn in astro.config.mjs).
    expect(output).not.toMatch(/\[WARN\]|warning/i);
  });

  it('front matter: every problem of every file, each with file, line and field in one sentence', () => {
    const output = failedBuild('front-matter', {
      'missing-title.mdx': validReport.replace(/^title: .*\n/m, ''),
      'impossible-date.mdx': validReport.replace('"2023-03-01"', '"2023-02-30"'),
      'unquoted-date.mdx': validReport.replace('"2023-03-01"', '2023-02-30'),
      'unknown-key.mdx': validReport.replace('authors:', 'autors:\n  - name: 李四\nauthors:'),
      'good-report.mdx': validReport,
    });
    expect(lineFor(output, 'missing-title.mdx', '1')).toMatch(/:1 title: required, but missing\.$/);
    expect(lineFor(output, 'impossible-date.mdx', '10')).toMatch(/ publication\.date: not a real calendar date/);
    expect(lineFor(output, 'unquoted-date.mdx', '10')).toMatch(/ publication\.date: write the date in quotes/);
    expect(lineFor(output, 'unknown-key.mdx', '3')).toMatch(/ autors: not a field a report has \(did you mean "authors"\?/);
    expect(output).not.toContain('good-report.mdx:');
    expect(output).not.toContain('**');
  });

  it('code in a report: each occurrence with file, line and column, and how to write it as text instead', () => {
    const output = failedBuild('code', {
      [FILE]: validReport.replace('## 一、引言', '## 一、引言{x}').replace('见[第一节](#一引言)。', '见<script>alert(1)</script>。'),
    });
    expect(lineFor(output, FILE, '13:8')).toMatch(/\{x\} is a JavaScript expression — .*"\\\{x\}" instead/);
    expect(lineFor(output, FILE, '17:2')).toMatch(/<script> .* — .*"\\<script>" instead/);
  });

  it('MDX that does not parse', () => {
    const output = failedBuild('bad-mdx', { [FILE]: validReport.replace('正文第一段。', '正文第一段 <span>没有闭合。') });
    expect(lineFor(output, FILE, '15:1')).toMatch(/closing tag for `<span>`/);
  });

  it('a check of the Markdown pipeline: a footnote reference with no note', () => {
    const output = failedBuild('orphan-reference', { [FILE]: validReport.replace('正文第一段。[^1]', '正文第一段。[^1][^2]') });
    expect(lineFor(output, FILE, '15:11')).toMatch(/\[\^2\] has no note/);
  });
});
