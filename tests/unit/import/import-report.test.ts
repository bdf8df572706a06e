/**
 * The whole import on small texts laid out like the sources: a page break
 * and a footnote block in the middle of a sentence, running heads, a page
 * number, a stray marker, a note on the title, front and back matter.
 */
import { describe, expect, it } from 'vitest';
import { accountForEveryCharacter, importReport, ImportError } from '../../../src/lib/import/import-report.ts';
import { noteReference, readSourceLines } from '../../../src/lib/import/source-lines.ts';

/** A line of `chars` characters in a 20-character column: `text`, then filler. */
const line = (text: string, chars = 20) => text.padEnd(chars, '文');

// A journal article in a column of 20 characters: a first line is indented
// two characters (18), a last line is short.
const article = [
  ' 论多边主义的前途', // the title again: page 1's running head
  '',
  '论多边主义的前途 *',
  '',
  '    张  三   李四光',
  '',
  '〔提   要〕' + line('提要的第一行', 14),
  line('提要的第二行写满'),
  '提要结束。',
  ' [1]', // a marker the PDF left with no note on its page
  '',
  line('正文第一段首行', 18),
  '',
  line('正文第一段第二行'),
  '',
  line('第三行'),
  '',
  line('句子在这一页写到此处'),
  '*　题注：本文系某项目的阶段性成果。',
  ' 第二页接着写完这句话。又一句，[1]文文',
  '',
  '段落结束。',
  '[1]　注释一，见 https://example.org/a_',
  'b/c.html。',
  ' ' + line('第三页首行', 18),
  '',
  '34',
  '《某刊》2024 年第 1 期',
  '',
  line('第三页第二行'),
  '',
  '结束。',
  '',
  '一、第一节',
  '',
  line('第一节首行', 18),
  '',
  '第一节结束。',
  '',
  '【责任编辑：王五】',
].join('\n');

describe('importing an article', () => {
  const result = importReport(article, { source: 'sources/x.txt' });

  it('rejoins a sentence that a page break and a footnote block split, and numbers its note', () => {
    expect(result.body).toBe(
      [
        '',
        `${line('正文第一段首行', 18)}${line('正文第一段第二行')}${line('第三行')}${line('句子在这一页写到此处')}第二页接着写完这句话。又一句，[^1]文文段落结束。`,
        '',
        `${line('第三页首行', 18)}${line('第三页第二行')}结束。`,
        '',
        '## 一、第一节',
        '',
        `${line('第一节首行', 18)}第一节结束。`,
        '',
        '[^1]: 注释一，见 [https://example.org/a_b/c.html](https://example.org/a_b/c.html)。',
        '',
      ].join('\n'),
    );
  });

  it('removes the running heads, the page number and the stray marker, and records them in the layout', () => {
    expect(result.removed).toEqual([
      { line: 1, text: '论多边主义的前途', why: 'running head' },
      { line: 10, text: '[1]', why: 'stray note marker with no note on its page' },
      { line: 27, text: '34', why: 'page number' },
      { line: 28, text: '《某刊》2024 年第 1 期', why: 'running head' },
    ]);
    expect(result.layout).toEqual({ body: [12, 38], matterInBody: [], removed: result.removed, noteContinuations: [] });
  });

  it('drafts the front matter from the text, the journal from its running head', () => {
    expect(result.frontMatter).toMatchObject({
      title: '论多边主义的前途',
      authors: [{ name: '张三' }, { name: '李四光' }],
      abstract: `${line('提要的第一行', 14)}${line('提要的第二行写满')}提要结束。`,
      notes: [{ mark: '*', text: '题注：本文系某项目的阶段性成果。' }],
      publication: { type: 'article', name: '某刊', year: 2024, issue: 1, pages: { last: 34 } },
      responsibleEditor: '王五',
      source: 'sources/x.txt',
    });
  });
});

describe('the import refuses', () => {
  it('an empty text and a text with no running prose, saying so', () => {
    expect(() => importReport('\n\n', { source: 'sources/x.txt' })).toThrow(ImportError);
    expect(() => importReport('标题\n作者\n', { source: 'sources/x.txt' })).toThrow(/no paragraph of running text/);
  });
});

describe('the import’s own check that nothing is lost', () => {
  const lines = readSourceLines('第一句。\n\n34\n第二句，有一个注。[1]\n[1]　注释。');
  const bodyLines = [lines[0]!, lines[3]!].map((line) => ({ line, text: line.text.replace('[1]', noteReference(1)), pageBreakBefore: false }));
  const note = { number: 1, parts: [{ text: '注释。', line: lines[4]! }], referenced: true };
  const accounting = {
    lines,
    removed: new Map([[3, { line: 3, text: '34', why: 'page number' }]]),
    isNoteLine: (line: { number: number }) => line.number === 5,
    bodyLines,
    matter: [],
    body: '\n第一句。\n\n第二句，有一个注。[^1]\n\n[^1]: 注释。\n',
    notes: [note],
  };

  it('passes what shows every character', () => {
    expect(() => accountForEveryCharacter(accounting)).not.toThrow();
  });

  it('stops at a line that is neither on the page nor listed as removed', () => {
    expect(() => accountForEveryCharacter({ ...accounting, removed: new Map() })).toThrow(/line 3 \("34"\) would be neither on the page nor listed as removed/);
  });

  it('stops at MDX that drops, adds or formats a character of the body or a note', () => {
    expect(() => accountForEveryCharacter({ ...accounting, body: accounting.body.replace('第二句', '第二') })).toThrow(/the body written differs from the source/);
    expect(() => accountForEveryCharacter({ ...accounting, body: accounting.body.replace('注释。', '注。') })).toThrow(/note 1 \(line 5\) differs/);
    expect(() => accountForEveryCharacter({ ...accounting, body: accounting.body.replace('第一句。', '*第一*句。') })).toThrow(/would not show the text as is: emphasis/);
  });
});
