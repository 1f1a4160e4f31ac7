import { Router, type Request, type Response } from 'express';
import type { Services } from '../../services';
import { idParam } from '../form';
import { apiMeetingRoutes } from './api-meetings';
import { apiFeedRoutes } from './api-feeds';
import { apiB2BRoutes } from './api-b2b';
import { apiTimeFinderRoutes } from './api-time-finder';
import { OPENAPI } from '../openapi';
import { sendRecord } from './api-versions';
import { API_PAGE_SIZE, pagerOf, readPageRequest, sendPageHeaders } from '../list-query';
import { compareKeys, pageOfSorted } from '../../domain/keyset';

/** JSON API (v1): reference data reads. Meetings, feeds and B2B add their own routers. */
export function apiRoutes(services: Services): Router {
  const router = Router();

  router.get('/forums', (_req, res) => {
    res.json(services.forums.list());
  });
  router.get('/forums/:id', (req, res) => sendRecord(res, services.forums.get(idParam(req))));
  router.get('/forums/:id/venues', (req, res) => {
    const forum = services.forums.get(idParam(req));
    res.json(services.venues.list({ forumId: forum.id }));
  });
  router.get('/forums/:id/rooms', (req, res) => {
    const forum = services.forums.get(idParam(req));
    res.json(services.directory.roomsOfForum(forum.id));
  });
  router.get('/forums/:id/delegations', (req, res) => {
    const forum = services.forums.get(idParam(req));
    res.json(
      services.delegations.list({ forumId: forum.id }).map((d) => ({
        ...d,
        members: services.directory.members(d.id).map(({ personId, role }) => ({ personId, role })),
      })),
    );
  });
  /** A shared list by id, a page at a time: the Link header names the next page. */
  const byIdPage = <T extends { id: number }>(list: string, all: () => T[]) => (req: Request, res: Response) => {
    const keyset = readPageRequest(req, list, API_PAGE_SIZE);
    const page = pageOfSorted([...all()].sort((a, b) => a.id - b.id), (r) => [r.id], compareKeys, keyset);
    sendPageHeaders(res, pagerOf(req, list, page, (r) => [r.id]));
    res.json(page.rows);
  };
  router.get('/organizations', byIdPage('organizations', () => services.organizations.list()));
  router.get('/people', byIdPage('people', () => services.people.list()));
  router.get('/openapi.json', (_req, res) => {
    res.json(OPENAPI);
  });
  router.use(apiMeetingRoutes(services));
  router.use(apiFeedRoutes(services));
  router.use(apiB2BRoutes(services));
  router.use(apiTimeFinderRoutes(services));
  return router;
}
