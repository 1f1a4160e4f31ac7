import type { NextFunction, Request, Response } from 'express';
import { StorageUnavailableError } from '../../domain/errors';
import type { StorageService } from '../../services/storage';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a state change up front, before the CSRF check, when the database
 * cannot take writes (disk full, read-only file). Without it the failure
 * surfaces as something else: a sign-in page whose session could not be
 * stored fails its CSRF check and says "the form has expired".
 */
export function storageGate(storage: StorageService) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!UNSAFE.has(req.method)) return next();
    const { problem } = storage.health();
    if (!problem) return next();
    if (req.path === '/login') return next(new StorageUnavailableError(problem.reason, problem.retryAfterSeconds, `You cannot sign in right now: signing in needs to save your session, and the service cannot save anything at the moment. ${problem.message}`));
    next(problem);
  };
}
