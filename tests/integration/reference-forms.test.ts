import crypto from 'node:crypto';
import type { DemoIds } from '../../db/seed/demo';
import type { Role } from '../../src/domain/accounts';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, PASSWORD, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

// Each file builds the demo and signs agents in: seconds, not milliseconds, on a busy two-core machine.
jest.setTimeout(30_000);

let ctx: TestContext;
let demo: DemoIds;
beforeAll(() => {
  ctx = createTestApp();
  demo = ctx.demo!;
});
afterAll(() => ctx.close());

const agents = new Map<string, SignedIn>();
async function as(role: Role, name: string = role): Promise<SignedIn> {
  if (!agents.has(name)) agents.set(name, await signIn(ctx, `forms-${name}`, role));
  return agents.get(name)!;
}

/** Everything a failed submission must leave as it was (every table's rows and the audit log), as one digest. */
function snapshot(): string {
  const db = ctx.services.store.db;
  const tables = ['forum', 'venue', 'room', 'travel_time', 'organization', 'person', 'delegation', 'delegation_member', 'app_user', 'audit_log'];
  const rows = JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
  return crypto.createHash('sha256').update(rows).digest('hex');
}

/** The message shown beside one field (the <p> the input's aria-describedby names). */
function fieldError(html: string, field: string): string | undefined {
  const m = new RegExp(`id="f-${field}-err">([^<]*)</p>`).exec(html);
  return m ? textOf(m[1]!) : undefined;
}

type Fields = Record<string, string | number>;

interface FormCase {
  name: string;
  role?: Role;
  /** The area's list URL; its new form is `${base}/new`. */
  base: () => string;
  /** A record of the demo whose edit form gets the same bad input. */
  existing: () => number;
  fields: () => Fields;
  errors: Record<string, string>;
  /** Fragments of HTML that show the input was kept. */
  kept: string[];
}

const FORMS: FormCase[] = [
  {
    name: 'forum: missing name, zone that is not IANA',
    role: 'admin',
    base: () => '/forums',
    existing: () => demo.forumId,
    fields: () => ({ name: '', shortName: 'SPIEF 2021', startDate: '2021-06-02', endDate: '2021-06-05', timeZone: 'Moscow', city: 'St. Petersburg' }),
    errors: { name: 'Enter the forum name.', timeZone: 'Enter the time zone as an IANA zone such as Europe/Moscow or Asia/Baku.' },
    kept: ['value="SPIEF 2021"', 'value="Moscow"', 'value="St. Petersburg"'],
  },
  {
    name: 'forum: last day before the first',
    role: 'admin',
    base: () => '/forums',
    existing: () => demo.forumId,
    fields: () => ({ name: 'SPIEF 2021', shortName: 'SPIEF 2021', startDate: '2021-06-05', endDate: '2021-06-02', timeZone: 'Europe/Moscow', city: '' }),
    errors: { endDate: 'The last day must be on or after the first day.' },
    kept: ['value="2021-06-05"', 'value="2021-06-02"'],
  },
  {
    name: 'forum: a date in another format, a name too long',
    role: 'admin',
    base: () => '/forums',
    existing: () => demo.forumId,
    fields: () => ({ name: 'S'.repeat(201), shortName: 'SPIEF', startDate: '05.06.2021', endDate: '2021-06-07', timeZone: 'Europe/Moscow' }),
    errors: { name: 'The forum name is longer than 200 characters.', startDate: 'Enter the first day as a real date YYYY-MM-DD between 2000 and 2100, e.g. 2019-06-07.' },
    kept: ['value="05.06.2021"'],
  },
  {
    name: 'venue: no name, an hour that does not exist',
    base: () => `/forums/${demo.forumId}/venues`,
    existing: () => demo.venues.expo,
    fields: () => ({ name: ' ', address: 'Nevsky prospekt 1', opensAt: '25:00', closesAt: '18:00' }),
    errors: { name: 'Enter the venue name.', opensAt: 'Enter the opening time as HH:MM (24-hour), or leave it empty.' },
    kept: ['value="Nevsky prospekt 1"', 'value="25:00"'],
  },
  {
    name: 'venue: opening time without a closing time',
    base: () => `/forums/${demo.forumId}/venues`,
    existing: () => demo.venues.expo,
    fields: () => ({ name: 'Lenexpo', address: '', opensAt: '09:00', closesAt: '' }),
    errors: { closesAt: 'Give both opening and closing time, or neither.' },
    kept: ['value="Lenexpo"', 'value="09:00"'],
  },
  {
    name: 'venue: closing before opening',
    base: () => `/forums/${demo.forumId}/venues`,
    existing: () => demo.venues.expo,
    fields: () => ({ name: 'Lenexpo', address: '', opensAt: '18:00', closesAt: '09:00' }),
    errors: { closesAt: 'The closing time must be after the opening time.' },
    kept: ['value="18:00"'],
  },
  {
    name: 'room: no venue, seats in words, a kind not on the list',
    base: () => `/forums/${demo.forumId}/rooms`,
    existing: () => demo.rooms.bilateral1!,
    fields: () => ({ venueId: '', name: 'Room F9', capacity: 'twelve', kind: 'bathroom' }),
    errors: { venueId: 'Choose a venue.', capacity: 'Enter the capacity as a whole number.', kind: 'Choose a kind of room from the list.' },
    kept: ['value="Room F9"', 'value="twelve"'],
  },
  {
    name: 'room: negative seats',
    base: () => `/forums/${demo.forumId}/rooms`,
    existing: () => demo.rooms.bilateral1!,
    fields: () => ({ venueId: demo.venues.expo, name: 'Room F9', capacity: -4, kind: 'hall' }),
    errors: { capacity: 'The capacity must be at least 0.' },
    kept: ['value="-4"'],
  },
  {
    name: 'organization: no name, unknown kind',
    base: () => '/organizations',
    existing: () => demo.organizations.azpromo!,
    fields: () => ({ name: '', nameRu: 'Российский экспортный центр', country: 'Russia', kind: 'pirate ship' }),
    errors: { name: 'Enter the organization name.', kind: 'Choose a kind of organization from the list.' },
    kept: ['value="Российский экспортный центр"', 'value="Russia"'],
  },
  {
    name: 'person: blank name, bad email',
    base: () => '/people',
    existing: () => demo.people.protocol!,
    fields: () => ({ fullName: '   ', nameAz: 'Tural Quliyev', position: 'Adviser', email: 'not-an-email', languages: 'az, ru' }),
    errors: { fullName: 'Enter the full name.', email: 'Enter an email address like name@example.org, or leave it empty.' },
    kept: ['value="Adviser"', 'value="not-an-email"', 'value="Tural Quliyev"'],
  },
  {
    name: 'person: an organization that does not exist',
    base: () => '/people',
    existing: () => demo.people.protocol!,
    fields: () => ({ fullName: 'Şəhla Əliyeva', organizationId: 99_999 }),
    errors: { organizationId: 'Choose an existing organization.' },
    kept: ['value="Şəhla Əliyeva"'],
  },
  {
    name: 'delegation: no name, home zone that is not IANA, head who does not exist',
    base: () => `/forums/${demo.forumId}/delegations`,
    existing: () => demo.delegations.azerbaijan,
    fields: () => ({ name: '', country: 'Kazakhstan', homeTimeZone: 'Astana', headPersonId: 99_999 }),
    errors: { name: 'Enter the delegation name.', homeTimeZone: 'Enter the home time zone as an IANA zone such as Europe/Moscow or Asia/Baku.' },
    kept: ['value="Kazakhstan"', 'value="Astana"'],
  },
  {
    name: 'delegation: head who does not exist',
    base: () => `/forums/${demo.forumId}/delegations`,
    existing: () => demo.delegations.azerbaijan,
    fields: () => ({ name: 'Kazakhstan', country: 'Kazakhstan', homeTimeZone: 'Asia/Almaty', headPersonId: 99_999 }),
    errors: { headPersonId: 'Choose an existing person as head.' },
    kept: ['value="Asia/Almaty"'],
  },
];

describe.each(FORMS)('$name', (c) => {
  const role = c.role ?? 'planner';
  const expectRefused = (res: { status: number; text: string }) => {
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('Some fields need attention: see the messages beside them.');
    for (const [field, message] of Object.entries(c.errors)) expect(fieldError(res.text, field)).toBe(message);
    for (const fragment of c.kept) expect(res.text).toContain(fragment);
  };

  it('on the new form: a message beside each field, the input kept, nothing written', async () => {
    const agent = await as(role);
    const before = snapshot();
    expectRefused(await agent.submit(`${c.base()}/new`, c.base(), c.fields()));
    expect(snapshot()).toBe(before);
  });

  it('on the edit form of a stored record: the same, and the record unchanged', async () => {
    const url = `${c.base()}/${c.existing()}/edit`;
    const agent = await as(role);
    const before = snapshot();
    const version = Number(/name="version" value="(\d+)"/.exec((await agent.get(url)).text)![1]);
    expectRefused(await agent.submit(url, url, { ...c.fields(), version }));
    expect(snapshot()).toBe(before);
  });
});

describe('forms that are not record forms', () => {
  it('travel matrix: minutes in words come back beside the cell, input kept, nothing saved', async () => {
    const url = `/forums/${demo.forumId}/travel`;
    const { expo, smolny, hotel } = demo.venues;
    const agent = await as('planner');
    // Each pair has one input, named in the order the matrix lists the venues.
    const inputs = [...(await agent.get(url)).text.matchAll(/name="(t_\d+_\d+)"/g)].map((m) => m[1]!);
    const cell = (a: number, b: number) => inputs.find((n) => n === `t_${a}_${b}` || n === `t_${b}_${a}`)!;
    const before = snapshot();
    const res = await agent.submit(url, url, { [cell(expo, smolny)]: 'forty', [cell(expo, hotel)]: '5000', [cell(smolny, hotel)]: '25' });
    expect(res.status).toBe(422);
    const text = textOf(res.text);
    expect(text.match(/Enter whole minutes between 0 and 1440, or leave it empty\./g)).toHaveLength(2);
    expect(res.text).toContain('value="forty"');
    expect(res.text).toContain('value="5000"');
    expect(res.text).toContain('value="25"');
    expect(snapshot()).toBe(before);
  });

  it('delegation member: a role not on the list is refused with a message, nothing written', async () => {
    const url = `/forums/${demo.forumId}/delegations/${demo.delegations.leningrad}`;
    const agent = await as('planner');
    const before = snapshot();
    const res = await agent.submit(url, `${url}/members`, { personId: demo.people.gaz!, role: 'king' });
    expect(res.status).toBe(303);
    expect(textOf((await agent.get(url)).text)).toContain('Choose a role from the list.');
    expect(snapshot()).toBe(before);
  });

  it('delegation member: no person chosen', async () => {
    const url = `/forums/${demo.forumId}/delegations/${demo.delegations.leningrad}`;
    const agent = await as('planner');
    const before = snapshot();
    await agent.submit(url, `${url}/members`, { personId: '', role: 'adviser' });
    expect(textOf((await agent.get(url)).text)).toContain('Choose a person.');
    expect(snapshot()).toBe(before);
  });
});

describe('two planners edit the same record', () => {
  interface StaleCase {
    area: string;
    role?: Role;
    url: () => string;
    /** The field both change, and the whole stored record as form fields. */
    field: string;
    stored: () => Fields;
  }
  const asForm = (r: object): Fields =>
    Object.fromEntries(Object.entries(r).filter(([k, v]) => !['id', 'version', 'forumId'].includes(k) && v !== null).map(([k, v]) => [k, v as string | number]));
  const CASES: StaleCase[] = [
    { area: 'forum', role: 'admin', url: () => `/forums/${demo.forumId}`, field: 'name', stored: () => asForm(ctx.services.forums.get(demo.forumId)) },
    { area: 'venue', url: () => `/forums/${demo.forumId}/venues/${demo.venues.hotel}`, field: 'name', stored: () => asForm(ctx.services.venues.get(demo.venues.hotel)) },
    { area: 'room', url: () => `/forums/${demo.forumId}/rooms/${demo.rooms.hotelRoom}`, field: 'name', stored: () => asForm(ctx.services.rooms.get(demo.rooms.hotelRoom!)) },
    { area: 'organization', url: () => `/organizations/${demo.organizations.gazprombank}`, field: 'name', stored: () => asForm(ctx.services.organizations.get(demo.organizations.gazprombank!)) },
    { area: 'person', url: () => `/people/${demo.people.adviser}`, field: 'fullName', stored: () => asForm(ctx.services.people.get(demo.people.adviser!)) },
    { area: 'delegation', url: () => `/forums/${demo.forumId}/delegations/${demo.delegations.leningrad}`, field: 'name', stored: () => asForm(ctx.services.delegations.get(demo.delegations.leningrad)) },
  ];

  it.each(CASES)('$area: the second save gets 412, sees what is stored now, keeps its input, and can save again', async (c) => {
    const role = c.role ?? 'planner';
    const first = await as(role, `${role}-first`);
    const second = await as(role, `${role}-second`);
    const edit = `${c.url()}/edit`;
    const version = (html: string) => Number(/name="version" value="(\d+)"/.exec(html)![1]);
    const loadedAt = version((await second.get(edit)).text);
    const stored = c.stored();

    const saved = await first.submit(edit, edit, { ...stored, [c.field]: `${stored[c.field]} (first)`, version: version((await first.get(edit)).text) });
    expect(saved.status).toBe(303);

    const afterFirst = snapshot();
    const stale = await second.submit(edit, edit, { ...stored, [c.field]: `${stored[c.field]} (second)`, version: loadedAt });
    expect(stale.status).toBe(412);
    const text = textOf(stale.text);
    expect(text).toContain('Someone else changed this record while you were editing it.');
    expect(text).toMatch(/What is stored now/);
    expect(text).toContain(`${stored[c.field]} (first)`);
    expect(stale.text).toContain(`value="${stored[c.field]} (second)"`);
    expect(snapshot()).toBe(afterFirst);

    // The form now carries the stored version: saving again is a deliberate overwrite.
    expect(version(stale.text)).toBe(loadedAt + 1);
    const again = await second.submit(edit, edit, { ...stored, [c.field]: `${stored[c.field]} (second)`, version: version(stale.text) });
    expect(again.status).toBe(303);
    expect(textOf((await second.get(c.url())).text)).toContain(`${stored[c.field]} (second)`);
  });

  it('a save without a version is treated as stale, not as a blind overwrite', async () => {
    const edit = `/organizations/${demo.organizations.roscongress}/edit`;
    const agent = await as('planner');
    const before = snapshot();
    const res = await agent.submit(edit, edit, { name: 'Blind write', kind: 'foundation' });
    expect(res.status).toBe(412);
    expect(snapshot()).toBe(before);
  });
});

describe('deleting what others still use', () => {
  const refuse = async (url: string, role: Role = 'planner') => {
    const agent = await as(role);
    const before = snapshot();
    const res = await agent.submit(`${url}/delete`, `${url}/delete`, {});
    expect(res.status).toBe(409);
    expect(snapshot()).toBe(before);
    expect((await (await as('planner')).get(url)).status).toBe(200);
    return textOf(res.text);
  };

  it('an organization with people: names the people', async () => {
    const text = await refuse(`/organizations/${demo.organizations.leningrad}`);
    expect(text).toContain('This organization cannot be deleted: it is still used by 2 people (“Aleksandr Drozdenko”, “Dmitry Volkov”). Remove or change those first.');
  });

  it('an organization with many people: names three and counts the rest', async () => {
    const text = await refuse(`/organizations/${demo.organizations.economy}`);
    expect(text).toMatch(/still used by \d+ people \(“[^”]+”, “[^”]+”, “[^”]+” and \d+ more\)/);
  });

  it('a person who heads a delegation and attends meetings: names each kind', async () => {
    const text = await refuse(`/people/${demo.people.mustafayev}`);
    expect(text).toContain('1 delegation membership (“Azerbaijan — Ministry of Economy”)');
    expect(text).toContain('1 delegation as its head (“Azerbaijan — Ministry of Economy”)');
    expect(text).toMatch(/\d+ meetings \(“Arrival briefing of the delegation \(2019-06-06\)”/);
  });

  it('a person linked to a user account', async () => {
    const person = ctx.services.people.create(SYSTEM_ACTOR, { fullName: 'Kamala Aliyeva' });
    ctx.services.accounts.createUser(SYSTEM_ACTOR, { username: 'kamala', role: 'viewer', password: PASSWORD, personId: person.id });
    expect(await refuse(`/people/${person.id}`)).toContain('1 user account (“kamala”)');
  });

  it('a venue with rooms', async () => {
    expect(await refuse(`/forums/${demo.forumId}/venues/${demo.venues.smolny}`)).toContain('This venue cannot be deleted: it is still used by 1 room (“Governor’s meeting room”)');
  });

  it('a room with meetings', async () => {
    expect(await refuse(`/forums/${demo.forumId}/rooms/${demo.rooms.bilateral1}`)).toMatch(/This room cannot be deleted: it is still used by \d+ meetings? \(“Meeting with Governor of Leningrad Region Aleksandr Drozdenko \(2019-06-07\)”/);
  });

  it('a delegation with meetings', async () => {
    expect(await refuse(`/forums/${demo.forumId}/delegations/${demo.delegations.leningrad}`)).toMatch(/This delegation cannot be deleted: it is still used by \d+ meetings? \(/);
  });

  it('a forum with venues, delegations and meetings', async () => {
    const text = await refuse(`/forums/${demo.forumId}`, 'admin');
    expect(text).toMatch(/This forum cannot be deleted: it is still used by 3 venues \(“ExpoForum”, “Hotel Astoria[^”]*”, “Smolny[^”]*”\); 2 delegations \(.*\); \d+ meetings \(.* and \d+ more\); 2 unavailability blocks \(“Stage set-up \(illustrative\) \(2019-06-07\)”/);
  });

  it('goes through once the references are gone', async () => {
    const actor = SYSTEM_ACTOR;
    const org = ctx.services.organizations.create(actor, { name: 'Short-lived LLC', kind: 'company' });
    const person = ctx.services.people.create(actor, { fullName: 'Ivan Petrov', organizationId: org.id });
    expect(await refuse(`/organizations/${org.id}`)).toContain('1 person (“Ivan Petrov”)');
    const planner = await as('planner');
    expect((await planner.submit(`/people/${person.id}/delete`, `/people/${person.id}/delete`, {})).status).toBe(303);
    expect((await planner.submit(`/organizations/${org.id}/delete`, `/organizations/${org.id}/delete`, {})).status).toBe(303);
    expect(ctx.services.organizations.find(org.id)).toBeUndefined();
  });
});
