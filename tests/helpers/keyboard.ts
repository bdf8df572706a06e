/**
 * A reader with only a keyboard: presses keys in a page and, wherever a key
 * press puts focus on something that can be operated, checks that the reader
 * can see where focus is (WCAG 2.4.7, and the size and contrast of 2.4.13):
 * - a focus indicator: an outline (or a box-shadow ring) at least 2 CSS px
 *   thick, in a colour with at least 3:1 contrast against what is behind it;
 * - on screen, and not hidden under anything (the sticky header) (2.4.11).
 * Landing on a plain container (the page body, <main> after the skip link, a
 * heading after a jump) moves the reading position only: nothing is operable
 * there, so it carries no ring; the next Tab continues from it.
 */
import type { Page } from 'playwright-core';

/** The focused element as a reader sees it. */
export interface FocusState {
  /** e.g. `a#fnref-3 "3"`, for messages. */
  description: string;
  /** Whether the focused element can be operated (link, button, summary, form field…) rather than a container. */
  operable: boolean;
  /** Thickness of the outline or box-shadow ring, in CSS px (0: none). */
  ringWidth: number;
  /** Contrast of the ring's colour against the background behind it. */
  ringContrast: number;
  /** The element's first box lies inside the viewport. */
  onScreen: boolean;
  /** The element is what sits at its own centre, nothing above it. */
  unobscured: boolean;
}

export const MIN_RING_WIDTH = 2;
export const MIN_RING_CONTRAST = 3;

/** Reads the focused element's focus indicator and placement. Runs in the page. */
function readFocus(): FocusState {
  const el = document.activeElement ?? document.body;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const description = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : ''} "${text.slice(0, 30)}"`;
  const operable = el.matches('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]');

  const rgba = (css: string): [number, number, number, number] => {
    const parts = (css.match(/[\d.]+/g) ?? []).map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const luminance = ([r, g, b]: number[]) => {
    const channel = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
  };
  const contrast = (a: number[], b: number[]) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };
  /** The first opaque-enough background behind the element (its parent's, up to the page's). */
  const backgroundBehind = (node: Element): number[] => {
    for (let n: Element | null = node.parentElement; n; n = n.parentElement) {
      const bg = rgba(getComputedStyle(n).backgroundColor);
      if (bg[3] > 0.5) return bg;
    }
    return [255, 255, 255, 1];
  };

  const style = getComputedStyle(el);
  const behind = backgroundBehind(el);
  let ringWidth = 0;
  let ringContrast = 0;
  const outline = rgba(style.outlineColor);
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && outline[3] > 0) {
    ringWidth = parseFloat(style.outlineWidth);
    ringContrast = contrast(outline, behind);
  } else if (style.boxShadow !== 'none') {
    // e.g. "rgb(11, 87, 208) 0px 0px 0px 3px": the spread (or blur) is the ring.
    const color = rgba(style.boxShadow.match(/rgba?\([^)]*\)/)?.[0] ?? '');
    const lengths = (style.boxShadow.replace(/rgba?\([^)]*\)/, '').match(/-?[\d.]+px/g) ?? []).map(parseFloat);
    ringWidth = Math.max(lengths[3] ?? 0, (lengths[2] ?? 0) / 2);
    ringContrast = color[3] > 0 ? contrast(color, behind) : 0;
  }

  const box = el.getClientRects()[0] ?? el.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= document.documentElement.clientWidth;
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  // An ancestor at that point is fine (an element with pointer-events: none is skipped by hit testing);
  // anything else there, such as the sticky header, covers it.
  const unobscured = hit !== null && (hit === el || el.contains(hit) || hit.contains(el));
  return { description, operable, ringWidth, ringContrast, onScreen, unobscured };
}

export class KeyboardReader {
  /** Every place focus went, for messages: `Tab → a#x "…"`. */
  readonly path: string[] = [];

  constructor(readonly page: Page) {}

  /** Where focus is now. */
  focus(): Promise<FocusState> {
    return this.page.evaluate(readFocus);
  }

  /**
   * Presses a key; when focus then sits on something operable, it must be
   * visibly focused (throws, naming the path so far, if not).
   */
  async press(key: string): Promise<FocusState> {
    await this.page.keyboard.press(key);
    const state = await this.focus();
    this.path.push(`${key} → ${state.description}`);
    if (state.operable) this.assertVisibleFocus(state);
    return state;
  }

  /** Presses Tab until the focused element matches `selector` (at most `max` times), checking focus at every stop. */
  async tabUntil(selector: string, max = 120): Promise<FocusState> {
    for (let i = 0; i < max; i += 1) {
      const state = await this.press('Tab');
      if (await this.page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return state;
    }
    throw new Error(`${max} presses of Tab never reached ${selector}. Path:\n${this.trail()}`);
  }

  /** Whether the focused element matches `selector`. */
  focusIsOn(selector: string): Promise<boolean> {
    return this.page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
  }

  assertVisibleFocus(state: FocusState): void {
    const problems = [
      state.ringWidth < MIN_RING_WIDTH && `focus ring ${state.ringWidth}px thick (at least ${MIN_RING_WIDTH}px)`,
      state.ringWidth > 0 && state.ringContrast < MIN_RING_CONTRAST &&
        `focus ring contrast ${state.ringContrast.toFixed(2)}:1 (at least ${MIN_RING_CONTRAST}:1)`,
      !state.onScreen && 'not on screen',
      state.onScreen && !state.unobscured && 'hidden under another element',
    ].filter((problem): problem is string => typeof problem === 'string');
    if (problems.length > 0) throw new Error(`focus on ${state.description} is not visible: ${problems.join('; ')}. Path:\n${this.trail()}`);
  }

  private trail(): string {
    return this.path.slice(-12).map((step) => `  ${step}`).join('\n');
  }
}
