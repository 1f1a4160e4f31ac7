import path from 'node:path';
import express from 'express';
import session from 'express-session';
import helmet from 'helmet';
import type pino from 'pino';
import type { Services } from './services';
import { SqliteSessionStore } from './store/session-store';
import { authenticate } from './web/middleware/authenticate';
import { checkBody, parseBody } from './web/middleware/body';
import { readUpload } from './web/middleware/upload';
import { retryWhenBusy, type BusyRetryOptions } from './web/middleware/busy-retry';
import { canonicalPathMiddleware } from './web/middleware/canonical-path';
import { createCsrf, sameOrigin } from './web/middleware/csrf';
import { errorHandler, notFound } from './web/middleware/errors';
import { requestLogger } from './web/middleware/logging';
import { authorize } from './web/middleware/policy';
import { storageGate } from './web/middleware/storage-gate';
import { routes } from './web/routes';
import { healthRoutes } from './web/routes/healthz';
import { createViewEngine } from './web/view-engine';
import { viewHelpers } from './web/view-helpers';
import { chooseLocale } from './web/locale';
import { notModifiedFeeds } from './web/not-modified-feeds';
import { ChangeStreams } from './web/change-stream';

export interface AppDeps {
  services: Services;
  logger: pino.Logger;
  sessionSecret: string;
  trustProxy?: boolean;
  cookieSecure?: 'auto' | boolean;
  sessionHours?: number;
  /** A session ends this long after sign-in, however active (SESSION_MAX_HOURS). */
  sessionMaxHours?: number;
  /** How the app waits out another process's write lock; tests shorten the deadline. */
  busyRetry?: BusyRetryOptions;
  /**
   * Compile each template (and each include) once and keep it (config.viewCache):
   * without it EJS re-reads and recompiles an include for every cell of a grid.
   * Off unless asked, whatever NODE_ENV says, so the choice is made in one place.
   */
  viewCache?: boolean;
  /** The change notice's event streams; server.ts keeps it to end them at shutdown. */
  changeStreams?: ChangeStreams;
}

/** Builds the express app over ready services; listen() lives only in server.ts. */
export function createApp(deps: AppDeps): express.Express {
  const { services } = deps;
  const app = express();
  const root = path.resolve(__dirname, '..');
  app.set('views', path.join(root, 'views'));
  app.set('view engine', 'ejs');
  app.engine('ejs', createViewEngine({ cache: deps.viewCache ?? false }).renderFile);
  app.set('view cache', deps.viewCache ?? false);
  app.set('trust proxy', deps.trustProxy ? 1 : false);
  app.disable('x-powered-by');
  Object.assign(app.locals, viewHelpers);

  // A calendar polling a feed it already has gets its 304 here, before anything that would log, load or build.
  app.use(notModifiedFeeds(services));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: deps.cookieSecure === true,
    }),
  );
  app.use(requestLogger(deps.logger));
  // Before anything reads the path: static files, the policy and the routers all see the one spelling.
  app.use(canonicalPathMiddleware);
  // The reader's language, before anything renders (error pages too); again below once the user is known.
  app.use(chooseLocale);
  app.use('/public', express.static(path.join(root, 'public'), { maxAge: '1h', index: false }));
  app.use(healthRoutes(services.storage));

  app.use(parseBody);
  app.use(readUpload);
  const hours = deps.sessionHours ?? 12;
  // Secret links and public feeds never get a session: calendar clients poll them, and a cookie would only add state.
  // Everything from the session on runs as one pass that is replayed while another process holds the write lock.
  const pass = express.Router();
  pass.use((req, res, next) => (/^\/(s|p)\//.test(req.path) || req.get('authorization') ? next() : sessionMiddleware(req, res, next)));
  const sessionMiddleware = session({
    name: 'fp.sid',
    secret: deps.sessionSecret,
    store: new SqliteSessionStore(services.store.db, hours * 3600_000),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: deps.cookieSecure ?? 'auto', maxAge: hours * 3600_000 },
  });
  pass.use(authenticate(services, deps.sessionMaxHours ?? 168));
  pass.use(chooseLocale);
  pass.use(authorize);
  pass.use(storageGate(services.storage));
  pass.use(sameOrigin);
  const csrf = createCsrf({ secret: deps.sessionSecret, cookieSecure: deps.cookieSecure ?? 'auto' });
  pass.use(csrf.protect);
  pass.use(csrf.token);
  pass.use((req, res, next) => {
    res.locals.path = req.path;
    res.locals.originalUrl = req.originalUrl;
    res.locals.query = req.query;
    res.locals.flash = req.session?.flash ?? [];
    if (req.session?.flash) delete req.session.flash;
    next();
  });
  pass.use(checkBody);
  pass.use(routes(services, deps.changeStreams ?? new ChangeStreams(services.audit)));
  app.use(retryWhenBusy(pass, deps.busyRetry));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
