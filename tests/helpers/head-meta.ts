/** Reading a built page's <head> metadata and the citation files, for the build-output tests. */
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';

/** Contents of every `<meta name=…>` (or `property=…`) with this name, in order. */
export function metaValues(page: Root, name: string): string[] {
  const attribute = /^(og|article):/.test(name) ? 'property' : 'name';
  return selectAll(`head meta[${attribute}="${name}"]`, page).map((meta) => String(meta.properties['content']));
}

/** The one value of a meta tag; fails when there is none or several. */
export function metaValue(page: Root, name: string): string {
  const values = metaValues(page, name);
  if (values.length !== 1) throw new Error(`expected one <meta> ${name}, found ${values.length}`);
  return values[0]!;
}

export function linkHref(page: Root, rel: string): string | undefined {
  const link = select(`head link[rel="${rel}"]`, page);
  return link ? String(link.properties['href']) : undefined;
}

export function jsonLdOf(page: Root): Record<string, unknown> {
  const script = select('script[type="application/ld+json"]', page) as Element | undefined;
  if (!script) throw new Error('no JSON-LD script');
  return JSON.parse(toString(script)) as Record<string, unknown>;
}

/** RIS `TAG  - value` lines as [tag, value] pairs. */
export function risTags(text: string): [string, string][] {
  return text
    .split('\r\n')
    .filter((line) => /^[A-Z][A-Z0-9]  - /.test(line))
    .map((line) => [line.slice(0, 2), line.slice(6)]);
}

/** A BibTeX entry's `name = {value}` fields (values as written, braces and all). */
export function bibtexFields(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^ {2}(\w+) = \{(.*)\},?$/gm)].map((m) => [m[1]!, m[2]!]));
}
