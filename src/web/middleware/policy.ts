import type { NextFunction, Request, Response } from 'express';
import type { Role } from '../../domain/accounts';
import { normalisePath } from './canonical-path';
import { translate } from '../../messages/catalogue';
import { readerLocale } from '../locale';

/**
 * Who may do what, decided here and nowhere else: a table of (methods, path,
 * roles), first match wins, anything unmatched is refused. Handlers never
 * check roles themselves.
 */
type Access = 'public' | 'authenticated' | readonly Role[];
interface Rule {
  methods?: readonly string[];
  path: RegExp;
  access: Access;
}

const WRITE = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
const READ = ['GET', 'HEAD'] as const;
const EVERYONE: readonly Role[] = ['admin', 'planner', 'viewer'];
const PLANNERS: readonly Role[] = ['admin', 'planner'];
const ADMINS: readonly Role[] = ['admin'];

export const POLICY: readonly Rule[] = [
  { path: /^\/(login|healthz|favicon\.ico)$/, access: 'public' },
  { path: /^\/public\//, access: 'public' },
  { path: /^\/s\//, access: 'public' }, // secret links: the token is the credential, checked by their router
  { methods: READ, path: /^\/p\/\d+\/programme\.ics$/, access: 'public' }, // the forum's public programme feed
  { methods: WRITE, path: /^\/logout$/, access: 'authenticated' },
  { methods: WRITE, path: /^\/account\/language$/, access: 'authenticated' },
  { path: /^\/admin(\/|$)/, access: ADMINS },
  { path: /^\/api\/v1\/openapi\.json$/, access: 'public' },
  // Forums themselves (create, edit, delete) are the admin's.
  { methods: WRITE, path: /^\/forums\/?$/, access: ADMINS },
  { methods: WRITE, path: /^\/forums\/\d+\/(edit|delete)$/, access: ADMINS },
  { methods: READ, path: /^\/forums\/(new|\d+\/edit|\d+\/delete)$/, access: ADMINS },
  { methods: WRITE, path: /^\/api\/v1\/forums\/?$/, access: ADMINS },
  // A whole forum in one file (people's contacts, briefings): the admin's, like moving the forum itself.
  { methods: READ, path: /^\/forums\/\d+\/export\.json$/, access: ADMINS },
  // Finding a time is planning: it reads every person's and room's day.
  { path: /^\/forums\/\d+\/find-time$/, access: PLANNERS },
  { path: /^\/api\/v1\/forums\/\d+\/time-finder$/, access: PLANNERS },
  // The availability board is planning too: anyone's day, and a search of the whole contact book.
  { path: /^\/forums\/\d+\/board(\/people)?$/, access: PLANNERS },
  // Importing writes many records at once: the planners' (and the upload it keeps is theirs alone).
  { path: /^\/imports(\/|$)/, access: PLANNERS },
  // Forms that change things are the planners'; showing one to a viewer helps nobody.
  { methods: READ, path: /\/(new|edit|delete|cancel|move|publish)$/, access: PLANNERS },
  { methods: WRITE, path: /.*/, access: PLANNERS },
  { methods: READ, path: /.*/, access: EVERYONE },
];

export type Decision = 'allow' | 'login' | 'forbid';

/**
 * The path as the routers see it. canonical-path.ts has already decoded it and
 * resolved dot segments (normalising again here keeps decide() right when
 * called on its own). Express routers match case-insensitively and ignore a
 * trailing slash, so `/ADMIN/users` and `/forums/1/edit/` reach the same
 * handlers as `/admin/users` and `/forums/1/edit`: the table folds them the
 * same way rather than making every router strict, which would turn a
 * mistyped capital into a 404 and has to be repeated on each Router().
 * Null when the path does not decode: no rule can speak for it.
 */
export function canonicalPath(path: string): string | null {
  try {
    return normalisePath(path).toLowerCase().replace(/(.)\/+$/, '$1');
  } catch {
    return null;
  }
}

/** The JSON API, however the path is spelled: its answers are JSON, never pages or redirects. */
export function isApiPath(path: string): boolean {
  return canonicalPath(path)?.startsWith('/api/') ?? false;
}

export function decide(method: string, rawPath: string, role: Role | null): Decision {
  const path = canonicalPath(rawPath);
  if (path === null) return role ? 'forbid' : 'login';
  const rule = POLICY.find((r) => (!r.methods || r.methods.includes(method)) && r.path.test(path));
  if (!rule) return role ? 'forbid' : 'login';
  if (rule.access === 'public') return 'allow';
  if (!role) return 'login';
  if (rule.access === 'authenticated') return 'allow';
  return rule.access.includes(role) ? 'allow' : 'forbid';
}

type Method = (typeof READ)[number] | (typeof WRITE)[number];
/** A route as a page links or posts to it: "GET /forums/3/edit", "POST /forums/3/links/9/revoke". */
export type RouteAction = `${Method} /${string}`;

/**
 * What a page asks about when one flag governs many buttons (a planner's
 * toolbar on the day grid, the B2B pages). Each stands for one route the
 * table decides, so a capability can never say more than the routes it shows.
 */
export const CAPABILITIES = {
  /** Change a forum's programme: meetings, availability, B2B sessions, requests and participants. */
  plan: 'POST /forums/0/meetings',
} as const satisfies Record<string, RouteAction>;
export type Capability = keyof typeof CAPABILITIES;
export type Action = Capability | RouteAction;

/**
 * Whether a user of `role` may take `action`: the same table decides as for
 * the request itself, so a page shows a button exactly when pressing it
 * would be allowed.
 */
export function can(role: Role | null, action: Action): boolean {
  const route: string = Object.hasOwn(CAPABILITIES, action) ? CAPABILITIES[action as Capability] : action;
  const at = route.indexOf(' ');
  if (at < 0 || !route.startsWith('/', at + 1)) throw new Error(`can("${action}"): name a capability (${Object.keys(CAPABILITIES).join(', ')}) or a route as "METHOD /path".`);
  return decide(route.slice(0, at), route.slice(at + 1), role) === 'allow';
}

export function authorize(req: Request, res: Response, next: NextFunction): void {
  const role: Role | null = res.locals.user?.role ?? null;
  // Views ask can(action) instead of comparing roles; the user is bound here, once.
  res.locals.can = (action: Action) => can(role, action);
  const decision = decide(req.method, req.path, role);
  if (decision === 'allow') return next();
  const isApi = isApiPath(req.path);
  if (decision === 'login') {
    if (isApi) {
      res.status(401).json({ error: 'Sign in or send an API token: Authorization: Bearer <token>.' });
      return;
    }
    const nextUrl = req.method === 'GET' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
    res.redirect(303, `/login${nextUrl}`);
    return;
  }
  if (isApi) {
    res.status(403).json({ error: 'Your role does not allow this.' });
    return;
  }
  res.status(403).render('pages/errors/403', { title: translate(readerLocale(req), 'ui.errors.title.forbidden') });
}
