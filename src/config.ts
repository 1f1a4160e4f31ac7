import path from 'node:path';
import { z } from 'zod';

/** Environment -> typed config, in one place. Nothing else reads process.env. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_PATH: z.string().default(path.join(process.cwd(), 'data', 'forum-planner.db')),
  ADMIN_PASSWORD: z.string().optional(),
  /** `admin` is the first name a guesser tries; a first start can pick another. */
  ADMIN_USERNAME: z.string().trim().regex(/^[A-Za-z0-9._-]{2,40}$/, 'Use 2–40 letters, digits, dots, dashes or underscores for the user name.').default('admin'),
  /** Public base URL used in feeds and secret links, e.g. https://planner.example.org */
  PUBLIC_URL: z.string().url().optional(),
  /** Without PUBLIC_URL: hosts (name or name:port, comma-separated) whose Host header may be used in links; loopback always may. */
  ALLOWED_HOSTS: z.string().default(''),
  SESSION_SECRET: z.string().optional(),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  SESSION_HOURS: z.coerce.number().positive().default(12),
  SESSION_MAX_HOURS: z.coerce.number().positive().default(168),
  FEED_REFRESH_MINUTES: z.coerce.number().int().positive().default(15),
  FEED_CANCELLED_DAYS: z.coerce.number().int().min(0).default(30),
  /** Memory for built feeds kept between polls, in MiB; the least recently polled go first. */
  CACHE_MB: z.coerce.number().positive().max(4096).default(64),
  /** The most rows one list export (.xlsx, .csv) holds; a longer filtered list is refused with a message. */
  EXPORT_MAX_ROWS: z.coerce.number().int().positive().max(1_000_000).default(100_000),
  /** Hosts (comma-separated names) the server may fetch a forum's official programme calendar from by URL; empty: import by URL is off. */
  IMPORT_CALENDAR_HOSTS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  /** How long one statement of the app waits for another process's write lock before the request is retried on a timer. */
  DB_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(1000).default(50),
  /** How long a write keeps being retried while another process holds the lock, before it answers 503. */
  WRITE_RETRY_SECONDS: z.coerce.number().positive().max(60).default(5),
  /** After SIGTERM, how long requests in flight may finish before every connection is cut. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(120).default(5),
  /** `development` (what `npm run dev` sets) re-reads the EJS templates on every request; anything else compiles each once. */
  NODE_ENV: z.string().optional(),
  /** Overrides that choice: `true` caches compiled templates, `false` re-reads them. */
  VIEW_CACHE: z.enum(['true', 'false']).optional(),
});

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  adminPassword: string | undefined;
  adminUsername: string;
  publicUrl: string | undefined;
  allowedHosts: string[];
  sessionSecret: string | undefined;
  trustProxy: boolean;
  cookieSecure: 'auto' | boolean;
  sessionHours: number;
  sessionMaxHours: number;
  feedRefreshMinutes: number;
  feedCancelledDays: number;
  /** CACHE_MB in bytes. */
  cacheBytes: number;
  exportMaxRows: number;
  /** IMPORT_CALENDAR_HOSTS, lower-cased: where a programme calendar may be fetched from (none: URL import off). */
  importCalendarHosts: string[];
  logLevel: string;
  seedDemo: boolean;
  dbBusyTimeoutMs: number;
  writeRetrySeconds: number;
  shutdownGraceSeconds: number;
  /** Express's `view cache`: on for `npm start`, off for `npm run dev` (NODE_ENV=development) so edited templates show at once. */
  viewCache: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Configuration is invalid: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    adminPassword: e.ADMIN_PASSWORD,
    adminUsername: e.ADMIN_USERNAME,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    allowedHosts: e.ALLOWED_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== ''),
    sessionSecret: e.SESSION_SECRET,
    trustProxy: e.TRUST_PROXY === 'true',
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    sessionHours: e.SESSION_HOURS,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    feedRefreshMinutes: e.FEED_REFRESH_MINUTES,
    feedCancelledDays: e.FEED_CANCELLED_DAYS,
    cacheBytes: Math.round(e.CACHE_MB * 2 ** 20),
    exportMaxRows: e.EXPORT_MAX_ROWS,
    importCalendarHosts: e.IMPORT_CALENDAR_HOSTS.split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== ''),
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO === 'true',
    dbBusyTimeoutMs: e.DB_BUSY_TIMEOUT_MS,
    writeRetrySeconds: e.WRITE_RETRY_SECONDS,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    viewCache: e.VIEW_CACHE === undefined ? e.NODE_ENV !== 'development' : e.VIEW_CACHE === 'true',
  };
}
