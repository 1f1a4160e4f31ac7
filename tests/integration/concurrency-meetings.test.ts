/**
 * Two planners book the same room for the same time at the same instant:
 * exactly one wins. Each planner is a separate thread or process with its own
 * connection to the same SQLite file, released together by a barrier, and
 * calls MeetingService.create for a confirmed meeting. The conflict check and
 * the insert share one BEGIN IMMEDIATE transaction, so the second writer waits
 * for the first to commit, then sees its meeting and is refused cleanly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { createTestApp, type TestContext } from '../support/app';
import { createRace, startWriter, type Attempt, type WriterHandle, type WriterJob, type WriterMode } from '../support/concurrent-writer';

const ROUNDS = 20;
jest.setTimeout(120_000);

let ctx: TestContext;
beforeAll(() => {
  ctx = createTestApp();
});
afterAll(() => ctx.close());

/** A fresh room for each race, so the demo programme and the other race stay out of it. */
function freshRoom(name: string): number {
  return ctx.services.rooms.create(SYSTEM_ACTOR, { venueId: ctx.demo!.venues.hotel, name, capacity: 10, kind: 'meeting_room' }).id;
}

/** Half-hour slots from 08:00 on the forum's first day: one per round, none overlapping another. */
function slots(): WriterJob['slots'] {
  const at = (minutes: number) => `2019-06-06T${String(8 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return Array.from({ length: ROUNDS }, (_, r) => ({ start: at(r * 30), end: at(r * 30 + 30) }));
}

async function expectMessage(writer: WriterHandle, type: 'ready' | 'done', round: number) {
  const m = await writer.next();
  if (m.type === 'error') throw new Error(`writer failed: ${m.message}`);
  if (m.type !== type || m.round !== round) throw new Error(`expected ${type} for round ${round}, got ${JSON.stringify(m)}`);
  return m;
}

/** Runs the race: per round, both writers ready, one release, both attempts collected. */
async function race(mode: WriterMode, roomId: number): Promise<Attempt[][]> {
  const flagDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-race-'));
  const barrier = createRace(flagDir);
  const job = (name: string): WriterJob => ({ name, dbPath: ctx.dbPath, forumId: ctx.demo!.forumId, roomId, slots: slots() });
  const writers = [startWriter(mode, job('Planner A'), barrier), startWriter(mode, job('Planner B'), barrier)];
  try {
    const rounds: Attempt[][] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const w of writers) await expectMessage(w, 'ready', round);
      barrier.release(round);
      const attempts: Attempt[] = [];
      for (const w of writers) attempts.push((await expectMessage(w, 'done', round)) as Attempt);
      rounds.push(attempts);
    }
    return rounds;
  } finally {
    await Promise.all(writers.map((w) => w.stop()));
    fs.rmSync(flagDir, { recursive: true, force: true });
  }
}

describe.each<{ mode: WriterMode; apart: string }>([
  { mode: 'thread', apart: 'worker threads' },
  { mode: 'process', apart: 'processes' },
])('two planners in separate $apart booking one room at once', ({ mode }) => {
  let roomId: number;
  let rounds: Attempt[][];
  beforeAll(async () => {
    roomId = freshRoom(`Race room (${mode}s)`);
    rounds = await race(mode, roomId);
  });

  it(`lets exactly one win in each of ${ROUNDS} rounds and refuses the other with the room clash`, () => {
    for (const attempts of rounds) {
      const saved = attempts.filter((a) => a.outcome === 'saved');
      const refused = attempts.filter((a) => a.outcome === 'refused');
      expect({ round: attempts[0]!.round, outcomes: attempts.map((a) => a.outcome).sort() }).toEqual({ round: attempts[0]!.round, outcomes: ['refused', 'saved'] });
      const winner = saved[0]!;
      expect(refused[0]!.conflicts).toEqual([{ kind: 'room_double_booked', severity: 'error', meetingIds: [winner.meetingId, expect.any(Number)] }]);
    }
  });

  it('leaves exactly one meeting per slot in the database: the winner’s', () => {
    const stored = ctx.services.meetings.list({ forumId: ctx.demo!.forumId, roomId });
    expect(stored).toHaveLength(ROUNDS);
    rounds.forEach((attempts, round) => {
      const winner = attempts.find((a): a is Extract<Attempt, { outcome: 'saved' }> => a.outcome === 'saved')!;
      const slot = slots()[round]!;
      expect(stored.filter((m) => m.start === slot.start)).toEqual([expect.objectContaining({ id: winner.meetingId, title: `${winner.writer}, round ${round}`, status: 'confirmed' })]);
    });
    // Exactly one audit row per win: the refused save left nothing behind.
    const history = rounds.flat().filter((a) => a.outcome === 'saved').flatMap((a) => ctx.services.audit.history('meeting', (a as { meetingId: number }).meetingId));
    expect(history).toHaveLength(ROUNDS);
  });

  it('really raced: in most rounds the loser started before the winner had committed', () => {
    const overlapping = rounds.filter((attempts) => {
      const winner = attempts.find((a) => a.outcome === 'saved')!;
      const loser = attempts.find((a) => a.outcome === 'refused')!;
      return loser.startedAt < winner.endedAt;
    });
    expect(overlapping.length).toBeGreaterThanOrEqual(ROUNDS / 2);
  });
});
