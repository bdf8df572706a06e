/**
 * Where Chinese text may break beyond the browser's own rules
 * (src/lib/line-breaks.ts): between the words of a long heading, and before
 * the last characters of a paragraph.
 */
import { describe, expect, it } from 'vitest';
import { splitBeforeLast } from '../../src/lib/line-breaks.ts';

describe('splitBeforeLast', () => {
  it('cuts before the last characters that are not punctuation, keeping what follows them', () => {
    expect(splitBeforeLast('不见疗效”。', 2)).toEqual(['不见', '疗效”。']);
    expect(splitBeforeLast('不见疗效”。', 1)).toEqual(['不见疗', '效”。']);
    expect(splitBeforeLast('👍🏽好', 2)).toEqual(['', '👍🏽好']);
    expect(splitBeforeLast('。', 2)).toEqual(['', '。']);
  });
});
