/**
 * Control characters pasted into text fields: normalised when they come in,
 * through forms and the API alike, and never written into a feed, even when
 * one is already stored.
 */
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, signIn, type SignedIn, type TestContext } from '../support/app';
import { meetingFormFields, postForm } from '../support/meeting-forms';

let ctx: TestContext;
let planner: SignedIn;
let bearer: Record<string, string>;
beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'text-planner', 'planner');
  bearer = { authorization: `Bearer ${ctx.services.accounts.createApiToken(SYSTEM_ACTOR, 'text-planner', 'text tests').token}` };
});
afterAll(() => ctx.close());

const demo = () => ctx.demo!;
/** Anything but tab and the CRLF that ends a content line. */
const FEED_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\r(?!\n)|(?<!\r)\n/;
const newLink = () => ctx.services.feeds.createToken(SYSTEM_ACTOR, demo().forumId, { scope: 'delegation', scopeId: demo().delegations.azerbaijan }).secret;
const stored = (title: string) => ctx.services.meetings.list({ forumId: demo().forumId }).find((m) => m.title === title);

describe('a title with NUL and vertical tab', () => {
  it.each([
    {
      name: 'through the meeting form',
      send: () =>
        postForm(planner, `/forums/${demo().forumId}/meetings/new`, `/forums/${demo().forumId}/meetings`, meetingFormFields({
          title: 'Form\u0000 meeting\u000bsecond line',
          briefing: 'Point one\r\nPoint two\u000cPoint three\u0007',
          start: '2019-06-08T21:00',
          end: '2019-06-08T21:30',
          delegationIds: [demo().delegations.azerbaijan],
        })),
      title: 'Form meeting\nsecond line',
    },
    {
      name: 'through the API',
      send: () =>
        request(ctx.app).post(`/api/v1/forums/${demo().forumId}/meetings`).set(bearer).send({
          title: 'API\u0000 meeting\u000bsecond line',
          briefing: 'Point one\r\nPoint two\u000cPoint three\u0007',
          kind: 'bilateral',
          status: 'tentative',
          start: '2019-06-08T22:00',
          end: '2019-06-08T22:30',
          delegationIds: [demo().delegations.azerbaijan],
        }),
      title: 'API meeting\nsecond line',
    },
  ])('$name is stored normalised, and the feed carries no control character', async ({ send, title }) => {
    const res = await send();
    expect(res.status).toBeLessThan(400);
    const meeting = stored(title);
    expect(meeting?.briefing).toBe('Point one\nPoint two\nPoint three');
    const feed = await request(ctx.app).get(`/s/${newLink()}/calendar.ics`);
    expect(feed.status).toBe(200);
    expect(feed.text).toContain(title.replace('\n', '\\n'));
    expect(feed.text).not.toMatch(FEED_CONTROLS);
  });

  it('a person’s name typed with a form feed is stored with a line break, others dropped', async () => {
    const res = await planner.submit('/people/new', '/people', { fullName: 'Leyla\u000cQasimova\u001f', notes: 'a\u007fb' });
    expect(res.status).toBe(303);
    const person = ctx.services.people.list().find((p) => p.fullName.startsWith('Leyla\n'));
    expect(person).toMatchObject({ fullName: 'Leyla\nQasimova', notes: 'ab' });
  });
});

describe('a control character already stored never reaches a feed', () => {
  it.each([
    { name: 'NUL', char: '\u0000' },
    { name: 'vertical tab', char: '\u000b' },
    { name: 'escape', char: '\u001b' },
    { name: 'a lone CR', char: '\r' },
    { name: 'DEL', char: '\u007f' },
  ])('$name in a title and a place, written straight into SQLite', async ({ char }) => {
    const meeting = ctx.services.meetings.list({ forumId: demo().forumId, delegationId: demo().delegations.azerbaijan })[0]!;
    ctx.services.store.db.prepare('UPDATE meeting SET title = ?, place = ?, is_public = 1 WHERE id = ?').run(`Stored${char}title`, `Hall${char}A`, meeting.id);
    // A fresh link each time: the raw write bypassed the audit log that built feeds are cached by.
    const res = await request(ctx.app).get(`/s/${newLink()}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/SUMMARY:Stored(\\n)?title/);
    expect(res.text).not.toMatch(FEED_CONTROLS);
    const single = await planner.get(`/forums/${demo().forumId}/meetings/${meeting.id}.ics`);
    expect(single.status).toBe(200);
    expect(single.text).not.toMatch(FEED_CONTROLS);
  });
});
