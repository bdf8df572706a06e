/**
 * The Traditional → Simplified character table used by search folding,
 * derived at build time from OpenCC (opencc-js): every CJK code point is run
 * through OpenCC's conversion from standard Traditional to mainland
 * Simplified and kept when it becomes one other character. The Taiwan and
 * Hong Kong variant chains are left out on purpose: they fold characters that
 * are also ordinary Simplified ones (著 → 着), which would make 着 find 著名. Character by character on purpose: folding must map each
 * character of the page to one character of the index, so that highlights
 * can be traced back to the page.
 */
import * as OpenCC from 'opencc-js';

const CJK_RANGES: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x2ebef],
];

let table: Map<string, string> | undefined;

export function traditionalToSimplified(): Map<string, string> {
  if (table) return table;
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  table = new Map();
  for (const [first, last] of CJK_RANGES) {
    for (let codePoint = first; codePoint <= last; codePoint++) {
      const character = String.fromCodePoint(codePoint);
      const converted = convert(character);
      if (converted !== character && [...converted].length === 1) table.set(character, converted);
    }
  }
  return table;
}
