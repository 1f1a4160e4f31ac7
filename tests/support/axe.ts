import fs from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core's bundle, from the project's own node_modules. */
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical accessibility violations axe-core finds on the
 * page as it is now, as 'rule-id: target' lines (empty when there are none).
 * The bundle is evaluated through the DevTools protocol, which the page's
 * CSP does not govern, so no inline script is added to the page.
 * `wcag22` adds the one WCAG 2.2 AA rule axe leaves off by default;
 * `alsoRules` names rules that count whatever impact axe gives them
 * (empty-table-header is "minor" to axe, and a header says what its column is).
 */
export async function seriousViolations(page: Page, opts: { wcag22?: boolean; alsoRules?: readonly string[] } = {}): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  // axe leaves WCAG 2.2's target size (2.5.8, AA) off unless asked.
  const rules = opts.wcag22 ? { 'target-size': { enabled: true } } : {};
  const also = [...(opts.alsoRules ?? [])];
  const found = await page.evaluate(async ([rules, also]) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], rules });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || also.includes(v.id)).flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  }, [rules, also] as const);
  return found;
}

/**
 * At 1280 and 390 px: a screenshot into `shots` (to look at), no serious or
 * critical axe violation, and nothing wider than the viewport. Leaves the page at 1280 px.
 */
export async function checkAtBothWidths(page: Page, shots: string, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
    expect({ width, violations: await seriousViolations(page) }).toEqual({ width, violations: [] });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
