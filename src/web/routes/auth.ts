import { Router, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Services } from '../../services';

/**
 * Login and logout. Two throttles: per client address (a stranger hammering
 * many accounts) and per account (guessing one password), counting failed
 * attempts only, over a short window so a stranger cannot lock a real user
 * out for more than a few minutes.
 */
export function authRoutes(services: Services): Router {
  const router = Router();
  const tooMany = (windowMinutes: number) => (req: Request, res: Response) => {
    const retry = Math.max(1, Math.ceil(Number(res.getHeader('Retry-After') ?? windowMinutes * 60) / 60));
    res.status(429).render('pages/auth/login', {
      title: 'Sign in',
      username: typeof req.body?.username === 'string' ? req.body.username : '',
      next: safeNext(req.body?.next),
      error: `Too many sign-in attempts. Try again in ${retry} minute${retry === 1 ? '' : 's'}.`,
    });
  };
  const perAddress = rateLimit({ windowMs: 15 * 60_000, limit: 50, standardHeaders: 'draft-8', legacyHeaders: false, skipSuccessfulRequests: true, handler: tooMany(15) });
  const perAccount = rateLimit({
    windowMs: 5 * 60_000,
    limit: 8,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    keyGenerator: (req) => `user:${String(req.body?.username ?? '').trim().toLowerCase()}`,
    handler: tooMany(5),
  });

  router.get('/login', (req, res) => {
    if (res.locals.user) return res.redirect(303, '/');
    res.render('pages/auth/login', { title: 'Sign in', username: '', next: safeNext(req.query.next), error: null });
  });

  router.post('/login', perAddress, perAccount, (req, res, next) => {
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

/** Only same-site paths, so the login form cannot be made to bounce a user elsewhere. */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '';
}
