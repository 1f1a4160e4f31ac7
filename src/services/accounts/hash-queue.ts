/**
 * Password hashes wait their turn here. Each scrypt (N = 2^17) takes 128 MiB
 * and a few hundred milliseconds of one libuv thread; libuv has four, shared
 * with file and DNS work. Two at a time leaves the others free and bounds
 * memory at 256 MiB; a short waiting line absorbs a burst of real sign-ins,
 * and beyond it a request is refused at once instead of piling up work (and
 * memory) that a flood of guesses would otherwise make.
 */
export class HashQueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many sign-ins are being checked at this moment.');
  }
}

export interface HashQueueLimits {
  running: number;
  waiting: number;
}

export const DEFAULT_HASH_QUEUE: HashQueueLimits = { running: 2, waiting: 8 };

export class HashQueue {
  private active = 0;
  private readonly line: (() => void)[] = [];
  private done = 0;

  constructor(private readonly limits: HashQueueLimits = DEFAULT_HASH_QUEUE) {}

  /** Runs `job` when a slot frees; refuses with HashQueueFullError, without running it, when the line is full. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.active >= this.limits.running) {
      if (this.line.length >= this.limits.waiting) throw new HashQueueFullError(this.retryAfterSeconds());
      await new Promise<void>((resolve) => this.line.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await job();
    } finally {
      this.done++;
      // The slot passes straight to the next in line, so `active` never dips and a newcomer cannot jump the line.
      const next = this.line.shift();
      if (next) next();
      else this.active--;
    }
  }

  stats(): { running: number; waiting: number; done: number } {
    return { running: this.active, waiting: this.line.length, done: this.done };
  }

  /** Roughly when the line will have moved on: one round per `running` hashes, about a second each under load. */
  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.active + this.line.length) / this.limits.running));
  }
}
