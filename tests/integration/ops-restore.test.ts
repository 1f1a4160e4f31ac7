import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../src/cli/commands';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, type TestContext } from '../support/app';

/**
 * `npm run cli -- restore FILE`, and the check at start that refuses a
 * damaged database. The "live" database is a copy of the test app's file and
 * its -wal taken while the app has it open: what an unclean stop leaves.
 */
jest.setTimeout(60_000);

let ctx: TestContext;
let dir: string;
let backup: string;
beforeAll(async () => {
  ctx = createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-restore-'));
  backup = path.join(dir, 'backup.db');
  expect((await cli(['backup', backup], ctx.dbPath)).code).toBe(0);
  // Later writes stay in the -wal, as they would between checkpoints when the process is killed.
  ctx.services.store.db.pragma('wal_autocheckpoint = 0');
  ctx.services.organizations.create(SYSTEM_ACTOR, { name: 'Saved After The Backup', kind: 'bank' });
});
afterAll(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(argv: string[], databasePath: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
    open: () => ({ services: ctx.services, suppliedPassword: async () => undefined }),
    databasePath: () => databasePath,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A copy of the app's database as an unclean stop leaves it: the file, a -wal with commits not yet in it, the -shm. */
function crashedCopy(name: string): string {
  const live = path.join(dir, name);
  for (const suffix of ['', '-wal', '-shm']) fs.copyFileSync(ctx.dbPath + suffix, live + suffix);
  expect(fs.statSync(`${live}-wal`).size).toBeGreaterThan(0);
  return live;
}

/** Overwrites one table's root page with junk, the way a failing disk or a bad copy would. */
function damage(file: string): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'").pluck().get() as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xab), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
}

function copyOfBackup(name: string, change: (file: string) => void = () => {}): string {
  const file = path.join(dir, name);
  fs.copyFileSync(backup, file);
  change(file);
  return file;
}

function withDatabase(file: string, fn: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

const fingerprint = (file: string) =>
  ['', '-wal', '-shm'].map((s) => (fs.existsSync(file + s) ? crypto.createHash('sha256').update(fs.readFileSync(file + s)).digest('hex') : '-')).join(' ');
const setAside = (file: string) => fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith(`${path.basename(file)}.replaced-`));
const organizationNames = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT name FROM organization').pluck().all() as string[];
  } finally {
    db.close();
  }
};

describe('restore FILE', () => {
  const refusals: { name: string; file: () => string; says: string }[] = [
    { name: 'no such file', file: () => path.join(dir, 'nowhere.db'), says: 'There is no file' },
    { name: 'not a database at all', file: () => (fs.writeFileSync(path.join(dir, 'notes.txt'), 'meeting notes, not a database\n'.repeat(200)), path.join(dir, 'notes.txt')), says: 'is not a database' },
    { name: 'a damaged backup', file: () => copyOfBackup('damaged.db', damage), says: 'is damaged' },
    { name: 'a SQLite file of another program', file: () => (withDatabase(path.join(dir, 'other.db'), (db) => db.exec('CREATE TABLE t (x)')), path.join(dir, 'other.db')), says: 'not a forum-planner database' },
    {
      name: 'a backup from a newer version',
      file: () => copyOfBackup('newer.db', (f) => withDatabase(f, (db) => db.exec("INSERT INTO schema_migration (name, applied_at) VALUES ('9999_from_the_future.sql', 'x')"))),
      says: 'made by a newer forum-planner',
    },
    { name: 'a copied file whose -wal lies beside it', file: () => copyOfBackup('copied.db', (f) => fs.writeFileSync(`${f}-wal`, 'x')), says: '-wal lies beside the backup' },
  ];

  it.each(refusals)('refuses $name and moves nothing', async ({ name, file, says }) => {
    const live = crashedCopy(`live-${name.replace(/\W+/g, '-')}.db`);
    const before = fingerprint(live);
    const res = await cli(['restore', file()], live);
    expect(res.code).toBe(1);
    expect(res.err).toContain(says);
    expect(res.err).toContain('nothing was changed');
    expect(fingerprint(live)).toBe(before);
    expect(setAside(live)).toEqual([]);
  });

  it('refuses while the database is open in another process, and moves nothing', async () => {
    const live = crashedCopy('live-open.db');
    const app = new Database(live);
    app.prepare('SELECT count(*) FROM organization').get();
    try {
      const res = await cli(['restore', backup], live);
      expect(res.code).toBe(1);
      expect(res.err).toContain('is in use');
      expect(setAside(live)).toEqual([]);
    } finally {
      app.close();
    }
  });

  it('installs a good backup after an unclean stop: the stale -wal is moved aside with the old file, not replayed into the backup', async () => {
    const live = crashedCopy('live.db');
    const res = await cli(['restore', backup], live);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(fs.existsSync(`${live}-wal`)).toBe(false);

    const restored = new Database(live, { readonly: true });
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    restored.close();
    expect(organizationNames(live)).not.toContain('Saved After The Backup');

    const [old] = setAside(live);
    expect(old).toMatch(/^live\.db\.replaced-\d{4}-\d\d-\d\dT/);
    expect(res.out).toContain(path.join(dir, old!));
    // Nothing is lost: the set moved aside still opens, with the write made after the backup.
    expect(organizationNames(path.join(dir, old!))).toContain('Saved After The Backup');
  });
});

describe('the server at start', () => {
  it('refuses to serve a damaged database, says so, and exits 1', () => {
    const file = copyOfBackup('damaged-live.db', damage);
    const started = spawnSync(path.resolve('node_modules/.bin/tsx'), ['src/server.ts'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_PATH: file, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ADMIN_PASSWORD: 'Start-password-2019' },
      timeout: 30_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain(`the database ${file} is damaged`);
    expect(started.stderr).toContain('npm run cli -- restore BACKUP_FILE');
  });
});
