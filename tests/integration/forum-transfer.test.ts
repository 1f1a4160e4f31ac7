import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, signIn, csrfFrom, textOf, type TestContext } from '../support/app';
import { render } from '../../src/messages';
import { runCli, CLI_ACTOR } from '../../src/cli/commands';
import { canonicalDocument } from '../support/forum-document';
import { databaseState } from '../support/db-state';
import { describeProblem, type ForumDocument, type Problem } from '../../src/services/forum-transfer';

/**
 * A forum moves between installations: the SPIEF demo exported, imported into
 * a fresh database, exported again gives the same document (ids aside), the
 * same conflicts and the same agenda; a file with any problem is refused with
 * its path named and nothing written.
 */
let source: TestContext;
let target: TestContext;
let exported: ForumDocument;

beforeAll(() => {
  source = createTestApp();
  exported = source.services.forumTransfer.exportForum(source.demo!.forumId);
});
afterAll(() => {
  source.close();
});

function freshTarget(): TestContext {
  const ctx = createTestApp({ demo: false });
  // Records of this installation first, so the imported rows get other ids than they had.
  const org = ctx.services.organizations.create(CLI_ACTOR, { name: 'Local Ministry', kind: 'ministry' });
  ctx.services.people.create(CLI_ACTOR, { fullName: 'Local Person', organizationId: org.id });
  return ctx;
}

const conflictLines = (ctx: TestContext, forumId: number) =>
  ctx.services.meetings
    .conflicts(forumId)
    .map((c) => `${c.kind} ${c.severity}: ${render(c.message)}`)
    .sort();

describe('round trip', () => {
  let imported: number;
  beforeAll(() => {
    target = freshTarget();
    const outcome = target.services.forumTransfer.importForum(CLI_ACTOR, JSON.stringify(exported));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems.slice(0, 5)));
    imported = outcome.result.forumId;
  });
  afterAll(() => target.close());

  it('exports the whole demo programme', () => {
    expect(exported.format).toBe('forum-planner/forum');
    expect(exported.version).toBe(1);
    expect(exported.meetings.length).toBe(source.services.meetings.list({ forumId: source.demo!.forumId }).length);
    expect(exported.b2b.sessions.length).toBeGreaterThan(0);
    expect(exported.b2b.placements.length).toBeGreaterThan(0);
    expect(JSON.stringify(exported)).not.toMatch(/password|token_hash|scrypt/i);
  });

  it('gives the same document again, ids and exportedAt aside', () => {
    const again = target.services.forumTransfer.exportForum(imported);
    expect(again.people.map((p) => p.id)).not.toEqual(exported.people.map((p) => p.id));
    expect(canonicalDocument(again)).toEqual(canonicalDocument(exported));
  });

  it('gives the same conflict report', () => {
    const before = conflictLines(source, source.demo!.forumId);
    expect(before.length).toBeGreaterThan(0);
    expect(conflictLines(target, imported)).toEqual(before);
  });

  it('prints the same agenda for the delegation', async () => {
    const admin = await signIn(source, 'agenda-admin', 'admin');
    const there = await signIn(target, 'agenda-admin', 'admin');
    const delegation = exported.delegations.findIndex((d) => d.id === source.demo!.delegations.azerbaijan);
    const newDelegation = target.services.forumTransfer.exportForum(imported).delegations[delegation]!.id;
    const a = await admin.get(`/forums/${source.demo!.forumId}/agenda/delegation/${source.demo!.delegations.azerbaijan}/2019-06-07`);
    const b = await there.get(`/forums/${imported}/agenda/delegation/${newDelegation}/2019-06-07`);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    // The sheet's version stamp fingerprints the stored rows, ids included: the one difference.
    const sheet = (html: string) => textOf(html).replace(/version [0-9a-f]{8}/, 'version …');
    expect(textOf(a.text)).toMatch(/version [0-9a-f]{8}/);
    expect(sheet(b.text)).toBe(sheet(a.text));
  });

  it('writes audit rows for what it created', () => {
    const rows = target.services.audit.list({ forumId: imported, limit: 5000 });
    const entities = new Set(rows.map((r) => r.entity));
    for (const e of ['forum', 'venue', 'room', 'person', 'organization', 'delegation', 'meeting', 'availability_block', 'b2b_session']) expect(entities).toContain(e);
    expect(rows.filter((r) => r.entity === 'meeting')).toHaveLength(exported.meetings.length);
  });

  it('matches people and organizations that exist by exact name when imported into a second forum', () => {
    const other = structuredClone(exported);
    other.forum.name = 'A copy for the next year';
    other.meetings.forEach((m) => {
      m.uid = `copy-${m.uid}`;
    });
    const outcome = target.services.forumTransfer.importForum(CLI_ACTOR, JSON.stringify(other));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.matched.people).toBe(exported.people.length);
    expect(outcome.result.created.people ?? 0).toBe(0);
  });
});

describe('refusals: nothing written, the path named', () => {
  let ctx: TestContext;
  beforeAll(() => {
    ctx = freshTarget();
  });
  afterAll(() => ctx.close());

  // biome-ignore lint/suspicious/noExplicitAny: each case breaks a field of its choice, as a hand-edited file would
  type Loose = Record<string, any>;
  const tamper = (change: (doc: Loose) => void) => {
    const doc = structuredClone(exported) as unknown as Loose;
    change(doc);
    return JSON.stringify(doc);
  };
  const cases: { name: string; file: () => string | Buffer; expected: RegExp }[] = [
    { name: 'wrong version', file: () => tamper((d) => (d.version = 2)), expected: /^version: Version 2 of the forum format cannot be read here/ },
    { name: 'not a forum export', file: () => tamper((d) => (d.format = 'something/else')), expected: /^format: This is not a forum export/ },
    { name: 'dangling room of a meeting', file: () => tamper((d) => (d.meetings[12].room = 999_999)), expected: /^meetings\[12\]\.room: unknown room 999999\.$/ },
    { name: 'dangling person of a participant', file: () => tamper((d) => (d.participants[3].person = 424_242)), expected: /^participants\[3\]\.person: unknown person 424242\.$/ },
    { name: 'duplicate id', file: () => tamper((d) => (d.rooms[1].id = d.rooms[0].id)), expected: /^rooms\[1\]\.id: id \d+ is used twice in this list\.$/ },
    { name: 'unknown field', file: () => tamper((d) => (d.venues[0].colour = 'red')), expected: /^venues\[0\]: unknown field\(s\): colour\.$/ },
    { name: 'wrong type', file: () => tamper((d) => (d.meetings[0].isPublic = 'yes')), expected: /^meetings\[0\]\.isPublic: expected boolean\.$/ },
    { name: 'a kind not in the list', file: () => tamper((d) => (d.rooms[0].kind = 'ballroom')), expected: /^rooms\[0\]\.kind: must be one of: meeting_room, hall, stand, b2b_area\.$/ },
    { name: 'a time that is not its instant', file: () => tamper((d) => (d.meetings[2].start = '2019-06-07T03:00')), expected: /^meetings\[2\]\.start: 2019-06-07T03:00 is not the time its instant reads in Europe\/Moscow\.$/ },
    { name: 'unknown zone', file: () => tamper((d) => (d.forum.timeZone = 'Mars/Olympus')), expected: /^forum\.timeZone: unknown time zone “Mars\/Olympus”\.$/ },
    { name: 'a missing list', file: () => tamper((d) => delete d.meetings), expected: /^meetings: missing\.$/ },
    { name: 'truncated JSON', file: () => JSON.stringify(exported).slice(0, 5000), expected: /^This is not complete JSON/ },
    { name: 'binary junk', file: () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3]), expected: /^This is not complete JSON/ },
    { name: 'a list, not a document', file: () => '[1, 2, 3]', expected: /^format: This is not a forum export/ },
    { name: 'oversized', file: () => Buffer.alloc(20 * 1024 * 1024 + 1, 0x20), expected: /^The file is larger than 20 MB\.$/ },
    { name: 'a text longer than its field', file: () => tamper((d) => (d.meetings[0].title = 'x'.repeat(301))), expected: /^meetings\[0\]\.title: longer than 300 characters\.$/ },
  ];

  it.each(cases)('$name', ({ file, expected }) => {
    const before = databaseState(ctx.services.store.db);
    const outcome = ctx.services.forumTransfer.importForum(CLI_ACTOR, file());
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const lines = outcome.problems.map((p) => describe_(p));
    expect(lines.some((l) => expected.test(l))).toBe(true);
    expect(databaseState(ctx.services.store.db)).toEqual(before);
  });

  it('duplicate forum: a forum of the same name and dates is refused', () => {
    const first = ctx.services.forumTransfer.importForum(CLI_ACTOR, JSON.stringify(exported));
    expect(first.ok).toBe(true);
    const before = databaseState(ctx.services.store.db);
    const second = ctx.services.forumTransfer.importForum(CLI_ACTOR, JSON.stringify(exported));
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.problems.map(describe_)).toEqual(['forum: a forum “23rd St. Petersburg International Economic Forum” from 2019-06-06 to 2019-06-08 is already here; it is not imported twice.']);
    expect(databaseState(ctx.services.store.db)).toEqual(before);
  });
});

const describe_ = (p: Problem) => describeProblem('en', p);

describe('the CLI', () => {
  it('forum-export writes the file, forum-import reads it into another database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-transfer-'));
    const file = path.join(dir, 'spief.json');
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    expect(await runCli(['forum-export', String(source.demo!.forumId), file], { io, open: () => ({ services: source.services, suppliedPassword: async () => undefined }) })).toBe(0);
    expect(out.join('\n')).toMatch(/^Exported forum \d+ "23rd St. Petersburg International Economic Forum"/);
    const ctx = freshTarget();
    try {
      const open = () => ({ services: ctx.services, suppliedPassword: async () => undefined });
      expect(await runCli(['forum-import', file], { io, open })).toBe(0);
      expect(out.at(-1)).toMatch(/^Imported forum \d+ "23rd St\. Petersburg International Economic Forum": 50 meetings/);
      expect(await runCli(['forum-import', file], { io, open })).toBe(1);
      expect(err.at(-1)).toMatch(/^Nothing was imported:\nforum: a forum/);
      expect(await runCli(['forum-export', String(source.demo!.forumId), file], { io, open })).toBe(1);
      expect(err.at(-1)).toMatch(/exists already/);
    } finally {
      ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the pages', () => {
  let ctx: TestContext;
  beforeAll(() => {
    ctx = freshTarget();
  });
  afterAll(() => ctx.close());

  it('the export is the admin’s only', async () => {
    const admin = await signIn(source, 'x-admin', 'admin');
    const planner = await signIn(source, 'x-planner', 'planner');
    const res = await admin.get(`/forums/${source.demo!.forumId}/export.json`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="forum-\d+-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(canonicalDocument(JSON.parse(res.text))).toEqual(canonicalDocument(exported));
    expect((await planner.get(`/forums/${source.demo!.forumId}/export.json`)).status).toBe(403);
    expect((await admin.get('/forums/999999/export.json')).status).toBe(404);
    const home = await admin.get(`/forums/${source.demo!.forumId}`);
    expect(home.text).toContain(`href="/forums/${source.demo!.forumId}/export.json"`);
    expect((await planner.get(`/forums/${source.demo!.forumId}`)).text).not.toContain('export.json');
  });

  const upload = async (agent: Awaited<ReturnType<typeof signIn>>, bytes: Buffer | string, name = 'forum.json') => {
    const csrf = await csrfFrom(agent.agent, '/admin/forum-import');
    return agent.agent.post('/admin/forum-import').field('_csrf', csrf).attach('file', Buffer.from(bytes), { filename: name, contentType: 'application/json' });
  };

  it('an admin uploads the file and lands on the new forum', async () => {
    const admin = await signIn(ctx, 'p-admin', 'admin');
    const page = await admin.get('/admin/forum-import');
    expect(page.status).toBe(200);
    expect(page.text).toContain('enctype="multipart/form-data"');
    const res = await upload(admin, JSON.stringify(exported));
    expect(res.status).toBe(303);
    const landed = await admin.get(res.headers.location!);
    expect(textOf(landed.text)).toContain('Imported “23rd St. Petersburg International Economic Forum”: 50 meetings');
  });

  it('a refused file comes back 422 with the paths, in the reader’s language', async () => {
    const admin = await signIn(ctx, 'q-admin', 'admin');
    const bad = structuredClone(exported);
    bad.forum.name = 'Another forum';
    bad.meetings[12]!.room = 777;
    const before = databaseState(ctx.services.store.db);
    const res = await upload(admin, JSON.stringify(bad));
    expect(res.status).toBe(422);
    expect(textOf(res.text)).toContain('meetings[12].room: unknown room 777.');
    const ru = await admin.agent.get('/admin/forum-import?lang=ru');
    expect(textOf(ru.text)).toContain('Импорт форума');
    expect(textOf(ru.text)).not.toContain('Import a forum');
    const az = await admin.agent.get('/admin/forum-import?lang=az');
    expect(textOf(az.text)).toContain('Forumun idxalı');
    expect(databaseState(ctx.services.store.db)).toEqual(before);
  });

  it('no file, an oversized file and a form without the token are refused without a write', async () => {
    const admin = await signIn(ctx, 'r-admin', 'admin');
    const before = databaseState(ctx.services.store.db);
    const csrf = await csrfFrom(admin.agent, '/admin/forum-import');
    const none = await admin.agent.post('/admin/forum-import').field('_csrf', csrf);
    expect(none.status).toBe(422);
    expect(textOf(none.text)).toContain('Choose the .json file of a forum export.');
    const big = await upload(admin, Buffer.alloc(21 * 1024 * 1024, 0x20));
    expect(big.status).toBe(422);
    expect(textOf(big.text)).toContain('The file is larger than 20 MB.');
    const forged = await admin.agent.post('/admin/forum-import').attach('file', Buffer.from(JSON.stringify(exported)), 'forum.json');
    expect(forged.status).toBe(403);
    expect(databaseState(ctx.services.store.db)).toEqual(before);
  });

  it('a planner may not import', async () => {
    const planner = await signIn(ctx, 's-planner', 'planner');
    expect((await planner.get('/admin/forum-import')).status).toBe(403);
  });
});

it('carries where imported busy times came from, so a forum moved keeps replacing them by source', () => {
  const from = createTestApp();
  const to = createTestApp({ demo: false });
  try {
    const forumId = from.demo!.forumId;
    const calendar = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:busy-1@test', 'DTSTAMP:20190601T000000Z', 'DTSTART:20190607T060000Z', 'DTEND:20190607T070000Z', 'SUMMARY:Cabinet call', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    from.services.availability.importBusy(CLI_ACTOR, forumId, { personId: from.demo!.people.mustafayev!, source: 'Minister’s office', text: calendar, keepTitles: false, busyLabel: 'Busy' });
    const document = from.services.forumTransfer.exportForum(forumId);
    expect(document.unavailability.filter((b) => b.source === 'Minister’s office')).toHaveLength(1);
    const outcome = to.services.forumTransfer.importForum(CLI_ACTOR, JSON.stringify(document));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems.slice(0, 3)));
    const again = to.services.forumTransfer.exportForum(outcome.result.forumId);
    expect(again.unavailability.map((b) => b.source).sort()).toEqual(document.unavailability.map((b) => b.source).sort());
  } finally {
    from.close();
    to.close();
  }
});
