import { describe, expect, it } from 'vitest';
import { sectionHits, type SearchableReport } from '../../src/lib/search/engine.ts';
import { createFolder } from '../../src/lib/search/fold.ts';
import { excerptFor, markedHeading, reportLink, sectionLink, type MarkedText } from '../../src/lib/search/present.ts';
import { traditionalToSimplified } from '../../src/integrations/search/traditional-to-simplified.ts';

const folder = createFolder(traditionalToSimplified());
const words = (...query: string[]) => query.map((word) => [...folder.fold(word)]);

/** A report of one section with a heading, as sections.ts reads it from a page: the heading's line, then the text. */
function reportWith(heading: string | null, body: string): SearchableReport {
  return {
    url: '/reports/r/',
    title: '报告',
    authors: '',
    sections: [{ id: heading === null ? null : 'h', path: heading === null ? [] : [heading], text: heading === null ? body : `${heading}\n${body}` }],
  };
}

function excerptOf(report: SearchableReport, query: string[], context?: { before: number; after: number }) {
  const queryWords = words(...query);
  const [hit] = sectionHits(report, queryWords, folder);
  return excerptFor(report, hit!, queryWords.map((word) => word.length), folder, context);
}

const shown = (runs: MarkedText[]) => runs.map((run) => (run.marked ? `[${run.text}]` : run.text)).join('');

describe('search excerpts', () => {
  it('mark every occurrence inside the excerpt, not only the first', () => {
    const report = reportWith(null, '坚持多边主义，践行真正的多边主义，反对伪多边主义。');
    expect(shown(excerptOf(report, ['多边主义']))).toBe('坚持[多边主义]，践行真正的[多边主义]，反对伪[多边主义]。');
  });

  it('mark the occurrences of every word of a query of several words', () => {
    const report = reportWith(null, '联合国是多边主义的核心，多边主义离不开联合国。');
    expect(shown(excerptOf(report, ['多边主义', '联合国']))).toBe('[联合国]是[多边主义]的核心，[多边主义]离不开[联合国]。');
  });

  it('mark what the reader typed in another form (Traditional, full width) as the text writes it', () => {
    const report = reportWith(null, '世贸组织（WTO）改革与ＷＴＯ争端解决机制');
    expect(shown(excerptOf(report, ['wto']))).toBe('世贸组织（[WTO]）改革与[ＷＴＯ]争端解决机制');
    expect(shown(excerptOf(reportWith(null, '真正的多边主义'), ['多邊主義']))).toBe('真正的[多边主义]');
  });

  it('join occurrences that overlap into one mark', () => {
    expect(shown(excerptOf(reportWith(null, '甲的的的乙'), ['的的']))).toBe('甲[的的的]乙');
  });

  it('show an occurrence whole when the cut falls inside it', () => {
    const text = `${'甲'.repeat(30)}多边主义${'乙'.repeat(8)}多边主义${'丙'.repeat(30)}`;
    const excerpt = excerptOf(reportWith(null, text), ['多边主义'], { before: 4, after: 10 });
    expect(shown(excerpt)).toBe(`…甲甲甲甲[多边主义]${'乙'.repeat(8)}[多边主义]…`);
  });

  it('do not repeat the heading printed above them', () => {
    const report = reportWith('一、多边主义遭遇挑战', '近年来，多边主义陷入危机。');
    expect(shown(excerptOf(report, ['多边主义']))).toBe('近年来，[多边主义]陷入危机。');
  });

  it('show the opening of the text when the term is only in the heading, which is marked instead', () => {
    const report = reportWith('一、多边主义遭遇挑战', '近年来，国际形势深刻变化。');
    expect(shown(excerptOf(report, ['多边主义']))).toBe('近年来，国际形势深刻变化。');
    expect(shown(markedHeading('一、多边主义遭遇挑战', words('多边主义'), folder))).toBe('一、[多边主义]遭遇挑战');
    expect(shown(markedHeading('（一）核心价值理念', words('多边主义'), folder))).toBe('（一）核心价值理念');
  });

  it('collapse white space and cut at the edges with an ellipsis', () => {
    const text = `${'甲'.repeat(20)}\n\n多边  主义${'乙'.repeat(20)}`;
    expect(shown(excerptOf(reportWith(null, text), ['多边主义'], { before: 3, after: 3 }))).toBe('…甲 [多边 主义]乙乙乙…');
  });

  it('never cut a character written as a surrogate pair in two', () => {
    const text = `${'𠀀'.repeat(40)}多边主义${'𠀀'.repeat(40)}`;
    const excerpt = excerptOf(reportWith(null, text), ['多边主义'], { before: 5, after: 5 });
    expect(excerpt.filter((run) => run.marked).map((run) => run.text)).toEqual(['多边主义']);
    expect(excerpt.map((run) => run.text).join('').isWellFormed()).toBe(true);
  });
});

describe('result links', () => {
  it('open the report, at the top or at the section, with the query to highlight', () => {
    const report = reportWith('一、多边主义遭遇挑战', '正文');
    expect(reportLink(report, ' 多边主义 ')).toBe(`/reports/r/?highlight=${encodeURIComponent('多边主义')}`);
    expect(sectionLink(report, 0, '多边主义')).toBe(`/reports/r/?highlight=${encodeURIComponent('多边主义')}#h`);
  });
});
