/**
 * A secret link's language and reminder (issue 15): chosen on the links page
 * or through the API, bounded (a bad value is a field message, nothing
 * written), and used: the link's page and feed are in its language unless
 * ?lang= asks for another, the conditional poll and the feed route agree on
 * the ETag, and the feed carries the reminder and the phone's properties.
 * The links page itself reads in the planner's language.
 */
import request from 'supertest';
import { loadDemoLinks } from '../../db/seed/demo-links';
import { message } from '../../src/messages/message';
import { render } from '../../src/messages/render';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { addUser, createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { contentLines, propertyValues, unescapeText } from '../support/ics';

let ctx: TestContext;
let planner: SignedIn;
let linksPage: string;
let bearer: Record<string, string>;
const shownSecret = (html: string) => /\/s\/([\w-]{32})\/calendar\.ics/.exec(html)?.[1];
const linkCount = () => ctx.services.feeds.list(ctx.demo!.forumId).length;

beforeAll(async () => {
  ctx = createTestApp();
  linksPage = `/forums/${ctx.demo!.forumId}/links`;
  planner = await signIn(ctx, 'language-planner', 'planner');
  addUser(ctx, 'api-language', 'planner');
  bearer = { authorization: `Bearer ${ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'api-language', 'language tests').token}` };
});
afterAll(() => ctx.close());

describe('the links page form', () => {
  const form = (fields: Record<string, string | number>) => planner.submit(linksPage, linksPage, { scope: 'person', scopeId_person: ctx.demo!.people.drozdenko, label: 'Governor’s office', expiresOn: '', ...fields });

  it('creates a Russian link with a 30-minute reminder and lists both', async () => {
    const res = await form({ locale: 'ru', reminderMinutes: '30', label: 'Governor’s office (ru)' });
    expect(res.status).toBe(201);
    const row = ctx.services.feeds.list(ctx.demo!.forumId).find((t) => t.label === 'Governor’s office (ru)')!;
    expect(row).toMatchObject({ locale: 'ru', reminderMinutes: 30 });
    expect(textOf(res.text)).toMatch(/Language Русский Reminder 30 minutes before/);
    const listed = /<tr\b(?:(?!<\/tr>)[\s\S])*Governor’s office \(ru\)[\s\S]*?<\/tr>/.exec((await planner.get(linksPage)).text)![0];
    // A live link's row offers its language and reminder to change in place, set to what it has.
    expect(listed).toMatch(/<option value="ru" lang="ru" selected>Русский<\/option>/);
    expect(listed).toMatch(/<option value="30" selected>30 minutes before<\/option>/);
  });

  it('offers the three languages and none / 15 / 30 / 60 minutes, starting in the planner’s language without a reminder', async () => {
    const page = (await planner.get(`${linksPage}?lang=az`)).text;
    const select = (name: string) => /<select id="l-[a-z]+" name="NAME"[\s\S]*?<\/select>/.source.replace('NAME', name);
    const locales = new RegExp(select('locale')).exec(page)![0];
    expect([...locales.matchAll(/<option value="(\w+)"/g)].map((m) => m[1])).toEqual(['en', 'ru', 'az']);
    expect(locales).toMatch(/<option value="az" lang="az" selected>/);
    const reminders = new RegExp(select('reminderMinutes')).exec(page)![0];
    expect([...reminders.matchAll(/<option value="(\d*)"/g)].map((m) => m[1])).toEqual(['', '15', '30', '60']);
    expect(textOf(reminders)).toBe('Yoxdur 15 dəqiqə əvvəl 30 dəqiqə əvvəl 60 dəqiqə əvvəl');
  });

  it.each<{ name: string; fields: Record<string, string>; field: RegExp }>([
    { name: 'a language we do not have', fields: { locale: 'fr' }, field: /language/ },
    { name: 'a reminder not on the list (45 minutes)', fields: { reminderMinutes: '45' }, field: /reminder/ },
    { name: 'a reminder that is not a number', fields: { reminderMinutes: 'soon' }, field: /reminder/ },
    { name: 'a negative reminder', fields: { reminderMinutes: '-15' }, field: /reminder/ },
  ])('refuses $name with a field message, and writes nothing', async ({ fields, field }) => {
    const before = linkCount();
    const res = await form({ locale: 'en', ...fields });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toMatch(field);
    expect(res.text).toContain('class="error-text"');
    expect(linkCount()).toBe(before);
  });

  it('“New secret” keeps the language and the reminder', async () => {
    const { token } = ctx.services.feeds.createToken(SYSTEM_ACTOR, ctx.demo!.forumId, { scope: 'person', scopeId: ctx.demo!.people.mustafayev, label: 'to rotate', locale: 'az', reminderMinutes: 60 });
    const res = await planner.submit(linksPage, `${linksPage}/${token.id}/rotate`, {});
    expect(res.status).toBe(201);
    const rotated = ctx.services.feeds.resolve(shownSecret(res.text)!)!;
    expect(rotated).toMatchObject({ label: 'to rotate', locale: 'az', reminderMinutes: 60 });
  });

  it('reads in Russian for a Russian planner, with no English left in the form', async () => {
    const text = textOf((await planner.get(`${linksPage}?lang=ru`)).text);
    for (const said of ['Ссылки на календарь', 'Новая ссылка', 'Для кого', 'Напоминание', 'Создать ссылку', 'Действует']) expect(text).toContain(said);
    for (const english of ['Calendar links', 'New link', 'For a', 'Reminder', 'Create link', 'Expires on', 'Last fetched']) expect(text).not.toContain(english);
  });

  it('reads in Azerbaijani', async () => {
    const text = textOf((await planner.get(`${linksPage}?lang=az`)).text);
    for (const said of ['Təqvim keçidləri', 'Yeni keçid', 'Kimin üçün', 'Xatırlatma', 'Keçid yaradın']) expect(text).toContain(said);
    for (const english of ['Calendar links', 'New link', 'Create link']) expect(text).not.toContain(english);
  });
});

describe('the API', () => {
  const create = (body: Record<string, unknown>) => request(ctx.app).post('/api/v1/feed-tokens').set(bearer).send({ scope: 'delegation', scopeId: ctx.demo!.delegations.leningrad, label: 'api link', ...body });

  it('takes and answers the language and the reminder; without them, English and none', async () => {
    const res = await create({ locale: 'az', reminderMinutes: 15 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ locale: 'az', reminderMinutes: 15 });
    const plain = await create({});
    expect(plain.body).toMatchObject({ locale: 'en', reminderMinutes: null });
    const list = await request(ctx.app).get(`/api/v1/forums/${ctx.demo!.forumId}/feed-tokens`).set(bearer).expect(200);
    expect(list.body.find((t: { id: number }) => t.id === res.body.id)).toMatchObject({ locale: 'az', reminderMinutes: 15 });
  });

  it('PATCH changes a live link’s language and reminder; a viewer may not, a revoked link is not found', async () => {
    const { id } = (await create({ locale: 'ru', reminderMinutes: 30 })).body;
    const changed = await request(ctx.app).patch(`/api/v1/feed-tokens/${id}`).set(bearer).send({ locale: 'az', reminderMinutes: 60 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id, locale: 'az', reminderMinutes: 60 });
    expect(changed.body.token).toBeUndefined();
    expect((await request(ctx.app).patch(`/api/v1/feed-tokens/${id}`).set(bearer).send({ reminderMinutes: 45 })).status).toBe(422);
    expect(ctx.services.feeds.get(id)).toMatchObject({ locale: 'az', reminderMinutes: 60 });
    addUser(ctx, 'api-language-viewer', 'viewer');
    const viewer = { authorization: `Bearer ${ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'api-language-viewer', 'viewer').token}` };
    expect((await request(ctx.app).patch(`/api/v1/feed-tokens/${id}`).set(viewer).send({ locale: 'en' })).status).toBe(403);
    await request(ctx.app).delete(`/api/v1/feed-tokens/${id}`).set(bearer).expect(204);
    expect((await request(ctx.app).patch(`/api/v1/feed-tokens/${id}`).set(bearer).send({ locale: 'en' })).status).toBe(404);
  });

  it.each<{ name: string; body: Record<string, unknown>; field: string }>([
    { name: 'an unknown language', body: { locale: 'de' }, field: 'locale' },
    { name: 'a language as a number', body: { locale: 7 }, field: 'locale' },
    { name: 'a reminder of 20 minutes', body: { reminderMinutes: 20 }, field: 'reminderMinutes' },
    { name: 'a reminder as an object', body: { reminderMinutes: { minutes: 15 } }, field: 'reminderMinutes' },
    { name: 'a fractional reminder', body: { reminderMinutes: 15.5 }, field: 'reminderMinutes' },
  ])('refuses $name: 422 naming the field', async ({ body, field }) => {
    const before = linkCount();
    const res = await create(body);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain(field);
    expect(linkCount()).toBe(before);
  });
});

describe('a Russian link (the Governor’s office)', () => {
  let secret: string;
  let feed: string;
  beforeAll(async () => {
    secret = ctx.services.feeds.createToken(SYSTEM_ACTOR, ctx.demo!.forumId, { scope: 'person', scopeId: ctx.demo!.people.drozdenko, label: 'Приёмная губернатора', locale: 'ru', reminderMinutes: 30 }).secret;
    feed = (await request(ctx.app).get(`/s/${secret}/calendar.ics`).set('Accept-Language', 'en').expect(200)).text;
  });

  it('opens its page in Russian, whatever the browser asks; ?lang= asks for another', async () => {
    const page = (await request(ctx.app).get(`/s/${secret}`).set('Accept-Language', 'en-GB,en').expect(200)).text;
    expect(page).toMatch(/<html lang="ru"/);
    expect(textOf(page)).toContain('Перейти к содержанию');
    expect(textOf(page)).toContain('пятница, 7 июня 2019');
    expect(textOf(page)).not.toContain('Friday, 7 June 2019');
    const english = (await request(ctx.app).get(`/s/${secret}?lang=en`).expect(200)).text;
    expect(english).toMatch(/<html lang="en"/);
    expect(textOf(english)).toContain('Friday, 7 June 2019');
  });

  it('prints its agenda in Russian', async () => {
    const agenda = (await request(ctx.app).get(`/s/${secret}/agenda`).set('Accept-Language', 'en').expect(200)).text;
    expect(agenda).toMatch(/<html lang="ru"/);
  });

  it('serves its feed in Russian: the reminder’s words and the descriptions’ labels', () => {
    const alarms = contentLines(feed).filter((l) => l === 'TRIGGER:-PT30M');
    const events = propertyValues(feed, 'UID').length;
    const cancelled = propertyValues(feed, 'STATUS').filter((s) => s === 'CANCELLED').length;
    expect(events).toBeGreaterThan(0);
    expect(alarms).toHaveLength(events - cancelled);
    const descriptions = propertyValues(feed, 'DESCRIPTION').map(unescapeText);
    expect(descriptions.filter((d) => d.startsWith('Через 30 минут: '))).toHaveLength(events - cancelled);
    // The feed's labels are the domain's words in the link's language (src/messages: render).
    expect(descriptions.join('\n')).toContain(render(message('calendar.counterparts', {}), 'ru'));
    expect(descriptions.join('\n')).toContain('Партнёры по встрече:');
    for (const english of ['Counterparts:', 'Our participants:', 'Participants:', 'In 30 minutes', 'Bilateral meeting']) expect(descriptions.join('\n')).not.toContain(english);
  });

  it('answers a conditional poll 304 with the ETag the feed route gave, and a preview in English apart', async () => {
    const first = await request(ctx.app).get(`/s/${secret}/calendar.ics`).expect(200);
    expect(first.text).toBe(feed);
    await request(ctx.app).get(`/s/${secret}/calendar.ics`).set('If-None-Match', first.headers.etag!).expect(304);
    // The browser's language does not change a link's feed.
    await request(ctx.app).get(`/s/${secret}/calendar.ics`).set('If-None-Match', first.headers.etag!).set('Accept-Language', 'az').expect(304);
    const english = await request(ctx.app).get(`/s/${secret}/calendar.ics?lang=en`).set('If-None-Match', first.headers.etag!).expect(200);
    expect(english.headers.etag).not.toBe(first.headers.etag);
    expect(english.text).toContain('In 30 minutes: ');
    await request(ctx.app).get(`/s/${secret}/calendar.ics?lang=en`).set('If-None-Match', english.headers.etag!).expect(304);
    // And the preview did not re-date the link's own feed.
    const again = await request(ctx.app).get(`/s/${secret}/calendar.ics`).expect(200);
    expect(again.headers['last-modified']).toBe(first.headers['last-modified']);
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it('carries where, how busy and how confidential: GEO and structured locations of the demo’s venues, busy status, CLASS', () => {
    expect(propertyValues(feed, 'GEO')).toContain('59.7636;30.3622');
    expect(contentLines(feed).some((l) => l.startsWith('X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS="Peterburgskoye shosse 64/1, St. Petersburg"') && l.endsWith('X-TITLE="ExpoForum":geo:59.7636,30.3622'))).toBe(true);
    const statuses = propertyValues(feed, 'STATUS');
    expect(propertyValues(feed, 'X-MICROSOFT-CDO-BUSYSTATUS')).toEqual(statuses.map((s) => ({ TENTATIVE: 'TENTATIVE', CONFIRMED: 'BUSY', CANCELLED: 'FREE' })[s]));
    // The Governor's link is a private scope (his delegation's own meetings may carry briefings).
    expect(propertyValues(feed, 'CLASS')).toEqual(statuses.map(() => 'CONFIDENTIAL'));
  });
});

describe('travel time in a delegate’s feed', () => {
  it('the Minister’s reception at the embassy, after a day at ExpoForum, is 40 minutes away; the meeting after his transfer needs none', async () => {
    const d = ctx.demo!;
    const { secret } = ctx.services.feeds.createToken(SYSTEM_ACTOR, d.forumId, { scope: 'person', scopeId: d.people.mustafayev, label: 'Minister', locale: 'az', reminderMinutes: 15 });
    const feed = (await request(ctx.app).get(`/s/${secret}/calendar.ics`).expect(200)).text;
    const events = feed.split('BEGIN:VEVENT').slice(1);
    const travelOf = (title: string) => {
      const event = events.find((e) => contentLines(e).some((l) => l.startsWith('SUMMARY:') && unescapeText(l.slice(8)).startsWith(title)))!;
      return propertyValues(event, 'X-APPLE-TRAVEL-DURATION');
    };
    expect(travelOf('Reception of the Embassy of Azerbaijan')).toEqual(['PT40M']);
    expect(travelOf('Meeting with Governor of Leningrad Region')).toEqual([]);
    expect(travelOf('Press approach after the meeting')).toEqual([]);
    expect(propertyValues(feed, 'DESCRIPTION').map(unescapeText).filter((t) => t.startsWith('15 dəqiqədən sonra: ')).length).toBeGreaterThan(0);
  });

  it('the public programme never adds travel time or reminders: its reader is not the one travelling', async () => {
    const feed = (await request(ctx.app).get(`/p/${ctx.demo!.forumId}/programme.ics`).expect(200)).text;
    expect(feed).not.toContain('X-APPLE-TRAVEL-DURATION');
    expect(feed).not.toContain('BEGIN:VALARM');
    expect(propertyValues(feed, 'CLASS')).toEqual([]);
  });
});

describe('changing a link’s language and reminder in place', () => {
  const newLink = () => ctx.services.feeds.createToken(SYSTEM_ACTOR, ctx.demo!.forumId, { scope: 'person', scopeId: ctx.demo!.people.drozdenko, label: 'to change', locale: 'ru', reminderMinutes: 30 });
  const settings = (id: number) => `${linksPage}/${id}/settings`;

  it('keeps the address; the page and the feed follow at once, and the audit log has the change', async () => {
    const { token, secret } = newLink();
    const before = await request(ctx.app).get(`/s/${secret}/calendar.ics`).expect(200);
    expect(before.text).toContain('TRIGGER:-PT30M');
    const res = await planner.submit(linksPage, settings(token.id), { locale: 'az', reminderMinutes: '' });
    expect(res.status).toBe(303);
    expect(textOf((await planner.get(res.headers.location!)).text)).toContain('Link “to change”: Azərbaycanca, reminder: None. Its page and calendar follow at once; the address stays the same.');
    expect(ctx.services.feeds.get(token.id)).toMatchObject({ locale: 'az', reminderMinutes: null });
    expect((await request(ctx.app).get(`/s/${secret}`).expect(200)).text).toMatch(/<html lang="az"/);
    // The client's copy is stale: a full answer with a new ETag, no reminders left.
    const after = await request(ctx.app).get(`/s/${secret}/calendar.ics`).set('If-None-Match', before.headers.etag!).expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.text).not.toContain('BEGIN:VALARM');
    const audit = ctx.services.store.db.prepare("SELECT action, before_json, after_json FROM audit_log WHERE entity = 'feed_token' AND entity_id = ? ORDER BY id DESC LIMIT 1").get(token.id) as { action: string; before_json: string; after_json: string };
    expect(audit.action).toBe('update');
    expect(JSON.parse(audit.before_json)).toMatchObject({ locale: 'ru', reminderMinutes: 30 });
    expect(JSON.parse(audit.after_json)).toMatchObject({ locale: 'az', reminderMinutes: null });
  });

  it.each<{ name: string; fields: Record<string, string>; said: RegExp }>([
    { name: 'a language we do not have', fields: { locale: 'tr', reminderMinutes: '15' }, said: /not changed: Choose a language from the list\./ },
    { name: 'a reminder off the list', fields: { locale: 'en', reminderMinutes: '5' }, said: /not changed: Choose a reminder from the list\./ },
  ])('refuses $name: 422 with a message above the page naming the link, nothing written', async ({ fields, said }) => {
    const { token } = newLink();
    const res = await planner.submit(linksPage, settings(token.id), fields);
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toMatch(said);
    expect(textOf(res.text)).toContain('“to change”');
    expect(ctx.services.feeds.get(token.id)).toMatchObject({ locale: 'ru', reminderMinutes: 30 });
  });

  it('a revoked link is not found, a viewer may not, and a post without the CSRF token is refused', async () => {
    const { token } = newLink();
    const viewer = await signIn(ctx, 'language-viewer', 'viewer');
    expect((await viewer.submit(linksPage, settings(token.id), { locale: 'en', reminderMinutes: '' })).status).toBe(403);
    expect((await planner.agent.post(settings(token.id)).type('form').send({ locale: 'en', reminderMinutes: '' })).status).toBe(403);
    ctx.services.feeds.revoke(SYSTEM_ACTOR, token.id);
    expect((await planner.submit(linksPage, settings(token.id), { locale: 'en', reminderMinutes: '' })).status).toBe(404);
    expect(ctx.services.feeds.get(token.id)).toMatchObject({ locale: 'ru', reminderMinutes: 30 });
  });
});

describe('the demo’s links (npm run seed prints them)', () => {
  it('gives the Governor’s office a Russian link and the Minister an Azerbaijani one, each with a reminder', async () => {
    const d = ctx.demo!;
    const links = loadDemoLinks(ctx.services, d);
    const byLabel = new Map(links.map((l) => [l.label, ctx.services.feeds.resolve(l.secret)!]));
    expect(byLabel.get('Governor’s office, Leningrad Region')).toMatchObject({ scope: 'person', scopeId: d.people.drozdenko, locale: 'ru', reminderMinutes: 30 });
    expect(byLabel.get('Minister’s phone')).toMatchObject({ scope: 'person', scopeId: d.people.mustafayev, locale: 'az', reminderMinutes: 15 });
    const governor = links.find((l) => l.locale === 'ru')!;
    expect((await request(ctx.app).get(`/s/${governor.secret}`).expect(200)).text).toMatch(/<html lang="ru"/);
    const minister = links.find((l) => l.locale === 'az')!;
    const page = (await request(ctx.app).get(`/s/${minister.secret}`).expect(200)).text;
    expect(page).toMatch(/<html lang="az"/);
    expect(textOf(page)).toContain('7 iyun 2019');
  });
});
