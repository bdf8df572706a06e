/**
 * A report's MDX compiled by the build's own MDX processor
 * (src/markdown/pipeline.ts through @astrojs/mdx's renderer), as if it were
 * the file `content/reports/test.mdx`: the module's code, or the message it
 * was refused with.
 */
import { reportMarkdownProcessor } from '../../src/markdown/pipeline.ts';

export const MDX_FILE = 'content/reports/test.mdx';

const renderer = await reportMarkdownProcessor.createMdxRenderer!(
  { syntaxHighlight: false, gfm: false, smartypants: false },
  { optimize: false, sourcemap: false },
);

export async function compileReport(mdx: string): Promise<{ code?: string; error?: string }> {
  try {
    return { code: (await renderer.process(mdx, `${process.cwd()}/${MDX_FILE}`, {})).code };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
