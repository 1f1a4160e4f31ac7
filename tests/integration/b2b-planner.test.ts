/**
 * A planner sets up a B2B session through the forms: the session, the
 * companies, requests entered on their behalf, answers, the run and the hall
 * plan. Every refusal comes back as the form with a message beside the field
 * and what was typed still in it.
 */
import { applyAt } from '../support/b2b-flow';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

jest.setTimeout(30_000);

let ctx: TestContext;
let planner: SignedIn;
const forumBase = () => `/forums/${ctx.demo!.forumId}/b2b`;
const d = () => ctx.demo!;

/** The value of a form field as the page shows it again. */
const fieldValue = (html: string, name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? new RegExp(`name="${name}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];
const errorOf = (html: string, name: string) => textOf(new RegExp(`id="f-${name}-err">([^<]*)<`).exec(html)?.[1] ?? '');

const sessionForm = (overrides: Record<string, string> = {}) => ({
  title: 'Leningrad Region suppliers’ day',
  roomId: String(d().rooms.bilateral1),
  start: '2019-06-07T15:00',
  end: '2019-06-07T16:15',
  slotMinutes: '15',
  changeoverMinutes: '5',
  breaks: '15:40–15:55 Coffee',
  tableCount: '3',
  sideALabel: '',
  sideBLabel: '',
  description: '',
  ...overrides,
});

beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'b2b-form-planner', 'planner');
});
afterAll(() => ctx.close());

describe('the session form', () => {
  it.each([
    { name: 'end before start', fields: { end: '2019-06-07T14:00' }, field: 'end', message: 'The session must end after it starts.' },
    { name: 'over two days', fields: { end: '2019-06-08T10:00' }, field: 'end', message: 'A B2B session runs within one day' },
    { name: 'a day outside the forum', fields: { start: '2019-06-09T10:00', end: '2019-06-09T11:00' }, field: 'start', message: 'Choose a day of SPIEF 2019 (2019-06-06 to 2019-06-08).' },
    { name: 'an unreadable break', fields: { breaks: 'lunch at noon' }, field: 'breaks', message: '“lunch at noon” is not a break: write one per line as 12:10–12:30, then what it is.' },
    { name: 'a break outside the session', fields: { breaks: '17:00–17:15 Coffee' }, field: 'breaks', message: 'Break 17:00–17:15 lies outside the session (15:00–16:15)' },
    { name: 'one side named only', fields: { sideALabel: 'Suppliers' }, field: 'sideBLabel', message: 'Name both sides' },
    { name: 'no slot fits', fields: { slotMinutes: '90' }, field: 'slotMinutes', message: 'No 90-minute slot fits between 15:00 and 16:15' },
    { name: 'no hall', fields: { roomId: '' }, field: 'roomId', message: 'Choose a hall (room).' },
    { name: 'zero tables', fields: { tableCount: '0' }, field: 'tableCount', message: 'The number of tables must be at least 1.' },
  ] as { name: string; fields: Record<string, string>; field: string; message: string }[])('refuses $name, beside the field, with the input kept', async ({ fields, field, message }) => {
    const res = await planner.submit(`${forumBase()}/new`, forumBase(), sessionForm(fields));
    expect(res.status).toBe(422);
    expect(errorOf(res.text, field)).toContain(message);
    expect(fieldValue(res.text, 'title')).toBe('Leningrad Region suppliers’ day');
  });

  it('creates a session and shows its slot grid around the break', async () => {
    const res = await planner.submit(`${forumBase()}/new`, forumBase(), sessionForm());
    expect(res.status).toBe(303);
    const page = textOf((await planner.get(res.headers.location!)).text);
    expect(page).toContain('Leningrad Region suppliers’ day');
    expect(page).toContain('3 slots of 15 minutes, 5 minutes to change tables: 15:00–15:15, 15:20–15:35, 15:55–16:10');
    expect(page).toContain('Not scheduled yet.');
  });

  it('answers an edit of a stale version with what is stored now', async () => {
    const session = ctx.services.b2b.sessions.list(d().forumId).find((s) => s.title.startsWith('Leningrad'))!;
    ctx.services.b2b.sessions.update(SYSTEM_ACTOR, session.id, session.version, sessionForm({ tableCount: '4' }));
    const res = await planner.agent.post(`${forumBase()}/${session.id}/edit`).type('form').send({ _csrf: await csrf(`${forumBase()}/${session.id}/edit`), version: String(session.version), ...sessionForm({ tableCount: '5' }) });
    expect(res.status).toBe(412);
    expect(textOf(res.text)).toContain('Someone else changed this record');
    expect(fieldValue(res.text, 'tableCount')).toBe('5');
  });
});

async function csrf(url: string): Promise<string> {
  return /name="_csrf" value="([^"]+)"/.exec((await planner.get(url)).text)![1]!;
}

describe('companies and requests, entered by the planner', () => {
  let base: string;
  let ids: Record<string, number>;

  beforeAll(() => {
    const session = ctx.services.b2b.sessions.create(SYSTEM_ACTOR, d().forumId, sessionForm({ title: 'Sided session', sideALabel: 'Azerbaijani companies', sideBLabel: 'Russian companies', breaks: '' }));
    base = `${forumBase()}/${session.id}`;
    ids = { session: session.id };
  });

  it('adds a company with its representatives, side and profile, and names what is missing', async () => {
    const missing = await planner.submit(`${base}/participants/new`, `${base}/participants`, { organizationId: String(d().organizations['socar-polymer']), sector: 'Petrochemicals', unavailable: '15:00-15:15 Flight' });
    expect(missing.status).toBe(422);
    expect(errorOf(missing.text, 'representativeIds')).toBe('Choose at least one representative: the person who sits at the table.');
    expect(fieldValue(missing.text, 'sector')).toBe('Petrochemicals');
    expect(fieldValue(missing.text, 'unavailable')).toBe('15:00-15:15 Flight');
    const sideless = await planner.submit(`${base}/participants/new`, `${base}/participants`, { organizationId: String(d().organizations['socar-polymer']), representativeIds: String(d().people['socar-polymer']), unavailable: '15:00-15:15 Flight' });
    expect(errorOf(sideless.text, 'side')).toBe('Choose the side: Azerbaijani companies or Russian companies.');
    expect(sideless.text).toMatch(new RegExp(`<option value="${d().people['socar-polymer']}" selected>`));

    const ok = await planner.submit(`${base}/participants/new`, `${base}/participants`, { organizationId: String(d().organizations['socar-polymer']), representativeIds: String(d().people['socar-polymer']), side: 'a', sector: 'Petrochemicals', offers: 'Polypropylene', unavailable: '15:00-15:15 Flight' });
    expect(ok.status).toBe(303);
    ids.socar = Number(/participants\/(\d+)/.exec(ok.headers.location!)![1]);
    const page = textOf((await planner.get(ok.headers.location!)).text);
    expect(page).toContain('SOCAR Polymer');
    expect(page).toContain('Elsewhere: Flight');

    ids.gaz = ctx.services.b2b.participants.add(SYSTEM_ACTOR, ids.session!, { organizationId: d().organizations.gaz, representativeIds: [d().people.gaz], side: 'b' }).id;
    ids.azerikimya = ctx.services.b2b.participants.add(SYSTEM_ACTOR, ids.session!, { organizationId: d().organizations.azerikimya, representativeIds: [d().people.azerikimya], side: 'a' }).id;
  });

  it('refuses a company twice, and a person at two companies’ tables', async () => {
    const twice = await planner.submit(`${base}/participants/new`, `${base}/participants`, { organizationId: String(d().organizations.gaz), representativeIds: String(d().people.gazprombank), side: 'b' });
    expect(errorOf(twice.text, 'organizationId')).toBe('GAZ Group Commercial Vehicles LLC already takes part in this session.');
    const shared = await planner.submit(`${base}/participants/new`, `${base}/participants`, { organizationId: String(d().organizations.gazprombank), representativeIds: String(d().people.gaz), side: 'b' });
    expect(errorOf(shared.text, 'representativeIds')).toBe('Sergey Orlov already represents GAZ Group Commercial Vehicles LLC in this session; a person sits at one company’s table.');
  });

  it.each([
    { name: 'a company asking itself', from: 'socar', to: 'socar', message: 'SOCAR Polymer cannot ask to meet itself; choose another company.' },
    { name: 'a company of the same side', from: 'socar', to: 'azerikimya', message: 'Azerikimya Production Association is on the same side (Azerbaijani companies) as SOCAR Polymer; this session pairs Azerbaijani companies with Russian companies.' },
  ])('refuses $name', async ({ from, to, message }) => {
    const res = await planner.submit(`${base}/requests/new`, `${base}/requests`, { fromId: String(ids[from]), toId: String(ids[to]), priority: '3', message: 'Kept as typed' });
    expect(res.status).toBe(422);
    expect(errorOf(res.text, 'toId')).toContain(message);
    expect(fieldValue(res.text, 'message')).toBe('Kept as typed');
  });

  it('enters a request, refuses the same pair again in either direction, accepts it, and runs the schedule', async () => {
    const sent = await planner.submit(`${base}/requests/new`, `${base}/requests`, { fromId: String(ids.socar), toId: String(ids.gaz), priority: '2', message: 'Packaging for vehicle parts' });
    expect(sent.status).toBe(303);
    const again = await planner.submit(`${base}/requests/new`, `${base}/requests`, { fromId: String(ids.gaz), toId: String(ids.socar) });
    expect(errorOf(again.text, 'toId')).toBe('GAZ Group Commercial Vehicles LLC and SOCAR Polymer already have a request (pending, sent by SOCAR Polymer). One request per pair: answer or cancel that one.');

    const requestPage = sent.headers.location!;
    expect(textOf((await planner.get(requestPage)).text)).toMatch(/pending · Normal priority · sent 2019|sent .* by the protocol office/);
    const accepted = await planner.submit(requestPage, `${requestPage}/state`, { action: 'accept' });
    expect(accepted.status).toBe(303);
    expect(textOf((await planner.get(accepted.headers.location!)).text)).toContain('Request accepted. Run the scheduler to give it a table.');
    expect(textOf((await planner.get(base)).text)).toContain('Not scheduled yet: 1 accepted request waits for a table.');

    const run = await planner.submit(base, `${base}/schedule`, {});
    expect(run.status).toBe(303);
    const preview = textOf((await planner.get(run.headers.location!)).text);
    expect(preview).toContain('Re-plan everything.');
    expect(preview).toMatch(/1 added 0 moved 0 dropped/);
    expect(ctx.services.meetings.list({ forumId: d().forumId, kind: 'b2b' }).some((m) => m.title === 'B2B: SOCAR Polymer – GAZ Group Commercial Vehicles LLC')).toBe(false);
    expect((await applyAt(planner, run.headers.location!)).status).toBe(303);
    let page = textOf((await planner.get(base)).text);
    expect(page).toContain('Applied: 1 meeting placed; no schedule can place more than 1. Schedule: 1 added. Still a draft');
    expect(page).toContain('Draft. The companies’ links show this schedule as provisional');
    expect((await planner.submit(`${base}/publish`, `${base}/publish`, {})).status).toBe(303);
    page = textOf((await planner.get(base)).text);
    expect(page).toContain('Published: 1 meeting entered the programme');
    // SOCAR Polymer is away 15:00–15:15 (its own note), so the meeting takes the next slot.
    const meeting = ctx.services.meetings.list({ forumId: d().forumId, kind: 'b2b' }).find((m) => m.title === 'B2B: SOCAR Polymer – GAZ Group Commercial Vehicles LLC')!;
    expect(meeting).toMatchObject({ start: '2019-06-07T15:20', end: '2019-06-07T15:35', place: 'Table 1', status: 'confirmed' });
  });

  it('refuses an answer that no longer fits the request’s state, with a message', async () => {
    const r = ctx.services.b2b.requests.list(ids.session!)[0]!;
    const res = await planner.submit(`${base}/requests/${r.id}`, `${base}/requests/${r.id}/state`, { action: 'decline', back: `${base}#requests` });
    expect(res.headers.location).toBe(`${base}#requests`);
    expect(textOf((await planner.get(base)).text)).toContain('The request from SOCAR Polymer to GAZ Group Commercial Vehicles LLC is accepted; it cannot be declined now.');
  });

  it('never sends an action back outside the session', async () => {
    const r = ctx.services.b2b.requests.list(ids.session!)[0]!;
    const res = await planner.submit(`${base}/requests/${r.id}`, `${base}/requests/${r.id}/state`, { action: 'decline', back: 'https://evil.example/' });
    expect(res.headers.location).toBe(`${base}/requests/${r.id}`);
  });

  it('prints the hall plan and the company’s agenda', async () => {
    const plan = await planner.get(`${base}/hall-plan`);
    expect(plan.status).toBe(200);
    expect(textOf(plan.text)).toContain('Sided session — tables');
    expect(textOf(plan.text)).toContain('T 1 GAZ Group Commercial Vehicles LLC');
    const agenda = await planner.get(`${base}/participants/${ids.socar}/agenda/2019-06-07`);
    expect(agenda.status).toBe(200);
    expect(textOf(agenda.text)).toContain('B2B: SOCAR Polymer – GAZ Group Commercial Vehicles LLC');
  });
});

describe('viewers', () => {
  it('read B2B pages but cannot change them', async () => {
    const viewer = await signIn(ctx, 'b2b-viewer', 'viewer');
    const session = ctx.services.b2b.sessions.list(d().forumId)[0]!;
    const page = await viewer.get(`${forumBase()}/${session.id}`);
    expect(page.status).toBe(200);
    expect(textOf(page.text)).not.toContain('Preview the schedule');
    expect((await viewer.get(`${forumBase()}/${session.id}/publish`)).status).toBe(403);
    expect((await viewer.get(`${forumBase()}/new`)).status).toBe(403);
    const csrfToken = /name="_csrf" value="([^"]+)"/.exec((await viewer.get('/people')).text)?.[1] ?? '';
    expect((await viewer.agent.post(`${forumBase()}/${session.id}/schedule`).type('form').send({ _csrf: csrfToken })).status).toBe(403);
  });

  it('get a 404 for a session of the address’s forum that does not exist', async () => {
    expect((await planner.get(`${forumBase()}/9999`)).status).toBe(404);
    expect((await planner.get(`${forumBase()}/abc`)).status).toBe(404);
  });
});
