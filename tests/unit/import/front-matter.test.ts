/** The front matter drafted from the lines around the body, and written so the build accepts it. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Finding } from '../../../src/lib/import/findings.ts';
import { draftFrontMatter, readFront, writeFrontMatter } from '../../../src/lib/import/front-matter.ts';
import { readSourceLines, type SourceLine } from '../../../src/lib/import/source-lines.ts';
import { reportSchema } from '../../../src/lib/report-schema.ts';

const nonBlank = (text: string): SourceLine[] => readSourceLines(text).filter((line) => line.text !== '');

function draft(frontText: string, backText = '', extra: Partial<Parameters<typeof draftFrontMatter>[0]> = {}) {
  const front = nonBlank(frontText);
  const findings: Finding[] = [];
  const abstractLines = front.filter((line) => line.text.startsWith('〔提'));
  const abstract = abstractLines.length > 0 ? { lines: abstractLines } : undefined;
  const reading = readFront(front, abstract);
  const result = draftFrontMatter(
    { front, back: nonBlank(backText), ...(abstract ? { abstract } : {}), notes: [], pageNumbers: [], source: 'sources/x.txt', ...extra },
    reading,
    findings,
  );
  return { ...result, findings };
}

describe('front matter of a journal article', () => {
  const article = draft(
    [' 走向真正的多边主义', '走向真正的多边主义 *', '    卢  静   张甲英', '〔提   要〕现行国际体系的重要基石是多边主义。'].join('\n'),
    '\n\n\n\n【责任编辑：李静】',
    {
      issueFromHeads: { name: '国际问题研究', journal: true, year: 2023, issue: 6 },
      notes: [{ mark: '*', text: '本文系某项目的阶段性成果。', lines: [] }],
      pageNumbers: [16, 34],
    },
  );

  it('reads the title without its mark, the spaced-out names whole, the abstract without its label', () => {
    expect(article.report).toMatchObject({
      title: '走向真正的多边主义',
      authors: [{ name: '卢静' }, { name: '张甲英' }],
      abstract: '现行国际体系的重要基石是多边主义。',
      notes: [{ mark: '*', text: '本文系某项目的阶段性成果。' }],
      responsibleEditor: '李静',
      publication: { type: 'article', name: '国际问题研究', year: 2023, issue: 6, pages: { first: 16, last: 34 } },
    });
  });

  it('removes the first page’s running head that repeats the title, and shows every other line', () => {
    expect(article.removed).toEqual([{ line: 1, text: '走向真正的多边主义', why: 'running head' }]);
    expect(article.matterLines).toEqual([2, 3, 4, 5]);
  });
});

describe('front matter of an institute report', () => {
  const report = draft(
    [
      'Jun. 1',
      '2022',
      '国际组织与多边动态',
      '2022年第3期',
      '全球治理与国际组织： 进展与趋势 (2020 ~ 2021)',
      '中国社会科学院 (CASS)',
      '世界经济与政治研究所 (IWEPI)',
      '本期执笔',
      '任 琳 苏山岳',
      'Global Governance Perspectives',
    ].join('\n'),
    ['全球治理研究团队', '任琳 熊爱宗 鲁桐', '陈兆源 黄宇韬', '研究助理团队', '兰馨彤 苏山岳'].join('\n'),
  );

  it('reads the date, the series and issue, the publisher, the authors and their label, the teams', () => {
    expect(report.report).toMatchObject({
      title: '全球治理与国际组织： 进展与趋势 (2020 ~ 2021)',
      authors: [{ name: '任琳' }, { name: '苏山岳' }],
      authorsLabel: '本期执笔',
      publication: {
        type: 'report',
        name: '国际组织与多边动态',
        year: 2022,
        issue: 3,
        date: '2022-06-01',
        printedDate: 'Jun. 1 2022',
        publisher: '中国社会科学院 (CASS) 世界经济与政治研究所 (IWEPI)',
        imprint: ['Global Governance Perspectives'],
      },
      teams: [
        { name: '全球治理研究团队', members: ['任琳', '熊爱宗', '鲁桐', '陈兆源', '黄宇韬'] },
        { name: '研究助理团队', members: ['兰馨彤', '苏山岳'] },
      ],
    });
  });

  it('puts a line it cannot place in the imprint, shown as printed, and lists it', () => {
    expect(report.findings).toContainEqual(expect.objectContaining({ line: 10, message: expect.stringMatching(/imprint/) }));
  });
});

describe('the front matter written', () => {
  it('passes the schema with a placeholder and a TODO comment for each field the source does not give', () => {
    const bare = draft('一个标题');
    const yaml = writeFrontMatter(bare);
    const data = reportSchema.parse(parse(yaml.replace(/^---\n|---\n$/g, '')));
    expect(data.title).toBe('一个标题');
    expect(yaml).toMatch(/# TODO\(editor\): the authors/);
    expect(yaml).toMatch(/# TODO\(editor\): the journal or series/);
    expect(data.publication.name).toBe('（待补）');
  });

  it('quotes the date, so YAML cannot turn it into another day', () => {
    expect(writeFrontMatter(draft('Jun. 1\n2022\n标题'))).toContain('date: "2022-06-01"');
  });
});
