import { isLocale } from '../../messages/catalogue';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { inWriteTransaction } from '../../store/database';
import type { Store } from '../../store';
import { ROLES, type ApiToken, type Role, type User } from '../../domain/accounts';
import { SYSTEM_ACTOR, type Actor } from '../actor';
import { HashQueue, HashQueueFullError } from './hash-queue';
import { SignInThrottle } from './sign-in-throttle';
import { DEFAULT_SCRYPT, hashPassword, hashPasswordAsync, needsRehash, passwordProblem, randomSecret, sha256, unmatchableHash, verifyPassword, verifyPasswordAsync, type ScryptParams } from './passwords';
import { field, parseInput, said } from '../validation';
import { message, type Message } from '../../messages';
import { storedMessage } from '../../messages/stored';

// The folder's public face: what files outside it import from its inner files.
export { HashQueue, HashQueueFullError } from './hash-queue';
export { randomSecret, sha256, DEFAULT_SCRYPT, type ScryptParams } from './passwords';
export { SignInThrottle } from './sign-in-throttle';

const API_TOKEN_PREFIX = 'fpt_';
/** Like feeds' fetch marks: a script polling every second would otherwise fsync every second. */
const TOKEN_USE_MARK_EVERY_MS = 60_000;

export type SignInResult =
  | { kind: 'user'; user: User }
  | { kind: 'wrong' }
  | { kind: 'refused'; why: 'account-from-address' | 'address'; retryAfterSeconds: number };

const userSchema = z.object({
  username: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string({ error: said('account.username-missing', {}) }).regex(/^[A-Za-z0-9._-]{2,40}$/, said('account.username-form', {})),
  ),
  role: field.oneOf('role', ROLES),
  personId: field.optionalId('person'),
});

/** Users, passwords and API tokens. Passwords and tokens are only ever stored hashed. */
export class AccountService {
  /** A hash to verify against when the user does not exist, so timing does not tell. */
  private readonly dummyHash: string;

  constructor(
    private readonly store: Store,
    private readonly scrypt: ScryptParams = DEFAULT_SCRYPT,
    private readonly clock: () => number = Date.now,
    readonly hashes: HashQueue = new HashQueue(),
    readonly throttle: SignInThrottle = new SignInThrottle(clock),
  ) {
    this.dummyHash = unmatchableHash(scrypt);
  }

  /** On first start: creates the admin (ADMIN_USERNAME, `admin` by default) when there are no users. Returns the generated password, if one was made. */
  ensureAdmin(password: string | undefined, username = 'admin'): { created: boolean; username?: string; generatedPassword?: string } {
    if (this.store.users.count() > 0) return { created: false };
    const generated = password ? undefined : randomSecret();
    const user = this.createUser({ userId: null, username: 'system', role: 'admin' }, { username, role: 'admin', password: password ?? generated! });
    return { created: true, username: user.username, generatedPassword: generated };
  }

  createUser(actor: Actor, raw: { username: unknown; role: unknown; password: string; personId?: unknown }): User {
    const v = parseInput(userSchema, raw);
    const problem = passwordProblem(raw.password);
    if (problem) throw new ValidationError({ password: problem });
    return inWriteTransaction(this.store.db, () => {
      if (this.store.users.findByUsername(v.username)) throw new ValidationError({ username: message('account.username-taken', { username: v.username }) });
      if (v.personId !== null && !this.store.people.find(v.personId)) throw new ValidationError({ personId: message('account.person-missing', { id: v.personId }) });
      const user = this.store.users.insert({ username: v.username, role: v.role, personId: v.personId, disabled: false, locale: null, passwordHash: hashPassword(raw.password, this.scrypt) });
      this.audit(actor, 'create', user, null, user);
      return user;
    });
  }

  /**
   * A sign-in from the web, throttled (sign-in-throttle.ts) by account and
   * address. The hash runs off the event loop through the bounded queue,
   * unknown user names included (against the stand-in hash), so they cost
   * the same and count against the same limits. A full queue throws
   * HashQueueFullError, having hashed nothing.
   */
  async signIn(username: string, password: string, address: string): Promise<SignInResult> {
    const account = username.trim().toLowerCase().slice(0, 100);
    const gate = this.throttle.begin(account, address);
    if (gate.kind === 'refused') return gate;
    const delay = this.throttle.delayMs(account, gate.attempt);
    if (delay > 0) await this.throttle.wait(delay);
    const user = this.store.users.findByUsername(username.trim());
    const ok = await this.hashes.run(() => verifyPasswordAsync(password, user?.passwordHash ?? this.dummyHash));
    if (!user || !ok || user.disabled) return { kind: 'wrong' };
    this.throttle.succeeded(gate.attempt);
    return { kind: 'user', user: await this.upgradeHash(user, password) };
  }

  /** The cost was raised since this hash was made: the password is at hand only now. */
  private async upgradeHash(user: User, password: string): Promise<User> {
    if (!needsRehash(user.passwordHash, this.scrypt)) return user;
    try {
      const passwordHash = await this.hashes.run(() => hashPasswordAsync(password, this.scrypt));
      // Re-read: an admin may have changed the user while the hash ran.
      const current = this.store.users.find(user.id) ?? user;
      return current.passwordHash === user.passwordHash ? this.change(SYSTEM_ACTOR, user.username, { passwordHash }) : current;
    } catch (err) {
      // A busy queue only postpones the upgrade to the next sign-in; the password was right.
      if (err instanceof HashQueueFullError) return user;
      throw err;
    }
  }

  /** Like signIn, but hashing on the calling thread: for the CLI, set-up code and tests, not for requests. */
  authenticate(username: string, password: string): User | null {
    const user = this.store.users.findByUsername(username.trim());
    const ok = verifyPassword(password, user?.passwordHash ?? this.dummyHash);
    if (!user || !ok || user.disabled) return null;
    if (needsRehash(user.passwordHash, this.scrypt)) {
      // The cost was raised since this hash was made: the password is at hand only now.
      return this.change(SYSTEM_ACTOR, user.username, { passwordHash: hashPassword(password, this.scrypt) });
    }
    return user;
  }

  /** Sets a new password; it ends every open session of that user. */
  setPassword(actor: Actor, username: string, password: string): void {
    const problem = passwordProblem(password);
    if (problem) throw new ValidationError({ password: problem });
    const passwordHash = hashPassword(password, this.scrypt);
    inWriteTransaction(this.store.db, () => this.endSessions(this.change(actor, username, { passwordHash })));
  }

  setRole(actor: Actor, username: string, role: string): User {
    const v = parseInput(z.object({ role: field.oneOf('role', ROLES) }), { role });
    return inWriteTransaction(this.store.db, () => {
      if (v.role !== 'admin') this.keepAnAdmin(username, message('account.last-admin-role', { username }));
      return this.change(actor, username, { role: v.role as Role });
    });
  }

  /** Disabling ends the user's sessions at once; their API tokens stop working too. */
  setDisabled(actor: Actor, username: string, disabled: boolean): User {
    return inWriteTransaction(this.store.db, () => {
      if (disabled) this.keepAnAdmin(username, message('account.last-admin-disable', { username }));
      const user = this.change(actor, username, { disabled });
      if (disabled) this.endSessions(user);
      return user;
    });
  }

  /** The language the user reads the app in; null returns them to their browser's. */
  setLocale(actor: Actor, username: string, locale: unknown): User {
    const chosen = locale === '' || locale === null || locale === undefined ? null : locale;
    if (chosen !== null && !isLocale(chosen)) throw new ValidationError({ locale: message('field.choose-valid', { label: 'Language' }) });
    return this.change(actor, username, { locale: chosen });
  }

  getByName(username: string): User {
    const user = this.store.users.findByUsername(username);
    if (!user) throw new NotFoundError(message('account.user-not-found', { username }));
    return user;
  }

  find(id: number): User | undefined {
    return this.store.users.find(id);
  }

  list(): User[] {
    return this.store.users.list();
  }

  /** Makes an API token for a user; the secret is returned once and stored only as a hash. */
  createApiToken(actor: Actor, username: string, rawLabel: string): { id: number; token: string } {
    const { label } = parseInput(z.object({ label: field.text('label of the token (what it is for)', 200) }), { label: rawLabel });
    const user = this.getByName(username);
    const token = API_TOKEN_PREFIX + randomSecret(24);
    const id = inWriteTransaction(this.store.db, () => {
      const id = this.store.apiTokens.insert({ userId: user.id, label, tokenHash: sha256(token), createdAt: this.clock() });
      this.auditToken(actor, 'create', this.apiToken(id), null, user.username);
      return id;
    });
    return { id, token };
  }

  listApiTokens(username: string): ApiToken[] {
    return this.store.apiTokens.listForUser(this.getByName(username).id);
  }

  /** Revokes a token for good; the row stays, so the audit log and `token list` can still name it. */
  revokeApiToken(actor: Actor, id: number): ApiToken {
    return inWriteTransaction(this.store.db, () => {
      const before = this.apiToken(id);
      if (before.revokedAt !== null) throw new ValidationError({ _form: message('account.token-revoked', { id }) });
      this.store.apiTokens.revoke(id, this.clock());
      const after = this.apiToken(id);
      this.auditToken(actor, 'update', after, before, this.find(after.userId)?.username ?? String(after.userId));
      return after;
    });
  }

  private apiToken(id: number): ApiToken {
    const token = this.store.apiTokens.find(id);
    if (!token) throw new NotFoundError(message('account.token-not-found', { id }));
    return token;
  }

  authenticateApiToken(token: string): User | null {
    if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
    const row = this.store.apiTokens.findActiveByHash(sha256(token));
    if (!row) return null;
    const user = this.store.users.find(row.userId);
    if (!user || user.disabled) return null;
    // Bookkeeping, not the read itself: written at most once a minute per token, and skipped when the database cannot take it.
    const now = this.clock();
    if (row.lastUsedAt === null || now - row.lastUsedAt >= TOKEN_USE_MARK_EVERY_MS) this.store.apiTokens.markUsed(row.id, now);
    return user;
  }

  private endSessions(user: User): void {
    this.store.users.endSessions(user.id);
  }

  /** Refuses to take away the last enabled admin: nobody could manage users afterwards. */
  private keepAnAdmin(username: string, refusal: Message): void {
    const user = this.getByName(username);
    if (user.role !== 'admin' || user.disabled) return;
    const admins = this.store.users.list().filter((u) => u.role === 'admin' && !u.disabled);
    if (admins.length <= 1) throw new ValidationError({ _form: refusal });
  }

  private auditToken(actor: Actor, action: 'create' | 'update', token: ApiToken, before: ApiToken | null, owner: string): void {
    this.store.audit.append({ at: this.clock(), userId: actor.userId, username: actor.username, action, entity: 'api_token', entityId: token.id, forumId: null, summary: storedMessage(message('audit.summary.api-token', { owner, label: token.label })), before, after: token });
  }

  private change(actor: Actor, username: string, values: Partial<Omit<User, 'id' | 'version'>>): User {
    return inWriteTransaction(this.store.db, () => {
      const before = this.getByName(username);
      const after = this.store.users.update(before.id, before.version, values)!;
      this.audit(actor, 'update', after, before, after);
      return after;
    });
  }

  private audit(actor: Actor, action: 'create' | 'update', user: User, before: User | null, after: User | null): void {
    // The hash never goes into the log, not even hashed.
    const redact = (u: User | null) => (u ? { ...u, passwordHash: '[redacted]' } : null);
    this.store.audit.append({ at: this.clock(), userId: actor.userId, username: actor.username, action, entity: 'user', entityId: user.id, forumId: null, summary: user.username, before: redact(before), after: redact(after) });
  }
}
