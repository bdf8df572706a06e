import { describe, expect, it } from 'vitest';
import { isCalendarDate, reportSchema } from '../../src/lib/report-schema.ts';

const valid = {
  title: '走向真正的多边主义',
  authors: [{ name: '卢静' }, { name: '张甲英' }],
  publication: { type: 'article', name: '国际问题研究', year: 2023, issue: 6, pages: { last: 34 } },
  notes: [{ mark: '*', text: '本文系……的阶段性成果。' }],
};

const issuesOf = (data: unknown) => {
  const result = reportSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('isCalendarDate', () => {
  it.each(['2022-06-01', '2024-02-29', '2000-02-29'])('accepts %s', (d) => expect(isCalendarDate(d)).toBe(true));
  it.each(['2022-02-30', '2023-02-29', '1900-02-29', '2022-13-01', '2022-6-1', '2022-06-01T00:00'])('rejects %s', (d) =>
    expect(isCalendarDate(d)).toBe(false),
  );
});

describe('reportSchema', () => {
  it('accepts a complete report and defaults the language to zh-CN', () => {
    const parsed = reportSchema.parse(valid);
    expect(parsed.lang).toBe('zh-CN');
    expect(parsed.authors.map((a) => a.name)).toEqual(['卢静', '张甲英']);
  });

  it('names a missing required field', () => {
    const { title: _omitted, ...rest } = valid;
    expect(issuesOf(rest)).toEqual([expect.stringMatching(/^title: /)]);
  });

  it('rejects unknown keys at every level (typos must not drop metadata)', () => {
    expect(issuesOf({ ...valid, autors: [] }).join()).toMatch(/autors/);
    expect(issuesOf({ ...valid, publication: { ...valid.publication, isue: 6 } }).join()).toMatch(/isue/);
    expect(issuesOf({ ...valid, authors: [{ name: '卢静', affilation: 'x' }] }).join()).toMatch(/affilation/);
  });

  it('rejects an impossible date and an unquoted one', () => {
    expect(issuesOf({ ...valid, publication: { ...valid.publication, date: '2022-02-30' } }).join()).toMatch(
      /publication\.date: not a real calendar date/,
    );
    expect(issuesOf({ ...valid, publication: { ...valid.publication, date: new Date('2022-03-02') } }).join()).toMatch(
      /publication\.date: write the date in quotes/,
    );
  });

  it('rejects empty names, no authors and a reversed page range', () => {
    expect(issuesOf({ ...valid, authors: [] }).join()).toMatch(/authors/);
    expect(issuesOf({ ...valid, authors: [{ name: '  ' }] }).join()).toMatch(/authors\.0\.name/);
    expect(issuesOf({ ...valid, publication: { ...valid.publication, pages: { first: 40, last: 34 } } }).join()).toMatch(
      /pages/,
    );
  });

  it('accepts only a source path inside content/sources', () => {
    expect(issuesOf({ ...valid, source: 'sources/001_ec5e326e55961023.txt' })).toEqual([]);
    expect(issuesOf({ ...valid, source: '../secret.txt' }).join()).toMatch(/source/);
  });
});
