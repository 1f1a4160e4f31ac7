/**
 * Finds English sentences written as string literals in src/domain and
 * src/services. Sentences belong in the message catalogue (src/messages/), where
 * one file per language renders them at the edge; the domain and the services
 * return keys and parameters. `tests/unit/no-sentences-in-domain.test.ts` fails
 * on a literal found here that its allow-list does not name.
 *
 * A heuristic, not a parser: a small lexer finds string and template literals
 * (a template's `${…}` parts read as '{}'), skipping comments and regular
 * expressions; a literal is a sentence when it holds two or more words and
 * starts with a capital letter or ends with a period, question mark or colon.
 * SQL, log lines and keys (no spaces) are not sentences.
 *
 * `npx tsx scripts/sentence-literals.ts` prints each finding and a count per file.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface SentenceLiteral {
  /** Relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  text: string;
}

export const SCANNED_FOLDERS = ['src/domain', 'src/services'];

const SQL = /^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|WITH|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|VACUUM|ATTACH|REPLACE)\b|\b(FROM|WHERE|JOIN|VALUES|ORDER BY|GROUP BY)\b/;
/** The call a literal is the argument of: log lines are for operators, not users. */
const LOG_CALL = /\b(log(ger)?|console|this\.log(ger)?)\s*\.\s*(trace|debug|info|warn|error|fatal|log)\s*\([^()]*$/;

export function isSentence(text: string): boolean {
  const t = text.trim();
  if (!/\s/.test(t)) return false;
  const words = t.split(/\s+/).filter((w) => /[A-Za-z]{2,}/.test(w));
  if (words.length < 2) return false;
  if (SQL.test(t)) return false;
  return /^['"(‘“]?[A-Z][a-z]/.test(t) || /[.?:]['")’”]?$/.test(t);
}

/** Every string or template literal in `source`, with its line and the code just before it. */
export function stringLiterals(source: string): Array<{ line: number; text: string; before: string }> {
  const found: Array<{ line: number; text: string; before: string }> = [];
  let i = 0;
  let line = 1;
  // The last significant character outside literals and comments, to tell a regex from a division.
  let lastSignificant = '';
  let lastWord = '';
  const braceStack: Array<'code' | 'template'> = [];

  const readTemplate = (): string => {
    // At the opening backtick, or at the '}' that closes a `${…}`.
    let text = '';
    i++;
    while (i < source.length) {
      const c = source[i]!;
      if (c === '\\') {
        text += source[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === '\n') line++;
      if (c === '`') {
        i++;
        return text;
      }
      if (c === '$' && source[i + 1] === '{') {
        // Skip the placeholder's code, including nested literals, by lexing it.
        i += 2;
        text += '{}';
        let depth = 1;
        while (i < source.length && depth > 0) {
          const d = source[i]!;
          if (d === '\n') line++;
          if (d === '{') depth++;
          else if (d === '}') depth--;
          else if (d === "'" || d === '"') {
            const start = line;
            const inner = readQuoted(d);
            found.push({ line: start, text: inner, before: '' });
            continue;
          } else if (d === '`') {
            const start = line;
            const inner = readTemplate();
            found.push({ line: start, text: inner, before: '' });
            continue;
          }
          i++;
        }
        continue;
      }
      text += c;
      i++;
    }
    return text;
  };

  const readQuoted = (quote: string): string => {
    let text = '';
    i++;
    while (i < source.length && source[i] !== quote && source[i] !== '\n') {
      if (source[i] === '\\') {
        text += source[i + 1] ?? '';
        i += 2;
        continue;
      }
      text += source[i];
      i++;
    }
    i++;
    return text;
  };

  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      for (let k = i; k < stop; k++) if (source[k] === '\n') line++;
      i = stop;
      continue;
    }
    if (c === '/') {
      const regexContext = lastSignificant === '' || '(,=:[!&|?{};+-*%<>~^'.includes(lastSignificant) || /^(return|typeof|case|in|of|void|throw)$/.test(lastWord);
      if (regexContext) {
        i++;
        let inClass = false;
        while (i < source.length && source[i] !== '\n') {
          const r = source[i]!;
          if (r === '\\') {
            i += 2;
            continue;
          }
          if (r === '[') inClass = true;
          else if (r === ']') inClass = false;
          else if (r === '/' && !inClass) break;
          i++;
        }
        i++;
        while (/[a-z]/.test(source[i] ?? '')) i++;
        lastSignificant = ')';
        lastWord = '';
        continue;
      }
    }
    if (c === "'" || c === '"' || c === '`') {
      const start = line;
      const before = source.slice(Math.max(0, i - 200), i);
      const text = c === '`' ? readTemplate() : readQuoted(c);
      found.push({ line: start, text, before });
      lastSignificant = ')';
      lastWord = '';
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      let word = '';
      while (i < source.length && /[\w$]/.test(source[i]!)) word += source[i++];
      lastWord = word;
      lastSignificant = 'a';
      continue;
    }
    if (c === '{') braceStack.push('code');
    if (c === '}') braceStack.pop();
    lastSignificant = c;
    lastWord = '';
    i++;
  }
  return found;
}

export function sentenceLiterals(root: string, folders = SCANNED_FOLDERS): SentenceLiteral[] {
  const findings: SentenceLiteral[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) {
        const file = path.relative(root, full).split(path.sep).join('/');
        for (const literal of stringLiterals(fs.readFileSync(full, 'utf8'))) {
          if (!isSentence(literal.text)) continue;
          if (LOG_CALL.test(literal.before)) continue;
          if (/\b(from|import|require)\s*\(?\s*$/.test(literal.before)) continue;
          findings.push({ file, line: literal.line, text: literal.text.trim() });
        }
      }
    }
  };
  for (const folder of folders) walk(path.join(root, folder));
  return findings;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const findings = sentenceLiterals(root);
  const perFile = new Map<string, number>();
  for (const f of findings) {
    console.log(`${f.file}:${f.line}: ${f.text}`);
    perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
  }
  console.log('');
  for (const [file, count] of [...perFile].sort((a, b) => b[1] - a[1])) console.log(`${String(count).padStart(4)}  ${file}`);
  console.log(`${String(findings.length).padStart(4)}  total`);
}
