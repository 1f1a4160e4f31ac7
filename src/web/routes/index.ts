import { Router } from 'express';
import type { Services } from '../../services';
import { adminRoutes } from './admin';
import { apiRoutes } from './api';
import { authRoutes } from './auth';
import { forumRoutes } from './forums';
import { meetingRoutes } from './meetings';
import { agreementRoutes, meetingHeldRoutes } from './agreements';
import { plannerViews } from './planner-views';
import { calendarImport } from './calendar-import';
import { forumProgrammeRoutes } from './forum-programme';
import { findTimeRoutes } from './find-time';
import { boardRoutes } from './board';
import { feedLinkRoutes } from './feed-links';
import { agendaRoutes } from './agendas';
import { secretLinkRoutes } from './secret-links';
import { b2bRoutes } from './b2b';
import { recordArea } from './record-area';
import { referenceAreas } from './reference-areas';
import { changeRoutes } from './changes';
import { gridDragRoutes } from './grid-drag';
import { importRoutes } from './imports';
import type { ChangeStreams } from '../change-stream';
import { cachedPages } from '../middleware/page-cache';
import { forumTransferRoutes } from './forum-transfer';
import { outcomeRoutes } from './outcome';
import { DEFAULT_EXPORT_MAX_ROWS } from '../exports';

/** Mounts every area's router. Order matters only where paths share a prefix. */
export function routes(services: Services, changeStreams: ChangeStreams): Router {
  const router = Router();
  const areas = referenceAreas(services);
  // What every record list's export needs: the row bound (EXPORT_MAX_ROWS) and the forum's short name for the file.
  const exportsOf = { maxRows: services.config.exportMaxRows ?? DEFAULT_EXPORT_MAX_ROWS, forumOf: (id: number) => services.forums.get(id) };
  router.use(b2bRoutes(services, forumContext(services)));
  router.use(secretLinkRoutes(services));
  router.use(forumContext(services));
  router.use(cachedPages(services.pages, services.clock));
  router.use(authRoutes(services));
  router.use('/api/v1', apiRoutes(services));
  router.use(forumTransferRoutes(services));
  router.use('/admin', adminRoutes(services));
  router.use(forumRoutes(services, areas));
  router.use('/forums/:forumId', changeRoutes(services, changeStreams));
  router.use('/forums/:forumId/meetings', meetingHeldRoutes(services));
  router.use('/forums/:forumId/meetings', meetingRoutes(services));
  router.use('/forums/:forumId/agreements', agreementRoutes(services));
  router.use('/forums/:forumId/links', feedLinkRoutes(services));
  router.use('/forums/:forumId/agenda', agendaRoutes(services));
  router.use('/forums/:forumId', plannerViews(services));
  router.use('/forums/:forumId', calendarImport(services));
  router.use('/forums/:forumId', forumProgrammeRoutes(services));
  router.use('/forums/:forumId', gridDragRoutes(services));
  router.use('/forums/:forumId', findTimeRoutes(services));
  router.use('/forums/:forumId', boardRoutes(services));
  router.use('/forums/:forumId', outcomeRoutes(services));
  router.use('/forums', recordArea(areas.forums, services.audit, exportsOf));
  router.use('/forums/:forumId/venues', recordArea(areas.venues, services.audit, exportsOf));
  router.use('/forums/:forumId/rooms', recordArea(areas.rooms, services.audit, exportsOf));
  router.use('/forums/:forumId/delegations', recordArea(areas.delegations, services.audit, exportsOf));
  router.use('/imports', importRoutes(services));
  router.use('/people', recordArea(areas.people, services.audit, exportsOf));
  router.use('/organizations', recordArea(areas.organizations, services.audit, exportsOf));
  return router;
}

/** The forum the user is looking at (from the URL, else the last one seen) and the switcher's list. */
function forumContext(services: Services) {
  return (req: import('express').Request, res: import('express').Response, next: import('express').NextFunction) => {
    if (!res.locals.user || req.path.startsWith('/api/')) return next();
    const m = /^\/forums\/(\d+)/.exec(req.path);
    const forums = services.directory.forums();
    const fromUrl = m ? forums.find((f) => f.id === Number(m[1])) : undefined;
    if (fromUrl && req.session && req.session.forumId !== fromUrl.id) req.session.forumId = fromUrl.id;
    const remembered = req.session?.forumId ? forums.find((f) => f.id === req.session?.forumId) : undefined;
    res.locals.forums = forums;
    res.locals.currentForum = fromUrl ?? remembered ?? forums[0] ?? null;
    next();
  };
}

declare module 'express-session' {
  interface SessionData {
    forumId?: number;
  }
}
