/**
 * Per-page footnotes collected from their blocks, numbered 1…N in reading
 * order, and the body's per-page markers resolved to them.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/lib/import/findings.ts';
import { collectFootnotes, resolveMarkers, withReferences } from '../../../src/lib/import/footnotes.ts';
import { joinLines } from '../../../src/lib/import/rejoin.ts';
import { LONE_NUMBER, readSourceLines } from '../../../src/lib/import/source-lines.ts';

const options = { bodyWidth: 20, endsBlock: (line: { text: string }) => LONE_NUMBER.test(line.text) };

function read(text: string) {
  const lines = readSourceLines(text);
  const findings: Finding[] = [];
  const footnotes = collectFootnotes(lines, options, findings);
  const notes = footnotes.blocks.flatMap((block) => block.notes);
  const markers = resolveMarkers(lines, footnotes, (line) => !footnotes.noteLines.has(line.number), findings);
  return { lines, footnotes, notes, markers, findings, textOf: (i: number) => joinLines(notes[i]!.parts, []) };
}

describe('footnote blocks', () => {
  it('number the notes 1…N over the pages, where each page starts again at [1]', () => {
    const { notes, markers } = read(
      ['正文一[1]正文二[2]', '[1]　第一页注一。', '[2]　第一页注二。', ' 第二页正文[1]', '[1]　第二页注一。'].join('\n'),
    );
    expect(notes.map((note) => [note.perPage, note.number])).toEqual([[1, 1], [2, 2], [1, 3]]);
    expect(markers.byLine.get(1)).toEqual([1, 2]);
    expect(markers.byLine.get(4)).toEqual([3]);
    expect(withReferences('正文一[1]正文二[2]', markers.byLine.get(1))).toBe('正文一\uE0001\uE001正文二\uE0002\uE001');
  });

  it('take a note whole when its text runs over several lines, up to the next page', () => {
    const { notes, textOf } = read(
      ['正文[1]', '[1]　《外交评论》2015 年第 6 期，', '', '第 20 页。', '[2]　John Gerard Ruggie, “Multilateralism: The Anatomy of an ', 'Institution,” 1993.', ' 下一页正文'].join('\n'),
    );
    expect(notes).toHaveLength(2);
    expect(textOf(0)).toBe('《外交评论》2015 年第 6 期，第 20 页。');
    expect(textOf(1)).toBe('John Gerard Ruggie, “Multilateralism: The Anatomy of an Institution,” 1993.');
  });

  it('take a note whole when a page break splits it: the rest opens the next page’s block', () => {
    // Page 1 ends its note [1] mid-sentence; page 2's body is followed by the
    // rest of that note (set wider than the body column), then page 2's own notes.
    const text = [
      '第一页正文[1]',
      '[1]　这一条注释很长，在第一页的末尾没有写完，',
      ' 第二页正文在这里[1]',
      '第二页正文结束。',
      '接着写到第二页的注释区，这一行比正文宽得多，直到',
      '写完。',
      '[1]　第二页的注释。',
    ].join('\n');
    const { notes, textOf, footnotes, findings } = read(text);
    expect(notes).toHaveLength(2);
    expect(textOf(0)).toBe('这一条注释很长，在第一页的末尾没有写完，接着写到第二页的注释区，这一行比正文宽得多，直到写完。');
    expect([...footnotes.noteLines].sort((a, b) => a - b)).toEqual([2, 5, 6, 7]);
    expect(findings).toContainEqual(expect.objectContaining({ line: 5, kind: 'uncertain' }));
  });

  it('leave the body alone after a note that is complete', () => {
    const { footnotes } = read(['正文[1]', '[1]　完整的注释。', ' 第二页正文', '第二页正文结束。', '[1]　第二页的注释。'].join('\n'));
    expect([...footnotes.noteLines].sort((a, b) => a - b)).toEqual([2, 5]);
  });

  it('end at a page number even without the indent of a new page', () => {
    const { footnotes } = read(['正文[1]', '[1]　注释的第一行，', '34', '下一页正文。'].join('\n'));
    expect([...footnotes.noteLines]).toEqual([2]);
  });
});

describe('markers', () => {
  it('that have no note on their page are stray: a line of only a marker is the PDF’s, a marker in text is kept and reported', () => {
    // Page 1 has only a note on the title; page 2 has note [1] but no [2].
    const { markers, findings } = read([' [1]', '正文。', '*　题注。', ' 第二页正文[1]又[2]', '[1]　注释。'].join('\n'));
    expect(markers.strayLines).toEqual([1]);
    expect(markers.byLine.get(4)).toEqual([1, undefined]);
    expect(findings).toContainEqual(expect.objectContaining({ line: 4, message: expect.stringMatching(/\[2\] has no note on its page/) }));
  });

  it('on a line of their own are references when their page has the note', () => {
    const { markers } = read(['正文最后一句。', '[1]', '[1]　注释。'].join('\n'));
    expect(markers.strayLines).toEqual([]);
    expect(markers.byLine.get(2)).toEqual([1]);
  });

  it('leave a note nothing refers to reported, since the build would stop', () => {
    const { findings } = read(['正文', '[1]　没有引用的注释。'].join('\n'));
    expect(findings).toContainEqual(expect.objectContaining({ line: 2, message: expect.stringMatching(/referenced nowhere/) }));
  });
});
