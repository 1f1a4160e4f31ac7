/**
 * Migration 0023 and the meeting's documents as agreements of the register:
 * the documents of before become agreements, and a meeting save keeps an
 * agreement's id, status, parties and signatories instead of deleting and
 * re-inserting it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/store/database';
import { knownMigrations, migrate, MIGRATIONS_DIR } from '../../src/store/migrate';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { toInput } from '../../src/services/meetings';
import { createTestApp, type TestContext } from '../support/app';
import { createFixtureForum, DAY1, type FixtureForum } from '../support/meeting-fixture';

describe('migration 0023 over a database with documents to sign', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-agreements-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('moves every document into the register of its meeting’s forum, keeping its id, and drops meeting_document', () => {
    const before = path.join(dir, 'migrations');
    fs.mkdirSync(before);
    for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}_.*\.sql$/.test(f) && f < '0023')) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
    const db = openDatabase(path.join(dir, 'old.db'));
    try {
      migrate(db, before);
      db.prepare("INSERT INTO forum (id, name, short_name, start_date, end_date, time_zone, city, created_at, updated_at) VALUES (7, 'SPIEF 2019', 'SPIEF', '2019-06-06', '2019-06-08', 'Europe/Moscow', 'St. Petersburg', 0, 0)").run();
      db.prepare(
        "INSERT INTO meeting (id, forum_id, title, kind, status, start_local, end_local, time_zone, start_utc, end_utc, created_at, updated_at) VALUES (3, 7, 'Talks', 'bilateral', 'confirmed', '2019-06-07T10:00', '2019-06-07T11:00', 'Europe/Moscow', 1559890800000, 1559894400000, 5, 6)",
      ).run();
      const doc = db.prepare('INSERT INTO meeting_document (id, meeting_id, title, parties, signed_on) VALUES (?, 3, ?, ?, ?)');
      doc.run(11, 'Agreement on cooperation in the trade, economic, scientific, technical and cultural fields', 'Republic of Azerbaijan; Leningrad Region', '2019-06-07');
      doc.run(12, 'Memorandum of understanding on food fairs', '', null);
      doc.run(14, 'Меморандум о взаимопонимании', 'AZPROMO', null);
      expect(migrate(db)).toEqual(knownMigrations().filter((f) => f >= '0023'));
      expect(db.prepare('SELECT id, forum_id, meeting_id, kind, title, parties, status, signed_on, version FROM agreement ORDER BY id').raw().all()).toEqual([
        [11, 7, 3, 'agreement', 'Agreement on cooperation in the trade, economic, scientific, technical and cultural fields', 'Republic of Azerbaijan; Leningrad Region', 'signed', '2019-06-07', 1],
        [12, 7, 3, 'memorandum', 'Memorandum of understanding on food fairs', '', 'draft', null, 1],
        [14, 7, 3, 'memorandum', 'Меморандум о взаимопонимании', 'AZPROMO', 'draft', null, 1],
      ]);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'meeting_document'").all()).toEqual([]);
      expect(db.prepare('SELECT held_at FROM meeting WHERE id = 3').pluck().get()).toBeNull();
      // A new agreement does not take an id a moved document had.
      const next = db.prepare("INSERT INTO agreement (forum_id, title, created_at, updated_at) VALUES (7, 'Protocol', 0, 0)").run().lastInsertRowid;
      expect(Number(next)).toBe(15);
    } finally {
      db.close();
    }
  });
});

describe('a meeting’s documents are agreements of the register', () => {
  let ctx: TestContext;
  let fx: FixtureForum;
  beforeAll(() => {
    ctx = createTestApp({ demo: false });
    fx = createFixtureForum(ctx.services, { programme: false });
  });
  afterAll(() => ctx.close());

  const meeting = (documents: unknown[]) =>
    ctx.services.meetings.create(SYSTEM_ACTOR, fx.forumId, {
      title: 'Talks with the Governor',
      kind: 'signing',
      status: 'tentative',
      start: `${DAY1}T10:00`,
      end: `${DAY1}T11:00`,
      participants: [
        { personId: fx.people.minister, role: 'principal' },
        { personId: fx.people.governor, role: 'counterpart' },
      ],
      documents,
    }).meeting;
  /** What the register adds to an agreement that a meeting form never shows. */
  const enrich = (id: number) => {
    const a = ctx.services.store.agreements.find(id)!;
    const orgId = ctx.services.organizations.create(SYSTEM_ACTOR, { name: `Leningrad Region ${id}`, kind: 'region', country: 'Russia' }).id;
    expect(ctx.services.store.agreements.update(id, a.version, { ...a, status: 'agreed', titleRu: 'Соглашение о сотрудничестве', partyIds: [orgId], signatories: [{ personId: fx.people.governor, position: 'Governor' }] })).toBe(true);
    return orgId;
  };

  it('creates an agreement of the forum per new document, signed when it has a date', () => {
    const m = meeting([
      { title: 'Agreement on cooperation', parties: 'A; B', signedOn: DAY1 },
      { title: 'Memorandum on food fairs', parties: '', signedOn: null },
    ]);
    const register = ctx.services.store.agreements.list({ forumId: fx.forumId, meetingId: m.id });
    expect(register.map((a) => [a.id, a.kind, a.title, a.status, a.signedOn])).toEqual(m.documents.map((d, i) => [d.id, i === 0 ? 'agreement' : 'memorandum', d.title, i === 0 ? 'signed' : 'draft', d.signedOn]));
    expect(m.documents.map((d) => d.status)).toEqual(['signed', 'draft']);
  });

  it('keeps an agreement’s id, status, parties and signatories when the meeting is saved again (status change, edit, undo)', () => {
    const m = meeting([{ title: 'Agreement on cooperation', parties: '', signedOn: null }]);
    const [doc] = m.documents;
    const orgId = enrich(doc!.id);
    const again = ctx.services.meetings.setStatus(SYSTEM_ACTOR, m.id, m.version, 'proposed').meeting;
    expect(again.documents.map((d) => [d.id, d.status])).toEqual([[doc!.id, 'agreed']]);
    const edited = ctx.services.meetings.update(SYSTEM_ACTOR, m.id, again.version, { ...toInput(again), documents: [{ id: doc!.id, title: 'Agreement on cooperation (final text)', parties: 'A; B', signedOn: null }] }).meeting;
    expect(edited.documents.map((d) => [d.id, d.title, d.parties])).toEqual([[doc!.id, 'Agreement on cooperation (final text)', 'A; B']]);
    const kept = ctx.services.store.agreements.find(doc!.id)!;
    expect(kept).toMatchObject({ status: 'agreed', titleRu: 'Соглашение о сотрудничестве', partyIds: [orgId], signatories: [{ personId: fx.people.governor, position: 'Governor' }] });
  });

  it('a date given in the meeting form signs it; clearing it makes a signed one agreed; a withdrawn one stays withdrawn', () => {
    const m = meeting([
      { title: 'First', parties: '', signedOn: null },
      { title: 'Second', parties: '', signedOn: DAY1 },
      { title: 'Third', parties: '', signedOn: null },
    ]);
    const [first, second, third] = m.documents;
    const withdrawn = ctx.services.store.agreements.find(third!.id)!;
    ctx.services.store.agreements.update(third!.id, withdrawn.version, { ...withdrawn, status: 'withdrawn' });
    const saved = ctx.services.meetings.update(SYSTEM_ACTOR, m.id, m.version, {
      ...toInput(m),
      documents: [
        { id: first!.id, title: 'First', parties: '', signedOn: DAY1 },
        { id: second!.id, title: 'Second', parties: '', signedOn: null },
        { id: third!.id, title: 'Third', parties: '', signedOn: DAY1 },
      ],
    }).meeting;
    expect(saved.documents.map((d) => [d.id, d.status, d.signedOn])).toEqual([
      [first!.id, 'signed', DAY1],
      [second!.id, 'agreed', null],
      [third!.id, 'withdrawn', DAY1],
    ]);
  });

  it('a document the form no longer lists is deleted while a bare draft, and otherwise detached and kept in the register', () => {
    const m = meeting([
      { title: 'Bare draft', parties: '', signedOn: null },
      { title: 'Worked on', parties: '', signedOn: null },
    ]);
    const [bare, worked] = m.documents;
    enrich(worked!.id);
    const saved = ctx.services.meetings.update(SYSTEM_ACTOR, m.id, m.version, { ...toInput(m), documents: [] }).meeting;
    expect(saved.documents).toEqual([]);
    expect(ctx.services.store.agreements.find(bare!.id)).toBeUndefined();
    expect(ctx.services.store.agreements.find(worked!.id)).toMatchObject({ meetingId: null, status: 'agreed', title: 'Worked on' });
  });

  it('an id that is not one of this forum’s agreements is a new agreement, and the other forum’s stays as it was', () => {
    const other = createFixtureForum(ctx.services, { programme: false });
    const theirs = ctx.services.meetings.create(SYSTEM_ACTOR, other.forumId, { title: 'Elsewhere', kind: 'signing', status: 'tentative', start: `${DAY1}T10:00`, end: `${DAY1}T11:00`, documents: [{ title: 'Their agreement', parties: '', signedOn: null }] }).meeting;
    const theirDoc = theirs.documents[0]!;
    const m = meeting([{ id: theirDoc.id, title: 'Ours', parties: '', signedOn: null }]);
    expect(m.documents[0]!.id).not.toBe(theirDoc.id);
    expect(ctx.services.store.agreements.find(theirDoc.id)).toMatchObject({ forumId: other.forumId, meetingId: theirs.id, title: 'Their agreement' });
  });
});
