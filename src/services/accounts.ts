import { z } from 'zod';
import { NotFoundError, ValidationError } from '../domain/errors';
import { inWriteTransaction } from '../store/database';
import type { Store } from '../store';
import { ROLES, type Role, type User } from '../store/repositories/users';
import type { Actor } from './actor';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, passwordProblem, randomSecret, sha256, verifyPassword, type ScryptParams } from './passwords';
import { field, parseInput } from './validation';

const API_TOKEN_PREFIX = 'fpt_';

const userSchema = z.object({
  username: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string({ error: 'Enter a user name.' }).regex(/^[A-Za-z0-9._-]{2,40}$/, 'Use 2–40 letters, digits, dots, dashes or underscores for the user name.'),
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
  ) {
    this.dummyHash = hashPassword(randomSecret(), scrypt);
  }

  /** On first start: creates `admin` when there are no users. Returns the generated password, if one was made. */
  ensureAdmin(password: string | undefined): { created: boolean; generatedPassword?: string } {
    if (this.store.users.count() > 0) return { created: false };
    const generated = password ? undefined : randomSecret();
    this.createUser({ userId: null, username: 'system', role: 'admin' }, { username: 'admin', role: 'admin', password: password ?? generated! });
    return { created: true, generatedPassword: generated };
  }

  createUser(actor: Actor, raw: { username: unknown; role: unknown; password: string; personId?: unknown }): User {
    const v = parseInput(userSchema, raw);
    const problem = passwordProblem(raw.password);
    if (problem) throw new ValidationError({ password: problem });
    return inWriteTransaction(this.store.db, () => {
      if (this.store.users.findByUsername(v.username)) throw new ValidationError({ username: `The user name ${v.username} is taken; choose another.` });
      const user = this.store.users.insert({ username: v.username, role: v.role, personId: v.personId, disabled: false, passwordHash: hashPassword(raw.password, this.scrypt) });
      this.audit(actor, 'create', user, null, user);
      return user;
    });
  }

  /** The user if the password is right and the account is enabled; otherwise null. */
  authenticate(username: string, password: string): User | null {
    const user = this.store.users.findByUsername(username.trim());
    const ok = verifyPassword(password, user?.passwordHash ?? this.dummyHash);
    if (!user || !ok || user.disabled) return null;
    if (needsRehash(user.passwordHash, this.scrypt)) {
      this.store.users.update(user.id, user.version, { passwordHash: hashPassword(password, this.scrypt) });
    }
    return this.store.users.find(user.id)!;
  }

  setPassword(actor: Actor, username: string, password: string): void {
    const problem = passwordProblem(password);
    if (problem) throw new ValidationError({ password: problem });
    this.change(actor, username, { passwordHash: hashPassword(password, this.scrypt) });
    // A new password ends every open session of that user.
    this.store.db.prepare("DELETE FROM web_session WHERE json_extract(data, '$.userId') = ?").run(this.getByName(username).id);
  }

  setRole(actor: Actor, username: string, role: string): User {
    const v = parseInput(z.object({ role: field.oneOf('role', ROLES) }), { role });
    return this.change(actor, username, { role: v.role as Role });
  }

  setDisabled(actor: Actor, username: string, disabled: boolean): User {
    const user = this.change(actor, username, { disabled });
    if (disabled) this.store.db.prepare("DELETE FROM web_session WHERE json_extract(data, '$.userId') = ?").run(user.id);
    return user;
  }

  getByName(username: string): User {
    const user = this.store.users.findByUsername(username);
    if (!user) throw new NotFoundError(`There is no user called ${username}.`);
    return user;
  }

  find(id: number): User | undefined {
    return this.store.users.find(id);
  }

  list(): User[] {
    return this.store.users.list();
  }

  /** Makes an API token for a user; the secret is returned once and stored only as a hash. */
  createApiToken(actor: Actor, username: string, label: string): { id: number; token: string } {
    const user = this.getByName(username);
    const token = API_TOKEN_PREFIX + randomSecret(24);
    const id = inWriteTransaction(this.store.db, () => {
      const id = this.store.apiTokens.insert({ userId: user.id, label: label.trim().slice(0, 200), tokenHash: sha256(token), createdAt: this.clock() });
      this.store.audit.append({ at: this.clock(), userId: actor.userId, username: actor.username, action: 'create', entity: 'api_token', entityId: id, forumId: null, summary: `API token for ${user.username}: ${label}`, before: null, after: { userId: user.id, label } });
      return id;
    });
    return { id, token };
  }

  authenticateApiToken(token: string): User | null {
    if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 100) return null;
    const row = this.store.apiTokens.findActiveByHash(sha256(token));
    if (!row) return null;
    const user = this.store.users.find(row.userId);
    if (!user || user.disabled) return null;
    this.store.apiTokens.markUsed(row.id, this.clock());
    return user;
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
