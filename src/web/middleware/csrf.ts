import type { NextFunction, Request, Response } from 'express';
import { isApiPath } from './policy';
import { csrfSync } from 'csrf-sync';

/**
 * Synchronizer-token CSRF (csrf-sync, token kept in the session) plus a
 * same-origin check on Origin / Sec-Fetch-Site. Requests authenticated by a
 * bearer token are exempt (no ambient credential), as are secret links (the
 * URL itself is the credential; they still get the origin check).
 */
const { csrfSynchronisedProtection, generateToken } = csrfSync({
  size: 32,
  getTokenFromRequest: (req) => (req.body && typeof req.body._csrf === 'string' ? req.body._csrf : req.get('x-csrf-token')),
  errorConfig: { statusCode: 403, message: 'The form has expired or did not come from this site. Reload the page and try again.', code: 'EBADCSRFTOKEN' },
});

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

export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  if (res.locals.viaToken || req.path.startsWith('/s/')) return next();
  csrfSynchronisedProtection(req, res, (err?: unknown) => {
    if (err) return refuse(req, res);
    next();
  });
}

/** Exposes the token to every view as `csrfToken` (only where a session exists). */
export function csrfToken(req: Request, res: Response, next: NextFunction): void {
  res.locals.csrfToken = req.session && !req.path.startsWith('/s/') && !res.locals.viaToken ? generateToken(req) : '';
  next();
}

function refuse(req: Request, res: Response): void {
  const message = 'The form has expired or did not come from this site. Reload the page and try again.';
  if (isApiPath(req.path) || req.is('application/json')) {
    res.status(403).json({ error: message });
    return;
  }
  res.status(403).render('pages/errors/403', { title: 'Not allowed', message });
}
