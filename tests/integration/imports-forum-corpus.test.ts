import fs from 'node:fs';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { confirmImport, guessColumns, previewImport, problemText, readTable, type PlannedKind } from '../../src/services/imports';
import { render } from '../../src/messages';
import { createTestApp, type TestContext } from '../support/app';

/**
 * The forum's files of the corpus (tests/fixtures/import/meetings-programme-*,
 * unavailability-*, written by scripts/make-import-fixtures.ts) imported into
 * the demo: each file's encoding, separator and language read, each clash and
 * misspelt room refused on its row with the reason, the rest accepted; the
 * confirm writes exactly what the preview showed.
 */
let ctx: TestContext;
beforeEach(() => {
  ctx = createTestApp();
});
afterEach(() => ctx.close());

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'import');

async function plan(kind: PlannedKind, file: string) {
  const read = await readTable(fs.readFileSync(path.join(FIXTURES, file)), file);
  if (!read.ok) throw new Error(render(read.error));
  const mapping = guessColumns(kind, read.table.headers).map((g) => g.field);
  return { read, mapping, plan: previewImport(ctx.services, SYSTEM_ACTOR, kind, read.table, mapping, ctx.demo!.forumId) };
}

const count = (table: string) => ctx.services.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe.each([
  {
    file: 'meetings-programme-windows-1251.csv',
    kind: 'meetings' as const,
    counts: { create: 1, update: 0, unchanged: 0, error: 3 },
    says: [/^строка 3: «Вторая встреча в зале F1» — накладка: Dmitry Volkov: одновременно назначены встречи «Meeting with Governor/, /^строка 4: «Встреча в зале с опечаткой» — Зал: нет «Pavilion F, bilateral meting room F2»; может быть, «Pavilion F, bilateral meeting room F2»\?$/, /^строка 5: «Накладка со строкой 2» — накладка: .*Rashad Hasanov/],
    locale: 'ru' as const,
  },
  {
    file: 'meetings-programme-utf8-bom.csv',
    kind: 'meetings' as const,
    counts: { create: 1, update: 0, unchanged: 0, error: 3 },
    says: [/^sətir 3: “F1 zalında ikinci görüş” — üst-üstə düşmə: /, /^sətir 4: “Səhv yazılmış zal” — Zal: “Pavilion F, bilateral meeting rom F2” tapılmadı; bəlkə “Pavilion F, bilateral meeting room F2”\?$/, /^sətir 5: “2-ci sətirlə üst-üstə düşür” — üst-üstə düşmə: /],
    locale: 'az' as const,
  },
  {
    file: 'meetings-programme.xlsx',
    kind: 'meetings' as const,
    counts: { create: 1, update: 0, unchanged: 0, error: 3 },
    says: [/^row 3: ‘Second meeting in F1’ — clash: /, /^row 4: ‘Meeting in a misspelt room’ — Room ‘Pavilion F, bilateral meeting room F22’ not found; did you mean ‘Pavilion F, bilateral meeting room F2’\?$/, /^row 5: ‘Clashes with row 2’ — clash: .*Rashad Hasanov/],
    locale: 'en' as const,
  },
  {
    file: 'unavailability-windows-1251.csv',
    kind: 'unavailability' as const,
    counts: { create: 2, update: 0, unchanged: 0, error: 1 },
    says: [/^строка 4: «Гасанов Рашид» — Участник: нет «Гасанов Рашид»; может быть, «Rashad Hasanov»\?$/],
    locale: 'ru' as const,
  },
  {
    file: 'unavailability.xlsx',
    kind: 'unavailability' as const,
    counts: { create: 2, update: 0, unchanged: 0, error: 1 },
    says: [/^sətir 4: “Rashad Hasanov” — Başlanğıc: “09.06.2019 25:00” oxunmur/],
    locale: 'az' as const,
  },
])('$file', ({ file, kind, counts, says, locale }) => {
  it('previews each row, refusing the bad ones with their reasons, and writes nothing', async () => {
    const before = { meetings: count('meeting'), blocks: count('availability_block'), audit: count('audit_log') };
    const { plan: made } = await plan(kind, file);
    expect(made.counts).toEqual(counts);
    // Each error row says why, first of all in the sentence expected (a clash may name the room and the person both).
    const errors = made.rows.filter((r) => r.status === 'error');
    expect(errors).toHaveLength(says.length);
    says.forEach((pattern, i) => expect(problemText(locale, kind, errors[i]!, errors[i]!.problems[0]!)).toMatch(pattern));
    expect({ meetings: count('meeting'), blocks: count('availability_block'), audit: count('audit_log') }).toEqual(before);
  });

  it('confirms what the preview showed, then the same file again changes nothing', async () => {
    const { read, mapping } = await plan(kind, file);
    const table = kind === 'meetings' ? 'meeting' : 'availability_block';
    const before = count(table);
    const result = confirmImport(ctx.services, SYSTEM_ACTOR, kind, read.table, mapping, ctx.demo!.forumId)!;
    expect(result.created).toHaveLength(counts.create);
    expect(count(table)).toBe(before + counts.create);
    const again = (await plan(kind, file)).plan.counts;
    expect(again).toEqual({ create: 0, update: 0, unchanged: counts.create, error: counts.error });
  });
});
