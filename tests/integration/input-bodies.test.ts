/**
 * Bodies a browser would never send: another content type, no content type,
 * a field that is an object, a name that reaches Object.prototype. Each gets
 * a 4xx that says what to send, and nothing is written.
 */
import { createTestApp, csrfFrom, signIn, type SignedIn, type TestContext } from '../support/app';
import { databaseState } from '../support/db-state';

let ctx: TestContext;
let planner: SignedIn;
let csrf: string;
beforeAll(async () => {
  ctx = createTestApp();
  planner = await signIn(ctx, 'body-planner', 'planner');
  csrf = await csrfFrom(planner.agent, '/people/new');
});
afterAll(() => ctx.close());

const state = () => databaseState(ctx.services.store.db);
const demo = () => ctx.demo!;

/** A raw post with the session and the CSRF token in its header, as the page's scripts send it. */
function post(url: string, contentType: string | null, body: string | Buffer | null) {
  const req = planner.agent.post(url).set('x-csrf-token', csrf);
  if (contentType !== null) req.set('Content-Type', contentType);
  return body === null ? req : req.send(body);
}

const FORM_ROUTES = () => [
  { route: 'a person', url: '/people' },
  { route: 'a secret link', url: `/forums/${demo().forumId}/links` },
  { route: 'a meeting', url: `/forums/${demo().forumId}/meetings` },
  { route: 'a delegation member', url: `/forums/${demo().forumId}/delegations/${demo().delegations.azerbaijan}/members` },
];

describe('a form route refuses a body it cannot read as a form', () => {
  it.each([
    { name: 'text/plain', type: 'text/plain', body: 'fullName=Plain Text', status: 415, says: /does not read text\/plain/ },
    { name: 'a body without Content-Type', type: null, body: Buffer.from('fullName=Nobody'), status: 415, says: /no Content-Type/ },
    { name: 'multipart/form-data', type: 'multipart/form-data; boundary=x', body: '--x\r\nContent-Disposition: form-data; name="fullName"\r\n\r\nM\r\n--x--\r\n', status: 415, says: /does not read multipart\/form-data/ },
    { name: 'application/xml', type: 'application/xml', body: '<fullName>X</fullName>', status: 415, says: /does not read application\/xml/ },
    { name: 'a field that is an object with toString', type: 'application/json', body: '{"fullName":{"toString":"x"}}', status: 422, says: /“fullName” must be text/ },
    { name: 'a list of objects', type: 'application/json', body: '{"fullName":[{"a":1}]}', status: 422, says: /“fullName” must be text or a list/ },
    { name: 'a JSON __proto__ key', type: 'application/json', body: '{"__proto__":{"fullName":"x"},"fullName":"Proto"}', status: 422, says: /“__proto__” is not a field/ },
    { name: 'a constructor field', type: 'application/x-www-form-urlencoded', body: 'constructor=x&fullName=Ctor', status: 422, says: /“constructor” is not a field/ },
    { name: 'a JSON list instead of an object', type: 'application/json', body: '["fullName"]', status: 422, says: /not a list or a single value/ },
  ])('$name -> $status with a message, on every form route, nothing written', async ({ type, body, status, says }) => {
    for (const { route, url } of FORM_ROUTES()) {
      const before = state();
      const res = await post(url, type, body).set('Accept', 'text/html');
      expect({ route, status: res.status }).toEqual({ route, status });
      expect(res.text).toMatch(says);
      expect(state()).toEqual(before);
    }
  });

  it('answers an empty post (no body, no type) with the form’s own messages, not a crash', async () => {
    const before = state();
    const res = await post('/people', null, null);
    expect(res.status).toBe(422);
    expect(res.text).toContain('Enter the full name.');
    expect(state()).toEqual(before);
  });

  it('reads JSON numbers and booleans as a browser would send them (the control case)', async () => {
    const res = await post('/organizations', 'application/json', JSON.stringify({ name: 'Numbers Ltd', country: 994, kind: 'company' }));
    expect(res.status).toBe(303);
    expect(ctx.services.organizations.list().find((o) => o.name === 'Numbers Ltd')?.country).toBe('994');
  });
});

describe('the API refuses what it cannot read', () => {
  it.each([
    { name: 'text/plain', type: 'text/plain', body: 'title=x', status: 415 },
    { name: 'a __proto__ key nested in a participant', type: 'application/json', body: '{"title":"T","participants":[{"__proto__":{"x":1}}]}', status: 422 },
    { name: 'a list', type: 'application/json', body: '[1,2]', status: 422 },
    { name: 'nesting deeper than any field needs', type: 'application/json', body: `{"title":${'['.repeat(20)}${']'.repeat(20)}}`, status: 422 },
    { name: 'a title that is an object with toString', type: 'application/json', body: '{"title":{"toString":"x"}}', status: 422 },
  ])('$name -> $status as JSON, nothing written', async ({ type, body, status }) => {
    const before = state();
    const res = await post(`/api/v1/forums/${demo().forumId}/meetings`, type, body);
    expect(res.status).toBe(status);
    expect(typeof res.body.error).toBe('string');
    expect(state()).toEqual(before);
  });
});

describe('marking an agenda printed reads its whole input before it writes the snapshot', () => {
  const scopes = () => [
    { scope: 'person', id: Object.values(demo().people)[0]! },
    { scope: 'room', id: Object.values(demo().rooms)[0]! },
    { scope: 'delegation', id: demo().delegations.azerbaijan },
  ];
  it.each([
    { name: 'text/plain', type: 'text/plain', body: 'day=2019-06-07', status: 415 },
    { name: 'no Content-Type', type: null, body: Buffer.from('day=2019-06-07'), status: 415 },
    { name: 'day as an object', type: 'application/json', body: '{"day":{"toString":"x"}}', status: 422 },
    { name: 'an impossible day', type: 'application/x-www-form-urlencoded', body: 'day=2019-13-45', status: 422 },
    { name: 'day given twice', type: 'application/x-www-form-urlencoded', body: 'day=2019-06-07&day=2019-06-08', status: 422 },
  ])('$name -> $status, no snapshot and no audit row', async ({ type, body, status }) => {
    for (const { scope, id } of scopes()) {
      const before = state();
      const res = await post(`/forums/${demo().forumId}/agenda/${scope}/${id}/printed`, type, body);
      expect({ scope, status: res.status }).toEqual({ scope, status });
      expect(state()).toEqual(before);
    }
  });

  it('marks it printed and returns to the day page on a good day (the control case)', async () => {
    const { scope, id } = scopes()[0]!;
    const before = state();
    const res = await post(`/forums/${demo().forumId}/agenda/${scope}/${id}/printed`, 'application/x-www-form-urlencoded', 'day=2019-06-07');
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/\/2019-06-07$/);
    expect(state().counts.print_snapshot).toBe(before.counts.print_snapshot! + 1);
  });
});
