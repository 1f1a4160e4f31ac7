/**
 * Every list exports to .xlsx and .csv with its filters applied (issue 16,
 * "Out"): the meetings list, the conflicts page, the record areas (people,
 * organizations, delegations) and a B2B session's requests and schedule.
 * Each file is read back as a spreadsheet reads it (exceljs, csv-parse):
 * the filters hold, the whole list is there (not a page), formula cells are
 * text, Cyrillic and Azerbaijani letters survive, headers and words are in
 * the reader's language, and whoever may read the list may download it.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { download, readCsv, readXlsx, type ReadTable } from '../support/exports';
import { createFixtureForum, DAY1, DAY2, type FixtureForum } from '../support/meeting-fixture';

jest.setTimeout(60_000);

let ctx: TestContext;
let planner: SignedIn;
let viewer: SignedIn;
let fx: FixtureForum;
const EVIL = '=HYPERLINK("http://evil.example","click")';
let lemanId: number;

beforeAll(async () => {
  ctx = createTestApp();
  fx = createFixtureForum(ctx.services);
  // A person in three scripts and a meeting whose title would be a formula, on the fixture's second day.
  lemanId = ctx.services.people.create(SYSTEM_ACTOR, { fullName: 'Leman Aliyeva', nameRu: 'Леман Алиева', nameAz: 'Ləman Əliyeva', position: '+994 12 000 00 00' }).id;
  ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, {
    title: EVIL,
    kind: 'bilateral',
    status: 'tentative',
    start: `${DAY2}T15:00`,
    end: `${DAY2}T15:30`,
    place: '@Lobby',
    participants: [{ personId: lemanId, role: 'principal' }],
  });
  planner = await signIn(ctx, 'export-planner', 'planner');
  viewer = await signIn(ctx, 'export-viewer', 'viewer');
});
afterAll(() => ctx.close());

/** Both files of one export, read back; the CSV's bytes too. */
async function both(url: string, who: SignedIn = planner): Promise<{ xlsx: Awaited<ReturnType<typeof readXlsx>>; csv: ReadTable; csvBytes: Buffer; disposition: string }> {
  const as = (format: string) => url.replace(/\/export(\?|$)/, `/export.${format}$1`);
  const [x, c] = await Promise.all([download(who.agent, as('xlsx')), download(who.agent, as('csv'))]);
  expect(x.status).toBe(200);
  expect(c.status).toBe(200);
  expect(x.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(c.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
  return { xlsx: await readXlsx(x.body as Buffer), csv: readCsv(c.body as Buffer), csvBytes: c.body as Buffer, disposition: String(x.headers['content-disposition']) };
}

const meetings = (query = '') => `/forums/${fx.forumId}/meetings/export${query}`;

describe('the meetings list', () => {
  it.each([
    { name: 'a day and a status', query: `?day=${DAY1}&status=confirmed`, titles: ['Delegation briefing', 'Talks with the Governor', 'Signing of the roadmap'] },
    { name: 'a kind', query: '?kind=press', titles: ['Press approach'] },
    { name: 'a delegation', query: () => `?delegation=${fx.delegations.leningrad}`, titles: ['Talks with the Governor', 'Signing of the roadmap'] },
    { name: 'a room', query: () => `?room=${fx.rooms.hall}`, titles: ['Signing of the roadmap', 'Investment panel'] },
    { name: 'a person', query: () => `?person=${lemanId}`, titles: [EVIL] },
    { name: 'a search', query: '?q=roadmap', titles: ['Signing of the roadmap'] },
    { name: 'a search in another script', query: '?q=' + encodeURIComponent('Əliyeva'), titles: [EVIL] },
    { name: 'a page size and cursor, which an export ignores', query: '?limit=2&cursor=abc', titles: null },
  ] as { name: string; query: string | (() => string); titles: string[] | null }[])('keeps the filters: $name', async ({ query, titles }) => {
    const q = typeof query === 'function' ? query() : query;
    const { xlsx, csv } = await both(meetings(q));
    const all = ctx.services.meetings.list({ forumId: fx.forumId }).map((m) => m.title);
    expect(xlsx.column('Title')).toEqual(titles ?? all);
    expect(csv.column('Title')).toEqual((titles ?? all).map((t) => (t === EVIL ? `'${t}` : t)));
  });

  it('holds the whole list, not one page of it', async () => {
    for (let i = 0; i < 60; i++) ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, { title: `Extra ${i}`, kind: 'multilateral', status: 'proposed', start: `${DAY2}T18:00`, end: `${DAY2}T18:05`, place: 'Nowhere', participants: [] });
    const { csv } = await both(meetings('?kind=multilateral'));
    expect(csv.rows).toHaveLength(60);
    expect(textOf((await planner.get(`/forums/${fx.forumId}/meetings?kind=multilateral`)).text)).toContain('Showing 1–50 of 60');
  });

  it('writes a formula-looking title and place as text: a string cell in .xlsx, an apostrophe in CSV', async () => {
    const { xlsx, csv } = await both(meetings(`?person=${lemanId}`));
    const col = xlsx.header.indexOf('Title');
    const cell = xlsx.cell(1, col);
    expect(cell.value).toBe(EVIL);
    expect(cell.formula).toBeUndefined();
    expect(cell.type).toBe(3); // ExcelJS.ValueType.String
    expect(csv.column('Title')).toEqual([`'${EVIL}`]);
    expect(csv.column('Place')).toEqual(["'@Lobby"]);
  });

  it('gives times as date cells in the forum’s zone (.xlsx) and local text (CSV), the zone in the header', async () => {
    const { xlsx, csv } = await both(meetings('?q=briefing'));
    expect(xlsx.column('Start (Europe/Moscow)')).toEqual([new Date(Date.UTC(2019, 5, 10, 9, 0))]);
    expect(xlsx.column('Date')).toEqual([new Date(Date.UTC(2019, 5, 10))]);
    expect(csv.column('Start (Europe/Moscow)')).toEqual(['2019-06-10 09:00']);
    expect(csv.column('End (Europe/Moscow)')).toEqual(['2019-06-10 10:00']);
    expect(csv.column('Kind')).toEqual(['Internal briefing']);
    expect(csv.column('Status')).toEqual(['Confirmed']);
  });

  it('names each meeting’s conflicts', async () => {
    const { csv } = await both(meetings(`?day=${DAY1}&q=follow-up`));
    expect(csv.column('Conflicts and warnings')[0]).not.toBe('');
  });

  it.each([
    { lang: 'ru', header: 'Название', start: 'Начало (Europe/Moscow)', name: 'Леман Алиева', kind: 'Двусторонняя встреча', word: 'встречи' },
    { lang: 'az', header: 'Ad', start: 'Başlanğıc (Europe/Moscow)', name: 'Ləman Əliyeva', kind: null, word: 'görüşlər' },
  ])('speaks $lang: headers, kinds and names, and the letters survive in both files', async ({ lang, header, start, name, kind, word }) => {
    const { xlsx, csv, csvBytes, disposition } = await both(meetings(`?person=${lemanId}&lang=${lang}`));
    expect(xlsx.header).toContain(header);
    expect(xlsx.header).toContain(start);
    expect(String(xlsx.column(lang === 'ru' ? 'Участники' : 'İştirakçılar')[0])).toContain(name);
    expect(String(csv.column(lang === 'ru' ? 'Участники' : 'İştirakçılar')[0])).toContain(name);
    if (kind) expect(csv.column('Вид')).toEqual([kind]);
    expect(csvBytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(csvBytes.toString('utf8')).toContain(name);
    expect(xlsx.header).not.toContain('Title');
    // RFC 6266: an ASCII stand-in, and the name itself in UTF-8.
    expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`FIX1-${word}.xlsx`);
  });

  it('names the file after the forum, the list and the day', async () => {
    const res = await download(planner.agent, `/forums/${fx.forumId}/meetings/export.csv?day=${DAY1}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="FIX1-meetings-${DAY1}.csv"; filename*=UTF-8''FIX1-meetings-${DAY1}.csv`);
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('writes semicolons when asked (?sep=;) and refuses another separator with a sentence', async () => {
    const semi = await download(planner.agent, `/forums/${fx.forumId}/meetings/export.csv?q=roadmap&sep=%3B`);
    expect(semi.status).toBe(200);
    expect(readCsv(semi.body as Buffer, ';').column('Title')).toEqual(['Signing of the roadmap']);
    const bad = await planner.get(`/forums/${fx.forumId}/meetings/export.csv?sep=%7C`);
    expect(bad.status).toBe(400);
    expect(textOf(bad.text)).toContain('The separator “|” is not offered');
  });

  it('offers the downloads on the list page with its filters and without its cursor', async () => {
    const page = await planner.get(`/forums/${fx.forumId}/meetings?day=${DAY1}&kind=bilateral&limit=1`);
    const html = page.text.replace(/&amp;/g, '&');
    expect(html).toContain(`href="/forums/${fx.forumId}/meetings/export.xlsx?day=${DAY1}&kind=bilateral"`);
    expect(html).toContain(`href="/forums/${fx.forumId}/meetings/export.csv?day=${DAY1}&kind=bilateral"`);
    expect(html).toContain(`href="/forums/${fx.forumId}/meetings/export.csv?day=${DAY1}&kind=bilateral&sep=%3B"`);
  });
});

describe('odd addresses', () => {
  it.each([
    { name: 'a person that is not a number', url: () => `/forums/${fx.forumId}/meetings/export.csv?person=abc`, status: 200 },
    { name: 'a day that is no date (every day, as the page does)', url: () => `/forums/${fx.forumId}/meetings/export.xlsx?day=2019-13-45`, status: 200 },
    { name: 'a kind and status the list does not know', url: () => `/forums/${fx.forumId}/meetings/export.csv?kind=nope&status=nope`, status: 200 },
    { name: 'a very long search', url: () => `/forums/${fx.forumId}/meetings/export.csv?q=${'x'.repeat(5000)}`, status: 200 },
    { name: 'a separator given twice', url: () => `/forums/${fx.forumId}/meetings/export.csv?sep=%3B&sep=%7C`, status: 200 },
    { name: 'a separator as an array', url: () => `/forums/${fx.forumId}/meetings/export.csv?sep[]=x`, status: 200 },
    { name: 'a forum that does not exist', url: () => '/forums/99999/meetings/export.csv', status: 404 },
    { name: 'a forum that is not a number', url: () => '/forums/abc/conflicts/export.xlsx', status: 404 },
    { name: 'a conflicts day that is no date', url: () => `/forums/${fx.forumId}/conflicts/export.csv?day=tomorrow`, status: 400 },
    { name: 'a sort the list does not have', url: () => '/people/export.csv?sort=nope&dir=sideways', status: 200 },
    { name: 'a session that does not exist', url: () => `/forums/${ctx.demo!.forumId}/b2b/99999/schedule/export.csv`, status: 404 },
  ])('$name: $status, never a 500', async ({ url, status }) => {
    const res = await planner.get(url());
    expect(res.status).toBe(status);
  });
});

describe('authorization: whoever may read the list may download it', () => {
  const urls = () => [
    `/forums/${fx.forumId}/meetings/export.xlsx`,
    `/forums/${fx.forumId}/conflicts/export.csv`,
    '/people/export.csv',
    '/organizations/export.xlsx',
    `/forums/${fx.forumId}/delegations/export.csv`,
    `/forums/${ctx.demo!.forumId}/b2b/${ctx.services.b2b.sessions.list(ctx.demo!.forumId)[0]!.id}/requests/export.csv`,
    `/forums/${ctx.demo!.forumId}/b2b/${ctx.services.b2b.sessions.list(ctx.demo!.forumId)[0]!.id}/schedule/export.xlsx`,
  ];

  it('sends a signed-out reader to sign in, and nothing of the list', async () => {
    for (const url of urls()) {
      const res = await request(ctx.app).get(url);
      expect([url, res.status]).toEqual([url, 303]);
      expect(res.headers.location).toBe(`/login?next=${encodeURIComponent(url)}`);
      expect(res.headers['content-disposition']).toBeUndefined();
    }
  });

  it('lets a viewer download what a viewer reads', async () => {
    for (const url of urls()) {
      const [list, file] = await Promise.all([viewer.get(url.replace(/\/(requests|schedule)?\/export\.(xlsx|csv)$/, '')), download(viewer.agent, url)]);
      expect([url, list.status, file.status]).toEqual([url, 200, 200]);
    }
  });

  it('answers a list of another forum’s record as the list does: 404', async () => {
    const session = ctx.services.b2b.sessions.list(ctx.demo!.forumId)[0]!;
    const res = await planner.get(`/forums/${fx.forumId}/b2b/${session.id}/requests/export.csv`);
    expect(res.status).toBe(404);
  });
});

describe('the conflicts page', () => {
  it.each([
    { name: 'every conflict', query: '' },
    { name: 'one day', query: `?day=${DAY1}` },
    { name: 'one kind', query: '?kind=person_double_booked' },
  ])('holds the conflicts the page lists: $name', async ({ query }) => {
    const { csv, xlsx } = await both(`/forums/${fx.forumId}/conflicts/export${query}`);
    const params = new URLSearchParams(query);
    const expected = ctx.services.meetings.datedConflicts(fx.forumId).filter((d) => (!params.get('day') || d.date === params.get('day')) && (!params.get('kind') || d.conflict.kind === params.get('kind')));
    expect(expected.length).toBeGreaterThan(0);
    expect(csv.rows).toHaveLength(expected.length);
    expect(xlsx.rows).toHaveLength(expected.length);
    expect(csv.header).toEqual(['Date', 'Start (Europe/Moscow)', 'Severity', 'Kind', 'What is wrong', 'Meetings', 'Meeting IDs']);
  });

  it('names the meetings of the deputy’s double booking', async () => {
    const { csv } = await both(`/forums/${fx.forumId}/conflicts/export?day=${DAY1}&kind=person_double_booked`);
    expect(csv.column('Meetings')).toContain('Plant follow-up; Call with the ministry');
  });

  it('refuses a kind it does not know, as the page does', async () => {
    const res = await planner.get(`/forums/${fx.forumId}/conflicts/export.xlsx?kind=nonsense`);
    expect(res.status).toBe(400);
  });
});

describe('the record lists', () => {
  it('people: the search applied, the name in the reader’s language and every spelling beside it', async () => {
    const ru = await both('/people/export?q=' + encodeURIComponent('Ləman Əliyeva') + '&lang=ru');
    expect(ru.csv.column('Имя')).toEqual(['Леман Алиева']);
    const az = await both('/people/export?q=' + encodeURIComponent('Леман') + '&lang=az');
    expect(az.xlsx.rows).toHaveLength(1);
    expect(az.xlsx.rows[0]).toEqual(expect.arrayContaining(['Ləman Əliyeva', 'Leman Aliyeva', 'Леман Алиева']));
  });

  it('people: a position that looks like a formula stays text', async () => {
    const { xlsx, csv } = await both('/people/export?q=Aliyeva');
    expect(csv.rows[0]).toContain("'+994 12 000 00 00");
    expect(xlsx.rows[0]).toContain('+994 12 000 00 00');
  });

  it('people: the whole contact book in the page’s sort order, not one page', async () => {
    const { csv } = await both('/people/export?sort=name&dir=desc');
    const count = ctx.services.people.list().length;
    expect(count).toBeGreaterThan(30);
    expect(csv.rows).toHaveLength(count);
    const names = csv.column('Name').map(String);
    expect(names).toEqual([...names].sort((a, b) => new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare(b, a)));
  });

  it('organizations: in Russian and Azerbaijani, the names by language', async () => {
    const ru = await both('/organizations/export?q=AZPROMO&lang=ru');
    expect(ru.csv.rows[0]).toEqual(expect.arrayContaining(['Фонд содействия экспорту и инвестициям Азербайджана (AZPROMO)']));
    const az = await both('/organizations/export?q=AZPROMO&lang=az');
    expect(az.xlsx.rows[0]![0]).toBe('Azərbaycan İxracın və İnvestisiyaların Təşviqi Fondu');
  });

  it('delegations: the forum’s own only, the member count a number', async () => {
    const { xlsx } = await both(`/forums/${fx.forumId}/delegations/export`);
    expect(xlsx.column('Delegation').sort()).toEqual(['Azerbaijan 1', 'Leningrad Region 1']);
    for (const n of xlsx.column('Members')) expect(typeof n).toBe('number');
  });

  it('delegations: the head named in the reader’s language', async () => {
    const { csv } = await both(`/forums/${ctx.demo!.forumId}/delegations/export?lang=ru`);
    expect(csv.column('Глава')).toContain('Мустафаев Ш. А.');
  });

  it('offers the downloads on the list page, keeping its search and sort', async () => {
    const html = (await planner.get('/people?q=Aliyeva&sort=name&dir=desc')).text.replace(/&amp;/g, '&');
    expect(html).toContain('href="/people/export.xlsx?q=Aliyeva&sort=name&dir=desc"');
  });
});

describe('a B2B session', () => {
  const sessionBase = () => {
    const session = ctx.services.b2b.sessions.list(ctx.demo!.forumId)[0]!;
    return { session, base: `/forums/${ctx.demo!.forumId}/b2b/${session.id}` };
  };

  it('requests: every one, or those of one state; the companies named in the reader’s language', async () => {
    const { session, base } = sessionBase();
    const requests = ctx.services.b2b.requests.list(session.id);
    const all = await both(`${base}/requests/export`);
    expect(all.csv.rows).toHaveLength(requests.length);
    const accepted = await both(`${base}/requests/export?state=accepted&lang=ru`);
    expect(accepted.csv.rows).toHaveLength(requests.filter((r) => r.state === 'accepted').length);
    expect(new Set(accepted.csv.column('Состояние'))).toEqual(new Set(['принята']));
    expect(accepted.csv.column('От кого').concat(accepted.csv.column('Кому'))).toContain('Фонд содействия экспорту и инвестициям Азербайджана (AZPROMO)');
  });

  it('requests: an unknown state is refused with a sentence', async () => {
    const res = await planner.get(`${sessionBase().base}/requests/export.csv?state=maybe`);
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain('There is no request state “maybe”');
  });

  it('schedule: one row per placed meeting, in time order, slot times as date cells', async () => {
    const { session, base } = sessionBase();
    const placed = ctx.services.b2b.views.overview(session.id).requests.filter((r) => r.placement);
    expect(placed.length).toBeGreaterThan(0);
    const { xlsx, csv } = await both(`${base}/schedule/export`);
    expect(xlsx.rows).toHaveLength(placed.length);
    const starts = xlsx.column('Start (Europe/Moscow)') as Date[];
    for (const s of starts) expect(s).toBeInstanceOf(Date);
    expect(starts.map((d) => d.getTime())).toEqual([...starts.map((d) => d.getTime())].sort((a, b) => a - b));
    expect(csv.column('Table').every((t) => /^\d+$/.test(String(t)))).toBe(true);
  });

  it('offers both downloads on the session page', async () => {
    const { base } = sessionBase();
    const html = (await planner.get(base)).text;
    expect(html).toContain(`href="${base}/requests/export.xlsx"`);
    expect(html).toContain(`href="${base}/schedule/export.csv"`);
  });
});

describe('the bound on rows (EXPORT_MAX_ROWS)', () => {
  let small: TestContext;
  let smallPlanner: SignedIn;
  let smallFx: FixtureForum;
  beforeAll(async () => {
    small = createTestApp({ demo: false, config: { exportMaxRows: 3 } });
    smallFx = createFixtureForum(small.services);
    smallPlanner = await signIn(small, 'bound-planner', 'planner');
  });
  afterAll(() => small.close());

  it('refuses a longer list with a sentence naming both numbers, and writes nothing', async () => {
    for (const format of ['xlsx', 'csv']) {
      const res = await smallPlanner.get(`/forums/${smallFx.forumId}/meetings/export.${format}`);
      expect(res.status).toBe(422);
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(textOf(res.text)).toContain('This list has 8 rows; an export holds at most 3. Narrow the filters and download again.');
    }
    const ru = await smallPlanner.get(`/forums/${smallFx.forumId}/meetings/export.csv?lang=ru`);
    expect(textOf(ru.text)).toContain('В списке 8 строк; в выгрузке может быть не более 3.');
  });

  it('lets the same list through once the filters narrow it', async () => {
    const res = await download(smallPlanner.agent, `/forums/${smallFx.forumId}/meetings/export.csv?day=${DAY2}`);
    expect(res.status).toBe(200);
    expect(readCsv(res.body as Buffer).rows).toHaveLength(3);
  });
});
