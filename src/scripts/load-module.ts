/**
 * Loads a module by its address with a script tag: for code bundled with
 * `?worker&url` (one self-contained file), so the small scripts every page
 * carries need no dynamic import and no module-preload helper.
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
