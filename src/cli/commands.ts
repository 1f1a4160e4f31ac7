import fs from 'node:fs';
import path from 'node:path';
import { NotFoundError, ValidationError } from '../domain/errors';
import type { Services } from '../services';
import type { Actor } from '../services/actor';
import { randomSecret } from '../services/accounts';
import { ROLES, type Role } from '../domain/accounts';
import { parseArgs, takeFlags, takeWords, UsageError, type ParsedArgs } from './args';
import { restoreDatabase, RestoreRefusal } from './restore';
import { backUpTo } from '../store/file-care';
import { confirmImport, fieldLabel, guessColumns, isForumKind, isPlannedKind, limitsOf, previewImport, problemText, readTable, TABLE_LIMITS } from '../services/imports';
import { message, render } from '../messages';
import { describeProblem, MAX_BYTES } from '../services/forum-transfer';

/** Every change the CLI makes is audited under this name. */
export const CLI_ACTOR: Actor = { userId: null, username: 'cli', role: 'admin' };

export const USAGE = `Usage: npm run cli -- COMMAND

Users
  user add NAME --role admin|planner|viewer [--person ID]
                              create a user (--person links a delegate's own agenda)
  user passwd NAME            set a new password; ends the user's open sessions
  user role NAME ROLE         change the role (admin, planner or viewer)
  user disable NAME           stop a user: sessions end, API tokens stop working
  user enable NAME            let a disabled user in again
  user list                   every user with role, person and state

API tokens (for scripts: Authorization: Bearer TOKEN)
  token create --user NAME --label TEXT
                              make a token; it is printed once and stored only hashed
  token list --user NAME      a user's tokens (never the secrets)
  token revoke ID             stop a token for good

Imports (from .xlsx or .csv; columns guessed from their names)
  import KIND FILE [--dry-run] [--forum N]
                              KIND is people, organizations, meetings or unavailability;
                              meetings and unavailability need --forum (people's
                              delegations are looked up in it); prints what each row
                              would do; without --dry-run writes the accepted rows in
                              one transaction and exits 1 when some rows were errors

Operations
  backup FILE                 copy the live database to FILE (safe while the server runs)
  forum-export FORUM_ID FILE  write one forum's whole programme to FILE as JSON (no accounts,
                              sessions, secret links or audit rows)
  forum-import FILE           create a forum here from such a file, in one transaction;
                              refused (nothing written) if the same forum is already here
  restore FILE                install backup FILE as the database, with the app stopped;
                              the old file and its -wal/-shm are moved aside, never deleted

Passwords for "user add" and "user passwd" come from the environment variable
FP_PASSWORD if set, else from the first line of standard input when it is piped
(echo "$PW" | npm run cli -- user passwd anna), else one is generated and
printed once.

The database is DATABASE_PATH (default data/forum-planner.db); migrations run first.
Exit status: 0 done, 1 refused (the message says why), 2 the command line is wrong.`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** What a command runs against, opened only once the command line is known to be right. */
export interface CliContext {
  services: Services;
  /** The password the operator supplied (FP_PASSWORD or piped stdin), or undefined. */
  suppliedPassword: () => Promise<string | undefined>;
  close?: () => void;
}

type Run = (ctx: CliContext & { io: CliIo }) => void | Promise<void>;

/** A command that must not open the database the usual way (which would migrate it and hold it open), e.g. restore. */
interface OfflineRun {
  offline: (ctx: { io: CliIo; databasePath: string }) => void;
}

/** A refusal that is not a validation error: the message says what to do instead. */
export class CliRefusal extends Error {}

/** Parses, opens, runs; returns the exit status. Problems a user can fix are printed, not thrown. */
export async function runCli(argv: readonly string[], { io, open, databasePath }: { io: CliIo; open: () => CliContext; databasePath?: () => string }): Promise<number> {
  let run: Run | OfflineRun | 'help';
  try {
    run = parseCommand(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`${err.message}\n\n${USAGE}`);
    return 2;
  }
  if (run === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (typeof run !== 'function') {
    const offline = run.offline;
    try {
      if (!databasePath) throw new CliRefusal('This command needs DATABASE_PATH.');
      offline({ io, databasePath: databasePath() });
      return 0;
    } catch (err) {
      return refused(io, err);
    }
  }
  const ctx = open();
  try {
    await run({ ...ctx, io });
    return 0;
  } catch (err) {
    return refused(io, err);
  } finally {
    ctx.close?.();
  }
}

/** A refusal is told on stderr with exit code 1; anything else is a bug and is thrown. */
function refused(io: CliIo, err: unknown): number {
  const message = refusalMessage(err);
  if (message === null) throw err;
  io.err(message);
  return 1;
}

function refusalMessage(err: unknown): string | null {
  if (err instanceof ValidationError) return Object.values(err.fields).join('\n');
  if (err instanceof NotFoundError || err instanceof CliRefusal || err instanceof RestoreRefusal) return err.message;
  return null;
}

export function parseCommand(argv: readonly string[]): Run | OfflineRun | 'help' {
  const args = parseArgs(argv);
  const [group, action] = args.words;
  if (!group || args.flags.help) return 'help';
  const key = COMMANDS[group] ? group : `${group} ${action ?? ''}`.trim();
  const command = COMMANDS[key];
  if (!command) {
    const known = Object.keys(COMMANDS).filter((k) => k.startsWith(`${group} `));
    throw new UsageError(known.length ? `"${key}" is not a command; ${group} takes ${known.map((k) => k.split(' ')[1]).join(', ')}.` : `"${group}" is not a command.`);
  }
  return command({ words: args.words.slice(key.split(' ').length), flags: args.flags });
}

const COMMANDS: Record<string, (args: ParsedArgs) => Run | OfflineRun> = {
  import: (args) => {
    const [kind, file] = takeWords(args.words, ['KIND', 'FILE']);
    const flags = takeFlags(args, ['dry-run', 'forum']);
    if (!isPlannedKind(kind)) throw new UsageError(`KIND is people, organizations, meetings or unavailability, not "${kind}".`);
    // Meetings and unavailability go into a forum; people and organizations are shared by every forum, and a person's delegation is found in --forum.
    const forumId = flags.forum === undefined ? null : idOf(flags.forum, '--forum');
    if (isForumKind(kind) && forumId === null) throw new UsageError(`Importing ${kind} needs --forum ID: the forum they go into.`);
    return async ({ services, io }) => {
      if (forumId !== null) services.forums.get(forumId);
      const bytes = await readFileBounded(file!);
      const read = await readTable(bytes, path.basename(file!), limitsOf(kind));
      if (!read.ok) throw new CliRefusal(render(read.error));
      const mapping = guessColumns(kind, read.table.headers);
      for (const note of read.table.notes) io.out(render(note));
      io.out(`Columns: ${mapping.map((g) => `${g.header} → ${g.field ? fieldLabel(kind, g.field, 'en') : '(left out)'}`).join('; ')}`);
      const fields = mapping.map((g) => g.field);
      const plan = flags['dry-run'] ? previewImport(services, CLI_ACTOR, kind, read.table, fields, forumId) : confirmImport(services, CLI_ACTOR, kind, read.table, fields, forumId)!.plan;
      const { create, update, unchanged, error } = plan.counts;
      const errors = plan.rows.filter((r) => r.status === 'error');
      for (const row of errors) for (const p of row.problems) io.err(problemText('en', kind, row, p));
      for (const row of plan.rows) for (const w of row.warnings ?? []) io.out(`row ${row.line}: ‘${row.label}’ — warning: ${render(w)}`);
      const verb = flags['dry-run'] ? 'Would import' : 'Imported';
      io.out(`${verb} ${plan.rows.length} rows of ${kind}: ${create} new, ${update} updated, ${unchanged} unchanged, ${error} errors${flags['dry-run'] ? ' (dry run: nothing written)' : ''}.`);
      if (error && !flags['dry-run']) throw new CliRefusal(`${error} rows were left out: fix them in the file and import it again (the rows already written stay as they are).`);
    };
  },

  'user add': (args) => {
    const [username] = takeWords(args.words, ['NAME']);
    const flags = takeFlags(args, ['role', 'person'], ['role']);
    const role = roleOf(flags.role!);
    const personId = flags.person === undefined ? null : idOf(flags.person, '--person');
    return async ({ services, io, suppliedPassword }) => {
      const { password, generated } = await passwordFrom(suppliedPassword);
      const user = services.accounts.createUser(CLI_ACTOR, { username, role, personId, password });
      const person = user.personId === null ? '' : `, linked to ${services.people.get(user.personId).fullName}`;
      io.out(`Created ${user.role} ${user.username}${person}.`);
      if (generated) io.out(showOnce(user.username, password));
    };
  },

  'user passwd': (args) => {
    const [username] = takeWords(args.words, ['NAME']);
    takeFlags(args, []);
    return async ({ services, io, suppliedPassword }) => {
      const user = services.accounts.getByName(username!);
      const { password, generated } = await passwordFrom(suppliedPassword);
      services.accounts.setPassword(CLI_ACTOR, user.username, password);
      io.out(`Set a new password for ${user.username}; their open sessions have ended.`);
      if (generated) io.out(showOnce(user.username, password));
    };
  },

  'user role': (args) => {
    const [username, roleWord] = takeWords(args.words, ['NAME', 'ROLE']);
    takeFlags(args, []);
    const role = roleOf(roleWord!);
    return ({ services, io }) => {
      const user = services.accounts.setRole(CLI_ACTOR, username!, role);
      io.out(`${user.username} is now ${user.role}.`);
    };
  },

  'user disable': (args) => switchUser(args, true),
  'user enable': (args) => switchUser(args, false),

  'user list': (args) => {
    takeWords(args.words, []);
    takeFlags(args, []);
    return ({ services, io }) => {
      const rows = services.accounts.list().map((u) => [String(u.id), u.username, u.role, u.personId === null ? '' : (services.people.find(u.personId)?.fullName ?? `#${u.personId}`), u.disabled ? 'disabled' : 'active']);
      io.out(rows.length ? formatTable(['ID', 'USER', 'ROLE', 'PERSON', 'STATE'], rows) : 'There are no users yet.');
    };
  },

  'token create': (args) => {
    takeWords(args.words, []);
    const flags = takeFlags(args, ['user', 'label'], ['user', 'label']);
    return ({ services, io }) => {
      const { id, token } = services.accounts.createApiToken(CLI_ACTOR, flags.user!, flags.label!);
      const user = services.accounts.getByName(flags.user!);
      io.out(`Created API token ${id} for ${user.username} (${user.role}), labelled "${flags.label!.trim()}".`);
      io.out(`Token (shown only now; the database keeps only a hash): ${token}`);
      io.out(`Scripts send the header "Authorization: Bearer <token>". Revoke it with: npm run cli -- token revoke ${id}`);
    };
  },

  'token list': (args) => {
    takeWords(args.words, []);
    const flags = takeFlags(args, ['user'], ['user']);
    return ({ services, io }) => {
      const tokens = services.accounts.listApiTokens(flags.user!);
      const rows = tokens.map((t) => [String(t.id), t.label, utc(t.createdAt), t.lastUsedAt === null ? 'never' : utc(t.lastUsedAt), t.revokedAt === null ? 'active' : `revoked ${utc(t.revokedAt)}`]);
      io.out(rows.length ? formatTable(['ID', 'LABEL', 'CREATED (UTC)', 'LAST USED', 'STATE'], rows) : `${flags.user} has no API tokens.`);
    };
  },

  'token revoke': (args) => {
    const [idWord] = takeWords(args.words, ['ID']);
    takeFlags(args, []);
    const id = idOf(idWord!, 'ID');
    return ({ services, io }) => {
      const token = services.accounts.revokeApiToken(CLI_ACTOR, id);
      io.out(`Revoked API token ${token.id} ("${token.label}"); scripts using it now get 401.`);
    };
  },

  restore: (args) => restoreCommand(args),

  'forum-export': (args) => {
    const [forumWord, file] = takeWords(args.words, ['FORUM_ID', 'FILE']);
    takeFlags(args, []);
    const forumId = idOf(forumWord!, 'FORUM_ID');
    return ({ services, io }) => {
      const target = path.resolve(file!);
      if (fs.existsSync(target)) throw new CliRefusal(`${file} exists already; an export never overwrites a file.`);
      if (!fs.existsSync(path.dirname(target))) throw new CliRefusal(`The folder ${path.dirname(target)} does not exist; create it first.`);
      const doc = services.forumTransfer.exportForum(forumId);
      fs.writeFileSync(target, `${JSON.stringify(doc, null, 1)}\n`, { flag: 'wx' });
      io.out(`Exported forum ${forumId} "${doc.forum.name}" to ${target}: ${doc.meetings.length} meetings, ${doc.people.length} people.`);
    };
  },

  'forum-import': (args) => {
    const [file] = takeWords(args.words, ['FILE']);
    takeFlags(args, []);
    return ({ services, io }) => {
      const source = path.resolve(file!);
      if (!fs.existsSync(source)) throw new CliRefusal(`${file} does not exist.`);
      const size = fs.statSync(source).size;
      if (size > MAX_BYTES) throw new CliRefusal(describeProblem('en', { path: '', key: 'too-large', params: { megabytes: MAX_BYTES / 1024 / 1024 } }));
      const outcome = services.forumTransfer.importForum(CLI_ACTOR, fs.readFileSync(source));
      if (!outcome.ok) throw new CliRefusal(`Nothing was imported:\n${outcome.problems.map((p) => describeProblem('en', p)).join('\n')}`);
      const { result } = outcome;
      io.out(`Imported forum ${result.forumId} "${result.name}": ${result.created.meetings ?? 0} meetings, ${result.created.people ?? 0} new people, ${result.created.organizations ?? 0} new organizations (${result.matched.people} people and ${result.matched.organizations} organizations matched by name).`);
    };
  },

  backup: (args) => {
    const [file] = takeWords(args.words, ['FILE']);
    takeFlags(args, []);
    return async ({ services, io }) => {
      const target = path.resolve(file!);
      if (fs.existsSync(target)) throw new CliRefusal(`${file} exists already; a backup never overwrites a file. Give a new name, e.g. one with today's date.`);
      if (!fs.existsSync(path.dirname(target))) throw new CliRefusal(`The folder ${path.dirname(target)} does not exist; create it first.`);
      // A consistent copy even while the server keeps writing, checked before it counts as a backup.
      const { totalPages, damage } = await backUpTo(services.store.db, target);
      if (damage !== null) throw new CliRefusal(`The copy at ${file} failed SQLite's check (${damage}); keep the old backups and try again.`);
      io.out(`Backed up the database to ${target} (${totalPages} pages, checked).`);
    };
  },
};

const restoreCommand = (args: ParsedArgs): OfflineRun => {
  const [file] = takeWords(args.words, ['FILE']);
  takeFlags(args, []);
  return {
    offline: ({ io, databasePath }) => {
      const { movedTo, migrations } = restoreDatabase(file!, databasePath);
      io.out(`Restored ${path.resolve(file!)} (checked, ${migrations} migrations) as ${path.resolve(databasePath)}.`);
      io.out(movedTo ? `The database it replaced is at ${movedTo} (with its -wal and -shm, if it had them).` : 'There was no database there before.');
      io.out('Start the app now; it applies any newer migrations and checks the file at start.');
    },
  };
};

function switchUser(args: ParsedArgs, disabled: boolean): Run {
  const [username] = takeWords(args.words, ['NAME']);
  takeFlags(args, []);
  return ({ services, io }) => {
    const user = services.accounts.getByName(username!);
    if (user.disabled === disabled) {
      io.out(`${user.username} is already ${disabled ? 'disabled' : 'enabled'}; nothing changed.`);
      return;
    }
    services.accounts.setDisabled(CLI_ACTOR, user.username, disabled);
    io.out(disabled ? `Disabled ${user.username}: their sessions have ended and their API tokens no longer work.` : `Enabled ${user.username}; they can sign in again.`);
  };
}

function roleOf(word: string): Role {
  if ((ROLES as readonly string[]).includes(word)) return word as Role;
  throw new UsageError(`"${word}" is not a role; use ${ROLES.join(', ')}.`);
}

function idOf(word: string, what: string): number {
  if (/^[1-9]\d{0,14}$/.test(word)) return Number(word);
  throw new UsageError(`${what} must be a number such as 12, not "${word}".`);
}

async function passwordFrom(supplied: () => Promise<string | undefined>): Promise<{ password: string; generated: boolean }> {
  const password = await supplied();
  return password ? { password, generated: false } : { password: randomSecret(), generated: true };
}

function showOnce(username: string, password: string): string {
  return `Password for ${username} (shown only now; hand it over in person): ${password}`;
}

function utc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** A file read only when it is within the import's size limit. */
async function readFileBounded(file: string): Promise<Buffer> {
  let size: number;
  try {
    size = (await fs.promises.stat(file)).size;
  } catch {
    throw new CliRefusal(`There is no file ${file}.`);
  }
  if (size > TABLE_LIMITS.maxBytes) throw new CliRefusal(render(message('import.too-large', { megabytes: TABLE_LIMITS.maxBytes / (1024 * 1024) })));
  return fs.promises.readFile(file);
}
