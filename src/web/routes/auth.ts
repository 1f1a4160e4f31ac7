import { Router, type Request } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Services } from '../../services';
import { HashQueueFullError } from '../../services/accounts';
import { actorOf } from '../form';
import { readerLocale, useLocale } from '../locale';
import { isLocale, translate, type Locale } from '../../messages/catalogue';

/** Login and logout; the throttling of failed sign-ins is AccountService.signIn's (sign-in-throttle.ts). */
export function authRoutes(services: Services): Router {
  const router = Router();
  // One IPv6 host usually owns a whole /64: counting single addresses would hand it billions of tries.
  const addressOf = (req: Request) => ipKeyGenerator(req.ip ?? '');
  const again = (locale: Locale, seconds: number) =>
    seconds < 60 ? translate(locale, 'ui.auth.seconds', { count: seconds }) : translate(locale, 'ui.auth.minutes', { count: Math.ceil(seconds / 60) });
  /** The ?lang= the login page was opened with: its form posts back to it, so a refusal is in the same language. */
  const langOf = (req: Request) => (isLocale(req.query.lang) ? req.query.lang : null);

  router.get('/login', (req, res) => {
    if (res.locals.user) return res.redirect(303, '/');
    res.render('pages/auth/login', { title: translate(readerLocale(req), 'ui.auth.sign-in'), username: '', next: safeNext(req.query.next), error: null, lang: langOf(req) });
  });

  router.post('/login', async (req, res, next) => {
    const username = typeof req.body?.username === 'string' ? req.body.username : '';
    const password = typeof req.body?.password === 'string' ? req.body.password : '';
    const locale = readerLocale(req);
    const form = (status: number, error: string) =>
      res.status(status).render('pages/auth/login', { title: translate(locale, 'ui.auth.sign-in'), username, next: safeNext(req.body?.next), error, lang: langOf(req) });
    if (!username || !password) return void form(401, translate(locale, 'ui.auth.enter-both'));
    let result: Awaited<ReturnType<typeof services.accounts.signIn>>;
    try {
      result = await services.accounts.signIn(username, password, addressOf(req));
    } catch (err) {
      if (!(err instanceof HashQueueFullError)) throw err;
      res.set('Retry-After', String(err.retryAfterSeconds));
      return void form(503, translate(locale, 'ui.auth.busy', { wait: again(locale, err.retryAfterSeconds) }));
    }
    if (result.kind === 'refused') {
      res.set('Retry-After', String(result.retryAfterSeconds));
      const why = result.why === 'address' ? 'ui.auth.throttled-address' : 'ui.auth.throttled-user';
      return void form(429, translate(locale, why, { wait: again(locale, result.retryAfterSeconds) }));
    }
    if (result.kind === 'wrong') return void form(401, translate(locale, 'ui.auth.wrong'));
    const user = result.user;
    // A new session id on login: an id planted before login is worth nothing after it.
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.userId = user.id;
      req.session.signedInAt = services.clock();
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

  // The reader's language: kept on the account, so every page, agenda and grid they open is in it.
  router.post('/account/language', (req, res) => {
    const user = services.accounts.setLocale(actorOf(res), res.locals.user.username, req.body?.locale);
    useLocale(res, user.locale ?? readerLocale(req));
    res.redirect(303, safeNext(req.body?.back) || '/');
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
