import { Router } from 'express';
import { localDateTimeOf } from '../../domain/time';
import type { Services } from '../../services';
import { idParam } from '../form';
import { conflictJson, isoUtc } from '../presenters';
import { render, message } from '../../messages';

/**
 * POST /api/v1/forums/:id/time-finder: the best slots for a meeting, each with
 * the warnings it would have. A POST because the search is a body, not a
 * query string; it writes nothing.
 */
export function apiTimeFinderRoutes(services: Services): Router {
  const router = Router();
  router.post('/forums/:id/time-finder', (req, res) => {
    const { forum, result } = services.timeFinder.find(idParam(req), req.body, render(message('finder.untitled', {})));
    res.json({
      timeZone: forum.timeZone,
      candidates: result.candidates.map((c) => ({
        start: localDateTimeOf(c.startUtc, forum.timeZone),
        end: localDateTimeOf(c.endUtc, forum.timeZone),
        startUtc: isoUtc(c.startUtc),
        endUtc: isoUtc(c.endUtc),
        roomId: c.roomId,
        place: c.place,
        warnings: c.warnings.map(conflictJson),
        missingOptional: c.missingOptional,
        idleMinutes: c.idleMinutes,
      })),
      stoppedEarly: result.stoppedEarly,
    });
  });
  return router;
}
