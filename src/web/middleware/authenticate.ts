import type { NextFunction, Request, Response } from 'express';
import type { Services } from '../../services';
import type { UndoOffer } from '../form';

declare module 'express-session' {
  interface SessionData {
    userId?: number;
    /** When the user signed in (services' clock), for the absolute lifetime. */
    signedInAt?: number;
    flash?: { kind: 'success' | 'warning' | 'error'; text: string; undo?: UndoOffer }[];
  }
}

/**
 * Finds who is asking: a bearer API token, else the session. Sets
 * res.locals.user (and .viaToken, which exempts the request from CSRF: a
 * browser never adds an Authorization header on its own).
 */
export function authenticate(services: Services, maxHours: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.locals.user = null;
    res.locals.viaToken = false;
    // The scheme name is case-insensitive (RFC 9110), so `bearer` is a bearer token too.
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (bearer) {
      const user = services.accounts.authenticateApiToken(bearer[1]!);
      if (!user) {
        res.status(401).json({ error: 'The API token is not valid (wrong, revoked, or its user is disabled).' });
        return;
      }
      res.locals.user = user;
      res.locals.viaToken = true;
      return next();
    }
    const userId = req.session?.userId;
    // Checked here, not by the cookie's expiry: a copied cookie can be replayed, and rolling refreshes its date.
    if (userId !== undefined && !(services.clock() - (req.session.signedInAt ?? -Infinity) < maxHours * 3600_000)) {
      req.session.destroy(() => next());
      return;
    }
    if (userId !== undefined) {
      const user = services.accounts.find(userId);
      if (user && !user.disabled) res.locals.user = user;
      else delete req.session.userId;
    }
    next();
  };
}
