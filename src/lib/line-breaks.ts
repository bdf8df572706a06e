/**
 * Where Chinese text may break across lines, beyond what the browser knows.
 * Pure functions; the rehype steps in src/markdown/ and the report header
 * turn their answers into markup.
 */

const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

/**
 * The text cut before its last `count` characters that are not punctuation
 * or white space (each a grapheme), so those and whatever follows them can be
 * kept on one line: `splitBeforeLast('不见疗效”。', 2)` is `['不见', '疗效”。']`.
 */
export function splitBeforeLast(text: string, count: number): [head: string, tail: string] {
  let cut = text.length;
  let found = 0;
  for (const { segment, index } of [...graphemes.segment(text)].reverse()) {
    if (found === count) break;
    cut = index;
    if (!/^[\p{P}\s]+$/u.test(segment)) found++;
  }
  return [text.slice(0, cut), text.slice(cut)];
}
