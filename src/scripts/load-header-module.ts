/**
 * loadModule for the header's script (site-search.ts, theme-toggle.ts: one
 * script on every page): a copy of load-module.ts, which the report page's
 * script uses. A module imported by both scripts would become a file of its
 * own, one more request on every page.
 */
export function loadModule(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.append(script);
  });
}
