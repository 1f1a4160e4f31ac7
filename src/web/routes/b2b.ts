import { Router, type RequestHandler } from 'express';
import type { Services } from '../../services';
import { b2bLinkRoutes } from './b2b-links';
import { b2bParticipantRoutes } from './b2b-participants';
import { b2bRequestRoutes } from './b2b-requests';
import { b2bSessionRoutes } from './b2b-sessions';

/**
 * Every B2B page: planners' under /forums/:forumId/b2b (with the forum context
 * the other planner pages get), and each company's own under /s/:token/b2b,
 * which the policy treats as public like every secret link: the token is the
 * credential, checked by b2bLinkRoutes. Mounted ahead of the secret-link
 * router, whose catch-all answers every other /s/ address with a 404.
 */
export function b2bRoutes(services: Services, forumContext: RequestHandler): Router {
  const router = Router();
  router.use('/s/:token/b2b', b2bLinkRoutes(services));
  const planner = Router({ mergeParams: true });
  planner.use('/:sessionId/participants', b2bParticipantRoutes(services));
  planner.use('/:sessionId/requests', b2bRequestRoutes(services));
  planner.use(b2bSessionRoutes(services));
  router.use('/forums/:forumId/b2b', forumContext, planner);
  return router;
}
