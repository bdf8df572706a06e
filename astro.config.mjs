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
  integrations: [mdx(), reportSearch()],
});
