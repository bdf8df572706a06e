// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import reportSearch from './src/integrations/search/index.ts';
import { siteSitemap } from './src/integrations/sitemap.ts';
import { reportMarkdownProcessor } from './src/markdown/pipeline.ts';

export default defineConfig({
  // The address the site is served from: canonical URLs, citations, the feed
  // and the sitemap are absolute. A sub-path deploy adds `--base /some/path/`
  // (or `base` here); every link the site writes goes through src/lib/site-url.ts.
  site: process.env.SITE_URL ?? 'https://reports.example.org',
  trailingSlash: 'always',
  // A report opens in one request: its CSS (a few KB) travels inside the HTML
  // rather than as separate files, so what a reader downloads stays close to
  // the size of the text itself.
  build: { inlineStylesheets: 'always' },
  markdown: { processor: reportMarkdownProcessor },
  // Code loaded on demand (the search dialog, the citation tools) is bundled
  // as one self-contained ES module each (`?worker&url`), so the scripts every
  // page loads need no dynamic import and no ~1 KB module-preload helper.
  vite: { worker: { format: 'es' } },
  // sitemap-index.xml + sitemap-0.xml, sitemap-1.xml… with every page (404 left out), under the base.
  integrations: [mdx(), reportSearch(), siteSitemap()],
});
