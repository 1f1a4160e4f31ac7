import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { runCli, USAGE } from '../../src/cli/commands';
import { verifyPassword } from '../../src/services/accounts/passwords';
import { createTestApp, csrfFrom, PASSWORD, signIn, type TestContext } from '../support/app';

// A fresh database with the demo, and real scrypt and HTTP round trips: seconds, not milliseconds, on a busy machine.
jest.setTimeout(30_000);

/**
 * The operators' CLI. Most tests call runCli in-process over the test app's
 * services (cheap scrypt), so each result can be checked through the web app
 * itself; the last ones run the real entry point with tsx against a fresh file.
 */
let ctx: TestContext;
let dir: string;
beforeAll(() => {
  ctx = createTestApp();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-cli-'));
});
afterAll(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs one command; `password` is what FP_PASSWORD or piped stdin would supply. */
async function cli(argv: string[], password?: string) {
  const out: string[] = [];
  const err: string[] = [];
  let opened = false;
  const code = await runCli(argv, {
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
    open: () => {
      opened = true;
      return { services: ctx.services, suppliedPassword: async () => password };
    },
  });
  return { code, out: out.join('\n'), err: err.join('\n'), opened };
}

async function canSignIn(username: string, password: string): Promise<boolean> {
  const agent = request.agent(ctx.app);
  // The token first: an agent attaches its cookies when the request is created.
  const csrf = await csrfFrom(agent, '/login');
  const res = await agent.post('/login').type('form').send({ _csrf: csrf, username, password });
  return res.status === 303;
}

const lastAudit = (entity: string) => ctx.services.audit.list({ entity, limit: 1 })[0]!;

describe('command line mistakes: exit 2, the reason, the usage, and the database left unopened', () => {
  it.each([
    { name: 'unknown command', argv: ['frobnicate'], says: '"frobnicate" is not a command.' },
    { name: 'unknown action', argv: ['user', 'rol', 'anna'], says: '"user rol" is not a command; user takes add, passwd, role, disable, enable, list.' },
    { name: 'missing user name', argv: ['user', 'add', '--role', 'planner'], says: 'Give NAME.' },
    { name: 'missing role', argv: ['user', 'add', 'anna'], says: 'Give --role.' },
    { name: 'unknown role', argv: ['user', 'add', 'anna', '--role', 'boss'], says: '"boss" is not a role; use admin, planner, viewer.' },
    { name: 'role command with a bad role', argv: ['user', 'role', 'anna', 'root'], says: '"root" is not a role; use admin, planner, viewer.' },
    { name: 'option without a value', argv: ['token', 'create', '--user'], says: '--user needs a value, e.g. --user VALUE.' },
    { name: 'option followed by another option', argv: ['token', 'create', '--user', '--label', 'x'], says: '--user needs a value' },
    { name: 'unknown option', argv: ['user', 'list', '--all', 'yes'], says: 'Unknown option --all.' },
    { name: 'option the command does not take', argv: ['user', 'add', 'anna', '--role', 'viewer', '--label', 'x'], says: 'Unknown option --label; this command takes --role, --person.' },
    { name: 'token without label', argv: ['token', 'create', '--user', 'anna'], says: 'Give --label.' },
    { name: 'id that is not a number', argv: ['token', 'revoke', 'abc'], says: 'ID must be a number such as 12, not "abc".' },
    { name: 'person id that is not a number', argv: ['user', 'add', 'anna', '--role', 'viewer', '--person', 'Leyla'], says: '--person must be a number' },
    { name: 'extra word', argv: ['user', 'list', 'everyone'], says: 'Unexpected "everyone".' },
    { name: 'backup without a file', argv: ['backup'], says: 'Give FILE.' },
    { name: 'option given twice', argv: ['token', 'list', '--user', 'a', '--user=b'], says: '--user is given twice.' },
  ])('$name', async ({ argv, says }) => {
    const res = await cli(argv);
    expect(res.code).toBe(2);
    expect(res.err).toContain(says);
    expect(res.err).toContain(USAGE);
    expect(res.opened).toBe(false);
  });

  it.each([{ argv: [] }, { argv: ['--help'] }, { argv: ['user', 'add', '-h'] }])('prints the usage for $argv', async ({ argv }) => {
    const res = await cli(argv);
    expect(res).toMatchObject({ code: 0, out: USAGE, opened: false });
  });
});

describe('user', () => {
  it('add: with a supplied password, audited as cli; the user can sign in', async () => {
    const res = await cli(['user', 'add', 'anna', '--role', 'planner'], 'Anna-password-2019');
    expect(res).toMatchObject({ code: 0, out: 'Created planner anna.' });
    expect(await canSignIn('anna', 'Anna-password-2019')).toBe(true);
    expect(lastAudit('user')).toMatchObject({ action: 'create', username: 'cli', summary: 'anna' });
  });

  it('add: without one, generates a password and prints it once', async () => {
    const res = await cli(['user', 'add', 'bahram', '--role=viewer']);
    expect(res.code).toBe(0);
    const printed = /Password for bahram \(shown only now; hand it over in person\): (\S+)$/.exec(res.out)![1]!;
    expect(printed.length).toBeGreaterThanOrEqual(20);
    expect(await canSignIn('bahram', printed)).toBe(true);
  });

  it('add --person links the user to a delegate', async () => {
    const personId = ctx.demo!.people.mustafayev!;
    const res = await cli(['user', 'add', 'minister', '--role', 'viewer', '--person', String(personId)], 'Minister-pass-2019');
    expect(res.out).toBe('Created viewer minister, linked to Shahin Mustafayev.');
    expect(ctx.services.accounts.getByName('minister').personId).toBe(personId);
  });

  it.each([
    { name: 'taken name', argv: ['user', 'add', 'ANNA', '--role', 'viewer'], password: 'Long-enough-pass', says: 'The user name ANNA is taken; choose another.' },
    { name: 'short password', argv: ['user', 'add', 'carl', '--role', 'viewer'], password: 'short', says: 'Use at least 10 characters for the password.' },
    { name: 'bad user name', argv: ['user', 'add', 'a b', '--role', 'viewer'], password: 'Long-enough-pass', says: 'Use 2–40 letters, digits, dots, dashes or underscores for the user name.' },
    { name: 'missing person', argv: ['user', 'add', 'dana', '--role', 'viewer', '--person', '99999'], password: 'Long-enough-pass', says: 'There is no person with id 99999' },
    { name: 'unknown user', argv: ['user', 'passwd', 'nobody'], password: 'Long-enough-pass', says: 'There is no user called nobody.' },
    { name: 'unknown user for role', argv: ['user', 'role', 'nobody', 'viewer'], password: undefined, says: 'There is no user called nobody.' },
  ])('refuses with exit 1 and says why: $name', async ({ argv, password, says }) => {
    const users = ctx.services.accounts.list().length;
    const res = await cli(argv, password);
    expect(res.code).toBe(1);
    expect(res.err).toContain(says);
    expect(res.out).toBe('');
    expect(ctx.services.accounts.list().length).toBe(users);
  });

  it('passwd: sets the new password and ends open sessions', async () => {
    const planner = await signIn(ctx, 'forgetful', 'planner');
    const res = await cli(['user', 'passwd', 'forgetful'], 'Brand-new-password-7');
    expect(res).toMatchObject({ code: 0, out: 'Set a new password for forgetful; their open sessions have ended.' });
    expect((await planner.get('/people')).headers.location).toMatch(/^\/login/);
    expect(await canSignIn('forgetful', PASSWORD)).toBe(false);
    expect(await canSignIn('forgetful', 'Brand-new-password-7')).toBe(true);
    expect(lastAudit('user')).toMatchObject({ username: 'cli', after: expect.objectContaining({ passwordHash: '[redacted]' }) });
  });

  it('role: changes it at once, but never demotes the last admin', async () => {
    expect(await cli(['user', 'role', 'anna', 'admin'])).toMatchObject({ code: 0, out: 'anna is now admin.' });
    expect(ctx.services.accounts.getByName('anna').role).toBe('admin');
    const back = await cli(['user', 'role', 'anna', 'planner']);
    expect(back).toMatchObject({ code: 1, err: 'anna is the last active admin; make another user admin first.' });
    expect(await cli(['user', 'add', 'chief', '--role', 'admin'], 'Chief-password-2019')).toMatchObject({ code: 0 });
    expect(await cli(['user', 'role', 'anna', 'planner'])).toMatchObject({ code: 0, out: 'anna is now planner.' });

  });

  it('disable and enable: a disabled user is signed out and cannot sign in; saying it twice changes nothing', async () => {
    const viewer = await signIn(ctx, 'seasonal', 'viewer');
    expect(await cli(['user', 'disable', 'seasonal'])).toMatchObject({ code: 0, out: 'Disabled seasonal: their sessions have ended and their API tokens no longer work.' });
    expect((await viewer.get('/people')).headers.location).toMatch(/^\/login/);
    expect(await canSignIn('seasonal', PASSWORD)).toBe(false);

    const auditRows = ctx.services.audit.list({ entity: 'user', limit: 10_000 }).length;
    expect(await cli(['user', 'disable', 'seasonal'])).toMatchObject({ code: 0, out: 'seasonal is already disabled; nothing changed.' });
    expect(ctx.services.audit.list({ entity: 'user', limit: 10_000 }).length).toBe(auditRows);

    expect(await cli(['user', 'enable', 'seasonal'])).toMatchObject({ code: 0, out: 'Enabled seasonal; they can sign in again.' });
    expect(await canSignIn('seasonal', PASSWORD)).toBe(true);
  });

  it('list: every user with role, person and state', async () => {
    const res = await cli(['user', 'list']);
    expect(res.code).toBe(0);
    const lines = res.out.split('\n');
    expect(lines[0]).toMatch(/^ID\s+USER\s+ROLE\s+PERSON\s+STATE$/);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+\s+minister\s+viewer\s+Shahin Mustafayev\s+active$/), expect.stringMatching(/^\d+\s+anna\s+planner\s+active$/)]));
  });
});

describe('token', () => {
  it('create prints the token once; it works as a bearer token; list never shows it; revoke stops it', async () => {
    const created = await cli(['token', 'create', '--user', 'anna', '--label', 'nightly export']);
    expect(created.code).toBe(0);
    const token = /Token \(shown only now; the database keeps only a hash\): (fpt_\S+)/.exec(created.out)![1]!;
    const id = Number(/Created API token (\d+) for anna \(planner\), labelled "nightly export"\./.exec(created.out)![1]);
    expect((await request(ctx.app).get('/api/v1/people').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    expect(lastAudit('api_token')).toMatchObject({ action: 'create', username: 'cli', entityId: id });

    const listed = await cli(['token', 'list', '--user', 'anna']);
    expect(listed.out).toMatch(new RegExp(`^${id}\\s+nightly export\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+active$`, 'm'));
    expect(listed.out).not.toContain(token);

    expect(await cli(['token', 'revoke', String(id)])).toMatchObject({ code: 0, out: `Revoked API token ${id} ("nightly export"); scripts using it now get 401.` });
    expect((await request(ctx.app).get('/api/v1/people').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await cli(['token', 'list', '--user', 'anna'])).out).toMatch(new RegExp(`^${id}\\s.*revoked \\d{4}-`, 'm'));
    expect(lastAudit('api_token')).toMatchObject({ action: 'update', username: 'cli' });
  });

  it.each([
    { name: 'revoked twice', argv: () => ['token', 'revoke', String(ctx.services.accounts.listApiTokens('anna')[0]!.id)], says: 'is already revoked.' },
    { name: 'unknown token', argv: () => ['token', 'revoke', '424242'], says: 'There is no API token with id 424242.' },
    { name: 'unknown user', argv: () => ['token', 'create', '--user', 'nobody', '--label', 'x'], says: 'There is no user called nobody.' },
    { name: 'blank label', argv: () => ['token', 'create', '--user', 'anna', '--label', '  '], says: 'Enter the label of the token (what it is for).' },
    { name: 'list for an unknown user', argv: () => ['token', 'list', '--user', 'nobody'], says: 'There is no user called nobody.' },
  ])('refuses with exit 1: $name', async ({ argv, says }) => {
    const res = await cli(argv());
    expect(res.code).toBe(1);
    expect(res.err).toContain(says);
  });

  it('says so when a user has no tokens', async () => {
    expect(await cli(['token', 'list', '--user', 'bahram'])).toMatchObject({ code: 0, out: 'bahram has no API tokens.' });
  });
});

describe('backup', () => {
  it('copies the live database to a new file, checked, and never overwrites one', async () => {
    const file = path.join(dir, 'backup-2019-06-07.db');
    const res = await cli(['backup', file]);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^Backed up the database to .*backup-2019-06-07\.db \(\d+ pages, checked\)\.$/);
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.prepare("SELECT role FROM app_user WHERE username = 'anna'").pluck().get()).toBe('planner');
      expect(copy.prepare('SELECT count(*) FROM person').pluck().get()).toBe(ctx.services.people.list().length);
    } finally {
      copy.close();
    }

    const again = await cli(['backup', file]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('exists already; a backup never overwrites a file.');
    const nowhere = await cli(['backup', path.join(dir, 'missing', 'x.db')]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toMatch(/The folder .*missing does not exist; create it first\./);
  });
});

describe('npm run cli (the real entry point)', () => {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const run = (args: string[], opts: { input?: string; env?: Record<string, string> } = {}) =>
    spawnSync(tsx, ['src/cli/main.ts', ...args], {
      input: opts.input ?? '',
      encoding: 'utf8',
      env: { ...process.env, DATABASE_PATH: path.join(dir, 'cli.db'), LOG_LEVEL: 'silent', FP_PASSWORD: '', ...opts.env },
      timeout: 60_000,
    });

  it('migrates a new database, reads the password from stdin, and exits 0, 1 or 2', () => {
    const added = run(['user', 'add', 'operator', '--role', 'admin'], { input: 'Piped-password-2019\n' });
    expect({ status: added.status, stdout: added.stdout, stderr: added.stderr }).toEqual({ status: 0, stdout: 'Created admin operator.\n', stderr: '' });
    const db = new Database(path.join(dir, 'cli.db'), { readonly: true });
    try {
      // Production parameters: N = 2^17.
      expect(db.prepare("SELECT password_hash FROM app_user WHERE username = 'operator'").pluck().get()).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(db.prepare("SELECT username FROM audit_log WHERE entity = 'user'").pluck().get()).toBe('cli');
    } finally {
      db.close();
    }

    const refused = run(['user', 'role', 'nobody', 'viewer']);
    expect({ status: refused.status, stderr: refused.stderr }).toEqual({ status: 1, stderr: 'There is no user called nobody.\n' });
    const wrong = run(['user', 'promote', 'operator']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('"user promote" is not a command');
  }, 120_000);

  it('takes FP_PASSWORD before stdin', () => {
    const res = run(['user', 'passwd', 'operator'], { input: 'From-stdin-password\n', env: { FP_PASSWORD: 'From-env-password-1' } });
    expect(res.status).toBe(0);
    const db = new Database(path.join(dir, 'cli.db'), { readonly: true });
    try {
      const hash = db.prepare("SELECT password_hash FROM app_user WHERE username = 'operator'").pluck().get() as string;
      // Verifying with production parameters takes a second; it is the only way to know which password was taken.
      expect(verifyPassword('From-env-password-1', hash)).toBe(true);
    } finally {
      db.close();
    }
  }, 120_000);
});
