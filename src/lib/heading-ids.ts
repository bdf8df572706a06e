import GithubSlugger from 'github-slugger';

/**
 * Ids for headings a report page sets outside its Markdown (the team lists at
 * its end), by the rules rehype-slug gives the body's headings: GitHub's
 * slugs, so Chinese stays Chinese and a link says where it goes
 * (`#全球治理研究团队`), and a repeated text gets `-1`, `-2`….
 *
 * `taken` are the ids the body already uses. The body keeps them: its links
 * were written first and may be shared already, so a back-matter heading of
 * the same text takes the next free suffix instead.
 */
export function headingIds(texts: readonly string[], taken: Iterable<string>): string[] {
  const used = new Set(taken);
  const slugger = new GithubSlugger();
  return texts.map((text) => {
    let id = slugger.slug(text);
    while (used.has(id)) id = slugger.slug(text);
    used.add(id);
    return id;
  });
}

/** The accessible name of a heading's link to itself: it says which section it links to. */
export function sectionLinkLabel(headingText: string): string {
  return `本节链接：${headingText.trim()}`;
}
