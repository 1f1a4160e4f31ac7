/**
 * A company's B2B link has a language of its own (issue 15), like every
 * secret link: chosen on the company's page when the link is made (starting in
 * the planner's language), changed in place on the links page, bounded (a
 * language we do not have is a field message, nothing written), and used by
 * the link's pages, their form answers and its calendar feed, whatever the
 * browser asks; ?lang= on the address still asks for another.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { propertyValues, unescapeText } from '../support/ics';

jest.setTimeout(30_000);

let ctx: TestContext;
let planner: SignedIn;
let sessionId: number;
let base: string;

const b2b = () => ctx.services.b2b;
const participantId = (name: string) => b2b().views.overview(sessionId).participants.find((p) => p.name === name)!.record.id;
const linksOf = (name: string) => b2b().links.of(b2b().participants.get(participantId(name)));
const shownSecret = (html: string) => /\/s\/([\w-]{32})\/b2b/.exec(html)?.[1];

beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'b2b-language-planner', 'planner');
  sessionId = b2b().sessions.list(ctx.demo!.forumId)[0]!.id;
  base = `/forums/${ctx.demo!.forumId}/b2b/${sessionId}`;
});
afterAll(() => ctx.close());

describe('making a company’s link on its page', () => {
  const page = (name: string) => `${base}/participants/${participantId(name)}`;

  it('offers the three languages, starting in the planner’s own', async () => {
    const html = (await planner.get(`${page('KAMAZ')}?lang=ru`)).text;
    const select = /<select id="link-locale" name="locale"[\s\S]*?<\/select>/.exec(html)![0];
    expect([...select.matchAll(/<option value="(\w+)"/g)].map((m) => m[1])).toEqual(['en', 'ru', 'az']);
    expect(select).toMatch(/<option value="ru" lang="ru" selected>Русский<\/option>/);
    expect(textOf(html)).toContain('Страница компании, ответы на ней и её календарь будут на этом языке');
  });

  it.each([
    { name: 'a Russian link for KAMAZ', company: 'KAMAZ', locale: 'ru', shown: 'Русский' },
    { name: 'an Azerbaijani link for SOCAR Polymer', company: 'SOCAR Polymer', locale: 'az', shown: 'Azərbaycanca' },
  ])('makes $name and lists its language', async ({ company, locale, shown }) => {
    const res = await planner.submit(page(company), `${page(company)}/links`, { label: `${company} (${locale})`, locale });
    expect(res.status).toBe(201);
    expect(shownSecret(res.text)).toBeDefined();
    expect(linksOf(company).find((t) => t.label === `${company} (${locale})`)).toMatchObject({ locale });
    const listed = textOf((await planner.get(page(company))).text);
    expect(listed).toContain(`${company} (${locale}) · ${shown} ·`);
  });

  it.each([
    { name: 'a language we do not have', fields: { locale: 'fr', label: 'French' }, says: /language/i },
    { name: 'a label longer than 200 characters', fields: { locale: 'ru', label: 'x'.repeat(201) }, says: /label/i },
  ])('refuses $name with a field message, writing nothing', async ({ fields, says }) => {
    const before = linksOf('AzerGold').length;
    const res = await planner.submit(page('AzerGold'), `${page('AzerGold')}/links`, fields);
    expect(res.status).toBe(422);
    expect(textOf(/<p class="error-text" id="link-[a-z]+-err">[^<]*<\/p>/.exec(res.text)![0])).toMatch(says);
    expect(res.text).toContain('aria-invalid="true"');
    expect(linksOf('AzerGold')).toHaveLength(before);
  });
});

describe('a Russian company link', () => {
  let secret: string;
  beforeAll(() => {
    secret = b2b().links.create(SYSTEM_ACTOR, participantId('Gilan Holding'), { locale: 'ru' }).secret;
  });

  it('opens its page and the companies in Russian, whatever the browser asks', async () => {
    for (const path of ['', '/companies']) {
      const res = await request(ctx.app).get(`/s/${secret}/b2b${path}`).set('Accept-Language', 'en-GB,en');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<html lang="ru">');
      expect(res.text).not.toMatch(/ui\.b2b\./);
    }
    const home = textOf((await request(ctx.app).get(`/s/${secret}/b2b`).set('Accept-Language', 'en')).text);
    expect(home).toContain('Ваши столы');
    expect(home).not.toContain('Your tables');
  });

  it('answers its forms in Russian', async () => {
    const refused = await request(ctx.app).post(`/s/${secret}/b2b/requests`).set('Accept-Language', 'en').type('form').send({ toId: String(participantId('KAMAZ')), message: 'x'.repeat(5000), priority: '2' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('<html lang="ru">');
    expect(textOf(refused.text)).toContain('Запрос не отправлен.');
    const r = b2b().requests.list(sessionId)[0]!;
    const unknown = await request(ctx.app).post(`/s/${secret}/b2b/requests/${r.id}`).type('form').send({ action: 'shout' });
    expect(textOf(unknown.text)).toContain('Выберите: принять, отклонить или отменить.');
  });

  it('serves its feed in Russian', async () => {
    const feed = (await request(ctx.app).get(`/s/${secret}/calendar.ics`).set('Accept-Language', 'en').expect(200)).text;
    const description = unescapeText(propertyValues(feed, 'X-WR-CALDESC')[0] ?? propertyValues(feed, 'DESCRIPTION')[0]!);
    expect(description).toContain('программа — Gilan Holding');
    expect(description).toContain('Время указано по зоне Europe/Moscow');
  });

  it('still reads in another language when the address asks (?lang=az)', async () => {
    const res = await request(ctx.app).get(`/s/${secret}/b2b?lang=az`);
    expect(res.text).toContain('<html lang="az">');
    expect(textOf(res.text)).toContain('Masalarınız');
  });
});

describe('changing a company link’s language on the links page', () => {
  it('turns an English link Azerbaijani in place: same address, its page now in Azerbaijani', async () => {
    const { token, secret } = b2b().links.create(SYSTEM_ACTOR, participantId('Severstal'));
    expect(token.locale).toBe('en');
    expect(textOf((await request(ctx.app).get(`/s/${secret}/b2b`).set('Accept-Language', 'ru')).text)).toContain('Your tables');
    const links = `/forums/${ctx.demo!.forumId}/links`;
    const changed = await planner.submit(links, `${links}/${token.id}/settings`, { locale: 'az', reminderMinutes: '' });
    expect(changed.status).toBe(303);
    const page = await request(ctx.app).get(`/s/${secret}/b2b`).set('Accept-Language', 'ru');
    expect(page.text).toContain('<html lang="az">');
    expect(textOf(page.text)).toContain('Masalarınız');
  });
});
