/**
 * Where the content lives, relative to the project root: reports in
 * `<content>/reports/`, the source texts they were made from in
 * `<content>/sources/`. Tests point `CONTENT_DIR` at a temporary copy of the
 * content (the site with one more report), or `REPORTS_DIR` at a folder of
 * fixture reports that must stop the build; nothing else should set them.
 */
export const CONTENT_DIR: string = process.env['CONTENT_DIR'] ?? './content';
export const REPORTS_BASE: string = process.env['REPORTS_DIR'] ?? `${CONTENT_DIR}/reports`;

/** A file's path as an editor reads it in a message: relative to the project (the working directory) when inside it. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const root = cwd.endsWith('/') ? cwd : `${cwd}/`;
  return path.startsWith(root) ? path.slice(root.length) : path;
}
