import { Router } from 'express';
import type { Services } from '../../services';
import type { ChangeStreams } from '../change-stream';
import { idParam, queryString } from '../form';

/**
 * GET /forums/:forumId/changes?since=VERSION: a `text/event-stream` of how
 * many changes others made to the forum's programme since the version a page
 * was rendered at (see change-stream.ts). Anyone who may read the forum may
 * follow it.
 */
export function changeRoutes(services: Services, streams: ChangeStreams): Router {
  const router = Router({ mergeParams: true });
  // Every page of the forum knows the version it shows, read before its data, for the change notice (one indexed read).
  router.use((req, res, next) => {
    if (req.method === 'GET' && req.path !== '/changes') res.locals.programmeVersion = services.audit.head();
    next();
  });
  router.get('/changes', (req, res) => {
    const forum = services.forums.get(idParam(req, 'forumId'));
    const raw = queryString(req, 'since');
    if (!/^\d{1,15}$/.test(raw)) {
      res.status(400).type('text/plain').send('Give since=the version the page was opened at, a whole number.');
      return;
    }
    streams.open(req, res, { forumId: forum.id, since: Number(raw), userId: res.locals.user?.id ?? null });
  });
  return router;
}
