/**
 * Loads a module the page does not carry (a `?worker&url` address: Vite
 * bundles the file and its imports into one ES module and gives its address,
 * base path included) by adding a module script, once per address.
 *
 * The report page's loaders (contents, notes, citation tools) share this: they
 * are one script at the end of ReportLayout.astro. The header's script, on
 * every page, has a copy of its own (load-header-module.ts): a module imported
 * by both scripts would become a file of its own, one more request.
 */
const loads = new Map<string, Promise<unknown>>();

export function loadModule(url: string): Promise<unknown> {
  let loading = loads.get(url);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = url;
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
    loads.set(url, loading);
  }
  return loading;
}
