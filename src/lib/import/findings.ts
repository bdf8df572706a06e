/**
 * What the import tells the editor, by source line number: what it removed
 * and why, every place it was unsure of, and every front-matter field it
 * could not determine. The editor checks exactly these.
 */
export interface Finding {
  /** 1-based line of the source text the finding is about. */
  line: number;
  /** `uncertain`: the import chose, and may have chosen wrong. `todo`: a field the editor must fill in. */
  kind: 'uncertain' | 'todo';
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
