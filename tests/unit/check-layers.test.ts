/**
 * The layer check: its rules on small fake graphs (each must fail on its
 * case and pass its neighbour), the import scanner on the spellings the tree
 * uses, and the repository itself, which must pass.
 */
import path from 'node:path';
import { findViolations, importsIn, judge, readGraph, runtimeCycles, withoutComments, type ImportEdge, type SourceFile } from '../../scripts/check-layers';
import { LAYER_ALLOWLIST } from '../../scripts/layer-allowlist';

const ROOT = path.resolve(__dirname, '../..');

const run = (target: string): ImportEdge => ({ target, runtime: true });
const typeOnly = (target: string): ImportEdge => ({ target, runtime: false });
const aFile = (file: string, text = '', imports: ImportEdge[] = []): SourceFile => ({ path: file, text, imports });
const rulesOf = (files: SourceFile[]) => findViolations(files).map((v) => `${v.rule} ${v.file}`);

describe('findViolations', () => {
  it.each([
    { name: 'SQL text in a service', file: aFile('src/services/x.ts', "const q = 'SELECT id FROM meeting WHERE forum_id = ?';"), rule: 'sql' },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the case is source text holding a template, for the check to read
    { name: 'an INSERT in a template in web', file: aFile('src/web/x.ts', 'const q = `INSERT INTO audit (x) VALUES (${1})`;'), rule: 'sql' },
    { name: 'a PRAGMA in the CLI', file: aFile('src/cli/x.ts', "db.pragma('quick_check');"), rule: 'sql' },
    { name: 'a transaction begun in a service', file: aFile('src/services/x.ts', "db.exec('BEGIN IMMEDIATE');"), rule: 'sql' },
    { name: 'better-sqlite3 outside the store', file: aFile('src/web/x.ts', '', [run('better-sqlite3')]), rule: 'sql' },
    { name: 'the domain importing the store', file: aFile('src/domain/x.ts', '', [run('src/store/index.ts')]), rule: 'domain-import' },
    { name: 'the domain importing a store type', file: aFile('src/domain/x.ts', '', [typeOnly('src/store/repositories/users.ts')]), rule: 'domain-import' },
    { name: 'the domain importing a service', file: aFile('src/domain/x.ts', '', [run('src/services/meetings/index.ts')]), rule: 'domain-import' },
    { name: 'the domain reading DateTime.now()', file: aFile('src/domain/x.ts', 'const t = DateTime.now().toMillis();'), rule: 'domain-impure' },
    { name: 'the domain defaulting to Date.now', file: aFile('src/domain/x.ts', 'export function f(clock = Date.now) {}'), rule: 'domain-impure' },
    { name: 'the domain reading new Date()', file: aFile('src/domain/x.ts', 'const d = new Date();'), rule: 'domain-impure' },
    { name: 'the domain reading the environment', file: aFile('src/domain/x.ts', 'const z = process.env.TZ;'), rule: 'domain-impure' },
    { name: 'the domain drawing Math.random', file: aFile('src/domain/x.ts', 'const r = Math.random();'), rule: 'domain-impure' },
    { name: 'the domain drawing crypto randomness', file: aFile('src/domain/x.ts', "const id = crypto.randomUUID();"), rule: 'domain-impure' },
    { name: 'the messages importing a service', file: aFile('src/messages/x.ts', '', [run('src/services/meetings/index.ts')]), rule: 'messages-import' },
    { name: 'the messages reading the clock', file: aFile('src/messages/x.ts', 'const t = Date.now();'), rule: 'domain-impure' },
    { name: 'the store importing a service', file: aFile('src/store/x.ts', '', [typeOnly('src/services/meetings/index.ts')]), rule: 'store-import' },
    { name: 'the store importing web', file: aFile('src/store/x.ts', '', [run('src/web/form.ts')]), rule: 'store-import' },
    { name: 'web importing the store', file: aFile('src/web/x.ts', '', [run('src/store/index.ts')]), rule: 'web-import' },
    { name: 'web importing a store type', file: aFile('src/web/routes/x.ts', '', [typeOnly('src/store/repositories/feed-tokens.ts')]), rule: 'web-import' },
    { name: 'web middleware calling a store function', file: aFile('src/web/middleware/x.ts', '', [run('src/store/health.ts')]), rule: 'web-import' },
    { name: 'web reaching past a service folder\'s face', file: aFile('src/web/routes/x.ts', '', [run('src/services/b2b/requests.ts')]), rule: 'face' },
    { name: 'a service reaching past a domain folder\'s face for a type', file: aFile('src/services/b2b/x.ts', '', [typeOnly('src/domain/b2b/slots.ts')]), rule: 'face' },
    { name: 'the store reaching into a domain folder', file: aFile('src/store/repositories/x.ts', '', [typeOnly('src/domain/b2b/records.ts')]), rule: 'face' },
    { name: 'one service folder reaching into another', file: aFile('src/services/feeds/x.ts', '', [run('src/services/accounts/passwords.ts')]), rule: 'face' },
    { name: 'the services\' wiring reaching into a folder', file: aFile('src/services/index.ts', '', [run('src/services/meetings/programme-views.ts')]), rule: 'face' },
  ])('refuses $name', ({ file, rule }) => {
    expect(rulesOf([file])).toEqual([`${rule} ${file.path}`]);
  });

  it.each([
    { name: 'SQL in the store', file: aFile('src/store/x.ts', "db.prepare('SELECT id FROM meeting').all();", [run('better-sqlite3')]) },
    { name: 'SQL words in a comment', file: aFile('src/services/x.ts', '// runs in one BEGIN IMMEDIATE transaction\n/* SELECT * FROM x */') },
    { name: 'an English sentence with SQL-ish words', file: aFile('src/web/x.ts', "const s = 'Select a room from the list'; const t = 'BEGIN:VEVENT';") },
    { name: 'regex exec outside the store', file: aFile('src/services/x.ts', 'const m = /^(\\d+)$/.exec(text);') },
    { name: 'the domain importing itself and packages', file: aFile('src/domain/x.ts', '', [run('src/domain/time.ts'), run('luxon')]) },
    { name: 'the domain naming a message key of the catalogue', file: aFile('src/domain/x.ts', '', [run('src/messages/message.ts')]) },
    { name: 'the messages reading domain types', file: aFile('src/messages/x.ts', '', [typeOnly('src/domain/types.ts'), run('luxon')]) },
    { name: 'the domain taking the clock as an argument', file: aFile('src/domain/x.ts', 'export function f(now: number) { return DateTime.fromMillis(now); }') },
    { name: 'the domain building a date from a value', file: aFile('src/domain/x.ts', 'const d = new Date(at);') },
    { name: 'a service reading the clock', file: aFile('src/services/x.ts', 'const t = Date.now();') },
    { name: 'the store importing the domain', file: aFile('src/store/x.ts', '', [run('src/domain/types.ts')]) },
    { name: 'the composition root wiring the store', file: aFile('src/app.ts', '', [run('src/store/session-store.ts')]) },
    { name: 'web asking a service about storage', file: aFile('src/web/x.ts', '', [run('src/services/storage.ts'), typeOnly('src/domain/feed-scope.ts')]) },
    { name: 'a service importing the store', file: aFile('src/services/x.ts', '', [run('src/store/health.ts')]) },
    { name: 'a folder entered through its face', file: aFile('src/web/routes/x.ts', '', [run('src/services/b2b/index.ts'), typeOnly('src/domain/b2b/index.ts')]) },
    { name: 'a folder\'s file importing its sibling', file: aFile('src/domain/b2b/scheduler.ts', '', [run('src/domain/b2b/slots.ts')]) },
    { name: 'a file at a layer\'s root', file: aFile('src/web/x.ts', '', [run('src/domain/types.ts'), run('src/services/validation.ts')]) },
    { name: 'a folder of web or the store, which have no faces', file: aFile('src/app.ts', '', [run('src/web/routes/index.ts'), run('src/store/repositories/users.ts')]) },
  ])('lets pass $name', ({ file }) => {
    expect(rulesOf([file])).toEqual([]);
  });

  it('refuses a runtime cycle once, from its first file', () => {
    const files = [
      aFile('src/web/routes/api.ts', '', [run('src/web/routes/api-meetings.ts')]),
      aFile('src/web/routes/api-meetings.ts', '', [run('src/web/routes/api.ts')]),
    ];
    expect(findViolations(files)).toEqual([
      { rule: 'cycle', file: 'src/web/routes/api-meetings.ts', detail: 'src/web/routes/api-meetings.ts → src/web/routes/api.ts → src/web/routes/api-meetings.ts' },
    ]);
  });

  it.each([
    { name: 'a three-file ring', edges: [['a', 'b'], ['b', 'c'], ['c', 'a']], cycles: [['a', 'b', 'c']] },
    { name: 'a file importing itself', edges: [['a', 'a']], cycles: [['a']] },
    { name: 'two rings through one file', edges: [['a', 'b'], ['b', 'a'], ['a', 'c'], ['c', 'a']], cycles: [['a', 'b'], ['a', 'c']] },
    { name: 'a diamond (no cycle)', edges: [['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd']], cycles: [] },
  ])('finds the runtime cycles of $name', ({ edges, cycles }) => {
    const names = [...new Set(edges.flat())];
    const files = names.map((n) => aFile(`src/web/${n}.ts`, '', edges.filter(([from]) => from === n).map(([, to]) => run(`src/web/${to}.ts`))));
    expect(runtimeCycles(files)).toEqual(cycles.map((c) => c.map((n) => `src/web/${n}.ts`)));
  });

  it('ignores a cycle that only types close', () => {
    const files = [aFile('src/web/a.ts', '', [run('src/web/b.ts')]), aFile('src/web/b.ts', '', [typeOnly('src/web/a.ts')])];
    expect(findViolations(files)).toEqual([]);
  });
});

describe('judge', () => {
  const violation = { rule: 'sql' as const, file: 'src/cli/seed.ts', detail: 'a call that runs SQL (.pragma()' };
  it('passes a listed violation and refuses one that is not listed', () => {
    const other = { rule: 'sql' as const, file: 'src/cli/main.ts', detail: 'imports better-sqlite3' };
    const allow = [{ ...violation, until: 'an item' }];
    expect(judge([violation, other], allow)).toEqual({ refused: [other], stale: [] });
  });
  it('refuses a new violation of a listed file whose detail differs', () => {
    const allow = [{ ...violation, detail: 'imports better-sqlite3', until: 'an item' }];
    expect(judge([violation], allow).refused).toEqual([violation]);
  });
  it('names the entries that no longer match anything', () => {
    const allow = [{ ...violation, until: 'an item' }];
    expect(judge([], allow)).toEqual({ refused: [], stale: allow });
  });
});

describe('importsIn', () => {
  it.each([
    { name: 'a named import', text: "import { a, b } from './x';", found: [{ specifier: './x', typeOnly: false }] },
    { name: 'a default and named', text: "import Database, { type Options } from 'better-sqlite3';", found: [{ specifier: 'better-sqlite3', typeOnly: false }] },
    { name: 'import type', text: "import type { Services } from '../services';", found: [{ specifier: '../services', typeOnly: true }] },
    { name: 'only type-marked names', text: "import { type A, type B } from './t';", found: [{ specifier: './t', typeOnly: true }] },
    { name: 'a multi-line import', text: "import {\n  a,\n  type B,\n} from './m';", found: [{ specifier: './m', typeOnly: false }] },
    { name: 'a namespace import', text: "import * as z from 'zod';", found: [{ specifier: 'zod', typeOnly: false }] },
    { name: 'a side-effect import', text: "import './register';", found: [{ specifier: './register', typeOnly: false }] },
    { name: 'a re-export', text: "export { x } from './x';\nexport * from './y';\nexport type { T } from './t';", found: [{ specifier: './x', typeOnly: false }, { specifier: './y', typeOnly: false }, { specifier: './t', typeOnly: true }] },
    { name: 'require and dynamic import', text: "const a = require('./a') as typeof import('./a');\nconst b = await import('./b');", found: [{ specifier: './a', typeOnly: false }, { specifier: './a', typeOnly: false }, { specifier: './b', typeOnly: false }] },
    { name: 'an import in a comment', text: "// import { a } from './gone';\n/* import b from './gone2'; */", found: [] },
    { name: 'an export that is no re-export', text: "export const from = 'x';\nexport function f() { return './y'; }", found: [] },
  ])('reads $name', ({ text, found }) => {
    expect(importsIn(text)).toEqual(found);
  });

  it('blanks comments but keeps strings that look like them, and the line count', () => {
    const text = "const url = 'https://example.org'; // a comment\n/* two\nlines */ const x = 1;";
    const out = withoutComments(text);
    expect(out).toContain("'https://example.org'");
    expect(out).not.toContain('comment');
    expect(out.split('\n')).toHaveLength(3);
  });
});

describe('the repository', () => {
  // Stale entries are only noted (by the script), so that the work removing them can land on either side of this check.
  it('passes: every violation it has is in the allow-list', () => {
    expect(judge(findViolations(readGraph(ROOT)), LAYER_ALLOWLIST).refused).toEqual([]);
  });
});
