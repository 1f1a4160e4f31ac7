/**
 * Secret links as an attacker and a careless forwarder would meet them: any
 * token that does not open a scope gets the same 404, revocation and rotation
 * bite at once, one scope's token never shows another's meetings, and the
 * secret is found neither in the database file nor in the log.
 */
import fs from 'node:fs';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { sha256 } from '../../src/services/accounts';
import type { FeedScopeKind } from '../../src/domain/feed-scope';
import { addUser, createTestApp, type TestContext } from '../support/app';
import { parseWithIcalJs } from '../support/ics';
import { meetingUid } from '../support/meeting-uid';

const DAY = 86_400_000;
let offset = 0;
const clock = () => Date.now() + offset;

let ctx: TestContext;
let notFoundBody: string;

/** A new secret link; `expiresOn` as YYYY-MM-DD. */
function link(scope: FeedScopeKind, scopeId: number, expiresOn?: string) {
  return ctx.services.feeds.createToken(SYSTEM_ACTOR, ctx.demo!.forumId, { scope, scopeId, label: `${scope} ${scopeId}`, expiresOn });
}

const get = (path: string) => request(ctx.app).get(path);

beforeAll(async () => {
  ctx = createTestApp({ clock });
  addUser(ctx, 'links-admin', 'admin');
  notFoundBody = (await get(`/s/${'A'.repeat(32)}`).expect(404)).text;
});
afterAll(() => ctx.close());

describe('a token that opens nothing', () => {
  const tomorrow = () => new Date(clock() + DAY).toISOString().slice(0, 10);
  const cases: { name: string; token: () => string }[] = [
    { name: 'well-formed but unknown', token: () => 'Zm9ydW0tcGxhbm5lci1ub3QtYS10b2tl' },
    { name: 'short', token: () => 'abc' },
    { name: 'one character short', token: () => link('room', ctx.demo!.rooms.stand!).secret.slice(0, 31) },
    { name: 'one character long', token: () => `${link('room', ctx.demo!.rooms.stand!).secret}A` },
    { name: 'very long', token: () => 'A'.repeat(4000) },
    { name: 'malformed percent-escape', token: () => '%ZZ%E0%A4%A' },
    { name: 'non-ASCII, percent-encoded', token: () => encodeURIComponent('тайный-ключ-тайный-ключ-тайный-к') },
    { name: 'a real token with an encoded space', token: () => `${link('room', ctx.demo!.rooms.stand!).secret}%20` },
    { name: 'a real token in other case', token: () => link('room', ctx.demo!.rooms.stand!).secret.replace(/[a-z]/g, (c) => c.toUpperCase()).replace(/^[A-Z]/, (c) => c.toLowerCase()) },
    { name: 'NUL and dots', token: () => '..%2F..%2F%00etc%2Fpasswd' },
    { name: 'an API token', token: () => ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'links-admin', 'not a feed token').token },
    { name: 'its SHA-256 instead of the token', token: () => sha256(link('room', ctx.demo!.rooms.stand!).secret) },
    {
      name: 'revoked',
      token: () => {
        const { token, secret } = link('room', ctx.demo!.rooms.stand!);
        ctx.services.feeds.revoke(SYSTEM_ACTOR, token.id);
        return secret;
      },
    },
    {
      name: 'expired',
      token: () => {
        const { secret } = link('room', ctx.demo!.rooms.stand!, tomorrow());
        offset += 2 * DAY;
        return secret;
      },
    },
  ];

  it.each(cases)('$name: the same 404 on the page, the feed and any path below it', async ({ token }) => {
    const secret = token();
    for (const path of [`/s/${secret}`, `/s/${secret}/calendar.ics`, `/s/${secret}/agenda`, `/s/${secret}/anything/else`]) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.text).toBe(notFoundBody);
    }
  });

  it('says nothing about why', () => {
    expect(notFoundBody).toContain('This link does not open anything');
    expect(notFoundBody).not.toMatch(/revoked|expired|invalid|malformed|too (short|long)/i);
  });
});

describe('revocation and rotation', () => {
  it('a revoked link stops at once, even though its feed was just built and cached', async () => {
    const { token, secret } = link('delegation', ctx.demo!.delegations.azerbaijan);
    await get(`/s/${secret}/calendar.ics`).expect(200);
    const cached = await get(`/s/${secret}/calendar.ics`).expect(200);
    ctx.services.feeds.revoke(SYSTEM_ACTOR, token.id);
    for (const headers of [{}, { 'if-none-match': cached.headers.etag! }]) {
      expect((await get(`/s/${secret}/calendar.ics`).set(headers)).status).toBe(404);
    }
    expect((await get(`/s/${secret}`)).status).toBe(404);
  });

  it('a rotated link: the old secret is dead, the new one opens the same scope with the same label', async () => {
    const { token, secret: old } = link('person', ctx.demo!.people.deputy!);
    const before = await get(`/s/${old}/calendar.ics`).expect(200);
    const { token: rotated, secret } = ctx.services.feeds.rotate(SYSTEM_ACTOR, token.id);
    expect((await get(`/s/${old}/calendar.ics`)).status).toBe(404);
    expect(secret).not.toBe(old);
    expect(rotated).toMatchObject({ scope: 'person', scopeId: ctx.demo!.people.deputy, label: token.label, revokedAt: null });
    const after = await get(`/s/${secret}/calendar.ics`).expect(200);
    expect(parseWithIcalJs(after.text).map((e) => e.uid)).toEqual(parseWithIcalJs(before.text).map((e) => e.uid));
  });
});

describe('one token, one scope', () => {
  it('person A’s link never lists person B’s private meetings, on the feed or the page, whatever is appended', async () => {
    const d = ctx.demo!;
    const { meeting } = ctx.services.meetings.create(SYSTEM_ACTOR, d.forumId, {
      title: 'Security walk-through with the venue service',
      kind: 'briefing',
      status: 'confirmed',
      start: '2019-06-06T07:00',
      end: '2019-06-06T07:30',
      place: 'ExpoForum, service entrance',
      participants: [{ personId: d.people.security, role: 'principal' }],
      delegationIds: [d.delegations.azerbaijan],
      briefing: 'Routes for the Minister’s car.',
    });
    const a = link('person', d.people.interpreter!).secret;
    const b = link('person', d.people.security!).secret;
    const uid = meetingUid(ctx.services.store, meeting.id);
    expect((await get(`/s/${b}/calendar.ics`)).text).toContain(uid);
    for (const path of [`/s/${a}/calendar.ics`, `/s/${a}/calendar.ics?person=${d.people.security}&scope=delegation`]) {
      const feed = await get(path).expect(200);
      expect(feed.text).not.toContain(uid);
      expect(feed.text).not.toContain('Security walk-through');
    }
    const page = await get(`/s/${a}`).expect(200);
    expect(page.text).toContain('Aygun Ismayilova');
    expect(page.text).not.toContain('Security walk-through');
  });

  it('a room’s link shows that room only', async () => {
    const d = ctx.demo!;
    const feed = await get(`/s/${link('room', d.rooms.pressCentre!).secret}/calendar.ics`).expect(200);
    const locations = feed.text.replace(/\r\n /g, '').match(/^LOCATION:.*$/gm) ?? [];
    expect(locations.length).toBeGreaterThan(0);
    for (const l of locations) expect(l).toMatch(/^LOCATION:Press centre\\, briefing room 2\\, ExpoForum/);
  });
});

describe('the secret stays secret', () => {
  let secret: string;

  beforeAll(async () => {
    secret = link('person', ctx.demo!.people.mustafayev!).secret;
    await get(`/s/${secret}`).expect(200);
    await get(`/s/${secret}/calendar.ics`).expect(200);
  });

  it('is stored only as its SHA-256: the database files hold no trace of it', () => {
    const files = [ctx.dbPath, `${ctx.dbPath}-wal`].filter((f) => fs.existsSync(f));
    const bytes = Buffer.concat(files.map((f) => fs.readFileSync(f)));
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.includes(Buffer.from(sha256(secret)))).toBe(true);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/); // 24 random bytes: 192 bits
  });

  it('never reaches the log, which shows the request redacted', () => {
    const log = ctx.logLines.join('\n');
    expect(log).not.toContain(secret);
    expect(log).not.toContain(secret.slice(0, 12));
    expect(log).toContain('/s/[redacted]/calendar.ics');
  });

  it('the page sends no Referer anywhere, is not cached, and loads nothing from elsewhere', async () => {
    const res = await get(`/s/${secret}`).expect(200);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['set-cookie']).toBeUndefined();
    const urls = [...res.text.matchAll(/\b(?:src|href|action|srcset)="([^"]*)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(3);
    const elsewhere = urls.filter((u) => /^(https?:)?\/\//i.test(u) && !u.startsWith('https://planner.example.org/'));
    expect(elsewhere).toEqual([]);
    expect(res.text).not.toMatch(/<(iframe|object|embed)\b/i);
  });

  it('the page offers the subscription as webcal and https, with a QR code drawn in the page', async () => {
    const res = await get(`/s/${secret}`).expect(200);
    expect(res.text).toContain(`href="webcal://planner.example.org/s/${secret}/calendar.ics"`);
    expect(res.text).toContain(`https://planner.example.org/s/${secret}/calendar.ics`);
    expect(res.text).toMatch(/<img class="qr" src="data:image\/png;base64,/);
  });
});
