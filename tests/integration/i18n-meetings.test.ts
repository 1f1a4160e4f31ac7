/**
 * The meeting pages in the reader's language: the list, a meeting, the form,
 * the cancel and move pages, find-a-time and the conflicts page, in Russian and
 * Azerbaijani, with the English of the converted parts gone; route-built
 * notices and refusals in Russian; the form's errors in the reader's language;
 * and the list's people sorted the reader's way.
 */
import { ValidationError } from '../../src/domain/errors';
import { render } from '../../src/messages';
import { LOCALES, translate } from '../../src/messages/catalogue';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { createFixtureForum, DAY1, type FixtureForum } from '../support/meeting-fixture';

let ctx: TestContext;
let planner: SignedIn;
let fx: FixtureForum;

beforeAll(async () => {
  ctx = createTestApp();
  fx = createFixtureForum(ctx.services);
  planner = await signIn(ctx, 'polyglot', 'planner');
});
afterAll(() => ctx.close());

const forumBase = () => `/forums/${fx.forumId}`;
const plant = () => fx.meetings['Plant follow-up']!;
const withLang = (url: string, lang: string) => `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;

interface PageCase {
  page: string;
  url: () => string;
  /** Words the page shows in each language. */
  said: Record<'en' | 'ru' | 'az', string[]>;
}

/** The English a converted page must no longer show in Russian or Azerbaijani (the page's own words, not names or the domain's labels). */
const ENGLISH: Record<string, string[]> = {
  'the meetings list': ['All days', 'Any status', 'Apply to selected', 'times in', 'Search title, place, people', 'Showing 1–8 of 8', 'With the selected meetings'],
  'a meeting': ['When and where', 'Download .ics', 'Duplicate', 'Meetings of', 'Participants', 'Cancel meeting', 'Keeps the length'],
  'the new-meeting form': ['Add another participant', 'Documents to sign', 'Briefing notes', 'Or duration', 'Find a person', '— no room (use Place) —', '(100 seats)'],
  'the edit form': ['Change only the start and the meeting keeps its length.', 'Save as tentative', 'Role of participant 1'],
  'the cancel confirmation': ['This will update', 'Cancel the meeting', 'No subscribed calendar'],
  'the move page': ['New start', 'Next free slot', 'back to the meeting'],
  'find a time': ['Search the contact book', 'Any room of this forum', 'Slots to show', 'Plan this', 'Length (minutes)', 'First day'],
  'the conflicts page': ['By day and kind', 'worth a look before confirming', 'Every conflict', 'All days', 'Find a time'],
};

const CASES: PageCase[] = [
  {
    page: 'the meetings list',
    url: () => `${forumBase()}/meetings`,
    said: {
      en: ['All days', 'Showing 1–8 of 8', '8 meetings · times in Moscow', 'Monday, 10 June 2019'],
      ru: ['Встречи · FIX', 'Все дни', 'Показаны 1–8 из 8', '8 встреч · время: Москва', 'понедельник, 10 июня 2019', 'Применить к выбранным', 'предупреждение'],
      az: ['Görüşlər · FIX', 'Bütün günlər', '8 görüş · vaxt: Moskva', '10 iyun 2019', 'Seçilmişlərə tətbiq edin', 'xəbərdarlıq'],
    },
  },
  {
    page: 'a meeting',
    url: () => `${forumBase()}/meetings/${plant()}`,
    said: {
      en: ['When and where', 'Download .ics', '1 warning'],
      ru: ['Когда и где', 'Скачать .ics', 'Дублировать', '1 предупреждение', 'Участники', 'Отменить встречу', 'Перенести', 'Ближайшее свободное время', 'Продолжительность сохраняется (1 ч)'],
      az: ['Nə vaxt və harada', '.ics yükləyin', 'Surətini çıxarın', '1 xəbərdarlıq', 'İştirakçılar', 'Görüşü ləğv edin', 'Növbəti boş vaxt', 'Müddət saxlanılır (1 saat)'],
    },
  },
  {
    page: 'the new-meeting form',
    url: () => `${forumBase()}/meetings/new`,
    said: {
      en: ['New meeting', 'Add another participant', '1 h 30 min'],
      ru: ['Новая встреча', 'Добавить участника', 'Документы к подписанию', 'Или продолжительность', '1 ч 30 мин', 'Hall 1 (мест: 100)', '— без зала (укажите место) —', 'Сохранить'],
      az: ['Yeni görüş', 'Daha bir iştirakçı əlavə edin', 'İmzalanacaq sənədlər', 'Və ya müddət', '1 saat 30 dəq', 'Hall 1 (100 yer)', 'Saxlayın'],
    },
  },
  {
    page: 'the edit form',
    url: () => `${forumBase()}/meetings/${plant()}/edit`,
    said: {
      en: ['Edit meeting', 'Change only the start and the meeting keeps its length.'],
      ru: ['Изменение встречи', 'Если изменить только начало, продолжительность встречи сохранится.', 'Роль участника 1'],
      az: ['Görüşün redaktəsi', 'Yalnız başlanğıcı dəyişsəniz, görüşün müddəti saxlanılır.', 'İştirakçı 1: rol'],
    },
  },
  {
    page: 'the cancel confirmation',
    url: () => `${forumBase()}/meetings/${plant()}/cancel`,
    said: {
      en: ['Cancel “Plant follow-up”?', 'No subscribed calendar shows this meeting yet'],
      ru: ['Отменить «Plant follow-up»?', 'Ни один подписанный календарь пока не показывает эту встречу', 'Отменить встречу'],
      az: ['“Plant follow-up” ləğv edilsin?', 'Hələ heç bir abunə olunmuş təqvim bu görüşü göstərmir', 'Görüşü ləğv edin'],
    },
  },
  {
    page: 'the move page',
    url: () => `${forumBase()}/meetings/${plant()}/move`,
    said: {
      en: ['Move “Plant follow-up”', 'Now 2019-06-10 14:00–15:00 (Europe/Moscow)'],
      ru: ['Перенос «Plant follow-up»', 'Сейчас 2019-06-10 14:00–15:00 (Europe/Moscow)', 'Новое начало', '−15 мин'],
      az: ['“Plant follow-up” görüşünün köçürülməsi', 'İndi 2019-06-10 14:00–15:00 (Europe/Moscow)', 'Yeni başlanğıc', '−15 dəq'],
    },
  },
  {
    page: 'find a time',
    url: () => `${forumBase()}/find-time?person=${fx.people.minister}&from=${DAY1}&to=${DAY1}&duration=30&find=1`,
    said: {
      en: ['Search the contact book', 'Plan this'],
      ru: ['Подобрать время', 'Поиск в списке контактов', 'Любой зал этого форума', 'Сколько вариантов показать', 'Запланировать', 'Не более 14 дней.', '10 вариантов'],
      az: ['Vaxt seçin', 'Əlaqələr siyahısında axtarış', 'Bu forumun istənilən zalı', 'Göstəriləcək variantlar', 'Planlaşdırın', 'Ən çoxu 14 gün.', '10 variant'],
    },
  },
  {
    page: 'the conflicts page',
    url: () => `${forumBase()}/conflicts`,
    said: {
      en: ['By day and kind', 'worth a look before confirming'],
      ru: ['Конфликты · FIX', 'По дням и типам', 'стоит проверить до подтверждения', 'Все конфликты', 'Все дни', 'Подобрать время', 'понедельник, 10 июня 2019'],
      az: ['Ziddiyyətlər · FIX', 'Günlər və növlər üzrə', 'təsdiqləmədən əvvəl baxmağa dəyər', 'Bütün ziddiyyətlər', 'Bütün günlər', 'Vaxt seçin', '10 iyun 2019, bazar ertəsi'],
    },
  },
];

describe.each(CASES)('$page', ({ page, url, said }) => {
  it.each(['ru', 'az'] as const)('reads in %s, the English of its own words gone', async (lang) => {
    const res = await planner.get(withLang(url(), lang));
    expect(res.status).toBe(200);
    expect(res.text).toContain(`<html lang="${lang}">`);
    const text = textOf(res.text);
    for (const words of said[lang]) expect(text).toContain(words);
    for (const english of ENGLISH[page]!) expect(text).not.toContain(english);
  });

  it('stays in English for an English reader', async () => {
    const text = textOf((await planner.get(url())).text);
    for (const words of said.en) expect(text).toContain(words);
  });
});

it('follows the browser’s Accept-Language when the address does not say', async () => {
  const res = await planner.get(`${forumBase()}/meetings`).set('Accept-Language', 'ru-RU,ru;q=0.9,en;q=0.5');
  expect(res.text).toContain('<html lang="ru">');
  expect(textOf(res.text)).toContain('Применить к выбранным');
});

describe('the form’s errors in the reader’s language', () => {
  it('a refused new meeting comes back in Russian: headline, labels, and each field’s message as the domain says it in Russian', async () => {
    const fields = { title: '', kind: 'bilateral', status: 'tentative', start: `${DAY1}T10:00`, end: `${DAY1}T11:00` };
    const res = await planner.submit(`${forumBase()}/meetings/new`, `${forumBase()}/meetings?lang=ru`, fields);
    expect(res.status).toBe(422);
    const text = textOf(res.text);
    expect(text).toContain('Некоторые поля требуют внимания: см. сообщения рядом с ними.');
    expect(text).toContain('Название *');
    expect(text).not.toContain('Some fields need attention');
    // What the service refuses, rendered in Russian (the domain's own sentence, whatever its translation says).
    let refusal: ValidationError | undefined;
    try {
      ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, fields);
    } catch (err) {
      refusal = err as ValidationError;
    }
    expect(refusal).toBeInstanceOf(ValidationError);
    const titleError = /<p class="error-text" id="f-title-err">([^<]+)<\/p>/.exec(res.text);
    expect(textOf(titleError![1]!)).toBe(render(refusal!.fieldMessages.title!, 'ru'));
  });

  it('the form’s steps without JavaScript (search, add a row) come back in Azerbaijani', async () => {
    const url = `${forumBase()}/meetings/new`;
    const none = textOf((await planner.submit(url, `${url.replace('/new', '')}?lang=az`, { title: 'x', formStep: 'search', personSearch: 'zzzq' })).text);
    expect(none).toContain('“zzzq” üzrə heç kim tapılmadı.');
    const many = (await planner.submit(url, `${url.replace('/new', '')}?lang=az`, { title: 'x', formStep: 'add-row' })).text;
    expect(textOf(many)).toContain('İştirakçı 2: rol');
    expect(many).not.toContain('Role of participant');
  });

  it.each([
    { name: 'a day that is not a date, on the list', url: () => `${forumBase()}/meetings?day=10.06&lang=ru`, status: 200, says: '«10.06» — не дата, поэтому показаны встречи всех дней.' },
    { name: 'a page size out of range', url: () => `${forumBase()}/meetings?limit=900&lang=ru`, status: 400, says: 'На странице может быть от 1 до 200 строк: «900» — не размер страницы.' },
    { name: 'a page link edited by hand', url: () => `${forumBase()}/meetings?cursor=abc&lang=az`, status: 400, says: 'Bu səhifə keçidi bu siyahı üçün keçərli deyil' },
    { name: 'a conflict kind that does not exist', url: () => `${forumBase()}/conflicts?kind=nope&lang=ru`, status: 400, says: '«nope» — не тип конфликта: выберите тип из сводки.' },
    { name: 'a conflicts day that is not a day', url: () => `${forumBase()}/conflicts?day=someday&lang=az`, status: 400, says: '“someday” gün deyil: xülasədən gün seçin.' },
  ])('refuses $name in the reader’s language', async ({ url, status, says }) => {
    const res = await planner.get(url());
    expect(res.status).toBe(status);
    expect(textOf(res.text)).toContain(says);
  });

  it('keeps the API’s refusals in English whatever the browser asks for', async () => {
    const res = await planner.get(`/api/v1/forums/${fx.forumId}/meetings?limit=5000`).set('Accept-Language', 'ru');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('A page shows from 1 to');
  });
});

describe('notices after an action, in the reader’s language', () => {
  it('says a status change and its warning in Russian', async () => {
    const url = `${forumBase()}/meetings/${plant()}`;
    const version = ctx.services.meetings.get(plant()).version;
    const res = await planner.submit(url, `${url}/status?lang=ru`, { action: 'confirm', version });
    expect(res.status).toBe(303);
    const html = (await planner.get(`${url}?lang=ru`)).text;
    const text = textOf(html);
    expect(text).toContain('Встреча «Plant follow-up» подтверждена.');
    expect(text).toContain('У неё 1 предупреждение: см. «Конфликты» ниже.');
    expect(text).toContain('Отменить');
    // The notice's Undo, in Russian too.
    const undo = /<form method="post" action="([^"]+)" class="flash-undo">.*?name="from" value="(\d+)".*?name="to" value="(\d+)".*?name="back" value="([^"]+)"/s.exec(html);
    expect(undo).not.toBeNull();
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await planner.get(url)).text)![1]!;
    const undone = await planner.agent.post(`${undo![1]}?lang=ru`).type('form').send({ _csrf: csrf, from: undo![2], to: undo![3], back: undo![4] });
    expect(undone.status).toBe(303);
    expect(textOf((await planner.get(`${url}?lang=ru`)).text)).toContain('Отменено: встреча «Plant follow-up» возвращена в прежнее состояние.');
    expect(ctx.services.meetings.get(plant()).status).toBe('tentative');
  });

  it('says in Russian that an all-or-nothing bulk edit changed nothing, and why', async () => {
    const [a, b] = ['Delegation briefing', 'Investment panel'].map((t) => fx.meetings[t]!);
    const selection = [`${a}:${ctx.services.meetings.get(a!).version}`, `${b}:${ctx.services.meetings.get(b!).version + 5}`];
    const list = `${forumBase()}/meetings`;
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await planner.get(list)).text)![1]!;
    const res = await planner.agent.post(`${list}/bulk?lang=ru`).type('form').send({ _csrf: csrf, meeting: selection, action: 'tentative', mode: 'all', back: list });
    expect(res.status).toBe(409);
    const text = textOf(res.text);
    expect(text).toContain('Групповое изменение: предварительный статус');
    expect(text).toContain('Ничего не изменено. Вы выбрали «всё или ничего», а 1 встречу не удалось сделать предварительными;');
    expect(text).toContain('Были бы сделаны предварительными');
    expect(text).toContain('Сделать предварительными остальные 1 встречу');
    expect(ctx.services.meetings.get(a!).status).toBe('confirmed');
    expect(text).not.toContain('Nothing was changed');
  });

  it('gives the bulk confirmation and result in Azerbaijani', async () => {
    const ids = ['Talks with the Governor', 'Signing of the roadmap'].map((t) => fx.meetings[t]!);
    const selection = ids.map((id) => `${id}:${ctx.services.meetings.get(id).version}`);
    const list = `${forumBase()}/meetings`;
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await planner.get(list)).text)![1]!;
    const ask = await planner.agent.post(`${list}/bulk?lang=az`).type('form').send({ _csrf: csrf, meeting: selection, action: 'move', minutes: '15', mode: 'all', back: list });
    expect(ask.status).toBe(200);
    const asked = textOf(ask.text);
    expect(asked).toContain('2 görüş köçürülsün?');
    expect(asked).toContain('2 görüşü köçürün');
    expect(asked).toContain('Hər görüş müddəti saxlanılmaqla köçürülür: +15 dəq');
    expect(asked).not.toContain('Each meeting moves by');
    const done = await planner.agent.post(`${list}/bulk?lang=az`).type('form').send({ _csrf: csrf, meeting: selection, action: 'move', minutes: '15', mode: 'all', back: list, confirmed: 'yes' });
    const result = textOf(done.text);
    expect(result).toContain('Toplu dəyişiklik: köçürmə');
    expect(result).toContain('2 görüş köçürüldü.');
    expect(result).toContain('Geri qaytarın');
  });
});

describe('the route-built words exist in every language', () => {
  // Keys the routes build from an action's name (ui.meetings.status.<action>, ui.meetings.done.<what>): each must be in every catalogue.
  const BUILT = [...['confirm', 'tentative', 'cancel', 'reinstate'].map((a) => `ui.meetings.status.${a}`), ...['created', 'saved', 'move', 'confirm', 'tentative', 'cancel', 'reinstate'].map((d) => `ui.meetings.done.${d}`)];
  it.each(LOCALES.flatMap((locale) => BUILT.map((key) => ({ locale, key }))))('$key in $locale', ({ locale, key }) => {
    const said = translate(locale, key, { title: 'T', range: 'R' });
    expect(said).not.toBe('');
    if (locale !== 'en') expect(said).not.toBe(translate('en', key, { title: 'T', range: 'R' }));
  });
});

describe('people sorted in the reader’s language', () => {
  beforeAll(() => {
    for (const fullName of ['Şamil Sortov', 'Sevda Sortova']) ctx.services.people.create(SYSTEM_ACTOR, { fullName, position: '' });
  });
  const order = async (lang: string) => {
    const html = (await planner.get(withLang(`${forumBase()}/meetings/new`, lang))).text;
    const labels = [...html.matchAll(/<option value="\d+" data-search="[^"]*" data-role="[^"]*">([^<]+)<\/option>/g)].map((m) => m[1]!);
    return labels.filter((l) => l.includes('Sortov'));
  };
  it.each([
    { lang: 'en', expected: ['Şamil Sortov', 'Sevda Sortova'] },
    { lang: 'ru', expected: ['Şamil Sortov', 'Sevda Sortova'] },
    { lang: 'az', expected: ['Sevda Sortova', 'Şamil Sortov'] },
  ])('in $lang: $expected', async ({ lang, expected }) => {
    expect(await order(lang)).toEqual(expected);
  });
});
