import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_ORGANIZATIONS, DEMO_PEOPLE } from '../../db/seed/demo-contacts';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { collatorFor } from '../../src/messages/locale-formats';
import type { Locale } from '../../src/messages/catalogue';
import { openDatabase } from '../../src/store/database';
import { knownMigrations, migrate, MIGRATIONS_DIR } from '../../src/store/migrate';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

// Each file builds the demo and signs agents in: seconds, not milliseconds, on a busy two-core machine.
jest.setTimeout(30_000);

let ctx: TestContext;
let planner: SignedIn;
/** The people this file adds, who are not the demo's. */
const addedHere = new Set<number>();
beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'names-planner', 'planner');
  // Names the demo lacks: one in English only, and Azerbaijani ones that start with Ə and E.
  for (const p of [
    { fullName: 'John Smith', position: 'Observer' },
    { fullName: 'Ali Aliyev', nameRu: 'Али Алиев', nameAz: 'Əli Əliyev' },
    { fullName: 'Eldar Eyvazov', nameRu: 'Эльдар Эйвазов', nameAz: 'Eldar Eyvazov' },
  ])
    addedHere.add(ctx.services.people.create(SYSTEM_ACTOR, p).id);
});
afterAll(() => ctx.close());

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** The rows of a list page's table: each cell's HTML. */
function rowsOf(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => c[1]!));
}

/** A cell's first line (the link or the value), without the smaller line under it. */
const firstLine = (cell: string) => textOf(cell.replace(/<div class="secondary">[\s\S]*?<\/div>/, ''));

const rowOf = (rows: string[][], name: string) => rows.find((r) => firstLine(r[0]!) === name);

describe('the people list in the reader’s language', () => {
  it('in Russian: Cyrillic names first in the cell (the short form where the patronymic is known), the Latin spelling under them marked with its language', async () => {
    const res = await planner.get('/people?lang=ru');
    expect(res.status).toBe(200);
    const rows = rowsOf(res.text);
    const mustafayev = rowOf(rows, 'Мустафаев Ш. А.')!;
    expect(mustafayev[0]).toContain('<div class="secondary"><span lang="az">Şahin Mustafayev</span></div>');
    // The page is Russian: a Russian name needs no mark; its position and organization are in Russian too.
    expect(mustafayev[0]).not.toContain('lang="ru"');
    expect(textOf(mustafayev[1]!)).toBe('Министр экономики, глава делегации');
    expect(textOf(mustafayev[2]!)).toBe('Министерство экономики Азербайджанской Республики');
    const drozdenko = rowOf(rows, 'Дрозденко А. Ю.')!;
    expect(textOf(drozdenko[1]!)).toBe('Губернатор Ленинградской области');
    // Without a patronymic the Russian name is shown as it is written.
    expect(rowOf(rows, 'Ольга Белова')).toBeDefined();
    expect(textOf(drozdenko[2]!)).toBe('Правительство Ленинградской области');
    // No Russian name: the English one stands in, marked as English; so does a position with no Russian.
    const smith = rowOf(rows, 'John Smith')!;
    expect(smith[0]).toContain('<span lang="en">John Smith</span>');
    expect(smith[1]).toContain('<span lang="en">Observer</span>');
    // English names of the demo are gone from the cells' first lines.
    const firsts = rows.map((r) => firstLine(r[0]!));
    for (const english of ['Shahin Mustafayev', 'Aleksandr Drozdenko', 'Olga Belova']) expect(firsts).not.toContain(english);
  });

  it('in English: the Latin name, the Cyrillic under it marked Russian', async () => {
    const rows = rowsOf((await planner.get('/people?lang=en')).text);
    const drozdenko = rowOf(rows, 'Aleksandr Drozdenko')!;
    expect(drozdenko[0]).toContain('<div class="secondary"><span lang="ru">Александр Дрозденко</span></div>');
    expect(textOf(drozdenko[1]!)).toBe('Governor of Leningrad Region');
    expect(rowOf(rows, 'John Smith')![0]).not.toContain('lang=');
  });

  it('in Azerbaijani: the Azerbaijani spelling, the Cyrillic under it marked Russian', async () => {
    const rows = rowsOf((await planner.get('/people?lang=az')).text);
    const mustafayev = rowOf(rows, 'Şahin Mustafayev')!;
    expect(mustafayev[0]).toContain('<span lang="ru">Шахин Мустафаев</span>');
    expect(textOf(mustafayev[1]!)).toBe('İqtisadiyyat naziri, nümayəndə heyətinin rəhbəri');
    expect(textOf(rowOf(rows, 'Olqa Belova')![2]!)).toBe('Qazprombank');
  });

  it.each<{ name: string; locale: Locale; before: string; after: string }>([
    { name: 'Azerbaijani: Ə after E (Eldar before Əli)', locale: 'az', before: 'Eldar Eyvazov', after: 'Əli Əliyev' },
    { name: 'Azerbaijani: Ə before F', locale: 'az', before: 'Əli Əliyev', after: 'Fərid Cəfərov' },
    { name: 'Russian: Cyrillic before Latin', locale: 'ru', before: 'Эльдар Эйвазов', after: 'John Smith' },
    { name: 'English: by the English name (Ali before Eldar)', locale: 'en', before: 'Ali Aliyev', after: 'Eldar Eyvazov' },
  ])('sorts by the name shown, in the reader’s collation: $name', async ({ locale, before, after }) => {
    const firsts = rowsOf((await planner.get(`/people?lang=${locale}&limit=200`)).text).map((r) => firstLine(r[0]!));
    expect(firsts.indexOf(before)).toBeGreaterThanOrEqual(0);
    expect(firsts.indexOf(before)).toBeLessThan(firsts.indexOf(after));
    expect(firsts).toEqual([...firsts].sort(collatorFor(locale).compare));
  });

  it('sorts descending by the shown name too, and a search finds every spelling', async () => {
    const firsts = rowsOf((await planner.get('/people?lang=ru&sort=name&dir=desc&limit=200')).text).map((r) => firstLine(r[0]!));
    expect(firsts).toEqual([...firsts].sort((a, b) => collatorFor('ru').compare(b, a)));
    for (const q of ['Şahin', 'Шахин', 'Shahin', 'Мустафаев Ш. А.', 'Юрьевич', 'министр экономики', 'nazirinin']) {
      const found = rowsOf((await planner.get(`/people?lang=ru&q=${encodeURIComponent(q)}`)).text).map((r) => firstLine(r[0]!));
      expect(found.length).toBeGreaterThan(0);
    }
  });
});

describe('the organizations list and a person’s page', () => {
  it.each<{ locale: Locale; shown: string; secondary: string }>([
    { locale: 'ru', shown: 'Правительство Ленинградской области', secondary: '<span lang="az">Leninqrad vilayətinin Hökuməti</span>' },
    { locale: 'az', shown: 'Leninqrad vilayətinin Hökuməti', secondary: '<span lang="ru">Правительство Ленинградской области</span>' },
    { locale: 'en', shown: 'Government of Leningrad Region', secondary: '<span lang="ru">Правительство Ленинградской области</span>' },
  ])('organizations in $locale: $shown', async ({ locale, shown, secondary }) => {
    const rows = rowsOf((await planner.get(`/organizations?lang=${locale}`)).text);
    expect(rowOf(rows, shown)![0]).toContain(secondary);
    const firsts = rows.map((r) => firstLine(r[0]!));
    expect(firsts).toEqual([...firsts].sort(collatorFor(locale).compare));
  });

  it('a person’s page lists each language’s name, marked with its language', async () => {
    const id = ctx.demo!.people.drozdenko!;
    const html = (await planner.get(`/people/${id}?lang=en`)).text;
    expect(html).toContain('<dd lang="ru">Александр Дрозденко</dd>');
    expect(html).toContain('<dd lang="ru">Юрьевич</dd>');
    expect(textOf((await planner.get(`/people/${id}?lang=ru`)).text)).toContain('Отчество на русском языке Юрьевич');
    expect(html).toContain('<dd lang="ru">Губернатор Ленинградской области</dd>');
    expect(html).toContain('<dd lang="az">Leninqrad vilayətinin qubernatoru</dd>');
    // The organization row shows the reader's name of it.
    expect(textOf((await planner.get(`/people/${id}?lang=ru`)).text)).toContain('Организация Правительство Ленинградской области');
    expect((await planner.get(`/people/${id}?lang=az`)).text).toMatch(/<dd>\s*<a href="\/organizations\/\d+">Leninqrad vilayətinin Hökuməti<\/a>/);
  });

  it('an organization’s people and a delegation’s members show the reader’s names', async () => {
    const org = (await planner.get(`/organizations/${ctx.demo!.organizations.leningrad}?lang=ru`)).text;
    expect(org).toContain('>Дрозденко А. Ю.</a>');
    expect(textOf(org)).toContain('Дрозденко А. Ю. — Губернатор Ленинградской области');
    const delegation = (await planner.get(`/forums/${ctx.demo!.forumId}/delegations/${ctx.demo!.delegations.azerbaijan}?lang=ru`)).text;
    expect(delegation).toContain('>Мустафаев Ш. А.</a><div class="secondary"><span lang="az">Şahin Mustafayev</span></div>');
  });
});

describe('a meeting’s participants', () => {
  it.each<{ locale: Locale; shown: string; secondary: string }>([
    { locale: 'ru', shown: '>Дрозденко А. Ю.</a>', secondary: '<span lang="az">Aleksandr Drozdenko</span>' },
    { locale: 'en', shown: '>Aleksandr Drozdenko</a>', secondary: '<span lang="ru">Александр Дрозденко</span>' },
    { locale: 'az', shown: '>Aleksandr Drozdenko</a>', secondary: '<span lang="ru">Александр Дрозденко</span>' },
  ])('are named in the reader’s language: $locale', async ({ locale, shown, secondary }) => {
    const meeting = ctx.services.meetings.list({ forumId: ctx.demo!.forumId, personId: ctx.demo!.people.drozdenko! })[0]!;
    const html = (await planner.get(`/forums/${ctx.demo!.forumId}/meetings/${meeting.id}?lang=${locale}`)).text;
    expect(html).toContain(`${shown}<div class="secondary">${secondary}</div>`);
  });
});

describe('the person and organization forms', () => {
  it('ask for the name and position in each language, each input marked with its language', async () => {
    const html = (await planner.get('/people/new')).text;
    expect(html).toMatch(/<input id="f-nameRu" name="nameRu" type="text" value="" lang="ru"/);
    expect(html).toMatch(/<input id="f-nameAz" name="nameAz" type="text" value="" lang="az"/);
    expect(html).toMatch(/<input id="f-positionRu" name="positionRu" type="text" value="" lang="ru"/);
    expect((await planner.get('/organizations/new')).text).toMatch(/<input id="f-nameRu" name="nameRu" type="text" value="" lang="ru"/);
  });

  it.each([
    { locale: 'ru', words: ['Имя на русском языке', 'Кириллицей, например Александр Дрозденко.', 'Отчество на русском языке', 'Должность на азербайджанском языке'], english: ['Name in Russian', 'Patronymic in Russian'] },
    { locale: 'az', words: ['Rus dilində ad', 'Azərbaycan dilində ad', 'Latın qrafikası ilə, məsələn, Şahin Mustafayev.', 'Rus dilində ata adı'], english: ['Name in Azerbaijani', 'In Cyrillic'] },
  ])('word their name fields in the reader’s language: $locale', async ({ locale, words, english }) => {
    const text = textOf((await planner.get(`/people/new?lang=${locale}`)).text);
    for (const w of words) expect(text).toContain(w);
    for (const w of english) expect(text).not.toContain(w);
  });

  it('accept a person’s names and positions in three languages', async () => {
    const fields = {
      fullName: 'Natalia Fedorova',
      nameRu: 'Наталья Федорова',
      nameAz: 'Natalya Fyodorova',
      patronymicRu: 'Ивановна',
      position: 'Head of International Projects',
      positionRu: 'Руководитель международных проектов',
      positionAz: 'Beynəlxalq layihələrin rəhbəri',
    };
    const res = await planner.submit('/people/new', '/people', fields);
    expect(res.status).toBe(303);
    // Her page, for a Russian reader, is headed by her name in full, patronymic and all.
    expect((await planner.get(`${res.headers.location!}?lang=ru`)).text).toMatch(/<h1>Наталья Ивановна Федорова<\/h1>/);
    expect((await planner.get(`${res.headers.location!}?lang=az`)).text).toMatch(/<h1>Natalya Fyodorova<\/h1>/);
    expect((await planner.get(`${res.headers.location!}?lang=en`)).text).toMatch(/<h1>Natalia Fedorova<\/h1>/);
    const saved = ctx.services.people.get(Number(/\/people\/(\d+)$/.exec(res.headers.location!)![1]));
    addedHere.add(saved.id);
    expect(saved).toMatchObject(fields);
  });

  const long = 'Ж'.repeat(201);
  it.each<{ name: string; base: string; fields: Record<string, string>; field: string; error: string }>([
    { name: 'a Russian name in Latin letters', base: '/people', fields: { fullName: 'Olga Belova', nameRu: 'Olga Belova' }, field: 'nameRu', error: 'Write the Russian name in Cyrillic, or leave it empty.' },
    { name: 'an Azerbaijani name in Cyrillic', base: '/people', fields: { fullName: 'Shahin Mustafayev', nameAz: 'Шахин Мустафаев' }, field: 'nameAz', error: 'Write the Azerbaijani name in Latin script (ə, ğ, ı, ö, ü, ç, ş), not in Cyrillic.' },
    { name: 'a Russian position in Latin letters', base: '/people', fields: { fullName: 'Olga Belova', positionRu: 'Vice-President' }, field: 'positionRu', error: 'Write the Russian position in Cyrillic, or leave it empty.' },
    { name: 'an Azerbaijani position in Cyrillic', base: '/people', fields: { fullName: 'Olga Belova', positionAz: 'Вице-президент' }, field: 'positionAz', error: 'Write the Azerbaijani position in Latin script (ə, ğ, ı, ö, ü, ç, ş), not in Cyrillic.' },
    { name: 'a patronymic in Latin letters', base: '/people', fields: { fullName: 'Olga Belova', nameRu: 'Ольга Белова', patronymicRu: 'Petrovna' }, field: 'patronymicRu', error: 'Write the Russian patronymic in Cyrillic, or leave it empty.' },
    { name: 'a Russian name over 200 characters', base: '/people', fields: { fullName: 'Olga Belova', nameRu: long }, field: 'nameRu', error: 'The name in Russian is longer than 200 characters.' },
    { name: 'an organization’s Azerbaijani name in Cyrillic', base: '/organizations', fields: { name: 'Gazprombank', nameAz: 'Газпромбанк', kind: 'bank' }, field: 'nameAz', error: 'Write the Azerbaijani name in Latin script (ə, ğ, ı, ö, ü, ç, ş), not in Cyrillic.' },
    { name: 'an organization’s Russian name in Latin letters', base: '/organizations', fields: { name: 'Gazprombank', nameRu: 'Gazprombank', kind: 'bank' }, field: 'nameRu', error: 'Write the Russian name in Cyrillic, or leave it empty.' },
  ])('refuse $name with a message beside the field, the input kept, nothing written', async ({ base, fields, field, error }) => {
    const before = ctx.services.store.db.prepare('SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM organization)').pluck().get();
    const res = await planner.submit(`${base}/new`, base, fields);
    expect(res.status).toBe(422);
    expect(textOf(new RegExp(`id="f-${field}-err">([^<]*)</p>`).exec(res.text)?.[1] ?? '')).toBe(error);
    expect(res.text).toContain(`value="${fields[field]}"`);
    expect(ctx.services.store.db.prepare('SELECT (SELECT count(*) FROM person) + (SELECT count(*) FROM organization)').pluck().get()).toBe(before);
  });
});

describe('the demo’s names', () => {
  it.each(DEMO_PEOPLE.map((p) => ({ ...p, name: p.fullName })))('$name has a Russian name in Cyrillic and an Azerbaijani one in Latin script, and a position in each', (p) => {
    expect(p.nameRu).toMatch(CYRILLIC);
    expect(p.nameAz).not.toBe('');
    expect(p.nameAz).not.toMatch(CYRILLIC);
    expect(p.positionRu).toMatch(CYRILLIC);
    expect(p.positionAz).not.toBe('');
    expect(p.positionAz).not.toMatch(CYRILLIC);
  });

  it.each(DEMO_ORGANIZATIONS.map((o) => ({ ...o })))('$name has a Russian and an Azerbaijani name', (o) => {
    expect(o.nameRu).toMatch(CYRILLIC);
    expect(o.nameAz).not.toBe('');
    expect(o.nameAz).not.toMatch(CYRILLIC);
  });

  it('every person and organization the demo loads (B2B companies too) has its names', () => {
    const demoPeople = ctx.services.people.list().filter((p) => !addedHere.has(p.id));
    expect(demoPeople.length).toBeGreaterThan(DEMO_PEOPLE.length);
    for (const p of demoPeople) {
      expect({ who: p.fullName, ru: CYRILLIC.test(p.nameRu), az: p.nameAz !== '' }).toEqual({ who: p.fullName, ru: true, az: true });
    }
    for (const o of ctx.services.organizations.list()) expect({ what: o.name, ru: CYRILLIC.test(o.nameRu), az: o.nameAz !== '' }).toEqual({ what: o.name, ru: true, az: true });
  });
});

describe('restoring a deleted person or organization from the audit log', () => {
  const admin = { userId: null, username: 'names-admin', role: 'admin' as const };
  const deletedBefore0020 = (entity: string, entityId: number, before: Record<string, unknown>) =>
    ctx.services.store.audit.append({ at: 0, userId: null, username: 'system', action: 'delete', entity, entityId, forumId: null, summary: String(before.fullName ?? before.name), before, after: null });

  it.each([
    { name: 'a Cyrillic local name becomes the Russian name', entity: 'person', id: 90_001, before: { fullName: 'Pavel Sidorov', localName: 'Павел Сидоров', position: 'Adviser' }, restored: { nameRu: 'Павел Сидоров', nameAz: '', patronymicRu: '', positionRu: '' } },
    { name: 'a Latin local name becomes the Azerbaijani one', entity: 'person', id: 90_002, before: { fullName: 'Rauf Karimov', localName: 'Rauf Kərimov', position: '' }, restored: { nameRu: '', nameAz: 'Rauf Kərimov' } },
    { name: 'a local name equal to the English one is dropped', entity: 'person', id: 90_003, before: { fullName: 'Elvin Babayev', localName: 'Elvin Babayev', position: '' }, restored: { nameRu: '', nameAz: '' } },
    { name: 'an organization’s Cyrillic local name', entity: 'organization', id: 90_004, before: { name: 'Severstal', localName: 'ПАО «Северсталь»', country: 'Russia', kind: 'company' }, restored: { nameRu: 'ПАО «Северсталь»', nameAz: '' } },
  ])('written before names by language: $name', ({ entity, id, before, restored }) => {
    const person = entity === 'person' ? { organizationId: null, email: '', phone: '', languages: '', notes: '' } : {};
    const auditId = deletedBefore0020(entity, id, { id, version: 2, ...person, ...before });
    expect(ctx.services.audit.restore(admin, auditId)).toEqual({ entity, id });
    const record = entity === 'person' ? ctx.services.people.get(id) : ctx.services.organizations.get(id);
    expect(record).toMatchObject(restored);
    expect(record).not.toHaveProperty('localName');
  });

  it('written today: every language’s name comes back', () => {
    const created = ctx.services.people.create(SYSTEM_ACTOR, { fullName: 'Viktor Nikitin', nameRu: 'Виктор Никитин', nameAz: 'Viktor Nikitin', patronymicRu: 'Сергеевич', positionRu: 'Менеджер' });
    ctx.services.people.remove(SYSTEM_ACTOR, created.id);
    const entry = ctx.services.audit.history('person', created.id).find((e) => e.action === 'delete')!;
    ctx.services.audit.restore(admin, entry.id);
    expect(ctx.services.people.get(created.id)).toMatchObject({ nameRu: 'Виктор Никитин', nameAz: 'Viktor Nikitin', patronymicRu: 'Сергеевич', positionRu: 'Менеджер' });
  });
});

describe('migration 0020 over a database with names in a local script', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-names-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('moves each local name to the language its script says and drops the old column', () => {
    const before = path.join(dir, 'migrations');
    fs.mkdirSync(before);
    for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}_.*\.sql$/.test(f) && f < '0020')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
    const db = openDatabase(path.join(dir, 'old.db'));
    try {
      migrate(db, before);
      db.prepare("INSERT INTO organization (name, local_name, kind, created_at, updated_at) VALUES ('Roscongress Foundation', 'Фонд «Росконгресс»', 'foundation', 0, 0), ('SOCAR Polymer', 'SOCAR Polimer', 'company', 0, 0), ('Gazprombank', '', 'bank', 0, 0)").run();
      db.prepare("INSERT INTO person (full_name, local_name, created_at, updated_at) VALUES ('Aleksandr Drozdenko', 'Александр Дрозденко', 0, 0), ('Shahin Mustafayev', 'Şahin Mustafayev', 0, 0), ('Elvin Babayev', 'Elvin Babayev', 0, 0), ('John Smith', '', 0, 0)").run();
      expect(migrate(db)).toEqual(knownMigrations().filter((f) => f >= '0020'));
      expect(db.prepare('SELECT full_name, name_ru, name_az FROM person ORDER BY id').raw().all()).toEqual([
        ['Aleksandr Drozdenko', 'Александр Дрозденко', ''],
        ['Shahin Mustafayev', '', 'Şahin Mustafayev'],
        ['Elvin Babayev', '', ''],
        ['John Smith', '', ''],
      ]);
      expect(db.prepare('SELECT name, name_ru, name_az FROM organization ORDER BY id').raw().all()).toEqual([
        ['Roscongress Foundation', 'Фонд «Росконгресс»', ''],
        ['SOCAR Polymer', '', 'SOCAR Polimer'],
        ['Gazprombank', '', ''],
      ]);
      const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns('person')).not.toContain('local_name');
      expect(columns('organization')).not.toContain('local_name');
    } finally {
      db.close();
    }
  });
});
