/**
 * Runs the whole-forum conflict report on a worker thread (conflict-worker.ts),
 * so the request that finds the report missing waits for it without holding
 * the event loop: other planners' pages and delegates' feeds are answered
 * meanwhile. One worker, started on first use, unref'd so it never keeps the
 * process alive; jobs for the same forum share one run.
 *
 * Only for a database in a file (a worker cannot see another connection's
 * in-memory database). When the worker cannot start or fails, the caller
 * computes in process, as before: slower for others, never wrong.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ProgrammeConflicts } from './programme-conflicts';
import type { ConflictJob } from './conflict-worker';

interface Waiting {
  resolve: (result: ProgrammeConflicts) => void;
  reject: (err: Error) => void;
}

/** The worker's script: the bundle's sibling in dist/, or the TypeScript source through tsx (tests, npm run dev). */
function startWorker(): Worker {
  const here = path.dirname(__filename);
  if (__filename.endsWith('.ts')) {
    const source = path.join(here, 'conflict-worker.ts');
    return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { eval: true });
  }
  return new Worker(path.join(here, 'conflict-worker.js'));
}

export class ConflictThread {
  private worker: Worker | null = null;
  private failed = false;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private readonly running = new Map<string, Promise<ProgrammeConflicts>>();
  /** Reports the worker made, for tests and the bench: a page's report came from off the event loop. */
  made = 0;

  /** Whether a report can be made off the event loop for this database file. */
  available(file: string): boolean {
    return !this.failed && file !== '' && file !== ':memory:';
  }

  run(file: string, forumId: number): Promise<ProgrammeConflicts> {
    const key = `${file}|${forumId}`;
    const already = this.running.get(key);
    if (already) return already;
    const job = new Promise<ProgrammeConflicts>((resolve, reject) => {
      const worker = this.ensureWorker();
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, file, forumId } satisfies ConflictJob);
    }).finally(() => this.running.delete(key));
    this.running.set(key, job);
    return job;
  }

  close(): Promise<number> | undefined {
    const worker = this.worker;
    this.worker = null;
    return worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.unref();
    worker.on('message', (answer: { id: number; ok: boolean; result?: ProgrammeConflicts; error?: string }) => {
      const waiting = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (!waiting) return;
      if (answer.ok && answer.result) {
        this.made++;
        waiting.resolve(answer.result);
      } else waiting.reject(new Error(answer.error ?? 'the conflict worker failed'));
    });
    const fail = (err: Error) => {
      this.failed = true;
      this.worker = null;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.worker === worker) fail(new Error(`the conflict worker exited (${code})`));
    });
    this.worker = worker;
    return worker;
  }
}
