import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { isApiPath } from './policy';
import { translate } from '../../messages/catalogue';
import { readerLocale } from '../locale';
import { csrfSync } from 'csrf-sync';

/**
 * CSRF protection, with a same-origin check on Origin / Sec-Fetch-Site in
 * front. A signed-in user's token lives in their session (synchronizer
 * token, csrf-sync). Before sign-in there is no session to keep it in, and
 * making one per visitor wrote a row for every GET /login; so the login form
 * uses a double-submit token instead: a random value in a cookie signed with
 * the session secret, which the form must send back. Requests authenticated
 * by a bearer token are exempt (no ambient credential), as are secret links
 * (the URL itself is the credential; they still get the origin check).
 */
const MESSAGE = 'The form has expired or did not come from this site. Reload the page and try again.';
const COOKIE = 'fp.csrf';

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  size: 32,
  getTokenFromRequest: submittedToken,
  errorConfig: { statusCode: 403, message: MESSAGE, code: 'EBADCSRFTOKEN' },
});

function submittedToken(req: Request): string | undefined {
  return req.body && typeof req.body._csrf === 'string' ? req.body._csrf : req.get('x-csrf-token');
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sameOrigin(req: Request, res: Response, next: NextFunction): void {
  if (!UNSAFE.has(req.method) || res.locals.viaToken) return next();
  const site = req.get('sec-fetch-site');
  const origin = req.get('origin');
  const host = req.get('host');
  const crossSite = site === 'cross-site' || site === 'same-site';
  let foreignOrigin = false;
  if (origin && origin !== 'null' && host) {
    try {
      foreignOrigin = new URL(origin).host !== host;
    } catch {
      foreignOrigin = true;
    }
  }
  // Origin 'null' is what browsers send under Referrer-Policy: no-referrer (which
  // we set), so it tells nothing; Sec-Fetch-Site and the token still decide.
  if (crossSite || foreignOrigin) return refuse(req, res);
  next();
}

export function createCsrf(opts: { secret: string; cookieSecure: 'auto' | boolean }) {
  const sign = (token: string) => crypto.createHmac('sha256', opts.secret).update(`csrf ${token}`).digest('base64url');
  const cookieToken = (req: Request): string | null => {
    const raw = cookieValue(req, COOKIE);
    const dot = raw?.lastIndexOf('.') ?? -1;
    if (!raw || dot < 1) return null;
    const token = raw.slice(0, dot);
    const given = Buffer.from(raw.slice(dot + 1));
    const wanted = Buffer.from(sign(token));
    return given.length === wanted.length && crypto.timingSafeEqual(given, wanted) ? token : null;
  };
  const signedIn = (req: Request) => req.session?.userId !== undefined;
  const exempt = (req: Request, res: Response) => res.locals.viaToken || req.path.startsWith('/s/');

  function protect(req: Request, res: Response, next: NextFunction): void {
    if (exempt(req, res)) return next();
    if (signedIn(req)) {
      csrfSynchronisedProtection(req, res, (err?: unknown) => (err ? refuse(req, res) : next()));
      return;
    }
    if (!UNSAFE.has(req.method)) return next();
    const expected = cookieToken(req);
    const sent = submittedToken(req);
    if (expected && sent && sent.length === expected.length && crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) return next();
    refuse(req, res);
  }

  /** Exposes the token to every view as `csrfToken`; before sign-in it is the cookie's, set once per browser. */
  function token(req: Request, res: Response, next: NextFunction): void {
    if (exempt(req, res) || !req.session) {
      res.locals.csrfToken = '';
    } else if (signedIn(req)) {
      res.locals.csrfToken = generateToken(req);
    } else {
      let value = cookieToken(req);
      if (!value) {
        value = crypto.randomBytes(32).toString('base64url');
        const secure = opts.cookieSecure === 'auto' ? req.secure : opts.cookieSecure;
        res.cookie(COOKIE, `${value}.${sign(value)}`, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
      }
      res.locals.csrfToken = value;
    }
    next();
  }

  return { protect, token };
}

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function refuse(req: Request, res: Response): void {
  if (isApiPath(req.path) || req.is('application/json')) {
    res.status(403).json({ error: MESSAGE });
    return;
  }
  const locale = readerLocale(req);
  res.status(403).render('pages/errors/403', { title: translate(locale, 'ui.errors.title.forbidden'), message: translate(locale, 'ui.errors.csrf') });
}
