import { inWriteTransaction } from '../../src/store/database';
import { PAGE_SIZE } from '../../src/web/list-query';

const AUDIT_PAGE_SIZE = PAGE_SIZE.default;
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { SYSTEM_ACTOR } from '../../src/services/actor';

// A fresh database with the demo, and real scrypt and HTTP round trips: seconds, not milliseconds, on a busy machine.
jest.setTimeout(30_000);

/** The audit clock: each test moves it to the day it needs. */
let now = Date.UTC(2019, 5, 1, 9, 0);
let ctx: TestContext;
let admin: SignedIn;
let planner: SignedIn;
beforeAll(async () => {
  ctx = createTestApp({ clock: () => now });
  admin = await signIn(ctx, 'audit-admin', 'admin');
  planner = await signIn(ctx, 'audit-planner', 'planner');
});
afterAll(() => ctx.close());

const F = () => ctx.demo!.forumId;
const latest = (entity: string, entityId?: number) => ctx.services.audit.list({ entity, entityId, limit: 1 })[0]!;

interface EntityCase {
  name: string;
  entity: string;
  base: () => string;
  create: () => Record<string, string | number>;
  change: Record<string, string>;
}

const ENTITIES: EntityCase[] = [
  {
    name: 'forum',
    entity: 'forum',
    base: () => '/forums',
    create: () => ({ name: 'Russian Energy Week 2019', shortName: 'REW 2019', startDate: '2019-10-02', endDate: '2019-10-05', timeZone: 'Europe/Moscow', city: 'Moscow' }),
    change: { city: 'Moskva' },
  },
  { name: 'venue', entity: 'venue', base: () => `/forums/${F()}/venues`, create: () => ({ name: 'Lenexpo', address: 'Bolshoy prospekt 103' }), change: { address: 'Bolshoy prospekt 103, V.O.' } },
  {
    name: 'room',
    entity: 'room',
    base: () => `/forums/${F()}/rooms`,
    create: () => ({ name: 'Pavilion F, room F9', venueId: ctx.demo!.venues.expo, capacity: 6, kind: 'meeting_room' }),
    change: { capacity: '9' },
  },
  { name: 'organization', entity: 'organization', base: () => '/organizations', create: () => ({ name: 'Azersun Holding', country: 'Azerbaijan', kind: 'company' }), change: { country: 'Azərbaycan' } },
  { name: 'person', entity: 'person', base: () => '/people', create: () => ({ fullName: 'Orkhan Nabiyev', position: 'Trade attaché' }), change: { position: 'Senior trade attaché' } },
  { name: 'delegation', entity: 'delegation', base: () => `/forums/${F()}/delegations`, create: () => ({ name: 'Azersun delegation', homeTimeZone: 'Asia/Baku' }), change: { country: 'Azerbaijan' } },
];

describe('every change to a reference record is in the audit log, with who, before and after', () => {
  it.each(ENTITIES)('$name: create, update, delete', async ({ entity, base, create, change }) => {
    const who = entity === 'forum' ? admin : planner;
    const whoName = entity === 'forum' ? 'audit-admin' : 'audit-planner';
    const fields = create();
    const created = await who.submit(`${base()}/new`, base(), fields);
    expect(created.status).toBe(303);
    const id = Number(/\/(\d+)$/.exec(created.headers.location ?? '')![1]);

    const c = latest(entity, id);
    expect(c).toMatchObject({ action: 'create', username: whoName, entityId: id, before: null });
    expect(c.after).toMatchObject({ id, version: 1, ...expectFields(fields) });

    const record = c.after as Record<string, unknown>;
    const edited = await who.submit(`${base()}/${id}/edit`, `${base()}/${id}/edit`, { ...stringFields(record), ...change, version: 1 });
    expect(edited.status).toBe(303);
    const u = latest(entity, id);
    expect(u).toMatchObject({ action: 'update', username: whoName });
    expect(u.before).toMatchObject({ version: 1, ...expectFields(stringFields(record)) });
    expect(u.after).toMatchObject({ version: 2, ...expectFields(change) });

    const deleted = await who.submit(`${base()}/${id}/delete`, `${base()}/${id}/delete`, {});
    expect(deleted.status).toBe(303);
    const d = latest(entity, id);
    expect(d).toMatchObject({ action: 'delete', username: whoName, after: null });
    expect(d.before).toEqual(u.after);
  });

  it('records users too, with the password hash redacted in before and after', async () => {
    const made = await admin.submit('/admin/users', '/admin/users', { username: 'audited-user', role: 'viewer', password: 'Long-enough-pass-1' });
    expect(made.status).toBe(303);
    const user = ctx.services.accounts.getByName('audited-user');
    for (const [action, extra] of [
      ['role', { role: 'planner' }],
      ['disable', {}],
      ['enable', {}],
      ['password', { password: 'Another-long-pass-2' }],
    ] as const) {
      const res = await admin.submit('/admin/users', `/admin/users/${user.id}`, { action, ...extra });
      expect(res.status).toBe(303);
    }
    const entries = ctx.services.audit.list({ entity: 'user', entityId: user.id });
    expect(entries.map((e) => e.action)).toEqual(['update', 'update', 'update', 'update', 'create']);
    expect(entries.map((e) => (e.after as { role: string; disabled: boolean }).role)).toEqual(['planner', 'planner', 'planner', 'planner', 'viewer']);
    expect(entries.map((e) => (e.after as { disabled: boolean }).disabled)).toEqual([false, false, true, false, false]);
    for (const e of entries) {
      expect(e.username).toBe('audit-admin');
      expect(JSON.stringify([e.before, e.after])).not.toMatch(/scrypt\$/);
      expect(e.after).toMatchObject({ passwordHash: '[redacted]' });
    }
  });
});

describe('the users page', () => {
  it('refuses a change it does not know instead of saying the user was updated', async () => {
    const user = ctx.services.accounts.getByName('audit-planner');
    const rows = ctx.services.audit.list({ entity: 'user', entityId: user.id }).length;
    const res = await admin.submit('/admin/users', `/admin/users/${user.id}`, { action: 'promote' });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('audit-planner: Choose what to change: the role, disable or enable, or the password.');
    expect(ctx.services.audit.list({ entity: 'user', entityId: user.id })).toHaveLength(rows);
  });
});

describe('the audit table is append-only', () => {
  it.each([
    { name: 'UPDATE', sql: "UPDATE audit_log SET username = 'someone else'" },
    { name: 'UPDATE of one column', sql: 'UPDATE audit_log SET after_json = NULL WHERE id = 1' },
    { name: 'DELETE', sql: 'DELETE FROM audit_log WHERE id = 1' },
    { name: 'DELETE all', sql: 'DELETE FROM audit_log' },
  ])('refuses $name', ({ sql }) => {
    const before = ctx.services.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    expect(() => ctx.services.store.db.exec(sql)).toThrow(/audit_log is append-only/);
    expect(ctx.services.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });
});

describe('the admin audit page', () => {
  let personId: number;
  let userId: number;
  beforeAll(async () => {
    // A demo person: its history is the demo's create and what we add here.
    personId = ctx.demo!.people.protocol!;
    await admin.submit(`/people/${personId}/edit`, `/people/${personId}/edit`, { ...stringFields(ctx.services.people.get(personId) as never), position: 'Head of Protocol, ministry', version: 1 });
    // Accounts stamp their rows with the service clock, so these land on chosen days.
    now = Date.UTC(2019, 5, 6, 10, 0);
    await admin.submit('/admin/users', '/admin/users', { username: 'day-one', role: 'viewer', password: 'Long-enough-pass-1' });
    userId = ctx.services.accounts.getByName('day-one').id;
    now = Date.UTC(2019, 5, 7, 11, 30);
    await admin.submit('/admin/users', `/admin/users/${userId}`, { action: 'role', role: 'planner' });
  });

  const rowsOf = async (query: string) => {
    const res = await admin.get(`/admin/audit${query}`);
    expect(res.status).toBe(200);
    return [...res.text.matchAll(/<tr><td class="nowrap">([\s\S]*?)<\/tr>/g)].map((m) => textOf(m[1]!));
  };

  it('filters by entity', async () => {
    const rows = await rowsOf('?entity=user');
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(row).toMatch(/ User #\d+/);
  });

  it('filters by user', async () => {
    const rows = await rowsOf('?user=audit-planner');
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(row).toMatch(/^\S+ \S+ audit-planner /);
  });

  it('filters by day (UTC)', async () => {
    expect(await rowsOf('?day=2019-06-06')).toEqual([expect.stringMatching(new RegExp(`^2019-06-06 10:00 audit-admin create User #${userId} day-one`))]);
    expect(await rowsOf('?day=2019-06-07&entity=user')).toEqual([expect.stringMatching(new RegExp(`^2019-06-07 11:30 audit-admin update User #${userId} day-one`))]);
    expect(await rowsOf('?day=2019-06-08&entity=user')).toEqual([]);
  });

  it("shows one record's history, newest first, linked from the record's page", async () => {
    const rows = await rowsOf(`?entity=person&entityId=${personId}`);
    expect(rows.map((r) => r.split(' ').slice(2, 4).join(' '))).toEqual(['audit-admin update', 'system create']);
    const show = await admin.get(`/people/${personId}`);
    expect(textOf(show.text)).toMatch(/History .*audit-admin · Update .*system · Create/);
  });

  it('says what is wrong with a day that is not a date', async () => {
    const res = await admin.get('/admin/audit?day=2019-02-31');
    expect(textOf(res.text)).toContain('Enter the day as YYYY-MM-DD, e.g. 2019-06-07; “2019-02-31” is not a date.');
  });

  it('pages back through older entries, keeping the filter', async () => {
    inWriteTransaction(ctx.services.store.db, () => {
      for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) ctx.services.organizations.create(SYSTEM_ACTOR, { name: `Bulk organization ${i}`, kind: 'company' });
    });
    const all = ctx.services.audit.list({ entity: 'organization', limit: 100_000 });
    const first = await admin.get('/admin/audit?entity=organization');
    const firstRows = [...first.text.matchAll(/href="\/admin\/audit\/(\d+)">details/g)].map((m) => Number(m[1]));
    expect(firstRows).toEqual(all.slice(0, AUDIT_PAGE_SIZE).map((e) => e.id));
    const older = /<a href="([^"]+)" rel="next">/.exec(first.text)![1]!.replace(/&amp;/g, '&');
    expect(older).toMatch(/^\/admin\/audit\?entity=organization&cursor=[\w-]+$/);
    expect(textOf(first.text)).toContain(`Showing 1–${AUDIT_PAGE_SIZE} of ${all.length}`);
    const second = await admin.get(older);
    const secondRows = [...second.text.matchAll(/href="\/admin\/audit\/(\d+)">details/g)].map((m) => Number(m[1]));
    expect(secondRows).toEqual(all.slice(AUDIT_PAGE_SIZE, 2 * AUDIT_PAGE_SIZE).map((e) => e.id));
    expect(textOf(second.text)).toContain(`Showing ${AUDIT_PAGE_SIZE + 1}–${Math.min(2 * AUDIT_PAGE_SIZE, all.length)} of ${all.length}`);
    expect(second.text).toContain('<a href="/admin/audit?entity=organization">First</a>');
    const newer = /<a href="([^"]+)" rel="prev">/.exec(second.text)![1]!.replace(/&amp;/g, '&');
    const back = await admin.get(newer);
    expect([...back.text.matchAll(/href="\/admin\/audit\/(\d+)">details/g)].map((m) => Number(m[1]))).toEqual(firstRows);
  });

  it('shows an entry field by field, the changed field marked', async () => {
    const entry = latest('person', personId);
    const res = await admin.get(`/admin/audit/${entry.id}`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<tr class="row-changed"><td>position<\/td><td>Head of Protocol<\/td><td>Head of Protocol, ministry<\/td><\/tr>/);
    expect(res.text.match(/row-changed/g)).toHaveLength(2); // position and version
  });
});

describe('restoring a deleted record from its history', () => {
  it('brings a deleted person back with the old id and fields, and audits the restore', async () => {
    const person = ctx.services.people.create(SYSTEM_ACTOR, { fullName: 'Vugar Rahimov', position: 'Economic counsellor', languages: 'az, ru' });
    await planner.submit(`/people/${person.id}/delete`, `/people/${person.id}/delete`, {});
    expect(ctx.services.people.find(person.id)).toBeUndefined();
    expect((await planner.get(`/people/${person.id}`)).status).toBe(404);

    const deletion = latest('person', person.id);
    const page = await admin.get(`/admin/audit/${deletion.id}`);
    expect(textOf(page.text)).toContain('Restore this person');
    const res = await admin.submit(`/admin/audit/${deletion.id}`, `/admin/audit/${deletion.id}/restore`, {});
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/admin/audit?entity=person&entityId=${person.id}`);

    const back = ctx.services.people.get(person.id);
    expect(back).toMatchObject({ id: person.id, fullName: 'Vugar Rahimov', position: 'Economic counsellor', languages: 'az, ru' });
    expect(latest('person', person.id)).toMatchObject({ action: 'restore', username: 'audit-admin', before: null, after: back });
    expect(textOf((await planner.get(`/people/${person.id}`)).text)).toContain('Vugar Rahimov');

    const again = await admin.submit(`/admin/audit/${deletion.id}`, `/admin/audit/${deletion.id}/restore`, {});
    expect(again.status).toBe(422);
    expect(textOf(again.text)).toContain('This person exists; there is nothing to restore.');
  });

  it('offers no restore for an entry that is not a delete, and refuses one posted anyway', async () => {
    const creation = ctx.services.audit.list({ entity: 'person', limit: 1000 }).find((e) => e.action === 'create')!;
    expect(textOf((await admin.get(`/admin/audit/${creation.id}`)).text)).not.toContain('Restore this');
    const res = await admin.submit(`/admin/audit/${creation.id}`, `/admin/audit/${creation.id}/restore`, {});
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('Only a deleted forum, venue, room, organization, person or delegation can be restored.');
  });

  it('says what to restore first when the record pointed at something deleted since', async () => {
    const actor = SYSTEM_ACTOR;
    const venue = ctx.services.venues.create(actor, { forumId: F(), name: 'Temporary pavilion' });
    const room = ctx.services.rooms.create(actor, { venueId: venue.id, name: 'Tent 1', capacity: 10, kind: 'meeting_room' });
    ctx.services.rooms.remove(actor, room.id);
    const roomDeletion = latest('room', room.id);
    ctx.services.venues.remove(actor, venue.id);
    const venueDeletion = latest('venue', venue.id);

    const refused = await admin.submit(`/admin/audit/${roomDeletion.id}`, `/admin/audit/${roomDeletion.id}/restore`, {});
    expect(refused.status).toBe(422);
    expect(textOf(refused.text)).toContain('restore that first');
    expect(ctx.services.rooms.find(room.id)).toBeUndefined();

    expect((await admin.submit(`/admin/audit/${venueDeletion.id}`, `/admin/audit/${venueDeletion.id}/restore`, {})).status).toBe(303);
    expect((await admin.submit(`/admin/audit/${roomDeletion.id}`, `/admin/audit/${roomDeletion.id}/restore`, {})).status).toBe(303);
    expect(ctx.services.rooms.get(room.id)).toMatchObject({ venueId: venue.id, name: 'Tent 1' });
  });

  it('never gives a deleted record\'s id to a new one, so it can come back under that id', async () => {
    const actor = SYSTEM_ACTOR;
    const gone = ctx.services.organizations.create(actor, { name: 'Deleted Trading House', kind: 'company' });
    ctx.services.organizations.remove(actor, gone.id);
    const deletion = latest('organization', gone.id);
    const successor = ctx.services.organizations.create(actor, { name: 'New Trading House', kind: 'company' });
    expect(successor.id).toBeGreaterThan(gone.id);
    const res = await admin.submit(`/admin/audit/${deletion.id}`, `/admin/audit/${deletion.id}/restore`, {});
    expect(res.status).toBe(303);
    expect(ctx.services.organizations.get(gone.id).name).toBe('Deleted Trading House');
    expect(ctx.services.organizations.get(successor.id).name).toBe('New Trading House');
  });

  it('is for admins only', async () => {
    const deletion = ctx.services.audit.list({ limit: 1000 }).find((e) => e.action === 'delete')!;
    expect((await planner.submit('/people', `/admin/audit/${deletion.id}/restore`, {})).status).toBe(403);
    expect((await planner.get(`/admin/audit/${deletion.id}`)).status).toBe(403);
  });
});

/** Form fields as the stored record holds them (numbers as numbers). */
function expectFields(fields: Record<string, string | number>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) && k !== 'version' ? Number(v) : v]));
}

/** A stored record as a form would send it back. */
function stringFields(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record)
      .filter(([k, v]) => k !== 'id' && k !== 'version' && v !== null)
      .map(([k, v]) => [k, String(v)]),
  );
}
