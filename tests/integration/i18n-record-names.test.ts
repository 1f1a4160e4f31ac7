/**
 * People and organizations named in the reader's language where the app
 * writes about them (issue 15): the meeting form's and the time finder's
 * person choices (the name a reader of that language sees first, sorted with
 * their collation), the notices after a save, and the audit log's lines, which
 * render the record's name from the state the entry recorded rather than the
 * English name its summary keeps (an older row, whose summary is a sentence,
 * still reads as it was written).
 */
import Database from 'better-sqlite3';
import { nameText } from '../../src/domain/names';
import { collatorFor } from '../../src/messages/locale-formats';
import type { Locale } from '../../src/messages/catalogue';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

jest.setTimeout(30_000);

let ctx: TestContext;
let planner: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'record-names-planner', 'planner');
  admin = await signIn(ctx, 'record-names-admin', 'admin');
});
afterAll(() => ctx.close());

/** The options of the first select named `name` on a page, as [value, text]. */
function optionsOf(html: string, name: string): [string, string][] {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)![1]!;
  return [...select.matchAll(/<option value="(\d+)"[^>]*>([^<]*)<\/option>/g)].map((m) => [m[1]!, textOf(m[2]!)]);
}

const shownNames = (locale: Locale) => ctx.services.people.list().map((p) => ({ id: String(p.id), shown: nameText(p, locale) }));

describe('the meeting form’s and the time finder’s person choices', () => {
  const forms = () => [
    { page: 'the meeting form', url: `/forums/${ctx.demo!.forumId}/meetings/new`, select: 'participantId' },
    { page: 'the time finder', url: `/forums/${ctx.demo!.forumId}/find-time`, select: 'person' },
  ];

  it.each([
    { lang: 'ru' as const, drozdenko: 'Дрозденко А. Ю. — Губернатор Ленинградской области', english: 'Aleksandr Drozdenko' },
    { lang: 'az' as const, drozdenko: 'Aleksandr Drozdenko — Leninqrad vilayətinin qubernatoru', english: 'Governor of Leningrad Region' },
  ])('name people as a reader of $lang sees them, in that language’s alphabetical order', async ({ lang, drozdenko, english }) => {
    for (const { url, select } of forms()) {
      const options = optionsOf((await planner.get(`${url}?lang=${lang}`)).text, select);
      const labels = options.map(([, label]) => label);
      expect(labels).toContain(drozdenko);
      expect(labels.join('\n')).not.toContain(english);
      const shown = new Map(shownNames(lang).map((p) => [p.id, p.shown]));
      const keys = options.map(([id]) => shown.get(id)!);
      expect(keys).toEqual([...keys].sort(collatorFor(lang).compare));
    }
  });

  it('puts Cyrillic names before Latin ones for a Russian reader (a person with no Russian name last)', async () => {
    ctx.services.people.create(SYSTEM_ACTOR, { fullName: 'Aaron Latin-Only', nameRu: '', nameAz: '', patronymicRu: '', position: '', positionRu: '', positionAz: '', organizationId: '', email: '', phone: '', languages: '', notes: '' }, {});
    const labels = optionsOf((await planner.get(`/forums/${ctx.demo!.forumId}/meetings/new?lang=ru`)).text, 'participantId').map(([, label]) => label);
    const firstLatin = labels.findIndex((l) => /^[A-Za-z]/.test(l));
    expect(firstLatin).toBeGreaterThan(0);
    expect(labels.slice(0, firstLatin).every((l) => /^\p{Script=Cyrillic}/u.test(l))).toBe(true);
    expect(labels.slice(firstLatin).some((l) => /^\p{Script=Cyrillic}/u.test(l))).toBe(false);
  });

  it('keeps the English names and order for an English reader', async () => {
    const labels = optionsOf((await planner.get(`/forums/${ctx.demo!.forumId}/meetings/new?lang=en`)).text, 'participantId').map(([, label]) => label);
    expect(labels).toContain('Aleksandr Drozdenko — Governor of Leningrad Region');
  });
});

describe('the notice after a save', () => {
  const person = { fullName: 'Olga Smirnova', nameRu: 'Ольга Смирнова', nameAz: 'Olqa Smirnova', patronymicRu: 'Петровна', position: 'Adviser', positionRu: 'Советник', positionAz: 'Müşavir', organizationId: '', email: '', phone: '', languages: '', notes: '' };
  it.each([
    { lang: 'ru', says: 'Контакт «Ольга Петровна Смирнова» создан.' },
    { lang: 'az', says: '“Olqa Smirnova” kontaktlara əlavə edildi.' },
  ])('names a new person in the reader’s language ($lang)', async ({ lang, says }) => {
    const res = await planner.submit(`/people/new?lang=${lang}`, `/people?lang=${lang}`, { ...person, fullName: `${person.fullName} ${lang}`, nameAz: lang === 'az' ? person.nameAz : '' });
    expect(res.status).toBe(303);
    const text = textOf((await planner.get(`${res.headers.location!.split('?')[0]}?lang=${lang}`)).text);
    expect(text).toContain(says);
    expect(text).not.toContain('Person “Olga Smirnova');
  });

  it('names a company added to a B2B session in Russian for a Russian reader', async () => {
    const d = ctx.demo!;
    const session = ctx.services.b2b.sessions.create(SYSTEM_ACTOR, d.forumId, { title: 'Notice names', roomId: String(d.rooms.bilateral1), start: '2019-06-07T15:00', end: '2019-06-07T16:00', slotMinutes: '15', changeoverMinutes: '5', breaks: '', tableCount: '2', sideALabel: '', sideBLabel: '', description: '' });
    const kamaz = ctx.services.organizations.list().find((o) => o.name === 'KAMAZ')!;
    const base = `/forums/${d.forumId}/b2b/${session.id}`;
    const rep = ctx.services.people.list().find((p) => p.organizationId === kamaz.id)!;
    const res = await planner.submit(`${base}/participants/new?lang=ru`, `${base}/participants?lang=ru`, { organizationId: String(kamaz.id), representativeIds: String(rep.id), sector: '', offers: '', seeks: '', notes: '', side: '', unavailable: '', seats: '1' });
    expect(res.status).toBe(303);
    const text = textOf((await planner.get(`${res.headers.location!.split('?')[0]}?lang=ru`)).text);
    expect(text).toContain('ПАО «КАМАЗ» участвует. Дайте ей ссылку');
    expect(text).not.toContain('KAMAZ участвует');
  });
});

describe('the audit log', () => {
  it.each([
    { lang: 'ru', shown: 'Александр Юрьевич Дрозденко' },
    { lang: 'az', shown: 'Aleksandr Drozdenko' },
    { lang: 'en', shown: 'Aleksandr Drozdenko' },
  ])('names a person’s entry in the reader’s language ($lang), on the log and the entry’s page', async ({ lang, shown }) => {
    const id = ctx.demo!.people.drozdenko!;
    const before = ctx.services.people.get(id);
    ctx.services.people.update(SYSTEM_ACTOR, id, before.version, { ...before, notes: `${before.notes} (${lang})`, organizationId: before.organizationId === null ? '' : String(before.organizationId) });
    const log = (await admin.get(`/admin/audit?entity=person&entityId=${id}&lang=${lang}`)).text;
    const row = /<tr\b(?:(?!<\/tr>)[\s\S])*?#\d+[\s\S]*?<\/tr>/.exec(log.slice(log.indexOf('<tbody')))![0];
    expect(textOf(row)).toContain(shown);
    if (lang === 'ru') expect(textOf(row)).not.toContain('Aleksandr Drozdenko');
    const entryId = ctx.services.audit.history('person', id)[0]!.id;
    expect(textOf((await admin.get(`/admin/audit/${entryId}?lang=${lang}`)).text)).toContain(shown);
  });

  it('names a company’s B2B entry by its organization in the reader’s language (ПАО «КАМАЗ»)', async () => {
    const kamaz = ctx.services.organizations.list().find((o) => o.name === 'KAMAZ')!;
    const participant = ctx.services.b2b.sessions.list(ctx.demo!.forumId).flatMap((x) => ctx.services.b2b.participants.list(x.id)).find((p) => p.organizationId === kamaz.id)!;
    ctx.services.b2b.participants.update(SYSTEM_ACTOR, participant.id, participant.version, { organizationId: String(kamaz.id), representativeIds: participant.representativeIds.map(String), side: participant.side ?? '', sector: 'Trucks and buses', offers: participant.offers, seeks: participant.seeks, notes: participant.notes, unavailable: '', seats: String(participant.seats) });
    const ru = textOf((await admin.get(`/admin/audit?entity=b2b_participant&entityId=${participant.id}&lang=ru`)).text);
    expect(ru).toContain('ПАО «КАМАЗ»');
    const en = textOf((await admin.get(`/admin/audit?entity=b2b_participant&entityId=${participant.id}&lang=en`)).text);
    expect(en).not.toContain('ПАО «КАМАЗ»');
    expect(en).toContain('KAMAZ');
  });

  it('still shows an older row’s summary as it was written', async () => {
    const at = Date.now();
    const db = new Database(ctx.dbPath);
    db.prepare(`INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, forum_id, summary, before_json, after_json) VALUES (?, NULL, 'old-writer', 'update', 'person', 999999, NULL, 'Old English sentence about a person', NULL, ?)`).run(at, JSON.stringify({ fullName: 'Someone Else', nameRu: 'Кто-то' }));
    db.close();
    const log = textOf((await admin.get('/admin/audit?entity=person&entityId=999999&lang=ru')).text);
    expect(log).toContain('Old English sentence about a person');
  });
});
