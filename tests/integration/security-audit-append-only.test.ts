import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp } from '../support/app';

/**
 * The audit log is history: no statement may change or remove a row of it.
 * REPLACE is the sly one: it deletes the old row without firing DELETE
 * triggers (unless recursive_triggers is on), so it needs its own guard.
 */
const ctx = createTestApp({ demo: false });
afterAll(() => ctx.close());
const db = ctx.services.store.db;
ctx.services.organizations.create(SYSTEM_ACTOR, { name: 'Audited Ltd', kind: 'company' });
const row = () => db.prepare('SELECT * FROM audit_log ORDER BY id LIMIT 1').get() as { id: number; summary: string };
const original = row();
const forged = `(${original.id}, 0, NULL, 'forger', 'create', 'organization', 1, NULL, 'forged', NULL, NULL)`;
const columns = '(id, at, user_id, username, action, entity, entity_id, forum_id, summary, before_json, after_json)';

describe('the audit log refuses', () => {
  it.each([
    { name: 'UPDATE', sql: `UPDATE audit_log SET summary = 'forged' WHERE id = ${original.id}` },
    { name: 'DELETE', sql: `DELETE FROM audit_log WHERE id = ${original.id}` },
    { name: 'INSERT OR REPLACE with an existing id', sql: `INSERT OR REPLACE INTO audit_log ${columns} VALUES ${forged}` },
    { name: 'REPLACE INTO with an existing id', sql: `REPLACE INTO audit_log ${columns} VALUES ${forged}` },
    { name: 'an upsert on the id', sql: `INSERT INTO audit_log ${columns} VALUES ${forged} ON CONFLICT (id) DO UPDATE SET summary = excluded.summary` },
    { name: 'REPLACE under recursive_triggers', sql: `INSERT OR REPLACE INTO audit_log ${columns} VALUES ${forged}`, recursive: true },
  ])('$name, and the row stays as it was', ({ sql, recursive }) => {
    if (recursive) db.pragma('recursive_triggers = ON');
    try {
      expect(() => db.exec(sql)).toThrow(/audit_log is append-only/);
    } finally {
      if (recursive) db.pragma('recursive_triggers = OFF');
    }
    expect(row()).toEqual(original);
  });

  it('still takes new rows, from the service and from plain SQL', () => {
    const before = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    ctx.services.organizations.create(SYSTEM_ACTOR, { name: 'Audited Two Ltd', kind: 'company' });
    db.exec(`INSERT INTO audit_log (at, username, action, entity, entity_id) VALUES (0, 'cli', 'create', 'organization', 2)`);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before + 2);
  });
});
