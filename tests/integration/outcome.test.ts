/**
 * The outcome report and the draft press release (issue 17) over HTTP, on the
 * SPIEF 2019 demo (which ends with the Governor's meeting, the AZPROMO
 * signing and the entrepreneurs' meeting marked held) and on an empty forum:
 * the page, its .xlsx and .docx, the release in each language, a meeting's
 * outcome quoted only once the planner marks it publishable in the meeting
 * form, and a report that follows every change (it is kept under the
 * programme's version): a cancelled signing, a meeting no longer held.
 */
import { SYSTEM_ACTOR } from '../../src/services/actor';
import type { Meeting } from '../../src/domain/types';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';
import { download, readDocx, savedFilename } from '../support/docx';
import ExcelJS from 'exceljs';
import { formFieldsOf, withFields } from '../support/html-form';
import { postForm } from '../support/meeting-forms';

let ctx: TestContext;
let planner: SignedIn;
let viewer: SignedIn;
const demo = () => ctx.demo!;
const base = () => `/forums/${demo().forumId}/outcome`;

const GOVERNOR = 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko';
const SIGNING = 'Signing of the cooperation agreement between AZPROMO and the Roscongress Foundation';
const OPENING = 'Opening of the meeting of Azerbaijani and Russian entrepreneurs';
const GAZ = 'Meeting with GAZ Group on the Hajigabul plant';
const FAIRS = 'Working meeting at the Government of Leningrad Region on joint food fairs';

beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'outcome-planner', 'planner');
  viewer = await signIn(ctx, 'outcome-viewer', 'viewer');
});
afterAll(() => ctx.close());

const meetings = (): Meeting[] => ctx.services.store.meetings.list({ forumId: demo().forumId });
const meetingTitled = (title: string) => meetings().find((m) => m.title === title)!;

const page = async (url: string, agent: SignedIn = planner) => {
  const res = await agent.get(url);
  expect(res.status).toBe(200);
  return textOf(res.text);
};
const releaseText = async (language: string) => {
  const res = await planner.get(`${base()}/press-release?language=${language}`);
  expect(res.status).toBe(200);
  const m = /<textarea id="release-text"[^>]*lang="([a-z]{2})"[^>]*>([\s\S]*?)<\/textarea>/.exec(res.text);
  expect(m).not.toBeNull();
  expect(m![1]).toBe(language);
  return m![2]!.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
};

describe('the demo as it ends', () => {
  it('counts the meetings held by kind, country, region, organization and principal', async () => {
    const text = await page(base());
    expect(text).not.toContain('No meeting is marked held yet');
    expect(text).toMatch(/Meetings held 3 /);
    expect(text).toContain('Held, by region Region Number Government of Leningrad Region 1');
    expect(text).toMatch(/Held, by the counterparts’ country Country Number Russia 3/);
    expect(text).toContain('Shahin Mustafayev, Minister of Economy, head of the delegation 2');
    expect(text).toContain('What we discussed, what we agreed');
    expect(text).toMatch(/B2B meetings held 35 Companies met at B2B meetings 24 /);
  });

  it('lists the confirmed, tentative and cancelled meetings apart, and leaves travel and briefings out', async () => {
    const text = await page(base());
    expect(text).toContain(`${GAZ} Bilateral meeting Confirmed Confirmed, not marked held`);
    expect(text).toContain(`${FAIRS} Multilateral meeting Tentative Not confirmed`);
    expect(text).not.toContain('Transfer to ExpoForum');
    expect(text).not.toContain('Morning briefing');
  });

  it('drafts the release in the style of the ministry’s news item', async () => {
    expect((await releaseText('en')).split('\n\n')).toEqual([
      'On 6–8 June 2019, the Azerbaijani delegation led by Minister of Economy Shahin Mustafayev took part in the 23rd St. Petersburg International Economic Forum (SPIEF 2019) in St. Petersburg.',
      'On 7 June, as part of the forum, Head of the Azerbaijani delegation, Minister of Economy Shahin Mustafayev met with Governor of Leningrad Region Aleksandr Drozdenko. During the meeting, the “Agreement on cooperation between the Republic of Azerbaijan and the Leningrad Region in the trade, economic, scientific, technical and cultural fields” was signed.',
      'On 7 June, as part of the forum, the “Agreement on cooperation between AZPROMO and the Roscongress Foundation” was signed by Azerbaijan Export and Investment Promotion Foundation (AZPROMO) and Roscongress Foundation.',
      'On 8 June, as part of the forum, a meeting of Azerbaijani and Russian entrepreneurs was held: 24 companies held 35 B2B meetings.',
    ]);
  });

  it.each([
    ['ru', ['7 июня в рамках форума руководитель азербайджанской делегации, министр экономики Шахин Мустафаев и губернатор Ленинградской области Александр Дрозденко провели встречу. В ходе встречи подписан документ «Соглашение о сотрудничестве между Азербайджанской Республикой и Ленинградской областью Российской Федерации в торгово-экономической, научно-технической и культурной сферах».', '8 июня в рамках форума состоялась встреча азербайджанских и российских предпринимателей: 24 компании провели 35 деловых встреч в формате B2B.']],
    ['az', ['7 iyun tarixində forum çərçivəsində Azərbaycan nümayəndə heyətinin rəhbəri, iqtisadiyyat naziri Şahin Mustafayev Leninqrad vilayətinin qubernatoru Aleksandr Drozdenko ilə görüşüb.', '8 iyun tarixində forum çərçivəsində Azərbaycan və Rusiya sahibkarlarının görüşü keçirilib: 24 şirkət arasında 35 B2B görüş baş tutub.']],
  ])('in %s, names and positions in the nominative', async (language, sentences) => {
    const text = await releaseText(language as string);
    for (const sentence of sentences) expect(text).toContain(sentence);
  });

  it('is linked from the forum’s navigation and open to a viewer', async () => {
    const res = await viewer.get(`/forums/${demo().forumId}`);
    expect(res.text).toContain(`href="${base()}"`);
    await page(base(), viewer);
    await page(`${base()}/press-release`, viewer);
  });

  it('quotes a meeting’s outcome only once the planner marks it publishable in the meeting form', async () => {
    const outcome = 'The parties agreed to hold joint food fairs in 2020.';
    const governor = meetingTitled(GOVERNOR);
    const edit = `/forums/${demo().forumId}/meetings/${governor.id}/edit`;
    const save = async (changes: Record<string, string | string[]>) => {
      const fields = formFieldsOf((await planner.get(edit)).text, { action: edit });
      const res = await postForm(planner, edit, edit, withFields(fields, { outcome, ...changes }));
      expect(res.status).toBe(303);
    };
    await save({ outcomePublic: [] });
    expect(meetingTitled(GOVERNOR).outcomePublic).toBe(false);
    expect(await releaseText('en')).not.toContain(outcome);
    expect(await page(base())).toContain(outcome);

    await save({ outcomePublic: 'on' });
    expect(meetingTitled(GOVERNOR)).toMatchObject({ outcomePublic: true, outcome });
    expect(await page(`/forums/${demo().forumId}/meetings/${governor.id}`)).toContain(`${outcome} Publishable: the draft press release quotes it.`);
    expect(await releaseText('en')).toContain(`was signed. ${outcome}`);
  });

  it('downloads the report as a workbook, a sheet per table, in the reader’s language', async () => {
    const res = await download(planner.agent, `${base()}/export.xlsx?lang=ru`);
    expect(res.status).toBe(200);
    expect(savedFilename(String(res.headers['content-disposition']))).toBe('Итоговый отчёт - SPIEF 2019.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toContain('Состоявшиеся встречи');
    const held = book.getWorksheet('Состоявшиеся встречи')!;
    const titles: unknown[] = [];
    held.eachRow((row, i) => i > 1 && titles.push(row.getCell(3).value));
    expect(titles).toEqual([GOVERNOR, SIGNING, OPENING]);
  });

  it('downloads the report as a Word document that says what the page says', async () => {
    const res = await download(planner.agent, `${base()}/report.docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const doc = await readDocx(res.body);
    expect(doc.paragraphs.slice(0, 2)).toEqual(['Outcome report', '23rd St. Petersburg International Economic Forum']);
    for (const heading of ['Meetings held', 'Agreements', 'B2B meetings', 'What we discussed, what we agreed', 'Not counted as held']) expect(doc.paragraphs).toContain(heading);
    expect(doc.text).toContain(GOVERNOR);
    expect(doc.xml).toContain('w:orient="landscape"');
  });

  it('follows a change at once: a cancelled signing leaves "held" and is listed apart', async () => {
    const signing = meetingTitled(SIGNING);
    ctx.services.meetings.update(SYSTEM_ACTOR, signing.id, signing.version, { ...toForm(signing), status: 'cancelled' });
    const text = await page(base());
    expect(text).toMatch(/Meetings held 2 /);
    expect(text).toContain(`${SIGNING} Signing ceremony Cancelled Cancelled`);
  });

  it('follows a meeting no longer held: the release names no meeting, the report says none is held once no other is', async () => {
    const governor = meetingTitled(GOVERNOR);
    ctx.services.agreements.unmarkHeld(SYSTEM_ACTOR, demo().forumId, governor.id, governor.version);
    expect(await releaseText('en')).not.toContain('met with');
    const opening = meetingTitled(OPENING);
    ctx.services.agreements.unmarkHeld(SYSTEM_ACTOR, demo().forumId, opening.id, opening.version);
    for (const m of meetings().filter((x) => x.kind === 'b2b' && x.heldAt !== null)) ctx.services.agreements.unmarkHeld(SYSTEM_ACTOR, demo().forumId, m.id, m.version);
    const text = await page(base());
    expect(text).toContain('No meeting is marked held yet');
    expect(text).toContain(`${GOVERNOR} Bilateral meeting Confirmed Confirmed, not marked held`);
    // What the register says signed stays signed, and the release says so without a meeting.
    expect((await releaseText('en')).split('\n\n')).toHaveLength(3);
  });
});

describe('an empty forum', () => {
  it('answers every page and file with a sentence that nothing is held yet', async () => {
    const forum = ctx.services.forums.create(SYSTEM_ACTOR, { name: 'Baku Energy Week', shortName: 'BEW 2026', startDate: '2026-06-02', endDate: '2026-06-04', timeZone: 'Asia/Baku', city: 'Baku' });
    const url = `/forums/${forum.id}/outcome`;
    const text = await page(url);
    expect(text).toContain('No meeting is marked held yet');
    expect(text).toContain('No agreements in the register.');
    expect(text).toContain('No B2B sessions.');
    const release = await planner.get(`${url}/press-release?language=ru`);
    expect(textOf(release.text)).toContain('2–4 июня 2026 года в городе Баку прошёл форум «Baku Energy Week» (BEW 2026).');
    for (const file of ['export.xlsx', 'report.docx']) expect((await download(planner.agent, `${url}/${file}`)).status).toBe(200);
    expect((await planner.get(`${url}?print=1`)).status).toBe(200);
  });

  it('is a 404 for a forum that does not exist', async () => {
    expect((await planner.get('/forums/999999/outcome')).status).toBe(404);
    expect((await planner.get('/forums/999999/outcome/press-release')).status).toBe(404);
  });
});

function toForm(m: Meeting): Record<string, unknown> {
  return { title: m.title, kind: m.kind, status: m.status, start: m.start, end: m.end, roomId: m.roomId, place: m.place, isPublic: m.isPublic, participants: m.participants, delegationIds: m.delegationIds, briefing: m.briefing, outcome: m.outcome, outcomePublic: m.outcomePublic, documents: m.documents.map(({ id, title, parties, signedOn }) => ({ id, title, parties, signedOn })) };
}
