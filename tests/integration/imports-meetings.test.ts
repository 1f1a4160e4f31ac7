import fc from 'fast-check';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

/**
 * Meetings and unavailability from a spreadsheet over real HTTP and SQLite
 * (issue 16): every row saved through the meetings service with the form's
 * checks, against the programme and the rows before it; nothing kept before
 * the confirm; the same file again changes nothing.
 */
let ctx: TestContext;
let planner: SignedIn;
let forumId: number;

beforeAll(async () => {
  ctx = createTestApp();
  forumId = ctx.demo!.forumId;
  planner = await signIn(ctx, 'mimp-planner', 'planner');
});
afterAll(() => ctx.close());

const db = () => ctx.services.store.db;
const counts = () => ({
  meetings: db().prepare('SELECT count(*) FROM meeting').pluck().get() as number,
  blocks: db().prepare('SELECT count(*) FROM availability_block').pluck().get() as number,
  audit: db().prepare('SELECT count(*) FROM audit_log').pluck().get() as number,
});

async function upload(kind: string, body: Buffer | string, fileName: string, forum: number | '' = forumId) {
  const page = await planner.get(`/imports?kind=${kind}`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
  return planner.agent.post('/imports/upload').field('_csrf', csrf).field('kind', kind).field('forumId', String(forum)).attach('file', Buffer.from(body), fileName);
}

async function batchOf(res: { status: number; headers: Record<string, string> }): Promise<number> {
  expect(res.status).toBe(303);
  return Number(/\/imports\/(\d+)\/map/.exec(res.headers.location!)![1]);
}

const preview = async (id: number) => textOf((await planner.get(`/imports/${id}/preview`)).text);

async function confirm(id: number) {
  const posted = await planner.submit(`/imports/${id}/preview`, `/imports/${id}/confirm`, {});
  expect(posted.status).toBe(303);
  return textOf((await planner.get(posted.headers.location!)).text);
}

/** The organiser's list, as Russian Excel saves it: a byte-order mark, semicolons, Russian headers. */
const MEETINGS = [
  'ID;Тема;Тип;Статус;Дата;Начало;Окончание;Зал;Участники;Делегации;Справка',
  'M-1;Meeting with SOCAR Polymer;bilateral;Подтверждена;08.06.2019;09:00;09:45;Pavilion F, bilateral meeting room F2;"Rashad Hasanov (principal); Anar Huseynov";Azerbaijan — Ministry of Economy;Polymer exports',
  'M-2;Second meeting in F1;bilateral;confirmed;07.06.2019;10:15;10:45;Pavilion F, bilateral meeting room F1;Dmitry Volkov;;',
  'M-3;Meeting in a room with a typo;bilateral;tentative;08.06.2019;11:00;11:30;Pavilon F, bilateral meeting room F2;;;',
  'M-4;Clashes with row 2;bilateral;confirmed;08.06.2019;09:30;10:00;;Rashad Hasanov (principal);;',
  'M-5;Press approach on the stand;Мероприятие для прессы;;08.06.2019;12:00;12:20;Azerbaijan national stand, Pavilion H;Farid Jafarov;;',
].join('\r\n');

describe('importing meetings', () => {
  let first = 0;
  let start: ReturnType<typeof counts>;

  it('guesses the Russian headers and previews every row through the save check, keeping nothing', async () => {
    start = counts();
    first = await batchOf(await upload('meetings', `\ufeff${MEETINGS}`, 'programme.csv'));
    const map = await planner.get(`/imports/${first}/map`);
    for (const field of ['externalId', 'title', 'kind', 'status', 'date', 'start', 'end', 'room', 'participants', 'delegations', 'briefing']) expect(map.text).toContain(`<option value="${field}" selected>`);
    const text = await preview(first);
    expect(text).toContain('2 new');
    expect(text).toContain('3 errors');
    // The clash with the Governor's meeting, in the conflict's own sentence.
    expect(text).toMatch(/row 3: ‘Second meeting in F1’ — clash: .*Pavilion F, bilateral meeting room F1/);
    expect(text).toContain('row 4: ‘Meeting in a room with a typo’ — Room ‘Pavilon F, bilateral meeting room F2’ not found; did you mean ‘Pavilion F, bilateral meeting room F2’?');
    // Against the row before it in the same file: Rashad Hasanov is in row 2's meeting then.
    expect(text).toMatch(/row 5: ‘Clashes with row 2’ — clash: .*Rashad Hasanov/);
    expect(text).toContain('ID M-1');
    expect(counts()).toEqual(start);
  });

  it('writes the accepted rows with their audit rows, and the rows left out say why', async () => {
    const result = await confirm(first);
    expect(result).toContain('2 created, 0 updated, 0 unchanged, 3 left out.');
    expect(result).toMatch(/row 3: ‘Second meeting in F1’ — clash/);
    expect(counts()).toEqual({ meetings: start.meetings + 2, blocks: start.blocks, audit: start.audit + 2 });
    const written = ctx.services.meetings.list({ forumId }).find((m) => m.title === 'Meeting with SOCAR Polymer')!;
    expect(written).toMatchObject({ status: 'confirmed', start: '2019-06-08T09:00', end: '2019-06-08T09:45', roomId: ctx.demo!.rooms.bilateral2, briefing: 'Polymer exports', delegationIds: [ctx.demo!.delegations.azerbaijan] });
    expect(written.participants).toEqual([
      { personId: ctx.demo!.people.deputy, role: 'principal' },
      { personId: ctx.demo!.people['socar-polymer'], role: 'counterpart' },
    ]);
    const press = ctx.services.meetings.list({ forumId }).find((m) => m.title === 'Press approach on the stand')!;
    expect(press).toMatchObject({ kind: 'press', status: 'tentative' });
  });

  it('changes nothing when the same file comes again', async () => {
    const was = counts();
    const id = await batchOf(await upload('meetings', `\ufeff${MEETINGS}`, 'programme.csv'));
    expect(await preview(id)).toContain('2 unchanged');
    expect(await confirm(id)).toContain('0 created, 0 updated, 2 unchanged');
    expect(counts()).toEqual(was);
  });

  it('updates the meeting its ID names from an edited file', async () => {
    const was = counts();
    const edited = MEETINGS.replace('08.06.2019;09:00;09:45', '08.06.2019;09:15;10:00');
    const id = await batchOf(await upload('meetings', edited, 'programme.csv'));
    const text = await preview(id);
    expect(text).toContain('1 update');
    expect(text).toMatch(/Changes: Start, End/);
    await confirm(id);
    const moved = ctx.services.meetings.list({ forumId }).filter((m) => m.title === 'Meeting with SOCAR Polymer');
    expect(moved.map((m) => [m.start, m.end])).toEqual([['2019-06-08T09:15', '2019-06-08T10:00']]);
    expect(counts()).toEqual({ ...was, audit: was.audit + 1 });
  });

  it('without an ID, matches by title, start and room, and says so', async () => {
    const file = 'Title;Date;Start;End;Room\nPress approach on the stand;08.06.2019;12:00;12:20;Azerbaijan national stand, Pavilion H\n';
    const text = await preview(await batchOf(await upload('meetings', file, 'p.csv')));
    expect(text).toContain('1 unchanged');
    expect(text).toContain('title, start and room: Press approach on the stand, 2019-06-08 12:00, Azerbaijan national stand, Pavilion H');
  });

  it.each([
    { name: 'a duration instead of an end', row: 'Walk;08.06.2019 15:00;;90', says: '1 new' },
    { name: 'an unreadable time', row: 'Walk;08.06.2019;25:00;', says: 'cannot be read: write a time as 10:00' },
    { name: 'neither an end nor a duration', row: 'Walk;08.06.2019 15:00;;', says: 'row 2: ‘Walk’ — End:' },
    { name: 'an end before the start', row: 'Walk;08.06.2019 15:00;14:00;', says: 'row 2: ‘Walk’ — End:' },
  ])('reads $name through the form’s rules', async ({ row, says }) => {
    const text = await preview(await batchOf(await upload('meetings', `Title;Start;End;Duration\n${row}\n`, 'w.csv')));
    expect(text).toContain(says);
  });

  it('keeps the file’s ids when the forum moves to another installation, so the list still matches there', () => {
    const doc = ctx.services.forumTransfer.exportForum(forumId);
    expect(doc.meetings.filter((m) => m.externalId).map((m) => m.externalId).sort()).toEqual(['M-1', 'M-5']);
    const other = createTestApp({ demo: false });
    try {
      const outcome = other.services.forumTransfer.importForum(SYSTEM_ACTOR, JSON.stringify(doc));
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
      const moved = other.services.forums.list()[0]!.id;
      expect(other.services.store.meetings.importKeys(moved).filter((m) => m.externalId).map((m) => [m.externalId, m.title]).sort()).toEqual([
        ['M-1', 'Meeting with SOCAR Polymer'],
        ['M-5', 'Press approach on the stand'],
      ]);
    } finally {
      other.close();
    }
  });

  it('refuses a file of more than 2,000 meetings, each row being a checked save', async () => {
    const rows = Array.from({ length: 2001 }, (_, i) => `Meeting ${i};08.06.2019 10:00;30`).join('\n');
    const res = await upload('meetings', `Title;Start;Duration\n${rows}\n`, 'big.csv');
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('The file has 2,001 rows; at most 2,000 can be imported at once.');
  });

  it('refuses an upload of meetings without a forum, before reading anything', async () => {
    const res = await upload('meetings', MEETINGS, 'programme.csv', '');
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('Choose the forum the meetings or unavailability go into.');
  });
});

describe('importing unavailability', () => {
  const FILE = ['Person;Date;From;To;Reason', 'Shahin Mustafayev;06.06.2019;;;Arrival day', 'Мустафаев Шахин;07.06.2019;18:00;19:00;Call with Baku', 'nobody@example.az;07.06.2019;10:00;11:00;x'].join('\n');

  it('reads people by name (surname first too) or email, a whole day when no times are given', async () => {
    const was = counts();
    const id = await batchOf(await upload('unavailability', FILE, 'busy.csv'));
    const text = await preview(id);
    expect(text).toContain('2 new');
    expect(text).toContain('row 4: ‘nobody@example.az’ — Person ‘nobody@example.az’ not found');
    expect(counts()).toEqual(was);
    expect(await confirm(id)).toContain('2 created');
    const blocks = ctx.services.availability.list(forumId).filter((b) => b.subjectId === ctx.demo!.people.mustafayev);
    expect(blocks.map((b) => [b.start, b.end, b.reason])).toEqual(expect.arrayContaining([['2019-06-06T00:00', '2019-06-07T00:00', 'Arrival day'], ['2019-06-07T18:00', '2019-06-07T19:00', 'Call with Baku']]));
    expect(counts()).toEqual({ ...was, blocks: was.blocks + 2, audit: was.audit + 2 });
  });

  it('matches by person, start and end: the same file changes nothing, a new reason updates', async () => {
    const was = counts();
    expect(await preview(await batchOf(await upload('unavailability', FILE, 'busy.csv')))).toContain('2 unchanged');
    const id = await batchOf(await upload('unavailability', FILE.replace('Call with Baku', 'Call with the President’s office'), 'busy.csv'));
    expect(await preview(id)).toContain('1 update');
    await confirm(id);
    expect(ctx.services.availability.list(forumId).some((b) => b.reason === 'Call with the President’s office')).toBe(true);
    expect(counts()).toEqual({ ...was, audit: was.audit + 1 });
  });
});

describe('what people and organizations lists say beyond the record', () => {
  const PEOPLE = ['Full name;Email;Delegation;Role', 'Kamala Huseynova;kamala@example.az;Azerbaijan — Ministry of Economy;Советник', 'Orkhan Aliyev;orkhan@example.az;Azerbaijan — Ministry of Economy;'].join('\n');
  const memberOf = (email: string) => {
    const person = ctx.services.people.list().find((p) => p.email === email)!;
    return ctx.services.directory.members(ctx.demo!.delegations.azerbaijan).find((m) => m.personId === person.id)?.role;
  };

  it('puts a person in the forum’s delegation, in the role the row gives (in any language), a member when none', async () => {
    const id = await batchOf(await upload('people', PEOPLE, 'team.csv'));
    expect(await preview(id)).toContain('2 new');
    expect(await confirm(id)).toContain('2 created');
    expect(memberOf('kamala@example.az')).toBe('adviser');
    expect(memberOf('orkhan@example.az')).toBe('member');
  });

  it('changes nothing the second time, and a new role is an update of the membership alone', async () => {
    expect(await preview(await batchOf(await upload('people', PEOPLE, 'team.csv')))).toContain('2 unchanged');
    const person = ctx.services.people.list().find((p) => p.email === 'orkhan@example.az')!;
    const id = await batchOf(await upload('people', PEOPLE.replace('Economy;\n', 'Economy;Interpreter\n').replace(/Economy;$/, 'Economy;Interpreter'), 'team.csv'));
    const text = await preview(id);
    expect(text).toContain('1 update');
    expect(text).toContain('Changes: Delegation');
    await confirm(id);
    expect(memberOf('orkhan@example.az')).toBe('interpreter');
    expect(ctx.services.people.get(person.id).version).toBe(person.version);
  });

  it.each([
    { name: 'a delegation the forum does not have', file: 'Full name;Delegation\nZaur Mammadli;Azerbaijan — Ministry of Economi\n', forum: forumIdOf, says: 'row 2: ‘Zaur Mammadli’ — Delegation ‘Azerbaijan — Ministry of Economi’ not found; did you mean ‘Azerbaijan — Ministry of Economy’?' },
    { name: 'a role that is none', file: 'Full name;Delegation;Role\nZaur Mammadli;Leningrad Region;Chauffeur\n', forum: forumIdOf, says: 'Role ‘Chauffeur’ cannot be read: write head, deputy' },
    { name: 'a delegation in an upload made for no forum', file: 'Full name;Delegation\nZaur Mammadli;Leningrad Region\n', forum: () => '' as const, says: 'Delegation is looked up in a forum' },
  ])('refuses $name on its row', async ({ file, forum, says }) => {
    expect(await preview(await batchOf(await upload('people', file, 'p.csv', forum())))).toContain(says);
  });

  it('keeps an organization’s short name in brackets after its name, where matching reads it', async () => {
    const file = 'Name;Short name\nCaspian Shipping Company;CASCO\nAzerbaijan Export and Investment Promotion Foundation;AZPROMO\n';
    const id = await batchOf(await upload('organizations', file, 'o.csv', ''));
    const text = await preview(id);
    expect(text).toContain('1 new');
    expect(text).toContain('1 unchanged');
    await confirm(id);
    expect(ctx.services.organizations.list().filter((o) => o.name === 'Caspian Shipping Company (CASCO)')).toHaveLength(1);
    expect(await preview(await batchOf(await upload('organizations', file, 'o.csv', '')))).toContain('2 unchanged');
  });
});

function forumIdOf(): number {
  return forumId;
}

describe('fuzzed files of meetings and unavailability', () => {
  const cell = fc.oneof(
    fc.constantFrom('', 'Meeting', 'Встреча', '07.06.2019', '08.06.2019 10:00', '2019-06-08', '10:00', '25:00', '9.30', '90', '1:30', 'confirmed', 'Подтверждена', 'tentative', 'x'),
    fc.constantFrom('Pavilion F, bilateral meeting room F1', 'Pavilion F, bilateral meeting room F2', 'Room 9', 'Rashad Hasanov (principal)', 'Shahin Mustafayev; Dmitry Volkov', 'nobody@example.az', 'Europe/Moscow', 'Mars/Olympus'),
    fc.string({ maxLength: 12 }),
  );
  const HEADERS = ['ID', 'Title', 'Status', 'Date', 'Start', 'End', 'Duration', 'Room', 'Participants', 'Time zone'];
  const file = fc.array(fc.array(cell, { minLength: HEADERS.length, maxLength: HEADERS.length }), { minLength: 1, maxLength: 6 }).map((rows) => [HEADERS, ...rows].map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(';')).join('\n'));

  it.each(['meetings', 'unavailability'])('%s: the preview never fails and writes nothing; the confirm writes exactly its accepted rows', async (kind) => {
    await fc.assert(
      fc.asyncProperty(file, async (text) => {
        const res = await upload(kind, text, 'fuzz.csv');
        if (res.status === 422) return;
        const id = await batchOf(res);
        const was = counts();
        const page = await planner.get(`/imports/${id}/preview`);
        expect(page.status).toBe(200);
        expect(counts()).toEqual(was);
        const posted = await planner.submit(`/imports/${id}/preview`, `/imports/${id}/confirm`, {});
        expect(posted.status).toBe(303);
        const result = textOf((await planner.get(posted.headers.location!)).text);
        const [, created, updated] = /(\d+) created, (\d+) updated/.exec(result)!.map(Number);
        const now = counts();
        const table = kind === 'meetings' ? 'meetings' : 'blocks';
        expect(now[table] - was[table]).toBe(created);
        expect(now.audit - was.audit).toBe(created! + updated!);
      }),
      { numRuns: 12 },
    );
  });
});
