import crypto from 'node:crypto';
import { message, type Message } from '../../messages';

/**
 * scrypt with its parameters stored beside the hash ("scrypt$N$r$p$salt$hash"),
 * so the cost can be raised later and old hashes still verify (and get
 * re-hashed on the next login). N = 2^17, r = 8, p = 1 follows OWASP's
 * scrypt recommendation; it needs 128 * N * r = 128 MiB, hence maxmem.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, { N, r, p }: ScryptParams): Buffer {
  return crypto.scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}

/** The same key as derive(), computed on a libuv thread so the event loop keeps answering meanwhile. */
function deriveAsync(password: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPasswordAsync(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await deriveAsync(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPasswordAsync(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await deriveAsync(password, parsed.salt, parsed);
  return key.length === parsed.key.length && crypto.timingSafeEqual(key, parsed.key);
}

/** Blocks the event loop for the whole hash: for the CLI and set-up code, never for a request's sign-in. */
export function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): string {
  const salt = crypto.randomBytes(16);
  const key = derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export function parseHash(stored: string): (ScryptParams & { salt: Buffer; key: Buffer }) | null {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !N || !r || !p || !salt || !key) return null;
  return { N: Number(N), r: Number(r), p: Number(p), salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

export function verifyPassword(password: string, stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = derive(password, parsed.salt, parsed);
  return key.length === parsed.key.length && crypto.timingSafeEqual(key, parsed.key);
}

/**
 * A well-formed hash with the given parameters that no password matches
 * (random salt and key). Verifying against it costs exactly what verifying a
 * real hash costs, without spending a hash to make it.
 */
export function unmatchableHash(params: ScryptParams = DEFAULT_SCRYPT): string {
  return ['scrypt', params.N, params.r, params.p, crypto.randomBytes(16).toString('base64url'), crypto.randomBytes(KEY_LENGTH).toString('base64url')].join('$');
}

/** True when the stored hash is weaker than what we would write today. */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.N < params.N || parsed.r < params.r || parsed.p < params.p;
}

/** What a password must be; the message says what to change. */
export function passwordProblem(password: string): Message | null {
  if (password.length < 10) return message('account.password-short', {});
  if (password.length > 200) return message('account.password-long', {});
  return null;
}

/** A secret for humans to copy once (admin's first password, API tokens). */
export function randomSecret(bytes = 18): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
