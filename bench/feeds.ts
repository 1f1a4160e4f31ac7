/**
 * Feed serving benchmark: how close a subscribed phone's poll comes to the
 * cost of serving a static file. A synthetic delegate with 100 meetings in
 * the SPIEF demo; the real app (helmet, logging, token lookup, cache, ETag)
 * and a bare express route that sends the same bytes listen on 127.0.0.1 in
 * a child process, and this process drives both over keep-alive connections,
 * alternating rounds so that drift hits both alike.
 *
 * Targets (requests/s, ÷ the bare route in the same run):
 *   person feed, 100 events, 200 with the body   >= 0.5
 *   person feed, 304 to If-None-Match            >= 0.85
 *
 * Run alone: npx tsx bench/feeds.ts
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { loadDemo } from '../db/seed/demo';
import { createApp } from '../src/app';
import { SYSTEM_ACTOR } from '../src/services/actor';
import { createServices } from '../src/services';
import { createStore } from '../src/store';
import { openDatabase } from '../src/store/database';
import { migrate } from '../src/store/migrate';

const MEETINGS = 100;
const REQUESTS = 1_000;
/** A measurement also ends after this long (with at least MIN_REQUESTS), so a loaded machine does not stretch the run. */
const MAX_MS = 5_000;
const MIN_REQUESTS = 200;
const WARMUP = 200;
const ROUNDS = 6;
const CONCURRENCY = 8;
const TARGETS = { full: 0.5, notModified: 0.85 };

interface Served {
  bare: number;
  app: number;
  feedPath: string;
  etag: string;
  bytes: number;
  events: number;
}

/** The child: a temp database with the demo and one busy delegate, the app and the bare route. */
async function serve(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-bench-feeds-'));
  const db = openDatabase(path.join(dir, 'bench.db'));
  migrate(db);
  const services = createServices(createStore(db), { config: { feedRefreshMinutes: 15, feedCancelledDays: 30, publicUrl: 'https://planner.example.org' } });
  const demo = loadDemo(services);
  const delegate = services.people.create(SYSTEM_ACTOR, { fullName: 'Synthetic Delegate', localName: 'Sintetik Nümayəndə', position: 'Trade representative', languages: 'az, ru, en', notes: '', organizationId: demo.organizations.economy });
  services.directory.setMember(SYSTEM_ACTOR, demo.delegations.azerbaijan, { personId: delegate.id, role: 'member' });
  const rooms = Object.values(demo.rooms);
  // 15-minute slots every 20 minutes from 08:00, 36 a day: 100 meetings fill the forum's three days.
  for (let i = 0; i < MEETINGS; i++) {
    const day = `2019-06-0${6 + Math.floor(i / 36)}`;
    const minutes = 8 * 60 + (i % 36) * 20;
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    services.meetings.create(SYSTEM_ACTOR, demo.forumId, {
      title: `Встреча ${i + 1}: торгово-экономическое сотрудничество / Trade meeting ${i + 1}`,
      kind: i % 5 === 0 ? 'signing' : 'bilateral',
      status: 'tentative', // never refused for a clash with the demo's own meetings
      start: `${day}T${hhmm(minutes)}`,
      end: `${day}T${hhmm(minutes + 15)}`,
      roomId: rooms[i % rooms.length],
      participants: [
        { personId: delegate.id, role: 'principal' },
        { personId: demo.people[i % 2 ? 'gaz' : 'roscongress']!, role: 'counterpart' },
      ],
      delegationIds: [demo.delegations.azerbaijan],
      briefing: `Talking points for meeting ${i + 1}: volumes, delivery terms, financing. Ответственный: протокольный отдел.`,
      documents: i % 5 === 0 ? [{ title: `Memorandum ${i + 1}`, parties: 'AZPROMO; partner', signedOn: null }] : [],
    });
  }
  const { secret } = services.feeds.createToken(SYSTEM_ACTOR, demo.forumId, { scope: 'person', scopeId: delegate.id, label: 'bench' });
  const feedPath = `/s/${secret}/calendar.ics`;

  // Logged as in production (JSON lines), to /dev/null rather than a terminal.
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  const app = createApp({ services, logger, sessionSecret: 'bench-secret-bench-secret', cookieSecure: false });
  const appServer = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => appServer.once('listening', resolve));
  const first = await get((appServer.address() as AddressInfo).port, feedPath, {});

  // The cheapest express answer with these bytes: encoded once, and not even the ETag that express would hash from them.
  const bytes = Buffer.from(first.body, 'utf8');
  const bare = express();
  bare.set('etag', false);
  bare.get('/feed.ics', (_req, res) => {
    res.type('text/calendar; charset=utf-8').send(bytes);
  });
  const bareServer = bare.listen(0, '127.0.0.1');
  await new Promise((resolve) => bareServer.once('listening', resolve));

  const served: Served = {
    bare: (bareServer.address() as AddressInfo).port,
    app: (appServer.address() as AddressInfo).port,
    feedPath,
    etag: first.etag,
    bytes: bytes.length,
    events: first.body.split('BEGIN:VEVENT').length - 1,
  };
  process.send!(served);
  process.on('disconnect', () => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function get(port: number, urlPath: string, headers: Record<string, string>): Promise<{ status: number; etag: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, etag: String(res.headers.etag ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

interface Target {
  port: number;
  path: string;
  headers: Record<string, string>;
  /** What every answer must be: a wrong status would measure the wrong path. */
  status: number;
}

/** Requests per second over `count` requests (or MAX_MS) from CONCURRENCY sequential loops. */
async function rate(t: Target, count: number): Promise<number> {
  let issued = 0;
  let done = 0;
  const started = performance.now();
  const more = () => issued < count && (issued < MIN_REQUESTS || performance.now() - started < MAX_MS);
  const loop = async () => {
    while (more()) {
      issued++;
      const res = await get(t.port, t.path, t.headers);
      if (res.status !== t.status) throw new Error(`GET ${t.path.replace(/\/s\/[^/]+/, '/s/…')} answered ${res.status}, expected ${t.status}`);
      done++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  return done / ((performance.now() - started) / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function startServer(): Promise<{ child: ChildProcess; served: Served }> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--serve'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (served) => resolve({ child, served: served as Served }));
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code}) before it listened`)));
  });
}

export async function benchFeeds(): Promise<{ lines: string[] }> {
  const { child, served } = await startServer();
  try {
    const targets = {
      bare: { port: served.bare, path: '/feed.ics', headers: {}, status: 200 },
      full: { port: served.app, path: served.feedPath, headers: {}, status: 200 },
      notModified: { port: served.app, path: served.feedPath, headers: { 'if-none-match': served.etag }, status: 304 },
    } satisfies Record<string, Target>;
    const names = Object.keys(targets) as (keyof typeof targets)[];
    for (const name of names) await rate(targets[name], WARMUP);
    // Each round measures all three, starting with a different one, so that whatever the machine is doing meanwhile falls on all alike.
    const rounds: Record<keyof typeof targets, number>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const measured = {} as Record<keyof typeof targets, number>;
      for (let i = 0; i < names.length; i++) {
        const name = names[(round + i) % names.length]!;
        measured[name] = await rate(targets[name], REQUESTS);
      }
      rounds.push(measured);
    }
    const med = (f: (r: (typeof rounds)[number]) => number) => median(rounds.map(f));
    const line = (name: string, value: number, target: number) => `  ${name}: ${value.toFixed(2)} (target >= ${target}) ${value >= target ? 'PASS' : 'MISS'}`;
    return {
      lines: [
        `Feeds: person feed with ${served.events} events (${(served.bytes / 1024).toFixed(0)} KiB), ${CONCURRENCY} keep-alive connections, ${ROUNDS} rounds of up to ${REQUESTS} requests each, medians`,
        `  bare express route, same bytes: ${med((r) => r.bare).toFixed(0)} req/s; person feed, 200: ${med((r) => r.full).toFixed(0)} req/s; 304 (If-None-Match): ${med((r) => r.notModified).toFixed(0)} req/s`,
        line('person feed ÷ bare route', med((r) => r.full / r.bare), TARGETS.full),
        line('304 path ÷ bare route', med((r) => r.notModified / r.bare), TARGETS.notModified),
      ],
    };
  } finally {
    agent.destroy();
    child.disconnect();
  }
}

if (require.main === module) {
  if (process.argv.includes('--serve')) {
    serve().catch((err) => {
      console.error(err);
      process.exit(1);
    });
  } else {
    benchFeeds().then(({ lines }) => console.log(lines.join('\n')));
  }
}
