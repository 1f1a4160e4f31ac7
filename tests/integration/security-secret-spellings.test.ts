import request from 'supertest';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp } from '../support/app';

jest.setTimeout(30_000);

/**
 * A secret link is answered on the one spelling the app hands out
 * (/s/<token>…, lowercase, nothing escaped); every other spelling is the
 * plain 404 of a wrong guess. However it is spelled, the token never reaches
 * the log, and no answer under /s/ or /p/ starts a session.
 */
const ctx = createTestApp();
afterAll(() => ctx.close());
const F = ctx.demo!.forumId;
const { secret } = ctx.services.feeds.createToken(SYSTEM_ACTOR, F, { scope: 'delegation', scopeId: ctx.demo!.delegations.azerbaijan, label: 'spellings' });
const escaped = (text: string) => [...text].map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join('');

async function fetchLogged(url: string) {
  const before = ctx.logLines.length;
  const res = await request(ctx.app).get(url);
  return { res, log: ctx.logLines.slice(before).join('\n') };
}

describe('the canonical spelling', () => {
  it.each([
    { name: 'the link page', url: `/s/${secret}`, type: /html/ },
    { name: 'the feed', url: `/s/${secret}/calendar.ics`, type: /text\/calendar/ },
    { name: 'the agenda', url: `/s/${secret}/agenda`, type: /html/ },
    { name: 'the public programme', url: `/p/${F}/programme.ics`, type: /text\/calendar/ },
  ])('is served, logged redacted and without a session cookie: $name', async ({ url, type }) => {
    const { res, log } = await fetchLogged(url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(type);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(log).not.toContain(secret);
    if (url.startsWith('/s/')) expect(log).toContain('/s/[redacted]');
  });
});

describe('every other spelling', () => {
  it.each([
    { name: 'upper-case S', url: `/S/${secret}` },
    { name: 'upper-case S, feed', url: `/S/${secret}/calendar.ics` },
    { name: '%-encoded s', url: `/%73/${secret}` },
    { name: '%-encoded S, feed', url: `/%53/${secret}/calendar.ics` },
    { name: '%-encoded token', url: `/s/${escaped(secret)}/calendar.ics` },
    { name: 'double slash', url: `/s//${secret}/calendar.ics` },
    { name: 'leading double slash', url: `//s/${secret}` },
    { name: 'dot segment', url: `/s/./${secret}/calendar.ics` },
    { name: 'dot-dot segment', url: `/x/../s/${secret}` },
    { name: 'trailing slash', url: `/s/${secret}/` },
    { name: 'upper-case feed name', url: `/s/${secret}/CALENDAR.ICS` },
    { name: 'upper-case public feed', url: `/P/${F}/programme.ics` },
    { name: 'broken escape after the token', url: `/S/${secret}/%zz` },
  ])('is a 404, never served, logged without the token and without a session cookie: $name', async ({ url }) => {
    const { res, log } = await fetchLogged(url);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/html/);
    expect(res.text).not.toContain('BEGIN:VCALENDAR');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(log).toContain('"statusCode":404');
    expect(log).not.toContain(secret);
    expect(log).not.toContain(escaped(secret));
  });
});
