/**
 * A place the import was unsure of, by source line number: it chose, and may
 * have chosen wrong, so the editor checks exactly there. (What it removed is
 * the layout's `removed` list; fields it could not determine are TODOs in
 * the front matter.)
 */
export interface Finding {
  /** 1-based line of the source text the finding is about. */
  line: number;
  kind: 'uncertain';
  message: string;
}

/** Findings in source order, each once. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return [...findings]
    .sort((a, b) => a.line - b.line)
    .filter((finding) => {
      const key = `${finding.line}\u0000${finding.kind}\u0000${finding.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
