/** A heading as Astro's Markdown pipeline reports it. */
export interface HeadingInfo {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry {
  depth: number;
  slug: string;
  text: string;
  children: TocEntry[];
}

/**
 * Builds the table of contents from a report's headings on the server: h2 and
 * h3 nested as the authors outlined them. The footnotes heading ("注释") is not
 * part of the outline the authors wrote, so the caller leaves it out via
 * `exclude`. An h3 that appears before any h2 is kept at the top level rather
 * than dropped: every section must be reachable.
 */
export function buildToc(
  headings: readonly HeadingInfo[],
  { maxDepth = 3, exclude = [] as readonly string[] } = {},
): TocEntry[] {
  const root: TocEntry[] = [];
  let currentTop: TocEntry | undefined;
  for (const heading of headings) {
    if (heading.depth < 2 || heading.depth > maxDepth || exclude.includes(heading.slug)) continue;
    const entry: TocEntry = { depth: heading.depth, slug: heading.slug, text: heading.text.trim(), children: [] };
    if (heading.depth === 2 || !currentTop) {
      root.push(entry);
      if (heading.depth === 2) currentTop = entry;
    } else {
      currentTop.children.push(entry);
    }
  }
  return root;
}
