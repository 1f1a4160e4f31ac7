import fs from 'node:fs';
import path from 'node:path';
import { knownMigrations } from '../store/migrate';
import { isOpenElsewhere, readBackup } from '../store/file-care';

/** A restore refused before anything was moved; the message says what to do instead. */
export class RestoreRefusal extends Error {}

export interface RestoreResult {
  /** Where the replaced database went (its -wal and -shm beside it), or null when there was none. */
  movedTo: string | null;
  migrations: number;
}

/**
 * Installs a backup as the app's database. Copying a backup over the file is
 * not enough: after an unclean stop the old -wal is still there, SQLite
 * replays it into the restored file, and the result is corrupt. So the old
 * file and its -wal/-shm are moved aside together (nothing deleted: a restore
 * typed into the wrong terminal must be recoverable), and the backup is copied
 * in under a temporary name and renamed, so the app never sees half a file.
 * Every check runs before anything moves.
 */
export function restoreDatabase(backupFile: string, databasePath: string, now: Date = new Date()): RestoreResult {
  const backup = path.resolve(backupFile);
  const target = path.resolve(databasePath);
  if (!fs.existsSync(backup)) throw new RestoreRefusal(`There is no file ${backupFile}; give the path of a backup made with "npm run cli -- backup FILE"; nothing was changed.`);
  if (backup === target) throw new RestoreRefusal(`${backupFile} is the app's database itself (DATABASE_PATH); give the path of a backup; nothing was changed.`);
  // An empty -wal holds nothing (a read-only open of a WAL-mode file leaves one); a non-empty one holds commits the file lacks.
  if (fs.existsSync(`${backup}-wal`) && fs.statSync(`${backup}-wal`).size > 0) {
    throw new RestoreRefusal(`${backupFile}-wal lies beside the backup, so part of its data is not in ${backupFile} itself; nothing was changed. Make a backup with "npm run cli -- backup FILE" instead of copying files.`);
  }
  const migrations = checkBackup(backup, backupFile);
  if (fs.existsSync(target)) refuseIfInUse(target);

  const movedTo = fs.existsSync(target) ? `${target}.replaced-${now.toISOString().replace(/[:.]/g, '-')}` : null;
  if (movedTo) {
    // The -wal and -shm follow the file under the same name, so the old set stays one openable database.
    fs.renameSync(target, movedTo);
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, movedTo + suffix);
  }
  const partial = `${target}.restoring`;
  fs.copyFileSync(backup, partial);
  syncFile(partial);
  fs.renameSync(partial, target);
  syncFile(path.dirname(target));
  return { movedTo, migrations };
}

/** Reads the backup (the store opens it read-only) and returns how many migrations it holds, or refuses saying what is wrong with it. */
function checkBackup(file: string, shown: string): number {
  const contents = readBackup(file);
  switch (contents.state) {
    case 'unopenable':
      throw new RestoreRefusal(`${shown} cannot be opened as a database (${contents.error}); nothing was changed.`);
    case 'damaged':
      throw new RestoreRefusal(`${shown} is damaged (SQLite's integrity check says: ${contents.damage}); nothing was changed. Restore an older backup.`);
    case 'unreadable':
      throw new RestoreRefusal(`${shown} cannot be read as a database (${contents.error}); nothing was changed.`);
    case 'sound': {
      const names = contents.migrations;
      if (names.length === 0) throw new RestoreRefusal(`${shown} is a SQLite file but not a forum-planner database (it has no migrations); nothing was changed.`);
      const known = new Set(knownMigrations());
      const unknown = names.filter((n) => !known.has(n));
      if (unknown.length) throw new RestoreRefusal(`${shown} was made by a newer forum-planner (it has migrations this version does not know: ${unknown.join(', ')}); nothing was changed. Restore it with that version.`);
      return names.length;
    }
  }
}

/** Refuses while the app or another command has the file open: installing under it would be lost or corrupt it. */
function refuseIfInUse(target: string): void {
  if (isOpenElsewhere(target)) throw new RestoreRefusal(`${target} is in use (the app or another command has it open). Stop the app first, then restore; nothing was changed.`);
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
