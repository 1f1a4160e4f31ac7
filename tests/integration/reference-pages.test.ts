import type { DemoIds } from '../../db/seed/demo';
import type { Role } from '../../src/domain/accounts';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

// Each file builds the demo and signs agents in: seconds, not milliseconds, on a busy two-core machine.
jest.setTimeout(30_000);

let ctx: TestContext;
let demo: DemoIds;
const agents = new Map<Role, SignedIn>();
beforeAll(() => {
  ctx = createTestApp();
  demo = ctx.demo!;
});
afterAll(() => ctx.close());

/** One signed-in agent per role, made on first use. */
async function as(role: Role): Promise<SignedIn> {
  if (!agents.has(role)) agents.set(role, await signIn(ctx, `pages-${role}`, role));
  return agents.get(role)!;
}

async function textAt(url: string, role: Role = 'planner'): Promise<string> {
  const res = await (await as(role)).get(url);
  expect(res.status).toBe(200);
  return textOf(res.text);
}

/** The first cell of each row of a list page's table, top to bottom: what a reader scans. */
function firstColumn(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>\s*<td>\s*<a [^>]*>([^<]*)<\/a>/g)].map((m) => textOf(m[1]!));
}

interface AreaCase {
  area: string;
  role: Role;
  base: () => string;
  /** A demo record the list shows before anything is added. */
  existing: string;
  create: () => Record<string, string | number>;
  /** What the new record's page shows. */
  shows: string[];
  edit: () => Record<string, string | number>;
  /** What its page shows after the edit. */
  edited: string[];
  /** Its name in the list, before and after the edit. */
  name: string;
  newName: string;
}

const AREAS: AreaCase[] = [
  {
    area: 'forums',
    role: 'admin',
    base: () => '/forums',
    existing: 'SPIEF 2019',
    create: () => ({ name: 'Caspian Oil and Gas 2020', shortName: 'Caspian 2020', startDate: '2020-06-02', endDate: '2020-06-04', timeZone: 'Asia/Baku', city: 'Baku' }),
    shows: ['Caspian Oil and Gas 2020', '2–4 June 2020 · Baku · times in Baku'],
    edit: () => ({ endDate: '2020-06-05', name: 'Baku Energy Week 2020' }),
    edited: ['Baku Energy Week 2020', '2–5 June 2020'],
    name: 'Caspian Oil and Gas 2020',
    newName: 'Baku Energy Week 2020',
  },
  {
    area: 'venues',
    role: 'planner',
    base: () => `/forums/${demo.forumId}/venues`,
    existing: 'ExpoForum',
    create: () => ({ name: 'Lenexpo', address: 'Bolshoy prospekt V.O. 103, St. Petersburg', opensAt: '09:00', closesAt: '18:00' }),
    shows: ['Lenexpo', 'Bolshoy prospekt V.O. 103', '09:00–18:00'],
    edit: () => ({ opensAt: '', closesAt: '' }),
    edited: ['Always open'],
    name: 'Lenexpo',
    newName: 'Lenexpo',
  },
  {
    area: 'rooms',
    role: 'planner',
    base: () => `/forums/${demo.forumId}/rooms`,
    existing: 'Congress Hall D',
    create: () => ({ venueId: demo.venues.expo, name: 'Pavilion F, bilateral meeting room F3', capacity: 6, kind: 'meeting_room' }),
    shows: ['Pavilion F, bilateral meeting room F3', 'Venue ExpoForum', 'Seats 6', 'Kind Meeting room'],
    edit: () => ({ capacity: '10', kind: 'stand' }),
    edited: ['Seats 10', 'Kind Stand'],
    name: 'Pavilion F, bilateral meeting room F3',
    newName: 'Pavilion F, bilateral meeting room F3',
  },
  {
    area: 'organizations',
    role: 'planner',
    base: () => '/organizations',
    existing: 'Roscongress Foundation',
    create: () => ({ name: 'Russian Export Center', nameRu: 'Российский экспортный центр', country: 'Russia', kind: 'agency' }),
    shows: ['Russian Export Center', 'Российский экспортный центр', 'Country Russia', 'Kind Agency'],
    edit: () => ({ kind: 'bank', name: 'Russian Export Center (REC)' }),
    edited: ['Kind Bank'],
    name: 'Russian Export Center',
    newName: 'Russian Export Center (REC)',
  },
  {
    area: 'people',
    role: 'planner',
    base: () => '/people',
    existing: 'Aleksandr Drozdenko',
    create: () => ({
      fullName: 'Şəhla Əliyeva',
      nameRu: 'Шахла Алиева',
      position: 'Counsellor, trade section',
      positionRu: 'Советник торгового отдела',
      organizationId: demo.organizations.embassy!,
      email: 'sh.aliyeva@example.az',
      phone: '+7 495 000 00 00',
      languages: 'az, ru',
      notes: 'Meets the delegation at Pulkovo.',
    }),
    shows: ['Şəhla Əliyeva', 'Шахла Алиева', 'Counsellor, trade section', 'Советник торгового отдела', 'Embassy of the Republic of Azerbaijan in the Russian Federation', 'sh.aliyeva@example.az', 'Meets the delegation at Pulkovo.'],
    edit: () => ({ position: 'Minister-Counsellor' }),
    edited: ['Position Minister-Counsellor'],
    name: 'Şəhla Əliyeva',
    newName: 'Şəhla Əliyeva',
  },
  {
    area: 'delegations',
    role: 'planner',
    base: () => `/forums/${demo.forumId}/delegations`,
    existing: 'Azerbaijan — Ministry of Economy',
    create: () => ({ name: 'Republic of Belarus', country: 'Belarus', homeTimeZone: 'Europe/Minsk', headPersonId: '' }),
    shows: ['Republic of Belarus', 'Country Belarus', 'Home time zone Europe/Minsk', 'No members yet.'],
    edit: () => ({ homeTimeZone: 'Europe/Moscow', headPersonId: demo.people.protocol! }),
    edited: ['Home time zone Europe/Moscow', 'Head Tural Guliyev'],
    name: 'Republic of Belarus',
    newName: 'Republic of Belarus',
  },
];

describe.each(AREAS)('$area pages', (c) => {
  let id: number;

  it('list the demo records', async () => {
    expect(await textAt(c.base(), c.role)).toContain(c.existing);
  });

  it('create a record through the form and show it', async () => {
    const agent = await as(c.role);
    const form = await agent.get(`${c.base()}/new`);
    expect(form.status).toBe(200);
    const res = await agent.submit(`${c.base()}/new`, c.base(), c.create());
    expect(res.status).toBe(303);
    const m = new RegExp(`^${c.base()}/(\\d+)$`).exec(res.headers.location ?? '');
    expect(m).not.toBeNull();
    id = Number(m![1]);
    const page = await textAt(res.headers.location!, c.role);
    expect(page).toContain('created.');
    for (const s of c.shows) expect(page).toContain(s);
    expect(await textAt(c.base(), c.role)).toContain(c.name);
  });

  it('find it by name in the list search', async () => {
    const res = await (await as(c.role)).get(`${c.base()}?q=${encodeURIComponent(c.name.slice(0, 8))}`);
    expect(firstColumn(res.text)).toContain(c.name);
    expect(firstColumn(res.text)).not.toContain(c.existing);
  });

  it('edit it: the form holds the stored values and the page shows the change', async () => {
    const agent = await as(c.role);
    const form = await agent.get(`${c.base()}/${id}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain(`value="${c.name}"`);
    expect(form.text).toMatch(/name="version" value="1"/);
    const res = await agent.submit(`${c.base()}/${id}/edit`, `${c.base()}/${id}/edit`, { ...c.create(), ...c.edit(), version: 1 });
    expect(res.status).toBe(303);
    const page = await textAt(`${c.base()}/${id}`, c.role);
    expect(page).toContain('saved.');
    for (const s of c.edited) expect(page).toContain(s);
  });

  it('delete it after asking, and then it is gone', async () => {
    const agent = await as(c.role);
    expect(textOf((await agent.get(`${c.base()}/${id}/delete`)).text)).toContain(`Delete ${c.area === 'people' ? 'person' : c.area.replace(/s$/, '')} “${c.newName}”?`);
    const res = await agent.submit(`${c.base()}/${id}/delete`, `${c.base()}/${id}/delete`, {});
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(c.base());
    const list = await textAt(c.base(), c.role);
    expect(list).toContain('deleted. An admin can restore it from the audit log.');
    expect(firstColumn((await agent.get(c.base())).text)).not.toContain(c.newName);
    expect((await agent.get(`${c.base()}/${id}`)).status).toBe(404);
  });
});

describe('list search by name in any script', () => {
  it.each([
    { name: 'Cyrillic prefix', url: '/people?q=Дроз', finds: 'Aleksandr Drozdenko', not: 'Shahin Mustafayev' },
    { name: 'Azerbaijani Latin', url: '/people?q=Şahin', finds: 'Shahin Mustafayev', not: 'Aleksandr Drozdenko' },
    { name: 'folded to ASCII', url: '/people?q=sahin', finds: 'Shahin Mustafayev', not: 'Aleksandr Drozdenko' },
    { name: 'capitals with a dotted İ', url: '/people?q=ŞAHİN', finds: 'Shahin Mustafayev', not: 'Aleksandr Drozdenko' },
    { name: 'two words in any order', url: '/people?q=mustafayev%20shahin', finds: 'Shahin Mustafayev', not: 'Rashad Hasanov' },
    { name: 'by organization', url: '/people?q=gazprombank', finds: 'Olga Belova', not: 'Shahin Mustafayev' },
    { name: 'Cyrillic organization', url: '/organizations?q=Росконгресс', finds: 'Roscongress Foundation', not: 'Gazprombank' },
    { name: 'dotless ı folded', url: '/organizations?q=haciqabul', finds: 'Hajigabul Industrial District', not: 'Pirallahi Industrial Park' },
    { name: 'venue address', url: () => `/forums/${demo.forumId}/venues?q=shosse`, finds: 'ExpoForum', not: 'Smolny (Government of Leningrad Region)' },
    { name: 'room name', url: () => `/forums/${demo.forumId}/rooms?q=pavilion%20f`, finds: 'Pavilion F, bilateral meeting room F1', not: 'Congress Hall D' },
    { name: 'delegation by its head', url: () => `/forums/${demo.forumId}/delegations?q=drozdenko`, finds: 'Leningrad Region', not: 'Azerbaijan — Ministry of Economy' },
  ])('$name', async ({ url, finds, not }) => {
    const res = await (await as('viewer')).get(typeof url === 'function' ? url() : url);
    expect(res.status).toBe(200);
    expect(firstColumn(res.text)).toContain(finds);
    expect(firstColumn(res.text)).not.toContain(not);
  });

  it('says so when nothing matches, and keeps the query in the box', async () => {
    const res = await (await as('viewer')).get('/people?q=Nobody%20Atall');
    expect(textOf(res.text)).toContain('Nothing matches “Nobody Atall”.');
    expect(res.text).toContain('value="Nobody Atall"');
  });
});

describe('list sorting', () => {
  const order = async (url: string) => firstColumn((await (await as('viewer')).get(url)).text);

  it('sorts people by name both ways with Intl.Collator', async () => {
    const asc = await order('/people?sort=name&dir=asc');
    const desc = await order('/people?sort=name&dir=desc');
    expect(asc[0]).toBe('Aleksandr Drozdenko');
    expect(desc).toEqual([...asc].reverse());
  });

  it('sorts rooms by seats as numbers, not as text', async () => {
    const desc = await order(`/forums/${demo.forumId}/rooms?sort=capacity&dir=desc`);
    expect(desc[0]).toBe('Congress Hall D');
    expect(desc[1]).toBe('B2B area, Pavilion G');
    const asc = await order(`/forums/${demo.forumId}/rooms?sort=capacity&dir=asc`);
    expect(asc[0]).toBe('Pavilion F, bilateral meeting room F2');
  });

  it('marks the sorted column and links to the other direction', async () => {
    const res = await (await as('viewer')).get('/organizations?sort=country&dir=asc');
    expect(res.text).toMatch(/aria-sort="ascending"><a href="\/organizations\?q=&sort=country&dir=desc"/);
  });

  it('falls back to the first column for an unknown sort key', async () => {
    const res = await (await as('viewer')).get('/people?sort=password&dir=sideways');
    expect(res.status).toBe(200);
    expect(firstColumn(res.text)[0]).toBe('Aleksandr Drozdenko');
  });
});

describe('delegation members', () => {
  const delegationUrl = () => `/forums/${demo.forumId}/delegations/${demo.delegations.leningrad}`;
  /** The members table, one line per member: 'Name · Role'. */
  const members = async () => {
    const html = (await (await as('planner')).get(delegationUrl())).text;
    const table = /<h2>Members<\/h2>[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
    return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => {
      const cells = [...m[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => textOf(c[1]!.replace(/<div class="secondary">[\s\S]*?<\/div>/, '')));
      return `${cells[0]} · ${cells[1]}`;
    });
  };

  it('adds a member with a role, changes the role, and removes the member', async () => {
    const planner = await as('planner');
    const personId = demo.people.roscongress!;
    let res = await planner.submit(delegationUrl(), `${delegationUrl()}/members`, { personId, role: 'adviser' });
    expect(res.status).toBe(303);
    expect(await textAt(delegationUrl())).toContain('Member saved.');
    expect(await members()).toContain('Anna Kuznetsova · Adviser');

    await planner.submit(delegationUrl(), `${delegationUrl()}/members`, { personId, role: 'interpreter' });
    expect(await members()).toContain('Anna Kuznetsova · Interpreter');
    expect(await members()).not.toContain('Anna Kuznetsova · Adviser');

    res = await planner.submit(delegationUrl(), `${delegationUrl()}/members/${personId}/remove`, {});
    expect(res.status).toBe(303);
    expect(await textAt(delegationUrl())).toContain('Member removed from the delegation.');
    expect((await members()).join()).not.toContain('Anna Kuznetsova');
    expect(await members()).toEqual(['Aleksandr Drozdenko · Head', 'Dmitry Volkov · Deputy']);
  });

  it('counts members on the forum home page and in the delegation list', async () => {
    const members = ctx.services.directory.members(demo.delegations.azerbaijan).length;
    expect(await textAt(`/forums/${demo.forumId}`)).toContain(`${members} members`);
    expect(await textAt(`/forums/${demo.forumId}/delegations`)).toMatch(new RegExp(`Shahin Mustafayev ${members}`));
  });
});

describe('travel-time matrix', () => {
  const url = () => `/forums/${demo.forumId}/travel`;
  const key = (from: number, to: number) => `t_${Math.min(from, to)}_${Math.max(from, to)}`;

  it('shows each pair once with its minutes, and names every venue', async () => {
    const res = await (await as('viewer')).get(url());
    const text = textOf(res.text);
    for (const v of ['ExpoForum', 'Smolny (Government of Leningrad Region)', 'Hotel Astoria (delegation hotel)']) expect(text).toContain(v);
    expect(res.text).toContain(`name="${key(demo.venues.expo, demo.venues.smolny)}" value="45"`);
  });

  it('saves a changed time for both directions and clears an emptied one', async () => {
    const { expo, smolny, hotel } = demo.venues;
    const res = await (await as('planner')).submit(url(), url(), { [key(expo, smolny)]: '55', [key(expo, hotel)]: '', [key(smolny, hotel)]: '20' });
    expect(res.status).toBe(303);
    expect(await textAt(url())).toContain('Travel times saved.');
    const times = ctx.services.directory.travelTimes(demo.forumId);
    expect(times).toContainEqual({ fromVenueId: expo, toVenueId: smolny, minutes: 55 });
    expect(times).toContainEqual({ fromVenueId: smolny, toVenueId: expo, minutes: 55 });
    expect(times.some((t) => (t.fromVenueId === expo && t.toVenueId === hotel) || (t.fromVenueId === hotel && t.toVenueId === expo))).toBe(false);
  });
});

describe('forum home page', () => {
  it('shows dates, zone, venues, delegations and counts', async () => {
    const text = await textAt(`/forums/${demo.forumId}`, 'viewer');
    expect(text).toContain('6–8 June 2019 · St. Petersburg · times in Moscow');
    expect(text).toMatch(/3 venues/);
    expect(text).toContain('ExpoForum');
    expect(text).toContain('Azerbaijan — Ministry of Economy');
    expect(text).toContain('Head: Shahin Mustafayev');
  });

  it('is where / leads after signing in', async () => {
    const res = await (await as('viewer')).get('/');
    expect(res.headers.location).toBe(`/forums/${demo.forumId}`);
  });
});
