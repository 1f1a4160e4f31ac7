import fs from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * axe-core's checks on the page as it is now, in the page itself: its
 * source is evaluated through the browser's protocol (the pages' CSP allows
 * no inline script, and needs not to). What is left of serious or critical
 * impact, each as 'rule: the first offending element', so a failure says
 * where to look.
 */
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, where: v.nodes[0]?.target.join(' ') ?? '' }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.where}`);
}
