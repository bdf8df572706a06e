/**
 * A report is content, not code: every kind of code MDX allows is refused
 * with the file, line and column and how to write the text instead; literal
 * braces and angle brackets written as the README says are text. Run through
 * the real MDX processor of the build (src/markdown/pipeline.ts); the build
 * tests show a refusal stops a real build (tests/build/broken-content.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { compileReport as compile, MDX_FILE as FILE } from '../helpers/mdx.ts';

/** Expects `mdx` refused at `line:column`, the message saying what and how to write it instead. */
async function expectRefused(mdx: string, at: string, what: RegExp) {
  const { error } = await compile(mdx);
  expect(error, `${JSON.stringify(mdx)} was accepted`).toBeDefined();
  const line = error!.split('\n').find((l) => l.startsWith(`${FILE}:${at} `));
  expect(line, error).toBeDefined();
  expect(line).toMatch(what);
  expect(line).toMatch(/ — .*instead/);
}

describe('code in a report is refused, naming file, line and column and how to write the text instead', () => {
  it.each([
    ['<script>', '正文。\n\n<script>alert(1)</script>\n', '3:1', /<script> is not markup for text.*"\\<script>"/],
    ['<script> inside a sentence', '正文<script>alert(1)</script>继续。\n', '1:3', /<script>/],
    ['<style>', '<style>{`body{display:none}`}</style>\n', '1:1', /<style>/],
    ['<iframe>', '见<iframe src="https://example.org/"></iframe>。\n', '1:2', /<iframe>/],
    ['<object>', '<object data="x.swf"></object>\n', '1:1', /<object>/],
    ['<embed>', '<embed src="x.swf" />\n', '1:1', /<embed>/],
    ['an on…= attribute', '正文<span onclick="alert(1)">点我</span>。\n', '1:9', /onclick= on <span> is an event handler.*remove it/],
    ['an on…= attribute in any case', '<img src="x.png" alt="" onError="alert(1)" />\n', '1:25', /onError=/],
    ['a javascript: link', '见[此处](javascript:alert(1))。\n', '1:2', /"javascript:alert\(1\)" runs code/],
    ['a javascript: link in a definition', '见[此处][a]。\n\n[a]: JavaScript:alert(1)\n', '3:1', /runs code/],
    ['a javascript: address in an attribute', '<a href=" java\tscript:alert(1)">链接</a>\n', '1:4', /href=.* on <a> runs code/],
    ['import', 'import Chart from "../chart.js"\n\n正文。\n', '1:1', /is JavaScript \(import\).*"&#105;mport …"/],
    ['export', 'export const title = "x"\n\n正文。\n', '1:1', /JavaScript \(export\)/],
    ['an expression in text', '正文{1 + 1}。\n', '1:3', /\{1 \+ 1\} is a JavaScript expression.*"\\\{1 \+ 1\}"/],
    ['an expression in a heading', '## 一、引言{x}\n', '1:8', /\{x\} is a JavaScript expression/],
    ['an expression on its own line', '{new Date().getFullYear()}\n', '1:1', /JavaScript expression/],
    ['an expression as an attribute value', '<span title={x}>甲</span>\n', '1:7', /title=\{x\} on <span> is a JavaScript expression/],
    ['an attribute spread', '<span {...props}>甲</span>\n', '1:7', /\{\.\.\.props\} on <span>/],
    ['a component', '正文。\n\n<Chart data="x" />\n', '3:1', /<Chart> is a component.*"\\<Chart>"/],
    ['a component by member name', '<ui.Chart />\n', '1:1', /<ui\.Chart> is a component/],
    ['a fragment', '<>甲</>\n', '1:1', /JSX fragment/],
  ])('%s', async (_, mdx, at, what) => {
    await expectRefused(mdx, at, what);
  });

  it('lists every occurrence in the file, each on its own line, in order', async () => {
    const { error } = await compile('甲{a}乙\n\n<script>x</script>\n\n丙<Chart />\n');
    const located = error!.split('\n').filter((line) => line.startsWith(`${FILE}:`));
    expect(located.map((line) => line.split(' ')[0])).toEqual([`${FILE}:1:2`, `${FILE}:3:1`, `${FILE}:5:2`]);
  });

  it('names file and line for MDX that does not parse, too', async () => {
    const { error } = await compile('正文 a<b 第一段。\n');
    expect(error).toMatch(new RegExp(`^${FILE}:1:\\d+ Unexpected character`));
    const unclosed = await compile('正文\n\n第一段 <span>没有闭合。\n');
    expect(unclosed.error).toMatch(new RegExp(`^${FILE}:3:\\d+ Expected a closing tag for \`<span>\``));
  });
});

describe('text that only looks like code is published as written', () => {
  it.each([
    ['braces written \\{', '形如\\{介质, 日期}的三元组', '形如{介质, 日期}的三元组'],
    ['angle brackets written \\<', '当 n\\<3 时，见 \\<script> 与 \\<Chart>', '当 n<3 时，见 <script> 与 <Chart>'],
    ['angle brackets written &lt;', 'a &lt;b&gt; c', 'a <b> c'],
    ['a lone closing brace and a spaced <', '甲 } 乙 a < b', '甲 } 乙 a < b'],
    ['import in the middle of a line', '他说 import 与 export 都很重要', '他说 import 与 export 都很重要'],
    ['import at the start of a line, its first letter written &#105;', '&#105;mport 是进口', 'import 是进口'],
  ])('%s', async (_, mdx, text) => {
    const { code, error } = await compile(`${mdx}\n`);
    expect(error).toBeUndefined();
    expect(code).toContain(JSON.stringify(text));
  });

  it('keeps harmless markup for text: a span with a class, sup, a link to a web address', async () => {
    const { code, error } = await compile(
      '## <span class="section-number">No. 1</span> 标题\n\n甲<sup>2</sup>，见<a href="https://example.org/">网站</a>。\n',
    );
    expect(error).toBeUndefined();
    expect(code).toContain('"section-number"');
    expect(code).toContain('"https://example.org/"');
  });
});
