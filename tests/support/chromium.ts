import { chromium, type Browser } from 'playwright-core';

/**
 * How this project starts Chromium: Debian's build at /usr/bin/chromium through
 * playwright-core, never a downloaded browser. Kept apart from the app harness
 * so dev tools (scripts/screenshot.ts) can launch it without loading the app.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps dialling Google's hosts, which this network refuses. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** playwright gives each launch a fresh, empty profile directory of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
