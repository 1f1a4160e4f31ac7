/**
 * The programme of stay as a Word document (issue 16, "Out"): downloaded over
 * HTTP as staff and through secret links, unzipped with jszip and read from
 * word/document.xml. It says what the printed agenda says (the same meetings
 * in the same order, cancelled ones only where the agenda strikes them), in
 * the reader's language, with a title page, a heading per day and the
 * protocol contacts; names with & < > stay text.
 */
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { download, readDocx, savedFilename } from '../support/docx';
import request from 'supertest';

/** 21:15 in Moscow on the eve of 7 June, as in the agenda tests. */
const NOW = Date.UTC(2019, 5, 6, 18, 15);
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let ctx: TestContext;
let planner: SignedIn;
let viewer: SignedIn;
const demo = () => ctx.demo!;
const base = (scope: string, id: number, day = '') => `/forums/${demo().forumId}/agenda/${scope}/${id}${day ? `/${day}` : ''}`;
const docxUrl = (scope: string, id: number, day = '', lang = '') => `${base(scope, id, day)}/programme.docx${lang ? `?lang=${lang}` : ''}`;
const delegation = () => demo().delegations.azerbaijan;

beforeAll(async () => {
  ctx = createTestApp({ clock: () => NOW });
  planner = await signIn(ctx, 'docx-planner', 'planner');
  viewer = await signIn(ctx, 'docx-viewer', 'viewer');
});
afterAll(() => ctx.close());

const DROZDENKO = 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko';
const GAZ = 'Meeting with GAZ Group on the Hajigabul plant';
const FAIRS = 'Working meeting at the Government of Leningrad Region on joint food fairs';
const RECEPTION = 'Reception of the Embassy of Azerbaijan';

async function programme(url: string, agent: SignedIn = planner) {
  const res = await download(agent.agent, url);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe(DOCX);
  return { res, doc: await readDocx(res.body) };
}

/** The text between one day heading and the next (or the contacts). */
function dayChunk(text: string, heading: string, next: string): string {
  const from = text.indexOf(`\n${heading}\n`);
  expect(from).toBeGreaterThan(0);
  const to = text.indexOf(`\n${next}\n`, from + 1);
  return text.slice(from, to < 0 ? undefined : to);
}

describe('what the document says', () => {
  it.each([
    {
      name: 'delegation, all days, English',
      url: () => docxUrl('delegation', delegation()),
      says: ['Programme of stay', 'Azerbaijan — Ministry of Economy', '23rd St. Petersburg International Economic Forum', '6–8 June 2019', 'St. Petersburg', 'Times: Moscow (Baku)', 'Thursday, 6 June 2019', 'Friday, 7 June 2019', 'Saturday, 8 June 2019', DROZDENKO, GAZ, 'Contacts', 'Tural Guliyev, Head of Protocol · Protocol officer', 'Phone: +994 12 000 00 01', 'E-mail: protocol@example.az'],
      never: ['Briefing', 'To sign', 'CONFLICT', 'WARNING'],
    },
    {
      name: 'delegation, one day: only that day',
      url: () => docxUrl('delegation', delegation(), '2019-06-07'),
      says: ['Programme of stay', 'Friday, 7 June 2019', DROZDENKO, GAZ, 'Tural Guliyev'],
      never: ['Thursday, 6 June 2019', 'Saturday, 8 June 2019', 'Opening of the meeting of Azerbaijani and Russian entrepreneurs'],
    },
    {
      name: 'a person: only the meetings they attend, and their delegation under their name',
      url: () => docxUrl('person', demo().people.mustafayev!),
      says: ['Programme of stay', 'Shahin Mustafayev', 'Azerbaijan — Ministry of Economy', DROZDENKO, 'Tural Guliyev'],
      never: [GAZ],
    },
    {
      name: 'Russian (?lang=ru): the words, the weekdays and the cities in Russian',
      url: () => docxUrl('delegation', delegation(), '2019-06-07', 'ru'),
      says: ['Программа пребывания', 'пятница, 7 июня 2019', '6–8 июня 2019', 'Время: Москва (Баку)', 'Время', 'Мероприятие', 'Партнёры: Дрозденко А. Ю. (Aleksandr Drozdenko), Губернатор Ленинградской области', 'Баку 11:00–12:00', 'Контакты', 'Турал Гулиев, Руководитель протокольной службы', 'Телефон: +994 12 000 00 01'],
      never: ['Programme of stay', 'Friday', 'Counterparts', 'Contacts', 'Our side', 'Baku 11:00'],
    },
    {
      name: 'Azerbaijani (?lang=az)',
      url: () => docxUrl('person', demo().people.mustafayev!, '', 'az'),
      says: ['Səfər proqramı', '7 iyun 2019, cümə', 'Vaxt', 'Tədbir', 'Qarşı tərəf: Aleksandr Drozdenko', 'Bizim tərəf:', 'Bakı 11:00–12:00', 'Əlaqə məlumatları', 'Tural Quliyev, Protokol xidmətinin rəhbəri', 'Telefon: +994 12 000 00 01'],
      never: ['Programme of stay', 'Friday', 'Counterparts', 'Our side', 'Contacts'],
    },
  ])('$name', async ({ url, says, never }) => {
    const { doc } = await programme(url());
    for (const s of says) expect(doc.text).toContain(s);
    for (const s of never) expect(doc.text).not.toContain(s);
  });

  it('follows the reader’s language without ?lang= (Accept-Language), and keeps the document’s language for Word', async () => {
    const res = await download({ get: (u: string) => planner.agent.get(u).set('Accept-Language', 'ru') }, docxUrl('delegation', delegation(), '2019-06-07'));
    const doc = await readDocx(res.body);
    expect(doc.text).toContain('Программа пребывания');
    const styles = await (await import('jszip')).default.loadAsync(res.body).then((z) => z.file('word/styles.xml')!.async('string'));
    expect(styles).toContain('w:val="ru-RU"');
  });

  it('has the title page first, then each day under its heading, then the contacts', async () => {
    const { doc } = await programme(docxUrl('delegation', delegation()));
    const at = (s: string) => doc.paragraphs.indexOf(s);
    expect(at('Programme of stay')).toBeGreaterThanOrEqual(0);
    expect(at('Programme of stay')).toBeLessThan(at('Thursday, 6 June 2019'));
    expect(at('Thursday, 6 June 2019')).toBeLessThan(at('Friday, 7 June 2019'));
    expect(at('Friday, 7 June 2019')).toBeLessThan(at('Saturday, 8 June 2019'));
    expect(at('Saturday, 8 June 2019')).toBeLessThan(at('Contacts'));
    // Every day after the first starts on a page of its own; the title page is a section of its own.
    expect(doc.xml.match(/<w:pageBreakBefore\/>/g)?.length).toBe(2);
    expect(doc.xml.match(/<w:sectPr/g)?.length).toBe(2);
  });

  it('lists the same meetings in the same order as the printed agenda, day by day, with the same times', async () => {
    const sheet = await planner.get(base('delegation', delegation()));
    const { doc } = await programme(docxUrl('delegation', delegation()));
    const days = sheet.text.split('<table class="agenda-sheet">').slice(1);
    const headings = ['Thursday, 6 June 2019', 'Friday, 7 June 2019', 'Saturday, 8 June 2019'];
    expect(days).toHaveLength(3);
    days.forEach((html, i) => {
      const rows = [...html.matchAll(/<span class="t-forum">([^<]*)<\/span>[\s\S]*?<strong class="title">([^<]*)<\/strong>/g)].map((m) => ({ time: textOf(m[1]!), title: textOf(m[2]!) }));
      expect(rows.length).toBeGreaterThan(0);
      const chunk = dayChunk(doc.text, headings[i]!, headings[i + 1] ?? 'Contacts');
      const positions = rows.map((r) => chunk.indexOf(`${r.time}\n`) >= 0 && chunk.indexOf(r.title));
      expect(positions.every((p) => typeof p === 'number' && p >= 0)).toBe(true);
      expect([...(positions as number[])].sort((a, b) => a - b)).toEqual(positions);
    });
  });

  it('marks a tentative meeting as the agenda does', async () => {
    const { doc } = await programme(docxUrl('delegation', delegation(), '2019-06-07'));
    expect(doc.paragraphs).toContain(`TENTATIVE ${FAIRS}`);
  });

  it('gives an empty day the agenda’s words, a delegation without protocol officer a line saying so, and keeps & < > as text', async () => {
    const odd = ctx.services.delegations.create(SYSTEM_ACTOR, { forumId: demo().forumId, name: 'Trade & <Partners> "Caspian"', country: '', homeTimeZone: 'Asia/Baku', headPersonId: null });
    const { res, doc } = await programme(docxUrl('delegation', odd.id));
    expect(doc.paragraphs).toContain('Trade & <Partners> "Caspian"');
    expect(doc.xml).toContain('Trade &amp; &lt;Partners&gt;');
    expect(doc.xml).not.toContain('<Partners>');
    expect(doc.text.match(/Nothing scheduled on this day\./g)).toHaveLength(3);
    expect(doc.text).toContain('No protocol contacts are recorded for this programme.');
    // The file name drops what a file system refuses (" < > /) and keeps the rest.
    expect(savedFilename(String(res.headers['content-disposition']))).toBe('Programme of stay - Trade & _Partners_ _Caspian_ - all days.docx');
  });

  it('escapes & < > in a meeting’s title and place', async () => {
    ctx.services.meetings.create(SYSTEM_ACTOR, demo().forumId, {
      title: 'Dinner with R&D <Caspian> partners',
      kind: 'reception',
      status: 'confirmed',
      start: '2019-06-07T21:00',
      end: '2019-06-07T22:00',
      place: 'Restaurant "Palkin" & terrace',
      participants: [{ personId: demo().people.mustafayev!, role: 'principal' }],
      delegationIds: [delegation()],
    });
    const { doc } = await programme(docxUrl('delegation', delegation(), '2019-06-07'));
    expect(doc.paragraphs).toContain('Dinner with R&D <Caspian> partners');
    expect(doc.paragraphs).toContain('Restaurant "Palkin" & terrace');
    expect(doc.xml).toContain('Dinner with R&amp;D &lt;Caspian&gt; partners');
  });
});

describe('cancelled meetings, as the agenda prints them', () => {
  it('leaves out a meeting cancelled before any print, and strikes through one the last print still showed', async () => {
    const reception = () => ctx.services.meetings.list({ forumId: demo().forumId }).find((m) => m.title === RECEPTION)!;
    const gaz = () => ctx.services.meetings.list({ forumId: demo().forumId }).find((m) => m.title === GAZ)!;
    ctx.services.meetings.setStatus(SYSTEM_ACTOR, reception().id, null, 'cancelled');
    const before = await programme(docxUrl('delegation', delegation()));
    expect(before.doc.text).not.toContain(RECEPTION);

    ctx.services.agendas.markPrinted(SYSTEM_ACTOR, { forumId: demo().forumId, scope: 'delegation', scopeId: delegation() });
    ctx.services.meetings.setStatus(SYSTEM_ACTOR, gaz().id, null, 'cancelled');
    const after = await programme(docxUrl('delegation', delegation(), '2019-06-07'));
    expect(after.doc.paragraphs).toContain(`CANCELLED ${GAZ}`);
    expect(after.doc.text).not.toContain(RECEPTION);
    // The title and its times are struck through, as on the sheet.
    const run = new RegExp(`<w:r>(?:(?!</w:r>).)*<w:strike/>(?:(?!</w:r>).)*${GAZ}`, 's');
    expect(run.test(after.doc.xml)).toBe(true);
    // The agenda page says the same.
    const sheet = await planner.get(base('delegation', delegation(), '2019-06-07'));
    expect(sheet.text).toMatch(new RegExp(`status-cancelled[\\s\\S]*?${GAZ}`));
  });
});

describe('the link beside Print, the headers and who may download', () => {
  it.each([
    { name: 'delegation booklet', path: () => base('delegation', delegation()), href: () => docxUrl('delegation', delegation()) },
    { name: 'delegation day', path: () => base('delegation', delegation(), '2019-06-08'), href: () => docxUrl('delegation', delegation(), '2019-06-08') },
    { name: 'person day, in Russian', path: () => `${base('person', demo().people.mustafayev!, '2019-06-07')}?lang=ru`, href: () => docxUrl('person', demo().people.mustafayev!, '2019-06-07', 'ru') },
  ])('offers "Download .docx" on the $name page', async ({ path, href }) => {
    const page = await planner.get(path());
    expect(page.status).toBe(200);
    const link = new RegExp(`<a class="button-secondary" href="${href().replace(/[.?]/g, '\\$&')}" download>([^<]*)</a>`).exec(page.text);
    expect(link).not.toBeNull();
    expect(link![1]).toBe(path().includes('lang=ru') ? 'Скачать .docx' : 'Download .docx');
  });

  it('offers no .docx on a room’s door sheet and answers 404 for one', async () => {
    const room = demo().rooms[Object.keys(demo().rooms)[0]!]!;
    const page = await planner.get(base('room', room));
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('programme.docx');
    expect((await planner.get(docxUrl('room', room))).status).toBe(404);
  });

  it('names the file in ASCII and, by RFC 6266 filename*, in the reader’s language', async () => {
    const { res } = await programme(docxUrl('delegation', delegation(), '2019-06-07', 'ru'));
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="_-_Azerbaijan_Ministry_of_Economy_-_2019-06-07\.docx"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(savedFilename(disposition)).toBe('Программа пребывания - Azerbaijan — Ministry of Economy - 2019-06-07.docx');
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it.each([
    { name: 'a day outside the forum', url: () => docxUrl('delegation', delegation(), '2019-06-09') },
    { name: 'a date that does not exist', url: () => docxUrl('delegation', delegation(), '2019-13-45') },
    { name: 'a word for a date', url: () => docxUrl('delegation', delegation(), 'tomorrow') },
    { name: 'a delegation that does not exist', url: () => docxUrl('delegation', 999_999) },
    { name: 'an unknown scope', url: () => `/forums/${demo().forumId}/agenda/organization/1/programme.docx` },
  ])('answers 404, never a 500, for $name', async ({ url }) => {
    const res = await planner.get(url());
    expect(res.status).toBe(404);
  });

  it('lets a viewer download it, as they may read the agenda, and sends a signed-out reader to sign in', async () => {
    await programme(docxUrl('delegation', delegation()), viewer);
    const anonymous = await request(ctx.app).get(docxUrl('delegation', delegation()));
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/login/);
  });
});

describe('through a secret link', () => {
  it('offers it on a delegation’s and a person’s link, in the link’s language, and not on a room’s', async () => {
    const forumId = demo().forumId;
    const minister = ctx.services.feeds.createToken(SYSTEM_ACTOR, forumId, { scope: 'person', scopeId: demo().people.mustafayev!, label: 'Minister', locale: 'az', reminderMinutes: null });
    const agenda = await request(ctx.app).get(`/s/${minister.secret}/agenda/2019-06-07`);
    expect(agenda.status).toBe(200);
    expect(agenda.text).toContain(`href="/s/${minister.secret}/agenda/2019-06-07/programme.docx"`);
    const res = await download(request(ctx.app), `/s/${minister.secret}/agenda/2019-06-07/programme.docx`);
    expect(res.status).toBe(200);
    const doc = await readDocx(res.body);
    expect(doc.text).toContain('Səfər proqramı');
    expect(doc.text).toContain('7 iyun 2019, cümə');

    const desk = ctx.services.feeds.createToken(SYSTEM_ACTOR, forumId, { scope: 'delegation', scopeId: delegation(), label: 'Desk', locale: 'en', reminderMinutes: null });
    const booklet = await download(request(ctx.app), `/s/${desk.secret}/agenda/programme.docx?lang=ru`);
    expect(booklet.status).toBe(200);
    expect((await readDocx(booklet.body)).text).toContain('Программа пребывания');

    const room = ctx.services.feeds.createToken(SYSTEM_ACTOR, forumId, { scope: 'room', scopeId: demo().rooms[Object.keys(demo().rooms)[0]!]!, label: 'Door', locale: 'en', reminderMinutes: null });
    expect((await request(ctx.app).get(`/s/${room.secret}/agenda`)).text).not.toContain('programme.docx');
    expect((await request(ctx.app).get(`/s/${room.secret}/agenda/programme.docx`)).status).toBe(404);
  });

  it('answers 404 for a revoked link and a made-up one', async () => {
    const forumId = demo().forumId;
    const link = ctx.services.feeds.createToken(SYSTEM_ACTOR, forumId, { scope: 'delegation', scopeId: delegation(), label: 'Soon revoked', locale: 'en', reminderMinutes: null });
    ctx.services.feeds.revoke(SYSTEM_ACTOR, link.token.id);
    expect((await request(ctx.app).get(`/s/${link.secret}/agenda/programme.docx`)).status).toBe(404);
    expect((await request(ctx.app).get(`/s/${'x'.repeat(32)}/agenda/programme.docx`)).status).toBe(404);
  });
});
