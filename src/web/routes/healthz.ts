import { Router } from 'express';
import type { StorageService } from '../../services/storage';

/**
 * GET /healthz for the operators' monitor: 200 only when the database can be
 * read and written, 503 otherwise, with what is wrong. A busy lock is not a
 * fault (writes wait for it). Mounted before sessions, so it never writes one.
 */
export function healthRoutes(storage: StorageService): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    const health = storage.health();
    const ok = health.readable && health.writable;
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unavailable',
      database: {
        readable: health.readable,
        writable: health.writable,
        busy: health.busy,
        problem: health.problem ? { reason: health.problem.reason, message: health.problem.message } : null,
        freeBytes: health.freeBytes,
      },
    });
  });
  return router;
}
