/**
 * Synthetic archives for the search benchmark, made from the paragraphs and
 * headings of the real reports (read from the built site's search data), so
 * the text has the vocabulary and punctuation of the real thing. The same
 * size and seed always give the same archive (seeded PRNG), so runs compare,
 * and an archive is made report by report (corpusReports), so ten thousand
 * reports never need to be in memory at once.
 *
 * Each report: a title and authors, a project code of its own (a rare term:
 * four characters no source text uses, see projectCode), then the text before
 * the first heading and 36 headed sections (h2 chapters with h3 subsections,
 * numbered as the real outlines are), each about 1,100 characters. At 1,000
 * reports that is about 37,000 sections and 41 M characters, the scale of
 * the research notes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import GithubSlugger from 'github-slugger';
import type { SearchableReport, SearchableSection } from '../../src/lib/search/engine.ts';

export const HEADED_SECTIONS = 36;
const SECTION_LENGTH = { min: 600, max: 1400 };
/** Share of headed sections that open a new chapter (h2) rather than a subsection (h3). */
const CHAPTER_SHARE = 0.18;
/** Lines shorter than this are names, "同上。" and the like: not paragraphs. */
const SHORTEST_PARAGRAPH = 20;

export interface SourceText {
  paragraphs: string[];
  /** Heading texts without their numbering (一、（一）No. 1). */
  headings: string[];
  names: string[];
}

/** Paragraphs, headings and names of the built site's reports (dist/pagefind/reports/*.jsonz, gzipped JSON). */
export function readSourceText(searchDataDir: string): SourceText {
  const paragraphs: string[] = [];
  const headings = new Set<string>();
  const names = new Set<string>();
  const files = readdirSync(searchDataDir).filter((file) => file.endsWith('.jsonz'));
  if (files.length === 0) throw new Error(`${searchDataDir} holds no report data: build the site first`);
  for (const file of files) {
    const report = JSON.parse(gunzipSync(readFileSync(join(searchDataDir, file))).toString('utf8')) as SearchableReport;
    for (const name of report.authors.split('、')) if (name.trim()) names.add(name.trim());
    for (const section of report.sections) {
      const lines = section.text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
      // A headed section's first line is its heading; the text before the first heading is front matter.
      if (section.id === null) continue;
      const heading = stripNumbering(lines.shift() ?? '');
      if (heading.length >= 2) headings.add(heading);
      for (const line of lines) {
        if (line.length >= SHORTEST_PARAGRAPH) paragraphs.push(line);
        else if (/^\p{Script=Han}{2,3}$/u.test(line)) names.add(line);
      }
    }
  }
  return { paragraphs, headings: [...headings], names: [...names] };
}

function stripNumbering(heading: string): string {
  return heading.replace(/^(?:[一二三四五六七八九十]+、|[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*|No\.\s*\d+\s*)/u, '').trim();
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  if (n < 20) return `十${NUMERALS[n - 11]!}`;
  return `${NUMERALS[Math.floor(n / 10) - 1]!}十${n % 10 === 0 ? '' : NUMERALS[(n % 10) - 1]!}`;
}

/** A synthetic report and the headings' levels, which the HTML page needs. */
export interface SyntheticReport extends SearchableReport {
  levels: (2 | 3 | null)[];
}

/** The whole archive at once (small archives, tests). */
export function generateCorpus(source: SourceText, reports: number, seed: number): SyntheticReport[] {
  return [...corpusReports(source, reports, seed)];
}

/**
 * Characters for the project codes: rare birds' names, which the source
 * reports never use, so a code is found exactly where it was planted.
 */
const CODE_CHARACTERS = [...'鹂鸮鹈鹕鹌鹑鸬鹚鹧鸪鹡鸰鹪鹩鸲鹟鹎鹱鸻鹬'];

/** Report r's project code: four code characters, a rare term (found in that report, and by chance in few others). */
export function projectCode(r: number, seed: number): string {
  const random = seededRandom(seed * 1_000_003 + r);
  return Array.from({ length: 4 }, () => CODE_CHARACTERS[Math.floor(random() * CODE_CHARACTERS.length)]!).join('');
}

/** The archive, report by report (the same reports generateCorpus returns). */
export function* corpusReports(source: SourceText, reports: number, seed: number): Generator<SyntheticReport> {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const body = () => {
    const target = SECTION_LENGTH.min + random() * (SECTION_LENGTH.max - SECTION_LENGTH.min);
    const paragraphs: string[] = [];
    let length = 0;
    while (length < target) {
      const paragraph = pick(source.paragraphs);
      paragraphs.push(paragraph);
      length += paragraph.length;
    }
    return paragraphs;
  };

  const width = String(reports).length;
  for (let r = 1; r <= reports; r++) {
    const title = pick(source.headings);
    const authorCount = 1 + Math.floor(random() * 3);
    const authors = new Set<string>();
    while (authors.size < authorCount) authors.add(pick(source.names));
    const byline = [...authors].join('、');
    const code = `项目编号：${projectCode(r, seed)}`;
    const sections: SearchableSection[] = [{ id: null, path: [], text: [title, byline, code, ...body()].join('\n') + '\n' }];
    const levels: SyntheticReport['levels'] = [null];
    const slugger = new GithubSlugger();
    let chapter = 0;
    let subsection = 0;
    let chapterHeading = '';
    for (let k = 0; k < HEADED_SECTIONS; k++) {
      const level = k === 0 || random() < CHAPTER_SHARE ? 2 : 3;
      let heading: string;
      let path: string[];
      if (level === 2) {
        chapter++;
        subsection = 0;
        heading = `${chineseNumber(chapter)}、${pick(source.headings)}`;
        chapterHeading = heading;
        path = [heading];
      } else {
        subsection++;
        heading = `（${chineseNumber(subsection)}）${pick(source.headings)}`;
        path = [chapterHeading, heading];
      }
      sections.push({ id: slugger.slug(heading), path, text: [heading, ...body()].join('\n') + '\n' });
      levels.push(level);
    }
    yield { url: `/reports/r${String(r).padStart(width, '0')}/`, title, authors: byline, sections, levels };
  }
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The report as a page for Pagefind's default indexing: what the site's
 * report pages give it (zh-CN, data-pagefind-body, headings with ids), and
 * the same text as the report's sections, so both indexes hold the same words.
 */
export function reportPage(report: SyntheticReport): string {
  const parts = [
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title></head>`,
    '<body><main data-pagefind-body>',
  ];
  report.sections.forEach((section, k) => {
    const [first, ...paragraphs] = section.text.split('\n').filter((line) => line !== '');
    const level = report.levels[k];
    if (level === null || level === undefined) {
      parts.push(`<h1>${escapeHtml(first ?? '')}</h1>`);
    } else {
      parts.push(`<h${level} id="${escapeHtml(section.id ?? '')}">${escapeHtml(first ?? '')}</h${level}>`);
    }
    for (const paragraph of paragraphs) parts.push(`<p>${escapeHtml(paragraph)}</p>`);
  });
  parts.push('</main></body></html>');
  return parts.join('\n');
}

/** Sections and characters (without white space) of an archive. */
export function corpusCharacters(corpus: Iterable<SearchableReport>): { sections: number; characters: number } {
  let sections = 0;
  let characters = 0;
  for (const report of corpus) {
    sections += report.sections.length;
    for (const section of report.sections) characters += section.text.replace(/\s/gu, '').length;
  }
  return { sections, characters };
}
