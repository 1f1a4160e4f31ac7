/**
 * Random input to every write route, with a valid session and CSRF token:
 * random field values and shapes, random content types, ids that exist and
 * ids that do not. No answer may be a 5xx, and a 4xx must leave every table
 * as it was. FUZZ_RUNS (per route) and FUZZ_SEED replay or deepen a run.
 */
import fc from 'fast-check';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, csrfFrom, signIn, type TestContext } from '../support/app';
import { databaseState } from '../support/db-state';
import { routedPaths } from '../support/router-routes';
import { CHOICES, WRITE_ROUTES, type FieldKind, type WriteRoute } from '../support/write-routes';

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
jest.setTimeout(120_000);

let ctx: TestContext;
let admin: TestAgent;
let csrf: string;
const ids: Record<string, number | string> = {};

beforeAll(async () => {
  ctx = createTestApp();
  admin = (await signIn(ctx, 'fuzz-admin', 'admin')).agent;
  csrf = await csrfFrom(admin, '/people/new');
  const db = ctx.services.store.db;
  const one = (sql: string) => db.prepare(sql).pluck().get() as number;
  const d = ctx.demo!;
  const a = SYSTEM_ACTOR;
  const participant = one('SELECT id FROM b2b_participant ORDER BY id LIMIT 1');
  const spare = ctx.services.people.create(a, { fullName: 'Deleted for the restore route' });
  ctx.services.people.remove(a, spare.id);
  Object.assign(ids, {
    forum: d.forumId,
    session: one('SELECT session_id FROM b2b_participant ORDER BY id LIMIT 1'),
    participant,
    request: one(`SELECT id FROM b2b_request WHERE from_id = ${participant} OR to_id = ${participant} ORDER BY id LIMIT 1`),
    token: ctx.services.feeds.createToken(a, d.forumId, { scope: 'b2b_participant', scopeId: participant }).secret,
    link: ctx.services.feeds.createToken(a, d.forumId, { scope: 'delegation', scopeId: d.delegations.azerbaijan, label: 'fuzz' }).token.id,
    user: ctx.services.accounts.createUser(a, { username: 'fuzz-target', role: 'viewer', password: 'Correct-horse-9', personId: null }).id,
    audit: one("SELECT max(id) FROM audit_log WHERE action = 'delete'"),
    meeting: one(`SELECT id FROM meeting WHERE forum_id = ${d.forumId} ORDER BY id LIMIT 1`),
    agreement: one(`SELECT id FROM agreement WHERE forum_id = ${d.forumId} ORDER BY id LIMIT 1`),
    availability: ctx.services.availability.create(a, d.forumId, { subject: 'room', subjectId: Object.values(d.rooms)[0], start: '2019-06-06T07:00', end: '2019-06-06T07:30', reason: 'fuzz' }).id,
    venue: d.venues.expo,
    room: Object.values(d.rooms)[0]!,
    delegation: d.delegations.azerbaijan,
    person: Object.values(d.people)[0]!,
    organization: Object.values(d.organizations)[0]!,
  });
  ids.proposal = ctx.services.b2b.scheduling.run(a, Number(ids.session)).id;
  // An upload waiting for its mapping and confirmation, the fuzzing admin's own.
  ids.importBatch = ctx.services.store.imports.addBatch({
    userId: ctx.services.accounts.list().find((u) => u.username === 'fuzz-admin')!.id,
    kind: 'people',
    fileName: 'fuzz.csv',
    tableJson: JSON.stringify({ format: 'csv', headers: ['ID', 'Full name', 'Email'], rows: [{ line: 2, cells: ['F-1', 'Fuzz Importee', 'fuzz@example.org'] }], notes: [] }),
    mappingJson: JSON.stringify(['externalId', 'fullName', 'email']),
    createdAt: Date.now(),
    expiresAt: Date.now() + 3600_000,
  });
});
/** Answers by status class, per route: FUZZ_REPORT=1 prints them, to see that runs get past the first check. */
const tally = new Map<string, Record<string, number>>();
afterAll(() => {
  if (process.env.FUZZ_REPORT) console.log([...tally].map(([route, t]) => `${route} ${JSON.stringify(t)}`).join('\n'));
  ctx.close();
});

/** Which record a route's parameter names, read from the segment before it. */
function paramValue(route: WriteRoute, name: string, before: string): string {
  if (name === 'forumId') return String(ids.forum);
  if (name === 'token') return String(ids.token);
  if (name === 'scope') return 'delegation';
  if (name === 'scopeId') return String(ids.delegation);
  if (name === 'personId') return String(ids.person);
  if (name === 'sessionId') return String(ids.session);
  if (name === 'participantId') return String(ids.participant);
  if (name === 'requestId') return String(ids.request);
  if (name === 'proposalId') return String(ids.proposal);
  const bySegment: Record<string, string> = {
    forums: 'forum', meetings: 'meeting', availability: 'availability', 'feed-tokens': 'link', links: 'link', 'b2b-sessions': 'session', 'b2b-requests': 'request', 'b2b-proposals': 'proposal',
    users: 'user', audit: 'audit', delegations: 'delegation', venues: 'venue', rooms: 'room', people: 'person', organizations: 'organization', imports: 'importBatch', agreements: 'agreement',
  };
  const key = bySegment[before];
  if (!key) throw new Error(`No id for :${name} after /${before} in ${route.path}: add it to paramValue.`);
  return String(ids[key]);
}

const TAMPERED = fc.constantFrom('0', '-1', '99999999', 'abc', '1.5', '%2e%2e', '9'.repeat(30), '%00', '1%20', '');

function urlOf(route: WriteRoute, tamper: { param: number; value: string } | null): string {
  const segments = route.path.split('/');
  let n = 0;
  return segments
    .map((seg, i) => {
      if (!seg.startsWith(':')) return seg;
      const value = tamper && tamper.param === n ? tamper.value : encodeURIComponent(paramValue(route, seg.slice(1), segments[i - 1]!));
      n++;
      return value;
    })
    .join('/');
}

const CONTROL = fc.constantFrom('\u0000', '\u000b', '\u000c', '\r\n', '\r', '\u001b', '\u007f', '\t', '\u2028', '\ud800');
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), CONTROL), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant('x'.repeat(6000)),
  fc.constantFrom('2019-13-45', '2019-02-30', '0000-00-00', '9999-99-99', '2019-06-07T25:61', '2019-03-31T02:30', '1e400', 'NaN', '-0', ' ', '__proto__'),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
  fc.constant({ toString: 'x' }),
  fc.constant([{ toString: 'x' }]),
  fc.jsonValue({ maxDepth: 3 }),
);

function nearValid(kind: FieldKind, name: string): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'text': return fc.oneof(fc.string({ minLength: 1, maxLength: 40 }).map((t) => `Fuzz ${t}`), fc.string({ maxLength: 40 }));
    case 'date': return fc.constantFrom('2019-06-06', '2019-06-07', '2019-06-08', '2030-01-01', '');
    case 'dateTime': return fc.constantFrom('2019-06-06T10:00', '2019-06-07T23:30', '2019-06-08T08:00', '2019-06-06 10:00', '');
    case 'time': return fc.constantFrom('08:00', '21:00', '23:59', '');
    case 'int': return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.integer({ min: -5, max: 200 }).map(String));
    case 'id': return fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }).map(String));
    case 'ids': return fc.array(fc.integer({ min: 0, max: 40 }).map(String), { maxLength: 4 });
    case 'choice': return fc.constantFrom(...(CHOICES[name] ?? ['x']), '');
    case 'checkbox': return fc.constantFrom('on', 'true', true, false, '');
    case 'objects': return fc.array(fc.dictionary(fc.constantFrom('personId', 'role', 'title', 'parties', 'signedOn', 'start', 'end', 'label'), fc.oneof(fc.integer({ min: 0, max: 40 }), fc.string({ maxLength: 10 }))), { maxLength: 3 });
  }
}

const ENCODINGS = ['form', 'json', 'text', 'none', 'multipart', 'badJson', 'jsonList', 'latin1Json', 'empty'] as const;
type Encoding = (typeof ENCODINGS)[number];

/** Form encoding as a browser (or a careless script) would write these values: arrays repeat the name, objects become name[key]. */
function formEncode(body: Record<string, unknown>): string {
  const out = new URLSearchParams();
  const add = (name: string, v: unknown) => {
    if (Array.isArray(v)) v.forEach((item) => add(name, item));
    else if (v !== null && typeof v === 'object') Object.entries(v).forEach(([k, inner]) => add(`${name}[${k}]`, inner));
    else out.append(name, v === null || v === undefined ? '' : String(v));
  };
  for (const [k, v] of Object.entries(body)) add(k, v);
  return out.toString();
}

function send(agent: TestAgent, route: WriteRoute, url: string, encoding: Encoding, body: Record<string, unknown>, token: string, ifMatch: string | null) {
  const method = route.method.toLowerCase() as 'post' | 'patch' | 'delete';
  let req = agent[method](url).set('x-csrf-token', token);
  if (ifMatch !== null) req = req.set('If-Match', ifMatch);
  const withToken = { ...body, _csrf: token };
  switch (encoding) {
    case 'form': return req.set('Content-Type', 'application/x-www-form-urlencoded').send(formEncode(withToken));
    case 'json': return req.set('Content-Type', 'application/json').send(JSON.stringify(withToken));
    case 'text': return req.set('Content-Type', 'text/plain').send(formEncode(withToken));
    case 'none': return req.send(Buffer.from(formEncode(withToken)));
    case 'multipart': return req.set('Content-Type', 'multipart/form-data; boundary=zz').send(`--zz\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--zz--\r\n`);
    case 'badJson': return req.set('Content-Type', 'application/json').send('{"title": ');
    case 'jsonList': return req.set('Content-Type', 'application/json').send(JSON.stringify([withToken]));
    case 'latin1Json': return req.set('Content-Type', 'application/json; charset=latin1').send(JSON.stringify(withToken));
    case 'empty': return req;
  }
}

function inputFor(route: WriteRoute) {
  const fields = Object.fromEntries(Object.entries(route.fields).map(([name, kind]) => [name, fc.option(fc.oneof({ weight: 4, arbitrary: nearValid(kind, name) }, { weight: 1, arbitrary: junk }), { nil: undefined, freq: 6 })]));
  const paramCount = route.path.split('/').filter((s) => s.startsWith(':')).length;
  return fc.record({
    body: fc.record(fields, { requiredKeys: [] }),
    extra: fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'a[b]', 'version')), junk, { maxKeys: 2 }),
    // Mostly what browsers and scripts send, so most runs reach the routes' own checks.
    encoding: fc.oneof({ weight: 6, arbitrary: fc.constantFrom<Encoding>('form', 'json') }, { weight: 3, arbitrary: fc.constantFrom(...ENCODINGS) }),
    tamper: paramCount === 0 ? fc.constant(null) : fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.record({ param: fc.integer({ min: 0, max: paramCount - 1 }), value: TAMPERED }) }),
    ifMatch: fc.option(fc.constantFrom('"v1"', '"v2"', '*', 'garbage', '"v99999999999999999999"'), { nil: null }),
  });
}

let leaver: { agent: TestAgent; token: string } | null = null;

async function agentFor(route: WriteRoute): Promise<{ agent: TestAgent; token: string }> {
  if (!route.ownSession) return { agent: admin, token: csrf };
  if (route.path === '/logout') {
    // A session that is still signed in is reused; a new one is made only after a logout went through.
    if (!leaver) {
      const agent = (await signIn(ctx, 'fuzz-leaver', 'planner')).agent;
      leaver = { agent, token: await csrfFrom(agent, '/people') };
    }
    return leaver;
  }
  const agent = request.agent(ctx.app);
  return { agent, token: await csrfFrom(agent, '/login') };
}

describe('the table of write routes', () => {
  it('lists every write route the router has, and none it does not', () => {
    const routed = routedPaths(ctx.app).filter((r) => !['GET', 'HEAD'].includes(r.method)).map((r) => `${r.method} ${r.path}`).sort();
    const listed = WRITE_ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect({ missingFromTable: routed.filter((r) => !listed.includes(r)), notInRouter: listed.filter((r) => !routed.includes(r)) }).toEqual({ missingFromTable: [], notInRouter: [] });
  });
});

describe.each(WRITE_ROUTES.map((route) => ({ ...route, name: `${route.method} ${route.path}` })))('$name', (route) => {
  it('never answers 5xx, and writes nothing when it answers 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(inputFor(route), async ({ body, extra, encoding, tamper, ifMatch }) => {
        const { agent, token } = await agentFor(route);
        const url = urlOf(route, tamper);
        const before = databaseState(ctx.services.store.db);
        const res = await send(agent, route, url, encoding, { ...extra, ...body }, token, ifMatch);
        if (route.path === '/logout' && res.status === 303) leaver = null;
        const counts = tally.get(`${route.method} ${route.path}`) ?? {};
        counts[String(res.status)] = (counts[String(res.status)] ?? 0) + 1;
        tally.set(`${route.method} ${route.path}`, counts);
        if (res.status >= 500) throw new Error(`${route.method} ${url} (${encoding}) answered ${res.status}: ${res.text.slice(0, 300)}`);
        if (res.status >= 400) {
          const after = databaseState(ctx.services.store.db);
          if (after.digest !== before.digest) throw new Error(`${route.method} ${url} (${encoding}) answered ${res.status} but wrote: ${JSON.stringify(changed(before.counts, after.counts))}`);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});

function changed(before: Record<string, number>, after: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.keys(after).filter((k) => before[k] !== after[k]).map((k) => [k, `${before[k]} -> ${after[k]}`]));
}
