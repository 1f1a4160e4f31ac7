/**
 * `npm run check:i18n`: every language is complete and every key the code
 * names exists, so no reader sees a raw key or an English fallback.
 *
 * Checks, over src/messages/catalogues/<locale>/*.json:
 *  - each language has exactly the keys English has;
 *  - each message parses as ICU MessageFormat, has no markup (a sentence with
 *    a link is two messages around the link) and uses the same {arguments}
 *    as English (a translation can neither drop a name nor ask for one the
 *    code does not pass);
 *  - every literal key the views and the web layer name (t('nav.meetings'),
 *    translate(locale, 'nav.meetings')) exists, and every key built from a
 *    prefix (t('role.' + role)) has at least one key under that prefix.
 *
 * Prints one line per problem and exits 1; exits 0 when all is clean.
 */
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { INTL_TAG, LOCALES, readCatalogue, type Locale } from '../src/messages/catalogue';

const ROOT = path.resolve(__dirname, '..');

/** Where the keys in use are looked for, relative to the repository root. */
const USES = [
  { dir: 'views', ext: '.ejs' },
  { dir: 'src', ext: '.ts' },
];
const LITERAL_USE = /\b(?:t|translate\(\s*[\w.]+\s*,)\(?\s*(['"])([a-z0-9][\w.-]*)\1\s*([,)+])/g;

type Ast = ReturnType<IntlMessageFormat['getAst']>;

function argumentsOf(ast: Ast, into = new Set<string>()): Set<string> {
  for (const el of ast as Array<{ type: number; value?: string; options?: Record<string, { value: Ast }>; children?: Ast }>) {
    // 0 literal, 7 pound: no argument; 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural, 8 tag.
    if (el.type >= 1 && el.type <= 6 && typeof el.value === 'string') into.add(el.value);
    for (const option of Object.values(el.options ?? {})) argumentsOf(option.value, into);
    if (el.children) argumentsOf(el.children, into);
  }
  return into;
}

function walk(dir: string, ext: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, ext) : e.name.endsWith(ext) ? [full] : [];
  });
}

export function catalogueProblems(root = ROOT, catalogueDir = path.join(root, 'src', 'messages', 'catalogues')): string[] {
  const problems: string[] = [];
  const catalogues = new Map<Locale, ReturnType<typeof readCatalogue>>();
  for (const locale of LOCALES) {
    try {
      catalogues.set(locale, readCatalogue(locale, catalogueDir, (problem) => problems.push(problem)));
    } catch (err) {
      problems.push(`${locale}: a catalogue file is not JSON: ${(err as Error).message}`);
      catalogues.set(locale, new Map());
    }
  }
  const english = catalogues.get('en')!;
  const argsOf = new Map<string, Set<string>>();
  for (const locale of LOCALES) {
    const here = catalogues.get(locale)!;
    for (const [key, { source, file }] of here) {
      const where = `${locale}/${file}: '${key}'`;
      if (!english.has(key)) problems.push(`${where} is not in English (a key only English may add)`);
      if (/<\/?[a-z][\w-]*[\s/>]/i.test(source)) problems.push(`${where} contains markup; split the sentence around it`);
      let args: Set<string>;
      try {
        args = argumentsOf(new IntlMessageFormat(source, INTL_TAG[locale], undefined, { ignoreTag: true }).getAst());
      } catch (err) {
        problems.push(`${where} is not an ICU message: ${(err as Error).message}`);
        continue;
      }
      if (locale === 'en') argsOf.set(key, args);
      else if (english.has(key)) {
        const expected = argsOf.get(key) ?? new Set<string>();
        const missing = [...expected].filter((a) => !args.has(a));
        const extra = [...args].filter((a) => !expected.has(a));
        if (missing.length) problems.push(`${where} leaves out {${missing.join('}, {')}}`);
        if (extra.length) problems.push(`${where} uses {${extra.join('}, {')}}, which English does not`);
      }
    }
    if (locale !== 'en') for (const key of english.keys()) if (!here.has(key)) problems.push(`${locale}: '${key}' is missing (English: ${JSON.stringify(english.get(key)!.source)})`);
  }
  const keys = [...english.keys()];
  for (const { dir, ext } of USES) {
    for (const file of walk(path.join(root, dir), ext)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(LITERAL_USE)) {
        const [, , key, after] = m;
        const line = text.slice(0, m.index).split('\n').length;
        const where = `${path.relative(root, file)}:${line}`;
        if (after === '+') {
          if (!keys.some((k) => k.startsWith(key!))) problems.push(`${where}: no message starts with '${key}'`);
        } else if (key!.includes('.') && !english.has(key!)) problems.push(`${where}: no message '${key}' in the catalogues`);
      }
    }
  }
  return problems;
}

if (require.main === module) {
  const problems = catalogueProblems();
  for (const p of problems) console.log(p);
  if (problems.length) {
    console.log(`\n${problems.length} problem(s) in the message catalogues.`);
    process.exit(1);
  }
  console.log('Message catalogues: every language complete, every key in use defined.');
}
