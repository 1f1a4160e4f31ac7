import { localDateOf } from '../../src/domain/time';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

/**
 * The day grids and the conflicts page over the SPIEF 2019 demo, read the way
 * a planner reads them: which column a meeting stands in, at what row, with
 * which marks.
 */
let ctx: TestContext;
let planner: SignedIn;
let forumId: number;
const meetingId = (title: string) => ctx.services.meetings.list({ forumId }).find((m) => m.title === title)!.id;

beforeAll(async () => {
  ctx = createTestApp();
  forumId = ctx.demo!.forumId;
  planner = await signIn(ctx, 'grid-planner');
});
afterAll(() => ctx.close());

const DROZDENKO = 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko';
const GAZ = 'Meeting with GAZ Group on the Hajigabul plant';
const SMOLNY = 'Working meeting at the Government of Leningrad Region on joint food fairs';
const PRESS = 'Press approach after the meeting with Governor Drozdenko';

describe('the day grid by room', () => {
  it('opens on the first forum day that has meetings', async () => {
    const res = await planner.get(`/forums/${forumId}/grid`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`/forums/${forumId}/grid/rooms/2019-06-06`);
  });

  it.each([
    { name: 'the bilateral with the Governor', title: DROZDENKO, column: 'Pavilion F, bilateral meeting room F1', time: '10:00', range: '10:00–11:00', rows: 4 },
    { name: 'a 20-minute press approach, in its quarter hour', title: PRESS, column: 'Press centre, briefing room 2', time: '11:00', range: '11:10–11:30', rows: 2 },
    { name: 'the GAZ meeting', title: GAZ, column: 'Pavilion F, bilateral meeting room F2', time: '13:30', range: '13:30–14:15', rows: 3 },
    { name: 'the meeting at Smolny, another venue', title: SMOLNY, column: 'Governor’s meeting room', time: '14:30', range: '14:30–15:15', rows: 3 },
    { name: 'the transfer, which has a place but no room', title: 'Transfer to ExpoForum', column: 'Elsewhere', time: '08:45', range: '08:45–09:30', rows: 3 },
    { name: 'the evening reception, which widens the day past 20:00', title: 'Reception of the Embassy of Azerbaijan', column: 'Delegation briefing room, 2nd floor', time: '19:30', range: '19:30–21:30', rows: 8 },
  ])('puts $name in its room column at its time', async ({ title, column, time, range, rows }) => {
    const cells = gridCells((await planner.get(`/forums/${forumId}/grid/rooms/2019-06-07`)).text);
    const cell = cells.find((c) => titled(c, title));
    expect(cell).toMatchObject({ column, time, rowspan: rows });
    expect(cell!.text).toContain(range);
    expect(cell!.html).toContain(`href="/forums/${forumId}/meetings/${meetingId(title)}"`);
  });

  it('shows participants by short name, ours first, then the counterparts', async () => {
    const cells = gridCells((await planner.get(`/forums/${forumId}/grid/rooms/2019-06-07`)).text);
    expect(cells.find((c) => titled(c, DROZDENKO))!.text).toContain('Sh. Mustafayev, R. Hasanov, L. Mammadova, A. Ismayilova, T. Guliyev · with A. Drozdenko, D. Volkov');
  });

  it('greys out a room while it is unavailable', async () => {
    const cells = gridCells((await planner.get(`/forums/${forumId}/grid/rooms/2019-06-07`)).text);
    expect(cells.find((c) => c.className.includes('grid-unavailable'))).toMatchObject({
      column: 'Congress Hall D',
      time: '08:00',
      rowspan: 6,
      text: '08:00–09:30 Unavailable · Stage set-up (illustrative)',
    });
  });

  it('marks the too-short transfer on both meetings, as a warning and in words', async () => {
    const cells = gridCells((await planner.get(`/forums/${forumId}/grid/rooms/2019-06-07`)).text);
    for (const title of [GAZ, SMOLNY]) {
      const cell = cells.find((c) => titled(c, title))!;
      expect(cell.className).toContain('marked-warning');
      expect(cell.text).toMatch(/^\d\d:\d\d–\d\d:\d\d (confirmed|tentative) ⚠ warning .* warning: travel time /);
    }
    expect(cells.find((c) => titled(c, DROZDENKO))!.text).not.toContain('warning');
  });

  it('shows one venue when filtered, and keeps the filter across days', async () => {
    const res = await planner.get(`/forums/${forumId}/grid/rooms/2019-06-07?venue=${ctx.demo!.venues.smolny}`);
    expect(new Set(gridCells(res.text).map((c) => c.column))).toEqual(new Set(['Governor’s meeting room']));
    expect(gridColumns(res.text)).toEqual(['Governor’s meeting room']);
    expect(res.text).toContain(`href="/forums/${forumId}/grid/rooms/2019-06-08?venue=${ctx.demo!.venues.smolny}"`);
  });

  it('moves between the forum days: tabs with counts, previous and next', async () => {
    const text = textOf((await planner.get(`/forums/${forumId}/grid/rooms/2019-06-07`)).text);
    expect(text).toContain('Rooms · Friday, 7 June 2019');
    const count = (day: string) => ctx.services.meetings.list({ forumId }).filter((m) => localDateOf(m.startUtc, 'Europe/Moscow') === day).length;
    expect(count('2019-06-07')).toBe(9);
    expect(text).toContain(`Thu 6 Jun 1 meeting Fri 7 Jun 9 meetings Sat 8 Jun ${count('2019-06-08')} meetings`);
    const html = (await planner.get(`/forums/${forumId}/grid/rooms/2019-06-07`)).text;
    expect(html).toMatch(new RegExp(`href="/forums/${forumId}/grid/rooms/2019-06-06" rel="prev"`));
    expect(html).toMatch(new RegExp(`href="/forums/${forumId}/grid/rooms/2019-06-08" rel="next"`));
  });

  it.each([
    { name: 'a day that does not exist', date: '2019-02-30', says: '“2019-02-30” is not a date.' },
    { name: 'something that is not a date', date: 'tomorrow', says: '“tomorrow” is not a date.' },
    { name: 'a day outside the forum', date: '2019-06-10', says: 'Monday, 10 June 2019 is not a day of SPIEF 2019 , which runs 6–8 June 2019.' },
  ])('answers 404 with a clear message for $name, and offers the forum days', async ({ date, says }) => {
    for (const mode of ['rooms', 'people']) {
      const res = await planner.get(`/forums/${forumId}/grid/${mode}/${date}`);
      expect(res.status).toBe(404);
      const text = textOf(res.text);
      expect(text).toContain(says);
      expect(res.text).toContain(`href="/forums/${forumId}/grid/${mode}/2019-06-07"`);
    }
  });
});

describe('the day grid by person', () => {
  it('shows the first delegation’s members as columns, head first, with the Minister’s day', async () => {
    const res = await planner.get(`/forums/${forumId}/grid/people/2019-06-07`);
    expect(res.status).toBe(200);
    expect(gridColumns(res.text)[0]).toBe('Shahin Mustafayev');
    const mine = gridCells(res.text).filter((c) => c.column === 'Shahin Mustafayev');
    expect(mine.map((c) => [c.time, c.text.slice(0, 11)])).toEqual([
      ['08:00', '08:00–08:40'],
      ['08:45', '08:45–09:30'],
      ['10:00', '10:00–11:00'],
      ['11:00', '11:10–11:30'],
      ['12:00', '12:00–12:30'],
      ['16:00', '16:00–17:15'],
      ['19:30', '19:30–21:30'],
    ]);
    expect(mine.find((c) => c.time === '10:00')!.text).toContain('Pavilion F, bilateral meeting room F1, ExpoForum');
  });

  it('puts the home clock beside the forum clock', async () => {
    const text = textOf((await planner.get(`/forums/${forumId}/grid/people/2019-06-07`)).text);
    expect(text).toContain('10:00 · Baku 11:00');
    expect(text).toContain('Times in Moscow (forum time), with Baku time beside each hour');
  });

  it.each([
    { lang: 'ru', home: '10:00 · Баку 11:00', lead: 'Баку' },
    { lang: 'az', home: '10:00 · Bakı 11:00', lead: 'Bakı' },
  ])('names the home clock’s city in the reader’s language ($lang), never “Baku”', async ({ lang, home, lead }) => {
    const text = textOf((await planner.get(`/forums/${forumId}/grid/people/2019-06-07?lang=${lang}`)).text);
    expect(text).toContain(home);
    expect(text).toContain(lead);
    expect(text).not.toContain('Baku');
  });

  it('switches to another delegation, whose home clock is the forum’s', async () => {
    const res = await planner.get(`/forums/${forumId}/grid/people/2019-06-07?delegation=${ctx.demo!.delegations.leningrad}`);
    expect(gridColumns(res.text)).toEqual(['Aleksandr Drozdenko', 'Dmitry Volkov']);
    expect(textOf(res.text)).not.toContain('Baku');
    expect(gridCells(res.text).filter((c) => c.column === 'Dmitry Volkov').map((c) => c.time)).toEqual(['10:00', '14:30']);
  });

  it('marks the travel warning only in the column of the person who has to travel', async () => {
    const cells = gridCells((await planner.get(`/forums/${forumId}/grid/people/2019-06-07`)).text).filter((c) => titled(c, GAZ));
    expect(cells.map((c) => [c.column, c.className.includes('marked-warning')])).toEqual([
      ['Rashad Hasanov', true],
      ['Leyla Mammadova', false],
    ]);
  });

  it('shows a person’s unavailability greyed in their column', async () => {
    const res = await planner.get(`/forums/${forumId}/grid/people/2019-06-08`);
    const block = gridCells(res.text).find((c) => c.className.includes('grid-unavailable'));
    expect(block).toMatchObject({ column: 'Shahin Mustafayev', time: '14:30' });
    expect(block!.text).toContain('Return flight to Baku');
  });
});

describe('statuses in the grid', () => {
  it('reads tentative and cancelled from words and styles, not colour alone', async () => {
    const press = ctx.services.meetings.get(meetingId(PRESS));
    ctx.services.meetings.setStatus(SYSTEM_ACTOR, press.id, press.version, 'cancelled');
    const cells = gridCells((await planner.get(`/forums/${forumId}/grid/rooms/2019-06-07`)).text);
    const cancelled = cells.find((c) => titled(c, PRESS))!;
    expect(cancelled.className).toContain('status-cancelled');
    expect(cancelled.text).toContain('11:10–11:30 cancelled');
    const tentative = cells.find((c) => titled(c, SMOLNY))!;
    expect(tentative.className).toContain('status-tentative');
    expect(tentative.text).toContain('14:30–15:15 tentative ⚠ warning Working meeting');
    expect(cells.find((c) => titled(c, DROZDENKO))!.text).toContain('10:00–11:00 confirmed');
  });

  it('gives two overlapping meetings in one room a lane each', async () => {
    ctx.services.meetings.create(SYSTEM_ACTOR, forumId, {
      title: 'Courtesy call, tentative',
      kind: 'bilateral',
      status: 'tentative',
      start: '2019-06-07T10:30',
      end: '2019-06-07T11:15',
      roomId: ctx.demo!.rooms.bilateral1,
      participants: [],
    });
    const res = await planner.get(`/forums/${forumId}/grid/rooms/2019-06-07`);
    const inRoom = gridCells(res.text).filter((c) => c.column === 'Pavilion F, bilateral meeting room F1');
    expect(inRoom.map((c) => [c.time, c.rowspan])).toEqual([
      ['10:00', 4],
      ['10:30', 3],
    ]);
    expect(inRoom[0]!.text).toContain('warning: room double-booked');
  });
});

describe('a B2B area', () => {
  it('folds its parallel table meetings into one session block; the person grid still shows each', async () => {
    const b2bArea = ctx.demo!.rooms.b2bArea!;
    const companies = [ctx.demo!.people.azpromo!, ctx.demo!.people['socar-polymer']!, ctx.demo!.people.hajigabul!];
    const slots = [['16:00', '16:20'], ['16:25', '16:45']];
    for (const [slot, [start, end]] of slots.entries()) {
      for (const table of companies.keys()) {
        ctx.services.meetings.create(SYSTEM_ACTOR, forumId, {
          title: `B2B test ${slot}/${table}`,
          kind: 'b2b',
          status: slot === 1 && table === 0 ? 'tentative' : 'confirmed',
          start: `2019-06-06T${start}`,
          end: `2019-06-06T${end}`,
          roomId: b2bArea,
          place: `Table ${table + 1}`,
          participants: [{ personId: companies[(table + slot) % companies.length]!, role: 'required' }],
        });
      }
    }
    const rooms = await planner.get(`/forums/${forumId}/grid/rooms/2019-06-06`);
    expect(gridColumns(rooms.text).filter((c) => c === 'B2B area, Pavilion G')).toHaveLength(1);
    const session = gridCells(rooms.text).find((c) => c.column === 'B2B area, Pavilion G')!;
    expect(session).toMatchObject({ time: '16:00', rowspan: 3, text: '16:00–16:45 B2B session 6 meetings at 3 tables · 1 not confirmed' });
    expect(session.html).toContain(`href="/forums/${forumId}/b2b"`);

    const people = await planner.get(`/forums/${forumId}/grid/people/2019-06-06`);
    expect(gridCells(people.text).filter((c) => c.column === 'Nigar Aliyeva').map((c) => [c.time, c.text.slice(0, 11)])).toEqual([
      ['16:00', '16:00–16:20'],
      ['16:15', '16:25–16:45'],
    ]);
  });
});

describe('the conflicts page', () => {
  it('lists the demo’s deliberate travel warning with links to both meetings', async () => {
    const fresh = createTestApp();
    try {
      const id = fresh.demo!.forumId;
      const agent = await signIn(fresh, 'conflict-viewer', 'viewer');
      const res = await agent.get(`/forums/${id}/conflicts`);
      expect(res.status).toBe(200);
      const text = textOf(res.text);
      for (const line of [
        '0 errors',
        '1 warning',
        'Friday, 7 June 2019',
        'Travel time too short (1)',
        `Rashad Hasanov is in '${GAZ}' (13:30–14:15, ExpoForum) and needs 45 min to reach Smolny (Government of Leningrad Region) for '${SMOLNY}' at 14:30.`,
      ]) {
        expect(text).toContain(line);
      }
      const byTitle = (title: string) => fresh.services.meetings.list({ forumId: id }).find((m) => m.title === title)!.id;
      for (const title of [GAZ, SMOLNY]) expect(res.text).toContain(`href="/forums/${id}/meetings/${byTitle(title)}"`);
    } finally {
      fresh.close();
    }
  });

  it('puts errors first within a day and counts them', async () => {
    // An error-level clash cannot be saved through the service; it arises when stored
    // instants are recomputed (new tz data), so it is written to the store directly here.
    const drozdenko = ctx.services.meetings.get(meetingId(DROZDENKO));
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, documents: _d, ...values } = drozdenko;
    ctx.services.store.meetings.insert({ ...values, title: 'Clashing confirmed booking', participants: [], delegationIds: [], documents: [] });
    const text = textOf((await planner.get(`/forums/${forumId}/conflicts`)).text);
    expect(text).toContain('1 error');
    const day = text.slice(text.indexOf('Friday, 7 June 2019'));
    expect(day.indexOf('Room double-booked')).toBeLessThan(day.indexOf('Travel time too short'));
    expect(day).toMatch(/Room double-booked \(3\) ✖ error Pavilion F, bilateral meeting room F1 at ExpoForum is booked for '.*' \(10:00–11:00\) and 'Clashing confirmed booking'/);
  });

  it('says so when the programme is clean', async () => {
    const empty = createTestApp({ demo: false });
    try {
      const forum = empty.services.forums.create(SYSTEM_ACTOR, { name: 'Baku Energy Week', shortName: 'BEW', startDate: '2019-06-04', endDate: '2019-06-06', timeZone: 'Asia/Baku', city: 'Baku' });
      const agent = await signIn(empty, 'clean-planner');
      const text = textOf((await agent.get(`/forums/${forum.id}/conflicts`)).text);
      expect(text).toContain('No conflicts: the programme is clean.');
      const grid = await agent.get(`/forums/${forum.id}/grid`);
      expect(grid.headers.location).toBe(`/forums/${forum.id}/grid/rooms/2019-06-04`);
      expect(textOf((await agent.get(`/forums/${forum.id}/grid/people/2019-06-04`)).text)).toContain('This forum has no delegations yet.');
    } finally {
      empty.close();
    }
  });
});

describe('who sees what', () => {
  it('lets a viewer read the grids but offers no planning actions', async () => {
    const viewer = await signIn(ctx, 'grid-viewer', 'viewer');
    const res = await viewer.get(`/forums/${forumId}/grid/rooms/2019-06-07`);
    expect(res.status).toBe(200);
    expect(textOf(res.text)).not.toContain('New meeting');
    expect(textOf(res.text)).toContain(DROZDENKO);
  });
});

interface Cell {
  column: string;
  time: string;
  rowspan: number;
  className: string;
  text: string;
  html: string;
}

/** The labels of the grid's columns, one per lane. */
function gridColumns(html: string): string[] {
  const thead = /<table class="day-grid[\s\S]*?<tbody>/.exec(html)![0];
  const headerRow = thead.split('<tr').pop()!;
  return [...headerRow.matchAll(/<th([^>]*)>([\s\S]*?)<\/th>/g)]
    .filter(([, attrs]) => !attrs!.includes('corner'))
    .flatMap(([, attrs, inner]) => {
      const label = textOf(/<span class="column-label">([\s\S]*?)<\/span>/.exec(inner!)![1]!);
      return Array<string>(Number(/colspan="(\d+)"/.exec(attrs!)?.[1] ?? 1)).fill(label);
    });
}

/**
 * The grid's occupied cells with the column and row they stand in, found the
 * way a browser lays out rowspans. Fails if a row does not fill the table
 * exactly, which would show as a ragged grid.
 */
/** The cell whose block is this meeting: its title link, not a mention in another block's warning sentence. */
function titled(cell: Cell, title: string): boolean {
  return cell.html.includes(`>${title}</a>`);
}

function gridCells(html: string): Cell[] {
  const columns = gridColumns(html);
  const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(/<table class="day-grid[\s\S]*?<\/table>/.exec(html)![0])![1]!;
  const coveredFor = columns.map(() => 0);
  const cells: Cell[] = [];
  for (const row of tbody.split('<tr').slice(1)) {
    const time = textOf(/<th[^>]*>([\s\S]*?)<\/th>/.exec(row)![1]!).split(' · ')[0]!;
    let column = 0;
    for (const [whole, attrs, inner] of row.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)) {
      while (coveredFor[column]! > 0) column += 1;
      const rowspan = Number(/rowspan="(\d+)"/.exec(attrs!)?.[1] ?? 1);
      const className = /class="([^"]*)"/.exec(attrs!)?.[1] ?? '';
      if (className !== 'free') cells.push({ column: columns[column]!, time, rowspan, className, text: textOf(inner!), html: whole });
      coveredFor[column] = rowspan;
      column += 1;
    }
    while (column < columns.length && coveredFor[column]! > 0) column += 1;
    if (column !== columns.length || coveredFor.some((n) => n === 0)) throw new Error(`row ${time} does not fill the grid's ${columns.length} columns`);
    coveredFor.forEach((n, i) => (coveredFor[i] = n - 1));
  }
  return cells;
}
