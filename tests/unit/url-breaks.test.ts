import { describe, expect, it } from 'vitest';
import { urlPieces } from '../../src/lib/url-breaks.ts';

/** Every place the URL may break: pieces joined up to one character, i.e. never. */
const everyPlace = (url: string) => urlPieces(url, 1);

describe('urlPieces', () => {
  it('may break after a slash (not inside //) and before a dot, underscore, hyphen or query mark', () => {
    expect(everyPlace('https://a.example/some_path/x-y?q=1&r=2#top')).toEqual([
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
    expect(everyPlace('https://www.mfa.gov.cn/web/zyxw/202308/t20230823_11130476.shtml')).toEqual([
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
    expect(everyPlace('http://www.xinhuanet.com/world/2018-02/27/c_129818131.htm/')).toContain('2018-02/27/');
    expect(everyPlace('https://example.org/v1.5/docs')).toEqual(['https://', 'example', '.org/', 'v1.5/', 'docs']);
  });

  it('joins the pieces up to the longest a line must hold: a short address stays whole', () => {
    expect(urlPieces('https://www.bbc.com/news/business-5073634')).toEqual(['https://www.bbc.com/', 'news/business-5073634']);
    expect(urlPieces('https://a.example/x')).toEqual(['https://a.example/x']);
    const long = 'https://www.eeas.europa.eu/sites/default/files/en_strategy_on_strengthening_the_eus_contribution.pdf';
    for (const piece of urlPieces(long, 24)) expect(piece.length).toBeLessThanOrEqual(24);
  });

  it('keeps every character, in order', () => {
    for (const url of ['https://a.b/', 'http://x.org/a//b..c', 'https://un.org/en/content/common-agenda-report/']) {
      expect(urlPieces(url).join('')).toBe(url);
      expect(everyPlace(url).join('')).toBe(url);
    }
  });
});
