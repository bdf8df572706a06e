/**
 * A URL shown as text cut into the pieces between which a line may break.
 * Browsers find no break in a URL by themselves and, told to break anywhere,
 * split numbers; the page marks these places instead.
 *
 * Where: as style guides advise, after a slash (but not inside `//`), before
 * a dot, hyphen, underscore, ?, #, &, = or %. Never inside a number: no break
 * in a run of digits, nor at a mark inside a number (`1.5`, `v2.0`) or
 * between numbers that read as one (`2018-02`, `2023/0922`). `n1/2023` or
 * `c1002-40082756` may break: each number stays whole.
 *
 * How many: each mark costs the page bytes (it splits the address the
 * compressor would otherwise copy whole from the href), so pieces are joined
 * up to `longest` characters, which fits a note's line on the narrowest
 * phone; an address no longer than that gets no mark and wraps whole.
 */
const BREAK_BEFORE = new Set(['.', '-', '_', '?', '#', '&', '=', '%']);
const MARK = /[./\-_?#&=%]/;
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';

/** Whether the mark at `at` joins two digits into one number. */
function joinsNumber(url: string, at: number): boolean {
  if (!isDigit(url[at - 1]) || !isDigit(url[at + 1])) return false;
  if (url[at] === '.') return true;
  // A slash, hyphen or underscore joins numbers when the text before it, back to the last mark, is all digits.
  let from = at - 1;
  while (from > 0 && !MARK.test(url[from - 1]!)) from -= 1;
  return /^\d+$/.test(url.slice(from, at));
}

export function urlPieces(url: string, longest = 24): string[] {
  const pieces: string[] = [];
  for (const piece of breakablePieces(url)) {
    const last = pieces.length - 1;
    if (last >= 0 && pieces[last]!.length + piece.length <= longest) pieces[last] += piece;
    else pieces.push(piece);
  }
  return pieces;
}

/** The URL cut at every place it may break. */
function breakablePieces(url: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 1; i < url.length; i += 1) {
    const before = url[i - 1]!;
    const after = url[i]!;
    const afterSlash = before === '/' && after !== '/';
    const beforeMark = BREAK_BEFORE.has(after) && !BREAK_BEFORE.has(before) && before !== '/';
    // The mark this break would stand beside: the slash just passed, or the mark about to come.
    if ((afterSlash && !joinsNumber(url, i - 1)) || (beforeMark && !joinsNumber(url, i))) {
      pieces.push(url.slice(start, i));
      start = i;
    }
  }
  pieces.push(url.slice(start));
  return pieces;
}
