/**
 * Feed serving benchmark: how close a subscribed phone's poll comes to the
 * cost of serving a static file. A synthetic delegate with 100 meetings in
 * the SPIEF demo; the real app (helmet, logging, token lookup, cache, ETag)
 * and a bare express route that sends the same bytes listen on 127.0.0.1 in
 * a child process, and this process drives them with autocannon (its own
 * HTTP client, which does not gather bodies into strings), one at a time,
 * in rounds that change which goes first so that drift hits all alike.
 *
 * Each figure divides like by like:
 *   person feed, 200 with the body ÷ bare 200 of the same bytes     >= 0.5
 *   person feed, 304 to If-None-Match ÷ bare 304 with the same ETag >= 0.85
 *   LINKS different links polled in turn (people of the demo, several
 *   links each), 200 ÷ bare 200 of each link's bytes: not a single
 *   cached answer asked for again and again, so whatever building or
 *   caching each link costs the app is in the figure           >= 0.5
 *
 * Run alone: npx tsx bench/feeds.ts
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
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
/** Different links polled in turn by the third measurement. */
const LINKS = 600;
const DURATION_S = 2;
const WARMUP_S = 1;
const ROUNDS = 3;
const CONNECTIONS = 10;
const TARGETS = { full: 0.5, notModified: 0.85, many: 0.5 };

interface Served {
  bare: number;
  app: number;
  feedPath: string;
  etag: string;
  bytes: number;
  events: number;
  /** The LINKS links' paths, each with its twin on the bare server at /links/<i>.ics. */
  links: string[];
  linkBytes: number;
}

/** The child: a temp database with the demo and one busy delegate, the app and the bare route. */
async function serve(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-bench-feeds-'));
  const db = openDatabase(path.join(dir, 'bench.db'));
  migrate(db);
  const services = createServices(createStore(db), { config: { feedRefreshMinutes: 15, feedCancelledDays: 30, publicUrl: 'https://planner.example.org' } });
  const demo = loadDemo(services);
  const delegate = services.people.create(SYSTEM_ACTOR, { fullName: 'Synthetic Delegate', nameAz: 'Sintetik Nümayəndə', position: 'Trade representative', languages: 'az, ru, en', notes: '', organizationId: demo.organizations.economy });
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
  // Many phones: links to every person of the demo and the delegate, several each, polled in turn.
  const people = [delegate.id, ...Object.values(demo.people)];
  const links = Array.from({ length: LINKS }, (_, i) => `/s/${services.feeds.createToken(SYSTEM_ACTOR, demo.forumId, { scope: 'person', scopeId: people[i % people.length]!, label: `phone ${i}` }).secret}/calendar.ics`);

  // Logged as in production (JSON lines), to /dev/null rather than a terminal.
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  const app = createApp({ services, logger, sessionSecret: 'bench-secret-bench-secret', cookieSecure: false });
  const appServer = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => appServer.once('listening', resolve));
  const appPort = (appServer.address() as AddressInfo).port;
  const first = await get(appPort, feedPath);
  const linkBodies: Buffer[] = [];
  for (const link of links) linkBodies.push((await get(appPort, link)).body);

  // The cheapest express answers with these bytes: read once, and not even the ETag that express would hash from them.
  const bytes = first.body;
  const bare = express();
  bare.set('etag', false);
  bare.get('/feed.ics', (req, res) => {
    // The bare 304: the same ETag compared, no body.
    if (req.get('if-none-match') === first.etag) return void res.status(304).set('ETag', first.etag).end();
    res.type('text/calendar; charset=utf-8').send(bytes);
  });
  bare.get('/links/:i.ics', (req, res) => {
    const body = linkBodies[Number(req.params.i)];
    if (!body) return void res.status(404).end();
    res.type('text/calendar; charset=utf-8').send(body);
  });
  const bareServer = bare.listen(0, '127.0.0.1');
  await new Promise((resolve) => bareServer.once('listening', resolve));

  const served: Served = {
    bare: (bareServer.address() as AddressInfo).port,
    app: appPort,
    feedPath,
    etag: first.etag,
    bytes: bytes.length,
    events: bytes.toString('utf8').split('BEGIN:VEVENT').length - 1,
    links,
    linkBytes: linkBodies.reduce((sum, b) => sum + b.length, 0) / linkBodies.length,
  };
  process.send!(served);
  process.on('disconnect', () => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}

/** One request, for the child to learn each answer's bytes and ETag. */
async function get(port: number, urlPath: string): Promise<{ status: number; etag: string; body: Buffer }> {
  const res = await fetch(`http://127.0.0.1:${port}${urlPath}`);
  if (res.status !== 200) throw new Error(`GET ${urlPath.replace(/\/s\/[^/]+/, '/s/…')} answered ${res.status}`);
  return { status: res.status, etag: res.headers.get('etag') ?? '', body: Buffer.from(await res.arrayBuffer()) };
}

interface Target {
  port: number;
  /** Asked for in turn, one path after the other on each connection. */
  paths: string[];
  headers: Record<string, string>;
  /** What every answer must be: a wrong status would measure the wrong path. */
  status: number;
}

/** Requests per second over DURATION_S from CONNECTIONS keep-alive connections; any other status or an error fails the bench. */
async function rate(t: Target, durationS: number): Promise<number> {
  let wrong = 0;
  const cpu = process.cpuUsage();
  const began = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: `http://127.0.0.1:${t.port}`, connections: CONNECTIONS, duration: durationS, headers: t.headers, requests: t.paths.map((path) => ({ method: 'GET' as const, path })) },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, statusCode) => {
      if (statusCode !== t.status) wrong++;
    });
  });
  if (wrong || result.errors || result.timeouts) throw new Error(`GET ${t.paths[0]!.replace(/\/s\/[^/]+/, '/s/…')}: ${wrong} answers other than ${t.status}, ${result.errors} errors, ${result.timeouts} timeouts`);
  const used = process.cpuUsage(cpu);
  clientCores = Math.max(clientCores, (used.user + used.system) / 1000 / (performance.now() - began));
  return result.requests.total / result.duration;
}

/** The most CPU the load client used in any one measurement, in cores: near 1, the client may have been the limit. */
let clientCores = 0;

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
      bare: { port: served.bare, paths: ['/feed.ics'], headers: {}, status: 200 },
      full: { port: served.app, paths: [served.feedPath], headers: {}, status: 200 },
      bare304: { port: served.bare, paths: ['/feed.ics'], headers: { 'if-none-match': served.etag }, status: 304 },
      notModified: { port: served.app, paths: [served.feedPath], headers: { 'if-none-match': served.etag }, status: 304 },
      bareMany: { port: served.bare, paths: served.links.map((_, i) => `/links/${i}.ics`), headers: {}, status: 200 },
      many: { port: served.app, paths: served.links, headers: {}, status: 200 },
    } satisfies Record<string, Target>;
    const names = Object.keys(targets) as (keyof typeof targets)[];
    for (const name of names) await rate(targets[name], WARMUP_S);
    // Each round measures all six, starting with a different one, so that whatever the machine is doing meanwhile falls on all alike.
    const rounds: Record<keyof typeof targets, number>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const measured = {} as Record<keyof typeof targets, number>;
      for (let i = 0; i < names.length; i++) {
        const name = names[(round * 2 + i) % names.length]!;
        measured[name] = await rate(targets[name], DURATION_S);
      }
      rounds.push(measured);
    }
    const med = (f: (r: (typeof rounds)[number]) => number) => median(rounds.map(f));
    const line = (name: string, value: number, target: number) => `  ${name}: ${value.toFixed(2)} (target >= ${target}) ${value >= target ? 'PASS' : 'MISS'}`;
    return {
      lines: [
        `Feeds: person feed with ${served.events} events (${(served.bytes / 1024).toFixed(0)} KiB) in the demo, autocannon with ${CONNECTIONS} keep-alive connections, ${ROUNDS} rounds of ${DURATION_S} s each, medians`,
        `  person feed, 200: ${med((r) => r.full).toFixed(0)} req/s, bare 200 of the same bytes ${med((r) => r.bare).toFixed(0)} req/s; 304 (If-None-Match): ${med((r) => r.notModified).toFixed(0)} req/s, bare 304 ${med((r) => r.bare304).toFixed(0)} req/s`,
        `  ${LINKS} links polled in turn (${(served.linkBytes / 1024).toFixed(1)} KiB each on average): ${med((r) => r.many).toFixed(0)} req/s, bare 200 of the same bytes ${med((r) => r.bareMany).toFixed(0)} req/s`,
        line('person feed 200 ÷ bare 200', med((r) => r.full / r.bare), TARGETS.full),
        line('person feed 304 ÷ bare 304', med((r) => r.notModified / r.bare304), TARGETS.notModified),
        line(`${LINKS} links in turn ÷ bare 200`, med((r) => r.many / r.bareMany), TARGETS.many),
        ...(clientCores > 0.9 ? [`  the load client used up to ${clientCores.toFixed(2)} cores in a measurement: the bare figures may be the client's limit, and the ratios then flattering`] : []),
      ],
    };
  } finally {
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
