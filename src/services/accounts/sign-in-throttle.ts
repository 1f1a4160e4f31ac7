/**
 * How failed sign-ins are slowed, counted three ways over a 15-minute window,
 * so that guessing is slow and nobody can lock the owner out:
 *
 * - one account from one address: strict (8, then 429). It stops a guesser
 *   and costs the owner nothing unless the guesser shares their address.
 * - one address, any account: strict (50, then 429): one machine trying names.
 * - one account from anywhere: never a refusal, only a wait before the
 *   password is checked, 250 ms doubling with each failure up to 5 s. A lock
 *   here is what let 40 failures from 5 addresses shut `admin` out; a wait
 *   slows a spread-out guesser to 12 guesses a minute while the owner, with
 *   the right password from an address of their own, still gets in.
 *
 * Attempts count when they begin (so parallel requests cannot slip past a
 * limit while their hashes run) and a success takes its own attempt back.
 * Kept in memory: a restart forgets, which only ever helps the owner.
 */
export const SIGN_IN_LIMITS = {
  windowMinutes: 15,
  accountFromAddress: 8,
  address: 50,
  accountDelay: { firstMs: 250, maxMs: 5000 },
} as const;

/** Beyond this many keys the oldest are forgotten, so random user names cannot grow memory without end. */
const MAX_KEYS = 20_000;

export type SignInGate =
  | { kind: 'refused'; why: 'account-from-address' | 'address'; retryAfterSeconds: number }
  | { kind: 'go'; attempt: Attempt };

export interface Attempt {
  keys: string[];
  at: number;
}

export class SignInThrottle {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly clock: () => number = Date.now,
    /** Waits `ms`; injectable so tests neither sleep nor race a real timer. */
    readonly wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Decides before any hashing; on 'go' the attempt is counted, and the caller must wait delayMs(account) first. */
  begin(account: string, address: string): SignInGate {
    const now = this.clock();
    const pair = `pair ${address} ${account}`;
    const byAddress = `address ${address}`;
    const checks = [
      { key: pair, limit: SIGN_IN_LIMITS.accountFromAddress, why: 'account-from-address' as const },
      { key: byAddress, limit: SIGN_IN_LIMITS.address, why: 'address' as const },
    ];
    for (const { key, limit, why } of checks) {
      const recent = this.recent(key, now);
      if (recent.length >= limit) return { kind: 'refused', why, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.windowMs() - now) / 1000)) };
    }
    const keys = [pair, byAddress, `account ${account}`];
    for (const key of keys) this.add(key, now);
    return { kind: 'go', attempt: { keys, at: now } };
  }

  /** The wait before checking a password for `account`: none until it has failed, then 250 ms doubling to 5 s. */
  delayMs(account: string, attempt?: Attempt): number {
    // The attempt in hand is not a failure (yet): it does not slow itself.
    const failures = this.recent(`account ${account}`, this.clock()).length - (attempt ? 1 : 0);
    if (failures <= 0) return 0;
    const { firstMs, maxMs } = SIGN_IN_LIMITS.accountDelay;
    return Math.min(maxMs, firstMs * 2 ** Math.min(failures - 1, 16));
  }

  /** A right password: its attempt was not a failure. */
  succeeded(attempt: Attempt): void {
    for (const key of attempt.keys) {
      const times = this.hits.get(key);
      const at = times?.indexOf(attempt.at) ?? -1;
      if (times && at >= 0) times.splice(at, 1);
      if (times && times.length === 0) this.hits.delete(key);
    }
  }

  private windowMs(): number {
    return SIGN_IN_LIMITS.windowMinutes * 60_000;
  }

  private recent(key: string, now: number): number[] {
    const times = this.hits.get(key);
    if (!times) return [];
    const from = now - this.windowMs();
    while (times.length && times[0]! <= from) times.shift();
    if (!times.length) this.hits.delete(key);
    return times;
  }

  private add(key: string, now: number): void {
    const times = this.hits.get(key);
    if (times) {
      times.push(now);
      // Only the count within the window matters, and no limit is above the address limit.
      if (times.length > SIGN_IN_LIMITS.address + 1) times.shift();
      return;
    }
    if (this.hits.size >= MAX_KEYS) this.hits.delete(this.hits.keys().next().value!);
    this.hits.set(key, [now]);
  }
}
