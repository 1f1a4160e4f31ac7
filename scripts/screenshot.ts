/**
 * Dev tool: screenshots of a running forum-planner, signed in, as PNG files.
 *
 *   npx tsx scripts/screenshot.ts [options] PATH_OR_URL...
 *
 *   --base URL        the running app (default http://localhost:3000)
 *   --user NAME       who signs in (default admin)
 *   --password TEXT   their password (default $ADMIN_PASSWORD)
 *   --out DIR         where the PNGs go (default $TMPDIR/forum-planner-screenshots)
 *   --width N --height N   viewport (default 1280x900; try 1024x768 for a tablet)
 *   --viewport-only   only what fits the viewport (default: the full page)
 *   --submit          submit the page's first form.form (novalidate) before the shot, to see its errors
 *   --anonymous       do not sign in (for /login)
 *
 * Each target becomes DIR/<path with / as _>.png, e.g. /people/new -> people_new.png.
 * Signing in goes over plain HTTP with the login form's CSRF token; the session
 * cookie is then handed to Chromium (Debian's /usr/bin/chromium, no download).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/support/chromium';

interface Options {
  base: string;
  user: string;
  password: string;
  out: string;
  width: number;
  height: number;
  fullPage: boolean;
  submit: boolean;
  anonymous: boolean;
  targets: string[];
}

function options(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      base: { type: 'string', default: 'http://localhost:3000' },
      user: { type: 'string', default: 'admin' },
      password: { type: 'string', default: process.env.ADMIN_PASSWORD ?? '' },
      out: { type: 'string', default: path.join(os.tmpdir(), 'forum-planner-screenshots') },
      width: { type: 'string', default: '1280' },
      height: { type: 'string', default: '900' },
      'viewport-only': { type: 'boolean', default: false },
      submit: { type: 'boolean', default: false },
      anonymous: { type: 'boolean', default: false },
    },
  });
  if (!positionals.length) throw new Error('Name at least one page, e.g. /people or /forums/1.');
  if (!values.anonymous && !values.password) throw new Error('Give --password (or set ADMIN_PASSWORD), or --anonymous.');
  return {
    base: values.base!.replace(/\/$/, ''),
    user: values.user!,
    password: values.password!,
    out: values.out!,
    width: Number(values.width),
    height: Number(values.height),
    fullPage: !values['viewport-only'],
    submit: values.submit!,
    anonymous: values.anonymous!,
    targets: positionals,
  };
}

/** Signs in over HTTP and returns the session cookie's value. */
async function sessionCookie(o: Options): Promise<string> {
  const form = await fetch(`${o.base}/login`);
  const cookie = (form.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf || !cookie) throw new Error(`${o.base}/login did not offer a login form with a session.`);
  const res = await fetch(`${o.base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ _csrf: csrf, username: o.user, password: o.password }),
  });
  const signedIn = (res.headers.get('set-cookie') ?? '').split(';')[0];
  if (res.status !== 303 || !signedIn) throw new Error(`Signing in as ${o.user} failed (HTTP ${res.status}).`);
  return signedIn.slice(signedIn.indexOf('=') + 1);
}

export function fileNameFor(target: string): string {
  const { pathname, search } = new URL(target, 'http://x');
  const name = `${pathname}${search}`.replace(/^\/+/, '').replace(/[^\p{L}\p{N}.-]+/gu, '_') || 'home';
  return `${name}.png`;
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  fs.mkdirSync(o.out, { recursive: true });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: o.width, height: o.height }, locale: 'en-GB' });
    if (!o.anonymous) {
      const { hostname } = new URL(o.base);
      await context.addCookies([{ name: 'fp.sid', value: await sessionCookie(o), domain: hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
    }
    const page = await context.newPage();
    for (const target of o.targets) {
      const url = /^https?:/.test(target) ? target : `${o.base}${target.startsWith('/') ? '' : '/'}${target}`;
      const res = await page.goto(url);
      if (o.submit) await Promise.all([page.waitForLoadState('load'), page.locator('form.form').first().evaluate((f: HTMLFormElement) => f.requestSubmit())]);
      const file = path.join(o.out, fileNameFor(target));
      await page.screenshot({ path: file, fullPage: o.fullPage });
      process.stdout.write(`${file}  (HTTP ${res?.status() ?? '?'}, ${page.url()})\n`);
    }
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}
