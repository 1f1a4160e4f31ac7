import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app';
import { createServices, type ServiceOptions, type Services } from '../../src/services';
import { createStore } from '../../src/store';
import { openDatabase, type Db } from '../../src/store/database';
import type { BusyRetryOptions } from '../../src/web/middleware/busy-retry';
import { migrate } from '../../src/store/migrate';
import { loadDemo, type DemoIds } from '../../db/seed/demo';
import type { Role } from '../../src/domain/accounts';
import type { ScryptParams } from '../../src/services/accounts';

/** Cheap scrypt for tests: the parameters travel with each hash, so this changes nothing else. */
export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
export const PASSWORD = 'Correct-horse-9';

export interface TestContext {
  app: ReturnType<typeof createApp>;
  services: Services;
  dbPath: string;
  demo: DemoIds | null;
  logLines: string[];
  close: () => void;
}

/** The app's busy timeout (see src/config.ts): tests hold locks the way the app meets them. */
export const APP_BUSY_TIMEOUT_MS = 50;

export interface TestAppOptions {
  demo?: boolean;
  clock?: () => number;
  /** Shortens the wait for another process's write lock, so a test of the 503 does not wait 5 s. */
  busyRetry?: BusyRetryOptions;
  scrypt?: ScryptParams;
  /** Stands in for the sign-in throttle's growing wait, so tests do not sleep. */
  wait?: (ms: number) => Promise<void>;
  /** Trust X-Forwarded-* from one proxy (TRUST_PROXY=true). */
  trustProxy?: boolean;
  /** Express's view cache, as `npm start` sets it (off, as in `npm run dev`, unless asked). */
  viewCache?: boolean;
  /** Overrides the services' settings, e.g. allowedHosts or publicUrl. */
  config?: Partial<ServiceOptions['config']>;
  /** The conflict worker, as `npm start` runs it (off unless asked: each one compiles the sources through tsx). */
  conflictThread?: boolean;
}

/** A fresh SQLite file with migrations (and the demo, unless told otherwise), and the real app over it. */
export function createTestApp(opts: TestAppOptions = {}): TestContext {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-test-'));
  const dbPath = path.join(dir, 'test.db');
  const db = openDatabase(dbPath, { busyTimeoutMs: APP_BUSY_TIMEOUT_MS });
  migrate(db);
  const built = appOver(db, opts);
  const demo = opts.demo === false ? null : loadDemo(built.services);
  return {
    ...built,
    dbPath,
    demo,
    close: () => {
      void built.services.conflictThread?.close();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Services and the app over an open database, wired as in server.ts (e.g. over a second, read-only connection). */
export function appOver(db: Db, opts: TestAppOptions = {}): Pick<TestContext, 'app' | 'services' | 'logLines'> {
  const store = createStore(db, opts.clock);
  const services = createServices(store, {
    config: { feedRefreshMinutes: 15, feedCancelledDays: 30, publicUrl: 'https://planner.example.org', ...opts.config },
    scrypt: opts.scrypt ?? TEST_SCRYPT,
    clock: opts.clock,
    wait: opts.wait,
    conflictThread: opts.conflictThread,
  });
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const app = createApp({ services, logger, sessionSecret: 'test-secret-test-secret', cookieSecure: false, busyRetry: opts.busyRetry, viewCache: opts.viewCache, trustProxy: opts.trustProxy });
  return { app, services, logLines };
}

export function addUser(ctx: TestContext, username: string, role: Role, personId: number | null = null) {
  return ctx.services.accounts.createUser({ userId: null, username: 'test', role: 'admin' }, { username, role, password: PASSWORD, personId });
}

/** A supertest agent (keeps cookies) that is signed in, plus the current CSRF token. */
export async function signIn(ctx: TestContext, username: string, role: Role = 'planner'): Promise<SignedIn> {
  if (!ctx.services.accounts.list().some((u) => u.username === username)) addUser(ctx, username, role);
  const agent = request.agent(ctx.app);
  const csrf = await csrfFrom(agent, '/login');
  const res = await agent.post('/login').type('form').send({ _csrf: csrf, username, password: PASSWORD });
  if (res.status !== 303) throw new Error(`sign-in failed for ${username}: ${res.status}`);
  return new SignedIn(agent);
}

export async function csrfFrom(agent: TestAgent, url: string): Promise<string> {
  const res = await agent.get(url);
  const m = /name="_csrf" value="([^"]+)"/.exec(res.text);
  if (!m) throw new Error(`no CSRF token on ${url} (status ${res.status})`);
  return m[1]!;
}

export class SignedIn {
  constructor(readonly agent: TestAgent) {}

  get(url: string) {
    return this.agent.get(url);
  }

  /** Submits a form the way a browser does: loads `formUrl` for its CSRF token, then posts. */
  async submit(formUrl: string, action: string, fields: Record<string, string | number | undefined>) {
    const csrf = await csrfFrom(this.agent, formUrl);
    return this.agent.post(action).type('form').send({ _csrf: csrf, ...stringify(fields) });
  }

  /** JSON with the session: needs the CSRF token in a header, like the page's scripts send it. */
  async json(method: 'post' | 'patch' | 'delete' | 'put', url: string, body?: unknown, headers: Record<string, string> = {}) {
    const csrf = await csrfFrom(this.agent, '/people/new');
    return this.agent[method](url).set({ 'x-csrf-token': csrf, ...headers }).send(body as object);
  }
}

function stringify(fields: Record<string, string | number | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
}

/** The visible text of a page, tags stripped and whitespace folded: what a user reads. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    // A name or a title marked with its language is inline text, read as the words around it: '(<span lang="ru">Александр Дрозденко</span>)' is '(Александр Дрозденко)'.
    .replace(/<span lang="[a-z]{2}">([^<]*)<\/span>/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
