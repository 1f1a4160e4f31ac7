/**
 * The printed agendas as staff open them, over the demo programme (SPIEF 2019):
 * what each sheet says and in which order, the two clocks, the page a meeting
 * lands on, the booklet, the conflicts at the foot of a day, who may mark a
 * sheet printed, and the links that lead to agendas from other pages.
 * Tests run with TZ=UTC: every day boundary here is Moscow's, not the server's.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

/** 21:15 in Moscow on the eve of 7 June: when the staff print the next day's programme. */
const NOW = Date.UTC(2019, 5, 6, 18, 15);

let ctx: TestContext;
let planner: SignedIn;
const demo = () => ctx.demo!;
const agendaUrl = (scope: string, id: number, day = '') => `/forums/${demo().forumId}/agenda/${scope}/${id}${day ? `/${day}` : ''}`;
const delegationDay = (day: string) => agendaUrl('delegation', demo().delegations.azerbaijan, day);

beforeAll(async () => {
  ctx = createTestApp({ clock: () => NOW });
  planner = await signIn(ctx, 'agenda-planner', 'planner');
});
afterAll(() => ctx.close());

const DROZDENKO = 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko';
const PRESS = 'Press approach after the meeting with Governor Drozdenko';
const SIGNING = 'Signing of the cooperation agreement between AZPROMO and the Roscongress Foundation';
const GAZ = 'Meeting with GAZ Group on the Hajigabul plant';
const FAIRS = 'Working meeting at the Government of Leningrad Region on joint food fairs';
const PANEL = 'Panel: Russia and Azerbaijan, from trade to strategic partnership';
const RECEPTION = 'Reception of the Embassy of Azerbaijan';

interface SheetEntry {
  time: string;
  home: string;
  title: string;
  marks: string[];
  classes: string;
  text: string;
}

interface Sheet {
  head: string;
  foot: string;
  entries: SheetEntry[];
  /** The text of the conflicts row at the foot of the day, '' when there is none. */
  conflicts: string;
  /** Row kinds in page order: 'entry', 'removed', 'conflicts', 'empty'. */
  rowKinds: string[];
  text: string;
}

const inner = (html: string, re: RegExp) => textOf(re.exec(html)?.[1] ?? '');

/** The printed sheets of a page, one per day, read the way the paper reads. */
function sheetsOf(html: string): Sheet[] {
  return html
    .split('<table class="agenda-sheet">')
    .slice(1)
    .map((chunk) => {
      const table = chunk.slice(0, chunk.indexOf('</table>'));
      const rows = [...table.matchAll(/<tr class="entry\s*([^"]*)">([\s\S]*?)<\/tr>/g)].map((m) => ({ classes: m[1]!.trim(), html: m[2]! }));
      const kindOf = (r: { classes: string; html: string }) =>
        r.classes === 'removed' || r.classes === 'conflicts' ? r.classes : r.html.includes('class="empty"') ? 'empty' : 'entry';
      const rowText = (kind: string) => textOf(rows.find((r) => kindOf(r) === kind)?.html ?? '');
      return {
        head: inner(table, /<thead>([\s\S]*?)<\/thead>/),
        foot: inner(table, /<tfoot>([\s\S]*?)<\/tfoot>/),
        entries: rows
          .filter((r) => kindOf(r) === 'entry')
          .map((r) => ({
            time: inner(r.html, /<span class="t-forum">([\s\S]*?)<\/span>/),
            home: inner(r.html, /<span class="t-home">([\s\S]*?)<\/span>/),
            title: inner(r.html, /<strong class="title">([\s\S]*?)<\/strong>/),
            marks: [...r.html.matchAll(/<span class="mark mark-[\w-]+">([^<]+)<\/span>/g)].map((m) => m[1]!),
            classes: r.classes,
            text: textOf(r.html),
          })),
        conflicts: rowText('conflicts'),
        rowKinds: rows.map(kindOf),
        text: textOf(table),
      };
    });
}

async function sheetsAt(url: string, as: SignedIn = planner): Promise<Sheet[]> {
  const res = await as.get(url);
  expect(res.status).toBe(200);
  return sheetsOf(res.text);
}

describe('the delegation’s day sheet', () => {
  it('lists the day’s meetings in time order, each in Moscow time with Baku time beside it', async () => {
    const [sheet, ...others] = await sheetsAt(delegationDay('2019-06-07'));
    expect(others).toHaveLength(0);
    expect(sheet!.entries.map((e) => [e.time, e.home, e.title])).toEqual([
      ['08:00–08:40', 'Baku 09:00–09:40', 'Morning briefing'],
      ['08:45–09:30', 'Baku 09:45–10:30', 'Transfer to ExpoForum'],
      ['10:00–11:00', 'Baku 11:00–12:00', DROZDENKO],
      ['11:10–11:30', 'Baku 12:10–12:30', PRESS],
      ['12:00–12:30', 'Baku 13:00–13:30', SIGNING],
      ['13:30–14:15', 'Baku 14:30–15:15', GAZ],
      ['14:30–15:15', 'Baku 15:30–16:15', FAIRS],
      ['16:00–17:15', 'Baku 17:00–18:15', PANEL],
      ['19:30–21:30', 'Baku 20:30–22:30', RECEPTION],
    ]);
  });

  it('says who attends, where, with whom, and marks what is only tentative', async () => {
    const [sheet] = await sheetsAt(delegationDay('2019-06-07'));
    const drozdenko = sheet!.entries.find((e) => e.title === DROZDENKO)!;
    expect(drozdenko.text).toContain('Bilateral meeting');
    expect(drozdenko.text).toContain('Pavilion F, bilateral meeting room F1, ExpoForum · Peterburgskoye shosse 64/1, St. Petersburg');
    expect(drozdenko.text).toContain('Counterparts Aleksandr Drozdenko (Александр Дрозденко), Governor of Leningrad Region (Government of Leningrad Region)');
    expect(drozdenko.text).toContain('Our side Shahin Mustafayev, Rashad Hasanov, Leyla Mammadova (note-taker), Tural Guliyev (optional)');
    expect(drozdenko.text).toContain('Interpreter Aygun Ismayilova');
    expect(drozdenko.text).toContain('Contact Tural Guliyev, Head of Protocol, +994 12 000 00 01');
    expect(sheet!.entries.filter((e) => e.marks.includes('TENTATIVE')).map((e) => e.title)).toEqual([FAIRS, RECEPTION]);
    // The transfer to ExpoForum is itself the journey: no transfer line leads into it.
    expect(sheet!.text).not.toContain('Transfer from Hotel Astoria');
    // The Deputy Minister cannot cross town in 15 minutes: the driver's line says so before the meeting it leads to.
    expect(sheet!.text).toContain(`Transfer from ExpoForum: 45 min needed, 15 min between meetings — too tight 14:30–15:15 Baku 15:30–16:15 TENTATIVE WARNING ${FAIRS}`);
  });

  it('heads each sheet with the forum, the delegation, the weekday and date in full and the clocks, and signs it at the foot', async () => {
    const [sheet] = await sheetsAt(delegationDay('2019-06-07'));
    expect(sheet!.head).toBe('23rd St. Petersburg International Economic Forum Azerbaijan — Ministry of Economy Friday, 7 June 2019 Times: Moscow (Baku)');
    expect(sheet!.foot).toMatch(/^Printed Thursday, 6 June 2019, 21:15 Moscow · version [0-9a-f]{8} · Contains briefing notes: do not leave unattended$/);
  });

  it('heads a member’s sheet with the person and the delegation they travel with', async () => {
    const [sheet] = await sheetsAt(agendaUrl('person', demo().people.mustafayev!, '2019-06-07'));
    expect(sheet!.head).toBe('23rd St. Petersburg International Economic Forum Shahin Mustafayev Azerbaijan — Ministry of Economy Friday, 7 June 2019 Times: Moscow (Baku)');
    expect(sheet!.entries.map((e) => e.title)).toEqual(['Morning briefing', 'Transfer to ExpoForum', DROZDENKO, PRESS, SIGNING, PANEL, RECEPTION]);
  });

  it('lists the day’s conflicts after its last meeting, and only on the days they concern', async () => {
    const sheets = await sheetsAt(agendaUrl('delegation', demo().delegations.azerbaijan));
    const friday = sheets[1]!;
    expect(friday.rowKinds.at(-1)).toBe('conflicts');
    expect(friday.rowKinds.slice(0, -1).every((k) => k === 'entry')).toBe(true);
    expect(friday.conflicts).toContain('Conflicts on this day — resolve before relying on this sheet');
    expect(friday.conflicts).toContain(`Warning: Rashad Hasanov is in '${GAZ}' (13:30–14:15, ExpoForum) and needs 45 min to reach Smolny (Government of Leningrad Region) for '${FAIRS}' at 14:30.`);
    // A travel warning is printed WARNING, the conflicts page's word; CONFLICT is for a clash.
    expect(friday.entries.filter((e) => e.marks.includes('WARNING')).map((e) => e.title)).toEqual([GAZ, FAIRS]);
    expect(friday.entries.filter((e) => e.marks.includes('CONFLICT'))).toEqual([]);
    expect(sheets[0]!.conflicts).toBe('');
    expect(sheets[2]!.conflicts).toBe('');
  });
});

describe('the booklet', () => {
  it('has one sheet per forum day, in order, each with its own heading and foot', async () => {
    const sheets = await sheetsAt(agendaUrl('delegation', demo().delegations.azerbaijan));
    expect(sheets.map((s) => /(\w+day, \d+ June 2019)/.exec(s.head)?.[1])).toEqual(['Thursday, 6 June 2019', 'Friday, 7 June 2019', 'Saturday, 8 June 2019']);
    expect(sheets.map((s) => s.entries.length).slice(0, 2)).toEqual([1, 9]);
    expect(sheets[2]!.entries.map((e) => e.title)).toEqual(expect.arrayContaining(['Morning briefing', 'Opening of the meeting of Azerbaijani and Russian entrepreneurs']));
    for (const s of sheets) expect(s.foot).toMatch(/^Printed Thursday, 6 June 2019, 21:15 Moscow · version [0-9a-f]{8}/);
  });

  it('keeps a sheet for a day with nothing on it, so the door never shows yesterday’s paper', async () => {
    const room = ctx.services.rooms.create(SYSTEM_ACTOR, { venueId: demo().venues.expo, name: 'Pavilion F, meeting room F9', capacity: 6, kind: 'meeting_room' });
    ctx.services.meetings.create(SYSTEM_ACTOR, demo().forumId, {
      title: 'Meeting with Gazprombank on the Azerikimya financing',
      kind: 'bilateral',
      status: 'confirmed',
      start: '2019-06-07T09:00',
      end: '2019-06-07T09:30',
      roomId: room.id,
      participants: [{ personId: demo().people.azerikimya!, role: 'principal' }, { personId: demo().people.gazprombank!, role: 'counterpart' }],
    });
    const sheets = await sheetsAt(agendaUrl('room', room.id));
    expect(sheets).toHaveLength(3);
    expect(sheets.map((s) => s.rowKinds)).toEqual([['empty'], ['entry'], ['empty']]);
    expect(sheets[0]!.text).toContain('Nothing scheduled on this day.');
    expect(sheets[1]!.entries.map((e) => e.title)).toEqual(['Meeting with Gazprombank on the Azerikimya financing']);
    // A room has no home zone: one clock only.
    expect(sheets[1]!.entries[0]!.home).toBe('');
    expect(sheets[1]!.head).toBe('23rd St. Petersburg International Economic Forum Pavilion F, meeting room F9 ExpoForum, Peterburgskoye shosse 64/1, St. Petersburg Friday, 7 June 2019 Times: Moscow');
  });
});

describe('addresses that do not name an agenda', () => {
  it.each([
    { name: 'a day before the forum', url: () => delegationDay('2019-06-05') },
    { name: 'a day after the forum', url: () => delegationDay('2019-06-09') },
    { name: 'a date that is not a date', url: () => delegationDay('2019-06-7') },
    { name: 'a word for a date', url: () => delegationDay('tomorrow') },
    { name: 'an unknown scope', url: () => `/forums/${demo().forumId}/agenda/organization/${demo().organizations.economy}/2019-06-07` },
    { name: 'a made-up scope', url: () => `/forums/${demo().forumId}/agenda/meeting/1/2019-06-07` },
    { name: 'an unknown delegation', url: () => agendaUrl('delegation', 9999, '2019-06-07') },
    { name: 'an unknown person', url: () => agendaUrl('person', 9999) },
    { name: 'an unknown room', url: () => agendaUrl('room', 9999) },
    { name: 'an unknown forum', url: () => `/forums/9999/agenda/delegation/${demo().delegations.azerbaijan}` },
  ])('answers 404 for $name', async ({ url }) => {
    const res = await planner.get(url());
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('agenda-sheet');
  });

  it('answers 404 for a delegation and a room of another forum, not an empty sheet under this forum’s name', async () => {
    const other = ctx.services.forums.create(SYSTEM_ACTOR, { name: 'Baku Global Forum 2019', shortName: 'BGF 2019', startDate: '2019-06-06', endDate: '2019-06-08', timeZone: 'Asia/Baku', city: 'Baku' });
    const delegation = ctx.services.delegations.create(SYSTEM_ACTOR, { forumId: other.id, name: 'Visiting delegation', country: '', homeTimeZone: 'Asia/Baku', headPersonId: null });
    const venue = ctx.services.venues.create(SYSTEM_ACTOR, { forumId: other.id, name: 'Baku Congress Center', address: '', opensAt: null, closesAt: null });
    const room = ctx.services.rooms.create(SYSTEM_ACTOR, { venueId: venue.id, name: 'Hall A', capacity: 50, kind: 'hall' });
    expect((await planner.get(agendaUrl('delegation', delegation.id, '2019-06-07'))).status).toBe(404);
    expect((await planner.get(agendaUrl('room', room.id))).status).toBe(404);
  });
});

describe('who may read and who may mark printed', () => {
  it('lets a viewer read every agenda but offers no "Mark as printed", and refuses the post with 403', async () => {
    const viewer = await signIn(ctx, 'agenda-viewer', 'viewer');
    const url = delegationDay('2019-06-07');
    const page = await viewer.get(url);
    expect(page.status).toBe(200);
    expect(sheetsOf(page.text)[0]!.entries).toHaveLength(9);
    expect(textOf(page.text)).not.toContain('Mark as printed');
    const res = await viewer.submit(url, `${agendaUrl('delegation', demo().delegations.azerbaijan)}/printed`, { day: '2019-06-07' });
    expect(res.status).toBe(403);
    expect(ctx.services.store.printSnapshots.latest({ forumId: demo().forumId, scope: 'delegation', scopeId: demo().delegations.azerbaijan })).toBeNull();
  });

  it('sends a visitor without a session to the login page', async () => {
    const res = await request(ctx.app).get(delegationDay('2019-06-07'));
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/login\?next=/);
  });
});

describe('links to agendas from other pages', () => {
  const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);

  it('offers the delegation’s day sheets and booklet, and each member’s agenda, on the delegation’s page', async () => {
    const res = await planner.get(`/forums/${demo().forumId}/delegations/${demo().delegations.azerbaijan}`);
    const links = hrefs(res.text);
    for (const day of ['2019-06-06', '2019-06-07', '2019-06-08']) expect(links).toContain(delegationDay(day));
    expect(links).toContain(agendaUrl('delegation', demo().delegations.azerbaijan));
    expect(links).toContain(agendaUrl('person', demo().people.mustafayev!));
    expect(links).toContain(agendaUrl('person', demo().people.protocol!));
    expect(textOf(res.text)).toContain('Delegation agenda Thu 6 Jun · Fri 7 Jun · Sat 8 Jun · All days');
  });

  it('offers a door sheet for each room on the venue’s page', async () => {
    const res = await planner.get(`/forums/${demo().forumId}/venues/${demo().venues.expo}`);
    const links = hrefs(res.text);
    expect(links).toContain(agendaUrl('room', demo().rooms.bilateral1!));
    expect(links).toContain(agendaUrl('room', demo().rooms.congressHall!));
    expect(links).not.toContain(agendaUrl('room', demo().rooms.smolnyHall!));
  });

  it('offers a person’s agenda in each forum they take part in, and says so when there is none', async () => {
    const res = await planner.get(`/people/${demo().people.drozdenko}`);
    expect(textOf(res.text)).toContain('Agendas SPIEF 2019 Thu 6 Jun · Fri 7 Jun · Sat 8 Jun · All days');
    expect(hrefs(res.text)).toContain(agendaUrl('person', demo().people.drozdenko!, '2019-06-07'));
    const nobody = ctx.services.people.create(SYSTEM_ACTOR, { fullName: 'Rəna Quliyeva', languages: 'az' });
    expect(textOf((await planner.get(`/people/${nobody.id}`)).text)).toContain('Agendas No meetings and no delegation in any forum yet.');
  });

  it('leads to pages that answer', async () => {
    for (const url of [agendaUrl('person', demo().people.protocol!), agendaUrl('room', demo().rooms.congressHall!), agendaUrl('person', demo().people.drozdenko!, '2019-06-07')]) {
      expect((await planner.get(url)).status).toBe(200);
    }
  });
});

describe('day boundaries are Moscow’s, whatever the server’s zone', () => {
  beforeAll(() => {
    const az = demo().delegations.azerbaijan;
    const p = demo().people;
    const create = (title: string, start: string, end: string, personId: number) =>
      ctx.services.meetings.create(SYSTEM_ACTOR, demo().forumId, { title, kind: 'briefing', status: 'confirmed', start, end, place: 'Hotel Astoria, room 512', participants: [{ personId, role: 'principal' }], delegationIds: [az] });
    // 00:30 Moscow on 8 June is 21:30 UTC on 7 June: a server reading UTC dates would print it on Friday's sheet.
    create('Night arrival of the AZPROMO team', '2019-06-08T00:30', '2019-06-08T01:00', p.azpromo!);
    // 23:00 Moscow is already 00:00 the next day in Baku.
    create('Late call with the ministry in Baku', '2019-06-07T23:00', '2019-06-07T23:45', p.adviser!);
  });

  it('puts a meeting at 00:30 Moscow on that Moscow day’s sheet, first', async () => {
    const [saturday] = await sheetsAt(delegationDay('2019-06-08'));
    expect(saturday!.entries[0]).toMatchObject({ time: '00:30–01:00', home: 'Baku 01:30–02:00', title: 'Night arrival of the AZPROMO team' });
    const [friday] = await sheetsAt(delegationDay('2019-06-07'));
    expect(friday!.entries.map((e) => e.title)).not.toContain('Night arrival of the AZPROMO team');
  });

  it('keeps a late meeting on its Moscow day and marks the home clock that is already tomorrow', async () => {
    const [friday] = await sheetsAt(delegationDay('2019-06-07'));
    expect(friday!.entries.at(-1)).toMatchObject({ time: '23:00–23:45', home: 'Baku 00:00 (+1)–00:45 (+1)', title: 'Late call with the ministry in Baku' });
  });
});
