import { describe, expect, it } from 'vitest';
import { buildToc } from '../../src/lib/toc.ts';

const h = (depth: number, slug: string, text = slug) => ({ depth, slug, text });

describe('buildToc', () => {
  it('nests h3 sections under their h2, in reading order', () => {
    const toc = buildToc([h(2, '一'), h(3, '一-1'), h(3, '一-2'), h(2, '二'), h(3, '二-1')]);
    expect(toc.map((e) => [e.slug, e.children.map((c) => c.slug)])).toEqual([
      ['一', ['一-1', '一-2']],
      ['二', ['二-1']],
    ]);
  });

  it('leaves out the title, deeper levels and excluded headings', () => {
    const toc = buildToc([h(1, 'title'), h(2, 'a'), h(4, 'deep'), h(2, 'footnote-label')], { exclude: ['footnote-label'] });
    expect(toc.map((e) => e.slug)).toEqual(['a']);
    expect(toc[0]!.children).toEqual([]);
  });

  it('keeps an h3 that comes before any h2 rather than dropping a section', () => {
    expect(buildToc([h(3, 'early'), h(2, 'a')]).map((e) => e.slug)).toEqual(['early', 'a']);
  });

  it('trims heading text', () => {
    expect(buildToc([h(2, 'x', '  No. 1 结语 ')])[0]!.text).toBe('No. 1 结语');
  });
});
