/**
 * The availability board through HTTP: who it shows by default, people
 * found by the contact-book search in any script (the page without
 * JavaScript, and the JSON search the page's script asks), bounds and bad
 * input refused with a field message (422, never a 500), names escaped, who
 * may see it, and a "Plan a meeting here" link whose filled-in form saves
 * without a conflict. The property test ties every free stretch to the real
 * save check: a meeting of the shown people there saves with no conflict.
 */
import fc from 'fast-check';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { MEETING_STATUSES } from '../../src/domain/types';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { encodeForm, formFieldsOf, valuesOf, withFields } from '../support/html-form';
import { createFixtureForum, DAY1, DAY2, type FixtureForum } from '../support/meeting-fixture';

let ctx: TestContext;
let fx: FixtureForum;
let planner: SignedIn;

beforeAll(async () => {
  ctx = createTestApp({ demo: false });
  fx = createFixtureForum(ctx.services);
  ctx.services.directory.setMember(SYSTEM_ACTOR, fx.delegations.azerbaijan, { personId: fx.people.deputy, role: 'deputy' });
  ctx.services.directory.setMember(SYSTEM_ACTOR, fx.delegations.azerbaijan, { personId: fx.people.minister, role: 'head' });
  planner = await signIn(ctx, 'anna', 'planner');
});
afterAll(() => ctx.close());

const board = (query = '') => planner.get(`/forums/${fx.forumId}/board${query ? `?${query}` : ''}`);
const shownIds = (html: string) => valuesOf(formFieldsOf(html, { action: '/board' }), 'person').map(Number);
const planLinks = (html: string) => [...html.replace(/&amp;/g, '&').matchAll(/class="board-plan" href="([^"]+)"/g)].map((m) => m[1]!);

describe('GET /forums/:id/board', () => {
  it('opens on the first forum day with the delegation, head first', async () => {
    const res = await board();
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain('Availability board · Monday, 10 June 2019');
    expect(shownIds(res.text)).toEqual([fx.people.minister, fx.people.deputy]);
    // The minister's briefing at the hotel, the talks in Room A, and the 30 minutes of travel between them.
    const text = textOf(res.text);
    expect(text).toContain('09:00–10:00 Delegation briefing');
    expect(text).toContain('10:00–10:30 Travel to Congress Centre, 30 min');
    expect(text).toContain('Plant follow-up');
    expect(text).toContain('· tentative');
    // The stretches free for both: before the briefing, and in the gaps of the day.
    expect(text).toContain('08:00–09:00 Plan a meeting here');
  });

  it('shows a cancelled meeting struck through but not busy, on its day', async () => {
    const res = await board(`show=1&date=${DAY2}&person=${fx.people.minister}`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/board-cancelled[^>]*>[\s\S]*?Lunch with the embassy \(cancelled\)/);
    expect(textOf(res.text)).toContain('09:45–20:00 Plan a meeting here');
  });

  it('shows rooms with their venue hours, and a room too small says so', async () => {
    const five = ['minister', 'deputy', 'governor', 'director', 'adviser'] as const;
    const res = await board(`show=1&date=${DAY1}&${five.map((w) => `person=${fx.people[w]}`).join('&')}&room=${fx.rooms.roomA}&room=${fx.rooms.roomB}`);
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    // The Congress Centre keeps 08:00–20:00: the shown day widens to the 07:00 and 21:00 around it only when a meeting does.
    expect(res.text).toMatch(/board-venue_closed|Congress Centre closed/);
    expect(text).toContain('4 seats: too small for 5');
    const links = planLinks(res.text);
    expect(links.some((href) => href.includes(`roomId=${fx.rooms.roomA}`))).toBe(true);
    expect(links.some((href) => href.includes(`roomId=${fx.rooms.roomB}`))).toBe(false);
  });

  it("lists the chosen rooms and one venue's others, never every room of the forum", async () => {
    const roomsOf = (html: string) => [...html.matchAll(/name="room" value="(\d+)"( checked)?/g)].map((m) => `${m[1]}${m[2] ? '*' : ''}`);
    // Opens on the first venue's rooms.
    expect(roomsOf((await board(`show=1&person=${fx.people.minister}`)).text)).toEqual([fx.rooms.hall, fx.rooms.roomA, fx.rooms.roomB].map(String));
    // A chosen room at the hotel: listed as chosen, and the picker opens on its venue.
    expect(roomsOf((await board(`show=1&room=${fx.rooms.salon}`)).text)).toEqual([`${fx.rooms.salon}*`]);
    expect(roomsOf((await board(`show=1&room=${fx.rooms.salon}&venue=${fx.venues.centre}`)).text)).toEqual([`${fx.rooms.salon}*`, ...[fx.rooms.hall, fx.rooms.roomA, fx.rooms.roomB].map(String)]);
  });

  it('keeps the choice in the URL across the day tabs, and offers all days', async () => {
    const res = await board(`show=1&date=${DAY1}&person=${fx.people.governor}&room=${fx.rooms.salon}`);
    const html = res.text.replace(/&amp;/g, '&');
    expect(html).toContain(`/board?date=${DAY2}&person=${fx.people.governor}&room=${fx.rooms.salon}`);
    const all = await board(`show=1&date=all&person=${fx.people.governor}`);
    expect(all.status).toBe(200);
    expect(textOf(all.text)).toContain('Monday, 10 June 2019');
    expect(textOf(all.text)).toContain('Tuesday, 11 June 2019');
    expect(all.text.replace(/&amp;/g, '&')).toMatch(/find-time\?[^"]*from=2019-06-10&to=2019-06-11/);
  });

  it.each([
    ['Cyrillic local name', 'Губернатор', 'governor'],
    ['Latin without accents', 'orlov', 'director'],
    ['Cyrillic surname', 'орлов', 'director'],
    ['position, any case', 'DEPUTY minister', 'deputy'],
  ] as const)('finds people by the search in any script: %s', async (_name, q, who) => {
    const res = await board(`show=1&person=${fx.people.minister}&q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const matches = res.text.match(/<ul class="board-matches"[\s\S]*?<\/ul>/)![0];
    expect(matches).toContain(`value="${fx.people[who]}"`);
    const live = await planner.get(`/forums/${fx.forumId}/board/people?q=${encodeURIComponent(q)}`);
    expect(live.status).toBe(200);
    expect(live.body.people.map((p: { id: number }) => p.id)).toContain(fx.people[who]);
  });

  it('shows nobody when the form was sent with nobody ticked', async () => {
    const res = await board('show=1');
    expect(res.status).toBe(200);
    expect(shownIds(res.text)).toEqual([]);
    expect(textOf(res.text)).toContain('Choose people or rooms above to see their day.');
  });

  it.each([
    ['31 people', () => Array.from({ length: 31 }, (_, i) => `person=${i + 1}`).join('&'), 'That is 31 people; the board shows at most 30 at once. Untick some.'],
    ['31 rooms', () => Array.from({ length: 31 }, (_, i) => `room=${i + 1}`).join('&'), 'That is 31 rooms; the board shows at most 30 at once. Untick some.'],
    ['a person who does not exist', () => 'person=999999', 'There is no person 999999 in the contact book'],
    ['a person that is not an id', () => 'person=abc', 'Choose a person from the list.'],
    ['a room of no forum', () => 'room=999999', 'Choose a room'],
    ['a day outside the forum', () => `person=${fx.people.minister}&date=2019-07-01`, '“2019-07-01” is not a day of this forum'],
    ['a day that is no date', () => `person=${fx.people.minister}&date=tomorrow`, '“tomorrow” is not a day of this forum'],
  ])('refuses %s with a message on the form', async (_name, query, sentence) => {
    const res = await board(`show=1&${query()}`);
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain(sentence);
    // The form is still there, to fix the choice.
    expect(res.text).toContain('action="/forums/');
    expect(res.text).not.toContain('class="board"');
  });

  it('escapes names', async () => {
    const evil = ctx.services.people.create(SYSTEM_ACTOR, { fullName: '<img src=x onerror=alert(1)>', position: '"><script>x()</script>' }).id;
    ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: '<b>Bold</b> talks', kind: 'bilateral', status: 'confirmed', start: `${DAY2}T15:00`, end: `${DAY2}T16:00`, roomId: null, place: '<i>x</i>', participants: [{ personId: evil, role: 'principal' }] });
    const res = await board(`show=1&date=${DAY2}&person=${evil}&q=${encodeURIComponent('<img')}`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).not.toContain('<script>x()');
    expect(res.text).not.toContain('<b>Bold</b>');
    expect(res.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(res.text).toContain('&lt;b&gt;Bold&lt;/b&gt; talks');
  });

  it('is for planners only, and the navigation links it for them', async () => {
    const viewer = await signIn(ctx, 'vera', 'viewer');
    expect((await viewer.get(`/forums/${fx.forumId}/board`)).status).toBe(403);
    expect((await viewer.get(`/forums/${fx.forumId}/board/people?q=a`)).status).toBe(403);
    expect((await viewer.get(`/forums/${fx.forumId}/meetings`)).text).not.toContain(`/forums/${fx.forumId}/board"`);
    expect((await planner.get(`/forums/${fx.forumId}/meetings`)).text).toContain(`href="/forums/${fx.forumId}/board"`);
    expect((await planner.get(`/forums/${fx.forumId}/grid/people/${DAY1}`)).text).toContain(`href="/forums/${fx.forumId}/board?date=${DAY1}"`);
  });

  it('carries the change notice', async () => {
    const res = await board();
    expect(res.text).toMatch(/data-change-stream="\/forums\/\d+\/changes\?since=\d+"/);
  });

  it('a "Plan a meeting here" link opens the new-meeting form filled in, which saves as confirmed without a conflict', async () => {
    const res = await board(`show=1&date=${DAY1}&person=${fx.people.minister}&person=${fx.people.governor}&room=${fx.rooms.roomA}`);
    const href = planLinks(res.text).find((h) => h.includes(`roomId=${fx.rooms.roomA}`) && h.includes('T12%3A30'))!;
    expect(href).toBeDefined();
    const form = await planner.get(href);
    expect(form.status).toBe(200);
    const fields = withFields(formFieldsOf(form.text, { action: `/forums/${fx.forumId}/meetings` }), { title: 'Planned on the board', status: 'confirmed' });
    expect(valuesOf(fields, 'participantId').filter(Boolean).map(Number)).toEqual([fx.people.minister, fx.people.governor]);
    const saved = await planner.agent.post(`/forums/${fx.forumId}/meetings`).type('form').send(encodeForm(fields));
    expect(saved.status).toBe(303);
    const meeting = ctx.services.meetings.list({ forumId: fx.forumId }).find((m) => m.title === 'Planned on the board')!;
    expect(meeting.start).toBe(`${DAY1}T12:30`);
    expect(meeting.roomId).toBe(fx.rooms.roomA);
    expect(ctx.services.meetings.conflictsAmong(fx.forumId, [meeting])).toEqual([]);
  });
});

describe('property: every free stretch saves without a conflict for the shown people', () => {
  const minute = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  const meetingArb = fc.record({
    startMinutes: fc.integer({ min: 6 * 12, max: 21 * 12 }).map((n) => n * 5),
    durationMinutes: fc.integer({ min: 1, max: 30 }).map((n) => n * 5),
    status: fc.constantFrom(...MEETING_STATUSES),
    room: fc.constantFrom('hall', 'roomA', 'salon', null),
    who: fc.subarray(['minister', 'deputy', 'governor', 'adviser'] as const, { minLength: 1 }),
  });
  const blockArb = fc.record({ startMinutes: fc.integer({ min: 6 * 12, max: 21 * 12 }).map((n) => n * 5), durationMinutes: fc.integer({ min: 1, max: 36 }).map((n) => n * 5), who: fc.constantFrom('minister', 'deputy', 'roomA') });

  it('for everyone and in each shown room', () => {
    fc.assert(
      fc.property(
        fc.array(meetingArb, { maxLength: 10 }),
        fc.array(blockArb, { maxLength: 3 }),
        fc.subarray(['minister', 'deputy', 'governor'] as const, { minLength: 1 }),
        fc.subarray(['hall', 'roomA', 'salon'] as const),
        fc.nat(),
        (meetings, blocks, shown, rooms, pick) => {
          const f = createFixtureForum(ctx.services, { programme: false });
          const clock = (minutes: number) => `${DAY1}T${minute(Math.floor(minutes / 60), minutes % 60)}`;
          for (const m of meetings) {
            try {
              ctx.services.meetings.create(SYSTEM_ACTOR, f.forumId, {
                title: 'Random',
                kind: 'bilateral',
                status: m.status,
                start: clock(m.startMinutes),
                end: clock(Math.min(m.startMinutes + m.durationMinutes, 23 * 60 + 55)),
                roomId: m.room === null ? null : f.rooms[m.room],
                place: m.room === null ? 'Outside' : '',
                participants: m.who.map((w) => ({ personId: f.people[w], role: 'required' })),
              });
            } catch {
              // A confirmed clash is refused: the programme is what a planner could have saved.
            }
          }
          for (const b of blocks) {
            const target = b.who === 'roomA' ? `room:${f.rooms.roomA}` : `person:${f.people[b.who]}`;
            const [subject, subjectId] = target.split(':');
            ctx.services.availability.create(SYSTEM_ACTOR, f.forumId, { subject, subjectId, start: clock(b.startMinutes), end: clock(Math.min(b.startMinutes + b.durationMinutes, 23 * 60 + 55)), reason: '' });
          }
          const forum = ctx.services.forums.get(f.forumId);
          const personIds = shown.map((w) => f.people[w]);
          const page = ctx.services.board.show(forum, { personIds, roomIds: rooms.map((r) => f.rooms[r]), date: DAY1 }, 'en');
          const [day] = page.days;
          const stretches = day!.columns.length ? [...day!.free, ...day!.rows.flatMap((r) => r.cells.flatMap((c) => (c.type === 'entry' && c.entry.kind === 'free' && c.entry.plan!.roomId !== null ? [c.entry] : [])))] : [];
          if (!stretches.length) return;
          // One stretch per run, saved for real (another saved first would make the next one busy).
          const stretch = stretches[pick % stretches.length]!;
          const saved = ctx.services.meetings.create(SYSTEM_ACTOR, f.forumId, {
            title: 'On the board',
            kind: 'bilateral',
            status: 'confirmed',
            start: stretch.plan!.start,
            end: stretch.plan!.end,
            roomId: stretch.plan!.roomId,
            place: stretch.plan!.roomId === null ? 'Outside' : '',
            participants: personIds.map((personId) => ({ personId, role: 'required' })),
          });
          expect(saved.warnings).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
