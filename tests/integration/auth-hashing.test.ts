import request from 'supertest';
import { DEFAULT_SCRYPT } from '../../src/services/accounts';
import { createTestApp, csrfFrom, PASSWORD, addUser } from '../support/app';

// Real scrypt (N = 2^17) in the first block: a few seconds on a busy machine.
jest.setTimeout(60_000);

/** Resolves once `ready()` holds, checking between turns of the event loop (no clock involved). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setImmediate(resolve));
}

async function loginForm(app: ReturnType<typeof createTestApp>['app']) {
  const agent = request.agent(app);
  return { agent, csrf: await csrfFrom(agent, '/login') };
}

describe('with the real scrypt cost', () => {
  const ctx = createTestApp({ demo: false, scrypt: DEFAULT_SCRYPT });
  afterAll(() => ctx.close());

  it('answers /healthz while six failed sign-ins of unknown users hash, each of them through the queue', async () => {
    const forms = await Promise.all(Array.from({ length: 6 }, () => loginForm(ctx.app)));
    const hashes = ctx.services.accounts.hashes;
    const doneBefore = hashes.stats().done;
    const finished: string[] = [];
    const signIns = forms.map(({ agent, csrf }, i) =>
      agent
        .post('/login')
        .type('form')
        .send({ _csrf: csrf, username: `nobody-${i}`, password: 'Wrong-password-1' })
        .then((res) => {
          finished.push('sign-in');
          return res.status;
        }),
    );
    await until(() => hashes.stats().running === 2);
    const health = await request(ctx.app).get('/healthz');
    finished.push('healthz');
    expect(health.status).toBe(200);
    const statuses = await Promise.all(signIns);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    expect(finished.indexOf('healthz')).toBe(0);
    // Unknown names cost one hash each, against the stand-in hash, like a wrong password does.
    expect(hashes.stats().done - doneBefore).toBe(6);
  });
});

describe('a full queue', () => {
  const ctx = createTestApp({ demo: false });
  afterAll(() => ctx.close());

  it('answers 503 with Retry-After and a message, without hashing, and signs in again once the queue moves', async () => {
    addUser(ctx, 'queued', 'viewer');
    const hashes = ctx.services.accounts.hashes;
    const releases: (() => void)[] = [];
    // Two running and eight waiting: what ten slow hashes would hold.
    const held = Array.from({ length: 10 }, () => hashes.run(() => new Promise<void>((resolve) => releases.push(resolve))));
    await until(() => releases.length === 2);
    expect(hashes.stats()).toMatchObject({ running: 2, waiting: 8 });

    const { agent, csrf } = await loginForm(ctx.app);
    const refused = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'queued', password: PASSWORD });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.text).toMatch(/Many sign-ins are being checked right now\. Wait \d+ seconds? and sign in again\./);
    expect(hashes.stats()).toMatchObject({ running: 2, waiting: 8 });

    // Each released job hands its slot to the next in line, which then waits for its own release.
    while (hashes.stats().running > 0) {
      releases.splice(0).forEach((release) => release());
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(held);
    expect(hashes.stats().done).toBe(10);

    const again = await agent.post('/login').type('form').send({ _csrf: csrf, username: 'queued', password: PASSWORD });
    expect(again.status).toBe(303);
  });
});
