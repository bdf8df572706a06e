// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { reportMarkdownProcessor } from './src/markdown/pipeline.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://reports.example.org',
  trailingSlash: 'always',
  markdown: { processor: reportMarkdownProcessor },
  integrations: [mdx()],
});
