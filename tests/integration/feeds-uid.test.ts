/**
 * RFC 5545 §3.8.4.7 wants UIDs unique beyond one installation: two
 * ministries' planners (or a counterpart using the same app) must not both
 * publish meeting-1@forum-planner. UIDs already published must not change,
 * or every subscriber would see each meeting twice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import pino from 'pino';
import { createApp } from '../../src/app';
import { createServices } from '../../src/services';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createStore } from '../../src/store';
import { openDatabase, type Db } from '../../src/store/database';
import { migrate, MIGRATIONS_DIR } from '../../src/store/migrate';
import { loadDemo } from '../../db/seed/demo';
import { createTestApp, TEST_SCRYPT, type TestContext } from '../support/app';
import { parseWithIcalJs } from '../support/ics';

const NEW_UID = /^meeting-\d+-[0-9a-f]{16}@forum-planner$/;
const OLD_UID = /^meeting-\d+@forum-planner$/;

async function publicUids(app: ReturnType<typeof createApp>, forumId: number): Promise<string[]> {
  return parseWithIcalJs((await request(app).get(`/p/${forumId}/programme.ics`).expect(200)).text).map((e) => e.uid).sort();
}

describe('two fresh installations', () => {
  let a: TestContext;
  let b: TestContext;
  beforeAll(() => {
    a = createTestApp();
    b = createTestApp();
  });
  afterAll(() => {
    a.close();
    b.close();
  });

  it('publish the same meetings under different UIDs, each naming its meeting and installation', async () => {
    const [uidsA, uidsB] = [await publicUids(a.app, a.demo!.forumId), await publicUids(b.app, b.demo!.forumId)];
    expect(uidsA.length).toBeGreaterThan(0);
    expect(uidsA.length).toBe(uidsB.length);
    for (const uid of [...uidsA, ...uidsB]) expect(uid).toMatch(NEW_UID);
    expect(uidsA.filter((uid) => uidsB.includes(uid))).toEqual([]);
  });

  it('keep a meeting’s UID through edits', async () => {
    const meeting = a.services.meetings.list({ forumId: a.demo!.forumId }).find((m) => m.isPublic)!;
    const before = await publicUids(a.app, a.demo!.forumId);
    a.services.meetings.setStatus(SYSTEM_ACTOR, meeting.id, null, 'tentative');
    expect(await publicUids(a.app, a.demo!.forumId)).toEqual(before);
  });
});

describe('a database migrated from before UIDs were stored (0009)', () => {
  let dir: string;
  let db: Db;
  let app: ReturnType<typeof createApp>;
  let forumId: number;
  let services: ReturnType<typeof createServices>;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-uid-'));
    const old = path.join(dir, 'migrations');
    fs.mkdirSync(old);
    // And 0019's venue coordinates, 0020's names by language, 0023's agreements register and 0024's publishable outcome, which today's demo writes: they touch nothing 0010–0018 make, so they may come first here.
    for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < '0010' || f.startsWith('0019_') || f.startsWith('0020_') || f.startsWith('0023_') || f.startsWith('0024_'))) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(old, f));
    db = openDatabase(path.join(dir, 'old.db'));
    migrate(db, old);
    const config = { feedRefreshMinutes: 15, feedCancelledDays: 30, publicUrl: 'https://planner.example.org' };
    // The B2B session's publication tables came after 0009: the programme alone is what this upgrade is about.
    forumId = loadDemo(createServices(createStore(db), { config, scrypt: TEST_SCRYPT }), { b2b: false }).forumId;
    migrate(db);
    services = createServices(createStore(db), { config, scrypt: TEST_SCRYPT });
    app = createApp({ services, logger: pino({ level: 'silent' }), sessionSecret: 'test-secret-test-secret', cookieSecure: false });
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the UIDs its meetings were published under', async () => {
    const ids = services.meetings.list({ forumId }).filter((m) => m.isPublic).map((m) => `meeting-${m.id}@forum-planner`).sort();
    expect(await publicUids(app, forumId)).toEqual(ids);
  });

  it('gives a meeting created after the upgrade a UID of this installation', async () => {
    const { meeting } = services.meetings.create(SYSTEM_ACTOR, forumId, { title: 'Press briefing after the upgrade', kind: 'press', status: 'confirmed', isPublic: true, start: '2019-06-08T13:00', end: '2019-06-08T13:30', place: 'Press centre', participants: [], delegationIds: [] });
    const uids = await publicUids(app, forumId);
    expect(uids.filter((uid) => OLD_UID.test(uid)).length).toBe(uids.length - 1);
    expect(uids.find((uid) => uid.startsWith(`meeting-${meeting.id}-`))).toMatch(NEW_UID);
  });
});
