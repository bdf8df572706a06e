import { describe, expect, it } from 'vitest';
import { headingIds, sectionLinkLabel } from '../../src/lib/heading-ids.ts';

describe('headingIds', () => {
  it('slugs as rehype-slug does for the body: Chinese kept, punctuation and spaces as GitHub treats them', () => {
    expect(headingIds(['全球治理研究团队', '研究助理团队', 'RCEP 和 CPTPP：成长'], [])).toEqual([
      '全球治理研究团队',
      '研究助理团队',
      'rcep-和-cptpp成长',
    ]);
  });

  it('never takes an id the body already uses: the body keeps its links, the later heading gets the next suffix', () => {
    expect(headingIds(['研究团队', '研究团队'], ['研究团队', '研究团队-1'])).toEqual(['研究团队-2', '研究团队-3']);
  });

  it('gives repeated texts distinct ids', () => {
    expect(headingIds(['团队', '团队'], [])).toEqual(['团队', '团队-1']);
  });
});

describe('sectionLinkLabel', () => {
  it('names the heading the link goes to', () => {
    expect(sectionLinkLabel(' 研究助理团队 ')).toBe('本节链接：研究助理团队');
  });
});
