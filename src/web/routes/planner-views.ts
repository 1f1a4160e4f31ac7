import { Router } from 'express';
import type { Services } from '../../services';

/** Day grids (by room, by person), the conflicts page and availability blocks. */
export function plannerViews(_services: Services): Router {
  const router = Router();
  return router;
}
