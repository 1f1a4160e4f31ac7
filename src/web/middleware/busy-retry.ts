import type { NextFunction, Request, Response } from 'express';
import { DatabaseBusyError } from '../../domain/errors';
import { storageErrorOf, trackingCommits } from '../../services/storage';

export interface BusyRetryOptions {
  /** First wait after a busy answer; it doubles up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** After this long the request is answered 503 with Retry-After. */
  deadlineMs: number;
}

export const DEFAULT_BUSY_RETRY: BusyRetryOptions = { firstDelayMs: 50, maxDelayMs: 800, deadlineMs: 5000 };

type Pass = (req: Request, res: Response, done: (err?: unknown) => void) => void;

/**
 * Runs the request through `pass` again, on a timer, while the database
 * answers busy (another process holds the write lock). SQLite's own busy wait
 * would spin on the event loop and stall every other request; a timer leaves
 * the loop free, so reads and /healthz keep answering meanwhile.
 *
 * A pass is replayed only when nothing was answered and no write of it
 * committed: every user write is one transaction, so a busy one left nothing
 * behind, and a request that already saved something is never saved twice.
 */
export function retryWhenBusy(pass: Pass & { stack?: unknown[] }, options: BusyRetryOptions = DEFAULT_BUSY_RETRY) {
  const retrying = (req: Request, res: Response, next: NextFunction): void => {
    const deadline = Date.now() + options.deadlineMs;
    let delay = options.firstDelayMs;
    const run = () => {
      const tracker = { committed: false };
      trackingCommits(tracker, () =>
        pass(req, res, (err?: unknown) => {
          const storage = err === undefined ? null : storageErrorOf(err);
          const left = deadline - Date.now();
          if (storage instanceof DatabaseBusyError && !tracker.committed && !res.headersSent && left > 0) {
            setTimeout(run, Math.min(delay, left));
            delay = Math.min(delay * 2, options.maxDelayMs);
            return;
          }
          next(storage ?? err);
        }),
      );
    };
    run();
  };
  // The wrapped router's layers, where express keeps them: whatever lists the app's routes still finds them here.
  return Object.assign(retrying, { stack: pass.stack });
}
