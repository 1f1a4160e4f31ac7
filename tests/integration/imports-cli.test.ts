import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/commands';
import { createTestApp, type TestContext } from '../support/app';

/** `npm run cli -- import KIND FILE [--dry-run] [--forum N]` in-process, over a fresh database with the demo. */
let ctx: TestContext;
let dir: string;
beforeAll(() => {
  ctx = createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-import-cli-'));
});
afterAll(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { io: { out: (l) => out.push(l), err: (l) => err.push(l) }, open: () => ({ services: ctx.services, suppliedPassword: async () => undefined }) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const people = () => ctx.services.people.list().length;
const ORGS = 'Code,Organisation,Country,Type\nO-1,Caspian Logistics Hub,Azerbaijan,company\nO-2,Baku Port Authority,Azerbaijan,agency\n';

describe('import from the command line', () => {
  it('a dry run prints the plan and the errors and writes nothing (exit 0)', async () => {
    const before = people();
    const res = await cli(['import', 'people', path.join(__dirname, '../fixtures/import/people-utf8.csv'), '--dry-run']);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/ФИО → Full name/);
    expect(res.out).toMatch(/Would import \d+ rows of people: .* \(dry run: nothing written\)/);
    expect(res.err).toMatch(/row 2: ‘Шахин Мустафаев’ — organization ‘Министерство экономики’ not found/);
    expect(people()).toBe(before);
  });

  it('without --dry-run writes the accepted rows and exits 1 when some rows were errors', async () => {
    const before = people();
    const res = await cli(['import', 'people', path.join(__dirname, '../fixtures/import/people-utf8.csv')]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/rows were left out/);
    const created = Number(/: (\d+) new/.exec(res.out)![1]);
    expect(people()).toBe(before + created);
    // ФИО, surname first, is read as the name in Russian and the patronymic: it matched the demo's Drozdenko, whose English name stays.
    expect(ctx.services.people.list().filter((p) => p.nameRu === 'Александр Дрозденко').map((p) => [p.fullName, p.patronymicRu])).toEqual([['Aleksandr Drozdenko', 'Юрьевич']]);
  });

  it('imports organizations, then the same file again changes nothing (exit 0)', async () => {
    const file = write('orgs.csv', ORGS);
    const first = await cli(['import', 'organizations', file]);
    expect(first.code).toBe(0);
    expect(first.out).toContain('2 new, 0 updated, 0 unchanged, 0 errors');
    const again = await cli(['import', 'organizations', file, '--forum', String(ctx.demo!.forumId)]);
    expect(again.out).toContain('0 new, 0 updated, 2 unchanged, 0 errors');
    const edited = await cli(['import', 'organizations', write('orgs2.csv', ORGS.replace('Baku Port Authority', 'Port of Baku'))]);
    expect(edited.out).toContain('0 new, 1 updated, 1 unchanged');
    expect(ctx.services.organizations.list().filter((o) => o.name === 'Port of Baku')).toHaveLength(1);
    expect(ctx.services.organizations.list().some((o) => o.name === 'Baku Port Authority')).toBe(false);
  });

  it('imports meetings into --forum: a dry run writes nothing, the real one the accepted rows, exit 1 for the clashes', async () => {
    const file = path.join(__dirname, '../fixtures/import/meetings-programme.xlsx');
    const forum = String(ctx.demo!.forumId);
    const meetings = () => ctx.services.meetings.list({ forumId: ctx.demo!.forumId }).length;
    const before = meetings();
    const dry = await cli(['import', 'meetings', file, '--forum', forum, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Would import 4 rows of meetings: 1 new, 0 updated, 0 unchanged, 3 errors (dry run: nothing written).');
    expect(dry.err).toMatch(/row 3: ‘Second meeting in F1’ — clash: /);
    expect(dry.err).toContain('did you mean ‘Pavilion F, bilateral meeting room F2’?');
    expect(meetings()).toBe(before);
    const real = await cli(['import', 'meetings', file, '--forum', forum]);
    expect(real.code).toBe(1);
    expect(meetings()).toBe(before + 1);
    const again = await cli(['import', 'meetings', file, '--forum', forum]);
    expect(again.out).toContain('0 new, 0 updated, 1 unchanged, 3 errors');
    expect(meetings()).toBe(before + 1);
  });

  it('imports unavailability into --forum', async () => {
    const res = await cli(['import', 'unavailability', path.join(__dirname, '../fixtures/import/unavailability-windows-1251.csv'), '--forum', String(ctx.demo!.forumId), '--dry-run']);
    expect(res.code).toBe(0);
    expect(res.out).toContain('Would import 3 rows of unavailability: 2 new, 0 updated, 0 unchanged, 1 errors');
  });

  it.each([
    { name: 'meetings without --forum', argv: ['import', 'meetings', 'x.csv'], code: 2, says: /Importing meetings needs --forum ID/ },
    { name: 'an unknown kind', argv: ['import', 'venues', 'x.csv'], code: 2, says: /KIND is people, organizations, meetings or unavailability/ },
    { name: 'a missing file', argv: ['import', 'people', path.join(__dirname, '../fixtures/import/no-such-file.csv')], code: 1, says: /There is no file/ },
    { name: 'an unknown forum', argv: ['import', 'people', 'x.csv', '--forum', '9999'], code: 1, says: /./ },
    { name: 'no file named', argv: ['import', 'people'], code: 2, says: /Give FILE/ },
  ])('refuses $name', async ({ argv, code, says }) => {
    const res = await cli(argv);
    expect(res.code).toBe(code);
    expect(res.err).toMatch(says);
  });
});
