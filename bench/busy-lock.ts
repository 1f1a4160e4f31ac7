/**
 * /healthz while another connection holds SQLite's write lock and API writes
 * keep arriving: how long the event loop is taken from everyone else while
 * the writes wait. Needs no network beyond localhost.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { loadDemo } from '../db/seed/demo';
import { createApp } from '../src/app';
import { createServices } from '../src/services';
import { SYSTEM_ACTOR } from '../src/services/actor';
import { createStore } from '../src/store';
import { openDatabase } from '../src/store/database';
import { migrate } from '../src/store/migrate';

const HOLD_MS = 6000;

function get(port: number, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, path: url, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

export async function benchBusyLock(): Promise<{ lines: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-bench-busy-'));
  const file = path.join(dir, 'bench.db');
  const db = openDatabase(file, { busyTimeoutMs: 50 });
  migrate(db);
  const services = createServices(createStore(db), { config: { feedRefreshMinutes: 15, feedCancelledDays: 30, publicUrl: undefined }, scrypt: { N: 1024, r: 8, p: 1 } });
  const demo = loadDemo(services);
  services.accounts.createUser(SYSTEM_ACTOR, { username: 'bench', role: 'planner', password: 'Correct-horse-9' });
  const { token } = services.accounts.createApiToken(SYSTEM_ACTOR, 'bench', 'bench');
  const app = createApp({ services, logger: pino({ level: 'silent' }), sessionSecret: 'bench-secret-bench-secret', cookieSecure: false });
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as { port: number }).port;

  const holder = new Database(file);
  holder.exec('BEGIN IMMEDIATE');
  const started = Date.now();
  const writes: Promise<number>[] = [];
  const body = (i: number) => JSON.stringify({ title: `Bench ${i}`, kind: 'bilateral', status: 'tentative', start: '2019-06-06T10:00', end: '2019-06-06T10:30', roomId: demo.rooms.bilateral2, participants: [] });
  for (let i = 0; i < 3; i++) writes.push(get(port, `/api/v1/forums/${demo.forumId}/meetings`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body(i) }));
  const latencies: number[] = [];
  while (Date.now() - started < HOLD_MS) {
    const t = performance.now();
    await get(port, '/healthz');
    latencies.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  holder.exec('ROLLBACK');
  const statuses = await Promise.all(writes);
  holder.close();
  server.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  return {
    lines: [
      `lock held ${HOLD_MS / 1000} s, 3 API writes waiting: /healthz ${latencies.length} answers, median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
      `write answers: ${statuses.join(', ')}`,
    ],
  };
}
