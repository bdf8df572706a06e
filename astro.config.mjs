// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import reportSearch from './src/integrations/search/index.ts';
import { reportMarkdownProcessor } from './src/markdown/pipeline.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://reports.example.org',
  trailingSlash: 'always',
  // A report opens in one request: its CSS (a few KB) travels inside the HTML
  // rather than as separate files, so what a reader downloads stays close to
  // the size of the text itself.
  build: { inlineStylesheets: 'always' },
  markdown: { processor: reportMarkdownProcessor },
  // Search code loads only when a reader opens search. Vite's module-preload
  // helper would put about 1.4 KB (gzipped) of JavaScript on every page to
  // speed up that one later import; without it the import costs one more
  // round trip, after the click.
  vite: { environments: { client: { build: { modulePreload: false } } } },
  integrations: [mdx(), reportSearch()],
});
