/**
 * Typesetting figures of a report page as Chromium lays it out, the ones
 * issue 10 measured against W3C clreq: quotes drawn from a Latin face
 * (narrow), justified lines stretched far beyond their natural width (air
 * between characters), footnote references that begin a line, parted from
 * the character they follow, one-character last lines, lines that begin
 * with closing or end with opening punctuation, and the abstract's measure.
 *
 * Two halves. `placeCharacters` runs in the page and only reads where each
 * character was drawn (a Range per character), twice: as the site sets it,
 * and again with justification off (`text-justify: none`), which moves
 * characters along their lines but leaves every line break where it was, so
 * it gives each line's natural width. The rest is pure and unit-tested
 * (tests/unit/bench-typesetting.test.ts): lines from character boxes, and
 * figures from lines. Shared by `npm run bench:pages` and the browser test
 * tests/e2e/typesetting.test.ts.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/** The two screens issue 10 measured on: a phone (390 × 844, touch) and a desktop (1440 × 900). */
export const readingScreens = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1440, height: 900 } },
} as const satisfies Record<string, BrowserContextOptions>;

export type ReadingScreen = keyof typeof readingScreens;

/** Where a block of text sits on the page; each figure reads some of them. */
export type BlockRole = 'body' | 'abstract' | 'note' | 'heading' | 'header' | 'other';

/** One character as drawn: its box in CSS pixels, its font size, and the footnote reference it is part of (-1: none). */
export interface PlacedChar {
  char: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  fontSize: number;
  ref: number;
}

/** A block of text (paragraph, heading, note…): its characters in reading order, white space left out. */
export interface PlacedBlock {
  role: BlockRole;
  justified: boolean;
  chars: PlacedChar[];
  /** The same characters' horizontal extent with justification off. */
  natural: { left: number; right: number }[];
}

/** Elements that hold running text. The innermost one a character is in is its block. */
const BLOCKS = 'h1, h2, h3, h4, p, li, dt, dd, td, th, figcaption, blockquote';

/**
 * Runs in the page: every drawn, non-blank character of the report's text,
 * as set and with justification off. Only the report's own text: nothing
 * kept out of search (the contents, the "#" links), nothing hidden.
 * Self-contained, as Playwright sends its source to the page; answers JSON
 * text, which crosses over far faster than 20,000 objects.
 */
function placeCharactersInPage(blockSelector: string): string {
  const article = document.querySelector('article');
  if (!article) throw new Error('no <article> on the page');

  const roleOf = (block: Element): BlockRole => {
    if (block.closest('.footnotes')) return 'note';
    if (/^H[1-4]$/.test(block.tagName)) return 'heading';
    if (block.closest('.report-abstract')) return 'abstract';
    if (block.closest('.report-header, .report-notes')) return 'header';
    if (block.tagName === 'P' && block.closest('.report-body')) return 'body';
    return 'other';
  };

  type Entry = { node: Text; offset: number; char: string; fontSize: number; ref: number };
  const refs = [...article.querySelectorAll('[data-footnote-ref]')];
  const blocks = new Map<Element, { role: BlockRole; justified: boolean; entries: Entry[] }>();
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    const block = parent?.closest(blockSelector);
    if (!parent || !block || parent.closest('[data-pagefind-ignore], [hidden], script, style')) continue;
    let entry = blocks.get(block);
    if (!entry) {
      entry = { role: roleOf(block), justified: getComputedStyle(block).textAlign === 'justify', entries: [] };
      blocks.set(block, entry);
    }
    const refElement = parent.closest('[data-footnote-ref]');
    const ref = refElement ? refs.indexOf(refElement) : -1;
    const fontSize = parseFloat(getComputedStyle(parent).fontSize);
    let offset = 0;
    for (const char of node.data) {
      if (!/\s/.test(char)) entry.entries.push({ node, offset, char, fontSize, ref });
      offset += char.length;
    }
  }

  const range = document.createRange();
  const boxOf = ({ node, offset, char }: Entry) => {
    range.setStart(node, offset);
    range.setEnd(node, offset + char.length);
    return range.getBoundingClientRect();
  };
  const placed: { block: PlacedBlock; drawn: Entry[] }[] = [];
  for (const { role, justified, entries } of blocks.values()) {
    const block: PlacedBlock = { role, justified, chars: [], natural: [] };
    // Characters not drawn (in a closed <details>, say) have an empty box.
    const drawn = entries.filter((entry) => {
      const box = boxOf(entry);
      if (box.width === 0 && box.height === 0) return false;
      block.chars.push({ char: entry.char, left: box.left, right: box.right, top: box.top, bottom: box.bottom, fontSize: entry.fontSize, ref: entry.ref });
      return true;
    });
    if (drawn.length > 0) placed.push({ block, drawn });
  }

  const unjustify = document.createElement('style');
  unjustify.textContent = `article :is(${blockSelector}) { text-justify: none !important; }`;
  document.head.append(unjustify);
  for (const { block, drawn } of placed) {
    for (const entry of drawn) {
      const box = boxOf(entry);
      block.natural.push({ left: box.left, right: box.right });
    }
  }
  unjustify.remove();
  return JSON.stringify(placed.map(({ block }) => block));
}

/** Every text block of the report open in `page`, character by character, once its fonts are in. */
export async function placeCharacters(page: Page): Promise<PlacedBlock[]> {
  await page.evaluate(() => document.fonts.ready);
  return JSON.parse(await page.evaluate(placeCharactersInPage, BLOCKS)) as PlacedBlock[];
}

/** One line of a block: its characters (indexes into the block's), and its width as set and natural. */
export interface Line {
  first: number;
  /** One past its last character. */
  end: number;
  width: number;
  naturalWidth: number;
}

/**
 * A block's lines, from where its characters were drawn. Horizontal text
 * runs left to right, so a character left of the one before it, or wholly
 * below it, begins a new line; a raised reference stays on its line. The
 * two passes must agree on every break, or the natural widths would be of
 * other lines: if they do not, this throws rather than report wrong figures.
 */
export function splitLines(block: PlacedBlock): Line[] {
  const { chars, natural } = block;
  if (natural.length !== chars.length) throw new Error('the pass without justification saw other characters than the first');
  const lines: Line[] = [];
  let first = 0;
  const close = (end: number) => {
    lines.push({
      first,
      end,
      width: chars[end - 1]!.right - chars[first]!.left,
      naturalWidth: natural[end - 1]!.right - natural[first]!.left,
    });
  };
  for (let k = 1; k < chars.length; k++) {
    const previous = chars[k - 1]!;
    const char = chars[k]!;
    const below = char.top > previous.bottom + 1;
    const wraps = below || char.left < previous.left - 1;
    if (wraps !== (below || natural[k]!.left < natural[k - 1]!.left - 1)) {
      throw new Error(`lines broke elsewhere without justification, near “${previous.char}${char.char}”`);
    }
    if (wraps) {
      close(k);
      first = k;
    }
  }
  if (chars.length > 0) close(chars.length);
  return lines;
}

/** How far a set line is stretched beyond its natural width: 0.1 is 10 %. */
export const stretchOf = (line: Line) => (line.naturalWidth > 0 ? line.width / line.naturalWidth - 1 : 0);

const HAN = /\p{Script=Han}/u;
const QUOTES = new Set(['“', '”', '‘', '’']);
/**
 * What no line may begin with (W3C clreq): Chinese closing brackets and
 * quotes, 。，、：；！？… and the like; and what no line may end with: opening
 * brackets and quotes. Only the Chinese (full-width) marks: an address in a
 * note breaks by its own rules, before a dot or a slash.
 */
const NO_LINE_START = /^(?![\0-\x7F])[\p{Pe}\p{Pf}\p{Po}]$/u;
const NO_LINE_END = /^(?![\0-\x7F])[\p{Ps}\p{Pi}]$/u;
/** A character a reader counts as one of the line's: not punctuation, not part of a note reference. */
const isWordChar = (char: PlacedChar) => char.ref < 0 && !/\p{P}/u.test(char.char);

export interface TypesettingFigures {
  /** Quotes “”‘’ between two Han characters, and those narrower than 0.8 em (drawn from a Latin face). */
  quotes: number;
  narrowQuotes: number;
  /** Lines of body paragraphs; of their justified lines (last lines aside), those stretched more than 10 % and 20 %. */
  lines: number;
  stretchedOver10: number;
  stretchedOver20: number;
  /** The most a justified body line is stretched: 0.24 is 24 %. */
  worstStretch: number;
  /** Footnote references, and those that begin a line, parted from the character they follow. */
  refs: number;
  refsStartingLine: number;
  /** Body paragraphs of two lines or more whose last line holds one character or none, punctuation and references aside (…充。). */
  oneCharLastLines: number;
  /** Lines of any block that begin with closing punctuation or end with opening punctuation. */
  forbiddenLineEdges: number;
  /** The abstract's longest line, in characters of its font size (undefined: no abstract). */
  abstractMeasure: number | undefined;
}

/** The figures of one page, from its placed characters. */
export function typesettingFigures(blocks: readonly PlacedBlock[]): TypesettingFigures {
  const figures: TypesettingFigures = {
    quotes: 0,
    narrowQuotes: 0,
    lines: 0,
    stretchedOver10: 0,
    stretchedOver20: 0,
    worstStretch: 0,
    refs: 0,
    refsStartingLine: 0,
    oneCharLastLines: 0,
    forbiddenLineEdges: 0,
    abstractMeasure: undefined,
  };
  const refs = new Set<number>();
  for (const block of blocks) {
    const { chars, natural } = block;
    const lines = splitLines(block);

    chars.forEach((char, k) => {
      if (char.ref >= 0) refs.add(char.ref);
      if (!QUOTES.has(char.char) || !HAN.test(chars[k - 1]?.char ?? '') || !HAN.test(chars[k + 1]?.char ?? '')) return;
      figures.quotes++;
      // Its natural advance: justification would add air to a narrow glyph too.
      if (natural[k]!.right - natural[k]!.left < 0.8 * char.fontSize) figures.narrowQuotes++;
    });

    lines.forEach((line, k) => {
      const ref = chars[line.first]!.ref;
      if (ref >= 0 && line.first > 0 && chars[line.first - 1]!.ref !== ref) figures.refsStartingLine++;
      if ((k > 0 && NO_LINE_START.test(chars[line.first]!.char)) || (k < lines.length - 1 && NO_LINE_END.test(chars[line.end - 1]!.char))) {
        figures.forbiddenLineEdges++;
      }
    });

    if (block.role === 'body') {
      figures.lines += lines.length;
      if (block.justified) {
        for (const line of lines.slice(0, -1)) {
          const stretch = stretchOf(line);
          if (stretch > 0.1) figures.stretchedOver10++;
          if (stretch > 0.2) figures.stretchedOver20++;
          figures.worstStretch = Math.max(figures.worstStretch, stretch);
        }
      }
      const last = lines.at(-1)!;
      if (lines.length > 1 && chars.slice(last.first, last.end).filter(isWordChar).length <= 1) figures.oneCharLastLines++;
    }

    if (block.role === 'abstract') {
      const longest = Math.max(...lines.map((line) => line.width / chars[line.first]!.fontSize));
      figures.abstractMeasure = Math.max(figures.abstractMeasure ?? 0, Math.round(longest));
    }
  }
  figures.refs = refs.size;
  return figures;
}

/** Issue 10's targets for one report on one screen. */
export const typesettingTargets = {
  narrowQuotes: 0,
  /** At most this share of body lines stretched more than 10 %. */
  stretchedOver10Share: 0.01,
  stretchedOver20: 0,
  refsStartingLine: 0,
  oneCharLastLines: 0,
  forbiddenLineEdges: 0,
  /** Characters a line of the abstract, like the body's measure. */
  abstractMeasure: 40,
} as const;

/** Opens a report page of the site at `url` on one of the reading screens and measures its typesetting. */
export async function measureTypesetting(browser: Browser, url: string, screen: ReadingScreen): Promise<TypesettingFigures> {
  const context = await browser.newContext(readingScreens[screen]);
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return typesettingFigures(await placeCharacters(page));
  } finally {
    await context.close();
  }
}
