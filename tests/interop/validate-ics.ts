/**
 * The interop suite's way to scripts/validate-ics.py, the strict iCalendar
 * check (python icalendar + libical with iTIP rules, and the octet rules).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const VALIDATOR = path.resolve(__dirname, '../../scripts/validate-ics.py');
/** Debian installs the libraries for the system python; a pyenv or venv python first on PATH would not see them. */
const PYTHON = process.env.ICS_PYTHON || '/usr/bin/python3';
export const VALIDATOR_PACKAGES = 'python3-icalendar python3-gi gir1.2-ical-3.0';

export interface ValidatorVerdict {
  errors: string[];
  /** Events as python icalendar read them, by UID; `start` is ISO 8601 with the offset it resolved. */
  events: Record<string, { sequence: number; status: string; start: string | null }>;
}

/**
 * What the validator makes of each text: its problems ([] for a clean file)
 * and its events. One python process for all texts. Throws, naming the Debian
 * packages, when it cannot check: a missing check must fail, never pass as clean.
 */
export function validateIcsAll(texts: (string | Buffer)[]): ValidatorVerdict[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'validate-ics-'));
  try {
    const files = texts.map((text, i) => {
      const file = path.join(dir, `feed-${i}.ics`);
      writeFileSync(file, text); // a Buffer as it is, so tests can hand it octets that are not UTF-8
      return file;
    });
    const run = spawnSync(PYTHON, [VALIDATOR, '--json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw new Error(`the iCalendar validator could not start ${PYTHON} (${run.error.message}); install ${VALIDATOR_PACKAGES} (Debian) or set ICS_PYTHON`);
    if (run.status !== 0 && run.status !== 1) throw new Error(`the iCalendar validator cannot check (exit ${run.status}): ${run.stderr}`);
    return (JSON.parse(run.stdout) as { files: ValidatorVerdict[] }).files.map(({ errors, events }) => ({ errors, events }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Throws the validator's own message when python icalendar or libical is missing. */
export function assertValidatorInstalled(): void {
  const run = spawnSync(PYTHON, [VALIDATOR, '--check-installed'], { encoding: 'utf8' });
  if (run.error) {
    throw new Error(`The interop suite cannot start ${PYTHON} (${run.error.message}). Install on Debian: apt-get install -y ${VALIDATOR_PACKAGES}, or set ICS_PYTHON to a python that has them.`);
  }
  // The validator's own message names what is missing and its Debian package.
  if (run.status !== 0) throw new Error(`The interop suite needs python icalendar and libical for ${PYTHON}: ${run.stderr}`);
}
