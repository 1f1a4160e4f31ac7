import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, csrfFrom, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

/**
 * The forum's official programme from iCalendar (issue 16): the organiser's
 * calendar uploaded (tests/fixtures/programme-ics/), read into sessions on the
 * forum's clock, re-imported by UID with marks of what changed, attended by
 * meetings of ours that follow a moved session through the checked save, and
 * shown in the grids and the board. Forum time is Moscow (UTC+3).
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'programme-ics');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

let ctx: TestContext;
let planner: SignedIn;
let forumId: number;
let base: string;

beforeAll(async () => {
  ctx = createTestApp();
  forumId = ctx.demo!.forumId;
  base = `/forums/${forumId}/forum-programme`;
  planner = await signIn(ctx, 'programme-planner');
});
afterAll(() => ctx.close());

async function upload(agent: SignedIn, file: Buffer | null, fields: Record<string, string> = {}) {
  const csrf = await csrfFrom(agent.agent, `${base}/import/new`);
  let req = agent.agent.post(`${base}/import`).field('_csrf', csrf).field('source', fields.source ?? 'SPIEF official programme');
  if (fields.url !== undefined) req = req.field('url', fields.url);
  if (file) req = req.attach('file', file, 'programme.ics');
  return req;
}
const sessions = () => ctx.services.store.programmeSessions.ofForum(forumId);
const sessionNamed = (title: string, day?: string) => sessions().find((s) => s.title === title && (!day || s.start.startsWith(day)))!;
const head = () => ctx.services.audit.head();
const describeSession = (s: ReturnType<typeof sessions>[number]) => `${s.start}–${s.end}${s.allDay ? ' all day' : ''} ${s.title} @ ${s.location || '-'}${s.cancelled ? ' (cancelled)' : ''} [${s.changes.join(' ')}]`;

describe('the first import of the official programme', () => {
  it('reads every session into the forum’s programme and says how many', async () => {
    const res = await upload(planner, fixture('spief-v1.ics'));
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain('From “SPIEF official programme”: 8 new sessions, none changed, none cancelled, 0 unchanged.');
    expect(sessions()).toHaveLength(8);
  });

  it.each([
    { name: 'TZID with its VTIMEZONE', title: 'Plenary session', day: '', says: '2019-06-07T15:00–2019-06-07T17:00 Plenary session @ Congress Hall D, ExpoForum [new]' },
    { name: 'UTC (07:00Z is 10:00 in Moscow)', title: 'Energy dialogue: gas and the Caspian', day: '', says: '2019-06-07T10:00–2019-06-07T11:00 Energy dialogue: gas and the Caspian @ Pavilion H, conference hall 5 [new]' },
    { name: 'floating time, read as forum time', title: 'Startup village opening', day: '', says: '2019-06-06T12:00–2019-06-06T13:30 Startup village opening @ ExpoForum [new]' },
    { name: 'an all-day event', title: 'Youth day', day: '', says: '2019-06-08T00:00–2019-06-09T00:00 all day Youth day @ - [new]' },
    { name: 'a daily RRULE, expanded within the forum’s dates only (6, 7, 8 June)', title: 'Morning press briefing', day: '2019-06-06', says: '2019-06-06T08:30–2019-06-06T09:00 Morning press briefing @ Press centre, briefing room 2 [new]' },
  ])('$name', ({ title, day, says }) => {
    expect(describeSession(sessionNamed(title, day || undefined))).toBe(says);
  });

  it('keeps one session per occurrence of a recurring event, keyed by its original start', () => {
    const briefings = sessions().filter((s) => s.uid === 'press-briefing@forumspb.com');
    expect(briefings.map((s) => s.occurrence)).toEqual(['2019-06-06T05:30:00.000Z', '2019-06-07T05:30:00.000Z', '2019-06-08T05:30:00.000Z']);
  });

  it('changes nothing when the same file is imported again, not even the audit log', async () => {
    const before = head();
    const res = await upload(planner, fixture('spief-v1.ics'));
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain('Nothing changed: the calendar “SPIEF official programme” is as imported before (8 sessions).');
    expect(head()).toBe(before);
  });

  it('lists the sessions, a page at a time, with a day filter', async () => {
    const all = textOf((await planner.get(base)).text);
    expect(all).toContain('Plenary session');
    expect(all).toContain('Showing 1–8 of 8');
    const paged = await planner.get(`${base}?limit=3`);
    expect(textOf(paged.text)).toContain('Showing 1–3 of 8');
    const next = /href="([^"]+)" rel="next"/.exec(paged.text)![1]!.replace(/&amp;/g, '&');
    expect(textOf((await planner.get(next)).text)).toContain('Showing 4–6 of 8');
    const day = textOf((await planner.get(`${base}?date=2019-06-08`)).text);
    expect(day).toContain('Youth day');
    expect(day).not.toContain('Plenary session');
    expect(day).toContain('Showing 1–2 of 2');
  });
});

describe('attending a session, and a re-import that moves, renames and removes sessions', () => {
  const people = () => ctx.demo!.people as Record<string, number>;
  let blocked: number;
  let moved: number;
  let cancelled: number;
  let result: string;

  const attend = async (sessionId: number, personIds: number[], status: string) => {
    const csrf = await csrfFrom(planner.agent, `${base}/${sessionId}`);
    return planner.agent.post(`${base}/${sessionId}/attend`).type('form').send(`_csrf=${encodeURIComponent(csrf)}&status=${status}${personIds.map((id) => `&person=${id}`).join('')}`);
  };
  const meetingOf = (res: { status: number; headers: Record<string, string> }) => {
    expect(res.status).toBe(303);
    return Number(/\/meetings\/(\d+)$/.exec(res.headers.location!)![1]);
  };

  beforeAll(async () => {
    const plenary = sessionNamed('Plenary session');
    blocked = meetingOf(await attend(plenary.id, [people().security!], 'confirmed'));
    moved = meetingOf(await attend(sessionNamed('Morning press briefing', '2019-06-08').id, [people().press!], 'tentative'));
    cancelled = meetingOf(await attend(sessionNamed('Cultural programme: evening at the Mariinsky').id, [people().protocol!], 'tentative'));
    // A confirmed meeting right after the plenary: the plenary's move to 16:00–18:00 would double-book the security officer.
    ctx.services.meetings.create(SYSTEM_ACTOR, forumId, { title: 'Venue security walk-through', kind: 'briefing', status: 'confirmed', start: '2019-06-07T17:00', end: '2019-06-07T18:00', participants: [{ personId: people().security!, role: 'principal' }] });
    const res = await upload(planner, fixture('spief-v2.ics'));
    expect(res.status).toBe(200);
    result = textOf(res.text);
  });

  it('makes a panel of ours, tentative unless asked, at the session’s time and place', () => {
    const m = ctx.services.meetings.get(moved);
    expect([m.kind, m.status, m.title]).toEqual(['panel', 'tentative', 'Morning press briefing']);
    const a = ctx.services.meetings.get(blocked);
    expect([a.status, a.start, a.end, a.roomId, a.place]).toEqual(['confirmed', '2019-06-07T15:00', '2019-06-07T17:00', null, 'Congress Hall D, ExpoForum']);
    expect(a.participants).toEqual([{ personId: people().security, role: 'required' }]);
  });

  it('reports the counts and what happened to our meetings', () => {
    expect(result).toContain('From “SPIEF official programme”: 2 new sessions, 4 changed, 1 cancelled, 3 unchanged.');
    expect(result).toContain('Not moved (a clash blocks the new time): Plenary session');
    expect(result).toContain('Moved with its session: Morning press briefing');
    expect(result).toContain('Its session is cancelled: Cultural programme: evening at the Mariinsky');
  });

  it.each([
    { name: 'a moved session', title: 'Plenary session', day: '', says: '2019-06-07T16:00–2019-06-07T18:00 Plenary session @ Congress Hall D, ExpoForum [time]' },
    { name: 'another place', title: 'Energy dialogue: gas and the Caspian', day: '', says: '2019-06-07T10:00–2019-06-07T11:00 Energy dialogue: gas and the Caspian @ Pavilion H, conference hall 7 [place]' },
    { name: 'another title (same UID)', title: 'Startup village: the opening', day: '', says: '2019-06-06T12:00–2019-06-06T13:30 Startup village: the opening @ ExpoForum [title]' },
    { name: 'removed from the calendar: cancelled, not deleted', title: 'Cultural programme: evening at the Mariinsky', day: '', says: '2019-06-07T19:00–2019-06-07T21:00 Cultural programme: evening at the Mariinsky @ Mariinsky Theatre (cancelled) [cancelled]' },
    { name: 'one occurrence moved by a RECURRENCE-ID', title: 'Morning press briefing', day: '2019-06-08', says: '2019-06-08T09:15–2019-06-08T09:45 Morning press briefing @ Press centre, briefing room 2 [time]' },
    { name: 'the other occurrences unchanged, with their first marks', title: 'Morning press briefing', day: '2019-06-07', says: '2019-06-07T08:30–2019-06-07T09:00 Morning press briefing @ Press centre, briefing room 2 [new]' },
    { name: 'a new session', title: 'Russia–Azerbaijan business dialogue', day: '', says: '2019-06-08T11:00–2019-06-08T12:30 Russia–Azerbaijan business dialogue @ Congress Hall D, ExpoForum [new]' },
    { name: 'a new session the calendar itself cancels', title: 'Arctic session', day: '', says: '2019-06-06T16:00–2019-06-06T17:00 Arctic session @ Pavilion H, conference hall 2 (cancelled) [new]' },
  ])('marks $name', ({ title, day, says }) => {
    expect(describeSession(sessionNamed(title, day || undefined))).toBe(says);
  });

  it('lists only what the last import changed when asked, with the marks in words', async () => {
    const page = textOf((await planner.get(`${base}?changed=1`)).text);
    expect(page).toContain('Showing 1–7 of 7');
    expect(page).toContain('time changed was Fri 7 Jun 15:00–17:00');
    expect(page).toContain('place changed');
    expect(page).toContain('title changed');
    expect(page).not.toContain('Youth day');
  });

  it('moves the meeting that can follow, leaves the one a confirmed clash blocks, and their pages warn', async () => {
    expect([ctx.services.meetings.get(moved).start, ctx.services.meetings.get(moved).end]).toEqual(['2019-06-08T09:15', '2019-06-08T09:45']);
    expect([ctx.services.meetings.get(blocked).start, ctx.services.meetings.get(blocked).end]).toEqual(['2019-06-07T15:00', '2019-06-07T17:00']);
    const page = async (id: number) => textOf((await planner.get(`/forums/${forumId}/meetings/${id}`)).text);
    expect(await page(moved)).toContain('The last import moved the forum’s session “Morning press briefing”; this meeting followed it to 2019-06-08 09:15–09:45.');
    expect(await page(blocked)).toContain('The forum’s session “Plenary session” is at 2019-06-07 16:00–18:00; this meeting is not');
    expect(await page(cancelled)).toContain('The forum’s session “Cultural programme: evening at the Mariinsky” is cancelled in the organiser’s calendar.');
  });

  it('refuses to attend a cancelled session, nobody, or someone not of our delegation, and writes nothing', async () => {
    const before = head();
    const cases = [
      { session: sessionNamed('Arctic session').id, people: [people().press!], says: '“Arctic session” is cancelled in the forum’s programme' },
      { session: sessionNamed('Youth day').id, people: [], says: 'Choose at least one person who attends.' },
      { session: sessionNamed('Youth day').id, people: [people().drozdenko!], says: 'Only members of our delegation can be chosen.' },
    ];
    for (const c of cases) {
      const res = await attend(c.session, c.people, 'tentative');
      expect(res.status).toBe(422);
      expect(textOf(res.text)).toContain(c.says);
    }
    expect((await attend(999_999, [people().press!], 'tentative')).status).toBe(404);
    expect(head()).toBe(before);
  });

  it('shows sessions read-only in the room grid: in the room its location names, else in the Forum programme column', async () => {
    const html = (await planner.get(`/forums/${forumId}/grid/rooms/2019-06-07?venue=all`)).text;
    const cells = [...html.matchAll(/<td[^>]*class="grid-entry grid-programme[^"]*"[^>]*>[\s\S]*?<\/td>/g)].map((m) => m[0]);
    expect(cells.length).toBeGreaterThanOrEqual(3);
    expect(cells.every((c) => !c.includes('data-meeting'))).toBe(true);
    expect(textOf(cells.join(' '))).toContain('Plenary session');
    expect(html).toContain('Forum programme');
    expect(textOf(html)).toContain('Pavilion H, conference hall 7');
  });

  it('shows, by person, only the sessions someone attends, as their meeting marked', async () => {
    const text = textOf((await planner.get(`/forums/${forumId}/grid/people/2019-06-07`)).text);
    expect(text).toContain('Plenary session (forum programme)');
    expect(text).not.toContain('Energy dialogue');
  });

  it('shows a room’s sessions on the board, and no free stretch in the room during them', async () => {
    const html = (await planner.get(`/forums/${forumId}/board?show=1&date=2019-06-07&room=${ctx.demo!.rooms.congressHall}&person=${people().security}`)).text;
    const cell = /<td[^>]*class="board-cell board-programme[^"]*"[^>]*>[\s\S]*?<\/td>/.exec(html)?.[0] ?? '';
    expect(textOf(cell)).toContain('16:00–18:00 Forum programme Plenary session');
  });
});

describe('calendars refused with a sentence, nothing written', () => {
  it.each([
    { name: 'a line that is not NAME:value, by its number', file: () => fixture('malformed.ics'), says: 'line 9: “this line is not a property” is not a calendar line (NAME:value).' },
    { name: 'not a calendar', file: () => Buffer.from('Name;Start\nPlenary;10:00\n'), says: 'This is not an iCalendar file' },
    { name: 'larger than the limit', file: () => Buffer.from(`BEGIN:VCALENDAR\r\nX-PAD:${'x'.repeat(2 * 1024 * 1024 + 10)}\r\nEND:VCALENDAR\r\n`), says: 'The calendar is larger than 2 MB.' },
    { name: 'no file and no address', file: () => null, says: 'Choose the calendar file or give its address.' },
  ])('$name', async ({ file, says }) => {
    const before = head();
    const res = await upload(planner, file());
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain(says);
    expect(head()).toBe(before);
  });

  it('says on the form that import by address is off, and refuses one', async () => {
    expect(textOf((await planner.get(`${base}/import/new`)).text)).toContain('Importing from an address is off on this server');
    const res = await upload(planner, null, { url: 'https://forumspb.com/programme.ics' });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('Importing from an address is off on this server: choose the file.');
  });

  it('lets no viewer import', async () => {
    const viewer = await signIn(ctx, 'programme-viewer', 'viewer');
    const csrf = await csrfFrom(viewer.agent, '/people');
    const res = await viewer.agent.post(`${base}/import`).field('_csrf', csrf).field('source', 'x').attach('file', fixture('spief-v1.ics'), 'p.ics');
    expect(res.status).toBe(403);
  });
});

describe('import by URL, from hosts the operator allows', () => {
  let urlCtx: TestContext;
  let agent: SignedIn;
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'text/calendar', ...headers });
        res.end(body);
      };
      if (req.url === '/spief.ics') return send(200, fixture('spief-v1.ics'));
      if (req.url === '/moved') return send(302, '', { location: '/spief.ics' });
      if (req.url === '/elsewhere') return send(302, '', { location: `http://localhost:${port}/spief.ics` });
      if (req.url === '/loop') return send(302, '', { location: '/loop' });
      if (req.url === '/huge') return send(200, Buffer.alloc(3 * 1024 * 1024, 'x'), { 'content-length': String(3 * 1024 * 1024) });
      if (req.url === '/huge-chunked') {
        res.writeHead(200, { 'content-type': 'text/calendar' });
        for (let i = 0; i < 24; i++) res.write(Buffer.alloc(128 * 1024, 'x'));
        return res.end();
      }
      if (req.url === '/slow') {
        // Headers, then nothing: the fetch's time bound must end it.
        res.writeHead(200, { 'content-type': 'text/calendar' });
        res.write('BEGIN:VCALENDAR\r\n');
        return;
      }
      return send(404, 'not here');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    urlCtx = createTestApp({ config: { importCalendarHosts: ['127.0.0.1'] } });
    agent = await signIn(urlCtx, 'url-planner');
  });
  afterAll(async () => {
    urlCtx.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const fromUrl = async (url: string) => {
    const b = `/forums/${urlCtx.demo!.forumId}/forum-programme`;
    const csrf = await csrfFrom(agent.agent, `${b}/import/new`);
    return agent.agent.post(`${b}/import`).field('_csrf', csrf).field('source', 'SPIEF by URL').field('url', url);
  };

  it('names the allowed hosts on the form', async () => {
    expect(textOf((await agent.get(`/forums/${urlCtx.demo!.forumId}/forum-programme/import/new`)).text)).toContain('https only, from: 127.0.0.1.');
  });

  it.each([
    { name: 'a calendar on an allowed host', path: '/spief.ics', status: 200, says: '8 new sessions' },
    { name: 'a redirect on the same host', path: '/moved', status: 200, says: 'Nothing changed' },
    { name: 'a redirect to another host', path: '/elsewhere', status: 422, says: 'The address redirects to another host (localhost:' },
    { name: 'endless redirects', path: '/loop', status: 422, says: 'The address redirects more than 3 times.' },
    { name: 'an answer that is not 200', path: '/missing', status: 422, says: 'The address answered with HTTP status 404, not a calendar.' },
    { name: 'a declared size over the limit', path: '/huge', status: 422, says: 'The calendar is larger than 2 MB.' },
    { name: 'a streamed body over the limit', path: '/huge-chunked', status: 422, says: 'The calendar is larger than 2 MB.' },
  ])('$name', async ({ path: p, status, says }) => {
    const res = await fromUrl(`http://127.0.0.1:${port}${p}`);
    expect(res.status).toBe(status);
    expect(textOf(res.text)).toContain(says);
  });

  it('gives up on an address that does not answer in full within 10 seconds', async () => {
    const res = await fromUrl(`http://127.0.0.1:${port}/slow`);
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('The address did not answer in full within 10 seconds.');
  }, 30_000);

  it.each([
    { name: 'a host not on the list', url: 'https://example.org/programme.ics', says: 'example.org is not one of the hosts this server fetches calendars from (127.0.0.1).' },
    { name: 'plain http to a host that is not loopback', url: 'http://example.org/programme.ics', says: 'Only https addresses are fetched.' },
    { name: 'credentials in the address', url: `http://user:secret@127.0.0.1:1/p.ics`, says: 'An address with a user name or password is not fetched.' },
    { name: 'not an address', url: 'programme.ics', says: 'This is not a web address.' },
    { name: 'a file scheme', url: 'file:///etc/passwd', says: 'Only https addresses are fetched.' },
  ])('refuses $name without fetching', async ({ url, says }) => {
    const before = urlCtx.services.audit.head();
    const res = await fromUrl(url);
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain(says);
    expect(urlCtx.services.audit.head()).toBe(before);
  });
});

describe('the forum JSON transfer carries the programme and the links', () => {
  it('exports sessions and a meeting’s session, and imports them into an empty database', async () => {
    const doc = ctx.services.forumTransfer.exportForum(forumId);
    expect(doc.programmeSessions.length).toBe(sessions().length);
    const linked = doc.meetings.filter((m) => m.programmeSession !== null);
    expect(linked).toHaveLength(3);
    const target = createTestApp({ demo: false });
    try {
      const outcome = target.services.forumTransfer.importForum(SYSTEM_ACTOR, JSON.stringify(doc));
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems.slice(0, 3)));
      const there = target.services.store.programmeSessions.ofForum(outcome.result.forumId);
      expect(there.map(describeSession).sort()).toEqual(sessions().map(describeSession).sort());
      const meeting = target.services.meetings.list({ forumId: outcome.result.forumId }).find((m) => m.title === 'Morning press briefing')!;
      expect(target.services.forumProgramme.attendedBy(meeting)?.session.title).toBe('Morning press briefing');
    } finally {
      target.close();
    }
  });
});
