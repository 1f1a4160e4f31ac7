import type { Request, Response } from 'express';

/** What the change notice reads: the programme's version and the count of others' changes since one. */
export interface ChangeSource {
  head(): number;
  changesSince(forumId: number, since: number, exceptUserId: number | null): number;
}

export interface ChangeStreamLimits {
  /** Open streams one user may hold (a few tabs); the next one is refused with 429. */
  perUser: number;
  /** Open streams in all, whoever holds them. */
  total: number;
  /** How often one shared timer reads the audit log's head. */
  pollMs: number;
  /** A comment line this often keeps proxies from closing a quiet stream. */
  heartbeatMs: number;
  /** A client that reads slower than this much buffered output is dropped. */
  maxBufferedBytes: number;
}

export const CHANGE_STREAM_LIMITS: ChangeStreamLimits = { perUser: 4, total: 500, pollMs: 2000, heartbeatMs: 25_000, maxBufferedBytes: 64 * 1024 };

interface Subscriber {
  res: Response;
  forumId: number;
  since: number;
  userId: number | null;
  /** The count last sent. */
  sent: number;
}

/**
 * "N changes since you opened this page" as server-sent events. A page
 * opens `GET /forums/:id/changes?since=VERSION`; the request handler only
 * registers the response (no database write, no loop). One timer for the
 * whole process reads the audit log's head (one indexed read) and, when it
 * moved, counts each subscriber's changes by others since its version and
 * sends the count when it changed. Works across processes, since it reads
 * the shared file. Bounded per user and in all; closeAll() ends every stream
 * at shutdown, so open streams never hold the process.
 */
export class ChangeStreams {
  private readonly subscribers = new Set<Subscriber>();
  private poll: NodeJS.Timeout | null = null;
  private beat: NodeJS.Timeout | null = null;
  private lastHead = -1;
  private closed = false;

  constructor(
    private readonly source: ChangeSource,
    private readonly limits: ChangeStreamLimits = CHANGE_STREAM_LIMITS,
  ) {}

  get size(): number {
    return this.subscribers.size;
  }

  open(req: Request, res: Response, at: { forumId: number; since: number; userId: number | null }): void {
    if (this.closed) {
      res.status(503).type('text/plain').send('The server is stopping; reload the page in a moment.');
      return;
    }
    const mine = [...this.subscribers].filter((s) => s.userId === at.userId).length;
    if (mine >= this.limits.perUser || this.subscribers.size >= this.limits.total) {
      res.status(429).type('text/plain').send(`At most ${this.limits.perUser} open pages per user follow the programme's changes; close another tab.`);
      return;
    }
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
      // The stream's own connection: when it ends, so does the socket, and a stopping server is not kept waiting.
      Connection: 'close',
    });
    res.flushHeaders();
    const sub: Subscriber = { res, ...at, sent: 0 };
    this.subscribers.add(sub);
    res.write(`retry: ${Math.max(this.limits.pollMs, 5000)}\n\n`);
    req.on('close', () => this.drop(sub));
    this.start();
    // The first count comes from the timer, like every later one: the request itself reads nothing more.
    this.lastHead = -1;
  }

  /** Ends every stream and refuses new ones (at shutdown). */
  closeAll(): void {
    this.closed = true;
    this.stop();
    for (const sub of this.subscribers) sub.res.end();
    this.subscribers.clear();
  }

  /** One read of the head; counts only when it moved. */
  private tick(): void {
    if (!this.subscribers.size) return;
    const head = this.source.head();
    if (head === this.lastHead) return;
    this.lastHead = head;
    for (const sub of this.subscribers) {
      const count = sub.since >= head ? 0 : this.source.changesSince(sub.forumId, sub.since, sub.userId);
      if (count === sub.sent) continue;
      sub.sent = count;
      this.send(sub, `event: changes\ndata: ${JSON.stringify({ count, version: head })}\n\n`);
    }
  }

  private send(sub: Subscriber, text: string): void {
    if (sub.res.writableLength > this.limits.maxBufferedBytes) {
      sub.res.end();
      this.drop(sub);
      return;
    }
    sub.res.write(text);
  }

  private drop(sub: Subscriber): void {
    this.subscribers.delete(sub);
    if (!this.subscribers.size) this.stop();
  }

  private start(): void {
    if (this.poll) return;
    const safely = (fn: () => void) => () => {
      try {
        fn();
      } catch {
        // A busy or closed database skips this round; the next one tries again.
      }
    };
    this.poll = setInterval(safely(() => this.tick()), this.limits.pollMs).unref();
    this.beat = setInterval(safely(() => {
      for (const sub of this.subscribers) this.send(sub, ': heartbeat\n\n');
    }), this.limits.heartbeatMs).unref();
  }

  private stop(): void {
    if (this.poll) clearInterval(this.poll);
    if (this.beat) clearInterval(this.beat);
    this.poll = null;
    this.beat = null;
  }
}
