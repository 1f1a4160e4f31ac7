import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticForum } from '../../bench/synthetic-forum';
import { openDatabase } from '../../src/store/database';
import { GRID_COLUMNS } from '../../src/services/day-grids';
import { appOver, signIn, type SignedIn } from '../support/app';

/**
 * A day grid stays a page a browser can draw and a phone can load, however
 * big the forum: on a generated forum with the 20,000-meeting forum's density
 * (30 rooms a venue, about 23 meetings a room a day, a twentieth of the
 * meetings with no room), no grid page is over 500 KB of HTML. A size, not a time.
 */
const MAX_BYTES = 500 * 1024;
let dir: string;
let planner: SignedIn;
let close: () => void;
let forumId: number;
let venueIds: number[];
let delegationId: number;
const DAY = '2019-06-06';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-grid-size-'));
  const file = path.join(dir, 'forum.db');
  writeSyntheticForum(file, { seed: 7, meetings: 1_400, people: 1_000, venues: 2, roomsPerVenue: 30, days: 1, delegations: 8, personBlocks: 40, roomBlocks: 10 });
  const db = openDatabase(file);
  const built = appOver(db);
  planner = await signIn({ ...built, dbPath: file, demo: null, close: () => {} }, 'size-planner');
  forumId = (db.prepare('SELECT id FROM forum').pluck().get() as number);
  venueIds = db.prepare('SELECT id FROM venue ORDER BY id').pluck().all() as number[];
  delegationId = db.prepare('SELECT id FROM delegation ORDER BY id').pluck().get() as number;
  close = () => db.close();
});
afterAll(() => {
  close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const columnsOf = (html: string) => (/<thead>[\s\S]*?<\/thead>/.exec(html)?.[0].match(/<th scope="col" colspan/g) ?? []).length;

it.each([
  { name: 'the grid as it opens', url: () => `/forums/${forumId}/grid/rooms/${DAY}` },
  { name: 'the first page of a venue', url: () => `/forums/${forumId}/grid/rooms/${DAY}?venue=${venueIds[0]}` },
  { name: 'the last page of a venue', url: () => `/forums/${forumId}/grid/rooms/${DAY}?venue=${venueIds[1]}&page=3` },
  { name: 'all venues', url: () => `/forums/${forumId}/grid/rooms/${DAY}?venue=all` },
  { name: 'the meetings with no room', url: () => `/forums/${forumId}/grid/rooms/${DAY}?venue=elsewhere` },
  { name: 'a delegation by person', url: () => `/forums/${forumId}/grid/people/${DAY}?delegation=${delegationId}` },
])('keeps $name under 500 KB of HTML, a page of at most 12 columns', async ({ url }) => {
  const res = await planner.get(url());
  expect(res.status).toBe(200);
  expect(Buffer.byteLength(res.text)).toBeLessThan(MAX_BYTES);
  const columns = columnsOf(res.text);
  expect(columns).toBeGreaterThan(0);
  expect(columns).toBeLessThanOrEqual(GRID_COLUMNS);
});

it('opens on one venue when the forum has more rooms than fit, and pages through its rooms', async () => {
  const opening = await planner.get(`/forums/${forumId}/grid/rooms/${DAY}`);
  expect(opening.text).toMatch(/<option value="\d+" selected>Venue \d<\/option>/);
  expect(opening.text).toContain('Columns 1–12 of 30 · page 1 of 3');
  const next = /<a class="button-small" href="([^"]+)" rel="next">Next/.exec(opening.text)![1]!.replace(/&amp;/g, '&');
  const second = await planner.get(next);
  expect(second.text).toContain('Columns 13–24 of 30 · page 2 of 3');
});

it('shows only the rooms a planner picks', async () => {
  const rooms = await planner.get(`/forums/${forumId}/grid/rooms/${DAY}?venue=${venueIds[0]}`);
  const picks = [...rooms.text.matchAll(/name="room" value="(\d+)"/g)].map((m) => m[1]!);
  expect(picks).toHaveLength(30);
  const chosen = await planner.get(`/forums/${forumId}/grid/rooms/${DAY}?venue=${venueIds[0]}&room=${picks[4]}&room=${picks[9]}`);
  expect(columnsOf(chosen.text)).toBe(2);
  expect(chosen.text).toContain('(2 chosen)');
});
