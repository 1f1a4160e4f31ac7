import path from 'node:path';
import express from 'express';
import session from 'express-session';
import helmet from 'helmet';
import type pino from 'pino';
import type { Services } from './services';
import { ping } from './store/database';
import { SqliteSessionStore } from './store/session-store';
import { authenticate } from './web/middleware/authenticate';
import { checkBody, parseBody } from './web/middleware/body';
import { csrfProtection, csrfToken, sameOrigin } from './web/middleware/csrf';
import { errorHandler, notFound } from './web/middleware/errors';
import { requestLogger } from './web/middleware/logging';
import { authorize } from './web/middleware/policy';
import { routes } from './web/routes';
import { viewHelpers } from './web/view-helpers';

export interface AppDeps {
  services: Services;
  logger: pino.Logger;
  sessionSecret: string;
  trustProxy?: boolean;
  cookieSecure?: 'auto' | boolean;
  sessionHours?: number;
}

/** Builds the express app over ready services; listen() lives only in server.ts. */
export function createApp(deps: AppDeps): express.Express {
  const { services } = deps;
  const app = express();
  const root = path.resolve(__dirname, '..');
  app.set('views', path.join(root, 'views'));
  app.set('view engine', 'ejs');
  app.set('trust proxy', deps.trustProxy ? 1 : false);
  app.disable('x-powered-by');
  Object.assign(app.locals, viewHelpers);

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
  app.use('/public', express.static(path.join(root, 'public'), { maxAge: '1h', index: false }));
  app.get('/healthz', (_req, res) => {
    ping(services.store.db);
    res.json({ status: 'ok' });
  });

  app.use(parseBody);
  const hours = deps.sessionHours ?? 12;
  // Secret links and public feeds never get a session: calendar clients poll them, and a cookie would only add state.
  app.use((req, res, next) => (/^\/(s|p)\//.test(req.path) || req.get('authorization') ? next() : sessionMiddleware(req, res, next)));
  const sessionMiddleware = session({
    name: 'fp.sid',
    secret: deps.sessionSecret,
    store: new SqliteSessionStore(services.store.db, hours * 3600_000),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: deps.cookieSecure ?? 'auto', maxAge: hours * 3600_000 },
  });
  app.use(authenticate(services));
  app.use(authorize);
  app.use(sameOrigin);
  app.use(csrfProtection);
  app.use(csrfToken);
  app.use((req, res, next) => {
    res.locals.path = req.path;
    res.locals.query = req.query;
    res.locals.flash = req.session?.flash ?? [];
    if (req.session?.flash) delete req.session.flash;
    next();
  });
  app.use(checkBody);
  app.use(routes(services));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
