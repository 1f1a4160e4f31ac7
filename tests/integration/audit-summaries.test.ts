/**
 * Audit summaries are kept as message keys and parameters, so the log can be
 * read in any language; rows written before that keep their English sentence
 * and still read as it. Real SQLite, a fresh database for this file.
 */
import { render } from '../../src/messages';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { addUser, createTestApp, signIn, textOf, type TestContext } from '../support/app';

jest.setTimeout(30_000);

let ctx: TestContext;
beforeAll(() => {
  ctx = createTestApp();
});
afterAll(() => ctx.close());

const rawSummary = (id: number) => ctx.services.store.db.prepare('SELECT summary FROM audit_log WHERE id = ?').pluck().get(id) as string;

describe('audit summaries', () => {
  it.each([
    {
      name: 'an API token',
      write: () => {
        addUser(ctx, 'scripted', 'planner');
        const { id } = ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'scripted', 'nightly export');
        return ctx.services.audit.list({ entity: 'api_token', entityId: id })[0]!.id;
      },
      key: 'audit.summary.api-token',
      en: 'API token of scripted: nightly export',
      ru: 'API-токен пользователя scripted: nightly export',
      az: 'scripted istifadəçisinin API tokeni: nightly export',
    },
    {
      name: 'the travel-time matrix',
      write: () => {
        const forumId = ctx.demo!.forumId;
        ctx.services.directory.saveTravelTimes(SYSTEM_ACTOR, forumId, {});
        return ctx.services.audit.list({ entity: 'travel_matrix' })[0]!.id;
      },
      key: 'audit.summary.travel-times',
      en: 'Travel times between venues',
      ru: 'Время в пути между площадками',
      az: 'Məkanlar arasında yol vaxtı',
    },
  ])('keeps $name by key and reads it in each language', ({ write, key, en, ru, az }) => {
    const id = write();
    expect(JSON.parse(rawSummary(id))).toMatchObject({ key });
    const entry = ctx.services.audit.get(id);
    expect(entry.summary).toBe(en);
    expect(render(entry.said, 'ru')).toBe(ru);
    expect(render(entry.said, 'az')).toBe(az);
  });

  it('keeps a meeting’s status in words of the reader’s language', () => {
    // The newest save of a meeting (the demo ends with meetings marked held, which say so: see the next case).
    const entry = ctx.services.audit.list({ entity: 'meeting', limit: 200 }).find((e) => e.said.key === 'audit.summary.meeting')!;
    const meeting = ctx.services.meetings.get(entry.entityId);
    expect(entry.said).toEqual({ key: 'audit.summary.meeting', params: { title: meeting.title, status: meeting.status } });
    expect(render(entry.said, 'ru')).toMatch(/\((предложена|предварительная|подтверждена|отменена)\)$/);
  });

  it('says a meeting was marked held, and how many documents it signed, in the reader’s language', () => {
    const governor = ctx.services.meetings.list({ forumId: ctx.demo!.forumId }).find((m) => m.title.startsWith('Meeting with Governor'))!;
    const entry = ctx.services.audit.history('meeting', governor.id).find((e) => e.said.key === 'audit.summary.meeting-held')!;
    expect(entry.summary).toBe(`${governor.title}: marked held, 1 document signed`);
    expect(render(entry.said, 'ru')).toBe(`${governor.title}: отмечена как состоявшаяся, подписан 1 документ`);
    expect(render(entry.said, 'az')).toBe(`${governor.title}: keçirilmiş kimi qeyd edildi, 1 sənəd imzalandı`);
  });

  it('reads a row written before the summaries moved as the sentence it holds, in every language', () => {
    const id = Number(
      ctx.services.store.db
        .prepare("INSERT INTO audit_log (at, user_id, username, action, entity, entity_id, forum_id, summary) VALUES (0, NULL, 'old', 'update', 'travel_matrix', 1, 1, 'Travel times between venues')")
        .run().lastInsertRowid,
    );
    const entry = ctx.services.audit.get(id);
    expect(entry.summary).toBe('Travel times between venues');
    expect(render(entry.said, 'ru')).toBe('Travel times between venues');
  });

  it('shows the summary on the audit page as a sentence, never as its stored key', async () => {
    const admin = await signIn(ctx, 'audit-admin', 'admin');
    const res = await admin.get('/admin/audit?entity=api_token');
    expect(res.status).toBe(200);
    expect(textOf(res.text)).toContain('API token of scripted: nightly export');
    expect(res.text).not.toContain('audit.summary');
  });
});
