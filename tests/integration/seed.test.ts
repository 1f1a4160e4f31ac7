import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DatabaseNotEmptyError, seed } from '../../src/cli/seed';
import { createServices } from '../../src/services';
import { createStore } from '../../src/store';
import { openDatabase } from '../../src/store/database';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, TEST_SCRYPT, textOf, type SignedIn, type TestContext } from '../support/app';

// Each file builds the demo and signs agents in: seconds, not milliseconds, on a busy two-core machine.
jest.setTimeout(30_000);

/** Every organization and person the Trend report of 8 June 2019 names. */
const REPORT_ORGANIZATIONS = [
  'Ministry of Economy of the Republic of Azerbaijan',
  'Government of Leningrad Region',
  'Azerbaijan Export and Investment Promotion Foundation (AZPROMO)',
  'Roscongress Foundation',
  'GAZ Group Commercial Vehicles LLC',
  'SOCAR Polymer',
  'Gazprombank',
  'Azerikimya Production Association',
  'Hajigabul Industrial District',
  'Pirallahi Industrial Park',
];
const REPORT_PEOPLE = [
  { name: 'Shahin Mustafayev', local: 'Шахин Мустафаев', position: 'Minister of Economy' },
  { name: 'Aleksandr Drozdenko', local: 'Александр Дрозденко', position: 'Governor of Leningrad Region' },
];

describe('the SPIEF 2019 demo, as a planner sees it', () => {
  let ctx: TestContext;
  let planner: SignedIn;
  beforeAll(async () => {
    ctx = createTestApp();
    planner = await signIn(ctx, 'seed-reader', 'viewer');
  });
  afterAll(() => ctx.close());
  const page = async (url: string) => {
    const res = await planner.get(url);
    expect(res.status).toBe(200);
    return textOf(res.text);
  };

  it('is one forum: SPIEF 2019, 6–8 June 2019 in St. Petersburg, on Moscow time', async () => {
    const text = await page(`/forums/${ctx.demo!.forumId}`);
    expect(text).toContain('23rd St. Petersburg International Economic Forum');
    expect(text).toContain('6–8 June 2019 · St. Petersburg · times in Moscow');
  });

  it('lists every organization the report names, in Latin and local script', async () => {
    const text = await page('/organizations');
    for (const name of REPORT_ORGANIZATIONS) expect(text).toContain(name);
    expect(text).toContain('Правительство Ленинградской области');
    expect(text).toContain('Фонд «Росконгресс»');
  });

  it.each(REPORT_PEOPLE)('lists $name ($local) with the position the report gives', async ({ name, local, position }) => {
    const text = await page('/people');
    expect(text).toContain(name);
    expect(text).toContain(local);
    expect(text).toContain(position);
  });

  it('has Mustafayev heading the Azerbaijani delegation, home zone Asia/Baku, with his staff', async () => {
    const text = await page(`/forums/${ctx.demo!.forumId}/delegations/${ctx.demo!.delegations.azerbaijan}`);
    expect(text).toContain('Azerbaijan — Ministry of Economy');
    expect(text).toMatch(/Home time zone Asia\/Baku/);
    expect(text).toMatch(/Head Shahin Mustafayev/);
    for (const role of ['Head', 'Deputy', 'Adviser', 'Protocol officer', 'Interpreter']) expect(text).toContain(role);
    const members = ctx.services.directory.members(ctx.demo!.delegations.azerbaijan);
    expect(members).toContainEqual(expect.objectContaining({ personId: ctx.demo!.people.mustafayev, role: 'head' }));
  });

  it('has Drozdenko heading the Leningrad Region delegation', async () => {
    const text = await page(`/forums/${ctx.demo!.forumId}/delegations/${ctx.demo!.delegations.leningrad}`);
    expect(text).toMatch(/Head Aleksandr Drozdenko/);
  });

  it('has ExpoForum at Peterburgskoye shosse 64/1 and city venues a realistic drive away', async () => {
    const venues = await page(`/forums/${ctx.demo!.forumId}/venues`);
    expect(venues).toContain('ExpoForum');
    expect(venues).toContain('Peterburgskoye shosse 64/1');
    const travel = ctx.services.directory.travelTimes(ctx.demo!.forumId);
    const expoToSmolny = travel.find((t) => t.fromVenueId === ctx.demo!.venues.expo && t.toVenueId === ctx.demo!.venues.smolny);
    expect(expoToSmolny?.minutes).toBeGreaterThanOrEqual(30);
    expect(expoToSmolny?.minutes).toBeLessThanOrEqual(90);
    const matrix = await planner.get(`/forums/${ctx.demo!.forumId}/travel`);
    expect(matrix.text).toContain(`value="${expoToSmolny!.minutes}"`);
  });

  it('marks the staff the report does not name as illustrative', () => {
    const deputy = ctx.services.people.get(ctx.demo!.people.deputy!);
    expect(deputy.notes).toMatch(/Illustrative/);
    const minister = ctx.services.people.get(ctx.demo!.people.mustafayev!);
    expect(minister.notes).not.toMatch(/Illustrative/);
  });

  it('was written through the services, so each record has its audit row', () => {
    const created = ctx.services.store.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'create' AND entity = 'person'").pluck().get();
    expect(created).toBe(ctx.services.people.list().length);
  });
});

describe('npm run seed', () => {
  let dir: string;
  let file: string;
  const lines: string[] = [];
  const config = (adminPassword?: string) => ({ databasePath: file, adminPassword, feedRefreshMinutes: 15, feedCancelledDays: 30, publicUrl: undefined });
  const run = (opts: { reset?: boolean; adminPassword?: string; now?: Date } = {}) =>
    seed({ config: config(opts.adminPassword), reset: opts.reset ?? false, print: (l) => void lines.push(l), scrypt: TEST_SCRYPT, now: opts.now ? () => opts.now! : undefined });

  /** Opens the file, hands the services to `fn`, closes it again. */
  function inspect<T>(at: string, fn: (s: ReturnType<typeof createServices>) => T): T {
    const db = openDatabase(at);
    try {
      return fn(createServices(createStore(db), { config: config(), scrypt: TEST_SCRYPT }));
    } finally {
      db.close();
    }
  }

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-seed-'));
    file = path.join(dir, 'data', 'forum-planner.db');
    lines.length = 0;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the file, migrates it, loads the demo and prints the generated admin password once', () => {
    const result = run();
    expect(result.movedTo).toBeNull();
    expect(result.generatedPassword).toMatch(/^\S{16,}$/);
    expect(lines.join('\n')).toContain(result.generatedPassword!);
    inspect(file, (s) => {
      expect(s.forums.list().map((f) => f.shortName)).toEqual(['SPIEF 2019']);
      expect(s.accounts.authenticate('admin', result.generatedPassword!)?.role).toBe('admin');
    });
  });

  it('uses ADMIN_PASSWORD when it is set, and prints no password', () => {
    const result = run({ adminPassword: 'Admin-pass-123' });
    expect(result.generatedPassword).toBeNull();
    expect(lines.join('\n')).not.toContain('Admin-pass-123');
    inspect(file, (s) => expect(s.accounts.authenticate('admin', 'Admin-pass-123')).not.toBeNull());
  });

  it('refuses a database that holds data, and changes nothing in it', () => {
    run();
    const before = inspect(file, (s) => s.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get());
    expect(() => run()).toThrow(DatabaseNotEmptyError);
    expect(() => run()).toThrow(/already holds data .*npm run seed -- --reset/);
    expect(inspect(file, (s) => s.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get())).toBe(before);
  });

  it('with --reset moves the old file aside, whole, and starts again from the demo', () => {
    run({ adminPassword: 'Admin-pass-123' });
    inspect(file, (s) => s.organizations.create(SYSTEM_ACTOR, { name: 'Kept in the backup', kind: 'company' }));
    const result = run({ reset: true, adminPassword: 'Another-pass-456', now: new Date('2019-06-09T08:30:00Z') });

    expect(result.movedTo).toBe(`${file}.bak-2019-06-09T08-30-00-000Z`);
    expect(lines.join('\n')).toContain(`Moved the old database to ${result.movedTo}`);
    inspect(result.movedTo!, (s) => expect(s.organizations.list().map((o) => o.name)).toContain('Kept in the backup'));
    inspect(file, (s) => {
      expect(s.organizations.list().map((o) => o.name)).not.toContain('Kept in the backup');
      expect(s.forums.list()).toHaveLength(1);
      expect(s.accounts.authenticate('admin', 'Another-pass-456')).not.toBeNull();
    });
  });

  it('with --reset on a missing file just creates it', () => {
    expect(run({ reset: true }).movedTo).toBeNull();
    expect(fs.existsSync(file)).toBe(true);
  });

  it('as a command: exits 1 with the reason when the database is not empty, 2 on an unknown option', async () => {
    run();
    const tsx = path.resolve(__dirname, '../../node_modules/.bin/tsx');
    const cli = path.resolve(__dirname, '../../src/cli/seed.ts');
    const exec = (args: string[]) =>
      promisify(execFile)(tsx, [cli, ...args], { env: { ...process.env, DATABASE_PATH: file } }).then(
        () => ({ code: 0, stderr: '' }),
        (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
      );
    const notEmpty = await exec([]);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toContain('already holds data');
    const unknown = await exec(['--rest']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown argument --rest');
  }, 30_000);
});
