/**
 * The reports collection's loader: Astro's glob loader for
 * `<content>/reports/**\/*.mdx`, with the front matter checked first, every
 * file at once. A problem stops the build with one line per problem, naming
 * file, line and field (src/lib/front-matter-problems.ts), instead of Astro's
 * schema dump for the first bad file without a line.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { displayPath } from '../lib/content-paths.ts';
import { formatFrontMatterProblems, frontMatterProblems, type FrontMatterProblem } from '../lib/front-matter-problems.ts';

/** Problems in reports' front matter: a content error, worded for the editor, with no stack trace to read. */
export class FrontMatterError extends Error {
  /** Where the first problem is, for Astro's error overlay under `astro dev`. */
  readonly loc: { file: string; line: number; column: number };

  constructor(files: readonly FileProblems[]) {
    const lines = files.map(({ path, problems }) => formatFrontMatterProblems(displayPath(path), problems));
    const count = files.reduce((sum, file) => sum + file.problems.length, 0);
    super(`${count === 1 ? 'A report’s front matter has a problem' : `Reports’ front matter has ${count} problems`}:\n${lines.join('\n')}`);
    this.name = 'FrontMatterError';
    this.loc = { file: files[0]!.path, line: files[0]!.problems[0]!.line, column: 1 };
    // The message says all there is; a trace through the loader would only be noise to an editor.
    this.stack = '';
  }
}

interface FileProblems {
  path: string;
  problems: FrontMatterProblem[];
}

async function problemsOf(path: string): Promise<FileProblems | undefined> {
  const problems = frontMatterProblems(await readFile(path, 'utf8'));
  return problems.length > 0 ? { path, problems } : undefined;
}

export function reportsLoader({ base }: { base: string }): Loader {
  const files = glob({ pattern: '**/*.mdx', base });
  return {
    name: 'reports',
    async load(context) {
      const dir = fileURLToPath(new URL(base.endsWith('/') ? base : `${base}/`, context.config.root));
      const names = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.mdx')).sort();
      const problems = (await Promise.all(names.map((name) => problemsOf(join(dir, name))))).filter((p) => p !== undefined);
      if (problems.length > 0) throw new FrontMatterError(problems);
      await files.load({
        ...context,
        // A file changed under `astro dev` is checked here, as it is parsed.
        async parseData(entry) {
          try {
            return await context.parseData(entry);
          } catch (error) {
            const problem = entry.filePath && (await problemsOf(fileURLToPath(new URL(entry.filePath, context.config.root))));
            if (problem) throw new FrontMatterError([problem]);
            throw error;
          }
        },
      });
    },
  };
}
