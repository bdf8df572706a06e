import { describe, expect, it } from 'vitest';
import { urlPieces } from '../../src/lib/url-breaks.ts';

describe('urlPieces', () => {
  it('breaks after a slash (not inside //) and before a dot, underscore, hyphen or query mark', () => {
    expect(urlPieces('https://a.example/some_path/x-y?q=1&r=2#top')).toEqual([
      'https://',
      'a',
      '.example/',
      'some',
      '_path/',
      'x',
      '-y',
      '?q',
      '=1',
      '&r',
      '=2',
      '#top',
    ]);
  });

  it('never breaks a number: not in a run of digits, not in 1.5, not between numbers read as one (2018-02/27)', () => {
    expect(urlPieces('https://www.mfa.gov.cn/web/zyxw/202308/t20230823_11130476.shtml')).toEqual([
      'https://',
      'www',
      '.mfa',
      '.gov',
      '.cn/',
      'web/',
      'zyxw/',
      '202308/',
      't20230823',
      '_11130476',
      '.shtml',
    ]);
    expect(urlPieces('http://www.xinhuanet.com/world/2018-02/27/c_129818131.htm/')).toContain('2018-02/27/');
    expect(urlPieces('https://example.org/v1.5/docs')).toEqual(['https://', 'example', '.org/', 'v1.5/', 'docs']);
  });

  it('keeps every character, in order', () => {
    for (const url of ['https://a.b/', 'http://x.org/a//b..c', 'https://un.org/en/content/common-agenda-report/']) {
      expect(urlPieces(url).join('')).toBe(url);
    }
  });
});
