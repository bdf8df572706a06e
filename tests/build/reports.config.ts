/**
 * The published reports and how their source texts are laid out: which lines
 * the PDF added and where the body runs. Line numbers refer to the files in
 * content/sources/, which never change (they are the provenance).
 */
import type { SourceLayout } from '../helpers/pdf-source.ts';

export interface PublishedReport {
  slug: string;
  source: string;
  layout: SourceLayout;
  footnotes: number;
}

export const publishedReports: PublishedReport[] = [
  {
    slug: 'global-governance-2020-2021',
    source: 'content/sources/000_e1972fca216bbfaa.txt',
    layout: {
      pdfArtifacts: [],
      // 专题序言 … (文中注释略。)
      body: [24, 184],
      // 本文已发表于…: a note on the report as a whole, shown under the header.
      matterInBody: [28],
    },
    footnotes: 0,
  },
  {
    slug: 'towards-true-multilateralism',
    source: 'content/sources/001_ec5e326e55961023.txt',
    layout: {
      // 1: running head; 26: a stray " [1]" with no note on its page;
      // the page number and running head of p. 34.
      pdfArtifacts: [1, 26, ...linesOf('content/sources/001_ec5e326e55961023.txt', /^(34|《国际问题研究》2023 年第 6 期)$/)],
      // 近年来，随着百年… to …大国责任与担当。
      body: [28, 1061],
    },
    footnotes: 56,
  },
];

import { readFileSync } from 'node:fs';
function linesOf(path: string, pattern: RegExp): number[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((text, i) => (pattern.test(text.trim()) ? [i + 1] : []));
}
