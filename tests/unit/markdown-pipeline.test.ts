/**
 * The report Markdown pipeline, run through the real processor
 * (@astrojs/markdown-remark with the plugins of src/markdown/pipeline.ts).
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { urlPieces } from '../../src/lib/url-breaks.ts';
import { reportMarkdownProcessor } from '../../src/markdown/pipeline.ts';
import { compileReport, MDX_FILE } from '../helpers/mdx.ts';

const processor = await createMarkdownProcessor({
  ...reportMarkdownProcessor.options,
  syntaxHighlight: false,
});
const render = async (markdown: string) => (await processor.render(markdown, { fileURL: new URL('file:///reports/test.md') })).code;

describe('report markdown pipeline', () => {
  it('gives headings readable Chinese ids, a labelled link and a labelled cite button beside them', async () => {
    const html = await render('## 一、多边主义遭遇挑战\n\n### （一）西方国家背离多边主义精神\n');
    expect(html).toContain('<h2 id="一多边主义遭遇挑战">一、多边主义遭遇挑战</h2>');
    expect(html).toContain('<h3 id="一西方国家背离多边主义精神">');
    expect(html).toMatch(
      /<div class="heading"><h2 id="一多边主义遭遇挑战">一、多边主义遭遇挑战<\/h2><a class="heading-link" href="#一多边主义遭遇挑战" aria-label="本节链接：一、多边主义遭遇挑战" data-pagefind-ignore(="")?>#<\/a><button type="button" class="heading-cite" aria-label="引用本节：一、多边主义遭遇挑战"><\/button><\/div>/,
    );
  });

  it('sets a heading’s leading "No. 1" apart, from the text alone, keeping the id and the text', async () => {
    const html = await render('## No. 1 2021 年全球治理的特点\n\n正文提到 No. 2 不变。\n');
    expect(html).toContain('<h2 id="no-1-2021-年全球治理的特点"><span class="section-number">No. 1</span> 2021 年全球治理的特点</h2>');
    expect(html).toContain('<p>正文提到 No. 2 不变。</p>');
  });

  it('numbers footnotes in reading order with Chinese labels and short ids', async () => {
    const html = await render('甲。[^b]乙。[^a]\n\n[^a]: 注释甲。\n[^b]: 注释乙。\n');
    expect(html).toMatch(/<a href="#fn-b" id="fnref-b" data-footnote-ref(="")? aria-describedby="footnote-label">1<\/a>/);
    expect(html).toContain('<h2 class="footnotes-heading" id="footnote-label">注释</h2>');
    expect(html).toMatch(/<li id="fn-b">\s*<p>注释乙。 <a href="#fnref-b" data-footnote-backref(="")? aria-label="返回正文"/);
    expect(html).not.toContain('class="data-footnote-backref"');
    expect(html).not.toMatch(/Footnotes|Back to reference|user-content-/);
  });

  it('labels the back-links of a note cited twice by the citation each returns to', async () => {
    const html = await render('甲。[^a]乙。[^a]\n\n[^a]: 注释甲。\n');
    const labels = selectAll('a[data-footnote-backref]', fromHtml(html, { fragment: true })).map((a) => a.properties['ariaLabel']);
    expect(labels).toEqual(['返回正文', '返回正文（第 2 处引用）']);
  });

  it('keeps a date written with hyphens on one line, and changes no text', async () => {
    const html = await render('发表于 2021-12-01，见[https://example.org/2021-12-01](https://example.org/2021-12-01)。\n');
    expect(html).toContain('发表于 <span class="nowrap">2021-12-01</span>，');
    expect(toString(fromHtml(html, { fragment: true }))).toBe('发表于 2021-12-01，见https://example.org/2021-12-01。');
  });

  it('tucks a note reference into the blank half of the punctuation before it, and only there', async () => {
    const html = await render('合作的实践”。[^1]也有研究，[^2]指出多边[^3]主义。\n\n[^1]: 甲。\n[^2]: 乙。\n[^3]: 丙。\n');
    expect(html).toMatch(/实践”。<sup class="tuck"><a href="#fn-1"/);
    expect(html).toMatch(/研究，<sup class="tuck"><a href="#fn-2"/);
    expect(html).toMatch(/多边<sup><a href="#fn-3"/);
  });

  it('keeps the last two characters of a paragraph with a note reference that ends it, and changes no text', async () => {
    const markdown = '不能只开药方，不见疗效”。[^1]\n\n又一段。[^2][^3]\n\n[^1]: 甲。\n[^2]: 乙。\n[^3]: 丙。\n';
    const html = await render(markdown);
    expect(html).toMatch(/不能只开药方，不见<span class="nowrap">疗效”。<sup class="tuck"><a href="#fn-1"[^]*?<\/sup><\/span><\/p>/);
    expect(html).toMatch(/<p>又<span class="nowrap">一段。<sup class="tuck">[^]*?<\/sup><sup>[^]*?<\/sup><\/span><\/p>/);
    const paragraphs = selectAll('p', fromHtml(html, { fragment: true })).map((p) => toString(p));
    expect(paragraphs.slice(0, 2)).toEqual(['不能只开药方，不见疗效”。1', '又一段。23']);
  });

  it('keeps the separator in a foreign name with the character before it, so it never begins a line', async () => {
    const html = await render('约翰•鲁杰与詹姆斯·卡帕拉索，A·B 与`甲·乙`。\n');
    expect(html).toBe('<p>约<span class="nowrap">翰•</span>鲁杰与詹姆<span class="nowrap">斯·</span>卡帕拉索，A·B 与<code>甲·乙</code>。</p>');
  });

  it('lets a line break where a Chinese quote meets Latin text, as clreq allows and browsers do not', async () => {
    const html = await render('提出了“重建更美好世界”(B3W)倡议，G7“规锁”中国，“多边”与“主义”，`世界”(B3W)`。\n');
    expect(html).toBe('<p>提出了“重建更美好世界”<wbr>(B3W)倡议，G7<wbr>“规锁”中国，“多边”与“主义”，<code>世界”(B3W)</code>。</p>');
  });

  it('marks where a long heading may break between words, without touching its text or id', async () => {
    const html = await render('## 全球治理与国际组织：进展与趋势\n');
    expect(html).toContain('<h2 id="全球治理与国际组织进展与趋势">全球<wbr>治理与国际<wbr>组织：进展与趋势</h2>');
    expect(html).toContain('aria-label="本节链接：全球治理与国际组织：进展与趋势"');
  });

  it('leaves quotes, dashes, dots and tildes exactly as written', async () => {
    const text = '"引号" \'单引\' -- --- ... 2020 ~ 2021 ~x~';
    const html = await render(text);
    expect(toString(fromHtml(html, { fragment: true }))).toBe(text);
    expect(html).not.toMatch(/<del>/);
  });

  it('keeps trailing 。 out of an explicit link and underscores intact', async () => {
    const url = 'https://www.mfa.gov.cn/web/zyxw/202308/t20230823_11130476.shtml';
    const html = await render(`见[${url}](${url})。`);
    const link = fromHtml(html, { fragment: true });
    expect(toString(link)).toBe(`见${url}。`);
    expect(html).toMatch(new RegExp(`^<p>见<a href="${url.replaceAll('.', '\\.')}"( data-url-text(="")?)?>.*</a>。</p>$`));
  });

  // Errors through the MDX renderer, as reports are compiled (the Markdown
  // renderer would also print each error on stderr).
  it('fails naming the file, the line and the problem for a reference without a note', async () => {
    expect((await compileReport('正文。[^1][^2]\n\n[^1]: 注。\n')).error).toMatch(new RegExp(`^${MDX_FILE}:1:\\d+ footnote reference \\[\\^2\\] has no note`));
  });

  it('fails for a note nothing references', async () => {
    expect((await compileReport('正文。[^1]\n\n[^1]: 注。\n[^2]: 孤立的注。\n')).error).toMatch(new RegExp(`^${MDX_FILE}:4:1 .*\\[\\^2\\] is never referenced`));
  });

  it('fails for a link to a section that does not exist, and accepts one that does', async () => {
    expect((await compileReport('## 一、引言\n\n见[结论](#二结论)。\n')).error).toMatch(new RegExp(`^${MDX_FILE}:3:2 link to "#二结论" points at no section`));
    await expect(render('## 一、引言\n\n见[引言](#一引言)与[注](#fn-1)。[^1]\n\n[^1]: 注。\n')).resolves.toContain('href="#一引言"');
  });
});

describe('links that show their own address', () => {
  it('are marked so print does not repeat the address; other links are not', async () => {
    const html = await render('[https://a.example/x](https://a.example/x) 与 [某网站](https://b.example/)');
    expect(html).toMatch(/<a href="https:\/\/a\.example\/x" data-url-text(="")?>/);
    expect(html).toContain('<a href="https://b.example/">某网站</a>');
  });

  it('may break at the places url-breaks chooses, marked by <wbr>, which leaves the address itself as its text', async () => {
    const url = 'https://world.people.com.cn/n1/2023/0922/c1002-40082756.html';
    const html = await render(`[${url}](${url})`);
    const pieces = html.replace(/^<p><a [^>]*>|<\/a><\/p>$/g, '').split('<wbr>');
    expect(pieces).toEqual(urlPieces(url));
    expect(pieces.length).toBeGreaterThan(1);
  });
});
