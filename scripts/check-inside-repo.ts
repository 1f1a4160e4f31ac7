/**
 * `npm run check:paths`: no test, script, fixture or config reaches a path
 * outside the repository. Such a path works on the machine it was written on
 * and fails on every fresh clone (the suite once ran the workspace's shared
 * iCalendar validator, which no user has, and 15 tests failed after `npm install && npm test`).
 *
 * A static scan, line by line, for three things:
 *  - the sibling folders of our own workspace (the shared folder beside the repository, and its tools);
 *  - absolute paths into one machine's work or home folders (/work/, /home/…, /Users/…, /root/);
 *  - relative paths anchored to the file (import/require specifiers, path.resolve or
 *    path.join from __dirname, `$(dirname "$0")/…` in shell, jest's `<rootDir>/…`),
 *    or to the repository root (path.resolve('…') from the npm scripts' working
 *    directory), whose `..` climb above the repository root.
 * System paths such as /usr/bin/chromium are fine: they come from Debian packages
 * the README names, not from one machine's files.
 *
 * Prints file:line for each finding and exits 1; exits 0 when all is clean.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Finding {
  file: string;
  line: number;
  reason: string;
}

/** What the scan covers, relative to the repository root. */
export const SCANNED = ['tests', 'scripts', 'bench', 'src', 'db', '.ci', 'jest.config.js', 'tsconfig.json', 'package.json'];
const SELF = new Set(['scripts/check-inside-repo.ts', 'tests/unit/check-inside-repo.test.ts']);

const WORKSPACE_SIBLING = /\.\.\/shared\b|(?<![\w.-])shared\/tools\b/;
const MACHINE_PATH = /(?:^|[\s'"`=(,:[])(\/work\/|\/home\/[\w.-]+|\/Users\/[\w.-]+|\/root\/)/;
const STRING = String.raw`(['"\x60])([^'"\x60\n]*)\1`;
const SPECIFIER = new RegExp(String.raw`(?:\bfrom\s+|\bimport\s*\(\s*|\brequire(?:\.resolve)?\s*\(\s*|\bjest\.mock\s*\(\s*)` + STRING, 'g');
const PATH_CALL = /\bpath\.(?:resolve|join)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g;
const TEMPLATE_DIRNAME = /\$\{__dirname\}((?:\/[^`'"\s}]*)*)/g;
const SHELL_DIRNAME = /\$\(\s*dirname\s+"?\$(?:0|\{BASH_SOURCE\[0\]\})"?\s*\)"?((?:\/[^\s"';)]*)*)/g;
const ROOT_DIR = /<rootDir>((?:\/[^\s'"`]*)*)/g;

/**
 * How far `segments` climb from a folder `depth` levels below the repository
 * root: the lowest depth they reach (below 0 is outside).
 */
function lowestDepth(depth: number, segments: string[]): number {
  let lowest = depth;
  for (const segment of segments.flatMap((s) => s.split('/'))) {
    if (segment === '..') lowest = Math.min(lowest, --depth);
    else if (segment !== '.' && segment !== '') depth++;
  }
  return lowest;
}

/** Literal string arguments of a path.resolve/join call, from its anchor on; null when it has no anchor we know. */
function anchoredArguments(args: string, fileDepth: number): { depth: number; segments: string[] } | null {
  const parts = args.split(',').map((a) => a.trim());
  const literal = (a: string) => /^(['"`])([^'"`]*)\1$/.exec(a)?.[2];
  const first = parts[0] ?? '';
  let depth: number;
  let rest: string[];
  if (first === '__dirname' || first === 'import.meta.dirname') [depth, rest] = [fileDepth, parts.slice(1)];
  else if (literal(first)?.startsWith('.')) [depth, rest] = [0, parts]; // npm scripts run at the repository root
  else return null;
  const segments: string[] = [];
  for (const part of rest) {
    const value = literal(part);
    if (value === undefined) break; // a variable: where it points is not known statically
    if (value.startsWith('/')) return null; // an absolute argument restarts the path
    segments.push(value);
  }
  return { depth, segments };
}

/** Every reach outside the repository in one file; `file` is relative to the repository root, with `/`. */
export function findOutsidePaths(file: string, source: string): Finding[] {
  const findings: Finding[] = [];
  const fileDepth = path.posix.dirname(file) === '.' ? 0 : path.posix.dirname(file).split('/').length;
  const lines = source.split('\n');
  lines.forEach((text, i) => {
    const flag = (reason: string) => findings.push({ file, line: i + 1, reason });
    const sibling = WORKSPACE_SIBLING.exec(text);
    if (sibling) flag(`"${sibling[0]}" is a folder beside the repository, which a clone does not have`);
    const machine = MACHINE_PATH.exec(text);
    if (machine) flag(`"${machine[1]}" is an absolute path on one machine`);
    const climbs = (depth: number, segments: string[], what: string) => {
      if (lowestDepth(depth, segments) < 0) flag(`${what} climbs above the repository root`);
    };
    for (const m of text.matchAll(SPECIFIER)) if (m[2]!.startsWith('.')) climbs(fileDepth, [m[2]!], `the module path '${m[2]}'`);
    for (const m of text.matchAll(PATH_CALL)) {
      const anchored = anchoredArguments(m[1]!, fileDepth);
      if (anchored) climbs(anchored.depth, anchored.segments, m[0]);
    }
    for (const m of text.matchAll(TEMPLATE_DIRNAME)) climbs(fileDepth, [m[1]!], m[0]);
    for (const m of text.matchAll(SHELL_DIRNAME)) climbs(fileDepth, [m[1]!.replace(/"/g, '')], m[0]);
    for (const m of text.matchAll(ROOT_DIR)) climbs(0, [m[1]!], m[0]);
  });
  return findings;
}

/** Text files under the scanned paths, relative to `root`; binary files (a NUL octet) are skipped. */
function scannedFiles(root: string): string[] {
  const walk = (relative: string): string[] => {
    const full = path.join(root, relative);
    if (!fs.existsSync(full)) return [];
    if (fs.statSync(full).isDirectory()) {
      return fs.readdirSync(full).filter((name) => name !== 'node_modules').flatMap((name) => walk(path.posix.join(relative, name)));
    }
    return fs.readFileSync(full).includes(0) ? [] : [relative];
  };
  return SCANNED.flatMap(walk).sort();
}

/** The scanned files but this checker and its test, which spell out the forbidden paths as cases. */
export function checkedFiles(root: string): string[] {
  return scannedFiles(root).filter((f) => !SELF.has(f));
}

function main(): number {
  const root = path.resolve(__dirname, '..');
  const files = checkedFiles(root);
  const findings = files.flatMap((f) => findOutsidePaths(f, fs.readFileSync(path.join(root, f), 'utf8')));
  for (const f of findings) process.stdout.write(`${f.file}:${f.line}: ${f.reason}\n`);
  if (findings.length) {
    process.stdout.write(`\n${findings.length} path${findings.length === 1 ? '' : 's'} outside the repository. Keep what the tests and scripts need inside it.\n`);
    return 1;
  }
  process.stdout.write(`check:paths: ${files.length} files checked, none reaches outside the repository.\n`);
  return 0;
}

if (require.main === module) process.exitCode = main();
