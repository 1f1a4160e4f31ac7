import fs from 'node:fs';
import { loadDemo } from '../../db/seed/demo';
import { loadDemoLinks } from '../../db/seed/demo-links';
import { loadConfig, type Config } from '../config';
import { createServices } from '../services';
import type { ScryptParams } from '../services/accounts';
import { createStore } from '../store';
import { openDatabase } from '../store/database';
import { migrate } from '../store/migrate';
import { foldWal } from '../store/file-care';

/**
 * `npm run seed`: loads the SPIEF 2019 demo into an empty database.
 * `npm run seed -- --reset`: moves the database file aside (never deletes it:
 * a reset typed into the wrong terminal must be recoverable) and builds a fresh
 * one with migrations, the demo and the admin user.
 */
export interface SeedOptions {
  config: Pick<Config, 'databasePath' | 'adminPassword' | 'feedRefreshMinutes' | 'feedCancelledDays' | 'publicUrl'> & Partial<Pick<Config, 'adminUsername'>>;
  reset: boolean;
  /** Where the demo and admin notices go (stdout in the CLI). */
  print: (line: string) => void;
  now?: () => Date;
  /** Tests pass cheap parameters; the CLI uses the production ones. */
  scrypt?: ScryptParams;
}

export interface SeedResult {
  /** The file the old database was moved to, on --reset. */
  movedTo: string | null;
  forumId: number;
  /** The admin password when one was generated; null when it came from ADMIN_PASSWORD or admin existed. */
  generatedPassword: string | null;
}

/** Thrown when the database already holds data and --reset was not given. */
export class DatabaseNotEmptyError extends Error {}

export function seed(opts: SeedOptions): SeedResult {
  const file = opts.config.databasePath;
  const movedTo = opts.reset ? moveAside(file, (opts.now ?? (() => new Date()))()) : null;
  const db = openDatabase(file);
  try {
    migrate(db);
    const store = createStore(db);
    const held = { forums: store.forums.count(), organizations: store.organizations.count(), people: store.people.count() };
    if (Object.values(held).some((n) => n > 0)) {
      const what = Object.entries(held).map(([k, n]) => `${k}: ${n}`).join(', ');
      throw new DatabaseNotEmptyError(`The database ${file} already holds data (${what}). Run "npm run seed -- --reset" to move it aside and start again from the demo.`);
    }
    const services = createServices(store, { config: opts.config, scrypt: opts.scrypt });
    const admin = services.accounts.ensureAdmin(opts.config.adminPassword, opts.config.adminUsername);
    const demo = loadDemo(services);
    const links = loadDemoLinks(services, demo);
    if (movedTo) opts.print(`Moved the old database to ${movedTo}`);
    opts.print(`Loaded the SPIEF 2019 demo into ${file}`);
    // A link's secret is shown once, so here: each link's page (its calendar is <page>/calendar.ics).
    for (const l of links) opts.print(`Secret link “${l.label}” (${l.locale}): ${opts.config.publicUrl ?? ''}/s/${l.secret}`);
    if (admin.generatedPassword) opts.print(`Created user "${admin.username}" with password ${admin.generatedPassword} (shown only now)`);
    else if (admin.created) opts.print(`Created user "${admin.username}" with the password from ADMIN_PASSWORD`);
    return { movedTo, forumId: demo.forumId, generatedPassword: admin.generatedPassword ?? null };
  } finally {
    db.close();
  }
}

/**
 * Renames the database and its WAL companions to `<file>.bak-<timestamp>`.
 * The WAL is folded into the main file first, so the backup alone is complete.
 */
function moveAside(file: string, now: Date): string | null {
  if (file === ':memory:' || !fs.existsSync(file)) return null;
  const db = openDatabase(file);
  foldWal(db);
  db.close();
  const target = `${file}.bak-${now.toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(file, target);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

function main(argv: string[]): number {
  const unknown = argv.filter((a) => a !== '--reset');
  if (unknown.length) {
    process.stderr.write(`Unknown argument ${unknown.join(' ')}. Usage: npm run seed [-- --reset]\n`);
    return 2;
  }
  try {
    seed({ config: loadConfig(), reset: argv.includes('--reset'), print: (line) => process.stdout.write(`${line}\n`) });
    return 0;
  } catch (err) {
    if (err instanceof DatabaseNotEmptyError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
