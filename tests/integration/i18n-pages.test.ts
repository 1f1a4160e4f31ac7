import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { NAMED_ENTITIES } from '../../src/web/routes/admin';
import { createTestApp, csrfFrom, PASSWORD, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

/**
 * The planning and reference pages in Russian and Azerbaijani: the day grid,
 * the board, unavailability, the forum's home and travel times, the record
 * areas, the admin's pages, sign-in and the error pages. Each case names a few
 * words the page must say in the language and English words that must be gone
 * from what it shows (the parts this conversion owns; the domain's sentences,
 * such as a conflict's, are another part's).
 */
let ctx: TestContext;
let planner: SignedIn;
let admin: SignedIn;
let forum: number;

beforeAll(async () => {
  ctx = createTestApp();
  forum = ctx.demo!.forumId;
  planner = await signIn(ctx, 'i18n-planner');
  admin = await signIn(ctx, 'i18n-admin', 'admin');
});
afterAll(() => ctx.close());

type Who = 'planner' | 'admin' | 'nobody';
interface PageCase {
  name: string;
  who: Who;
  url: () => string;
  status?: number;
  ru: string[];
  az: string[];
  /** English this page showed before; none of it may be left in ru or az. */
  english: string[];
}

const firstPersonOf = () => ctx.services.people.list()[0]!.id;
const firstAuditId = () => ctx.services.audit.history('forum', forum)[0]!.id;

const pages: PageCase[] = [
  {
    name: 'the day grid by room',
    who: 'planner',
    url: () => `/forums/${forum}/grid/rooms/2019-06-07`,
    ru: ['Залы · пятница, 7 июня 2019', 'Отметить занятость зала или человека', 'Новая встреча', 'По залам', 'Условные обозначения', 'Предварительная (пунктир, штриховка)', 'Время'],
    az: ['Zallar · 7 iyun 2019, cümə', 'Zalı və ya şəxsi məşğul qeyd edin', 'Yeni görüş', 'Zallar üzrə', 'İşarələr', 'İlkin (qırıq xətt, ştrixli)'],
    english: ['Block a room or person', 'New meeting', 'By room', 'By person', 'Legend', 'All venues', 'Tentative (dashed, hatched)', 'forum time', 'Save as tentative'],
  },
  {
    name: 'the day grid by person',
    who: 'planner',
    url: () => `/forums/${forum}/grid/people/2019-06-07`,
    ru: ['Люди · пятница, 7 июня 2019', 'Делегация', 'Выбрать людей', 'Показать'],
    az: ['Şəxslər · 7 iyun 2019, cümə', 'Nümayəndə heyəti', 'Şəxsləri seçin', 'Göstərin'],
    english: ['Choose people', 'People to show', 'Unavailable (grey)', 'Show'],
  },
  {
    name: 'a day that is not a forum day',
    who: 'planner',
    url: () => `/forums/${forum}/grid/rooms/2019-07-01`,
    status: 404,
    ru: ['не день форума', 'Выберите один из его дней выше'],
    az: ['forumunun günü deyil', 'onun günlərindən birini seçin'],
    english: ['is not a day of', 'Choose one of its days above'],
  },
  {
    name: 'the availability board',
    who: 'planner',
    url: () => `/forums/${forum}/board?date=2019-06-07`,
    ru: ['Доска занятости', 'Поиск по контактам', 'Залы (не более 30)', 'Запланировать встречу здесь', 'Все дни'],
    az: ['Məşğulluq lövhəsi', 'Kontaktlarda axtarış', 'Zallar (30 zaladək)', 'Görüşü burada planlaşdırın', 'Bütün günlər'],
    english: ['Availability board', 'Search the contact book', 'Plan a meeting here', 'All days', 'List rooms', 'untick to remove'],
  },
  {
    name: 'the unavailability list',
    who: 'planner',
    url: () => `/forums/${forum}/availability`,
    ru: ['Занятость · SPIEF 2019', 'Новый период', 'Кто или что', 'Открыть день', 'Причина'],
    az: ['Məşğulluq · SPIEF 2019', 'Yeni dövr', 'Kim və ya nə', 'Günə baxın', 'Səbəb'],
    english: ['New block', 'Who or what', 'See the day', 'Reason', 'cannot be booked'],
  },
  {
    name: 'the unavailability form',
    who: 'planner',
    url: () => `/forums/${forum}/availability/new`,
    ru: ['Новый период занятости', 'Недоступно с', 'Другие люди', 'Сохранить период'],
    az: ['Yeni məşğulluq dövrü', 'Əlçatan deyil: başlanğıc', 'Digər şəxslər', 'Dövrü yadda saxlayın'],
    english: ['New unavailability block', 'Unavailable from', 'Other people', 'Save block', 'choose a person or a room'],
  },
  {
    name: 'the forum’s home',
    who: 'planner',
    url: () => `/forums/${forum}`,
    ru: ['Глава: Shahin Mustafayev', 'Время переездов между площадками', 'время: Москва'],
    az: ['Rəhbər: Shahin Mustafayev', 'Məkanlar arasında yol vaxtı', 'vaxt: Moskva'],
    english: ['Head:', 'Travel times between venues', 'home time', 'times in Moscow', 'Always open'],
  },
  {
    name: 'the travel times',
    who: 'planner',
    url: () => `/forums/${forum}/travel`,
    ru: ['Время переездов · SPIEF 2019', 'Откуда \\ Куда', 'Сохранить время переездов'],
    az: ['Yol vaxtı · SPIEF 2019', 'Haradan \\ Haraya', 'Yol vaxtını yadda saxlayın'],
    english: ['Travel times', 'From \\ To', 'Save travel times', 'door to door'],
  },
  {
    name: 'the people list',
    who: 'planner',
    url: () => '/people',
    ru: ['Люди', 'Новый контакт', 'Поиск по имени, любым алфавитом', 'Должность', 'Организация'],
    az: ['Şəxslər', 'Yeni şəxs', 'Ada görə axtarış, istənilən əlifba ilə', 'Vəzifə', 'Təşkilat'],
    english: ['New person', 'Search by name, in any script', 'Position', 'Organization'],
  },
  {
    name: 'the organizations list',
    who: 'planner',
    url: () => '/organizations',
    ru: ['Новая организация', 'Страна', 'Тип', 'Министерство'],
    az: ['Yeni təşkilat', 'Ölkə', 'Növ', 'Nazirlik'],
    english: ['New organization', 'Country', 'Kind'],
  },
  {
    name: 'the venues list',
    who: 'planner',
    url: () => `/forums/${forum}/venues`,
    ru: ['Площадки', 'Новая площадка', 'Часы работы', 'Адрес'],
    az: ['Məkanlar', 'Yeni məkan', 'İş saatları', 'Ünvan'],
    english: ['New venue', 'Opening hours', 'Address', 'Travel times'],
  },
  {
    name: 'the rooms list',
    who: 'planner',
    url: () => `/forums/${forum}/rooms`,
    ru: ['Новый зал', 'Мест', 'Переговорная'],
    az: ['Yeni zal', 'Yer sayı', 'Danışıqlar otağı'],
    english: ['New room', 'Seats', 'Meeting room'],
  },
  {
    name: 'a delegation with its members',
    who: 'planner',
    url: () => `/forums/${forum}/delegations/${ctx.services.delegations.list({ forumId: forum })[0]!.id}`,
    ru: ['Все делегации', 'Программа делегации', 'Участники', 'Добавить или сменить роль', 'Домашний часовой пояс'],
    az: ['Bütün nümayəndə heyətləri', 'Nümayəndə heyətinin proqramı', 'Üzvlər', 'Əlavə edin və ya rolu dəyişin', 'Yerli saat qurşağı'],
    english: ['All delegations', 'Delegation agenda', 'Members', 'Add or change role', 'Home time zone', 'All days'],
  },
  {
    name: 'a new room’s form',
    who: 'planner',
    url: () => `/forums/${forum}/rooms/new`,
    ru: ['Новый зал', 'Площадка', 'Сохранить', 'Отмена'],
    az: ['Yeni zal', 'Məkan', 'Yadda saxlayın', 'İmtina'],
    english: ['New room', 'Venue', 'Save', 'Cancel'],
  },
  {
    name: 'a person’s delete page',
    who: 'planner',
    url: () => `/people/${firstPersonOf()}/delete`,
    ru: ['Удалить контакт «', 'Оставить', 'Журнал изменений сохраняет'],
    az: ['kontaktlardan silinsin?', 'Saxlayın', 'Dəyişikliklər jurnalı'],
    english: ['Delete person', 'Keep it', 'The audit log keeps'],
  },
  {
    name: 'the users page',
    who: 'admin',
    url: () => '/admin/users',
    ru: ['Пользователи', 'Журнал изменений', 'Назначить роль', 'Новый пользователь', 'Планировщик', 'Активен'],
    az: ['İstifadəçilər', 'Dəyişikliklər jurnalı', 'Rolu təyin edin', 'Yeni istifadəçi', 'Planlayıcı', 'Aktiv'],
    english: ['Set role', 'Set password', 'New user', 'Create user', 'Active', 'Planner'],
  },
  {
    name: 'the audit log',
    who: 'admin',
    url: () => '/admin/audit',
    ru: ['Журнал изменений', 'Объект', 'Когда (UTC)', 'Отобрать', 'подробнее', 'создание'],
    az: ['Dəyişikliklər jurnalı', 'Obyekt', 'Nə vaxt (UTC)', 'Süzün', 'ətraflı', 'yaradılma'],
    english: ['Audit log', 'Entity', 'When (UTC)', 'Filter', 'details'],
  },
  {
    name: 'an audit entry',
    who: 'admin',
    url: () => `/admin/audit/${firstAuditId()}`,
    ru: ['Запись журнала', 'история: Форум #', 'Когда', 'Действие'],
    az: ['Jurnal qeydi', 'tarixçə: Forum #', 'Əməliyyat'],
    english: ['Audit entry', 'history of', 'Action', 'When'],
  },
  {
    name: 'the sign-in page',
    who: 'nobody',
    url: () => '/login',
    ru: ['Планировщик форума', 'Войдите, чтобы планировать', 'Имя пользователя', 'Пароль', 'Войти'],
    az: ['Forum Planlayıcısı', 'Nümayəndə heyətinin proqramını', 'İstifadəçi adı', 'Parol', 'Daxil olun'],
    english: ['Sign in to plan', 'User name', 'Password', 'Sign in'],
  },
  {
    name: 'a page that is not there',
    who: 'planner',
    url: () => '/no-such-page',
    status: 404,
    ru: ['Не найдено', 'По этому адресу страницы нет', 'На начальную страницу'],
    az: ['Tapılmadı', 'Bu ünvanda səhifə yoxdur', 'Başlanğıc səhifəyə keçin'],
    english: ['Not found', 'There is no page at this address', 'Go to the start page'],
  },
  {
    name: 'a record that is not there',
    who: 'planner',
    url: () => '/people/999999',
    status: 404,
    ru: ['Не найдено', 'На начальную страницу'],
    az: ['Tapılmadı', 'Başlanğıc səhifəyə keçin'],
    english: ['Not found', 'Go to the start page'],
  },
  {
    name: 'a secret link that opens nothing',
    who: 'nobody',
    url: () => '/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    status: 404,
    ru: ['Эта ссылка ничего не открывает', 'протокольной службе делегации'],
    az: ['Bu keçid heç nə açmır', 'protokol xidmətindən'],
    english: ['This link does not open anything', 'protocol office'],
  },
];

const fetchAs = (who: Who, url: string, header?: Record<string, string>) => {
  const agent = who === 'planner' ? planner.agent : who === 'admin' ? admin.agent : request(ctx.app);
  const req = agent.get(url);
  return header ? req.set(header) : req;
};
const withLang = (url: string, lang: string) => `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;

describe('the pages in Russian and Azerbaijani', () => {
  const cases = pages.flatMap((p) => [
    { ...p, locale: 'ru' as const, how: '?lang=ru', words: p.ru },
    { ...p, locale: 'az' as const, how: 'Accept-Language: az', words: p.az },
  ]);

  it.each(cases)('$name in $locale ($how)', async ({ who, url, status, locale, how, words, english }) => {
    const address = url();
    const res = how.startsWith('?') ? await fetchAs(who, withLang(address, locale)) : await fetchAs(who, address, { 'Accept-Language': 'az,ru;q=0.8,en;q=0.5' });
    expect(res.status).toBe(status ?? 200);
    expect(res.text).toContain(`<html lang="${locale}">`);
    const text = textOf(res.text);
    // A word may be visible text or an attribute a screen reader reads (aria-label, placeholder, an optgroup's label).
    expect(words.filter((w) => !text.includes(w) && !res.text.includes(w))).toEqual([]);
    expect(english.filter((w) => text.includes(w))).toEqual([]);
  });

  it.each(pages.map((p) => ({ name: p.name, who: p.who, url: p.url, status: p.status, english: p.english })))('$name still reads in English', async ({ who, url, status, english }) => {
    const res = await fetchAs(who, url(), { 'Accept-Language': 'en' });
    expect(res.status).toBe(status ?? 200);
    const text = textOf(res.text);
    // At least one of the English words per page is shown (some belong to states the page is not in, e.g. a filled list).
    expect(english.some((w) => text.includes(w))).toBe(true);
  });
});

describe('sentences built in the routes', () => {
  it('a saved block and the meeting inside it are said in the planner’s language', async () => {
    const leyla = ctx.demo!.people.adviser!;
    const base = `/forums/${forum}/availability`;
    const res = await planner.submit(`${base}/new`, `${base}?lang=ru`, { target: `person:${leyla}`, start: '2019-06-07T10:30', end: '2019-06-07T11:30', reason: 'Звонок в Баку' });
    expect(res.status).toBe(303);
    const list = textOf((await planner.get(`${base}?lang=ru`)).text);
    expect(list).toContain('Сохранено: Leyla Mammadova: недоступно пт, 7 июн. 10:30–11:30.');
    expect(list).toContain('1 встреча попадает в этот период: см. «Конфликты».');
  });

  it('a refused form says what to fix in the reader’s language (422)', async () => {
    const base = `/forums/${forum}/availability`;
    const res = await planner.submit(`${base}/new`, `${base}?lang=az`, { target: '', start: '2019-06-07T10:30', end: '2019-06-07T11:30' });
    expect(res.status).toBe(422);
    const text = textOf(res.text);
    expect(text).toContain('Siyahıdan şəxs və ya zal seçin.');
    expect(text).toContain('Bəzi sahələrə diqqət yetirin');
  });

  it('a created record’s notice agrees with its kind in Russian', async () => {
    const res = await planner.submit('/organizations/new', '/organizations?lang=ru', { name: 'Фонд Росконгресс', kind: 'foundation', country: 'Россия' });
    expect(res.status).toBe(303);
    const page = textOf((await planner.get(`${res.headers.location}?lang=ru`)).text);
    expect(page).toContain('Организация «Фонд Росконгресс» создана.');
    expect(page).toContain('Фонд');
  });

  it('the admin’s refusal of a day that is not a date is in Russian', async () => {
    const text = textOf((await admin.get('/admin/audit?day=7-June&lang=ru')).text);
    expect(text).toContain('Укажите день в виде ГГГГ-ММ-ДД, например 2019-06-07; «7-June» — это не дата.');
  });
});

describe('signing in keeps the language of the page', () => {
  it('posts back to ?lang= so a refusal comes back in it', async () => {
    const agent = request.agent(ctx.app);
    const page = await agent.get('/login?lang=az');
    expect(page.text).toContain('action="/login?lang=az"');
    const csrf = await csrfFrom(agent, '/login?lang=az');
    const wrong = await agent.post('/login?lang=az').type('form').send({ _csrf: csrf, username: 'i18n-planner', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('<html lang="az">');
    expect(textOf(wrong.text)).toContain('İstifadəçi adı və ya parol düzgün deyil.');
    expect(wrong.text).toContain('action="/login?lang=az"');
  });

  it('a page opened without ?lang= posts to plain /login', async () => {
    expect((await request(ctx.app).get('/login')).text).toContain('action="/login"');
  });

  it('an empty form is refused in Russian', async () => {
    const agent = request.agent(ctx.app);
    const csrf = await csrfFrom(agent, '/login?lang=ru');
    const res = await agent.post('/login?lang=ru').type('form').send({ _csrf: csrf, username: '', password: '' });
    expect(res.status).toBe(401);
    expect(textOf(res.text)).toContain('Введите имя пользователя и пароль.');
  });

  it('signing in through the Russian page still works', async () => {
    const agent = request.agent(ctx.app);
    const csrf = await csrfFrom(agent, '/login?lang=ru');
    const res = await agent.post('/login?lang=ru').type('form').send({ _csrf: csrf, username: 'i18n-planner', password: PASSWORD });
    expect(res.status).toBe(303);
  });
});

describe('the signed-in user’s language picker (POST /account/language)', () => {
  let user: SignedIn;
  const localeOf = () => ctx.services.accounts.list().find((u) => u.username === 'i18n-chooser')!.locale;
  const userId = () => ctx.services.accounts.list().find((u) => u.username === 'i18n-chooser')!.id;

  beforeAll(async () => {
    user = await signIn(ctx, 'i18n-chooser');
  });

  it('stores the choice with an audit row and answers the next page in it', async () => {
    const before = ctx.services.audit.history('user', userId()).length;
    const res = await user.submit(`/forums/${forum}/grid/rooms/2019-06-07`, '/account/language', { locale: 'ru', back: `/forums/${forum}/board` });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/forums/${forum}/board`);
    expect(localeOf()).toBe('ru');
    const rows = ctx.services.audit.history('user', userId());
    expect(rows.length).toBe(before + 1);
    expect(rows[0]).toMatchObject({ action: 'update', username: 'i18n-chooser' });
    expect((rows[0]!.after as { locale: string }).locale).toBe('ru');
    const next = await user.get(res.headers.location as string);
    expect(next.text).toContain('<html lang="ru">');
    expect(textOf(next.text)).toContain('Доска занятости');
    // Her choice beats her browser's; ?lang= beats both.
    expect((await user.get('/people').set('Accept-Language', 'az')).text).toContain('<html lang="ru">');
    expect((await user.get('/people?lang=az')).text).toContain('<html lang="az">');
  });

  it('is refused without the CSRF token (403) and changes nothing', async () => {
    const res = await user.agent.post('/account/language').type('form').send({ locale: 'az' });
    expect(res.status).toBe(403);
    expect(localeOf()).toBe('ru');
  });

  it.each([
    { name: 'a language we do not have', value: 'fr' },
    { name: 'a tag with a region', value: 'ru-RU' },
    { name: 'markup', value: '<b>ru</b>' },
    { name: 'a very long value', value: 'x'.repeat(5000) },
  ])('refuses $name with a message (422) and keeps the choice', async ({ value }) => {
    const res = await user.submit('/people', '/account/language', { locale: value });
    expect(res.status).toBe(422);
    expect(res.text).not.toContain('<b>ru</b>');
    // The page is in the user's language: its title says what to check.
    expect(textOf(res.text)).toContain('Проверьте введённые данные');
    expect(localeOf()).toBe('ru');
  });

  it('an empty value goes back to the browser’s language', async () => {
    const res = await user.submit('/people', '/account/language', { locale: '' });
    expect(res.status).toBe(303);
    expect(localeOf()).toBeNull();
    expect((await user.get('/people').set('Accept-Language', 'az')).text).toContain('<html lang="az">');
  });
});

describe('lists sorted in the reader’s alphabet', () => {
  const names = ['Gb Sortcase', 'Ğa Sortcase', 'Cc Sortcase', 'Çb Sortcase', 'Adams Sortcase', 'Дрозденко Sortcase', 'Ec Sortcase', 'Əa Sortcase', 'Fa Sortcase'];

  beforeAll(() => {
    for (const fullName of names) ctx.services.people.create(SYSTEM_ACTOR, { fullName });
    for (const fullName of names) ctx.services.organizations.create(SYSTEM_ACTOR, { name: fullName.replace('Sortcase', 'Sortorg'), kind: 'company' });
  });

  // A name with no spelling in the page's language is the English one, marked with its lang (<span lang="en">).
  const order = (html: string, word: string) => [...html.matchAll(new RegExp(`>(?:<span lang="\\w+">)?([^<>]+ ${word})(?:</span>)?</a>`, 'g'))].map((m) => m[1]!.replace(` ${word}`, ''));

  it.each([
    { name: 'Azerbaijani: Ç after C, Ə after E, Ğ after G', lang: 'az', expected: ['Adams', 'Cc', 'Çb', 'Ec', 'Əa', 'Fa', 'Gb', 'Ğa', 'Дрозденко'] },
    { name: 'Russian: Cyrillic before Latin', lang: 'ru', expected: ['Дрозденко', 'Adams', 'Çb', 'Cc', 'Ec', 'Əa', 'Fa', 'Ğa', 'Gb'] },
    { name: 'English: Latin first, Ç and Ğ with C and G', lang: 'en', expected: ['Adams', 'Çb', 'Cc', 'Ec', 'Əa', 'Fa', 'Ğa', 'Gb', 'Дрозденко'] },
  ])('$name', async ({ lang, expected }) => {
    const people = await planner.get(`/people?q=sortcase&lang=${lang}`);
    expect(order(people.text, 'Sortcase')).toEqual(expected);
    const organizations = await planner.get(`/organizations?q=sortorg&lang=${lang}`);
    expect(order(organizations.text, 'Sortorg')).toEqual(expected);
    // Descending is the same alphabet read backwards.
    const down = await planner.get(`/people?q=sortcase&sort=name&dir=desc&lang=${lang}`);
    expect(order(down.text, 'Sortcase')).toEqual([...expected].reverse());
  });

  it('the unavailability form offers other people in the reader’s alphabet', async () => {
    const form = await planner.get(`/forums/${forum}/availability/new?lang=az`);
    const offered = [...form.text.matchAll(/<option value="person:\d+" >([^<]+ Sortcase)<\/option>/g)].map((m) => m[1]!.replace(' Sortcase', ''));
    expect(offered).toEqual(['Adams', 'Cc', 'Çb', 'Ec', 'Əa', 'Fa', 'Gb', 'Ğa', 'Дрозденко']);
  });
});

describe('the audit log names every entity the services write', () => {
  it('has a catalogue name for each `entity:` in src', () => {
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const written = new Set(walk(path.join(__dirname, '..', '..', 'src')).flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/\bentity: '([a-z_0-9]+)'/g)].map((m) => m[1]!)));
    expect(written.size).toBeGreaterThan(10);
    expect([...written].filter((e) => !NAMED_ENTITIES.has(e))).toEqual([]);
  });
});

describe('the grid’s drag panel hears the planner’s language', () => {
  it('a drop’s notice is in Russian, and a refused drop still names its fields', async () => {
    const meeting = ctx.services.meetings.list({ forumId: forum }).find((m) => m.title.startsWith('Press approach'))!;
    const url = `/forums/${forum}/meetings/${meeting.id}/drop`;
    const headers = { accept: 'application/json', 'Accept-Language': 'ru' };
    const refused = await planner.json('post', url, { start: '2019-06-07T11:40', end: '2019-06-07T11:20', version: meeting.version }, headers);
    expect(refused.status).toBe(422);
    // The field messages are the domain's (their Russian is another part's); they come as the panel shows them.
    expect(Object.keys(refused.body.fields ?? {})).not.toEqual([]);
    expect(typeof refused.body.error).toBe('string');
    const res = await planner.json('post', url, { start: '2019-06-07T11:40', end: '2019-06-07T12:00', version: meeting.version }, headers);
    expect(res.status).toBe(200);
    expect(res.body.notice).toBe(`Встреча «${meeting.title}» перенесена на 2019-06-07 11:40–12:00.`);
    const grid = textOf((await planner.get(`/forums/${forum}/grid/rooms/2019-06-07`).set('Accept-Language', 'ru')).text);
    expect(grid).toContain(`Встреча «${meeting.title}» перенесена на 2019-06-07 11:40–12:00.`);
  });
});
