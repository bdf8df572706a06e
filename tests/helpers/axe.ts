/**
 * The accessibility gate's engine: axe-core, injected into a page opened in
 * Debian's Chromium (playwright-core), run over the whole document as it is
 * at that moment: a dialog or preview opened before the call is checked too.
 *
 * axe runs its default rule set: WCAG 2.0–2.2 A and AA (colour contrast
 * included) and its best practices; only rules axe itself marks experimental
 * are left out. No rule is turned off here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  /** The rule, e.g. `color-contrast`, `image-alt`. */
  rule: string;
  impact: ImpactValue | undefined;
  help: string;
  /** Each offending element: its CSS selector and what axe says is wrong with it. */
  nodes: { target: string; summary: string }[];
}

/** Runs axe over the page as it is now; resolves to the violations (none when the page passes). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } };
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? undefined,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary ?? '' })),
  }));
}

/** Violations as readable lines: rule, impact, help, then each element and what to fix. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.rule} (${v.impact ?? 'no impact given'}): ${v.help}\n` +
        v.nodes.map((node) => `    ${node.target}\n      ${node.summary.replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}
