/**
 * The rendered report says exactly what the source says: every sentence,
 * heading and footnote, in order, and nothing else. Compared with the source
 * text (content/sources/) as read by tests/helpers/pdf-source.ts.
 */
import { describe, expect, it } from 'vitest';
import { builtPage, mustSelect, readerText, selectAll, without } from '../helpers/built-site.ts';
import { readSourcedReports } from '../helpers/front-matter.ts';
import { collapse, squash } from '../helpers/pdf-source.ts';
import { firstSentenceDifference } from '../helpers/sentences.ts';

describe.each(readSourcedReports())('$slug reproduces its source', (report) => {
  const { source } = report;
  const page = builtPage(`/reports/${report.slug}/`);
  const article = mustSelect('article.report', page);
  const bodyRoot = mustSelect('.report-body', article);
  const notesSection = selectAll('section.footnotes', bodyRoot)[0];
  // The body is the report text without the note list at its end.
  const bodyText = readerText(notesSection ? without(bodyRoot, notesSection) : bodyRoot);

  it('has every sentence of the body, in order, and no other', () => {
    const expected = squash(source.body.map((l) => l.text).join(''));
    const actual = squash(bodyText);
    expect(firstSentenceDifference(expected, actual)).toBeUndefined();
    expect(actual).toBe(expected);
  });

  it('keeps each source line intact, spaces inside a line included', () => {
    const rendered = collapse(bodyText.replace(/\n+/g, '\u0000'));
    let from = 0;
    for (const line of source.body) {
      const at = rendered.indexOf(collapse(line.text), from);
      expect(at, `line ${line.lineNumber} "${line.text}" not found after offset ${from}`).toBeGreaterThanOrEqual(0);
      from = at + collapse(line.text).length;
    }
  });

  it('has every note with its text and its reference where the source puts it', () => {
    const items = notesSection ? selectAll('li', notesSection) : [];
    expect(items).toHaveLength(source.notes.length);
    source.notes.forEach((note, i) => {
      const item = items[i]!;
      expect(item.properties['id']).toBe(`fn-${note.number}`);
      const rendered = collapse(readerText(item));
      expect(squash(rendered), `note ${note.number}`).toBe(squash(note.lines.map((l) => l.text).join('')));
      // Words split over two lines of the PDF are still two words on the page.
      note.lines.forEach((line, j) => {
        expect(rendered, `note ${note.number}, line ${line.lineNumber}`).toContain(collapse(line.text));
        const next = note.lines[j + 1];
        if (line.trailingSpace && next && /[\p{Script=Latin}\d.,:;)”’?]$/u.test(line.text) && /^[\p{Script=Latin}\d(“‘]/u.test(next.text)) {
          const lastWord = line.text.split(/\s+/).at(-1)!;
          const firstWord = next.text.split(/\s+/)[0]!;
          expect(rendered, `space between "${lastWord}" and "${firstWord}" (note ${note.number})`).toContain(`${lastWord} ${firstWord}`);
        }
      });
    });
  });

  it('shows every line of the front and back matter outside the body', () => {
    const outsideBody = squash(readerText(without(article, bodyRoot)));
    for (const line of source.matter) {
      expect(outsideBody, `line ${line.lineNumber} "${line.text}"`).toContain(squash(line.text));
    }
  });
});
