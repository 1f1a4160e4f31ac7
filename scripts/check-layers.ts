/**
 * `npm run check:layers`: the layers keep their walls.
 *  - sql: SQL (and better-sqlite3) only in src/store;
 *  - domain-import: src/domain imports no other layer of src but src/messages
 *    (message keys and the catalogue: data, which the domain's results name);
 *  - messages-import: src/messages imports nothing of src but src/domain;
 *  - domain-impure: src/domain and src/messages read no clock, environment or
 *    randomness, so a rule computes the same answer for the same arguments;
 *  - store-import: src/store imports neither src/services nor src/web;
 *  - web-import: src/web imports no src/store module, not even a type: its
 *    types come from src/domain and what it needs of the database file from
 *    a service (services/storage.ts). src/app.ts, the composition root, wires
 *    the store and is outside src/web;
 *  - face: a feature folder of src/domain or src/services (domain/b2b/,
 *    services/meetings/, ...) is entered through its index.ts, its public
 *    face: a file outside the folder imports no other file of it, not even
 *    for a type;
 *  - cycle: no runtime import cycle in src.
 *
 * The rules are a pure function of a small graph (`findViolations`), which the
 * unit test feeds fake graphs. The real graph has two sources:
 *  - every import as written (type-only ones too: a domain file that imports a
 *    store type depends on the store all the same), scanned from the text with
 *    the comments blanked out;
 *  - which imports survive to run time, from esbuild's metafile of a bundle of
 *    src: esbuild drops `import type` and imports used only as types, as tsc
 *    and swc do, so a cycle it sees is one node runs. TypeScript 7's compiler
 *    has no JavaScript API to ask instead.
 *
 * Violations listed in scripts/layer-allowlist.ts pass, each with the issue
 * item that removes it; any other fails. Prints file: reason per violation and
 * exits 1; exits 0 when all is clean.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LAYER_ALLOWLIST, type AllowedViolation } from './layer-allowlist';

export interface ImportEdge {
  /** A repository-relative path (src/store/index.ts) for a local file, else the package's specifier. */
  target: string;
  /** False when only types cross: `import type`, or names used only as types. */
  runtime: boolean;
}

export interface SourceFile {
  /** Repository-relative, with forward slashes: src/domain/time.ts. */
  path: string;
  text: string;
  imports: ImportEdge[];
}

export type Rule = 'sql' | 'domain-import' | 'messages-import' | 'domain-impure' | 'store-import' | 'web-import' | 'face' | 'cycle';

export interface Violation {
  rule: Rule;
  file: string;
  /** What was found: the imported file, the SQL text, the clock call, or the cycle's path. */
  detail: string;
}

const layerOf = (file: string): string | null => /^src\/([^/]+)\//.exec(file)?.[1] ?? null;
/** The feature folder a file lies in ('src/domain/b2b/'), or null for a file at a layer's root or elsewhere. */
const featureOf = (file: string): string | null => /^(src\/(?:domain|services)\/[^/]+\/)./.exec(file)?.[1] ?? null;

/** Blanks out comments, keeping strings and line breaks, so that a comment's `SELECT` or `Date.now()` is not code. */
export function withoutComments(text: string): string {
  return text.replace(/('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`)|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (match, literal: string | undefined) =>
    literal !== undefined ? literal : match.replace(/[^\n]/g, ' '),
  );
}

/** Every static import, re-export, require and dynamic import of a file: its specifier and whether only types cross. */
export function importsIn(text: string): { specifier: string; typeOnly: boolean }[] {
  const code = withoutComments(text);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const imports = /(?:^|[;\n])\s*import\s+(type\s+)?(?:([^'";]*?)\s*from\s*)?(['"])([^'"\n]+)\3/g;
  const reexports = /(?:^|[;\n])\s*export\s+(type\s+)?(\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(['"])([^'"\n]+)\3/g;
  for (const m of [...code.matchAll(imports), ...code.matchAll(reexports)]) {
    const [, typeKeyword, clause = '', , specifier] = m;
    // `{ type A, type B }` crosses only types; `x, { type A }` or `{ A }` may carry a value.
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1]?.split(',').map((n) => n.trim()).filter(Boolean);
    const allTyped = names !== undefined && names.length > 0 && names.every((n) => n.startsWith('type '));
    found.push({ specifier: specifier!, typeOnly: typeKeyword !== undefined || allTyped });
  }
  for (const m of code.matchAll(/\b(?:require|import)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g)) found.push({ specifier: m[2]!, typeOnly: false });
  return found;
}

/** SQL statements inside string literals: a statement's first words, upper case as the store writes them. */
const SQL = /^\s*(?:SELECT\s[\s\S]*\bFROM\b|INSERT\s+(?:OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|(?:CREATE|DROP|ALTER)\s+(?:TABLE|INDEX|TRIGGER|VIEW)\b|PRAGMA\b|BEGIN(?:\s+(?:IMMEDIATE|EXCLUSIVE|DEFERRED|TRANSACTION))?\s*$|COMMIT\s*$|ROLLBACK\s*$|SAVEPOINT\b|RELEASE\b|VACUUM\b)/;
/** Calls that hand SQL to SQLite, whatever builds the text. */
const SQL_CALL = /\.(?:prepare|pragma)\s*\(/;

const IMPURE: [RegExp, string][] = [
  [/\bDate\.now\b/, 'Date.now (the clock)'],
  [/\bnew\s+Date\s*\(\s*\)/, 'new Date() (the clock)'],
  [/\bDateTime\.(?:now|local|utc)\s*\(\s*\)/, 'DateTime.now/local/utc() (the clock)'],
  [/\bperformance\.now\b/, 'performance.now (the clock)'],
  [/\bprocess\.env\b/, 'process.env (the environment)'],
  [/\bMath\.random\b/, 'Math.random (randomness)'],
  [/\b(?:randomBytes|randomUUID|randomInt|randomFillSync|getRandomValues)\b/, 'crypto random (randomness)'],
];

function stringLiterals(code: string): string[] {
  return [...code.matchAll(/'((?:\\.|[^'\\\n])*)'|"((?:\\.|[^"\\\n])*)"|`((?:\\.|[^`\\])*)`/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

function fileViolations(file: SourceFile): Violation[] {
  const layer = layerOf(file.path);
  const code = withoutComments(file.text);
  const out: Violation[] = [];
  if (layer !== 'store') {
    const sql = stringLiterals(code).find((s) => SQL.test(s));
    if (sql !== undefined) out.push({ rule: 'sql', file: file.path, detail: `SQL text "${sql.trim().split(/\s+/).slice(0, 4).join(' ')}…"` });
    else if (SQL_CALL.test(code)) out.push({ rule: 'sql', file: file.path, detail: `a call that runs SQL (${SQL_CALL.exec(code)![0]})` });
    if (file.imports.some((i) => i.target === 'better-sqlite3' && i.runtime)) out.push({ rule: 'sql', file: file.path, detail: 'imports better-sqlite3' });
  }
  for (const edge of file.imports) {
    const to = layerOf(edge.target);
    if (layer === 'domain' && to !== null && to !== 'domain' && to !== 'messages') out.push({ rule: 'domain-import', file: file.path, detail: edge.target });
    if (layer === 'messages' && to !== null && to !== 'messages' && to !== 'domain') out.push({ rule: 'messages-import', file: file.path, detail: edge.target });
    if (layer === 'store' && (to === 'services' || to === 'web')) out.push({ rule: 'store-import', file: file.path, detail: edge.target });
    if (layer === 'web' && to === 'store') out.push({ rule: 'web-import', file: file.path, detail: edge.target });
    const feature = featureOf(edge.target);
    if (feature !== null && !file.path.startsWith(feature) && edge.target !== `${feature}index.ts`) out.push({ rule: 'face', file: file.path, detail: edge.target });
  }
  if (layer === 'domain' || layer === 'messages') {
    for (const [pattern, what] of IMPURE) if (pattern.test(code)) out.push({ rule: 'domain-impure', file: file.path, detail: what });
  }
  return out;
}

/** Each runtime cycle once, as the path from its first file (in sort order) back to it. */
export function runtimeCycles(files: readonly SourceFile[]): string[][] {
  const next = new Map(files.map((f) => [f.path, [...new Set(f.imports.filter((i) => i.runtime).map((i) => i.target))].sort()]));
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const to of next.get(node) ?? []) {
      if (!next.has(to)) continue;
      if (state.get(to) === 'open') {
        const cycle = stack.slice(stack.indexOf(to));
        const first = cycle.indexOf([...cycle].sort()[0]!);
        const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
        cycles.set(rotated.join(' → '), rotated);
      } else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const f of [...next.keys()].sort()) if (!state.has(f)) visit(f);
  return [...cycles.values()];
}

export function findViolations(files: readonly SourceFile[]): Violation[] {
  const cycles = runtimeCycles(files).map((c): Violation => ({ rule: 'cycle', file: c[0]!, detail: [...c, c[0]].join(' → ') }));
  return [...files.flatMap(fileViolations), ...cycles];
}

const matches = (allowed: AllowedViolation, v: Violation) => allowed.rule === v.rule && allowed.file === v.file && (allowed.detail === undefined || allowed.detail === v.detail);

/** The violations no allow-list entry covers, and the entries that no longer match anything. */
export function judge(violations: readonly Violation[], allowlist: readonly AllowedViolation[]): { refused: Violation[]; stale: AllowedViolation[] } {
  return {
    refused: violations.filter((v) => !allowlist.some((a) => matches(a, v))),
    stale: allowlist.filter((a) => !violations.some((v) => matches(a, v))),
  };
}

function tsFiles(root: string, dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    return e.isDirectory() ? tsFiles(root, rel) : rel.endsWith('.ts') ? [rel] : [];
  });
}

/** The graph of src as written and as run. */
export function readGraph(root: string): SourceFile[] {
  const esbuild = require('esbuild') as typeof import('esbuild');
  const paths = tsFiles(root, 'src').sort();
  const { metafile } = esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: paths,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    outdir: 'layer-check',
    logLevel: 'silent',
  });
  return paths.map((file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const run = metafile.inputs[file]?.imports ?? [];
    const resolved = new Map(run.filter((i) => i.original !== undefined).map((i) => [i.original!, i.path]));
    const imports = importsIn(text).map(({ specifier, typeOnly }): ImportEdge => {
      const target = specifier.startsWith('.') ? (resolved.get(specifier) ?? resolveLocal(root, file, specifier)) : specifier;
      const runtime = !typeOnly && run.some((i) => (i.original ?? i.path) === specifier);
      return { target, runtime };
    });
    return { path: file, text, imports };
  });
}

/** A relative specifier as a repository path, for imports esbuild dropped (type-only ones). */
function resolveLocal(root: string, from: string, specifier: string): string {
  const base = path.posix.join(path.posix.dirname(from), specifier);
  const candidate = [`${base}.ts`, `${base}/index.ts`, base].find((p) => fs.existsSync(path.join(root, p)));
  return candidate ?? base;
}

function main(): number {
  const root = path.resolve(__dirname, '..');
  const files = readGraph(root);
  const { refused, stale } = judge(findViolations(files), LAYER_ALLOWLIST);
  for (const v of refused) process.stdout.write(`${v.file}: ${v.rule}: ${v.detail}\n`);
  for (const a of stale) process.stdout.write(`note: scripts/layer-allowlist.ts allows ${a.rule} in ${a.file}, which no longer happens: delete the entry.\n`);
  if (refused.length) {
    process.stdout.write(`\n${refused.length} layer violation${refused.length === 1 ? '' : 's'}. Move the code to its layer (see the rules at the top of scripts/check-layers.ts).\n`);
    return 1;
  }
  process.stdout.write(`check:layers: ${files.length} files of src checked, ${LAYER_ALLOWLIST.length - stale.length} allowed for now, no new violation.\n`);
  return 0;
}

if (require.main === module) process.exitCode = main();
