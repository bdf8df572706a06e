import { displayPath } from '../lib/content-paths.ts';

type Processor = ReturnType<typeof import('@astrojs/markdown-remark').unified>;

/**
 * An error in a report, located: "<file>:<line>:<column> <what>". Astro
 * prints the message and, for MDX, reads `line` and `column` for its own
 * "Location:" line.
 */
export class ReportError extends Error {
  readonly line: number;
  readonly column: number;

  constructor(message: string, line: number, column: number) {
    super(message);
    this.name = 'ReportError';
    this.line = line;
    this.column = column;
  }
}

/**
 * Wraps a processor so that every error rendering a report's MDX starts with
 * the report's file, line and column: a parse error from MDX itself ("Unexpected
 * character…"), or a check of the pipeline (footnotes, section links, code in
 * a report). An editor reads one line that says where and what; errors that
 * carry no position pass unchanged.
 */
export function withLocatedErrors(processor: Processor): Processor {
  const { createMdxRenderer } = processor;
  if (!createMdxRenderer) return processor;
  return {
    ...processor,
    async createMdxRenderer(shared, mdx) {
      const renderer = await createMdxRenderer.call(processor, shared, mdx);
      return {
        async process(content, filePath, frontmatter) {
          try {
            return await renderer.process(content, filePath, frontmatter);
          } catch (error) {
            throw located(error, filePath);
          }
        },
      };
    },
  };
}

function located(error: unknown, filePath: string): unknown {
  if (!(error instanceof Error)) return error;
  const { line, column } = error as { line?: unknown; column?: unknown };
  if (typeof line !== 'number') return error;
  const file = displayPath(filePath);
  if (error.message.includes(`${file}:${line}:`)) return error;
  const reason = (error as { reason?: unknown }).reason;
  const at = typeof column === 'number' ? `${line}:${column}` : `${line}`;
  return new ReportError(`${file}:${at} ${typeof reason === 'string' ? reason : error.message}`, line, typeof column === 'number' ? column : 0);
}
