/** The site's name, in <title>, link previews and the feed. */
export const SITE_NAME = '研究报告';

/** What the site is, for the home page, link previews and the feed. */
export const SITE_DESCRIPTION = '国际问题研究报告与论文，全文在线阅读。';
