/**
 * Front-matter problems as the editor reads them: the line of the report file
 * each is on, the field, one sentence. Through the schema the build uses.
 */
import { describe, expect, it } from 'vitest';
import { formatFrontMatterProblems, frontMatterProblems } from '../../src/lib/front-matter-problems.ts';
import { validReport } from '../helpers/fixture-build.ts';

/** validReport's lines, for reading the cases: 1 ---, 2 title, 3 authors, 4 - name, 5 publication, 6 type, 7 name, 8 year, 9 issue, 10 date, 11 ---. */
const problems = (text: string) => frontMatterProblems(text).map(({ line, field, message }) => `${line} ${field}: ${message}`);

describe('front-matter problems name the line and the field', () => {
  it('finds none in a valid report', () => {
    expect(problems(validReport)).toEqual([]);
  });

  it.each([
    ['a missing top-level field: the first line of the front matter', validReport.replace(/^title: .*\n/m, ''), '1 title: required, but missing'],
    ['a missing nested field: the line of the field that holds it', validReport.replace('  name: 测试期刊\n', ''), '5 publication.name: required, but missing'],
    ['an unknown key, with the field it is likely a typo of', validReport.replace('authors:', 'autors:\n  - name: 李四\nauthors:'), '3 autors: not a field a report has (did you mean "authors"? the fields are listed in src/lib/report-schema.ts)'],
    ['an unknown nested key', validReport.replace('issue: 1', 'isue: 1'), '9 publication.isue: not a field a report has (did you mean "issue"? the fields are listed in src/lib/report-schema.ts)'],
    ['an unknown key like no other', validReport.replace('authors:', 'subtitle: 副标题\nauthors:'), '3 subtitle: not a field a report has (the fields are listed in src/lib/report-schema.ts)'],
    ['an impossible date', validReport.replace('"2023-03-01"', '"2023-02-30"'), '10 publication.date: not a real calendar date (expected "YYYY-MM-DD")'],
    ['an unquoted date', validReport.replace('"2023-03-01"', '2023-03-01'), expect.stringMatching(/^10 publication\.date: write the date in quotes/)],
    ['text where a number belongs', validReport.replace('year: 2023', 'year: 二〇二三'), '8 publication.year: expected a number, found text ("二〇二三")'],
    ['a value outside a list of choices', validReport.replace('type: article', 'type: journal'), '6 publication.type: must be one of "article", "report", found text ("journal")'],
    ['an empty name in a list', validReport.replace('  - name: 张三', '  - name: ""'), '4 authors[0].name: is empty'],
    ['an empty list', validReport.replace('authors:\n  - name: 张三\n', 'authors: []\n'), '3 authors: needs at least 1 item'],
    ['YAML that does not parse, at the line it breaks', validReport.replace('  type: article', ' type: article'), expect.stringMatching(/^6 front matter: not valid YAML \(check the indentation and quotes\): /)],
    ['a key given twice', validReport.replace('authors:', 'title: 又一个\nauthors:'), expect.stringMatching(/^3 front matter: not valid YAML .*unique/)],
    ['no front matter at all', '## 一、引言\n\n正文。\n', expect.stringMatching(/^1 front matter: missing: a report starts with its front matter/)],
  ])('%s', (_, text, expected) => {
    expect(problems(text)).toEqual([expected]);
  });

  it('lists every problem of a file, in order', () => {
    const text = validReport.replace(/^title: .*\n/m, '').replace('"2023-03-01"', '"2023-02-30"').replace('issue: 1', 'isue: 1');
    expect(frontMatterProblems(text).map(({ line, field }) => `${line} ${field}`)).toEqual(['1 title', '8 publication.isue', '9 publication.date']);
  });

  it('formats each as one sentence: "<file>:<line> <field>: <problem>."', () => {
    const [problem] = frontMatterProblems(validReport.replace(/^title: .*\n/m, ''));
    expect(formatFrontMatterProblems('content/reports/x.mdx', [problem!])).toBe('content/reports/x.mdx:1 title: required, but missing.');
  });
});
