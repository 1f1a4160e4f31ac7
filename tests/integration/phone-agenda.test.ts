/**
 * The phone's cards on a delegate's secret link (the demo's Azerbaijani
 * delegation at SPIEF 2019) as the server renders them, at a clock the test
 * sets: which day comes first, which card is "now" and which "next", the map
 * and call links, the briefing folded, a door sheet without either, the Print
 * link that works without JavaScript, and the words in Russian and Azerbaijani.
 * Tests run with TZ=UTC: "today" is Moscow's, not the server's.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import type { FeedScopeKind } from '../../src/domain/feed-scope';
import { createTestApp, signIn, textOf, type TestContext } from '../support/app';

/** Moscow wall clock (UTC+3 in June 2019) -> the instant. */
const moscow = (day: string, time: string) => Date.parse(`${day}T${time}:00+03:00`);

let now = moscow('2019-06-07', '10:30');
let ctx: TestContext;
let delegation: string;
let room: string;
/** The same delegation's links in Russian and Azerbaijani: a link's page is in its own language. */
const delegationIn: Record<string, string> = {};
const demo = () => ctx.demo!;

beforeAll(() => {
  ctx = createTestApp({ clock: () => now });
  const link = (scope: FeedScopeKind, scopeId: number, locale = 'en') => `/s/${ctx.services.feeds.createToken(SYSTEM_ACTOR, demo().forumId, { scope, scopeId, label: `${scope} phone`, locale }).secret}`;
  delegation = link('delegation', demo().delegations.azerbaijan);
  for (const locale of ['ru', 'az']) delegationIn[locale] = link('delegation', demo().delegations.azerbaijan, locale);
  room = link('room', demo().rooms.bilateral1!);
});
afterAll(() => ctx.close());

const DROZDENKO = 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko';
const PRESS = 'Press approach after the meeting with Governor Drozdenko';
const RECEPTION = 'Reception of the Embassy of Azerbaijan';

interface Card {
  day: string;
  title: string;
  moment: 'now' | 'next' | null;
  html: string;
}

/** The phone section of a page: its days in order (their dates) and every card, read from the HTML. */
function phoneOf(html: string): { days: string[]; today: string[]; cards: Card[] } {
  const start = html.indexOf('<section class="phone-agenda"');
  const rest = start < 0 ? '' : html.slice(start);
  const end = rest.search(/<table class="agenda-sheet">|<div class="columns">/);
  const section = end < 0 ? rest : rest.slice(0, end);
  const days = [...section.matchAll(/<section class="phone-day[^"]*" aria-labelledby="phone-day-([\d-]+)">/g)].map((m) => m[1]!);
  const today = [...section.matchAll(/<section class="phone-day phone-today" aria-labelledby="phone-day-([\d-]+)">/g)].map((m) => m[1]!);
  const cards: Card[] = [];
  for (const day of section.split(/<section class="phone-day/).slice(1)) {
    const date = /phone-day-([\d-]+)/.exec(day)![1]!;
    for (const m of day.matchAll(/<li class="phone-card([^"]*)"[^>]*>([\s\S]*?)<\/li>/g)) {
      const classes = m[1]!;
      cards.push({
        day: date,
        title: textOf(/<h3 class="phone-title">([\s\S]*?)<\/h3>/.exec(m[2]!)![1]!),
        moment: classes.includes('phone-now') ? 'now' : classes.includes('phone-next') ? 'next' : null,
        html: m[2]!,
      });
    }
  }
  return { days, today, cards };
}

async function page(url: string, headers: Record<string, string> = {}) {
  const res = await request(ctx.app).get(url).set(headers);
  expect(res.status).toBe(200);
  return res.text;
}

const marked = (cards: Card[], moment: 'now' | 'next') => cards.filter((c) => c.moment === moment).map((c) => c.title);

describe('now and next, by the services’ clock in the forum’s zone', () => {
  const CASES: { name: string; at: number; url: () => string; first: string; now: string[]; next: string[] }[] = [
    { name: 'before the forum: the days in order, its first meeting next', at: moscow('2019-06-01', '12:00'), url: () => `${delegation}/agenda`, first: '2019-06-06', now: [], next: ['Arrival briefing of the delegation'] },
    { name: 'before the day’s first meeting', at: moscow('2019-06-07', '07:00'), url: () => `${delegation}/agenda/2019-06-07`, first: '2019-06-07', now: [], next: ['Morning briefing'] },
    { name: 'during one', at: moscow('2019-06-07', '10:30'), url: () => `${delegation}/agenda/2019-06-07`, first: '2019-06-07', now: [DROZDENKO], next: [PRESS] },
    { name: 'at the very minute one starts', at: moscow('2019-06-07', '10:00'), url: () => `${delegation}/agenda/2019-06-07`, first: '2019-06-07', now: [DROZDENKO], next: [PRESS] },
    { name: 'between two', at: moscow('2019-06-07', '11:05'), url: () => `${delegation}/agenda/2019-06-07`, first: '2019-06-07', now: [], next: [PRESS] },
    { name: 'after the day’s last, on the day’s sheet', at: moscow('2019-06-07', '22:00'), url: () => `${delegation}/agenda/2019-06-07`, first: '2019-06-07', now: [], next: [] },
    { name: 'after the day’s last, in the booklet: today first, tomorrow’s first next', at: moscow('2019-06-07', '22:00'), url: () => `${delegation}/agenda`, first: '2019-06-07', now: [], next: ['Morning briefing'] },
    { name: 'after the forum’s last', at: moscow('2019-06-08', '23:30'), url: () => `${delegation}/agenda`, first: '2019-06-08', now: [], next: [] },
  ];

  it.each(CASES)('$name', async ({ at, url, first, now: under, next }) => {
    now = at;
    const phone = phoneOf(await page(url()));
    expect(phone.days[0]).toBe(first);
    expect(marked(phone.cards, 'now')).toEqual(under);
    expect(marked(phone.cards, 'next')).toEqual(next);
  });

  it('puts today first in the booklet, then the days after it, then those before', async () => {
    now = moscow('2019-06-07', '10:30');
    const phone = phoneOf(await page(`${delegation}/agenda`));
    expect(phone.days).toEqual(['2019-06-07', '2019-06-08', '2019-06-06']);
    expect(phone.today).toEqual(['2019-06-07']);
    // The A4 sheets keep the calendar's order: paper is read front to back.
    const sheets = [...(await page(`${delegation}/agenda`)).matchAll(/<div class="sheet-day">([^<]+)<\/div>/g)].map((m) => m[1]);
    expect(sheets).toEqual(['Thursday, 6 June 2019', 'Friday, 7 June 2019', 'Saturday, 8 June 2019']);
  });

  it('marks the card under way for assistive technology too', async () => {
    now = moscow('2019-06-07', '10:30');
    const html = await page(`${delegation}/agenda/2019-06-07`);
    expect(html.match(/aria-current="time"/g)).toHaveLength(1);
    expect(/<li class="phone-card[^"]*phone-now[^"]*" aria-current="time">/.test(html)).toBe(true);
  });

  it('keeps an organization’s link (it has no agenda) to the programme table alone', async () => {
    const { secret } = ctx.services.feeds.createToken(SYSTEM_ACTOR, demo().forumId, { scope: 'organization', scopeId: demo().organizations.leningrad!, label: 'Leningrad Region' });
    const html = await page(`/s/${secret}`);
    expect(html).not.toContain('class="phone-agenda"');
    expect(html).toContain('<section class="secret-programme" aria-labelledby="programme-h">');
  });

  it('shows the same cards on the secret-link page itself, today first', async () => {
    now = moscow('2019-06-07', '19:45');
    const phone = phoneOf(await page(delegation));
    expect(phone.days[0]).toBe('2019-06-07');
    expect(marked(phone.cards, 'now')).toEqual([RECEPTION]);
  });
});

describe('what a card carries', () => {
  let drozdenko: Card;
  beforeAll(async () => {
    now = moscow('2019-06-07', '10:30');
    drozdenko = phoneOf(await page(`${delegation}/agenda/2019-06-07`)).cards.find((c) => c.title === DROZDENKO)!;
  });

  it('the time in Moscow and in Baku', () => {
    expect(textOf(drozdenko.html)).toContain('10:00–11:00 Moscow Baku 11:00–12:00');
  });

  // The demo's venues have coordinates (migration 0019); a venue without them is mapLinkOf's named case (tests/unit/phone-agenda.test.ts).
  it('the place, its address and a geo: link a map app opens, at the venue’s coordinates', () => {
    const text = textOf(drozdenko.html);
    expect(text).toContain('Pavilion F, bilateral meeting room F1, ExpoForum Peterburgskoye shosse 64/1, St. Petersburg');
    expect(drozdenko.html).toContain('<a class="phone-map" href="geo:59.7636,30.3622?q=59.7636,30.3622(ExpoForum)">Open in maps</a>');
  });

  it('the counterparts and our people', () => {
    const text = textOf(drozdenko.html);
    expect(text).toContain('Counterparts Aleksandr Drozdenko (Александр Дрозденко), Governor of Leningrad Region (Government of Leningrad Region)');
    expect(text).toContain('Our side Shahin Mustafayev, Rashad Hasanov, Leyla Mammadova (note-taker), Tural Guliyev (optional)');
  });

  it('the briefing folded in a <details> that starts closed', () => {
    const details = /<details class="phone-briefing">([\s\S]*?)<\/details>/.exec(drozdenko.html);
    expect(details).not.toBeNull();
    expect(details![0]).not.toMatch(/<details[^>]*\sopen/);
    expect(textOf(details![1]!)).toMatch(/^Briefing \S/);
  });

  it('the protocol contact’s phone as a tel: link', () => {
    expect(drozdenko.html).toContain('Tural Guliyev, Head of Protocol <a class="phone-call" href="tel:+994120000001">+994 12 000 00 01</a>');
  });

  it('the transfer before it, and when it is too tight', async () => {
    const cards = phoneOf(await page(`${delegation}/agenda/2019-06-07`)).cards;
    const fairs = cards.find((c) => c.title.startsWith('Working meeting at the Government of Leningrad Region'))!;
    expect(textOf(/<p class="phone-transfer phone-tight">([\s\S]*?)<\/p>/.exec(fairs.html)![1]!)).toBe('↓ Transfer from ExpoForum: 45 min needed, 15 min between meetings — too tight');
    expect(drozdenko.html).not.toContain('phone-transfer');
  });

  it('a door sheet (a room’s link) has neither briefing nor the contact', async () => {
    const html = await page(`${room}/agenda/2019-06-07`);
    const card = phoneOf(html).cards.find((c) => c.title === DROZDENKO)!;
    expect(card.html).toContain('geo:59.7636,30.3622');
    expect(card.html).not.toContain('<details');
    expect(card.html).not.toContain('tel:');
  });
});

describe('printing', () => {
  it('Print is a link to the print view, keeping the language', async () => {
    const html = await page(`${delegation}/agenda/2019-06-07?lang=ru`);
    expect(html).toContain(`<a class="button" href="${delegation}/agenda/2019-06-07?print=1&amp;lang=ru" data-print>Печать</a>`);
    const view = await page(`${delegation}/agenda/2019-06-07?print=1&lang=ru`);
    expect(view).toMatch(/<body class="agenda-page print-view">/);
    expect(view).toContain('<link rel="stylesheet" href="/public/css/print.css" media="all">');
    expect(view).toContain('Так программа выглядит на бумаге.');
    expect(view).toContain(`<a href="${delegation}/agenda/2019-06-07?lang=ru">Вернуться к программе</a>`);
    expect(await page(`${delegation}/agenda/2019-06-07`)).toContain('<link rel="stylesheet" href="/public/css/print.css" media="print">');
  });

  it('offers the sheet in each of the three languages, and its day tabs keep the one chosen', async () => {
    const html = await page(`${delegation}/agenda/2019-06-07?lang=az`);
    for (const [lang, name] of [['en', 'English'], ['ru', 'Русский'], ['az', 'Azərbaycanca']]) {
      expect(html).toContain(`href="${delegation}/agenda/2019-06-07?lang=${lang}" lang="${lang}" hreflang="${lang}"`);
      expect(html).toContain(`>${name}</a>`);
    }
    expect(html).toContain(`href="${delegation}/agenda/2019-06-08?lang=az"`);
    expect(html).toContain(`href="${delegation}/agenda?lang=az"`);
  });

  it('marks a warning WARNING and a clash CONFLICT, the conflicts page’s words', async () => {
    const html = await page(`${delegation}/agenda/2019-06-07`);
    // The demo's Deputy Minister cannot reach Smolny in 15 minutes: a warning, not a clash.
    expect(html).toContain('<span class="mark mark-warning">WARNING</span>');
    expect(html).not.toContain('<span class="mark mark-conflict">');
    expect(textOf(html)).toContain('Warning: Rashad Hasanov is in');
  });
});

describe('in Russian and Azerbaijani', () => {
  beforeAll(() => {
    now = moscow('2019-06-07', '10:30');
  });

  const ENGLISH = ['Open in maps', 'Counterparts', 'Our side', 'Briefing', 'Print in', 'All days', 'Now', 'Next', 'Today', 'Times:', 'Printed ', 'Contains briefing notes', 'Delegation agenda', 'WARNING'];

  it.each([
    { lang: 'ru', words: ['Сейчас', 'Далее', 'Сегодня', 'Открыть на карте', 'Партнёры', 'Делегация', 'Справка', 'Печать', 'Язык печати', 'Все дни', 'Программа делегации', 'ПРЕДУПРЕЖДЕНИЕ', 'Предупреждение:', 'пятница, 7 июня 2019'] },
    { lang: 'az', words: ['İndi', 'Növbəti', 'Bu gün', 'Xəritədə aç', 'Qarşı tərəf', 'Bizim tərəf', 'Brifinq', 'Çap et', 'Çap dili', 'Bütün günlər', 'Nümayəndə heyətinin proqramı', 'XƏBƏRDARLIQ', 'Xəbərdarlıq:', '7 iyun 2019, cümə'] },
  ])('the agenda with ?lang=$lang', async ({ lang, words }) => {
    const text = textOf(await page(`${delegation}/agenda/2019-06-07?lang=${lang}`));
    for (const w of words) expect(text).toContain(w);
    for (const w of ENGLISH) expect(text).not.toContain(w);
  });

  it.each([
    { lang: 'ru', words: ['Подписка на телефоне', 'Подписаться (webcal)', 'Программы для печати', 'Все дни (брошюра)', 'в течение 15 минут', 'не пересылайте её', 'Сейчас'], english: ['Subscribe on your phone', 'Printable agendas', 'All days (booklet)', 'do not forward it', 'Open in maps'] },
    { lang: 'az', words: ['Telefonunuzda abunə olun', 'Abunə ol (webcal)', 'Çap üçün proqramlar', 'Bütün günlər (kitabça)', '15 dəqiqə ərzində', 'İndi'], english: ['Subscribe on your phone', 'Printable agendas', 'All days (booklet)', 'do not forward it', 'Open in maps'] },
  ])('the secret-link page of a link in $lang (a link’s language beats the browser’s)', async ({ lang, words, english }) => {
    const text = textOf(await page(delegationIn[lang]!, { 'Accept-Language': 'en' }));
    for (const w of words) expect(text).toContain(w);
    for (const w of english) expect(text).not.toContain(w);
  });

  it.each([
    { lang: 'ru', city: /10:00–11:00 Москва/ },
    { lang: 'az', city: /10:00–11:00 Moskva/ },
    { lang: 'en', city: /10:00–11:00 Moscow/ },
  ])('names the forum’s city in $lang beside a card’s time', async ({ lang, city }) => {
    expect(textOf(await page(`${delegation}/agenda/2019-06-07?lang=${lang}`))).toMatch(city);
  });

  it('counts a day’s entries with the language’s plural rules', async () => {
    const text = textOf(await page(`${delegation}?lang=ru`));
    expect(text).toMatch(/пятница, 7 июня 2019 · 9 пунктов/);
  });

  it('keeps the staff agenda’s flash after marking printed in the reader’s language', async () => {
    const planner = await signIn(ctx, 'phone-planner', 'planner');
    const url = `/forums/${demo().forumId}/agenda/delegation/${demo().delegations.azerbaijan}`;
    const res = await planner.submit(`${url}/2019-06-07?lang=ru`, `${url}/printed?lang=ru`, { day: '2019-06-07' });
    expect(res.status).toBe(303);
    const after = await planner.get(`${url}/2019-06-07?lang=ru`);
    expect(textOf(after.text)).toContain('Программа отмечена как напечатанная');
  });
});

describe('names, headings and data in the reader’s language (issue 15’s reading side)', () => {
  beforeAll(() => {
    now = moscow('2019-06-07', '10:30');
  });

  const linkIn = (scope: FeedScopeKind, scopeId: number, locale: string) => `/s/${ctx.services.feeds.createToken(SYSTEM_ACTOR, demo().forumId, { scope, scopeId, label: `${scope} ${locale}`, locale }).secret}`;
  /** The A4 sheet's row of a meeting (after the phone cards), as text. */
  const sheetRow = (html: string, title: string) => {
    const sheet = html.slice(html.indexOf('<table class="agenda-sheet">'));
    return textOf([...sheet.matchAll(/<tr class="entry[^"]*">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).find((row) => textOf(row).includes(title))!);
  };
  const cardOf = (html: string, title: string) => textOf(phoneOf(html).cards.find((c) => c.title === title)!.html);

  it.each([
    {
      lang: 'ru',
      counterparts: 'Партнёры Дрозденко А. Ю. (Aleksandr Drozdenko), Губернатор Ленинградской области (Правительство Ленинградской области)',
      ours: 'Делегация Мустафаев Ш. А., Рашад Гасанов, Лейла Мамедова',
      interpreter: 'Айгюн Исмаилова',
      contact: 'Турал Гулиев, Руководитель протокольной службы',
      english: ['Shahin Mustafayev', 'Governor of Leningrad Region (', 'Aygun Ismayilova', 'Tural Guliyev'],
    },
    {
      lang: 'az',
      counterparts: 'Qarşı tərəf Aleksandr Drozdenko (Александр Дрозденко), Leninqrad vilayətinin qubernatoru',
      ours: 'Bizim tərəf Şahin Mustafayev, Rəşad Həsənov, Leyla Məmmədova',
      interpreter: 'Aygün İsmayılova',
      contact: 'Tural Quliyev, Protokol xidmətinin rəhbəri',
      english: ['Shahin Mustafayev', 'Rashad Hasanov', 'Aygun Ismayilova', 'Tural Guliyev'],
    },
  ])('in $lang, the sheet and the phone card name people in the reader’s script first', async ({ lang, counterparts, ours, interpreter, contact, english }) => {
    const html = await page(`${delegationIn[lang]}/agenda/2019-06-07`);
    for (const text of [sheetRow(html, 'Aleksandr Drozdenko'), cardOf(html, DROZDENKO)]) {
      expect(text).toContain(counterparts);
      expect(text).toContain(ours);
      expect(text).toContain(interpreter);
      expect(text).toContain(contact);
      for (const e of english) expect(text).not.toContain(e);
    }
  });

  it('marks each name with the language it is in: the Russian page’s Latin spelling is lang-marked, its own is not', async () => {
    const html = await page(`${delegationIn.ru}/agenda/2019-06-07`);
    expect(html).toContain('Дрозденко А. Ю. (<span lang="az">Aleksandr Drozdenko</span>), Губернатор Ленинградской области');
    expect(await page(`${delegation}/agenda/2019-06-07`)).toContain('Aleksandr Drozdenko (<span lang="ru">Александр Дрозденко</span>), Governor of Leningrad Region');
  });

  it.each([
    { name: 'a person’s link in Russian', link: () => linkIn('person', demo().people.drozdenko!, 'ru'), heading: '<h1>Александр Юрьевич Дрозденко</h1>', title: '<title>Александр Юрьевич Дрозденко · SPIEF 2019' },
    { name: 'a person’s link in Azerbaijani', link: () => linkIn('person', demo().people.mustafayev!, 'az'), heading: '<h1>Şahin Mustafayev</h1>', title: '<title>Şahin Mustafayev · SPIEF 2019' },
    { name: 'an organization’s link in Russian', link: () => linkIn('organization', demo().organizations.leningrad!, 'ru'), heading: '<h1>Правительство Ленинградской области</h1>', title: '<title>Правительство Ленинградской области · SPIEF 2019' },
    { name: 'a delegation’s link in Azerbaijani: one language only, marked English', link: () => delegationIn.az!, heading: '<h1><span lang="en">Azerbaijan — Ministry of Economy</span></h1>', title: '<title>Azerbaijan — Ministry of Economy · SPIEF 2019' },
  ])('the secret-link page heads with the scope’s name in the reader’s language: $name', async ({ link, heading, title }) => {
    const html = await page(link());
    expect(html).toContain(heading);
    expect(html).toContain(title);
  });

  it('a person’s agenda in Russian heads with the full Russian name, on screen and on the sheet', async () => {
    const html = await page(`${linkIn('person', demo().people.drozdenko!, 'ru')}/agenda/2019-06-07`);
    expect(html).toContain('<h1>Александр Юрьевич Дрозденко</h1>');
    expect(html).toContain('<span class="sheet-scope">Александр Юрьевич Дрозденко<span class="sheet-subtitle">');
    expect(html).not.toContain('<h1>Aleksandr Drozdenko');
  });

  const FORUM = '23rd St. Petersburg International Economic Forum';
  it.each([
    { name: 'the secret-link page in Azerbaijani', url: () => delegationIn.az!, marked: true },
    { name: 'the agenda in Azerbaijani', url: () => `${delegationIn.az}/agenda/2019-06-07`, marked: true },
    { name: 'the agenda in Russian', url: () => `${delegationIn.ru}/agenda/2019-06-07`, marked: true },
    { name: 'the agenda in English', url: () => `${delegation}/agenda/2019-06-07`, marked: false },
  ])('English data (the forum’s name, titles, places, the briefing) carries lang="en" on a page in another language: $name', async ({ url, marked }) => {
    const html = await page(url());
    expect(html.includes(`<p class="eyebrow"><span lang="en">${FORUM}</span>`)).toBe(marked);
    expect(html.includes(`<span lang="en">${DROZDENKO}</span>`)).toBe(marked);
    expect(html.includes('<span lang="en">Pavilion F, bilateral meeting room F1, ExpoForum</span>')).toBe(marked);
    expect(/<div class="notes-text" lang="en">Objective: confirm/.test(html)).toBe(marked);
    if (!marked) expect(html).not.toContain('<span lang="en">');
  });

  it.each([
    { name: 'the secret-link page', url: () => delegationIn.ru!, home: 'Баку 11:00–12:00' },
    { name: 'the agenda sheet and cards', url: () => `${delegationIn.ru}/agenda/2019-06-07`, home: 'Баку 11:00–12:00' },
  ])('home-zone times name the city in Russian, never “Baku”: $name', async ({ url, home }) => {
    const html = await page(url());
    expect(textOf(html)).toContain(home);
    expect(html).not.toContain('Baku');
  });

  it('the secret-link page’s lead names the cities, not zone ids', async () => {
    const text = textOf(await page(delegationIn.ru!));
    expect(text).toContain('Время в программе: Москва, рядом — Баку.');
    expect(text).not.toContain('Europe/Moscow');
    // The Governor's home clock is the forum's: one city, not "Moscow, with Moscow beside it".
    expect(textOf(await page(linkIn('person', demo().people.drozdenko!, 'ru')))).toContain('Время в программе: Москва. ');
  });
});
