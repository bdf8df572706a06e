// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import reportSearch from './src/integrations/search/index.ts';
import { siteSitemap } from './src/integrations/sitemap.ts';
import { SITE_URL } from './src/lib/site-address.ts';
import { reportMarkdownProcessor } from './src/markdown/pipeline.ts';

export default defineConfig({
  // The address the site is served from: canonical URLs, citations, the feed
  // and the sitemap are absolute. A sub-path deploy adds `--base /some/path/`
  // (or `base` here); every link the site writes goes through src/lib/site-url.ts.
  site: SITE_URL,
  trailingSlash: 'always',
  // A report opens in one request: its CSS (a few KB) travels inside the HTML
  // rather than as separate files, so what a reader downloads stays close to
  // the size of the text itself.
  build: { inlineStylesheets: 'always' },
  markdown: { processor: reportMarkdownProcessor },
  // Code loaded on demand (the search dialog, the citation tools) is bundled
  // as one self-contained ES module each (`?worker&url`), so the scripts every
  // page loads need no dynamic import and no ~1 KB module-preload helper.
  vite: {
    worker: { format: 'es' },
    build: {
      rolldownOptions: {
        // Astro wraps each report's MDX in a module that starts with the
        // directive "use astro:head-inject" (astro/dist/content/
        // vite-plugin-content-assets.js), and Rolldown warns, once per report on
        // every build, that it may not keep that directive. It is Astro's
        // internal marker, the pages are built right either way, and nothing an
        // editor can act on: only that warning is dropped, every other one shows.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
  },
  // sitemap-index.xml + sitemap-0.xml, sitemap-1.xml… with every page (404 left out), under the base.
  integrations: [mdx(), reportSearch(), siteSitemap()],
});
