import { describe, expect, it } from 'vitest';
import { formatSourceLayout, layoutPathFor, parseSourceLayout, SourceLayoutError } from '../../src/lib/source-layout.ts';

const source = ['《某刊》2024 年第 1 期', '', '正文第一段。', '12', '正文第二段。'].join('\n');

describe('source layout files', () => {
  it('live beside their source text', () => {
    expect(layoutPathFor('content/sources/001_x.txt')).toBe('content/sources/001_x.layout.yaml');
    expect(() => layoutPathFor('content/sources/001_x.md')).toThrow(SourceLayoutError);
  });

  it('read back what they were written as', () => {
    const layout = { body: [3, 5] as [number, number], matterInBody: [], removed: [{ line: 4, text: '12', why: 'page number' }], noteContinuations: [] };
    expect(parseSourceLayout(formatSourceLayout(layout, 'x.txt'), source, 'x.layout.yaml')).toEqual(layout);
    const full = { body: [3, 5] as [number, number], matterInBody: [3], removed: [], noteContinuations: [5] };
    const yaml = formatSourceLayout(full, 'x.txt', source.split('\n'));
    expect(parseSourceLayout(yaml, source, 'x.layout.yaml')).toEqual(full);
    expect(yaml).toMatch(/# 正文第一段。 to 正文第二段。\nbody: \[3, 5\]/);
  });

  it('refuse a removed line whose text is not what the source has there', () => {
    const yaml = 'body: [3, 5]\nremoved:\n  - { line: 3, text: "12", why: page number }\n';
    expect(() => parseSourceLayout(yaml, source, 'x.layout.yaml')).toThrow(/x\.layout\.yaml: removed line 3 is recorded as "12" but the source has "正文第一段。"/);
  });

  it('refuse line numbers past the end, a reversed body and unknown keys, naming the file', () => {
    expect(() => parseSourceLayout('body: [3, 9]\n', source, 'x.layout.yaml')).toThrow(/x\.layout\.yaml: body line 9 is past the end/);
    expect(() => parseSourceLayout('body: [5, 3]\n', source, 'x.layout.yaml')).toThrow(/body: the first line is after the last/);
    expect(() => parseSourceLayout('body: [3, 5]\npdfArtifacts: [1]\n', source, 'x.layout.yaml')).toThrow(/x\.layout\.yaml: .*pdfArtifacts/);
  });
});
