/**
 * The agreements register (issue 17) as planners and viewers use it, over
 * real SQLite and real HTTP: the page with its filters, paging and counts,
 * the forms and their refusals, the status buttons, the exports, and "Mark
 * held" on a meeting (one transaction: nothing written when any part of it
 * is refused). The demo's outcome is checked where the demo is the point.
 */
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { inputOf } from '../../src/services/agreements';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { download, readCsv, readXlsx } from '../support/exports';
import { savedFilename } from '../support/docx';
import { createFixtureForum, DAY1, DAY2, type FixtureForum } from '../support/meeting-fixture';

let ctx: TestContext;
let planner: SignedIn;
let viewer: SignedIn;
let fx: FixtureForum;
const demo = () => ctx.demo!;
const reg = (forumId = fx.forumId) => `/forums/${forumId}/agreements`;

beforeAll(async () => {
  ctx = createTestApp();
  fx = createFixtureForum(ctx.services, { programme: false });
  planner = await signIn(ctx, 'planner1', 'planner');
  viewer = await signIn(ctx, 'viewer1', 'viewer');
});
afterAll(() => ctx.close());

const count = (sql: string, ...params: unknown[]) => ctx.services.store.db.prepare(sql).pluck().get(...params) as number;
const auditRows = () => count('SELECT count(*) FROM audit_log');
const agreementsOf = (forumId = fx.forumId) => count('SELECT count(*) FROM agreement WHERE forum_id = ?', forumId);
/** A meeting of the fixture forum. */
const meeting = (fields: Record<string, unknown> = {}) =>
  ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, {
    title: 'Talks with the Governor',
    kind: 'signing',
    status: 'confirmed',
    start: `${DAY1}T10:00`,
    end: `${DAY1}T11:00`,
    roomId: fx.rooms.roomA,
    participants: [
      { personId: fx.people.minister, role: 'principal' },
      { personId: fx.people.governor, role: 'counterpart' },
      { personId: fx.people.adviser, role: 'note_taker' },
    ],
    ...fields,
  }).meeting;
/** An agreement of the fixture forum, through the service. */
const agreement = (fields: Record<string, unknown> = {}) => ctx.services.agreements.create(SYSTEM_ACTOR, fx.forumId, { kind: 'agreement', title: 'Agreement on cooperation', status: 'draft', ...fields });
const form = (fields: Record<string, string | string[]>) => ({ kind: 'agreement', title: 'Agreement on cooperation', titleRu: '', titleAz: '', parties: '', meetingId: '', status: 'draft', signedOn: '', signedPlace: '', note: '', ...fields });

/** Posts the register's form with a CSRF token from `formUrl`, repeated fields as browsers send them. */
async function post(who: SignedIn, formUrl: string, action: string, fields: Record<string, string | string[]>) {
  const res = await who.get(formUrl);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1] ?? '';
  const body = new URLSearchParams([['_csrf', csrf]]);
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return who.agent.post(action).type('form').send(body.toString());
}

describe('the register page', () => {
  it('lists the demo’s signed agreements with their parties, signatories and meetings, counted by status', async () => {
    const res = await viewer.get(reg(demo().forumId));
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain('Agreement on cooperation between the Republic of Azerbaijan and the Leningrad Region in the trade, economic, scientific, technical and cultural fields');
    expect(text).toContain('Agreement on cooperation between AZPROMO and the Roscongress Foundation');
    expect(text).toMatch(/Shahin Mustafayev\s?, Minister of Economy, head of the delegation\s?; Aleksandr Drozdenko\s?, Governor of Leningrad Region/);
    expect(text).toMatch(/Signed 2/);
    expect(text).toContain('2 agreements');
    // The forum's navigation reaches it.
    expect(res.text).toContain(`href="${reg(demo().forumId)}"`);
    // A viewer sees no forms.
    expect(res.text).not.toContain(`${reg(demo().forumId)}/new`);
  });

  it('shows each reader the title of their language, else the English one', async () => {
    const ru = await planner.get(`${reg(demo().forumId)}?lang=ru`);
    const text = textOf(ru.text);
    expect(text).toContain('Соглашение о сотрудничестве между AZPROMO и Фондом «Росконгресс»');
    expect(text).toContain('Реестр соглашений');
    expect(text).toContain('Мустафаев Ш. А.');
  });

  const filterCases = [
    { name: 'signed', query: 'status=signed', titles: ['Republic of Azerbaijan', 'AZPROMO'] },
    { name: 'drafts', query: 'status=draft', titles: [] },
    { name: 'memoranda', query: 'kind=memorandum', titles: [] },
    { name: 'on 7 June', query: 'day=2019-06-07', titles: ['Republic of Azerbaijan', 'AZPROMO'] },
    { name: 'on 8 June', query: 'day=2019-06-08', titles: [] },
    { name: 'a search in English', query: 'q=roscongress', titles: ['AZPROMO'] },
    { name: 'a search in Cyrillic', query: 'q=Ленинградской', titles: ['Republic of Azerbaijan'] },
    { name: 'a search by signatory', query: 'q=drozdenko', titles: ['Republic of Azerbaijan'] },
    { name: 'an unknown status (ignored)', query: 'status=lost', titles: ['Republic of Azerbaijan', 'AZPROMO'] },
  ];
  it.each(filterCases)('filters by the address: $name', async ({ query, titles }) => {
    const res = await viewer.get(`${reg(demo().forumId)}?${query}`);
    expect(res.status).toBe(200);
    const shown = [...res.text.matchAll(/<td class="title"><a [^>]*>([\s\S]*?)<\/a>/g)].map((m) => textOf(m[1]!));
    expect(shown.length).toBe(titles.length);
    titles.forEach((t, i) => expect(shown[i]).toContain(t));
  });

  it('filters by meeting and by party of the directory', async () => {
    const governor = ctx.services.meetings.list({ forumId: demo().forumId }).find((m) => m.title.startsWith('Meeting with Governor'))!;
    const byMeeting = textOf((await viewer.get(`${reg(demo().forumId)}?meeting=${governor.id}`)).text);
    expect(byMeeting).toContain('1 agreement');
    expect(byMeeting).toContain('Leningrad Region in the trade');
    const byParty = textOf((await viewer.get(`${reg(demo().forumId)}?party=${demo().organizations.roscongress}`)).text);
    expect(byParty).toContain('1 agreement');
    expect(byParty).toContain('AZPROMO and the Roscongress Foundation');
  });

  it('an empty forum’s register says so on the page, in print and in its export', async () => {
    const empty = createFixtureForum(ctx.services, { programme: false });
    const page = textOf((await viewer.get(reg(empty.forumId))).text);
    expect(page).toContain('No agreements match these filters.');
    expect(page).toMatch(/Draft 0 Agreed 0 Signed 0 Withdrawn 0/);
    expect(textOf((await viewer.get(`${reg(empty.forumId)}?print=1`)).text)).toContain('No agreements match these filters.');
    const csv = readCsv((await download(viewer.agent, `${reg(empty.forumId)}/export.csv`)).body);
    expect(csv.rows).toEqual([]);
    expect(csv.header[0]).toBe('No.');
  });

  it('pages by keyset in day order, keeping the filters, and refuses a cursor of another list', async () => {
    const other = createFixtureForum(ctx.services, { programme: false });
    for (let i = 1; i <= 7; i++) ctx.services.agreements.create(SYSTEM_ACTOR, other.forumId, { kind: 'protocol', title: `Protocol ${i}`, status: 'signed', signedOn: i % 2 ? DAY1 : DAY2 });
    const first = await viewer.get(`${reg(other.forumId)}?kind=protocol&limit=3`);
    const titles = (html: string) => [...html.matchAll(/<td class="title"><a [^>]*>([\s\S]*?)<\/a>/g)].map((m) => textOf(m[1]!));
    expect(titles(first.text)).toEqual(['Protocol 1', 'Protocol 3', 'Protocol 5']);
    const next = /href="([^"]+)" rel="next"/.exec(first.text)![1]!.replaceAll('&amp;', '&');
    expect(next).toContain('kind=protocol');
    const second = await viewer.get(next);
    expect(titles(second.text)).toEqual(['Protocol 7', 'Protocol 2', 'Protocol 4']);
    expect(textOf(second.text)).toContain('Showing 4–6 of 7');
    const meetingsCursor = /cursor=([^"&]+)/.exec((await viewer.get(`/forums/${demo().forumId}/meetings?limit=1`)).text)![1];
    const refused = await viewer.get(`${reg(other.forumId)}?cursor=${meetingsCursor}`);
    expect(refused.status).toBe(400);
  });
});

describe('the forms', () => {
  it('creates an agreement with parties, signatories and a meeting, audited', async () => {
    const m = meeting({ start: `${DAY2}T15:00`, end: `${DAY2}T16:00`, status: 'tentative' });
    const orgId = ctx.services.organizations.create(SYSTEM_ACTOR, { name: 'Leningrad Region Government', kind: 'region', country: 'Russia' }).id;
    const before = auditRows();
    const res = await post(planner, `${reg()}/new`, reg(), form({ title: 'Memorandum on food fairs', kind: 'memorandum', titleRu: 'Меморандум о ярмарках', partyIds: [String(orgId), ''], signatoryIds: [String(fx.people.governor), ''], meetingId: String(m.id), status: 'agreed', parties: 'Republic of Azerbaijan' }));
    expect(res.status).toBe(303);
    const id = Number(/\/agreements\/(\d+)$/.exec(res.headers.location!)![1]);
    expect(ctx.services.agreements.inForum(fx.forumId, id)).toMatchObject({ kind: 'memorandum', titleRu: 'Меморандум о ярмарках', partyIds: [orgId], signatories: [{ personId: fx.people.governor, position: '' }], meetingId: m.id, status: 'agreed', parties: 'Republic of Azerbaijan' });
    expect(auditRows()).toBe(before + 1);
    expect(ctx.services.audit.history('agreement', id).map((h) => h.action)).toEqual(['create']);
    const page = textOf((await planner.get(res.headers.location!)).text);
    expect(page).toContain('Memorandum on food fairs');
    // The meeting's page lists it with its status and a link to the register.
    const meetingPage = await planner.get(`/forums/${fx.forumId}/meetings/${m.id}`);
    expect(meetingPage.text).toContain(`${reg()}/${id}"`);
    expect(textOf(meetingPage.text)).toMatch(/Memorandum on food fairs.*Agreed/);
  });

  const refusals: { name: string; fields: Record<string, string | string[]>; field: string | null; says: RegExp }[] = [
    { name: 'no title', fields: { title: '' }, field: 'f-title', says: /title/i },
    { name: 'a title over 500 characters', fields: { title: 'A'.repeat(501) }, field: 'f-title', says: /500/ },
    { name: 'a Russian title over 500 characters', fields: { titleRu: 'Я'.repeat(501) }, field: 'f-titleRu', says: /Russian.*500/ },
    { name: 'a note over 4,000 characters', fields: { note: 'x'.repeat(4001) }, field: 'f-note', says: /4000|4,000/ },
    { name: 'an unknown kind', fields: { kind: 'treaty' }, field: 'f-kind', says: /memorandum, protocol or contract/ },
    { name: 'signed without a date or a meeting', fields: { status: 'signed' }, field: 'f-signedOn', says: /needs the date it was signed/ },
    { name: 'a date that is not on the calendar', fields: { status: 'signed', signedOn: '2019-02-30' }, field: 'f-signedOn', says: /date/i },
    { name: 'withdrawn from the start', fields: { status: 'withdrawn' }, field: 'f-status', says: /cannot become withdrawn/ },
    { name: 'a party not in the directory', fields: { partyIds: ['99999999'] }, field: 'pa-0', says: /Party 1 is not in the organizations directory/ },
    { name: 'a signatory not in the contact book', fields: { signatoryIds: ['99999999'] }, field: 'si-0', says: /Signatory 1 is not in the contact book/ },
    { name: 'more than 20 parties', fields: { partyIds: Array.from({ length: 21 }, () => '1') }, field: null, says: /at most 20/ },
  ];
  it.each(refusals)('refuses $name with a sentence, writing nothing', async ({ fields, field, says }) => {
    const before = [agreementsOf(), auditRows()];
    const res = await post(planner, `${reg()}/new`, reg(), form(fields));
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toMatch(says);
    if (field) expect(res.text).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"`));
    expect([agreementsOf(), auditRows()]).toEqual(before);
  });

  it('refuses a meeting of another forum', async () => {
    const other = createFixtureForum(ctx.services, { programme: false });
    const theirs = ctx.services.meetings.create(SYSTEM_ACTOR, other.forumId, { title: 'Elsewhere', kind: 'signing', status: 'tentative', start: `${DAY1}T10:00`, end: `${DAY1}T11:00` }).meeting;
    const res = await post(planner, `${reg()}/new`, reg(), form({ meetingId: String(theirs.id) }));
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('Choose a meeting of this forum.');
  });

  it('refuses a status the agreement cannot go to from where it is, and a stale version, keeping what is stored', async () => {
    const a = agreement();
    const edit = `${reg()}/${a.id}/edit`;
    const skip = await post(planner, edit, edit, form({ status: 'signed', signedOn: DAY1, version: String(a.version) }));
    expect(skip.status).toBe(422);
    expect(textOf(skip.text)).toContain('An agreement that is a draft cannot become signed: a draft is agreed first, then signed');
    const ok = await post(planner, edit, edit, form({ status: 'agreed', version: String(a.version) }));
    expect(ok.status).toBe(303);
    const stale = await post(planner, edit, edit, form({ status: 'agreed', note: 'late edit', version: String(a.version) }));
    expect(stale.status).toBe(412);
    expect(textOf(stale.text)).toMatch(/saved this agreement while you were editing/);
    expect(ctx.services.agreements.inForum(fx.forumId, a.id)).toMatchObject({ status: 'agreed', note: '', version: a.version + 1 });
  });

  it('signs with the meeting’s date and place when none is given, and keeps each signatory’s position at signing', async () => {
    const m = meeting({ start: `${DAY2}T09:00`, end: `${DAY2}T09:30` });
    const a = agreement({ status: 'agreed', meetingId: m.id, signatoryIds: [fx.people.minister] });
    const edit = `${reg()}/${a.id}/edit`;
    const res = await post(planner, edit, edit, form({ status: 'signed', meetingId: String(m.id), signatoryIds: [String(fx.people.minister)], version: String(a.version) }));
    expect(res.status).toBe(303);
    expect(ctx.services.agreements.inForum(fx.forumId, a.id)).toMatchObject({ status: 'signed', signedOn: DAY2, signedPlace: 'Room A, Congress Centre', signatories: [{ personId: fx.people.minister, position: 'Minister of Economy' }] });
    const minister = ctx.services.people.get(fx.people.minister);
    ctx.services.people.update(SYSTEM_ACTOR, minister.id, minister.version, { ...minister, position: 'Prime Minister' });
    const signed = ctx.services.agreements.inForum(fx.forumId, a.id);
    ctx.services.agreements.update(SYSTEM_ACTOR, fx.forumId, a.id, signed.version, { ...inputOf(signed), note: 'Original kept by the protocol office' });
    expect(ctx.services.agreements.inForum(fx.forumId, a.id).signatories).toEqual([{ personId: fx.people.minister, position: 'Minister of Economy' }]);
    ctx.services.people.update(SYSTEM_ACTOR, minister.id, minister.version + 1, { ...minister, position: 'Minister of Economy' });
  });
});

describe('the status buttons', () => {
  it('agree, sign, withdraw and back to draft, each audited; a move not offered is refused with a notice', async () => {
    const m = meeting({ start: `${DAY2}T11:00`, end: `${DAY2}T11:30` });
    const a = agreement({ meetingId: m.id });
    const page = `${reg()}/${a.id}`;
    const press = async (status: string) => post(planner, page, `${page}/status`, { status, version: String(ctx.services.agreements.inForum(fx.forumId, a.id).version) });
    const refused = await press('signed');
    expect(refused.status).toBe(303);
    expect(textOf((await planner.get(page)).text)).toContain('cannot become signed');
    expect(ctx.services.agreements.inForum(fx.forumId, a.id).status).toBe('draft');
    for (const status of ['agreed', 'signed', 'withdrawn', 'draft']) {
      expect((await press(status)).status).toBe(303);
      expect(ctx.services.agreements.inForum(fx.forumId, a.id).status).toBe(status);
    }
    expect(ctx.services.agreements.inForum(fx.forumId, a.id).signedOn).toBe(DAY2);
    expect(ctx.services.audit.history('agreement', a.id).length).toBe(5);
  });

  it('is not a viewer’s to press', async () => {
    const a = agreement();
    const res = await post(viewer, `${reg()}/${a.id}`, `${reg()}/${a.id}/status`, { status: 'agreed', version: String(a.version) });
    expect(res.status).toBe(403);
    expect(ctx.services.agreements.inForum(fx.forumId, a.id).status).toBe('draft');
  });
});

describe('the exports and the print', () => {
  it('download the filtered register as .xlsx and .csv, in the reader’s language', async () => {
    const base = reg(demo().forumId);
    const xlsx = await download(viewer.agent, `${base}/export.xlsx?status=signed&day=2019-06-07`);
    expect(xlsx.status).toBe(200);
    expect(savedFilename(xlsx.headers['content-disposition']!)).toBe('SPIEF 2019-agreements-2019-06-07.xlsx');
    const table = await readXlsx(xlsx.body);
    expect(table.column('Title in English')).toEqual(['Agreement on cooperation between the Republic of Azerbaijan and the Leningrad Region in the trade, economic, scientific, technical and cultural fields', 'Agreement on cooperation between AZPROMO and the Roscongress Foundation']);
    expect(String(table.column('Signatories')[0])).toBe('Shahin Mustafayev (Minister of Economy, head of the delegation); Aleksandr Drozdenko (Governor of Leningrad Region)');
    const csv = readCsv((await download(viewer.agent, `${base}/export.csv?q=roscongress&lang=ru`)).body);
    expect(csv.rows.length).toBe(1);
    expect(csv.column('Название')).toEqual(['Соглашение о сотрудничестве между AZPROMO и Фондом «Росконгресс»']);
    expect(csv.column('Статус')).toEqual(['Подписано']);
  });

  it('prints the filtered register on its own sheet', async () => {
    const res = await viewer.get(`${reg(demo().forumId)}?print=1&status=signed`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('class="register-sheet"');
    expect(res.text).toContain('/public/css/agreements.css');
    expect(textOf(res.text)).toContain('Register of agreements');
    expect([...res.text.matchAll(/<tr class="agreement-signed">/g)].length).toBe(2);
  });
});

describe('Mark held', () => {
  const held = (meetingId: number) => `/forums/${fx.forumId}/meetings/${meetingId}`;
  const markHeld = (meetingId: number, sign: number[], version = ctx.services.meetings.get(meetingId).version) => post(planner, held(meetingId), `${held(meetingId)}/held`, { version: String(version), sign: sign.map(String) });

  it('in one step marks a confirmed meeting held and signs the ticked agreed documents by its principals and counterparts, audited', async () => {
    const m = meeting({ start: `${DAY1}T15:00`, end: `${DAY1}T16:00` });
    const first = agreement({ meetingId: m.id, status: 'agreed' });
    const second = agreement({ meetingId: m.id, status: 'agreed', title: 'Memorandum on fairs', kind: 'memorandum' });
    const before = auditRows();
    const res = await markHeld(m.id, [first.id]);
    expect(res.status).toBe(303);
    const after = ctx.services.meetings.get(m.id);
    expect(after.heldAt).not.toBeNull();
    expect(ctx.services.agreements.inForum(fx.forumId, first.id)).toMatchObject({
      status: 'signed',
      signedOn: DAY1,
      signedPlace: 'Room A, Congress Centre',
      signatories: [
        { personId: fx.people.minister, position: 'Minister of Economy' },
        { personId: fx.people.governor, position: 'Governor of the region' },
      ],
    });
    expect(ctx.services.agreements.inForum(fx.forumId, second.id).status).toBe('agreed');
    expect(auditRows()).toBe(before + 2);
    const page = await planner.get(held(m.id));
    expect(textOf(page.text)).toContain('marked held; 1 document signed.');
    expect(page.text).toContain('badge-held');
    // The meetings list shows it held.
    const list = await planner.get(`/forums/${fx.forumId}/meetings?day=${DAY1}`);
    expect(list.text).toMatch(new RegExp(`/meetings/${m.id}"[\\s\\S]*?badge-held`));
    // Undo: no longer held, the signed document stays signed.
    const undo = await post(planner, held(m.id), `${held(m.id)}/not-held`, { version: String(after.version) });
    expect(undo.status).toBe(303);
    expect(ctx.services.meetings.get(m.id).heldAt).toBeNull();
    expect(ctx.services.agreements.inForum(fx.forumId, first.id).status).toBe('signed');
  });

  const refusals = [
    { name: 'a draft among the ticked', status: 'confirmed', tick: 'draft', says: 'still a draft' },
    { name: 'a tentative meeting', status: 'tentative', tick: 'agreed', says: 'only a confirmed meeting can be marked held' },
    { name: 'another meeting’s document', status: 'confirmed', tick: 'elsewhere', says: 'not one of its documents' },
    { name: 'a stale version', status: 'confirmed', tick: 'stale', says: 'changed' },
  ];
  it.each(refusals)('writes nothing at all when refused: $name', async ({ status, tick, says }) => {
    const start = `${DAY2}T${String(12 + refusals.findIndex((r) => r.tick === tick)).padStart(2, '0')}:00`;
    const m = meeting({ status, start, end: start.replace(':00', ':30'), participants: [] });
    const ready = agreement({ meetingId: m.id, status: 'agreed' });
    const other = tick === 'draft' ? agreement({ meetingId: m.id }) : tick === 'elsewhere' ? agreement({ status: 'agreed' }) : ready;
    const before = [auditRows(), ctx.services.meetings.get(m.id).version, ctx.services.agreements.inForum(fx.forumId, ready.id).version];
    const res = await markHeld(m.id, [ready.id, other.id], tick === 'stale' ? m.version - 1 : m.version);
    expect(res.status).toBe(303);
    expect(textOf((await planner.get(held(m.id))).text).toLowerCase()).toContain(says.toLowerCase());
    expect([auditRows(), ctx.services.meetings.get(m.id).version, ctx.services.agreements.inForum(fx.forumId, ready.id).version]).toEqual(before);
    expect(ctx.services.meetings.get(m.id).heldAt).toBeNull();
    expect(ctx.services.agreements.inForum(fx.forumId, ready.id).status).toBe('agreed');
  });

  it('a held meeting that is cancelled is no longer held', async () => {
    const m = meeting({ start: `${DAY1}T17:00`, end: `${DAY1}T17:30` });
    await markHeld(m.id, []);
    const heldNow = ctx.services.meetings.get(m.id);
    expect(heldNow.heldAt).not.toBeNull();
    ctx.services.meetings.setStatus(SYSTEM_ACTOR, m.id, heldNow.version, 'cancelled');
    expect(ctx.services.meetings.get(m.id).heldAt).toBeNull();
  });

  it('is not a viewer’s to do', async () => {
    const m = meeting({ start: `${DAY1}T18:00`, end: `${DAY1}T18:30` });
    const res = await post(viewer, held(m.id), `${held(m.id)}/held`, { version: String(m.version) });
    expect(res.status).toBe(403);
    expect(ctx.services.meetings.get(m.id).heldAt).toBeNull();
  });
});

describe('the demo’s outcome', () => {
  it('ends with both agreements signed on 7 June and the entrepreneurs’ meeting held', () => {
    const agreements = ctx.services.agreements.ofForum(demo().forumId);
    expect(agreements.map((a) => [a.status, a.signedOn])).toEqual([
      ['signed', '2019-06-07'],
      ['signed', '2019-06-07'],
    ]);
    expect(agreements[0]!.signatories.map((s) => s.personId)).toEqual([demo().people.mustafayev, demo().people.drozdenko]);
    expect(agreements[1]!.partyIds).toEqual([demo().organizations.azpromo, demo().organizations.roscongress]);
    const meetings = ctx.services.meetings.list({ forumId: demo().forumId });
    const heldTitles = meetings.filter((m) => m.heldAt !== null && m.kind !== 'b2b').map((m) => m.title);
    expect(heldTitles).toEqual(['Meeting with Governor of Leningrad Region Aleksandr Drozdenko', 'Signing of the cooperation agreement between AZPROMO and the Roscongress Foundation', 'Opening of the meeting of Azerbaijani and Russian entrepreneurs']);
    const b2b = meetings.filter((m) => m.kind === 'b2b' && m.status === 'confirmed');
    expect(b2b.length).toBeGreaterThan(0);
    expect(b2b.every((m) => m.heldAt !== null)).toBe(true);
  });
});
