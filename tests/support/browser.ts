import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '../../src/domain/accounts';
import { addUser, createTestApp, PASSWORD, type TestContext } from './app';
import { launchChromium } from './chromium';

/** A real browser's steps take seconds, not milliseconds. */
export const BROWSER_TEST_TIMEOUT_MS = 60_000;

/**
 * The real app on a random loopback port over a fresh SQLite file (the same
 * createTestApp the integration tests use), and Debian's Chromium driven by
 * playwright-core. Nothing is downloaded: the browser is /usr/bin/chromium.
 */
export interface BrowserApp {
  ctx: TestContext;
  /** e.g. http://127.0.0.1:43117 */
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies) with one page; closed by close(). */
  newPage(opts?: PageOptions): Promise<Page>;
  /** A new page signed in as `username` (created with `role` if missing), showing the page after login. */
  signedInPage(username: string, role?: Role, opts?: PageOptions): Promise<Page>;
  close(): Promise<void>;
}

/** A page's viewport, and whether it runs the pages' scripts (false: the no-JavaScript path). */
export interface PageOptions {
  width?: number;
  height?: number;
  javaScriptEnabled?: boolean;
}

/** `clock`: the services' time (an agenda's "now" and "next"), as createTestApp takes it. */
export async function startBrowserApp(opts: { demo?: boolean; clock?: () => number } = {}): Promise<BrowserApp> {
  const ctx = createTestApp({ demo: opts.demo, clock: opts.clock });
  const server = await listen(ctx);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    await closeServer(server);
    ctx.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const contexts: BrowserContext[] = [];

  const newPage: BrowserApp['newPage'] = async ({ width = 1280, height = 900, javaScriptEnabled = true } = {}) => {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width, height }, locale: 'en-GB', javaScriptEnabled });
    contexts.push(context);
    return context.newPage();
  };

  return {
    ctx,
    baseUrl,
    browser,
    newPage,
    async signedInPage(username, role = 'planner', size) {
      if (!ctx.services.accounts.list().some((u) => u.username === username)) addUser(ctx, username, role);
      const page = await newPage(size);
      await signInThroughForm(page, username, PASSWORD);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await closeServer(server);
      ctx.close();
    },
  };
}

/** Signs in the way a person does: the login form, then waits for the page it leads to. */
export async function signInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

/**
 * For a browser test file: starts the app and Chromium before its tests and
 * closes everything after them. Use the returned getter inside tests.
 */
export function useBrowserApp(opts: { demo?: boolean; clock?: () => number } = {}): () => BrowserApp {
  // jest reads testTimeout only from the top level of its config, not from a project.
  jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
  let app: BrowserApp | undefined;
  beforeAll(async () => {
    app = await startBrowserApp(opts);
  });
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (!app) throw new Error('the browser app is not started (did beforeAll fail?)');
    return app;
  };
}

function listen(ctx: TestContext): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = ctx.app.listen(0, '127.0.0.1', () => resolve(server));
    server.once('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
