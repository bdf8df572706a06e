/**
 * The page-weight budget `npm run bench:pages` judges each report page by
 * (scripts/bench/budget.ts, issue 10's decision): within 1.5 × its gzipped
 * text or within 10 KB beyond it, JavaScript at load within 15 KB, no shift.
 */
import { describe, expect, it } from 'vitest';
import { judgePage } from '../../scripts/bench/budget.ts';

const KB = 1024;

describe('judgePage', () => {
  it('passes a long report within 1.5 × its text, however many bytes that is beyond it', () => {
    const verdict = judgePage({ total: 45 * KB, text: 30 * KB, jsAtLoad: 2 * KB, cls: 0 });
    expect(verdict).toMatchObject({ ratio: 1.5, beyondText: 15 * KB, weight: true, ok: true });
  });

  it('passes a short report over 1.5 × its text when it carries at most 10 KB beyond it', () => {
    expect(judgePage({ total: 18 * KB, text: 8 * KB, jsAtLoad: 2 * KB, cls: 0 })).toMatchObject({ weight: true, ok: true });
    expect(judgePage({ total: 18 * KB + 1, text: 8 * KB, jsAtLoad: 2 * KB, cls: 0 })).toMatchObject({ weight: false, ok: false });
  });

  it('fails a page for JavaScript at load over 15 KB or any layout shift, whatever it weighs', () => {
    expect(judgePage({ total: 20 * KB, text: 20 * KB, jsAtLoad: 15 * KB, cls: 0 })).toMatchObject({ js: true, ok: true });
    expect(judgePage({ total: 20 * KB, text: 20 * KB, jsAtLoad: 15 * KB + 1, cls: 0 })).toMatchObject({ js: false, ok: false });
    expect(judgePage({ total: 20 * KB, text: 20 * KB, jsAtLoad: 0, cls: 0.001 })).toMatchObject({ cls: false, weight: true, ok: false });
  });
});
