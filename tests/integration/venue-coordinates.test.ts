/**
 * A venue's coordinates: the venue form takes them (bounded decimals, both
 * or neither, a message beside the field otherwise, nothing written), and a
 * link's feed follows them: GEO and the structured location move, and the
 * feed's ETag and the event's LAST-MODIFIED with them.
 */
import crypto from 'node:crypto';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { propertyValues } from '../support/ics';

jest.setTimeout(30_000);

let ctx: TestContext;
let planner: SignedIn;
beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'coordinates-planner', 'planner');
});
afterAll(() => ctx.close());

const venues = () => `/forums/${ctx.demo!.forumId}/venues`;
const digest = () => crypto.createHash('sha256').update(JSON.stringify(ctx.services.store.db.prepare('SELECT * FROM venue ORDER BY id').all())).digest('hex');
const fieldError = (html: string, field: string) => {
  const m = new RegExp(`id="f-${field}-err">([^<]*)</p>`).exec(html);
  return m ? textOf(m[1]!) : undefined;
};
const DECIMAL = (label: string, min: number, max: number) => `Enter the ${label} as a number from ${min} to ${max} with at most 6 decimals (a dot before them), or leave it empty.`;

describe('the venue form', () => {
  it.each<{ name: string; latitude: string; longitude: string; errors: Record<string, string> }>([
    { name: 'a latitude past the pole', latitude: '91', longitude: '30.3622', errors: { latitude: DECIMAL('latitude', -90, 90) } },
    { name: 'a longitude past the date line', latitude: '59.7636', longitude: '-180.5', errors: { longitude: DECIMAL('longitude', -180, 180) } },
    { name: 'a decimal comma (as a Russian keyboard types it)', latitude: '59,7636', longitude: '30.3622', errors: { latitude: DECIMAL('latitude', -90, 90) } },
    { name: 'words', latitude: 'north', longitude: 'east', errors: { latitude: DECIMAL('latitude', -90, 90), longitude: DECIMAL('longitude', -180, 180) } },
    { name: 'more than six decimals', latitude: '59.76360001', longitude: '30.3622', errors: { latitude: DECIMAL('latitude', -90, 90) } },
    { name: 'an exponent', latitude: '5.97636e1', longitude: '30.3622', errors: { latitude: DECIMAL('latitude', -90, 90) } },
    { name: 'a latitude without a longitude', latitude: '59.7636', longitude: '', errors: { longitude: 'Give both latitude and longitude, or neither.' } },
    { name: 'a longitude without a latitude', latitude: ' ', longitude: '30.3622', errors: { latitude: 'Give both latitude and longitude, or neither.' } },
  ])('refuses $name: 422, a message beside the field, the input kept, nothing written', async ({ latitude, longitude, errors }) => {
    const before = digest();
    const res = await planner.submit(`${venues()}/new`, venues(), { name: 'Lenexpo', address: 'Bolshoy prospekt 103', opensAt: '', closesAt: '', latitude, longitude });
    expect(res.status).toBe(422);
    for (const [field, said] of Object.entries(errors)) expect(fieldError(res.text, field)).toBe(said);
    if (latitude.trim()) expect(res.text).toContain(`value="${latitude}"`);
    expect(digest()).toBe(before);
  });

  it.each<{ locale: string; labels: string[]; said: string }>([
    { locale: 'ru', labels: ['Широта', 'Долгота'], said: 'Укажите в поле «широта» число от -90 до 90, не более 6 знаков после точки, или оставьте поле пустым.' },
    { locale: 'az', labels: ['En dairəsi', 'Uzunluq dairəsi'], said: '«en dairəsi» sahəsinə -90 ilə 90 arasında, nöqtədən sonra ən çox 6 rəqəmli ədəd yazın və ya sahəni boş saxlayın.' },
  ])('in $locale: the fields and the refusal in the reader’s language', async ({ locale, labels, said }) => {
    const form = (await planner.get(`${venues()}/new?lang=${locale}`)).text;
    for (const label of labels) expect(textOf(form)).toContain(label);
    expect(textOf(form)).not.toMatch(/Latitude|Longitude|map app/);
    const res = await planner.submit(`${venues()}/new?lang=${locale}`, `${venues()}?lang=${locale}`, { name: 'Lenexpo', address: '', opensAt: '', closesAt: '', latitude: '95', longitude: '30' });
    expect(res.status).toBe(422);
    expect(fieldError(res.text, 'latitude')).toBe(said);
  });

  it('saves coordinates as decimals, shows them on the venue’s page, and clears them when both are emptied', async () => {
    const saved = await planner.submit(`${venues()}/new`, venues(), { name: 'Lenexpo', address: 'Bolshoy prospekt 103', opensAt: '', closesAt: '', latitude: ' 59.9286 ', longitude: '30.2366' });
    expect(saved.status).toBe(303);
    const venue = ctx.services.venues.list({ forumId: ctx.demo!.forumId }).find((v) => v.name === 'Lenexpo')!;
    expect(venue).toMatchObject({ latitude: 59.9286, longitude: 30.2366 });
    expect(textOf((await planner.get(`${venues()}/${venue.id}`)).text)).toContain('Coordinates 59.9286, 30.2366');
    const edit = `${venues()}/${venue.id}/edit`;
    const form = (await planner.get(edit)).text;
    expect(form).toContain('value="59.9286"');
    const version = Number(/name="version" value="(\d+)"/.exec(form)![1]);
    expect((await planner.submit(edit, edit, { name: 'Lenexpo', address: 'Bolshoy prospekt 103', opensAt: '', closesAt: '', latitude: '', longitude: '', version })).status).toBe(303);
    expect(ctx.services.venues.get(venue.id)).toMatchObject({ latitude: null, longitude: null });
  });
});

describe('a link’s feed follows the coordinates', () => {
  it('moves GEO, changes the ETag and re-dates only the events at that venue', async () => {
    const d = ctx.demo!;
    const { secret } = ctx.services.feeds.createToken(SYSTEM_ACTOR, d.forumId, { scope: 'person', scopeId: d.people.mustafayev, label: 'geo' });
    const url = `/s/${secret}/calendar.ics`;
    const before = await request(ctx.app).get(url).expect(200);
    expect(propertyValues(before.text, 'GEO')).toContain('59.9333;30.3086');
    const hotel = ctx.services.venues.get(d.venues.hotel);
    ctx.services.venues.update(SYSTEM_ACTOR, hotel.id, hotel.version, { ...hotel, latitude: 59.9334, longitude: 30.3087 });
    // A second later, so a new revision is a later second than the first.
    await new Promise((r) => setTimeout(r, 1100));
    const after = await request(ctx.app).get(url).set('If-None-Match', before.headers.etag!).expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(propertyValues(after.text, 'GEO')).toContain('59.9334;30.3087');
    expect(propertyValues(after.text, 'GEO')).not.toContain('59.9333;30.3086');
    const lastModified = (text: string) => new Map(text.split('BEGIN:VEVENT').slice(1).map((e) => [propertyValues(e, 'UID')[0], { at: propertyValues(e, 'LAST-MODIFIED')[0], hotel: propertyValues(e, 'GEO')[0] === '59.9334;30.3087' }]));
    const [was, now] = [lastModified(before.text), lastModified(after.text)];
    expect([...now.values()].filter((e) => e.hotel).length).toBeGreaterThan(0);
    for (const [uid, event] of now) {
      if (event.hotel) expect(event.at).not.toBe(was.get(uid)!.at);
      else expect(event.at).toBe(was.get(uid)!.at);
    }
  });
});

describe('the schema’s own guard (migration 0019), for rows written past the form', () => {
  const write = (latitude: unknown, longitude: unknown) => () =>
    ctx.services.store.db.prepare('UPDATE venue SET latitude = ?, longitude = ? WHERE id = ?').run(latitude, longitude, ctx.demo!.venues.smolny);
  it.each<{ name: string; latitude: unknown; longitude: unknown; refused: boolean }>([
    { name: 'both', latitude: 59.9463, longitude: 30.3967, refused: false },
    { name: 'neither', latitude: null, longitude: null, refused: false },
    { name: 'the poles and the date line', latitude: -90, longitude: 180, refused: false },
    { name: 'a latitude alone', latitude: 59.9463, longitude: null, refused: true },
    { name: 'a longitude alone', latitude: null, longitude: 30.3967, refused: true },
    { name: 'past the pole', latitude: 90.5, longitude: 30, refused: true },
    { name: 'past the date line', latitude: 59, longitude: -181, refused: true },
    { name: 'text', latitude: 'north', longitude: 30, refused: true },
  ])('$name: refused $refused', ({ latitude, longitude, refused }) => {
    if (refused) expect(write(latitude, longitude)).toThrow(/CHECK constraint failed|cannot store TEXT value in REAL column/);
    else expect(write(latitude, longitude)).not.toThrow();
  });
  afterAll(() => write(59.9463, 30.3967)());
});
