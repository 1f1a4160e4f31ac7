import fs from 'node:fs';
import path from 'node:path';
import ejs from 'ejs';

/**
 * The EJS engine the app renders with: EJS's own parser and code generator
 * (`ejs.Template`), with a cheaper `include`.
 *
 * EJS's include copies every local of the page into a fresh object twice
 * (once for the include, once more as the included template's locals),
 * copies its options, and asks the file system whether the file exists, on
 * every call. A page's locals are the app's helpers plus the page's data, so
 * on the 20,000-meeting forum a delegation's day agenda (thousands of
 * included names, cards and marks) spent about a third of its first build
 * copying them. Here an include hands its template the caller's locals as
 * they are, or, with include data, an object whose prototype is the caller's
 * locals and whose own properties are that data: `with (locals)` finds both,
 * and nothing is copied. The page's root locals are copied once, into an
 * object without a prototype, so nothing inherited from Object.prototype is
 * visible as a name in a template (what EJS's copies also ensured).
 *
 * Paths resolve as EJS resolves them (relative to the including file, `.ejs`
 * added), once per (file, name); compiled templates are kept when `cache` is
 * on (npm start) and re-read on every render when it is off (npm run dev).
 */
type Rethrow = (err: unknown, lines: string, file: string, line: number) => never;
type Compiled = (locals: Locals, escapeFn: (s: unknown) => string, include: Include, rethrow: Rethrow) => string;
type Locals = Record<string, unknown>;
type Include = (name: string, data?: Locals) => string;

interface TemplateSource {
  /** EJS's generated body for the template (set by generateSource). */
  source: string;
  templateText: string;
  generateSource(): void;
}

export interface ViewEngine {
  /** Express's engine signature: app.engine('ejs', engine.renderFile). */
  renderFile(file: string, options: object, done: (err: Error | null, html?: string) => void): void;
  /** Renders a template file with the given locals, synchronously. */
  render(file: string, locals: object): string;
}

export function createViewEngine(opts: { cache: boolean }): ViewEngine {
  const compiled = new Map<string, Compiled>();
  const resolved = new Map<string, string>();

  function compile(file: string): Compiled {
    const known = opts.cache ? compiled.get(file) : undefined;
    if (known) return known;
    // Through ejs.fileLoader, EJS's documented hook for reading a template (a test counts the reads).
    const text = String((ejs.fileLoader as (file: string, encoding: string) => string | Buffer)(file, 'utf8'));
    const template = new ejs.Template(text, { filename: file, compileDebug: true }) as unknown as TemplateSource;
    template.generateSource();
    const body =
      'let __output = "";\n' +
      'function __append(s) { if (s !== undefined && s !== null) __output += s }\n' +
      'with (locals) {\n' +
      template.source +
      '}\n' +
      'return __output;\n';
    const src =
      `let __line = 1, __lines = ${JSON.stringify(template.templateText)}, __filename = ${JSON.stringify(file)};\n` +
      `try {\n${body}} catch (e) {\n  rethrow(e, __lines, __filename, __line);\n}\n` +
      `//# sourceURL=${file}\n`;
    let fn: Compiled;
    try {
      fn = new Function('locals, escapeFn, include, rethrow', src) as Compiled;
    } catch (err) {
      if (err instanceof SyntaxError) err.message += ` in ${file} while compiling ejs`;
      throw err;
    }
    if (opts.cache) compiled.set(file, fn);
    return fn;
  }

  function resolve(from: string, name: string): string {
    const key = `${from}\0${name}`;
    let file = resolved.get(key);
    if (file === undefined) {
      file = path.resolve(path.dirname(from), name);
      if (!path.extname(name)) file += '.ejs';
      if (!fs.existsSync(file)) throw new Error(`Could not find the include file "${name}" (from ${from})`);
      if (opts.cache) resolved.set(key, file);
    }
    return file;
  }

  function run(file: string, locals: Locals): string {
    const include: Include = (name, data) => {
      const child = data ? Object.assign(Object.create(locals) as Locals, data) : locals;
      return run(resolve(file, name), child);
    };
    return compile(file)(locals, ejs.escapeXML as (s: unknown) => string, include, rethrow);
  }

  const render = (file: string, locals: object): string => run(file, Object.assign(Object.create(null) as Locals, locals));

  return {
    render,
    renderFile(file, options, done) {
      let html: string;
      try {
        html = render(file, options);
      } catch (err) {
        done(err as Error);
        return;
      }
      done(null, html);
    },
  };
}

/** Names the template file and line of an error thrown while rendering, with the lines around it (as EJS does). */
function rethrow(err: unknown, lines: string, file: string, line: number): never {
  if (!(err instanceof Error)) throw err;
  const all = lines.split('\n');
  const start = Math.max(line - 3, 0);
  const end = Math.min(all.length, line + 3);
  const context = all
    .slice(start, end)
    .map((text, i) => `${i + start + 1 === line ? ' >> ' : '    '}${i + start + 1}| ${text}`)
    .join('\n');
  // An error already named by an inner template keeps that name: the innermost line is the one to fix.
  if (!(err as { ejsNamed?: boolean }).ejsNamed) {
    err.message = `${file}:${line}\n${context}\n\n${err.message}`;
    (err as { ejsNamed?: boolean }).ejsNamed = true;
  }
  throw err;
}
