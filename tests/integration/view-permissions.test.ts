import fs from 'node:fs';
import path from 'node:path';
import { can, type Action } from '../../src/web/middleware/policy';
import type { Role } from '../../src/domain/accounts';
import { createTestApp, signIn, type SignedIn, type TestContext } from '../support/app';

let ctx: TestContext;
const agents = new Map<Role, SignedIn>();
const ROLES: Role[] = ['admin', 'planner', 'viewer'];

beforeAll(async () => {
  ctx = createTestApp();
  for (const role of ROLES) agents.set(role, await signIn(ctx, `views-${role}`, role));
});
afterAll(() => ctx.close());

interface Case {
  name: string;
  url: () => string;
  /** What the page shows when the action is allowed. */
  shows: string | (() => string);
  action: () => Action;
  /** Who sees it, written out so the table cannot agree with a wrong policy by accident. */
  seenBy: Role[];
}

const f = () => ctx.demo!.forumId;
const meetingId = () => ctx.services.store.meetings.list({ forumId: f() })[0]!.id;
const delegationId = () => ctx.demo!.delegations.azerbaijan;
const personId = () => Object.values(ctx.demo!.people)[0]!;

const cases: Case[] = [
  { name: 'admin link in the header', url: () => '/people', shows: 'href="/admin/users"', action: () => 'GET /admin/users', seenBy: ['admin'] },
  { name: 'edit forum', url: () => `/forums/${f()}`, shows: 'Edit forum', action: () => `GET /forums/${f()}/edit`, seenBy: ['admin'] },
  { name: 'new person', url: () => '/people', shows: 'New person', action: () => 'GET /people/new', seenBy: ['admin', 'planner'] },
  { name: 'new meeting', url: () => `/forums/${f()}/meetings`, shows: 'New meeting', action: () => `GET /forums/${f()}/meetings/new`, seenBy: ['admin', 'planner'] },
  { name: 'edit meeting', url: () => `/forums/${f()}/meetings/${meetingId()}`, shows: () => `/meetings/${meetingId()}/edit"`, action: () => `GET /forums/${f()}/meetings/${meetingId()}/edit`, seenBy: ['admin', 'planner'] },
  { name: 'change a meeting\'s status', url: () => `/forums/${f()}/meetings/${meetingId()}`, shows: 'class="status-actions"', action: () => `POST /forums/${f()}/meetings/${meetingId()}/status`, seenBy: ['admin', 'planner'] },
  { name: 'audit details in the history', url: () => `/forums/${f()}/meetings/${meetingId()}`, shows: 'href="/admin/audit/', action: () => 'GET /admin/audit/1', seenBy: ['admin'] },
  { name: 'new link', url: () => `/forums/${f()}/links`, shows: 'New link', action: () => `POST /forums/${f()}/links`, seenBy: ['admin', 'planner'] },
  { name: 'new B2B session', url: () => `/forums/${f()}/b2b`, shows: 'New session', action: () => 'plan', seenBy: ['admin', 'planner'] },
  { name: 'new unavailability block', url: () => `/forums/${f()}/availability`, shows: 'New block', action: () => 'plan', seenBy: ['admin', 'planner'] },
  { name: 'delegation members', url: () => `/forums/${f()}/delegations/${delegationId()}`, shows: 'Add or change role', action: () => `POST /forums/${f()}/delegations/${delegationId()}/members`, seenBy: ['admin', 'planner'] },
  { name: 'travel times', url: () => `/forums/${f()}/travel`, shows: 'Save travel times', action: () => `POST /forums/${f()}/travel`, seenBy: ['admin', 'planner'] },
  { name: 'mark an agenda printed', url: () => `/forums/${f()}/agenda/person/${personId()}`, shows: 'Mark as printed', action: () => `POST /forums/${f()}/agenda/person/${personId()}/printed`, seenBy: ['admin', 'planner'] },
];

describe('pages show what the policy allows, role by role', () => {
  it.each(cases.flatMap((c) => ROLES.map((role) => ({ ...c, role }))))('$name, as $role', async ({ role, url, shows, action, seenBy }) => {
    const res = await agents.get(role)!.get(url());
    expect(res.status).toBe(200);
    expect(can(role, action())).toBe(seenBy.includes(role));
    expect(res.text.includes(typeof shows === 'function' ? shows() : shows)).toBe(seenBy.includes(role));
  });

  // Showing the role (the header's badge) is fine; deciding on it is the policy's.
  it('no view compares roles itself', () => {
    const views = path.resolve(__dirname, '../../views');
    const offenders = (fs.readdirSync(views, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ejs'))
      .filter((file) => /\b(user|me)\.role\s*[!=]=|[!=]=\s*(user|me)\.role\b|\((user|me)\.role\)|'(admin|planner|viewer)'\s*[!=]==/.test(fs.readFileSync(path.join(views, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('an action that names neither a capability nor a route is a mistake in the view', () => {
    expect(() => can('admin', 'planning' as Action)).toThrow(/capability/);
  });
});
