import { Router } from 'express';
import { ping, type Db } from '../../store/database';

/** GET /healthz for the operators' monitor: mounted before sessions, so it never touches the session table. */
export function healthRoutes(db: Db): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    ping(db);
    res.json({ status: 'ok' });
  });
  return router;
}
