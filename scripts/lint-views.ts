/**
 * `npm run lint:views`: every EJS view escapes what it prints. `<%-` (raw
 * output) is allowed only around include(...), whose result is a template
 * of ours that escapes what it prints; anywhere else it would let a person's name carry a
 * <script> into every page that shows it.
 *
 * Prints file:line for each offence and exits 1; exits 0 when all is clean.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Offence {
  file: string;
  line: number;
  code: string;
}

/**
 * The body of a raw tag may be only `include(...)` (a name goes through the
 * partial views/partials/name.ejs), optionally followed by `;`.
 */
const INCLUDE_ONLY = /^\s*include\s*\([\s\S]*\)\s*;?\s*$/;
const RAW_TAG = /<%-([\s\S]*?)[-_]?%>/g;

export function lintView(file: string, source: string): Offence[] {
  const offences: Offence[] = [];
  for (const m of source.matchAll(RAW_TAG)) {
    const body = m[1] ?? '';
    if (INCLUDE_ONLY.test(body) && balanced(body)) continue;
    const line = source.slice(0, m.index).split('\n').length;
    offences.push({ file, line, code: m[0].split('\n')[0]!.trim() });
  }
  return offences;
}

/** `include(a) + user.name` matches the pattern above; a lone include call closes only at the end. */
function balanced(body: string): boolean {
  const start = body.indexOf('(');
  let depth = 0;
  for (let i = start; i < body.length; i++) {
    const c = body[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return body.slice(i + 1).trim().replace(/;$/, '') === '';
    else if (c === "'" || c === '"' || c === '`') i = body.indexOf(c, i + 1);
    if (i < 0) return false;
  }
  return false;
}

export function viewFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return viewFiles(full);
    return e.name.endsWith('.ejs') ? [full] : [];
  });
}

function main(): number {
  const root = path.resolve(__dirname, '..');
  const files = viewFiles(path.join(root, 'views')).sort();
  const offences = files.flatMap((f) => lintView(path.relative(root, f), fs.readFileSync(f, 'utf8')));
  for (const o of offences) process.stdout.write(`${o.file}:${o.line}: raw output "<%-" is only allowed around include(...): ${o.code}\n`);
  if (offences.length) {
    process.stdout.write(`\n${offences.length} unescaped output tag${offences.length === 1 ? '' : 's'} in views/. Use <%= %> to print values.\n`);
    return 1;
  }
  process.stdout.write(`lint:views: ${files.length} views checked, every <%- is an include.\n`);
  return 0;
}

if (require.main === module) process.exitCode = main();
