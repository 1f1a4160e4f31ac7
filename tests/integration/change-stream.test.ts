/**
 * The change notice's server-sent events (issue 13): a page's stream reports
 * how many changes others made since the version it was rendered at, not the
 * reader's own; streams are bounded per user and end at shutdown. Real app
 * listening on a port, read with http.get and closed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SYSTEM_ACTOR, type Actor } from '../../src/services/actor';
import { createApp } from '../../src/app';
import { ChangeStreams } from '../../src/web/change-stream';
import pino from 'pino';
import { createTestApp, signIn, type SignedIn, type TestContext } from '../support/app';
import { createFixtureForum, DAY2, type FixtureForum } from '../support/meeting-fixture';
import { postForm } from '../support/meeting-forms';

let ctx: TestContext;
let fx: FixtureForum;
let streams: ChangeStreams;
let server: http.Server;
let port: number;
let planner: SignedIn;
let other: SignedIn;

beforeAll(async () => {
  ctx = createTestApp({ demo: false });
  fx = createFixtureForum(ctx.services, { programme: false });
  // The same app over the same services, with a stream registry whose timer the test need not wait long for.
  streams = new ChangeStreams(ctx.services.audit, { perUser: 2, total: 10, pollMs: 40, heartbeatMs: 60_000, maxBufferedBytes: 64 * 1024 });
  const app = createApp({ services: ctx.services, logger: pino({ level: 'silent' }), sessionSecret: 'test-secret-test-secret', cookieSecure: false, changeStreams: streams });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  ctx.app = app;
  planner = await signIn(ctx, 'planner1', 'planner');
  other = await signIn(ctx, 'planner2', 'planner');
});
afterAll(async () => {
  streams.closeAll();
  await new Promise((resolve) => server.close(resolve));
  ctx.close();
});

const actorOf = (username: string): Actor => {
  const u = ctx.services.accounts.list().find((x) => x.username === username)!;
  return { userId: u.id, username: u.username, role: u.role, personId: null };
};

interface Stream {
  status: number;
  type: string;
  text: () => string;
  /** The counts of the `changes` events so far. */
  counts: () => number[];
  ended: Promise<void>;
  close: () => void;
}

/** Opens the stream with the agent's session cookie, as the page's EventSource would. */
function openStream(who: SignedIn, path: string): Promise<Stream> {
  const cookie = (who.agent as unknown as { jar: { getCookies: (o: object) => { toValueString(): string }[] } }).jar
    .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
    .map((c) => c.toValueString())
    .join('; ');
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      const ended = new Promise<void>((done) => res.on('close', () => done()));
      resolve({
        status: res.statusCode ?? 0,
        type: String(res.headers['content-type'] ?? ''),
        text: () => body,
        counts: () => [...body.matchAll(/event: changes\ndata: (\{.*\})\n\n/g)].map((m) => (JSON.parse(m[1]!) as { count: number }).count),
        ended,
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

async function until(done: () => boolean, what: () => string, withinMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > withinMs) throw new Error(what());
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The version the meetings list was rendered at, from its change notice. */
async function versionOnList(who: SignedIn): Promise<number> {
  const page = await who.get(`${fx.base}`);
  const m = /data-change-stream="\/forums\/\d+\/changes\?since=(\d+)"/.exec(page.text);
  if (!m) throw new Error('the list has no change notice');
  return Number(m[1]);
}

it("counts another session's saves since the page's version, not the reader's own", async () => {
  const m = ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: 'Watched', kind: 'bilateral', status: 'tentative', start: `${DAY2}T09:00`, end: `${DAY2}T10:00`, participants: [] }).meeting;
  const since = await versionOnList(planner);
  const stream = await openStream(planner, `/forums/${fx.forumId}/changes?since=${since}`);
  expect(stream.status).toBe(200);
  expect(stream.type).toMatch(/^text\/event-stream/);
  // The reader's own save is not "a change since you opened this page".
  ctx.services.meetings.setStatus(actorOf('planner1'), m.id, m.version, 'confirmed');
  // Another planner's save, through the app.
  const moved = await postForm(other, `${fx.base}/${m.id}/move`, `${fx.base}/${m.id}/move`, [['shift', '15'], ['version', String(m.version + 1)]]);
  expect(moved.status).toBe(303);
  await until(() => stream.counts().includes(1), () => `no count of 1 in: ${stream.text()}`);
  ctx.services.meetings.setStatus(actorOf('planner2'), m.id, m.version + 2, 'tentative');
  await until(() => stream.counts().includes(2), () => `no count of 2 in: ${stream.text()}`);
  expect(stream.counts()).toEqual([1, 2]);
  stream.close();
  await stream.ended;
  await until(() => streams.size === 0, () => `${streams.size} streams still registered after the client left`);
});

it.each([
  { name: 'no version', path: (f: number) => `/forums/${f}/changes`, status: 400 },
  { name: 'a version that is not a number', path: (f: number) => `/forums/${f}/changes?since=abc`, status: 400 },
  { name: 'an unknown forum', path: () => '/forums/999999/changes?since=1', status: 404 },
])('refuses $name', async ({ path, status }) => {
  const stream = await openStream(planner, path(fx.forumId));
  expect(stream.status).toBe(status);
  await stream.ended;
});

it('needs a signed-in user', async () => {
  const res = await new Promise<http.IncomingMessage>((resolve) => http.get({ host: '127.0.0.1', port, path: `/forums/${fx.forumId}/changes?since=1` }, resolve));
  expect(res.statusCode).toBe(303);
  res.resume();
});

it('holds at most perUser streams per user, then 429 with a sentence; closing one frees its place', async () => {
  const a = await openStream(other, `/forums/${fx.forumId}/changes?since=1`);
  const b = await openStream(other, `/forums/${fx.forumId}/changes?since=1`);
  const c = await openStream(other, `/forums/${fx.forumId}/changes?since=1`);
  expect([a.status, b.status, c.status]).toEqual([200, 200, 429]);
  await c.ended;
  expect(c.text()).toContain('At most 2 open pages per user');
  // Another user is not held back by this one's tabs.
  const mine = await openStream(planner, `/forums/${fx.forumId}/changes?since=1`);
  expect(mine.status).toBe(200);
  a.close();
  await until(() => streams.size === 2, () => `${streams.size} streams registered`);
  const d = await openStream(other, `/forums/${fx.forumId}/changes?since=1`);
  expect(d.status).toBe(200);
  for (const s of [b, d, mine]) s.close();
  await until(() => streams.size === 0, () => `${streams.size} streams still registered`);
});

it('closeAll (shutdown) ends every open stream and refuses new ones, so none holds the server', async () => {
  const open = [await openStream(planner, `/forums/${fx.forumId}/changes?since=1`), await openStream(other, `/forums/${fx.forumId}/changes?since=1`)];
  streams.closeAll();
  await Promise.all(open.map((s) => s.ended));
  expect(streams.size).toBe(0);
  const late = await openStream(planner, `/forums/${fx.forumId}/changes?since=1`);
  expect(late.status).toBe(503);
});
