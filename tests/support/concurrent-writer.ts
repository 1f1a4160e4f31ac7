/**
 * One planner with its own connection to the forum's SQLite file, booking a
 * room at the same instant as another planner. It runs either as a worker
 * thread (released by Atomics on a shared buffer) or as a separate process
 * (released by a flag file it spins on), so the two writers really race in
 * SQLite's locks rather than taking turns in one event loop.
 *
 * Started by tests/integration/concurrency-meetings.test.ts through
 * startWriter(); needs TypeScript at run time, hence `--require tsx/cjs`
 * (Node 20 ignores `--import tsx` in a worker's execArgv).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface WriterJob {
  name: string;
  dbPath: string;
  forumId: number;
  roomId: number;
  /** One slot per round, local wall-clock in the forum's zone; both writers get the same slots. */
  slots: { start: string; end: string }[];
}

export type Attempt =
  | { writer: string; round: number; outcome: 'saved'; meetingId: number; startedAt: number; endedAt: number }
  | { writer: string; round: number; outcome: 'refused'; conflicts: { kind: string; severity: string; meetingIds: number[] }[]; startedAt: number; endedAt: number }
  | { writer: string; round: number; outcome: 'failed'; message: string; startedAt: number; endedAt: number };

type Message = { type: 'ready'; round: number } | ({ type: 'done' } & Attempt) | { type: 'error'; message: string };

export type WriterMode = 'thread' | 'process';

/** The parent's handle on one writer: wait for it to be ready, release a round, collect the attempt. */
export interface WriterHandle {
  next(): Promise<Message>;
  stop(): Promise<void>;
}

const ENTRY = __filename;

/**
 * Starts a writer. `release(round)` is shared by all writers of one race: for
 * threads it bumps the shared counter, for processes it creates the flag file.
 */
export function startWriter(mode: WriterMode, job: WriterJob, race: Race): WriterHandle {
  const inbox: Message[] = [];
  const waiting: ((m: Message) => void)[] = [];
  const deliver = (m: Message) => {
    const w = waiting.shift();
    if (w) w(m);
    else inbox.push(m);
  };
  let stop: () => Promise<void>;
  if (mode === 'thread') {
    const worker = new Worker(ENTRY, { execArgv: ['--require', 'tsx/cjs'], workerData: { job, control: race.control } });
    worker.on('message', deliver);
    worker.on('error', (err) => deliver({ type: 'error', message: String(err) }));
    stop = async () => void (await worker.terminate());
  } else {
    const child: ChildProcess = spawn(process.execPath, ['--require', 'tsx/cjs', ENTRY, JSON.stringify({ job, flagDir: race.flagDir })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (m) => deliver(m as Message));
    child.on('error', (err) => deliver({ type: 'error', message: String(err) }));
    stop = () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill())));
  }
  return {
    next: () => new Promise((resolve) => (inbox.length ? resolve(inbox.shift()!) : waiting.push(resolve))),
    stop: () => stop(),
  };
}

/** What the writers of one race share to be released together. */
export interface Race {
  control: SharedArrayBuffer;
  flagDir: string;
  release(round: number): void;
}

export function createRace(flagDir: string): Race {
  const control = new SharedArrayBuffer(4);
  const counter = new Int32Array(control);
  return {
    control,
    flagDir,
    release(round) {
      Atomics.store(counter, 0, round + 1);
      Atomics.notify(counter, 0);
      fs.writeFileSync(path.join(flagDir, `go-${round}`), '');
    },
  };
}

/** The writer itself: runs when this file is a worker's or a child process's entry. */
async function runWriter(job: WriterJob, waitForRelease: (round: number) => void | Promise<void>, send: (m: Message) => void): Promise<void> {
  // Required here, not imported at the top: the parent (under jest) only needs startWriter.
  const { openDatabase } = require('../../src/store/database') as typeof import('../../src/store/database');
  const { createStore } = require('../../src/store') as typeof import('../../src/store');
  const { MeetingService } = require('../../src/services/meetings') as typeof import('../../src/services/meetings');
  const { ConflictRefusal } = require('../../src/domain/errors') as typeof import('../../src/domain/errors');
  const db = openDatabase(job.dbPath);
  const meetings = new MeetingService(createStore(db));
  const actor = { userId: null, username: job.name, role: 'planner' as const };
  const now = () => performance.timeOrigin + performance.now();
  for (const [round, slot] of job.slots.entries()) {
    send({ type: 'ready', round });
    await waitForRelease(round);
    const startedAt = now();
    const base = { writer: job.name, round, startedAt };
    let attempt: Attempt;
    try {
      const { meeting } = meetings.create(actor, job.forumId, { title: `${job.name}, round ${round}`, kind: 'bilateral', status: 'confirmed', start: slot.start, end: slot.end, roomId: job.roomId, participants: [] });
      attempt = { ...base, outcome: 'saved', meetingId: meeting.id, endedAt: now() };
    } catch (err) {
      attempt =
        err instanceof ConflictRefusal
          ? { ...base, outcome: 'refused', conflicts: err.conflicts.map(({ kind, severity, meetingIds }) => ({ kind, severity, meetingIds })), endedAt: now() }
          : { ...base, outcome: 'failed', message: String(err), endedAt: now() };
    }
    send({ type: 'done', ...attempt });
  }
  db.close();
}

if (!isMainThread && workerData?.job) {
  const counter = new Int32Array(workerData.control as SharedArrayBuffer);
  // Sleeps until the parent moves the counter past this round: both threads wake on the same notify.
  void runWriter(workerData.job as WriterJob, (round) => void Atomics.wait(counter, 0, round), (m) => parentPort!.postMessage(m));
} else if (isMainThread && require.main === module && process.send) {
  const { job, flagDir } = JSON.parse(process.argv[2]!) as { job: WriterJob; flagDir: string };
  const send = (m: Message) => process.send!(m);
  // Processes share no memory: each polls for the flag file on every turn of its
  // event loop (microseconds apart when idle), which keeps the IPC channel flowing.
  const released = async (round: number) => {
    const flag = path.join(flagDir, `go-${round}`);
    while (!fs.existsSync(flag)) await new Promise((resolve) => setImmediate(resolve));
  };
  void runWriter(job, released, send).then(() => process.disconnect());
}
