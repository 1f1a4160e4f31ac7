import { Router, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Services } from '../../services';
import { retryAttempt } from '../middleware/busy-retry';

/**
 * Failed sign-ins allowed per window, counted three ways. Only failures count
 * (a successful sign-in takes its attempt back), and the windows are short.
 *
 * - per account from one address: guessing one password from one machine.
 * - per account from anywhere: the same guessing spread over many machines. Its
 *   limit is five times higher, so a stranger on one machine cannot lock the
 *   real user out: the real user signs in from another address.
 * - per address: one machine trying many accounts.
 */
export const LOGIN_THROTTLE = {
  accountFromAddress: { limit: 8, windowMinutes: 5 },
  account: { limit: 40, windowMinutes: 15 },
  address: { limit: 50, windowMinutes: 15 },
} as const;

/** Login and logout, with the throttles above in front of the password check. */
export function authRoutes(services: Services): Router {
  const router = Router();
  const accountKey = (req: Request) => String(req.body?.username ?? '').trim().toLowerCase().slice(0, 100);
  const addressKey = (req: Request) => ipKeyGenerator(req.ip ?? '');
  const throttle = (which: keyof typeof LOGIN_THROTTLE, keyGenerator: (req: Request) => string, what: string) => {
    const { limit, windowMinutes } = LOGIN_THROTTLE[which];
    return rateLimit({
      windowMs: windowMinutes * 60_000,
      limit,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      skipSuccessfulRequests: true,
      // A sign-in replayed while the database was busy is one attempt, not several.
      skip: (req: Request) => retryAttempt(req) > 0,
      keyGenerator,
      handler: (req: Request, res: Response) => {
        const retry = Math.max(1, Math.ceil(Number(res.getHeader('Retry-After') ?? windowMinutes * 60) / 60));
        res.status(429).render('pages/auth/login', {
          title: 'Sign in',
          username: typeof req.body?.username === 'string' ? req.body.username : '',
          next: safeNext(req.body?.next),
          error: `Too many failed sign-ins ${what}. Try again in ${retry} minute${retry === 1 ? '' : 's'}.`,
        });
      },
    });
  };
  const limits = [
    throttle('address', addressKey, 'from your network'),
    throttle('accountFromAddress', (req) => `${addressKey(req)} ${accountKey(req)}`, 'for this user'),
    throttle('account', accountKey, 'for this user'),
  ];

  router.get('/login', (req, res) => {
    if (res.locals.user) return res.redirect(303, '/');
    res.render('pages/auth/login', { title: 'Sign in', username: '', next: safeNext(req.query.next), error: null });
  });

  router.post('/login', ...limits, (req, res, next) => {
    const username = typeof req.body.username === 'string' ? req.body.username : '';
    const password = typeof req.body.password === 'string' ? req.body.password : '';
    const user = username && password ? services.accounts.authenticate(username, password) : null;
    if (!user) {
      res.status(401).render('pages/auth/login', { title: 'Sign in', username, next: safeNext(req.body.next), error: 'The user name or password is not right.' });
      return;
    }
    // A new session id on login: an id planted before login is worth nothing after it.
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.userId = user.id;
      req.session.save((err2) => (err2 ? next(err2) : res.redirect(303, safeNext(req.body.next) || '/')));
    });
  });

  router.post('/logout', (req, res, next) => {
    if (!req.session) {
      res.status(400).json({ error: 'An API token has no session to end. To stop a token, revoke it: npm run cli -- token revoke ID.' });
      return;
    }
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie('fp.sid');
      res.redirect(303, '/login');
    });
  });

  router.get('/', (_req, res) => {
    const forum = res.locals.currentForum;
    res.redirect(303, forum ? `/forums/${forum.id}` : '/forums');
  });

  return router;
}

const HERE = 'http://forum-planner.invalid';

/**
 * Only a path on this site, so the login form cannot be made to bounce a user
 * elsewhere. Resolving it the way a browser does catches what a pattern
 * misses: `//evil.example`, `/\\evil.example`, `/\t/evil.example`, `/..//evil.example`.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000 || /[\u0000-\u001f\u007f\\]/.test(value)) return '';
  try {
    const url = new URL(value, HERE);
    // Dot segments can fold into a leading '//' (`/..//evil.example`), which a browser reads as a host.
    return url.origin === HERE && !url.pathname.startsWith('//') ? url.pathname + url.search + url.hash : '';
  } catch {
    return '';
  }
}
