import { SCOPES, SCOPE_KINDS, scopeEntryOf, AGENDA_SCOPES } from '../../src/services/feeds/scope-registry';
import { FEED_SCOPES } from '../../src/domain/feed-scope';
import { createTestApp, type TestContext } from '../support/app';

let ctx: TestContext;
beforeAll(() => {
  ctx = createTestApp();
});
afterAll(() => ctx.close());

/** The scope names a table's CHECK constraint allows, read from the schema the migrations built. */
function checkListOf(table: string): string[] {
  const sql = ctx.services.store.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;
  const list = /scope\s+TEXT\s+NOT NULL\s+CHECK\s*\(\s*scope\s+IN\s*\(([^)]*)\)\s*\)/i.exec(sql)?.[1];
  if (list === undefined) throw new Error(`no scope CHECK in ${table}`);
  return list.split(',').map((s) => s.trim().replace(/^'|'$/g, '')).sort();
}

const linkable = SCOPE_KINDS.filter((k) => SCOPES[k].linkable).sort();

describe('the scope registry', () => {
  it.each(['feed_token', 'print_snapshot'])('%s CHECK lists exactly the scopes a link can open', (table) => {
    expect(checkListOf(table)).toEqual(linkable);
  });

  it('FEED_SCOPES, which the links form offers, are the same scopes', () => {
    expect([...FEED_SCOPES].sort()).toEqual(linkable);
  });

  it('staff print agendas for a person, a delegation or a room', () => {
    expect([...AGENDA_SCOPES].sort()).toEqual(['delegation', 'person', 'room']);
  });

  it('a string that names no scope finds no entry, inherited names included', () => {
    expect(scopeEntryOf('forum')).toBeUndefined();
    expect(scopeEntryOf('toString')).toBeUndefined();
    expect(scopeEntryOf('person')).toBe(SCOPES.person);
  });

  it.each(SCOPE_KINDS)('%s: a missing record neither exists nor has a name, and sees no meetings', (kind) => {
    const { store } = ctx.services;
    const forumId = ctx.demo!.forumId;
    const entry = SCOPES[kind];
    const missing = kind === 'public' ? forumId + 1000 : 999_999;
    expect(entry.exists(store, missing, forumId)).toBe(false);
    expect(entry.find(store, missing, forumId)).toBeNull();
    if (kind !== 'public') expect(entry.meetings(store, missing, forumId)).toEqual([]);
  });

  it('the public programme is the forum\'s public meetings, without notes', () => {
    const { store } = ctx.services;
    const forumId = ctx.demo!.forumId;
    const meetings = SCOPES.public.meetings(store, forumId, forumId);
    expect(meetings.length).toBeGreaterThan(0);
    expect(meetings.every((m) => m.isPublic)).toBe(true);
    expect(meetings.some(SCOPES.public.notesVisibleTo(store, forumId, forumId))).toBe(false);
  });
});

describe('shows (who a change to one meeting reaches) agrees with meetings', () => {
  const idsOf = (kind: (typeof SCOPE_KINDS)[number]): number[] => {
    const { store } = ctx.services;
    const forumId = ctx.demo!.forumId;
    switch (kind) {
      case 'delegation':
        return store.delegations.list({ forumId }).map((d) => d.id);
      case 'person':
        return store.people.list().map((p) => p.id);
      case 'room':
        return store.rooms.listByForum(forumId).map((r) => r.id);
      case 'organization':
        return store.organizations.list().map((o) => o.id);
      case 'b2b_participant':
        return store.b2bSessions.list({ forumId }).flatMap((s) => store.b2bParticipants.list(s.id).map((p) => p.id));
      case 'public':
        return [forumId];
    }
  };

  it.each(SCOPE_KINDS)('%s: for every record of the demo and every meeting', (kind) => {
    const { store } = ctx.services;
    const forumId = ctx.demo!.forumId;
    const all = store.meetings.list({ forumId });
    const ids = idsOf(kind);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      const seen = new Set(SCOPES[kind].meetings(store, id, forumId).map((m) => m.id));
      expect(all.filter((m) => SCOPES[kind].shows(store, id, m)).map((m) => m.id).sort()).toEqual([...seen].sort());
    }
  });
});
