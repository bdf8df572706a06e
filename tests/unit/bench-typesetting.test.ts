/**
 * The typesetting benchmark's yardsticks (scripts/bench/typesetting.ts):
 * from where characters were drawn to lines, and from lines to the figures
 * `npm run bench:pages` prints and tests/e2e/typesetting.test.ts asserts.
 * If these were wrong, every figure would be.
 */
import { describe, expect, it } from 'vitest';
import { splitLines, stretchOf, typesettingFigures, type BlockRole, type PlacedBlock, type PlacedChar } from '../../scripts/bench/typesetting.ts';

const EM = 20;

/**
 * A block drawn as the given lines. Each character is one em wide (`narrow`
 * ones half), set `spread` em apart as justified and side by side as natural;
 * characters of a reference (`^12`) are raised and small. `indent` em before
 * the first line.
 */
function block(
  lines: string[],
  { role = 'body', justified = true, spread = 0, narrow = '', indent = 0 }: { role?: BlockRole; justified?: boolean; spread?: number; narrow?: string; indent?: number } = {},
): PlacedBlock {
  const chars: PlacedChar[] = [];
  const natural: { left: number; right: number }[] = [];
  let ref = -1;
  lines.forEach((text, row) => {
    let x = row === 0 ? indent * EM : 0;
    let xNatural = x;
    const last = row === lines.length - 1;
    for (const token of text.match(/\^\d+|./gu) ?? []) {
      const isRef = token.startsWith('^');
      if (isRef) ref++;
      for (const char of isRef ? token.slice(1) : token) {
        const width = isRef ? 0.4 * EM : narrow.includes(char) ? 0.5 * EM : EM;
        const top = row * 2 * EM + (isRef ? -0.3 * EM : 0);
        chars.push({ char, left: x, right: x + width, top, bottom: top + (isRef ? 0.6 : 1) * EM, fontSize: EM, ref: isRef ? ref : -1 });
        natural.push({ left: xNatural, right: xNatural + width });
        x += width + (last ? 0 : spread * EM);
        xNatural += width;
      }
    }
  });
  return { role, justified, chars, natural };
}

describe('splitLines', () => {
  it('starts a line where a character is drawn back at the left or below, and keeps a raised reference on its line', () => {
    const lines = splitLines(block(['多边主义。^12', '一二三'], { indent: 2 }));
    expect(lines.map((line) => [line.first, line.end])).toEqual([
      [0, 7],
      [7, 10],
    ]);
  });

  it('starts a line at a character drawn back at the left even where lines are set tighter than their glyphs', () => {
    const tight = block(['一二三', '四五']);
    for (const char of tight.chars.slice(3)) {
      char.top -= 1.5 * EM;
      char.bottom -= 1.5 * EM;
    }
    expect(splitLines(tight).map((line) => line.end)).toEqual([3, 5]);
  });

  it('measures each line as set and as it would be unjustified', () => {
    const [first, last] = splitLines(block(['一二三四五', '六七'], { spread: 0.25 }));
    expect(first!.naturalWidth).toBe(5 * EM);
    expect(first!.width).toBe(6 * EM);
    expect(stretchOf(first!)).toBeCloseTo(0.2);
    expect(stretchOf(last!)).toBe(0);
  });

  it('refuses to measure when the lines broke elsewhere without justification', () => {
    const moved = block(['一二三', '四五']);
    moved.natural[3] = { left: 3 * EM, right: 4 * EM };
    expect(() => splitLines(moved)).toThrow(/broke elsewhere/);
  });
});

describe('typesettingFigures', () => {
  it('counts quotes between two Han characters, and those drawn narrower than 0.8 em', () => {
    const figures = typesettingFigures([block(['美国“回来”了，“G7”', '‘规锁’中国'], { narrow: '“”' })]);
    // 国“回, 来”了 and 锁’中 sit between Han characters; “G7” and the line-initial ‘ do not.
    expect(figures).toMatchObject({ quotes: 3, narrowQuotes: 2 });
  });

  it('counts justified body lines stretched more than 10 % and 20 %, never a last line, and keeps the worst', () => {
    const figures = typesettingFigures([
      block(['一二三四五六七八九十', '一二'], { spread: 0.05 }),
      block(['一二三四五六七八九十', '一二'], { spread: 0.15 }),
      block(['一二三四五六七八九十', '一二'], { spread: 0.25 }),
      block(['一二三四五六七八九十', '一二'], { spread: 0.25, justified: false }),
      block(['一二三四五六七八九十', '一二'], { spread: 0.25, role: 'note' }),
    ]);
    expect(figures).toMatchObject({ lines: 8, stretchedOver10: 2, stretchedOver20: 1 });
    expect(figures.worstStretch).toBeCloseTo(0.225);
  });

  it('counts references that begin a line, parted from the character they follow', () => {
    const figures = typesettingFigures([block(['共享。', '^37“要', '把^38^39'])]);
    expect(figures).toMatchObject({ refs: 3, refsStartingLine: 1 });
  });

  it('counts paragraphs whose last line holds one character, punctuation and references aside', () => {
    const figures = typesettingFigures([
      block(['一二三四五六', '充。']),
      block(['一二三四五六', '效”。^45']),
      block(['一二三四五六', '疗效。']),
      block(['一个字。']),
    ]);
    expect(figures.oneCharLastLines).toBe(2);
  });

  it('counts lines that begin with Chinese closing or end with opening punctuation, not an address broken before a dot', () => {
    const figures = typesettingFigures([block(['一二三“', '四五', '。六七', '八”'], { role: 'other' })]);
    expect(figures.forbiddenLineEdges).toBe(2);
    expect(typesettingFigures([block(['见https://www', '.mfa.gov.cn/', '）。'], { role: 'note' })]).forbiddenLineEdges).toBe(1);
  });

  it('gives the abstract’s longest line in characters of its font size', () => {
    const figures = typesettingFigures([block(['一二三四五', '六七八'], { role: 'abstract', spread: 0.2 })]);
    expect(figures.abstractMeasure).toBe(6);
    expect(typesettingFigures([block(['一二'])]).abstractMeasure).toBeUndefined();
  });
});
