/**
 * The app through HTTP, as a planner and a subscribed phone meet it, on the
 * synthetic forum (bench/synthetic-forum.ts, 20,000 meetings). Three processes:
 *
 *  - the real app, started as a user starts it (`npm start`: the esbuild
 *    bundle, rebuilt when stale), on a copy of the forum with a planner
 *    account, an API token and a person's feed link made through the services;
 *  - a bare express server serving, from memory, the bytes the app answered
 *    for each page (a bare 304 with the same ETag for the conditional feed
 *    request), and for the save an unchecked insert through the repository on
 *    its own copy of the forum, opened with the app's pragmas;
 *  - this process, the load client (autocannon's API, 10 connections,
 *    loopback only, a few seconds each), which drives one server at a time.
 *
 * Each figure is the app's requests/s ÷ the bare server's for the same
 * answer in the same run, so the machine's speed cancels out. Targets from
 * issue 12: every page ≥ 0.3, a feed 200 ≥ 0.5, its 304 ≥ 0.85 of a bare 304,
 * a checked save ≥ 0.5 of the unchecked insert. A page that takes longer
 * than SLOW_MS alone is loaded through one connection (ten would queue ten
 * times as long after the client stops), which the table says. Then the
 * growth table: the same fixed-size pages and the save at 1k–50k meetings.
 *
 * Run alone: npm run bench -- http
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import express from 'express';
import { resolveLocalTime } from '../src/domain/time';
import { render } from '../src/messages';
import { SYSTEM_ACTOR } from '../src/services/actor';
import { createServices } from '../src/services';
import { createStore } from '../src/store';
import { inWriteTransaction, openDatabase } from '../src/store/database';
import { migrate } from '../src/store/migrate';
import type { MeetingValues } from '../src/store/repositories/meetings';
import { meetingJson } from '../src/web/presenters';
import { mulberry32 } from '../src/domain/random';
import { FORUM_SHAPE, scaledShape, syntheticForumCopy, type ForumShape } from './synthetic-forum';

const ROOT = path.join(__dirname, '..');
const CONNECTIONS = 10;
const DURATION_S = 4;
const WARMUP_S = 1;
const GROWTH_DURATION_S = 2;
const GROWTH_SCALES = [1_000, 5_000, 20_000, 50_000];
/** One request alone slower than this is loaded through a single connection. */
const SLOW_MS = 1_000;
/** A probe (one request alone) given up after this long; the app is restarted, since it is still busy with it. */
const PROBE_TIMEOUT_MS = 30_000;
/** The second day of the synthetic forum, the one the issue measured. */
const DAY = '2019-06-07';
const TARGETS = { page: 0.3, feed: 0.5, notModified: 0.85, save: 0.5 };
/** Growth of a fixed-size page's time per request from the smallest to the largest forum that still counts as flat. */
const FLAT = 1.5;
const PLANNER = { username: 'bench-planner', password: 'bench-planner-password' };
const SESSION_SECRET = 'bench-session-secret-bench-session-secret';
const PUBLIC_URL = 'https://planner.example.org';

/** What the app's copy of a forum holds for the bench: ids to ask for and credentials, made through the services. */
interface Fixture {
  forumId: number;
  venueId: number;
  delegationId: number;
  delegationMeetings: number;
  personId: number;
  personMeetings: number;
  feedSecret: string;
  apiToken: string;
  timeZone: string;
  roomIds: number[];
  personIds: number[];
}

function prepare(file: string): Fixture {
  const db = openDatabase(file);
  try {
    migrate(db);
    const services = createServices(createStore(db), { config: { feedRefreshMinutes: 15, feedCancelledDays: 30, publicUrl: PUBLIC_URL } });
    services.accounts.createUser(SYSTEM_ACTOR, { username: PLANNER.username, role: 'planner', password: PLANNER.password });
    const { token: apiToken } = services.accounts.createApiToken(SYSTEM_ACTOR, PLANNER.username, 'bench');
    const one = (sql: string, ...params: unknown[]) => db.prepare(sql).raw().get(...params) as number[];
    const [forumId] = one('SELECT id FROM forum ORDER BY id LIMIT 1') as [number];
    const forum = services.forums.get(forumId);
    const [venueId] = one('SELECT id FROM venue WHERE forum_id = ? ORDER BY id LIMIT 1', forumId) as [number];
    const [delegationId, delegationMeetings] = one('SELECT delegation_id, count(*) AS n FROM meeting_delegation GROUP BY delegation_id ORDER BY delegation_id LIMIT 1') as [number, number];
    // The busiest person: the largest feed a phone polls.
    const [personId, personMeetings] = one('SELECT person_id, count(*) AS n FROM meeting_participant GROUP BY person_id ORDER BY n DESC, person_id LIMIT 1') as [number, number];
    const { secret } = services.feeds.createToken(SYSTEM_ACTOR, forumId, { scope: 'person', scopeId: personId, label: 'bench phone' });
    return {
      forumId,
      venueId,
      delegationId,
      delegationMeetings,
      personId,
      personMeetings,
      feedSecret: secret,
      apiToken,
      timeZone: forum.timeZone,
      roomIds: db.prepare('SELECT r.id FROM room r JOIN venue v ON v.id = r.venue_id WHERE v.forum_id = ? ORDER BY r.id').pluck().all(forumId) as number[],
      personIds: db.prepare('SELECT id FROM person ORDER BY id').pluck().all() as number[],
    };
  } finally {
    db.close();
  }
}

/**
 * The saves both servers are sent, in the same order from the same seed:
 * tentative meetings (never refused, so every one runs the whole check and
 * writes) spread over the day's half hours and the forum's rooms, so that
 * they do not pile onto each other and the check's cost stays that of one save.
 */
function saveBodies(f: Pick<Fixture, 'roomIds' | 'personIds'>): () => string {
  const rand = mulberry32(7);
  let n = 0;
  const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return () => {
    n += 1;
    const slot = 8 * 60 + ((n * 7) % 24) * 30;
    const people = new Set<number>();
    while (people.size < 4) people.add(f.personIds[Math.floor(rand() * f.personIds.length)]!);
    return JSON.stringify({
      title: `Bench save ${n}`,
      kind: 'bilateral',
      status: 'tentative',
      start: `${DAY}T${hhmm(slot)}`,
      end: `${DAY}T${hhmm(slot + 30)}`,
      roomId: f.roomIds[n % f.roomIds.length],
      participants: [...people].map((personId, k) => ({ personId, role: k === 0 ? 'principal' : 'required' })),
    });
  };
}

// ---------------------------------------------------------------- processes

const children = new Set<ChildProcess>();

/** Ends every child this bench started (each is the leader of its own process group), also when the bench fails or is interrupted. */
function killChildren(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
  children.clear();
}
process.on('exit', () => killChildren());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killChildren();
    process.exit(130);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface AppProcess {
  port: number;
  /** The server's own process (node dist/server.js), under npm. */
  pid: number;
  stop(): Promise<void>;
}

/** `npm start` on the file, as a user runs it (production settings, logging to a file), once /healthz answers. */
async function startApp(file: string, logFile: string): Promise<AppProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_PATH: file,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    ADMIN_PASSWORD: 'bench-admin-password',
    SESSION_SECRET,
    PUBLIC_URL,
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'info',
  };
  // tsx runs this bench through NODE_OPTIONS in some setups; the app must start as plain node.
  delete env.NODE_OPTIONS;
  const log = fs.openSync(logFile, 'a');
  const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  children.add(child);
  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = `exit ${code ?? signal}`;
    children.delete(child);
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`the app stopped before it answered (${exited}); its log:\n${tail(logFile)}`);
    if (Date.now() > deadline) throw new Error(`the app did not answer /healthz within 120 s; its log:\n${tail(logFile)}`);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
    if (health?.ok) break;
    await sleep(200);
  }
  const pid = descendantRunning(child.pid!, 'dist/server.js');
  if (pid === null) throw new Error('the app answers, but no process under npm runs dist/server.js');
  return {
    port,
    pid,
    stop: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(-child.pid!, 'SIGTERM');
      if (await Promise.race([gone.then(() => true), sleep(8_000).then(() => false)])) return;
      process.kill(-child.pid!, 'SIGKILL');
      await gone;
    },
  };
}

/** The first process under `pid` (itself included) whose command line contains `needle`. */
function descendantRunning(pid: number, needle: string): number | null {
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift()!;
    const cmdline = readProc(`${p}/cmdline`).replace(/\0/g, ' ');
    if (cmdline.includes(needle)) return p;
    for (const task of listProc(`${p}/task`)) queue.push(...readProc(`${p}/task/${task}/children`).split(/\s+/).filter(Boolean).map(Number));
  }
  return null;
}

function readProc(rel: string): string {
  try {
    return fs.readFileSync(`/proc/${rel}`, 'utf8');
  } catch {
    return '';
  }
}

function listProc(rel: string): string[] {
  try {
    return fs.readdirSync(`/proc/${rel}`);
  } catch {
    return [];
  }
}

/** Peak resident memory of a process so far (VmHWM), in MB. */
function peakRssMb(pid: number): number | null {
  const m = /VmHWM:\s+(\d+) kB/.exec(readProc(`${pid}/status`));
  return m ? Number(m[1]) / 1024 : null;
}

function tail(file: string): string {
  return fs.readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------- bare server

interface BarePage {
  name: string;
  bodyFile: string;
  contentType: string;
  etag: string | null;
}

interface BareConfig {
  pages: BarePage[];
  database: string;
  forumId: number;
  timeZone: string;
}

/** The child: the same bytes from memory, a bare 304, and the unchecked insert. */
async function serveBare(configFile: string): Promise<void> {
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as BareConfig;
  const pages = new Map(config.pages.map((p) => [p.name, { ...p, bytes: fs.readFileSync(p.bodyFile) }]));
  const app = express();
  app.set('etag', false);
  app.disable('x-powered-by');
  app.get('/page/:name', (req, res) => {
    const page = pages.get(String(req.params.name));
    if (!page) return void res.status(404).end();
    if (page.etag !== null) {
      res.set('ETag', page.etag);
      if (req.get('if-none-match') === page.etag) return void res.status(304).end();
    }
    res.set('Content-Type', page.contentType).send(page.bytes);
  });
  // The app's pragmas (openDatabase) and the repository's insert, read-back and audit row in one write transaction; no validation, no check.
  const db = openDatabase(config.database, { busyTimeoutMs: 50 });
  const store = createStore(db);
  const utc = (local: string) => {
    const r = resolveLocalTime({ local, timeZone: config.timeZone });
    if (!r.ok) throw new Error(render(r.message));
    return r.instant;
  };
  app.post('/save', express.json(), (req, res) => {
    const input = req.body as Pick<MeetingValues, 'title' | 'kind' | 'status' | 'start' | 'end' | 'roomId' | 'participants'>;
    const meeting = inWriteTransaction(db, () => {
      const values: MeetingValues = { ...input, forumId: config.forumId, timeZone: config.timeZone, startUtc: utc(input.start), endUtc: utc(input.end), place: '', isPublic: false, delegationIds: [], briefing: '', outcome: '', outcomePublic: false, documents: [], sequence: 0 };
      const id = store.meetings.insert(values);
      const stored = store.meetings.find(id)!;
      store.audit.append({ at: Date.now(), userId: null, username: 'bench', action: 'create', entity: 'meeting', entityId: id, forumId: config.forumId, summary: `${stored.title} (${stored.status})`, before: null, after: stored });
      return stored;
    });
    res.status(201).json({ meeting: meetingJson(meeting), warnings: [] });
  });
  const server = app.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as net.AddressInfo).port }));
  process.on('disconnect', () => {
    db.close();
    process.exit(0);
  });
}

async function startBare(config: BareConfig, dir: string): Promise<{ port: number; stop(): void }> {
  const configFile = path.join(dir, 'bare.json');
  fs.writeFileSync(configFile, JSON.stringify(config));
  const child = fork(__filename, ['--bare', configFile], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true });
  children.add(child);
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code}) before it listened`)));
  });
  return {
    port,
    stop: () => {
      child.disconnect();
      children.delete(child);
    },
  };
}

// ------------------------------------------------------------------ client

interface Target {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  /** The status every answer must have; another one means the wrong path was measured. */
  status: number;
  /** Builds each request's body anew (the saves). */
  body?: () => string;
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  completed: number;
  connections: number;
  /** Wall time per request and connection, in ms: finer than autocannon's whole-millisecond percentiles. */
  perRequestMs: number;
  /** Answers with another status than the target's, by status. */
  wrongStatus: Map<number, number>;
  /** Connection errors and timeouts, by code. */
  errors: Map<string, number>;
  /** This process's CPU over the run, in cores: near 1 the client, not the server, was the limit. */
  clientCores: number;
}

async function load(port: number, t: Target, durationS: number, connections: number): Promise<Measured> {
  const wrongStatus = new Map<number, number>();
  const errors = new Map<string, number>();
  const cpu = process.cpuUsage();
  const began = performance.now();
  const next = t.body;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: durationS,
        timeout: Math.ceil(PROBE_TIMEOUT_MS / 1000),
        requests: [
          {
            method: t.method ?? 'GET',
            path: t.path,
            headers: next ? { ...t.headers, 'content-type': 'application/json' } : t.headers,
            ...(next ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: next() }) } : {}),
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, statusCode) => {
      if (statusCode !== t.status) wrongStatus.set(statusCode, (wrongStatus.get(statusCode) ?? 0) + 1);
    });
    instance.on('reqError', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? err.message;
      errors.set(code, (errors.get(code) ?? 0) + 1);
    });
  });
  const wallMs = performance.now() - began;
  const used = process.cpuUsage(cpu);
  if (result.timeouts) errors.set('timeout', (errors.get('timeout') ?? 0) + result.timeouts);
  return {
    rps: result.requests.total / (wallMs / 1000),
    p50: result.latency.p50,
    p99: result.latency.p99,
    completed: result.requests.total,
    connections,
    perRequestMs: result.requests.total ? (wallMs * connections) / result.requests.total : Number.NaN,
    wrongStatus,
    errors,
    clientCores: (used.user + used.system) / 1000 / wallMs,
  };
}

interface Probe {
  status: number;
  ms: number;
  body: Buffer;
  contentType: string;
  etag: string | null;
}

/** One request alone: the bytes the bare server will serve, and whether the page is fast enough to load with ten connections. */
async function probe(port: number, t: Target): Promise<Probe | 'timeout'> {
  const began = performance.now();
  try {
    const res = await fetch(`http://127.0.0.1:${port}${t.path}`, {
      method: t.method ?? 'GET',
      headers: t.body ? { ...t.headers, 'content-type': 'application/json' } : t.headers,
      body: t.body?.(),
      redirect: 'manual',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, ms: performance.now() - began, body, contentType: res.headers.get('content-type') ?? 'text/html; charset=utf-8', etag: res.headers.get('etag') };
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') return 'timeout';
    throw err;
  }
}

/** Waits until the app answers /healthz at once again: what a load left queued must not fall on the next measurement. */
async function settle(port: number): Promise<void> {
  const deadline = Date.now() + 2 * PROBE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const began = performance.now();
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })
      .then((r) => r.arrayBuffer().then(() => r.ok))
      .catch(() => false);
    if (ok && performance.now() - began < 50) return;
    await sleep(100);
  }
}

/** Signs the planner in through the login form, as a browser does: the form's CSRF cookie and field, then the session cookie. */
async function signIn(port: number): Promise<string> {
  const form = await fetch(`http://127.0.0.1:${port}/login`);
  const csrfCookie = form.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error('the login form has no _csrf field');
  const res = await fetch(`http://127.0.0.1:${port}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ username: PLANNER.username, password: PLANNER.password, _csrf: csrf }).toString(),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('fp.sid='));
  if (res.status !== 303 || !session) throw new Error(`signing in answered ${res.status}${session ? '' : ' without a session cookie'}`);
  return session.split(';')[0]!;
}

// ------------------------------------------------------------------- bench

interface Row {
  name: string;
  bytes: number | null;
  app: Measured | null;
  /** One request alone, when the page was too slow to load (or the load completed none). */
  probeMs: number | null;
  /** The first request, before any page is kept (the page cache's miss): what the first planner to look waits. */
  firstMs: number | null;
  /** The longest another client's /healthz waited while the first look was made. */
  heldMs: number | null;
  note: string;
  bare: Measured | null;
  ratio: number | null;
  target: number;
}

interface Forum {
  shape: ForumShape;
  dir: string;
  fixture: Fixture;
  app: AppProcess;
  cookie: string;
  buildMs: number | null;
  logFile: string;
}

async function openForum(shape: ForumShape): Promise<Forum> {
  const { file, dir, buildMs } = await syntheticForumCopy(shape);
  const fixture = prepare(file);
  const logFile = path.join(dir, 'app.log');
  const app = await startApp(file, logFile);
  return { shape, dir, fixture, app, cookie: await signIn(app.port), buildMs, logFile };
}

async function closeForum(forum: Forum): Promise<void> {
  await forum.app.stop();
  fs.rmSync(forum.dir, { recursive: true, force: true });
}

function pageTargets(f: Fixture, cookie: string): Record<'list' | 'grid' | 'board' | 'conflicts' | 'agenda' | 'feed' | 'feed304' | 'api' | 'save', Target> {
  const page = { cookie };
  const api = { authorization: `Bearer ${f.apiToken}`, accept: 'application/json' };
  return {
    list: { name: `meetings list, ${DAY}, first page`, path: `/forums/${f.forumId}/meetings?day=${DAY}`, headers: page, status: 200 },
    grid: { name: `day grid of one venue`, path: `/forums/${f.forumId}/grid/rooms/${DAY}?venue=${f.venueId}`, headers: page, status: 200 },
    // The busiest person beside eleven others and two rooms: what its own people's and rooms' meetings cost, not the forum's.
    board: { name: `availability board, 12 people and 2 rooms, ${DAY}`, path: `/forums/${f.forumId}/board?${boardQuery(f)}`, headers: page, status: 200 },
    conflicts: { name: 'conflicts page', path: `/forums/${f.forumId}/conflicts`, headers: page, status: 200 },
    agenda: { name: `delegation's agenda, ${DAY}`, path: `/forums/${f.forumId}/agenda/delegation/${f.delegationId}/${DAY}`, headers: page, status: 200 },
    feed: { name: `person's feed, 200`, path: `/s/${f.feedSecret}/calendar.ics`, headers: {}, status: 200 },
    // The If-None-Match is filled in from the feed's probe.
    feed304: { name: `person's feed, 304`, path: `/s/${f.feedSecret}/calendar.ics`, headers: {}, status: 304 },
    api: { name: `API meetings, ${DAY}, first page`, path: `/api/v1/forums/${f.forumId}/meetings?day=${DAY}`, headers: api, status: 200 },
    save: { name: 'checked API save (tentative)', path: `/api/v1/forums/${f.forumId}/meetings`, method: 'POST', headers: api, status: 201, body: saveBodies(f) },
  };
}

function boardQuery(f: Fixture): string {
  const people = [f.personId, ...f.personIds.filter((id) => id !== f.personId).slice(0, 11)];
  return new URLSearchParams([['show', '1'], ['date', DAY], ...people.map((id): [string, string] => ['person', String(id)]), ...f.roomIds.slice(0, 2).map((id): [string, string] => ['room', String(id)])]).toString();
}

/** Probes a target, then loads it (warmed up first), with one connection if it is slow alone. */
async function measureApp(forum: Forum, t: Target, durationS: number, wanted = CONNECTIONS): Promise<{ probe: Probe | 'timeout'; heldMs?: number; app: Measured | null; note: string }> {
  const port = forum.app.port;
  const watching = watchHealth(port);
  const first = await probe(port, t);
  const heldMs = await watching.stop();
  if (first === 'timeout') {
    // Still busy with the request: a fresh app for what follows.
    await forum.app.stop();
    forum.app = await startApp(path.join(forum.dir, 'forum.db'), forum.logFile);
    forum.cookie = await signIn(forum.app.port);
    return { probe: first, heldMs, app: null, note: `one request took over ${PROBE_TIMEOUT_MS / 1000} s; not loaded` };
  }
  if (first.status !== t.status) return { probe: first, heldMs, app: null, note: `answered ${first.status}, expected ${t.status}; not loaded` };
  const slow = first.ms > SLOW_MS && wanted > 1;
  const connections = slow ? 1 : wanted;
  if (first.ms <= SLOW_MS) {
    await load(port, t, WARMUP_S, connections);
    await settle(port);
  }
  const app = await load(port, t, durationS, connections);
  await settle(port);
  const note = slow ? `alone ${fmtMs(first.ms)}: 1 connection` : '';
  return { probe: first, heldMs, app: app.completed ? app : null, note: app.completed ? note : `${note}${note ? '; ' : ''}none completed in ${durationS} s` };
}

/**
 * While the first look is made, another client asks /healthz back to back: its longest wait is how long the
 * first look held the event loop from everyone else (issue 12: no request holds it for more than ~50 ms).
 */
function watchHealth(port: number): { stop: () => Promise<number> } {
  let running = true;
  let longest = 0;
  const loop = (async () => {
    while (running) {
      const began = performance.now();
      try {
        await (await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })).arrayBuffer();
      } catch {
        // A timeout is a wait as long as the probe's: counted below.
      }
      longest = Math.max(longest, performance.now() - began);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return longest;
    },
  };
}

async function measureBare(port: number, t: Target, durationS: number): Promise<Measured> {
  await load(port, t, WARMUP_S, CONNECTIONS);
  return load(port, t, durationS, CONNECTIONS);
}

export async function benchHttp(): Promise<{ lines: string[] }> {
  const lines: string[] = [];
  try {
    const { rows, forum, rssMb } = await mainTable();
    lines.push(
      `HTTP: npm start on the synthetic forum (${FORUM_SHAPE.meetings.toLocaleString('en')} meetings, ${FORUM_SHAPE.people.toLocaleString('en')} people, ${FORUM_SHAPE.venues * FORUM_SHAPE.roomsPerVenue} rooms, ${FORUM_SHAPE.days} days${forum.buildMs === null ? ', kept build' : `, built in ${fmtMs(forum.buildMs)}`}); ${CONNECTIONS} connections, ${DURATION_S} s each after ${WARMUP_S} s warm-up, loopback; ratio = app req/s ÷ bare express req/s for the same answer; first look = the first request, before the page cache keeps it; others waited = the longest another client's /healthz waited meanwhile (the event loop held: target ≤ ~50 ms)`,
      `  venue ${forum.fixture.venueId}; delegation ${forum.fixture.delegationId} (${forum.fixture.delegationMeetings} meetings in all); person ${forum.fixture.personId} (${forum.fixture.personMeetings} meetings)`,
      ...table(rows),
      `  peak RSS of the app's server process over the run (VmHWM): ${rssMb === null ? 'unknown' : `${rssMb.toFixed(0)} MB`}`,
    );
    try {
      lines.push(...(await growthTable()));
    } catch (err) {
      // The table above stands; say why the growth table is missing rather than lose both.
      lines.push(`Growth: failed: ${(err as Error).stack ?? err}`);
      process.exitCode = 1;
    }
  } finally {
    killChildren();
  }
  return { lines };
}

interface GrowthCell {
  /** Time per request, back to back on one connection (or one request alone when none completed). */
  ms: number | null;
  p50: number | null;
  bytes: number | null;
  note: string;
}

/** The pages the growth table follows as the forum grows: each should cost what its own part of the programme costs. */
const GROWTH_KEYS = ['grid', 'board', 'save', 'agenda'] as const;
type GrowthKey = (typeof GROWTH_KEYS)[number];

interface GrowthRow {
  meetings: number;
  grid: GrowthCell;
  board: GrowthCell;
  save: GrowthCell;
  agenda: GrowthCell;
  rssMb: number | null;
}

async function mainTable(): Promise<{ rows: Row[]; forum: Forum; rssMb: number | null }> {
  const forum = await openForum(FORUM_SHAPE);
  try {
    const targets = pageTargets(forum.fixture, forum.cookie);
    const results = new Map<keyof typeof targets, Awaited<ReturnType<typeof measureApp>>>();
    for (const key of Object.keys(targets) as (keyof typeof targets)[]) {
      const t = targets[key];
      // The session cookie of a fresh app after a timed-out probe.
      if (t.headers.cookie) t.headers.cookie = forum.cookie;
      if (key === 'feed304') {
        const feed = results.get('feed')?.probe;
        if (!feed || feed === 'timeout' || !feed.etag) {
          results.set(key, { probe: 'timeout', app: null, note: 'the feed gave no ETag to send back' });
          continue;
        }
        t.headers['if-none-match'] = feed.etag;
      }
      results.set(key, await measureApp(forum, t, DURATION_S));
    }
    const rssMb = peakRssMb(forum.app.pid);

    // The bare server: each probed answer's bytes, and the insert on a pristine copy of the same forum.
    const { file: bareDb, dir: bareDir } = await syntheticForumCopy(FORUM_SHAPE);
    const pages: BarePage[] = [];
    for (const [key, r] of results) {
      if (r.probe === 'timeout' || key === 'save' || key === 'feed304') continue;
      const bodyFile = path.join(bareDir, `${key}.body`);
      fs.writeFileSync(bodyFile, r.probe.body);
      pages.push({ name: key, bodyFile, contentType: r.probe.contentType, etag: key === 'feed' ? r.probe.etag : null });
    }
    const bare = await startBare({ pages, database: bareDb, forumId: forum.fixture.forumId, timeZone: forum.fixture.timeZone }, bareDir);
    const rows: Row[] = [];
    try {
      for (const [key, r] of results) {
        const t = targets[key];
        const bareTarget: Target =
          key === 'save'
            ? { name: t.name, path: '/save', method: 'POST', headers: {}, status: 201, body: saveBodies(forum.fixture) }
            : key === 'feed304'
              ? { name: t.name, path: '/page/feed', headers: { 'if-none-match': t.headers['if-none-match'] ?? '' }, status: 304 }
              : { name: t.name, path: `/page/${key}`, headers: {}, status: 200 };
        const probeOk = r.probe !== 'timeout' && r.probe.status === t.status;
        const bareMeasured = probeOk || key === 'save' ? await measureBare(bare.port, bareTarget, DURATION_S) : null;
        const appRps = r.app?.rps ?? (r.probe !== 'timeout' && probeOk ? 1000 / r.probe.ms : null);
        const target = key === 'save' ? TARGETS.save : key === 'feed' ? TARGETS.feed : key === 'feed304' ? TARGETS.notModified : TARGETS.page;
        rows.push({
          name: t.name,
          bytes: r.probe === 'timeout' ? null : r.probe.body.length,
          app: r.app,
          probeMs: r.app ? null : r.probe === 'timeout' ? null : r.probe.ms,
          firstMs: r.probe === 'timeout' ? null : r.probe.ms,
          heldMs: r.heldMs ?? null,
          note: r.note,
          bare: bareMeasured,
          ratio: appRps !== null && bareMeasured ? appRps / bareMeasured.rps : null,
          target,
        });
      }
    } finally {
      bare.stop();
      fs.rmSync(bareDir, { recursive: true, force: true });
    }
    return { rows, forum, rssMb };
  } finally {
    await closeForum(forum);
  }
}

async function growthTable(): Promise<string[]> {
  const rows: GrowthRow[] = [];
  for (const meetings of GROWTH_SCALES) {
    const forum = await openForum(scaledShape(meetings));
    try {
      const targets = pageTargets(forum.fixture, forum.cookie);
      const measure = async (key: GrowthKey) => {
        if (targets[key].headers.cookie) targets[key].headers.cookie = forum.cookie;
        const r = await measureApp(forum, targets[key], GROWTH_DURATION_S, 1);
        return { ms: r.app?.perRequestMs ?? (r.probe === 'timeout' ? null : r.probe.ms), p50: r.app?.p50 ?? null, bytes: r.probe === 'timeout' ? null : r.probe.body.length, note: r.note };
      };
      const grid = await measure('grid');
      const board = await measure('board');
      const save = await measure('save');
      const agenda = await measure('agenda');
      rows.push({ meetings, grid, board, save, agenda, rssMb: peakRssMb(forum.app.pid) });
    } finally {
      await closeForum(forum);
    }
  }
  const cell = (c: GrowthCell) => `${c.ms === null ? '—' : fmtMs(c.ms)}${c.p50 === null ? '' : `, p50 ${fmtMs(c.p50)}`}${c.bytes === null ? '' : ` (${fmtBytes(c.bytes)})`}${c.note ? ' *' : ''}`;
  const header = ['meetings', 'day grid of one venue', 'board, 12 people', 'checked save', "delegation's agenda", 'app peak RSS'];
  const body = rows.map((r) => [r.meetings.toLocaleString('en'), cell(r.grid), cell(r.board), cell(r.save), cell(r.agenda), r.rssMb === null ? '—' : `${r.rssMb.toFixed(0)} MB`]);
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const growthOf = (k: GrowthKey) => {
    const a = first[k].ms;
    const b = last[k].ms;
    if (a === null || b === null) return `${k}: —`;
    const g = b / a;
    return `${k} ${g.toFixed(2)}× ${g <= FLAT ? '✓' : '✗'}`;
  };
  const notes = rows.flatMap((r) => GROWTH_KEYS.filter((k) => r[k].note).map((k) => `    * ${r.meetings.toLocaleString('en')}, ${k}: ${r[k].note}`));
  return [
    `Growth: latency of one client's requests back to back (1 connection, so a slow page queues nothing): time per request, autocannon's p50 (whole ms) and the answer's size, ${GROWTH_DURATION_S} s each, on forums grown by venues, people and delegations (scaledShape), so each page is of about the same size`,
    ...grid([header, ...body]),
    `  time per request at ${last.meetings.toLocaleString('en')} ÷ at ${first.meetings.toLocaleString('en')} (flat: ≤ ${FLAT}): ${GROWTH_KEYS.map(growthOf).join('; ')}`,
    ...notes,
  ];
}

function table(rows: Row[]): string[] {
  const header = ['answer', 'bytes', 'first look', 'others waited', 'app req/s', 'p50', 'p99', 'bare req/s', 'app÷bare', 'target', '', 'bad answers'];
  const body = rows.map((r) => {
    const bad = [...(r.app?.wrongStatus ?? []), ...(r.bare?.wrongStatus ?? [])].map(([s, n]) => `${n}× ${s}`);
    const errs = [...(r.app?.errors ?? []), ...(r.bare?.errors ?? [])].map(([c, n]) => `${n}× ${c}`);
    return [
      r.name,
      r.bytes === null ? '—' : fmtBytes(r.bytes),
      r.firstMs === null ? '—' : fmtMs(r.firstMs),
      r.heldMs === null ? '—' : fmtMs(r.heldMs),
      r.app ? r.app.rps.toFixed(r.app.rps < 10 ? 2 : 0) : r.probeMs !== null ? `${(1000 / r.probeMs).toFixed(2)} (alone)` : '—',
      r.app ? fmtMs(r.app.p50) : r.probeMs !== null ? fmtMs(r.probeMs) : '—',
      r.app ? fmtMs(r.app.p99) : '—',
      r.bare ? r.bare.rps.toFixed(0) : '—',
      r.ratio === null ? '—' : r.ratio < 0.01 ? r.ratio.toPrecision(2) : r.ratio.toFixed(2),
      `≥ ${r.target}`,
      r.ratio !== null && r.ratio >= r.target ? '✓' : '✗',
      [...bad, ...errs].join(', ') || '0',
    ];
  });
  const notes = rows.flatMap((r) => {
    const out: string[] = [];
    if (r.note) out.push(`    ${r.name}: ${r.note}`);
    for (const [side, m] of [['app', r.app], ['bare', r.bare]] as const) {
      if (m && m.clientCores > 0.9) out.push(`    ${r.name}: the load client used ${m.clientCores.toFixed(2)} cores against the ${side} server: that req/s may be the client's limit (${side === 'bare' ? 'the ratio is then flattering, an upper bound' : 'the ratio is then a lower bound'})`);
    }
    return out;
  });
  return [...grid([header, ...body]), ...notes];
}

/** Columns padded to their widest cell, numbers right-aligned. */
function grid(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) => `  ${r.map((c, i) => (i > 0 && /^[\d.—≥<>]/.test(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd());
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

function fmtBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KB` : `${n} B`;
}

if (require.main === module) {
  if (process.argv[2] === '--bare') {
    serveBare(process.argv[3]!).catch((err) => {
      console.error(err);
      process.exit(1);
    });
  } else {
    benchHttp().then(({ lines }) => console.log(lines.join('\n')));
  }
}
