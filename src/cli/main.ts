import { loadConfig } from '../config';
import { createServices } from '../services';
import { createStore } from '../store';
import { openDatabase } from '../store/database';
import { migrate } from '../store/migrate';
import { runCli, type CliIo } from './commands';

/**
 * `npm run cli -- ...`: operators' commands (users, API tokens, backups).
 * This file only wires the process to runCli: argv, stdout/stderr, the
 * database from DATABASE_PATH, and where a password comes from.
 */
async function main(argv: string[]): Promise<number> {
  const io: CliIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
  return runCli(argv, {
    io,
    databasePath: () => loadConfig().databasePath,
    open: () => {
      const config = loadConfig();
      const db = openDatabase(config.databasePath);
      migrate(db);
      const services = createServices(createStore(db), { config });
      return { services, suppliedPassword, close: () => db.close() };
    },
  });
}

/**
 * FP_PASSWORD first: it is explicit, and it never waits on a stdin that a
 * process manager left open. Then the first line of piped stdin. A terminal is
 * never read from, so nobody types a password that echoes on screen.
 */
async function suppliedPassword(): Promise<string | undefined> {
  // The one variable read outside config.ts: it belongs to this command's invocation, not to the app's configuration.
  const fromEnv = process.env.FP_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) return undefined;
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/)[0] || undefined;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`The command failed unexpectedly: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
