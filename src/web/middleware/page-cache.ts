import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { fillHoles, fillHolesBytes, splitAtHoles, type CachedPage, type PageCache } from '../../services/page-cache';
import { readerLocale } from '../locale';

/**
 * Serves the heavy read pages (lists, grids, the board, the conflicts page,
 * agendas, the API's meeting list) from the page cache while the programme is
 * unchanged.
 *
 * What a page depends on is its address, the reader's role (links and
 * buttons follow `can`), language, the forum the header points at and the
 * day (for "today"; an agenda, which prints the time it was made: the
 * minute). Those make the key; nothing client-chosen beyond the
 * address does (not Host, not Accept). The two things that differ per reader
 * of the same role, their CSRF token and their user name, are rendered as
 * placeholders that are random per process (so no stored text can spell them)
 * and filled in for each request. A page with a flash message, a status other
 * than 200 or a cookie of its own is never kept. Handlers never see the cache:
 * a miss runs them as before.
 */
const AGENDA = /^\/forums\/\d+\/agenda\/[a-z]+\/\d+(\/[^/]+)?$/;
const CACHED_PATHS: readonly RegExp[] = [
  /^\/forums\/\d+$/,
  /^\/forums\/\d+\/meetings$/,
  /^\/forums\/\d+\/grid(\/[^/]+){0,2}$/,
  /^\/forums\/\d+\/board$/,
  /^\/forums\/\d+\/conflicts$/,
  AGENDA,
  /^\/people$/,
  /^\/organizations$/,
  /^\/api\/v1\/forums\/\d+\/meetings$/,
];

const nonce = crypto.randomBytes(9).toString('hex');
const CSRF_HOLE = `fpcsrf${nonce}`;
const NAME_HOLE = `fpname${nonce}`;
const HOLES = [CSRF_HOLE, NAME_HOLE] as const;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

const digest = (text: string) => crypto.createHash('sha1').update(text).digest('base64url').slice(0, 22);
/** The page's ETag: its kept parts' digest and the reader's own values (a 304 must not hand back another reader's CSRF token). */
const etagOf = (tag: string, values: readonly string[]) => `W/"${tag}.${digest(values.join('\u0000'))}"`;

/**
 * Runs `fn` once the loop has polled for I/O: an immediate scheduled from an
 * immediate runs after the next poll phase, so the requests that arrived
 * while a page was being built are read and answered before it is rendered
 * (one immediate alone would run before the loop looks at the sockets again).
 */
function afterPendingIo(fn: () => void): void {
  setImmediate(() => setImmediate(fn));
}

export function cachedPages(cache: PageCache, clock: () => number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const user = res.locals.user;
    if (req.method !== 'GET' || !user || (res.locals.flash?.length ?? 0) > 0 || !CACHED_PATHS.some((p) => p.test(req.path))) return next();
    const version = cache.version();
    // An agenda prints the minute it was made ("generated at 10:32"): a sheet printed later must not carry an older time.
    const now = new Date(clock()).toISOString().slice(0, AGENDA.test(req.path) ? 16 : 10);
    const key = [user.role, res.locals.viaToken ? 'token' : 'session', readerLocale(req), res.locals.currentForum?.id ?? '', now, req.originalUrl].join('|');
    const values = [String(res.locals.csrfToken ?? ''), String(user.username)];
    const hit = cache.get(key, version);
    if (hit) {
      res.status(hit.status).set(hit.headers);
      const json = /json/.test(hit.headers['content-type'] ?? '');
      // The ETag is set here, so express does not hash the whole body for one (it only makes one when none is set).
      if (hit.tag) res.set('ETag', etagOf(hit.tag, values));
      res.send(fillHolesBytes(hit, json ? values.map((v) => JSON.stringify(v).slice(1, -1)) : values.map(escapeHtml)));
      return;
    }
    // The handler builds its page's data, then renders it after the loop has served the requests that waited meanwhile:
    // a build and its rendering are two holds of the event loop instead of one twice as long. The data is
    // read in the one synchronous run before the render (under the version read above), so a write that
    // lands in between cannot tear the page; the render only formats it.
    const render = res.render.bind(res);
    res.render = ((view: string, options?: object, callback?: (err: Error, html: string) => void) => {
      afterPendingIo(() => render(view, options, callback));
    }) as Response['render'];
    const before = new Set(Object.keys(res.getHeaders()));
    res.locals.csrfToken = CSRF_HOLE;
    res.locals.user = { ...user, username: NAME_HOLE };
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      res.send = send;
      res.locals.user = user;
      res.locals.csrfToken = values[0];
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.getHeaders())) if (!before.has(name) && value !== undefined) headers[name] = String(value);
      const keep = res.statusCode === 200 && typeof body === 'string' && !('set-cookie' in headers);
      const page = typeof body === 'string' ? splitAtHoles(body, HOLES) : null;
      if (!page) return send(body);
      // express would name a string answer HTML inside send(); a hit answers bytes, so the kept headers say it.
      if (!('content-type' in headers) && res.get('content-type') === undefined) headers['content-type'] = 'text/html; charset=utf-8';
      const tag = digest(page.parts.join('\u0000'));
      // Encoded only when kept: a page that is not kept is sent once, as a string.
      if (keep) cache.set(key, version, { status: 200, headers, ...page, encoded: page.parts.map((p) => Buffer.from(p)), tag } satisfies CachedPage);
      res.set('ETag', etagOf(tag, values));
      const json = /json/.test(String(res.get('content-type') ?? ''));
      return send(fillHoles(page, json ? values.map((v) => JSON.stringify(v).slice(1, -1)) : values.map(escapeHtml)));
    };
    next();
  };
}
