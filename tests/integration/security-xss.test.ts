import { escapeXML } from 'ejs';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { SYSTEM_ACTOR } from '../../src/services/actor';

// A fresh database with the demo, and real scrypt and HTTP round trips: seconds, not milliseconds, on a busy machine.
jest.setTimeout(30_000);

/**
 * Markup typed into any text field of any reference record must come back as
 * text on every page that shows it: lists, record pages, edit forms, the forum
 * home, delegation members, selects on other forms, and the audit pages.
 */
const PAYLOADS = [
  { name: 'script tag', payload: '<script>alert(1)</script>' },
  { name: 'attribute break-out', payload: '"><img src=x onerror=alert(1)>' },
];

let ctx: TestContext;
let admin: SignedIn;
beforeAll(async () => {
  ctx = createTestApp();
  admin = await signIn(ctx, 'xss-admin', 'admin');
});
afterAll(() => ctx.close());


/** Saves the payload in every free-text field of every kind of reference record; returns the pages that show them. */
function plant(payload: string, tag: string): string[] {
  const s = ctx.services;
  const t = (field: string) => `${tag}${field}${payload}`;
  const forum = s.forums.create(SYSTEM_ACTOR, { name: t('forum'), shortName: t('sn'), startDate: '2020-06-03', endDate: '2020-06-06', timeZone: 'Europe/Moscow', city: t('city') });
  const venue = s.venues.create(SYSTEM_ACTOR, { forumId: forum.id, name: t('venue'), address: t('addr') });
  const room = s.rooms.create(SYSTEM_ACTOR, { venueId: venue.id, name: t('room'), capacity: 5, kind: 'meeting_room' });
  const org = s.organizations.create(SYSTEM_ACTOR, { name: t('org'), nameRu: t('оргРу'), nameAz: t('orgAz'), country: t('country'), kind: 'company' });
  const person = s.people.create(SYSTEM_ACTOR, {
    fullName: t('person'),
    nameRu: t('имя'),
    nameAz: t('az'),
    patronymicRu: t('отч'),
    position: t('pos'),
    positionRu: t('должность'),
    positionAz: t('posAz'),
    organizationId: org.id,
    phone: t('ph'),
    languages: t('lang'),
    notes: t('notes'),
  });
  const delegation = s.delegations.create(SYSTEM_ACTOR, { forumId: forum.id, name: t('delegation'), country: t('dcountry'), homeTimeZone: 'Asia/Baku', headPersonId: person.id });
  s.directory.setMember(SYSTEM_ACTOR, delegation.id, { personId: person.id, role: 'head' });
  const f = `/forums/${forum.id}`;
  const audit = s.audit.list({ limit: 7 }).map((e) => `/admin/audit/${e.id}`);
  return [
    '/forums',
    f,
    `${f}/edit`,
    `${f}/venues`,
    `${f}/venues/${venue.id}`,
    `${f}/venues/${venue.id}/edit`,
    `${f}/venues/${venue.id}/delete`,
    `${f}/rooms`,
    `${f}/rooms/new`,
    `${f}/rooms/${room.id}`,
    `${f}/rooms/${room.id}/edit`,
    `${f}/travel`,
    `${f}/delegations`,
    `${f}/delegations/new`,
    `${f}/delegations/${delegation.id}`,
    `${f}/delegations/${delegation.id}/edit`,
    '/organizations',
    `/organizations/${org.id}`,
    `/organizations/${org.id}/edit`,
    '/people',
    '/people/new',
    `/people/${person.id}`,
    `/people/${person.id}/edit`,
    `/people/${person.id}/delete`,
    `/people?q=${encodeURIComponent(payload)}`,
    `/people?q=${encodeURIComponent(`no match ${payload}`)}`,
    '/admin/users',
    '/admin/audit',
    `/admin/audit?user=${encodeURIComponent(payload)}`,
    ...audit,
  ];
}

const cases = PAYLOADS.map(({ name, payload }, i) => ({ name, payload, pages: [] as string[], tag: `x${i}` }));
beforeAll(() => {
  for (const c of cases) c.pages.push(...plant(c.payload, c.tag));
});

describe.each(cases)('XSS: $name in every text field', (c) => {
  it('is escaped on every page that shows it, and shown there as text', async () => {
    expect(c.pages.length).toBeGreaterThan(30);
    for (const url of c.pages) {
      const res = await admin.get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      const markup = res.text;
      expect({ url, raw: markup.includes(c.payload) }).toEqual({ url, raw: false });
      expect({ url, escaped: markup.includes(escapeXML(c.payload)) }).toEqual({ url, escaped: true });
      // The only script on any page is our own file; no element came out of the data.
      expect(markup.match(/<script\b[^>]*>/g)).toEqual(['<script src="/public/js/app.js" defer>']);
      expect(markup).not.toMatch(/<img\b/);
    }
  });

  it('reads back as the same text a planner typed', async () => {
    const person = ctx.services.people.list().find((p) => p.fullName === `${c.tag}person${c.payload}`)!;
    const text = textOf((await admin.get(`/people/${person.id}`)).text);
    for (const field of ['person', 'имя', 'az', 'отч', 'pos', 'должность', 'posAz', 'ph', 'lang', 'notes', 'org']) expect(text).toContain(`${c.tag}${field}${c.payload}`);
  });
});
