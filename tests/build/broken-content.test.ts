/**
 * An editor's mistake never reaches readers: each of these stops the build
 * with a message that names the file and the problem.
 */
import { describe, expect, it } from 'vitest';
import { buildWithReports, validReport } from '../helpers/fixture-build.ts';

const FILE = 'broken-report.mdx';

function expectBuildToFail(name: string, text: string, ...messages: RegExp[]) {
  const { status, output } = buildWithReports(name, { [FILE]: text });
  expect(status, output).not.toBe(0);
  expect(output).toContain(FILE);
  for (const message of messages) expect(output).toMatch(message);
}

describe('broken content stops the build', () => {
  it('builds the valid fixture (so the failures below are caused by the one change each makes)', () => {
    const { status, output } = buildWithReports('valid', { 'good-report.mdx': validReport });
    expect(status, output).toBe(0);
  });

  it('a required field is missing', () => {
    expectBuildToFail('missing-title', validReport.replace(/^title: .*\n/m, ''), /title/);
  });

  it('a date that does not exist', () => {
    expectBuildToFail('impossible-date', validReport.replace('"2023-03-01"', '"2023-02-30"'), /date/, /not a real calendar date/);
  });

  it('a date YAML would silently change', () => {
    expectBuildToFail('unquoted-date', validReport.replace('"2023-03-01"', '2023-02-30'), /date/, /in quotes/);
  });

  it('an unknown key', () => {
    expectBuildToFail('unknown-key', validReport.replace('authors:', 'autors:\n  - name: 李四\nauthors:'), /autors/);
  });

  it('MDX that does not parse', () => {
    expectBuildToFail('bad-mdx', validReport.replace('正文第一段。', '正文第一段 <span>没有闭合。'), /span|closing tag|Expected/i);
  });

  it('a footnote reference with no note', () => {
    expectBuildToFail('orphan-reference', validReport.replace('正文第一段。[^1]', '正文第一段。[^1][^2]'), /\[\^2\] has no note/);
  });

  it('a note that nothing references', () => {
    expectBuildToFail('unreferenced-note', `${validReport}\n[^9]: 没有引用的注释。\n`, /\[\^9\] is never referenced/);
  });

  it('a link to a section that does not exist', () => {
    expectBuildToFail('dead-fragment', validReport.replace('(#一引言)', '(#二结论)'), /#二结论/, /no section/);
  });
});
