import pino from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { SIGN_IN_LIMITS } from '../../src/services/accounts/sign-in-throttle';
import { addUser, createTestApp, PASSWORD } from '../support/app';

jest.setTimeout(60_000);

/**
 * The clock and the sign-in wait are the test's: a wait moves the clock on
 * instead of sleeping, so the delays are asserted as numbers and the suite
 * takes no longer for them.
 */
let now = Date.parse('2026-06-01T09:00:00Z');
const waits: number[] = [];
const ctx = createTestApp({ demo: false, clock: () => now, wait: async (ms) => void (waits.push(ms), (now += ms)) });
afterAll(() => ctx.close());
// Behind a trusted proxy, so each test can speak from its own address.
const app = createApp({ services: ctx.services, logger: pino({ level: 'silent' }), sessionSecret: 'throttle-test-secret', trustProxy: true, cookieSecure: false });

/** Sign-in attempts from one address; a signed-in browser is left behind and a fresh one used. */
function from(address: string) {
  let agent: TestAgent | undefined;
  let csrf = '';
  return async (username: string, password: string) => {
    if (!agent) {
      agent = request.agent(app);
      csrf = /name="_csrf" value="([^"]+)"/.exec((await agent.get('/login').set('X-Forwarded-For', address)).text)![1]!;
    }
    const res = await agent.post('/login').set('X-Forwarded-For', address).type('form').send({ _csrf: csrf, username, password });
    if (res.status === 303) agent = undefined;
    return res;
  };
}
const perPair = SIGN_IN_LIMITS.accountFromAddress;

describe('a stranger cannot lock the owner out', () => {
  it('lets the owner in with the right password from a fresh address after 40 failures from 5 addresses, only slowed', async () => {
    addUser(ctx, 'owner', 'admin');
    waits.length = 0;
    for (let a = 0; a < 5; a++) {
      const machine = from(`192.0.2.${a + 1}`);
      for (let i = 0; i < perPair; i++) expect((await machine('owner', `guess-${a}-${i}-password`)).status).toBe(401);
    }
    // The spread-out guesser is slowed: 250 ms doubling per failure, up to 5 s.
    expect(waits.slice(0, 6)).toEqual([250, 500, 1000, 2000, 4000, 5000]);
    expect(waits).toHaveLength(39);
    expect(Math.max(...waits)).toBe(5000);

    const res = await from('198.51.100.20')('owner', PASSWORD);
    expect(res.status).toBe(303);
    expect(waits.at(-1)).toBe(5000);
  });

  it('refuses the guessing address with 429 and Retry-After, even with the right password', async () => {
    const guesser = from('192.0.2.1');
    const refused = await guesser('owner', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.text).toMatch(/Too many failed sign-ins for this user from your network\. Try again in \d+ minutes?\./);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('lets the same address sign in to another account', async () => {
    addUser(ctx, 'colleague', 'planner');
    expect((await from('192.0.2.1')('colleague', PASSWORD)).status).toBe(303);
  });

  it('forgets the failures once the window has passed', async () => {
    now += SIGN_IN_LIMITS.windowMinutes * 60_000;
    waits.length = 0;
    expect((await from('192.0.2.1')('owner', PASSWORD)).status).toBe(303);
    expect(waits).toEqual([]);
  });
});

describe('the strict limits', () => {
  it('does not count successful sign-ins', async () => {
    addUser(ctx, 'steady', 'planner');
    const steady = from('198.51.100.30');
    for (let i = 0; i < perPair - 1; i++) expect((await steady('steady', 'not-the-password')).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await steady('steady', PASSWORD)).status).toBe(303);
    expect((await steady('steady', 'not-the-password')).status).toBe(401);
    expect((await steady('steady', 'not-the-password')).status).toBe(429);
  });

  it('answers 429 to an address that tries too many accounts, without checking a password', async () => {
    const scanner = from('203.0.113.99');
    for (let i = 0; i < SIGN_IN_LIMITS.address; i++) expect((await scanner(`someone-${i}`, 'guess-guess-guess')).status).toBe(401);
    const hashed = ctx.services.accounts.hashes.stats().done;
    const refused = await scanner('colleague', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.text).toMatch(/Too many failed sign-ins from your network\. Try again in \d+ minutes?\./);
    expect(ctx.services.accounts.hashes.stats().done).toBe(hashed);
  });
});

describe('the first admin’s name', () => {
  it.each([
    { name: 'default', env: {}, username: 'admin' },
    { name: 'ADMIN_USERNAME', env: { ADMIN_USERNAME: 'protocol-chief' }, username: 'protocol-chief' },
  ])('is chosen at the first start: $name', ({ env, username }) => {
    const fresh = createTestApp({ demo: false });
    try {
      const config = loadConfig(env);
      const created = fresh.services.accounts.ensureAdmin(undefined, config.adminUsername);
      expect(created).toMatchObject({ created: true, username });
      expect(fresh.services.accounts.list().map((u) => [u.username, u.role])).toEqual([[username, 'admin']]);
    } finally {
      fresh.close();
    }
  });

  it('is refused when it is not a valid user name, saying what to use', () => {
    expect(() => loadConfig({ ADMIN_USERNAME: 'a b' })).toThrow(/ADMIN_USERNAME: Use 2–40 letters, digits, dots, dashes or underscores/);
  });
});
