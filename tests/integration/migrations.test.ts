import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/store/database';
import { migrate, MIGRATIONS_DIR } from '../../src/store/migrate';

let dir: string;
const opened: Db[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-migrate-'));
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function freshDb(): Db {
  const db = openDatabase(path.join(dir, 'test.db'));
  opened.push(db);
  return db;
}

/** A migrations folder of our own: name -> SQL. */
function migrationsDir(files: Record<string, string>): string {
  const d = path.join(dir, 'migrations');
  fs.mkdirSync(d, { recursive: true });
  for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(d, name), sql);
  return d;
}

const recorded = (db: Db) => db.prepare('SELECT name FROM schema_migration ORDER BY rowid').pluck().all() as string[];
const tables = (db: Db) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];

describe('migrate over the project migrations', () => {
  const shipped = fs.readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();

  it('applies every file of db/migrations in order and records each', () => {
    const db = freshDb();
    expect(shipped.length).toBeGreaterThanOrEqual(3);
    expect(migrate(db)).toEqual(shipped);
    expect(recorded(db)).toEqual(shipped);
    expect(tables(db)).toEqual(expect.arrayContaining(['forum', 'venue', 'room', 'travel_time', 'organization', 'person', 'delegation', 'delegation_member', 'app_user', 'audit_log', 'meeting']));
  });

  it('does nothing on a second run, and keeps the data', () => {
    const db = freshDb();
    migrate(db);
    db.prepare("INSERT INTO organization (name, kind, created_at, updated_at) VALUES ('AZPROMO', 'foundation', 0, 0)").run();
    expect(migrate(db)).toEqual([]);
    expect(recorded(db)).toEqual(shipped);
    expect(db.prepare('SELECT count(*) FROM organization').pluck().get()).toBe(1);
  });

  it('opens the file with WAL, foreign keys, full sync and a busy timeout', () => {
    const db = freshDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
  });
});

describe('migrate over a folder of our own', () => {
  it('orders by number, not by when the file was written, and skips files that are not migrations', () => {
    const d = migrationsDir({
      '0010_third.sql': 'CREATE TABLE c (id INTEGER);',
      '0002_second.sql': 'CREATE TABLE b (id INTEGER);',
      '0001_first.sql': 'CREATE TABLE a (id INTEGER);',
      'README.md': 'not SQL',
      '0003_draft.sql.bak': 'CREATE TABLE nope (id INTEGER);',
    });
    const db = freshDb();
    expect(migrate(db, d)).toEqual(['0001_first.sql', '0002_second.sql', '0010_third.sql']);
    expect(tables(db)).not.toContain('nope');
  });

  it('applies only the new files on a later run', () => {
    const d = migrationsDir({ '0001_first.sql': 'CREATE TABLE a (id INTEGER);' });
    const db = freshDb();
    migrate(db, d);
    fs.writeFileSync(path.join(d, '0002_second.sql'), 'CREATE TABLE b (id INTEGER);');
    expect(migrate(db, d)).toEqual(['0002_second.sql']);
    expect(recorded(db)).toEqual(['0001_first.sql', '0002_second.sql']);
  });

  it('runs each file in its own transaction: a broken one leaves nothing of itself, and stops the run', () => {
    const d = migrationsDir({
      '0001_good.sql': 'CREATE TABLE a (id INTEGER);',
      // The first two statements succeed before the third fails.
      '0002_broken.sql': "CREATE TABLE b (id INTEGER);\nINSERT INTO a VALUES (1);\nINSERT INTO no_such_table VALUES ('x');",
      '0003_after.sql': 'CREATE TABLE c (id INTEGER);',
    });
    const db = freshDb();
    expect(() => migrate(db, d)).toThrow(/no_such_table/);
    expect(recorded(db)).toEqual(['0001_good.sql']);
    expect(tables(db)).toEqual(expect.arrayContaining(['a']));
    expect(tables(db)).not.toContain('b');
    expect(tables(db)).not.toContain('c');
    expect(db.prepare('SELECT count(*) FROM a').pluck().get()).toBe(0);
  });

  it('leaves nothing applied at all when the very first migration is broken', () => {
    const d = migrationsDir({ '0001_broken.sql': 'CREATE TABLE a (id INTEGER);\nCREATE TABLE a (id INTEGER);' });
    const db = freshDb();
    expect(() => migrate(db, d)).toThrow(/already exists/);
    expect(recorded(db)).toEqual([]);
    expect(tables(db)).toEqual(['schema_migration']);
  });

  it('can be fixed and rerun after a failure', () => {
    const d = migrationsDir({ '0001_broken.sql': 'CREATE TABLE a (id INTEGER);\nSELECT * FROM missing;' });
    const db = freshDb();
    expect(() => migrate(db, d)).toThrow();
    fs.writeFileSync(path.join(d, '0001_broken.sql'), 'CREATE TABLE a (id INTEGER);');
    expect(migrate(db, d)).toEqual(['0001_broken.sql']);
  });
});
