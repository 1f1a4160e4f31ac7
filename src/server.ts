import type http from 'node:http';
import type pino from 'pino';
import { loadConfig } from './config';
import { createApp } from './app';
import { createServices } from './services';
import { createStore } from './store';
import { openDatabase, type Db } from './store/database';
import { damageOf } from './store/integrity';
import { migrate } from './store/migrate';
import { sessionSecret } from './store/settings';
import { loadDemo } from '../db/seed/demo';
import { createLogger } from './web/middleware/logging';
import { DEFAULT_BUSY_RETRY } from './web/middleware/busy-retry';
import { createHttpServer } from './web/http-server';
import { ChangeStreams } from './web/change-stream';

/** Entry point: config -> database -> migrations -> demo on first start -> listen. */
function main(): void {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = openSoundDatabase(config.databasePath, config.dbBusyTimeoutMs);
  if (!db) return;
  const applied = migrate(db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  const store = createStore(db);
  const services = createServices(store, { config, conflictThread: true });

  const admin = services.accounts.ensureAdmin(config.adminPassword, config.adminUsername);
  if (admin.generatedPassword) {
    // Printed once, to the console only (not through the logger), so it never lands in log files.
    process.stdout.write(`\n  First start: created user "${admin.username}" with password ${admin.generatedPassword}\n  Change it with: npm run cli -- user passwd ${admin.username}\n\n`);
  } else if (admin.created) {
    logger.info(`created user "${admin.username}" with the password from ADMIN_PASSWORD`);
  }
  if (config.seedDemo && store.forums.count() === 0) {
    loadDemo(services);
    logger.info('loaded the SPIEF 2019 demo forum');
  }

  const changeStreams = new ChangeStreams(services.audit);
  const app = createApp({
    services,
    changeStreams,
    logger,
    sessionSecret: sessionSecret(db, config.sessionSecret),
    trustProxy: config.trustProxy,
    cookieSecure: config.cookieSecure,
    sessionHours: config.sessionHours,
    sessionMaxHours: config.sessionMaxHours,
    busyRetry: { ...DEFAULT_BUSY_RETRY, deadlineMs: config.writeRetrySeconds * 1000 },
    viewCache: config.viewCache,
  });
  const server = createHttpServer(app);
  server.listen(config.port, config.host, () => {
    const views = config.viewCache ? 'templates compiled once' : 'templates re-read on every request';
    logger.info(`forum-planner listening on http://localhost:${config.port} (database ${config.databasePath}; ${views})`);
  });
  const stop = stopper(server, config.shutdownGraceSeconds, logger, () => {
    void services.conflictThread?.close();
    db.close();
  }, () => changeStreams.closeAll());
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * Stops like a process manager expects: no new connections, the change
 * notice's event streams ended, idle keep-alive sockets closed now, requests in flight given the grace period, then every
 * connection cut (a client that sent half a request would otherwise keep the
 * process alive until its timeout) and the database closed. A second signal
 * stops at once.
 */
function stopper(server: http.Server, graceSeconds: number, logger: pino.Logger, closeDatabase: () => void, endStreams: () => void): () => void {
  let stopping = false;
  const exit = () => {
    closeDatabase();
    process.exit(0);
  };
  return () => {
    if (stopping) {
      server.closeAllConnections();
      return exit();
    }
    stopping = true;
    logger.info(`stopping: finishing requests in flight for up to ${graceSeconds} s`);
    // The change notice's streams never finish on their own: end them first (each on a connection that closes with it).
    endStreams();
    server.close(exit);
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      exit();
    }, graceSeconds * 1000).unref();
  };
}

/**
 * Opens the database only if SQLite's quick check finds it sound. A damaged
 * file served as healthy hands out wrong answers and corrupts further with
 * each write; better to stop at once and say how to restore.
 */
function openSoundDatabase(file: string, busyTimeoutMs: number): Db | null {
  let damage: string | null;
  let db: Db | null = null;
  try {
    db = openDatabase(file, { busyTimeoutMs });
    damage = damageOf(db, 'quick_check');
  } catch (err) {
    damage = (err as Error).message;
  }
  if (!damage) return db;
  db?.close();
  process.stderr.write(
    `forum-planner did not start: the database ${file} is damaged (SQLite's quick check says: ${damage}).\n` +
      'Nothing was served. Stop anything else using the file, then restore the last good backup:\n' +
      '  npm run cli -- restore BACKUP_FILE\n' +
      '(README, "Backup and restore"). The damaged file is moved aside, not deleted.\n',
  );
  process.exitCode = 1;
  return null;
}

main();
