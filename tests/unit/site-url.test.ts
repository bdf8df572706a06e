import { describe, expect, it } from 'vitest';
import { absoluteUrl, citationPath, localIsoDate, reportPath, withBase } from '../../src/lib/site-url.ts';

describe('addresses under a base path', () => {
  it('joins base and path with one slash, with or without the base\'s trailing slash', () => {
    expect(withBase('/', 'favicon.svg')).toBe('/favicon.svg');
    expect(withBase('/some/path/', 'favicon.svg')).toBe('/some/path/favicon.svg');
    expect(withBase('/some/path', '/rss.xml')).toBe('/some/path/rss.xml');
    expect(withBase('/some/path', '')).toBe('/some/path/');
    expect(withBase('/', '')).toBe('/');
  });
  it('builds report and citation-file paths and absolute URLs', () => {
    expect(reportPath('/docs/', 'a')).toBe('/docs/reports/a/');
    expect(citationPath('/docs', 'a', 'ris')).toBe('/docs/reports/a/citation.ris');
    expect(absoluteUrl('https://example.net', '/docs/reports/a/')).toBe('https://example.net/docs/reports/a/');
  });
  it('dates a day in local time as YYYY-MM-DD', () => {
    expect(localIsoDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
  });
});
