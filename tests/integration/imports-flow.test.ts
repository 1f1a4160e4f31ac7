import fc from 'fast-check';
import { createTestApp, signIn, textOf, type SignedIn, type TestContext } from '../support/app';

/** The import pages end to end over real HTTP and SQLite: upload → map → preview → confirm (issue 16). */
let ctx: TestContext;
let planner: SignedIn;

beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'imp-planner', 'planner');
});
afterAll(() => ctx.close());

const PEOPLE_CSV = [
  'ID;Фамилия;Имя;Organization;E-mail;Position',
  'P-1;Əliyeva;Ləman;SOCAR Polymer;leman.aliyeva@example.az;Deputy Director',
  'P-2;Mammadov;Rauf;;rauf@example.az;Adviser',
  'P-3;Hasanov;Elnur;AZPROMO ;elnur@example.az;Analyst',
].join('\n');

async function upload(agent: SignedIn, kind: string, body: Buffer | string, fileName: string, token?: string) {
  const page = await agent.get(`/imports?kind=${kind}`);
  const csrf = token ?? /name="_csrf" value="([^"]+)"/.exec(page.text)![1]!;
  return agent.agent.post('/imports/upload').field('_csrf', csrf).field('kind', kind).attach('file', Buffer.from(body), fileName);
}

async function batchOf(res: { status: number; headers: Record<string, string> }): Promise<number> {
  expect(res.status).toBe(303);
  return Number(/\/imports\/(\d+)\/map/.exec(res.headers.location!)![1]);
}

/** Confirms, and follows the redirect to the result page as a browser does (POST, redirect, GET). */
async function confirm(agent: SignedIn, id: number) {
  const posted = await agent.submit(`/imports/${id}/preview`, `/imports/${id}/confirm`, {});
  if (posted.status !== 303) return posted;
  expect(posted.headers.location).toBe(`/imports/${id}/result`);
  return agent.get(posted.headers.location!);
}

function counts() {
  const db = ctx.services.store.db;
  return {
    people: db.prepare('SELECT count(*) AS n FROM person').get() as { n: number },
    audit: db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number },
  };
}

describe('importing people from a CSV', () => {
  let firstBatch = 0;
  const before = () => ({ people: counts().people.n, audit: counts().audit.n });
  let start: ReturnType<typeof before>;

  it('guesses the columns from headers in three languages and keeps nothing before confirming', async () => {
    start = before();
    firstBatch = await batchOf(await upload(planner, 'people', PEOPLE_CSV, 'people.csv'));
    const map = await planner.get(`/imports/${firstBatch}/map`);
    expect(map.status).toBe(200);
    expect(map.text).toMatch(/<option value="surname" selected>/);
    expect(map.text).toMatch(/<option value="externalId" selected>/);
    const preview = await planner.get(`/imports/${firstBatch}/preview`);
    expect(preview.status).toBe(200);
    const text = textOf(preview.text);
    expect(text).toContain('2 new');
    expect(text).toContain('1 error');
    expect(text).toContain('row 4: ‘Elnur Hasanov’ — organization ‘AZPROMO’ not found; did you mean ‘Azerbaijan Export and Investment Promotion Foundation (AZPROMO)’?');
    expect(text).toContain('ID P-1');
    expect(before()).toEqual(start);
  });

  it('writes the accepted rows with their audit rows on confirm, and leaves the error row out', async () => {
    const res = await confirm(planner, firstBatch);
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain('2 created, 0 updated, 0 unchanged, 1 left out.');
    const after = before();
    expect(after.people).toBe(start.people + 2);
    expect(after.audit).toBe(start.audit + 2);
    expect(ctx.services.people.list().some((p) => p.fullName === 'Elnur Hasanov')).toBe(false);
    const leman = ctx.services.people.list().find((p) => p.email === 'leman.aliyeva@example.az')!;
    expect(leman.fullName).toBe('Ləman Əliyeva');
    expect(leman.organizationId).not.toBeNull();
  });

  it('refuses a second confirm of the same upload without writing again', async () => {
    const was = before();
    const res = await confirm(planner, firstBatch);
    expect(res.status).toBe(422);
    expect(before()).toEqual(was);
  });

  it('reloads the result page as often as asked, saying the same and writing nothing', async () => {
    const was = before();
    const changes = () => ctx.services.store.db.prepare('SELECT total_changes()').pluck().get() as number;
    const written = changes();
    for (let i = 0; i < 3; i++) {
      const res = await planner.get(`/imports/${firstBatch}/result`);
      expect(res.status).toBe(200);
      expect(textOf(res.text)).toContain('2 created, 0 updated, 0 unchanged, 1 left out.');
      expect(textOf(res.text)).toContain('row 4: ‘Elnur Hasanov’ — organization ‘AZPROMO’ not found');
    }
    expect(before()).toEqual(was);
    expect(changes()).toBe(written);
    // The steps before it lead there once the upload is confirmed.
    expect((await planner.get(`/imports/${firstBatch}/map`)).headers.location).toBe(`/imports/${firstBatch}/result`);
  });

  it('changes nothing when the same file is imported again', async () => {
    const was = before();
    const id = await batchOf(await upload(planner, 'people', PEOPLE_CSV, 'people.csv'));
    const preview = textOf((await planner.get(`/imports/${id}/preview`)).text);
    expect(preview).toContain('2 unchanged');
    expect(preview).toContain('0 new');
    const res = await confirm(planner, id);
    expect(textOf(res.text)).toContain('0 created, 0 updated, 2 unchanged');
    expect(before()).toEqual(was);
  });

  it('updates the matched record from an edited file, by its ID even when the email changed', async () => {
    const was = before();
    const edited = PEOPLE_CSV.replace('rauf@example.az;Adviser', 'rauf.mammadov@example.az;Senior adviser');
    const id = await batchOf(await upload(planner, 'people', edited, 'people.csv'));
    const preview = textOf((await planner.get(`/imports/${id}/preview`)).text);
    expect(preview).toContain('1 update');
    expect(preview).toMatch(/Changes: .*Email/i);
    await confirm(planner, id);
    const rauf = ctx.services.people.list().filter((p) => p.fullName === 'Rauf Mammadov');
    expect(rauf).toHaveLength(1);
    expect(rauf[0]!).toMatchObject({ email: 'rauf.mammadov@example.az', position: 'Senior adviser' });
    expect(before()).toEqual({ people: was.people, audit: was.audit + 1 });
  });
});

describe('the mapping step', () => {
  it.each([
    { name: 'a field chosen for two columns', fields: { column1: 'surname', column2: 'surname' }, says: /fills the same field as/ },
    { name: 'a field the kind does not have', fields: { column1: 'title' }, says: /choose a field from the list/ },
  ])('refuses $name with a message beside the column, keeping the choices', async ({ fields, says }) => {
    const id = await batchOf(await upload(planner, 'people', PEOPLE_CSV, 'people.csv'));
    const res = await planner.submit(`/imports/${id}/map`, `/imports/${id}/map`, fields);
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toMatch(says);
  });

  it('a fixed mapping changes the preview: a required field left out makes every row an error', async () => {
    const id = await batchOf(await upload(planner, 'people', 'Code;Who\nX-1;Nobody Known\n', 'who.csv'));
    let preview = textOf((await planner.get(`/imports/${id}/preview`)).text);
    expect(preview).toContain('No column fills');
    const res = await planner.submit(`/imports/${id}/map`, `/imports/${id}/map`, { column0: 'externalId', column1: 'fullName' });
    expect(res.status).toBe(303);
    preview = textOf((await planner.get(`/imports/${id}/preview`)).text);
    expect(preview).toContain('1 new');
  });
});

describe('refusals', () => {
  it.each([
    { name: 'a file over 5 MB', body: Buffer.alloc(5 * 1024 * 1024 + 100_000, 'a'), file: 'big.csv', says: /larger than 5 MB/ },
    { name: 'an empty file', body: Buffer.alloc(0), file: 'empty.csv', says: /Choose a file/ },
    { name: 'an old .xls renamed .csv', body: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), file: 'old.csv', says: /./ },
  ])('$name is refused on the upload page with a message (422)', async ({ body, file, says }) => {
    const res = await upload(planner, 'people', body, file);
    expect(res.status).toBe(422);
    expect(res.text).toContain('class="alert alert-error"');
    expect(textOf(res.text)).toMatch(says);
  });

  it('refuses an upload without the CSRF token', async () => {
    const res = await upload(planner, 'people', PEOPLE_CSV, 'p.csv', 'not-the-token');
    expect(res.status).toBe(403);
  });

  it('refuses a viewer the pages and the confirm, and hides one user’s upload from another', async () => {
    const id = await batchOf(await upload(planner, 'people', PEOPLE_CSV, 'people.csv'));
    const viewer = await signIn(ctx, 'imp-viewer', 'viewer');
    expect((await viewer.get('/imports')).status).toBe(403);
    expect((await viewer.get(`/imports/${id}/preview`)).status).toBe(403);
    const other = await signIn(ctx, 'imp-other', 'planner');
    expect((await other.get(`/imports/${id}/preview`)).status).toBe(404);
    const was = counts().people.n;
    expect((await other.submit('/imports', `/imports/${id}/confirm`, {})).status).toBe(404);
    expect(counts().people.n).toBe(was);
  });

  it('multipart stays unread everywhere but the upload (its token is not seen: 403, nothing written)', async () => {
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await planner.get('/people/new')).text)![1]!;
    const res = await planner.agent.post('/people').field('_csrf', csrf).field('fullName', 'Multi Part');
    expect(res.status).toBe(403);
    expect(ctx.services.people.list().some((p) => p.fullName === 'Multi Part')).toBe(false);
  });

  it('fuzzed uploads never give a 500 and never write before confirming', async () => {
    const was = counts();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.constantFrom('a.csv', 'a.xlsx', 'a.txt', 'a'), async (bytes, name) => {
        const res = await upload(planner, 'people', Buffer.from(bytes), name);
        expect([303, 422]).toContain(res.status);
      }),
      { numRuns: 25 },
    );
    expect(counts()).toEqual(was);
  });
});

describe('languages', () => {
  it('shows the upload page and the preview’s reasons in Russian', async () => {
    const page = await planner.get('/imports?lang=ru');
    expect(textOf(page.text)).toContain('Импорт из таблицы');
    expect(textOf(page.text)).not.toContain('Import from a spreadsheet');
    const id = await batchOf(await upload(planner, 'people', PEOPLE_CSV, 'people.csv'));
    const preview = textOf((await planner.get(`/imports/${id}/preview?lang=ru`)).text);
    expect(preview).toMatch(/строка 4: «Elnur Hasanov» — организация «AZPROMO» не найдена; может быть, «Azerbaijan Export/);
  });

  it('shows the mapping page in Azerbaijani', async () => {
    const id = await batchOf(await upload(planner, 'people', PEOPLE_CSV, 'people.csv'));
    const text = textOf((await planner.get(`/imports/${id}/map?lang=az`)).text);
    expect(text).toContain('Hansı sütun nədir');
    expect(text).not.toContain('Which column is which');
  });
});

describe('links', () => {
  it.each(['people', 'organizations'])('the %s page links to its import', async (kind) => {
    const res = await planner.get(`/${kind}`);
    expect(res.text).toContain(`href="/imports?kind=${kind}"`);
  });

  it.each([
    { page: 'meetings', kind: 'meetings' },
    { page: 'availability', kind: 'unavailability' },
  ])('the forum’s $page page links to the import of $kind, for planners only', async ({ page, kind }) => {
    const forum = ctx.demo!.forumId;
    expect((await planner.get(`/forums/${forum}/${page}`)).text).toContain(`href="/imports?kind=${kind}"`);
    const viewer = await signIn(ctx, `imp-viewer-${page}`, 'viewer');
    expect((await viewer.get(`/forums/${forum}/${page}`)).text).not.toContain('href="/imports?kind=');
  });
});
