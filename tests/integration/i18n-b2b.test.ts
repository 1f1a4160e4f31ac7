/**
 * The B2B pages in the reader's language: a planner's session page and run
 * preview, and a company's own pages behind its secret link, in Russian and
 * Azerbaijani. The words are the catalogue's (ui-b2b.json); names, titles and
 * profiles typed by people stay as typed. A company's link has a language of
 * its own (English here; b2b-link-language.test.ts makes Russian ones), ?lang=
 * asks for another, and a language picked on the address stays through the
 * link's links, forms and redirects.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

jest.setTimeout(30_000);

let ctx: TestContext;
let planner: SignedIn;
let sessionId: number;
let base: string;
let preview: string;
const link: Record<string, string> = {};

const b2b = () => ctx.services.b2b;
const participantId = (name: string) => b2b().views.overview(sessionId).participants.find((p) => p.name === name)!.record.id;
const linkPage = (company: string, path = '', headers: Record<string, string> = {}) => request(ctx.app).get(`/s/${link[company]}/b2b${path}`).set(headers);

beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'i18n-b2b-planner', 'planner');
  sessionId = b2b().sessions.list(ctx.demo!.forumId)[0]!.id;
  base = `/forums/${ctx.demo!.forumId}/b2b/${sessionId}`;
  for (const name of ['SOCAR Polymer', 'KAMAZ', 'AzerGold']) link[name] = b2b().links.create(SYSTEM_ACTOR, participantId(name)).secret;
  const run = await planner.submit(base, `${base}/schedule`, { mode: 'replan' });
  expect(run.status).toBe(303);
  preview = run.headers.location!;
});
afterAll(() => ctx.close());

/** What a page must say in a language, and English of the same places that must be gone. */
interface PageCase {
  name: string;
  lang: 'ru' | 'az';
  says: string[];
  notInEnglish: string[];
}

/** English the B2B pages used to show, none of which may be left in another language. */
const SESSION_ENGLISH = ['Run the scheduler', 'Hall plan', 'Who meets whom', 'idle slots between meetings', 'Not placed', 'Awaiting an answer', 'At the table', 'the row’s company asked', 'Preview the schedule', 'Re-plan everything'];
const PREVIEW_ENGLISH = ['Preview of the schedule', 'Apply this schedule', 'Discard', 'kept in place', 'Time and table', 'Every accepted request has a table', 'Nothing of it is in the schedule'];
const LINK_ENGLISH = ['Your tables', 'Find companies to meet', 'In your calendar', 'Subscribe (webcal)', 'Printable agenda', 'Asked to meet you', 'Your requests', 'Times in', 'Elsewhere:'];
const COMPANIES_ENGLISH = ['Your side:', 'Ask to meet', 'Message to', 'What would you like to discuss?', 'Same side as you', 'Back to your page', 'Priority', 'Normal'];

function expectLanguage(text: string, c: PageCase) {
  for (const said of c.says) expect(text).toContain(said);
  for (const english of c.notInEnglish) expect(text).not.toContain(english);
  expect(text).not.toMatch(/ui\.b2b\./);
}

describe('the planner’s session page', () => {
  it.each<PageCase>([
    { name: 'in Russian', lang: 'ru', says: ['Запустить планировщик', 'План зала', 'Кто с кем встречается', 'Не размещены', 'Ожидают ответа', 'Перепланировать всё', 'Стол'], notInEnglish: SESSION_ENGLISH },
    { name: 'in Azerbaijani', lang: 'az', says: ['Planlaşdırıcını işə sal', 'Zalın planı', 'Kim kimlə görüşür', 'Yerləşdirilməyib', 'Cavab gözləyir', 'Hər şeyi yenidən planlaşdır', 'Masa'], notInEnglish: SESSION_ENGLISH },
  ])('$name', async (c) => {
    const res = await planner.get(`${base}?lang=${c.lang}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<html lang="${c.lang}">`);
    expectLanguage(textOf(res.text), c);
  });

  it('counts slots with the language’s plural forms (Russian: 1 слот, 3 слота, 5 слотов)', async () => {
    const s = b2b().sessions.get(sessionId);
    const slots = b2b().sessions.slots(s).length;
    const ru = textOf((await planner.get(`${base}?lang=ru`)).text);
    const form = slots % 10 === 1 && slots % 100 !== 11 ? 'слот' : [2, 3, 4].includes(slots % 10) && ![12, 13, 14].includes(slots % 100) ? 'слота' : 'слотов';
    expect(ru).toContain(`${slots} ${form} по ${s.slotMinutes} мин`);
    const az = textOf((await planner.get(`${base}?lang=az`)).text);
    expect(az).toContain(`${s.slotMinutes} dəqiqəlik ${slots} slot`);
  });
});

describe('a break the planner left unnamed', () => {
  it.each([
    { lang: 'en', word: 'Break' },
    { lang: 'ru', word: 'Перерыв' },
    { lang: 'az', word: 'Fasilə' },
  ])('is called a break in the reader’s language ($lang)', async ({ lang, word }) => {
    const d = ctx.demo!;
    const s = b2b().sessions.create(SYSTEM_ACTOR, d.forumId, { title: `Unnamed break ${lang}`, roomId: String(d.rooms.bilateral1), start: '2019-06-07T15:00', end: '2019-06-07T16:15', slotMinutes: '15', changeoverMinutes: '5', breaks: '15:40–15:55', tableCount: '2', sideALabel: '', sideBLabel: '', description: '' });
    const text = textOf((await planner.get(`/forums/${d.forumId}/b2b/${s.id}?lang=${lang}`)).text);
    expect(text).toContain(`15:40–15:55 ${word}`);
  });
});

describe('an address that mixes two sessions', () => {
  it.each([
    { lang: 'ru', what: 'request', said: (title: string, id: number) => `В «${title}» нет запроса ${id}.` },
    { lang: 'az', what: 'participant', said: (title: string, id: number) => `«${title}» sessiyasında ${id} nömrəli iştirakçı yoxdur.` },
  ])('is not found, saying so in the reader’s language ($lang, a $what of another session)', async ({ lang, what, said }) => {
    const d = ctx.demo!;
    const other = b2b().sessions.create(SYSTEM_ACTOR, d.forumId, { title: `Other ${lang}`, roomId: String(d.rooms.bilateral1), start: '2019-06-07T17:00', end: '2019-06-07T18:00', slotMinutes: '15', changeoverMinutes: '5', breaks: '', tableCount: '2', sideALabel: '', sideBLabel: '', description: '' });
    const id = what === 'request' ? b2b().requests.list(sessionId)[0]!.id : participantId('KAMAZ');
    const res = await planner.get(`/forums/${d.forumId}/b2b/${other.id}/${what}s/${id}?lang=${lang}`);
    expect(res.status).toBe(404);
    expect(textOf(res.text)).toContain(said(other.title, id));
  });
});

describe('the run’s preview', () => {
  it.each<PageCase>([
    { name: 'in Russian', lang: 'ru', says: ['Предварительный вариант расписания', 'Применить это расписание', 'Отказаться', 'осталось на месте', 'Перепланировать всё.'], notInEnglish: PREVIEW_ENGLISH },
    { name: 'in Azerbaijani', lang: 'az', says: ['Cədvələ ilkin baxış', 'Bu cədvəli tətbiq et', 'İmtina et', 'yerində qalıb', 'Hər şeyi yenidən planlaşdır.'], notInEnglish: PREVIEW_ENGLISH },
  ])('$name', async (c) => {
    const res = await planner.get(`${preview}?lang=${c.lang}`);
    expect(res.status).toBe(200);
    expectLanguage(textOf(res.text), c);
  });
});

describe('a company’s own pages behind its link', () => {
  it.each<PageCase & { path: string; company: string }>([
    { name: 'its page in Russian', lang: 'ru', company: 'SOCAR Polymer', path: '', says: ['Ваши столы', 'Найти компании для встреч', 'В Вашем календаре', 'Подписаться (webcal)', 'Программа для печати', 'Стол 1', 'Время: Europe/Moscow'], notInEnglish: LINK_ENGLISH },
    { name: 'its page in Azerbaijani', lang: 'az', company: 'SOCAR Polymer', path: '', says: ['Masalarınız', 'Görüş üçün şirkət tapın', 'Təqviminizdə', 'Abunə ol (webcal)', 'Çap üçün proqram', 'Masa 1', 'Vaxt: Europe/Moscow'], notInEnglish: LINK_ENGLISH },
    { name: 'the companies in Russian', lang: 'ru', company: 'SOCAR Polymer', path: '/companies', says: ['Ваша сторона: Azerbaijani companies.', 'Запросить встречу', 'Сообщение для KAMAZ', 'Та же сторона, что и Ваша', 'Приоритет', 'Обычный'], notInEnglish: COMPANIES_ENGLISH },
    { name: 'the companies in Azerbaijani', lang: 'az', company: 'SOCAR Polymer', path: '/companies', says: ['Sizin tərəfiniz: Azerbaijani companies.', 'Görüş istə', 'KAMAZ üçün mesaj', 'Sizinlə eyni tərəf', 'Prioritet', 'Adi'], notInEnglish: COMPANIES_ENGLISH },
  ])('$name', async (c) => {
    const res = await linkPage(c.company, `${c.path}?lang=${c.lang}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<html lang="${c.lang}">`);
    expectLanguage(textOf(res.text), c);
  });

  it('reads in the link’s own language (English here), not the browser’s, when the address names none', async () => {
    const text = textOf((await linkPage('KAMAZ', '', { 'Accept-Language': 'ru-RU,ru;q=0.9,en;q=0.5' })).text);
    expect(text).toContain('Your tables');
    expect(text).not.toContain('Ваши столы');
  });

  it('offers the three languages as plain links on the company’s page', async () => {
    const html = (await linkPage('KAMAZ', '?lang=az')).text;
    for (const lang of ['en', 'ru', 'az']) expect(html).toContain(`href="?lang=${lang}"`);
    expect(html).toMatch(/href="\?lang=az"[^>]*aria-current="true"/);
  });

  it('keeps a language picked on the address through its links, its forms and the redirect after asking', async () => {
    const companies = await linkPage('AzerGold', '/companies?lang=az');
    const gaz = participantId('GAZ Group Commercial Vehicles LLC');
    expect(companies.text).toContain(`action="/s/${link.AzerGold}/b2b/requests?lang=az#company-${gaz}"`);
    expect(companies.text).toContain(`href="/s/${link.AzerGold}/b2b?lang=az"`);

    const sent = await request(ctx.app).post(`/s/${link.AzerGold}/b2b/requests?lang=az`).type('form').send({ toId: String(gaz), message: 'Qızıl emalı', priority: '3' });
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe(`/s/${link.AzerGold}/b2b?done=sent&lang=az`);
    const home = await request(ctx.app).get(sent.headers.location!);
    const text = textOf(home.text);
    expect(text).toContain('Sorğu göndərildi.');
    expect(text).toMatch(/GAZ Group Commercial Vehicles LLC Sizin sorğunuz · yüksək prioritet Qızıl emalı cavab gözləyir/);
    expect(home.text).toContain(`href="/s/${link.AzerGold}/b2b/companies?lang=az"`);
  });

  it('answers a refused request in the reader’s language, with what was typed kept', async () => {
    const refused = await request(ctx.app).post(`/s/${link['SOCAR Polymer']}/b2b/requests?lang=ru`).type('form').send({ toId: String(participantId('KAMAZ')), message: 'x'.repeat(5000), priority: '2' });
    expect(refused.status).toBe(422);
    expect(textOf(refused.text)).toContain('Запрос не отправлен.');
    expect(refused.text).toContain(`>${'x'.repeat(5000)}</textarea>`);
    // The page's language links are relative to the form's address: asked with GET, it leads back to the companies, in that language.
    const picked = await request(ctx.app).get(`/s/${link['SOCAR Polymer']}/b2b/requests?lang=az`);
    expect(picked.status).toBe(303);
    expect(picked.headers.location).toBe(`/s/${link['SOCAR Polymer']}/b2b/companies?lang=az`);
  });

  it('asks the company in Russian which way to answer when the action is unknown', async () => {
    const r = b2b().requests.list(sessionId).find((x) => x.toId === participantId('KAMAZ'))!;
    const res = await request(ctx.app).post(`/s/${link.KAMAZ}/b2b/requests/${r.id}?lang=ru`).type('form').send({ action: 'shout' });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('Выберите: принять, отклонить или отменить.');
    const picked = await request(ctx.app).get(`/s/${link.KAMAZ}/b2b/requests/${r.id}?lang=en`);
    expect(picked.headers.location).toBe(`/s/${link.KAMAZ}/b2b?lang=en`);
  });
});

describe('what the B2B routes say to a planner who reads Russian', () => {
  it('says the notice after an action, and the form’s labels, in the planner’s chosen language', async () => {
    const ru = await signIn(ctx, 'i18n-b2b-ru', 'planner');
    expect((await ru.submit('/forums', '/account/language', { locale: 'ru', back: '/forums' })).status).toBe(303);
    const form = textOf((await ru.get(`${base}/requests/new`)).text);
    for (const label of ['Новый запрос на встречу', 'Запрашивающая компания', 'С какой компанией встреча', 'Высокий', 'Внести запрос']) expect(form).toContain(label);
    expect(form).not.toContain('Company that asks');

    // The request AzerGold sent through its link (above), accepted for GAZ by the office.
    const r = b2b().requests.list(sessionId).find((x) => x.fromId === participantId('AzerGold') && x.toId === participantId('GAZ Group Commercial Vehicles LLC'))!;
    expect(r.state).toBe('pending');
    const acted = await ru.submit(`${base}/requests/${r.id}`, `${base}/requests/${r.id}/state`, { action: 'accept' });
    expect(acted.status).toBe(303);
    expect(textOf((await ru.get(acted.headers.location!)).text)).toContain('Запрос принят. Запустите планировщик, чтобы дать ему стол.');

    const sessionForm = textOf((await ru.get(`${base}/edit`)).text);
    for (const label of ['Название', 'Зал', 'Длительность слота (мин)', 'Число столов', 'Сохранить сессию']) expect(sessionForm).toContain(label);

    // The accepted request is placed by a run that keeps the rest: the preview names its slot and table, and applying says what it did.
    const run = await ru.submit(base, `${base}/schedule`, { mode: 'place-new', moveLimit: '0' });
    expect(run.status).toBe(303);
    const proposal = textOf((await ru.get(run.headers.location!)).text);
    expect(proposal).toContain('Разместить новые запросы, оставив все применённые встречи на своих местах.');
    expect(proposal).toMatch(/Добавлены Встреча Время и стол [^–]+ – [^\d]+ \d\d:\d\d, стол \d+/);
    const applied = await ru.submit(run.headers.location!, `${run.headers.location!}/apply`, {});
    expect(applied.status).toBe(303);
    const after = textOf((await ru.get(applied.headers.location!)).text);
    expect(after).toMatch(/Применено: размещен[аоы] \d+ встреч[аи]?; никакое расписание не разместит больше \d+\. Расписание: добавлено: 1\. Программа: новых: 1\./);

    // AzerGold's own page, in Russian, says once what changed at its tables since it last looked.
    const placed = b2b().views.overview(sessionId).requests.find((x) => x.record.id === r.id)!.placement!;
    const company = textOf((await linkPage('AzerGold', '?lang=ru')).text);
    expect(company).toContain('Изменилось с Вашего последнего визита');
    expect(company).toContain(`С GAZ Group Commercial Vehicles LLC: новая встреча, ${placed.slot.time.slice(0, 5)}, стол ${placed.table}`);
  });
});
