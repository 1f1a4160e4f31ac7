import { ValidationError } from '../../src/domain/errors';
import { AccountService } from '../../src/services/accounts';
import { parseHash } from '../../src/services/accounts/passwords';
import { addUser, createTestApp, PASSWORD, signIn, TEST_SCRYPT, textOf, type TestContext } from '../support/app';
import { SYSTEM_ACTOR } from '../../src/services/actor';

// A fresh database with the demo, and real scrypt and HTTP round trips: seconds, not milliseconds, on a busy machine.
jest.setTimeout(30_000);

let ctx: TestContext;
beforeAll(() => {
  ctx = createTestApp();
});
afterAll(() => ctx.close());

const fieldsOf = (fn: () => unknown): Record<string, string> => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err.fields;
    throw err;
  }
  throw new Error('expected a ValidationError');
};

describe('accounts', () => {
  it('keeps at least one active admin: the last one cannot be disabled or demoted', () => {
    const fresh = createTestApp({ demo: false });
    try {
      const { accounts } = fresh.services;
      accounts.ensureAdmin('First-admin-password');
      expect(fieldsOf(() => accounts.setDisabled(SYSTEM_ACTOR, 'admin', true))._form).toMatch(/last active admin/);
      expect(fieldsOf(() => accounts.setRole(SYSTEM_ACTOR, 'admin', 'planner'))._form).toMatch(/last active admin/);
      accounts.createUser(SYSTEM_ACTOR, { username: 'second', role: 'admin', password: PASSWORD });
      expect(accounts.setDisabled(SYSTEM_ACTOR, 'admin', true).disabled).toBe(true);
      expect(fieldsOf(() => accounts.setRole(SYSTEM_ACTOR, 'second', 'viewer'))._form).toMatch(/last active admin/);
    } finally {
      fresh.close();
    }
  });

  it('says which person is missing instead of failing on the foreign key', () => {
    expect(fieldsOf(() => ctx.services.accounts.createUser(SYSTEM_ACTOR, { username: 'ghost-link', role: 'viewer', password: PASSWORD, personId: 999_999 })).personId).toMatch(
      /no person with id 999999/,
    );
  });

  it('shows the same message on the users page, input kept', async () => {
    const admin = await signIn(ctx, 'users-admin', 'admin');
    const res = await admin.submit('/admin/users', '/admin/users', { username: 'ghost-link', role: 'viewer', password: PASSWORD, personId: 999_999 });
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('There is no person with id 999999');
    expect(res.text).toContain('value="ghost-link"');
  });

  it('re-hashes a password made with weaker parameters at the next login, and audits it without the hash', () => {
    addUser(ctx, 'old-hash', 'planner');
    const stronger = { ...TEST_SCRYPT, N: TEST_SCRYPT.N * 2 };
    const accounts = new AccountService(ctx.services.store, stronger);
    const user = accounts.authenticate('old-hash', PASSWORD)!;
    expect(parseHash(user.passwordHash)!.N).toBe(stronger.N);
    expect(accounts.authenticate('old-hash', PASSWORD)?.id).toBe(user.id);
    const [entry] = ctx.services.audit.list({ entity: 'user', entityId: user.id, limit: 1 });
    expect(entry).toMatchObject({ action: 'update', username: 'system' });
    expect(JSON.stringify(entry)).not.toContain(user.passwordHash);
  });

  it('takes as long to refuse an unknown user as a wrong password, so timing does not tell who has an account', () => {
    const params = { N: 2 ** 14, r: 8, p: 1 };
    const accounts = new AccountService(ctx.services.store, params);
    accounts.createUser(SYSTEM_ACTOR, { username: 'timed', role: 'viewer', password: PASSWORD });
    const median = (fn: () => unknown) => {
      const times = Array.from({ length: 7 }, () => {
        // CPU time of this process, not wall time: another process loading the machine does not move it.
        const start = process.cpuUsage();
        fn();
        const used = process.cpuUsage(start);
        return used.user + used.system;
      }).sort((a, b) => a - b);
      return times[3]!;
    };
    const unknown = median(() => accounts.authenticate('no-such-user', 'Wrong-password-1'));
    const wrong = median(() => accounts.authenticate('timed', 'Wrong-password-1'));
    // Without the stand-in hash an unknown user would answer in microseconds, a ratio near 0.
    expect(unknown / wrong).toBeGreaterThan(0.5);
    expect(unknown / wrong).toBeLessThan(2);
  });

  it('lists, labels and revokes API tokens, auditing each without the secret', () => {
    addUser(ctx, 'scripted', 'planner');
    const { accounts } = ctx.services;
    expect(fieldsOf(() => accounts.createApiToken(SYSTEM_ACTOR, 'scripted', '   ')).label).toMatch(/Enter the label/);
    const { id, token } = accounts.createApiToken(SYSTEM_ACTOR, 'scripted', 'nightly export');
    expect(token).toMatch(/^fpt_[\w-]{32}$/);
    expect(accounts.listApiTokens('scripted')).toEqual([expect.objectContaining({ id, label: 'nightly export', revokedAt: null })]);
    expect(accounts.authenticateApiToken(token)?.username).toBe('scripted');

    accounts.revokeApiToken(SYSTEM_ACTOR, id);
    expect(accounts.authenticateApiToken(token)).toBeNull();
    expect(accounts.listApiTokens('scripted')[0]!.revokedAt).not.toBeNull();
    expect(fieldsOf(() => accounts.revokeApiToken(SYSTEM_ACTOR, id))._form).toMatch(/already revoked/);

    const entries = ctx.services.audit.list({ entity: 'api_token', entityId: id });
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0]!.summary).toBe('API token of scripted: nightly export');
    const stored = ctx.services.store.db.prepare('SELECT token_hash FROM api_token WHERE id = ?').pluck().get(id) as string;
    expect(JSON.stringify(entries)).not.toContain(token);
    expect(JSON.stringify(entries)).not.toContain(stored);
  });
});
