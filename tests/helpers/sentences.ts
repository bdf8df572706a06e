/**
 * Splits whitespace-free Chinese text into sentences (after 。！？ and a
 * closing quote or bracket that follows them) and names the first sentence
 * that is missing, extra or out of place, so a failing fidelity test says
 * what is wrong rather than printing two 20,000-character strings.
 */
export function sentences(text: string): string[] {
  return text.match(/[^。！？]+(?:[。！？]+[”’）」』]*|$)/g) ?? [];
}

export function firstSentenceDifference(expected: string, actual: string): string | undefined {
  const want = sentences(expected);
  const got = sentences(actual);
  const length = Math.max(want.length, got.length);
  for (let i = 0; i < length; i++) {
    if (want[i] === got[i]) continue;
    const w = want[i];
    const g = got[i];
    if (w !== undefined && got.indexOf(w, i + 1) > i) return `extra sentence before "${w}": "${g}"`;
    if (g !== undefined && want.indexOf(g, i + 1) > i) return `missing sentence: "${w}"`;
    if (w !== undefined && got.includes(w)) return `sentence out of order: "${w}"`;
    return `sentence ${i + 1} differs:\n  source:   "${w ?? '(none)'}"\n  rendered: "${g ?? '(none)'}"`;
  }
  return undefined;
}
