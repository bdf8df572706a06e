/**
 * The front matter of a report drafted from the lines around its body: the
 * masthead (date, series and issue, publisher), title and its note mark,
 * authors, abstract, notes on the report, 责任编辑 and team lists. Every line
 * it reads is named as front or back matter, so the fidelity test finds it
 * on the page; a line it cannot place goes into `publication.imprint`
 * (shown verbatim) and is listed for the editor. A field it cannot determine
 * is written with a `# TODO(editor): …` comment and a placeholder the build
 * accepts.
 */
import { Document, isMap, isScalar, isSeq, Scalar } from 'yaml';
import type { RemovedLine } from '../source-layout.ts';
import type { Report } from '../report-schema.ts';
import type { Finding } from './findings.ts';
import { joinLines } from './rejoin.ts';
import { parseIssueLine, titleKey, type IssueLine } from './page-artifacts.ts';
import { ABSTRACT_LABEL, EDITOR_LINE, isMembersLine, isTeamName, namesOf, type Abstract } from './regions.ts';
import { displayWidth, endsSentence, LONE_NUMBER, type SourceLine } from './source-lines.ts';

export interface MatterNote {
  mark?: string;
  text: string;
  lines: SourceLine[];
}

export interface FrontMatterInput {
  /** Non-blank lines before the body, footnotes and stray markers left out. */
  front: SourceLine[];
  /** Non-blank lines after the body, footnotes and page artifacts left out. */
  back: SourceLine[];
  abstract?: Abstract;
  /** Notes on the report as a whole: the title's `*` notes and paragraphs such as 本文已发表于…, in source order. */
  notes: MatterNote[];
  /** The journal line the running heads repeat, where there is one. */
  issueFromHeads?: IssueLine;
  /** Page numbers printed in the body, in order. */
  pageNumbers: number[];
  /** The source text, relative to content/ (`sources/<name>.txt`). */
  source: string;
}

export interface FrontMatterDraft {
  report: Report;
  /** `# TODO(editor): …` comments, by the dotted path of the field they stand before. */
  todos: Map<string, string>;
  /** Lines shown as front or back matter. */
  matterLines: number[];
  /** Lines of the front matter the PDF added: a running head repeating the title, a page number. */
  removed: RemovedLine[];
  /** The line the title was read from. */
  titleLine?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ENGLISH_DATE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/i;
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const PUBLISHER = /\p{Script=Han}.*\([A-Z][A-Za-z]{1,11}\)$/u;
const AUTHORS_LABEL = /^(?:本期)?(?:执笔|作者|撰稿人?|撰文)[:：]?$/;
const TITLE_MARK = /\s*([*＊])$/;

const isoDate = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

type Role = 'date' | 'year' | 'issue' | 'series' | 'publisher' | 'label' | 'authors' | 'title' | 'title-head' | 'abstract';

/** What each line of the front matter says, before the draft is put together. */
export interface FrontReading {
  roles: Map<number, Role>;
  date?: string;
  printedDate?: string;
  issue?: IssueLine;
  authorsLabel?: string;
  authors?: string[];
  authorsLine?: SourceLine;
  publisher: string[];
  titleLine?: SourceLine;
  /** Running heads of the first page: lines repeating the title, or repeated at every page top. */
  titleHeads: SourceLine[];
}

/**
 * Reads the lines before the body: dates, the issue line and the series
 * name above it, publisher lines, the authors' label and names, the title.
 * `abstract` lines are the abstract's.
 */
export function readFront(front: readonly SourceLine[], abstract: Abstract | undefined, isRunningHead: (line: SourceLine) => boolean = () => false): FrontReading {
  const reading: FrontReading = { roles: new Map(), publisher: [], titleHeads: [] };
  const { roles } = reading;
  for (const line of abstract?.lines ?? []) roles.set(line.number, 'abstract');
  // The text's top line, when the pages repeat it or the title repeats it, is the first page's running head.
  const top = front[0];
  const repeatedBelow = (line: SourceLine) => front.some((other) => other !== line && titleKey(other.text) === titleKey(line.text));
  if (top && (isRunningHead(top) || repeatedBelow(top))) roles.set(top.number, 'title-head');

  front.forEach((line, i) => {
    const text = line.text;
    if (roles.has(line.number)) return;
    const english = ENGLISH_DATE.exec(text);
    if (english && !reading.date) {
      roles.set(line.number, 'date');
      const month = MONTHS.indexOf(english[1]!.slice(0, 3).toLowerCase()) + 1;
      const yearLine = english[3] === undefined ? front[i + 1] : undefined;
      const year = english[3] ?? (yearLine && /^\d{4}$/.test(yearLine.text) ? yearLine.text : undefined);
      if (yearLine && year === yearLine.text) roles.set(yearLine.number, 'year');
      reading.printedDate = year && !english[3] ? `${text} ${year}` : text;
      if (year) reading.date = isoDate(Number(year), month, Number(english[2]));
      return;
    }
    const chinese = CHINESE_DATE.exec(text);
    if (chinese && !reading.date) {
      roles.set(line.number, 'date');
      reading.date = isoDate(Number(chinese[1]), Number(chinese[2]), Number(chinese[3]));
      reading.printedDate = text;
      return;
    }
    const issueLine = parseIssueLine(text);
    if (issueLine && !reading.issue) {
      roles.set(line.number, 'issue');
      reading.issue = issueLine;
      const previous = front[i - 1];
      if (!issueLine.name && previous && !roles.has(previous.number) && displayWidth(previous.text) <= 40 && !endsSentence(previous.text)) {
        roles.set(previous.number, 'series');
        reading.issue = { ...issueLine, name: previous.text };
      }
      return;
    }
    if (PUBLISHER.test(text)) {
      roles.set(line.number, 'publisher');
      reading.publisher.push(text);
      return;
    }
    if (AUTHORS_LABEL.test(text) && !reading.authorsLabel) {
      roles.set(line.number, 'label');
      reading.authorsLabel = text.replace(/[:：]$/, '');
    }
  });

  // The title: the line with the note mark, or the first line left that
  // reads as one. The top line of the text repeated further on (or at every
  // page top) is the first page's running head; so is a line repeating the title.
  const candidates = front.filter(
    (line) => !roles.has(line.number) && /\p{Script=Han}/u.test(line.text) && !endsSentence(line.text) && (namesOf(line.text)?.length ?? 0) < 2 && !LONE_NUMBER.test(line.text),
  );
  const titleLine = candidates.find((line) => TITLE_MARK.test(line.text)) ?? candidates.find((line) => !roles.has(line.number));
  if (titleLine) {
    reading.titleLine = titleLine;
    roles.set(titleLine.number, 'title');
    for (const line of candidates) {
      if (!roles.has(line.number) && (titleKey(line.text) === titleKey(titleLine.text) || isRunningHead(line))) roles.set(line.number, 'title-head');
    }
  }
  reading.titleHeads = front.filter((line) => roles.get(line.number) === 'title-head');

  // Authors: the first line of names after the title (or after their label).
  const after = Math.max(front.findIndex((line) => line === reading.titleLine), 0);
  const authorsLine = front.slice(after).find((line) => !roles.has(line.number) && namesOf(line.text));
  if (authorsLine) {
    roles.set(authorsLine.number, 'authors');
    reading.authors = namesOf(authorsLine.text)!;
    reading.authorsLine = authorsLine;
  }
  return reading;
}

/** The title as printed, without its note mark. */
export const titleOf = (line: SourceLine): string => line.text.replace(TITLE_MARK, '').trim();

export function draftFrontMatter(input: FrontMatterInput, reading: FrontReading, findings: Finding[]): FrontMatterDraft {
  const todos = new Map<string, string>();
  const { roles, date, printedDate, issue, authorsLabel, authors, publisher, titleLine } = reading;
  const removed: RemovedLine[] = reading.titleHeads.map((line) => ({ line: line.number, text: line.text, why: 'running head' }));
  const front = input.front;
  const pageLines = new Set<number>();

  const imprint: string[] = [];
  const pageNumbers = [...input.pageNumbers];
  for (const line of front) {
    if (roles.has(line.number)) continue;
    if (LONE_NUMBER.test(line.text) && !/^(19|20)\d\d$/.test(line.text)) {
      pageLines.add(line.number);
      removed.push({ line: line.number, text: line.text, why: 'page number' });
      pageNumbers.unshift(Number(line.text));
      continue;
    }
    imprint.push(line.text);
    findings.push({ line: line.number, kind: 'uncertain', message: `a line of the front matter the import could not place: put in publication.imprint, shown as printed ("${line.text}")` });
  }

  // The back matter: 责任编辑 and the team lists.
  let responsibleEditor: string | undefined;
  const teams: { name: string; members: string[] }[] = [];
  input.back.forEach((line, i) => {
    const editor = EDITOR_LINE.exec(line.text);
    const next = input.back[i + 1];
    // A team's name has its members on the next line; a lone name after a list is its last member.
    if (editor) responsibleEditor = editor[1]!;
    else if (isTeamName(line.text) && next && isMembersLine(next.text, true)) teams.push({ name: line.text, members: [] });
    else if (isMembersLine(line.text, true) && teams.length > 0) teams.at(-1)!.members.push(...line.text.split(/[ \t\u3000]+/));
    else throw new Error(`line ${line.number}: back matter the import cannot place ("${line.text}")`);
  });

  const titleText = titleLine ? titleOf(titleLine) : undefined;
  if (titleLine) findings.push({ line: titleLine.number, kind: 'uncertain', message: `the title, as printed: "${titleText}"` });
  else todos.set('title', 'the title: no line of the front matter reads as one');
  if (titleText && /[：:，,]\s/.test(titleText)) {
    findings.push({ line: titleLine!.number, kind: 'uncertain', message: 'the title has a space after a punctuation mark: kept as printed' });
  }
  const authorsLine = reading.authorsLine;
  if (authors && authorsLine) {
    findings.push({ line: authorsLine.number, kind: 'uncertain', message: `the authors, read as ${authors.join('、')}: check that each name is whole` });
    todos.set('authors', "each author's affiliation, where the source gives one (`affiliation:` under the name)");
  } else todos.set('authors', 'the authors: no line of names follows the title');

  const journal = issue ?? input.issueFromHeads;
  const publication: Report['publication'] = {
    type: journal && !journal.journal ? 'report' : 'article',
    name: journal?.name || '（待补）',
    year: journal?.year ?? (date ? Number(date.slice(0, 4)) : new Date().getFullYear()),
  };
  if (!journal?.name) todos.set('publication.name', 'the journal or series: the source prints no line such as 《刊名》2023 年第 6 期');
  if (!journal) todos.set('publication.year', 'the year of the issue: the source prints no issue line');
  if (journal) publication.issue = journal.issue;
  if (!journal) todos.set('publication.type', 'article (journal) or report (series): the source does not say');
  if (date) publication.date = date;
  if (printedDate && printedDate !== date) publication.printedDate = printedDate;
  if (pageNumbers.length > 0) {
    const first = Math.min(...pageNumbers);
    const last = Math.max(...pageNumbers);
    publication.pages = pageNumbers.length > 1 ? { first, last } : { last };
    todos.set('publication.pages', `the page range: read from the page number${pageNumbers.length > 1 ? 's' : ''} printed in the text (${pageNumbers.join(', ')}); check where the article starts and ends`);
  }
  if (publisher.length > 0) publication.publisher = publisher.join(' ');
  if (imprint.length > 0) {
    publication.imprint = imprint;
    todos.set('publication.imprint', 'lines the import could not place: move each to its field, or keep it here to show it as printed');
  }

  const abstract = input.abstract ? abstractText(input.abstract, findings) : undefined;
  const notes = input.notes.map((note) => (note.mark ? { mark: note.mark, text: note.text } : { text: note.text }));

  const report: Report = {
    title: titleText || '（标题待补）',
    authors: (authors ?? ['（作者待补）']).map((name) => ({ name })),
    ...(authorsLabel ? { authorsLabel } : {}),
    publication,
    ...(abstract ? { abstract } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    ...(responsibleEditor ? { responsibleEditor } : {}),
    ...(teams.length > 0 ? { teams } : {}),
    lang: 'zh-CN',
    source: input.source,
  };
  const matterLines = [
    ...front.filter((line) => roles.get(line.number) !== 'title-head' && !pageLines.has(line.number)).map((line) => line.number),
    ...input.back.map((line) => line.number),
    ...input.notes.flatMap((note) => note.lines.map((line) => line.number)),
  ].sort((a, b) => a - b);
  return { report, todos, matterLines, removed, ...(titleLine ? { titleLine: titleLine.number } : {}) };
}

function abstractText(abstract: Abstract, findings: Finding[]): string {
  const [first, ...rest] = abstract.lines;
  const parts = [{ text: first!.text.replace(ABSTRACT_LABEL, ''), line: first! }, ...rest.map((line) => ({ text: line.text, line }))];
  const label = ABSTRACT_LABEL.exec(first!.text)![0];
  if (label.replace(/\s/g, '') !== '〔提要〕') {
    findings.push({ line: first!.number, kind: 'uncertain', message: `the abstract is labelled "${label.trim()}" in the source; the page shows it under 〔提要〕` });
  }
  return joinLines(parts, findings);
}

/**
 * The first line of an imported report's front matter. While it stands, the
 * body and the source's layout file are exactly what the import makes of the
 * source, and a test holds the import to it; an editor who corrects the body
 * by hand deletes it.
 */
export const IMPORTED_MARK = 'Body and layout file as `npm run import` wrote them (tests/unit/import/shipped.test.ts holds the import to it): delete this line if you correct the body by hand.';

/**
 * The front matter as YAML between `---` lines, fields in the schema's order,
 * each TODO as a comment above its field.
 */
export function writeFrontMatter(draft: FrontMatterDraft): string {
  const doc = new Document(draft.report);
  doc.commentBefore = ` ${IMPORTED_MARK}`;
  for (const [path, message] of draft.todos) {
    const keys = path.split('.');
    const node = doc.getIn(keys, true);
    const parent = keys.length > 1 ? doc.getIn(keys.slice(0, -1), true) : doc.contents;
    const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === keys.at(-1)) : undefined;
    const comment = ` TODO(editor): ${message}`;
    if (pair && isScalar(pair.key)) pair.key.commentBefore = comment;
    else if (node && (isScalar(node) || isSeq(node) || isMap(node))) node.commentBefore = comment;
  }
  const date = doc.getIn(['publication', 'date'], true);
  if (isScalar(date)) date.type = Scalar.QUOTE_DOUBLE;
  const teams = doc.get('teams', true);
  if (isSeq(teams)) for (const team of teams.items) if (isMap(team)) {
    const members = team.get('members', true);
    if (isSeq(members)) members.flow = true;
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/^(#[^\n]*)\n\n/, '$1\n');
  return `---\n${yaml}---\n`;
}
