/**
 * The "nothing broken" gate: reads every HTML page of a built site and checks
 * that each internal reference resolves the way a static host would serve it.
 *
 *   const { problems } = checkSite('dist/', { base: '/', site: 'https://reports.example.org' });
 *   expect(problems, formatProblems(problems)).toEqual([]);
 *
 * What counts as internal: a relative or root-relative URL, or an absolute one
 * on the site's own origin (`site`, as canonical links and og:url carry). Each
 * must lie under the base path, name a file in the output folder (a folder
 * URL ending in `/` means its index.html), and a `#fragment` must name an
 * element id (or an `<a name>`) on the target page. Other origins and schemes
 * (mailto:, data:…) are not fetched. Ids must also be unique on each page.
 *
 * References read: href (a, area, link of any rel, base), src, srcset, poster,
 * form action, object data, SVG `<use href>`, `<meta content>` holding a URL
 * on the site's origin, and url(…) in inline styles.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export interface LinkCheckOptions {
  /** The base path the site was built for: `/` (default) or `/some/path/`. */
  base?: string;
  /** The site's own origin (Astro's `site`): absolute URLs on it are checked as internal. */
  site?: string;
}

export type ProblemKind =
  /** The URL leaves the base path: it ignores `base` and would 404 under a sub-path deploy. */
  | 'outside-base'
  /** No file in the output answers the URL. */
  | 'missing-file'
  /** A folder linked without its trailing slash (the site is built with trailingSlash: 'always'). */
  | 'missing-trailing-slash'
  /** The page exists but has no element with the `#fragment`'s id. */
  | 'missing-fragment'
  /** Two elements on one page share an id. */
  | 'duplicate-id';

export interface LinkProblem {
  kind: ProblemKind;
  /** The page the reference is on, relative to the output folder (`reports/x/index.html`). */
  page: string;
  /** The reference as written in the page (for duplicate ids: the id). */
  reference: string;
  /** Where: the element and attribute, e.g. `<a href>`. */
  where: string;
  detail: string;
}

export interface LinkReport {
  /** The pages read, relative to the output folder. */
  pages: string[];
  /** How many references were checked (each page's, once). */
  checked: number;
  problems: LinkProblem[];
}

/** A URL the page refers to, with where it was found. */
interface Reference {
  url: string;
  where: string;
}

interface Page {
  /** Path relative to the output folder, with `/` separators. */
  file: string;
  references: Reference[];
  /** Every id (and `<a name>`) on the page, with how often it occurs. */
  ids: Map<string, number>;
}

/** The origin pages are resolved against when no `site` is given (never fetched). */
const LOCAL_ORIGIN = 'http://site.invalid';
/** 404.html is served for any missing path: its links must work from deep inside the site too. */
const NOT_FOUND_PAGE = '404.html';
const DEEP_MISSING_PATH = 'a/missing/page/';

/** Checks every .html file under `outDir`; the problems come in page order. */
export function checkSite(outDir: string, options: LinkCheckOptions = {}): LinkReport {
  const base = normalizeBase(options.base ?? '/');
  const origin = options.site ? new URL(options.site).origin : LOCAL_ORIGIN;
  const pages = new Map<string, Page>();
  for (const file of htmlFiles(outDir)) pages.set(file, readPage(outDir, file));

  const problems: LinkProblem[] = [];
  let checked = 0;
  for (const page of pages.values()) {
    checked += page.references.length;
    for (const [id, count] of page.ids) {
      if (count > 1) problems.push({ kind: 'duplicate-id', page: page.file, reference: id, where: `id="${id}"`, detail: `${count} elements share this id` });
    }
    const pageUrls = [`${origin}${base}${urlPathOf(page.file)}`];
    if (page.file === NOT_FOUND_PAGE) pageUrls.push(`${origin}${base}${DEEP_MISSING_PATH}`);
    for (const reference of page.references) {
      // A fragment-only reference means this document, wherever it is served.
      for (const pageUrl of reference.url.startsWith('#') ? pageUrls.slice(0, 1) : pageUrls) {
        const problem = checkReference(reference, pageUrl, { outDir, base, origin, pages });
        if (problem) {
          const servedAt = pageUrl === pageUrls[0] ? '' : ` (as served at ${new URL(pageUrl).pathname})`;
          problems.push({ ...problem, page: page.file, detail: problem.detail + servedAt });
          break;
        }
      }
    }
  }
  return { pages: [...pages.keys()], checked, problems };
}

/** One line per problem, grouped by page: for assertion messages. */
export function formatProblems(problems: LinkProblem[]): string {
  return problems.map((p) => `${p.page}: ${p.kind} ${p.where} "${p.reference}": ${p.detail}`).join('\n');
}

function checkReference(
  reference: Reference,
  pageUrl: string,
  context: { outDir: string; base: string; origin: string; pages: Map<string, Page> },
): Omit<LinkProblem, 'page'> | undefined {
  const { outDir, base, origin, pages } = context;
  let url: URL;
  try {
    url = new URL(reference.url, pageUrl);
  } catch {
    return { kind: 'missing-file', reference: reference.url, where: reference.where, detail: 'not a valid URL' };
  }
  if (url.origin !== origin && url.origin !== LOCAL_ORIGIN) return undefined; // another site, or mailto:, data:…
  const problem = (kind: ProblemKind, detail: string) => ({ kind, reference: reference.url, where: reference.where, detail });

  if (`${url.pathname}/` === base) return problem('missing-trailing-slash', `${url.pathname} is the site's root: link to ${base}`);
  if (!url.pathname.startsWith(base)) return problem('outside-base', `resolves to ${url.pathname}, outside the base path ${base}`);
  let rest: string;
  try {
    rest = decodeURIComponent(url.pathname.slice(base.length));
  } catch {
    return problem('missing-file', `${url.pathname} is not a valid percent-encoded path`);
  }
  const target = rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
  const onDisk = join(outDir, ...target.split('/'));
  if (!existsSync(onDisk)) return problem('missing-file', `no file ${target} in the build`);
  if (statSync(onDisk).isDirectory()) {
    if (!existsSync(join(onDisk, 'index.html'))) return problem('missing-file', `${target}/ has no index.html`);
    return problem('missing-trailing-slash', `${url.pathname} is a folder: link to ${url.pathname}/`);
  }

  if (url.hash === '' || !target.endsWith('.html')) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(url.hash.slice(1));
  } catch {
    return problem('missing-fragment', `${url.hash} is not a valid percent-encoded fragment`);
  }
  // HTML: an empty fragment or "top" scrolls to the top of the document.
  if (fragment === '' || fragment.toLowerCase() === 'top') return undefined;
  const targetPage = pages.get(target);
  if (targetPage?.ids.has(fragment)) return undefined;
  return problem('missing-fragment', `${target} has no element with id "${fragment}"`);
}

function normalizeBase(base: string): string {
  const withLeading = base.startsWith('/') ? base : `/${base}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

/** The URL path (below the base) at which a host serves an output file. */
function urlPathOf(file: string): string {
  if (file === 'index.html') return '';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`${dir} does not exist: build the site first`);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(sep).join('/'))
    .sort();
}

/** Attributes (hast property names) that hold one URL, by element. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  base: ['href'],
  img: ['src'],
  script: ['src'],
  iframe: ['src'],
  source: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  embed: ['src'],
  input: ['src'],
  form: ['action'],
  object: ['data'],
  use: ['href', 'xLinkHref'],
  image: ['href', 'xLinkHref'],
};

function readPage(outDir: string, file: string): Page {
  const tree: Root = fromHtml(readFileSync(join(outDir, ...file.split('/')), 'utf8'));
  const references: Reference[] = [];
  const ids = new Map<string, number>();
  const add = (url: unknown, where: string) => {
    if (typeof url === 'string' && url.trim() !== '') references.push({ url: url.trim(), where });
  };

  visit(tree, 'element', (element: Element) => {
    const { tagName, properties } = element;
    const id = properties['id'];
    if (typeof id === 'string' && id !== '') ids.set(id, (ids.get(id) ?? 0) + 1);
    const name = properties['name'];
    // <a name> is a fragment target too; it may share its value with an id.
    if (tagName === 'a' && typeof name === 'string' && name !== '' && !ids.has(name)) ids.set(name, 1);

    for (const attribute of URL_ATTRIBUTES[tagName] ?? []) add(properties[attribute], `<${tagName} ${attributeName(attribute)}>`);
    const srcset = properties['srcSet'];
    if (typeof srcset === 'string') for (const candidate of parseSrcset(srcset)) add(candidate, `<${tagName} srcset>`);
    if (Array.isArray(srcset)) for (const candidate of parseSrcset(srcset.join(','))) add(candidate, `<${tagName} srcset>`);
    if (tagName === 'meta' && typeof properties['content'] === 'string' && /^https?:\/\//.test(properties['content'])) {
      add(properties['content'], `<meta ${String(properties['property'] ?? properties['name'] ?? '')} content>`);
    }
    const style = properties['style'];
    if (typeof style === 'string') for (const url of cssUrls(style)) add(url, `<${tagName} style> url()`);
    if (tagName === 'style') for (const url of cssUrls(toString(element))) add(url, '<style> url()');
  });
  return { file, references, ids };
}

function attributeName(property: string): string {
  return property === 'xLinkHref' ? 'xlink:href' : property;
}

/**
 * The URLs of a srcset (HTML's parsing rules, simplified): candidates are a
 * URL, which may itself contain commas, then optional descriptors up to the
 * next comma.
 */
function parseSrcset(srcset: string): string[] {
  const urls: string[] = [];
  for (const match of srcset.matchAll(/[\s,]*(\S+)([^,]*)/g)) {
    const raw = match[1] ?? '';
    // A URL followed directly by commas has no descriptors: the commas end the candidate.
    const url = match[2] === '' ? raw.replace(/,+$/, '') : raw;
    if (url !== '') urls.push(url);
  }
  return urls;
}

/** url(…) references in CSS text, except data: URIs and fragment-only references to SVG filters. */
function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/g)]
    .map((match) => match[2] ?? '')
    .filter((url) => url !== '' && !url.startsWith('data:') && !url.startsWith('#'));
}
