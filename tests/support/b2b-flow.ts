/** The B2B run as a planner makes it: run (a proposal), then apply it from its preview page. */
import type { SignedIn } from './app';

/** Posts the run form, then applies the proposal it leads to; answers the apply (or the refused run). */
export async function runAndApply(planner: SignedIn, base: string, fields: Record<string, string> = {}) {
  const run = await planner.submit(base, `${base}/schedule`, fields);
  if (run.status !== 303) return run;
  return applyAt(planner, run.headers.location!);
}

/** Applies the proposal whose preview page is at `preview`. */
export function applyAt(planner: SignedIn, preview: string) {
  return planner.submit(preview, `${preview}/apply`, {});
}
