/**
 * The worker thread that finds a whole forum's conflicts off the request
 * path (issue 12: no request holds the event loop for more than ~50 ms; the
 * whole report of a 20,000-meeting forum takes a few hundred). It opens the
 * app's SQLite file read-only, on its own connection, and answers each
 * { id, file, forumId } with the report and the version it was read at.
 */
import { parentPort } from 'node:worker_threads';
import { createStore, type Store } from '../../store';
import { openDatabase } from '../../store/database';
import { programmeConflicts } from './programme-conflicts';

export interface ConflictJob {
  id: number;
  file: string;
  forumId: number;
}

const stores = new Map<string, Store>();

function storeOf(file: string): Store {
  let store = stores.get(file);
  if (!store) {
    store = createStore(openDatabase(file, { readonly: true, busyTimeoutMs: 5000 }));
    stores.set(file, store);
  }
  return store;
}

parentPort?.on('message', (job: ConflictJob) => {
  try {
    const store = storeOf(job.file);
    const forum = store.forums.find(job.forumId);
    if (!forum) throw new Error(`forum ${job.forumId} not found`);
    parentPort!.postMessage({ id: job.id, ok: true, result: programmeConflicts(store, forum) });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
