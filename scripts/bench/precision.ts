/**
 * Ground truth and section precision/recall. The truth is the issue's
 * definition, computed from the synthetic text itself: a section matches
 * when its folded text contains every folded word of the query, folding
 * being the spec'd one (createFolder over the full Traditional → Simplified
 * table, not the browser's trimmed copy).
 */
import type { SearchableReport } from '../../src/lib/search/engine.ts';
import { createFolder } from '../../src/lib/search/fold.ts';
import { traditionalToSimplified } from '../../src/integrations/search/traditional-to-simplified.ts';

/** A (report, section) pair: `${report url}#${section index}`. */
export type SectionKey = string;
export const sectionKey = (url: string, section: number): SectionKey => `${url}#${section}`;

export function groundTruth(corpus: Iterable<SearchableReport>, queries: readonly string[]): Map<string, Set<SectionKey>> {
  const folder = createFolder(traditionalToSimplified());
  const words = new Map(
    queries.map((query) => [query, query.split(/\s+/u).map((word) => folder.fold(word)).filter((word) => word !== '')]),
  );
  const truth = new Map(queries.map((query) => [query, new Set<SectionKey>()]));
  for (const report of corpus) {
    report.sections.forEach((section, index) => {
      const text = folder.fold(section.text);
      for (const query of queries) {
        const queryWords = words.get(query)!;
        if (queryWords.length > 0 && queryWords.every((word) => text.includes(word))) truth.get(query)!.add(sectionKey(report.url, index));
      }
    });
  }
  return truth;
}

export interface Score {
  precision: number;
  recall: number;
  returned: number;
  relevant: number;
}

export function score(returned: ReadonlySet<SectionKey>, relevant: ReadonlySet<SectionKey>): Score {
  let correct = 0;
  for (const key of returned) if (relevant.has(key)) correct++;
  return {
    // Nothing returned: perfect when nothing was relevant, otherwise undefined (NaN; recall says it).
    precision: returned.size === 0 ? (relevant.size === 0 ? 1 : Number.NaN) : correct / returned.size,
    recall: relevant.size === 0 ? 1 : correct / relevant.size,
    returned: returned.size,
    relevant: relevant.size,
  };
}
